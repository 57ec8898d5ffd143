package coordinator_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/coordinator"
)

func TestBadgerStoreInMemory(t *testing.T) {
	testStore(t, func(t *testing.T) coordinator.Store {
		s, err := coordinator.OpenBadgerStore("", zaptest.NewLogger(t))
		require.NoError(t, err)
		t.Cleanup(func() { require.NoError(t, s.Close()) })
		return s
	})
}

func TestBadgerStoreOnDisk(t *testing.T) {
	testStore(t, func(t *testing.T) coordinator.Store {
		s, err := coordinator.OpenBadgerStore(t.TempDir(), zaptest.NewLogger(t))
		require.NoError(t, err)
		t.Cleanup(func() { require.NoError(t, s.Close()) })
		return s
	})
}

// TestBadgerStoreReopen checks that state, indexes included, survives a
// restart.
func TestBadgerStoreReopen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := coordinator.OpenBadgerStore(dir, zaptest.NewLogger(t))
	require.NoError(t, err)
	job := sampleJob(7, t0)
	require.NoError(t, s.CreateJobs(ctx, job))
	task := sampleTask(7, t0.Add(time.Minute))
	_, created, err := s.UpdateJob(ctx, 7, func(j *coordinator.Job) (*coordinator.Task, error) {
		j.NextExecutionTimestamp = t0.Add(2 * time.Minute)
		return &task, nil
	})
	require.NoError(t, err)
	require.True(t, created)
	require.NoError(t, s.SetCursor(ctx, "monitor", 42))
	require.NoError(t, s.PutAPIKey(ctx, coordinator.APIKey{ID: "key_1", Key: "k", Owner: "o", Scope: coordinator.ScopeAdmin, CreatedAt: t0}))
	require.NoError(t, s.Close())

	s, err = coordinator.OpenBadgerStore(dir, zaptest.NewLogger(t))
	require.NoError(t, err)
	defer s.Close()
	due, err := s.DueJobs(ctx, t0.Add(2*time.Minute), 0)
	require.NoError(t, err)
	require.Len(t, due, 1)
	got, err := s.Task(ctx, task.TaskID)
	require.NoError(t, err)
	require.Equal(t, task, got)
	proc, err := s.ProcessingTasks(ctx, t0.Add(time.Hour), 0)
	require.NoError(t, err)
	require.Len(t, proc, 1)
	next, err := s.Cursor(ctx, "monitor")
	require.NoError(t, err)
	require.Equal(t, uint64(42), next)
	k, err := s.APIKey(ctx, "k")
	require.NoError(t, err)
	require.Equal(t, "o", k.Owner)
}

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func sampleJob(id uint64, created time.Time) coordinator.Job {
	return coordinator.Job{
		JobID:                  coordinator.Decimal(id),
		UserAddress:            common.HexToAddress("0x1111111111111111111111111111111111111111"),
		JobTitle:               "sample job",
		TaskDefinitionID:       attestation.TimeStatic,
		ScheduleType:           coordinator.ScheduleInterval,
		TimeInterval:           60,
		TimeFrame:              3600,
		ExpirationTime:         created.Add(time.Hour),
		TargetChainID:          31337,
		TargetContractAddress:  common.HexToAddress("0x2222222222222222222222222222222222222222"),
		TargetFunction:         "increment(uint256)",
		Arguments:              []string{"1"},
		Status:                 coordinator.JobActive,
		NextExecutionTimestamp: created.Add(time.Minute),
		CreatedAt:              created,
		UpdatedAt:              created,
	}
}

func sampleTask(jobID uint64, slot time.Time) coordinator.Task {
	key := attestation.TimeTriggerKey(slot.Unix())
	return coordinator.Task{
		TaskID:           attestation.TaskID(jobID, key),
		JobID:            coordinator.Decimal(jobID),
		TaskDefinitionID: attestation.TimeStatic,
		TriggerKey:       key,
		ScheduledAt:      slot,
		TaskStatus:       coordinator.TaskProcessing,
		CreatedAt:        slot,
		UpdatedAt:        slot,
		// Every field of the action is kept: a task is dispatched again
		// from what the store holds.
		Action: attestation.Action{
			ChainID:     31337,
			Target:      common.HexToAddress("0x2222222222222222222222222222222222222222"),
			Function:    "increment(uint256)",
			Arguments:   []string{"1"},
			Script:      &attestation.Script{CID: "bafkreitest", Runtime: attestation.RuntimeNode, AllowedHosts: []string{"api.example.com"}},
			TargetJobID: 9,
		},
	}
}

