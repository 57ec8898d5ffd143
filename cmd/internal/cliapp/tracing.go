package cliapp

import (
	"context"
	"fmt"
	"time"

	"github.com/urfave/cli/v2"
	"github.com/urfave/cli/v2/altsrc"
	"go.opentelemetry.io/otel/trace"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/node/tracing"
)

// Flags of the OpenTelemetry trace export.
const (
	FlagOTLPEndpoint = "otlp-endpoint"
	FlagOTLPInsecure = "otlp-insecure"
)

// tracingShutdownTimeout bounds the flush of buffered spans at exit.
const tracingShutdownTimeout = 5 * time.Second

// TracingFlags configure the export of task traces (node/tracing).
func TracingFlags() []cli.Flag {
	return []cli.Flag{
		String(FlagOTLPEndpoint, "OTLP/HTTP collector that receives task traces: host:port or an http(s) URL (empty: tracing off)", ""),
		altsrc.NewBoolFlag(&cli.BoolFlag{Name: FlagOTLPInsecure, Usage: "send traces to a host:port --" + FlagOTLPEndpoint +
			" over plain HTTP instead of HTTPS", EnvVars: Env(FlagOTLPInsecure)}),
	}
}

// Tracing builds the tracer provider the tracing flags ask for, for the
// binary named service, and the function main defers to flush and stop it
// (bounded; a failure is logged, the node has stopped by then).
func Tracing(c *cli.Context, service string, log *zap.Logger) (trace.TracerProvider, func(), error) {
	tp, shutdown, err := tracing.Setup(c.Context, tracing.Config{
		Endpoint: c.String(FlagOTLPEndpoint), Insecure: c.Bool(FlagOTLPInsecure), Service: service,
	})
	if err != nil {
		return nil, nil, fmt.Errorf("--%s: %w", FlagOTLPEndpoint, err)
	}
	return tp, func() {
		ctx, cancel := context.WithTimeout(context.Background(), tracingShutdownTimeout)
		defer cancel()
		if err := shutdown(ctx); err != nil {
			log.Warn("flush traces", zap.Error(err))
		}
	}, nil
}
