package tracing

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"
)

// Instrumentation is the name of the tracers this project creates.
const Instrumentation = "github.com/triggerx-network/triggerx"

// Attribute keys of task spans.
const (
	KeyTaskID           = attribute.Key("task_id")
	KeyJobID            = attribute.Key("job_id")
	KeyTaskDefinitionID = attribute.Key("task_definition_id")
	KeyPerformer        = attribute.Key("performer")
	KeyTxHash           = attribute.Key("tx_hash")
	KeyApprove          = attribute.Key("approve")
	KeyReason           = attribute.Key("reason")
)

// TraceID is the trace of a task: the first 16 bytes of its ID.
func TraceID(taskID common.Hash) trace.TraceID {
	var id trace.TraceID
	copy(id[:], taskID[:16])
	return id
}

// rootSpanID is the span ID of the task's shared remote parent: bytes 16..24
// of the task ID. A task ID whose bytes there are all zero (never from
// keccak256 in practice) gets 1 so the span context stays valid.
func rootSpanID(taskID common.Hash) trace.SpanID {
	var id trace.SpanID
	copy(id[:], taskID[16:24])
	if !id.IsValid() {
		id[7] = 1
	}
	return id
}

// TaskContext returns ctx carrying the task's remote parent span context
// (trace ID and span ID derived from taskID, sampled): spans started from
// it, in any process, belong to the task's one trace.
func TaskContext(ctx context.Context, taskID common.Hash) context.Context {
	sc := trace.NewSpanContext(trace.SpanContextConfig{
		TraceID:    TraceID(taskID),
		SpanID:     rootSpanID(taskID),
		TraceFlags: trace.FlagsSampled,
		Remote:     true,
	})
	return trace.ContextWithRemoteSpanContext(ctx, sc)
}

// StartTask starts span name of the task's trace (TaskContext) with the
// task_id attribute and attrs. The span is a child of the task's shared
// root, whatever span ctx already carries. A nil tracer records nothing.
func StartTask(ctx context.Context, tracer trace.Tracer, taskID common.Hash, name string, attrs ...attribute.KeyValue,
) (context.Context, trace.Span) {
	if tracer == nil {
		tracer = noop.Tracer{}
	}
	attrs = append([]attribute.KeyValue{KeyTaskID.String(taskID.Hex())}, attrs...)
	return tracer.Start(TaskContext(ctx, taskID), name, trace.WithAttributes(attrs...))
}

// End ends span, recording err as its error status (with reason, when
// not empty, as the reason attribute) when err is not nil.
func End(span trace.Span, err error, reason string) {
	if reason != "" {
		span.SetAttributes(KeyReason.String(reason))
	}
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
	}
	span.End()
}

// Tracer returns tp's tracer for this project, a no-op one for a nil tp.
func Tracer(tp trace.TracerProvider) trace.Tracer {
	if tp == nil {
		tp = noop.NewTracerProvider()
	}
	return tp.Tracer(Instrumentation)
}

// Config configures Setup.
type Config struct {
	// Endpoint is the OTLP/HTTP collector: host:port (path /v1/traces) or
	// a full http(s) URL. Empty: tracing off.
	Endpoint string
	// Insecure sends plain HTTP to a host:port endpoint (a URL's scheme
	// decides for itself).
	Insecure bool
	// Service is the service.name resource attribute, e.g. triggerx-keeper.
	Service string
	// Ratio is the fraction of tasks traced, decided on the trace ID so
	// every process keeps the same tasks; 0 or ≥ 1: all.
	Ratio float64
}

// Setup returns the tracer provider cfg asks for and the function that
// flushes and stops it: an SDK provider batching spans to the OTLP/HTTP
// exporter, or a no-op provider when cfg.Endpoint is empty. It sets no
// global state.
func Setup(ctx context.Context, cfg Config) (trace.TracerProvider, func(context.Context) error, error) {
	if cfg.Endpoint == "" {
		return noop.NewTracerProvider(), func(context.Context) error { return nil }, nil
	}
	var opts []otlptracehttp.Option
	if strings.Contains(cfg.Endpoint, "://") {
		opts = append(opts, otlptracehttp.WithEndpointURL(cfg.Endpoint))
	} else {
		opts = append(opts, otlptracehttp.WithEndpoint(cfg.Endpoint))
		if cfg.Insecure {
			opts = append(opts, otlptracehttp.WithInsecure())
		}
	}
	exp, err := otlptracehttp.New(ctx, opts...)
	if err != nil {
		return nil, nil, fmt.Errorf("create OTLP trace exporter: %w", err)
	}
	res, err := resource.Merge(resource.Default(), resource.NewSchemaless(attribute.String("service.name", cfg.Service)))
	if err != nil {
		return nil, nil, errors.Join(fmt.Errorf("trace resource: %w", err), exp.Shutdown(ctx))
	}
	tp := sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(exp, sdktrace.WithBatchTimeout(5*time.Second)),
		sdktrace.WithResource(res),
		sdktrace.WithSampler(sampler(cfg.Ratio)),
	)
	return tp, tp.Shutdown, nil
}

// sampler keeps a ratio of traces by trace ID; it ignores the parent's
// sampled flag, which TaskContext always sets.
func sampler(ratio float64) sdktrace.Sampler {
	if ratio <= 0 || ratio >= 1 {
		return sdktrace.AlwaysSample()
	}
	return sdktrace.TraceIDRatioBased(ratio)
}
