package chainwatch

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/common"
)

// Checkpoint is a poller's position: the last block it processed
// completely, and that block's hash as computed from the header the client
// returned (types.Header.Hash), which the poller compares before reading on
// to notice reorganisations.
type Checkpoint struct {
	Block uint64
	Hash  common.Hash
}

// CheckpointStore persists pollers' checkpoints by name. Implementations
// must be safe for concurrent use; each name is written by one poller at a
// time.
type CheckpointStore interface {
	// Checkpoint returns the checkpoint saved under name; false if none.
	Checkpoint(ctx context.Context, name string) (Checkpoint, bool, error)
	// SetCheckpoint saves c under name, replacing the previous one.
	SetCheckpoint(ctx context.Context, name string, c Checkpoint) error
}

// LogPollerName is the checkpoint name (and, without its
// "chainwatch/<chain>/" prefix, the metrics label) of the poller of key on
// chainID at the given effective confirmations. The format is stable: it
// names persisted checkpoints.
func LogPollerName(chainID uint64, key LogKey, confirmations uint64) string {
	return fmt.Sprintf("chainwatch/%d/logs/%s/%s/%d", chainID,
		strings.ToLower(key.Contract.Hex()), key.Topic0.Hex(), confirmations)
}

// BlockPollerName is the checkpoint name of the block poller of chainID at
// the given effective confirmations. The format is stable.
func BlockPollerName(chainID, confirmations uint64) string {
	return fmt.Sprintf("chainwatch/%d/blocks/%d", chainID, confirmations)
}

// MemoryCheckpoints is a CheckpointStore in memory, for tests and tools. It
// is safe for concurrent use.
type MemoryCheckpoints struct {
	mu sync.Mutex
	m  map[string]Checkpoint
}

var _ CheckpointStore = (*MemoryCheckpoints)(nil)

// NewMemoryCheckpoints returns an empty store.
func NewMemoryCheckpoints() *MemoryCheckpoints {
	return &MemoryCheckpoints{m: make(map[string]Checkpoint)}
}

// Checkpoint implements CheckpointStore.
func (s *MemoryCheckpoints) Checkpoint(_ context.Context, name string) (Checkpoint, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.m[name]
	return c, ok, nil
}

// SetCheckpoint implements CheckpointStore.
func (s *MemoryCheckpoints) SetCheckpoint(_ context.Context, name string, c Checkpoint) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[name] = c
	return nil
}
