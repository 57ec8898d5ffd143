package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/params"
	"github.com/stretchr/testify/require"
	"github.com/urfave/cli/v2"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts"
	"github.com/triggerx-network/triggerx/node/keystore"
)

func eth(n float64) *big.Int {
	v, _ := new(big.Float).Mul(big.NewFloat(n), big.NewFloat(params.Ether)).Int(nil)
	return v
}

const testPassword = "correct horse battery staple"

// testChain is a simulated chain with the system deployed (minStake 1 ETH,
// the registry's default exit delay of 7 days) and keystores for its
// accounts.
type testChain struct {
	t     *testing.T
	sim   *simulated.Backend
	addrs contracts.Addresses
	c     *contracts.Contracts
	coord common.Address
	dir   string
	pw    string // password file of every keystore
}

// autoMine seals a block after each transaction, as a real chain would mine
// it, so that the commands' waits return.
type autoMine struct {
	simulated.Client
	sim *simulated.Backend
}

func (a autoMine) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	if err := a.Client.SendTransaction(ctx, tx); err != nil {
		return err
	}
	a.sim.Commit()
	return nil
}

// newTestChain funds the given accounts with the given balances besides a
// deployer.
func newTestChain(t *testing.T, balances map[*ecdsa.PrivateKey]*big.Int) *testChain {
	t.Helper()
	deployer, err := crypto.GenerateKey()
	require.NoError(t, err)
	alloc := types.GenesisAlloc{crypto.PubkeyToAddress(deployer.PublicKey): {Balance: eth(1000)}}
	for k, b := range balances {
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: b}
	}
	sim := simulated.NewBackend(alloc)
	t.Cleanup(func() { _ = sim.Close() })
	id, err := sim.Client().ChainID(t.Context())
	require.NoError(t, err)
	auth, err := bind.NewKeyedTransactorWithChainID(deployer, id)
	require.NoError(t, err)
	tc := &testChain{t: t, sim: sim, dir: t.TempDir(), coord: common.HexToAddress("0x" + strings.Repeat("c0", 20))}
	tc.addrs, err = contracts.Deploy(t.Context(), sim.Client(), auth, eth(1), func() { sim.Commit() })
	require.NoError(t, err)
	tc.c, err = tc.addrs.Bind(sim.Client())
	require.NoError(t, err)
	tx, err := tc.c.KeeperRegistry.SetCoordinator(auth, tc.coord)
	require.NoError(t, err)
	_, err = contracts.WaitMined(t.Context(), sim.Client(), tx, func() { sim.Commit() })
	require.NoError(t, err)
	tc.pw = filepath.Join(tc.dir, "password")
	require.NoError(t, os.WriteFile(tc.pw, []byte(testPassword+"\n"), 0o600))
	return tc
}

func (tc *testChain) dial(context.Context, string) (chainClient, func(), error) {
	return autoMine{Client: tc.sim.Client(), sim: tc.sim}, func() {}, nil
}

// keeperKeys are a keeper's keystore files.
type keeperKeys struct {
	addr       common.Address
	ecdsa, bls string
	blsKey     *attestation.BLSSecretKey
}

// keys writes keystores for key and a BLS key (a fresh one when bls is nil).
func (tc *testChain) keys(key *ecdsa.PrivateKey, bls *attestation.BLSSecretKey) keeperKeys {
	tc.t.Helper()
	dir := tc.t.TempDir()
	var err error
	k := keeperKeys{blsKey: bls}
	k.ecdsa, k.addr, err = keystore.ImportECDSA(hex.EncodeToString(crypto.FromECDSA(key)), dir, testPassword, true)
	require.NoError(tc.t, err)
	if k.blsKey == nil {
		k.blsKey, err = attestation.GenerateBLSKey()
		require.NoError(tc.t, err)
	}
	k.bls, _, err = keystore.ImportBLS(hex.EncodeToString(k.blsKey.Bytes()), dir, testPassword, true)
	require.NoError(tc.t, err)
	return k
}

// run runs the CLI against the chain; stdin is not a terminal.
func (tc *testChain) run(args ...string) (string, error) {
	return runApp(tc.t, newApp(tc.dial), args...)
}

