package conditions_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/coordinator/conditions"
	"github.com/triggerx-network/triggerx/execution/condition"
)

// fastClock runs speed times faster than real time, so that 10,000 jobs
// polled every (clock) second are always due: the scheduler runs saturated
// and the benchmark measures its throughput.
type fastClock struct {
	base  time.Time
	start time.Time
	speed int64
}

func (c fastClock) Now() time.Time {
	return c.base.Add(time.Duration(int64(time.Since(c.start)) * c.speed))
}

func (c fastClock) At(t time.Time) <-chan time.Time {
	return time.After(t.Sub(c.Now()) / time.Duration(c.speed))
}

// countingSource counts reads and signals when the benchmark's quota is met.
type countingSource struct {
	condition.Source
	reads  *atomic.Int64
	target int64
	done   func()
}

func (c countingSource) Read(ctx context.Context) (condition.Reading, error) {
	if c.reads.Add(1) == c.target {
		c.done()
	}
	return c.Source.Read(ctx)
}

const benchJobs = 10_000

// BenchmarkScheduler measures evaluations per second of 10,000 jobs, each
// polled every second on a clock running 1000× fast, with static sources and
// with one HTTP JSON API (httptest on loopback), for several pool sizes.
func BenchmarkScheduler(b *testing.B) {
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"data":{"price":"1234.5678"}}`)
	}))
	defer api.Close()
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConns, transport.MaxIdleConnsPerHost = 256, 128
	deps := condition.Deps{HTTP: &http.Client{Transport: transport}}

	kinds := []struct {
		name string
		src  attestation.ValueSource
	}{
		{"static", attestation.ValueSource{Kind: attestation.SourceStatic, Value: "1234.5678"}},
		{"http", attestation.ValueSource{Kind: attestation.SourceHTTP, URL: api.URL + "/price", KeyPath: "data.price"}},
	}
	for _, kind := range kinds {
		for _, workers := range []int{1, 8, 64} {
			b.Run(fmt.Sprintf("%s/workers=%d", kind.name, workers), func(b *testing.B) {
				benchScheduler(b, workers, kind.src, deps)
			})
		}
	}
}

func benchScheduler(b *testing.B, workers int, src attestation.ValueSource, deps condition.Deps) {
	var (
		reads    atomic.Int64
		doneOnce sync.Once
		quota    = make(chan struct{})
	)
	s, err := conditions.New(conditions.Config{
		Workers: workers,
		Sources: func(v attestation.ValueSource) (condition.Source, error) {
			inner, err := condition.NewSource(v, deps)
			if err != nil {
				return nil, err
			}
			return countingSource{Source: inner, reads: &reads, target: int64(b.N),
				done: func() { doneOnce.Do(func() { close(quota) }) }}, nil
		},
		Fire:       func(context.Context, uint64, attestation.Firing) error { return nil },
		States:     &conditions.MemStates{},
		Clock:      fastClock{base: time.Unix(1_700_000_000, 0), start: time.Now(), speed: 1000},
		Logger:     zap.NewNop(),
		Registerer: prometheus.NewRegistry(),
	})
	if err != nil {
		b.Fatal(err)
	}
	for i := range benchJobs {
		t := attestation.ConditionTrigger{Source: src, Operator: attestation.OpGreaterThan, Lower: "2000",
			PollInterval: 1, Recurring: true}
		if i%2 == 0 {
			t.Operator, t.Lower, t.Upper = attestation.OpBetween, "1000", "2000"
		}
		if err := s.Add(uint64(i), t); err != nil {
			b.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	b.ResetTimer()
	go func() { done <- s.Run(ctx) }()
	<-quota
	b.StopTimer()
	cancel()
	if err := <-done; err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "evals/s")
}
