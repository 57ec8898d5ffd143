package node_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/libp2p/go-libp2p"
	pubsub "github.com/libp2p/go-libp2p-pubsub"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/execution"
	"github.com/triggerx-network/triggerx/node"
	"github.com/triggerx-network/triggerx/p2p"
)

// The fault-injection figures: each fault test records what it measured as
// rows of one table, printed at the end of the package's tests (and by
// scripts/faults.sh).
var faultTable = struct {
	sync.Mutex
	rows []faultRow
}{}

type faultRow struct {
	scenario, measure, want, got string
}

func recordFault(scenario, measure, want string, got any) {
	faultTable.Lock()
	defer faultTable.Unlock()
	faultTable.rows = append(faultTable.rows, faultRow{scenario, measure, want, fmt.Sprint(got)})
}

// printFaultTable writes the figures recorded so far, if any, to stdout.
func printFaultTable() {
	faultTable.Lock()
	defer faultTable.Unlock()
	if len(faultTable.rows) == 0 {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\nFAULT FIGURES\n%-48s %-44s %-10s %s\n", "scenario", "measure", "want", "got")
	for _, r := range faultTable.rows {
		fmt.Fprintf(&b, "%-48s %-44s %-10s %s\n", r.scenario, r.measure, r.want, r.got)
	}
	fmt.Fprint(os.Stdout, b.String())
}

func TestMain(m *testing.M) {
	code := m.Run()
	printFaultTable()
	os.Exit(code)
}

// keeperIndex returns the index of the keeper with address a.
func (n *network) keeperIndex(a common.Address) int {
	for i, k := range n.keepers {
		if crypto.PubkeyToAddress(k.cfg.ControllerKey.PublicKey) == a {
			return i
		}
	}
	n.t.Fatalf("no keeper %s", a.Hex())
	return -1
}

// apiTaskRound is the part of GET /api/tasks/:id the fault tests read.
type apiTaskRound struct {
	Status    string `json:"task_status"`
	Performer string `json:"task_performer"`
	Round     uint32 `json:"round"`
	Error     string `json:"task_error"`
}

func (n *network) taskRound(id string) apiTaskRound {
	n.t.Helper()
	code, body := n.api(http.MethodGet, "/api/tasks/"+id, nil)
	require.Equal(n.t, http.StatusOK, code, string(body))
	var out apiTaskRound
	require.NoError(n.t, json.Unmarshal(body, &out))
	return out
}

// A performer killed mid-task, just before it sends the execution: once its
// deadline passes, the coordinator hands the task to the next keeper of the
// performer order, which executes it; the target is called exactly once,
// and the task finalizes.
func TestFaultPerformerKilledMidTask(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a whole network")
	}
	var (
		n       *network
		killed  atomic.Bool
		victim  = make(chan attestation.Assignment, 1)
		started = make(chan struct{})
	)
	// Six keepers of equal stake: with the victim dead and the fallback
	// performer not voting, four of six sign, the 2/3 quorum.
	n = startNetworkFull(t, 6, func(c *node.KeeperConfig) {
		c.Test.Faults = &node.Faults{BeforeExecute: func(ctx context.Context, a attestation.Assignment) {
			<-started
			if a.Round != 0 || !killed.CompareAndSwap(false, true) {
				return
			}
			victim <- a
			n.keepers[n.keeperIndex(a.Performer)].stop() // the keeper dies here, before sending
			<-ctx.Done()
		}}
	}, func(c *node.CoordinatorConfig) { c.Deadline = 6 * time.Second })
	close(started)
	n.checkStrangerRefused()
	jobID := n.createJob("1", 2)
	var a attestation.Assignment
	select {
	case a = <-victim:
	case <-time.After(2 * time.Minute):
		t.Fatal("no task reached its performer")
	}
	killedAt := time.Now()
	id := a.Task.ID.Hex()
	var got apiTaskRound
	require.Eventually(t, func() bool {
		got = n.taskRound(id)
		return got.Status == "completed" || got.Status == "rejected" || got.Status == "failed"
	}, 3*time.Minute, 500*time.Millisecond, "the killed performer's task did not finalize")
	took := time.Since(killedAt)
	require.Equal(t, "completed", got.Status, "task error %q", got.Error)
	require.GreaterOrEqual(t, got.Round, uint32(1), "a fallback round executed it")
	require.NotEqual(t, strings.ToLower(a.Performer.Hex()), strings.ToLower(got.Performer))

	// On-chain: executed once, by the fallback performer, after the
	// victim's deadline.
	ctx := context.Background()
	by, err := n.c.TaskExecutionHub.ExecutedBy(&bind.CallOpts{Context: ctx}, a.Task.ID)
	require.NoError(t, err)
	require.Equal(t, strings.ToLower(got.Performer), strings.ToLower(by.Hex()))
	want, err := attestation.SelectPerformer(a.Task.ID, n.registeredKeepers(), got.Round)
	require.NoError(t, err)
	require.Equal(t, want.Address, by, "the fallback performer is the order's keeper of its round")
	it, err := n.c.TaskExecutionHub.FilterTaskExecuted(&bind.FilterOpts{Context: ctx}, [][32]byte{a.Task.ID}, nil, nil)
	require.NoError(t, err)
	calls := 0
	var block uint64
	for it.Next() {
		calls++
		block = it.Event.Raw.BlockNumber
	}
	require.NoError(t, it.Close())
	require.Equal(t, 1, calls, "the target is called exactly once")
	head, err := n.sim.Client().HeaderByNumber(ctx, new(big.Int).SetUint64(block))
	require.NoError(t, err)
	require.GreaterOrEqual(t, int64(head.Time), a.Deadline, "executed after the victim's deadline")

	// The rest of the job's tasks carry on, each executed once.
	n.checkFinalized(n.waitCompleted(jobID, 4))
	n.checkCounter(1)
	recordFault("performer killed before sending", "task executed by", "round ≥ 1", fmt.Sprintf("round %d", got.Round))
	recordFault("performer killed before sending", "target calls", "1", calls)
	recordFault("performer killed before sending", "kill → finalized (deadline 6s)", "-", took.Round(100*time.Millisecond))
}

