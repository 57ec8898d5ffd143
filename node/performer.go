package node

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts/bindings"
	"github.com/triggerx-network/triggerx/execution"
	"github.com/triggerx-network/triggerx/node/tracing"
)

// performer executes the tasks assigned to this keeper (attestation.Performer).
//
// Exactly-once rests on three layers: the hub refuses a task id it has
// executed; the journal remembers each execution, so a restarted keeper
// re-publishes the result instead of executing again; and if the keeper died
// between sending and journaling, the hub's TaskExecuted log names the
// transaction to rebuild the result from.
type performer struct {
	self    common.Address
	key     signerKey
	domain  attestation.Domain
	jobs    *bindings.JobRegistry // the home chain's
	sites   *sites                // where actions execute, with a sender each
	journal *Journal
	scripts *scriptRunner
	log     *zap.Logger
	metrics *metrics
	tracer  trace.Tracer // nil: no spans
	faults  *Faults      // nil but in fault-injection tests
	subs    []func(context.Context, attestation.Result) error

	base    context.Context
	wg      sync.WaitGroup
	mu      sync.Mutex
	running map[common.Hash]bool
}

// errDeadlinePassed: the assignment's deadline passed before the
// performer could send its execution.
var errDeadlinePassed = errors.New("the assignment's deadline has passed")

// sendMargin is how long before its deadline a performer stops sending:
// with the coordinator's fallback grace (5s) after the deadline, a
// transaction has that much time to be mined before the task may be handed
// on.
const sendMargin = 3 * time.Second

// reasonDeadlinePassed is errDeadlinePassed's reason code.
const reasonDeadlinePassed = "deadline_passed"

// errScriptsUnsupported: this keeper cannot run job scripts yet.
var errScriptsUnsupported = errors.New("this keeper does not run job scripts yet")

// signerKey signs results with the keeper's controller key.
type signerKey func(common.Hash) ([]byte, error)

func (p *performer) Subscribe(fn func(context.Context, attestation.Result) error) {
	p.subs = append(p.subs, fn)
}

func (p *performer) Perform(_ context.Context, a attestation.Assignment) error {
	if a.Performer != p.self && (p.faults == nil || !p.faults.ExecuteUnassigned) {
		return nil
	}
	p.mu.Lock()
	if p.running[a.Task.ID] {
		p.mu.Unlock()
		return nil
	}
	p.running[a.Task.ID] = true
	p.mu.Unlock()
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		defer func() {
			p.mu.Lock()
			delete(p.running, a.Task.ID)
			p.mu.Unlock()
		}()
		ctx, cancel := context.WithDeadline(p.base, time.Unix(a.Deadline, 0).Add(time.Minute))
		defer cancel()
		ctx, span := tracing.StartTask(ctx, p.tracer, a.Task.ID, "keeper.perform",
			tracing.KeyJobID.Int64(int64(a.Task.JobID)), tracing.KeyTaskDefinitionID.Int(int(a.Task.TaskDefinitionID)),
			tracing.KeyPerformer.String(p.self.Hex()))
		var (
			spanErr    error
			spanReason string
		)
		defer func() { tracing.End(span, spanErr, spanReason) }()
		log := p.log.With(zap.Stringer("task_id", a.Task.ID), zap.Uint64("job_id", a.Task.JobID))
		start := time.Now()
		r, err := p.perform(ctx, log, a)
		if err != nil {
			reason := execution.Reason(err)
			switch {
			case errors.Is(err, errActionMismatch):
				reason = reasonActionMismatch
			case errors.Is(err, errNoSite):
				reason = reasonNoSite
			case errors.Is(err, errDeadlinePassed):
				reason = reasonDeadlinePassed
			case scriptReason(err) != "":
				reason = scriptReason(err)
			}
			p.metrics.failure(reason)
			log.Warn("task not performed", zap.String("reason", reason), zap.Error(err))
			spanErr, spanReason = err, reason
			return
		}
		if r == nil {
			span.SetAttributes(tracing.KeyReason.String("executed_by_another_keeper"))
			return
		}
		span.SetAttributes(tracing.KeyTxHash.String(r.TxHash.Hex()), attribute.Bool("target_success", r.Success))
		p.metrics.taskPerformed(r.Success, time.Since(start).Seconds())
		for _, fn := range p.subs {
			if err := fn(ctx, r.Clone()); err != nil {
				log.Warn("publish result", zap.Error(err))
			}
		}
	}()
	return nil
}

