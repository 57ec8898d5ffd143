package lease_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/coordinator/lease"
	"github.com/triggerx-network/triggerx/coordinator/lease/leasetest"
)

// Short timings keep the fault tests quick, yet let a lease survive a
// process stalled for TTL - SafetyMargin - RenewEvery (1.4s) on a busy
// machine; the bounds asserted with Eventually are many times the
// documented ones.
const (
	testPartitions = 64
	testTTL        = 2 * time.Second
	testRenewEvery = 200 * time.Millisecond
	testMargin     = 400 * time.Millisecond
	// waitFor is far above every documented bound (TTL + RenewEvery + a
	// round) so that a slow machine does not fail the tests.
	waitFor = 20 * time.Second
	tick    = 20 * time.Millisecond
)

func testConfig(t *testing.T, srv *leasetest.Server, instance string) lease.Config {
	return lease.Config{
		Client:       srv.Client(),
		Instance:     instance,
		Partitions:   testPartitions,
		TTL:          testTTL,
		RenewEvery:   testRenewEvery,
		SafetyMargin: testMargin,
		Prefix:       "test:",
		Logger:       zaptest.NewLogger(t, zaptest.Level(zap.InfoLevel)).Named(instance),
	}
}

// cluster runs sharders against one Redis and checks, the whole test long,
// that no two of them ever own the same partition.
type cluster struct {
	t     *testing.T
	srv   *leasetest.Server
	mu    sync.Mutex
	nodes []*node
}

type node struct {
	name     string
	s        *lease.Sharder
	cancel   context.CancelFunc
	finished chan struct{} // closed when Run returned
	err      error         // what Run returned
	mu       sync.Mutex
	changes  [][]int // OnChange calls
}

func newCluster(t *testing.T) *cluster {
	c := &cluster{t: t, srv: leasetest.StartRedis(t)}
	c.watchOverlap()
	return c
}

// start runs a sharder named name; mod adjusts its config.
func (c *cluster) start(name string, mod ...func(*lease.Config)) *node {
	cfg := testConfig(c.t, c.srv, name)
	for _, m := range mod {
		m(&cfg)
	}
	s, err := lease.NewSharder(cfg)
	require.NoError(c.t, err)
	ctx, cancel := context.WithCancel(context.Background())
	n := &node{name: name, s: s, cancel: cancel, finished: make(chan struct{})}
	s.OnChange(func(owned []int) {
		n.mu.Lock()
		defer n.mu.Unlock()
		n.changes = append(n.changes, owned)
	})
	go func() {
		n.err = s.Run(ctx)
		close(n.finished)
	}()
	c.t.Cleanup(func() { _ = n.stop() })
	c.mu.Lock()
	c.nodes = append(c.nodes, n)
	c.mu.Unlock()
	return n
}

// stop ends the node's Run and returns its result.
func (n *node) stop() error {
	n.cancel()
	<-n.finished
	return n.err
}

func (n *node) lastChange() []int {
	n.mu.Lock()
	defer n.mu.Unlock()
	if len(n.changes) == 0 {
		return nil
	}
	return n.changes[len(n.changes)-1]
}

// tokens returns the token of every partition the sharder owns.
func tokens(s *lease.Sharder) map[int]uint64 {
	out := map[int]uint64{}
	for p := range s.Partitions() {
		if tok, ok := s.Token(p); ok {
			out[p] = tok
		}
	}
	return out
}

// watchOverlap samples every node's owned partitions three times in a row
// until the test ends. A lease held at the first and third sample with the
// same token was held throughout, so another node owning its partition at
// the second sample is a real overlap.
func (c *cluster) watchOverlap() {
	stop, stopped := make(chan struct{}), make(chan struct{})
	var violations []string
	go func() {
		defer close(stopped)
		for {
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
			c.mu.Lock()
			nodes := slices.Clone(c.nodes)
			c.mu.Unlock()
			var snaps [3][]map[int]uint64
			for i := range snaps {
				for _, n := range nodes {
					snaps[i] = append(snaps[i], tokens(n.s))
				}
			}
			for i, a := range nodes {
				for p, tok := range snaps[0][i] {
					if snaps[2][i][p] != tok {
						continue
					}
					for j, b := range nodes {
						if _, ok := snaps[1][j][p]; ok && j != i {
							violations = append(violations, fmt.Sprintf("partition %d owned by %s and %s", p, a.name, b.name))
						}
					}
				}
			}
		}
	}()
	c.t.Cleanup(func() {
		close(stop)
		<-stopped
		require.Empty(c.t, violations, "partitions owned by two instances at once")
	})
}