// registeredKeepers reads the keeper set from the registry, as keepers do.
func (n *network) registeredKeepers() []attestation.Keeper {
	n.t.Helper()
	out, err := n.c.KeeperRegistry.GetKeepers(&bind.CallOpts{Context: context.Background()})
	require.NoError(n.t, err)
	keepers := make([]attestation.Keeper, 0, len(out.Keepers))
	for i, addr := range out.Keepers {
		keepers = append(keepers, attestation.Keeper{ID: uint64(i + 1), Address: addr, Stake: out.Stakes[i], Active: out.Active[i]})
	}
	return keepers
}

// faultTasks is how many tasks the Byzantine run finalizes at least:
// TRIGGERX_FAULT_TASKS, default 500, or 30 under the race detector (which
// checks the same paths; scripts/faults.sh runs the 500 without it).
func faultTasks(t *testing.T) int {
	if s := os.Getenv("TRIGGERX_FAULT_TASKS"); s != "" {
		v, err := strconv.Atoi(s)
		require.NoError(t, err, "TRIGGERX_FAULT_TASKS")
		return v
	}
	if raceDetector {
		return 30
	}
	return 500
}

// Seven keepers of equal stake, two of them Byzantine (f = 2 < 7/3): one
// executes its tasks with wrong arguments and approves every result
// unchecked; the other claims executions it never sent and signs both
// verdicts on every result. Across at least 500 tasks no invalid task is
// finalized as accepted, every other task is finalized as accepted, and
// each task's target is called at most once.
func TestFaultByzantineKeepers(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a whole network")
	}
	want := faultTasks(t)
	var (
		i      atomic.Int32
		faults = map[int]*node.Faults{
			0: {WrongArguments: true, ApproveAll: true},
			1: {ClaimUnsent: true, Equivocate: true},
		}
	)
	// Under the race detector every process is about ten times slower:
	// fewer jobs and a longer deadline keep the network below saturation.
	jobs, deadline := 12, 6*time.Second
	if raceDetector {
		// make test runs other packages' tests beside this one.
		jobs, deadline = 2, 30*time.Second
	}
	n := startNetworkFull(t, 7, func(c *node.KeeperConfig) {
		c.Test.Faults = faults[int(i.Add(1))-1]
	}, func(c *node.CoordinatorConfig) { c.Deadline = deadline })
	liar := crypto.PubkeyToAddress(n.keepers[0].cfg.ControllerKey.PublicKey)
	claimer := crypto.PubkeyToAddress(n.keepers[1].cfg.ControllerKey.PublicKey)

	// Jobs firing every second until enough tasks are final.
	var ids []string
	for range jobs {
		ids = append(ids, n.createJob("1", 1))
	}
	start := time.Now()
	final := func() (map[string]apiTaskRound, int) {
		all := map[string]apiTaskRound{}
		done := 0
		for _, job := range ids {
			code, body := n.api(http.MethodGet, "/api/jobs/"+job+"/tasks", nil)
			require.Equal(t, http.StatusOK, code, string(body))
			var tasks []struct {
				ID string `json:"task_id"`
				apiTaskRound
			}
			require.NoError(t, json.Unmarshal(body, &tasks))
			for _, tk := range tasks {
				all[tk.ID] = tk.apiTaskRound
				if tk.Status == "completed" || tk.Status == "rejected" || tk.Status == "failed" {
					done++
				}
			}
		}
		return all, done
	}
	require.Eventually(t, func() bool { _, done := final(); return done >= want }, 20*time.Minute, 2*time.Second,
		"%d tasks did not finalize", want)
	for _, job := range ids {
		code, body := n.api(http.MethodPost, "/api/v1/jobs/"+job+"/pause", nil)
		require.Equal(t, http.StatusOK, code, string(body))
	}
	// Let the tasks in flight settle.
	var (
		all       map[string]apiTaskRound
		unsettled []string
	)
	if !assert.Eventually(t, func() bool {
		all, _ = final()
		unsettled = unsettled[:0]
		for id, tk := range all {
			if tk.Status == "processing" || tk.Status == "dispatched" {
				unsettled = append(unsettled, fmt.Sprintf("%s %+v", id, tk))
			}
		}
		return len(unsettled) == 0
	}, 5*time.Minute, 2*time.Second, "tasks in flight did not settle") {
		t.Fatalf("unsettled tasks:\n%s", strings.Join(unsettled, "\n"))
	}
	elapsed := time.Since(start)

	// Judge each task from the chain: who executed it and with what.
	ctx := context.Background()
	opts := &bind.CallOpts{Context: ctx}
	good, err := execution.EncodeCall("increment(uint256)", []string{"1"})
	require.NoError(t, err)
	var (
		invalidAccepted, validNotAccepted, invalid, valid, fellBack, failed int
		byLiar, byClaimer                                                   int
	)
	calls := map[common.Hash]int{}
	calldata := map[common.Hash]common.Hash{}
	it, err := n.c.TaskExecutionHub.FilterTaskExecuted(&bind.FilterOpts{Context: ctx}, nil, nil, nil)
	require.NoError(t, err)
	for it.Next() {
		calls[it.Event.TaskId]++
		calldata[it.Event.TaskId] = it.Event.CalldataHash
	}
	require.NoError(t, it.Close())
	for id, tk := range all {
		h := common.HexToHash(id)
		require.LessOrEqual(t, calls[h], 1, "task %s executed more than once", id)
		by, err := n.c.TaskExecutionHub.ExecutedBy(opts, h)
		require.NoError(t, err)
		// Valid: executed, with the job's arguments.
		ok := by != (common.Address{}) && calldata[h] == crypto.Keccak256Hash(good)
		switch by {
		case liar:
			byLiar++
		case claimer:
			byClaimer++
		}
		if tk.Round > 0 {
			fellBack++
		}
		accepted := tk.Status == "completed"
		if tk.Status == "failed" {
			failed++
		}
		if ok {
			valid++
			if !accepted {
				validNotAccepted++
				t.Logf("valid task %s not accepted: %+v", id, tk)
			}
		} else {
			invalid++
			if accepted {
				invalidAccepted++
			}
		}
	}
	require.Zero(t, invalidAccepted, "invalid tasks finalized as accepted")
	require.Zero(t, validNotAccepted, "valid tasks not finalized")
	require.Zero(t, byClaimer, "the claimer never executes")
	require.Positive(t, invalid, "the liar performed some tasks")
	require.Positive(t, fellBack, "the claimer's tasks went to the next performer")
	require.GreaterOrEqual(t, len(all), want)
	const sc = "7 keepers, 2 Byzantine"
	recordFault(sc, "tasks final", fmt.Sprintf("≥ %d", want), len(all))
	recordFault(sc, "invalid finalized as accepted", "0", invalidAccepted)
	recordFault(sc, "valid not finalized as accepted", "0", validNotAccepted)
	recordFault(sc, "invalid (liar's) finalized as rejected", "all", fmt.Sprintf("%d of %d", invalid-invalidAccepted, invalid))
	recordFault(sc, "claimer's tasks done by a fallback round", "all", fellBack)
	recordFault(sc, "tasks executed twice", "0", 0)
	recordFault(sc, "finalized tasks per second", "-", fmt.Sprintf("%.1f", float64(len(all))/elapsed.Seconds()))
}

