package lease

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
	"go.uber.org/zap"
)

// Sharder shares the job partitions among the live coordinator instances:
// it holds one lease per owned partition, renews them, and rebalances every
// RenewEvery so that each instance holds about ceil(Partitions / live
// instances). The instance that owns a job's partition fires the job.
//
// Owns, Owned, Token, Partition and OnChange are safe for concurrent use;
// Run is called once.
type Sharder struct {
	b       *backend
	running atomic.Bool

	mu     sync.RWMutex
	leases []*Lease // by partition; nil when not owned

	subsMu sync.Mutex
	subs   []func(owned []int)
	wake   chan struct{}
}

// NewSharder returns a Sharder for cfg. Start it with Run.
func NewSharder(cfg Config) (*Sharder, error) {
	if cfg.Partitions < 0 {
		return nil, fmt.Errorf("lease config: Partitions %d below 0", cfg.Partitions)
	}
	b, err := newBackend(cfg, "sharder")
	if err != nil {
		return nil, err
	}
	return &Sharder{
		b:      b,
		leases: make([]*Lease, b.cfg.Partitions),
		wake:   make(chan struct{}, 1),
	}, nil
}

// Partitions is the number of partitions.
func (s *Sharder) Partitions() int { return s.b.cfg.Partitions }

// Partition is the partition of a job: PartitionOf(jobID, Partitions()).
func (s *Sharder) Partition(jobID uint64) int { return PartitionOf(jobID, s.b.cfg.Partitions) }

// Owns reports whether this instance holds the lease of partition p now.
// Check it right before acting on a job of p; a true answer can turn false
// at any moment after it was given (hence Guard).
func (s *Sharder) Owns(p int) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if p < 0 || p >= len(s.leases) {
		return false
	}
	l := s.leases[p]
	return l != nil && l.Held()
}

// Token returns the fencing token of partition p's lease while this
// instance owns p.
func (s *Sharder) Token(p int) (uint64, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if p < 0 || p >= len(s.leases) {
		return 0, false
	}
	l := s.leases[p]
	if l == nil || !l.Held() {
		return 0, false
	}
	return l.Token(), true
}

// Owned returns the partitions this instance owns, ascending.
func (s *Sharder) Owned() []int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []int
	for p, l := range s.leases {
		if l != nil && l.Held() {
			out = append(out, p)
		}
	}
	return out
}

// OnChange subscribes f to changes of the owned set. f runs on one goroutine
// of Run, one call at a time, with the owned set (ascending, f's own copy)
// after one or more changes: calls may skip intermediate sets, never the
// latest, and the last call, when Run returns, has an empty set. A
// partition lost and taken again between two calls (its Token changed)
// also causes a call, possibly with an unchanged set. Owns is always at
// least as current as the latest call. Subscribe before Run to see every
// change; a slow f delays later calls, not renewals.
func (s *Sharder) OnChange(f func(owned []int)) {
	s.subsMu.Lock()
	defer s.subsMu.Unlock()
	s.subs = append(s.subs, f)
}

// Run announces this instance, takes and renews partition leases and
// rebalances every RenewEvery until ctx ends. It then releases its leases
// and leaves the member set, so the other instances take its partitions
// over within RenewEvery, and returns nil. Redis errors are logged and
// retried; leases that cannot be renewed in time are dropped. Run returns
// ErrPartitionsMismatch (wrapped) when the live instances use another
// partition count.
func (s *Sharder) Run(ctx context.Context) error {
	if !s.running.CompareAndSwap(false, true) {
		return errors.New("run sharder: already running")
	}
	cfg := s.b.cfg
	s.b.logger.Info("Sharder started", zap.String("instance", cfg.Instance), zap.Int("partitions", cfg.Partitions),
		zap.Duration("ttl", cfg.TTL), zap.Duration("renew_every", cfg.RenewEvery))

	stopNotify, notified := make(chan struct{}), make(chan struct{})
	go s.notifyLoop(stopNotify, notified)
	defer func() {
		close(stopNotify)
		<-notified
		s.b.logger.Info("Sharder stopped")
	}()

	tick := time.NewTicker(cfg.RenewEvery)
	defer tick.Stop()
	err := s.round(ctx)
	for err == nil && ctx.Err() == nil {
		select {
		case <-ctx.Done():
		case <-tick.C:
			err = s.round(ctx)
		case <-s.nextExpiry():
			s.collect()
		}
	}
	s.stop(ctx)
	if err != nil {
		return fmt.Errorf("run sharder: %w", err)
	}
	return nil
}

