// Package p2p is the keeper network's gossip layer: a libp2p host (TCP,
// noise, yamux) running gossipsub on one versioned topic per workflow message
// (/triggerx/<name>/<version> for assignments, results, votes and
// finalizations) and one for keepers' signed heartbeats
// (/triggerx/heartbeats/1), with the canonical protobuf wire encoding of
// those messages (EncodeX/DecodeX, package pb). *Node implements
// attestation.Gossip; PublishHeartbeat and SubscribeHeartbeats carry the
// heartbeats.
//
// Every received message passes the topic's validator before it is forwarded
// or delivered: bytes that are not a canonical encoding are rejected; a
// message already accepted (by content hash) is ignored; then the injected
// check for its type decides (Checks; ErrIgnore ignores, any other error
// rejects); finally at most one distinct assignment per (task, round), result
// per (task, performer) and vote per (task, keeper) is accepted, and a
// different second one is rejected as an equivocation (heartbeats and
// finalizations have no such slot). Rejections lower the
// sending peer's gossipsub score; ignores do not.
//
// Concurrency: all methods of *Node are safe for concurrent use. Checks run
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
