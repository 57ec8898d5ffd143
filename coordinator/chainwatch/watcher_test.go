package chainwatch_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest"
	"go.uber.org/zap/zaptest/observer"

	"github.com/triggerx-network/triggerx/contracts"
	"github.com/triggerx-network/triggerx/contracts/bindings"
	"github.com/triggerx-network/triggerx/coordinator/chainwatch"
	"github.com/triggerx-network/triggerx/execution"
)

// Every chain client of the node can back a Watcher.
var _ chainwatch.Client = (execution.Chain)(nil)

const simChainID = 1337 // the simulated backend's

const (
	waitFor = 20 * time.Second
	tick    = 5 * time.Millisecond
)

// onOsaka pins the simulated chain to the fork mainnet runs.
func onOsaka(_ *node.Config, ethConf *ethconfig.Config) {
	cfg := *ethConf.Genesis.Config
	cfg.BogotaTime = nil
	ethConf.Genesis.Config = &cfg
}

// chain is a simulated chain with the system deployed and funded users who
// call Counter.increment, whose Incremented event the tests watch.
type chain struct {
	t       *testing.T
	sim     *simulated.Backend
	client  simulated.Client
	counter *bindings.Counter
	users   []*bind.TransactOpts
	key     chainwatch.LogKey
}

func newChain(t *testing.T) *chain {
	t.Helper()
	keys := make([]*ecdsa.PrivateKey, 3) // deployer, two users
	alloc := types.GenesisAlloc{}
	for i := range keys {
		k, err := crypto.GenerateKey()
		require.NoError(t, err)
		keys[i] = k
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: new(big.Int).Mul(big.NewInt(100), big.NewInt(params.Ether))}
	}
	sim := simulated.NewBackend(alloc, onOsaka)
	t.Cleanup(func() { _ = sim.Close() })
	c := &chain{t: t, sim: sim, client: sim.Client()}
	for _, k := range keys {
		auth, err := bind.NewKeyedTransactorWithChainID(k, big.NewInt(simChainID))
		require.NoError(t, err)
		c.users = append(c.users, auth)
	}
	addrs, err := contracts.Deploy(t.Context(), c.client, c.users[0], big.NewInt(1), func() { sim.Commit() })
	require.NoError(t, err)
	c.counter, err = bindings.NewCounter(addrs.Counter, c.client)
	require.NoError(t, err)
	counterABI, err := bindings.CounterMetaData.GetAbi()
	require.NoError(t, err)
	c.key = chainwatch.LogKey{Contract: addrs.Counter, Topic0: counterABI.Events["Incremented"].ID}
	c.users = c.users[1:]
	return c
}

// increment has user call Counter.increment(by) and seals its block.
func (c *chain) increment(user int, by int64) types.Log {
	c.t.Helper()
	tx, err := c.counter.Increment(c.users[user], big.NewInt(by))
	require.NoError(c.t, err)
	r, err := contracts.WaitMined(c.t.Context(), c.client, tx, func() { c.sim.Commit() })
	require.NoError(c.t, err)
	require.Len(c.t, r.Logs, 1)
	return *r.Logs[0]
}

func (c *chain) commit(n int) {
	for range n {
		c.sim.Commit()
	}
}

func (c *chain) head() *types.Header {
	c.t.Helper()
	h, err := c.client.HeaderByNumber(c.t.Context(), nil)
	require.NoError(c.t, err)
	return h
}

func (c *chain) header(n uint64) *types.Header {
	c.t.Helper()
	h, err := c.client.HeaderByNumber(c.t.Context(), new(big.Int).SetUint64(n))
	require.NoError(c.t, err)
	return h
}

// logs returns the canonical Incremented logs of [from, to].
func (c *chain) logs(from, to uint64) []types.Log {
	c.t.Helper()
	logs, err := c.client.FilterLogs(c.t.Context(), ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(from), ToBlock: new(big.Int).SetUint64(to),
		Addresses: []common.Address{c.key.Contract}, Topics: [][]common.Hash{{c.key.Topic0}},
	})
	require.NoError(c.t, err)
	return logs
}

