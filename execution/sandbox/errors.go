package sandbox

import (
	"context"
	"errors"
)

// Sentinel errors returned (wrapped) by Run and New. Callers branch on them
// with errors.Is, and Reason maps them to the stable reason codes documented
// in reasons.md. When Run returns one of the limit errors the Result is still
// filled in (captured output, exit code, resource report).
var (
	// ErrTimeout: the script ran past Limits.Timeout and its container was killed.
	ErrTimeout = errors.New("sandbox: wall-clock timeout")
	// ErrMemoryLimit: a process of the script was killed by the kernel OOM
	// killer at Limits.Memory (or node aborted with "heap out of memory").
	ErrMemoryLimit = errors.New("sandbox: memory limit reached (oom-killed)")
	// ErrPidsLimit: the script tried to create more than Limits.Pids tasks.
	ErrPidsLimit = errors.New("sandbox: pids limit reached")
	// ErrOutputLimit: stdout or stderr exceeded Limits.MaxOutput; reading
	// stopped, the container was killed and Report.Truncated is set.
	ErrOutputLimit = errors.New("sandbox: output limit reached")
	// ErrNonzeroExit: the script exited with a non-zero status (Result.ExitCode).
	ErrNonzeroExit = errors.New("sandbox: script exited with non-zero status")
	// ErrSandboxUnavailable: the Docker engine cannot be reached or refused to
	// create/start/exec a container.
	ErrSandboxUnavailable = errors.New("sandbox: docker unavailable")
	// ErrImageMissing: a runtime image is not present locally
	// (build it with scripts/runtime-images.sh).
	ErrImageMissing = errors.New("sandbox: runtime image missing")
	// ErrUnknownRuntime: the request names a runtime the sandbox does not serve.
	ErrUnknownRuntime = errors.New("sandbox: unknown runtime")
	// ErrScriptTooLarge: the script source exceeds MaxScriptSize.
	ErrScriptTooLarge = errors.New("sandbox: script too large")
	// ErrClosed: Run was called after Close.
	ErrClosed = errors.New("sandbox: closed")
)

// Reason codes, stable strings used in logs and metric labels.
const (
	ReasonTimeout     = "timeout"
	ReasonMemory      = "memory_limit"
	ReasonPids        = "pids_limit"
	ReasonOutput      = "output_limit"
	ReasonNonzeroExit = "nonzero_exit"
	ReasonUnavailable = "sandbox_unavailable"
	ReasonImage       = "image_missing"
	ReasonRuntime     = "unknown_runtime"
	ReasonTooLarge    = "script_too_large"
	ReasonClosed      = "sandbox_closed"
	ReasonCanceled    = "canceled"
	ReasonUnknown     = "unknown"
)

var reasons = []struct {
	err    error
	reason string
}{
	{ErrTimeout, ReasonTimeout},
	{ErrMemoryLimit, ReasonMemory},
	{ErrPidsLimit, ReasonPids},
	{ErrOutputLimit, ReasonOutput},
	{ErrNonzeroExit, ReasonNonzeroExit},
	{ErrSandboxUnavailable, ReasonUnavailable},
	{ErrImageMissing, ReasonImage},
	{ErrUnknownRuntime, ReasonRuntime},
	{ErrScriptTooLarge, ReasonTooLarge},
	{ErrClosed, ReasonClosed},
	{context.Canceled, ReasonCanceled},
	{context.DeadlineExceeded, ReasonCanceled},
}

// Reason returns the stable reason code of err ("" for nil, "unknown" for an
// error outside the catalogue in reasons.md).
func Reason(err error) string {
	if err == nil {
		return ""
	}
	for _, r := range reasons {
		if errors.Is(err, r.err) {
			return r.reason
		}
	}
	return ReasonUnknown
}
