// Package attestation is the leaf of the keeper workflow: the value types that
// flow between stages (Job, Task, Assignment, Result, Vote, Certificate,
// Finalization) and the keepers' liveness Heartbeat, the small interface of each stage, Wire, which joins the
// stages in the order of the data-flow diagram, and the cryptography every
// stage agrees on: the digests that are signed, BLS12-381 keys and signatures
// (herumi bls-eth-go-binary in Ethereum mode), the performer selection rule and
// the quorum rule.
//
// It imports nothing of this module, so every stage package (p2p, execution,
// node, coordinator) can depend on it without cycles.
//
// Concurrency: values are immutable once built; a stage that hands a value to
// several subscribers passes copies (Clone). The BLS functions are safe for
// concurrent use after the package's init has run.
package attestation
