package p2p_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/p2p"
)

// admitter is a Config.Admit that admits a fixed set of peers and counts its
// calls per peer.
type admitter struct {
	mu      sync.Mutex
	allowed map[peer.ID]bool
	calls   map[peer.ID]int
}

func newAdmitter(allowed ...peer.ID) *admitter {
	a := &admitter{allowed: map[peer.ID]bool{}, calls: map[peer.ID]int{}}
	for _, id := range allowed {
		a.allowed[id] = true
	}
	return a
}

func (a *admitter) admit(ctx context.Context, id peer.ID) error {
	if _, ok := ctx.Deadline(); !ok {
		return errors.New("admit called without a deadline")
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.calls[id]++
	if !a.allowed[id] {
		return errors.New("not a registered keeper")
	}
	return nil
}

func (a *admitter) callsFor(id peer.ID) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.calls[id]
}

// newKey returns a fresh identity and its peer id.
func newKey(t *testing.T) (p2p.Config, peer.ID) {
	t.Helper()
	k, err := p2p.GenerateIdentity(p2p.KeySecp256k1)
	require.NoError(t, err)
	id, err := peer.IDFromPrivateKey(k)
	require.NoError(t, err)
	return p2p.Config{Identity: k}, id
}

// counter returns the value of the counter name with the given labels in
// reg, or 0.
func counter(t *testing.T, reg *prometheus.Registry, name string, labels map[string]string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	require.NoError(t, err)
	var sum float64
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
	metric:
		for _, m := range mf.GetMetric() {
			for _, l := range m.GetLabel() {
				if want, ok := labels[l.GetName()]; ok && want != l.GetValue() {
					continue metric
				}
			}
			sum += m.GetCounter().GetValue()
		}
	}
	return sum
}

func addrInfo(t *testing.T, n *p2p.Node) peer.AddrInfo {
	t.Helper()
	ai, err := peer.AddrInfoFromString(n.Addrs()[0])
	require.NoError(t, err)
	return *ai
}

func connected(a, b *p2p.Node) bool { return slices.Contains(a.Peers(), b.ID()) }

// TestGaterAdmitsOnlyAdmittedPeers runs a gated node that admits only peer
// x (through Admit) and peer w (through AllowPeers), and a peer y that it
// refuses. All three know the gated node as their bootstrap peer.
func TestGaterAdmitsOnlyAdmittedPeers(t *testing.T) {
	xCfg, xID := newKey(t)
	wCfg, wID := newKey(t)
	adm := newAdmitter(xID)
	reg := prometheus.NewRegistry()
	gated := startNode(t, "gated", p2p.Config{Admit: adm.admit, AllowPeers: []peer.ID{wID}, Registerer: reg})

	xCfg.Bootstrap = gated.Addrs()
	x := startNode(t, "x", xCfg)
	wCfg.Bootstrap = gated.Addrs()
	w := startNode(t, "w", wCfg)
	y := startNode(t, "y", p2p.Config{Bootstrap: gated.Addrs()})

	recs := []*recorder{newRecorder(gated), newRecorder(x), newRecorder(w)}
	yRec := newRecorder(y)
	require.Eventually(t, func() bool { return connected(gated, x) && connected(gated, w) },
		deliveryTimeout, tick, "admitted peers connect")
	warmUp(t, []*p2p.Node{gated, x, w}, recs)

	t.Run("the refused peer cannot connect", func(t *testing.T) {
		require.Eventually(t, func() bool {
			return counter(t, reg, "triggerx_p2p_gater_refused_total", map[string]string{"direction": "inbound"}) > 0
		}, deliveryTimeout, tick, "the gated node refused y's dial")
		err := y.Host().Connect(t.Context(), addrInfo(t, gated))
		if err == nil { // the dialer may see the handshake succeed before the gated side closes it
			require.Eventually(t, func() bool {
				return y.Host().Network().Connectedness(gated.ID()) != network.Connected
			}, deliveryTimeout, tick, "the connection is closed at once")
		}
		require.NotContains(t, gated.Peers(), y.ID())
	})

	t.Run("gossip flows between admitted peers only", func(t *testing.T) {
		ctx := t.Context()
		fromY := p2p.FixtureVote(20, 0x20)
		require.NoError(t, y.PublishVote(ctx, fromY))
		fromX := p2p.FixtureVote(21, 0x21)
		require.NoError(t, x.PublishVote(ctx, fromX))
		fromGated := p2p.FixtureVote(22, 0x22)
		require.NoError(t, gated.PublishVote(ctx, fromGated))
		require.Eventually(t, func() bool { return arrived(recs, []common.Hash{fromX.TaskID, fromGated.TaskID}) },
			deliveryTimeout, tick, "admitted peers exchange gossip")
		for i, r := range recs {
			require.Zero(t, r.count("vote", fromY.TaskID), "node %d got the refused peer's vote", i)
		}
		require.Zero(t, yRec.count("vote", fromGated.TaskID), "the refused peer got gossip")
	})

	t.Run("decisions are cached", func(t *testing.T) {
		require.Equal(t, 1, adm.callsFor(xID), "admit asked once about x")
		require.Equal(t, 1, adm.callsFor(y.ID()), "y's redials are refused from the cache")
		require.Zero(t, adm.callsFor(wID), "AllowPeers skip admit")

		// x drops and redials its connection: admitted from the cache.
		for range 3 {
			require.NoError(t, gated.Host().Network().ClosePeer(xID))
			require.NoError(t, x.Host().Connect(t.Context(), addrInfo(t, gated)))
		}
		require.Eventually(t, func() bool { return connected(gated, x) }, deliveryTimeout, tick)
		require.Equal(t, 1, adm.callsFor(xID))
	})
}

// TestGaterAdmitsBootstrapPeers runs a gated node that refuses everyone: it
// still connects to its bootstrap peer, and accepts it, without asking.
func TestGaterAdmitsBootstrapPeers(t *testing.T) {
	boot := startNode(t, "boot", p2p.Config{})
	adm := newAdmitter()
	gated := startNode(t, "gated", p2p.Config{Admit: adm.admit, Bootstrap: boot.Addrs()})
	require.Eventually(t, func() bool { return connected(gated, boot) }, deliveryTimeout, tick,
		"the gated node dials its bootstrap peer")

	// The bootstrap peer dials in too.
	require.NoError(t, boot.Host().Network().ClosePeer(gated.ID()))
	require.NoError(t, boot.Host().Connect(t.Context(), addrInfo(t, gated)))
	require.Eventually(t, func() bool { return connected(gated, boot) }, deliveryTimeout, tick)
	require.Zero(t, adm.callsFor(boot.ID()), "admit is never asked about a bootstrap peer")

	// Anyone else is refused.
	other := startNode(t, "other", p2p.Config{})
	err := other.Host().Connect(t.Context(), addrInfo(t, gated))
	if err == nil {
		require.Eventually(t, func() bool {
			return other.Host().Network().Connectedness(gated.ID()) != network.Connected
		}, deliveryTimeout, tick)
	}
	require.Equal(t, 1, adm.callsFor(other.ID()))
	// Dialing a refused peer fails before any connection is made.
	require.Error(t, gated.Host().Connect(t.Context(), addrInfo(t, other)))
	require.Equal(t, 1, adm.callsFor(other.ID()), "the refusal is cached for dials too")
}
