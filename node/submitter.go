package node

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts/bindings"
	"github.com/triggerx-network/triggerx/execution"
	"github.com/triggerx-network/triggerx/node/tracing"
)

// submitter records certificates in the AttestationCenter
// (attestation.Submitter). Certificates that reach quorum within
// batchWindow of each other are recorded together in one submitTasks
// transaction (up to maxBatch); a certificate alone, or one whose batch
// failed, is submitted in its own goroutine and retried with backoff until
// it is on-chain, by this aggregator or another one.
type submitter struct {
	self     common.Address
	center   *bindings.AttestationCenter
	centerAt common.Address
	abi      *abi.ABI
	sender   *execution.Sender
	log      *zap.Logger
	metrics  *metrics
	tracer   trace.Tracer // nil: no spans
	subs     []func(context.Context, attestation.Finalization) error

	base context.Context
	wg   sync.WaitGroup

	mu       sync.Mutex
	failures map[common.Hash]int // submissions of a task mined and failed, in this process

	maxBatch    int // certificates per transaction; 1: no batching
	queue       chan attestation.Certificate
	batcherOnce sync.Once
}

// Batching of submissions.
const (
	batchWindow     = 200 * time.Millisecond
	DefaultMaxBatch = 16
	batchQueue      = 1024
)

// failed is how many submissions of task were mined and failed.
func (s *submitter) failed(task common.Hash) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.failures[task]
}

func newSubmitter(self common.Address, center *bindings.AttestationCenter, at common.Address, sender *execution.Sender, log *zap.Logger) (*submitter, error) {
	parsed, err := bindings.AttestationCenterMetaData.GetAbi()
	if err != nil {
		return nil, fmt.Errorf("parse AttestationCenter ABI: %w", err)
	}
	return &submitter{self: self, center: center, centerAt: at, abi: parsed, sender: sender, log: log,
		failures: map[common.Hash]int{}, maxBatch: DefaultMaxBatch, queue: make(chan attestation.Certificate, batchQueue)}, nil
}

func (s *submitter) Subscribe(fn func(context.Context, attestation.Finalization) error) {
	s.subs = append(s.subs, fn)
}

func (s *submitter) Submit(_ context.Context, c attestation.Certificate) error {
	if s.maxBatch <= 1 {
		s.single(c)
		return nil
	}
	s.batcherOnce.Do(func() {
		s.wg.Add(1)
		go s.batcher()
	})
	select {
	case s.queue <- c:
	default:
		s.single(c) // a backlog: do not wait for the batcher
	}
	return nil
}

// batcher groups queued certificates into batches until the node stops;
// certificates still queued then are resumed at the next start.
func (s *submitter) batcher() {
	defer s.wg.Done()
	for {
		var batch []attestation.Certificate
		select {
		case c := <-s.queue:
			batch = append(batch, c)
		case <-s.base.Done():
			return
		}
		timer := time.NewTimer(batchWindow)
	collect:
		for len(batch) < s.maxBatch {
			select {
			case c := <-s.queue:
				batch = append(batch, c)
			case <-timer.C:
				break collect
			case <-s.base.Done():
				timer.Stop()
				return
			}
		}
		timer.Stop()
		if len(batch) == 1 {
			s.single(batch[0])
			continue
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			s.submitBatch(batch)
		}()
	}
}