func (c *chain) by(l types.Log) int64 {
	c.t.Helper()
	e, err := c.counter.ParseIncremented(l)
	require.NoError(c.t, err)
	return e.By.Int64()
}

// faultyClient counts eth_getLogs queries and fails those fail rejects.
type faultyClient struct {
	chainwatch.Client
	mu      sync.Mutex
	queries []ethereum.FilterQuery
	fail    func(q ethereum.FilterQuery) error
	alter   func([]types.Log) []types.Log
}

func (c *faultyClient) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	c.mu.Lock()
	c.queries = append(c.queries, q)
	fail, alter := c.fail, c.alter
	c.mu.Unlock()
	if fail != nil {
		if err := fail(q); err != nil {
			return nil, err
		}
	}
	logs, err := c.Client.FilterLogs(ctx, q)
	if err == nil && alter != nil {
		logs = alter(logs)
	}
	return logs, err
}

func (c *faultyClient) ranges(key chainwatch.LogKey) [][2]uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out [][2]uint64
	for _, q := range c.queries {
		if len(q.Addresses) == 1 && q.Addresses[0] == key.Contract && q.Topics[0][0] == key.Topic0 {
			out = append(out, [2]uint64{q.FromBlock.Uint64(), q.ToBlock.Uint64()})
		}
	}
	return out
}

// recorder is a subscriber that records what it receives, and fails while
// fail says so.
type recorder struct {
	mu     sync.Mutex
	logs   []types.Log
	blocks []chainwatch.BlockRef
	calls  int
	fail   func() error
}

func (r *recorder) onLog(_ context.Context, l types.Log) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls++
	if r.fail != nil {
		if err := r.fail(); err != nil {
			return err
		}
	}
	r.logs = append(r.logs, l)
	return nil
}

func (r *recorder) onBlock(_ context.Context, b chainwatch.BlockRef) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.blocks = append(r.blocks, b)
	return nil
}

func (r *recorder) got() []types.Log {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.logs)
}

func (r *recorder) numbers() []uint64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []uint64
	for _, b := range r.blocks {
		out = append(out, b.Number)
	}
	return out
}

// logID names a log on one chain.
type logID struct {
	block common.Hash
	index uint
}

func ids(logs []types.Log) []logID {
	out := make([]logID, len(logs))
	for i, l := range logs {
		out[i] = logID{l.BlockHash, l.Index}
	}
	return out
}

// watch creates a Watcher over client and store with fast polling; subscribe
// runs before Run starts. The returned stop cancels Run and waits for it.
func watch(t *testing.T, cfg chainwatch.Config, subscribe func(w *chainwatch.Watcher)) (*chainwatch.Watcher, func()) {
	t.Helper()
	cfg.ChainID = simChainID
	cfg.PollInterval = 5 * time.Millisecond
	cfg.MaxBackoff = 40 * time.Millisecond
	if cfg.Logger == nil {
		cfg.Logger = zaptest.NewLogger(t, zaptest.Level(zap.InfoLevel))
	}
	w, err := chainwatch.New(cfg)
	require.NoError(t, err)
	if subscribe != nil {
		subscribe(w)
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			require.NoError(t, <-done)
		})
	}
	t.Cleanup(stop)
	return w, stop
}

// checkpoint waits until the checkpoint name satisfies ok, and returns it.
func checkpoint(t *testing.T, store chainwatch.CheckpointStore, name string, ok func(chainwatch.Checkpoint) bool) chainwatch.Checkpoint {
	t.Helper()
	var cp chainwatch.Checkpoint
	require.Eventually(t, func() bool {
		c, found, err := store.Checkpoint(t.Context(), name)
		require.NoError(t, err)
		cp = c
		return found && ok(c)
	}, waitFor, tick, "checkpoint %s", name)
	return cp
}

func exists(chainwatch.Checkpoint) bool { return true }

func atLeast(n uint64) func(chainwatch.Checkpoint) bool {
	return func(c chainwatch.Checkpoint) bool { return c.Block >= n }
}

