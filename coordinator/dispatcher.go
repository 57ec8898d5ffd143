package coordinator

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
)

// Dispatcher defaults.
const (
	// defaultDeadline is how long a performer has to get its execution on-chain.
	defaultDeadline = 60 * time.Second
	// defaultFallbackGrace is how long after a deadline an execution may
	// still show before the task is handed on.
	defaultFallbackGrace = 5 * time.Second
	// fallbackBatch bounds the overdue tasks handled per Fallback call.
	fallbackBatch = 256
)

// DispatcherConfig configures a Dispatcher.
type DispatcherConfig struct {
	// Keepers reads the registered keeper set.
	Keepers attestation.KeeperSet
	// Key is the coordinator's ECDSA key; keepers accept assignments signed
	// by its address only.
	Key *ecdsa.PrivateKey
	// Domain binds the assignment signatures to one deployment.
	Domain attestation.Domain
	// Publish sends a signed assignment to the keepers (Gossip.PublishAssignment).
	Publish func(context.Context, attestation.Assignment) error
	Store   Store
	// Online, when set, tells whether a keeper is online (Health.Online):
	// the dispatcher skips offline keepers (see Dispatch). Nil counts
	// every keeper as online.
	Online func(common.Address) bool
	// Deadline is the time a performer has to execute; default 60s.
	Deadline time.Duration
	// Executed tells whether the task's execution is on-chain (the hub's
	// executed view). Fallback hands a task to the next performer only
	// when it is not; nil disables Fallback.
	Executed func(context.Context, attestation.Task) (bool, error)
	// FallbackGrace is how long after a deadline Fallback waits for the
	// execution to show before handing the task on; default 5s.
	FallbackGrace time.Duration
	// Owns, when set, tells whether this instance schedules a job (the
	// shard ownership of several coordinators): Fallback handles the tasks
	// of owned jobs only.
	Owns func(jobID uint64) bool
	// Clock returns the current time; time.Now when nil.
	Clock      func() time.Time
	Logger     *zap.Logger
	Registerer prometheus.Registerer
}

// Dispatcher hands tasks to performers: it selects the performer with the
// workflow's rule, signs the assignment and publishes it; and when a
// performer misses its deadline it hands the task to the next keeper of the
// order (Fallback). It is safe for concurrent use.
type Dispatcher struct {
	cfg     DispatcherConfig
	logger  *zap.Logger
	metrics *Metrics
}

// NewDispatcher checks cfg and returns a dispatcher.
func NewDispatcher(cfg DispatcherConfig) (*Dispatcher, error) {
	switch {
	case cfg.Keepers == nil:
		return nil, errors.New("new dispatcher: no keeper set")
	case cfg.Key == nil:
		return nil, errors.New("new dispatcher: no signing key")
	case cfg.Publish == nil:
		return nil, errors.New("new dispatcher: no publish function")
	case cfg.Store == nil:
		return nil, errors.New("new dispatcher: no store")
	}
	if cfg.Deadline <= 0 {
		cfg.Deadline = defaultDeadline
	}
	if cfg.FallbackGrace <= 0 {
		cfg.FallbackGrace = defaultFallbackGrace
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = zap.NewNop()
	}
	d := &Dispatcher{cfg: cfg, logger: cfg.Logger.Named("dispatcher")}
	m, err := NewMetrics(cfg.Registerer)
	if err != nil {
		d.logger.Warn("Register dispatcher metrics", zap.Error(err))
	}
	d.metrics = m
	d.logger.Info("Dispatcher ready", zap.Stringer("coordinator", crypto.PubkeyToAddress(cfg.Key.PublicKey)),
		zap.Duration("deadline", cfg.Deadline))
	return d, nil
}

