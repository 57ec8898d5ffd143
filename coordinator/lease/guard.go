package lease

import (
	"context"
	"fmt"
	"time"

	"go.uber.org/zap"
)

// Guard is the cross-instance barrier against firing a job slot twice:
// before creating a task, an instance claims the firing key (the task ID)
// and creates the task only when the claim is its own. It is safe for
// concurrent use.
type Guard struct {
	cfg     Config
	metrics *metrics
	logger  *zap.Logger
}

// NewGuard returns a Guard. It uses cfg's Client, Instance, Prefix, Logger
// and Registerer.
func NewGuard(cfg Config) (*Guard, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	logger := cfg.Logger.Named("guard")
	m, err := newMetrics(cfg.Registerer)
	if err != nil {
		logger.Warn("Register lease metrics", zap.Error(err))
	}
	return &Guard{cfg: cfg, metrics: m, logger: logger}, nil
}

// Claim records the firing firingKey for ttl with SET NX and reports
// whether this call recorded it. Among all calls for one key, from any
// goroutine or instance, while the record lasts, at most one returns true
// (see the package doc for what Redis failures do to this). Fire only on
// true. On error the outcome is unknown (the record may exist): do not fire;
// a later Claim returns false if the record was made, so that firing is
// skipped until ttl passes. The same holds for false: it may answer a
// client retry of this very call whose first reply was lost. Choose ttl
// longer than any time in which another instance may still try the same
// firing (for a task ID, at least the time its slot stays due).
func (g *Guard) Claim(ctx context.Context, firingKey string, ttl time.Duration) (bool, error) {
	if firingKey == "" {
		return false, fmt.Errorf("claim firing: empty key")
	}
	if ttl < time.Millisecond {
		return false, fmt.Errorf("claim firing %s: ttl %v below 1ms", firingKey, ttl)
	}
	ok, err := g.cfg.Client.SetNX(ctx, g.cfg.claimKey(firingKey), g.cfg.Instance, ttl).Result()
	switch {
	case err != nil:
		g.metrics.claim(claimError)
		return false, fmt.Errorf("claim firing %s: %w", firingKey, err)
	case ok:
		g.metrics.claim(claimClaimed)
		g.logger.Debug("Firing claimed", zap.String("firing", firingKey))
	default:
		g.metrics.claim(claimDuplicate)
		g.logger.Debug("Firing already claimed", zap.String("firing", firingKey))
	}
	return ok, nil
}
