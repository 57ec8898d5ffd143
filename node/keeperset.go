package node

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts/bindings"
)

// registryKeepers reads the keeper set from the KeeperRegistry contract
// (attestation.KeeperSet). It caches the set for ttl so a burst of
// gossip does not turn into a burst of RPC calls. Safe for concurrent use.
type registryKeepers struct {
	registry *bindings.KeeperRegistry
	ttl      time.Duration

	mu      sync.Mutex
	cached  []attestation.Keeper
	fetched time.Time
	// previous is the set the last change replaced, at changed.
	previous []attestation.Keeper
	changed  time.Time
}

func newRegistryKeepers(registry *bindings.KeeperRegistry, ttl time.Duration) *registryKeepers {
	return &registryKeepers{registry: registry, ttl: ttl}
}

func (r *registryKeepers) Keepers(ctx context.Context) ([]attestation.Keeper, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cached != nil && time.Since(r.fetched) < r.ttl {
		return r.cached, nil
	}
	out, err := r.registry.GetKeepers(&bind.CallOpts{Context: ctx})
	if err != nil {
		return nil, fmt.Errorf("read keeper registry: %w", err)
	}
	keepers := make([]attestation.Keeper, 0, len(out.Keepers))
	for i, addr := range out.Keepers {
		pk, err := attestation.BLSPublicKeyFromEIP2537(out.BlsPubKeys[i])
		if err != nil {
			// The registry checked the key's proof of possession; a key we
			// cannot decode means a bug, not a hostile keeper. Skip it.
			continue
		}
		keepers = append(keepers, attestation.Keeper{
			ID: uint64(i + 1), Address: addr, Stake: out.Stakes[i], PublicKey: pk, Active: out.Active[i],
		})
	}
	now := time.Now()
	if r.cached != nil && !sameKeepers(r.cached, keepers) {
		r.previous, r.changed = r.cached, now
	}
	r.cached, r.fetched = keepers, now
	return keepers, nil
}

// Previous returns the set the latest change replaced, if that change was
// seen within the last d: a node that read the registry a moment earlier
// (the coordinator selecting a performer) may still have used it.
func (r *registryKeepers) Previous(d time.Duration) ([]attestation.Keeper, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.previous == nil || time.Since(r.changed) > d {
		return nil, false
	}
	return r.previous, true
}

// sameKeepers reports whether two keeper sets are the same keepers with the
// same stakes and states.
func sameKeepers(a, b []attestation.Keeper) bool {
	return slices.EqualFunc(a, b, func(x, y attestation.Keeper) bool {
		return x.ID == y.ID && x.Address == y.Address && x.Active == y.Active && x.Stake.Cmp(y.Stake) == 0 &&
			x.PublicKey == y.PublicKey
	})
}

// Invalidate drops the cache, e.g. when a message names a keeper not seen yet.
func (r *registryKeepers) Invalidate() {
	r.mu.Lock()
	r.fetched = time.Time{}
	r.mu.Unlock()
}
