package node

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts/bindings"
	"github.com/triggerx-network/triggerx/execution"
	"github.com/triggerx-network/triggerx/execution/triggercheck"
	"github.com/triggerx-network/triggerx/node/tracing"
)

// Reason codes of verdicts decided here, beside execution.Reason's.
const (
	reasonResultMismatch  = "result_mismatch"       // result does not describe the assigned task
	reasonActionMismatch  = "action_not_committed"  // action differs from the job's on-chain commitment
	reasonSuccessMismatch = "success_flag_mismatch" // claimed target success differs from the chain's
	// reasonScriptsUnsupported: the keeper cannot run job scripts yet.
	reasonScriptsUnsupported = "script_execution_unavailable"
)

// chainVerifier checks a performer's result against the chain
// (attestation.Verifier): the job's on-chain commitment matches the assigned
// action, the result's calldata is the action's encoding, and the
// transaction called the hub with exactly that calldata for this task, was
// sent by the assigned performer and succeeded.
type chainVerifier struct {
	jobs     *bindings.JobRegistry // the home chain's
	sites    *sites                // where actions execute
	triggers *triggercheck.Checker // checks that the task was due
	scripts  *scriptRunner         // re-runs script jobs' scripts
}

// notYetPoll is how often an attester re-checks a firing it cannot judge
// yet (its node lacks the blocks or confirmations).
const notYetPoll = time.Second

func (v *chainVerifier) Verify(ctx context.Context, a attestation.Assignment, r attestation.Result) (attestation.Verdict, error) {
	reject := func(reason string) (attestation.Verdict, error) { return attestation.Verdict{Reason: reason}, nil }
	t := a.Task
	if r.TaskID != t.ID || r.JobID != t.JobID || r.TaskDefinitionID != t.TaskDefinitionID || r.Performer != a.Performer {
		return reject(reasonResultMismatch)
	}
	st, err := checkJob(ctx, v.jobs, v.sites, t)
	if err != nil {
		switch {
		case errors.Is(err, errActionMismatch):
			return reject(reasonActionMismatch)
		case errors.Is(err, errNoSite):
			return attestation.Verdict{}, err // cannot judge: no vote
		}
		return attestation.Verdict{}, err
	}
	calldata, target := []byte(nil), t.Action.Target
	if t.TaskDefinitionID.HasScript() {
		// Re-run the script with the performer's inputs: same context and
		// output, or the performer lied.
		if r.Script == nil {
			return reject(reasonScriptRunMissing)
		}
		out, run, err := v.scripts.run(ctx, st.chain, t, r.Script.Block, r.Script)
		if err != nil {
			if reason := scriptRejectReason(err); reason != "" {
				return reject(reason) // the script cannot give what the performer claims
			}
			return attestation.Verdict{}, err // cannot judge: no vote
		}
		if run.ContextHash != r.Script.ContextHash || run.OutputHash != r.Script.OutputHash || !bytes.Equal(out.Calldata, r.Calldata) ||
			attestation.StorageHash(run.StorageUpdates) != attestation.StorageHash(r.Script.StorageUpdates) {
			return reject(reasonScriptOutput)
		}
		calldata = r.Calldata
		if t.TaskDefinitionID == attestation.CustomScript {
			if !out.ShouldExecute {
				// The script decided not to call: nothing may have been executed.
				if r.TxHash != (common.Hash{}) || r.Success {
					return reject(reasonScriptOutput)
				}
				return v.checkTrigger(ctx, t, triggercheck.Execution{ChainID: st.chainID, BlockNumber: r.Script.Block,
					BlockTime: time.Unix(r.Script.Timestamp, 0)})
			}
			target = out.Target
		}
	} else {
		var err error
		if calldata, err = execution.EncodeCall(t.Action.Function, t.Action.Arguments); err != nil {
			return reject(execution.Reason(err))
		}
		if !bytes.Equal(calldata, r.Calldata) {
			return reject(execution.Reason(execution.ErrCalldataMismatch))
		}
	}
	obs, err := execution.VerifyExecution(ctx, st.chain, st.hubAddr, execution.ExpectedExecution{
		ChainID: st.chainID, JobID: st.jobID(t), TaskID: t.ID, Target: target, Calldata: calldata, Performer: a.Performer,
	}, r.TxHash)
	if err != nil {
		reason := execution.Reason(err)
		if reason == "" || errors.Is(err, execution.ErrTxNotFound) {
			return attestation.Verdict{}, err // cannot judge now; do not vote
		}
		return reject(reason)
	}
	if obs.Success != r.Success {
		return reject(reasonSuccessMismatch)
	}
	if r.Script != nil && r.Script.Block > obs.BlockNumber {
		return reject(reasonScriptContextBlock) // the script saw a block after its own execution
	}
	head, err := st.chain.HeaderByNumber(ctx, new(big.Int).SetUint64(obs.BlockNumber))
	if err != nil {
		return attestation.Verdict{}, fmt.Errorf("read execution block %d: %w", obs.BlockNumber, err)
	}
	return v.checkTrigger(ctx, t, triggercheck.Execution{ChainID: st.chainID, BlockNumber: obs.BlockNumber,
		BlockTime: time.Unix(int64(head.Time), 0)})
}