// runApp runs app with args, stdin not a terminal, and returns what it
// wrote to stdout and stderr.
func runApp(t *testing.T, app *cli.App, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	app.Writer, app.ErrWriter, app.Reader = &out, &out, strings.NewReader("")
	err := app.RunContext(t.Context(), append([]string{"triggerx-keeper"}, args...))
	return out.String(), err
}

// chainArgs are the flags every on-chain command needs.
func (tc *testChain) chainArgs(extra ...string) []string {
	return append([]string{"--eth-rpc", "simulated", "--keeper-registry", tc.addrs.KeeperRegistry.Hex()}, extra...)
}

// keyArgs name k's keystores and the password file.
func (tc *testChain) keyArgs(k keeperKeys) []string {
	return []string{"--ecdsa-keystore", k.ecdsa, "--ecdsa-password-file", tc.pw, "--bls-keystore", k.bls, "--bls-password-file", tc.pw}
}

func (tc *testChain) register(k keeperKeys, stakeWei string, extra ...string) (string, error) {
	args := append([]string{"register"}, tc.chainArgs(extra...)...)
	args = append(args, tc.keyArgs(k)...)
	return tc.run(append(args, "--stake", stakeWei)...)
}

func (tc *testChain) nonce(addr common.Address) uint64 {
	n, err := tc.sim.Client().NonceAt(tc.t.Context(), addr, nil)
	require.NoError(tc.t, err)
	return n
}

func (tc *testChain) balance(addr common.Address) *big.Int {
	b, err := tc.sim.Client().BalanceAt(tc.t.Context(), addr, nil)
	require.NoError(tc.t, err)
	return b
}

func newKey(t *testing.T) *ecdsa.PrivateKey {
	k, err := crypto.GenerateKey()
	require.NoError(t, err)
	return k
}

func TestRegister(t *testing.T) {
	rich, rich2, other, poor, justStake := newKey(t), newKey(t), newKey(t), newKey(t), newKey(t)
	tc := newTestChain(t, map[*ecdsa.PrivateKey]*big.Int{
		rich: eth(100), rich2: eth(100), other: eth(100), poor: eth(0.5), justStake: new(big.Int).Add(eth(1), big.NewInt(1)),
	})
	first := tc.keys(rich, nil)
	out, err := tc.register(first, eth(2).String())
	require.NoError(t, err)
	require.Equal(t, "registered keeper "+first.addr.Hex()+" as id 1 with stake 2 ETH (tx ", out[:len("registered keeper ")+42+len(" as id 1 with stake 2 ETH (tx ")])

	wei := func(n float64) string { return eth(n).String() }
	tests := []struct {
		name    string
		keys    keeperKeys
		stake   string
		extra   []string
		wantErr string
	}{
		{name: "stake not a number", keys: tc.keys(rich2, nil), stake: "1e18", wantErr: `--stake: want a positive amount of wei, got "1e18"`},
		{name: "no code at the registry address", keys: tc.keys(rich2, nil), stake: wei(1),
			extra:   []string{"--keeper-registry", "0x00000000000000000000000000000000000000aa"},
			wantErr: "no KeeperRegistry at 0x00000000000000000000000000000000000000AA on chain 1337: wrong --eth-rpc or --keeper-registry?"},
		{name: "another contract at the registry address", keys: tc.keys(rich2, nil), stake: wei(1),
			extra:   []string{"--keeper-registry", tc.addrs.JobRegistry.Hex()},
			wantErr: "the contract at " + tc.addrs.JobRegistry.Hex() + " on chain 1337 is not a TriggerX KeeperRegistry"},
		{name: "wrong chain id", keys: tc.keys(rich2, nil), stake: wei(1), extra: []string{"--chain-id", "8453"},
			wantErr: "--eth-rpc simulated serves chain 1337, not --chain-id 8453"},
		{name: "below min stake", keys: tc.keys(rich2, nil), stake: wei(0.5),
			wantErr: "--stake 0.5 ETH is below the registry's minimum stake 1 ETH"},
		{name: "balance below stake", keys: tc.keys(poor, nil), stake: wei(1),
			wantErr: "balance 0.5 ETH of " + crypto.PubkeyToAddress(poor.PublicKey).Hex() + " is below the stake 1 ETH, before gas"},
		{name: "balance below stake plus gas", keys: tc.keys(justStake, nil), stake: wei(1),
			wantErr: "register: balance 1.000000000000000001 ETH of " + crypto.PubkeyToAddress(justStake.PublicKey).Hex() + " is below the stake 1 ETH plus gas up to "},
		{name: "duplicate BLS key", keys: tc.keys(other, first.blsKey), stake: wei(1),
			wantErr: "this BLS key is already registered by another keeper"},
		{name: "already registered", keys: tc.keys(rich, nil), stake: wei(1),
			wantErr: first.addr.Hex() + " is already registered as keeper id 1; an address registers only once"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tc.nonce(tt.keys.addr)
			_, err := tc.register(tt.keys, tt.stake, tt.extra...)
			require.ErrorContains(t, err, tt.wantErr)
			require.Equal(t, before, tc.nonce(tt.keys.addr), "nothing was sent")
		})
	}

	// The same checks pass on the right chain: the chain id flag agrees.
	second := tc.keys(rich2, nil)
	_, err = tc.register(second, wei(1), "--chain-id", "1337")
	require.NoError(t, err)
	total, err := tc.c.KeeperRegistry.TotalStake(nil)
	require.NoError(t, err)
	require.Equal(t, eth(3), total)
}