func (p *performer) perform(ctx context.Context, log *zap.Logger, a attestation.Assignment) (*attestation.Result, error) {
	t := a.Task
	rec, found, err := p.journal.Execution(t.ID)
	if err != nil {
		return nil, err
	}
	if found && rec.Done {
		log.Debug("already performed; re-publishing result")
		var r attestation.Result
		if err := json.Unmarshal(rec.Result, &r); err != nil {
			return nil, fmt.Errorf("decode journaled result: %w", err)
		}
		return &r, nil
	}
	st, err := checkJob(ctx, p.jobs, p.sites, t)
	if err != nil {
		return nil, fmt.Errorf("refuse task: %w", err)
	}
	var (
		calldata []byte
		run      *attestation.ScriptRun
		target   = t.Action.Target
	)
	switch {
	case found && rec.Calldata != nil:
		// Sent before a restart: the journal has what was sent.
		calldata, run, target = rec.Calldata, rec.Script, rec.Target
	case t.TaskDefinitionID.HasScript():
		head, err := st.chain.HeaderByNumber(ctx, nil)
		if err != nil {
			return nil, fmt.Errorf("read head: %w", err)
		}
		out, r, err := p.scripts.run(ctx, st.chain, t, head.Number.Uint64(), nil)
		if err != nil {
			return nil, err
		}
		calldata, run = out.Calldata, r
		log.Debug("script ran", zap.Stringer("output_hash", r.OutputHash), zap.Uint64("duration_ms", r.Resources.DurationMs))
		if t.TaskDefinitionID == attestation.CustomScript {
			if !out.ShouldExecute {
				return p.decline(t, run)
			}
			target = out.Target
		}
	default:
		if calldata, err = execution.EncodeCall(t.Action.Function, t.Action.Arguments); err != nil {
			return nil, fmt.Errorf("encode call: %w", err)
		}
	}
	if !found {
		calldata = p.faults.tamper(calldata)
	}

	var txHash common.Hash
	var success bool
	if found {
		// Sent before a restart: wait for that transaction, never send another.
		txHash = rec.TxHash
		success, err = p.outcome(ctx, st, t.ID, txHash)
	} else {
		// After its deadline the task may be another keeper's (the
		// coordinator's fallback): executing late could only race it. A
		// transaction sent just before the deadline may land after it, so
		// the performer keeps a margin.
		if time.Until(time.Unix(a.Deadline, 0)) < sendMargin {
			return nil, fmt.Errorf("%w: deadline %s", errDeadlinePassed, time.Unix(a.Deadline, 0).UTC().Format(time.RFC3339))
		}
		if p.faults != nil && p.faults.BeforeExecute != nil {
			p.faults.BeforeExecute(ctx, a)
		}
		if p.faults != nil && p.faults.ClaimUnsent {
			return p.sign(t, inventedTx(), calldata, true, run)
		}
		log.Debug("executing", zap.Stringer("target", t.Action.Target), zap.String("function", t.Action.Function))
		var tx *types.Transaction
		tx, _, success, err = st.sender.ExecuteTask(ctx, st.hubAddr, st.jobID(t), t.ID, target, calldata)
		if errors.Is(err, execution.ErrTaskAlreadyExecuted) {
			var by common.Address
			txHash, by, success, err = p.findExecution(ctx, st, t.ID)
			if err == nil && by != p.self {
				if a.Performer != p.self {
					return nil, nil // not ours to report
				}
				// Someone else executed this keeper's task: report what the
				// chain holds, so that the attesters judge it (they reject
				// an execution sent by another than the assigned performer)
				// and the task is settled on-chain, naming who did it.
				log.Warn("task executed by another keeper than its performer", zap.Stringer("keeper", by),
					zap.Stringer("tx_hash", txHash))
				return p.sign(t, txHash, calldata, success, run)
			}
		} else if tx != nil {
			txHash = tx.Hash()
		}
		if txHash != (common.Hash{}) {
			if jerr := p.journal.RecordExecution(t.ID, ExecutionRecord{TxHash: txHash, Calldata: calldata, Target: target, Script: run}); jerr != nil {
				return nil, jerr
			}
		}
	}
	if err != nil {
		return nil, err
	}
	r := attestation.Result{
		TaskID: t.ID, JobID: t.JobID, TaskDefinitionID: t.TaskDefinitionID, Performer: p.self,
		TxHash: txHash, Calldata: calldata, Success: success, Script: run,
	}
	r.Signature, err = p.key(r.Digest(p.domain))
	if err != nil {
		return nil, err
	}
	enc, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	if err := p.journal.RecordExecution(t.ID, ExecutionRecord{TxHash: txHash, Calldata: calldata, Target: target, Script: run, Done: true, Result: enc}); err != nil {
		return nil, err
	}
	log.Info("task executed", zap.Stringer("tx_hash", txHash), zap.Bool("target_success", success))
	return &r, nil
}