// checkTrigger approves the task if it was due at exec, waiting for what the
// attester's node cannot judge yet.
func (v *chainVerifier) checkTrigger(ctx context.Context, t attestation.Task, exec triggercheck.Execution) (attestation.Verdict, error) {
	if v.triggers == nil {
		return attestation.Verdict{Approve: true}, nil
	}
	for {
		err := v.triggers.Check(ctx, t, exec)
		if err == nil {
			return attestation.Verdict{Approve: true}, nil
		}
		if !errors.Is(err, triggercheck.ErrNotYet) {
			if reason := triggercheck.Reason(err); reason != "" {
				return attestation.Verdict{Reason: reason}, nil
			}
			return attestation.Verdict{}, fmt.Errorf("check trigger: %w", err)
		}
		select {
		case <-ctx.Done():
			return attestation.Verdict{}, fmt.Errorf("trigger not decidable before the deadline: %w", err)
		case <-time.After(notYetPoll):
		}
	}
}

var errActionMismatch = errors.New("task action or trigger differs from the job's on-chain commitment")

// checkCommitment checks that the home JobRegistry holds an active job whose
// kind and target match the task's and whose commitment is the task's action
// and trigger (attestation.JobCommitment), and returns it.
func checkCommitment(ctx context.Context, jobs *bindings.JobRegistry, t attestation.Task) (onchainJob, error) {
	job, err := readJob(ctx, jobs, t.JobID)
	if err != nil {
		return job, fmt.Errorf("read job %d: %w", t.JobID, err)
	}
	switch {
	case !job.Active:
		return job, fmt.Errorf("%w: job %d is not active", errActionMismatch, t.JobID)
	case job.TaskDefinitionId != uint16(t.TaskDefinitionID):
		return job, fmt.Errorf("%w: task definition %d, job has %d", errActionMismatch, t.TaskDefinitionID, job.TaskDefinitionId)
	case job.Target != t.Action.Target:
		return job, fmt.Errorf("%w: target %s, job has %s", errActionMismatch, t.Action.Target.Hex(), job.Target.Hex())
	case common.Hash(job.SpecHash) != attestation.JobCommitment(t.Action, t.Trigger):
		return job, fmt.Errorf("%w: action and trigger do not hash to the job's commitment", errActionMismatch)
	}
	return job, nil
}

// checkJob checks the task's job on the home chain and, for an action on
// another chain, the job there; it returns the action's site.
func checkJob(ctx context.Context, homeJobs *bindings.JobRegistry, all *sites, t attestation.Task) (*site, error) {
	home, err := checkCommitment(ctx, homeJobs, t)
	if err != nil {
		return nil, err
	}
	st, err := all.of(ctx, t.Action)
	if err != nil {
		return nil, err
	}
	return st, checkSite(ctx, st, t, home)
}

