package schedule_test

// Benchmarks. Defaults are modest; scale the job count to a million with
//
//	go test ./coordinator/schedule -run '^$' -bench . -schedule.n=1000000
//
// or TRIGGERX_BENCH_JOBS=1000000. BenchmarkLateness runs ~2×10s (set
// -schedule.duration) and prints a comparison table with robfig/cron v3.

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	robfig "github.com/robfig/cron/v3"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/coordinator/schedule"
)

var (
	benchJobs     = flag.Int("schedule.n", defaultBenchJobs(), "jobs in the queue and lateness benchmarks (env TRIGGERX_BENCH_JOBS)")
	benchDuration = flag.Duration("schedule.duration", 10*time.Second, "length of each lateness run")
	benchRate     = flag.Int("schedule.rate", 3000, "target firings per second of the lateness run")
)

func defaultBenchJobs() int {
	if n, err := strconv.Atoi(os.Getenv("TRIGGERX_BENCH_JOBS")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

func BenchmarkNext(b *testing.B) {
	base := int64(1767225600) // 2026-01-01T00:00:00Z
	times := make([]int64, 100)
	for i := range times {
		times[i] = base + int64(i)*3607
	}
	for _, bc := range []struct {
		name string
		trig attestation.TimeTrigger
	}{
		{"interval", attestation.TimeTrigger{Schedule: attestation.ScheduleInterval, Interval: 300, Start: base}},
		{"once-100", attestation.TimeTrigger{Schedule: attestation.ScheduleOnce, Times: times}},
		{"cron-simple-utc", cron("*/5 * * * *", "")},
		{"cron-daily-utc", cron("30 9 * * *", "")},
		{"cron-quarter-hours-ny", cron("*/15 * * * *", "America/New_York")},
		{"cron-complex-ny", cron("15 30 9-17/2 1-7,15 JAN-JUN,SEP MON-FRI", "America/New_York")},
		{"cron-weekly-berlin", cron("0 30 2 * * SUN", "Europe/Berlin")},
		{"cron-leap-day", cron("0 0 29 2 *", "")},
	} {
		b.Run(bc.name, func(b *testing.B) {
			s, err := schedule.Parse(bc.trig)
			if err != nil {
				b.Fatal(err)
			}
			r := rand.New(rand.NewPCG(1, 1))
			afters := make([]time.Time, 1024)
			for i := range afters {
				afters[i] = time.Unix(base+r.Int64N(366*86400), 0)
			}
			i := 0
			for b.Loop() {
				if _, ok := s.Next(afters[i&1023]); !ok && bc.name != "once-100" {
					b.Fatal("no next slot")
				}
				i++
			}
		})
	}
}

func BenchmarkParseCron(b *testing.B) {
	for b.Loop() {
		if _, err := schedule.ParseCron("15 30 9-17/2 1-7,15 JAN-JUN,SEP MON-FRI", time.UTC); err != nil {
			b.Fatal(err)
		}
	}
}

// heapAlloc returns the live heap after a full collection.
func heapAlloc() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func BenchmarkQueue(b *testing.B) {
	n := *benchJobs
	t0 := time.Unix(1767225600, 0)
	r := rand.New(rand.NewPCG(2, 2))
	// Times spread over a day, at whole seconds like real slots.
	randTime := func() time.Time { return t0.Add(time.Duration(r.IntN(86400)) * time.Second) }
	fill := func(q *schedule.Queue) {
		for i := range n {
			q.Set(uint64(i), randTime())
		}
	}
	name := func(s string) string { return fmt.Sprintf("%s/n=%d", s, n) }

	for _, hint := range []bool{false, true} {
		b.Run(name(map[bool]string{false: "memory-grown", true: "memory-sized"}[hint]), func(b *testing.B) {
			var perJob float64
			first := true
			for b.Loop() {
				before := heapAlloc()
				q := &schedule.Queue{}
				if hint {
					q = schedule.NewQueue(n)
				}
				fill(q)
				if first {
					perJob = float64(heapAlloc()-before) / float64(n)
					first = false
				}
				runtime.KeepAlive(q)
			}
			b.ReportMetric(perJob, "bytes/job")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/set")
		})
	}

	q := schedule.NewQueue(n)
	fill(q)
	b.Run(name("set-move"), func(b *testing.B) {
		for b.Loop() {
			q.Set(uint64(r.IntN(n)), randTime())
		}
	})
	b.Run(name("remove-insert"), func(b *testing.B) {
		for b.Loop() {
			id := uint64(r.IntN(n))
			q.Remove(id)
			q.Set(id, randTime())
		}
	})
	b.Run(name("popdue-rearm"), func(b *testing.B) {
		// Pop the earliest job and queue it a day later: the steady state
		// of a scheduler firing interval jobs.
		var buf []schedule.Entry
		for b.Loop() {
			e, _ := q.Peek()
			buf = q.AppendDue(buf[:0], e.At, 1)
			q.Set(buf[0].ID, buf[0].At.Add(24*time.Hour))
		}
	})
	b.Run(name("peek"), func(b *testing.B) {
		for b.Loop() {
			q.Peek()
		}
	})
}

// latenessResult is one implementation's lateness run.
type latenessResult struct {
	impl        string
	n           int
	firings     int
	duration    time.Duration
	lateness    []time.Duration // sorted
	bytesPerJob float64
}

func (r latenessResult) quantile(q float64) time.Duration {
	if len(r.lateness) == 0 {
		return 0
	}
	return r.lateness[min(len(r.lateness)-1, int(q*float64(len(r.lateness))))]
}

// setupMargin is the time left for building n jobs before the first slot.
func setupMargin(n int) time.Duration { return 2*time.Second + time.Duration(n)*5*time.Microsecond }

// latenessJobs returns n interval jobs (start, every in seconds) firing
// about rate times per second in total from base on, the first slot of each
// spread uniformly over its interval.
func latenessJobs(n, rate int, base int64) (start, every []int64) {
	r := rand.New(rand.NewPCG(3, 3))
	mean := max(1, float64(n)/float64(rate)) // every ∈ [mean/2, 3·mean/2]
	start, every = make([]int64, n), make([]int64, n)
	for i := range n {
		every[i] = max(1, int64(mean/2+r.Float64()*mean))
		start[i] = base + r.Int64N(every[i])
	}
	return start, every
}

// BenchmarkLateness fires N interval jobs for -schedule.duration, once from
// a Queue in a loop that sleeps until the earliest slot and once through
// robfig/cron v3, and prints the lateness of each firing (the time the job
// was handed over minus its slot).
func BenchmarkLateness(b *testing.B) {
	n, dur := *benchJobs, *benchDuration
	var results []latenessResult
	b.Run(fmt.Sprintf("queue/n=%d", n), func(b *testing.B) {
		res := runQueueLateness(n, dur)
		reportLateness(b, res)
		results = append(results, res)
	})
	b.Run(fmt.Sprintf("robfig/n=%d", n), func(b *testing.B) {
		res := runRobfigLateness(n, dur)
		reportLateness(b, res)
		results = append(results, res)
	})
	fmt.Printf("\nfiring lateness: %d jobs, %s per run, target %d firings/s, GOMAXPROCS=%d\n",
		n, dur, *benchRate, runtime.GOMAXPROCS(0))
	fmt.Printf("%-16s %9s %10s %10s %10s %10s %10s\n", "implementation", "firings", "firings/s", "p50", "p99", "max", "bytes/job")
	for _, r := range results {
		fmt.Printf("%-16s %9d %10.0f %10s %10s %10s %10.0f\n", r.impl, r.firings,
			float64(r.firings)/r.duration.Seconds(), r.quantile(0.5).Round(time.Microsecond),
			r.quantile(0.99).Round(time.Microsecond), r.quantile(1).Round(time.Microsecond), r.bytesPerJob)
	}
}

func reportLateness(b *testing.B, r latenessResult) {
	b.ReportMetric(float64(r.quantile(0.5).Microseconds()), "p50-µs")
	b.ReportMetric(float64(r.quantile(0.99).Microseconds()), "p99-µs")
	b.ReportMetric(float64(r.quantile(1).Microseconds()), "max-µs")
	b.ReportMetric(float64(r.firings)/r.duration.Seconds(), "firings/s")
	b.ReportMetric(r.bytesPerJob, "bytes/job")
}

func runQueueLateness(n int, dur time.Duration) latenessResult {
	before := heapAlloc()
	base := time.Now().Add(setupMargin(n)).Truncate(time.Second)
	start, every := latenessJobs(n, *benchRate, base.Unix())
	scheds := make([]schedule.Schedule, n)
	q := schedule.NewQueue(n)
	for i := range n {
		s, err := schedule.Parse(attestation.TimeTrigger{Schedule: attestation.ScheduleInterval, Interval: uint64(every[i]), Start: start[i]})
		if err != nil {
			panic(err)
		}
		scheds[i] = s
		q.Set(uint64(i), time.Unix(start[i], 0))
	}
	start, every = nil, nil
	perJob := float64(heapAlloc()-before) / float64(n)

	deadline := base.Add(dur)
	lateness := make([]time.Duration, 0, 1<<16)
	buf := make([]schedule.Entry, 0, 256)
	for {
		e, ok := q.Peek()
		if !ok || !e.At.Before(deadline) {
			break
		}
		if d := time.Until(e.At); d > 0 {
			time.Sleep(d)
			continue
		}
		buf = q.AppendDue(buf[:0], time.Now(), cap(buf))
		for _, e := range buf {
			lateness = append(lateness, time.Since(e.At)) // handed over now
			if next, ok := scheds[e.ID].Next(e.At); ok {
				q.Set(e.ID, next)
			}
		}
	}
	slices.Sort(lateness)
	runtime.KeepAlive(scheds)
	return latenessResult{impl: "schedule.Queue", n: n, firings: len(lateness), duration: dur, lateness: lateness, bytesPerJob: perJob}
}

// everyFrom is the robfig schedule of an interval job: start + k·every.
type everyFrom struct{ start, every int64 }

func (s everyFrom) Next(t time.Time) time.Time {
	u := t.Unix()
	if u < s.start {
		return time.Unix(s.start, 0)
	}
	return time.Unix(s.start+((u-s.start)/s.every+1)*s.every, 0)
}

func runRobfigLateness(n int, dur time.Duration) latenessResult {
	before := heapAlloc()
	base := time.Now().Add(setupMargin(n)).Truncate(time.Second) // robfig sorts all entries at start
	start, every := latenessJobs(n, *benchRate, base.Unix())
	deadline := base.Add(dur)
	var (
		mu       sync.Mutex
		lateness = make([]time.Duration, 0, 1<<16)
	)
	c := robfig.New(robfig.WithSeconds(), robfig.WithLocation(time.UTC))
	for i := range n {
		s := everyFrom{start: start[i], every: every[i]}
		c.Schedule(s, robfig.FuncJob(func() {
			now := time.Now()
			// The slot this run is for: the latest one at or before now.
			u := now.Unix()
			slot := time.Unix(s.start+(u-s.start)/s.every*s.every, 0)
			if slot.Before(deadline) {
				mu.Lock()
				lateness = append(lateness, now.Sub(slot))
				mu.Unlock()
			}
		}))
	}
	start, every = nil, nil
	perJob := float64(heapAlloc()-before) / float64(n)
	c.Start()
	time.Sleep(time.Until(deadline.Add(time.Second)))
	<-c.Stop().Done()
	mu.Lock()
	defer mu.Unlock()
	slices.Sort(lateness)
	return latenessResult{impl: "robfig/cron v3", n: n, firings: len(lateness), duration: dur, lateness: lateness, bytesPerJob: perJob}
}
