package coordinator

import (
	"errors"
	"strconv"

	"github.com/triggerx-network/triggerx/coordinator/internal/promreg"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the coordinator's Prometheus metrics. A nil *Metrics is valid
// and records nothing, so metrics stay optional.
type Metrics struct {
	jobsCreated     prometheus.Counter
	tasksScheduled  prometheus.Counter
	tasksDispatched prometheus.Counter
	tasksCompleted  *prometheus.CounterVec // result
	httpRequests    *prometheus.CounterVec // route, code
	monitorBlock    prometheus.Gauge
	offlineSkips    prometheus.Counter
	fallbacks       prometheus.Counter
	taskFailures    *prometheus.CounterVec // reason, component
}

// taskFailuresHelp is the help of triggerx_task_failures_total, which the
// keepers and aggregators define too (package node); the two must agree.
const taskFailuresHelp = "Tasks, votes and submissions that did not happen, by reason code (docs/reasons.md) and component (keeper, aggregator, coordinator)."

// NewMetrics creates the metrics and registers them on reg. Every component
// may call it with the same registerer: collectors already registered there
// are reused, so the components share one set. A nil reg returns nil (no
// metrics).
func NewMetrics(reg prometheus.Registerer) (*Metrics, error) {
	if reg == nil {
		return nil, nil
	}
	const ns, sub = "triggerx", "coordinator"
	m := &Metrics{
		jobsCreated: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: ns, Subsystem: sub, Name: "jobs_created_total",
			Help: "Jobs registered through the REST API.",
		}),
		tasksScheduled: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: ns, Subsystem: sub, Name: "tasks_scheduled_total",
			Help: "Tasks created by the schedulers.",
		}),
		tasksDispatched: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: ns, Subsystem: sub, Name: "tasks_dispatched_total",
			Help: "Signed task assignments published.",
		}),
		tasksCompleted: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: ns, Subsystem: sub, Name: "tasks_completed_total",
			Help: "Tasks that reached a final status, by result (completed, rejected, failed).",
		}, []string{"result"}),
		httpRequests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: ns, Subsystem: sub, Name: "http_requests_total",
			Help: "REST API requests, by route template and status code.",
		}, []string{"route", "code"}),
		monitorBlock: prometheus.NewGauge(prometheus.GaugeOpts{
			Namespace: ns, Subsystem: sub, Name: "monitor_next_block",
			Help: "The next block the completion monitor will read.",
		}),
		offlineSkips: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: ns, Subsystem: sub, Name: "dispatch_offline_skipped_total",
			Help: "Offline keepers the dispatcher passed over for the next of the performer order.",
		}),
		fallbacks: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: ns, Subsystem: sub, Name: "dispatch_fallbacks_total",
			Help: "Tasks handed to the next keeper of the performer order after their performer missed its deadline.",
		}),
		taskFailures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: ns, Name: "task_failures_total", Help: taskFailuresHelp,
		}, []string{"reason", "component"}),
	}
	var errs []error
	m.offlineSkips = promreg.Register(reg, m.offlineSkips, &errs)
	m.fallbacks = promreg.Register(reg, m.fallbacks, &errs)
	m.jobsCreated = promreg.Register(reg, m.jobsCreated, &errs)
	m.tasksScheduled = promreg.Register(reg, m.tasksScheduled, &errs)
	m.tasksDispatched = promreg.Register(reg, m.tasksDispatched, &errs)
	m.tasksCompleted = promreg.Register(reg, m.tasksCompleted, &errs)
	m.httpRequests = promreg.Register(reg, m.httpRequests, &errs)
	m.monitorBlock = promreg.Register(reg, m.monitorBlock, &errs)
	m.taskFailures = promreg.Register(reg, m.taskFailures, &errs)
	for _, reason := range []string{ReasonDispatchTimeout, ReasonJobDeleted, ReasonNoPerformer} {
		m.taskFailures.WithLabelValues(reason, "coordinator")
	}
	if err := errors.Join(errs...); err != nil {
		return m, err
	}
	return m, nil
}

func (m *Metrics) jobCreated(n int) {
	if m != nil {
		m.jobsCreated.Add(float64(n))
	}
}

func (m *Metrics) taskScheduled() {
	if m != nil {
		m.tasksScheduled.Inc()
	}
}

func (m *Metrics) taskDispatched() {
	if m != nil {
		m.tasksDispatched.Inc()
	}
}

func (m *Metrics) taskCompleted(result TaskStatus) {
	if m != nil {
		m.tasksCompleted.WithLabelValues(string(result)).Inc()
	}
}

// taskFailed counts a task the coordinator gave up on, by reason code.
func (m *Metrics) taskFailed(reason string) {
	if m != nil {
		m.taskFailures.WithLabelValues(reason, "coordinator").Inc()
	}
}

func (m *Metrics) httpRequest(route string, code int) {
	if m != nil {
		m.httpRequests.WithLabelValues(route, strconv.Itoa(code)).Inc()
	}
}

func (m *Metrics) monitorNextBlock(b uint64) {
	if m != nil {
		m.monitorBlock.Set(float64(b))
	}
}

func (m *Metrics) offlineSkipped(n int) {
	if m != nil {
		m.offlineSkips.Add(float64(n))
	}
}

func (m *Metrics) fellBack() {
	if m != nil {
		m.fallbacks.Inc()
	}
}