func TestSharedPoller(t *testing.T) {
	ch := newChain(t)
	fc := &faultyClient{Client: ch.client}
	store := chainwatch.NewMemoryCheckpoints()
	var a, b recorder
	watch(t, chainwatch.Config{Client: fc, Checkpoints: store, MaxRange: 2}, func(w *chainwatch.Watcher) {
		w.SubscribeLogs(ch.key, 0, a.onLog)
		w.SubscribeLogs(ch.key, 0, b.onLog)
	})
	name := chainwatch.LogPollerName(simChainID, ch.key, 0)
	start := checkpoint(t, store, name, exists)

	for i := range 5 {
		ch.increment(i%2, int64(i+1))
	}
	ch.commit(1)
	head := ch.head().Number.Uint64()
	want := ids(ch.logs(start.Block+1, head))
	require.Len(t, want, 5)
	require.Eventually(t, func() bool { return len(a.got()) == 5 && len(b.got()) == 5 }, waitFor, tick)
	require.Equal(t, want, ids(a.got()))
	require.Equal(t, want, ids(b.got()))
	checkpoint(t, store, name, atLeast(head))

	// One poller read every range once: the queried ranges follow each
	// other without overlap, within MaxRange.
	ranges := fc.ranges(ch.key)
	require.NotEmpty(t, ranges)
	require.Equal(t, start.Block+1, ranges[0][0])
	for i, r := range ranges {
		require.LessOrEqual(t, r[0], r[1])
		require.LessOrEqual(t, r[1]-r[0], uint64(1), "range %v longer than MaxRange", r)
		if i > 0 {
			require.Equal(t, ranges[i-1][1]+1, r[0], "ranges %v", ranges)
		}
	}
}

func TestLateSubscriberStartsAtPollerPosition(t *testing.T) {
	ch := newChain(t)
	store := chainwatch.NewMemoryCheckpoints()
	var a, b recorder
	w, _ := watch(t, chainwatch.Config{Client: ch.client, Checkpoints: store}, func(w *chainwatch.Watcher) {
		w.SubscribeLogs(ch.key, 0, a.onLog)
	})
	name := chainwatch.LogPollerName(simChainID, ch.key, 0)
	checkpoint(t, store, name, exists)
	first := ch.increment(0, 1)
	checkpoint(t, store, name, atLeast(first.BlockNumber))

	w.SubscribeLogs(ch.key, 0, b.onLog)
	second := ch.increment(1, 2)
	require.Eventually(t, func() bool { return len(a.got()) == 2 && len(b.got()) == 1 }, waitFor, tick)
	require.Equal(t, ids([]types.Log{first, second}), ids(a.got()))
	require.Equal(t, ids([]types.Log{second}), ids(b.got()))
}

func TestConfirmationsDelayDelivery(t *testing.T) {
	ch := newChain(t)
	store := chainwatch.NewMemoryCheckpoints()
	var rec recorder
	// The subscription asks for none; the watcher's floor of 2 applies.
	watch(t, chainwatch.Config{Client: ch.client, Checkpoints: store, Confirmations: 2}, func(w *chainwatch.Watcher) {
		w.SubscribeLogs(ch.key, 0, rec.onLog)
	})
	name := chainwatch.LogPollerName(simChainID, ch.key, 2)
	start := checkpoint(t, store, name, exists)
	require.Equal(t, ch.head().Number.Uint64()-2, start.Block)

	l := ch.increment(0, 3)
	checkpoint(t, store, name, atLeast(l.BlockNumber-2))
	ch.commit(1)
	cp := checkpoint(t, store, name, atLeast(l.BlockNumber-1))
	require.Equal(t, l.BlockNumber-1, cp.Block)
	require.Empty(t, rec.got(), "delivered with one confirmation")

	ch.commit(1)
	require.Eventually(t, func() bool { return len(rec.got()) == 1 }, waitFor, tick)
	require.Equal(t, ids([]types.Log{l}), ids(rec.got()))
	cp = checkpoint(t, store, name, atLeast(l.BlockNumber))
	require.Equal(t, l.BlockNumber, cp.Block)
	require.Equal(t, ch.header(l.BlockNumber).Hash(), cp.Hash)
}