func TestExplainRevert(t *testing.T) {
	// Reverts the preflight checks cannot see (a race with another
	// transaction) still read well.
	a := newKey(t)
	tc := newTestChain(t, map[*ecdsa.PrivateKey]*big.Int{a: eth(10)})
	auth, err := bind.NewKeyedTransactorWithChainID(a, big.NewInt(1337))
	require.NoError(t, err)
	client, _, err := tc.dial(t.Context(), "")
	require.NoError(t, err)
	s := &chainSession{client: client, registry: tc.c.KeeperRegistry, auth: auth, chainID: big.NewInt(1337)}
	tests := []struct {
		action  string
		send    func(*bind.TransactOpts) (*types.Transaction, error)
		wantErr string
	}{
		{"deregister", s.registry.Deregister, "deregister: this address is not an active keeper: NotActive(" + auth.From.Hex() + ")"},
		{"withdraw stake", s.registry.WithdrawStake, "withdraw stake: this keeper has not deregistered: run deregister first: ExitNotRequested("},
		{"claim reward", s.registry.ClaimReward, "claim reward: the stake was already withdrawn: NothingToWithdraw()"},
		{"set coordinator", func(o *bind.TransactOpts) (*types.Transaction, error) { return s.registry.SetCoordinator(o, auth.From) },
			"set coordinator: the registry reverted: NotOwner("},
	}
	for _, tt := range tests {
		_, err := s.prepare(t.Context(), tt.action, nil, tt.send)
		require.ErrorContains(t, err, tt.wantErr)
		var r contracts.Revert
		require.ErrorAs(t, err, &r)
	}
	err = explainRevert("register", context.DeadlineExceeded)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.EqualError(t, err, "register: context deadline exceeded")
}

