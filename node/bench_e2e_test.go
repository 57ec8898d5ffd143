package node_test

import (
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"github.com/triggerx-network/triggerx/node/tracing"
)

// BenchmarkEndToEnd measures, with 4 keepers, the aggregator and the
// coordinator in one process on a simulated chain sealing a block every
// 200 ms, how late each task of a time job is:
//
//   - due → sent: from its slot (the task's scheduled_at) to the moment the
//     performer's transaction left (the "transaction sent" event of the
//     keeper.perform span, execution/txmgr);
//   - due → final: to the end of the aggregator.submit span, when the
//     certificate's transaction is mined.
//
// Every process records its spans (node/tracing), so the figures come from
// the same traces an operator sees. Four static jobs fire every second; one
// script job (Docker and the runtime images needed) every two seconds, with
// a warm sandbox pool. TRIGGERX_BENCH_TASKS sets the static tasks measured
// (default 40; a quarter of them for the script job).
// Run it once per configuration: go test ./node -run '^$' -bench EndToEnd
// -benchtime 1x.
func BenchmarkEndToEnd(b *testing.B) {
	tasks := 40
	if v, err := strconv.Atoi(os.Getenv("TRIGGERX_BENCH_TASKS")); err == nil && v > 0 {
		tasks = v
	}
	b.Run("static", func(b *testing.B) {
		benchLatency(b, tasks, func(n *network) []string {
			return []string{n.createJob("1", 1), n.createJob("2", 1), n.createJob("3", 1), n.createJob("4", 1)}
		})
	})
	b.Run("script", func(b *testing.B) {
		requireDocker(b)
		// One job every two seconds: each task is four script runs (the
		// performer's and three attesters'), as much as Docker on two
		// cores starts containers for.
		benchLatency(b, max(tasks/4, 5), func(n *network) []string { return []string{n.scriptJob()} })
	})
}

func benchLatency(b *testing.B, tasks int, jobs func(*network) []string) {
	n, coord, agg, recs := startTracedNetwork(b, 4)
	ids := jobs(n)
	wait := func(what string, done func() bool) {
		deadline := time.Now().Add(5 * time.Minute)
		for !done() {
			if time.Now().After(deadline) {
				b.Fatalf("%s: not within 5 minutes", what)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	// The first tasks meet cold caches and a forming mesh: measured are
	// the tasks due after four have completed.
	wait("warm-up", func() bool { return n.completedCount(ids) >= 4 })
	from := time.Now()
	measured := func() (out []apiTaskTimes) {
		for _, j := range ids {
			for _, tk := range n.jobTasks(j) {
				if tk.Status == "completed" && !tk.ScheduledAt.Before(from) {
					out = append(out, apiTaskTimes{tk.ID, tk.ScheduledAt})
				}
			}
		}
		return out
	}
	for range b.N {
		wait(fmt.Sprintf("%d tasks completed", tasks), func() bool { return len(measured()) >= tasks })
	}
	b.StopTimer()

	var sent, final []time.Duration
	// Where the time goes: the moments each task passes, from its spans.
	stages := []string{"scheduler: due → fired", "dispatch and gossip: → assignment at the performer",
		"performer: → transaction sent", "chain: → execution mined", "attesters: → votes for a quorum",
		"aggregator: → certificate submitted", "chain: → submission mined"}
	spent := make([][]time.Duration, len(stages))
	for _, tk := range measured() {
		trace := tracing.TraceID(common.HexToHash(tk.id))
		at, ok := sentAt(recs, trace)
		if ok {
			sent = append(sent, at.Sub(tk.due))
		}
		submit := agg.spans(trace)["aggregator.submit"]
		if len(submit) > 0 {
			final = append(final, submit[0].EndTime().Sub(tk.due))
		}
		if m, ok := milestones(tk.due, coord, recs, agg, trace); ok {
			for i := range stages {
				spent[i] = append(spent[i], m[i+1].Sub(m[i]))
			}
		}
	}
	for i, name := range stages {
		if len(spent[i]) > 0 {
			b.Logf("%-52s p50 %8s  p99 %8s", name, percentile(spent[i], 50).Round(100*time.Microsecond),
				percentile(spent[i], 99).Round(100*time.Microsecond))
		}
	}
	if len(sent) == 0 || len(final) == 0 {
		b.Fatal("no task measured")
	}
	b.ReportMetric(ms(percentile(sent, 50)), "ms_due_to_sent_p50")
	b.ReportMetric(ms(percentile(sent, 99)), "ms_due_to_sent_p99")
	b.ReportMetric(ms(percentile(final, 50)), "ms_due_to_final_p50")
	b.ReportMetric(ms(percentile(final, 99)), "ms_due_to_final_p99")
	b.ReportMetric(float64(len(sent)), "tasks")
	b.Logf("%d tasks: due → sent p50 %s p99 %s; due → final p50 %s p99 %s", len(sent),
		percentile(sent, 50), percentile(sent, 99), percentile(final, 50), percentile(final, 99))
}

// milestones are the moments a task passed: due, fired (coordinator.fire
// starts), assignment at the performer (keeper.perform starts), transaction
// sent, execution mined and result published (keeper.perform ends), the
// vote that made the quorum (the quorum-th keeper.attest end: three of four
// keepers of equal stake, the performer not voting), certificate handed to
// the submitter (aggregator.submit starts) and submission mined (it ends).
func milestones(due time.Time, coord recorded, recs []recorded, agg recorded, trace [16]byte) ([]time.Time, bool) {
	fire := coord.spans(trace)["coordinator.fire"]
	submit := agg.spans(trace)["aggregator.submit"]
	var perform sdktrace.ReadOnlySpan
	var votes []time.Time
	for _, r := range recs {
		s := r.spans(trace)
		if p := s["keeper.perform"]; len(p) > 0 {
			perform = p[0]
		}
		for _, a := range s["keeper.attest"] {
			votes = append(votes, a.EndTime())
		}
	}
	if len(fire) == 0 || len(submit) == 0 || perform == nil || len(votes) < 3 {
		return nil, false
	}
	sent, ok := event(perform, "transaction sent")
	if !ok {
		return nil, false
	}
	slices.SortFunc(votes, time.Time.Compare)
	return []time.Time{due, fire[0].StartTime(), perform.StartTime(), sent, perform.EndTime(), votes[2],
		submit[0].StartTime(), submit[0].EndTime()}, true
}

// sentAt is when the performer's transaction of a task left.
func sentAt(recs []recorded, trace [16]byte) (time.Time, bool) {
	for _, r := range recs {
		for _, s := range r.spans(trace)["keeper.perform"] {
			if e, ok := event(s, "transaction sent"); ok {
				return e, true
			}
		}
	}
	return time.Time{}, false
}

func event(s sdktrace.ReadOnlySpan, name string) (time.Time, bool) {
	for _, e := range s.Events() {
		if e.Name == name {
			return e.Time, true
		}
	}
	return time.Time{}, false
}

// apiTaskTimes is a completed task and its slot.
type apiTaskTimes struct {
	id  string
	due time.Time
}

func percentile(ds []time.Duration, p float64) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(math.Ceil(p/100*float64(len(s)))) - 1
	return s[max(i, 0)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
