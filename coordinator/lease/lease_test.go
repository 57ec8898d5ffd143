package lease_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/coordinator/lease"
	"github.com/triggerx-network/triggerx/coordinator/lease/leasetest"
)

// newLocker returns a Locker for instance. Its leases renew on their own
// goroutines, which may log after the test ends, so it logs nowhere.
func newLocker(t *testing.T, srv *leasetest.Server, instance string) *lease.Locker {
	t.Helper()
	cfg := testConfig(t, srv, instance)
	cfg.Logger = zap.NewNop()
	lk, err := lease.NewLocker(cfg)
	require.NoError(t, err)
	return lk
}

// acquire takes the lease name and releases it when the test ends.
func acquire(t *testing.T, lk *lease.Locker, name string) *lease.Lease {
	t.Helper()
	l, err := lk.Acquire(context.Background(), name)
	require.NoError(t, err)
	t.Cleanup(func() { _ = l.Release(context.Background()) })
	return l
}

func TestLockerExclusiveWithIncreasingTokens(t *testing.T) {
	srv := leasetest.StartRedis(t)
	ctx := context.Background()
	lockers := []*lease.Locker{newLocker(t, srv, "a"), newLocker(t, srv, "b")}

	var last uint64
	for i := range 20 {
		holder, other := lockers[i%2], lockers[(i+1)%2]
		l := acquire(t, holder, "monitor")
		require.Greater(t, l.Token(), last, "fencing tokens strictly increase")
		last = l.Token()
		require.True(t, l.Held())
		require.Equal(t, "monitor", l.Name())

		_, err := other.Acquire(ctx, "monitor")
		require.ErrorIs(t, err, lease.ErrHeld)
		_, err = holder.Acquire(ctx, "monitor")
		require.ErrorIs(t, err, lease.ErrHeld, "a holder cannot take its own lease twice")

		require.NoError(t, l.Release(ctx))
		require.False(t, l.Held())
		require.ErrorIs(t, l.Err(), lease.ErrReleased)
		require.NotErrorIs(t, l.Err(), lease.ErrLost)
		select {
		case <-l.Done():
		default:
			t.Fatal("Done not closed by Release")
		}
	}

	// Other names have their own leases.
	a := acquire(t, lockers[0], "other")
	require.True(t, a.Held())
}

func TestLockerOneWinnerAmongConcurrentAcquires(t *testing.T) {
	srv := leasetest.StartRedis(t)
	lockers := []*lease.Locker{newLocker(t, srv, "a"), newLocker(t, srv, "b"), newLocker(t, srv, "c")}
	for round := range 10 {
		var (
			wg     sync.WaitGroup
			mu     sync.Mutex
			leases []*lease.Lease
		)
		for i := range 12 {
			wg.Go(func() {
				l, err := lockers[i%len(lockers)].Acquire(context.Background(), "contended")
				if err != nil {
					assert.ErrorIs(t, err, lease.ErrHeld)
					return
				}
				mu.Lock()
				leases = append(leases, l)
				mu.Unlock()
			})
		}
		wg.Wait()
		require.Len(t, leases, 1, "round %d", round)
		require.NoError(t, leases[0].Release(context.Background()))
	}
}

func TestLeaseRenewsPastTTL(t *testing.T) {
	srv := leasetest.StartRedis(t)
	l := acquire(t, newLocker(t, srv, "a"), "monitor")
	first := l.Deadline()
	time.Sleep(testTTL + testTTL/2)
	require.True(t, l.Held(), "renewed: %v", l.Err())
	require.True(t, l.Deadline().After(first))
	_, err := newLocker(t, srv, "b").Acquire(context.Background(), "monitor")
	require.ErrorIs(t, err, lease.ErrHeld)
}

func TestLeaseLostWhenRedisUnreachable(t *testing.T) {
	srv := leasetest.StartRedis(t)
	l := acquire(t, newLocker(t, srv, "a"), "monitor")
	srv.Kill()
	select {
	case <-l.Done():
	case <-time.After(waitFor):
		t.Fatal("lease not reported lost")
	}
	require.False(t, l.Held())
	require.ErrorIs(t, l.Err(), lease.ErrExpired)
	require.ErrorIs(t, l.Err(), lease.ErrLost)
	require.Error(t, l.Release(context.Background()), "Redis is down")
}

func TestLeaseLostWhenKeyGone(t *testing.T) {
	srv := leasetest.StartRedis(t)
	l := acquire(t, newLocker(t, srv, "a"), "monitor")
	require.NoError(t, srv.Client().FlushAll(context.Background()).Err())
	b := acquire(t, newLocker(t, srv, "b"), "monitor")
	select {
	case <-l.Done():
	case <-time.After(waitFor):
		t.Fatal("lease not reported lost")
	}
	require.ErrorIs(t, l.Err(), lease.ErrNotHeld)
	require.ErrorIs(t, l.Err(), lease.ErrLost)
	require.True(t, b.Held(), "the loser's renewals and release leave the new holder's lease alone")
	require.NoError(t, l.Release(context.Background()))
	require.True(t, b.Held())
	require.Greater(t, b.Token(), l.Token(), "the clock floor keeps tokens increasing without the counter")
}

func TestLeaseLostWhenRedisRestarts(t *testing.T) {
	srv := leasetest.StartRedis(t)
	lk := newLocker(t, srv, "a")
	l := acquire(t, lk, "monitor")
	srv.Restart()
	select {
	case <-l.Done():
	case <-time.After(waitFor):
		t.Fatal("lease not reported lost")
	}
	require.ErrorIs(t, l.Err(), lease.ErrLost)
	again := acquire(t, lk, "monitor")
	require.Greater(t, again.Token(), l.Token())
}

func TestLockerRejectsBadNames(t *testing.T) {
	srv := leasetest.StartRedis(t)
	lk := newLocker(t, srv, "a")
	for _, name := range []string{"", "a{b", "}"} {
		_, err := lk.Acquire(context.Background(), name)
		require.Error(t, err, "%q", name)
	}
}
