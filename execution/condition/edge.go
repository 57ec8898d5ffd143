package condition

import (
	"math"
	"time"

	"github.com/triggerx-network/triggerx/attestation"
)

// EdgeState is the part of an Edge that changes; persist it with the job so
// that a restart neither fires a condition that already fired nor reuses an
// epoch. It marshals to JSON with its field tags.
type EdgeState struct {
	// Firings counts the firings so far: the epoch of the latest one.
	Firings uint64 `json:"firings"`
	// Observed is set once the condition has been evaluated.
	Observed bool `json:"observed"`
	// Satisfied is the outcome of the latest evaluation.
	Satisfied bool `json:"satisfied"`
	// Pending is set when the condition rose and has not fired since: it
	// fires once the cooldown has passed, if still satisfied then.
	Pending bool `json:"pending"`
	// LastFired is when the latest firing happened; zero before the first.
	LastFired time.Time `json:"last_fired"`
}

// Equal reports whether s and o are the same state (times compared with
// time.Time.Equal).
func (s EdgeState) Equal(o EdgeState) bool {
	return s.Firings == o.Firings && s.Observed == o.Observed && s.Satisfied == o.Satisfied &&
		s.Pending == o.Pending && s.LastFired.Equal(o.LastFired)
}

// Edge turns a sequence of evaluations into firings: a condition fires when
// it becomes true, not while it stays true.
//
//   - It fires at a rise: false→true, or true at the very first observation.
//   - It re-arms when the condition becomes false.
//   - A recurring edge fires again at the next rise, but never within
//     Cooldown of its previous firing. A rise during the cooldown is kept
//     pending: it fires at the first observation after the cooldown has
//     passed if the condition is still true then (and has not fired since it
//     rose); if the condition falls first, the rise is dropped.
//   - A non-recurring edge fires at most once.
//
// Edge is a plain value: copy it to keep a state to roll back to (e.g. when
// delivering a firing failed). It is not safe for concurrent use.
type Edge struct {
	Recurring bool
	Cooldown  time.Duration
	State     EdgeState
}

// NewEdge returns the edge of t in its initial state. A cooldown too long
// for a time.Duration (about 292 years) is the longest one.
func NewEdge(t attestation.ConditionTrigger) Edge {
	cooldown := time.Duration(math.MaxInt64)
	if t.Cooldown < uint64(math.MaxInt64/int64(time.Second)) {
		cooldown = time.Duration(t.Cooldown) * time.Second
	}
	return Edge{Recurring: t.Recurring, Cooldown: cooldown}
}

// Observe records one evaluation at now and reports whether the condition
// fires. After a firing, Epoch is the firing's epoch.
func (e *Edge) Observe(now time.Time, satisfied bool) bool {
	s := &e.State
	rose := satisfied && (!s.Observed || !s.Satisfied)
	s.Observed, s.Satisfied = true, satisfied
	if !satisfied {
		s.Pending = false
		return false
	}
	if rose && !e.Done() {
		s.Pending = true
	}
	if !s.Pending {
		return false
	}
	if s.Firings > 0 && now.Before(s.LastFired.Add(e.Cooldown)) {
		return false
	}
	s.Pending = false
	s.Firings++
	s.LastFired = now.Round(0) // drop the monotonic reading: the state is persisted
	return true
}

// Epoch returns the number of firings so far, which is the epoch of the
// latest firing (the first firing has epoch 1); it goes into the firing's
// trigger key.
func (e *Edge) Epoch() uint64 { return e.State.Firings }

// Done reports whether the edge can never fire again: a non-recurring edge
// that fired.
func (e *Edge) Done() bool { return !e.Recurring && e.State.Firings > 0 }
