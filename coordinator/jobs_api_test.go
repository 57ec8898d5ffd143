package coordinator_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/coordinator"
)

const (
	aliceKey = "alice-key-0123456789"
	bobKey   = "bob-key-0123456789ab"
)

// jobsAPI returns an API with jobs 1 to 3 of owner registered and user keys
// for owner (aliceKey) and another address (bobKey).
func jobsAPI(t *testing.T, mods ...func(*coordinator.APIConfig)) *apiHarness {
	t.Helper()
	a := newAPI(t, mods...)
	ctx := context.Background()
	for _, k := range []coordinator.APIKey{
		{ID: "key_alice", Key: aliceKey, Owner: owner.Hex(), Scope: coordinator.ScopeUser, CreatedAt: t0},
		{ID: "key_bob", Key: bobKey, Owner: "0x00000000000000000000000000000000000000b0", Scope: coordinator.ScopeUser, CreatedAt: t0},
	} {
		require.NoError(t, a.store.PutAPIKey(ctx, k))
	}
	for _, id := range []string{"1", "2", "3"} {
		w := a.do(http.MethodPost, "/api/jobs", testKey, jobRequest(id, id))
		require.Equal(t, http.StatusCreated, w.Code, w.Body.String())
	}
	return a
}

func TestListJobs(t *testing.T) {
	a := jobsAPI(t)
	w := a.do(http.MethodPost, "/api/v1/jobs/2/pause", testKey, nil)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())

	for _, tc := range []struct {
		name, key, query string
		code             int
		pages            [][]uint64
	}{
		{"admin all", testKey, "", 200, [][]uint64{{1, 2, 3}}},
		{"admin pages", testKey, "?limit=2", 200, [][]uint64{{1, 2}, {3}}},
		{"paused", testKey, "?status=paused", 200, [][]uint64{{2}}},
		{"task definition", testKey, "?task_definition_id=3", 200, [][]uint64{{}}},
		{"admin by user", testKey, "?user_address=" + owner.Hex(), 200, [][]uint64{{1, 2, 3}}},
		{"user own", aliceKey, "?limit=1&status=active", 200, [][]uint64{{1}, {3}}},
		{"other tenant", bobKey, "", 200, [][]uint64{{}}},
		{"other tenant asks for owner's", bobKey, "?user_address=" + owner.Hex(), 200, [][]uint64{{}}},
		{"bad status", testKey, "?status=sleeping", 400, nil},
		{"bad limit", testKey, "?limit=0", 400, nil},
		{"bad cursor", testKey, "?cursor=nope", 400, nil},
		{"bad user", testKey, "?user_address=0x12", 400, nil},
		{"no key", "", "", 401, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := "/api/v1/jobs" + tc.query
			w := a.do(http.MethodGet, path, tc.key, nil)
			require.Equal(t, tc.code, w.Code, w.Body.String())
			for i, want := range tc.pages {
				require.Equal(t, http.StatusOK, w.Code, w.Body.String())
				var page coordinator.JobPage
				require.NoError(t, json.Unmarshal(w.Body.Bytes(), &page))
				got := []uint64{}
				for _, j := range page.Jobs {
					got = append(got, uint64(j.JobID))
				}
				require.Equal(t, want, got, "page %d", i)
				if i == len(tc.pages)-1 {
					require.Empty(t, page.NextCursor)
					break
				}
				require.NotEmpty(t, page.NextCursor)
				sep := "?"
				if tc.query != "" {
					sep = "&"
				}
				w = a.do(http.MethodGet, path+sep+"cursor="+page.NextCursor, tc.key, nil)
			}
		})
	}
}

