package conditions_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/coordinator/conditions"
	"github.com/triggerx-network/triggerx/execution/condition"
)

var t0 = time.Unix(1_700_000_000, 0)

// fakeClock is a clock the test advances.
type fakeClock struct {
	mu      sync.Mutex
	now     time.Time
	waiters []waiter
}

type waiter struct {
	at time.Time
	ch chan time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{now: t0} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) At(t time.Time) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := make(chan time.Time, 1)
	if !t.After(c.now) {
		ch <- c.now
		return ch
	}
	c.waiters = append(c.waiters, waiter{at: t, ch: ch})
	return ch
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	kept := c.waiters[:0]
	for _, w := range c.waiters {
		if w.at.After(c.now) {
			kept = append(kept, w)
			continue
		}
		w.ch <- c.now
	}
	c.waiters = kept
}

// knob is a source whose value the test sets. It counts reads and the
// reads in flight, can block reads until released, and records Close.
type knob struct {
	mu       sync.Mutex
	value    condition.Value
	reading  condition.Reading // block fields added to reads
	err      error
	block    chan struct{} // when set, reads wait for it or their context
	reads    atomic.Int64
	inflight atomic.Int64
	maxIn    atomic.Int64
	closed   atomic.Bool
	delay    time.Duration // real time each read takes
	shared   *peak         // reads in flight across sources
}

// peak tracks a number in flight and its maximum.
type peak struct{ cur, max atomic.Int64 }

func (p *peak) enter() {
	n := p.cur.Add(1)
	for {
		m := p.max.Load()
		if n <= m || p.max.CompareAndSwap(m, n) {
			return
		}
	}
}

func (p *peak) leave() { p.cur.Add(-1) }

func newKnob(t *testing.T, v string) *knob {
	k := &knob{}
	k.set(t, v)
	return k
}

func (k *knob) set(t *testing.T, v string) {
	t.Helper()
	val, err := condition.ParseValue(v)
	require.NoError(t, err)
	k.mu.Lock()
	k.value = val
	k.mu.Unlock()
}

func (k *knob) fail(err error) {
	k.mu.Lock()
	k.err = err
	k.mu.Unlock()
}

func (k *knob) Read(ctx context.Context) (condition.Reading, error) {
	n := k.inflight.Add(1)
	defer k.inflight.Add(-1)
	for {
		m := k.maxIn.Load()
		if n <= m || k.maxIn.CompareAndSwap(m, n) {
			break
		}
	}
	if k.shared != nil {
		k.shared.enter()
		defer k.shared.leave()
	}
	k.reads.Add(1)
	k.mu.Lock()
	block, r, err, delay := k.block, k.reading, k.err, k.delay
	r.Value = k.value
	k.mu.Unlock()
	if delay > 0 {
		time.Sleep(delay)
	}
	if block != nil {
		select {
		case <-block:
		case <-ctx.Done():
			return condition.Reading{}, ctx.Err()
		}
	}
	return r, err
}

func (k *knob) Close() error {
	k.closed.Store(true)
	return nil
}

type fired struct {
	jobID uint64
	f     attestation.Firing
}

// harness runs a scheduler on a fake clock.
type harness struct {
	t       *testing.T
	clock   *fakeClock
	s       *conditions.Scheduler
	reg     *prometheus.Registry
	states  *conditions.MemStates
	sources map[string]condition.Source // by static Value, the job's source key

	mu       sync.Mutex
	firings  []fired
	fireErrs int // Fire fails this many more times

	cancel context.CancelFunc
	done   chan error
}

type option func(*conditions.Config)

func newHarness(t *testing.T, states *conditions.MemStates, clock *fakeClock, sources map[string]condition.Source, opts ...option) *harness {
	t.Helper()
	h := &harness{t: t, clock: clock, reg: prometheus.NewRegistry(), states: states, sources: sources}
	cfg := conditions.Config{
		Workers: 4,
		// Each job's ValueSource is static; its Value names the test
		// source to use.
		Sources: func(v attestation.ValueSource) (condition.Source, error) {
			src, ok := h.sources[v.Value]
			if !ok {
				return nil, errors.New("no such test source")
			}
			return src, nil
		},
		Fire: func(_ context.Context, jobID uint64, f attestation.Firing) error {
			h.mu.Lock()
			defer h.mu.Unlock()
			if h.fireErrs > 0 {
				h.fireErrs--
				return errors.New("dispatch unavailable")
			}
			h.firings = append(h.firings, fired{jobID, f})
			return nil
		},
		States:     states,
		Clock:      clock,
		Logger:     zaptest.NewLogger(t),
		Registerer: h.reg,
	}
	for _, o := range opts {
		o(&cfg)
	}
	s, err := conditions.New(cfg)
	require.NoError(t, err)
	h.s = s
	return h
}

func (h *harness) start() {
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel, h.done = cancel, make(chan error, 1)
	go func() { h.done <- h.s.Run(ctx) }()
	h.t.Cleanup(h.stop)
}

func (h *harness) stop() {
	if h.cancel == nil {
		return
	}
	h.cancel()
	select {
	case err := <-h.done:
		require.NoError(h.t, err)
	case <-time.After(10 * time.Second):
		h.t.Fatal("Run did not return")
	}
	h.cancel = nil
}

// trigger is a recurring greater_than-10 condition polled every second,
// reading the test source named src.
func trigger(src string) attestation.ConditionTrigger {
	return attestation.ConditionTrigger{
		Source:   attestation.ValueSource{Kind: attestation.SourceStatic, Value: src},
		Operator: attestation.OpGreaterThan, Lower: "10", PollInterval: 1, Recurring: true,
	}
}

// evals returns the evaluations counted by the metrics, by result.
func (h *harness) evals() map[string]float64 {
	mfs, err := h.reg.Gather()
	require.NoError(h.t, err)
	out := map[string]float64{}
	for _, mf := range mfs {
		if mf.GetName() != "triggerx_conditions_evaluations_total" {
			continue
		}
		for _, m := range mf.GetMetric() {
			out[m.GetLabel()[0].GetValue()] += m.GetCounter().GetValue()
			out["all"] += m.GetCounter().GetValue()
		}
	}
	return out
}

// waitEvals waits until at least n evaluations have completed.
func (h *harness) waitEvals(n float64) {
	h.t.Helper()
	require.Eventually(h.t, func() bool { return h.evals()["all"] >= n }, 10*time.Second, time.Millisecond,
		"want %v evaluations", n)
}

// tick advances the clock one second and waits for jobs more evaluations.
func (h *harness) tick(jobs int) {
	h.t.Helper()
	before := h.evals()["all"]
	h.clock.Advance(time.Second)
	h.waitEvals(before + float64(jobs))
}

func (h *harness) fired() []fired {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]fired(nil), h.firings...)
}

func (h *harness) epochs() []uint64 {
	var out []uint64
	for _, f := range h.fired() {
		out = append(out, f.f.Epoch)
	}
	return out
}