// attester verifies other keepers' results and signs its verdict
// (attestation.Attester). Verification waits for the chain, so each task is
// checked in its own goroutine; the vote journal guarantees one vote per
// task, across restarts.
type attester struct {
	self     common.Address
	key      *attestation.BLSSecretKey
	domain   attestation.Domain
	verifier attestation.Verifier
	journal  *Journal
	log      *zap.Logger
	metrics  *metrics
	tracer   trace.Tracer  // nil: no spans
	grace    time.Duration // how long after the deadline a result is still checked
	// resendGap is the least time between two publications of one vote
	// (0: voteResendGap).
	resendGap time.Duration
	faults    *Faults // nil but in fault-injection tests
	subs      []func(context.Context, attestation.Vote) error

	base context.Context // the node's lifetime
	wg   sync.WaitGroup
	sem  chan struct{}

	mu        sync.Mutex
	inflight  map[common.Hash]inflight // verifications running, by task
	sent      map[common.Hash]sentVote // votes signed, by task, for answering resent results
	lastSweep time.Time
}

// sentVote is a vote this keeper signed and published.
type sentVote struct {
	round uint32
	vote  attestation.Vote
	at    time.Time // last published
}

const (
	// voteResendGap is the least time between two publications of one
	// vote: resent results are answered at most this often, however many
	// copies (or forged resend counts) arrive.
	voteResendGap = 10 * time.Second
	// sentVoteTTL is how long a vote is kept for resending: past the
	// longest a performer resends its result.
	sentVoteTTL = 10 * time.Minute
)

// inflight is a running verification: a later round of its task cancels it.
type inflight struct {
	round  uint32
	cancel context.CancelFunc
}

// track registers the verification of as, cancelling one of an earlier
// round of the task (its performer missed its turn: a claimed transaction
// will never show). It returns false when a later round is already being
// verified, and the function to call when done.
func (a *attester) track(as attestation.Assignment, cancel context.CancelFunc) (bool, func()) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.inflight == nil {
		a.inflight = make(map[common.Hash]inflight)
	}
	id := as.Task.ID
	if cur, ok := a.inflight[id]; ok {
		if cur.round >= as.Round {
			return false, func() {}
		}
		cur.cancel()
	}
	a.inflight[id] = inflight{round: as.Round, cancel: cancel}
	return true, func() {
		a.mu.Lock()
		if cur, ok := a.inflight[id]; ok && cur.round == as.Round {
			delete(a.inflight, id)
		}
		a.mu.Unlock()
	}
}

func (a *attester) Subscribe(fn func(context.Context, attestation.Vote) error) {
	a.subs = append(a.subs, fn)
}

func (a *attester) Attest(ctx context.Context, as attestation.Assignment, r attestation.Result) error {
	if as.Performer == a.self {
		return nil // a performer does not attest its own work
	}
	if v, voted, again := a.resend(as, r); voted {
		if !again {
			return nil
		}
		// The result came again: its task is not finalized, and this
		// keeper's vote may be lost. It publishes it again, as new bytes.
		a.metrics.resent("vote")
		a.log.Debug("vote published again", zap.Stringer("task_id", v.TaskID), zap.Uint32("resend", v.Resend))
		var errs []error
		for _, fn := range a.subs {
			errs = append(errs, fn(ctx, v.Clone()))
		}
		return errors.Join(errs...)
	}
	deadline := time.Unix(as.Deadline, 0).Add(a.grace)
	ctx, cancel := context.WithDeadline(a.base, deadline)
	ok, done := a.track(as, cancel)
	if !ok {
		cancel()
		return nil
	}
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		defer cancel()
		defer done()
		select {
		case a.sem <- struct{}{}:
			defer func() { <-a.sem }()
		case <-ctx.Done():
			return
		}
		ctx, span := tracing.StartTask(ctx, a.tracer, as.Task.ID, "keeper.attest",
			tracing.KeyJobID.Int64(int64(as.Task.JobID)), tracing.KeyTaskDefinitionID.Int(int(as.Task.TaskDefinitionID)),
			tracing.KeyPerformer.String(r.Performer.Hex()), tracing.KeyTxHash.String(r.TxHash.Hex()),
			attribute.String("keeper", a.self.Hex()))
		err := a.attest(ctx, as, r)
		reason := ""
		if err != nil {
			reason = "no_vote"
			if errors.Is(err, ErrConflictingVote) {
				reason = "conflicting_vote"
			}
			a.metrics.failure(reason)
			a.log.Warn("no vote", zap.Stringer("task_id", as.Task.ID), zap.String("reason", reason), zap.Error(err))
		}
		tracing.End(span, err, reason)
	}()
	return nil
}