func TestPauseResumeJob(t *testing.T) {
	var paused []uint64
	var resumed []coordinator.Job
	now := t0
	a := jobsAPI(t, func(c *coordinator.APIConfig) {
		c.Paused = func(id uint64) { paused = append(paused, id) }
		c.Resumed = func(j coordinator.Job) { resumed = append(resumed, j) }
		c.Clock = func() time.Time { return now }
	})
	job := func(w interface{ Result() *http.Response }) coordinator.Job {
		var j coordinator.Job
		require.NoError(t, json.NewDecoder(w.Result().Body).Decode(&j))
		return j
	}
	for _, tc := range []struct {
		name, method, path, key string
		code                    int
		status                  coordinator.JobStatus
	}{
		{"other tenant", http.MethodPost, "/api/v1/jobs/1/pause", bobKey, 404, ""},
		{"unknown job", http.MethodPost, "/api/v1/jobs/9/pause", testKey, 404, ""},
		{"bad id", http.MethodPost, "/api/v1/jobs/x/pause", testKey, 400, ""},
		{"resume active", http.MethodPost, "/api/v1/jobs/1/resume", aliceKey, 200, coordinator.JobActive},
		{"pause", http.MethodPost, "/api/v1/jobs/1/pause", aliceKey, 200, coordinator.JobPaused},
		{"pause again", http.MethodPost, "/api/v1/jobs/1/pause", aliceKey, 200, coordinator.JobPaused},
		{"resume", http.MethodPost, "/api/v1/jobs/1/resume", aliceKey, 200, coordinator.JobActive},
		{"delete", http.MethodDelete, "/api/v1/jobs/3", aliceKey, 200, coordinator.JobDeleted},
		{"pause deleted", http.MethodPost, "/api/v1/jobs/3/pause", aliceKey, 409, ""},
		{"resume deleted", http.MethodPost, "/api/v1/jobs/3/resume", aliceKey, 409, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "resume" {
				now = t0.Add(10*time.Minute + 30*time.Second)
			}
			w := a.do(tc.method, tc.path, tc.key, nil)
			require.Equal(t, tc.code, w.Code, w.Body.String())
			if tc.code != http.StatusOK {
				return
			}
			j := job(w)
			require.Equal(t, tc.status, j.Status)
			if tc.status == coordinator.JobPaused {
				require.True(t, j.NextExecutionTimestamp.IsZero(), "a paused job has no next execution")
			}
		})
	}
	require.Equal(t, []uint64{1, 1}, paused)
	require.Len(t, resumed, 2)
	// Resuming recomputed the next slot from now, skipping the pause's.
	require.Equal(t, t0.Add(11*time.Minute), resumed[1].NextExecutionTimestamp)

	// A paused job is not due: the scheduler's store query skips it.
	w := a.do(http.MethodPost, "/api/v1/jobs/2/pause", testKey, nil)
	require.Equal(t, http.StatusOK, w.Code)
	due, err := a.store.DueJobs(context.Background(), t0.Add(24*time.Hour), 10)
	require.NoError(t, err)
	for _, j := range due {
		require.NotEqual(t, coordinator.Decimal(2), j.JobID)
	}

	// A job whose time frame ended while paused expires on resume.
	now = t0.Add(2 * time.Hour)
	w = a.do(http.MethodPost, "/api/v1/jobs/2/resume", testKey, nil)
	require.Equal(t, http.StatusOK, w.Code)
	require.Equal(t, coordinator.JobExpired, job(w).Status)
}