// Dispatch selects the performer of task, signs and publishes its
// assignment, then marks the task dispatched. When it fails the task stays
// processing and the scheduler dispatches it again.
//
// The performer is the first keeper of attestation.PerformerOrder that is
// online, and the assignment's round is its place in that order, so every
// keeper can check that the performer is the one the rule gives for that
// round (attestation.SelectPerformer). When no keeper is online the task
// goes to the first of the order (round 0) all the same.
func (d *Dispatcher) Dispatch(ctx context.Context, task attestation.Task) error {
	keepers, err := d.cfg.Keepers.Keepers(ctx)
	if err != nil {
		return fmt.Errorf("read keeper set: %w", err)
	}
	performer, err := attestation.SelectPerformer(task.ID, keepers, 0)
	if err != nil {
		return fmt.Errorf("select performer of task %s: %w", task.ID, err)
	}
	var round uint32
	if d.cfg.Online != nil && !d.cfg.Online(performer.Address) {
		// The whole order only when needed: it costs a draw per keeper.
		order, err := attestation.PerformerOrder(task.ID, keepers)
		if err != nil {
			return fmt.Errorf("select performer of task %s: %w", task.ID, err)
		}
		round = d.firstOnline(order)
		performer = order[round]
	}
	if round > 0 {
		d.metrics.offlineSkipped(int(round))
	}
	now := d.cfg.Clock().UTC()
	// The deadline counts from the task's creation, not from now, so that
	// re-dispatching the task (after a failed publish or a restart) signs
	// the very same assignment: peers see a duplicate, not an equivocation.
	stored, err := d.cfg.Store.Task(ctx, task.ID)
	if err != nil {
		return fmt.Errorf("read task %s: %w", task.ID, err)
	}
	deadline := stored.CreatedAt.Add(d.cfg.Deadline).Truncate(time.Second)
	a := attestation.Assignment{
		Task:      task.Clone(),
		Performer: performer.Address,
		Round:     round,
		Deadline:  deadline.Unix(),
	}
	if a.Signature, err = attestation.SignECDSA(d.cfg.Key, a.Digest(d.cfg.Domain)); err != nil {
		return fmt.Errorf("sign assignment of task %s: %w", task.ID, err)
	}
	if err := d.cfg.Publish(ctx, a); err != nil {
		return fmt.Errorf("publish assignment of task %s: %w", task.ID, err)
	}
	_, err = d.cfg.Store.UpdateTask(ctx, task.ID, func(t *Task) error {
		if t.TaskStatus != TaskProcessing {
			return nil // the monitor got there first
		}
		t.TaskStatus = TaskDispatched
		t.TaskPerformer = performer.Address
		t.Round = round
		t.Deadline = deadline
		t.UpdatedAt = now
		return nil
	})
	if err != nil {
		return fmt.Errorf("mark task %s dispatched: %w", task.ID, err)
	}
	d.metrics.taskDispatched()
	if round > 0 {
		d.logger.Info("Offline keepers skipped", zap.Stringer("task_id", task.ID), zap.Uint32("round", round),
			zap.Stringer("performer", performer))
	}
	d.logger.Debug("Task dispatched", zap.Uint64("job_id", task.JobID), zap.Stringer("task_id", task.ID),
		zap.Stringer("performer", performer), zap.Uint32("round", round), zap.Time("deadline", deadline))
	return nil
}

// firstOnline returns the index of the first online keeper of order, or 0
// when none is.
func (d *Dispatcher) firstOnline(order []attestation.Keeper) uint32 {
	for i, k := range order {
		if d.cfg.Online(k.Address) {
			return uint32(i)
		}
	}
	d.logger.Warn("No keeper is online: dispatching to the first of the performer order", zap.Int("keepers", len(order)))
	return 0
}

// RunFallback calls Fallback every interval until ctx ends.
func (d *Dispatcher) RunFallback(ctx context.Context, interval time.Duration) error {
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
			if err := d.Fallback(ctx); err != nil && ctx.Err() == nil {
				d.logger.Warn("Fallback sweep failed", zap.Error(err))
			}
		}
	}
}

