package node_test

import (
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/triggerx-network/triggerx/node"
	"github.com/triggerx-network/triggerx/node/tracing"
)

// recorded is one process's tracer provider and the spans it ended.
type recorded struct {
	rec *tracetest.SpanRecorder
	tp  *sdktrace.TracerProvider
}

func newRecorded() recorded {
	rec := tracetest.NewSpanRecorder()
	return recorded{rec: rec, tp: sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))}
}

// startTracedNetwork starts a network whose every process records its
// spans with its own tracer provider.
func startTracedNetwork(t testing.TB, keepers int) (n *network, coord, agg recorded, keeperRecs []recorded) {
	coord, agg = newRecorded(), newRecorded()
	keeperRecs = make([]recorded, keepers)
	for i := range keeperRecs {
		keeperRecs[i] = newRecorded()
	}
	next := 0
	n = startNetworkHooks(t, keepers,
		func(c *node.KeeperConfig) { c.TracerProvider = keeperRecs[next].tp; next++ },
		func(c *node.CoordinatorConfig) { c.TracerProvider = coord.tp },
		func(c *node.AggregatorConfig) { c.TracerProvider = agg.tp })
	return n, coord, agg, keeperRecs
}

// spans returns the ended spans of trace id, by name.
func (r recorded) spans(id trace.TraceID) map[string][]sdktrace.ReadOnlySpan {
	out := map[string][]sdktrace.ReadOnlySpan{}
	for _, s := range r.rec.Ended() {
		if s.SpanContext().TraceID() == id {
			out[s.Name()] = append(out[s.Name()], s)
		}
	}
	return out
}

func attr(s sdktrace.ReadOnlySpan, key string) string {
	for _, kv := range s.Attributes() {
		if string(kv.Key) == key {
			return kv.Value.Emit()
		}
	}
	return ""
}

// TestTraceOnePerTask runs a network whose every process records its spans
// with its own tracer provider, and checks that a completed task's spans
// from the coordinator, the performer, the attesters and the aggregator all
// share one trace, whose id is the first 16 bytes of the task id, without
// any context sent over gossip.
func TestTraceOnePerTask(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a whole network")
	}
	const keepers = 4
	n, coord, agg, keeperRecs := startTracedNetwork(t, keepers)
	addrs := make([]common.Address, keepers)
	for i, k := range n.keepers {
		addrs[i] = crypto.PubkeyToAddress(k.cfg.ControllerKey.PublicKey)
	}

	jobID := n.createJob("1", 2)
	done := n.waitCompleted(jobID, 2)
	for _, tk := range done[:2] {
		taskID := common.HexToHash(tk.TaskID)
		traceID := tracing.TraceID(taskID)
		require.Equal(t, taskID[:16], traceID[:])
		root := trace.SpanContextFromContext(tracing.TaskContext(t.Context(), taskID)).SpanID()
		performer := -1
		for i, a := range addrs {
			if strings.EqualFold(a.Hex(), tk.Performer) {
				performer = i
			}
		}
		require.GreaterOrEqual(t, performer, 0, "performer %s is one of the keepers", tk.Performer)

		// Spans end just after the step they trace; the task may complete
		// on-chain a moment before.
		require.Eventually(t, func() bool {
			c, p, a := coord.spans(traceID), keeperRecs[performer].spans(traceID), agg.spans(traceID)
			attesters := 0
			for i, r := range keeperRecs {
				if s := r.spans(traceID); i != performer && len(s["keeper.attest"]) > 0 && len(s["keeper.vote"]) > 0 {
					attesters++
				}
			}
			return len(c["coordinator.dispatch"]) > 0 && len(p["keeper.perform"]) > 0 && attesters >= 2 &&
				len(a["aggregator.submit"]) > 0
		}, 30*time.Second, 100*time.Millisecond, "task %s: spans of every process in its trace", tk.TaskID)

		// Each process's outermost span hangs from the task's shared root.
		fire := coord.spans(traceID)["coordinator.fire"][0]
		require.Equal(t, root, fire.Parent().SpanID())
		require.Equal(t, fire.SpanContext().SpanID(), coord.spans(traceID)["coordinator.dispatch"][0].Parent().SpanID())
		require.True(t, strings.EqualFold(tk.Performer, attr(coord.spans(traceID)["coordinator.dispatch"][0], "performer")))

		perform := keeperRecs[performer].spans(traceID)["keeper.perform"][0]
		require.Equal(t, root, perform.Parent().SpanID())
		require.Equal(t, tk.TaskID, attr(perform, "task_id"))
		require.Equal(t, jobID, attr(perform, "job_id"))
		require.True(t, strings.EqualFold(tk.ExecutionTx, attr(perform, "tx_hash")))

		for i, r := range keeperRecs {
			s := r.spans(traceID)
			if i == performer || len(s["keeper.attest"]) == 0 {
				continue
			}
			require.Equal(t, root, s["keeper.attest"][0].Parent().SpanID())
			require.Equal(t, "true", attr(s["keeper.vote"][0], "approve"))
		}

		submit := agg.spans(traceID)["aggregator.submit"][0]
		require.Equal(t, root, submit.Parent().SpanID())
		require.True(t, strings.EqualFold(tk.SubmissionTx, attr(submit, "tx_hash")))
		require.NotEmpty(t, agg.spans(traceID)["aggregator.aggregate"])
	}
}
