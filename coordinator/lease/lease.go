package lease

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.uber.org/zap"
)

// Lease is one holder's exclusive claim on a named resource: a Redis key
// with a TTL that holds the holder's instance and the lease's fencing token.
// It stays held while renewals succeed; it ends, for good, when it is
// released or lost. A Lease is safe for concurrent use.
type Lease struct {
	b     *backend
	name  string
	key   string
	value string // what the lease key holds: "<instance> <token>"
	token uint64

	mu       sync.Mutex
	deadline time.Time // the holder must not use the lease from then on
	err      error     // why the lease ended; nil while held
	done     chan struct{}
}

// Name is the name the lease was acquired under.
func (l *Lease) Name() string { return l.name }

// Token is the lease's fencing token: every acquisition of a name gets a
// token greater than every earlier acquisition of that name (see the package
// doc for when this holds). Attach it to writes so that a store can reject
// writes from an older holder.
func (l *Lease) Token() uint64 { return l.token }

// Held reports whether the lease is still held: not released, not found
// lost by a renewal, and its Deadline not passed. Once false it stays false.
func (l *Lease) Held() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.expireLocked(time.Now())
	return l.err == nil
}

// Deadline is when the holder must stop using the lease unless a renewal
// succeeds first: the send time of the last successful renewal (or of the
// acquisition) plus TTL minus SafetyMargin.
func (l *Lease) Deadline() time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.deadline
}

// Done is closed when the lease ends: released or lost. Err tells which.
func (l *Lease) Done() <-chan struct{} { return l.done }

// Err is nil while the lease is held, then why it ended: ErrReleased, or an
// error wrapping ErrLost (ErrNotHeld, ErrExpired).
func (l *Lease) Err() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.expireLocked(time.Now())
	return l.err
}

// Release ends the lease and deletes its key in Redis if the key still holds
// this lease's token. The lease ends even when Redis cannot be reached; its
// key then expires after at most TTL. Releasing a lost or released lease
// only retries the delete.
func (l *Lease) Release(ctx context.Context) error {
	l.end(ErrReleased)
	if err := l.b.release(ctx, []*Lease{l}); err != nil {
		return fmt.Errorf("release lease %s: %w", l.name, err)
	}
	return nil
}

// extend moves the deadline after a renewal sent at sent succeeded. A lease
// that already ended stays ended.
func (l *Lease) extend(sent time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if d := sent.Add(l.b.cfg.TTL - l.b.cfg.SafetyMargin); l.err == nil && d.After(l.deadline) {
		// A successful renewal proves the key stayed ours since the
		// acquisition, even if the old deadline passed while it was in
		// flight and nobody looked.
		l.deadline = d
	}
}

// end ends the lease with err unless it already ended, and reports whether
// this call ended it.
func (l *Lease) end(err error) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.endLocked(err)
}

func (l *Lease) endLocked(err error) bool {
	if l.err != nil {
		return false
	}
	l.err = err
	close(l.done)
	switch {
	case errors.Is(err, ErrExpired):
		l.b.metrics.lost(reasonExpired)
	case errors.Is(err, ErrLost):
		l.b.metrics.lost(reasonNotHeld)
	case errors.Is(err, ErrReleased):
		l.b.metrics.released()
	}
	return true
}

func (l *Lease) expireLocked(now time.Time) {
	if l.err == nil && !now.Before(l.deadline) {
		l.endLocked(ErrExpired)
	}
}

// backend runs the lease scripts for one Config.
type backend struct {
	cfg     Config
	metrics *metrics
	logger  *zap.Logger
}

// newBackend checks cfg, applies its defaults and creates the metrics.
func newBackend(cfg Config, name string) (*backend, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	if err := cfg.checkTiming(); err != nil {
		return nil, err
	}
	logger := cfg.Logger.Named(name)
	m, err := newMetrics(cfg.Registerer)
	if err != nil {
		logger.Warn("Register lease metrics", zap.Error(err))
	}
	return &backend{cfg: cfg, metrics: m, logger: logger}, nil
}

// acquire tries to take each named lease in one pipeline. The result has a
// *Lease for every name acquired and nil for the others; the error is the
// first failure of a call (whose lease may or may not have been taken in
// Redis: if it was, nobody can renew it and it expires after TTL).
func (b *backend) acquire(ctx context.Context, names []string) ([]*Lease, error) {
	ttl := b.cfg.TTL.Milliseconds()
	calls := make([]scriptCall, len(names))
	for i, n := range names {
		calls[i] = scriptCall{keys: []string{b.cfg.leaseKey(n), b.cfg.fenceKey(n)}, args: []any{b.cfg.Instance, ttl}}
	}
	sent := time.Now()
	cmds := runBatch(ctx, b.cfg.Client, acquireScript, calls)
	out := make([]*Lease, len(names))
	var (
		firstErr error
		n        int
	)
	for i, cmd := range cmds {
		token, err := cmd.Uint64()
		switch {
		case err != nil:
			if firstErr == nil {
				firstErr = err
			}
		case token > 0:
			out[i] = &Lease{
				b:        b,
				name:     names[i],
				key:      b.cfg.leaseKey(names[i]),
				value:    b.cfg.Instance + " " + strconv.FormatUint(token, 10),
				token:    token,
				deadline: sent.Add(b.cfg.TTL - b.cfg.SafetyMargin),
				done:     make(chan struct{}),
			}
			n++
		}
	}
	b.metrics.acquired(n)
	return out, firstErr
}

