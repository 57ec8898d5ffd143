package conditions

import (
	"context"
	"sync"

	"github.com/triggerx-network/triggerx/execution/condition"
)

// StateStore persists the edge state of each condition job, so that a
// restarted scheduler neither fires again a condition that is still true nor
// reuses an epoch (the epoch is part of the firing's trigger key, hence of
// its task id). It must be as durable as the jobs themselves; delete a job's
// state with the job. Implementations are safe for concurrent use.
type StateStore interface {
	// LoadState returns the state saved for jobID; ok is false if none.
	LoadState(ctx context.Context, jobID uint64) (s condition.EdgeState, ok bool, err error)
	// SaveState replaces the state of jobID.
	SaveState(ctx context.Context, jobID uint64, s condition.EdgeState) error
}

// MemStates is an in-memory StateStore, for tests and for wiring a scheduler
// whose restarts may re-fire. The zero value is ready to use.
type MemStates struct {
	mu sync.Mutex
	m  map[uint64]condition.EdgeState
}

// LoadState implements StateStore.
func (s *MemStates) LoadState(_ context.Context, jobID uint64) (condition.EdgeState, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, ok := s.m[jobID]
	return st, ok, nil
}

// SaveState implements StateStore.
func (s *MemStates) SaveState(_ context.Context, jobID uint64, st condition.EdgeState) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = make(map[uint64]condition.EdgeState)
	}
	s.m[jobID] = st
	return nil
}

// Delete forgets the state of jobID.
func (s *MemStates) Delete(jobID uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, jobID)
}