// fireAt is the scheduler's use of UpdateJob, reduced: fire the job's
// current slot if it is due at now.
func fireAt(now time.Time) func(j *coordinator.Job) (*coordinator.Task, error) {
	return func(j *coordinator.Job) (*coordinator.Task, error) {
		if j.Status != coordinator.JobActive || j.NextExecutionTimestamp.After(now) {
			return nil, errNotDue
		}
		t := sampleTask(uint64(j.JobID), j.NextExecutionTimestamp)
		j.NextExecutionTimestamp = j.NextExecutionTimestamp.Add(time.Duration(j.TimeInterval) * time.Second)
		return &t, nil
	}
}

var errNotDue = errors.New("not due")

// testStore is the conformance suite every Store implementation must pass.
// open returns a fresh, empty store, closed by the test's cleanup.
func testStore(t *testing.T, open func(t *testing.T) coordinator.Store) {
	ctx := context.Background()

	t.Run("jobs", func(t *testing.T) {
		s := open(t)
		_, err := s.Job(ctx, 1)
		require.ErrorIs(t, err, coordinator.ErrNotFound)

		j1, j2 := sampleJob(1, t0), sampleJob(2, t0)
		j2.ABI = `[{"type":"function"}]`
		require.NoError(t, s.CreateJobs(ctx, j1, j2))
		got, err := s.Job(ctx, 1)
		require.NoError(t, err)
		require.Equal(t, j1, got)
		got, err = s.Job(ctx, 2)
		require.NoError(t, err)
		require.Equal(t, j2, got)

		// All or nothing: job 3 is not created because job 2 exists.
		err = s.CreateJobs(ctx, sampleJob(3, t0), sampleJob(2, t0))
		require.ErrorIs(t, err, coordinator.ErrExists)
		_, err = s.Job(ctx, 3)
		require.ErrorIs(t, err, coordinator.ErrNotFound)

		// Times come back in UTC, whatever zone they went in.
		j4 := sampleJob(4, t0.In(time.FixedZone("X", 3600)))
		require.NoError(t, s.CreateJobs(ctx, j4))
		got, err = s.Job(ctx, 4)
		require.NoError(t, err)
		require.Equal(t, time.UTC, got.CreatedAt.Location())
		require.True(t, got.CreatedAt.Equal(t0))

		// Returned values are copies.
		got.Arguments[0] = "changed"
		again, err := s.Job(ctx, 4)
		require.NoError(t, err)
		require.Equal(t, "1", again.Arguments[0])
	})

	t.Run("due jobs", func(t *testing.T) {
		s := open(t)
		var jobs []coordinator.Job
		for i := range 5 {
			j := sampleJob(uint64(10+i), t0)
			j.NextExecutionTimestamp = t0.Add(time.Duration(5-i) * time.Second) // job 14 is due first
			jobs = append(jobs, j)
		}
		jobs[2].Status = coordinator.JobDeleted
		require.NoError(t, s.CreateJobs(ctx, jobs...))

		due, err := s.DueJobs(ctx, t0.Add(3*time.Second), 0)
		require.NoError(t, err)
		require.Equal(t, []uint64{14, 13}, ids(due)) // 12 is deleted, 11 and 10 not yet due
		due, err = s.DueJobs(ctx, t0.Add(time.Hour), 0)
		require.NoError(t, err)
		require.Equal(t, []uint64{14, 13, 11, 10}, ids(due))
		due, err = s.DueJobs(ctx, t0.Add(time.Hour), 3)
		require.NoError(t, err)
		require.Equal(t, []uint64{14, 13, 11}, ids(due))
		due, err = s.DueJobs(ctx, t0, 0)
		require.NoError(t, err)
		require.Empty(t, due)

		// Moving and stopping jobs moves them in the due index.
		_, _, err = s.UpdateJob(ctx, 14, func(j *coordinator.Job) (*coordinator.Task, error) {
			j.NextExecutionTimestamp = t0.Add(time.Hour)
			return nil, nil
		})
		require.NoError(t, err)
		_, _, err = s.UpdateJob(ctx, 13, func(j *coordinator.Job) (*coordinator.Task, error) {
			j.Status = coordinator.JobExpired
			return nil, nil
		})
		require.NoError(t, err)
		due, err = s.DueJobs(ctx, t0.Add(time.Minute), 0)
		require.NoError(t, err)
		require.Equal(t, []uint64{11, 10}, ids(due))
		due, err = s.DueJobs(ctx, t0.Add(time.Hour), 0)
		require.NoError(t, err)
		require.Equal(t, []uint64{11, 10, 14}, ids(due))
	})

	t.Run("update job fires a task atomically", func(t *testing.T) {
		s := open(t)
		require.NoError(t, s.CreateJobs(ctx, sampleJob(1, t0)))
		_, _, err := s.UpdateJob(ctx, 99, fireAt(t0))
		require.ErrorIs(t, err, coordinator.ErrNotFound)

		// An error from fn changes nothing.
		_, _, err = s.UpdateJob(ctx, 1, fireAt(t0))
		require.ErrorIs(t, err, errNotDue)
		j, err := s.Job(ctx, 1)
		require.NoError(t, err)
		require.Equal(t, t0.Add(time.Minute), j.NextExecutionTimestamp)

		now := t0.Add(time.Minute)
		j, created, err := s.UpdateJob(ctx, 1, fireAt(now))
		require.NoError(t, err)
		require.True(t, created)
		require.Equal(t, t0.Add(2*time.Minute), j.NextExecutionTimestamp)
		want := sampleTask(1, now)
		got, err := s.Task(ctx, want.TaskID)
		require.NoError(t, err)
		require.Equal(t, want, got)
		tasks, err := s.Tasks(ctx, 1, 0)
		require.NoError(t, err)
		require.Equal(t, []coordinator.Task{want}, tasks)

		// The slot is not due any more.
		_, _, err = s.UpdateJob(ctx, 1, fireAt(now))
		require.ErrorIs(t, err, errNotDue)

		// Creating a task is idempotent on its id: the job update applies,
		// the existing task is kept as it is.
		dup := want
		dup.TaskStatus = coordinator.TaskFailed
		j, created, err = s.UpdateJob(ctx, 1, func(j *coordinator.Job) (*coordinator.Task, error) {
			j.JobTitle = "renamed"
			return &dup, nil
		})
		require.NoError(t, err)
		require.False(t, created)
		require.Equal(t, "renamed", j.JobTitle)
		got, err = s.Task(ctx, want.TaskID)
		require.NoError(t, err)
		require.Equal(t, coordinator.TaskProcessing, got.TaskStatus)

		// fn must not move the job or attach a task of another job.
		_, _, err = s.UpdateJob(ctx, 1, func(j *coordinator.Job) (*coordinator.Task, error) {
			j.JobID = 2
			return nil, nil
		})
		require.Error(t, err)
		_, _, err = s.UpdateJob(ctx, 1, func(j *coordinator.Job) (*coordinator.Task, error) {
			other := sampleTask(2, now)
			return &other, nil
		})
		require.Error(t, err)
		_, err = s.Task(ctx, sampleTask(2, now).TaskID)
		require.ErrorIs(t, err, coordinator.ErrNotFound)
	})

	t.Run("concurrent firings create one task per slot", func(t *testing.T) {
		s := open(t)
		require.NoError(t, s.CreateJobs(ctx, sampleJob(1, t0)))
		now := t0.Add(time.Minute)
		var (
			wg      sync.WaitGroup
			mu      sync.Mutex
			created int
		)
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, c, err := s.UpdateJob(ctx, 1, fireAt(now))
				if errors.Is(err, errNotDue) {
					return
				}
				if !c || err != nil {
					t.Errorf("created %v, err %v", c, err)
				}
				mu.Lock()
				created++
				mu.Unlock()
			}()
		}
		wg.Wait()
		require.Equal(t, 1, created)
		tasks, err := s.Tasks(ctx, 1, 0)
		require.NoError(t, err)
		require.Len(t, tasks, 1)
		j, err := s.Job(ctx, 1)
		require.NoError(t, err)
		require.Equal(t, t0.Add(2*time.Minute), j.NextExecutionTimestamp)
	})

	t.Run("tasks of a job newest first", func(t *testing.T) {
		s := open(t)
		require.NoError(t, s.CreateJobs(ctx, sampleJob(1, t0), sampleJob(2, t0)))
		var want []common.Hash
		for i := range 5 {
			now := t0.Add(time.Duration(i+1) * time.Minute)
			_, created, err := s.UpdateJob(ctx, 1, fireAt(now))
			require.NoError(t, err)
			require.True(t, created)
			want = append([]common.Hash{sampleTask(1, now).TaskID}, want...)
		}
		_, _, err := s.UpdateJob(ctx, 2, fireAt(t0.Add(time.Minute)))
		require.NoError(t, err)

		tasks, err := s.Tasks(ctx, 1, 0)
		require.NoError(t, err)
		require.Equal(t, want, taskIDs(tasks))
		tasks, err = s.Tasks(ctx, 1, 2)
		require.NoError(t, err)
		require.Equal(t, want[:2], taskIDs(tasks))
		tasks, err = s.Tasks(ctx, 2, 0)
		require.NoError(t, err)
		require.Len(t, tasks, 1)
		tasks, err = s.Tasks(ctx, 3, 0)
		require.NoError(t, err)
		require.Empty(t, tasks)

		ids, err := s.TaskIDs(ctx, 1, 0)
		require.NoError(t, err)
		require.Equal(t, want, ids)
		ids, err = s.TaskIDs(ctx, 1, 2)
		require.NoError(t, err)
		require.Equal(t, want[:2], ids)
		ids, err = s.TaskIDs(ctx, 3, 0)
		require.NoError(t, err)
		require.Empty(t, ids)
	})

	t.Run("update task and processing index", func(t *testing.T) {
		s := open(t)
		all := fireThree(t, s)
		proc, err := s.ProcessingTasks(ctx, t0.Add(time.Hour), 0)
		require.NoError(t, err)
		require.Equal(t, taskIDs(all), taskIDs(proc)) // oldest first
		proc, err = s.ProcessingTasks(ctx, t0.Add(2*time.Minute), 0)
		require.NoError(t, err)
		require.Equal(t, taskIDs(all[:2]), taskIDs(proc)) // created at or before
		proc, err = s.ProcessingTasks(ctx, t0.Add(time.Hour), 1)
		require.NoError(t, err)
		require.Equal(t, taskIDs(all[:1]), taskIDs(proc))

		_, err = s.UpdateTask(ctx, common.Hash{1}, func(*coordinator.Task) error { return nil })
		require.ErrorIs(t, err, coordinator.ErrNotFound)

		performer := common.HexToAddress("0x3333333333333333333333333333333333333333")
		got, err := s.UpdateTask(ctx, all[0].TaskID, func(t *coordinator.Task) error {
			t.TaskStatus = coordinator.TaskDispatched
			t.TaskPerformer = performer
			t.Round = 1
			t.Deadline = t0.Add(time.Hour)
			t.TaskAttesterIDs = []uint64{1, 2}
			return nil
		})
		require.NoError(t, err)
		require.Equal(t, performer, got.TaskPerformer)
		stored, err := s.Task(ctx, all[0].TaskID)
		require.NoError(t, err)
		require.Equal(t, got, stored)
		proc, err = s.ProcessingTasks(ctx, t0.Add(time.Hour), 0)
		require.NoError(t, err)
		require.Equal(t, taskIDs(all[1:]), taskIDs(proc))

		// An error from fn changes nothing.
		boom := errors.New("boom")
		_, err = s.UpdateTask(ctx, all[1].TaskID, func(t *coordinator.Task) error {
			t.TaskStatus = coordinator.TaskFailed
			return boom
		})
		require.ErrorIs(t, err, boom)
		stored, err = s.Task(ctx, all[1].TaskID)
		require.NoError(t, err)
		require.Equal(t, coordinator.TaskProcessing, stored.TaskStatus)

		// Identity fields are immutable.
		_, err = s.UpdateTask(ctx, all[1].TaskID, func(t *coordinator.Task) error {
			t.ScheduledAt = t.ScheduledAt.Add(time.Second)
			return nil
		})
		require.Error(t, err)

		// Back to processing re-enters the index.
		_, err = s.UpdateTask(ctx, all[0].TaskID, func(t *coordinator.Task) error {
			t.TaskStatus = coordinator.TaskProcessing
			return nil
		})
		require.NoError(t, err)
		proc, err = s.ProcessingTasks(ctx, t0.Add(time.Hour), 0)
		require.NoError(t, err)
		require.Equal(t, taskIDs(all), taskIDs(proc))
	})

	t.Run("deadline index", func(t *testing.T) {
		s := open(t)
		all := fireThree(t, s)
		dispatch := func(tk coordinator.Task, deadline time.Time) {
			t.Helper()
			_, err := s.UpdateTask(ctx, tk.TaskID, func(t *coordinator.Task) error {
				t.TaskStatus, t.Deadline = coordinator.TaskDispatched, deadline
				return nil
			})
			require.NoError(t, err)
		}
		overdue := func(notAfter time.Time, limit int) []common.Hash {
			t.Helper()
			got, err := s.OverdueTasks(ctx, notAfter, limit)
			require.NoError(t, err)
			return taskIDs(got)
		}
		require.Empty(t, overdue(t0.Add(24*time.Hour), 0), "processing tasks have no deadline yet")

		// Earliest deadline first, whatever the creation order.
		dispatch(all[0], t0.Add(30*time.Minute))
		dispatch(all[1], t0.Add(10*time.Minute))
		dispatch(all[2], t0.Add(20*time.Minute))
		want := []common.Hash{all[1].TaskID, all[2].TaskID, all[0].TaskID}
		require.Equal(t, want, overdue(t0.Add(time.Hour), 0))
		require.Equal(t, want[:2], overdue(t0.Add(20*time.Minute), 0), "deadline at or before")
		require.Equal(t, want[:1], overdue(t0.Add(time.Hour), 1))

		// A fallback round moves the deadline: the entry moves with it.
		dispatch(all[1], t0.Add(40*time.Minute))
		require.Equal(t, []common.Hash{all[2].TaskID, all[0].TaskID, all[1].TaskID}, overdue(t0.Add(time.Hour), 0))

		// An execution recorded, or a final status, leaves the index.
		_, err := s.UpdateTask(ctx, all[2].TaskID, func(t *coordinator.Task) error {
			t.ExecutionTxHash = common.Hash{7}
			return nil
		})
		require.NoError(t, err)
		_, err = s.UpdateTask(ctx, all[0].TaskID, func(t *coordinator.Task) error {
			t.TaskStatus = coordinator.TaskFailed
			return nil
		})
		require.NoError(t, err)
		require.Equal(t, []common.Hash{all[1].TaskID}, overdue(t0.Add(time.Hour), 0))
	})

	t.Run("api keys", func(t *testing.T) { testAPIKeys(t, open(t)) })

	t.Run("cursors", func(t *testing.T) {
		s := open(t)
		_, err := s.Cursor(ctx, "monitor")
		require.ErrorIs(t, err, coordinator.ErrNotFound)
		require.NoError(t, s.SetCursor(ctx, "monitor", 100))
		require.NoError(t, s.SetCursor(ctx, "other", 5))
		require.NoError(t, s.SetCursor(ctx, "monitor", 101))
		next, err := s.Cursor(ctx, "monitor")
		require.NoError(t, err)
		require.Equal(t, uint64(101), next)
		next, err = s.Cursor(ctx, "other")
		require.NoError(t, err)
		require.Equal(t, uint64(5), next)
	})

	t.Run("active jobs", func(t *testing.T) {
		s := open(t)
		jobs := []coordinator.Job{sampleJob(1, t0), sampleJob(2, t0), sampleJob(3, t0)}
		jobs[1].Status = coordinator.JobDeleted
		require.NoError(t, s.CreateJobs(ctx, jobs...))
		var ids []uint64
		require.NoError(t, s.ActiveJobs(ctx, func(j coordinator.Job) error { ids = append(ids, uint64(j.JobID)); return nil }))
		require.Equal(t, []uint64{1, 3}, ids)
		stop := errors.New("stop")
		require.ErrorIs(t, s.ActiveJobs(ctx, func(coordinator.Job) error { return stop }), stop)
	})

	t.Run("list jobs", func(t *testing.T) {
		s := open(t)
		other := common.HexToAddress("0x3333333333333333333333333333333333333333")
		var jobs []coordinator.Job
		for id := uint64(1); id <= 7; id++ {
			j := sampleJob(id, t0)
			if id%2 == 0 {
				j.UserAddress = other
			}
			if id == 3 {
				j.Status = coordinator.JobPaused
			}
			if id == 5 {
				j.TaskDefinitionID = attestation.EventStatic
			}
			jobs = append(jobs, j)
		}
		require.NoError(t, s.CreateJobs(ctx, jobs...))
		mine := sampleJob(1, t0).UserAddress
		for _, tc := range []struct {
			name   string
			filter coordinator.JobFilter
			pages  [][]uint64
		}{
			{"all", coordinator.JobFilter{}, [][]uint64{{1, 2, 3, 4, 5, 6, 7}}},
			{"pages of 3", coordinator.JobFilter{Limit: 3}, [][]uint64{{1, 2, 3}, {4, 5, 6}, {7}}},
			{"exact pages", coordinator.JobFilter{UserAddress: other, Limit: 3}, [][]uint64{{2, 4, 6}}},
			{"user", coordinator.JobFilter{UserAddress: mine, Limit: 2}, [][]uint64{{1, 3}, {5, 7}}},
			{"status", coordinator.JobFilter{Status: coordinator.JobPaused}, [][]uint64{{3}}},
			{"task definition", coordinator.JobFilter{TaskDefinitionID: attestation.EventStatic}, [][]uint64{{5}}},
			{"none", coordinator.JobFilter{Status: coordinator.JobDeleted}, [][]uint64{{}}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				f := tc.filter
				for i, want := range tc.pages {
					got, next, err := s.ListJobs(ctx, f)
					require.NoError(t, err)
					require.Equal(t, want, ids(got), "page %d", i)
					if i == len(tc.pages)-1 {
						require.Empty(t, next)
					} else {
						require.NotEmpty(t, next)
					}
					f.Cursor = next
				}
			})
		}
		_, _, err := s.ListJobs(ctx, coordinator.JobFilter{Cursor: "not-a-cursor"})
		require.ErrorIs(t, err, coordinator.ErrBadCursor)
	})

	t.Run("state", func(t *testing.T) {
		s := open(t)
		_, err := s.State(ctx, "chainwatch/1/blocks/0")
		require.ErrorIs(t, err, coordinator.ErrNotFound)
		require.NoError(t, s.SetState(ctx, "chainwatch/1/blocks/0", []byte(`{"block":7}`)))
		require.NoError(t, s.SetState(ctx, "conditions/5", []byte("x")))
		got, err := s.State(ctx, "chainwatch/1/blocks/0")
		require.NoError(t, err)
		require.Equal(t, []byte(`{"block":7}`), got)
		require.NoError(t, s.SetState(ctx, "conditions/5", nil))
		_, err = s.State(ctx, "conditions/5")
		require.ErrorIs(t, err, coordinator.ErrNotFound)
	})

	t.Run("points", func(t *testing.T) {
		s := open(t)
		k1 := common.HexToAddress("0x00000000000000000000000000000000000000b1")
		k2 := common.HexToAddress("0x00000000000000000000000000000000000000a2")
		u := common.HexToAddress("0x00000000000000000000000000000000000000c3")
		_, err := s.Account(ctx, coordinator.AccountKeeper, k1)
		require.ErrorIs(t, err, coordinator.ErrNotFound)
		credits := []coordinator.Credit{
			{Kind: coordinator.AccountKeeper, Address: k1, Points: 6, TasksPerformed: 1, At: t0},
			{Kind: coordinator.AccountKeeper, Address: k2, Points: 3, TasksAttested: 1, At: t0},
			{Kind: coordinator.AccountUser, Address: u, Points: 6, TasksCompleted: 1, At: t0},
		}
		applied, err := s.Credit(ctx, "task/1", credits...)
		require.NoError(t, err)
		require.True(t, applied)
		applied, err = s.Credit(ctx, "task/1", credits...)
		require.NoError(t, err)
		require.False(t, applied, "a key is credited once")
		applied, err = s.Credit(ctx, "task/2",
			coordinator.Credit{Kind: coordinator.AccountKeeper, Address: k1, Points: -1, TasksRejected: 1, At: t0.Add(time.Minute)},
			coordinator.Credit{Kind: coordinator.AccountKeeper, Address: k2, Points: 3, TasksAttested: 1, At: t0.Add(-time.Minute)})
		require.NoError(t, err)
		require.True(t, applied)

		got, err := s.Account(ctx, coordinator.AccountKeeper, k1)
		require.NoError(t, err)
		require.Equal(t, coordinator.Account{Kind: coordinator.AccountKeeper, Address: k1, Points: 5, TasksPerformed: 1,
			TasksRejected: 1, LastActivity: t0.Add(time.Minute).UTC()}, got)
		keepers, err := s.Accounts(ctx, coordinator.AccountKeeper)
		require.NoError(t, err)
		require.Len(t, keepers, 2)
		require.Equal(t, k2, keepers[0].Address, "address order")
		require.Equal(t, int64(6), keepers[0].Points)
		require.Equal(t, uint64(2), keepers[0].TasksAttested)
		require.Equal(t, t0.UTC(), keepers[0].LastActivity, "the latest event's time")
		users, err := s.Accounts(ctx, coordinator.AccountUser)
		require.NoError(t, err)
		require.Equal(t, []coordinator.Account{{Kind: coordinator.AccountUser, Address: u, Points: 6, TasksCompleted: 1,
			LastActivity: t0.UTC()}}, users)
		_, err = s.Credit(ctx, "")
		require.Error(t, err)
	})

	t.Run("concurrent credits add up", func(t *testing.T) {
		s := open(t)
		k := common.HexToAddress("0x00000000000000000000000000000000000000d4")
		var wg sync.WaitGroup
		for i := range 20 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				// Each key twice: only the first of the pair counts.
				for range 2 {
					_, err := s.Credit(ctx, fmt.Sprintf("task/%d", i), coordinator.Credit{Kind: coordinator.AccountKeeper, Address: k, Points: 2, TasksAttested: 1})
					assert.NoError(t, err)
				}
			}()
		}
		wg.Wait()
		got, err := s.Account(ctx, coordinator.AccountKeeper, k)
		require.NoError(t, err)
		require.Equal(t, int64(40), got.Points)
		require.Equal(t, uint64(20), got.TasksAttested)
	})

	t.Run("canceled context", func(t *testing.T) {
		s := open(t)
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		require.ErrorIs(t, s.CreateJobs(cctx, sampleJob(1, t0)), context.Canceled)
		_, err := s.Job(cctx, 1)
		require.ErrorIs(t, err, context.Canceled)
	})
}

func ids(jobs []coordinator.Job) []uint64 {
	out := make([]uint64, len(jobs))
	for i, j := range jobs {
		out[i] = uint64(j.JobID)
	}
	return out
}

func taskIDs(tasks []coordinator.Task) []common.Hash {
	out := make([]common.Hash, len(tasks))
	for i, t := range tasks {
		out[i] = t.TaskID
	}
	return out
}

// fireThree creates job 1 and fires it three times, a minute apart from
// t0+1m; it returns the three tasks, oldest first.
func fireThree(t *testing.T, s coordinator.Store) []coordinator.Task {
	t.Helper()
	ctx := context.Background()
	require.NoError(t, s.CreateJobs(ctx, sampleJob(1, t0)))
	var all []coordinator.Task
	for i := range 3 {
		now := t0.Add(time.Duration(i+1) * time.Minute)
		_, _, err := s.UpdateJob(ctx, 1, fireAt(now))
		require.NoError(t, err)
		all = append(all, sampleTask(1, now))
	}
	return all
}
