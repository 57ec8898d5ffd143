package p2p

import (
	"context"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/libp2p/go-libp2p/core/connmgr"
	"github.com/libp2p/go-libp2p/core/control"
	"github.com/libp2p/go-libp2p/core/host"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"
)

// Faults breaks a node's network on purpose, for fault-injection tests
// (Config.Faults): it cuts the node off from chosen peers (a partition),
// and drops or delays the gossip messages the node receives from others.
// Its methods take effect at once and may be called while the node runs.
// Production leaves Config.Faults nil. The zero value injects nothing; it is
// safe for concurrent use.
type Faults struct {
	mu    sync.RWMutex
	cut   map[peer.ID]bool
	drop  float64
	drops map[string]float64 // by topic, over drop
	delay time.Duration
	hosts []host.Host // nodes using these faults, to close cut connections
	self  map[peer.ID]bool
}

// Partition cuts the node from peers: their connections are closed and new
// ones refused both ways, until Heal.
func (f *Faults) Partition(peers ...peer.ID) {
	f.mu.Lock()
	if f.cut == nil {
		f.cut = map[peer.ID]bool{}
	}
	for _, p := range peers {
		f.cut[p] = true
	}
	hosts := append([]host.Host(nil), f.hosts...)
	f.mu.Unlock()
	for _, h := range hosts {
		for _, p := range peers {
			_ = h.Network().ClosePeer(p)
		}
	}
}

// Heal ends every partition.
func (f *Faults) Heal() {
	f.mu.Lock()
	f.cut = nil
	f.mu.Unlock()
}

// Drop makes the node ignore each gossip message it receives from another
// peer with probability rate (0 to 1), as if it were lost on the way.
func (f *Faults) Drop(rate float64) {
	f.mu.Lock()
	f.drop = min(max(rate, 0), 1)
	f.mu.Unlock()
}

// DropTopic makes the node ignore each message of one topic (TopicResults,
// ...) it receives from another peer with probability rate, in place of
// Drop's rate for that topic; a rate of 0 ends it.
func (f *Faults) DropTopic(topic string, rate float64) {
	f.mu.Lock()
	if f.drops == nil {
		f.drops = map[string]float64{}
	}
	if rate <= 0 {
		delete(f.drops, topic)
	} else {
		f.drops[topic] = min(rate, 1)
	}
	f.mu.Unlock()
}

// Delay holds each gossip message the node receives from another peer for
// d before validating it (bounded by the validation timeout).
func (f *Faults) Delay(d time.Duration) {
	f.mu.Lock()
	f.delay = max(d, 0)
	f.mu.Unlock()
}

// isCut reports whether p is cut off.
func (f *Faults) isCut(p peer.ID) bool {
	if f == nil {
		return false
	}
	f.mu.RLock()
	defer f.mu.RUnlock()
	return f.cut[p]
}

// inbound applies the faults to a message of topic from peer from: it
// waits out the delay and reports whether the message is lost.
func (f *Faults) inbound(ctx context.Context, topic string, from peer.ID) (lost bool) {
	if f == nil {
		return false
	}
	f.mu.RLock()
	own, cut, drop, delay := f.self[from], f.cut[from], f.drop, f.delay
	if rate, ok := f.drops[topic]; ok {
		drop = rate
	}
	f.mu.RUnlock()
	if own {
		return false // this node's own publish
	}
	if cut || (drop > 0 && rand.Float64() < drop) {
		return true
	}
	if delay > 0 {
		t := time.NewTimer(delay)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			return true
		}
	}
	return false
}

func (f *Faults) attach(h host.Host) {
	f.mu.Lock()
	f.hosts = append(f.hosts, h)
	if f.self == nil {
		f.self = map[peer.ID]bool{}
	}
	f.self[h.ID()] = true
	f.mu.Unlock()
}

// faultGater refuses the connections of cut peers, then asks the node's
// own gater, if any.
type faultGater struct {
	faults *Faults
	inner  connmgr.ConnectionGater // nil: admit
}

var _ connmgr.ConnectionGater = (*faultGater)(nil)

func (g *faultGater) InterceptPeerDial(p peer.ID) bool {
	return !g.faults.isCut(p) && (g.inner == nil || g.inner.InterceptPeerDial(p))
}

func (g *faultGater) InterceptAddrDial(p peer.ID, a ma.Multiaddr) bool {
	return !g.faults.isCut(p) && (g.inner == nil || g.inner.InterceptAddrDial(p, a))
}

func (g *faultGater) InterceptAccept(a network.ConnMultiaddrs) bool {
	return g.inner == nil || g.inner.InterceptAccept(a)
}

func (g *faultGater) InterceptSecured(d network.Direction, p peer.ID, a network.ConnMultiaddrs) bool {
	return !g.faults.isCut(p) && (g.inner == nil || g.inner.InterceptSecured(d, p, a))
}

func (g *faultGater) InterceptUpgraded(c network.Conn) (bool, control.DisconnectReason) {
	if g.faults.isCut(c.RemotePeer()) {
		return false, 0
	}
	if g.inner == nil {
		return true, 0
	}
	return g.inner.InterceptUpgraded(c)
}
