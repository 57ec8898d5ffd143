package node_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts"
	"github.com/triggerx-network/triggerx/coordinator"
	"github.com/triggerx-network/triggerx/node"
)

// network is a whole TriggerX system in one process: a simulated chain with
// the contracts, an aggregator, a coordinator and keepers, each started
// through the same Run function its binary uses.
type network struct {
	t        testing.TB
	sim      *simulated.Backend
	chainID  *big.Int
	addrs    contracts.Addresses
	c        *contracts.Contracts
	owner    *bind.TransactOpts
	user     *bind.TransactOpts
	userKey  *ecdsa.PrivateKey
	apiURL   string
	apiKey   string
	bootAddr []string
	cancel   context.CancelFunc
	wg       sync.WaitGroup
	errs     chan error
	keepers  []*keeperProc
	runCtx   context.Context
	// The aggregator and the coordinator, which a test may kill and start
	// again on the same data directory and addresses.
	agg, coord *proc
	coordAddrs []string // the coordinator's p2p multiaddrs
}

// proc is a running aggregator or coordinator.
type proc struct {
	name  string
	run   func(context.Context) error
	ready chan []string // its p2p addresses, each time it is ready
	stop  context.CancelFunc
	done  chan struct{}
}

// readyFn returns the Ready hook that signals p.ready.
func (p *proc) readyFn() func([]string) {
	return func(a []string) {
		select {
		case p.ready <- a:
		default:
		}
	}
}

// restart kills p, starts it again and waits until it is ready.
func (n *network) restart(p *proc) {
	n.t.Helper()
	n.kill(p)
	select {
	case <-p.ready:
	default:
	}
	n.startProc(p)
	wait(n, p.ready)
}

// startProc starts p.
func (n *network) startProc(p *proc) {
	ctx, cancel := context.WithCancel(n.runCtx)
	p.stop, p.done = cancel, make(chan struct{})
	n.wg.Add(1)
	go func() {
		defer n.wg.Done()
		defer close(p.done)
		if err := p.run(ctx); err != nil {
			n.errs <- fmt.Errorf("%s: %w", p.name, err)
		}
	}()
}

// kill stops p and waits for it to exit.
func (n *network) kill(p *proc) {
	p.stop()
	<-p.done
}

// keeperProc is one running keeper, which a test may stop and start again
// with the same configuration and data directory.
type keeperProc struct {
	cfg  node.KeeperConfig
	stop context.CancelFunc
	done chan struct{}
}

func newKey(t testing.TB) *ecdsa.PrivateKey {
	k, err := crypto.GenerateKey()
	require.NoError(t, err)
	return k
}

func startNetwork(t testing.TB, keepers int) *network { return startNetworkWith(t, keepers, nil) }

// startNetworkWith is startNetwork with a hook that adjusts each keeper's
// configuration.
func startNetworkWith(t testing.TB, keepers int, keeperCfg func(*node.KeeperConfig)) *network {
	return startNetworkFull(t, keepers, keeperCfg, nil)
}

// startNetworkFull is startNetworkWith with a hook that adjusts the
// coordinator's configuration too.
func startNetworkFull(t testing.TB, keepers int, keeperCfg func(*node.KeeperConfig), coordCfg func(*node.CoordinatorConfig)) *network {
	return startNetworkHooks(t, keepers, keeperCfg, coordCfg, nil)
}

