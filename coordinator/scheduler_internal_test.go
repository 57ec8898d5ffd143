package coordinator

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/attestation"
)

var st0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// fakeClock is a settable clock.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// recorder is a dispatch function that records tasks and, like the real
// dispatcher, marks them dispatched; fail makes it fail instead.
type recorder struct {
	mu    sync.Mutex
	store Store
	tasks []attestation.Task
	fail  error
}

func (r *recorder) dispatch(ctx context.Context, t attestation.Task) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.tasks = append(r.tasks, t)
	if r.fail != nil {
		return r.fail
	}
	_, err := r.store.UpdateTask(ctx, t.ID, func(t *Task) error {
		t.TaskStatus = TaskDispatched
		return nil
	})
	return err
}

func (r *recorder) slots() []int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []int64
	for _, t := range r.tasks {
		out = append(out, t.ScheduledAt-st0.Unix())
	}
	return out
}

func intervalJob(id uint64, interval, frame int64) Job {
	j := Job{
		JobID:                  Decimal(id),
		UserAddress:            common.HexToAddress("0x01"),
		JobTitle:               "job",
		TaskDefinitionID:       attestation.TimeStatic,
		ScheduleType:           ScheduleInterval,
		TimeInterval:           interval,
		TimeFrame:              frame,
		TargetChainID:          31337,
		TargetContractAddress:  common.HexToAddress("0x02"),
		TargetFunction:         "increment(uint256)",
		Arguments:              []string{"1"},
		Status:                 JobActive,
		NextExecutionTimestamp: st0.Add(time.Duration(interval) * time.Second),
		CreatedAt:              st0,
		UpdatedAt:              st0,
		Trigger: attestation.Trigger{Kind: attestation.TriggerTime, Time: &attestation.TimeTrigger{
			Schedule: attestation.ScheduleInterval, Interval: uint64(interval), Start: st0.Unix(),
		}},
	}
	if frame > 0 {
		j.ExpirationTime = st0.Add(time.Duration(frame) * time.Second)
	}
	return j
}

func newTestScheduler(t *testing.T, s Store, jobs ...Job) (*Scheduler, *recorder, *fakeClock) {
	t.Helper()
	require.NoError(t, s.CreateJobs(context.Background(), jobs...))
	rec := &recorder{store: s}
	clock := &fakeClock{now: st0}
	return NewScheduler(s, rec.dispatch, clock.Now, zaptest.NewLogger(t)), rec, clock
}

