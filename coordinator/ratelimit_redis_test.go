package coordinator_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/coordinator"
	"github.com/triggerx-network/triggerx/coordinator/lease/leasetest"
)

// Two coordinator instances on one Redis share each key's bucket: together
// they admit the limit, not twice it; keys are independent; the bucket
// refills at the limit per minute.
func TestRedisRateLimiter(t *testing.T) {
	srv := leasetest.StartRedis(t)
	ctx := context.Background()
	a := coordinator.NewRedisRateLimiter(srv.Client(), "test:")
	b := coordinator.NewRedisRateLimiter(srv.Client(), "test:")
	for i, l := range []*coordinator.RedisRateLimiter{a, b, a} {
		remaining, reset, ok, err := l.Allow(ctx, "key_1", 3)
		require.NoError(t, err)
		require.True(t, ok, "request %d", i)
		require.Equal(t, 2-i, remaining)
		require.True(t, reset.After(time.Now().Add(-time.Second)))
	}
	_, reset, ok, err := b.Allow(ctx, "key_1", 3)
	require.NoError(t, err)
	require.False(t, ok, "the fourth request of a 3/min key, on either instance")
	require.WithinDuration(t, time.Now().Add(20*time.Second), reset, 5*time.Second, "a token every 20 s")

	_, _, ok, err = a.Allow(ctx, "key_2", 3)
	require.NoError(t, err)
	require.True(t, ok, "another key has its own bucket")

	// 1200 a minute: a token every 50 ms.
	for {
		_, _, ok, err := a.Allow(ctx, "key_fast", 1200)
		require.NoError(t, err)
		if !ok {
			break
		}
	}
	time.Sleep(120 * time.Millisecond)
	_, _, ok, err = b.Allow(ctx, "key_fast", 1200)
	require.NoError(t, err)
	require.True(t, ok, "refilled")

	_, _, _, err = a.Allow(ctx, "key_1", 0)
	require.Error(t, err)
	srv.Kill()
	_, _, _, err = a.Allow(ctx, "key_1", 3)
	require.Error(t, err, "redis down is an error; the API then lets the request through")
}
