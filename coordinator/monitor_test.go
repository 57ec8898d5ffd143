package coordinator_test

import (
	"context"
	"errors"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/coordinator"
)

// chainLog is a test EventSource: events by block, a head, and ranges that
// fail on demand.
type chainLog struct {
	mu      sync.Mutex
	head    uint64
	execs   []coordinator.Execution
	subs    []coordinator.Submission
	failAt  map[uint64]int // block → remaining failures of a range holding it
	queries [][2]uint64
}

func (c *chainLog) Head(context.Context) (uint64, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.head, nil
}

func (c *chainLog) check(from, to uint64) error {
	for b, n := range c.failAt {
		if b >= from && b <= to && n > 0 {
			c.failAt[b] = n - 1
			return errors.New("rpc timeout")
		}
	}
	return nil
}

func (c *chainLog) Executions(_ context.Context, from, to uint64) ([]coordinator.Execution, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.queries = append(c.queries, [2]uint64{from, to})
	if err := c.check(from, to); err != nil {
		return nil, err
	}
	var out []coordinator.Execution
	for _, e := range c.execs {
		if e.BlockNumber >= from && e.BlockNumber <= to {
			out = append(out, e)
		}
	}
	return out, nil
}

func (c *chainLog) Submissions(_ context.Context, from, to uint64) ([]coordinator.Submission, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []coordinator.Submission
	for _, s := range c.subs {
		if s.BlockNumber >= from && s.BlockNumber <= to {
			out = append(out, s)
		}
	}
	return out, nil
}

func pos(block uint64, idx uint) coordinator.EventPosition {
	return coordinator.EventPosition{
		TxHash:      common.BigToHash(new(big.Int).SetUint64(block*1000 + uint64(idx))),
		BlockNumber: block,
		BlockTime:   t0.Add(time.Duration(block) * 2 * time.Second),
		LogIndex:    idx,
	}
}

