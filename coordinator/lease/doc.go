// Package lease lets several coordinator instances share the work through
// Redis: leases with fencing tokens, a Sharder that spreads the job
// partitions over the live instances, and a Guard that keeps two instances
// from firing the same job slot.
//
// # Leases
//
// A lease is a Redis key "<Prefix>lease:{name}" holding "<instance>
// <token>" with a TTL. Acquiring is one Lua script: if the key is free, it
// draws the next fencing token from the counter "<Prefix>fence:{name}" (an
// increment floored by Redis's clock in microseconds) and sets the key
// (SET PX). The holder renews it every RenewEvery with a compare-and-PEXPIRE
// script and releases it with a compare-and-delete script, both matching the
// whole value, so they never touch another holder's lease. A lease ends,
// and Lease.Done is closed, when
//
//   - a renewal finds the key gone or holding another value (ErrNotHeld);
//   - no renewal succeeded for TTL - SafetyMargin, counted on the holder's
//     monotonic clock from the send time of the last successful renewal
//     (ErrExpired): Redis expires the key TTL after it ran that renewal, no
//     earlier than it was sent, so the holder stops before anyone else can
//     take over;
//   - the holder releases it (ErrReleased).
//
// Lease.Held turns false at the deadline even if the renewing goroutine is
// late. An ended lease stays ended; a new acquisition gets a new token.
//
// # Sharding
//
// Jobs map to Partitions partitions with PartitionOf (a jump consistent
// hash, fixed forever). Every RenewEvery, Sharder.Run
//
//  1. announces the instance in the member sorted set "<Prefix>{sharder}:members"
//     (score: Redis time + TTL) and reads the live members;
//  2. renews its partition leases in one pipeline and drops those lost;
//  3. computes target = ceil(Partitions / live members) and, above it,
//     releases the extras (they stop being owned before their keys are
//     deleted) or, below it, takes free partitions until it reaches it.
//
// Every instance computes the same balanced rendezvous assignment from the
// member list and uses it as a preference: it takes its assigned partitions
// first and gives up the others first, so a joining instance receives the
// partitions the others release. The leases alone decide ownership.
//
// Bounds, with Δ the duration of one round (a few Redis round trips):
//
//   - A crashed instance's partitions are all owned again within
//     TTL + RenewEvery + Δ of the crash: its member entry and its leases
//     expire at most TTL after their last renewal, which precedes the crash;
//     the next round of each survivor, at most RenewEvery + Δ later, sees
//     one member less, raises its target and tries every free partition
//     until it reaches it, and the survivors' targets add up to at least
//     Partitions. With the defaults (TTL 10s, RenewEvery TTL/3) that is
//     about 13.4s.
//   - An instance that stops cleanly (Run's context ends) releases its
//     leases and leaves, so the others take over within RenewEvery + Δ.
//   - When an instance joins, the others release their extras within
//     RenewEvery + Δ and it takes them within another RenewEvery + Δ; a
//     released partition is unowned for at most RenewEvery + Δ. Jobs of an
//     unowned partition fire late, not never.
//
// # At-most-once firing
//
// Ownership changes hands while instances act on what they last saw: an
// instance that checked Owns may fire a job just after its lease passed to
// another. Guard.Claim is the barrier for that window: a SET NX PX of
// "<Prefix>fired:<task id>", so that of all the instances that try to fire
// one slot, only the one whose claim succeeded creates the task. The
// instance's own store is idempotent on task ID; the claim is what keeps
// two instances apart.
//
// # Guarantees
//
// With one Redis primary that does not lose acknowledged writes, and clocks
// that do not jump and whose rates differ by less than SafetyMargin/TTL
// (Redis expires keys by its wall clock; holders count on their monotonic
// clocks):
//
//   - at any time at most one instance holds a given lease, so at most one
//     Sharder's Owns(p) is true;
//   - of all Claim calls for one key while its record lasts (ttl from the
//     successful call), at most one returns true;
//   - fencing tokens of one lease name strictly increase.
//
// An instance that stalls (GC, swap) between checking Owns and writing can
// still act on a lease it lost: Claim, and fencing tokens checked by the
// store, are what hold then.
//
// What Redis failures do:
//
//   - Redis unreachable, or one instance cut off: holders drop their leases
//     at their deadlines, before the keys expire, and no one else can take
//     them before that; Claim returns errors and nothing fires. Safety holds;
//     work stops until Redis is back.
//   - Redis restarted without persistence (all keys lost): every holder
//     finds its keys gone at its next renewal (within RenewEvery) and may
//     meanwhile overlap with an instance that took the lease anew. Claims
//     are forgotten, so a firing tried again after the restart can be
//     claimed a second time. Fencing tokens keep increasing thanks to the
//     clock floor, if the Redis clock did not go back (a counter runs ahead
//     of the microsecond clock only with more than one acquisition of a
//     name per microsecond).
//   - Failover to a replica (Sentinel, Cluster): replication is
//     asynchronous, so writes acknowledged shortly before the failover can
//     be lost, with the same effects as above for the lost keys: a lease can
//     be held twice until the old holder's next renewal (at most
//     RenewEvery), and a lost claim lets the same firing be claimed again:
//     at-most-once firing is NOT guaranteed across such a failover. Fencing
//     tokens drawn after it exceed the lost ones only if the new primary's
//     clock is ahead of the old one's at the lost acquisitions (true when
//     clocks agree within the failover time). The store's idempotence on
//     task ID, if shared by the instances, still rejects duplicates.
//
// Not guaranteed at all: that every partition is owned at every moment (see
// the bounds), or exactly-once firing (an instance that crashes between its
// claim and the task's creation loses that firing until the claim's ttl
// passes).
//
// # Concurrency
//
// Lease, Locker and Guard are safe for concurrent use. A Sharder's Owns,
// Owned, Token, Partition and OnChange are safe for concurrent use; Run is
// called once and returns when its context ends. OnChange callbacks run on
// one goroutine of Run, one at a time, never while Run holds a lock, so they
// may call the Sharder; a slow callback delays later callbacks, not
// renewals. A Locker lease renews itself on its own goroutine until it is
// released or lost.
//
// Instances sharing work must use the same Redis database, Prefix,
// Partitions, TTL and SafetyMargin, and distinct Instance names.
package lease