// submitBatch records the batch in one transaction; the certificates of a
// batch that fails are submitted one by one.
func (s *submitter) submitBatch(batch []attestation.Certificate) {
	ctx, cancel := context.WithTimeout(s.base, 5*time.Minute)
	defer cancel()
	var (
		todo []attestation.Certificate
		subs []bindings.AttestationCenterSubmission
		ids  []byte
	)
	for _, c := range batch {
		already, err := s.center.Submitted(&bind.CallOpts{Context: ctx}, c.TaskID)
		if err == nil && already {
			s.metrics.submission("already_submitted")
			continue
		}
		sub, err := submission(c)
		if err != nil {
			s.log.Error("certificate cannot be encoded", zap.Stringer("task_id", c.TaskID), zap.Error(err))
			continue
		}
		todo, subs, ids = append(todo, c), append(subs, sub), append(ids, c.TaskID[:]...)
	}
	if len(todo) <= 1 {
		for _, c := range todo {
			s.single(c)
		}
		return
	}
	fallback := func(err error) {
		s.log.Warn("batch submission failed: submitting one by one", zap.Int("tasks", len(todo)), zap.Error(err))
		for _, c := range todo {
			s.single(c)
		}
	}
	data, err := s.abi.Pack("submitTasks", subs)
	if err != nil {
		fallback(fmt.Errorf("pack submitTasks: %w", err))
		return
	}
	// One span in each certificate's trace; a failed batch's certificates
	// get another in single.
	spans := make([]trace.Span, len(todo))
	for i, c := range todo {
		_, spans[i] = tracing.StartTask(ctx, s.tracer, c.TaskID, "aggregator.submit", certAttrs(c, attribute.Int("batch_size", len(todo)))...)
	}
	tx, receipt, err := s.sender.Send(ctx, "submit-batch/"+crypto.Keccak256Hash(ids).Hex(), s.centerAt, data)
	if err == nil && receipt.Status != types.ReceiptStatusSuccessful {
		err = errors.New("submitTasks transaction failed: " + tx.Hash().Hex())
	}
	if tx != nil {
		for _, span := range spans {
			span.SetAttributes(tracing.KeyTxHash.String(tx.Hash().Hex()))
		}
	}
	if err != nil {
		for _, span := range spans {
			tracing.End(span, err, "")
		}
		fallback(err)
		return
	}
	recorded := map[common.Hash]bool{}
	for _, l := range receipt.Logs {
		if l.Address != s.centerAt {
			continue
		}
		if ev, err := s.center.ParseTaskSubmitted(*l); err == nil {
			recorded[ev.TaskId] = true
		} else if ev, err := s.center.ParseTaskRejected(*l); err == nil {
			recorded[ev.TaskId] = true
		}
	}
	s.log.Info("batch submitted", zap.Stringer("submission_tx", tx.Hash()), zap.Int("tasks", len(todo)), zap.Int("recorded", len(recorded)))
	for i, c := range todo {
		if !recorded[c.TaskID] {
			s.metrics.submission("already_submitted") // skipped: another aggregator was first
			tracing.End(spans[i], nil, "already_submitted")
			continue
		}
		s.finalized(trace.ContextWithSpan(ctx, spans[i]), attestation.Finalization{Certificate: c, SubmissionTx: tx.Hash(), Aggregator: s.self})
		spans[i].End()
	}
}

// finalized reports a certificate this aggregator recorded.
func (s *submitter) finalized(ctx context.Context, f attestation.Finalization) {
	s.metrics.submission("submitted")
	s.log.Info("task finalized on-chain", zap.Stringer("task_id", f.Certificate.TaskID), zap.Bool("approve", f.Certificate.Approve),
		zap.Stringer("submission_tx", f.SubmissionTx), zap.Uint64s("signers", f.Certificate.Signers))
	for _, fn := range s.subs {
		if err := fn(ctx, f.Clone()); err != nil {
			s.log.Warn("publish finalization", zap.Stringer("task_id", f.Certificate.TaskID), zap.Error(err))
		}
	}
}