// startNetworkHooks is startNetworkFull with a hook that adjusts the
// aggregator's configuration too.
func startNetworkHooks(t testing.TB, keepers int, keeperCfg func(*node.KeeperConfig), coordCfg func(*node.CoordinatorConfig),
	aggCfg func(*node.AggregatorConfig),
) *network {
	ownerKey, userKey, aggKey, coordKey := newKey(t), newKey(t), newKey(t), newKey(t)
	keeperKeys := make([]*ecdsa.PrivateKey, keepers)
	alloc := types.GenesisAlloc{}
	fund := new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18))
	for _, k := range []*ecdsa.PrivateKey{ownerKey, userKey, aggKey, coordKey} {
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: fund}
	}
	for i := range keeperKeys {
		keeperKeys[i] = newKey(t)
		alloc[crypto.PubkeyToAddress(keeperKeys[i].PublicKey)] = types.Account{Balance: fund}
	}
	sim := simulated.NewBackend(alloc, simulated.WithBlockGasLimit(60_000_000))
	t.Cleanup(func() { sim.Close() })
	client := sim.Client()
	ctx := context.Background()
	chainID, err := client.ChainID(ctx)
	require.NoError(t, err)
	auth := func(k *ecdsa.PrivateKey) *bind.TransactOpts {
		a, err := bind.NewKeyedTransactorWithChainID(k, chainID)
		require.NoError(t, err)
		return a
	}
	n := &network{t: t, sim: sim, chainID: chainID, owner: auth(ownerKey), user: auth(userKey), userKey: userKey,
		apiKey: "test-api-key-0123456789", errs: make(chan error, 16)}

	stake := big.NewInt(1e18)
	n.addrs, err = contracts.Deploy(ctx, client, n.owner, stake, n.commit)
	require.NoError(t, err)
	n.c, err = n.addrs.Bind(client)
	require.NoError(t, err)
	n.mine(n.c.KeeperRegistry.SetCoordinator(n.owner, crypto.PubkeyToAddress(coordKey.PublicKey)))

	blsKeys := make([]*attestation.BLSSecretKey, keepers)
	for i, k := range keeperKeys {
		blsKeys[i], err = attestation.GenerateBLSKey()
		require.NoError(t, err)
		n.mine(contracts.RegisterKeeper(ctx, n.c.KeeperRegistry, auth(k), chainID.Uint64(), n.addrs.KeeperRegistry, blsKeys[i], stake))
	}

	// From here on blocks are sealed in the background, like a real chain.
	runCtx, cancel := context.WithCancel(context.Background())
	n.cancel, n.runCtx = cancel, runCtx
	n.wg.Add(1)
	go func() {
		defer n.wg.Done()
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-runCtx.Done():
				return
			case <-tick.C:
				sim.Commit()
			}
		}
	}()

	chainCfg := node.ChainConfig{
		KeeperRegistry: n.addrs.KeeperRegistry, JobRegistry: n.addrs.JobRegistry,
		TaskExecutionHub: n.addrs.TaskExecutionHub, AttestationCenter: n.addrs.AttestationCenter,
	}
	// TRIGGERX_TEST_LOG=debug logs every node at debug level; benchmarks
	// log warnings only, so their figures stand out.
	level := zap.InfoLevel
	if _, bench := t.(*testing.B); bench {
		level = zap.WarnLevel
	}
	if os.Getenv("TRIGGERX_TEST_LOG") == "debug" {
		level = zap.DebugLevel
	}
	logger := func(name string) *zap.Logger {
		return zaptest.NewLogger(t, zaptest.Level(level)).Named(name)
	}

	// Each restart listens where the first start did, so peers and the
	// test's API client find it again.
	n.agg = &proc{name: "aggregator", ready: make(chan []string, 1)}
	aggConfig := node.AggregatorConfig{
		DataDir: t.TempDir(), Chain: chainCfg, Key: aggKey, Logger: logger("aggregator"),
		Test: node.TestConfig{Chain: client, Ready: n.agg.readyFn()},
	}
	if aggCfg != nil {
		aggCfg(&aggConfig)
	}
	n.agg.run = func(ctx context.Context) error { return node.RunAggregator(ctx, aggConfig) }
	n.startProc(n.agg)
	n.bootAddr = wait(n, n.agg.ready)
	aggConfig.P2P.Listen = listenAddrs(n.bootAddr)
	p2pCfg := node.P2PConfig{Listen: []string{"/ip4/127.0.0.1/tcp/0"}, Bootstrap: n.bootAddr}

	apiReady := make(chan string, 1)
	n.coord = &proc{name: "coordinator", ready: make(chan []string, 1)}
	coordConfig := node.CoordinatorConfig{
		DataDir: t.TempDir(), Chain: chainCfg, Key: coordKey, APIListen: "127.0.0.1:0", APIKeys: []string{n.apiKey},
		P2P: p2pCfg, Tick: 200 * time.Millisecond, MonitorPoll: 200 * time.Millisecond, Logger: logger("coordinator"),
		Test: node.CoordinatorTestConfig{TestConfig: node.TestConfig{Chain: client, Ready: n.coord.readyFn()},
			APIReady: func(a string) {
				select {
				case apiReady <- a:
				default:
				}
			}},
	}
	if coordCfg != nil {
		coordCfg(&coordConfig)
	}
	n.coord.run = func(ctx context.Context) error { return node.RunCoordinator(ctx, coordConfig) }
	n.startProc(n.coord)
	apiAddr := wait(n, apiReady)
	n.apiURL = "http://" + apiAddr
	n.coordAddrs = wait(n, n.coord.ready)
	coordConfig.APIListen, coordConfig.P2P.Listen = apiAddr, listenAddrs(n.coordAddrs)
	// Keepers also connect to the coordinator, which serves job scripts.
	keeperP2P := p2pCfg
	keeperP2P.Bootstrap = append(slices.Clone(n.bootAddr), n.coordAddrs...)

	for i := range keepers {
		n.keepers = append(n.keepers, &keeperProc{cfg: node.KeeperConfig{
			DataDir: t.TempDir(), Chain: chainCfg, ControllerKey: keeperKeys[i], BLSKey: blsKeys[i],
			P2P: keeperP2P, Logger: logger(fmt.Sprintf("keeper%d", i)), Test: node.TestConfig{Chain: client},
		}})
		if keeperCfg != nil {
			keeperCfg(&n.keepers[i].cfg)
		}
		n.startKeeper(runCtx, i)
	}
	t.Cleanup(n.stop)
	return n
}

// listenAddrs strips the /p2p/<id> part of full multiaddrs.
func listenAddrs(full []string) []string {
	out := make([]string, len(full))
	for i, a := range full {
		out[i], _, _ = strings.Cut(a, "/p2p/")
	}
	return out
}

// startKeeper starts keeper i and waits until it runs.
func (n *network) startKeeper(parent context.Context, i int) {
	n.t.Helper()
	k := n.keepers[i]
	ctx, cancel := context.WithCancel(parent)
	ready := make(chan []string, 1)
	cfg := k.cfg
	cfg.Test.Ready = func(a []string) { ready <- a }
	k.stop, k.done = cancel, make(chan struct{})
	n.wg.Add(1)
	go func() {
		defer n.wg.Done()
		defer close(k.done)
		if err := node.RunKeeper(ctx, cfg); err != nil {
			n.errs <- fmt.Errorf("keeper%d: %w", i, err)
		}
	}()
	wait(n, ready)
}

