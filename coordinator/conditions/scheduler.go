package conditions

import (
	"container/heap"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/execution/condition"
)

// Errors callers branch on.
var (
	// ErrJobExists: Add was called for a job already scheduled.
	ErrJobExists = errors.New("condition job already scheduled")
	// ErrClosed: the scheduler's Run has returned.
	ErrClosed = errors.New("condition scheduler closed")
	// ErrInvalidConfig: New was given an incomplete Config.
	ErrInvalidConfig = errors.New("invalid condition scheduler config")
)

// Defaults of Config.
const (
	DefaultWorkers        = 16
	DefaultEvalTimeout    = 10 * time.Second
	DefaultFireTimeout    = 10 * time.Second
	DefaultStreamInterval = time.Second

	maxPollInterval = 366 * 24 * 60 * 60 // seconds
)

// Config configures a Scheduler. Sources, Fire and States are required.
type Config struct {
	// Workers is how many evaluations run at once (default 16). A source
	// that blocks holds one worker up to EvalTimeout.
	Workers int
	// Sources builds the value source of a job, e.g. with
	// condition.NewSource. A source implementing io.Closer is closed when
	// its job is removed or ends, or when Run returns.
	Sources func(attestation.ValueSource) (condition.Source, error)
	// Fire hands over one firing of a job (the coordinator creates and
	// dispatches its task). It must be idempotent for the same job and
	// epoch: after a crash between Fire and saving the state, the same
	// epoch fires again.
	Fire func(ctx context.Context, jobID uint64, f attestation.Firing) error
	// States persists each job's edge state.
	States StateStore
	// Clock is the scheduler's time (default: the system clock).
	Clock      Clock
	Logger     *zap.Logger
	Registerer prometheus.Registerer // nil: no metrics
	// EvalTimeout bounds one read of a source (default 10s).
	EvalTimeout time.Duration
	// FireTimeout bounds Fire, and each load or save of a state
	// (default 10s).
	FireTimeout time.Duration
	// StreamInterval is how often a websocket job without a poll interval
	// evaluates its latest value (default 1s).
	StreamInterval time.Duration
}

// job is one scheduled condition. Fields under "worker" are touched only by
// the worker evaluating the job (one at a time); the others under
// Scheduler.mu.
type job struct {
	id       uint64
	trigger  attestation.ConditionTrigger
	cond     condition.Condition
	source   condition.Source
	interval time.Duration

	// under Scheduler.mu
	due     time.Time
	index   int  // in the queue; -1 when out of it
	running bool // handed to a worker
	removed bool

	// worker
	finished bool // ended, or a non-recurring trigger that fired
	edge     condition.Edge
	saved    condition.EdgeState // as last loaded or saved
	loaded   bool
	failing  bool // the last read failed
}

// Scheduler evaluates condition jobs and fires them on their rising edges.
//
// Each job is evaluated every PollInterval seconds (StreamInterval for a
// websocket job without one) from when it is added, by a pool of Workers
// goroutines fed from a min-heap of due times: there is no goroutine per
// job, a job is never evaluated concurrently with itself, and a slow source
// delays only its own job (up to EvalTimeout per read) as long as fewer
// sources than workers are slow at once. A job whose evaluation overran its
// next slot is evaluated one interval after the evaluation ends: missed
// slots are skipped, not caught up.
//
// An evaluation reads the source, applies the operator (condition.Condition)
// and feeds the result to the job's condition.Edge. On a firing it calls
// Fire with the epoch, the canonical value and, for contract sources, the
// chain and block read at; the new edge state is persisted only after Fire
// succeeds. If Fire fails, the edge is rolled back, so the next evaluation
// fires again with the same epoch if the condition still holds. State
// changes that are not firings (the condition falling, a rise held back by
// the cooldown) are persisted too, so that a restart sees the same edge.
//
// A job stops after its End time, after a non-recurring trigger has fired,
// or on Remove. Add, Remove and Run are safe for concurrent use; Run is
// called once, and the scheduler is closed when it returns.
type Scheduler struct {
	cfg     Config
	clock   Clock
	logger  *zap.Logger
	metrics *metrics
	wake    chan struct{}

	mu      sync.Mutex
	jobs    map[uint64]*job
	queue   queue
	started bool
	closed  bool
}

