package contracts_test

import (
	"bytes"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts"
	"github.com/triggerx-network/triggerx/contracts/bindings"
)

func TestKeeperRegistryRegister(t *testing.T) {
	c := newChain(t, 6)
	kr := c.c.KeeperRegistry
	stakes := []*big.Int{eth(32), eth(40), eth(32), eth(50)}

	domain, err := kr.POPDOMAIN(nil)
	require.NoError(t, err)
	require.Equal(t, attestation.PopDomain, common.Hash(domain))

	var keepers []keeper
	for i, stake := range stakes {
		k := keeper{account: c.accounts[i]}
		k.bls, err = attestation.GenerateBLSKey()
		require.NoError(t, err)
		pk, err := k.bls.PublicKey().EIP2537()
		require.NoError(t, err)

		want, err := attestation.PopMessage(c.chainID, c.addrs.KeeperRegistry, k.addr(), k.bls.PublicKey())
		require.NoError(t, err)
		got, err := kr.PopMessage(nil, k.addr(), pk)
		require.NoError(t, err)
		require.Equal(t, want, common.Hash(got), "PoP message matches attestation.PopMessage")

		tx, err := contracts.RegisterKeeper(t.Context(), kr, k.auth, c.chainID, c.addrs.KeeperRegistry, k.bls, stake)
		r := c.mine(tx, err)
		require.Len(t, r.Logs, 1)
		ev, err := kr.ParseKeeperRegistered(*r.Logs[0])
		require.NoError(t, err)
		require.Equal(t, uint64(i+1), ev.Id.Uint64())
		require.Equal(t, k.addr(), ev.Keeper)
		require.Equal(t, stake, ev.Stake)
		require.Equal(t, pk, ev.BlsPubKey)
		k.id = ev.Id.Uint64()
		keepers = append(keepers, k)
	}

	n, err := kr.KeeperCount(nil)
	require.NoError(t, err)
	require.EqualValues(t, 4, n.Int64())
	total, err := kr.TotalStake(nil)
	require.NoError(t, err)
	require.Equal(t, eth(154), total)

	all, err := kr.GetKeepers(nil)
	require.NoError(t, err)
	require.Len(t, all.Keepers, 4)
	for i, k := range keepers {
		id, err := kr.KeeperId(nil, k.addr())
		require.NoError(t, err)
		require.EqualValues(t, i+1, id.Int64())
		active, err := kr.IsActive(nil, k.addr())
		require.NoError(t, err)
		require.True(t, active)

		got, err := kr.GetKeeper(nil, big.NewInt(int64(k.id)))
		require.NoError(t, err)
		pk, err := k.bls.PublicKey().EIP2537()
		require.NoError(t, err)
		require.Equal(t, k.addr(), got.Keeper)
		require.Equal(t, stakes[i], got.Stake)
		require.Equal(t, pk, got.BlsPubKey)
		require.True(t, got.Active)

		require.Equal(t, k.addr(), all.Keepers[i])
		require.Equal(t, stakes[i], all.Stakes[i])
		require.Equal(t, pk, all.BlsPubKeys[i])
		require.True(t, all.Active[i])
	}
	_, err = kr.GetKeeper(nil, big.NewInt(5))
	requireRevert(t, err, "UnknownKeeper")
	_, err = kr.GetKeeper(nil, big.NewInt(0))
	requireRevert(t, err, "UnknownKeeper")
	active, err := kr.IsActive(nil, c.accounts[5].addr())
	require.NoError(t, err)
	require.False(t, active)
}