// single submits one certificate in its own goroutine, retrying with
// backoff.
func (s *submitter) single(c attestation.Certificate) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		log := s.log.With(zap.Stringer("task_id", c.TaskID))
		ctx, cancel := context.WithTimeout(s.base, 10*time.Minute)
		defer cancel()
		ctx, span := tracing.StartTask(ctx, s.tracer, c.TaskID, "aggregator.submit", certAttrs(c)...)
		var spanErr error
		spanReason := ""
		defer func() { tracing.End(span, spanErr, spanReason) }()
		backoff := 500 * time.Millisecond
		for attempt := 1; ; attempt++ {
			f, done, err := s.submit(ctx, c)
			span.SetAttributes(attribute.Int("attempts", attempt))
			if err == nil {
				if done {
					span.SetAttributes(tracing.KeyTxHash.String(f.SubmissionTx.Hex()))
					s.finalized(ctx, f)
				} else {
					s.metrics.submission("already_submitted")
					spanReason = "already_submitted"
				}
				return
			}
			span.AddEvent("submission failed", trace.WithAttributes(attribute.String("error", err.Error())))
			if s.base.Err() != nil {
				// Shutting down: the certificate is kept and resumed at the next start.
				log.Info("submission interrupted by shutdown")
				spanReason = "shutdown"
				return
			}
			log.Warn("submit certificate, will retry", zap.Error(err), zap.Duration("backoff", backoff))
			select {
			case <-ctx.Done():
				if s.base.Err() != nil {
					log.Info("submission interrupted by shutdown")
					return
				}
				s.metrics.submission("failed")
				s.metrics.failure("submission_timeout")
				log.Error("certificate not submitted", zap.Error(ctx.Err()))
				spanErr, spanReason = ctx.Err(), "submission_timeout"
				return
			case <-time.After(backoff):
			}
			backoff = min(backoff*2, 15*time.Second)
		}
	}()
}

// certAttrs are the span attributes of a certificate's submission.
func certAttrs(c attestation.Certificate, more ...attribute.KeyValue) []attribute.KeyValue {
	return append([]attribute.KeyValue{tracing.KeyJobID.Int64(int64(c.JobID)),
		tracing.KeyTaskDefinitionID.Int(int(c.TaskDefinitionID)), tracing.KeyApprove.Bool(c.Approve)}, more...)
}

// submission is a certificate as submitTasks takes it.
func submission(c attestation.Certificate) (bindings.AttestationCenterSubmission, error) {
	sig, err := attestation.BLSSignatureFromBytes(c.Signature)
	if err != nil {
		return bindings.AttestationCenterSubmission{}, err
	}
	sigEnc, err := sig.EIP2537()
	if err != nil {
		return bindings.AttestationCenterSubmission{}, err
	}
	ids := make([]*big.Int, len(c.Signers))
	for i, id := range c.Signers {
		ids[i] = new(big.Int).SetUint64(id)
	}
	return bindings.AttestationCenterSubmission{TaskId: c.TaskID, JobId: new(big.Int).SetUint64(c.JobID),
		TaskDefinitionId: uint16(c.TaskDefinitionID), ResultHash: c.ResultHash, Approve: c.Approve, SignerIds: ids, Signature: sigEnc}, nil
}

// submit sends one certificate. done is false when another aggregator
// already recorded the task. A retry after an error joins the transaction
// already requested for the task (also across a restart); only after that
// transaction was mined and failed is a new one requested.
func (s *submitter) submit(ctx context.Context, c attestation.Certificate) (attestation.Finalization, bool, error) {
	already, err := s.center.Submitted(&bind.CallOpts{Context: ctx}, c.TaskID)
	if err != nil {
		return attestation.Finalization{}, false, fmt.Errorf("read submission state: %w", err)
	}
	if already {
		return attestation.Finalization{}, false, nil
	}
	sub, err := submission(c)
	if err != nil {
		return attestation.Finalization{}, false, err
	}
	data, err := s.abi.Pack("submitTask", sub.TaskId, sub.JobId, sub.TaskDefinitionId, sub.ResultHash, sub.Approve, sub.SignerIds, sub.Signature)
	if err != nil {
		return attestation.Finalization{}, false, fmt.Errorf("pack submitTask: %w", err)
	}
	tx, receipt, err := s.sender.Send(ctx, fmt.Sprintf("submit/%s/%d", c.TaskID.Hex(), s.failed(c.TaskID)), s.centerAt, data)
	if err != nil {
		return attestation.Finalization{}, false, fmt.Errorf("send submitTask: %w", err)
	}
	if receipt.Status != types.ReceiptStatusSuccessful {
		s.mu.Lock()
		s.failures[c.TaskID]++
		s.mu.Unlock()
		return attestation.Finalization{}, false, errors.New("submitTask transaction failed: " + tx.Hash().Hex())
	}
	return attestation.Finalization{Certificate: c, SubmissionTx: tx.Hash(), Aggregator: s.self}, true, nil
}

func (s *submitter) wait() { s.wg.Wait() }
