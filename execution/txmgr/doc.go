// Package txmgr sends one key's transactions on one chain so that each
// request yields at most one mined transaction, whatever fails along the
// way: RPC errors, lost broadcasts, stuck fees, reorgs, or a crash of the
// process between sending and the receipt.
//
// # Requests and the journal
//
// A Request names itself with an idempotency Key (a keeper uses
// "execute/<task id>"). The first Send of a key simulates the call
// (eth_call: a revert returns a *RevertError and records nothing), estimates
// its gas (estimate plus a margin, at least the request's headroom, at most
// a cap), takes the next nonce and signs an EIP-1559 transaction. The entry —
// key, nonce, call and every signed attempt — is written to the Store before
// the transaction is broadcast, so after a crash the manager knows the nonce
// is taken and which transactions may be mined. A later Send of the same key,
// in this process or after a restart, waits for that entry instead of sending
// anything new; once the entry is done it answers from the journal.
//
// Nonces are allocated in order under one lock: the next nonce is the larger
// of the chain's pending nonce (read once) and one past the highest nonce in
// the journal. Every allocated nonce is driven until a transaction with it is
// mined, so no gap is left behind.
//
// # Driving entries
//
// A background loop polls every pending entry:
//   - a receipt of any attempt, in a block that is still canonical and has
//     Config.Confirmations blocks on top of it (counting its own), completes
//     the entry; a receipt whose block was reorged out is ignored and the
//     entry is driven on (its transaction is re-broadcast if the node lost it);
//   - an attempt not mined after Config.ResubmitAfter is replaced at the same
//     nonce with both fees bumped by Config.FeeBumpPercent (at least the 10%
//     nodes require), never above Config.MaxFeePerGas; at the cap the last
//     attempt is re-broadcast instead;
//   - a receipt lookup the node cannot answer yet ("transaction indexing is
//     in progress", a fresh or restarted geth) counts as not mined for
//     replacements, and as no answer for the next rule;
//   - a nonce that the chain shows used while none of the entry's attempts
//     has a receipt, on several polls in a row, was taken by a transaction
//     this manager did not send (the key was used elsewhere): the entry gets a
//     fresh nonce. None of its earlier attempts can be mined any more, so
//     this cannot yield a second transaction.
//
// A mined transaction that failed (status 0) completes its entry like any
// other: the Outcome carries the receipt and the caller decides.
//
// # Concurrency
//
// A Manager is safe for concurrent use. Send blocks until the entry is done,
// ctx ends (the entry stays in the journal and is still driven) or the
// manager is closed. One Manager per chain and key: two managers sending
// from the same key would fight over nonces.
package txmgr