// balanced reports whether nodes own every partition exactly once, each
// node at most ceil(partitions/len(nodes)).
func balanced(nodes ...*node) bool {
	seen := make(map[int]bool)
	limit := (testPartitions + len(nodes) - 1) / len(nodes)
	for _, n := range nodes {
		owned := n.s.Owned()
		if len(owned) > limit {
			return false
		}
		for _, p := range owned {
			if seen[p] {
				return false
			}
			seen[p] = true
		}
	}
	return len(seen) == testPartitions
}

func counts(nodes ...*node) string {
	var b strings.Builder
	for _, n := range nodes {
		fmt.Fprintf(&b, "%s=%d ", n.name, len(n.s.Owned()))
	}
	return b.String()
}

func TestSharderSplitsPartitions(t *testing.T) {
	c := newCluster(t)
	a, b := c.start("a"), c.start("b")
	require.Eventually(t, func() bool { return balanced(a, b) }, waitFor, tick, "%s", counts(a, b))
	require.Len(t, a.s.Owned(), testPartitions/2)
	require.Len(t, b.s.Owned(), testPartitions/2)
	for _, n := range []*node{a, b} {
		require.Eventually(t, func() bool { return slices.Equal(n.lastChange(), n.s.Owned()) }, waitFor, tick,
			"OnChange ends with the owned set")
		for _, p := range n.s.Owned() {
			require.True(t, n.s.Owns(p))
		}
	}
}

func TestSharderRebalancesWhenInstanceJoins(t *testing.T) {
	c := newCluster(t)
	a, b := c.start("a"), c.start("b")
	require.Eventually(t, func() bool { return balanced(a, b) }, waitFor, tick, "%s", counts(a, b))

	d := c.start("c")
	require.Eventually(t, func() bool { return balanced(a, b, d) }, waitFor, tick, "%s", counts(a, b, d))
	for _, n := range []*node{a, b, d} {
		// ceil(64/3) = 22 each at most, so 20 at least.
		require.GreaterOrEqual(t, len(n.s.Owned()), testPartitions-2*22, counts(a, b, d))
	}
}

func TestSharderTakesOverCrashedInstance(t *testing.T) {
	c := newCluster(t)
	crash := func(cfg *lease.Config) { cfg.TestCrashOnStop = true }
	a, b, d := c.start("a"), c.start("b"), c.start("c", crash)
	require.Eventually(t, func() bool { return balanced(a, b, d) }, waitFor, tick, "%s", counts(a, b, d))
	dead := d.s.Owned()
	require.NotEmpty(t, dead)

	require.NoError(t, d.stop())
	require.Empty(t, d.s.Owned(), "a stopped sharder owns nothing")
	require.Empty(t, d.lastChange(), "OnChange ends with the empty set")

	// Within TTL + RenewEvery (+ a round) of the crash, the survivors own
	// everything, the crashed instance's partitions included.
	require.Eventually(t, func() bool { return balanced(a, b) }, waitFor, tick, "%s", counts(a, b))
	require.Len(t, a.s.Owned(), testPartitions/2)
}

func TestSharderHandsOverOnStop(t *testing.T) {
	c := newCluster(t)
	a, b := c.start("a"), c.start("b")
	require.Eventually(t, func() bool { return balanced(a, b) }, waitFor, tick, "%s", counts(a, b))

	require.NoError(t, b.stop())
	require.Empty(t, b.lastChange())
	require.Eventually(t, func() bool { return balanced(a) }, waitFor, tick, "%s", counts(a))
}

func TestSharderLosesLeasesWhenRedisUnreachable(t *testing.T) {
	c := newCluster(t)
	reg := prometheus.NewRegistry()
	a := c.start("a", func(cfg *lease.Config) { cfg.Registerer = reg })
	require.Eventually(t, func() bool { return balanced(a) }, waitFor, tick)
	before := tokens(a.s)

	c.srv.Kill()
	require.Eventually(t, func() bool { return len(a.s.Owned()) == 0 }, waitFor, tick, "leases dropped at their deadline")
	require.Eventually(t, func() bool { l := a.lastChange(); return l != nil && len(l) == 0 }, waitFor, tick,
		"OnChange reports the loss")
	require.Equal(t, float64(testPartitions), metric(t, reg, "triggerx_lease_losses_total", "expired"))
	require.Zero(t, metric(t, reg, "triggerx_lease_owned_partitions", ""))

	// Back up, empty: the sharder takes everything again with new tokens,
	// higher than before although Redis lost the fence counters.
	c.srv.Restart()
	require.Eventually(t, func() bool { return balanced(a) }, waitFor, tick)
	for p, tok := range tokens(a.s) {
		require.Greater(t, tok, before[p], "partition %d", p)
	}
	require.Equal(t, float64(testPartitions), metric(t, reg, "triggerx_lease_owned_partitions", ""))
	require.Equal(t, float64(2*testPartitions), metric(t, reg, "triggerx_lease_acquisitions_total", ""))
	require.Equal(t, float64(1), metric(t, reg, "triggerx_lease_live_instances", ""))
}