// restartKeeper stops keeper i, waits for it to exit, and starts it again
// on the same data directory.
func (n *network) restartKeeper(i int) {
	n.t.Helper()
	n.keepers[i].stop()
	<-n.keepers[i].done
	n.startKeeper(n.runCtx, i)
}

// wait returns the next value of ch, failing the test if a node fails first.
func wait[T any](n *network, ch chan T) T {
	n.t.Helper()
	select {
	case v := <-ch:
		return v
	case err := <-n.errs:
		n.t.Fatalf("node failed while starting: %v", err)
	case <-time.After(time.Minute):
		n.t.Fatal("node did not start within a minute")
	}
	var zero T
	return zero
}

func (n *network) stop() {
	n.cancel()
	n.wg.Wait()
	close(n.errs)
	for err := range n.errs {
		n.t.Errorf("node stopped with error: %v", err)
	}
}

// commit seals a block; only during set-up, before blocks are sealed in the
// background (the simulated beacon must not be driven from two goroutines).
func (n *network) commit() { n.sim.Commit() }

// mine seals a block and fails the test unless tx succeeded.
func (n *network) mine(tx *types.Transaction, err error) {
	n.t.Helper()
	require.NoError(n.t, err)
	var commit func()
	if n.runCtx == nil {
		commit = n.commit
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, err = contracts.WaitMined(ctx, n.sim.Client(), tx, commit)
	require.NoError(n.t, err)
}

func (n *network) api(method, path string, body any) (int, []byte) {
	n.t.Helper()
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		require.NoError(n.t, err)
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, n.apiURL+path, r)
	require.NoError(n.t, err)
	req.Header.Set("X-Api-Key", n.apiKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(n.t, err)
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	require.NoError(n.t, err)
	return resp.StatusCode, out
}

type apiTask struct {
	TaskID       string   `json:"task_id"`
	Status       string   `json:"task_status"`
	Performer    string   `json:"task_performer"`
	ExecutionTx  string   `json:"execution_tx_hash"`
	SubmissionTx string   `json:"task_submission_tx_hash"`
	AttesterIDs  []uint64 `json:"task_attester_ids"`
	IsAccepted   *bool    `json:"is_accepted"`
	Firing       struct {
		TxHash string `json:"tx_hash"`
	} `json:"firing"`
	ScriptRun *attestation.ScriptRun `json:"script_run"`
}

// createJob commits a job to call Counter.increment(by) every interval
// seconds on-chain, funds its gas, and registers it with the coordinator.
func (n *network) createJob(by string, interval int) string {
	n.t.Helper()
	ctx := context.Background()
	action := attestation.Action{ChainID: n.chainID.Uint64(), Target: n.addrs.Counter, Function: "increment(uint256)", Arguments: []string{by}}
	deposit := *n.user
	deposit.Value = big.NewInt(1e18)
	n.mine(n.c.TriggerGasRegistry.Deposit(&deposit, n.user.From))
	trigger := attestation.Trigger{Kind: attestation.TriggerTime, Time: &attestation.TimeTrigger{
		Schedule: attestation.ScheduleInterval, Interval: uint64(interval)}}
	tx, err := n.c.JobRegistry.CreateJob(n.user, uint16(attestation.TimeStatic), action.Target, attestation.JobCommitment(action, trigger))
	require.NoError(n.t, err)
	receipt, err := bind.WaitMined(ctx, n.sim.Client(), tx)
	require.NoError(n.t, err)
	created, err := n.c.JobRegistry.ParseJobCreated(*receipt.Logs[0])
	require.NoError(n.t, err)
	jobID := created.JobId.String()

	code, body := n.api(http.MethodPost, "/api/jobs", []map[string]any{n.timeJobRequest(jobID, "count by "+by, interval, action)})
	require.Equal(n.t, http.StatusCreated, code, string(body))
	return jobID
}

// timeJobRequest is the API request registering job jobID, which calls
// action every interval seconds.
func (n *network) timeJobRequest(jobID, title string, interval int, action attestation.Action) map[string]any {
	return map[string]any{
		"job_id": jobID, "user_address": n.user.From.Hex(), "job_title": title,
		"task_definition_id": 1, "schedule_type": "interval", "time_interval": interval, "time_frame": 3600,
		"target_chain_id": n.chainID.String(), "target_contract_address": action.Target.Hex(),
		"target_function": action.Function, "arguments": action.Arguments,
	}
}

// registerJob commits a job with action and trigger on-chain, funds its gas,
// and registers it with the coordinator with the request fields given
// (merged over the common ones), which must describe the same trigger.
func (n *network) registerJob(tdid attestation.TaskDefinitionID, action attestation.Action, trigger attestation.Trigger,
	fields map[string]any,
) string {
	n.t.Helper()
	ctx := context.Background()
	deposit := *n.user
	deposit.Value = big.NewInt(1e18)
	n.mine(n.c.TriggerGasRegistry.Deposit(&deposit, n.user.From))
	tx, err := n.c.JobRegistry.CreateJob(n.user, uint16(tdid), action.Target, attestation.JobCommitment(action, trigger))
	require.NoError(n.t, err)
	receipt, err := bind.WaitMined(ctx, n.sim.Client(), tx)
	require.NoError(n.t, err)
	created, err := n.c.JobRegistry.ParseJobCreated(*receipt.Logs[0])
	require.NoError(n.t, err)
	jobID := created.JobId.String()
	req := map[string]any{
		"job_id": jobID, "user_address": n.user.From.Hex(), "job_title": "end-to-end job", "task_definition_id": int(tdid),
		"target_chain_id": n.chainID.String(), "target_contract_address": action.Target.Hex(),
		"target_function": action.Function, "arguments": action.Arguments,
	}
	for k, v := range fields {
		req[k] = v
	}
	code, body := n.api(http.MethodPost, "/api/jobs", []map[string]any{req})
	require.Equal(n.t, http.StatusCreated, code, string(body))
	return jobID
}

// userIncrement calls Counter.increment(by) as the user, directly.
func (n *network) userIncrement(by int64) common.Hash {
	n.t.Helper()
	tx, err := n.c.Counter.Increment(n.user, big.NewInt(by))
	require.NoError(n.t, err)
	_, err = bind.WaitMined(context.Background(), n.sim.Client(), tx)
	require.NoError(n.t, err)
	return tx.Hash()
}

// waitCompleted waits until at least want tasks of the job are completed and
// returns the completed ones.
func (n *network) waitCompleted(jobID string, want int) []apiTask {
	n.t.Helper()
	var done []apiTask
	require.Eventually(n.t, func() bool {
		code, body := n.api(http.MethodGet, "/api/jobs/"+jobID+"/tasks", nil)
		if code != http.StatusOK {
			return false
		}
		var tasks []apiTask
		if err := json.Unmarshal(body, &tasks); err != nil {
			n.t.Logf("tasks response: %s", body)
			return false
		}
		done = done[:0]
		for _, tk := range tasks {
			if tk.Status == "completed" {
				done = append(done, tk)
			}
		}
		return len(done) >= want
	}, 3*time.Minute, 500*time.Millisecond, "tasks did not finalize")
	return done
}

// checkFinalized checks each completed task against the chain: finalized in
// the AttestationCenter by a quorum, executed exactly once by the performer
// the API reports, in the transaction it reports.
func (n *network) checkFinalized(done []apiTask) {
	n.t.Helper()
	ctx := context.Background()
	opts := &bind.CallOpts{Context: ctx}
	for _, tk := range done {
		id := common.HexToHash(tk.TaskID)
		require.NotEmpty(n.t, tk.ExecutionTx, "task %s execution tx", tk.TaskID)
		require.NotEmpty(n.t, tk.SubmissionTx, "task %s submission tx", tk.TaskID)
		require.GreaterOrEqual(n.t, len(tk.AttesterIDs), 3, "quorum of 4 equal stakes needs 3 signers")
		require.NotNil(n.t, tk.IsAccepted)
		require.True(n.t, *tk.IsAccepted)
		submitted, err := n.c.AttestationCenter.Submitted(opts, id)
		require.NoError(n.t, err)
		require.True(n.t, submitted, "task %s finalized on-chain", tk.TaskID)
		by, err := n.c.TaskExecutionHub.ExecutedBy(opts, id)
		require.NoError(n.t, err)
		require.Equal(n.t, strings.ToLower(tk.Performer), strings.ToLower(by.Hex()))

		it, err := n.c.TaskExecutionHub.FilterTaskExecuted(&bind.FilterOpts{Context: ctx}, [][32]byte{id}, nil, nil)
		require.NoError(n.t, err)
		count := 0
		for it.Next() {
			count++
			require.True(n.t, it.Event.Success)
			require.Equal(n.t, common.HexToHash(tk.ExecutionTx), it.Event.Raw.TxHash)
		}
		require.NoError(n.t, it.Close())
		require.Equal(n.t, 1, count, "task %s executions", tk.TaskID)
	}
}

// checkCounter checks that the counter moved by `by` for each executed task,
// each task executed once, and nothing else called it.
func (n *network) checkCounter(by int64) {
	n.t.Helper()
	ctx := context.Background()
	it, err := n.c.TaskExecutionHub.FilterTaskExecuted(&bind.FilterOpts{Context: ctx}, nil, nil, nil)
	require.NoError(n.t, err)
	executions := map[common.Hash]int{}
	for it.Next() {
		executions[it.Event.TaskId]++
	}
	require.NoError(n.t, it.Close())
	for id, c := range executions {
		require.Equal(n.t, 1, c, "task %s executed more than once", id.Hex())
	}
	count, err := n.c.Counter.Count(&bind.CallOpts{Context: ctx})
	require.NoError(n.t, err)
	require.Equal(n.t, by*int64(len(executions)), count.Int64())
}

func TestTimeJobEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a whole network")
	}
	n := startNetwork(t, 4)
	jobID := n.createJob("3", 2)
	done := n.waitCompleted(jobID, 3)
	n.checkFinalized(done)
	n.checkCounter(3)
	// Recorded one at a time, under light load: no batch proof, the
	// TaskSubmitted event is the record (TestBatchedAttestationEndToEnd).
	code, body := n.api(http.MethodGet, "/api/tasks/"+done[0].TaskID+"/proof", nil)
	require.Equal(t, http.StatusNotFound, code, string(body))
	require.Contains(t, string(body), "recorded on its own")

	// The fee quote: the estimated gas is what an execution uses, and the
	// fee is the hub's formula at the quoted price.
	q := n.fee(jobID)
	require.Equal(t, "estimate", q.GasSource)
	r, err := n.sim.Client().TransactionReceipt(context.Background(), common.HexToHash(done[0].ExecutionTx))
	require.NoError(t, err)
	require.InDelta(t, float64(r.GasUsed), float64(q.Gas), float64(r.GasUsed)*0.25, "quoted gas near an execution's")
	n.checkQuote(q)
}

