// Package tracing puts every process's spans of one task into one
// OpenTelemetry trace, without propagating anything over gossip.
//
// The trace ID is the first 16 bytes of the task ID (a keccak256 hash, so
// uniformly distributed), and every process starts its spans of a task under
// the same remote parent span context: that trace ID, span ID = bytes 16..24
// of the task ID, sampled. That parent is never recorded itself; it is the
// common root the coordinator's dispatch, the performer's execution, every
// attester's verdict and the aggregator's submission hang from, so a trace
// backend shows one tree per task across every node (after charon's
// core.StartDutyTrace).
//
// Setup builds the tracer provider a node passes down its stages: an SDK
// provider exporting over OTLP/HTTP when an endpoint is configured, else a
// no-op one. Sampling by ratio decides on the trace ID alone, so every
// process keeps or drops the same tasks. Nothing here sets global state.
//
// Everything in the package is safe for concurrent use.
package tracing
