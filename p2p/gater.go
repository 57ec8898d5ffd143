package p2p

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"github.com/libp2p/go-libp2p/core/connmgr"
	"github.com/libp2p/go-libp2p/core/control"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"
	"go.uber.org/zap"
)

// Connection gating (Config.Admit).
const (
	// admitTimeout bounds one Admit call.
	admitTimeout = 5 * time.Second
	// admitTTL and refuseTTL are how long an Admit decision is reused for
	// a peer: a flood of dials costs one Admit call (which may read a
	// chain) per peer and period. Refusals expire sooner, so a keeper that
	// has just registered gets in soon.
	admitTTL  = time.Minute
	refuseTTL = 10 * time.Second
	// gaterCacheSize bounds the peers whose decision is remembered.
	gaterCacheSize = 1 << 14
)

// Directions, the values of the gater's direction label.
const (
	dirInbound  = "inbound"
	dirOutbound = "outbound"
)

// gater is the host's connection gater when Config.Admit is set: it admits
// trusted peers (bootstrap peers and Config.AllowPeers) at once and asks
// admit about any other peer, before dialing it and once an inbound or
// outbound connection has authenticated it. Decisions are cached per peer,
// and concurrent connections of one peer wait for one admit call. It is safe
// for concurrent use.
type gater struct {
	admit   func(context.Context, peer.ID) error
	trusted map[peer.ID]struct{}
	ctx     context.Context // bounds every admit call; ends when the node closes
	log     *zap.Logger
	metrics *metrics
	now     func() time.Time

	mu       sync.Mutex
	cache    *simplelru.LRU[peer.ID, decision]
	inflight map[peer.ID]*admission
}

type decision struct {
	err     error
	expires time.Time
}

// admission is one admit call that other connections of the peer wait for.
type admission struct {
	done chan struct{}
	err  error // set before done is closed
}

var _ connmgr.ConnectionGater = (*gater)(nil)

func newGater(ctx context.Context, admit func(context.Context, peer.ID) error, trusted map[peer.ID]struct{},
	log *zap.Logger, m *metrics,
) (*gater, error) {
	cache, err := simplelru.NewLRU[peer.ID, decision](gaterCacheSize, nil)
	if err != nil {
		return nil, fmt.Errorf("create connection gater: %w", err)
	}
	return &gater{
		admit: admit, trusted: trusted, ctx: ctx, log: log, metrics: m, now: time.Now,
		cache: cache, inflight: map[peer.ID]*admission{},
	}, nil
}

// InterceptPeerDial decides whether this node may dial p.
func (g *gater) InterceptPeerDial(p peer.ID) bool { return g.allow(p, dirOutbound) }

// InterceptAddrDial allows every address of a peer InterceptPeerDial allowed.
func (g *gater) InterceptAddrDial(peer.ID, ma.Multiaddr) bool { return true }

// InterceptAccept allows every inbound connection until its peer is known.
func (g *gater) InterceptAccept(network.ConnMultiaddrs) bool { return true }

// InterceptSecured decides on a connection once the security handshake has
// authenticated its peer, in both directions.
func (g *gater) InterceptSecured(dir network.Direction, p peer.ID, _ network.ConnMultiaddrs) bool {
	if dir == network.DirInbound {
		return g.allow(p, dirInbound)
	}
	return g.allow(p, dirOutbound)
}

// InterceptUpgraded allows every connection InterceptSecured allowed.
func (g *gater) InterceptUpgraded(network.Conn) (bool, control.DisconnectReason) { return true, 0 }

func (g *gater) allow(p peer.ID, dir string) bool {
	fresh, err := g.check(p)
	if err == nil {
		return true
	}
	g.metrics.refusedConn(dir)
	if fresh { // once per peer and refuseTTL, not once per connection attempt
		g.log.Debug("connection refused: peer not admitted", zap.Stringer("peer", p),
			zap.String("direction", dir), zap.Error(err))
	}
	return false
}

// check returns admit's decision on p, cached or fresh; fresh reports that
// this call made it.
func (g *gater) check(p peer.ID) (fresh bool, err error) {
	if _, ok := g.trusted[p]; ok {
		return false, nil
	}
	g.mu.Lock()
	if d, ok := g.cache.Get(p); ok && g.now().Before(d.expires) {
		g.mu.Unlock()
		return false, d.err
	}
	if a, ok := g.inflight[p]; ok {
		g.mu.Unlock()
		<-a.done
		return false, a.err
	}
	a := &admission{done: make(chan struct{})}
	g.inflight[p] = a
	g.mu.Unlock()

	err = g.call(p)
	ttl := admitTTL
	if err != nil {
		ttl = refuseTTL
	}
	g.mu.Lock()
	g.cache.Add(p, decision{err: err, expires: g.now().Add(ttl)})
	delete(g.inflight, p)
	g.mu.Unlock()
	a.err = err
	close(a.done)
	return true, err
}

// call runs admit under a bounded context; a panic refuses the peer.
func (g *gater) call(p peer.ID) (err error) {
	ctx, cancel := context.WithTimeout(g.ctx, admitTimeout)
	defer cancel()
	defer func() {
		if r := recover(); r != nil {
			g.log.Error("admit panicked; refusing peer", zap.Stringer("peer", p),
				zap.Any("panic", r), zap.Stack("stack"))
			err = fmt.Errorf("admit panicked: %v", r)
		}
	}()
	if err := g.admit(ctx, p); err != nil {
		return fmt.Errorf("admit: %w", err)
	}
	return nil
}
