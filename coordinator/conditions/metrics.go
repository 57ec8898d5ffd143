package conditions

import (
	"errors"

	"github.com/triggerx-network/triggerx/coordinator/internal/promreg"

	"github.com/prometheus/client_golang/prometheus"
)

// Evaluation results, the values of the result label.
const (
	resultSatisfied   = "satisfied"
	resultUnsatisfied = "unsatisfied"
	resultSourceError = "source_error" // the value could not be read
	resultFireError   = "fire_error"   // Fire failed; retried at the next evaluation
	resultStateError  = "state_error"  // the edge state could not be loaded
)

// metrics of the scheduler. A nil *metrics records nothing.
type metrics struct {
	evaluations *prometheus.CounterVec // result
	results     map[string]prometheus.Counter
	firings     prometheus.Counter
	duration    prometheus.Histogram
	jobs        prometheus.Gauge
}

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	if reg == nil {
		return nil, nil
	}
	const ns, sub = "triggerx", "conditions"
	m := &metrics{
		evaluations: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: ns, Subsystem: sub, Name: "evaluations_total",
			Help: "Condition evaluations, by result (satisfied, unsatisfied, source_error, fire_error, state_error).",
		}, []string{"result"}),
		firings: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: ns, Subsystem: sub, Name: "firings_total",
			Help: "Condition firings handed to Fire successfully.",
		}),
		duration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Namespace: ns, Subsystem: sub, Name: "evaluation_duration_seconds",
			Help:    "Time to evaluate one condition: read the source, and fire and persist when it fires.",
			Buckets: prometheus.ExponentialBuckets(0.0001, 4, 10), // 100µs … 26s
		}),
		jobs: prometheus.NewGauge(prometheus.GaugeOpts{
			Namespace: ns, Subsystem: sub, Name: "jobs",
			Help: "Condition jobs scheduled.",
		}),
	}
	var errs []error
	m.evaluations = promreg.Register(reg, m.evaluations, &errs)
	m.firings = promreg.Register(reg, m.firings, &errs)
	m.duration = promreg.Register(reg, m.duration, &errs)
	m.jobs = promreg.Register(reg, m.jobs, &errs)
	m.results = make(map[string]prometheus.Counter)
	for _, r := range []string{resultSatisfied, resultUnsatisfied, resultSourceError, resultFireError, resultStateError} {
		m.results[r] = m.evaluations.WithLabelValues(r)
	}
	return m, errors.Join(errs...)
}

func (m *metrics) evaluated(result string, seconds float64) {
	if m != nil {
		m.results[result].Inc()
		m.duration.Observe(seconds)
	}
}

func (m *metrics) fired() {
	if m != nil {
		m.firings.Inc()
	}
}

func (m *metrics) setJobs(n int) {
	if m != nil {
		m.jobs.Set(float64(n))
	}
}