// fee reads a job's fee quote from the API.
func (n *network) fee(jobID string) coordinator.FeeQuote {
	n.t.Helper()
	code, body := n.api(http.MethodGet, "/api/jobs/"+jobID+"/fee", nil)
	require.Equal(n.t, http.StatusOK, code, string(body))
	var q coordinator.FeeQuote
	require.NoError(n.t, json.Unmarshal(body, &q))
	return q
}

// checkQuote checks a quote's arithmetic against the hub: gas × price ×
// (1 + premium) + fixed fee, and the executions the balance covers.
func (n *network) checkQuote(q coordinator.FeeQuote) {
	n.t.Helper()
	num := func(s string) *big.Int {
		v, ok := new(big.Int).SetString(s, 10)
		require.True(n.t, ok, "decimal %q", s)
		return v
	}
	require.NotZero(n.t, q.Gas)
	require.EqualValues(n.t, 1000, q.PremiumBps)
	want := new(big.Int).Mul(new(big.Int).SetUint64(q.Gas), num(q.GasPrice))
	want.Mul(want, big.NewInt(int64(10_000+q.PremiumBps))).Div(want, big.NewInt(10_000)).Add(want, num(q.FixedFee))
	require.Equal(n.t, want.String(), q.Fee)
	require.Equal(n.t, new(big.Int).Div(num(q.OwnerBalance), num(q.Fee)).String(), q.ExecutionsCovered)
	require.Positive(n.t, num(q.ExecutionsCovered).Sign())
}

