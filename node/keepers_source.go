package node

import (
	"context"
	"fmt"
	"math/big"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"

	"github.com/triggerx-network/triggerx/contracts/bindings"
	"github.com/triggerx-network/triggerx/coordinator"
)

// keeperInfoTTL is how long the coordinator's API reuses the keepers it
// read from the registry.
const keeperInfoTTL = 5 * time.Second

// registryKeeperSource reads every registered keeper from the
// KeeperRegistry for the coordinator's keeper routes
// (coordinator.KeeperSource): getKeepers, plus withdrawableAt of each
// inactive keeper to tell an exiting keeper from one that has withdrawn.
// It caches the answer for ttl. Safe for concurrent use.
type registryKeeperSource struct {
	registry *bindings.KeeperRegistry
	ttl      time.Duration

	mu      sync.Mutex
	cached  []coordinator.KeeperInfo
	fetched time.Time
}

func newKeeperSource(registry *bindings.KeeperRegistry, ttl time.Duration) *registryKeeperSource {
	return &registryKeeperSource{registry: registry, ttl: ttl}
}

func (s *registryKeeperSource) Keepers(ctx context.Context) ([]coordinator.KeeperInfo, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cached != nil && time.Since(s.fetched) < s.ttl {
		return slices.Clone(s.cached), nil
	}
	opts := &bind.CallOpts{Context: ctx}
	out, err := s.registry.GetKeepers(opts)
	if err != nil {
		return nil, fmt.Errorf("read keeper registry: %w", err)
	}
	if len(out.Stakes) != len(out.Keepers) || len(out.BlsPubKeys) != len(out.Keepers) || len(out.Active) != len(out.Keepers) {
		return nil, fmt.Errorf("read keeper registry: getKeepers answered arrays of different lengths")
	}
	keepers := make([]coordinator.KeeperInfo, len(out.Keepers))
	for i, addr := range out.Keepers {
		k := coordinator.KeeperInfo{
			ID: uint64(i + 1), Address: addr, Active: out.Active[i],
			Stake: new(big.Int).Set(out.Stakes[i]), BLSPublicKey: slices.Clone(out.BlsPubKeys[i]),
		}
		if !k.Active {
			at, err := s.registry.WithdrawableAt(opts, addr)
			if err != nil {
				return nil, fmt.Errorf("read withdrawableAt of keeper %s: %w", addr.Hex(), err)
			}
			if at.Sign() > 0 && at.IsInt64() {
				k.WithdrawableAt = time.Unix(at.Int64(), 0).UTC()
			}
		}
		keepers[i] = k
	}
	s.cached, s.fetched = keepers, time.Now()
	return slices.Clone(keepers), nil
}
