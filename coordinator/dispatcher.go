package coordinator

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"time"

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
func (d *Dispatcher) Dispatch(ctx context.Context, task attestation.Task) error {
	const round = 0
	keepers, err := d.cfg.Keepers.Keepers(ctx)
	if err != nil {
		return fmt.Errorf("read keeper set: %w", err)
	}
	performer, err := attestation.SelectPerformer(task.ID, keepers, round)
	if err != nil {
		return fmt.Errorf("select performer of task %s: %w", task.ID, err)
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
	d.logger.Debug("Task dispatched", zap.Uint64("job_id", task.JobID), zap.Stringer("task_id", task.ID),
		zap.Stringer("performer", performer), zap.Uint32("round", round), zap.Time("deadline", deadline))
	return nil
}