func memStore(t *testing.T) Store {
	t.Helper()
	s, err := OpenBadgerStore("", nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func at(clock *fakeClock, s *Scheduler, t *testing.T, secs int64) {
	t.Helper()
	clock.Set(st0.Add(time.Duration(secs) * time.Second))
	require.NoError(t, s.runTick(context.Background()))
}

func TestSchedulerFiresOncePerSlot(t *testing.T) {
	ctx := context.Background()
	store := memStore(t)
	reg := prometheus.NewRegistry()
	require.NoError(t, store.CreateJobs(ctx, intervalJob(1, 60, 3600)))
	rec := &recorder{store: store}
	clock := &fakeClock{now: st0}
	s := NewScheduler(store, rec.dispatch, clock.Now, zaptest.NewLogger(t), WithRegisterer(reg))

	for _, secs := range []int64{0, 30, 59} {
		at(clock, s, t, secs)
	}
	require.Empty(t, rec.slots())
	for _, secs := range []int64{60, 60, 61, 119} {
		at(clock, s, t, secs)
	}
	require.Equal(t, []int64{60}, rec.slots())
	for _, secs := range []int64{120, 150, 180, 181} {
		at(clock, s, t, secs)
	}
	require.Equal(t, []int64{60, 120, 180}, rec.slots())

	j, err := store.Job(ctx, 1)
	require.NoError(t, err)
	require.Equal(t, st0.Add(240*time.Second), j.NextExecutionTimestamp)
	require.Equal(t, JobActive, j.Status)

	tasks, err := store.Tasks(ctx, 1, 0)
	require.NoError(t, err)
	require.Len(t, tasks, 3)
	for i, task := range tasks {
		slot := st0.Add(time.Duration(180-60*i) * time.Second)
		require.Equal(t, slot, task.ScheduledAt)
		require.Equal(t, attestation.TaskID(1, attestation.TimeTriggerKey(slot.Unix())), task.TaskID)
		require.Equal(t, TaskDispatched, task.TaskStatus)
		require.Equal(t, j.Action(), task.Action)
	}
	// The dispatched task carries the job's action.
	require.Equal(t, j.Action(), rec.tasks[0].Action)
	require.Equal(t, uint64(1), rec.tasks[0].JobID)
	require.Equal(t, attestation.TimeStatic, rec.tasks[0].TaskDefinitionID)
	require.Equal(t, 3.0, gauge(t, reg, "triggerx_coordinator_tasks_scheduled_total"))
}

func TestSchedulerExpires(t *testing.T) {
	ctx := context.Background()
	store := memStore(t)
	s, rec, clock := newTestScheduler(t, store, intervalJob(1, 60, 120))
	at(clock, s, t, 60)
	j, err := store.Job(ctx, 1)
	require.NoError(t, err)
	require.Equal(t, JobActive, j.Status)
	at(clock, s, t, 120) // the slot at the expiration time still fires
	j, err = store.Job(ctx, 1)
	require.NoError(t, err)
	require.Equal(t, JobExpired, j.Status)
	require.True(t, j.NextExecutionTimestamp.IsZero())
	at(clock, s, t, 180)
	at(clock, s, t, 10000)
	require.Equal(t, []int64{60, 120}, rec.slots())
}

func TestSchedulerMissedSlots(t *testing.T) {
	ctx := context.Background()
	store := memStore(t)
	s, rec, clock := newTestScheduler(t, store,
		intervalJob(1, 60, 0),    // no expiry
		intervalJob(2, 60, 3600), // expires while "down"
		intervalJob(3, 7, 0))     // odd grid
	at(clock, s, t, 5*60+10) // down for slots 60..300
	// Only the most recent missed slot of each job fires.
	got := map[uint64]int64{}
	for _, task := range rec.tasks {
		got[task.JobID] = task.ScheduledAt - st0.Unix()
	}
	require.Equal(t, map[uint64]int64{1: 300, 2: 300, 3: 308}, got)
	j, err := store.Job(ctx, 1)
	require.NoError(t, err)
	require.Equal(t, st0.Add(360*time.Second), j.NextExecutionTimestamp, "back on the grid")
	j, err = store.Job(ctx, 3)
	require.NoError(t, err)
	require.Equal(t, st0.Add(315*time.Second), j.NextExecutionTimestamp)

	rec.tasks = nil
	at(clock, s, t, 10000) // job 2 expired meanwhile: its last slot in frame fires
	got = map[uint64]int64{}
	for _, task := range rec.tasks {
		got[task.JobID] = task.ScheduledAt - st0.Unix()
	}
	require.Equal(t, map[uint64]int64{1: 9960, 2: 3600, 3: 9996}, got)
	j, err = store.Job(ctx, 2)
	require.NoError(t, err)
	require.Equal(t, JobExpired, j.Status)
}

func TestSchedulerRestartDoesNotDoubleFire(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	store, err := OpenBadgerStore(dir, nil)
	require.NoError(t, err)
	s, rec, clock := newTestScheduler(t, store, intervalJob(1, 60, 0))
	at(clock, s, t, 60)
	require.Equal(t, []int64{60}, rec.slots())
	require.NoError(t, store.Close())

	// Restart at the same instant (say the process crashed right after
	// firing): the slot does not fire again.
	store, err = OpenBadgerStore(dir, nil)
	require.NoError(t, err)
	defer store.Close()
	rec2 := &recorder{store: store}
	s2 := NewScheduler(store, rec2.dispatch, clock.Now, zaptest.NewLogger(t))
	require.NoError(t, s2.runTick(ctx))
	clock.Set(st0.Add(61 * time.Second))
	require.NoError(t, s2.runTick(ctx))
	require.Empty(t, rec2.slots())
	clock.Set(st0.Add(120 * time.Second))
	require.NoError(t, s2.runTick(ctx))
	require.Equal(t, []int64{120}, rec2.slots())
	tasks, err := store.Tasks(ctx, 1, 0)
	require.NoError(t, err)
	require.Len(t, tasks, 2)
}

func TestSchedulerRetriesFailedDispatch(t *testing.T) {
	ctx := context.Background()
	store := memStore(t)
	s, rec, clock := newTestScheduler(t, store, intervalJob(1, 60, 0))
	rec.fail = errors.New("gossip down")
	at(clock, s, t, 60)
	require.Equal(t, []int64{60}, rec.slots())
	task, err := store.Task(ctx, attestation.TaskID(1, attestation.TimeTriggerKey(st0.Unix()+60)))
	require.NoError(t, err)
	require.Equal(t, TaskProcessing, task.TaskStatus)

	at(clock, s, t, 61) // one tick later: retried, fails again
	require.Equal(t, []int64{60, 60}, rec.slots())
	rec.fail = nil
	at(clock, s, t, 62) // retried, succeeds
	require.Equal(t, []int64{60, 60, 60}, rec.slots())
	at(clock, s, t, 63) // dispatched: no more retries
	require.Equal(t, []int64{60, 60, 60}, rec.slots())
	task, err = store.Task(ctx, task.TaskID)
	require.NoError(t, err)
	require.Equal(t, TaskDispatched, task.TaskStatus)
}

func TestSchedulerGivesUp(t *testing.T) {
	ctx := context.Background()
	store := memStore(t)
	reg := prometheus.NewRegistry()
	require.NoError(t, store.CreateJobs(ctx, intervalJob(1, 3600, 0), intervalJob(2, 3600, 0)))
	rec := &recorder{store: store, fail: errors.New("no keepers")}
	clock := &fakeClock{now: st0}
	s := NewScheduler(store, rec.dispatch, clock.Now, zaptest.NewLogger(t),
		WithMaxDispatchAge(time.Minute), WithRegisterer(reg), WithTick(time.Second))
	at(clock, s, t, 3600)
	// Job 2 is deleted while its task waits: the task fails at once.
	_, _, err := store.UpdateJob(ctx, 2, func(j *Job) (*Task, error) { j.Status = JobDeleted; return nil, nil })
	require.NoError(t, err)
	at(clock, s, t, 3601)
	task2, err := store.Task(ctx, attestation.TaskID(2, attestation.TimeTriggerKey(st0.Unix()+3600)))
	require.NoError(t, err)
	require.Equal(t, TaskFailed, task2.TaskStatus)
	require.Equal(t, ReasonJobDeleted, task2.TaskError)

	at(clock, s, t, 3660) // still retried at the maximum age
	task1, err := store.Task(ctx, attestation.TaskID(1, attestation.TimeTriggerKey(st0.Unix()+3600)))
	require.NoError(t, err)
	require.Equal(t, TaskProcessing, task1.TaskStatus)
	at(clock, s, t, 3661)
	task1, err = store.Task(ctx, task1.TaskID)
	require.NoError(t, err)
	require.Equal(t, TaskFailed, task1.TaskStatus)
	require.Equal(t, ReasonDispatchTimeout, task1.TaskError)
	n := len(rec.slots())
	at(clock, s, t, 3700)
	require.Len(t, rec.slots(), n, "failed tasks are not retried")
	require.Equal(t, 2.0, gauge(t, reg, "triggerx_coordinator_tasks_completed_total"))
	require.Equal(t, 2.0, gauge(t, reg, "triggerx_task_failures_total"), "one job_deleted, one dispatch_timeout")
}

func TestSchedulerRun(t *testing.T) {
	store := memStore(t)
	require.NoError(t, store.CreateJobs(context.Background(), intervalJob(1, 60, 0)))
	fired := make(chan attestation.Task, 1)
	clock := &fakeClock{now: st0.Add(time.Minute)}
	s := NewScheduler(store, func(_ context.Context, t attestation.Task) error {
		fired <- t
		return nil
	}, clock.Now, zaptest.NewLogger(t), WithTick(10*time.Millisecond))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	select {
	case task := <-fired:
		require.Equal(t, st0.Unix()+60, task.ScheduledAt)
	case <-time.After(10 * time.Second):
		t.Fatal("no task fired")
	}
	cancel()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return")
	}
}

// The scheduler fires a job at its slot, not at its next tick (an hour
// here), and a job indexed while it waits with an earlier slot wakes it.
func TestSchedulerFiresAtTheSlot(t *testing.T) {
	store := memStore(t)
	now := time.Now().UTC().Truncate(time.Second)
	job := func(id uint64, start time.Time, interval int64) Job {
		j := intervalJob(id, interval, 0)
		j.CreatedAt, j.UpdatedAt = start, start
		j.Trigger.Time.Start = start.Unix()
		j.NextExecutionTimestamp = start.Add(time.Duration(interval) * time.Second)
		return j
	}
	far := job(2, now, 3600)
	require.NoError(t, store.CreateJobs(context.Background(), far))
	fired := make(chan attestation.Task, 16)
	s := NewScheduler(store, func(_ context.Context, t attestation.Task) error {
		fired <- t
		return nil
	}, nil, zaptest.NewLogger(t), WithTick(time.Hour))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	defer func() {
		cancel()
		require.NoError(t, <-done)
	}()
	require.Eventually(t, func() bool { return s.Len() == 1 }, 5*time.Second, 10*time.Millisecond, "index loaded")

	soon := job(1, time.Now().UTC().Truncate(time.Second), 1)
	require.NoError(t, store.CreateJobs(context.Background(), soon))
	s.Add(soon)
	for want := soon.NextExecutionTimestamp.Unix(); want < soon.NextExecutionTimestamp.Unix()+2; want++ {
		select {
		case task := <-fired:
			require.Equal(t, uint64(1), task.JobID)
			require.Equal(t, want, task.ScheduledAt, "each slot of the 1 s job in turn")
		case <-time.After(10 * time.Second):
			t.Fatalf("slot %d not fired while the tick is an hour away", want)
		}
	}
}

func TestPlan(t *testing.T) {
	for _, tc := range []struct {
		name                 string
		next, now, exp       int64 // seconds after st0; exp 0 = none
		interval             int64
		slot, nextSlot, skip int64
		expired              bool
	}{
		{"on time", 60, 60, 0, 60, 60, 120, 0, false},
		{"late within slot", 60, 119, 0, 60, 60, 120, 0, false},
		{"missed one", 60, 120, 0, 60, 120, 180, 1, false},
		{"missed many", 60, 1000, 0, 60, 960, 1020, 15, false},
		{"last slot", 60, 120, 120, 60, 120, 180, 1, true},
		{"expiry not on grid", 60, 1000, 150, 60, 120, 180, 1, true},
		{"past expiry, first slot is last", 60, 1000, 100, 60, 60, 120, 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			j := intervalJob(1, tc.interval, 0)
			j.NextExecutionTimestamp = st0.Add(time.Duration(tc.next) * time.Second)
			if tc.exp > 0 {
				j.ExpirationTime = st0.Add(time.Duration(tc.exp) * time.Second)
			}
			p := plan(j, st0.Add(time.Duration(tc.now)*time.Second))
			require.Equal(t, st0.Add(time.Duration(tc.slot)*time.Second), p.slot)
			require.Equal(t, st0.Add(time.Duration(tc.nextSlot)*time.Second), p.next)
			require.Equal(t, tc.skip, p.skipped)
			require.Equal(t, tc.expired, p.expired)
		})
	}
}

// gauge sums the values of a metric family on reg.
func gauge(t *testing.T, reg *prometheus.Registry, name string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	require.NoError(t, err)
	var sum float64
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
		for _, m := range mf.GetMetric() {
			sum += m.GetCounter().GetValue() + m.GetGauge().GetValue()
		}
	}
	return sum
}
