package netproxy

import "errors"

// Sentinel errors.
var (
	// ErrBadPattern: an allowlist pattern is malformed.
	ErrBadPattern = errors.New("bad allowlist pattern")
	// ErrBadTranscript: a transcript does not decode.
	ErrBadTranscript = errors.New("bad transcript")
	// ErrReplayMismatch: during a replay the script made a request that is not
	// in the transcript, or did not make one that is: the re-run diverged
	// from the performer's run.
	ErrReplayMismatch = errors.New("replay diverged from the transcript")
	// ErrSpotMismatch: a re-fetched response differs from the recorded one
	// beyond the tolerance, or the transcript records a successful request
	// to a host the allowlist denies.
	ErrSpotMismatch = errors.New("spot check mismatch")
	// ErrSpotInconclusive: some sampled requests could not be re-fetched
	// (network failure) and none differed: the spot check says nothing.
	ErrSpotInconclusive = errors.New("spot check inconclusive")
)

// ReasonHeader is the response header in which the proxy says why it
// answered a request itself instead of forwarding the upstream response.
// Its values are the Reason… constants, also recorded in Exchange.Error.
const ReasonHeader = "X-Triggerx-Proxy-Reason"

// Reasons the proxy answers itself.
const (
	ReasonBadRequest      = "bad_request"           // 400: not a proxy request, unsupported scheme, malformed URL
	ReasonConnect         = "connect_not_supported" // 405: CONNECT is refused (see the package doc)
	ReasonDenied          = "host_not_allowed"      // 403: host not in the allowlist
	ReasonRequestLimit    = "request_limit"         // 429: MaxRequests reached
	ReasonByteLimit       = "byte_limit"            // 502: MaxBytes reached
	ReasonUpstream        = "upstream_error"        // 502: the upstream request failed (DNS, TLS, timeout…)
	ReasonNotInTranscript = "not_in_transcript"     // 502: replay only: no such request in the transcript
)