// A keeper restarted on its data directory rejoins the network and keeps
// working; no task is executed twice.
func TestKeeperRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a whole network")
	}
	n := startNetwork(t, 4)
	jobID := n.createJob("1", 1)
	before := len(n.waitCompleted(jobID, 2))
	for i := range n.keepers {
		n.restartKeeper(i)
	}
	n.checkFinalized(n.waitCompleted(jobID, before+3))
	n.checkCounter(1)
}

// A keeper whose key is not registered, or that is misconfigured, refuses to
// start with an error that says why.
func TestKeeperRefusesBadConfig(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a network")
	}
	n := startNetwork(t, 0)
	good := n.keeperConfig(t)
	tests := []struct {
		name   string
		mutate func(*node.KeeperConfig)
		want   string
	}{
		{"not registered", func(*node.KeeperConfig) {}, "is not registered"},
		{"no BLS key", func(c *node.KeeperConfig) { c.BLSKey = nil }, "needs a BLS key"},
		{"no controller key", func(c *node.KeeperConfig) { c.ControllerKey = nil }, "needs an ECDSA key"},
		{"no data dir", func(c *node.KeeperConfig) { c.DataDir = "" }, "needs a data directory"},
		{"no chain", func(c *node.KeeperConfig) { c.Test.Chain = nil }, "no Ethereum RPC URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := good
			tt.mutate(&cfg)
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			require.ErrorContains(t, node.RunKeeper(ctx, cfg), tt.want)
		})
	}
}

// keeperConfig returns the configuration of a keeper with fresh keys that is
// not registered.
func (n *network) keeperConfig(t *testing.T) node.KeeperConfig {
	bls, err := attestation.GenerateBLSKey()
	require.NoError(t, err)
	return node.KeeperConfig{
		DataDir: t.TempDir(), ControllerKey: newKey(t), BLSKey: bls, Test: node.TestConfig{Chain: n.sim.Client()},
		Chain: node.ChainConfig{
			KeeperRegistry: n.addrs.KeeperRegistry, JobRegistry: n.addrs.JobRegistry,
			TaskExecutionHub: n.addrs.TaskExecutionHub, AttestationCenter: n.addrs.AttestationCenter,
		},
	}
}

// An event job fires once per matching log, after its confirmations, and
// only for logs that pass its filter: the user's own increments trigger it,
// the keepers' increments (sent through the hub) do not.
func TestEventJobEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a whole network")
	}
	n := startNetwork(t, 4)
	action := attestation.Action{ChainID: n.chainID.Uint64(), Target: n.addrs.Counter, Function: "increment(uint256)", Arguments: []string{"100"}}
	sig := "Incremented(address caller, uint256 by, uint256 newCount)"
	trigger := attestation.Trigger{Kind: attestation.TriggerEvent, Event: &attestation.EventTrigger{
		ChainID: n.chainID.Uint64(), Contract: n.addrs.Counter, Event: sig,
		Filters:       []attestation.EventFilter{{Param: "caller", Op: attestation.FilterEq, Value: n.user.From.Hex()}},
		Confirmations: 1, Recurring: true,
	}}
	jobID := n.registerJob(attestation.EventStatic, action, trigger, map[string]any{
		"trigger_chain_id": n.chainID.String(), "trigger_contract_address": n.addrs.Counter.Hex(), "trigger_event": sig,
		"event_filters": []map[string]string{{"param": "caller", "op": "eq", "value": n.user.From.Hex()}},
		"confirmations": 1, "recurring": true,
	})
	first, second := n.userIncrement(1), n.userIncrement(2)

	done := n.waitCompleted(jobID, 2)
	n.checkFinalized(done)
	require.Len(t, done, 2, "one task per matching log, none for the keepers' own increments")
	count, err := n.c.Counter.Count(&bind.CallOpts{})
	require.NoError(t, err)
	require.Equal(t, int64(1+2+100*2), count.Int64())
	var sources []common.Hash
	for _, tk := range done {
		sources = append(sources, common.HexToHash(tk.Firing.TxHash))
	}
	require.ElementsMatch(t, []common.Hash{first, second}, sources)
}