func (a *attester) attest(ctx context.Context, as attestation.Assignment, r attestation.Result) error {
	log := a.log.With(zap.Stringer("task_id", as.Task.ID))
	var verdict attestation.Verdict
	if a.faults != nil && a.faults.ApproveAll {
		verdict.Approve = true
	} else {
		var err error
		if verdict, err = a.verifier.Verify(ctx, as, r); err != nil {
			return fmt.Errorf("verify result: %w", err)
		}
	}
	v := attestation.Vote{
		TaskID: as.Task.ID, JobID: as.Task.JobID, TaskDefinitionID: as.Task.TaskDefinitionID,
		ResultHash: r.Hash(), Approve: verdict.Approve, Keeper: a.self,
		// An answer to a resent result is new bytes too: the first
		// publication of this vote (before a restart) may have been lost.
		Resend: r.Resend,
	}
	// A child of keeper.attest, from the tracer that started it.
	ctx, span := trace.SpanFromContext(ctx).TracerProvider().Tracer(tracing.Instrumentation).Start(ctx, "keeper.vote",
		trace.WithAttributes(tracing.KeyApprove.Bool(verdict.Approve)))
	err := a.vote(ctx, log, as.Round, v, verdict.Reason, r)
	tracing.End(span, err, verdict.Reason)
	if err == nil && a.faults != nil && a.faults.Equivocate {
		// The other verdict too, past the journal that forbids it.
		v.Approve = !v.Approve
		sig := a.key.Sign(v.Digest(a.domain))
		v.Signature = sig[:]
		for _, fn := range a.subs {
			err = errors.Join(err, fn(ctx, v.Clone()))
		}
	}
	return err
}

// resend looks up the vote this keeper signed on r for as's round: voted
// reports one exists, again that it is due for another publication (r is a
// re-publication and the vote was last published voteResendGap ago or
// more), in which case v is the vote to publish, under r's resend count.
func (a *attester) resend(as attestation.Assignment, r attestation.Result) (v attestation.Vote, voted, again bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	s, ok := a.sent[as.Task.ID]
	if !ok || s.round != as.Round || s.vote.ResultHash != r.Hash() {
		return attestation.Vote{}, false, false
	}
	gap := a.resendGap
	if gap == 0 {
		gap = voteResendGap
	}
	now := time.Now()
	if r.Resend == 0 || now.Sub(s.at) < gap {
		return attestation.Vote{}, true, false
	}
	s.at = now
	a.sent[as.Task.ID] = s
	v = s.vote.Clone()
	v.Resend = r.Resend
	return v, true, true
}

// remember keeps v, signed for round, for answering resent results; it
// also drops the votes older than sentVoteTTL now and then.
func (a *attester) remember(round uint32, v attestation.Vote) {
	now := time.Now()
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.sent == nil {
		a.sent = make(map[common.Hash]sentVote)
	}
	if now.Sub(a.lastSweep) > sentVoteTTL/4 {
		a.lastSweep = now
		for id, s := range a.sent {
			if now.Sub(s.at) > sentVoteTTL {
				delete(a.sent, id)
			}
		}
	}
	a.sent[v.TaskID] = sentVote{round: round, vote: v.Clone(), at: now}
}

// vote signs v (reserving it in the journal first) and hands it to the
// subscribers.
func (a *attester) vote(ctx context.Context, log *zap.Logger, round uint32, v attestation.Vote, reason string, r attestation.Result) error {
	digest := v.Digest(a.domain)
	if err := a.journal.ReserveVote(v.TaskID, digest); err != nil {
		return err
	}
	sig := a.key.Sign(digest)
	v.Signature = sig[:]
	a.remember(round, v)
	a.metrics.voted(v.Approve)
	if !v.Approve {
		a.metrics.failure(reason)
	}
	log.Debug("voted", zap.Bool("approve", v.Approve), zap.String("reason", reason),
		zap.Stringer("performer", r.Performer), zap.Stringer("tx_hash", r.TxHash))
	var errs []error
	for _, fn := range a.subs {
		errs = append(errs, fn(ctx, v.Clone()))
	}
	return errors.Join(errs...)
}

// wait blocks until every running verification has finished.
func (a *attester) wait() { a.wg.Wait() }
