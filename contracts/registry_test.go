package contracts_test

import (
	"bytes"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts"
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

func TestKeeperRegistryDeregister(t *testing.T) {
	c := newChain(t, 3)
	kr := c.c.KeeperRegistry
	ks := c.register(eth(40), 0, 1)
	leaving := ks[0]

	_, err := kr.Deregister(c.accounts[2].auth)
	requireRevert(t, err, "NotActive")

	before := c.balance(leaving.addr())
	tx, err := kr.Deregister(leaving.auth)
	r := c.mine(tx, err)
	ev, err := kr.ParseKeeperDeregistered(*r.Logs[0])
	require.NoError(t, err)
	require.EqualValues(t, leaving.id, ev.Id.Uint64())
	require.Equal(t, leaving.addr(), ev.Keeper)

	fee := new(big.Int).Mul(new(big.Int).SetUint64(r.GasUsed), r.EffectiveGasPrice)
	want := new(big.Int).Add(before, eth(40))
	want.Sub(want, fee)
	require.Equal(t, want, c.balance(leaving.addr()), "stake refunded")

	total, err := kr.TotalStake(nil)
	require.NoError(t, err)
	require.Equal(t, eth(40), total)
	active, err := kr.IsActive(nil, leaving.addr())
	require.NoError(t, err)
	require.False(t, active)
	got, err := kr.GetKeeper(nil, new(big.Int).SetUint64(leaving.id))
	require.NoError(t, err)
	require.False(t, got.Active)
	require.Zero(t, got.Stake.Sign())
	require.Equal(t, leaving.addr(), got.Keeper)

	_, err = kr.Deregister(leaving.auth)
	requireRevert(t, err, "NotActive")
	_, err = contracts.RegisterKeeper(t.Context(), kr, leaving.auth, c.chainID, c.addrs.KeeperRegistry, leaving.bls, minStake)
	requireRevert(t, err, "AlreadyRegistered")
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