// checkStrangerRefused starts a libp2p host whose key is not registered and
// checks that the aggregator's connection gater keeps it out, while a host
// with a keeper's key would be admitted (the keepers' own connections).
func (n *network) checkStrangerRefused() {
	n.t.Helper()
	id, err := p2p.IdentityFromECDSA(newKey(n.t))
	require.NoError(n.t, err)
	stranger, err := p2p.New(context.Background(), p2p.Config{Identity: id, Bootstrap: n.bootAddr})
	require.NoError(n.t, err)
	defer stranger.Close()
	time.Sleep(3 * time.Second) // it dials the aggregator with backoff
	require.Empty(n.t, stranger.Peers(), "an unregistered peer is not admitted")
	recordFault("unregistered peer dials the aggregator", "connections admitted", "0", len(stranger.Peers()))
}

// jobTasks reads every task of a job from the API.
func (n *network) jobTasks(job string) []struct {
	ID          string    `json:"task_id"`
	ScheduledAt time.Time `json:"scheduled_at"`
	apiTaskRound
} {
	n.t.Helper()
	code, body := n.api(http.MethodGet, "/api/jobs/"+job+"/tasks", nil)
	require.Equal(n.t, http.StatusOK, code, string(body))
	var tasks []struct {
		ID          string    `json:"task_id"`
		ScheduledAt time.Time `json:"scheduled_at"`
		apiTaskRound
	}
	require.NoError(n.t, json.Unmarshal(body, &tasks))
	return tasks
}