// sign builds and signs a result without journaling it: for an execution
// this keeper did not send.
func (p *performer) sign(t attestation.Task, txHash common.Hash, calldata []byte, success bool, run *attestation.ScriptRun) (*attestation.Result, error) {
	r := attestation.Result{
		TaskID: t.ID, JobID: t.JobID, TaskDefinitionID: t.TaskDefinitionID, Performer: p.self,
		TxHash: txHash, Calldata: calldata, Success: success, Script: run,
	}
	var err error
	if r.Signature, err = p.key(r.Digest(p.domain)); err != nil {
		return nil, err
	}
	return &r, nil
}

// decline builds the result of a custom-script task whose script decided
// not to call anything: no transaction, the script run as evidence.
func (p *performer) decline(t attestation.Task, run *attestation.ScriptRun) (*attestation.Result, error) {
	r := attestation.Result{TaskID: t.ID, JobID: t.JobID, TaskDefinitionID: t.TaskDefinitionID, Performer: p.self, Script: run}
	var err error
	if r.Signature, err = p.key(r.Digest(p.domain)); err != nil {
		return nil, err
	}
	enc, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	if err := p.journal.RecordExecution(t.ID, ExecutionRecord{Script: run, Done: true, Result: enc}); err != nil {
		return nil, err
	}
	return &r, nil
}

// outcome waits for a journaled transaction and reads the target's success
// from its TaskExecuted log.
func (p *performer) outcome(ctx context.Context, st *site, taskID, txHash common.Hash) (bool, error) {
	receipt, err := st.sender.WaitReceipt(ctx, txHash)
	if err != nil {
		return false, err
	}
	for _, l := range receipt.Logs {
		ev, err := st.hub.ParseTaskExecuted(*l)
		if err == nil && common.Hash(ev.TaskId) == taskID {
			return ev.Success, nil
		}
	}
	return false, fmt.Errorf("%w in tx %s", execution.ErrNoExecutionLog, txHash.Hex())
}

// findExecution looks up who executed taskID from the hub's logs.
func (p *performer) findExecution(ctx context.Context, st *site, taskID common.Hash) (common.Hash, common.Address, bool, error) {
	it, err := st.hub.FilterTaskExecuted(&bind.FilterOpts{Context: ctx}, [][32]byte{taskID}, nil, nil)
	if err != nil {
		return common.Hash{}, common.Address{}, false, fmt.Errorf("find execution of %s: %w", taskID.Hex(), err)
	}
	defer it.Close()
	if !it.Next() {
		if it.Error() != nil {
			return common.Hash{}, common.Address{}, false, fmt.Errorf("find execution of %s: %w", taskID.Hex(), it.Error())
		}
		return common.Hash{}, common.Address{}, false, fmt.Errorf("find execution of %s: %w", taskID.Hex(), execution.ErrNoExecutionLog)
	}
	return it.Event.Raw.TxHash, it.Event.Keeper, it.Event.Success, nil
}

func (p *performer) wait() { p.wg.Wait() }
