package dynamic

import (
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
)

func newMetric(i int) prometheus.Counter {
	return prometheus.NewCounter(prometheus.CounterOpts{Name: fmt.Sprintf("triggerx_%d_total", i), Help: "Dynamic."})
}
