package coordinator_test

import (
	"context"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/coordinator"
)

type keeperSet struct {
	keepers []attestation.Keeper
	err     error
}

func (k keeperSet) Keepers(context.Context) ([]attestation.Keeper, error) { return k.keepers, k.err }

func testKeepers() []attestation.Keeper {
	var ks []attestation.Keeper
	for i := range 5 {
		ks = append(ks, attestation.Keeper{
			ID:      uint64(i + 1),
			Address: common.BigToAddress(big.NewInt(int64(0x100 + i))),
			Stake:   big.NewInt(int64(32 + i)),
			Active:  i != 2,
		})
	}
	return ks
}

// storeWithTasks returns a store holding job 1 and n processing tasks of it.
func storeWithTasks(t *testing.T, n int) (coordinator.Store, []coordinator.Task) {
	t.Helper()
	ctx := context.Background()
	s, err := coordinator.OpenBadgerStore("", nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	require.NoError(t, s.CreateJobs(ctx, sampleJob(1, t0)))
	var tasks []coordinator.Task
	for i := range n {
		_, _, err := s.UpdateJob(ctx, 1, fireAt(t0.Add(time.Duration(i+1)*time.Minute)))
		require.NoError(t, err)
		tasks = append(tasks, sampleTask(1, t0.Add(time.Duration(i+1)*time.Minute)))
	}
	return s, tasks
}

func TestDispatcher(t *testing.T) {
	ctx := context.Background()
	store, tasks := storeWithTasks(t, 8)
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	domain := attestation.Domain{ChainID: 31337, AttestationCenter: common.HexToAddress("0xacce")}
	keepers := testKeepers()
	var published []attestation.Assignment
	now := t0.Add(time.Hour)
	d, err := coordinator.NewDispatcher(coordinator.DispatcherConfig{
		Keepers: keeperSet{keepers: keepers},
		Key:     key,
		Domain:  domain,
		Publish: func(_ context.Context, a attestation.Assignment) error {
			published = append(published, a)
			return nil
		},
		Store:    store,
		Deadline: 30 * time.Second,
		Clock:    func() time.Time { return now },
		Logger:   zaptest.NewLogger(t),
	})
	require.NoError(t, err)

	performers := map[common.Address]bool{}
	for i, task := range tasks {
		if i == 1 {
			// Re-dispatching a task signs the very same assignment.
			require.NoError(t, d.Dispatch(ctx, tasks[0].Workflow()))
			require.Equal(t, published[0], published[1])
			published = published[:1]
		}
		require.NoError(t, d.Dispatch(ctx, task.Workflow()))
		require.Len(t, published, i+1)
		a := published[i]
		require.Equal(t, task.Workflow(), a.Task)
		want, err := attestation.SelectPerformer(task.TaskID, keepers, 0)
		require.NoError(t, err)
		require.Equal(t, want.Address, a.Performer)
		require.Equal(t, uint32(0), a.Round)
		deadline := task.CreatedAt.Add(30 * time.Second).Truncate(time.Second)
		require.Equal(t, deadline.Unix(), a.Deadline, "the deadline counts from the task's creation")
		require.NoError(t, attestation.VerifyECDSA(a.Digest(domain), a.Signature, crypto.PubkeyToAddress(key.PublicKey)))
		// The signature is bound to the domain.
		require.Error(t, attestation.VerifyECDSA(a.Digest(attestation.Domain{ChainID: 1}), a.Signature, crypto.PubkeyToAddress(key.PublicKey)))
		performers[a.Performer] = true

		stored, err := store.Task(ctx, task.TaskID)
		require.NoError(t, err)
		require.Equal(t, coordinator.TaskDispatched, stored.TaskStatus)
		require.Equal(t, want.Address, stored.TaskPerformer)
		require.Equal(t, deadline, stored.Deadline)
	}
	require.NotContains(t, performers, keepers[2].Address, "inactive keepers never perform")
	require.Greater(t, len(performers), 1, "tasks spread over keepers")
	left, err := store.ProcessingTasks(ctx, t0.Add(24*time.Hour), 0)
	require.NoError(t, err)
	require.Empty(t, left)
}

func TestDispatcherFailuresLeaveTaskProcessing(t *testing.T) {
	ctx := context.Background()
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	for _, tc := range []struct {
		name    string
		keepers keeperSet
		publish error
		want    error
	}{
		{"keeper set unreadable", keeperSet{err: errors.New("rpc down")}, nil, nil},
		{"no keepers", keeperSet{}, nil, attestation.ErrNoKeepers},
		{"publish fails", keeperSet{keepers: testKeepers()}, errors.New("no peers"), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store, tasks := storeWithTasks(t, 1)
			d, err := coordinator.NewDispatcher(coordinator.DispatcherConfig{
				Keepers: tc.keepers, Key: key, Store: store,
				Publish: func(context.Context, attestation.Assignment) error { return tc.publish },
			})
			require.NoError(t, err)
			err = d.Dispatch(ctx, tasks[0].Workflow())
			require.Error(t, err)
			if tc.want != nil {
				require.ErrorIs(t, err, tc.want)
			}
			stored, err := store.Task(ctx, tasks[0].TaskID)
			require.NoError(t, err)
			require.Equal(t, coordinator.TaskProcessing, stored.TaskStatus)
		})
	}

	_, err = coordinator.NewDispatcher(coordinator.DispatcherConfig{})
	require.Error(t, err)
}

