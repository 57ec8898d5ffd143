package execution

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/triggerx-network/triggerx/execution/txmgr"
	"go.uber.org/zap"
)

// hubGasHeadroom is the least gas an execution gets above its estimate: the
// TaskExecutionHub keeps POST_CALL_GAS (60k) back from the target call, so a
// limit just above the estimate could starve the target, which the hub
// records as a failed call rather than reverting.
const hubGasHeadroom = 60_000

// Receipt polling backoff; variables so that internal tests can shorten them.
var (
	pollMin = 100 * time.Millisecond
	pollMax = 2 * time.Second
)

// Sender sends a key's transactions through its transaction manager
// (execution/txmgr): simulated first, EIP-1559, journaled before they are
// broadcast, replaced when stuck, reported once confirmed. It is safe for
// concurrent use.
type Sender struct {
	chain Chain
	mgr   *txmgr.Manager
	log   *zap.Logger
}

// NewSender returns a Sender over mgr, which sends from the key on chain. A
// nil logger logs nothing.
func NewSender(chain Chain, mgr *txmgr.Manager, logger *zap.Logger) *Sender {
	if logger == nil {
		logger = zap.NewNop()
	}
	return &Sender{chain: chain, mgr: mgr, log: logger.Named("txsender")}
}

// Address is the address transactions are sent from.
func (s *Sender) Address() common.Address { return s.mgr.Address() }

// Send sends the transaction named key (one per key, ever: a second Send of
// the key, even after a restart, answers the first's outcome), calling to
// with data, and returns it with its receipt once confirmed. A call that
// reverts in simulation is not sent: the error wraps ErrExecutionReverted.
func (s *Sender) Send(ctx context.Context, key string, to common.Address, data []byte) (*types.Transaction, *types.Receipt, error) {
	out, err := s.mgr.Send(ctx, txmgr.Request{Key: key, To: to, Data: data})
	if err != nil {
		var re *txmgr.RevertError
		if errors.As(err, &re) {
			return nil, nil, fmt.Errorf("%w: %s", ErrExecutionReverted, describeRevert(re.Data, re.Err))
		}
		return nil, nil, err
	}
	return out.Tx, out.Receipt, nil
}

// WaitReceipt polls for the receipt of hash, backing off from 100ms to 2s,
// until it is found or ctx ends. The receipt may have status 0.
func (s *Sender) WaitReceipt(ctx context.Context, hash common.Hash) (*types.Receipt, error) {
	return waitReceipt(ctx, s.chain, hash)
}

func waitReceipt(ctx context.Context, chain Chain, hash common.Hash) (*types.Receipt, error) {
	r, err := poll(ctx, func(ctx context.Context) (*types.Receipt, error) {
		return chain.TransactionReceipt(ctx, hash)
	})
	if err != nil {
		return nil, fmt.Errorf("wait for receipt of %s: %w", hash, err)
	}
	return r, nil
}

// poll calls fetch with backoff until it succeeds or ctx ends. Errors are
// retried: not found is expected while a transaction is in flight, and RPC
// errors are often transient. When ctx ends after not-found answers the error
// wraps ErrTxNotFound; otherwise it wraps ctx's error and the last error.
func poll[T any](ctx context.Context, fetch func(context.Context) (T, error)) (T, error) {
	var zero T
	delay := pollMin
	timer := time.NewTimer(0)
	defer timer.Stop()
	<-timer.C
	var last error
	for {
		v, err := fetch(ctx)
		if err == nil {
			return v, nil
		}
		// An error caused by ctx ending says nothing about the transaction.
		if last == nil || !ctxEnding(ctx) {
			last = err
		}
		timer.Reset(delay)
		select {
		case <-ctx.Done():
			if errors.Is(last, ethereum.NotFound) {
				return zero, fmt.Errorf("%w: %w", ErrTxNotFound, ctx.Err())
			}
			return zero, fmt.Errorf("%w (last error: %w)", ctx.Err(), last)
		case <-timer.C:
		}
		delay = min(2*delay, pollMax)
	}
}

// ctxEnding reports whether ctx is done or its deadline has passed (an RPC
// can fail on the deadline before ctx reports it).
func ctxEnding(ctx context.Context) bool {
	if ctx.Err() != nil {
		return true
	}
	dl, ok := ctx.Deadline()
	return ok && !time.Now().Before(dl)
}

