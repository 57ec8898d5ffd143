package triggercheck

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/execution"
)

// DefaultEarlyTolerance is Config.EarlyTolerance's default.
const DefaultEarlyTolerance = 15 * time.Second

// Config configures a Checker.
type Config struct {
	// Chains returns the client of a chain: every chain that event, block
	// and contract-condition triggers watch. An error (e.g. no endpoint for
	// the chain) makes the check fail without a reason code.
	Chains func(ctx context.Context, chainID uint64) (execution.Chain, error)
	// EarlyTolerance is how long before its slot a time task may be
	// executed, and how far an execution's block time may precede a firing's
	// block on another chain: the clock skew between the coordinator, the
	// chains and block producers. 0 means DefaultEarlyTolerance.
	EarlyTolerance time.Duration
	// Logger defaults to a no-op logger.
	Logger *zap.Logger
}

// Checker checks that tasks were really due. It keeps no state besides its
// configuration and is safe for concurrent use.
type Checker struct {
	chains    func(ctx context.Context, chainID uint64) (execution.Chain, error)
	tolerance time.Duration
	log       *zap.Logger
}

// New returns a Checker. Chains is required; EarlyTolerance must not be
// negative.
func New(cfg Config) (*Checker, error) {
	if cfg.Chains == nil {
		return nil, errors.New("new trigger checker: no chains")
	}
	if cfg.EarlyTolerance < 0 {
		return nil, fmt.Errorf("new trigger checker: negative early tolerance %s", cfg.EarlyTolerance)
	}
	if cfg.EarlyTolerance == 0 {
		cfg.EarlyTolerance = DefaultEarlyTolerance
	}
	if cfg.Logger == nil {
		cfg.Logger = zap.NewNop()
	}
	return &Checker{chains: cfg.Chains, tolerance: cfg.EarlyTolerance, log: cfg.Logger.Named("triggercheck")}, nil
}

// Execution is where the performer's execution of the task landed: its
// block on the home chain.
type Execution struct {
	// ChainID is the home chain's id. When a firing's evidence is on the
	// same chain, the execution must be in a later block; 0 when unknown
	// (then only block times are compared).
	ChainID     uint64
	BlockNumber uint64
	BlockTime   time.Time
}

// Check verifies the firing of t against its trigger and the chains, given
// where the performer's execution landed.
//
// It returns nil when the firing is valid; an error wrapping one of the
// sentinel errors (Reason non-empty) when it is not — the verdict is reject;
// an error wrapping ErrNotYet when it cannot be decided yet; any other error
// on an infrastructure failure, on which the attester must not vote. ctx
// bounds the chain reads.
func (c *Checker) Check(ctx context.Context, t attestation.Task, exec Execution) error {
	if err := c.check(ctx, t, exec); err != nil {
		return fmt.Errorf("check %s firing of job %d: %w", t.Trigger.Kind, t.JobID, err)
	}
	c.log.Debug("firing checked", zap.Stringer("task_id", t.ID), zap.Uint64("job_id", t.JobID),
		zap.Stringer("trigger", t.Trigger.Kind))
	return nil
}

func (c *Checker) check(ctx context.Context, t attestation.Task, exec Execution) error {
	if exec.BlockTime.IsZero() {
		return errors.New("execution without a block time")
	}
	if err := t.Trigger.Check(); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalidTrigger, err)
	}
	key, err := attestation.TriggerKey(t.Trigger.Kind, t.ScheduledAt, t.Firing)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrWrongTriggerKey, err)
	}
	if key != t.TriggerKey {
		return fmt.Errorf("%w: task has %s, firing gives %s", ErrWrongTriggerKey, t.TriggerKey, key)
	}
	switch t.Trigger.Kind {
	case attestation.TriggerTime:
		return c.checkTime(*t.Trigger.Time, t.ScheduledAt, exec)
	case attestation.TriggerEvent:
		return c.checkEvent(ctx, *t.Trigger.Event, t.Firing, exec)
	case attestation.TriggerBlock:
		return c.checkBlock(ctx, *t.Trigger.Block, t.Firing, exec)
	case attestation.TriggerCondition:
		return c.checkCondition(ctx, *t.Trigger.Condition, t.ScheduledAt, t.Firing, exec)
	}
	return fmt.Errorf("%w: unknown kind %s", ErrInvalidTrigger, t.Trigger.Kind) // Trigger.Check rejects it first
}

// ended reports whether a firing at unix time at is after end (0: none).
func ended(end, at int64) error {
	if end != 0 && at > end {
		return fmt.Errorf("%w: fired at %s, trigger ended at %s", ErrTriggerEnded, unixString(at), unixString(end))
	}
	return nil
}

func unixString(u int64) string { return time.Unix(u, 0).UTC().Format(time.RFC3339) }

// chain returns the client of chain id.
func (c *Checker) chain(ctx context.Context, id uint64) (execution.Chain, error) {
	ch, err := c.chains(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("chain %d: %w", id, err)
	}
	if ch == nil {
		return nil, fmt.Errorf("chain %d: no client", id)
	}
	return ch, nil
}

// reached reads ch's head and fails with ErrNotYet unless block n has at
// least conf blocks on top of it.
func reached(ctx context.Context, ch execution.Chain, n, conf uint64) error {
	h, err := ch.HeaderByNumber(ctx, nil)
	if err != nil {
		return fmt.Errorf("read latest header: %w", err)
	}
	head := h.Number.Uint64()
	if head < n {
		return fmt.Errorf("%w: block %d not reached, head is %d", ErrNotYet, n, head)
	}
	if head-n < conf {
		return fmt.Errorf("%w: block %d has %d of %d confirmations", ErrNotYet, n, head-n, conf)
	}
	return nil
}

// canonicalHeader returns the canonical header at n, after checking that
// its hash is want. Hashes are types.Header.Hash of the headers the client
// returns, as the coordinator's chain watcher and condition sources compute
// them.
func canonicalHeader(ctx context.Context, ch execution.Chain, n uint64, want common.Hash) (*types.Header, error) {
	h, err := header(ctx, ch, n)
	if err != nil {
		return nil, err
	}
	if got := h.Hash(); got != want {
		return nil, fmt.Errorf("%w: block %d is %s, the firing names %s", ErrBlockNotCanonical, n, got, want)
	}
	return h, nil
}

// header returns the canonical header at n.
func header(ctx context.Context, ch execution.Chain, n uint64) (*types.Header, error) {
	h, err := ch.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
	if errors.Is(err, ethereum.NotFound) {
		return nil, fmt.Errorf("%w: header %d not found", ErrNotYet, n)
	}
	if err != nil {
		return nil, fmt.Errorf("read header %d: %w", n, err)
	}
	return h, nil
}

// executedAfter checks that the execution came after the block (number n,
// header h) holding the firing's evidence on chain id: in a later block on
// the same chain, else not earlier than its time less the tolerance.
func (c *Checker) executedAfter(exec Execution, id uint64, h *types.Header) error {
	n := h.Number.Uint64()
	if exec.ChainID != 0 && exec.ChainID == id {
		if exec.BlockNumber <= n {
			return fmt.Errorf("%w: executed in block %d, fired in block %d", ErrExecutedEarly, exec.BlockNumber, n)
		}
		return nil
	}
	fired := time.Unix(int64(h.Time), 0)
	if exec.BlockTime.Before(fired.Add(-c.tolerance)) {
		return fmt.Errorf("%w: executed at %s, fired in block %d of chain %d at %s", ErrExecutedEarly,
			exec.BlockTime.UTC().Format(time.RFC3339), n, id, fired.UTC().Format(time.RFC3339))
	}
	return nil
}
