package condition_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/execution/condition"
)

func TestEdge(t *testing.T) {
	t0 := time.Unix(1_700_000_000, 0)
	type step struct {
		sec       int
		satisfied bool
		fire      bool
		epoch     uint64
	}
	tests := []struct {
		name      string
		recurring bool
		cooldown  time.Duration
		steps     []step
	}{
		{"true at first observation fires", true, 0, []step{
			{0, true, true, 1}, {1, true, false, 1}, {2, true, false, 1},
		}},
		{"false first, then rise, hold, fall, rise", true, 0, []step{
			{0, false, false, 0}, {1, true, true, 1}, {2, true, false, 1}, {3, false, false, 1},
			{4, false, false, 1}, {5, true, true, 2}, {6, true, false, 2},
		}},
		{"rise during cooldown fires when it ends while still true", true, 10 * time.Second, []step{
			{0, true, true, 1}, {1, false, false, 1}, {2, true, false, 1}, {5, true, false, 1},
			{9, true, false, 1}, {10, true, true, 2}, {11, true, false, 2}, {20, true, false, 2},
		}},
		{"rise during cooldown dropped when it falls first", true, 10 * time.Second, []step{
			{0, true, true, 1}, {1, false, false, 1}, {2, true, false, 1}, {5, false, false, 1},
			{12, false, false, 1}, {13, true, true, 2},
		}},
		{"rise after cooldown fires at once", true, 10 * time.Second, []step{
			{0, true, true, 1}, {1, false, false, 1}, {30, true, true, 2},
		}},
		{"held true across the cooldown does not re-fire", true, 10 * time.Second, []step{
			{0, true, true, 1}, {5, true, false, 1}, {10, true, false, 1}, {60, true, false, 1},
		}},
		{"non-recurring fires once", false, 0, []step{
			{0, false, false, 0}, {1, true, true, 1}, {2, false, false, 1}, {3, true, false, 1}, {4, false, false, 1}, {5, true, false, 1},
		}},
		{"non-recurring ignores cooldown", false, time.Hour, []step{
			{0, true, true, 1}, {1, false, false, 1}, {7200, true, false, 1},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := condition.NewEdge(attestation.ConditionTrigger{Recurring: tt.recurring, Cooldown: uint64(tt.cooldown / time.Second)})
			for _, s := range tt.steps {
				fired := e.Observe(t0.Add(time.Duration(s.sec)*time.Second), s.satisfied)
				require.Equal(t, s.fire, fired, "at %ds", s.sec)
				require.Equal(t, s.epoch, e.Epoch(), "at %ds", s.sec)
			}
		})
	}
}

func TestEdgeStatePersists(t *testing.T) {
	t0 := time.Unix(1_700_000_000, 0)
	e := condition.Edge{Recurring: true, Cooldown: 10 * time.Second}
	require.True(t, e.Observe(t0, true))
	require.False(t, e.Observe(t0.Add(time.Second), false))
	require.False(t, e.Observe(t0.Add(2*time.Second), true)) // pending in cooldown

	b, err := json.Marshal(e.State)
	require.NoError(t, err)
	var st condition.EdgeState
	require.NoError(t, json.Unmarshal(b, &st))
	require.True(t, st.Equal(e.State))

	// A restarted edge with the persisted state: no re-fire while still
	// true, the pending rise fires after the cooldown, epochs continue.
	r := condition.Edge{Recurring: true, Cooldown: 10 * time.Second, State: st}
	require.False(t, r.Observe(t0.Add(5*time.Second), true))
	require.True(t, r.Observe(t0.Add(10*time.Second), true))
	require.Equal(t, uint64(2), r.Epoch())

	// A fresh edge (no persisted state) would fire at once: persisting is
	// what prevents the re-fire.
	fresh := condition.Edge{Recurring: true, Cooldown: 10 * time.Second}
	require.True(t, fresh.Observe(t0.Add(5*time.Second), true))
	require.Equal(t, uint64(1), fresh.Epoch())

	// Rolling back a firing is copying the value.
	prev := r
	require.False(t, r.Observe(t0.Add(11*time.Second), false))
	require.True(t, r.Observe(t0.Add(30*time.Second), true))
	r = prev
	require.Equal(t, uint64(2), r.Epoch())
	require.False(t, r.Done())
}

func TestEdgeHugeCooldown(t *testing.T) {
	e := condition.NewEdge(attestation.ConditionTrigger{Recurring: true, Cooldown: 1 << 63})
	require.Positive(t, e.Cooldown)
	t0 := time.Unix(1_700_000_000, 0)
	require.True(t, e.Observe(t0, true))
	require.False(t, e.Observe(t0.Add(time.Second), false))
	require.False(t, e.Observe(t0.Add(100*365*24*time.Hour), true), "still cooling down")
}
