// Package condition is what a condition trigger means, shared by the
// coordinator's condition scheduler (which decides when a job fires) and by
// attesters (which check that it should have):
//
//   - Value: exact numbers. ParseValue reads integers of any practical size
//     (uint256, negative int256), decimals, exponent notation and 0x-hex
//     without ever going through float64; Value.String is the canonical
//     decimal recorded in a firing.
//   - Evaluate and Condition: the operators with the limit semantics
//     documented on the attestation.Op… constants; CheckLimits tells the API
//     which limits an operator needs.
//   - Source: where a value comes from. NewSource builds a contract view
//     call (read at a block, recorded in the Reading; ContractSource.ReadAt
//     reads again at a recorded block), an HTTP JSON API, a websocket JSON
//     stream (WebsocketSource, reconnecting with backoff) or a constant.
//     ExtractJSON reads the number at a key path of a JSON document.
//   - Edge: the state machine that fires a condition when it becomes true,
//     re-arms it when it becomes false and enforces the cooldown between
//     firings of a recurring trigger. Its state is persisted with the job.
//
// Concurrency: Values are immutable; ParseValue, Evaluate, CheckLimits,
// ExtractJSON and Condition keep no state. Every Source is safe for
// concurrent use; a WebsocketSource runs one background goroutine from
// NewWebsocketSource until Close. An Edge is a plain value owned by one
// goroutine (the scheduler evaluates a job on one worker at a time).
//
// Errors callers branch on are listed in errors.go.
package condition