// settledTask is a task of a settled job.
type settledTask struct {
	ID string
	apiTaskRound
}

// waitSettled waits until every task of the jobs has a status in final and
// returns them; otherwise it fails the test listing the tasks that did not
// settle, with their status, performer and round.
func (n *network) waitSettled(jobs []string, wait time.Duration, final ...string) []settledTask {
	n.t.Helper()
	var tasks []settledTask
	var unsettled []string
	if !assert.Eventually(n.t, func() bool {
		tasks, unsettled = nil, nil
		for _, j := range jobs {
			for _, tk := range n.jobTasks(j) {
				if !slices.Contains(final, tk.Status) {
					unsettled = append(unsettled, fmt.Sprintf("job %s task %s %+v", j, tk.ID, tk.apiTaskRound))
				}
				tasks = append(tasks, settledTask{tk.ID, tk.apiTaskRound})
			}
		}
		return len(unsettled) == 0
	}, wait, time.Second) {
		n.t.Fatalf("tasks not %s after %s:\n%s", strings.Join(final, " or "), wait, strings.Join(unsettled, "\n"))
	}
	return tasks
}

// completedCount is how many tasks of the jobs are completed.
func (n *network) completedCount(jobs []string) int {
	done := 0
	for _, j := range jobs {
		for _, tk := range n.jobTasks(j) {
			if tk.Status == "completed" {
				done++
			}
		}
	}
	return done
}

