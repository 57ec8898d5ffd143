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
	execSeconds prometheus.Histogram   // from assignment to mined execution
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
		execSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Namespace: "triggerx", Subsystem: subsystem, Name: "execution_duration_seconds",
			Help:    "Time from receiving an assignment to its execution being mined.",
			Buckets: prometheus.ExponentialBuckets(0.25, 2, 10),
		}),
	}
	for _, c := range []prometheus.Collector{m.performed, m.failed, m.votes, m.certified, m.submissions, m.execSeconds} {
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