func TestRestartResumesFromCheckpoint(t *testing.T) {
	ch := newChain(t)
	store := chainwatch.NewMemoryCheckpoints()
	name := chainwatch.LogPollerName(simChainID, ch.key, 0)

	var first recorder
	_, stop := watch(t, chainwatch.Config{Client: ch.client, Checkpoints: store}, func(w *chainwatch.Watcher) {
		w.SubscribeLogs(ch.key, 0, first.onLog)
	})
	start := checkpoint(t, store, name, exists)
	for i := range 3 {
		ch.increment(0, int64(i+1))
	}
	checkpoint(t, store, name, atLeast(ch.head().Number.Uint64()))
	stop()
	require.Len(t, first.got(), 3)

	// While nobody watches, more logs.
	for i := range 3 {
		ch.increment(1, int64(i+10))
	}
	ch.commit(2)

	var second recorder
	watch(t, chainwatch.Config{Client: ch.client, Checkpoints: store}, func(w *chainwatch.Watcher) {
		w.SubscribeLogs(ch.key, 0, second.onLog)
	})
	head := ch.head().Number.Uint64()
	checkpoint(t, store, name, atLeast(head))
	want := ids(ch.logs(start.Block+1, head))
	require.Len(t, want, 6)
	require.Equal(t, want, append(ids(first.got()), ids(second.got())...), "every log exactly once, in order")
}

func TestFailingRangeIsRetried(t *testing.T) {
	ch := newChain(t)
	fc := &faultyClient{Client: ch.client}
	store := chainwatch.NewMemoryCheckpoints()
	reg := prometheus.NewRegistry()
	var rec recorder
	watch(t, chainwatch.Config{Client: fc, Checkpoints: store, Registerer: reg}, func(w *chainwatch.Watcher) {
		w.SubscribeLogs(ch.key, 0, rec.onLog)
	})
	name := chainwatch.LogPollerName(simChainID, ch.key, 0)
	checkpoint(t, store, name, exists)

	// The next block's range fails three times.
	target := ch.head().Number.Uint64() + 1
	var failures int
	fc.mu.Lock()
	fc.fail = func(q ethereum.FilterQuery) error {
		if q.FromBlock.Uint64() <= target && target <= q.ToBlock.Uint64() && failures < 3 {
			failures++
			return errors.New("injected RPC failure")
		}
		return nil
	}
	fc.mu.Unlock()
	l := ch.increment(0, 4)
	require.Equal(t, target, l.BlockNumber)
	ch.increment(1, 5)

	require.Eventually(t, func() bool { return len(rec.got()) == 2 }, waitFor, tick)
	checkpoint(t, store, name, atLeast(target+1))
	require.Equal(t, ids(ch.logs(target, target+1)), ids(rec.got()))
	fc.mu.Lock()
	require.Equal(t, 3, failures)
	fc.mu.Unlock()
	require.GreaterOrEqual(t, metricValue(t, reg, "triggerx_chainwatch_range_errors_total", nil), 3.0)
	require.Equal(t, 2.0, metricValue(t, reg, "triggerx_chainwatch_logs_total", nil))
	require.Equal(t, float64(target+1), metricValue(t, reg, "triggerx_chainwatch_processed_block",
		map[string]string{"poller": name[len("chainwatch/1337/"):]}))
	require.GreaterOrEqual(t, metricValue(t, reg, "triggerx_chainwatch_head_block", nil), float64(target+1))
}

