package triggercheck

import (
	"context"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/execution"
	"github.com/triggerx-network/triggerx/execution/events"
)

// headerByHash is implemented by *ethclient.Client and the simulated
// backend's client.
type headerByHash interface {
	HeaderByHash(ctx context.Context, hash common.Hash) (*types.Header, error)
}

// checkEvent checks an event firing: once the firing's block has the
// trigger's confirmations, it is canonical with the firing's hash, the
// firing's transaction is in it, and the log at the firing's index is the
// trigger's event from the trigger's contract, passing its filters.
func (c *Checker) checkEvent(ctx context.Context, e attestation.EventTrigger, f attestation.Firing, exec Execution) error {
	if f.ChainID != e.ChainID {
		return fmt.Errorf("%w: firing on chain %d, trigger watches chain %d", ErrWrongChain, f.ChainID, e.ChainID)
	}
	ev, err := events.ParseEvent(e.Event)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrInvalidTrigger, err)
	}
	filter, err := events.Compile(ev, e.Filters)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrInvalidTrigger, err)
	}
	ch, err := c.chain(ctx, e.ChainID)
	if err != nil {
		return err
	}
	if err := reached(ctx, ch, f.BlockNumber, e.Confirmations); err != nil {
		return err
	}
	h, err := header(ctx, ch, f.BlockNumber)
	if err != nil {
		return err
	}
	switch same, err := namesHeader(ctx, ch, f.BlockHash, h); {
	case err != nil:
		return err
	case !same:
		return fmt.Errorf("%w: block %d is %s, the firing names %s", ErrBlockNotCanonical, f.BlockNumber, h.Hash(), f.BlockHash)
	}
	if err := ended(e.End, int64(h.Time)); err != nil {
		return err
	}
	r, err := ch.TransactionReceipt(ctx, f.TxHash)
	if errors.Is(err, ethereum.NotFound) {
		return fmt.Errorf("%w: %s", ErrTxNotFound, f.TxHash)
	}
	if err != nil {
		return fmt.Errorf("read receipt of %s: %w", f.TxHash, err)
	}
	if r.BlockNumber == nil || !r.BlockNumber.IsUint64() || r.BlockNumber.Uint64() != f.BlockNumber {
		return fmt.Errorf("%w: %s is in block %v, the firing names block %d", ErrTxOtherBlock, f.TxHash, r.BlockNumber, f.BlockNumber)
	}
	if r.BlockHash != f.BlockHash {
		same, err := namesHeader(ctx, ch, r.BlockHash, h)
		if err != nil {
			return err
		}
		if same {
			// One block, two names: only the node's, which logs carry,
			// makes the trigger key, so that a log has one key.
			return fmt.Errorf("%w: the firing names block %d by its header hash %s, the node by %s", ErrBlockNotCanonical, f.BlockNumber, f.BlockHash, r.BlockHash)
		}
		return fmt.Errorf("%w: receipt names block %s, not the canonical block %d", ErrNotYet, r.BlockHash, f.BlockNumber)
	}
	var l *types.Log
	for _, rl := range r.Logs {
		if rl != nil && uint64(rl.Index) == f.LogIndex {
			l = rl
			break
		}
	}
	if l == nil {
		return fmt.Errorf("%w: transaction %s has no log with index %d", ErrLogNotFound, f.TxHash, f.LogIndex)
	}
	if l.Address != e.Contract {
		return fmt.Errorf("%w: log %d is from %s, the trigger watches %s", ErrLogWrongContract, f.LogIndex, l.Address, e.Contract)
	}
	if len(l.Topics) == 0 || l.Topics[0] != ev.Topic0() {
		return fmt.Errorf("%w: log %d is not %s", ErrLogWrongEvent, f.LogIndex, ev.Signature())
	}
	ok, err := filter.Match(*l)
	if err != nil {
		return fmt.Errorf("%w: log %d: %v", ErrFilterNotMatched, f.LogIndex, err)
	}
	if !ok {
		return fmt.Errorf("%w: log %d", ErrFilterNotMatched, f.LogIndex)
	}
	return c.executedAfter(exec, e.ChainID, h)
}

// namesHeader reports whether hash names the canonical header h: it is h's
// hash (types.Header.Hash), or the node's own hash of h's block, which on
// some L2s differs from go-ethereum's rehash of the header — then the node
// returns h for it.
func namesHeader(ctx context.Context, ch execution.Chain, hash common.Hash, h *types.Header) (bool, error) {
	want := h.Hash()
	if hash == want {
		return true, nil
	}
	hb, ok := ch.(headerByHash)
	if !ok {
		return false, nil
	}
	nh, err := hb.HeaderByHash(ctx, hash)
	if errors.Is(err, ethereum.NotFound) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read header %s: %w", hash, err)
	}
	return nh.Hash() == want, nil
}

// checkBlock checks a block firing: the block is on the trigger's grid and
// canonical with the firing's hash, within the trigger's End.
func (c *Checker) checkBlock(ctx context.Context, b attestation.BlockTrigger, f attestation.Firing, exec Execution) error {
	if f.ChainID != b.ChainID {
		return fmt.Errorf("%w: firing on chain %d, trigger watches chain %d", ErrWrongChain, f.ChainID, b.ChainID)
	}
	if f.BlockNumber < b.Start || (f.BlockNumber-b.Start)%b.Every != 0 {
		return fmt.Errorf("%w: block %d, grid %d + k·%d", ErrNotOnBlockGrid, f.BlockNumber, b.Start, b.Every)
	}
	ch, err := c.chain(ctx, b.ChainID)
	if err != nil {
		return err
	}
	if err := reached(ctx, ch, f.BlockNumber, 0); err != nil {
		return err
	}
	h, err := canonicalHeader(ctx, ch, f.BlockNumber, f.BlockHash)
	if err != nil {
		return err
	}
	if err := ended(b.End, int64(h.Time)); err != nil {
		return err
	}
	return c.executedAfter(exec, b.ChainID, h)
}