// A one-time condition job on a contract value fires once when the value
// crosses its limit, and then completes.
func TestConditionJobEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a whole network")
	}
	n := startNetwork(t, 4)
	action := attestation.Action{ChainID: n.chainID.Uint64(), Target: n.addrs.Counter, Function: "increment(uint256)", Arguments: []string{"1"}}
	trigger := attestation.Trigger{Kind: attestation.TriggerCondition, Condition: &attestation.ConditionTrigger{
		Source: attestation.ValueSource{Kind: attestation.SourceContract, ChainID: n.chainID.Uint64(), Contract: n.addrs.Counter,
			Function: "count()(uint256)"},
		Operator: attestation.OpGreaterThan, Lower: "1000", PollInterval: 1,
	}}
	jobID := n.registerJob(attestation.ConditionStatic, action, trigger, map[string]any{
		"condition_type": "greater_than", "lower_limit": "1000", "value_source_type": "contract",
		"value_source_chain_id": n.chainID.String(), "value_source_contract": n.addrs.Counter.Hex(),
		"value_source_function": "count()(uint256)", "poll_interval": 1,
	})
	n.userIncrement(500) // below the limit: nothing fires
	n.userIncrement(600) // 1100 > 1000: fires once
	done := n.waitCompleted(jobID, 1)
	n.checkFinalized(done)

	code, body := n.api(http.MethodGet, "/api/jobs/"+jobID, nil)
	require.Equal(t, http.StatusOK, code)
	var job struct{ Status string }
	require.NoError(t, json.Unmarshal(body, &job))
	require.Equal(t, "completed", job.Status)
	n.userIncrement(5) // still true, but a one-time job never fires again
	time.Sleep(2 * time.Second)
	code, body = n.api(http.MethodGet, "/api/jobs/"+jobID+"/tasks", nil)
	require.Equal(t, http.StatusOK, code)
	var tasks []apiTask
	require.NoError(t, json.Unmarshal(body, &tasks))
	require.Len(t, tasks, 1)
}

// A block job fires at every block of its grid, once per block.
func TestBlockJobEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a whole network")
	}
	n := startNetwork(t, 4)
	head, err := n.sim.Client().BlockNumber(context.Background())
	require.NoError(t, err)
	start := head + 5
	action := attestation.Action{ChainID: n.chainID.Uint64(), Target: n.addrs.Counter, Function: "increment(uint256)", Arguments: []string{"7"}}
	trigger := attestation.Trigger{Kind: attestation.TriggerBlock, Block: &attestation.BlockTrigger{
		ChainID: n.chainID.Uint64(), Every: 10, Start: start}}
	jobID := n.registerJob(attestation.TimeStatic, action, trigger, map[string]any{
		"schedule_type": "block", "trigger_chain_id": n.chainID.String(), "block_interval": 10, "start_block": start,
	})
	done := n.waitCompleted(jobID, 2)
	n.checkFinalized(done)
	blocks := map[uint64]bool{}
	for _, tk := range done {
		task := n.task(tk.TaskID)
		require.GreaterOrEqual(t, task.Firing.BlockNumber, start)
		require.Zero(t, (task.Firing.BlockNumber-start)%10, "block %d is on the grid", task.Firing.BlockNumber)
		require.False(t, blocks[task.Firing.BlockNumber], "block %d fired twice", task.Firing.BlockNumber)
		blocks[task.Firing.BlockNumber] = true
	}
}

// task reads one task from the REST API with its firing evidence.
func (n *network) task(id string) struct {
	Firing attestation.Firing `json:"firing"`
} {
	n.t.Helper()
	code, body := n.api(http.MethodGet, "/api/tasks/"+id, nil)
	require.Equal(n.t, http.StatusOK, code, string(body))
	var out struct {
		Firing attestation.Firing `json:"firing"`
	}
	require.NoError(n.t, json.Unmarshal(body, &out))
	return out
}

// requireDocker skips a test without a Docker engine, unless
// TRIGGERX_REQUIRE_DOCKER=1 (CI), when it fails instead.
func requireDocker(t testing.TB) {
	t.Helper()
	if err := exec.Command("docker", "info").Run(); err != nil {
		if os.Getenv("TRIGGERX_REQUIRE_DOCKER") == "1" {
			t.Fatalf("a Docker engine is required: %v", err)
		}
		t.Skip("no Docker engine: start dockerd and build the images with scripts/runtime-images.sh")
	}
}

