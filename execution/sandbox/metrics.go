package sandbox

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// metrics is nil-safe: a nil *metrics records nothing.
type metrics struct {
	runs     *prometheus.CounterVec
	duration *prometheus.HistogramVec
	warm     *prometheus.CounterVec
	ready    *prometheus.GaugeVec
}

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	if reg == nil {
		return nil, nil
	}
	m := &metrics{
		runs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "triggerx_sandbox_runs_total",
			Help: "Script runs by runtime and reason code (empty reason = success).",
		}, []string{"runtime", "reason"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "triggerx_sandbox_run_duration_seconds",
			Help:    "Wall-clock duration of script runs.",
			Buckets: prometheus.ExponentialBuckets(0.01, 2, 12),
		}, []string{"runtime"}),
		warm: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "triggerx_sandbox_container_acquired_total",
			Help: "Containers handed to runs, by runtime and source (warm pool or cold create).",
		}, []string{"runtime", "source"}),
		ready: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "triggerx_sandbox_pool_ready_containers",
			Help: "Warm containers ready per runtime.",
		}, []string{"runtime"}),
	}
	for _, c := range []prometheus.Collector{m.runs, m.duration, m.warm, m.ready} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

func (m *metrics) observeRun(rt Runtime, reason string, d time.Duration) {
	if m == nil {
		return
	}
	m.runs.WithLabelValues(string(rt), reason).Inc()
	m.duration.WithLabelValues(string(rt)).Observe(d.Seconds())
}

func (m *metrics) acquired(rt Runtime, warm bool) {
	if m == nil {
		return
	}
	src := "cold"
	if warm {
		src = "warm"
	}
	m.warm.WithLabelValues(string(rt), src).Inc()
}

func (m *metrics) setReady(rt Runtime, n int) {
	if m == nil {
		return
	}
	m.ready.WithLabelValues(string(rt)).Set(float64(n))
}
