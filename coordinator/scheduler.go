package coordinator

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/coordinator/schedule"
)

// Scheduler defaults.
const (
	defaultTick            = time.Second
	defaultScheduleBatch   = 1000
	defaultMaxDispatchAge  = 5 * time.Minute
	defaultDispatchTimeout = 10 * time.Second
)

// errNotDue aborts a firing whose job was fired, deleted or expired since it
// was read.
var errNotDue = errors.New("job not due")

// Scheduler fires time jobs: when a job's slot comes (a timer set for the
// earliest slot of its index, checked again every tick) it turns the job
// into a task, advances the job in the same store transaction, and hands
// the task to dispatch. Tasks whose dispatch failed stay "processing" and
// are dispatched again on later ticks.
//
// Missed slots: when the coordinator was down across several slots of a job,
// only the most recent missed slot fires (the others are skipped and logged);
// the job then continues on its original grid created+k*interval. A job that
// expired while the coordinator was down fires its last slot within its
// time frame, then expires. (The full catch-up policy comes with the
// triggers work.)
//
// Run is not meant to be called concurrently on one store: two schedulers
// never fire a slot twice (the store transaction decides), but may dispatch
// a retried task twice.
type Scheduler struct {
	store           Store
	dispatch        func(context.Context, attestation.Task) error
	clock           func() time.Time
	logger          *zap.Logger
	tick            time.Duration
	batch           int
	maxDispatchAge  time.Duration
	dispatchTimeout time.Duration
	metrics         *Metrics
	owns            func(jobID uint64) bool
	claim           func(ctx context.Context, key string) (bool, error)

	// The in-memory index of the active time jobs' next slots: a tick pops
	// the due ones instead of scanning the store. The store stays the truth:
	// a job is fired only if the store says it is due, and the store's due
	// index is scanned at the first tick, every resyncEvery ticks and after
	// Resync, to pick up jobs this index missed (created by another instance,
	// or whose ownership moved here).
	mu     sync.Mutex
	queue  *schedule.Queue
	ticks  int
	resync bool
	loaded bool // the index was loaded from the store
	// wake tells Run that a slot earlier than its timer was indexed.
	wake chan struct{}
}

// resyncEvery is how many ticks pass between scans of the store's due index.
const resyncEvery = 60

// Add indexes job j if it is an active time job.
func (s *Scheduler) Add(j Job) {
	if j.Trigger.Time == nil || j.Status != JobActive || j.NextExecutionTimestamp.IsZero() {
		return
	}
	s.mu.Lock()
	head, ok := s.queue.Peek()
	s.queue.Set(uint64(j.JobID), j.NextExecutionTimestamp)
	s.mu.Unlock()
	if !ok || j.NextExecutionTimestamp.Before(head.At) {
		select {
		case s.wake <- struct{}{}:
		default:
		}
	}
}

// Remove drops job id from the index.
func (s *Scheduler) Remove(id uint64) {
	s.mu.Lock()
	s.queue.Remove(id)
	s.mu.Unlock()
}

// Resync makes the next tick scan the store's due index, e.g. after this
// instance gained jobs.
func (s *Scheduler) Resync() {
	s.mu.Lock()
	s.resync = true
	s.mu.Unlock()
}

// Len returns how many jobs the index holds.
func (s *Scheduler) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.queue.Len()
}

// SchedulerOption configures a Scheduler.
type SchedulerOption func(*Scheduler)

// WithTick sets how often the scheduler looks for due jobs (default 1s).
func WithTick(d time.Duration) SchedulerOption {
	return func(s *Scheduler) {
		if d > 0 {
			s.tick = d
		}
	}
}

// WithBatchSize bounds the jobs fired and the tasks retried per tick
// (default 1000).
func WithBatchSize(n int) SchedulerOption {
	return func(s *Scheduler) {
		if n > 0 {
			s.batch = n
		}
	}
}

// WithMaxDispatchAge sets how long the scheduler keeps retrying to dispatch
// a task before marking it failed with ReasonDispatchTimeout (default 5m).
func WithMaxDispatchAge(d time.Duration) SchedulerOption {
	return func(s *Scheduler) {
		if d > 0 {
			s.maxDispatchAge = d
		}
	}
}

// WithDispatchTimeout bounds each call of dispatch (default 10s).
func WithDispatchTimeout(d time.Duration) SchedulerOption {
	return func(s *Scheduler) {
		if d > 0 {
			s.dispatchTimeout = d
		}
	}
}

// WithOwnership shares the jobs of one store among several schedulers: this
// one fires only the jobs owns says it owns (e.g. the partitions a
// lease.Sharder holds), and dispatches a task only after claim (e.g. a
// lease.Guard) granted its task id, so that in a lease hand-over window two
// instances never dispatch one firing twice. The store's transaction already
// guarantees one task per firing.
func WithOwnership(owns func(jobID uint64) bool, claim func(ctx context.Context, key string) (bool, error)) SchedulerOption {
	return func(s *Scheduler) { s.owns, s.claim = owns, claim }
}

