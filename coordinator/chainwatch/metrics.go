package chainwatch

import (
	"errors"
	"strconv"

	"github.com/triggerx-network/triggerx/coordinator/internal/promreg"

	"github.com/prometheus/client_golang/prometheus"
)

// metrics are one Watcher's Prometheus metrics, curried with its chain. A
// nil *metrics is valid and records nothing.
type metrics struct {
	head        prometheus.Gauge
	processed   *prometheus.GaugeVec // poller
	logs        prometheus.Counter
	rangeErrors prometheus.Counter
}

// newMetrics registers the metrics on reg, reusing collectors already
// registered there, so that the Watchers of several chains share them. A nil
// reg returns nil (no metrics).
func newMetrics(reg prometheus.Registerer, chainID uint64) (*metrics, error) {
	if reg == nil {
		return nil, nil
	}
	const ns, sub = "triggerx", "chainwatch"
	head := prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Namespace: ns, Subsystem: sub, Name: "head_block",
		Help: "The latest block number the chain watcher saw, by chain.",
	}, []string{"chain"})
	processed := prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Namespace: ns, Subsystem: sub, Name: "processed_block",
		Help: "The last block a poller processed completely, by chain and poller.",
	}, []string{"chain", "poller"})
	logs := prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: ns, Subsystem: sub, Name: "logs_total",
		Help: "Logs delivered to subscribers in processed ranges, by chain.",
	}, []string{"chain"})
	rangeErrors := prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: ns, Subsystem: sub, Name: "range_errors_total",
		Help: "Failed attempts to process a block range (chain queries or subscribers), by chain; the range is retried.",
	}, []string{"chain"})
	var errs []error
	head = promreg.Register(reg, head, &errs)
	processed = promreg.Register(reg, processed, &errs)
	logs = promreg.Register(reg, logs, &errs)
	rangeErrors = promreg.Register(reg, rangeErrors, &errs)
	chain := strconv.FormatUint(chainID, 10)
	perPoller, err := processed.CurryWith(prometheus.Labels{"chain": chain})
	if err != nil {
		return nil, errors.Join(append(errs, err)...)
	}
	m := &metrics{
		head:        head.WithLabelValues(chain),
		processed:   perPoller,
		logs:        logs.WithLabelValues(chain),
		rangeErrors: rangeErrors.WithLabelValues(chain),
	}
	return m, errors.Join(errs...)
}

func (m *metrics) setHead(n uint64) {
	if m != nil {
		m.head.Set(float64(n))
	}
}

func (m *metrics) setProcessed(poller string, n uint64) {
	if m != nil {
		m.processed.WithLabelValues(poller).Set(float64(n))
	}
}

func (m *metrics) deletePoller(poller string) {
	if m != nil {
		m.processed.DeleteLabelValues(poller)
	}
}

func (m *metrics) addLogs(n int) {
	if m != nil {
		m.logs.Add(float64(n))
	}
}

func (m *metrics) rangeError() {
	if m != nil {
		m.rangeErrors.Inc()
	}
}