// The aggregator, then the coordinator, killed while tasks are in flight
// and started again on their data directories: every job is still there,
// every task created finalizes, no firing is created or executed twice.
func TestFaultAggregatorAndCoordinatorRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a whole network")
	}
	n := startNetwork(t, 4)
	jobs := []string{n.createJob("1", 1), n.createJob("1", 2)}
	waitMore := func(what string, more int) {
		t.Helper()
		from := n.completedCount(jobs)
		require.Eventually(t, func() bool { return n.completedCount(jobs) >= from+more }, 3*time.Minute, 500*time.Millisecond,
			"tasks did not finalize %s", what)
	}
	waitMore("before the faults", 4)

	for _, p := range []*proc{n.agg, n.coord} {
		n.kill(p)
		time.Sleep(3 * time.Second) // tasks fire, execute and wait meanwhile
		before := time.Now()
		n.startProc(p)
		wait(n, p.ready)
		waitMore("after the "+p.name+" restarted", 4)
		recordFault(p.name+" killed 3s and restarted", "back to finalizing", "-", time.Since(before).Round(100*time.Millisecond))
	}

	for _, j := range jobs {
		code, body := n.api(http.MethodPost, "/api/v1/jobs/"+j+"/pause", nil)
		require.Equal(t, http.StatusOK, code, string(body))
	}
	total := len(n.waitSettled(jobs, 3*time.Minute, "completed"))

	// Every job survived; each firing is one task, executed once.
	code, body := n.api(http.MethodGet, "/api/v1/jobs", nil)
	require.Equal(t, http.StatusOK, code, string(body))
	for _, j := range jobs {
		require.Contains(t, string(body), `"job_id":"`+j+`"`)
		seen := map[time.Time]bool{}
		for _, tk := range n.jobTasks(j) {
			require.False(t, seen[tk.ScheduledAt], "job %s fired twice at %s", j, tk.ScheduledAt)
			seen[tk.ScheduledAt] = true
		}
	}
	n.checkCounter(1)
	// The votes gossiped while the aggregator was down reached only the
	// keepers: the performers recorded those tasks themselves.
	keepers := map[common.Address]bool{}
	for _, k := range n.registeredKeepers() {
		keepers[k.Address] = true
	}
	it, err := n.c.AttestationCenter.FilterTaskSubmitted(&bind.FilterOpts{Context: context.Background()}, nil, nil)
	require.NoError(t, err)
	byBackup := 0
	for it.Next() {
		if keepers[it.Event.Aggregator] {
			byBackup++
		}
	}
	require.NoError(t, it.Close())
	require.Positive(t, byBackup, "performers submitted the certificates the aggregator missed")
	const sc = "aggregator and coordinator restarts"
	recordFault(sc, "tasks created / completed", "all", fmt.Sprintf("%d / %d", total, total))
	recordFault(sc, "recorded by a performer's backup", "> 0", byBackup)
	recordFault(sc, "firings duplicated, executed twice", "0", 0)
}

// adversary is a libp2p host with a registered keeper's key, so the
// connection gaters admit it, that speaks raw gossipsub: it floods every
// topic with malformed messages and replays every message it has seen.
type adversary struct {
	ps     *pubsub.PubSub
	topics map[string]*pubsub.Topic
	mu     sync.Mutex
	seen   []replayable
	sent   atomic.Int64
}

type replayable struct {
	topic string
	data  []byte
}

func startAdversary(t *testing.T, ctx context.Context, key *ecdsa.PrivateKey, bootstrap []string) *adversary {
	t.Helper()
	id, err := p2p.IdentityFromECDSA(key)
	require.NoError(t, err)
	h, err := libp2p.New(libp2p.Identity(id), libp2p.ListenAddrStrings("/ip4/127.0.0.1/tcp/0"))
	require.NoError(t, err)
	t.Cleanup(func() { h.Close() })
	a := &adversary{topics: map[string]*pubsub.Topic{}}
	a.ps, err = pubsub.NewGossipSub(ctx, h)
	require.NoError(t, err)
	for _, name := range floodTopics {
		tp, err := a.ps.Join(name)
		require.NoError(t, err)
		sub, err := tp.Subscribe()
		require.NoError(t, err)
		a.topics[name] = tp
		go func() {
			for {
				m, err := sub.Next(ctx)
				if err != nil {
					return
				}
				if m.ReceivedFrom != h.ID() {
					a.mu.Lock()
					a.seen = append(a.seen, replayable{name, m.Data})
					a.mu.Unlock()
				}
			}
		}()
	}
	for _, s := range bootstrap {
		ai, err := peer.AddrInfoFromString(s)
		require.NoError(t, err)
		require.NoError(t, h.Connect(ctx, *ai), "a registered keeper's key is admitted")
	}
	return a
}

// floodTopics are every gossip topic: the adversary floods them all.
var floodTopics = []string{p2p.TopicAssignments, p2p.TopicResults, p2p.TopicVotes, p2p.TopicFinalizations,
	p2p.TopicHeartbeats, p2p.TopicBatches, p2p.TopicBatchVotes}

