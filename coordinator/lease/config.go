package lease

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"
	"go.uber.org/zap"
)

// Defaults of Config.
const (
	DefaultPartitions = 64
	DefaultTTL        = 10 * time.Second
	DefaultPrefix     = "triggerx:coordinator:"
)

// Errors returned by this package. Every error reporting a lost lease wraps
// ErrLost, so errors.Is(err, ErrLost) tells a lost lease from a released one.
var (
	// ErrHeld is returned by Locker.Acquire when another holder has the lease.
	ErrHeld = errors.New("lease held by another holder")
	// ErrLost is wrapped by every reason a lease is lost.
	ErrLost = errors.New("lease lost")
	// ErrNotHeld: a renewal found the lease key missing (expired, deleted,
	// Redis restarted empty) or holding another holder's token.
	ErrNotHeld = fmt.Errorf("%w: key gone or held by another token", ErrLost)
	// ErrExpired: the lease was not renewed within TTL minus SafetyMargin
	// (Redis unreachable or too slow), so another holder may take it over.
	ErrExpired = fmt.Errorf("%w: not renewed within TTL minus safety margin", ErrLost)
	// ErrReleased: the holder released the lease (Release, a rebalance, or
	// the end of Sharder.Run).
	ErrReleased = errors.New("lease released")
	// ErrPartitionsMismatch is returned by Sharder.Run when the live
	// instances sharing the prefix use another partition count.
	ErrPartitionsMismatch = errors.New("partition count differs from the other instances")
)

// Config configures a Sharder, a Locker and a Guard. Instances that share
// work must use the same Client database, Prefix, Partitions, TTL and
// SafetyMargin.
type Config struct {
	// Client reaches the Redis deployment that holds the leases (a single
	// primary, Sentinel or Cluster client).
	Client redis.UniversalClient
	// Instance identifies this coordinator process. It must be unique among
	// live instances (for example hostname plus a random suffix): two
	// processes with the same Instance count as one in the member set.
	Instance string
	// Partitions is the number of job partitions (Sharder only; default 64).
	// Changing it needs a full stop of every instance: Sharder.Run refuses
	// to start while live instances use another count.
	Partitions int
	// TTL is the lifetime of a lease key and of a member heartbeat (default
	// 10s).
	TTL time.Duration
	// RenewEvery is the renewal period of leases and heartbeats, and the
	// Sharder's rebalancing period (default TTL/3). It must be shorter than
	// TTL - SafetyMargin.
	RenewEvery time.Duration
	// SafetyMargin is how long before the lease key can expire in Redis the
	// holder stops using a lease it could not renew (default TTL/5). It
	// covers clock-rate differences between the holder and Redis and the
	// time the holder takes to stop.
	SafetyMargin time.Duration
	// Prefix starts every Redis key this package writes (default
	// "triggerx:coordinator:"). It must not contain '{' or '}'.
	Prefix string
	// Logger receives the package's logs; nil logs nothing.
	Logger *zap.Logger
	// Registerer receives the package's metrics; nil records none. Sharder,
	// Locker and Guard may share one registerer.
	Registerer prometheus.Registerer

	// TestCrashOnStop makes Sharder.Run return at the end of its context
	// without releasing its leases or leaving the member set, as a crashed
	// process would. For fault tests only.
	TestCrashOnStop bool
}

// withDefaults returns cfg with zero fields set to their defaults, checking
// the fields every component needs.
func (cfg Config) withDefaults() (Config, error) {
	if cfg.Client == nil {
		return cfg, errors.New("lease config: Client is required")
	}
	if cfg.Instance == "" {
		return cfg, errors.New("lease config: Instance is required")
	}
	if cfg.Partitions == 0 {
		cfg.Partitions = DefaultPartitions
	}
	if cfg.TTL == 0 {
		cfg.TTL = DefaultTTL
	}
	if cfg.RenewEvery == 0 {
		cfg.RenewEvery = cfg.TTL / 3
	}
	if cfg.SafetyMargin == 0 {
		cfg.SafetyMargin = cfg.TTL / 5
	}
	if cfg.Prefix == "" {
		cfg.Prefix = DefaultPrefix
	}
	if strings.ContainsAny(cfg.Prefix, "{}") {
		return cfg, fmt.Errorf("lease config: Prefix %q contains a brace", cfg.Prefix)
	}
	if cfg.Logger == nil {
		cfg.Logger = zap.NewNop()
	}
	return cfg, nil
}

// checkTiming checks the fields used by leases.
func (cfg Config) checkTiming() error {
	switch {
	case cfg.TTL < time.Millisecond:
		return fmt.Errorf("lease config: TTL %v below 1ms", cfg.TTL)
	case cfg.SafetyMargin < 0 || cfg.SafetyMargin >= cfg.TTL:
		return fmt.Errorf("lease config: SafetyMargin %v not in [0, TTL)", cfg.SafetyMargin)
	case cfg.RenewEvery <= 0 || cfg.RenewEvery >= cfg.TTL-cfg.SafetyMargin:
		return fmt.Errorf("lease config: RenewEvery %v not in (0, TTL-SafetyMargin)", cfg.RenewEvery)
	}
	return nil
}

// Redis keys. Keys used together in one script share a hash tag so that they
// live in one Redis Cluster slot.
func (cfg Config) leaseKey(name string) string { return cfg.Prefix + "lease:{" + name + "}" }
func (cfg Config) fenceKey(name string) string { return cfg.Prefix + "fence:{" + name + "}" }
func (cfg Config) membersKey() string          { return cfg.Prefix + "{sharder}:members" }
func (cfg Config) partitionsKey() string       { return cfg.Prefix + "{sharder}:partitions" }
func (cfg Config) claimKey(firing string) string {
	return cfg.Prefix + "fired:" + firing
}

// partitionLease names the lease of partition p.
func partitionLease(p int) string { return fmt.Sprintf("partition:%d", p) }