func TestSubscriberErrorHoldsTheCheckpoint(t *testing.T) {
	ch := newChain(t)
	store := chainwatch.NewMemoryCheckpoints()
	reg := prometheus.NewRegistry()
	var open sync.Mutex // held: a fails
	var opened bool
	a := recorder{fail: func() error {
		open.Lock()
		defer open.Unlock()
		if !opened {
			return errors.New("store unavailable")
		}
		return nil
	}}
	var b recorder
	watch(t, chainwatch.Config{Client: ch.client, Checkpoints: store, Registerer: reg}, func(w *chainwatch.Watcher) {
		w.SubscribeLogs(ch.key, 0, a.onLog)
		w.SubscribeLogs(ch.key, 0, b.onLog)
	})
	name := chainwatch.LogPollerName(simChainID, ch.key, 0)
	checkpoint(t, store, name, exists)

	l := ch.increment(0, 6)
	require.Eventually(t, func() bool {
		return metricValue(t, reg, "triggerx_chainwatch_range_errors_total", nil) >= 3
	}, waitFor, tick)
	cp, _, err := store.Checkpoint(t.Context(), name)
	require.NoError(t, err)
	require.Less(t, cp.Block, l.BlockNumber, "checkpoint moved past a range a subscriber failed")
	require.Empty(t, a.got())

	open.Lock()
	opened = true
	open.Unlock()
	checkpoint(t, store, name, atLeast(l.BlockNumber))
	require.Equal(t, ids([]types.Log{l}), ids(a.got()))
	require.Equal(t, ids([]types.Log{l}), ids(b.got()), "b handled the range once, while a was retried")
	a.mu.Lock()
	require.GreaterOrEqual(t, a.calls, 4)
	a.mu.Unlock()
}

func TestUnsubscribeAndResume(t *testing.T) {
	ch := newChain(t)
	fc := &faultyClient{Client: ch.client}
	store := chainwatch.NewMemoryCheckpoints()
	var a, b recorder
	var unsubscribe func()
	w, _ := watch(t, chainwatch.Config{Client: fc, Checkpoints: store}, func(w *chainwatch.Watcher) {
		unsubscribe = w.SubscribeLogs(ch.key, 0, a.onLog)
	})
	name := chainwatch.LogPollerName(simChainID, ch.key, 0)
	checkpoint(t, store, name, exists)
	first := ch.increment(0, 1)
	checkpoint(t, store, name, atLeast(first.BlockNumber))
	unsubscribe()
	unsubscribe() // idempotent

	// Nobody subscribes: the poller stops where it was.
	second := ch.increment(0, 2)
	ch.commit(3)
	// A new subscriber revives the poller at its checkpoint.
	w.SubscribeLogs(ch.key, 0, b.onLog)
	third := ch.increment(1, 3)
	require.Eventually(t, func() bool { return len(b.got()) == 2 }, waitFor, tick)
	require.Equal(t, ids([]types.Log{second, third}), ids(b.got()))
	require.Equal(t, ids([]types.Log{first}), ids(a.got()))
}

func TestReorgDeeperThanConfirmations(t *testing.T) {
	ch := newChain(t)
	store := chainwatch.NewMemoryCheckpoints()
	core, observed := observer.New(zapcore.ErrorLevel)
	var rec recorder
	watch(t, chainwatch.Config{Client: ch.client, Checkpoints: store, Logger: zap.New(core)}, func(w *chainwatch.Watcher) {
		w.SubscribeLogs(ch.key, 1, rec.onLog)
	})
	name := chainwatch.LogPollerName(simChainID, ch.key, 1)
	checkpoint(t, store, name, exists)

	parent := ch.head()
	old := ch.increment(0, 1)
	ch.commit(1)
	require.Eventually(t, func() bool { return len(rec.got()) == 1 }, waitFor, tick)
	checkpoint(t, store, name, atLeast(old.BlockNumber))
	require.Equal(t, ids([]types.Log{old}), ids(rec.got()))

	// Replace the two blocks after parent with a longer side chain.
	require.NoError(t, ch.sim.Fork(parent.Hash()))
	replacement := ch.increment(1, 7)
	require.Equal(t, old.BlockNumber, replacement.BlockNumber)
	require.NotEqual(t, old.BlockHash, replacement.BlockHash)
	ch.commit(2)
	head := ch.head().Number.Uint64()
	require.Equal(t, old.BlockNumber+2, head)

	// The new canonical logs up to the safe head are delivered (the
	// replaced transaction may be mined again in the side chain: its log is
	// then a new one).
	want := ids(ch.logs(old.BlockNumber, head-1))
	require.Contains(t, want, logID{replacement.BlockHash, replacement.Index})
	require.Eventually(t, func() bool {
		got := ids(rec.got())
		return len(got) == 1+len(want) && slices.Equal(got[1:], want)
	}, waitFor, tick)
	cp := checkpoint(t, store, name, atLeast(head-1))
	require.Equal(t, ch.header(cp.Block).Hash(), cp.Hash)
	entries := observed.FilterMessageSnippet("reorganised").All()
	require.Len(t, entries, 1)
	fields := entries[0].ContextMap()
	require.Equal(t, true, fields["ancestor_found"])
	// The newest remembered block still canonical: parent, or an earlier
	// range end if the poller read parent's block with the next one.
	require.LessOrEqual(t, fields["ancestor_block"], parent.Number.Uint64())
	require.Equal(t, old.BlockNumber, fields["checkpoint_block"])
}