// New returns a scheduler; jobs may be added before Run.
func New(cfg Config) (*Scheduler, error) {
	if cfg.Sources == nil || cfg.Fire == nil || cfg.States == nil {
		return nil, fmt.Errorf("%w: Sources, Fire and States are required", ErrInvalidConfig)
	}
	if cfg.Workers <= 0 {
		cfg.Workers = DefaultWorkers
	}
	if cfg.EvalTimeout <= 0 {
		cfg.EvalTimeout = DefaultEvalTimeout
	}
	if cfg.FireTimeout <= 0 {
		cfg.FireTimeout = DefaultFireTimeout
	}
	if cfg.StreamInterval <= 0 {
		cfg.StreamInterval = DefaultStreamInterval
	}
	if cfg.Clock == nil {
		cfg.Clock = systemClock{}
	}
	if cfg.Logger == nil {
		cfg.Logger = zap.NewNop()
	}
	s := &Scheduler{
		cfg:    cfg,
		clock:  cfg.Clock,
		logger: cfg.Logger.Named("conditions"),
		wake:   make(chan struct{}, 1),
		jobs:   make(map[uint64]*job),
	}
	m, err := newMetrics(cfg.Registerer)
	if err != nil {
		s.logger.Warn("Register condition scheduler metrics", zap.Error(err))
	}
	s.metrics = m
	return s, nil
}

// Add schedules jobID with trigger t; its first evaluation is due at once.
// It checks the trigger (structure, operator and limits) and builds its
// source; it fails with ErrJobExists if jobID is scheduled and with
// ErrClosed after Run has returned. The job's persisted edge state is loaded
// before its first evaluation.
func (s *Scheduler) Add(jobID uint64, t attestation.ConditionTrigger) error {
	t.Source.Arguments = slices.Clone(t.Source.Arguments)
	if err := (attestation.Trigger{Kind: attestation.TriggerCondition, Condition: &t}).Check(); err != nil {
		return fmt.Errorf("add condition job %d: %w", jobID, err)
	}
	cond, err := condition.NewCondition(t.Operator, t.Lower, t.Upper)
	if err != nil {
		return fmt.Errorf("add condition job %d: %w", jobID, err)
	}
	if t.PollInterval > maxPollInterval {
		return fmt.Errorf("add condition job %d: %w: poll interval above %d seconds", jobID, attestation.ErrInvalidTrigger, maxPollInterval)
	}
	interval := time.Duration(t.PollInterval) * time.Second
	if interval <= 0 {
		interval = s.cfg.StreamInterval
	}
	if err := s.check(jobID); err != nil {
		return err
	}
	src, err := s.cfg.Sources(t.Source)
	if err != nil {
		return fmt.Errorf("add condition job %d: build source: %w", jobID, err)
	}
	j := &job{
		id: jobID, trigger: t, cond: cond, source: src, interval: interval,
		edge: condition.NewEdge(t), index: -1,
	}
	s.mu.Lock()
	if err := s.checkLocked(jobID); err != nil {
		s.mu.Unlock()
		closeSource(src)
		return err
	}
	j.due = s.clock.Now()
	s.jobs[jobID] = j
	heap.Push(&s.queue, j)
	s.metrics.setJobs(len(s.jobs))
	s.mu.Unlock()
	s.poke()
	s.logger.Debug("Condition job added", zap.Uint64("job_id", jobID), zap.String("source", t.Source.Kind),
		zap.String("operator", t.Operator), zap.Duration("interval", interval))
	return nil
}

func (s *Scheduler) check(jobID uint64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.checkLocked(jobID)
}

func (s *Scheduler) checkLocked(jobID uint64) error {
	if s.closed {
		return fmt.Errorf("add condition job %d: %w", jobID, ErrClosed)
	}
	if _, ok := s.jobs[jobID]; ok {
		return fmt.Errorf("add condition job %d: %w", jobID, ErrJobExists)
	}
	return nil
}

