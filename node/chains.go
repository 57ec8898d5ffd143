package node

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/triggerx-network/triggerx/execution"
)

// ErrUnknownChain is returned for a chain id the node has no RPC endpoint for.
var ErrUnknownChain = errors.New("no RPC endpoint configured for chain")

// chainSet gives access to every chain a node works with: the home chain
// (where the hub and the AttestationCenter live) and the chains that
// triggers watch. Clients are dialed on first use and closed with the set.
// Safe for concurrent use.
type chainSet struct {
	homeID uint64
	home   execution.Chain
	rpcs   map[uint64]string          // chain id → URL
	fixed  map[uint64]execution.Chain // test clients, never closed here

	mu     sync.Mutex
	dialed map[uint64]*ethclient.Client
}

func newChainSet(homeID uint64, home execution.Chain, rpcs map[uint64]string, fixed map[uint64]execution.Chain) *chainSet {
	return &chainSet{homeID: homeID, home: home, rpcs: rpcs, fixed: fixed, dialed: map[uint64]*ethclient.Client{}}
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
	c, err := ethclient.DialContext(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("dial chain %d: %w", id, err)
	}
	got, err := c.ChainID(ctx)
	if err != nil {
		c.Close()
		return nil, fmt.Errorf("read chain id of %s: %w", url, err)
	}
	if !got.IsUint64() || got.Uint64() != id {
		c.Close()
		return nil, fmt.Errorf("endpoint %s serves chain %s, not %d", url, got, id)
	}
	s.dialed[id] = c
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
	for id, c := range s.dialed {
		c.Close()
		delete(s.dialed, id)
	}
	return nil
}