// The dispatcher passes over offline keepers: the performer is the first
// online keeper of the performer order, and the round its place there, so
// that keepers can check it with SelectPerformer.
func TestDispatcherSkipsOfflineKeepers(t *testing.T) {
	ctx := context.Background()
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	keepers := testKeepers()
	for _, tc := range []struct {
		name    string
		offline func(order []attestation.Keeper) map[common.Address]bool
		round   uint32
	}{
		{"all online", func([]attestation.Keeper) map[common.Address]bool { return nil }, 0},
		{"first offline", func(o []attestation.Keeper) map[common.Address]bool {
			return map[common.Address]bool{o[0].Address: true}
		}, 1},
		{"first two offline", func(o []attestation.Keeper) map[common.Address]bool {
			return map[common.Address]bool{o[0].Address: true, o[1].Address: true}
		}, 2},
		{"all offline: the first all the same", func(o []attestation.Keeper) map[common.Address]bool {
			m := map[common.Address]bool{}
			for _, k := range o {
				m[k.Address] = true
			}
			return m
		}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store, tasks := storeWithTasks(t, 1)
			task := tasks[0]
			order, err := attestation.PerformerOrder(task.TaskID, keepers)
			require.NoError(t, err)
			offline := tc.offline(order)
			var got attestation.Assignment
			reg := prometheus.NewRegistry()
			d, err := coordinator.NewDispatcher(coordinator.DispatcherConfig{
				Keepers: keeperSet{keepers: keepers}, Key: key, Store: store, Registerer: reg,
				Online:  func(a common.Address) bool { return !offline[a] },
				Publish: func(_ context.Context, a attestation.Assignment) error { got = a; return nil },
			})
			require.NoError(t, err)
			require.NoError(t, d.Dispatch(ctx, task.Workflow()))
			round := tc.round
			require.Equal(t, round, got.Round)
			require.Equal(t, order[round].Address, got.Performer)
			want, err := attestation.SelectPerformer(task.TaskID, keepers, got.Round)
			require.NoError(t, err)
			require.Equal(t, want.Address, got.Performer, "keepers can check the performer for the round")
			stored, err := store.Task(ctx, task.TaskID)
			require.NoError(t, err)
			require.Equal(t, round, stored.Round)
			require.Equal(t, got.Performer, stored.TaskPerformer)
			require.Equal(t, float64(round), metricValue(t, reg, "triggerx_coordinator_dispatch_offline_skipped_total"))
		})
	}
}