func TestStatus(t *testing.T) {
	a, b := newKey(t), newKey(t)
	tc := newTestChain(t, map[*ecdsa.PrivateKey]*big.Int{a: eth(100), b: eth(100)})
	ka, kb := tc.keys(a, nil), tc.keys(b, nil)

	metrics := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/metrics" {
			http.NotFound(w, r)
			return
		}
		_, _ = w.Write([]byte(`# HELP triggerx_keeper_tasks_performed_total Tasks.
# TYPE triggerx_keeper_tasks_performed_total counter
triggerx_keeper_tasks_performed_total{target="succeeded"} 5
triggerx_keeper_tasks_performed_total{target="failed"} 2
triggerx_keeper_votes_total{verdict="approve"} 11
libp2p_rcmgr_connections{dir="inbound",scope="system"} 3
libp2p_rcmgr_connections{dir="outbound",scope="system"} 1
libp2p_rcmgr_connections{dir="inbound",scope="transient"} 9
`))
	}))
	defer metrics.Close()
	down := httptest.NewServer(http.NotFoundHandler())
	down.Close()

	status := func(k keeperKeys, extra ...string) (string, error) {
		args := append([]string{"status"}, tc.chainArgs("--ecdsa-keystore", k.ecdsa, "--node-metrics", metrics.URL)...)
		return tc.run(append(args, extra...)...)
	}

	out, err := status(ka)
	require.NoError(t, err)
	require.Contains(t, out, "keeper:         "+ka.addr.Hex()+"\n")
	require.Contains(t, out, "registration:   not registered\n")
	require.Contains(t, out, "coordinator:    "+tc.coord.Hex()+"\n")

	_, err = tc.register(ka, eth(3).String())
	require.NoError(t, err)
	out, err = status(ka)
	require.NoError(t, err)
	require.Contains(t, out, "voting power:   100.00% of the total stake 3 ETH\n")

	_, err = tc.register(kb, eth(3).String())
	require.NoError(t, err)
	pk := ka.blsKey.PublicKey()
	out, err = status(ka)
	require.NoError(t, err)
	require.Equal(t, "keeper:         "+ka.addr.Hex()+"\n"+
		"registry:       "+tc.addrs.KeeperRegistry.Hex()+" on chain 1337\n"+
		"coordinator:    "+tc.coord.Hex()+"\n"+
		"registration:   id 1, active\n"+
		"stake:          3 ETH\n"+
		"voting power:   50.00% of the total stake 6 ETH\n"+
		"bls public key: 0x"+hex.EncodeToString(pk[:])+"\n"+
		"node:           up, tasks performed 7, votes 11, p2p connections 4 ("+metrics.URL+"/metrics)\n", out)

	out, err = status(kb, "--json")
	require.NoError(t, err)
	var rep statusReport
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	require.Equal(t, "active", rep.State)
	require.EqualValues(t, 2, rep.ID)
	require.Equal(t, eth(3).String(), rep.StakeWei)
	require.Equal(t, eth(6).String(), rep.TotalStakeWei)
	require.InDelta(t, 50, rep.VotingPower, 1e-9)
	require.Equal(t, tc.coord.Hex(), rep.Coordinator)
	require.Equal(t, "1337", rep.ChainID)
	require.True(t, rep.Node.Up)
	require.Equal(t, 7.0, *rep.Node.TasksPerformed)
	require.Nil(t, rep.WithdrawableAt)

	out, err = status(ka, "--node-metrics", down.URL)
	require.NoError(t, err)
	require.Contains(t, out, "node:           unreachable: ")
	out, err = status(ka, "--node-metrics", down.URL, "--json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	require.False(t, rep.Node.Up)
	require.NotEmpty(t, rep.Node.Error)
}