func TestPatchJob(t *testing.T) {
	var deleted []uint64
	now := t0
	a := jobsAPI(t, func(c *coordinator.APIConfig) {
		c.Deleted = func(id uint64) { deleted = append(deleted, id) }
		c.Clock = func() time.Time { return now }
	})
	now = t0.Add(30 * time.Minute) // jobs were created at t0
	for _, tc := range []struct {
		name, path, key string
		body            any
		code            int
		field           string
		check           func(t *testing.T, j coordinator.Job)
	}{
		{"title", "/api/v1/jobs/1", aliceKey, map[string]any{"job_title": "  New title "}, 200, "", func(t *testing.T, j coordinator.Job) {
			require.Equal(t, "New title", j.JobTitle)
			require.Equal(t, coordinator.JobActive, j.Status)
		}},
		{"time frame", "/api/v1/jobs/1", aliceKey, map[string]any{"time_frame": "7200"}, 200, "", func(t *testing.T, j coordinator.Job) {
			require.Equal(t, int64(7200), j.TimeFrame)
			require.Equal(t, t0.Add(2*time.Hour), j.ExpirationTime)
		}},
		{"no expiry", "/api/v1/jobs/1", testKey, map[string]any{"time_frame": 0}, 200, "", func(t *testing.T, j coordinator.Job) {
			require.True(t, j.ExpirationTime.IsZero())
		}},
		{"time frame already over", "/api/v1/jobs/2", aliceKey, map[string]any{"time_frame": 60}, 200, "", func(t *testing.T, j coordinator.Job) {
			require.Equal(t, coordinator.JobExpired, j.Status)
		}},
		{"expired job's time frame", "/api/v1/jobs/2", aliceKey, map[string]any{"time_frame": 600}, 409, "time_frame", nil},
		{"commitment field", "/api/v1/jobs/1", aliceKey, map[string]any{"arguments": []string{"2"}}, 422, "arguments", nil},
		{"commitment with title", "/api/v1/jobs/1", aliceKey, map[string]any{"job_title": "ok title", "target_function": "x()"}, 422, "target_function", nil},
		{"status", "/api/v1/jobs/1", aliceKey, map[string]any{"status": "paused"}, 422, "status", nil},
		{"short title", "/api/v1/jobs/1", aliceKey, map[string]any{"job_title": "x"}, 400, "job_title", nil},
		{"frame under interval", "/api/v1/jobs/1", aliceKey, map[string]any{"time_frame": 30}, 400, "time_frame", nil},
		{"empty", "/api/v1/jobs/1", aliceKey, map[string]any{}, 400, "", nil},
		{"not an object", "/api/v1/jobs/1", aliceKey, "[1]", 400, "", nil},
		{"other tenant", "/api/v1/jobs/1", bobKey, map[string]any{"job_title": "mine now"}, 404, "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := a.do(http.MethodPatch, tc.path, tc.key, tc.body)
			require.Equal(t, tc.code, w.Code, w.Body.String())
			if tc.code != http.StatusOK {
				var p coordinator.Problem
				require.NoError(t, json.Unmarshal(w.Body.Bytes(), &p))
				require.Equal(t, tc.field, p.Field)
				if tc.code == http.StatusUnprocessableEntity && tc.field != "status" {
					require.Contains(t, p.Detail, "part of the on-chain commitment: create a new job")
				}
				return
			}
			var j coordinator.Job
			require.NoError(t, json.Unmarshal(w.Body.Bytes(), &j))
			tc.check(t, j)
		})
	}
	require.Equal(t, []uint64{2}, deleted, "a job expired by PATCH stops being watched")
}

func TestListTasks(t *testing.T) {
	a := jobsAPI(t)
	ctx := context.Background()
	// Jobs 1 and 2 fire twice each; job 1's second task completes.
	var all []common.Hash
	for i, at := range []time.Duration{time.Minute, 2 * time.Minute} {
		for _, id := range []uint64{1, 2} {
			_, created, err := a.store.UpdateJob(ctx, id, func(j *coordinator.Job) (*coordinator.Task, error) {
				tk := sampleTask(id, t0.Add(at))
				tk.ScheduledAt = t0.Add(at + time.Duration(id)*time.Second)
				return &tk, nil
			})
			require.NoError(t, err)
			require.True(t, created, "round %d job %d", i, id)
			all = append(all, sampleTask(id, t0.Add(at)).TaskID)
		}
	}
	_, err := a.store.UpdateTask(ctx, all[2], func(tk *coordinator.Task) error {
		tk.TaskStatus = coordinator.TaskCompleted
		return nil
	})
	require.NoError(t, err)

	for _, tc := range []struct {
		name, key, query string
		code             int
		want             []common.Hash
	}{
		{"admin all newest first", testKey, "", 200, []common.Hash{all[3], all[2], all[1], all[0]}},
		{"limit", aliceKey, "?limit=3", 200, []common.Hash{all[3], all[2], all[1]}},
		{"status", aliceKey, "?status=completed", 200, []common.Hash{all[2]}},
		{"admin by user", testKey, "?user_address=" + owner.Hex() + "&status=processing&limit=1", 200, []common.Hash{all[3]}},
		{"other tenant", bobKey, "", 200, []common.Hash{}},
		{"other tenant asks for owner's", bobKey, "?user_address=" + owner.Hex(), 200, []common.Hash{}},
		{"bad status", aliceKey, "?status=done", 400, nil},
		{"bad limit", aliceKey, "?limit=5000", 400, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := a.do(http.MethodGet, "/api/v1/tasks"+tc.query, tc.key, nil)
			require.Equal(t, tc.code, w.Code, w.Body.String())
			if tc.code != http.StatusOK {
				return
			}
			var tasks []coordinator.Task
			require.NoError(t, json.Unmarshal(w.Body.Bytes(), &tasks))
			got := []common.Hash{}
			for _, tk := range tasks {
				got = append(got, tk.TaskID)
			}
			require.Equal(t, tc.want, got)
		})
	}
}
