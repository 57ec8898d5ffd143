package coordinator_test

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/coordinator"
)

// sseEvent is one event read from a stream.
type sseEvent struct {
	Event, ID string
	Task      coordinator.Task
}

// subscribe opens an event stream at path and returns its events; it
// returns once the server has subscribed.
func subscribe(t *testing.T, ctx context.Context, url, key string) <-chan sseEvent {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	require.NoError(t, err)
	req.Header.Set("X-Api-Key", key)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Equal(t, "text/event-stream", resp.Header.Get("Content-Type"))
	sc := bufio.NewScanner(resp.Body)
	require.True(t, sc.Scan())
	require.Equal(t, ": subscribed", sc.Text())
	out := make(chan sseEvent, 100)
	go func() {
		defer resp.Body.Close()
		defer close(out)
		var e sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if e.Event != "" {
					out <- e
				}
				e = sseEvent{}
			case strings.HasPrefix(line, "event: "):
				e.Event = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "id: "):
				e.ID = strings.TrimPrefix(line, "id: ")
			case strings.HasPrefix(line, "data: "):
				if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &e.Task); err != nil {
					e.Event = "bad data: " + err.Error()
				}
			}
		}
	}()
	return out
}

func next(t *testing.T, events <-chan sseEvent) sseEvent {
	t.Helper()
	select {
	case e, ok := <-events:
		require.True(t, ok, "stream ended")
		return e
	case <-time.After(5 * time.Second):
		t.Fatal("no event within 5s")
		return sseEvent{}
	}
}

func TestTaskEvents(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	badger, err := coordinator.OpenBadgerStore("", zaptest.NewLogger(t))
	require.NoError(t, err)
	t.Cleanup(func() { _ = badger.Close() })
	broker := coordinator.NewMemoryBroker(0)
	store := coordinator.WithEvents(badger, broker)
	require.NoError(t, coordinator.SeedAPIKey(ctx, store, testKey, "ops"))
	alice, bob := owner, common.HexToAddress("0x00000000000000000000000000000000000000b0")
	for _, k := range []coordinator.APIKey{
		{ID: "key_alice", Key: "alice-key-0123456789", Owner: alice.Hex(), Scope: coordinator.ScopeUser, CreatedAt: t0},
		{ID: "key_bob", Key: "bob-key-0123456789ab", Owner: bob.Hex(), Scope: coordinator.ScopeUser, CreatedAt: t0},
	} {
		require.NoError(t, store.PutAPIKey(ctx, k))
	}
	j1, j2 := sampleJob(1, t0), sampleJob(2, t0)
	j1.UserAddress, j2.UserAddress = alice, bob
	require.NoError(t, store.CreateJobs(ctx, j1, j2))

	srv := httptest.NewServer(coordinator.NewAPI(store, coordinator.APIConfig{
		Logger: zaptest.NewLogger(t), Clock: func() time.Time { return t0 }, Events: broker,
		EventHeartbeat: time.Hour,
	}))
	defer srv.Close()

	streams := map[string]<-chan sseEvent{
		"admin":       subscribe(t, ctx, srv.URL+"/api/v1/events", testKey),
		"alice":       subscribe(t, ctx, srv.URL+"/api/v1/events", "alice-key-0123456789"),
		"alice job 1": subscribe(t, ctx, srv.URL+"/api/v1/jobs/1/events", "alice-key-0123456789"),
		"bob":         subscribe(t, ctx, srv.URL+"/api/v1/events", "bob-key-0123456789ab"),
	}
	require.Equal(t, 4, broker.Subscribers())

	// Job 1 fires a task, which is then dispatched; then job 2 fires.
	_, created, err := store.UpdateJob(ctx, 1, fireAt(t0.Add(time.Hour)))
	require.NoError(t, err)
	require.True(t, created)
	task1 := sampleTask(1, j1.NextExecutionTimestamp).TaskID
	_, err = store.UpdateTask(ctx, task1, func(tk *coordinator.Task) error {
		tk.TaskStatus, tk.TaskPerformer = coordinator.TaskDispatched, bob
		return nil
	})
	require.NoError(t, err)
	// An update that changes nothing is not an event.
	_, err = store.UpdateTask(ctx, task1, func(*coordinator.Task) error { return nil })
	require.NoError(t, err)
	_, _, err = store.UpdateJob(ctx, 2, fireAt(t0.Add(time.Hour)))
	require.NoError(t, err)
	task2 := sampleTask(2, j2.NextExecutionTimestamp).TaskID

	type want struct {
		task   common.Hash
		status coordinator.TaskStatus
	}
	job1 := []want{{task1, coordinator.TaskProcessing}, {task1, coordinator.TaskDispatched}}
	for _, tc := range []struct {
		stream string
		want   []want
	}{
		{"admin", append(job1, want{task2, coordinator.TaskProcessing})},
		{"alice", job1},
		{"alice job 1", job1},
		{"bob", []want{{task2, coordinator.TaskProcessing}}}, // not alice's
	} {
		t.Run(tc.stream, func(t *testing.T) {
			for _, w := range tc.want {
				e := next(t, streams[tc.stream])
				require.Equal(t, "task", e.Event)
				require.NotEmpty(t, e.ID)
				require.Equal(t, w.task, e.Task.TaskID)
				require.Equal(t, w.status, e.Task.TaskStatus)
				require.NotNil(t, e.Task.TaskAttesterIDs, "as GET /api/tasks/:id shows it")
			}
			if tc.stream == "admin" {
				return
			}
			select {
			case e := <-streams[tc.stream]:
				t.Fatalf("unexpected event %+v", e)
			case <-time.After(100 * time.Millisecond):
			}
		})
	}

	cancel()
	require.Eventually(t, func() bool { return broker.Subscribers() == 0 }, 5*time.Second, 10*time.Millisecond)
}

