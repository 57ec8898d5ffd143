package node

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"
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

	maxBatch int // certificates per submitTasks transaction; 1: no batching
	// batches, when set, collects batch signatures: a batch window of at
	// least attestMin certificates (up to attestMax) is recorded under one.
	batches     *batchCollector
	attestMin   int
	attestMax   int
	queue       chan attestation.Certificate
	batcherOnce sync.Once
}

// Batching of submissions.
const (
	batchWindow     = 200 * time.Millisecond
	DefaultMaxBatch = 16
	// DefaultAttestMin is the least certificates in a batch window for a
	// batch signature (submitBatch); fewer go to submitTasks.
	DefaultAttestMin = 8
	// DefaultAttestMax is the most tasks under one batch signature.
	DefaultAttestMax = 128
	batchQueue       = 1024
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
		for len(batch) < s.limit() {
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
		if s.batches != nil && len(batch) >= s.attestMin {
			s.wg.Add(1)
			go func() {
				defer s.wg.Done()
				s.attestBatch(batch)
			}()
			continue
		}
		for chunk := range slices.Chunk(batch, s.maxBatch) {
			s.wg.Add(1)
			go func() {
				defer s.wg.Done()
				s.submitBatch(chunk)
			}()
		}
	}
}

// limit is the most certificates the batcher collects in one window.
func (s *submitter) limit() int {
	if s.batches != nil {
		return max(s.maxBatch, s.attestMax)
	}
	return s.maxBatch
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
	tx, receipt, spans, err := s.sendBatch(ctx, "submitTasks", "submit-batch/"+crypto.Keccak256Hash(ids).Hex(), data, todo)
	if err != nil {
		fallback(err)
		return
	}
	s.log.Info("batch submitted", zap.Stringer("submission_tx", tx.Hash()), zap.Int("tasks", len(todo)))
	s.recorded(ctx, todo, spans, tx, receipt)
}

// sendBatch sends data, a method call recording certs, under the
// transaction manager's key and opens an aggregator.submit span in each
// certificate's trace; on error the spans are ended and the transaction
// may have failed on-chain.
func (s *submitter) sendBatch(ctx context.Context, method, key string, data []byte, certs []attestation.Certificate,
	attrs ...attribute.KeyValue,
) (*types.Transaction, *types.Receipt, []trace.Span, error) {
	spans := make([]trace.Span, len(certs))
	for i, c := range certs {
		_, spans[i] = tracing.StartTask(ctx, s.tracer, c.TaskID, "aggregator.submit",
			certAttrs(c, append([]attribute.KeyValue{attribute.Int("batch_size", len(certs))}, attrs...)...)...)
	}
	tx, receipt, err := s.sender.Send(ctx, key, s.centerAt, data)
	if err == nil && receipt.Status != types.ReceiptStatusSuccessful {
		err = errors.New(method + " transaction failed: " + tx.Hash().Hex())
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
		return nil, nil, nil, err
	}
	return tx, receipt, spans, nil
}

// recorded reports the certificates of a mined batch transaction that the
// AttestationCenter recorded, and ends their spans; the others were
// skipped: another aggregator was first.
func (s *submitter) recorded(ctx context.Context, certs []attestation.Certificate, spans []trace.Span, tx *types.Transaction, receipt *types.Receipt) {
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
	for i, c := range certs {
		if !recorded[c.TaskID] {
			s.metrics.submission("already_submitted")
			tracing.End(spans[i], nil, "already_submitted")
			continue
		}
		s.finalized(trace.ContextWithSpan(ctx, spans[i]), attestation.Finalization{Certificate: c, SubmissionTx: tx.Hash(), Aggregator: s.self})
		spans[i].End()
	}
}

// attestBatch records a batch under one batch signature (submitBatch):
// it proposes the batch to the keepers and, once a quorum of them signed
// it, sends it. A batch without quorum within batchQuorumWait, or whose
// transaction fails, is submitted with each certificate's own signature.
func (s *submitter) attestBatch(batch []attestation.Certificate) {
	ctx, cancel := context.WithTimeout(s.base, 5*time.Minute)
	defer cancel()
	p, certs := proposalOf(batch)
	fallback := func(result string, err error) {
		if s.base.Err() != nil {
			return // shutting down: the certificates are resumed at the next start
		}
		s.metrics.batch(result)
		s.log.Info("batch signature not used: submitting each certificate's own", zap.Int("tasks", len(certs)), zap.Error(err))
		for chunk := range slices.Chunk(certs, s.maxBatch) {
			s.submitBatch(chunk)
		}
	}
	bs, err := s.batches.collect(ctx, p, batchQuorumWait)
	if err != nil {
		fallback("no_quorum", err)
		return
	}
	sigEnc, err := bs.signature.EIP2537()
	if err != nil {
		fallback("failed", err)
		return
	}
	leaves := make([]bindings.AttestationCenterVote, len(p.Leaves))
	for i, l := range p.Leaves {
		leaves[i] = bindings.AttestationCenterVote{TaskId: l.TaskID, JobId: new(big.Int).SetUint64(l.JobID),
			TaskDefinitionId: uint16(l.TaskDefinitionID), ResultHash: l.ResultHash, Approve: l.Approve}
	}
	ids := make([]*big.Int, len(bs.signers))
	for i, id := range bs.signers {
		ids[i] = new(big.Int).SetUint64(id)
	}
	data, err := s.abi.Pack("submitBatch", leaves, ids, sigEnc)
	if err != nil {
		fallback("failed", fmt.Errorf("pack submitBatch: %w", err))
		return
	}
	tx, receipt, spans, err := s.sendBatch(ctx, "submitBatch", "attest-batch/"+bs.root.Hex(), data, certs,
		attribute.String("batch_root", bs.root.Hex()), attribute.Int64Slice("batch_signers", signerIDs(bs.signers)))
	if err != nil {
		fallback("failed", err)
		return
	}
	s.metrics.batch("submitted")
	number := uint64(0)
	for _, l := range receipt.Logs {
		if ev, err := s.center.ParseBatchSubmitted(*l); err == nil && l.Address == s.centerAt {
			number = ev.Batch.Uint64()
		}
	}
	s.log.Info("batch attested", zap.Stringer("submission_tx", tx.Hash()), zap.Uint64("batch", number),
		zap.Stringer("root", bs.root), zap.Int("tasks", len(certs)), zap.Uint64s("signers", bs.signers))
	s.recorded(ctx, certs, spans, tx, receipt)
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