// flood publishes malformed and replayed messages as fast as it can until
// ctx ends.
func (a *adversary) flood(ctx context.Context) {
	names := floodTopics
	buf := make([]byte, 512)
	for i := 0; ctx.Err() == nil; i++ {
		name := names[i%len(names)]
		_, _ = rand.Read(buf)
		if a.topics[name].Publish(ctx, buf[:1+i%len(buf)]) == nil {
			a.sent.Add(1)
		}
		a.mu.Lock()
		var r replayable
		if len(a.seen) > 0 {
			r = a.seen[i%len(a.seen)]
		}
		a.mu.Unlock()
		if r.data != nil && a.topics[r.topic].Publish(ctx, r.data) == nil {
			a.sent.Add(1)
		}
	}
}

// A registered keeper turned hostile floods every topic with malformed
// messages and replays old ones at full speed: the network keeps finalizing
// tasks, each executed once.
func TestFaultFloodAndReplay(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a whole network")
	}
	// Six keepers of equal stake: the hostile one never votes, the
	// performer does not vote on its own task, four of six sign.
	n := startNetworkFull(t, 6, nil, func(c *node.CoordinatorConfig) { c.Deadline = 6 * time.Second })
	hostile := n.keepers[5]
	hostile.stop()
	<-hostile.done
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	adv := startAdversary(t, ctx, hostile.cfg.ControllerKey, n.bootAddr)

	job := n.createJob("1", 1)
	n.waitCompleted(job, 2) // messages to replay
	// First it signs both verdicts on one task and gossips both (before
	// its flood gets it graylisted): the aggregator catches the pair and
	// has the keeper slashed on-chain.
	hostileAddr := crypto.PubkeyToAddress(hostile.cfg.ControllerKey.PublicKey)
	var hostileID uint64
	for _, k := range n.registeredKeepers() {
		if k.Address == hostileAddr {
			hostileID = k.ID
		}
	}
	require.NotZero(t, hostileID)
	stake := func() *big.Int {
		k, err := n.c.KeeperRegistry.GetKeeper(&bind.CallOpts{Context: ctx}, new(big.Int).SetUint64(hostileID))
		require.NoError(t, err)
		return k.Stake
	}
	stakeBefore := stake()
	domain := attestation.Domain{ChainID: n.chainID.Uint64(), AttestationCenter: n.addrs.AttestationCenter}
	v := attestation.Vote{TaskID: common.HexToHash("0xbadbad"), JobID: 1, TaskDefinitionID: attestation.TimeStatic,
		ResultHash: common.HexToHash("0x01"), Approve: true, Keeper: hostileAddr}
	for _, approve := range []bool{true, false} {
		v.Approve = approve
		sig := hostile.cfg.BLSKey.Sign(v.Digest(domain))
		v.Signature = sig[:]
		data, err := p2p.EncodeVote(v)
		require.NoError(t, err)
		require.NoError(t, adv.topics[p2p.TopicVotes].Publish(ctx, data))
	}
	opts := &bind.CallOpts{Context: ctx}
	require.Eventually(t, func() bool {
		slashed, err := n.c.AttestationCenter.SlashedFor(opts, new(big.Int).SetUint64(hostileID), v.TaskID)
		return err == nil && slashed
	}, 2*time.Minute, 500*time.Millisecond, "the equivocating keeper was not slashed")
	slashed := new(big.Int).Sub(stakeBefore, stake())
	require.Positive(t, slashed.Sign(), "stake taken")
	floodCtx, stopFlood := context.WithCancel(ctx)
	floodDone := make(chan struct{})
	go func() { defer close(floodDone); adv.flood(floodCtx) }()
	start := time.Now()
	before := n.completedCount([]string{job})
	const minSent = 1000
	require.Eventually(t, func() bool { return n.completedCount([]string{job}) >= before+8 && adv.sent.Load() >= minSent },
		3*time.Minute, 500*time.Millisecond, "tasks did not finalize during the flood")
	during := n.completedCount([]string{job}) - before
	took := time.Since(start)
	stopFlood()
	<-floodDone

	code, body := n.api(http.MethodPost, "/api/v1/jobs/"+job+"/pause", nil)
	require.Equal(t, http.StatusOK, code, string(body))
	n.waitSettled([]string{job}, 3*time.Minute, "completed")
	n.checkCounter(1)

	const sc = "hostile keeper floods and replays"
	recordFault(sc, "messages sent (malformed + replayed)", "-", adv.sent.Load())
	recordFault(sc, "tasks finalized meanwhile", "≥ 8", fmt.Sprintf("%d in %s", during, took.Round(100*time.Millisecond)))
	recordFault(sc, "tasks executed twice", "0", 0)
	recordFault(sc, "both verdicts gossiped → stake slashed (wei)", "> 0", slashed)
}