// Fallback hands each task whose performer missed its deadline (by more
// than the grace) without executing it to the next keeper of
// attestation.PerformerOrder: the first online one after the missed round,
// or simply the next when none is. The new round gets a full deadline from
// now. A task whose whole order missed its turn fails with
// ReasonNoPerformer.
//
// The new round is written to the store before its assignment is
// published, so a crash or a failed publish never signs two different
// assignments for one round: at worst the round's performer never hears of
// it, and the task moves on at the round's deadline. Keepers check the round
// as for any assignment (attestation.SelectPerformer), and a performer
// never executes after its own deadline, so the hub's refusal to execute a
// task twice settles the rare race of a late execution with its fallback.
func (d *Dispatcher) Fallback(ctx context.Context) error {
	if d.cfg.Executed == nil {
		return nil
	}
	now := d.cfg.Clock().UTC()
	tasks, err := d.cfg.Store.OverdueTasks(ctx, now.Add(-d.cfg.FallbackGrace), fallbackBatch)
	if err != nil {
		return fmt.Errorf("read overdue tasks: %w", err)
	}
	var errs []error
	for _, t := range tasks {
		if d.cfg.Owns != nil && !d.cfg.Owns(uint64(t.JobID)) {
			continue
		}
		if err := d.fallback(ctx, t, now); err != nil {
			errs = append(errs, fmt.Errorf("task %s: %w", t.TaskID, err))
		}
	}
	return errors.Join(errs...)
}

// fallback hands the overdue task t to its next round.
func (d *Dispatcher) fallback(ctx context.Context, t Task, now time.Time) error {
	task := t.Workflow()
	executed, err := d.cfg.Executed(ctx, task)
	if err != nil {
		return fmt.Errorf("read execution: %w", err)
	}
	if executed {
		return nil // the monitor records it; the attesters finalize it
	}
	keepers, err := d.cfg.Keepers.Keepers(ctx)
	if err != nil {
		return fmt.Errorf("read keeper set: %w", err)
	}
	order, err := attestation.PerformerOrder(task.ID, keepers)
	if err != nil {
		return fmt.Errorf("performer order: %w", err)
	}
	round, ok := d.nextRound(order, t.Round)
	log := d.logger.With(zap.Uint64("job_id", uint64(t.JobID)), zap.Stringer("task_id", t.TaskID))
	if !ok {
		failed := false
		_, err := d.cfg.Store.UpdateTask(ctx, t.TaskID, func(s *Task) error {
			failed = false
			if !s.awaitsExecution() || s.Round != t.Round {
				return nil
			}
			s.TaskStatus, s.TaskError, s.UpdatedAt = TaskFailed, ReasonNoPerformer, now
			failed = true
			return nil
		})
		if err != nil {
			return fmt.Errorf("mark failed: %w", err)
		}
		if failed {
			d.metrics.taskCompleted(TaskFailed)
			d.metrics.taskFailed(ReasonNoPerformer)
			log.Warn("Task failed", zap.String("reason", ReasonNoPerformer), zap.Int("rounds", len(order)))
		}
		return nil
	}
	performer := order[round]
	deadline := now.Add(d.cfg.Deadline).Truncate(time.Second)
	moved := false
	_, err = d.cfg.Store.UpdateTask(ctx, t.TaskID, func(s *Task) error {
		moved = false
		if !s.awaitsExecution() || s.Round != t.Round {
			return nil // executed, finalized or handed on meanwhile
		}
		s.TaskPerformer, s.Round, s.Deadline, s.UpdatedAt = performer.Address, round, deadline, now
		moved = true
		return nil
	})
	if err != nil {
		return fmt.Errorf("record round %d: %w", round, err)
	}
	if !moved {
		return nil
	}
	a := attestation.Assignment{Task: task, Performer: performer.Address, Round: round, Deadline: deadline.Unix()}
	if a.Signature, err = attestation.SignECDSA(d.cfg.Key, a.Digest(d.cfg.Domain)); err != nil {
		return fmt.Errorf("sign assignment: %w", err)
	}
	d.metrics.fellBack()
	log.Info("Performer missed its deadline; task handed to the next of the order",
		zap.Stringer("missed", t.TaskPerformer), zap.Stringer("performer", performer), zap.Uint32("round", round),
		zap.Time("deadline", deadline))
	if err := d.cfg.Publish(ctx, a); err != nil {
		return fmt.Errorf("publish assignment of round %d: %w", round, err)
	}
	return nil
}

