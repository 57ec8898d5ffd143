// Package triggercheck is an attester's independent check that a task was
// really due: that the firing the coordinator recorded in the task
// (attestation.Firing, and Task.ScheduledAt for time triggers) is a firing of
// the job's trigger, as committed on-chain with the job, and that the
// performer did not execute it before it fired. It complements
// execution.VerifyExecution, which checks that the transaction is exactly
// the task's execution.
//
// # Checks
//
// Every kind: the trigger passes attestation.Trigger.Check; the task's
// TriggerKey is attestation.TriggerKey of its kind, ScheduledAt and Firing;
// the firing is not after the trigger's End (the slot for time triggers, the
// timestamp of the evidence's block for chain evidence, ScheduledAt for
// HTTP, websocket and static conditions).
//
//   - Time: ScheduledAt is a slot of the schedule (coordinator/schedule:
//     Next(slot−1s) = slot, so Start, End, cron fields, time zones and
//     daylight saving transitions mean what they mean to the coordinator),
//     and the execution's block time is not earlier than the slot less
//     Config.EarlyTolerance.
//   - Event: on the trigger's chain, once the head has the trigger's
//     Confirmations on top of the firing's block: Firing.BlockHash names the
//     canonical block at Firing.BlockNumber; the receipt of
//     Firing.TxHash is in that block; its log with index Firing.LogIndex was
//     emitted by the trigger's contract, has the event's topic0 and passes
//     events.Compile(event, filters).Match (a log that does not decode does
//     not match).
//   - Block: Firing.BlockNumber is Start + k·Every, and Firing.BlockHash
//     names the canonical block at that number.
//   - Condition: Firing.Epoch is at least 1, and exactly 1 for a trigger that
//     is not recurring; Firing.Value parses and satisfies the operator and
//     limits (condition.NewCondition(...).Satisfied); it equals the static
//     value of a static source; for a contract source, Firing.BlockHash
//     names the canonical block at Firing.BlockNumber and the view call read
//     again at that block (condition.ContractSource.ReadAt) returns
//     Firing.Value.
//
// For chain evidence (event, block, contract condition) the execution must
// come after the evidence's block: in a later block when both are on the
// home chain (Execution.ChainID), else not earlier than that block's
// timestamp less EarlyTolerance.
//
// Each kind of firing names its block by one hash, so that one log or block
// yields one trigger key: event firings by the node's block hash, which logs
// and receipts carry; block and contract-condition firings by
// types.Header.Hash of the header the client returns, as the coordinator's
// chain watcher and condition sources compute it. The two are equal on
// Ethereum; on some L2s go-ethereum's header type does not rehash a header
// to its block hash. Either way the block must be canonical: the canonical
// header at the firing's number has the firing's hash, or (node hashes) the
// node returns that header for it.
//
// # Verdicts
//
// Check returns nil (approve), an error wrapping one of the sentinel errors
// of errors.go, whose Reason is the reason code of a reject (catalogue in
// reasons.md), or an error without a reason code, on which the attester
// must not vote: ErrNotYet when the firing is not decidable yet (the node
// has not reached the block or its confirmations, or the chain changed
// during the check; wait and check again until the deadline), any other for
// an infrastructure failure (RPC down, unknown chain, cancelled context).
//
// # Trust assumptions
//
// An attester trusts its own RPC endpoints for every chain it checks, and
// needs the state of recent blocks (contract conditions are read at the
// firing's block; a pruned node fails without a verdict).
//
// HTTP and websocket condition values cannot be fetched again as they were:
// the check accepts the recorded value when it satisfies the condition, and
// the observation time ScheduledAt when it is within End. Until the
// coordinator's readings carry proofs of their origin (TLS notarization),
// the coordinator is trusted to report such values truthfully.
//
// What depends on the history of a trigger, not on one firing, is trusted
// too: that a non-recurring event trigger fired for its first matching log
// only, that a condition rose (was false before) at the firing, that a
// recurring condition respected its cooldown, and that its epoch counts its
// firings. The epoch bound above is all a stateless check can see. Each
// firing names its evidence in the trigger key, so the coordinator cannot
// create two tasks for one event log, block or time slot.
//
// Contract conditions are read at the block the coordinator read: if that
// block was the head and is then replaced, an honest firing is rejected
// (block_not_canonical). Event and block firings are judged only after the
// trigger's confirmations (none for block triggers).
//
// # Concurrency
//
// A Checker keeps no state besides its configuration and is safe for
// concurrent use; Check may be called from any number of goroutines, as
// long as Config.Chains is safe for concurrent use. Reason keeps no state.
package triggercheck
