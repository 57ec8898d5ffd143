package p2p

import (
	"testing"
	"time"

	pubsub "github.com/libp2p/go-libp2p-pubsub"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"
)

func TestLimiter(t *testing.T) {
	l, err := newLimiter(10, 5, "self")
	require.NoError(t, err)
	now := time.Unix(0, 0)
	l.now = func() time.Time { return now }

	allowed := func(p peer.ID, topic string, n int) int {
		got := 0
		for range n {
			if ok, _ := l.allow(p, topic); ok {
				got++
			}
		}
		return got
	}
	require.Equal(t, 5, allowed("a", "votes", 20), "a burst, then nothing")
	require.Equal(t, 5, allowed("a", "results", 20), "each topic has its own bucket")
	require.Equal(t, 5, allowed("b", "votes", 20), "each peer has its own bucket")
	require.Equal(t, 100, allowed("self", "votes", 100), "this node's own messages are not limited")

	_, first := l.allow("a", "votes")
	require.False(t, first, "still in the same over-limit episode")
	now = now.Add(300 * time.Millisecond) // 3 tokens
	require.Equal(t, 3, allowed("a", "votes", 20))
	now = now.Add(time.Hour)
	require.Equal(t, 5, allowed("a", "votes", 5))
	ok, first := l.allow("a", "votes")
	require.False(t, ok)
	require.True(t, first, "a new episode after a message within the limit")
	require.Zero(t, allowed("a", "votes", 20), "refills up to the burst only")

	off, err := newLimiter(-1, 0, "self")
	require.NoError(t, err)
	require.Nil(t, off)
	ok, _ = off.allow("a", "votes")
	require.True(t, ok, "a nil limiter allows everything")
}

func TestLimiterIsBounded(t *testing.T) {
	l, err := newLimiter(1, 1, "self")
	require.NoError(t, err)
	for i := range 2 * limiterSize {
		l.allow(peer.ID(rune(i)), "votes")
	}
	require.Equal(t, limiterSize, l.buckets.Len(), "churning peers do not grow the buckets without bound")
}

func TestValidatorRateLimit(t *testing.T) {
	reg := prometheus.NewRegistry()
	m, err := newMetrics(reg)
	require.NoError(t, err)
	tp, _ := newVoteTopic(t, m, nil)
	tp.limiter, err = newLimiter(1, 2, "self")
	require.NoError(t, err)
	tp.limiter.now = func() time.Time { return time.Unix(0, 0) }

	require.Equal(t, pubsub.ValidationAccept, tp.validate(t.Context(), "flooder", message(t, FixtureVote(0, 1))))
	require.Equal(t, pubsub.ValidationAccept, tp.validate(t.Context(), "flooder", message(t, FixtureVote(0, 2))))
	over := message(t, FixtureVote(0, 3))
	require.Equal(t, pubsub.ValidationIgnore, tp.validate(t.Context(), "flooder", over), "ignored, not rejected")
	require.Nil(t, over.ValidatorData)
	require.Equal(t, pubsub.ValidationAccept, tp.validate(t.Context(), "other", message(t, FixtureVote(0, 3))),
		"the same message from another peer passes")
	require.Equal(t, 1.0, counterValue(t, m.rateLimited.WithLabelValues("votes")))
	require.Equal(t, 1.0, counterValue(t, m.validation.WithLabelValues("votes", resultIgnore)))
}
