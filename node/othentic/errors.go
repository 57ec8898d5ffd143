package othentic

import "errors"

// Sentinel errors returned by [VerifyTaskSignature] (wrapped with details).
var (
	// ErrSignatureLength: the signature is not 65 bytes r‖s‖v.
	ErrSignatureLength = errors.New("performer signature must be 65 bytes r||s||v")
	// ErrSignatureV: the recovery byte v is not 27 or 28.
	ErrSignatureV = errors.New("performer signature v must be 27 or 28")
	// ErrSignatureValues: r or s is zero or out of range, or s is in the upper
	// half of the curve order (a malleable signature the chain rejects).
	ErrSignatureValues = errors.New("performer signature r or s out of range")
	// ErrSignatureMismatch: the signature does not recover to the performer.
	ErrSignatureMismatch = errors.New("performer signature does not match performer address")
	// ErrNoKey: SignTask got a nil or incomplete private key.
	ErrNoKey = errors.New("no private key")
)

// errCallbackPanic replaces the error of a callback that panicked.
var errCallbackPanic = errors.New("internal error")
