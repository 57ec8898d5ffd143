package node

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/triggerx-network/triggerx/attestation"
)

// matcher pairs assignments with results (attestation.Matcher). A result is
// paired only with the assignment it belongs to: same task, and the
// performer the assignment names, so a result gossiped by anyone else can
// never take the place of the real one. A task is output once per round: an
// assignment of a later round (the coordinator's fallback after a missed
// deadline) replaces the earlier one, and its performer's result is paired
// anew; an earlier round arriving late is ignored. A re-publication of the
// paired result (Result.Resend > 0, same hash) is output again: the
// performer resends a result that is not finalized, and attesters answer
// with their vote again (or verify now, if the first copy never reached
// them). Entries are forgotten after ttl.
type matcher struct {
	ttl  time.Duration
	now  func() time.Time
	subs []func(context.Context, attestation.Assignment, attestation.Result) error

	mu        sync.Mutex
	pending   map[common.Hash]*pairing
	lastSweep time.Time
}

type pairing struct {
	assignment *attestation.Assignment
	results    map[common.Address]attestation.Result // by performer, before the assignment is known
	done       bool
	paired     common.Hash // the hash of the result paired with the assignment, once done
	seen       time.Time
}

// maxEarlyResults bounds the results buffered for a task whose assignment
// has not arrived yet.
const maxEarlyResults = 4

func newMatcher(ttl time.Duration) *matcher {
	return &matcher{ttl: ttl, now: time.Now, pending: make(map[common.Hash]*pairing)}
}

func (m *matcher) Subscribe(fn func(context.Context, attestation.Assignment, attestation.Result) error) {
	m.subs = append(m.subs, fn)
}

func (m *matcher) AddAssignment(ctx context.Context, a attestation.Assignment) error {
	m.mu.Lock()
	p := m.entry(a.Task.ID)
	if p.assignment != nil && a.Round <= p.assignment.Round {
		m.mu.Unlock()
		return nil
	}
	a = a.Clone()
	p.assignment = &a
	p.done = false
	r, ok := p.results[a.Performer]
	if ok {
		p.done, p.paired = true, r.Hash()
		delete(p.results, a.Performer)
	}
	m.mu.Unlock()
	if ok {
		return m.emit(ctx, a, r)
	}
	return nil
}

// Assignment returns the assignment of task id, if it has arrived and is not
// forgotten yet.
func (m *matcher) Assignment(id common.Hash) (attestation.Assignment, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	p, ok := m.pending[id]
	if !ok || p.assignment == nil {
		return attestation.Assignment{}, false
	}
	return p.assignment.Clone(), true
}

func (m *matcher) AddResult(ctx context.Context, r attestation.Result) error {
	m.mu.Lock()
	p := m.entry(r.TaskID)
	if p.assignment != nil && r.Performer == p.assignment.Performer && p.done {
		resent := r.Resend > 0 && r.Hash() == p.paired
		a := *p.assignment
		m.mu.Unlock()
		if resent {
			return m.emit(ctx, a, r)
		}
		return nil
	}
	if p.assignment == nil || r.Performer != p.assignment.Performer {
		// Before its assignment, or of a performer another round may name:
		// kept (a few per task) until an assignment names its performer.
		if _, dup := p.results[r.Performer]; !dup && len(p.results) < maxEarlyResults {
			p.results[r.Performer] = r.Clone()
		}
		m.mu.Unlock()
		return nil
	}
	a := *p.assignment
	p.done, p.paired = true, r.Hash()
	m.mu.Unlock()
	return m.emit(ctx, a, r)
}

func (m *matcher) emit(ctx context.Context, a attestation.Assignment, r attestation.Result) error {
	var errs []error
	for _, fn := range m.subs {
		errs = append(errs, fn(ctx, a.Clone(), r.Clone()))
	}
	return errors.Join(errs...)
}

// entry returns the pairing for id, creating it; it also drops expired
// entries now and then. Callers hold m.mu.
func (m *matcher) entry(id common.Hash) *pairing {
	now := m.now()
	if now.Sub(m.lastSweep) > m.ttl/4 {
		m.lastSweep = now
		for k, p := range m.pending {
			if now.Sub(p.seen) > m.ttl {
				delete(m.pending, k)
			}
		}
	}
	p, ok := m.pending[id]
	if !ok {
		p = &pairing{results: make(map[common.Address]attestation.Result), seen: now}
		m.pending[id] = p
	}
	return p
}