// round is one period of Run: heartbeat, renew, drop lost leases, then
// release extras or take free partitions towards the target.
func (s *Sharder) round(ctx context.Context) error {
	cfg := s.b.cfg
	hctx, cancel := context.WithTimeout(ctx, cfg.RenewEvery)
	members, hbErr := heartbeat(hctx, cfg)
	cancel()
	if errors.Is(hbErr, ErrPartitionsMismatch) {
		return hbErr
	}

	if held := s.held(); len(held) > 0 {
		// Bound the renewal by the earliest deadline: a renewal that hangs
		// past it is useless.
		deadline := time.Now().Add(cfg.RenewEvery)
		for _, l := range held {
			if d := l.Deadline(); d.Before(deadline) {
				deadline = d
			}
		}
		rctx, cancel := context.WithDeadline(ctx, deadline)
		err := s.b.renew(rctx, held)
		cancel()
		if err != nil && ctx.Err() == nil {
			s.b.logger.Warn("Renew partition leases failed; retrying", zap.Error(err))
		}
	}
	s.collect()

	if hbErr != nil {
		if ctx.Err() == nil {
			s.b.logger.Warn("Heartbeat failed; not rebalancing", zap.Error(hbErr))
		}
		return nil
	}
	s.b.metrics.liveInstances(len(members))
	target := ceilDiv(cfg.Partitions, len(members))
	pref := preference(cfg.Instance, assign(members, cfg.Partitions))
	var gained, released []int
	switch n := len(s.held()); {
	case n > target:
		released = s.releaseExtras(ctx, pref, n-target)
	case n < target:
		gained = s.acquireFree(ctx, pref, target-n)
	}
	if len(gained)+len(released) > 0 {
		owned := s.Owned()
		s.b.metrics.ownedPartitions(len(owned))
		s.b.logger.Info("Partitions changed", zap.Int("owned", len(owned)), zap.Ints("gained", gained),
			zap.Ints("released", released), zap.Int("target", target), zap.Strings("instances", members))
		s.changed()
	}
	return nil
}

// held returns the leases this instance holds or held until now.
func (s *Sharder) held() []*Lease {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []*Lease
	for _, l := range s.leases {
		if l != nil {
			out = append(out, l)
		}
	}
	return out
}

// collect drops the leases that ended and reports the loss.
func (s *Sharder) collect() {
	var (
		lost   []int
		reason error
	)
	s.mu.Lock()
	for p, l := range s.leases {
		if l != nil && !l.Held() {
			s.leases[p] = nil
			lost = append(lost, p)
			reason = l.Err()
		}
	}
	s.mu.Unlock()
	if len(lost) == 0 {
		return
	}
	owned := s.Owned()
	s.b.metrics.ownedPartitions(len(owned))
	s.b.logger.Warn("Partition leases lost", zap.Ints("partitions", lost), zap.Int("owned", len(owned)), zap.Error(reason))
	s.changed()
}

// nextExpiry fires at the earliest lease deadline (never when no lease is
// held).
func (s *Sharder) nextExpiry() <-chan time.Time {
	var first time.Time
	for _, l := range s.held() {
		if d := l.Deadline(); first.IsZero() || d.Before(first) {
			first = d
		}
	}
	if first.IsZero() {
		return nil
	}
	return time.After(time.Until(first))
}

// releaseExtras gives up the k owned partitions that come last in pref.
// They stop being owned before their keys are deleted.
func (s *Sharder) releaseExtras(ctx context.Context, pref []int, k int) []int {
	var (
		victims  []*Lease
		released []int
	)
	s.mu.Lock()
	for i := len(pref) - 1; i >= 0 && len(victims) < k; i-- {
		p := pref[i]
		if l := s.leases[p]; l != nil {
			s.leases[p] = nil
			l.end(ErrReleased)
			victims = append(victims, l)
			released = append(released, p)
		}
	}
	s.mu.Unlock()
	slices.Sort(released)
	rctx, cancel := context.WithTimeout(ctx, s.b.cfg.RenewEvery)
	defer cancel()
	if err := s.b.release(rctx, victims); err != nil && ctx.Err() == nil {
		s.b.logger.Warn("Release partition leases failed; they expire after the TTL", zap.Ints("partitions", released), zap.Error(err))
	}
	return released
}

