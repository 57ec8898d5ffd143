package node

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/p2p"
)

// TestKeeperHeartbeatsReachPeers runs a keeper's heartbeat loop on a real
// libp2p host and checks that another host, validating with the gossip
// checks, receives its heartbeats, fresh and correctly signed.
func TestKeeperHeartbeatsReachPeers(t *testing.T) {
	f := newChecksFixture(t)
	log := zaptest.NewLogger(t, zaptest.Level(zap.InfoLevel))
	startNode := func(name string, cfg p2p.Config) *p2p.Node {
		cfg.Logger, cfg.Checks = log.Named(name), f.checks.p2p()
		n, err := p2p.New(t.Context(), cfg)
		require.NoError(t, err)
		t.Cleanup(func() { require.NoError(t, n.Close()) })
		return n
	}
	listener := startNode("listener", p2p.Config{PeerExchange: true})
	var mu sync.Mutex
	var got []attestation.Heartbeat
	listener.SubscribeHeartbeats(func(_ context.Context, h attestation.Heartbeat) error {
		mu.Lock()
		got = append(got, h)
		mu.Unlock()
		return nil
	})
	keeperNode := startNode("keeper", p2p.Config{Bootstrap: listener.Addrs()})

	key := f.keepers[2]
	hb := &heartbeats{key: key, domain: f.domain, peerID: keeperNode.ID().String(), version: Version,
		interval: 50 * time.Millisecond, publish: keeperNode.PublishHeartbeat, now: time.Now, log: log.Named("heartbeat")}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- hb.run(ctx) }()

	// Published before the hosts connect, the first heartbeats reach no
	// one; later ones must arrive.
	require.Eventually(t, func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(got) >= 2
	}, 30*time.Second, 20*time.Millisecond, "the listener receives the keeper's heartbeats")
	cancel()
	require.NoError(t, <-done, "the loop ends cleanly with its context")

	mu.Lock()
	defer mu.Unlock()
	for i, h := range got {
		require.Equal(t, crypto.PubkeyToAddress(key.PublicKey), h.Keeper, "heartbeat %d", i)
		require.Equal(t, keeperNode.ID().String(), h.PeerID)
		require.Equal(t, Version, h.Version)
		require.NoError(t, attestation.VerifyECDSA(h.Digest(f.domain), h.Signature, h.Keeper))
		require.NoError(t, f.checks.Heartbeat(t.Context(), h), "heartbeat %d passes the gossip check", i)
		if i > 0 {
			require.Greater(t, h.Timestamp, got[i-1].Timestamp, "each heartbeat is fresh")
		}
	}
}

// TestHeartbeatPublishFailureIsNotFatal checks that the loop keeps trying
// after failed publications and that each try is bounded.
func TestHeartbeatPublishFailureIsNotFatal(t *testing.T) {
	key := mustKey(t)
	var calls atomic.Int32
	publish := func(ctx context.Context, _ attestation.Heartbeat) error {
		if _, ok := ctx.Deadline(); !ok {
			return errors.New("unbounded publish")
		}
		calls.Add(1)
		return p2p.ErrIgnore
	}
	hb := &heartbeats{key: key, peerID: "peer", version: Version, interval: 10 * time.Millisecond,
		publish: publish, now: time.Now, log: zaptest.NewLogger(t)}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- hb.run(ctx) }()
	require.Eventually(t, func() bool { return calls.Load() >= 3 }, 10*time.Second, 5*time.Millisecond,
		"failed heartbeats are retried")
	cancel()
	require.NoError(t, <-done)
}

func TestHeartbeatInterval(t *testing.T) {
	require.Equal(t, DefaultHeartbeatInterval, heartbeatInterval(0))
	require.Equal(t, time.Minute, heartbeatInterval(time.Minute))
	require.Negative(t, heartbeatInterval(-time.Second), "negative turns heartbeats off")
}
