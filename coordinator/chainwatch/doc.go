// Package chainwatch follows one chain for the coordinator's event and
// block triggers. A Watcher reads the chain head and runs pollers that read
// confirmed block ranges and call their subscribers:
//
//	head follower ──head──▶ log poller (contract, topic0, confirmations) ──logs──▶ subscribers (jobs)
//	                   └──▶ block poller (confirmations) ──blocks Start + k·Every──▶ subscribers
//
// Sharing. All subscriptions with the same contract, topic0 and effective
// confirmations share one poller: each block range is queried once
// (eth_getLogs on the contract and topic0, at most MaxRange blocks) and every
// subscriber receives its logs in (block, log index) order. Subscriptions
// with different confirmations get different pollers, so that none waits
// for another's confirmations; the price is one query per distinct value.
// Filters on other topics or the data are the subscribers' business
// (execution/events), since jobs sharing a poller filter differently.
//
// Confirmations. A block is processed once head − confirmations reached it;
// Config.Confirmations is a floor for every subscription.
//
// Checkpoints. Each poller saves, under a name derived from the chain, the
// contract, topic0 and the confirmations (LogPollerName, BlockPollerName),
// the last block it processed and that block's hash. The checkpoint advances
// only after every subscriber handled the whole range. A failed range (a
// chain query or a subscriber returned an error) is retried with
// exponential backoff, never skipped; a failing query is retried over halved
// ranges. On restart, a poller resumes after its checkpoint: every log is
// delivered once, with no look-back and no gap. A poller without a
// checkpoint starts at the current safe head and saves it at once: history
// is not replayed. A subscription joining a running poller starts with the
// next range the poller reads; one that revives a stopped poller starts at
// its checkpoint, even if it is old.
//
// Delivery is exactly once while nothing fails. Across failures it is at
// least once: a retried range is delivered again to the subscribers that
// had not handled it (those that had are skipped while the retry covers the
// same blocks), and after a crash between handling a range and saving the
// checkpoint, to all. Subscribers must therefore be idempotent; the
// coordinator's are, since a firing's trigger key (attestation.TriggerKey)
// names the log by block hash, transaction and index, or the block by
// number, and a task is created once per key.
//
// Reorganisations. With confirmations, logs of blocks that get replaced are
// normally never delivered. Before reading past its checkpoint a poller
// checks that the checkpoint's block still has the saved hash. If not (a
// reorganisation deeper than the confirmations), it logs an error, walks
// back through the block hashes it saved (at most ReorgDepth blocks) to the
// newest still canonical, and reads again from there: subscribers receive
// the logs of the new canonical blocks (and again those of unchanged ones).
// What was delivered from the replaced blocks cannot be taken back — a
// different block makes a different trigger key, hence a different task —
// which is what confirmations are for. Logs marked Removed are never
// delivered.
//
// Hashes are computed from the headers the client returns
// (types.Header.Hash) and only compared with each other, never with the
// block hashes in logs, because some L2 headers do not rehash to their block
// hash with go-ethereum's header type.
//
// Concurrency: a Watcher is safe for concurrent use. Run runs the head
// follower in its goroutine and each poller in its own; subscribe and
// unsubscribe at any time, from any goroutine, including from a handler.
// The handlers of one poller are called one at a time, in order, on the
// poller's goroutine, each under HandlerTimeout: a slow handler delays the
// other subscribers of its poller, not other pollers. Headers are cached
// per head and shared by the pollers of a chain. Use one Watcher per chain
// and per CheckpointStore namespace; two Watchers on one store and chain
// would write the same checkpoints.
package chainwatch