func TestDispatcherFallback(t *testing.T) {
	ctx := context.Background()
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	domain := attestation.Domain{ChainID: 31337, AttestationCenter: common.HexToAddress("0xacce")}
	keepers := testKeepers()
	type env struct {
		d         *coordinator.Dispatcher
		store     coordinator.Store
		task      coordinator.Task
		published []attestation.Assignment
		now       time.Time
		executed  bool
		offline   map[common.Address]bool
		owns      bool
		pubErr    error
	}
	setup := func(t *testing.T) *env {
		store, tasks := storeWithTasks(t, 1)
		e := &env{store: store, task: tasks[0], now: tasks[0].CreatedAt, offline: map[common.Address]bool{}, owns: true}
		e.d, err = coordinator.NewDispatcher(coordinator.DispatcherConfig{
			Keepers: keeperSet{keepers: keepers}, Key: key, Domain: domain, Store: store,
			Publish: func(_ context.Context, a attestation.Assignment) error {
				if e.pubErr != nil {
					return e.pubErr
				}
				e.published = append(e.published, a)
				return nil
			},
			Online:        func(a common.Address) bool { return !e.offline[a] },
			Executed:      func(context.Context, attestation.Task) (bool, error) { return e.executed, nil },
			Owns:          func(uint64) bool { return e.owns },
			Deadline:      30 * time.Second,
			FallbackGrace: 5 * time.Second,
			Clock:         func() time.Time { return e.now },
			Logger:        zaptest.NewLogger(t),
		})
		require.NoError(t, err)
		require.NoError(t, e.d.Dispatch(ctx, e.task.Workflow()))
		require.Len(t, e.published, 1)
		return e
	}
	stored := func(t *testing.T, e *env) coordinator.Task {
		s, err := e.store.Task(ctx, e.task.TaskID)
		require.NoError(t, err)
		return s
	}
	order, err := attestation.PerformerOrder(setup(t).task.TaskID, keepers)
	require.NoError(t, err)

	t.Run("hands a missed task to the next round", func(t *testing.T) {
		e := setup(t)
		deadline := stored(t, e).Deadline
		e.now = deadline.Add(4 * time.Second) // within the grace
		require.NoError(t, e.d.Fallback(ctx))
		require.Len(t, e.published, 1)

		e.now = deadline.Add(6 * time.Second)
		require.NoError(t, e.d.Fallback(ctx))
		require.Len(t, e.published, 2)
		a := e.published[1]
		require.Equal(t, uint32(1), a.Round)
		require.Equal(t, order[1].Address, a.Performer)
		want, err := attestation.SelectPerformer(e.task.TaskID, keepers, 1)
		require.NoError(t, err)
		require.Equal(t, want.Address, a.Performer, "keepers check the round with SelectPerformer")
		require.Equal(t, e.now.Add(30*time.Second).Truncate(time.Second).Unix(), a.Deadline, "a full deadline from now")
		require.Equal(t, e.task.Workflow(), a.Task)
		require.NoError(t, attestation.VerifyECDSA(a.Digest(domain), a.Signature, crypto.PubkeyToAddress(key.PublicKey)))
		s := stored(t, e)
		require.Equal(t, coordinator.TaskDispatched, s.TaskStatus)
		require.Equal(t, uint32(1), s.Round)
		require.Equal(t, a.Performer, s.TaskPerformer)
		require.Equal(t, a.Deadline, s.Deadline.Unix())

		// Not overdue again until the new deadline.
		require.NoError(t, e.d.Fallback(ctx))
		require.Len(t, e.published, 2)
	})

	t.Run("an executed task stays with its performer", func(t *testing.T) {
		e := setup(t)
		e.executed = true
		e.now = stored(t, e).Deadline.Add(time.Minute)
		require.NoError(t, e.d.Fallback(ctx))
		require.Len(t, e.published, 1)
		require.Equal(t, uint32(0), stored(t, e).Round)
	})

	t.Run("skips offline keepers", func(t *testing.T) {
		e := setup(t)
		e.offline[order[1].Address] = true
		e.now = stored(t, e).Deadline.Add(time.Minute)
		require.NoError(t, e.d.Fallback(ctx))
		require.Len(t, e.published, 2)
		require.Equal(t, uint32(2), e.published[1].Round)
		require.Equal(t, order[2].Address, e.published[1].Performer)
	})

	t.Run("another instance's job is left alone", func(t *testing.T) {
		e := setup(t)
		e.owns = false
		e.now = stored(t, e).Deadline.Add(time.Minute)
		require.NoError(t, e.d.Fallback(ctx))
		require.Len(t, e.published, 1)
	})

	t.Run("a failed publish still moves the round", func(t *testing.T) {
		e := setup(t)
		e.pubErr = errors.New("no peers")
		e.now = stored(t, e).Deadline.Add(time.Minute)
		require.Error(t, e.d.Fallback(ctx))
		require.Equal(t, uint32(1), stored(t, e).Round, "never two different assignments for one round")
		e.pubErr = nil
		require.NoError(t, e.d.Fallback(ctx))
		require.Len(t, e.published, 1, "round 1 is not signed again")
	})

	t.Run("fails when every keeper missed its turn", func(t *testing.T) {
		e := setup(t)
		for round := 1; round < len(order); round++ {
			e.now = stored(t, e).Deadline.Add(time.Minute)
			require.NoError(t, e.d.Fallback(ctx))
			require.Equal(t, uint32(round), stored(t, e).Round)
		}
		require.Len(t, e.published, len(order))
		e.now = stored(t, e).Deadline.Add(time.Minute)
		require.NoError(t, e.d.Fallback(ctx))
		s := stored(t, e)
		require.Equal(t, coordinator.TaskFailed, s.TaskStatus)
		require.Equal(t, coordinator.ReasonNoPerformer, s.TaskError)
		left, err := e.store.OverdueTasks(ctx, e.now.Add(time.Hour), 0)
		require.NoError(t, err)
		require.Empty(t, left)
	})
}

