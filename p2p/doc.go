// Package p2p is the keeper network's gossip layer: a libp2p host (TCP,
// noise, yamux) running gossipsub on one versioned topic per workflow message
// (/triggerx/<name>/<version> for assignments, results, votes and
// finalizations), one for keepers' signed heartbeats
// (/triggerx/heartbeats/1) and two for batched attestation (ADR 14): the
// aggregator's batch proposals (/triggerx/batches/1) and keepers' BLS
// signatures of a batch (/triggerx/batch-votes/1), with the canonical
// protobuf wire encoding of those messages (EncodeX/DecodeX, package pb).
// *Node implements attestation.Gossip; PublishHeartbeat and
// SubscribeHeartbeats carry the heartbeats, PublishBatchProposal,
// PublishBatchVote, SubscribeBatchProposals and SubscribeBatchVotes the
// batches.
//
// Every received message passes the topic's validator before it is forwarded
// or delivered: bytes that are not a canonical encoding are rejected; a
// message already accepted (by content hash) is ignored; then the injected
// check for its type decides (Checks; ErrIgnore ignores, any other error
// rejects); finally at most one distinct assignment per (task, round), result
// per (task, performer), vote per (task, keeper) and batch vote per (batch
// root, keeper) is accepted, and a different second one is rejected as an
// equivocation (heartbeats, finalizations and batch proposals have no such
// slot). Rejections lower the sending peer's gossipsub score; ignores do
// not.
//
// Rate limits: before any of that, each message counts against a token
// bucket per (peer that forwarded it, topic), Config.PeerRate messages per
// second with bursts of Config.PeerBurst (defaults DefaultPeerRate and
// DefaultPeerBurst, sized so that one relay may forward a whole topic of a
// 1,000 tasks/s network). A message over the limit is ignored, not
// rejected, and counted in triggerx_p2p_rate_limited_total: an honest relay
// in a burst is not penalised, and the limit only caps how much validation
// work one peer can cause. Pubsub remembers an ignored message's id, so the
// node does not take it from another peer either. This node's own
// publishes are not limited. Buckets live in a bounded LRU, so churning
// peers cannot grow memory.
//
// Identity and admission: IdentityFromECDSA turns a keeper's Ethereum key
// into its libp2p identity, so its peer id embeds the same secp256k1 public
// key and AddressOf(peer id) yields the keeper's Ethereum address. With
// Config.Admit set, a connection gater asks Admit (for example, "is
// AddressOf(id) a registered keeper?") about every peer this node dials or
// that connects to it, once the handshake has authenticated the peer id,
// and refuses the connection when Admit returns an error (counted in
// triggerx_p2p_gater_refused_total). Bootstrap peers and Config.AllowPeers
// are always admitted. Decisions are cached per peer (a minute for
// admissions, ten seconds for refusals), so a flood of dials costs one
// Admit call per peer and period; Admit runs under a five-second context.
// Without Admit every peer is admitted.
//
// Concurrency: all methods of *Node are safe for concurrent use. Admit may
// be called concurrently for different peers, from libp2p's dial and
// upgrade goroutines; calls for one peer are not concurrent. Checks run
// concurrently, inside gossipsub's validation goroutines, each under a
// context bounded by Config.ValidateTimeout. Each subscriber gets its own
// goroutine and queue: it is called with one message at a time, its own
// clone of the value, under a context bounded by Config.HandlerTimeout, and
// a slow subscriber delays no other (a subscriber whose queue is full misses
// messages, counted in triggerx_p2p_delivery_dropped_total). Subscriber
// errors are logged and never stop delivery. Messages this node publishes
// are validated like any other and delivered to its own subscribers too.
// Subscribe before publishing or expecting messages: a subscriber sees only
// messages delivered after it registered. The node runs until the context
// given to New ends or Close is called; Close waits for its goroutines.
package p2p