// A keeper that executes every task, its own and the others', as soon as it
// sees the assignment. The hub lets any active keeper execute a task once,
// so it sometimes gets there first; the assigned performer then reports the
// execution it finds, the attesters reject it (wrong_sender), and the task
// is settled on-chain as rejected with the usurper named by the hub's log.
// No usurped execution is ever accepted, no task is executed twice, and
// every task the assigned performer executed is accepted.
func TestFaultUnassignedExecution(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a whole network")
	}
	var i atomic.Int32
	n := startNetworkWith(t, 6, func(c *node.KeeperConfig) {
		if i.Add(1) == 1 {
			c.Test.Faults = &node.Faults{ExecuteUnassigned: true}
		}
	})
	usurper := crypto.PubkeyToAddress(n.keepers[0].cfg.ControllerKey.PublicKey)
	jobs := []string{n.createJob("1", 1), n.createJob("1", 1)}
	require.Eventually(t, func() bool {
		final := 0
		for _, j := range jobs {
			for _, tk := range n.jobTasks(j) {
				if tk.Status == "completed" || tk.Status == "rejected" {
					final++
				}
			}
		}
		return final >= 16
	}, 5*time.Minute, time.Second, "tasks did not finalize")
	for _, j := range jobs {
		code, body := n.api(http.MethodPost, "/api/v1/jobs/"+j+"/pause", nil)
		require.Equal(t, http.StatusOK, code, string(body))
	}
	settled := n.waitSettled(jobs, 5*time.Minute, "completed", "rejected")
	tasks := make([]apiTaskRound, len(settled))
	ids := make([]common.Hash, len(settled))
	for k, tk := range settled {
		tasks[k], ids[k] = tk.apiTaskRound, common.HexToHash(tk.ID)
	}

	opts := &bind.CallOpts{Context: context.Background()}
	keepers := n.registeredKeepers()
	usurped, honest := 0, 0
	for k, tk := range tasks {
		by, err := n.c.TaskExecutionHub.ExecutedBy(opts, ids[k])
		require.NoError(t, err)
		assigned, err := attestation.SelectPerformer(ids[k], keepers, tk.Round)
		require.NoError(t, err)
		if by != assigned.Address {
			require.Equal(t, usurper, by, "only the usurper executes others' tasks")
			require.Equal(t, "rejected", tk.Status, "a usurped execution is never accepted")
			usurped++
			continue
		}
		require.Equal(t, "completed", tk.Status, "task %s executed by its performer", ids[k].Hex())
		honest++
	}
	n.checkCounter(1)
	const sc = "keeper executes tasks not assigned to it"
	recordFault(sc, "usurped executions accepted", "0", 0)
	recordFault(sc, "usurped / by the assigned performer", "-", fmt.Sprintf("%d / %d", usurped, honest))
	recordFault(sc, "tasks executed twice", "0", 0)
}

// peerIDs returns the peer ids of every node of the network but keeper
// skip: the aggregator, the coordinator and the other keepers.
func (n *network) peerIDs(skip int) []peer.ID {
	n.t.Helper()
	var ids []peer.ID
	for _, a := range append(slices.Clone(n.bootAddr), n.coordAddrs...) {
		ai, err := peer.AddrInfoFromString(a)
		require.NoError(n.t, err)
		ids = append(ids, ai.ID)
	}
	for i, k := range n.keepers {
		if i == skip {
			continue
		}
		id, err := p2p.IdentityFromECDSA(k.cfg.ControllerKey)
		require.NoError(n.t, err)
		pid, err := peer.IDFromPrivateKey(id)
		require.NoError(n.t, err)
		ids = append(ids, pid)
	}
	return ids
}

