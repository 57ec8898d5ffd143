package coordinator

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/coordinator/chainwatch"
	"github.com/triggerx-network/triggerx/coordinator/conditions"
	"github.com/triggerx-network/triggerx/execution/condition"
	"github.com/triggerx-network/triggerx/execution/events"
)

// Firings turns firings of event, block and condition triggers into tasks.
// Each firing names its task through its trigger key, so a firing seen
// twice (a range re-read after a restart, a condition epoch retried) creates
// one task only; a new task is dispatched at once, and the scheduler's retry
// loop re-dispatches it if that fails. Safe for concurrent use.
type Firings struct {
	store    Store
	dispatch func(context.Context, attestation.Task) error
	clock    func() time.Time
	logger   *zap.Logger
	// done, when set, is told about jobs that will not fire again.
	done func(jobID uint64)
	// owns and claim share jobs among instances (see WithOwnership).
	owns  func(jobID uint64) bool
	claim func(ctx context.Context, key string) (bool, error)
}

// SetOwnership makes the firings of jobs this instance does not own be
// ignored (their owner sees them too), and a new task be dispatched only
// once claim granted its id; see WithOwnership.
func (fs *Firings) SetOwnership(owns func(jobID uint64) bool, claim func(ctx context.Context, key string) (bool, error)) {
	fs.owns, fs.claim = owns, claim
}

// NewFirings returns the firing path over store; clock is time.Now when nil.
func NewFirings(store Store, dispatch func(context.Context, attestation.Task) error, clock func() time.Time, logger *zap.Logger) *Firings {
	if clock == nil {
		clock = time.Now
	}
	if logger == nil {
		logger = zap.NewNop()
	}
	return &Firings{store: store, dispatch: dispatch, clock: clock, logger: logger.Named("firings")}
}

