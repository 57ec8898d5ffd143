package triggercheck

import (
	"context"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/execution/condition"
)

// checkCondition checks a condition firing: its epoch is possible, its
// value satisfies the condition, and it is the source's value — read again
// at the firing's block for a contract source, the constant for a static
// one. HTTP and websocket values cannot be read again: see the package
// documentation.
func (c *Checker) checkCondition(ctx context.Context, ct attestation.ConditionTrigger, scheduledAt int64,
	f attestation.Firing, exec Execution,
) error {
	cond, err := condition.NewCondition(ct.Operator, ct.Lower, ct.Upper)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrInvalidTrigger, err)
	}
	if f.Epoch == 0 || !ct.Recurring && f.Epoch != 1 {
		return fmt.Errorf("%w: epoch %d of a %s trigger", ErrWrongEpoch, f.Epoch, recurring(ct.Recurring))
	}
	v, err := condition.ParseValue(f.Value)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrInvalidValue, err)
	}
	if !cond.Satisfied(v) {
		return fmt.Errorf("%w: %s %s (lower %q, upper %q)", ErrNotSatisfied, v, ct.Operator, ct.Lower, ct.Upper)
	}
	src := ct.Source
	switch src.Kind {
	case attestation.SourceStatic:
		sv, err := condition.ParseValue(src.Value)
		if err != nil {
			return fmt.Errorf("%w: static value: %v", ErrInvalidTrigger, err)
		}
		if sv.Cmp(v) != 0 {
			return fmt.Errorf("%w: firing has %s, the static value is %s", ErrValueMismatch, v, sv)
		}
		return ended(ct.End, scheduledAt)
	case attestation.SourceHTTP, attestation.SourceWebsocket:
		// The value the coordinator saw cannot be fetched again.
		return ended(ct.End, scheduledAt)
	case attestation.SourceContract:
		return c.checkContractValue(ctx, ct, f, v, exec)
	}
	return fmt.Errorf("%w: unknown value source %q", ErrInvalidTrigger, src.Kind) // Trigger.Check rejects it first
}

// checkContractValue reads the contract source again at the firing's block
// and compares with the firing's value v.
func (c *Checker) checkContractValue(ctx context.Context, ct attestation.ConditionTrigger, f attestation.Firing,
	v condition.Value, exec Execution,
) error {
	id := ct.Source.ChainID
	if f.ChainID != id {
		return fmt.Errorf("%w: firing on chain %d, the source is on chain %d", ErrWrongChain, f.ChainID, id)
	}
	ch, err := c.chain(ctx, id)
	if err != nil {
		return err
	}
	src, err := condition.NewContractSource(ct.Source, ch)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrInvalidTrigger, err)
	}
	if err := reached(ctx, ch, f.BlockNumber, 0); err != nil {
		return err
	}
	h, err := canonicalHeader(ctx, ch, f.BlockNumber, f.BlockHash)
	if err != nil {
		return err
	}
	if err := ended(ct.End, int64(h.Time)); err != nil {
		return err
	}
	r, err := src.ReadAt(ctx, f.BlockNumber)
	switch {
	case errors.Is(err, condition.ErrBlockChanged), errors.Is(err, ethereum.NotFound):
		return fmt.Errorf("%w: %v", ErrNotYet, err)
	case err != nil:
		return fmt.Errorf("read %s at block %d: %w", ct.Source.Function, f.BlockNumber, err)
	}
	if r.BlockHash != h.Hash() {
		// Canonical a moment ago: a reorganization is under way.
		return fmt.Errorf("%w: block %d replaced during the check", ErrNotYet, f.BlockNumber)
	}
	if r.Value.Cmp(v) != 0 {
		return fmt.Errorf("%w: firing has %s, %s returns %s at block %d", ErrValueMismatch, v, ct.Source.Function, r.Value, f.BlockNumber)
	}
	return c.executedAfter(exec, id, h)
}

func recurring(r bool) string {
	if r {
		return "recurring"
	}
	return "non-recurring"
}