func TestKeeperRegistryRejects(t *testing.T) {
	c := newChain(t, 3)
	kr := c.c.KeeperRegistry
	registered := c.register(minStake, 0)[0]
	alice, bob := c.accounts[1], c.accounts[2]

	aliceKey, err := attestation.GenerateBLSKey()
	require.NoError(t, err)
	alicePk, alicePop, err := contracts.ProofOfPossession(c.chainID, c.addrs.KeeperRegistry, alice.addr(), aliceKey)
	require.NoError(t, err)
	// registered's key, proven for bob's address: valid PoP, reused key.
	reusedPk, reusedPop, err := contracts.ProofOfPossession(c.chainID, c.addrs.KeeperRegistry, bob.addr(), registered.bls)
	require.NoError(t, err)
	// A PoP for another chain id, and one over the wrong message.
	_, otherChainPop, err := contracts.ProofOfPossession(c.chainID+1, c.addrs.KeeperRegistry, alice.addr(), aliceKey)
	require.NoError(t, err)
	wrongMsgPop, err := aliceKey.Sign(crypto.Keccak256Hash([]byte("not a PoP"))).EIP2537()
	require.NoError(t, err)
	// Another key's PoP for alice: the signature does not match the key.
	otherKey, err := attestation.GenerateBLSKey()
	require.NoError(t, err)
	_, otherKeyPop, err := contracts.ProofOfPossession(c.chainID, c.addrs.KeeperRegistry, alice.addr(), otherKey)
	require.NoError(t, err)

	offCurve := bytes.Clone(alicePop)
	offCurve[255] ^= 1

	tests := []struct {
		name    string
		from    account
		stake   *big.Int
		pk, pop []byte
		want    string
	}{
		{"stake below minimum", alice, new(big.Int).Sub(minStake, common.Big1), alicePk, alicePop, "StakeTooLow"},
		{"PoP for another address", bob, minStake, alicePk, alicePop, "InvalidProofOfPossession"},
		{"PoP for another chain", alice, minStake, alicePk, otherChainPop, "InvalidProofOfPossession"},
		{"PoP over the wrong message", alice, minStake, alicePk, wrongMsgPop, "InvalidProofOfPossession"},
		{"PoP by another key", alice, minStake, alicePk, otherKeyPop, "InvalidProofOfPossession"},
		{"PoP of the wrong length", alice, minStake, alicePk, alicePop[:255], "InvalidProofOfPossession"},
		{"PoP off the curve", alice, minStake, alicePk, offCurve, "InvalidProofOfPossession"},
		{"key already registered", bob, minStake, reusedPk, reusedPop, "PubKeyAlreadyRegistered"},
		{"address already registered", registered.account, minStake, alicePk, alicePop, "AlreadyRegistered"},
		{"identity key", alice, minStake, make([]byte, 128), make([]byte, 256), "InvalidPubKey"},
		{"short key", alice, minStake, alicePk[:127], alicePop, "InvalidPubKey"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := *tt.from.auth
			opts.Value = tt.stake
			_, err := kr.Register(&opts, tt.pk, tt.pop)
			requireRevert(t, err, tt.want)
		})
	}

	// Alice's own PoP still works after all that.
	opts := *alice.auth
	opts.Value = minStake
	c.mine(kr.Register(&opts, alicePk, alicePop))
	n, err := kr.KeeperCount(nil)
	require.NoError(t, err)
	require.EqualValues(t, 2, n.Int64())
}

// exitDelay is the KeeperRegistry's default exit delay.
const exitDelay = 7 * 24 * time.Hour