// scriptJob uploads a JavaScript job script to the coordinator and creates a
// time job whose arguments it computes: increment(job_id * 10 + 2).
func (n *network) scriptJob() string {
	n.t.Helper()
	cid := n.uploadScript(`const c = JSON.parse(require('fs').readFileSync(0, 'utf8'));
console.log(JSON.stringify({arguments: [String(c.job_id * 10 + 2)]}));`)

	action := attestation.Action{ChainID: n.chainID.Uint64(), Target: n.addrs.Counter, Function: "increment(uint256)",
		Script: &attestation.Script{CID: cid, Runtime: attestation.RuntimeNode}}
	trigger := attestation.Trigger{Kind: attestation.TriggerTime, Time: &attestation.TimeTrigger{
		Schedule: attestation.ScheduleInterval, Interval: 2}}
	return n.registerJob(attestation.TimeScript, action, trigger, map[string]any{
		"schedule_type": "interval", "time_interval": 2, "script_cid": cid, "script_language": "js",
		"arguments": []string{},
	})
}

// A script job: the performer runs the script in its sandbox and executes
// the arguments it computed; attesters re-run it and approve.
func TestScriptJobEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a whole network")
	}
	requireDocker(t)
	n := startNetwork(t, 4)
	jobID := n.scriptJob()
	done := n.waitCompleted(jobID, 2)
	n.checkFinalized(done)
	count, err := n.c.Counter.Count(&bind.CallOpts{})
	require.NoError(t, err)
	require.Zero(t, count.Int64()%12, "every execution added job_id*10+2 = 12")
	require.GreaterOrEqual(t, count.Int64(), int64(24))
	for _, tk := range done {
		require.NotNil(t, tk.ScriptRun, "the API shows the script run of task %s", tk.TaskID)
		require.NotZero(t, tk.ScriptRun.Resources.DurationMs)
		require.NotZero(t, tk.ScriptRun.Resources.PeakMemoryBytes)
	}
	q := n.fee(jobID)
	require.Equal(t, "last_execution", q.GasSource, "a script job's gas is measured on its executions")
	n.checkQuote(q)
}

// A performer that lies about its script's output executes other arguments;
// the attesters' re-runs disagree and the network rejects its tasks.
func TestScriptJobLyingPerformerIsRejected(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a whole network")
	}
	requireDocker(t)
	n := startNetworkWith(t, 4, func(c *node.KeeperConfig) {
		c.Test.TamperScriptOutput = func([]byte) []byte { return []byte(`{"arguments":["999"]}`) }
	})
	n.waitRejected(n.scriptJob())
}

// waitRejected waits until a task of the job is rejected, failing if any is
// accepted.
func (n *network) waitRejected(jobID string) {
	n.t.Helper()
	require.Eventually(n.t, func() bool {
		code, body := n.api(http.MethodGet, "/api/jobs/"+jobID+"/tasks", nil)
		if code != http.StatusOK {
			return false
		}
		var tasks []apiTask
		if json.Unmarshal(body, &tasks) != nil {
			return false
		}
		for _, tk := range tasks {
			require.NotEqual(n.t, "completed", tk.Status, "a lie was accepted")
			if tk.Status == "rejected" {
				return true
			}
		}
		return false
	}, 3*time.Minute, 500*time.Millisecond, "no task was rejected")
}

// uploadScript stores a job script in the coordinator and returns its CID.
func (n *network) uploadScript(src string) string {
	n.t.Helper()
	req, err := http.NewRequest(http.MethodPost, n.apiURL+"/api/scripts", strings.NewReader(src))
	require.NoError(n.t, err)
	req.Header.Set("X-Api-Key", n.apiKey)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(n.t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(n.t, err)
	require.Equal(n.t, http.StatusCreated, resp.StatusCode, string(body))
	var up struct{ CID string }
	require.NoError(n.t, json.Unmarshal(body, &up))
	return up.CID
}

// Custom-script jobs (7): the script decides whether and what to call. One
// job's script calls Counter.increment(5); the other's declines, and its
// task is attested without any execution.
func TestCustomScriptJobsEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a whole network")
	}
	requireDocker(t)
	n := startNetwork(t, 4)
	trigger := attestation.Trigger{Kind: attestation.TriggerTime, Time: &attestation.TimeTrigger{
		Schedule: attestation.ScheduleInterval, Interval: 2}}
	custom := func(src string) string {
		cid := n.uploadScript(src)
		action := attestation.Action{ChainID: n.chainID.Uint64(), Script: &attestation.Script{CID: cid, Runtime: attestation.RuntimePython}}
		return n.registerJob(attestation.CustomScript, action, trigger, map[string]any{
			"schedule_type": "interval", "time_interval": 2, "script_cid": cid, "script_language": "py",
			"target_contract_address": "", "target_function": "",
		})
	}
	calls := custom(fmt.Sprintf(`import json
print(json.dumps({"shouldExecute": True, "target": "%s", "calldata": "0x7cf5dab0" + format(5, "064x")}))
`, n.addrs.Counter.Hex()))
	declines := custom(`import json
print(json.dumps({"shouldExecute": False}))
`)

	done := n.waitCompleted(calls, 2)
	n.checkFinalized(done)
	idle := n.waitCompleted(declines, 2)
	for _, tk := range idle {
		require.Empty(t, strings.TrimLeft(strings.TrimPrefix(tk.ExecutionTx, "0x"), "0"), "a declined task executes nothing")
		submitted, err := n.c.AttestationCenter.Submitted(&bind.CallOpts{}, common.HexToHash(tk.TaskID))
		require.NoError(t, err)
		require.True(t, submitted, "a declined task is still attested on-chain")
	}
	count, err := n.c.Counter.Count(&bind.CallOpts{})
	require.NoError(t, err)
	require.Zero(t, count.Int64()%5)
	require.GreaterOrEqual(t, count.Int64(), int64(10))
}