func TestSharderLosesLeasesWhenRedisRestarts(t *testing.T) {
	c := newCluster(t)
	reg := prometheus.NewRegistry()
	a := c.start("a", func(cfg *lease.Config) { cfg.Registerer = reg })
	require.Eventually(t, func() bool { return balanced(a) }, waitFor, tick)
	before := tokens(a.s)

	// A restart empties Redis: the next renewal finds every key gone (or,
	// if the restart outlasted the deadline, the leases expire first).
	c.srv.Restart()
	require.Eventually(t, func() bool {
		now := tokens(a.s)
		if len(now) != testPartitions {
			return false
		}
		for p, tok := range now {
			if tok <= before[p] {
				return false
			}
		}
		return true
	}, waitFor, tick, "every lease lost and taken again with a higher token")
	require.Equal(t, float64(testPartitions), metric(t, reg, "triggerx_lease_losses_total", ""))
}

func TestSharderRefusesOtherPartitionCount(t *testing.T) {
	c := newCluster(t)
	a := c.start("a")
	require.Eventually(t, func() bool { return balanced(a) }, waitFor, tick)

	b := c.start("b", func(cfg *lease.Config) { cfg.Partitions = 32 })
	select {
	case <-b.finished:
		require.ErrorIs(t, b.err, lease.ErrPartitionsMismatch)
	case <-time.After(waitFor):
		t.Fatal("Run with another partition count did not return")
	}
	require.Empty(t, b.s.Owned())
	require.Len(t, a.s.Owned(), testPartitions)
}

func TestSharderPartition(t *testing.T) {
	srv := leasetest.StartRedis(t)
	s, err := lease.NewSharder(testConfig(t, srv, "a"))
	require.NoError(t, err)
	for id := range uint64(1000) {
		p := s.Partition(id)
		require.Equal(t, lease.PartitionOf(id, testPartitions), p)
		require.False(t, s.Owns(p), "not running")
	}
	require.False(t, s.Owns(-1))
	require.False(t, s.Owns(testPartitions))
}

func TestNewSharderRejectsBadConfig(t *testing.T) {
	srv := leasetest.StartRedis(t)
	for name, mod := range map[string]func(*lease.Config){
		"no client":             func(c *lease.Config) { c.Client = nil },
		"no instance":           func(c *lease.Config) { c.Instance = "" },
		"negative partitions":   func(c *lease.Config) { c.Partitions = -1 },
		"renew after deadline":  func(c *lease.Config) { c.RenewEvery = c.TTL - c.SafetyMargin },
		"margin above ttl":      func(c *lease.Config) { c.SafetyMargin = c.TTL },
		"brace in prefix":       func(c *lease.Config) { c.Prefix = "a{b}" },
		"negative safety":       func(c *lease.Config) { c.SafetyMargin = -time.Second },
		"ttl below millisecond": func(c *lease.Config) { c.TTL, c.RenewEvery, c.SafetyMargin = time.Microsecond, 1, 1 },
	} {
		t.Run(name, func(t *testing.T) {
			cfg := testConfig(t, srv, "a")
			mod(&cfg)
			_, err := lease.NewSharder(cfg)
			require.Error(t, err)
		})
	}
}

// metric returns the sum of the counters or gauges named name whose labels
// include the value labelValue ("" for any).
func metric(t *testing.T, reg *prometheus.Registry, name, labelValue string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	require.NoError(t, err)
	var sum float64
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
		for _, m := range mf.GetMetric() {
			match := labelValue == ""
			for _, lp := range m.GetLabel() {
				match = match || lp.GetValue() == labelValue
			}
			if match {
				sum += m.GetCounter().GetValue() + m.GetGauge().GetValue()
			}
		}
	}
	return sum
}