// Remove stops evaluating jobID; an evaluation in progress completes but
// fires nothing. The job's persisted state is kept (re-adding the job
// continues its epochs); delete it with the job. Removing an unknown job
// does nothing.
func (s *Scheduler) Remove(jobID uint64) {
	s.mu.Lock()
	j, ok := s.jobs[jobID]
	if !ok {
		s.mu.Unlock()
		return
	}
	delete(s.jobs, jobID)
	j.removed = true
	if j.index >= 0 {
		heap.Remove(&s.queue, j.index)
	}
	running := j.running
	s.metrics.setJobs(len(s.jobs))
	s.mu.Unlock()
	if !running {
		closeSource(j.source)
	}
	s.logger.Debug("Condition job removed", zap.Uint64("job_id", jobID))
}

// Len returns the number of scheduled jobs.
func (s *Scheduler) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.jobs)
}

// Run evaluates the jobs until ctx ends, then waits for the evaluations in
// progress, closes the sources and returns nil. It fails if called twice.
func (s *Scheduler) Run(ctx context.Context) error {
	s.mu.Lock()
	if s.started {
		s.mu.Unlock()
		return errors.New("condition scheduler: Run called twice")
	}
	s.started = true
	s.mu.Unlock()
	s.logger.Info("Condition scheduler started", zap.Int("workers", s.cfg.Workers), zap.Int("jobs", s.Len()))

	work := make(chan *job)
	var wg sync.WaitGroup
	for range s.cfg.Workers {
		wg.Go(func() {
			for {
				select {
				case <-ctx.Done():
					return
				case j := <-work:
					s.evaluate(ctx, j)
					s.reschedule(j)
				}
			}
		})
	}
	s.dispatch(ctx, work)
	wg.Wait()

	s.mu.Lock()
	s.closed = true
	jobs := s.jobs
	s.jobs, s.queue = map[uint64]*job{}, nil
	s.mu.Unlock()
	for _, j := range jobs {
		closeSource(j.source)
	}
	s.logger.Info("Condition scheduler stopped")
	return nil
}

// dispatch hands due jobs to the workers, oldest due first, until ctx ends.
func (s *Scheduler) dispatch(ctx context.Context, work chan<- *job) {
	for {
		s.mu.Lock()
		now := s.clock.Now()
		var (
			next *job
			wait <-chan time.Time // nil: nothing queued, wait for Add
		)
		if len(s.queue) > 0 {
			if top := s.queue[0]; !top.due.After(now) {
				next = heap.Pop(&s.queue).(*job)
				next.running = true
			} else {
				wait = s.clock.At(top.due)
			}
		}
		s.mu.Unlock()
		if next != nil {
			select {
			case work <- next:
				continue
			case <-ctx.Done():
				if s.isRemoved(next) { // nobody else will close it
					closeSource(next.source)
				}
				return
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-wait:
		case <-s.wake:
		}
	}
}

// poke wakes the dispatcher to look at the queue again.
func (s *Scheduler) poke() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// reschedule puts j back in the queue after an evaluation, or lets it go.
func (s *Scheduler) reschedule(j *job) {
	s.mu.Lock()
	j.running = false
	release := j.removed
	if !j.removed {
		now := s.clock.Now()
		next := j.due.Add(j.interval)
		if next.Before(now) {
			next = now.Add(j.interval) // skip missed slots
		}
		if end := j.trigger.End; end != 0 && next.Unix() > end && !j.finished {
			j.finished = true
			s.logger.Info("Condition job ended", zap.Uint64("job_id", j.id), zap.Int64("end", end))
		}
		if j.finished {
			delete(s.jobs, j.id)
			s.metrics.setJobs(len(s.jobs))
			release = true
		} else {
			j.due = next
			heap.Push(&s.queue, j)
		}
	}
	s.mu.Unlock()
	if release {
		closeSource(j.source)
	} else {
		s.poke()
	}
}

func (s *Scheduler) isRemoved(j *job) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return j.removed
}