// WithRegisterer registers the scheduler's metrics on reg.
func WithRegisterer(reg prometheus.Registerer) SchedulerOption {
	return func(s *Scheduler) {
		m, err := NewMetrics(reg)
		if err != nil {
			s.logger.Warn("Register scheduler metrics", zap.Error(err))
		}
		s.metrics = m
	}
}

// NewScheduler returns a scheduler over store that hands each new task to
// dispatch. clock is time.Now when nil.
func NewScheduler(store Store, dispatch func(context.Context, attestation.Task) error, clock func() time.Time,
	logger *zap.Logger, opts ...SchedulerOption,
) *Scheduler {
	if clock == nil {
		clock = time.Now
	}
	if logger == nil {
		logger = zap.NewNop()
	}
	s := &Scheduler{
		store:           store,
		dispatch:        dispatch,
		clock:           clock,
		logger:          logger.Named("scheduler"),
		tick:            defaultTick,
		batch:           defaultScheduleBatch,
		maxDispatchAge:  defaultMaxDispatchAge,
		dispatchTimeout: defaultDispatchTimeout,
		queue:           schedule.NewQueue(0),
		wake:            make(chan struct{}, 1),
	}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Run fires due jobs until ctx ends, then returns nil: at the earliest
// slot of its index (a timer), and every tick, which also scans the store
// now and then and retries undispatched tasks. A failing tick is logged and
// retried on the next one.
func (s *Scheduler) Run(ctx context.Context) error {
	s.logger.Info("Scheduler started", zap.Duration("tick", s.tick))
	defer s.logger.Info("Scheduler stopped")
	t := time.NewTicker(s.tick)
	defer t.Stop()
	slot := time.NewTimer(s.tick)
	defer slot.Stop()
	for {
		if err := s.runTick(ctx); err != nil && ctx.Err() == nil {
			s.logger.Warn("Scheduler tick failed; retrying next tick", zap.Error(err))
		}
	tick:
		for {
			slot.Reset(s.untilNextSlot())
			select {
			case <-ctx.Done():
				return nil
			case <-t.C:
				break tick
			case <-s.wake:
			case <-slot.C:
				now := s.clock().UTC()
				s.mu.Lock()
				ids := s.popDue(now)
				s.mu.Unlock()
				if err := s.fireAll(ctx, ids, now); err != nil && ctx.Err() == nil {
					s.logger.Warn("Firing due jobs failed; retrying next tick", zap.Error(err))
				}
			}
		}
	}
}

// untilNextSlot is how long until the earliest slot of the index, at least
// a millisecond (so a slot requeued in the past cannot spin the loop) and
// at most a tick.
func (s *Scheduler) untilNextSlot() time.Duration {
	s.mu.Lock()
	head, ok := s.queue.Peek()
	s.mu.Unlock()
	if !ok {
		return s.tick
	}
	return min(max(head.At.Sub(s.clock()), time.Millisecond), s.tick)
}

// runTick fires the due jobs and retries the undispatched tasks once.
func (s *Scheduler) runTick(ctx context.Context) error {
	now := s.clock().UTC()
	var errs []error
	ids, err := s.dueIDs(ctx, now)
	if err != nil {
		errs = append(errs, err)
	}
	errs = append(errs, s.fireAll(ctx, ids, now))
	if err := s.retry(ctx, now); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// fireAll fires the jobs ids due at now and dispatches their tasks.
func (s *Scheduler) fireAll(ctx context.Context, ids []uint64, now time.Time) error {
	var errs []error
	for _, id := range ids {
		if s.owns != nil && !s.owns(id) {
			// Its owner fires it. Look again later in case it moves here;
			// a Resync after an ownership change looks at once.
			s.requeue(id, now.Add(time.Duration(resyncEvery)*s.tick))
			continue
		}
		t, job, err := s.fire(ctx, id, now)
		if err != nil {
			errs = append(errs, err)
			s.requeue(id, now.Add(s.tick))
			continue
		}
		s.Add(job)
		if t != nil && s.claimed(ctx, *t) {
			s.dispatchTask(ctx, *t)
		}
	}
	return errors.Join(errs...)
}

// dueIDs pops the due jobs from the index and, when a scan is due, adds
// those the store's due index holds.
func (s *Scheduler) dueIDs(ctx context.Context, now time.Time) ([]uint64, error) {
	if err := s.load(ctx); err != nil {
		return nil, err
	}
	s.mu.Lock()
	ids := s.popDue(now)
	scan := s.resync || s.ticks%resyncEvery == 0
	s.resync = false
	s.ticks++
	s.mu.Unlock()
	if !scan {
		return ids, nil
	}
	seen := make(map[uint64]bool, len(ids))
	for _, id := range ids {
		seen[id] = true
	}
	jobs, err := s.store.DueJobs(ctx, now, s.batch)
	if err != nil {
		return ids, fmt.Errorf("read due jobs: %w", err)
	}
	for _, j := range jobs {
		if id := uint64(j.JobID); !seen[id] {
			ids, seen[id] = append(ids, id), true
		}
	}
	return ids, nil
}

// popDue removes the jobs due at now from the index (a batch at most) and
// returns their ids. Callers hold s.mu.
func (s *Scheduler) popDue(now time.Time) []uint64 {
	entries := s.queue.PopDue(now, s.batch)
	ids := make([]uint64, len(entries))
	for i, e := range entries {
		ids[i] = e.ID
	}
	return ids
}

// load fills the index with the store's active time jobs, once.
func (s *Scheduler) load(ctx context.Context) error {
	s.mu.Lock()
	loaded := s.loaded
	s.mu.Unlock()
	if loaded {
		return nil
	}
	n := 0
	err := s.store.ActiveJobs(ctx, func(j Job) error {
		s.Add(j)
		n++
		return nil
	})
	if err != nil {
		return fmt.Errorf("load active jobs: %w", err)
	}
	s.mu.Lock()
	s.loaded = true
	s.mu.Unlock()
	s.logger.Info("Time jobs loaded", zap.Int("active_jobs", n), zap.Int("indexed", s.Len()))
	return nil
}

func (s *Scheduler) requeue(id uint64, at time.Time) {
	s.mu.Lock()
	s.queue.Set(id, at)
	s.mu.Unlock()
}

// fire creates the task of job's current slot and advances the job, in one
// store transaction. It returns nil when the job is no longer due or its
// task already existed.
func (s *Scheduler) fire(ctx context.Context, jobID uint64, now time.Time) (*Task, Job, error) {
	var (
		task    Task
		skipped int64
	)
	job, created, err := s.store.UpdateJob(ctx, jobID, func(j *Job) (*Task, error) {
		task, skipped = Task{}, 0
		if j.Status != JobActive || j.NextExecutionTimestamp.IsZero() || j.NextExecutionTimestamp.After(now) {
			return nil, errNotDue
		}
		p := plan(*j, now)
		skipped = p.skipped
		if p.none {
			if p.expired {
				j.Status, j.NextExecutionTimestamp = JobExpired, time.Time{}
			} else {
				j.NextExecutionTimestamp = p.next
			}
			j.UpdatedAt = now
			return nil, nil
		}
		if p.expired {
			j.Status, j.NextExecutionTimestamp = JobExpired, time.Time{}
		} else {
			j.NextExecutionTimestamp = p.next
		}
		j.UpdatedAt = now
		task = Task{
			TaskID:           attestation.TaskID(jobID, attestation.TimeTriggerKey(p.slot.Unix())),
			JobID:            j.JobID,
			TaskDefinitionID: j.TaskDefinitionID,
			TriggerKey:       attestation.TimeTriggerKey(p.slot.Unix()),
			ScheduledAt:      p.slot,
			TaskStatus:       TaskProcessing,
			CreatedAt:        now,
			UpdatedAt:        now,
			Action:           j.Action(),
			Trigger:          j.Trigger,
			Storage:          maps.Clone(j.Storage),
		}
		return &task, nil
	})
	if errors.Is(err, errNotDue) {
		j, err := s.store.Job(ctx, jobID) // not due (yet): index it at its real time
		if errors.Is(err, ErrNotFound) {
			return nil, Job{}, nil
		}
		return nil, j, err
	}
	if err != nil {
		return nil, Job{}, fmt.Errorf("fire job %d: %w", jobID, err)
	}
	log := s.logger.With(zap.Uint64("job_id", jobID), zap.Stringer("task_id", task.TaskID))
	if job.Status == JobExpired {
		log.Info("Job expired", zap.Time("expiration_time", job.ExpirationTime))
	}
	if skipped > 0 {
		log.Warn("Missed slots skipped; firing the most recent one", zap.Int64("skipped", skipped),
			zap.Time("scheduled_at", task.ScheduledAt))
	}
	if task.TaskID == (common.Hash{}) {
		return nil, job, nil
	}
	if !created {
		// Already created (by an earlier, interrupted attempt): the retry
		// path dispatches it if it is still processing.
		log.Debug("Task already exists")
		return nil, job, nil
	}
	s.metrics.taskScheduled()
	log.Debug("Task scheduled", zap.Time("scheduled_at", task.ScheduledAt), zap.Time("next_execution", job.NextExecutionTimestamp))
	return &task, job, nil
}

// slotPlan is the outcome of firing a job at a given time.
type slotPlan struct {
	slot    time.Time // the slot that fires now
	next    time.Time // the following slot
	expired bool      // no slot after this one: past the schedule's end or the job's time frame
	skipped int64     // missed slots that do not fire
	none    bool      // nothing fires now
}

// plan picks the slot to fire for a due job with the catch-up policy of
// package schedule: of the slots from the job's next execution time up to
// now (or its expiry, if earlier), the latest fires once and the earlier
// ones are skipped. none is set when no slot is left to fire.
func plan(j Job, now time.Time) slotPlan {
	if j.Trigger.Time == nil {
		return slotPlan{expired: true, none: true}
	}
	s, err := schedule.Parse(*j.Trigger.Time)
	if err != nil {
		return slotPlan{expired: true, none: true}
	}
	last := now
	if !j.ExpirationTime.IsZero() && j.ExpirationTime.Before(last) {
		last = j.ExpirationTime
	}
	after := j.NextExecutionTimestamp.Add(-time.Second)
	slot, fire, next, ok := schedule.Due(s, after, last)
	if !fire {
		return slotPlan{expired: !ok || (!j.ExpirationTime.IsZero() && next.After(j.ExpirationTime)), next: next, none: true}
	}
	return slotPlan{
		slot:    slot,
		next:    next,
		expired: !ok || (!j.ExpirationTime.IsZero() && next.After(j.ExpirationTime)),
		skipped: int64(schedule.Missed(s, after, last)),
	}
}

// claimed reports whether this instance may dispatch the new task t: always
// without a claim function, else when the claim on its id is granted.
func (s *Scheduler) claimed(ctx context.Context, t Task) bool {
	if s.claim == nil {
		return true
	}
	ok, err := s.claim(ctx, t.TaskID.Hex())
	if err != nil || !ok {
		s.logger.Debug("Task not claimed; another instance dispatches it", zap.Stringer("task_id", t.TaskID), zap.Error(err))
		return false
	}
	return true
}

// dispatchTask hands t to dispatch; on failure t stays processing for retry.
func (s *Scheduler) dispatchTask(ctx context.Context, t Task) {
	dctx, cancel := context.WithTimeout(ctx, s.dispatchTimeout)
	defer cancel()
	if err := s.dispatch(dctx, t.Workflow()); err != nil {
		if ctx.Err() == nil {
			s.logger.Warn("Dispatch failed; retrying next tick", zap.Uint64("job_id", uint64(t.JobID)),
				zap.Stringer("task_id", t.TaskID), zap.Error(err))
		}
	}
}

// retry dispatches again the tasks left in processing for more than a tick,
// and gives up on those older than the maximum dispatch age.
func (s *Scheduler) retry(ctx context.Context, now time.Time) error {
	tasks, err := s.store.ProcessingTasks(ctx, now.Add(-s.tick), s.batch)
	if err != nil {
		return fmt.Errorf("read undispatched tasks: %w", err)
	}
	var errs []error
	for _, t := range tasks {
		if s.owns != nil && !s.owns(uint64(t.JobID)) {
			continue // its job's owner retries it
		}
		if now.Sub(t.CreatedAt) > s.maxDispatchAge {
			errs = append(errs, s.failTask(ctx, t, ReasonDispatchTimeout, now))
			continue
		}
		j, err := s.store.Job(ctx, uint64(t.JobID))
		if err != nil && !errors.Is(err, ErrNotFound) {
			errs = append(errs, fmt.Errorf("read job %d of task %s: %w", t.JobID, t.TaskID, err))
			continue
		}
		if err != nil || j.Status == JobDeleted {
			errs = append(errs, s.failTask(ctx, t, ReasonJobDeleted, now))
			continue
		}
		s.logger.Debug("Retrying dispatch", zap.Uint64("job_id", uint64(t.JobID)), zap.Stringer("task_id", t.TaskID))
		s.dispatchTask(ctx, t)
	}
	return errors.Join(errs...)
}

// failTask marks a still-processing task failed with reason.
func (s *Scheduler) failTask(ctx context.Context, t Task, reason string, now time.Time) error {
	failed := false
	_, err := s.store.UpdateTask(ctx, t.TaskID, func(t *Task) error {
		failed = false
		if t.TaskStatus != TaskProcessing {
			return nil
		}
		t.TaskStatus, t.TaskError, t.UpdatedAt = TaskFailed, reason, now
		failed = true
		return nil
	})
	if err != nil {
		return fmt.Errorf("mark task %s failed: %w", t.TaskID, err)
	}
	if failed {
		s.metrics.taskCompleted(TaskFailed)
		s.metrics.taskFailed(reason)
		s.logger.Warn("Task failed", zap.Uint64("job_id", uint64(t.JobID)), zap.Stringer("task_id", t.TaskID),
			zap.String("reason", reason))
	}
	// A task failed before dispatch has no performer: no points to credit.
	return nil
}