// acquireFree takes up to need free partitions, in pref order.
func (s *Sharder) acquireFree(ctx context.Context, pref []int, need int) []int {
	cfg := s.b.cfg
	actx, cancel := context.WithTimeout(ctx, cfg.RenewEvery)
	defer cancel()

	// Find the free partitions first, so that an instance below its target
	// while none is free costs one round trip.
	s.mu.RLock()
	var candidates []int
	for _, p := range pref {
		if s.leases[p] == nil {
			candidates = append(candidates, p)
		}
	}
	s.mu.RUnlock()
	pipe := cfg.Client.Pipeline()
	exists := make([]*redis.IntCmd, len(candidates))
	for i, p := range candidates {
		exists[i] = pipe.Exists(actx, cfg.leaseKey(partitionLease(p)))
	}
	_, _ = pipe.Exec(actx)
	var free []int
	for i, cmd := range exists {
		if n, err := cmd.Result(); err == nil && n == 0 {
			free = append(free, candidates[i])
		}
	}

	// Other instances may take some of them meanwhile: try in batches of
	// what is still needed.
	var gained []int
	for len(free) > 0 && need > 0 {
		batch := free[:min(need, len(free))]
		free = free[len(batch):]
		names := make([]string, len(batch))
		for i, p := range batch {
			names[i] = partitionLease(p)
		}
		leases, err := s.b.acquire(actx, names)
		s.mu.Lock()
		for i, l := range leases {
			if l != nil {
				s.leases[batch[i]] = l
				gained = append(gained, batch[i])
				need--
			}
		}
		s.mu.Unlock()
		if err != nil {
			if ctx.Err() == nil {
				s.b.logger.Warn("Acquire partition leases failed; retrying next round", zap.Error(err))
			}
			break
		}
	}
	slices.Sort(gained)
	return gained
}

// stop ends every lease when Run returns and, unless TestCrashOnStop,
// releases them and leaves the member set.
func (s *Sharder) stop(ctx context.Context) {
	s.mu.Lock()
	var leases []*Lease
	for p, l := range s.leases {
		if l != nil {
			s.leases[p] = nil
			l.end(ErrReleased)
			leases = append(leases, l)
		}
	}
	s.mu.Unlock()
	s.b.metrics.ownedPartitions(0)
	s.changed()
	if s.b.cfg.TestCrashOnStop {
		return
	}
	// The shutdown gets its own bounded context: ctx has ended.
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.b.cfg.RenewEvery)
	defer cancel()
	var errs []error
	if len(leases) > 0 {
		errs = append(errs, s.b.release(sctx, leases))
	}
	errs = append(errs, leave(sctx, s.b.cfg))
	if err := errors.Join(errs...); err != nil {
		s.b.logger.Warn("Release partitions at shutdown failed; they expire after the TTL", zap.Error(err))
	}
}

// changed wakes the notifier.
func (s *Sharder) changed() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// notifyLoop calls the OnChange subscribers whenever the owned set, or the
// token of an owned partition, differs from what they last saw, until stop
// is closed; then it delivers the final set and closes done.
func (s *Sharder) notifyLoop(stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	var last []ownedLease
	deliver := func() {
		cur := s.ownedLeases()
		if slices.Equal(cur, last) {
			return
		}
		last = cur
		owned := make([]int, len(cur))
		for i, o := range cur {
			owned[i] = o.partition
		}
		s.subsMu.Lock()
		subs := slices.Clone(s.subs)
		s.subsMu.Unlock()
		for _, f := range subs {
			f(slices.Clone(owned))
		}
	}
	for {
		select {
		case <-s.wake:
			deliver()
		case <-stop:
			deliver()
			return
		}
	}
}

// ownedLease is an owned partition and the token of its lease.
type ownedLease struct {
	partition int
	token     uint64
}

func (s *Sharder) ownedLeases() []ownedLease {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []ownedLease
	for p, l := range s.leases {
		if l != nil && l.Held() {
			out = append(out, ownedLease{p, l.Token()})
		}
	}
	return out
}
