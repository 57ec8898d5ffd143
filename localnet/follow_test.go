package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
)

// fakeAPI serves GET /api/jobs/7/tasks from a list the test changes.
type fakeAPI struct {
	mu    sync.Mutex
	tasks []task // newest first, as the coordinator lists them
}

func (f *fakeAPI) set(ts ...task) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.tasks = ts
}

func (f *fakeAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Api-Key") != "k" {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if r.URL.Path != "/api/jobs/7/tasks" {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	_ = json.NewEncoder(w).Encode(f.tasks)
}

func TestFollowerPrintsFinalizedTasksOnce(t *testing.T) {
	api := &fakeAPI{}
	srv := httptest.NewServer(api)
	defer srv.Close()
	keeper := common.HexToAddress("0x1111111111111111111111111111111111111111")
	f := &follower{api: newAPIClient(srv.URL, "k"), jobID: 7, names: map[common.Address]string{keeper: "keeper-2"},
		seen: map[common.Hash]bool{}, poll: time.Millisecond, warnings: &bytes.Buffer{}}
	var out bytes.Buffer
	ctx := context.Background()

	t1 := task{TaskID: common.HexToHash("0xaa01"), TaskStatus: "dispatched", TaskPerformer: keeper}
	api.set(t1)
	n, err := f.step(ctx, &out)
	require.NoError(t, err)
	require.Zero(t, n)
	require.Empty(t, out.String())

	t1.TaskStatus, t1.TaskNumber, t1.TaskAttesterIDs = "completed", 1, []uint64{1, 3, 4}
	t1.ExecutionTxHash, t1.TaskSubmissionTxHash = common.HexToHash("0xe1"), common.HexToHash("0x51")
	t2 := task{TaskID: common.HexToHash("0xbb02"), TaskStatus: "rejected", TaskNumber: 2}
	t3 := task{TaskID: common.HexToHash("0xcc03"), TaskStatus: "failed", TaskError: "dispatch_timeout"}
	api.set(t3, t2, t1)
	n, err = f.step(ctx, &out)
	require.NoError(t, err)
	require.Equal(t, 2, n, "failed tasks are printed but not counted")
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 3)
	require.Contains(t, lines[0], "completed #1")
	require.Contains(t, lines[0], "performer keeper-2 0x1111111111111111111111111111111111111111")
	require.Contains(t, lines[0], "attesters [1 3 4]")
	require.Contains(t, lines[0], common.HexToHash("0xe1").Hex())
	require.Contains(t, lines[0], common.HexToHash("0x51").Hex())
	require.Contains(t, lines[0], "task "+common.HexToHash("0xaa01").Hex()[:10])
	require.Contains(t, lines[1], "rejected #2")
	require.Contains(t, lines[2], "failed: dispatch_timeout")

	out.Reset()
	n, err = f.step(ctx, &out)
	require.NoError(t, err)
	require.Zero(t, n)
	require.Empty(t, out.String())
}

func TestFollowStopsAfterTasksOrTimeout(t *testing.T) {
	api := &fakeAPI{}
	srv := httptest.NewServer(api)
	defer srv.Close()
	newFollower := func() *follower {
		return &follower{api: newAPIClient(srv.URL, "k"), jobID: 7, seen: map[common.Hash]bool{},
			poll: time.Millisecond, warnings: &bytes.Buffer{}}
	}
	ok := func() error { return nil }
	ctx := context.Background()

	api.set(task{TaskID: common.HexToHash("0x2"), TaskStatus: "completed"}, task{TaskID: common.HexToHash("0x1"), TaskStatus: "completed"})
	require.NoError(t, newFollower().follow(ctx, &bytes.Buffer{}, followOptions{tasks: 2, timeout: time.Minute}, ok))

	api.set(task{TaskID: common.HexToHash("0x1"), TaskStatus: "dispatched"})
	err := newFollower().follow(ctx, &bytes.Buffer{}, followOptions{tasks: 1, timeout: 20 * time.Millisecond}, ok)
	require.ErrorIs(t, err, errNoProgress)

	boom := newFollower().follow(ctx, &bytes.Buffer{}, followOptions{}, func() error { return context.DeadlineExceeded })
	require.ErrorIs(t, boom, context.DeadlineExceeded)

	cctx, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	require.ErrorIs(t, newFollower().follow(cctx, &bytes.Buffer{}, followOptions{}, ok), context.DeadlineExceeded)
}
