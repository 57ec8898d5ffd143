package a

import (
	prom "github.com/prometheus/client_golang/prometheus"
)

const ns = "triggerx"

func newMetrics(reg prom.Registerer, subsystem string) {
	counter := func(name, help string, labels ...string) *prom.CounterVec {
		return prom.NewCounterVec(prom.CounterOpts{Namespace: ns, Subsystem: subsystem, Name: name, Help: help}, labels)
	}
	counter("a_total", "A by reason.", "reason")
	hist(subsystem, "b_seconds")
	const sub = "local"
	prom.NewGaugeVec(prom.GaugeOpts{Namespace: ns, Subsystem: sub, Name: "c", Help: "C."}, []string{"x", "y"})
	prom.NewCounterVec(prom.CounterOpts{Name: ns + "_pkg_d_total", Help: "D."}, nil)
	prom.NewCounter(prom.CounterOpts{Name: "triggerx_aliased_" + "concat_total", Help: "E."})
}

func hist(sub, name string) prom.Histogram {
	return prom.NewHistogram(prom.HistogramOpts{Namespace: ns, Subsystem: sub, Name: name, Help: "B."})
}

func run() {
	newMetrics(nil, "one")
	newMetrics(nil, "two")
}