// A lossy network (a fifth of the aggregator's gossip lost, 100 ms added to
// every keeper's), then one keeper cut off from everyone, then two keepers
// losing every result: tasks keep finalizing, the cut-off keeper's tasks go
// to the next keeper of the order at their deadline, the lost results are
// published again by their performers, and in the end nothing is left
// behind or executed twice.
func TestFaultPartitionDelayDrop(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a whole network")
	}
	var (
		mu     sync.Mutex
		faults []*p2p.Faults
	)
	aggFaults := &p2p.Faults{}
	var resends atomic.Int64
	n := startNetworkHooks(t, 6, func(c *node.KeeperConfig) {
		f := &p2p.Faults{}
		c.Test.Network = f
		mu.Lock()
		faults = append(faults, f)
		mu.Unlock()
		c.Logger = c.Logger.WithOptions(zap.Hooks(func(e zapcore.Entry) error {
			if strings.HasPrefix(e.Message, "task not finalized: publishing its result again") {
				resends.Add(1)
			}
			return nil
		}))
	}, func(c *node.CoordinatorConfig) { c.Deadline = 6 * time.Second },
		func(c *node.AggregatorConfig) { c.Test.Network = aggFaults })
	jobs := []string{n.createJob("1", 1), n.createJob("1", 2)}
	n.waitCompleted(jobs[0], 2)

	// Lossy: the aggregator loses a fifth of what it receives (votes
	// among them, for good: gossip does not deliver a message twice), and
	// every keeper gets each message 100 ms late. Performers' backups
	// submit what the aggregator could not certify.
	const sc = "lossy network, then a partition"
	aggFaults.Drop(0.2)
	for _, f := range faults {
		f.Delay(100 * time.Millisecond)
	}
	before, start := n.completedCount(jobs), time.Now()
	require.Eventually(t, func() bool { return n.completedCount(jobs) >= before+8 }, 3*time.Minute, 500*time.Millisecond,
		"tasks did not finalize on the lossy network")
	recordFault(sc, "finalized: aggregator drops 20%, keepers +100 ms", "≥ 8", fmt.Sprintf("%d in %s",
		n.completedCount(jobs)-before, time.Since(start).Round(100*time.Millisecond)))
	aggFaults.Drop(0)
	for _, f := range faults {
		f.Delay(0)
	}

	const cut = 5
	faults[cut].Partition(n.peerIDs(cut)...)
	before, start = n.completedCount(jobs), time.Now()
	time.Sleep(15 * time.Second)
	during := n.completedCount(jobs) - before
	require.GreaterOrEqual(t, during, 5, "tasks finalize without the cut-off keeper")
	recordFault(sc, "finalized while a keeper is cut off (15 s)", "≥ 5", during)
	faults[cut].Heal()

	// Two attesters lose every result for 10 s: the tasks performed by the
	// four others meanwhile lack a quorum (three votes of six) until their
	// performers publish the results again, which the two then verify.
	const loss = "two attesters lose every result (10 s)"
	resendsBefore := resends.Load()
	for _, k := range []int{3, 4} {
		faults[k].DropTopic(p2p.TopicResults, 1)
	}
	before = n.completedCount(jobs)
	time.Sleep(10 * time.Second)
	for _, k := range []int{3, 4} {
		faults[k].DropTopic(p2p.TopicResults, 0)
	}

	for _, j := range jobs {
		code, body := n.api(http.MethodPost, "/api/v1/jobs/"+j+"/pause", nil)
		require.Equal(t, http.StatusOK, code, string(body))
	}
	settled := n.waitSettled(jobs, 3*time.Minute, "completed")
	fellBack, total := 0, len(settled)
	for _, tk := range settled {
		if tk.Round > 0 {
			fellBack++
		}
	}
	n.checkCounter(1)
	recordFault(sc, "tasks completed after healing", "all", fmt.Sprintf("%d of %d", total, total))
	recordFault(sc, "tasks handed to a fallback round", "-", fellBack)
	recordFault(sc, "tasks executed twice", "0", 0)
	recordFault(loss, "results published again by their performers", "> 0", resends.Load()-resendsBefore)
	recordFault(loss, "tasks completed, from the loss on", "all", fmt.Sprintf("%d of %d", total-before, total-before))
	require.Positive(t, resends.Load()-resendsBefore, "performers resent the results of unfinalized tasks")
}
