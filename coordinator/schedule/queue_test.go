package schedule_test

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/coordinator/schedule"
)

func TestQueue(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	sec := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Second) }
	ids := func(es []schedule.Entry) []uint64 {
		out := make([]uint64, len(es))
		for i, e := range es {
			out[i] = e.ID
		}
		return out
	}

	var q schedule.Queue // the zero value is ready
	_, ok := q.Peek()
	require.False(t, ok)
	require.Empty(t, q.PopDue(sec(100), 0))
	require.False(t, q.Remove(1))

	q.Set(1, sec(10))
	q.Set(2, sec(5))
	q.Set(3, sec(20))
	q.Set(4, sec(5)) // ties come out by id
	require.Equal(t, 4, q.Len())
	e, ok := q.Peek()
	require.True(t, ok)
	require.Equal(t, uint64(2), e.ID)
	require.True(t, sec(5).Equal(e.At))

	q.Set(3, sec(1))  // move earlier
	q.Set(2, sec(30)) // move later
	got, ok := q.Get(2)
	require.True(t, ok)
	require.True(t, sec(30).Equal(got))
	require.Equal(t, 4, q.Len())

	require.Empty(t, q.PopDue(sec(0), 0), "nothing due")
	require.Equal(t, []uint64{3, 4}, ids(q.PopDue(sec(5), 0)), "due at or before now, earliest first")
	require.True(t, q.Remove(1))
	require.False(t, q.Remove(1))
	_, ok = q.Get(1)
	require.False(t, ok)
	require.Equal(t, 1, q.Len())

	for i := uint64(10); i < 20; i++ {
		q.Set(i, sec(100))
	}
	require.Equal(t, []uint64{2, 10, 11}, ids(q.PopDue(sec(100), 3)), "at most max")
	require.Equal(t, []uint64{12, 13, 14, 15, 16, 17, 18, 19}, ids(q.PopDue(sec(100), 0)))
	require.Zero(t, q.Len())

	// Sub-second times and times beyond what nanoseconds hold.
	q.Set(1, t0.Add(1500*time.Millisecond))
	require.Empty(t, q.PopDue(t0.Add(1499*time.Millisecond), 0))
	require.Len(t, q.PopDue(t0.Add(1500*time.Millisecond), 0), 1)
	q.Set(1, time.Time{})
	q.Set(2, time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC))
	require.Equal(t, []uint64{1}, ids(q.PopDue(t0, 0)))
	require.Equal(t, []uint64{2}, ids(q.PopDue(time.Date(2500, 1, 1, 0, 0, 0, 0, time.UTC), 0)))
}

// TestQueueRandom checks the queue against a sorted reference under random
// sets, moves, removals and pops.
func TestQueueRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	q := schedule.NewQueue(16)
	ref := map[uint64]int64{}
	t0 := time.Unix(1_800_000_000, 0)
	sorted := func() []schedule.Entry {
		out := make([]schedule.Entry, 0, len(ref))
		for id, at := range ref {
			out = append(out, schedule.Entry{ID: id, At: t0.Add(time.Duration(at))})
		}
		slices.SortFunc(out, func(a, b schedule.Entry) int {
			return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.ID, b.ID))
		})
		return out
	}
	now := int64(0)
	for step := range 20000 {
		switch op := r.IntN(10); {
		case op < 5:
			id := uint64(r.IntN(3000))
			at := now + r.Int64N(1000)
			q.Set(id, t0.Add(time.Duration(at)))
			ref[id] = at
		case op < 7:
			id := uint64(r.IntN(3000))
			_, had := ref[id]
			require.Equal(t, had, q.Remove(id))
			delete(ref, id)
		default:
			now += r.Int64N(50)
			max := r.IntN(5)
			got := q.PopDue(t0.Add(time.Duration(now)), max)
			var want []schedule.Entry
			for _, e := range sorted() {
				if e.At.After(t0.Add(time.Duration(now))) || (max > 0 && len(want) == max) {
					break
				}
				want = append(want, e)
				delete(ref, e.ID)
			}
			require.Equal(t, len(want), len(got), "step %d", step)
			for i := range want {
				require.Equal(t, want[i].ID, got[i].ID, "step %d", step)
				require.True(t, want[i].At.Equal(got[i].At), "step %d", step)
			}
		}
		require.Equal(t, len(ref), q.Len())
		if e, ok := q.Peek(); ok {
			require.Equal(t, sorted()[0].ID, e.ID, "step %d", step)
		}
	}
}

func TestQueueShrinks(t *testing.T) {
	q := schedule.NewQueue(0)
	t0 := time.Unix(1_800_000_000, 0)
	for i := range 5000 {
		q.Set(uint64(i), t0.Add(time.Duration(5000-i)*time.Second))
	}
	require.Len(t, q.PopDue(t0.Add(4990*time.Second), 0), 4990)
	got := q.PopDue(t0.Add(time.Hour*2), 0)
	require.Len(t, got, 10)
	for i, e := range got {
		require.Equal(t, uint64(9-i), e.ID)
	}
}