func TestKeeperRegistryExit(t *testing.T) {
	c := newChain(t, 3)
	kr := c.c.KeeperRegistry
	ks := c.register(eth(40), 0, 1)
	leaving := ks[0]
	outsider := c.accounts[2]

	delay, err := kr.ExitDelay(nil)
	require.NoError(t, err)
	require.EqualValues(t, exitDelay/time.Second, delay.Int64())

	_, err = kr.Deregister(outsider.auth)
	requireRevert(t, err, "NotActive")
	_, err = kr.WithdrawStake(outsider.auth)
	requireRevert(t, err, "ExitNotRequested")
	_, err = kr.WithdrawStake(leaving.auth)
	requireRevert(t, err, "ExitNotRequested")

	// Deregistering makes the keeper inactive at once; the stake stays.
	r := c.mine(kr.Deregister(leaving.auth))
	require.Len(t, r.Logs, 1)
	ev, err := kr.ParseKeeperExitRequested(*r.Logs[0])
	require.NoError(t, err)
	require.EqualValues(t, leaving.id, ev.Id.Uint64())
	require.Equal(t, leaving.addr(), ev.Keeper)
	head, err := c.client.HeaderByNumber(t.Context(), r.BlockNumber)
	require.NoError(t, err)
	at := head.Time + uint64(exitDelay/time.Second)
	require.Equal(t, at, ev.WithdrawableAt.Uint64())
	got, err := kr.WithdrawableAt(nil, leaving.addr())
	require.NoError(t, err)
	require.Equal(t, at, got.Uint64())

	total, err := kr.TotalStake(nil)
	require.NoError(t, err)
	require.Equal(t, eth(40), total)
	active, err := kr.IsActive(nil, leaving.addr())
	require.NoError(t, err)
	require.False(t, active)
	k, err := kr.GetKeeper(nil, new(big.Int).SetUint64(leaving.id))
	require.NoError(t, err)
	require.False(t, k.Active)
	require.Equal(t, eth(40), k.Stake, "stake locked while exiting")
	require.Equal(t, eth(80), c.balance(c.addrs.KeeperRegistry))

	_, err = kr.Deregister(leaving.auth)
	requireRevert(t, err, "NotActive")
	_, err = kr.WithdrawStake(leaving.auth)
	rv := requireRevert(t, err, "ExitDelayNotOver")
	require.Equal(t, at, rv.Args[0].(*big.Int).Uint64())
	require.NoError(t, c.sim.AdjustTime(exitDelay-time.Hour))
	_, err = kr.WithdrawStake(leaving.auth)
	requireRevert(t, err, "ExitDelayNotOver")
	require.NoError(t, c.sim.AdjustTime(time.Hour))

	before := c.balance(leaving.addr())
	r = c.mine(kr.WithdrawStake(leaving.auth))
	dereg, err := kr.ParseKeeperDeregistered(*r.Logs[0])
	require.NoError(t, err)
	require.EqualValues(t, leaving.id, dereg.Id.Uint64())
	require.Equal(t, leaving.addr(), dereg.Keeper)
	fee := new(big.Int).Mul(new(big.Int).SetUint64(r.GasUsed), r.EffectiveGasPrice)
	want := new(big.Int).Add(before, eth(40))
	require.Equal(t, want.Sub(want, fee), c.balance(leaving.addr()), "stake refunded")
	require.Equal(t, eth(40), c.balance(c.addrs.KeeperRegistry))

	got, err = kr.WithdrawableAt(nil, leaving.addr())
	require.NoError(t, err)
	require.Zero(t, got.Sign())
	k, err = kr.GetKeeper(nil, new(big.Int).SetUint64(leaving.id))
	require.NoError(t, err)
	require.False(t, k.Active)
	require.Zero(t, k.Stake.Sign())
	require.Equal(t, leaving.addr(), k.Keeper)

	_, err = kr.WithdrawStake(leaving.auth)
	requireRevert(t, err, "NothingToWithdraw")
	_, err = kr.Deregister(leaving.auth)
	requireRevert(t, err, "NotActive")
	_, err = contracts.RegisterKeeper(t.Context(), kr, leaving.auth, c.chainID, c.addrs.KeeperRegistry, leaving.bls, minStake)
	requireRevert(t, err, "AlreadyRegistered")

	// The owner sets the delay, within bounds.
	_, err = kr.SetExitDelay(outsider.auth, big.NewInt(60))
	requireRevert(t, err, "NotOwner")
	_, err = kr.SetExitDelay(c.deployer.auth, big.NewInt(366*24*3600))
	requireRevert(t, err, "ExitDelayTooLong")
	r = c.mine(kr.SetExitDelay(c.deployer.auth, big.NewInt(60)))
	set, err := kr.ParseExitDelaySet(*r.Logs[0])
	require.NoError(t, err)
	require.EqualValues(t, 60, set.ExitDelay.Int64())
}

// A short exit delay from Deploy's option.
func TestDeployWithExitDelay(t *testing.T) {
	c := newChain(t, 0)
	addrs, err := contracts.Deploy(t.Context(), c.client, c.deployer.auth, minStake, c.commit, contracts.WithExitDelay(90*time.Second))
	require.NoError(t, err)
	c2, err := addrs.Bind(c.client)
	require.NoError(t, err)
	delay, err := c2.KeeperRegistry.ExitDelay(nil)
	require.NoError(t, err)
	require.EqualValues(t, 90, delay.Int64())
	_, err = contracts.Deploy(t.Context(), c.client, c.deployer.auth, minStake, c.commit, contracts.WithExitDelay(-time.Second))
	require.Error(t, err)
}

