// Package node assembles TriggerX processes from the workflow's stages and
// runs them: RunKeeper (performer and attester), RunAggregator (bootstrap
// peer, vote aggregation, on-chain submission) and RunCoordinator (REST API,
// scheduler, dispatcher, monitor). The binaries in cmd/ and the in-process
// integration tests call the same functions.
//
// It also holds the keeper-side stage implementations: the matcher that
// pairs assignments with results, the performer, the chain verifier and
// attester, the vote aggregator and the submitter, the gossip checks, and the
// badger Journal that makes a restarted keeper never execute a task twice nor
// sign two different votes for one task.
//
// Concurrency: each Run owns its parts and returns when ctx ends or a part
// fails, after stopping every part it started, in reverse order. Stages are
// called concurrently by the p2p layer; each is safe for concurrent use and
// runs slow work (waiting for the chain) in its own goroutines, bounded by the
// process's lifetime.
package node