func TestDeregisterAndWithdraw(t *testing.T) {
	a, b := newKey(t), newKey(t)
	tc := newTestChain(t, map[*ecdsa.PrivateKey]*big.Int{a: eth(100), b: eth(100)})
	ka, kb := tc.keys(a, nil), tc.keys(b, nil)
	exit := func(cmd string, k keeperKeys) (string, error) {
		args := append([]string{cmd}, tc.chainArgs("--ecdsa-keystore", k.ecdsa, "--ecdsa-password-file", tc.pw)...)
		return tc.run(args...)
	}
	status := func(k keeperKeys) statusReport {
		out, err := tc.run(append([]string{"status"}, tc.chainArgs("--ecdsa-keystore", k.ecdsa, "--node-metrics", "http://127.0.0.1:1", "--json")...)...)
		require.NoError(t, err)
		var rep statusReport
		require.NoError(t, json.Unmarshal([]byte(out), &rep))
		return rep
	}

	_, err := exit("deregister", ka)
	require.ErrorContains(t, err, ka.addr.Hex()+" is not registered")
	_, err = exit("withdraw-stake", ka)
	require.ErrorContains(t, err, ka.addr.Hex()+" is not registered")

	_, err = tc.register(ka, eth(2).String())
	require.NoError(t, err)
	_, err = tc.register(kb, eth(2).String())
	require.NoError(t, err)
	_, err = exit("withdraw-stake", ka)
	require.ErrorContains(t, err, "is active: run deregister first")

	out, err := exit("deregister", ka)
	require.NoError(t, err)
	require.Contains(t, out, "keeper "+ka.addr.Hex()+" (id 1) deregistered: inactive now")
	require.Contains(t, out, "its stake of 2 ETH is locked until ")
	require.Contains(t, out, " (7d from now); then run withdraw-stake\n")

	rep := status(ka)
	require.Equal(t, "exiting", rep.State)
	require.NotNil(t, rep.WithdrawableAt)
	require.Equal(t, 7*24*time.Hour, rep.WithdrawableAt.Sub(rep.ChainTime))
	require.Zero(t, rep.VotingPower)
	require.Equal(t, eth(2).String(), rep.StakeWei, "locked, still shown")
	require.Equal(t, eth(2).String(), rep.TotalStakeWei, "no longer counted")
	require.InDelta(t, 100, status(kb).VotingPower, 1e-9)

	_, err = exit("deregister", ka)
	require.ErrorContains(t, err, "already deregistered; its stake is withdrawable from ")

	before := tc.nonce(ka.addr)
	_, err = exit("withdraw-stake", ka)
	require.ErrorContains(t, err, "the exit delay is not over: the stake of 2 ETH is locked until ")
	require.ErrorContains(t, err, ", 7d from now (chain time)")
	require.Equal(t, before, tc.nonce(ka.addr), "nothing was sent")

	require.NoError(t, tc.sim.AdjustTime(6*24*time.Hour))
	_, err = exit("withdraw-stake", ka)
	require.ErrorContains(t, err, ", 1d from now (chain time)")

	require.NoError(t, tc.sim.AdjustTime(24*time.Hour))
	require.Equal(t, "withdrawable", status(ka).State)
	balance := tc.balance(ka.addr)
	out, err = exit("withdraw-stake", ka)
	require.NoError(t, err)
	require.Contains(t, out, "keeper "+ka.addr.Hex()+" (id 1) withdrew its stake of 2 ETH (tx ")
	gained := new(big.Int).Sub(tc.balance(ka.addr), balance)
	require.Equal(t, 1, gained.Cmp(eth(1.99)), "refunded 2 ETH less gas, got %s", gained)

	rep = status(ka)
	require.Equal(t, "exited", rep.State)
	require.Equal(t, "0", rep.StakeWei)
	_, err = exit("withdraw-stake", ka)
	require.ErrorContains(t, err, "already withdrew its stake")
	_, err = exit("deregister", ka)
	require.ErrorContains(t, err, "already left and withdrew its stake")
}

func TestFormat(t *testing.T) {
	for wei, want := range map[string]string{
		"0": "0 ETH", "1": "0.000000000000000001 ETH", "1000000000000000000": "1 ETH",
		"1500000000000000000": "1.5 ETH", "32000000000000000000": "32 ETH", "-2500000000000000000": "-2.5 ETH",
	} {
		v, _ := new(big.Int).SetString(wei, 10)
		require.Equal(t, want, formatEther(v), wei)
	}
	now := time.Unix(1_700_000_000, 0)
	for d, want := range map[time.Duration]string{
		-time.Second: "0s", 0: "0s", 1500 * time.Millisecond: "2s", 90 * time.Minute: "1h 30m",
		7 * 24 * time.Hour: "7d", 7*24*time.Hour - time.Second: "6d 23h 59m 59s",
	} {
		require.Equal(t, want, until(now, now.Add(d)), d.String())
	}
}

func TestParseMetrics(t *testing.T) {
	in := `# HELP x y
x 1
x{a="1"} 2 1700000000
x{a="q\"uo,te}",b="2"} 4
y{scope="system"} +Inf
bad{a="1" 3
bad{a=1} 3
nan NaN
z{} 5
`
	ss, err := parseMetrics(strings.NewReader(in))
	require.NoError(t, err)
	require.Equal(t, 7.0, *ss.sum("x", nil))
	require.Equal(t, 4.0, *ss.sum("x", map[string]string{"a": `q"uo,te}`}))
	require.Equal(t, 2.0, *ss.sum("x", map[string]string{"a": "1"}))
	require.Equal(t, 5.0, *ss.sum("z", nil))
	require.Nil(t, ss.sum("bad", nil))
	require.Nil(t, ss.sum("nan", nil))
	require.Nil(t, ss.sum("missing", nil))
}

func FuzzParseMetrics(f *testing.F) {
	f.Add("x 1\n")
	f.Add(`x{a="b",c="d\\"} 2 3`)
	f.Add("# c\n\nx{a=\"\n")
	f.Fuzz(func(t *testing.T, s string) {
		ss, _ := parseMetrics(strings.NewReader(s))
		for _, x := range ss {
			require.NotEmpty(t, x.name)
		}
	})
}
