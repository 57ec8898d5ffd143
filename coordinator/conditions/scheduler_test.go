package conditions_test

import (
	"errors"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/coordinator/conditions"
	"github.com/triggerx-network/triggerx/execution/condition"
)

func TestFiresOncePerRise(t *testing.T) {
	k := newKnob(t, "5")
	states := &conditions.MemStates{}
	h := newHarness(t, states, newFakeClock(), map[string]condition.Source{"k": k})
	require.NoError(t, h.s.Add(7, trigger("k")))
	h.start()
	h.waitEvals(1)
	require.Empty(t, h.fired())

	k.set(t, "15.5") // rise
	h.tick(1)
	require.Equal(t, []fired{{7, attestation.Firing{Epoch: 1, Value: "15.5"}}}, h.fired())
	for range 5 { // hold: no re-firing every poll
		h.tick(1)
	}
	require.Equal(t, []uint64{1}, h.epochs())

	k.set(t, "10") // fall (greater_than is strict)
	h.tick(1)
	h.tick(1)
	k.set(t, "1e2") // rise again
	h.tick(1)
	require.Equal(t, []uint64{1, 2}, h.epochs())
	require.Equal(t, "100", h.fired()[1].f.Value)

	st, ok, err := states.LoadState(t.Context(), 7)
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, uint64(2), st.Firings)
	require.True(t, st.Satisfied)
	ev := h.evals()
	require.Equal(t, 10.0, ev["all"])
	require.Equal(t, 7.0, ev["satisfied"])
}

func TestCooldown(t *testing.T) {
	k := newKnob(t, "20")
	h := newHarness(t, &conditions.MemStates{}, newFakeClock(), map[string]condition.Source{"k": k})
	tr := trigger("k")
	tr.Cooldown = 10
	require.NoError(t, h.s.Add(1, tr))
	h.start()
	h.waitEvals(1) // t=0: true at the first observation fires
	require.Equal(t, []uint64{1}, h.epochs())

	k.set(t, "0")
	h.tick(1) // t=1: fall
	k.set(t, "20")
	for range 8 { // t=2…9: risen, but within the cooldown
		h.tick(1)
	}
	require.Equal(t, []uint64{1}, h.epochs())
	h.tick(1) // t=10: cooldown over, still true: fires once
	require.Equal(t, []uint64{1, 2}, h.epochs())
	require.Equal(t, t0.Add(10*time.Second).Unix(), h.clock.Now().Unix())
	for range 12 {
		h.tick(1)
	}
	require.Equal(t, []uint64{1, 2}, h.epochs())

	// A rise within the cooldown that falls before it ends never fires.
	k.set(t, "0")
	h.tick(1) // t=23
	h.tick(1)
	k.set(t, "20")
	h.tick(1) // t=25: rose, cooldown of the firing at t=10 is over: fires
	require.Equal(t, []uint64{1, 2, 3}, h.epochs())
	k.set(t, "0")
	h.tick(1)
	k.set(t, "20")
	h.tick(1) // t=27: rose within the cooldown
	k.set(t, "0")
	h.tick(1) // t=28: fell
	for range 10 {
		h.tick(1)
	}
	require.Equal(t, []uint64{1, 2, 3}, h.epochs())
}

func TestRestartDoesNotRefire(t *testing.T) {
	states := &conditions.MemStates{}
	clock := newFakeClock()
	k := newKnob(t, "20")
	a := newHarness(t, states, clock, map[string]condition.Source{"k": k})
	require.NoError(t, a.s.Add(3, trigger("k")))
	a.start()
	a.waitEvals(1)
	require.Equal(t, []uint64{1}, a.epochs())
	a.stop()
	require.True(t, k.closed.Load(), "Run closes the sources")

	// Restart with the persisted state while the condition still holds.
	k2 := newKnob(t, "20")
	b := newHarness(t, states, clock, map[string]condition.Source{"k": k2})
	require.NoError(t, b.s.Add(3, trigger("k")))
	b.start()
	b.waitEvals(1)
	for range 3 {
		b.tick(1)
	}
	require.Empty(t, b.fired())

	k2.set(t, "1")
	b.tick(1)
	b.stop()
	// Restart again: the fall was persisted, so the next rise fires, with
	// the next epoch.
	k3 := newKnob(t, "30")
	c := newHarness(t, states, clock, map[string]condition.Source{"k": k3})
	require.NoError(t, c.s.Add(3, trigger("k")))
	c.start()
	c.waitEvals(1)
	require.Equal(t, []uint64{2}, c.epochs())
}

