package execution

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"go.uber.org/zap"
)

// Transaction parameters.
const (
	gasCap = 10_000_000 // upper bound of a transaction's gas limit
	// hubGasHeadroom is the least gas an execution gets above its estimate:
	// the TaskExecutionHub keeps POST_CALL_GAS (60k) back from the target
	// call, so a limit just above the estimate could starve the target,
	// which the hub records as a failed call rather than reverting.
	hubGasHeadroom = 60_000
)

// Receipt polling backoff; variables so that internal tests can shorten them.
var (
	pollMin = 100 * time.Millisecond
	pollMax = 2 * time.Second
)

// Sender signs and sends EIP-1559 transactions from one key and tracks its
// nonce. It is safe for concurrent use: sends are serialized so nonces are
// used in order.
type Sender struct {
	chain   Chain
	key     *ecdsa.PrivateKey
	from    common.Address
	chainID *big.Int
	signer  types.Signer
	log     *zap.Logger

	mu         sync.Mutex // serializes Send; guards the nonce
	nonce      uint64
	nonceKnown bool
}

// NewSender returns a Sender for key on the chain with chainID. A nil logger
// logs nothing.
func NewSender(chain Chain, key *ecdsa.PrivateKey, chainID *big.Int, logger *zap.Logger) *Sender {
	if logger == nil {
		logger = zap.NewNop()
	}
	return &Sender{
		chain:   chain,
		key:     key,
		from:    crypto.PubkeyToAddress(key.PublicKey),
		chainID: new(big.Int).Set(chainID),
		signer:  types.LatestSignerForChainID(chainID),
		log:     logger.Named("txsender"),
	}
}

// Address is the address transactions are sent from.
func (s *Sender) Address() common.Address { return s.from }

// Send signs and sends a transaction calling to with data, and returns it
// once the node accepted it. Gas is the estimate plus 25%, capped; the fee
// cap is twice the latest base fee plus the suggested tip.
//
// The nonce comes from the chain's pending nonce on first use and after a
// nonce error, and is incremented locally after each accepted transaction. A
// "nonce too low" rejection is retried once with a fresh nonce.
func (s *Sender) Send(ctx context.Context, to common.Address, data []byte) (*types.Transaction, error) {
	return s.send(ctx, to, data, 0)
}

// send is Send with a gas limit of at least the estimate plus headroom.
func (s *Sender) send(ctx context.Context, to common.Address, data []byte, headroom uint64) (*types.Transaction, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for attempt := 0; ; attempt++ {
		if !s.nonceKnown {
			n, err := s.chain.PendingNonceAt(ctx, s.from)
			if err != nil {
				return nil, fmt.Errorf("get pending nonce: %w", err)
			}
			s.nonce, s.nonceKnown = n, true
		}
		tx, err := s.build(ctx, to, data, s.nonce, headroom)
		if err != nil {
			return nil, err
		}
		err = s.chain.SendTransaction(ctx, tx)
		if err == nil || isAlreadyKnown(err) {
			s.nonce++
			s.log.Debug("transaction sent", zap.Stringer("tx_hash", tx.Hash()), zap.Uint64("nonce", tx.Nonce()),
				zap.Stringer("to", to), zap.Uint64("gas", tx.Gas()), zap.Stringer("fee_cap", tx.GasFeeCap()))
			return tx, nil
		}
		if !isNonceError(err) {
			return nil, fmt.Errorf("send transaction: %w", err)
		}
		s.nonceKnown = false
		if attempt > 0 || !strings.Contains(err.Error(), "nonce too low") {
			return nil, fmt.Errorf("send transaction with nonce %d: %w", tx.Nonce(), err)
		}
		s.log.Warn("nonce too low, resyncing from chain", zap.Uint64("nonce", tx.Nonce()), zap.Error(err))
	}
}

// build estimates gas and fees and signs the transaction.
func (s *Sender) build(ctx context.Context, to common.Address, data []byte, nonce, headroom uint64) (*types.Transaction, error) {
	tip, err := s.chain.SuggestGasTipCap(ctx)
	if err != nil {
		return nil, fmt.Errorf("suggest gas tip: %w", err)
	}
	head, err := s.chain.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("get latest header: %w", err)
	}
	if head.BaseFee == nil {
		return nil, errors.New("get latest header: no base fee (chain not on EIP-1559)")
	}
	feeCap := new(big.Int).Mul(head.BaseFee, big.NewInt(2))
	feeCap.Add(feeCap, tip)
	// Estimate with the real fees: contracts may spend gas differently when
	// tx.gasprice is not zero (the hub charges the job owner for gas).
	est, err := s.chain.EstimateGas(ctx, ethereum.CallMsg{From: s.from, To: &to, Data: data, GasFeeCap: feeCap, GasTipCap: tip})
	if err != nil {
		return nil, fmt.Errorf("estimate gas: %w", err)
	}
	if est > gasCap {
		return nil, fmt.Errorf("estimate gas: %d exceeds the cap of %d", est, gasCap)
	}
	gas := min(max(est+est/4, est+headroom), gasCap)
	tx, err := types.SignNewTx(s.key, s.signer, &types.DynamicFeeTx{
		ChainID:   s.chainID,
		Nonce:     nonce,
		GasTipCap: tip,
		GasFeeCap: feeCap,
		Gas:       gas,
		To:        &to,
		Data:      data,
	})
	if err != nil {
		return nil, fmt.Errorf("sign transaction: %w", err)
	}
	return tx, nil
}

// isNonceError reports whether the node rejected a transaction because of its
// nonce. Errors lose their types over RPC, so this matches the messages geth's
// transaction pool uses.
func isNonceError(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "nonce too low") || strings.Contains(msg, "nonce too high") ||
		strings.Contains(msg, "replacement transaction underpriced")
}

// isAlreadyKnown reports whether the node already has this exact transaction.
func isAlreadyKnown(err error) bool { return strings.Contains(err.Error(), "already known") }

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
// The gas limit is the estimate plus 25%, and at least the estimate plus the
// gas the hub keeps back from the target call (60k).
//
// It first simulates the call: if the hub has already executed taskID it
// returns ErrTaskAlreadyExecuted without sending; any other revert gives
// ErrExecutionReverted. If the transaction is mined but fails (status 0), the
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
	if err := s.simulate(ctx, hub, data, nil, taskID); err != nil {
		return nil, nil, false, err
	}
	tx, err := s.send(ctx, hub, data, hubGasHeadroom)
	if err != nil {
		return nil, nil, false, fmt.Errorf("execute task %s: %w", taskID, err)
	}
	log.Debug("execution sent", zap.Stringer("tx_hash", tx.Hash()))
	r, err := s.WaitReceipt(ctx, tx.Hash())
	if err != nil {
		return tx, nil, false, fmt.Errorf("execute task %s: %w", taskID, err)
	}
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
	_, err := s.chain.CallContract(ctx, ethereum.CallMsg{From: s.from, To: &hub, Data: data}, block)
	if err == nil {
		return nil
	}
	revert, ok := revertData(err)
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

// revertData extracts the revert data that geth attaches to eth_call errors.
func revertData(err error) ([]byte, bool) {
	var de interface{ ErrorData() any }
	if !errors.As(err, &de) {
		return nil, false
	}
	switch d := de.ErrorData().(type) {
	case string:
		b, err := hexutil.Decode(d)
		return b, err == nil
	case []byte:
		return d, true
	}
	return nil, false
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