// evaluate runs one evaluation of j on the calling worker.
func (s *Scheduler) evaluate(ctx context.Context, j *job) {
	if s.isRemoved(j) {
		return
	}
	start := time.Now()
	id := zap.Uint64("job_id", j.id)
	if end := j.trigger.End; end != 0 && s.clock.Now().Unix() > end {
		j.finished = true
		s.logger.Info("Condition job ended", id, zap.Int64("end", end))
		return
	}
	if !j.loaded {
		lctx, cancel := context.WithTimeout(ctx, s.cfg.FireTimeout)
		st, ok, err := s.cfg.States.LoadState(lctx, j.id)
		cancel()
		if err != nil {
			s.logger.Warn("Load condition state; retrying next evaluation", id, zap.Error(err))
			s.metrics.evaluated(resultStateError, time.Since(start).Seconds())
			return
		}
		if ok {
			j.edge.State, j.saved = st, st
		}
		j.loaded = true
		if j.edge.Done() {
			j.finished = true
			s.logger.Info("Condition job done: non-recurring trigger fired before", id)
			return
		}
	}

	rctx, cancel := context.WithTimeout(ctx, s.cfg.EvalTimeout)
	r, err := j.source.Read(rctx)
	cancel()
	if err != nil {
		if !j.failing && ctx.Err() == nil {
			s.logger.Warn("Read condition source; retrying each evaluation", id, zap.String("source", j.trigger.Source.Kind), zap.Error(err))
		} else {
			s.logger.Debug("Read condition source", id, zap.Error(err))
		}
		j.failing = true
		s.metrics.evaluated(resultSourceError, time.Since(start).Seconds())
		return
	}
	if j.failing {
		s.logger.Info("Condition source recovered", id)
		j.failing = false
	}

	satisfied := j.cond.Satisfied(r.Value)
	result := resultUnsatisfied
	if satisfied {
		result = resultSatisfied
	}
	prev := j.edge
	if j.edge.Observe(s.clock.Now(), satisfied) {
		f := attestation.Firing{Epoch: j.edge.Epoch(), Value: r.Value.String()}
		if j.trigger.Source.Kind == attestation.SourceContract {
			f.ChainID, f.BlockNumber, f.BlockHash = j.trigger.Source.ChainID, r.BlockNumber, r.BlockHash
		}
		if s.isRemoved(j) {
			j.edge = prev
			return
		}
		fctx, cancel := context.WithTimeout(ctx, s.cfg.FireTimeout)
		err := s.cfg.Fire(fctx, j.id, f)
		cancel()
		if err != nil {
			j.edge = prev
			s.logger.Warn("Fire condition job; retrying next evaluation", id, zap.Uint64("epoch", f.Epoch), zap.Error(err))
			s.metrics.evaluated(resultFireError, time.Since(start).Seconds())
			return
		}
		s.metrics.fired()
		s.logger.Info("Condition fired", id, zap.Uint64("epoch", f.Epoch), zap.String("value", f.Value),
			zap.Uint64("block", f.BlockNumber))
	} else if j.edge.State.Satisfied != prev.State.Satisfied || j.edge.State.Pending != prev.State.Pending {
		s.logger.Debug("Condition changed", id, zap.Bool("satisfied", satisfied), zap.Bool("pending", j.edge.State.Pending),
			zap.String("value", r.Value.String()))
	}

	if !j.edge.State.Equal(j.saved) {
		sctx, cancel := context.WithTimeout(ctx, s.cfg.FireTimeout)
		err := s.cfg.States.SaveState(sctx, j.id, j.edge.State)
		cancel()
		if err != nil {
			// Kept in memory and saved again at the next evaluation. A
			// restart before then fires this epoch again: Fire is
			// idempotent per epoch.
			s.logger.Warn("Save condition state; retrying next evaluation", id, zap.Error(err))
		} else {
			j.saved = j.edge.State
		}
	}
	if j.edge.Done() && j.edge.State.Equal(j.saved) {
		j.finished = true
		s.logger.Info("Condition job done: non-recurring trigger fired", id)
	}
	s.metrics.evaluated(result, time.Since(start).Seconds())
}

func closeSource(src condition.Source) {
	if c, ok := src.(io.Closer); ok {
		_ = c.Close()
	}
}
