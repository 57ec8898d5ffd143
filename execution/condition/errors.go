package condition

import "errors"

// Errors callers branch on. Every error of the package wraps one of them.
var (
	// ErrInvalidValue: a string is not a number ParseValue accepts.
	ErrInvalidValue = errors.New("invalid value")
	// ErrUnknownOperator: the condition operator is none of attestation.Op….
	ErrUnknownOperator = errors.New("unknown condition operator")
	// ErrInvalidLimits: a limit the operator needs is missing or not a
	// number, a limit it ignores is set, or between's lower limit exceeds
	// its upper limit.
	ErrInvalidLimits = errors.New("invalid limits")
	// ErrKeyPath: the key path is malformed, or the JSON document has no
	// number or numeric string at it.
	ErrKeyPath = errors.New("key path")
	// ErrInvalidSource: a value source is misconfigured (unknown kind, bad
	// URL, bad function signature, output index out of range …).
	ErrInvalidSource = errors.New("invalid value source")
	// ErrStale: a stream source has no value, or none fresher than its
	// maximum age.
	ErrStale = errors.New("no fresh value")
	// ErrBlockChanged: the block a contract source read at was replaced
	// during the read (a reorganization); read again.
	ErrBlockChanged = errors.New("block changed during the read")
	// ErrClosed: the source was closed.
	ErrClosed = errors.New("source closed")
)
