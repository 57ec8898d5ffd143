package lease

import (
	"errors"

	"github.com/triggerx-network/triggerx/coordinator/internal/promreg"

	"github.com/prometheus/client_golang/prometheus"
)

// Loss reasons (label reason of triggerx_lease_losses_total).
const (
	reasonNotHeld = "not_held"
	reasonExpired = "expired"
)

// Claim results (label result of triggerx_lease_claims_total).
const (
	claimClaimed   = "claimed"
	claimDuplicate = "duplicate"
	claimError     = "error"
)

// metrics are the package's Prometheus metrics. A nil *metrics records
// nothing.
type metrics struct {
	acquisitions prometheus.Counter
	losses       *prometheus.CounterVec // reason
	releases     prometheus.Counter
	owned        prometheus.Gauge
	members      prometheus.Gauge
	claims       *prometheus.CounterVec // result
}

// newMetrics creates the metrics and registers them on reg, reusing
// collectors already registered there so that the Sharder, Lockers and
// Guards of one process share them. A nil reg returns nil.
func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	if reg == nil {
		return nil, nil
	}
	const ns, sub = "triggerx", "lease"
	m := &metrics{
		acquisitions: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: ns, Subsystem: sub, Name: "acquisitions_total",
			Help: "Leases acquired (partition leases and named leases).",
		}),
		losses: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: ns, Subsystem: sub, Name: "losses_total",
			Help: "Leases lost before release, by reason (not_held: renewal found the key gone or taken; expired: not renewed in time).",
		}, []string{"reason"}),
		releases: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: ns, Subsystem: sub, Name: "releases_total",
			Help: "Leases released by their holder (rebalancing, shutdown, Release).",
		}),
		owned: prometheus.NewGauge(prometheus.GaugeOpts{
			Namespace: ns, Subsystem: sub, Name: "owned_partitions",
			Help: "Job partitions this coordinator instance owns.",
		}),
		members: prometheus.NewGauge(prometheus.GaugeOpts{
			Namespace: ns, Subsystem: sub, Name: "live_instances",
			Help: "Live coordinator instances seen in the member set at the last heartbeat.",
		}),
		claims: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: ns, Subsystem: sub, Name: "claims_total",
			Help: "Firing claims, by result (claimed, duplicate, error).",
		}, []string{"result"}),
	}
	var errs []error
	m.acquisitions = promreg.Register(reg, m.acquisitions, &errs)
	m.losses = promreg.Register(reg, m.losses, &errs)
	m.releases = promreg.Register(reg, m.releases, &errs)
	m.owned = promreg.Register(reg, m.owned, &errs)
	m.members = promreg.Register(reg, m.members, &errs)
	m.claims = promreg.Register(reg, m.claims, &errs)
	return m, errors.Join(errs...)
}

func (m *metrics) acquired(n int) {
	if m != nil && n > 0 {
		m.acquisitions.Add(float64(n))
	}
}

func (m *metrics) lost(reason string) {
	if m != nil {
		m.losses.WithLabelValues(reason).Inc()
	}
}

func (m *metrics) released() {
	if m != nil {
		m.releases.Inc()
	}
}

func (m *metrics) ownedPartitions(n int) {
	if m != nil {
		m.owned.Set(float64(n))
	}
}

func (m *metrics) liveInstances(n int) {
	if m != nil {
		m.members.Set(float64(n))
	}
}

func (m *metrics) claim(result string) {
	if m != nil {
		m.claims.WithLabelValues(result).Inc()
	}
}
