package node

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
)

// DefaultHeartbeatInterval is how often a keeper announces itself when
// KeeperConfig.HeartbeatInterval is zero.
const DefaultHeartbeatInterval = 20 * time.Second

// heartbeatInterval is the configured interval with its default applied;
// not positive means no heartbeats.
func heartbeatInterval(configured time.Duration) time.Duration {
	if configured == 0 {
		return DefaultHeartbeatInterval
	}
	return configured
}

// maxHeartbeatPublish bounds one heartbeat's publication, which includes
// this node's own validation of it (a keeper-set read).
const maxHeartbeatPublish = 10 * time.Second

// heartbeats announces that a keeper is online: it publishes a freshly
// signed heartbeat when it starts and then every interval. A heartbeat that
// cannot be published is logged and the next tick tries again.
type heartbeats struct {
	key      *ecdsa.PrivateKey // the controller key
	domain   attestation.Domain
	peerID   string // this node's libp2p peer id
	version  string
	interval time.Duration
	publish  func(context.Context, attestation.Heartbeat) error
	now      func() time.Time
	log      *zap.Logger
}

// run publishes heartbeats until ctx ends. It never fails.
func (h *heartbeats) run(ctx context.Context) error {
	t := time.NewTicker(h.interval)
	defer t.Stop()
	for {
		if err := h.beat(ctx); err != nil && ctx.Err() == nil {
			h.log.Warn("publish heartbeat; retrying on the next tick", zap.Error(err))
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// beat signs and publishes one heartbeat.
func (h *heartbeats) beat(ctx context.Context) error {
	hb := attestation.Heartbeat{
		Keeper:    crypto.PubkeyToAddress(h.key.PublicKey),
		PeerID:    h.peerID,
		Version:   h.version,
		Timestamp: h.now().UnixMilli(),
	}
	sig, err := attestation.SignECDSA(h.key, hb.Digest(h.domain))
	if err != nil {
		return fmt.Errorf("sign heartbeat: %w", err)
	}
	hb.Signature = sig
	ctx, cancel := context.WithTimeout(ctx, min(h.interval, maxHeartbeatPublish))
	defer cancel()
	if err := h.publish(ctx, hb); err != nil {
		return err
	}
	h.log.Debug("heartbeat published", zap.Int64("timestamp_ms", hb.Timestamp))
	return nil
}