func TestMonitor(t *testing.T) {
	ctx := context.Background()
	store, tasks := storeWithTasks(t, 3)
	keeper := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	chain := &chainLog{
		head: 250,
		execs: []coordinator.Execution{
			{TaskID: tasks[0].TaskID, JobID: 1, Keeper: keeper, Success: true, EventPosition: pos(10, 0)},
			{TaskID: tasks[1].TaskID, JobID: 1, Keeper: keeper, Success: false, EventPosition: pos(120, 3)},
			{TaskID: common.HexToHash("0xdead"), JobID: 1, Keeper: keeper, EventPosition: pos(121, 0)}, // not ours
			{TaskID: tasks[2].TaskID, JobID: 9, Keeper: keeper, EventPosition: pos(122, 0)},            // wrong job
		},
		subs: []coordinator.Submission{
			{TaskID: tasks[0].TaskID, JobID: 1, TaskNumber: 1, SignerIDs: []uint64{1, 2, 4}, Accepted: true, EventPosition: pos(12, 1)},
			{TaskID: tasks[1].TaskID, JobID: 1, TaskNumber: 2, SignerIDs: []uint64{3, 5}, Accepted: false, EventPosition: pos(130, 0)},
			{TaskID: common.HexToHash("0xbeef"), JobID: 7, TaskNumber: 3, EventPosition: pos(131, 0)},
		},
		failAt: map[uint64]int{120: 2},
	}
	reg := prometheus.NewRegistry()
	clock := func() time.Time { return t0.Add(time.Hour) }
	m, err := coordinator.NewMonitor(coordinator.MonitorConfig{
		Events: chain, Store: store, Logger: zaptest.NewLogger(t),
		BlockRange: 100, StartBlock: 5, Confirmations: 2, Clock: clock, Registerer: reg,
	})
	require.NoError(t, err)

	// First poll: [5,104] applies, [105,204] fails and stops the poll.
	require.ErrorContains(t, m.PollOnce(ctx), "process blocks 105-204")
	next, err := store.Cursor(ctx, "monitor")
	require.NoError(t, err)
	require.Equal(t, uint64(105), next)
	got, err := store.Task(ctx, tasks[0].TaskID)
	require.NoError(t, err)
	require.Equal(t, coordinator.TaskCompleted, got.TaskStatus)
	require.Equal(t, keeper, got.TaskPerformer)
	require.Equal(t, pos(10, 0).TxHash, got.ExecutionTxHash)
	require.Equal(t, pos(10, 0).BlockTime, got.ExecutionTimestamp)
	require.True(t, got.IsSuccessful)
	require.Equal(t, pos(12, 1).TxHash, got.TaskSubmissionTxHash)
	require.Equal(t, uint64(1), got.TaskNumber)
	require.Equal(t, []uint64{1, 2, 4}, got.TaskAttesterIDs)
	require.True(t, got.IsAccepted)
	require.Equal(t, clock(), got.UpdatedAt)

	// Second poll: the failed range is retried (fails once more), never skipped.
	require.Error(t, m.PollOnce(ctx))
	next, err = store.Cursor(ctx, "monitor")
	require.NoError(t, err)
	require.Equal(t, uint64(105), next)
	got, err = store.Task(ctx, tasks[1].TaskID)
	require.NoError(t, err)
	require.Equal(t, coordinator.TaskProcessing, got.TaskStatus)

	// Third poll: catches up to head - confirmations.
	require.NoError(t, m.PollOnce(ctx))
	next, err = store.Cursor(ctx, "monitor")
	require.NoError(t, err)
	require.Equal(t, uint64(249), next)
	require.Equal(t, [][2]uint64{{5, 104}, {105, 204}, {105, 204}, {105, 204}, {205, 248}}, chain.queries)

	got, err = store.Task(ctx, tasks[1].TaskID)
	require.NoError(t, err)
	require.Equal(t, coordinator.TaskRejected, got.TaskStatus)
	require.False(t, got.IsAccepted)
	require.False(t, got.IsSuccessful)
	require.Equal(t, []uint64{3, 5}, got.TaskAttesterIDs)
	got, err = store.Task(ctx, tasks[2].TaskID)
	require.NoError(t, err)
	require.Equal(t, coordinator.TaskProcessing, got.TaskStatus, "an event of another job does not touch the task")
	proc, err := store.ProcessingTasks(ctx, t0.Add(24*time.Hour), 0)
	require.NoError(t, err)
	require.Len(t, proc, 1, "executed tasks are not dispatched again")
	require.Equal(t, common.Hash{}, got.ExecutionTxHash)

	// Nothing new: no query.
	require.NoError(t, m.PollOnce(ctx))
	require.Len(t, chain.queries, 5)

	require.Equal(t, 1.0, metricValue(t, reg, "triggerx_coordinator_tasks_completed_total", "result", "completed"))
	require.Equal(t, 1.0, metricValue(t, reg, "triggerx_coordinator_tasks_completed_total", "result", "rejected"))
	require.Equal(t, 249.0, metricValue(t, reg, "triggerx_coordinator_monitor_next_block"))

	// Re-applying a range (a crash before the cursor moved) is harmless.
	require.NoError(t, store.SetCursor(ctx, "monitor", 0))
	require.NoError(t, m.PollOnce(ctx))
	again, err := store.Task(ctx, tasks[0].TaskID)
	require.NoError(t, err)
	want, err := store.Task(ctx, tasks[0].TaskID)
	require.NoError(t, err)
	require.Equal(t, want, again)
	require.Equal(t, 1.0, metricValue(t, reg, "triggerx_coordinator_tasks_completed_total", "result", "completed"))
}

