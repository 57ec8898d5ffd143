package lease_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/coordinator/lease"
	"github.com/triggerx-network/triggerx/coordinator/lease/leasetest"
)

func newGuard(t *testing.T, srv *leasetest.Server, instance string, reg prometheus.Registerer) *lease.Guard {
	t.Helper()
	cfg := testConfig(t, srv, instance)
	cfg.Registerer = reg
	g, err := lease.NewGuard(cfg)
	require.NoError(t, err)
	return g
}

func TestGuardClaimsOnce(t *testing.T) {
	srv := leasetest.StartRedis(t)
	reg := prometheus.NewRegistry()
	guards := []*lease.Guard{newGuard(t, srv, "a", reg), newGuard(t, srv, "b", reg)}
	const keys, callers = 20, 8
	for k := range keys {
		key := fmt.Sprintf("task-%d", k)
		var (
			wg  sync.WaitGroup
			won atomic.Int32
		)
		for i := range callers {
			wg.Go(func() {
				ok, err := guards[i%len(guards)].Claim(context.Background(), key, time.Minute)
				assert.NoError(t, err)
				if ok {
					won.Add(1)
				}
			})
		}
		wg.Wait()
		require.Equal(t, int32(1), won.Load(), key)
	}
	require.Equal(t, float64(keys), metric(t, reg, "triggerx_lease_claims_total", "claimed"))
	require.Equal(t, float64(keys*(callers-1)), metric(t, reg, "triggerx_lease_claims_total", "duplicate"))
}

func TestGuardClaimExpires(t *testing.T) {
	srv := leasetest.StartRedis(t)
	a, b := newGuard(t, srv, "a", nil), newGuard(t, srv, "b", nil)
	ctx := context.Background()
	ok, err := a.Claim(ctx, "task-1", 50*time.Millisecond)
	require.NoError(t, err)
	require.True(t, ok)
	require.Eventually(t, func() bool {
		ok, err := b.Claim(ctx, "task-1", time.Minute)
		return err == nil && ok
	}, waitFor, tick, "claimable again once the record expired")
	ok, err = a.Claim(ctx, "task-1", time.Minute)
	require.NoError(t, err)
	require.False(t, ok)
}

func TestGuardClaimFailsWithoutRedis(t *testing.T) {
	srv := leasetest.StartRedis(t)
	reg := prometheus.NewRegistry()
	g := newGuard(t, srv, "a", reg)
	srv.Kill()
	ok, err := g.Claim(context.Background(), "task-1", time.Minute)
	require.Error(t, err)
	require.False(t, ok)
	require.Equal(t, float64(1), metric(t, reg, "triggerx_lease_claims_total", "error"))
}

func TestGuardRejectsBadArguments(t *testing.T) {
	srv := leasetest.StartRedis(t)
	g := newGuard(t, srv, "a", nil)
	_, err := g.Claim(context.Background(), "", time.Minute)
	require.Error(t, err)
	_, err = g.Claim(context.Background(), "task-1", 0)
	require.Error(t, err)
	_, err = lease.NewGuard(lease.Config{Instance: "a"})
	require.Error(t, err, "no client")
}