// Reannounce signs the very same assignment again for a dispatched task
// unchanged for minAge, and leaves younger and final ones alone.
func TestDispatcherReannounce(t *testing.T) {
	ctx := context.Background()
	store, tasks := storeWithTasks(t, 2)
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	var published []attestation.Assignment
	now := tasks[1].CreatedAt
	d, err := coordinator.NewDispatcher(coordinator.DispatcherConfig{
		Keepers: keeperSet{keepers: testKeepers()}, Key: key, Store: store,
		Domain: attestation.Domain{ChainID: 31337, AttestationCenter: common.HexToAddress("0xacce")},
		Publish: func(_ context.Context, a attestation.Assignment) error {
			published = append(published, a)
			return nil
		},
		Clock: func() time.Time { return now },
	})
	require.NoError(t, err)
	for _, tk := range tasks {
		require.NoError(t, d.Dispatch(ctx, tk.Workflow()))
	}
	_, err = store.UpdateTask(ctx, tasks[1].TaskID, func(t *coordinator.Task) error {
		t.TaskStatus = coordinator.TaskCompleted
		return nil
	})
	require.NoError(t, err)

	require.NoError(t, d.Reannounce(ctx, time.Minute))
	require.Len(t, published, 2, "nothing unchanged for a minute yet")
	now = now.Add(2 * time.Minute)
	require.NoError(t, d.Reannounce(ctx, time.Minute))
	require.Len(t, published, 3, "the dispatched task only")
	require.Equal(t, published[0], published[2], "the same assignment, signed again")

	// A paused job's task in flight is announced again too.
	_, _, err = store.UpdateJob(ctx, uint64(tasks[0].JobID), func(j *coordinator.Job) (*coordinator.Task, error) {
		j.Status, j.UpdatedAt = coordinator.JobPaused, now
		return nil, nil
	})
	require.NoError(t, err)
	now = now.Add(2 * time.Minute)
	require.NoError(t, d.Reannounce(ctx, time.Minute))
	require.Len(t, published, 4, "the paused job's dispatched task")
	require.Equal(t, published[0], published[3])
}