func TestMonitorRun(t *testing.T) {
	store, tasks := storeWithTasks(t, 1)
	chain := &chainLog{head: 3, subs: []coordinator.Submission{
		{TaskID: tasks[0].TaskID, JobID: 1, TaskNumber: 1, SignerIDs: []uint64{1}, Accepted: true, EventPosition: pos(5, 0)},
	}}
	m, err := coordinator.NewMonitor(coordinator.MonitorConfig{Events: chain, Store: store, PollInterval: 5 * time.Millisecond})
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx) }()
	chain.mu.Lock()
	chain.head = 10
	chain.mu.Unlock()
	require.Eventually(t, func() bool {
		got, err := store.Task(context.Background(), tasks[0].TaskID)
		return err == nil && got.TaskStatus == coordinator.TaskCompleted
	}, 10*time.Second, 5*time.Millisecond)
	cancel()
	require.NoError(t, <-done)
	_, err = coordinator.NewMonitor(coordinator.MonitorConfig{Store: store})
	require.Error(t, err)
}

// The monitor credits points as tasks finish (see coordinator.TaskPoints):
// the user and the performer of an accepted task get its worth, the
// performer of a rejected one loses a tenth, every signer gets half; a
// range read again credits nothing twice.
func TestMonitorCreditsPoints(t *testing.T) {
	ctx := context.Background()
	store, tasks := storeWithTasks(t, 2)
	user := common.HexToAddress("0x1111111111111111111111111111111111111111")
	perf := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	k1, k2, k3 := common.HexToAddress("0x01"), common.HexToAddress("0x02"), common.HexToAddress("0x03")
	src := &fakeKeepers{keepers: []coordinator.KeeperInfo{{ID: 1, Address: k1}, {ID: 2, Address: k2}, {ID: 3, Address: k3}}}
	chain := &chainLog{
		head: 20,
		execs: []coordinator.Execution{
			{TaskID: tasks[0].TaskID, JobID: 1, Keeper: perf, Success: true, EventPosition: pos(10, 0)},
			{TaskID: tasks[1].TaskID, JobID: 1, Keeper: perf, Success: true, EventPosition: pos(11, 0)},
		},
		subs: []coordinator.Submission{
			{TaskID: tasks[0].TaskID, JobID: 1, TaskNumber: 1, SignerIDs: []uint64{1, 2}, Accepted: true, EventPosition: pos(12, 0)},
			{TaskID: tasks[1].TaskID, JobID: 1, TaskNumber: 2, SignerIDs: []uint64{3}, Accepted: false, EventPosition: pos(13, 0)},
		},
	}
	m, err := coordinator.NewMonitor(coordinator.MonitorConfig{
		Events: chain, Store: store, Logger: zaptest.NewLogger(t), StartBlock: 1, Keepers: src,
		Clock: func() time.Time { return t0.Add(time.Hour) },
	})
	require.NoError(t, err)

	// An unreadable keeper set fails the range: it is retried, not skipped.
	src.err = errors.New("rpc down")
	require.ErrorContains(t, m.PollOnce(ctx), "rpc down")
	src.err = nil
	require.NoError(t, m.PollOnce(ctx))

	check := func() {
		t.Helper()
		want := map[common.Address]int64{perf: 6 - 1, k1: 3, k2: 3, k3: 3}
		keepers, err := store.Accounts(ctx, coordinator.AccountKeeper)
		require.NoError(t, err)
		require.Len(t, keepers, len(want))
		for _, a := range keepers {
			require.Equal(t, want[a.Address], a.Points, a.Address.Hex())
		}
		p, err := store.Account(ctx, coordinator.AccountKeeper, perf)
		require.NoError(t, err)
		require.Equal(t, uint64(1), p.TasksPerformed)
		require.Equal(t, uint64(1), p.TasksRejected)
		require.Equal(t, t0.Add(time.Hour), p.LastActivity)
		u, err := store.Account(ctx, coordinator.AccountUser, user)
		require.NoError(t, err)
		require.Equal(t, int64(6), u.Points, "the rejected task earns the user nothing")
		require.Equal(t, uint64(1), u.TasksCompleted)
	}
	check()
	require.NoError(t, store.SetCursor(ctx, "monitor", 0))
	require.NoError(t, m.PollOnce(ctx))
	check()
}
