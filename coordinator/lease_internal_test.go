package coordinator

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/coordinator/lease"
	"github.com/triggerx-network/triggerx/coordinator/lease/leasetest"
)

// Two schedulers over one store share the jobs through Redis leases: every
// slot fires exactly once in total, both do part of the work, and when one
// dies the other takes all the jobs over.
func TestSchedulersShareJobsThroughLeases(t *testing.T) {
	srv := leasetest.StartRedis(t)
	store := memStore(t)
	const jobs = 24
	var all []Job
	for id := uint64(1); id <= jobs; id++ {
		all = append(all, intervalJob(id, 60, 0))
	}
	require.NoError(t, store.CreateJobs(context.Background(), all...))
	clock := &fakeClock{now: st0}

	type instance struct {
		sharder *lease.Sharder
		sched   *Scheduler
		rec     *recorder
		stop    context.CancelFunc
		done    chan struct{}
	}
	start := func(name string) *instance {
		cfg := lease.Config{Client: srv.Client(), Instance: name, Partitions: 8, TTL: 2 * time.Second,
			RenewEvery: 200 * time.Millisecond, SafetyMargin: 400 * time.Millisecond, Prefix: "test:",
			Logger: zaptest.NewLogger(t, zaptest.Level(zap.InfoLevel)).Named(name), TestCrashOnStop: true}
		sh, err := lease.NewSharder(cfg)
		require.NoError(t, err)
		guard, err := lease.NewGuard(cfg)
		require.NoError(t, err)
		ctx, cancel := context.WithCancel(context.Background())
		in := &instance{sharder: sh, rec: &recorder{store: store}, stop: cancel, done: make(chan struct{})}
		go func() { defer close(in.done); _ = sh.Run(ctx) }()
		in.sched = NewScheduler(store, in.rec.dispatch, clock.Now, zaptest.NewLogger(t).Named(name),
			WithOwnership(func(id uint64) bool { return sh.Owns(sh.Partition(id)) },
				func(ctx context.Context, key string) (bool, error) { return guard.Claim(ctx, key, time.Hour) }))
		sh.OnChange(func([]int) { in.sched.Resync() })
		t.Cleanup(func() { cancel(); <-in.done })
		return in
	}
	a, b := start("a"), start("b")
	require.Eventually(t, func() bool {
		na, nb := len(a.sharder.Owned()), len(b.sharder.Owned())
		return na > 0 && nb > 0 && na+nb == 8
	}, 20*time.Second, 20*time.Millisecond, "the two instances split the partitions")

	tick := func(secs int64, ins ...*instance) {
		clock.Set(st0.Add(time.Duration(secs) * time.Second))
		for _, in := range ins {
			require.NoError(t, in.sched.runTick(context.Background()))
		}
	}
	tasks := func(ins ...*instance) map[string]int {
		seen := map[string]int{}
		for _, in := range ins {
			in.rec.mu.Lock()
			for _, tk := range in.rec.tasks {
				seen[tk.ID.Hex()]++
			}
			in.rec.mu.Unlock()
		}
		return seen
	}

	// b ticks first: it sees a's due jobs too, leaves them to a and looks
	// at them again later.
	tick(60, b, a)
	tick(61, a, b)
	seen := tasks(a, b)
	require.Len(t, seen, jobs, "every job fired its slot")
	for id, n := range seen {
		require.Equal(t, 1, n, "task %s dispatched %d times", id, n)
	}
	require.NotEmpty(t, a.rec.tasks)
	require.NotEmpty(t, b.rec.tasks)

	// a crashes: its leases expire and b takes every partition over.
	a.stop()
	<-a.done
	require.Eventually(t, func() bool { return len(b.sharder.Owned()) == 8 }, 20*time.Second, 20*time.Millisecond,
		"the survivor takes the dead instance's partitions over")
	before := len(b.rec.tasks)
	tick(120, b)
	require.Equal(t, before+jobs, len(b.rec.tasks), "the survivor fires every job")
	seen = tasks(a, b)
	require.Len(t, seen, 2*jobs)
	for id, n := range seen {
		require.Equal(t, 1, n, "task %s dispatched %d times", id, n)
	}
	var slots []int64
	for _, tk := range b.rec.tasks[before:] {
		slots = append(slots, tk.ScheduledAt)
	}
	for _, s := range slots {
		require.Equal(t, st0.Unix()+120, s)
	}
}
