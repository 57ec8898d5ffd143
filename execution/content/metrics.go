package content

import (
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
)

// Block sources, the values of the source label.
const (
	sourceBitswap = "bitswap"
	sourceGateway = "gateway"
)

// Get results, the values of the result label.
const (
	resultLocal   = "local"   // served from the store
	resultFetched = "fetched" // fetched from peers or gateways
	resultError   = "error"
)

// metrics are the package's Prometheus metrics. A nil *metrics records
// nothing.
type metrics struct {
	gets       *prometheus.CounterVec
	blocks     *prometheus.CounterVec
	rejected   *prometheus.CounterVec
	fallbacks  prometheus.Counter
	evictions  prometheus.Counter
	storeBytes prometheus.Gauge
	storeFiles prometheus.Gauge
}

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	if reg == nil {
		return nil, nil
	}
	m := &metrics{
		gets: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "triggerx_content_gets_total",
			Help: "Files requested with Get, by result (local, fetched, error).",
		}, []string{"result"}),
		blocks: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "triggerx_content_fetched_blocks_total",
			Help: "Verified blocks fetched, by source (bitswap, gateway).",
		}, []string{"source"}),
		rejected: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "triggerx_content_rejected_blocks_total",
			Help: "Blocks discarded because their bytes did not match the CID, by source.",
		}, []string{"source"}),
		fallbacks: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "triggerx_content_gateway_fallbacks_total",
			Help: "Fetches that fell back to HTTP gateways after bitswap did not deliver in time.",
		}),
		evictions: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "triggerx_content_evictions_total",
			Help: "Files evicted from the store to keep within its budget.",
		}),
		storeBytes: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "triggerx_content_store_bytes",
			Help: "Bytes of distinct blocks in the content store.",
		}),
		storeFiles: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "triggerx_content_store_files",
			Help: "Files in the content store.",
		}),
	}
	for _, c := range []prometheus.Collector{
		m.gets, m.blocks, m.rejected, m.fallbacks, m.evictions, m.storeBytes, m.storeFiles,
	} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("register content metrics: %w", err)
		}
	}
	return m, nil
}

func (m *metrics) get(result string) {
	if m != nil {
		m.gets.WithLabelValues(result).Inc()
	}
}

func (m *metrics) block(source string) {
	if m != nil {
		m.blocks.WithLabelValues(source).Inc()
	}
}

func (m *metrics) reject(source string) {
	if m != nil {
		m.rejected.WithLabelValues(source).Inc()
	}
}

func (m *metrics) fallback() {
	if m != nil {
		m.fallbacks.Inc()
	}
}

func (m *metrics) evicted() {
	if m != nil {
		m.evictions.Inc()
	}
}

func (m *metrics) setStore(files int, bytes int64) {
	if m != nil {
		m.storeFiles.Set(float64(files))
		m.storeBytes.Set(float64(bytes))
	}
}