func TestFireFailureKeepsEpoch(t *testing.T) {
	k := newKnob(t, "20")
	states := &conditions.MemStates{}
	h := newHarness(t, states, newFakeClock(), map[string]condition.Source{"k": k})
	h.fireErrs = 2
	require.NoError(t, h.s.Add(1, trigger("k")))
	h.start()
	h.waitEvals(1)
	_, ok, _ := states.LoadState(t.Context(), 1)
	require.False(t, ok, "nothing persisted before Fire succeeds")
	h.tick(1)
	require.Empty(t, h.fired())
	h.tick(1)
	require.Equal(t, []uint64{1}, h.epochs(), "retried with the same epoch")
	require.Equal(t, 2.0, h.evals()["fire_error"])
	st, ok, _ := states.LoadState(t.Context(), 1)
	require.True(t, ok)
	require.Equal(t, uint64(1), st.Firings)
}

func TestWorkerPoolBoundsConcurrency(t *testing.T) {
	all := &peak{}
	blocked := newKnob(t, "20")
	blocked.block = make(chan struct{})
	blocked.shared = all
	sources := map[string]condition.Source{"blocked": blocked}
	var knobs []*knob
	for i := range 20 {
		k := newKnob(t, "1")
		k.delay = time.Millisecond // make reads overlap
		k.shared = all
		knobs = append(knobs, k)
		sources[string(rune('a'+i))] = k
	}
	h := newHarness(t, &conditions.MemStates{}, newFakeClock(), sources, func(c *conditions.Config) {
		c.Workers = 3
		c.EvalTimeout = time.Hour
	})
	require.NoError(t, h.s.Add(100, trigger("blocked")))
	for i := range 20 {
		require.NoError(t, h.s.Add(uint64(i), trigger(string(rune('a'+i)))))
	}
	h.start()
	h.waitEvals(20)
	for range 5 {
		h.tick(20) // every other job is evaluated while one worker is stuck
	}
	require.Equal(t, int64(1), blocked.reads.Load(), "the blocked job is not evaluated again meanwhile")
	// Each source was never read concurrently with itself, and across all
	// sources at most Workers reads ran at once.
	for _, k := range knobs {
		require.Equal(t, int64(6), k.reads.Load())
		require.Equal(t, int64(1), k.maxIn.Load())
	}
	require.LessOrEqual(t, all.max.Load(), int64(3))
	require.Greater(t, all.max.Load(), int64(1), "reads did run in parallel")
	h.stop()
	require.Equal(t, int64(0), blocked.inflight.Load(), "shutdown cancels the blocked read")
}

func TestSlowSourceTimesOut(t *testing.T) {
	slow := newKnob(t, "20")
	slow.block = make(chan struct{})
	h := newHarness(t, &conditions.MemStates{}, newFakeClock(), map[string]condition.Source{"slow": slow},
		func(c *conditions.Config) { c.EvalTimeout = 20 * time.Millisecond })
	require.NoError(t, h.s.Add(1, trigger("slow")))
	h.start()
	h.waitEvals(1)
	h.tick(1)
	require.Equal(t, 2.0, h.evals()["source_error"])
	close(slow.block)
	h.tick(1)
	require.Equal(t, []uint64{1}, h.epochs())
}

func TestRemoveStopsEvaluation(t *testing.T) {
	a, b := newKnob(t, "1"), newKnob(t, "1")
	h := newHarness(t, &conditions.MemStates{}, newFakeClock(), map[string]condition.Source{"a": a, "b": b})
	require.NoError(t, h.s.Add(1, trigger("a")))
	require.NoError(t, h.s.Add(2, trigger("b")))
	h.start()
	h.waitEvals(2)
	h.tick(2)
	h.s.Remove(1)
	h.s.Remove(1) // idempotent
	h.s.Remove(99)
	require.True(t, a.closed.Load())
	require.Equal(t, 1, h.s.Len())
	a.set(t, "50")
	for range 3 {
		h.tick(1)
	}
	require.Equal(t, int64(2), a.reads.Load())
	require.Equal(t, int64(5), b.reads.Load())
	require.Empty(t, h.fired())

	// Re-adding continues (the state is kept).
	before := h.evals()["all"]
	require.NoError(t, h.s.Add(1, trigger("a")))
	h.waitEvals(before + 1)
	require.Equal(t, []uint64{1}, h.epochs())
}

