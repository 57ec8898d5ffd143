package p2p

import "errors"

// Sentinel errors. Checks (see Checks) return an error wrapping ErrIgnore to
// have a message dropped without blaming the peer that sent it, and any
// other error, ErrReject for clarity, to have it dropped and the peer
// penalised. Publish* return errors wrapping ErrIgnore or ErrReject when this
// node's own validation refused the message, decoders return errors
// wrapping ErrMalformed, and Publish* after Close returns ErrClosed.
var (
	// ErrIgnore marks a message that is not wrong but not useful either:
	// stale, a duplicate, or not checkable right now. It is dropped and not
	// forwarded; the sender's peer score is not lowered.
	ErrIgnore = errors.New("ignore message")
	// ErrReject marks a message that proves its sender misbehaved: a bad
	// signature, an impossible value, an equivocation. It is dropped and the
	// sender's peer score is lowered.
	ErrReject = errors.New("reject message")
	// ErrMalformed marks bytes that are not the canonical encoding of a valid
	// message: too large, unparsable, a field of the wrong size, an unknown
	// task definition, or a non-canonical encoding. Validators reject them.
	ErrMalformed = errors.New("malformed message")
	// ErrClosed is returned by Publish* after Close.
	ErrClosed = errors.New("p2p node closed")
)
