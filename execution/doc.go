// Package execution is what happens on-chain for a task: the performer turns
// the job's action into calldata (EncodeCall), executes it through the
// TaskExecutionHub (Sender.ExecuteTask) and reports the transaction; an
// attester checks independently that the transaction is exactly that
// execution (VerifyExecution) before it votes.
//
// The package talks to the chain through Chain, which both an RPC client
// (*ethclient.Client) and go-ethereum's simulated backend satisfy, and to the
// hub through a small inline ABI (executeFunction, TaskExecuted,
// TaskExecutionHub's TaskAlreadyExecuted error) checked against the compiled
// contract by a test; it does not import the generated bindings.
//
// Every way an execution can fail is a sentinel error in one block
// (errors.go); Reason maps it to a stable reason code of the failure-reason
// catalogue documented in reasons.md.
//
// Concurrency: EncodeCall, Selector, VerifyExecution and Reason keep no
// state and are safe for concurrent use. A Sender is safe for concurrent use:
// sends are serialized under a mutex so that nonces are used in order, while
// waiting for receipts is not. Use one Sender per key and process; a second
// sender on the same key makes nonces collide, which a Sender recovers from by
// re-reading the pending nonce, at the cost of a failed send.
package execution
