package node

import (
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
)

// metrics are a node's workflow metrics. A nil *metrics records nothing, so
// stages built without metrics (in unit tests) need no special case.
type metrics struct {
	performed   *prometheus.CounterVec // tasks this keeper executed, by target outcome
	failed      *prometheus.CounterVec // tasks or votes that did not happen, by reason code
	votes       *prometheus.CounterVec // votes signed, by verdict
	certified   *prometheus.CounterVec // certificates built, by verdict
	submissions *prometheus.CounterVec // certificate submissions, by result
	resends     *prometheus.CounterVec // results and votes published again, by message
	batches     *prometheus.CounterVec // batch signatures: keepers' answers, aggregator's outcomes
	execSeconds prometheus.Histogram   // from assignment to mined execution
	failures    *prometheus.CounterVec // triggerx_task_failures_total: reason, component
	component   string                 // the component label of failures: keeper or aggregator
}

// taskFailuresHelp is the help of triggerx_task_failures_total, which the
// coordinator defines too (component="coordinator"); the two must agree.
const taskFailuresHelp = "Tasks, votes and submissions that did not happen, by reason code (docs/reasons.md) and component (keeper, aggregator, coordinator)."

// failureReasons are the reason codes of the catalogue (docs/reasons.md and
// the catalogues it links to), created at 0 in triggerx_task_failures_total
// so that every code appears in /metrics before it first happens. A test
// checks that the catalogue lists nothing missing here.
var failureReasons = []string{
	// node (docs/reasons.md)
	reasonActionMismatch, reasonResultMismatch, reasonSuccessMismatch, reasonNoSite, reasonDeadlinePassed,
	reasonResultMalformed, reasonProofOfTask, reasonResultSignature,
	"no_vote", "conflicting_vote", "submission_timeout",
	reasonScriptsUnsupported, reasonScriptNetwork, reasonTranscript, reasonReplay, reasonSpot,
	reasonScriptOutput, reasonScriptRunMissing, reasonScriptContextBlock,
	"infrastructure",
	// execution (execution/reasons.md)
	"invalid_function", "invalid_argument", "task_already_executed", "owner_cannot_pay", "execution_reverted",
	"tx_not_found", "wrong_hub", "wrong_sender", "wrong_function", "wrong_task", "wrong_target",
	"calldata_mismatch", "tx_failed", "no_execution_log", "execution_log_mismatch",
	// triggers (execution/triggercheck/reasons.md)
	"trigger_invalid", "trigger_key_mismatch", "firing_wrong_chain", "trigger_ended", "executed_too_early",
	"slot_not_on_schedule", "block_not_canonical", "event_tx_not_found", "event_tx_other_block",
	"event_log_not_found", "event_log_wrong_contract", "event_log_wrong_event", "event_filter_not_matched",
	"block_not_on_grid", "condition_wrong_epoch", "condition_value_invalid", "condition_not_satisfied",
	"condition_value_mismatch",
	// script sandbox (execution/sandbox/reasons.md)
	"timeout", "memory_limit", "pids_limit", "output_limit", "nonzero_exit", "sandbox_unavailable",
	"image_missing", "unknown_runtime", "script_too_large", "sandbox_closed", "canceled", "unknown",
	// script output (execution/script/reasons.md)
	"not_script_task", "output_too_large", "output_not_json", "output_not_object", "output_trailing_data",
	"output_unknown_field", "output_duplicate_field", "output_missing_field", "output_bad_field",
	"output_bad_argument", "output_bad_target", "output_bad_calldata", "storage_invalid",
}

func newMetrics(reg prometheus.Registerer, subsystem string) (*metrics, error) {
	counter := func(name, help string, labels ...string) *prometheus.CounterVec {
		return prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: "triggerx", Subsystem: subsystem, Name: name, Help: help}, labels)
	}
	m := &metrics{
		performed:   counter("tasks_performed_total", "Tasks this keeper executed on-chain, by whether the target call succeeded.", "target"),
		failed:      counter("failed_reasons_total", "Work that did not happen (execution, vote, submission), by reason code.", "reason"),
		votes:       counter("votes_total", "Votes signed, by verdict.", "verdict"),
		certified:   counter("certificates_total", "Certificates aggregated at quorum, by verdict.", "verdict"),
		submissions: counter("submissions_total", "Certificate submissions to the AttestationCenter, by result.", "result"),
		resends: counter("resends_total", "Results of unfinalized tasks published again by their performer, and votes published again in answer, by message.",
			"message"),
		batches: counter("batches_total", "Batched attestation: a keeper's answers to batch proposals (signed, declined), an aggregator's batches (submitted, no_quorum, failed).",
			"result"),
		execSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Namespace: "triggerx", Subsystem: subsystem, Name: "execution_duration_seconds",
			Help:    "Time from receiving an assignment to its execution being mined.",
			Buckets: prometheus.ExponentialBuckets(0.25, 2, 10),
		}),
		failures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "triggerx", Name: "task_failures_total", Help: taskFailuresHelp,
		}, []string{"reason", "component"}),
		component: subsystem,
	}
	for _, reason := range failureReasons {
		m.failures.WithLabelValues(reason, subsystem)
	}
	for _, c := range []prometheus.Collector{m.performed, m.failed, m.votes, m.certified, m.submissions, m.resends, m.batches, m.execSeconds, m.failures} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("register metrics: %w", err)
		}
	}
	return m, nil
}

func verdictLabel(approve bool) string {
	if approve {
		return "approve"
	}
	return "reject"
}

func (m *metrics) taskPerformed(success bool, seconds float64) {
	if m == nil {
		return
	}
	label := "failed"
	if success {
		label = "succeeded"
	}
	m.performed.WithLabelValues(label).Inc()
	m.execSeconds.Observe(seconds)
}

func (m *metrics) failure(reason string) {
	if m == nil {
		return
	}
	if reason == "" {
		reason = "infrastructure"
	}
	m.failed.WithLabelValues(reason).Inc()
	m.failures.WithLabelValues(reason, m.component).Inc()
}

func (m *metrics) voted(approve bool) {
	if m != nil {
		m.votes.WithLabelValues(verdictLabel(approve)).Inc()
	}
}

func (m *metrics) certificate(approve bool) {
	if m != nil {
		m.certified.WithLabelValues(verdictLabel(approve)).Inc()
	}
}

func (m *metrics) submission(result string) {
	if m != nil {
		m.submissions.WithLabelValues(result).Inc()
	}
}

// resent counts a result or vote published again ("result", "vote").
func (m *metrics) resent(message string) {
	if m != nil {
		m.resends.WithLabelValues(message).Inc()
	}
}

// batch counts a batch signature's outcome (see metrics.batches).
func (m *metrics) batch(result string) {
	if m != nil {
		m.batches.WithLabelValues(result).Inc()
	}
}
