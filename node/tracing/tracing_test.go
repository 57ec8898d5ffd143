package tracing_test

import (
	"context"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/triggerx-network/triggerx/node/tracing"
)

func TestTaskContext(t *testing.T) {
	for _, tc := range []struct {
		name   string
		taskID common.Hash
		span   [8]byte
	}{
		{"keccak task id", crypto.Keccak256Hash([]byte("job 1, slot 2")), [8]byte{}},
		{"zero span bytes", common.HexToHash("0x0102030405060708090a0b0c0d0e0f10" + "0000000000000000" + "1111111111111111"), [8]byte{7: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := trace.SpanContextFromContext(tracing.TaskContext(context.Background(), tc.taskID))
			require.True(t, sc.IsValid())
			require.True(t, sc.IsSampled())
			require.True(t, sc.IsRemote())
			traceID := sc.TraceID()
			require.Equal(t, tc.taskID[:16], traceID[:])
			want := tc.span
			if want == ([8]byte{}) {
				copy(want[:], tc.taskID[16:24])
			}
			require.Equal(t, want, [8]byte(sc.SpanID()))
			require.Equal(t, tracing.TraceID(tc.taskID), sc.TraceID())

			// Deterministic: another process derives the same context.
			again := trace.SpanContextFromContext(tracing.TaskContext(context.Background(), tc.taskID))
			require.True(t, sc.Equal(again))
		})
	}
}

func TestStartTaskJoinsTheTaskTrace(t *testing.T) {
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	id := crypto.Keccak256Hash([]byte("task"))
	// A span already in ctx (another task's) does not leak into this one.
	ctx, other := tracing.StartTask(context.Background(), tracing.Tracer(tp), crypto.Keccak256Hash([]byte("other")), "other")
	_, span := tracing.StartTask(ctx, tracing.Tracer(tp), id, "keeper.perform", tracing.KeyJobID.Int64(7))
	span.End()
	other.End()

	ended := rec.Ended()
	require.Len(t, ended, 2)
	s := ended[0]
	require.Equal(t, "keeper.perform", s.Name())
	require.Equal(t, tracing.TraceID(id), s.SpanContext().TraceID())
	require.Equal(t, trace.SpanContextFromContext(tracing.TaskContext(context.Background(), id)).SpanID(), s.Parent().SpanID())
	require.Contains(t, s.Attributes(), tracing.KeyTaskID.String(id.Hex()))
	require.Contains(t, s.Attributes(), tracing.KeyJobID.Int64(7))
}

func TestSetup(t *testing.T) {
	ctx := context.Background()
	tp, shutdown, err := tracing.Setup(ctx, tracing.Config{})
	require.NoError(t, err)
	_, span := tracing.Tracer(tp).Start(ctx, "x")
	require.False(t, span.IsRecording(), "no endpoint: nothing recorded")
	require.NoError(t, shutdown(ctx))

	for _, endpoint := range []string{"127.0.0.1:4318", "http://127.0.0.1:4318/v1/traces"} {
		tp, shutdown, err = tracing.Setup(ctx, tracing.Config{Endpoint: endpoint, Insecure: true, Service: "test", Ratio: 0.5})
		require.NoError(t, err, endpoint)
		_, span = tracing.Tracer(tp).Start(ctx, "x")
		span.End()
		cctx, cancel := context.WithCancel(ctx)
		cancel() // do not wait for a collector that is not there
		_ = shutdown(cctx)
	}
}
