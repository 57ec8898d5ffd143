package p2p

import (
	"fmt"
	"sync"
	"time"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"github.com/libp2p/go-libp2p/core/peer"
)

// Per-peer gossip rate limits.
//
// The limit applies to the peer that forwarded a message to this node
// (pubsub's ReceivedFrom), per topic, and counts only first arrivals: pubsub
// drops copies of a message it has seen before they reach the validator. In
// a star topology one relay forwards a whole topic, so the limit must exceed
// the topic's peak rate: at 1,000 tasks/s, the votes topic carries 1,000 × n
// votes/s for n voting keepers. The defaults cover n up to 20 with a relay
// that forwards everything, and two seconds of burst. An over-limit message
// is ignored, not rejected: pubsub marks its id seen anyway, so this node
// loses it even if an honest peer sends it again, which is why the limit is
// a backstop against floods and not a traffic shaper.
const (
	DefaultPeerRate  = 20_000
	DefaultPeerBurst = 40_000
	// limiterSize bounds the (peer, topic) buckets remembered; the least
	// recently used is evicted first. Evicting a bucket hands its peer a
	// full burst, so the bound is far above the connection manager's
	// high-water mark times the number of topics.
	limiterSize = 1 << 14
)

// limiter is a token bucket per (peer, topic). A nil *limiter allows
// everything. It is safe for concurrent use.
type limiter struct {
	rate  float64 // tokens per second
	burst float64
	self  peer.ID // never limited: this node's own publishes
	now   func() time.Time

	mu      sync.Mutex
	buckets *simplelru.LRU[limitKey, *bucket]
}

type limitKey struct {
	peer  peer.ID
	topic string
}

type bucket struct {
	tokens  float64
	last    time.Time
	limited bool // the last message was over the limit
}

// newLimiter returns a limiter for rate messages per second with the given
// burst, or nil if rate is negative (no limit).
func newLimiter(rate float64, burst int, self peer.ID) (*limiter, error) {
	if rate < 0 {
		return nil, nil
	}
	buckets, err := simplelru.NewLRU[limitKey, *bucket](limiterSize, nil)
	if err != nil {
		return nil, fmt.Errorf("create rate limiter: %w", err)
	}
	return &limiter{rate: rate, burst: float64(max(burst, 1)), self: self, now: time.Now, buckets: buckets}, nil
}

// allow takes a token from the bucket of (p, topic). It reports whether the
// message is within the limit and, when it is not, whether it is the first
// over-limit message since the last one within it (so callers can log once
// per episode).
func (l *limiter) allow(p peer.ID, topic string) (ok, first bool) {
	if l == nil || p == l.self {
		return true, false
	}
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	k := limitKey{p, topic}
	b, found := l.buckets.Get(k)
	if !found {
		b = &bucket{tokens: l.burst, last: now}
		l.buckets.Add(k, b)
	} else if elapsed := now.Sub(b.last); elapsed > 0 {
		b.tokens = min(l.burst, b.tokens+elapsed.Seconds()*l.rate)
		b.last = now
	}
	if b.tokens < 1 {
		first = !b.limited
		b.limited = true
		return false, first
	}
	b.tokens--
	b.limited = false
	return true, false
}
