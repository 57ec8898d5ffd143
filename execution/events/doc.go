// Package events reads contract event logs through the ABI for event
// triggers: ParseEvent parses the event signature of an
// attestation.EventTrigger, Compile checks its filters against the event, and
// Filter.Match decides whether a log fires the trigger. The coordinator uses
// it to decide that a job fires, and attesters to re-check the firing from the
// log named by its attestation.Firing; both run the same code on the same
// signature and filters, so they agree.
//
// Decoding reuses go-ethereum's accounts/abi: indexed parameters come from
// the topics, the others from the data. Indexed strings, bytes, arrays and
// tuples are only present as the keccak256 of their in-place encoding, so
// filters on them can test equality only. Filter values follow the argument
// conventions of execution.EncodeCall (decimal or 0x integers, 0x-hex bytes,
// JSON arrays for arrays and tuples), except that addresses are accepted in
// any case.
//
// Everything here reads user input (signatures and filters from job
// definitions) or chain data (logs of any contract a job names): sizes are
// bounded, errors wrap ErrInvalidEvent, ErrInvalidFilter or ErrMalformedLog,
// and nothing panics; ParseEvent and Match are fuzzed.
//
// Concurrency: Event and Filter are immutable once built and safe for
// concurrent use; the functions keep no state.
package events