// A checkpoint whose block is no longer canonical when the poller resumes
// (a reorganisation while the coordinator was down) has no remembered
// ancestor: the poller reads again from ReorgDepth blocks back.
func TestReorgWhileStopped(t *testing.T) {
	ch := newChain(t)
	for i := range 4 {
		ch.increment(i%2, int64(i+1))
	}
	head := ch.head().Number.Uint64()
	store := chainwatch.NewMemoryCheckpoints()
	name := chainwatch.LogPollerName(simChainID, ch.key, 0)
	require.NoError(t, store.SetCheckpoint(t.Context(), name, chainwatch.Checkpoint{Block: head, Hash: common.HexToHash("0xdead")}))

	core, observed := observer.New(zapcore.ErrorLevel)
	var rec recorder
	watch(t, chainwatch.Config{Client: ch.client, Checkpoints: store, Logger: zap.New(core), ReorgDepth: 3},
		func(w *chainwatch.Watcher) { w.SubscribeLogs(ch.key, 0, rec.onLog) })
	ch.commit(1)
	checkpoint(t, store, name, atLeast(head+1))
	require.Equal(t, ids(ch.logs(head-2, head)), ids(rec.got()))
	require.Len(t, rec.got(), 3)
	entries := observed.FilterMessageSnippet("reorganised").All()
	require.Len(t, entries, 1)
	require.Equal(t, false, entries[0].ContextMap()["ancestor_found"])
	require.Equal(t, head-3, entries[0].ContextMap()["ancestor_block"])
}

// Removed, duplicate and foreign logs in a node's answer are not delivered.
func TestOddLogsAreDropped(t *testing.T) {
	ch := newChain(t)
	fc := &faultyClient{Client: ch.client}
	fc.alter = func(logs []types.Log) []types.Log {
		var out []types.Log
		for _, l := range logs {
			removed, foreign, other := l, l, l
			removed.Removed = true
			removed.Index += 100
			foreign.Address = common.HexToAddress("0x1")
			foreign.Index += 200
			other.Topics = []common.Hash{{1}}
			other.Index += 300
			// Out of order, with a duplicate.
			out = append([]types.Log{removed, l, foreign, other}, append(out, l)...)
		}
		return out
	}
	store := chainwatch.NewMemoryCheckpoints()
	var rec recorder
	watch(t, chainwatch.Config{Client: fc, Checkpoints: store, MaxRange: 3}, func(w *chainwatch.Watcher) {
		w.SubscribeLogs(ch.key, 0, rec.onLog)
	})
	name := chainwatch.LogPollerName(simChainID, ch.key, 0)
	start := checkpoint(t, store, name, exists)
	// Several logs per block and range.
	for i := range 3 {
		_, err := ch.counter.Increment(ch.users[0], big.NewInt(int64(i+1)))
		require.NoError(t, err)
		_, err = ch.counter.Increment(ch.users[1], big.NewInt(int64(i+1)))
		require.NoError(t, err)
		ch.commit(1)
	}
	head := ch.head().Number.Uint64()
	checkpoint(t, store, name, atLeast(head))
	want := ids(ch.logs(start.Block+1, head))
	require.Len(t, want, 6)
	require.Equal(t, want, ids(rec.got()))
}