func TestEventsRoutes(t *testing.T) {
	broker := coordinator.NewMemoryBroker(0)
	for _, tc := range []struct {
		name string
		mod  func(*coordinator.APIConfig)
		path string
		code int
	}{
		{"no broker", nil, "/api/v1/events", http.StatusServiceUnavailable},
		{"unknown job", func(c *coordinator.APIConfig) { c.Events = broker }, "/api/v1/jobs/42/events", http.StatusNotFound},
		{"bad job id", func(c *coordinator.APIConfig) { c.Events = broker }, "/api/v1/jobs/x/events", http.StatusBadRequest},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var mods []func(*coordinator.APIConfig)
			if tc.mod != nil {
				mods = append(mods, tc.mod)
			}
			a := newAPI(t, mods...)
			w := a.do(http.MethodGet, tc.path, testKey, nil)
			require.Equal(t, tc.code, w.Code, w.Body.String())
			require.Equal(t, "application/problem+json", w.Header().Get("Content-Type"))
		})
	}
}

func TestMemoryBrokerSlowSubscriber(t *testing.T) {
	ctx := context.Background()
	b := coordinator.NewMemoryBroker(2)
	slow, cancelSlow := b.Subscribe(ctx, coordinator.EventFilter{})
	defer cancelSlow()
	job := uint64(7)
	fast, cancelFast := b.Subscribe(ctx, coordinator.EventFilter{JobID: &job})
	defer cancelFast()

	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 100 {
			b.Publish(ctx, coordinator.TaskEvent{Task: coordinator.Task{JobID: coordinator.Decimal(i % 2)}})
		}
		b.Publish(ctx, coordinator.TaskEvent{Task: coordinator.Task{JobID: 7}})
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("a slow subscriber blocked the publisher")
	}
	require.Equal(t, uint64(99), b.Dropped(), "the slow subscriber kept 2 of 101")
	require.Equal(t, uint64(1), (<-slow).Seq)
	require.Equal(t, uint64(2), (<-slow).Seq)
	e := <-fast
	require.Equal(t, uint64(1), e.Seq, "each subscription numbers its own events: no gap for the job's first")
	require.Equal(t, coordinator.Decimal(7), e.Task.JobID)

	cancelSlow()
	cancelSlow() // idempotent
	_, open := <-slow
	require.False(t, open)
	require.Equal(t, 1, b.Subscribers())
}