// renew renews leases in one pipeline. A lease whose key no longer holds its
// value ends with ErrNotHeld; one whose call failed is left as it is (its
// Deadline ends it). The error is the first failure of a call.
func (b *backend) renew(ctx context.Context, leases []*Lease) error {
	ttl := b.cfg.TTL.Milliseconds()
	calls := make([]scriptCall, len(leases))
	for i, l := range leases {
		calls[i] = scriptCall{keys: []string{l.key}, args: []any{l.value, ttl}}
	}
	sent := time.Now()
	cmds := runBatch(ctx, b.cfg.Client, renewScript, calls)
	var firstErr error
	for i, cmd := range cmds {
		n, err := cmd.Int64()
		switch {
		case err != nil:
			if firstErr == nil {
				firstErr = err
			}
		case n == 1:
			leases[i].extend(sent)
		default:
			leases[i].end(ErrNotHeld)
		}
	}
	return firstErr
}

// release deletes the keys of leases that still hold their values, in one
// pipeline. The caller ends the leases first.
func (b *backend) release(ctx context.Context, leases []*Lease) error {
	calls := make([]scriptCall, len(leases))
	for i, l := range leases {
		calls[i] = scriptCall{keys: []string{l.key}, args: []any{l.value}}
	}
	for _, cmd := range runBatch(ctx, b.cfg.Client, releaseScript, calls) {
		if err := cmd.Err(); err != nil {
			return err
		}
	}
	return nil
}

// Locker acquires named leases that renew themselves, for work that one
// instance at a time should do (for example following chain events). It is
// safe for concurrent use.
type Locker struct {
	b *backend
}

// NewLocker returns a Locker. It uses cfg's Client, Instance, TTL,
// RenewEvery, SafetyMargin, Prefix, Logger and Registerer.
func NewLocker(cfg Config) (*Locker, error) {
	b, err := newBackend(cfg, "locker")
	if err != nil {
		return nil, err
	}
	return &Locker{b: b}, nil
}

// Acquire tries once to take the lease name, without waiting: it returns
// ErrHeld when another holder has it. The lease then renews itself every
// RenewEvery until it is released or lost; watch Done, or check Held before
// each use. name must be non-empty and contain no '{' or '}'.
func (lk *Locker) Acquire(ctx context.Context, name string) (*Lease, error) {
	if name == "" || strings.ContainsAny(name, "{}") {
		return nil, fmt.Errorf("acquire lease: invalid name %q", name)
	}
	leases, err := lk.b.acquire(ctx, []string{name})
	if err != nil {
		return nil, fmt.Errorf("acquire lease %s: %w", name, err)
	}
	l := leases[0]
	if l == nil {
		return nil, ErrHeld
	}
	lk.b.logger.Debug("Lease acquired", zap.String("lease", name), zap.Uint64("token", l.token))
	go lk.b.keepAlive(l)
	return l, nil
}

// keepAlive renews l every RenewEvery until it ends, and ends it at its
// Deadline when renewals did not get through.
func (b *backend) keepAlive(l *Lease) {
	tick := time.NewTicker(b.cfg.RenewEvery)
	defer tick.Stop()
	for {
		expiry := time.NewTimer(time.Until(l.Deadline()))
		select {
		case <-l.done:
		case <-expiry.C:
			_ = l.Held() // ends the lease with ErrExpired
		case <-tick.C:
			// Bound the call by the deadline: a renewal that hangs past it
			// is useless.
			ctx, cancel := context.WithDeadline(context.Background(), l.Deadline())
			if err := b.renew(ctx, []*Lease{l}); err != nil && l.Held() {
				b.logger.Warn("Renew lease failed; retrying", zap.String("lease", l.name), zap.Error(err))
			}
			cancel()
		}
		expiry.Stop()
		select {
		case <-l.done:
			if err := l.Err(); errors.Is(err, ErrLost) {
				b.logger.Warn("Lease lost", zap.String("lease", l.name), zap.Uint64("token", l.token), zap.Error(err))
			}
			return
		default:
		}
	}
}