// nextRound returns the first round after missed whose keeper is online,
// or missed+1 when none is; false when the order is exhausted.
func (d *Dispatcher) nextRound(order []attestation.Keeper, missed uint32) (uint32, bool) {
	next := int(missed) + 1
	if next >= len(order) {
		return 0, false
	}
	if d.cfg.Online != nil {
		for i := next; i < len(order); i++ {
			if d.cfg.Online(order[i].Address) {
				return uint32(i), true
			}
		}
	}
	return uint32(next), true
}

// Reannounce publishes again the assignments of the recent tasks of jobs
// (active, paused or ended: a task outlives its job's schedule) that are
// dispatched, not final and unchanged for at least minAge: an
// assignment published just before the coordinator died, or while the mesh
// was forming, may have reached the performer but not the attesters, which
// then never pair its result and the task never finalizes. The assignment
// is signed again as it was (the stored performer and deadline), so peers
// that have it see a duplicate.
func (d *Dispatcher) Reannounce(ctx context.Context, minAge time.Duration) error {
	now := d.cfg.Clock().UTC()
	var tasks []Task
	filter := JobFilter{Limit: reannouncePage}
	for {
		jobs, next, err := d.cfg.Store.ListJobs(ctx, filter)
		if err != nil {
			return fmt.Errorf("list jobs: %w", err)
		}
		for _, j := range jobs {
			// A firing updates its job: a job unchanged for the maximum
			// age has no task young enough.
			if now.Sub(j.UpdatedAt) >= reannounceMaxAge || (d.cfg.Owns != nil && !d.cfg.Owns(uint64(j.JobID))) {
				continue
			}
			recent, err := d.cfg.Store.Tasks(ctx, uint64(j.JobID), reannounceRecent)
			if err != nil {
				return fmt.Errorf("read tasks of job %d: %w", j.JobID, err)
			}
			for _, t := range recent {
				if t.TaskStatus == TaskDispatched && now.Sub(t.UpdatedAt) >= minAge && now.Sub(t.CreatedAt) < reannounceMaxAge {
					tasks = append(tasks, t)
				}
			}
		}
		if next == "" {
			break
		}
		filter.Cursor = next
	}
	for _, t := range tasks {
		// The stored performer, not a new selection: the keeper set may
		// have changed since, and a different assignment for the same
		// round would be an equivocation.
		a := attestation.Assignment{Task: t.Workflow(), Performer: t.TaskPerformer, Round: t.Round, Deadline: t.Deadline.Unix()}
		var err error
		if a.Signature, err = attestation.SignECDSA(d.cfg.Key, a.Digest(d.cfg.Domain)); err != nil {
			return fmt.Errorf("sign assignment of task %s: %w", t.TaskID, err)
		}
		if err := d.cfg.Publish(ctx, a); err != nil {
			d.logger.Debug("Assignment not announced again", zap.Stringer("task_id", t.TaskID), zap.Error(err))
			continue
		}
		d.logger.Debug("Assignment announced again", zap.Stringer("task_id", t.TaskID), zap.Uint32("round", t.Round))
	}
	return nil
}

// Reannounce bounds.
const (
	reannounceRecent = 32            // latest tasks looked at per job
	reannouncePage   = 500           // jobs read at a time
	reannounceMaxAge = 1 * time.Hour // older tasks are left alone
)

// RunReannounce calls Reannounce after first for every dispatched task (a
// restarted coordinator may have died while publishing), then every every
// for those unchanged that long (past the gossip's memory of the first
// publication) until ctx ends.
func (d *Dispatcher) RunReannounce(ctx context.Context, first, every time.Duration) error {
	wait, minAge := first, time.Duration(0)
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
		if err := d.Reannounce(ctx, minAge); err != nil && ctx.Err() == nil {
			d.logger.Warn("Announcing assignments again failed", zap.Error(err))
		}
		wait, minAge = every, every
	}
}