func TestEndAndNonRecurring(t *testing.T) {
	ending, once := newKnob(t, "1"), newKnob(t, "1")
	clock := newFakeClock()
	h := newHarness(t, &conditions.MemStates{}, clock, map[string]condition.Source{"ending": ending, "once": once})
	tr := trigger("ending")
	tr.End = t0.Unix() + 3
	require.NoError(t, h.s.Add(1, tr))
	tr = trigger("once")
	tr.Recurring = false
	require.NoError(t, h.s.Add(2, tr))
	h.start()
	h.waitEvals(2)
	h.tick(2) // t=1
	once.set(t, "11")
	h.tick(2) // t=2: once fires and is done
	require.Equal(t, []fired{{2, attestation.Firing{Epoch: 1, Value: "11"}}}, h.fired())
	require.Eventually(t, once.closed.Load, 5*time.Second, time.Millisecond)
	h.tick(1) // t=3: the last evaluation of the ending job
	require.Eventually(t, ending.closed.Load, 5*time.Second, time.Millisecond)
	require.Equal(t, 0, h.s.Len())
	for range 3 {
		clock.Advance(time.Second)
	}
	time.Sleep(10 * time.Millisecond)
	require.Equal(t, int64(4), ending.reads.Load())
	require.Equal(t, int64(3), once.reads.Load())
}

func TestNonRecurringRestartStaysDone(t *testing.T) {
	states := &conditions.MemStates{}
	k := newKnob(t, "20")
	tr := trigger("k")
	tr.Recurring = false
	a := newHarness(t, states, newFakeClock(), map[string]condition.Source{"k": k})
	require.NoError(t, a.s.Add(1, tr))
	a.start()
	a.waitEvals(1)
	require.Equal(t, []uint64{1}, a.epochs())
	require.Eventually(t, func() bool { return a.s.Len() == 0 }, 5*time.Second, time.Millisecond)
	a.stop()

	k2 := newKnob(t, "1")
	b := newHarness(t, states, newFakeClock(), map[string]condition.Source{"k": k2})
	require.NoError(t, b.s.Add(1, tr))
	b.start()
	require.Eventually(t, func() bool { return b.s.Len() == 0 }, 5*time.Second, time.Millisecond)
	require.Zero(t, k2.reads.Load(), "a fired one-shot is not read again")
	require.Empty(t, b.fired())
}

func TestContractFiringRecordsBlock(t *testing.T) {
	k := newKnob(t, "12")
	k.reading = condition.Reading{BlockNumber: 99, BlockHash: common.HexToHash("0xbeef")}
	h := newHarness(t, &conditions.MemStates{}, newFakeClock(), map[string]condition.Source{"": k})
	tr := trigger("")
	tr.Source = attestation.ValueSource{Kind: attestation.SourceContract, ChainID: 31337,
		Contract: common.HexToAddress("0xc0"), Function: "count()(uint256)"}
	require.NoError(t, h.s.Add(5, tr))
	h.start()
	h.waitEvals(1)
	require.Equal(t, []fired{{5, attestation.Firing{ChainID: 31337, BlockNumber: 99,
		BlockHash: common.HexToHash("0xbeef"), Epoch: 1, Value: "12"}}}, h.fired())
}

func TestAddErrors(t *testing.T) {
	h := newHarness(t, &conditions.MemStates{}, newFakeClock(), map[string]condition.Source{"k": newKnob(t, "1")})
	bad := trigger("k")
	bad.Operator = "above"
	require.ErrorIs(t, h.s.Add(1, bad), attestation.ErrInvalidTrigger)
	bad = trigger("k")
	bad.Upper = "20"
	require.ErrorIs(t, h.s.Add(1, bad), condition.ErrInvalidLimits)
	bad = trigger("k")
	bad.PollInterval = 0
	require.ErrorIs(t, h.s.Add(1, bad), attestation.ErrInvalidTrigger)
	bad = trigger("k")
	bad.PollInterval = 1 << 62
	require.ErrorIs(t, h.s.Add(1, bad), attestation.ErrInvalidTrigger)
	require.ErrorContains(t, h.s.Add(1, trigger("missing")), "build source")
	require.NoError(t, h.s.Add(1, trigger("k")))
	require.ErrorIs(t, h.s.Add(1, trigger("k")), conditions.ErrJobExists)
	h.start()
	h.stop()
	require.ErrorIs(t, h.s.Add(2, trigger("k")), conditions.ErrClosed)

	_, err := conditions.New(conditions.Config{})
	require.ErrorIs(t, err, conditions.ErrInvalidConfig)
}

func TestSourceErrorsAreRetried(t *testing.T) {
	k := newKnob(t, "20")
	k.fail(errors.New("api down"))
	h := newHarness(t, &conditions.MemStates{}, newFakeClock(), map[string]condition.Source{"k": k})
	require.NoError(t, h.s.Add(1, trigger("k")))
	h.start()
	h.waitEvals(1)
	h.tick(1)
	require.Empty(t, h.fired())
	k.fail(nil)
	h.tick(1)
	require.Equal(t, []uint64{1}, h.epochs())
	require.Equal(t, 2.0, h.evals()["source_error"])
}