func TestBlockSubscriptions(t *testing.T) {
	ch := newChain(t)
	store := chainwatch.NewMemoryCheckpoints()
	start := ch.head().Number.Uint64() + 2
	var a, b, c recorder
	watch(t, chainwatch.Config{Client: ch.client, Checkpoints: store}, func(w *chainwatch.Watcher) {
		w.SubscribeBlocks(3, start, 0, a.onBlock)
		w.SubscribeBlocks(2, 0, 0, b.onBlock)
		w.SubscribeBlocks(4, 1, 1, c.onBlock)
	})
	init0 := checkpoint(t, store, chainwatch.BlockPollerName(simChainID, 0), exists)
	init1 := checkpoint(t, store, chainwatch.BlockPollerName(simChainID, 1), exists)
	ch.commit(12)
	head := ch.head().Number.Uint64()

	schedule := func(after, upTo, every, start uint64) []uint64 {
		var out []uint64
		for n := after + 1; n <= upTo; n++ {
			if n >= start && (n-start)%every == 0 {
				out = append(out, n)
			}
		}
		return out
	}
	wantA := schedule(init0.Block, head, 3, start)
	wantB := schedule(init0.Block, head, 2, 0)
	wantC := schedule(init1.Block, head-1, 4, 1)
	require.Equal(t, start, wantA[0])
	require.Len(t, wantA, 4)
	for _, tc := range []struct {
		rec  *recorder
		want []uint64
	}{{&a, wantA}, {&b, wantB}, {&c, wantC}} {
		require.Eventually(t, func() bool { return slices.Equal(tc.rec.numbers(), tc.want) }, waitFor, tick,
			"want %v", tc.want)
		tc.rec.mu.Lock()
		for _, ref := range tc.rec.blocks {
			h := ch.header(ref.Number)
			require.Equal(t, h.Hash(), ref.Hash)
			require.Equal(t, h.Time, ref.Time)
		}
		tc.rec.mu.Unlock()
	}
}

func TestNewAndRun(t *testing.T) {
	_, err := chainwatch.New(chainwatch.Config{ChainID: 1, Checkpoints: chainwatch.NewMemoryCheckpoints()})
	require.ErrorContains(t, err, "no client")
	_, err = chainwatch.New(chainwatch.Config{Client: &faultyClient{}, Checkpoints: chainwatch.NewMemoryCheckpoints()})
	require.ErrorContains(t, err, "no chain id")
	_, err = chainwatch.New(chainwatch.Config{ChainID: 1, Client: &faultyClient{}})
	require.ErrorContains(t, err, "no checkpoint store")

	ch := newChain(t)
	w, stop := watch(t, chainwatch.Config{Client: ch.client, Checkpoints: chainwatch.NewMemoryCheckpoints()}, nil)
	require.Eventually(t, func() bool { _, ok := w.Head(); return ok }, waitFor, tick)
	ref, _ := w.Head()
	require.Equal(t, ch.head().Hash(), ref.Hash)
	stop()
	require.ErrorContains(t, w.Run(t.Context()), "already ran")
}

// metricValue returns the value of the series of name whose labels include
// labels, summed over matching series.
func metricValue(t *testing.T, reg *prometheus.Registry, name string, labels map[string]string) float64 {
	t.Helper()
	families, err := reg.Gather()
	require.NoError(t, err)
	var sum float64
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
	series:
		for _, m := range f.GetMetric() {
			have := map[string]string{}
			for _, lp := range m.GetLabel() {
				have[lp.GetName()] = lp.GetValue()
			}
			if have["chain"] != "1337" {
				continue
			}
			for k, v := range labels {
				if have[k] != v {
					continue series
				}
			}
			switch {
			case m.GetCounter() != nil:
				sum += m.GetCounter().GetValue()
			case m.GetGauge() != nil:
				sum += m.GetGauge().GetValue()
			}
		}
	}
	return sum
}
