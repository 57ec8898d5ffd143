package p2p

import (
	"errors"
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
)

// Validation outcomes, the values of the result label.
const (
	resultAccept = "accept"
	resultReject = "reject"
	resultIgnore = "ignore"
)

// metrics are the package's Prometheus metrics. A nil *metrics records
// nothing, so metrics stay optional.
type metrics struct {
	validation  *prometheus.CounterVec
	dropped     *prometheus.CounterVec
	rateLimited *prometheus.CounterVec
	refused     *prometheus.CounterVec
}

// newMetrics registers the metrics on reg, or returns nil if reg is nil.
// Several nodes may share one registry: they then share the collectors.
func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	if reg == nil {
		return nil, nil
	}
	validation, err := register(reg, prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "triggerx_p2p_validation_total",
		Help: "Gossip messages validated, by topic and result (accept, reject, ignore).",
	}, []string{"topic", "result"}))
	if err != nil {
		return nil, err
	}
	dropped, err := register(reg, prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "triggerx_p2p_delivery_dropped_total",
		Help: "Validated gossip messages not handed to a subscriber because its queue was full, by topic.",
	}, []string{"topic"}))
	if err != nil {
		return nil, err
	}
	rateLimited, err := register(reg, prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "triggerx_p2p_rate_limited_total",
		Help: "Gossip messages ignored because the peer that forwarded them exceeded its per-topic rate limit, by topic.",
	}, []string{"topic"}))
	if err != nil {
		return nil, err
	}
	refused, err := register(reg, prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "triggerx_p2p_gater_refused_total",
		Help: "Connections the connection gater refused because Config.Admit refused the peer, by direction (inbound, outbound).",
	}, []string{"direction"}))
	if err != nil {
		return nil, err
	}
	return &metrics{validation: validation, dropped: dropped, rateLimited: rateLimited, refused: refused}, nil
}

func register(reg prometheus.Registerer, c *prometheus.CounterVec) (*prometheus.CounterVec, error) {
	if err := reg.Register(c); err != nil {
		var are prometheus.AlreadyRegisteredError
		if errors.As(err, &are) {
			if existing, ok := are.ExistingCollector.(*prometheus.CounterVec); ok {
				return existing, nil
			}
		}
		return nil, fmt.Errorf("register p2p metrics: %w", err)
	}
	return c, nil
}

func (m *metrics) validated(topic, result string) {
	if m == nil {
		return
	}
	m.validation.WithLabelValues(topic, result).Inc()
}

func (m *metrics) droppedDelivery(topic string) {
	if m == nil {
		return
	}
	m.dropped.WithLabelValues(topic).Inc()
}

func (m *metrics) limited(topic string) {
	if m == nil {
		return
	}
	m.rateLimited.WithLabelValues(topic).Inc()
}

func (m *metrics) refusedConn(direction string) {
	if m == nil {
		return
	}
	m.refused.WithLabelValues(direction).Inc()
}