// slashFixture: three keepers staking 40, 32 and 64 ether, and the deployer
// as the registry's slasher so the test can slash directly.
type slashFixture struct {
	*chain
	keepers  []keeper
	reporter account
}

func newSlashFixture(t *testing.T) *slashFixture {
	t.Helper()
	c := newChain(t, 4)
	f := &slashFixture{chain: c, reporter: c.accounts[3]}
	f.keepers = append(f.keepers, c.register(eth(40), 0)...)
	f.keepers = append(f.keepers, c.register(eth(32), 1)...)
	f.keepers = append(f.keepers, c.register(eth(64), 2)...)
	c.mine(c.c.KeeperRegistry.SetSlasher(c.deployer.auth, c.deployer.addr()))
	return f
}

func (f *slashFixture) slash(k keeper, bps int64, reporter common.Address) *bindings.KeeperRegistryKeeperSlashed {
	f.t.Helper()
	r := f.mine(f.c.KeeperRegistry.Slash(f.deployer.auth, new(big.Int).SetUint64(k.id), big.NewInt(bps), reporter))
	for _, l := range r.Logs {
		if ev, err := f.c.KeeperRegistry.ParseKeeperSlashed(*l); err == nil {
			return ev
		}
	}
	require.FailNow(f.t, "no KeeperSlashed event")
	return nil
}

func (f *slashFixture) keeper(k keeper) (stake *big.Int, active bool) {
	f.t.Helper()
	got, err := f.c.KeeperRegistry.GetKeeper(nil, new(big.Int).SetUint64(k.id))
	require.NoError(f.t, err)
	return got.Stake, got.Active
}

func (f *slashFixture) uint(get func(*bind.CallOpts) (*big.Int, error)) *big.Int {
	f.t.Helper()
	v, err := get(nil)
	require.NoError(f.t, err)
	return v
}

