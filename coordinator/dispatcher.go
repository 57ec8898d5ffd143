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

// defaultDeadline is how long a performer has to get its execution on-chain.
const defaultDeadline = 60 * time.Second

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
	// Clock returns the current time; time.Now when nil.
	Clock      func() time.Time
	Logger     *zap.Logger
	Registerer prometheus.Registerer
}

// Dispatcher hands tasks to performers: it selects the performer with the
// workflow's rule, signs the assignment and publishes it. It is safe for
// concurrent use.
//
// TODO(fallback): when the performer misses its deadline, the monitor should
// hand the task to the next keeper of attestation.PerformerOrder (round+1);
// for now every task is dispatched in round 0 only.
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