// ExecuteTask calls executeFunction(jobID, taskID, target, calldata) on the
// hub and waits for the receipt. It returns the transaction, its receipt and
// whether the call to the target succeeded, as the hub's TaskExecuted log
// reports it.
//
// The transaction is named "execute/<task id>" in the manager's journal, so
// a task is sent at most once by this key, also across restarts. The gas
// limit is at least the estimate plus the gas the hub keeps back from the
// target call (60k).
//
// The manager first simulates the call: if the hub has already executed
// taskID it returns ErrTaskAlreadyExecuted without sending; if the job owner
// cannot pay for the gas limit at the simulated fee price, ErrOwnerCannotPay;
// any other revert gives ErrExecutionReverted. If the transaction is mined but fails (status 0), the
// error is ErrTaskAlreadyExecuted if another execution of the task won the
// race and ErrTxFailed otherwise; the transaction and receipt are returned
// with the error.
func (s *Sender) ExecuteTask(ctx context.Context, hub common.Address, jobID uint64, taskID common.Hash,
	target common.Address, calldata []byte,
) (*types.Transaction, *types.Receipt, bool, error) {
	data, err := packExecute(jobID, taskID, target, calldata)
	if err != nil {
		return nil, nil, false, err
	}
	log := s.log.With(zap.Stringer("task_id", taskID), zap.Uint64("job_id", jobID))
	out, err := s.mgr.Send(ctx, txmgr.Request{Key: "execute/" + taskID.Hex(), To: hub, Data: data, GasHeadroom: hubGasHeadroom})
	if err != nil {
		var re *txmgr.RevertError
		switch {
		case errors.As(err, &re) && isAlreadyExecuted(re.Data):
			return nil, nil, false, fmt.Errorf("execute task %s: %w", taskID, ErrTaskAlreadyExecuted)
		case errors.As(err, &re) && isOwnerCannotPay(re.Data):
			return nil, nil, false, fmt.Errorf("execute task %s: %w: %s", taskID, ErrOwnerCannotPay, describeRevert(re.Data, re.Err))
		case errors.As(err, &re):
			return nil, nil, false, fmt.Errorf("execute task %s: %w: %s", taskID, ErrExecutionReverted, describeRevert(re.Data, re.Err))
		}
		return nil, nil, false, fmt.Errorf("execute task %s: %w", taskID, err)
	}
	tx, r := out.Tx, out.Receipt
	if r.Status != types.ReceiptStatusSuccessful {
		// Replay on the state after the block to learn why it failed.
		if err := s.simulate(ctx, hub, data, r.BlockNumber, taskID); errors.Is(err, ErrTaskAlreadyExecuted) {
			return tx, r, false, err
		}
		return tx, r, false, fmt.Errorf("execute task %s: %w: tx %s in block %s", taskID, ErrTxFailed, tx.Hash(), r.BlockNumber)
	}
	logs, err := executionLogs(r, hub)
	if err != nil {
		return tx, r, false, fmt.Errorf("execute task %s: %w", taskID, err)
	}
	for _, l := range logs {
		if l.TaskID == taskID {
			log.Debug("execution mined", zap.Stringer("tx_hash", tx.Hash()), zap.Uint64("block", r.BlockNumber.Uint64()),
				zap.Bool("success", l.Success))
			return tx, r, l.Success, nil
		}
	}
	return tx, r, false, fmt.Errorf("execute task %s: %w in tx %s", taskID, ErrNoExecutionLog, tx.Hash())
}

// simulate runs the hub call at block (nil for latest) and classifies a
// revert.
func (s *Sender) simulate(ctx context.Context, hub common.Address, data []byte, block *big.Int, taskID common.Hash) error {
	_, err := s.chain.CallContract(ctx, ethereum.CallMsg{From: s.Address(), To: &hub, Data: data}, block)
	if err == nil {
		return nil
	}
	revert, ok := txmgr.RevertData(err)
	switch {
	case ok && isAlreadyExecuted(revert):
		return fmt.Errorf("execute task %s: %w", taskID, ErrTaskAlreadyExecuted)
	case ok:
		return fmt.Errorf("execute task %s: %w: %s", taskID, ErrExecutionReverted, describeRevert(revert, err))
	case strings.Contains(err.Error(), "revert"):
		return fmt.Errorf("execute task %s: %w: %v", taskID, ErrExecutionReverted, err)
	}
	return fmt.Errorf("execute task %s: simulate: %w", taskID, err)
}

func describeRevert(data []byte, err error) string {
	if reason, uerr := abi.UnpackRevert(data); uerr == nil {
		return reason
	}
	if len(data) >= 4 {
		return fmt.Sprintf("custom error %s (%v)", hexutil.Encode(data[:4]), err)
	}
	return err.Error()
}