func TestKeeperRegistrySlash(t *testing.T) {
	f := newSlashFixture(t)
	kr := f.c.KeeperRegistry
	a, b, x := f.keepers[0], f.keepers[1], f.keepers[2]

	require.EqualValues(t, 1000, f.uint(kr.ReporterBps).Int64())

	t.Run("only the slasher", func(t *testing.T) {
		_, err := kr.Slash(f.reporter.auth, big.NewInt(1), big.NewInt(100), f.reporter.addr())
		requireRevert(t, err, "NotSlasher")
		_, err = kr.SetSlasher(f.reporter.auth, f.reporter.addr())
		requireRevert(t, err, "NotOwner")
		_, err = kr.Slash(f.deployer.auth, big.NewInt(9), big.NewInt(100), f.reporter.addr())
		requireRevert(t, err, "UnknownKeeper")
		_, err = kr.Slash(f.deployer.auth, big.NewInt(1), big.NewInt(10_001), f.reporter.addr())
		requireRevert(t, err, "InvalidBps")
	})

	// 25% of keeper a's 40 ether: 10 ether, 1 to the reporter, 9 to the
	// treasury; 30 ether stay, below the 32 ether minimum: a is ejected.
	wallet := f.balance(f.reporter.addr())
	ev := f.slash(a, 2500, f.reporter.addr())
	require.EqualValues(t, a.id, ev.Id.Uint64())
	require.Equal(t, eth(10), ev.Amount)
	require.Equal(t, f.reporter.addr(), ev.Reporter)
	stake, active := f.keeper(a)
	require.Equal(t, eth(30), stake)
	require.False(t, active, "30 ether is below the 32 ether minimum: ejected")
	require.Equal(t, new(big.Int).Add(wallet, eth(1)), f.balance(f.reporter.addr()), "reporter paid")
	require.Equal(t, eth(9), f.uint(kr.Treasury))
	require.Equal(t, eth(96), f.uint(kr.TotalStake), "ejected: its whole stake left the total")
	at, err := kr.WithdrawableAt(nil, a.addr())
	require.NoError(t, err)
	require.Positive(t, at.Sign(), "an ejected keeper is exiting")

	// 10% of x's 64 ether keeps it above the minimum: still active.
	ev = f.slash(x, 1000, f.reporter.addr())
	require.Equal(t, new(big.Int).Div(eth(64), big.NewInt(10)), ev.Amount)
	stake, active = f.keeper(x)
	require.Equal(t, new(big.Int).Sub(eth(64), ev.Amount), stake)
	require.True(t, active)
	require.Equal(t, new(big.Int).Sub(eth(96), ev.Amount), f.uint(kr.TotalStake))

	// An exiting keeper is still slashable, without touching the total.
	total := f.uint(kr.TotalStake)
	ev = f.slash(a, 10_000, common.Address{}) // no reporter: all to the treasury
	require.Equal(t, eth(30), ev.Amount)
	stake, _ = f.keeper(a)
	require.Zero(t, stake.Sign())
	require.Equal(t, total, f.uint(kr.TotalStake))

	// A reporter that refuses ether gets its reward deferred.
	refuser := f.addrs.JobRegistry // a contract without a receive function
	ev = f.slash(b, 5000, refuser)
	require.Equal(t, eth(16), ev.Amount)
	deferred, err := kr.Rewards(nil, refuser)
	require.NoError(t, err)
	require.Equal(t, new(big.Int).Div(eth(16), big.NewInt(10)), deferred)
	_, err = kr.ClaimReward(f.reporter.auth)
	requireRevert(t, err, "NothingToWithdraw")

	// The treasury: 9 + 6.4×0.9 + 30 + 16×0.9 ether.
	treasury := f.uint(kr.Treasury)
	want := new(big.Int).Add(eth(9+30), new(big.Int).Div(new(big.Int).Mul(eth(64+160), big.NewInt(9)), big.NewInt(100)))
	require.Equal(t, want, treasury)
	_, err = kr.WithdrawTreasury(f.reporter.auth, f.reporter.addr(), treasury)
	requireRevert(t, err, "NotOwner")
	_, err = kr.WithdrawTreasury(f.deployer.auth, f.reporter.addr(), new(big.Int).Add(treasury, common.Big1))
	requireRevert(t, err, "InsufficientTreasury")
	wallet = f.balance(f.reporter.addr())
	f.mine(kr.WithdrawTreasury(f.deployer.auth, f.reporter.addr(), treasury))
	require.Equal(t, new(big.Int).Add(wallet, treasury), f.balance(f.reporter.addr()))
	require.Zero(t, f.uint(kr.Treasury).Sign())

	// The ejected keeper withdraws what is left (nothing) after the delay.
	require.NoError(t, f.sim.AdjustTime(exitDelay))
	r := f.mine(kr.WithdrawStake(a.auth))
	_, err = kr.ParseKeeperDeregistered(*r.Logs[0])
	require.NoError(t, err)

	// The owner sets the reporter share.
	_, err = kr.SetReporterBps(f.deployer.auth, big.NewInt(10_001))
	requireRevert(t, err, "InvalidBps")
	f.mine(kr.SetReporterBps(f.deployer.auth, big.NewInt(0)))
	wallet = f.balance(f.reporter.addr())
	f.slash(x, 100, f.reporter.addr())
	require.Equal(t, wallet, f.balance(f.reporter.addr()))
}

func TestKeeperRegistryCoordinator(t *testing.T) {
	c := newChain(t, 1)
	kr := c.c.KeeperRegistry
	coordinator := common.HexToAddress("0xc0")

	_, err := kr.SetCoordinator(c.accounts[0].auth, coordinator)
	requireRevert(t, err, "NotOwner")

	r := c.mine(kr.SetCoordinator(c.deployer.auth, coordinator))
	ev, err := kr.ParseCoordinatorSet(*r.Logs[0])
	require.NoError(t, err)
	require.Equal(t, common.Address{}, ev.PreviousCoordinator)
	require.Equal(t, coordinator, ev.Coordinator)
	got, err := kr.Coordinator(&bind.CallOpts{Context: t.Context()})
	require.NoError(t, err)
	require.Equal(t, coordinator, got)
}