// Fire records that job jobID's trigger fired with evidence f. A job that is
// no longer active ignores it; a one-time job completes.
func (fs *Firings) Fire(ctx context.Context, jobID uint64, f attestation.Firing) error {
	if fs.owns != nil && !fs.owns(jobID) {
		return nil
	}
	now := fs.clock().UTC().Truncate(time.Second)
	var task Task
	job, created, err := fs.store.UpdateJob(ctx, jobID, func(j *Job) (*Task, error) {
		if j.Status != JobActive {
			return nil, errNotDue
		}
		if end := triggerEnd(j.Trigger); end != 0 && now.Unix() > end {
			j.Status, j.UpdatedAt = JobExpired, now
			return nil, nil
		}
		key, err := attestation.TriggerKey(j.Trigger.Kind, now.Unix(), f)
		if err != nil {
			return nil, err
		}
		task = Task{
			TaskID: attestation.TaskID(jobID, key), JobID: j.JobID, TaskDefinitionID: j.TaskDefinitionID,
			TriggerKey: key, ScheduledAt: now, TaskStatus: TaskProcessing, CreatedAt: now, UpdatedAt: now,
			Action: j.Action(), Trigger: j.Trigger.Clone(), Firing: f, Storage: maps.Clone(j.Storage),
		}
		if !recurring(j.Trigger) {
			j.Status = JobCompleted
		}
		j.UpdatedAt = now
		return &task, nil
	})
	if errors.Is(err, errNotDue) {
		return nil
	}
	if errors.Is(err, ErrNotFound) {
		// Not a job of this store: nothing fires, and a watcher handing it
		// firings must not retry its range forever.
		if fs.done != nil {
			fs.done(jobID)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("fire job %d: %w", jobID, err)
	}
	if job.Status != JobActive && fs.done != nil {
		fs.done(jobID)
	}
	if !created {
		return nil
	}
	if fs.claim != nil {
		if ok, err := fs.claim(ctx, task.TaskID.Hex()); err != nil || !ok {
			return nil // another instance dispatches it; the owner's retry covers a lost claim
		}
	}
	log := fs.logger.With(zap.Uint64("job_id", jobID), zap.Stringer("task_id", task.TaskID))
	log.Info("Trigger fired", zap.Stringer("trigger", job.Trigger.Kind), zap.Uint64("block", f.BlockNumber),
		zap.String("value", f.Value), zap.Uint64("epoch", f.Epoch))
	if err := fs.dispatch(ctx, task.Workflow()); err != nil {
		log.Warn("Dispatch failed; the scheduler retries it", zap.Error(err))
	}
	return nil
}

func recurring(t attestation.Trigger) bool {
	switch {
	case t.Event != nil:
		return t.Event.Recurring
	case t.Condition != nil:
		return t.Condition.Recurring
	}
	return true
}

func triggerEnd(t attestation.Trigger) int64 {
	switch {
	case t.Time != nil:
		return t.Time.End
	case t.Event != nil:
		return t.Event.End
	case t.Condition != nil:
		return t.Condition.End
	case t.Block != nil:
		return t.Block.End
	}
	return 0
}

// TriggerRouter watches the triggers of active event, block and condition
// jobs (time jobs belong to the Scheduler): event and block triggers through
// the chain's watcher, conditions through the condition scheduler. Every
// firing goes to Firings. Safe for concurrent use.
type TriggerRouter struct {
	watchers   func(chainID uint64) (*chainwatch.Watcher, error)
	conditions *conditions.Scheduler
	firings    *Firings
	logger     *zap.Logger

	mu   sync.Mutex
	subs map[uint64]func()
}

// NewTriggerRouter returns a router; watchers gives the watcher of a chain.
func NewTriggerRouter(watchers func(uint64) (*chainwatch.Watcher, error), conds *conditions.Scheduler, firings *Firings,
	logger *zap.Logger,
) *TriggerRouter {
	if logger == nil {
		logger = zap.NewNop()
	}
	r := &TriggerRouter{watchers: watchers, conditions: conds, firings: firings, logger: logger.Named("triggers"),
		subs: map[uint64]func(){}}
	// A job that completed stops being watched; asynchronously, since the
	// firing that completed it runs inside a watcher's or worker's call.
	firings.done = func(id uint64) { go r.Remove(id) }
	return r
}

// Load watches every active job of store.
func (r *TriggerRouter) Load(ctx context.Context, store Store) error {
	n := 0
	err := store.ActiveJobs(ctx, func(j Job) error {
		if err := r.Add(j); err != nil {
			r.logger.Error("Job's trigger cannot be watched", zap.Uint64("job_id", uint64(j.JobID)), zap.Error(err))
			return nil
		}
		n++
		return nil
	})
	r.logger.Info("Triggers loaded", zap.Int("jobs", n))
	return err
}

// Add starts watching job j's trigger. Time jobs are ignored.
func (r *TriggerRouter) Add(j Job) error {
	id := uint64(j.JobID)
	t := j.Trigger
	var unsub func()
	switch t.Kind {
	case attestation.TriggerEvent:
		e := t.Event
		ev, err := events.ParseEvent(e.Event)
		if err != nil {
			return err
		}
		filter, err := events.Compile(ev, e.Filters)
		if err != nil {
			return err
		}
		w, err := r.watchers(e.ChainID)
		if err != nil {
			return err
		}
		unsub = w.SubscribeLogs(chainwatch.LogKey{Contract: e.Contract, Topic0: ev.Topic0()}, e.Confirmations,
			func(ctx context.Context, l types.Log) error {
				if l.Address != e.Contract {
					return nil
				}
				if ok, err := filter.Match(l); err != nil || !ok {
					return nil // a log that does not decode matches nothing
				}
				return r.firings.Fire(ctx, id, attestation.Firing{ChainID: e.ChainID, BlockNumber: l.BlockNumber,
					BlockHash: l.BlockHash, TxHash: l.TxHash, LogIndex: uint64(l.Index)})
			})
	case attestation.TriggerBlock:
		b := t.Block
		w, err := r.watchers(b.ChainID)
		if err != nil {
			return err
		}
		unsub = w.SubscribeBlocks(b.Every, b.Start, 0, func(ctx context.Context, ref chainwatch.BlockRef) error {
			return r.firings.Fire(ctx, id, attestation.Firing{ChainID: b.ChainID, BlockNumber: ref.Number, BlockHash: ref.Hash})
		})
	case attestation.TriggerCondition:
		if err := r.conditions.Add(id, *t.Condition); err != nil {
			return err
		}
		unsub = func() { r.conditions.Remove(id) }
	default:
		return nil
	}
	r.mu.Lock()
	old := r.subs[id]
	r.subs[id] = unsub
	r.mu.Unlock()
	if old != nil {
		old()
	}
	r.logger.Debug("Watching trigger", zap.Uint64("job_id", id), zap.Stringer("trigger", t.Kind))
	return nil
}

// Remove stops watching job id's trigger.
func (r *TriggerRouter) Remove(id uint64) {
	r.mu.Lock()
	unsub := r.subs[id]
	delete(r.subs, id)
	r.mu.Unlock()
	if unsub != nil {
		unsub()
	}
}

// StoreCheckpoints keeps chain watchers' checkpoints in a Store.
type StoreCheckpoints struct{ Store Store }

// Checkpoint implements chainwatch.CheckpointStore.
func (s StoreCheckpoints) Checkpoint(ctx context.Context, name string) (chainwatch.Checkpoint, bool, error) {
	b, err := s.Store.State(ctx, name)
	if errors.Is(err, ErrNotFound) {
		return chainwatch.Checkpoint{}, false, nil
	} else if err != nil {
		return chainwatch.Checkpoint{}, false, err
	}
	var c chainwatch.Checkpoint
	if err := json.Unmarshal(b, &c); err != nil {
		return chainwatch.Checkpoint{}, false, fmt.Errorf("decode checkpoint %q: %w", name, err)
	}
	return c, true, nil
}

// SetCheckpoint implements chainwatch.CheckpointStore.
func (s StoreCheckpoints) SetCheckpoint(ctx context.Context, name string, c chainwatch.Checkpoint) error {
	b, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return s.Store.SetState(ctx, name, b)
}

// StoreConditionStates keeps the condition scheduler's edge states in a Store.
type StoreConditionStates struct{ Store Store }

func conditionStateName(jobID uint64) string { return "conditions/" + strconv.FormatUint(jobID, 10) }

// LoadState implements conditions.StateStore.
func (s StoreConditionStates) LoadState(ctx context.Context, jobID uint64) (condition.EdgeState, bool, error) {
	b, err := s.Store.State(ctx, conditionStateName(jobID))
	if errors.Is(err, ErrNotFound) {
		return condition.EdgeState{}, false, nil
	} else if err != nil {
		return condition.EdgeState{}, false, err
	}
	var st condition.EdgeState
	if err := json.Unmarshal(b, &st); err != nil {
		return condition.EdgeState{}, false, fmt.Errorf("decode condition state of job %d: %w", jobID, err)
	}
	return st, true, nil
}

// SaveState implements conditions.StateStore.
func (s StoreConditionStates) SaveState(ctx context.Context, jobID uint64, st condition.EdgeState) error {
	b, err := json.Marshal(st)
	if err != nil {
		return err
	}
	return s.Store.SetState(ctx, conditionStateName(jobID), b)
}

var (
	_ chainwatch.CheckpointStore = StoreCheckpoints{}
	_ conditions.StateStore      = StoreConditionStates{}
)
