package node

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/triggerx-network/triggerx/execution"
	"go.uber.org/zap"
)

// ErrUnknownChain is returned for a chain id the node has no RPC endpoint for.
var ErrUnknownChain = errors.New("no RPC endpoint configured for chain")

// chainSet gives access to every chain a node works with: the home chain
// (where the hub and the AttestationCenter live) and the chains that
// triggers watch. Clients are dialed on first use and closed with the set.
// Safe for concurrent use.
type chainSet struct {
	homeID    uint64
	home      execution.Chain
	rpcs      map[uint64]string          // chain id → URL
	fallbacks map[uint64][]string        // chain id → more URLs
	fixed     map[uint64]execution.Chain // test clients, never closed here
	log       *zap.Logger

	mu     sync.Mutex
	dialed map[uint64]execution.Chain
	closes []func()
}

func newChainSet(homeID uint64, home execution.Chain, rpcs map[uint64]string, fallbacks map[uint64][]string,
	fixed map[uint64]execution.Chain, log *zap.Logger,
) *chainSet {
	if log == nil {
		log = zap.NewNop()
	}
	return &chainSet{homeID: homeID, home: home, rpcs: rpcs, fallbacks: fallbacks, fixed: fixed, log: log,
		dialed: map[uint64]execution.Chain{}}
}

// Get returns a client for chain id, dialing it on first use and checking
// that the endpoint serves that chain.
func (s *chainSet) Get(ctx context.Context, id uint64) (execution.Chain, error) {
	if id == s.homeID {
		return s.home, nil
	}
	if c, ok := s.fixed[id]; ok {
		return c, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.dialed[id]; ok {
		return c, nil
	}
	url, ok := s.rpcs[id]
	if !ok {
		return nil, fmt.Errorf("%w %d", ErrUnknownChain, id)
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	c, closeAll, err := dialEndpoints(ctx, append([]string{url}, s.fallbacks[id]...), s.log.With(zap.Uint64("chain_id", id)))
	if err != nil {
		return nil, fmt.Errorf("dial chain %d: %w", id, err)
	}
	got, err := c.ChainID(ctx)
	if err != nil {
		closeAll()
		return nil, fmt.Errorf("read chain id of %s: %w", execution.EndpointName(url), err)
	}
	if !got.IsUint64() || got.Uint64() != id {
		closeAll()
		return nil, fmt.Errorf("endpoint %s serves chain %s, not %d", execution.EndpointName(url), got, id)
	}
	s.dialed[id] = c
	s.closes = append(s.closes, closeAll)
	return c, nil
}

// IDs returns the ids of every chain the set can reach, home first.
func (s *chainSet) IDs() []uint64 {
	ids := []uint64{s.homeID}
	for id := range s.rpcs {
		if id != s.homeID {
			ids = append(ids, id)
		}
	}
	for id := range s.fixed {
		if id != s.homeID && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids[1:])
	return ids
}

// Close closes the clients the set dialed.
func (s *chainSet) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, closeAll := range s.closes {
		closeAll()
	}
	s.closes = nil
	clear(s.dialed)
	return nil
}
