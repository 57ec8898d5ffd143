package execution

import (
	"bytes"
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

// ExpectedExecution is what an attester knows a task's execution must be:
// from the assignment (task, performer) and the job's action (target,
// calldata encoded independently with EncodeCall).
type ExpectedExecution struct {
	ChainID   uint64
	JobID     uint64
	TaskID    common.Hash
	Target    common.Address
	Calldata  []byte
	Performer common.Address
}

// Observed is what the chain shows about a verified execution.
type Observed struct {
	Success     bool     // whether the hub's call to the target succeeded
	BlockNumber uint64   // block that includes the transaction
	Charged     *big.Int // fee the hub charged the job, as TaskExecuted reports
}

// VerifyExecution checks that txHash is the execution of expected on chain by
// the TaskExecutionHub at hub:
//
//   - the transaction exists (it is polled until ctx ends) and calls hub;
//   - it is signed by expected.Performer;
//   - its input is exactly the ABI encoding of
//     executeFunction(JobID, TaskID, Target, Calldata);
//   - its receipt (polled until ctx ends) has status 1;
//   - the receipt has exactly one TaskExecuted log from hub, with the same
//     task id, job id, keeper, target and keccak256(Calldata).
//
// A failed check returns an error wrapping one of the sentinel errors, whose
// Reason is the verdict's reason code. Any other error (RPC failure, or the
// client being on another chain than expected.ChainID) is not a verdict.
//
// VerifyExecution does not wait for confirmations: the caller decides how
// deep the block must be.
func VerifyExecution(ctx context.Context, chain Chain, hub common.Address, expected ExpectedExecution, txHash common.Hash) (Observed, error) {
	chainID, err := chain.ChainID(ctx)
	if err != nil {
		return Observed{}, fmt.Errorf("get chain id: %w", err)
	}
	if !chainID.IsUint64() || chainID.Uint64() != expected.ChainID {
		return Observed{}, fmt.Errorf("verify execution: client is on chain %s, want %d", chainID, expected.ChainID)
	}

	type found struct {
		tx      *types.Transaction
		pending bool
	}
	f, err := poll(ctx, func(ctx context.Context) (found, error) {
		tx, pending, err := chain.TransactionByHash(ctx, txHash)
		return found{tx, pending}, err
	})
	if err != nil {
		return Observed{}, fmt.Errorf("get transaction %s: %w", txHash, err)
	}
	if err := checkTransaction(f.tx, hub, expected); err != nil {
		return Observed{}, fmt.Errorf("verify transaction %s: %w", txHash, err)
	}

	r, err := waitReceipt(ctx, chain, txHash)
	if err != nil {
		return Observed{}, err
	}
	obs, err := checkReceipt(r, hub, expected)
	if err != nil {
		return Observed{}, fmt.Errorf("verify receipt of %s: %w", txHash, err)
	}
	return obs, nil
}

// checkTransaction checks the transaction's destination, signer and input.
func checkTransaction(tx *types.Transaction, hub common.Address, want ExpectedExecution) error {
	if to := tx.To(); to == nil || *to != hub {
		got := "contract creation"
		if to != nil {
			got = to.Hex()
		}
		return fmt.Errorf("%w: sent to %s, want %s", ErrWrongHub, got, hub.Hex())
	}
	signer := types.LatestSignerForChainID(new(big.Int).SetUint64(want.ChainID))
	from, err := types.Sender(signer, tx)
	if err != nil {
		return fmt.Errorf("%w: recover signer: %v", ErrWrongSender, err)
	}
	if from != want.Performer {
		return fmt.Errorf("%w: signed by %s, want %s", ErrWrongSender, from.Hex(), want.Performer.Hex())
	}
	call, err := unpackExecute(tx.Data())
	if err != nil {
		return fmt.Errorf("%w: %v", ErrWrongFunction, err)
	}
	if !call.JobID.IsUint64() || call.JobID.Uint64() != want.JobID || call.TaskID != want.TaskID {
		return fmt.Errorf("%w: job %s task %s, want job %d task %s", ErrWrongTask, call.JobID, call.TaskID, want.JobID, want.TaskID)
	}
	if call.Target != want.Target {
		return fmt.Errorf("%w: %s, want %s", ErrWrongTarget, call.Target.Hex(), want.Target.Hex())
	}
	if !bytes.Equal(call.Calldata, want.Calldata) {
		return fmt.Errorf("%w: calldata hash %s, want %s", ErrCalldataMismatch,
			crypto.Keccak256Hash(call.Calldata), crypto.Keccak256Hash(want.Calldata))
	}
	canonical, err := packExecute(want.JobID, want.TaskID, want.Target, want.Calldata)
	if err != nil {
		return err
	}
	if !bytes.Equal(tx.Data(), canonical) {
		return fmt.Errorf("%w: input is not the canonical encoding", ErrCalldataMismatch)
	}
	return nil
}

// checkReceipt checks the status and the hub's TaskExecuted log.
func checkReceipt(r *types.Receipt, hub common.Address, want ExpectedExecution) (Observed, error) {
	if r.Status != types.ReceiptStatusSuccessful {
		return Observed{}, fmt.Errorf("%w: status %d in block %s", ErrTxFailed, r.Status, r.BlockNumber)
	}
	logs, err := executionLogs(r, hub)
	if err != nil {
		return Observed{}, err
	}
	switch len(logs) {
	case 0:
		return Observed{}, ErrNoExecutionLog
	case 1:
	default:
		return Observed{}, fmt.Errorf("%w: %d TaskExecuted logs, want 1", ErrExecutionLogMismatch, len(logs))
	}
	l := logs[0]
	wantHash := crypto.Keccak256Hash(want.Calldata)
	switch {
	case l.TaskID != want.TaskID:
		return Observed{}, fmt.Errorf("%w: task id %s, want %s", ErrExecutionLogMismatch, l.TaskID, want.TaskID)
	case !l.JobID.IsUint64() || l.JobID.Uint64() != want.JobID:
		return Observed{}, fmt.Errorf("%w: job id %s, want %d", ErrExecutionLogMismatch, l.JobID, want.JobID)
	case l.Keeper != want.Performer:
		return Observed{}, fmt.Errorf("%w: keeper %s, want %s", ErrExecutionLogMismatch, l.Keeper.Hex(), want.Performer.Hex())
	case l.Target != want.Target:
		return Observed{}, fmt.Errorf("%w: target %s, want %s", ErrExecutionLogMismatch, l.Target.Hex(), want.Target.Hex())
	case l.CalldataHash != wantHash:
		return Observed{}, fmt.Errorf("%w: calldata hash %s, want %s", ErrExecutionLogMismatch, l.CalldataHash, wantHash)
	}
	var block uint64
	if r.BlockNumber != nil {
		block = r.BlockNumber.Uint64()
	}
	return Observed{Success: l.Success, BlockNumber: block, Charged: l.Charged}, nil
}