// A script job's key-value storage: each accepted task's updates are applied
// to the job and given to later runs, so the script counts its own runs.
func TestScriptJobStorage(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a whole network")
	}
	requireDocker(t)
	n := startNetwork(t, 4)
	cid := n.uploadScript(`const c = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const runs = Number(c.storage.runs || "0") + 1;
console.log(JSON.stringify({arguments: [String(runs)], storage: {runs: String(runs)}}));`)
	action := attestation.Action{ChainID: n.chainID.Uint64(), Target: n.addrs.Counter, Function: "increment(uint256)",
		Script: &attestation.Script{CID: cid, Runtime: attestation.RuntimeNode}}
	trigger := attestation.Trigger{Kind: attestation.TriggerTime, Time: &attestation.TimeTrigger{
		Schedule: attestation.ScheduleInterval, Interval: 3}}
	jobID := n.registerJob(attestation.TimeScript, action, trigger, map[string]any{
		"schedule_type": "interval", "time_interval": 3, "script_cid": cid, "script_language": "js", "arguments": []string{},
	})
	require.Eventually(t, func() bool {
		code, body := n.api(http.MethodGet, "/api/jobs/"+jobID, nil)
		if code != http.StatusOK {
			return false
		}
		var job struct {
			Storage map[string]string `json:"storage"`
		}
		require.NoError(t, json.Unmarshal(body, &job))
		runs, _ := strconv.Atoi(job.Storage["runs"])
		return runs >= 2
	}, 3*time.Minute, 500*time.Millisecond, "the job's storage does not grow")
	done := n.waitCompleted(jobID, 2)
	n.checkFinalized(done)
	for _, tk := range done {
		require.NotNil(t, tk.ScriptRun)
		require.NotEmpty(t, tk.ScriptRun.StorageUpdates["runs"])
	}
}

// Event-script (4) and condition-script (6) jobs: the script sees its
// trigger's data in the context and computes the arguments from it. The
// event job adds 3 for each of the user's increments; the one-time
// condition job adds the value its condition observed.
func TestEventAndConditionScriptJobsEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a whole network")
	}
	requireDocker(t)
	n := startNetwork(t, 4)
	cid := n.uploadScript(`import json, sys
c = json.load(sys.stdin)
t = c["trigger"]
if t["kind"] == "event":
    args = ["3"] if int(t["tx_hash"], 16) != 0 else ["0"]
else:
    args = [t["condition_value"]]
print(json.dumps({"arguments": args}))
`)
	script := &attestation.Script{CID: cid, Runtime: attestation.RuntimePython}
	action := attestation.Action{ChainID: n.chainID.Uint64(), Target: n.addrs.Counter, Function: "increment(uint256)", Script: script}
	scriptFields := map[string]any{"script_cid": cid, "script_language": "py", "arguments": []string{}}
	with := func(m map[string]any) map[string]any {
		for k, v := range scriptFields {
			m[k] = v
		}
		return m
	}

	sig := "Incremented(address caller, uint256 by, uint256 newCount)"
	eventJob := n.registerJob(attestation.EventScript, action, attestation.Trigger{Kind: attestation.TriggerEvent, Event: &attestation.EventTrigger{
		ChainID: n.chainID.Uint64(), Contract: n.addrs.Counter, Event: sig,
		Filters:       []attestation.EventFilter{{Param: "caller", Op: attestation.FilterEq, Value: n.user.From.Hex()}},
		Confirmations: 1, Recurring: true,
	}}, with(map[string]any{
		"trigger_chain_id": n.chainID.String(), "trigger_contract_address": n.addrs.Counter.Hex(), "trigger_event": sig,
		"event_filters": []map[string]string{{"param": "caller", "op": "eq", "value": n.user.From.Hex()}},
		"confirmations": 1, "recurring": true,
	}))
	condJob := n.registerJob(attestation.ConditionScript, action, attestation.Trigger{Kind: attestation.TriggerCondition, Condition: &attestation.ConditionTrigger{
		Source: attestation.ValueSource{Kind: attestation.SourceContract, ChainID: n.chainID.Uint64(), Contract: n.addrs.Counter,
			Function: "count()(uint256)"},
		Operator: attestation.OpGreaterThan, Lower: "1000", PollInterval: 1,
	}}, with(map[string]any{
		"condition_type": "greater_than", "lower_limit": "1000", "value_source_type": "contract",
		"value_source_chain_id": n.chainID.String(), "value_source_contract": n.addrs.Counter.Hex(),
		"value_source_function": "count()(uint256)", "poll_interval": 1,
	}))

	n.userIncrement(500)
	n.userIncrement(600)
	events := n.waitCompleted(eventJob, 2)
	n.checkFinalized(events)
	conds := n.waitCompleted(condJob, 1)
	n.checkFinalized(conds)
	for _, tk := range append(events, conds...) {
		require.NotNil(t, tk.ScriptRun, "task %s has its script run", tk.TaskID)
	}
	count, err := n.c.Counter.Count(&bind.CallOpts{})
	require.NoError(t, err)
	// 1100 from the user, 3 per event task, and the condition task's
	// observed value (> 1000).
	require.Greater(t, count.Int64(), int64(1100+6+1000))
}
