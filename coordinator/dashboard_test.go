//go:build unix

package coordinator_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/coordinator"
)

// dashboardKey has characters a URL fragment parser could mangle.
const dashboardKey = "dashboard+admin/key=0123456789"

// dashboardKeepers is a KeeperSource with a fixed answer.
type dashboardKeepers []coordinator.KeeperInfo

func (k dashboardKeepers) Keepers(context.Context) ([]coordinator.KeeperInfo, error) { return k, nil }

var (
	dashKeeperA = common.HexToAddress("0x00000000000000000000000000000000000000a1")
	dashKeeperB = common.HexToAddress("0x00000000000000000000000000000000000000b2")
	dashKeeperC = common.HexToAddress("0x00000000000000000000000000000000000000c3")
)

// dashboardHarness is the coordinator API over a Badger store that
// publishes task events, served over HTTP, with three keepers, three jobs
// and a task in each status.
type dashboardHarness struct {
	srv    *httptest.Server
	store  coordinator.Store // publishes to broker
	broker *coordinator.MemoryBroker
	// calls counts the requests under /api/ the server received, streams
	// those to /api/v1/events.
	calls, streams atomic.Int64
	// keepers, when set, answers GET /api/v1/keepers instead of the API.
	keepers atomic.Pointer[string]
	// tasks are the ids of the tasks by their status; "live" stays
	// processing for the test to move along.
	tasks map[string]common.Hash
}

func newDashboardHarness(t *testing.T) *dashboardHarness {
	t.Helper()
	ctx := context.Background()
	base, err := coordinator.OpenBadgerStore(t.TempDir(), zaptest.NewLogger(t))
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, base.Close()) })
	broker := coordinator.NewMemoryBroker(0)
	store := coordinator.WithEvents(base, broker)
	require.NoError(t, coordinator.SeedAPIKey(ctx, store, dashboardKey, "dashboard-test"))

	eth := func(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }
	keepers := dashboardKeepers{
		{ID: 1, Address: dashKeeperA, Active: true, Stake: eth(3), BLSPublicKey: []byte{0xa1}},
		{ID: 2, Address: dashKeeperB, Active: true, Stake: eth(1), BLSPublicKey: []byte{0xb2}},
		{ID: 3, Address: dashKeeperC, Stake: eth(2), WithdrawableAt: t0.Add(time.Hour), BLSPublicKey: []byte{0xc3}},
	}

	j1 := sampleJob(1, t0)
	j1.JobTitle = "Rebalance <b>vault</b>" // markup in data must show as text
	j1.Trigger = attestation.Trigger{Kind: attestation.TriggerTime, Time: &attestation.TimeTrigger{Schedule: attestation.ScheduleInterval, Interval: 60}}
	j2 := sampleJob(2, t0)
	j2.JobTitle = "Liquidation guard"
	j2.TaskDefinitionID = attestation.EventStatic
	j2.Trigger = attestation.Trigger{Kind: attestation.TriggerEvent, Event: &attestation.EventTrigger{
		ChainID: 31337, Contract: common.HexToAddress("0x3333333333333333333333333333333333333333"),
		Event: "Transfer(address indexed from,address indexed to,uint256 value)", Recurring: true,
	}}
	j2.Status = coordinator.JobPaused
	j2.NextExecutionTimestamp = time.Time{}
	j3 := sampleJob(3, t0)
	j3.JobTitle = "Price alert"
	j3.Status = coordinator.JobExpired
	j3.NextExecutionTimestamp = time.Time{}
	require.NoError(t, store.CreateJobs(ctx, j1, j2, j3))

	h := &dashboardHarness{store: store, broker: broker, tasks: map[string]common.Hash{}}
	for i, tc := range []struct {
		name      string
		status    coordinator.TaskStatus
		performer common.Address
		executed  bool
		reason    string
	}{
		{"completed", coordinator.TaskCompleted, dashKeeperA, true, ""},
		{"rejected", coordinator.TaskRejected, dashKeeperB, true, ""},
		{"failed", coordinator.TaskFailed, common.Address{}, false, coordinator.ReasonDispatchTimeout},
		{"dispatched", coordinator.TaskDispatched, dashKeeperA, false, ""},
		{"live", coordinator.TaskProcessing, common.Address{}, false, ""},
	} {
		slot := t0.Add(time.Duration(i+1) * time.Minute)
		task := sampleTask(1, slot)
		_, created, err := store.UpdateJob(ctx, 1, func(*coordinator.Job) (*coordinator.Task, error) { return &task, nil })
		require.NoError(t, err)
		require.True(t, created)
		_, err = store.UpdateTask(ctx, task.TaskID, func(t *coordinator.Task) error {
			t.TaskStatus, t.TaskPerformer, t.TaskError = tc.status, tc.performer, tc.reason
			if tc.executed {
				t.ExecutionTxHash = common.HexToHash(fmt.Sprintf("0x%064x", 0xe0+i))
				t.IsSuccessful = true
			}
			t.UpdatedAt = slot.Add(10 * time.Second)
			return nil
		})
		require.NoError(t, err)
		h.tasks[tc.name] = task.TaskID
	}

	api := coordinator.NewAPI(store, coordinator.APIConfig{
		Keepers: keepers,
		Events:  broker,
		Logger:  zaptest.NewLogger(t),
	})
	h.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			h.calls.Add(1)
		}
		switch r.URL.Path {
		case "/api/v1/events":
			h.streams.Add(1)
		case "/api/v1/keepers":
			if body := h.keepers.Load(); body != nil {
				w.Header().Set("Content-Type", "application/json")
				_, _ = io.WriteString(w, *body)
				return
			}
		}
		api.ServeHTTP(w, r)
	}))
	// The page's event stream stays open: close it before the server.
	t.Cleanup(func() {
		h.srv.CloseClientConnections()
		h.srv.Close()
	})
	return h
}

// pageURL is the dashboard's address with the API key in its fragment.
func (h *dashboardHarness) pageURL() string { return h.srv.URL + "/dashboard#key=" + dashboardKey }

// get answers the API's body for path, read with the admin key.
func (h *dashboardHarness) get(t *testing.T, path string) string {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, h.srv.URL+path, nil)
	require.NoError(t, err)
	req.Header.Set("X-Api-Key", dashboardKey)
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, res.StatusCode, "%s: %s", path, b)
	return string(b)
}

// update changes a task through the store that publishes events.
func (h *dashboardHarness) update(t *testing.T, name string, fn func(*coordinator.Task)) {
	t.Helper()
	_, err := h.store.UpdateTask(context.Background(), h.tasks[name], func(t *coordinator.Task) error {
		fn(t)
		t.UpdatedAt = t.UpdatedAt.Add(time.Minute)
		return nil
	})
	require.NoError(t, err)
}

func TestDashboardHandler(t *testing.T) {
	h := newDashboardHarness(t)
	get := func(path string, header ...string) *http.Response {
		t.Helper()
		req, err := http.NewRequest(http.MethodGet, h.srv.URL+path, nil)
		require.NoError(t, err)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		t.Cleanup(func() { _ = res.Body.Close() })
		return res
	}
	body := func(res *http.Response) string {
		t.Helper()
		b, err := io.ReadAll(res.Body)
		require.NoError(t, err)
		return string(b)
	}

	// The page loads without a key; its links carry the assets' versions.
	res := get("/dashboard")
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Equal(t, "text/html; charset=utf-8", res.Header.Get("Content-Type"))
	csp := res.Header.Get("Content-Security-Policy")
	require.Contains(t, csp, "default-src 'self'")
	require.Contains(t, csp, "script-src 'self'")
	require.Contains(t, csp, "style-src 'self'")
	require.NotContains(t, csp, "unsafe-inline")
	require.NotContains(t, csp, "unsafe-eval")
	require.Contains(t, csp, "frame-ancestors 'none'")
	require.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"))
	require.Equal(t, "no-cache", res.Header.Get("Cache-Control"))
	etag := res.Header.Get("ETag")
	require.NotEmpty(t, etag)
	page := body(res)
	require.Contains(t, page, "<title>TriggerX coordinator</title>")
	// No inline script or style: the CSP would block them.
	require.NotRegexp(t, `<script(\s[^>]*)?>[^<]`, page)
	require.NotContains(t, page, "<style")
	require.NotRegexp(t, `\sstyle=`, page)
	require.NotRegexp(t, `\son[a-z]+=`, page)
	links := regexp.MustCompile(`"dashboard/assets/([a-z]+\.[a-z]+)\?v=([0-9a-f]{16})"`).FindAllStringSubmatch(page, -1)
	require.Len(t, links, 3, "the page links its script, style sheet and icon by version")

	res = get("/dashboard", "If-None-Match", etag)
	require.Equal(t, http.StatusNotModified, res.StatusCode)

	types := map[string]string{
		"dashboard.js":  "text/javascript; charset=utf-8",
		"dashboard.css": "text/css; charset=utf-8",
		"favicon.svg":   "image/svg+xml",
	}
	for _, l := range links {
		name, version := l[1], l[2]
		res := get("/dashboard/assets/" + name + "?v=" + version)
		require.Equal(t, http.StatusOK, res.StatusCode, name)
		require.Equal(t, types[name], res.Header.Get("Content-Type"), name)
		require.Equal(t, "public, max-age=31536000, immutable", res.Header.Get("Cache-Control"), name)
		require.Equal(t, `"`+version+`"`, res.Header.Get("ETag"), name)
		require.NotEmpty(t, res.Header.Get("Content-Security-Policy"), name)
		require.NotEmpty(t, body(res), name)
		// Without the current version: cached, but revalidated.
		res = get("/dashboard/assets/" + name)
		require.Equal(t, http.StatusOK, res.StatusCode, name)
		require.Equal(t, "no-cache", res.Header.Get("Cache-Control"), name)
		res = get("/dashboard/assets/"+name+"?v=old", "If-None-Match", `"`+version+`"`)
		require.Equal(t, http.StatusNotModified, res.StatusCode, name)
	}

	// The script never writes HTML.
	res = get("/dashboard/assets/dashboard.js")
	script := body(res)
	for _, sink := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("} {
		require.NotContains(t, script, sink)
	}

	for _, path := range []string{
		"/dashboard/assets/nope.js", "/dashboard/assets/", "/dashboard/assets/../dashboard.go",
		"/dashboard/assets/%2e%2e/index.html", "/dashboard/index.html",
	} {
		res := get(path)
		require.Equal(t, http.StatusNotFound, res.StatusCode, path)
		require.Equal(t, coordinator.ProblemContentType, res.Header.Get("Content-Type"), path)
	}

	req, err := http.NewRequest(http.MethodPost, h.srv.URL+"/dashboard", nil)
	require.NoError(t, err)
	res, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	_ = res.Body.Close()
	require.Equal(t, http.StatusMethodNotAllowed, res.StatusCode)
}

// TestDashboardBrowser renders the dashboard in headless Chromium: the
// DOM it builds, the live timeline and a screenshot.
func TestDashboardBrowser(t *testing.T) {
	chrome := findChromium(t)

	t.Run("dom", func(t *testing.T) {
		t.Parallel()
		h := newDashboardHarness(t)
		dom := chrome.dumpDOM(t, h.pageURL())
		require.Contains(t, dom, `data-loaded="true"`)
		text, shown := banner(t, dom)
		require.False(t, shown, "no error banner: %s", text)

		// Keepers: the table and the count; online state when reported.
		require.Regexp(t, `id="keepers-total" class="stat-value">3<`, dom)
		keepers := rows(dom, "tr", "data-keeper")
		require.Len(t, keepers, 3)
		a, b, c := keepers[addr(dashKeeperA)], keepers[addr(dashKeeperB)], keepers[addr(dashKeeperC)]
		require.Contains(t, a, `data-col="status"><span class="badge badge-active">active<`)
		require.Contains(t, a, `data-col="stake" title="3000000000000000000 wei">3<`)
		require.Contains(t, a, `data-col="voting-power">75.00%<`)
		require.Contains(t, b, `data-col="voting-power">25.00%<`)
		require.Contains(t, c, `badge-exiting">exiting<`)
		require.Contains(t, c, `data-col="voting-power">0.00%<`)
		// The activity columns show what the API counts, whichever way
		// it counts.
		var views []map[string]any
		require.NoError(t, json.Unmarshal([]byte(h.get(t, "/api/v1/keepers")), &views))
		online := 0
		for _, v := range views {
			row := keepers[v["address"].(string)]
			require.Contains(t, row, fmt.Sprintf(`data-col="tasks">%v<`, v["tasks_performed"]))
			state := "unknown"
			if o, ok := v["online"].(bool); ok && o {
				state = "online"
				online++
			} else if ok {
				state = "offline"
			}
			require.Contains(t, row, `data-online="`+state+`"`)
			require.Contains(t, row, `class="dot dot-`+state+`"`)
			if p, ok := v["points"].(float64); ok {
				require.Contains(t, row, fmt.Sprintf(`data-col="points">%d<`, int64(p)))
			}
		}
		if _, reported := views[0]["online"]; reported {
			require.Regexp(t, fmt.Sprintf(`id="keepers-online" class="stat-value">%d<`, online), dom)
		}

		// Jobs: title as text, trigger kind and task definition, status,
		// next execution.
		jobs := rows(dom, "tr", "data-job")
		require.Len(t, jobs, 3)
		require.Contains(t, jobs["1"], "Rebalance &lt;b&gt;vault&lt;/b&gt;")
		require.Contains(t, jobs["1"], `<span class="trigger-kind">time</span>`)
		require.Contains(t, jobs["1"], "every 1m")
		require.Contains(t, jobs["1"], "def 1 (time, static)")
		require.Contains(t, jobs["1"], `badge-active">active<`)
		require.Contains(t, jobs["1"], "2026-03-01 12:0") // next execution
		require.Contains(t, jobs["2"], `<span class="trigger-kind">event</span>`)
		require.Contains(t, jobs["2"], "Transfer")
		require.Contains(t, jobs["2"], "def 3 (event, static)")
		require.Contains(t, jobs["2"], `badge-paused">paused<`)
		require.Contains(t, jobs["3"], `badge-expired">expired<`)

		// Tasks: newest first, each with its row of stages.
		tasks := rows(dom, "article", "data-task")
		require.Len(t, tasks, 5)
		order := regexp.MustCompile(`<article [^>]*data-task="(0x[0-9a-f]+)"`).FindAllStringSubmatch(dom, -1)
		require.Equal(t, h.tasks["live"].Hex(), order[0][1], "newest first")
		require.Equal(t, h.tasks["completed"].Hex(), order[4][1])
		for name, want := range map[string][]string{
			"live":       {"created:current", "dispatched:pending", "executed:pending", "outcome:pending"},
			"dispatched": {"created:done", "dispatched:current", "executed:pending", "outcome:pending"},
			"completed":  {"created:done", "dispatched:done", "executed:done", "completed:completed"},
			"rejected":   {"created:done", "dispatched:done", "executed:done", "rejected:rejected"},
			"failed":     {"created:done", "dispatched:skipped", "executed:skipped", "failed:failed"},
		} {
			task := tasks[h.tasks[name].Hex()]
			require.Equal(t, want, stagesOf(task), name)
		}
		require.Contains(t, tasks[h.tasks["failed"].Hex()], coordinator.ReasonDispatchTimeout)
		require.Contains(t, tasks[h.tasks["dispatched"].Hex()], "performer 0x000000…00a1")
		require.Contains(t, tasks[h.tasks["completed"].Hex()], `class="stage stage-completed"`)
	})

	t.Run("keeper heartbeats", func(t *testing.T) {
		t.Parallel()
		h := newDashboardHarness(t)
		at := time.Now().Add(-42 * time.Second).UTC()
		beat := at.Format(time.RFC3339)
		body := fmt.Sprintf(`[
			{"id":1,"address":%q,"status":"active","active":true,"stake":"1000000000000000000","voting_power":50,
			 "tasks_performed":4,"online":true,"last_heartbeat":%q,"uptime_seconds":7260,"points":120},
			{"id":2,"address":%q,"status":"active","active":true,"stake":"1000000000000000000","voting_power":50,
			 "tasks_performed":0,"online":false,"uptime_seconds":0,"points":0}]`,
			addr(dashKeeperA), beat, addr(dashKeeperB))
		h.keepers.Store(&body)
		dom := chrome.dumpDOM(t, h.pageURL())
		require.Regexp(t, `id="keepers-online" class="stat-value">1<`, dom)
		keepers := rows(dom, "tr", "data-keeper")
		require.Contains(t, keepers[addr(dashKeeperA)], `data-online="online"`)
		require.Contains(t, keepers[addr(dashKeeperA)], `class="dot dot-online"`)
		// Relative to the browser's clock: only its form is certain.
		require.Regexp(t, `title="`+at.Format("2006-01-02 15:04:05Z")+`"> · heartbeat [0-9]+(s|m( [0-9]+s)?) ago<`, keepers[addr(dashKeeperA)])
		require.Contains(t, keepers[addr(dashKeeperA)], "up 2h 1m")
		require.Contains(t, keepers[addr(dashKeeperA)], ">120<")
		require.Contains(t, keepers[addr(dashKeeperB)], `class="dot dot-offline"`)
		require.NotContains(t, keepers[addr(dashKeeperB)], "heartbeat")
	})

	t.Run("errors", func(t *testing.T) {
		t.Parallel()
		h := newDashboardHarness(t)
		dom := chrome.dumpDOM(t, h.srv.URL+"/dashboard#key=not-a-key-0123456789")
		text, shown := banner(t, dom)
		require.True(t, shown, "an error banner")
		require.Contains(t, text, "keepers: 403 ")
		require.Contains(t, text, "API key") // the problem's detail
		require.Contains(t, dom, `data-stream="off"`)
		require.NotContains(t, dom, "<article")

		calls := h.calls.Load()
		dom = chrome.dumpDOM(t, h.srv.URL+"/dashboard")
		require.Contains(t, dom, `data-loaded="nokey"`)
		text, shown = banner(t, dom)
		require.True(t, shown)
		require.Contains(t, text, "Enter an API key")
		require.Equal(t, calls, h.calls.Load(), "no key, no API requests")
	})

	t.Run("live", func(t *testing.T) {
		t.Parallel()
		h := newDashboardHarness(t)
		s := chrome.open(t, h.pageURL())
		s.waitFor(t, `document.body.dataset.loaded === "true" && document.body.dataset.stream === "live"`)
		// The page hears the events published from the moment the
		// server subscribed it.
		require.Eventually(t, func() bool { return h.broker.Subscribers() > 0 }, 10*time.Second, 10*time.Millisecond)
		require.Positive(t, h.streams.Load())
		live := h.tasks["live"].Hex()
		stagesJS := fmt.Sprintf(`JSON.stringify([...document.querySelectorAll('article[data-task="%s"] .stage')]
			.map((s) => s.dataset.stage + ":" + s.dataset.state))`, live)
		require.Equal(t, `["created:current","dispatched:pending","executed:pending","outcome:pending"]`, s.eval(t, stagesJS))
		// The key left the address bar for this tab's storage; the
		// style sheet applies under the CSP.
		require.Empty(t, s.eval(t, `location.hash`))
		require.Equal(t, dashboardKey, s.eval(t, `sessionStorage.getItem("triggerx.dashboard.apiKey")`))
		require.Equal(t, "rgb(22, 163, 74)", s.eval(t, `getComputedStyle(document.querySelector(".stage-completed")).backgroundColor`))

		h.update(t, "live", func(t *coordinator.Task) {
			t.TaskStatus, t.TaskPerformer = coordinator.TaskDispatched, dashKeeperB
		})
		s.waitForValue(t, stagesJS, `["created:done","dispatched:current","executed:pending","outcome:pending"]`)
		h.update(t, "live", func(t *coordinator.Task) {
			t.ExecutionTxHash = common.HexToHash("0xfeed")
			t.IsSuccessful = true
		})
		s.waitForValue(t, stagesJS, `["created:done","dispatched:done","executed:current","outcome:pending"]`)
		h.update(t, "live", func(t *coordinator.Task) { t.TaskStatus = coordinator.TaskCompleted })
		s.waitForValue(t, stagesJS, `["created:done","dispatched:done","executed:done","completed:completed"]`)

		// A new task appears at the top.
		slot := t0.Add(time.Hour)
		task := sampleTask(1, slot)
		_, created, err := h.store.UpdateJob(context.Background(), 1, func(*coordinator.Job) (*coordinator.Task, error) { return &task, nil })
		require.NoError(t, err)
		require.True(t, created)
		s.waitForValue(t, `document.querySelector("#tasks article").dataset.task`, task.TaskID.Hex())

		dom := s.eval(t, `document.documentElement.outerHTML`)
		require.Contains(t, dom, "performer 0x000000…00b2")
		require.Contains(t, dom, `id="stream" class="stream stream-live"`)
	})

	t.Run("screenshot", func(t *testing.T) {
		t.Parallel()
		h := newDashboardHarness(t)
		const width, height = 1280, 1400
		file := chrome.screenshot(t, h.pageURL(), width, height)
		keepOnFailure(t, file)
		f, err := os.Open(file)
		require.NoError(t, err)
		defer f.Close()
		img, err := png.Decode(f)
		require.NoError(t, err)
		require.Equal(t, image.Rect(0, 0, width, height), img.Bounds())

		colours := map[color.RGBA]int{}
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				r, g, bl, _ := img.At(x, y).RGBA()
				colours[color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), 0xff}]++
			}
		}
		background := colours[color.RGBA{0xf3, 0xf4, 0xf6, 0xff}] // --bg
		t.Logf("screenshot: %d distinct colours, %d%% background", len(colours), 100*background/(width*height))
		require.Greater(t, len(colours), 50, "not blank: text, tables and stages")
		require.Less(t, background, width*height*9/10, "mostly content, not background")
		// The state colours of the style sheet, as solid fills: the
		// completed stage and the "live" badge in green, the failed stage
		// in red, the rejected one in amber, the dispatched stage in blue.
		for name, c := range map[string]color.RGBA{
			"--ok (completed)":  {0x16, 0xa3, 0x4a, 0xff},
			"--bad (failed)":    {0xdc, 0x26, 0x26, 0xff},
			"--warn (rejected)": {0xd9, 0x77, 0x06, 0xff},
			"--info (current)":  {0x25, 0x63, 0xeb, 0xff},
		} {
			n := 0
			for k, v := range colours {
				if near(k, c, 3) {
					n += v
				}
			}
			require.Greater(t, n, 500, "pixels of %s", name)
		}
	})
}

func near(a, b color.RGBA, d int) bool {
	diff := func(x, y uint8) int { return max(int(x)-int(y), int(y)-int(x)) }
	return diff(a.R, b.R) <= d && diff(a.G, b.G) <= d && diff(a.B, b.B) <= d
}

// keepOnFailure copies file to $TRIGGERX_TEST_ARTIFACTS (CI uploads it;
// default: triggerx-test-artifacts in the temporary directory) if the test
// fails; otherwise it goes with the test's temporary directory.
func keepOnFailure(t *testing.T, file string) {
	t.Cleanup(func() {
		if !t.Failed() {
			return
		}
		dir := os.Getenv("TRIGGERX_TEST_ARTIFACTS")
		if dir == "" {
			dir = filepath.Join(os.TempDir(), "triggerx-test-artifacts")
		}
		b, err := os.ReadFile(file)
		if err == nil {
			err = os.MkdirAll(dir, 0o755)
		}
		// t.TempDir names are unique within the test.
		name := filepath.Join(dir, strings.NewReplacer("/", "_", " ", "_").Replace(t.Name())+
			"-"+filepath.Base(filepath.Dir(file))+filepath.Ext(file))
		if err == nil {
			err = os.WriteFile(name, b, 0o644)
		}
		if err != nil {
			t.Logf("keep %s: %v", file, err)
			return
		}
		t.Logf("kept %s", name)
	})
}

// addr is an address as the API encodes it.
func addr(a common.Address) string { return strings.ToLower(a.Hex()) }

// banner returns the text of the page's banner and whether it is shown.
func banner(t *testing.T, dom string) (string, bool) {
	t.Helper()
	m := regexp.MustCompile(`<div id="banner"([^>]*)>([^<]*)</div>`).FindStringSubmatch(dom)
	require.NotNil(t, m, "the page has its banner")
	return m[2], !strings.Contains(m[1], "hidden")
}

// rows returns the elements <tag ... attr="key" ...>...</tag> of dom by key.
// The elements must not nest.
func rows(dom, tag, attr string) map[string]string {
	re := regexp.MustCompile(`(?s)<` + tag + ` [^>]*` + attr + `="([^"]*)".*?</` + tag + `>`)
	out := map[string]string{}
	for _, m := range re.FindAllStringSubmatch(dom, -1) {
		out[m[1]] = m[0]
	}
	return out
}

// stagesOf lists a task's stages as "stage:state".
func stagesOf(task string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`<li class="stage [^"]*" data-stage="([a-z]+)" data-state="([a-z]+)"`).FindAllStringSubmatch(task, -1) {
		out = append(out, m[1]+":"+m[2])
	}
	return out
}

// chromium runs a headless Chromium.
type chromium struct{ path string }

const (
	// chromiumTimeout bounds each browser run.
	chromiumTimeout = 60 * time.Second
	// cdpWait bounds each wait for the page to reach a state.
	cdpWait = 20 * time.Second
)

// findChromium skips the test when no Chromium is installed, unless
// TRIGGERX_REQUIRE_CHROMIUM=1 (CI), which fails it.
func findChromium(t *testing.T) chromium {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return chromium{path: p}
		}
	}
	if os.Getenv("TRIGGERX_REQUIRE_CHROMIUM") == "1" {
		t.Fatal("chromium not found on PATH and TRIGGERX_REQUIRE_CHROMIUM=1")
	}
	t.Skip("chromium not found on PATH (set TRIGGERX_REQUIRE_CHROMIUM=1 to fail instead)")
	return chromium{}
}

// command is a Chromium run in its own process group, with a fresh
// profile, killed with its group when ctx ends.
func (c chromium) command(ctx context.Context, t *testing.T, args ...string) *exec.Cmd {
	flags := []string{
		"--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
		"--disable-dev-shm-usage", "--disable-extensions", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--mute-audio", "--hide-scrollbars",
		"--force-color-profile=srgb", "--force-device-scale-factor=1",
		"--user-data-dir=" + t.TempDir(),
	}
	if os.Geteuid() == 0 {
		flags = append(flags, "--no-sandbox") // the sandbox refuses root
	}
	cmd := exec.CommandContext(ctx, c.path, append(flags, args...)...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	return cmd
}

// run runs Chromium to its end and returns its standard output.
func (c chromium) run(t *testing.T, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), chromiumTimeout)
	defer cancel()
	cmd := c.command(ctx, t, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if cmd.Process != nil {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // helpers left behind
	}
	if err != nil {
		t.Fatalf("chromium %v: %v (context: %v)\nstderr:\n%s", args, err, ctx.Err(), tail(stderr.Bytes(), 4000))
	}
	return stdout.Bytes()
}

// dumpDOM loads url and returns the DOM once the page settled
// (--dump-dom). Virtual time stands still while a fetch is pending, so the
// budget expires after the page's API answers arrived; the event stream
// counts as arrived once its headers did.
func (c chromium) dumpDOM(t *testing.T, url string) string {
	t.Helper()
	dom := c.run(t, "--virtual-time-budget=10000", "--window-size=1280,1024", "--dump-dom", url)
	file := filepath.Join(t.TempDir(), "dashboard.html")
	require.NoError(t, os.WriteFile(file, dom, 0o644))
	keepOnFailure(t, file)
	return string(dom)
}

// screenshot loads url in a window of width x height and returns the PNG
// file of its screenshot (--screenshot), in a temporary directory.
func (c chromium) screenshot(t *testing.T, url string, width, height int) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "dashboard.png")
	c.run(t, "--virtual-time-budget=10000", fmt.Sprintf("--window-size=%d,%d", width, height), "--screenshot="+file, url)
	return file
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

// cdpSession is a page of a Chromium driven through the DevTools protocol
// over --remote-debugging-pipe: JSON messages ending in a NUL byte, written
// to the browser's fd 3 and read from its fd 4.
type cdpSession struct {
	ctx     context.Context
	w       io.Writer
	session string // the page's session id

	mu      sync.Mutex
	next    int64
	pending map[int64]chan cdpMessage
	closed  chan struct{} // the browser's output ended
}

type cdpMessage struct {
	ID        int64           `json:"id,omitempty"`
	Method    string          `json:"method,omitempty"`
	Params    any             `json:"params,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// open starts a Chromium with one page at url; the test's cleanup ends it.
func (c chromium) open(t *testing.T, url string) *cdpSession {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), chromiumTimeout)
	toBrowser, commands, err := os.Pipe()
	require.NoError(t, err)
	events, fromBrowser, err := os.Pipe()
	require.NoError(t, err)
	cmd := c.command(ctx, t, "--remote-debugging-pipe", "--window-size=1280,1024", "about:blank")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.ExtraFiles = []*os.File{toBrowser, fromBrowser} // fds 3 and 4
	require.NoError(t, cmd.Start())
	_ = toBrowser.Close()
	_ = fromBrowser.Close()
	s := &cdpSession{ctx: ctx, w: commands, pending: map[int64]chan cdpMessage{}, closed: make(chan struct{})}
	go s.read(events)
	t.Cleanup(func() {
		cancel()
		_ = commands.Close()
		_ = cmd.Wait()
		_ = events.Close()
		if t.Failed() {
			t.Logf("chromium stderr:\n%s", tail(stderr.Bytes(), 4000))
		}
	})

	var target struct {
		TargetID string `json:"targetId"`
	}
	s.call(t, "Target.createTarget", map[string]any{"url": "about:blank"}, &target)
	var attached struct {
		SessionID string `json:"sessionId"`
	}
	s.call(t, "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &attached)
	s.session = attached.SessionID
	s.call(t, "Page.navigate", map[string]any{"url": url}, nil)
	return s
}

func (s *cdpSession) read(r io.Reader) {
	defer close(s.closed)
	br := bufio.NewReader(r)
	for {
		b, err := br.ReadBytes(0)
		if err != nil {
			return
		}
		var m cdpMessage
		if json.Unmarshal(b[:len(b)-1], &m) != nil || m.ID == 0 {
			continue // an event: not used
		}
		s.mu.Lock()
		ch := s.pending[m.ID]
		delete(s.pending, m.ID)
		s.mu.Unlock()
		if ch != nil {
			ch <- m
		}
	}
}

// call sends a command to the page (to the browser before the page is
// attached) and decodes its result into result (nil to drop it).
func (s *cdpSession) call(t *testing.T, method string, params, result any) {
	t.Helper()
	if err := s.do(method, params, result); err != nil {
		t.Fatalf("cdp %s: %v", method, err)
	}
}

func (s *cdpSession) do(method string, params, result any) error {
	ch := make(chan cdpMessage, 1)
	s.mu.Lock()
	s.next++
	id := s.next
	s.pending[id] = ch
	s.mu.Unlock()
	b, err := json.Marshal(cdpMessage{ID: id, Method: method, Params: params, SessionID: s.session})
	if err != nil {
		return err
	}
	if _, err := s.w.Write(append(b, 0)); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	select {
	case m := <-ch:
		if m.Error != nil {
			return fmt.Errorf("%d %s", m.Error.Code, m.Error.Message)
		}
		if result == nil {
			return nil
		}
		return json.Unmarshal(m.Result, result)
	case <-s.closed:
		return errors.New("the browser exited")
	case <-s.ctx.Done():
		return s.ctx.Err()
	}
}

// eval evaluates a JavaScript expression in the page and returns its
// value as a string.
func (s *cdpSession) eval(t *testing.T, expr string) string {
	t.Helper()
	v, err := s.evalErr(expr)
	require.NoError(t, err, expr)
	return v
}

func (s *cdpSession) evalErr(expr string) (string, error) {
	var res struct {
		Result struct {
			Value any `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text string `json:"text"`
		} `json:"exceptionDetails"`
	}
	if err := s.do("Runtime.evaluate", map[string]any{"expression": "String(" + expr + ")", "returnByValue": true}, &res); err != nil {
		return "", err
	}
	if res.ExceptionDetails != nil {
		return "", fmt.Errorf("exception: %s", res.ExceptionDetails.Text)
	}
	v, _ := res.Result.Value.(string)
	return v, nil
}

// waitFor waits until expr is true in the page; exceptions (the page is
// still loading) count as false.
func (s *cdpSession) waitFor(t *testing.T, expr string) {
	t.Helper()
	s.waitForValue(t, expr, "true")
}

// waitForValue waits up to cdpWait until expr is want in the page.
func (s *cdpSession) waitForValue(t *testing.T, expr, want string) {
	t.Helper()
	var last string
	var lastErr error
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(cdpWait)
	for {
		last, lastErr = s.evalErr(expr)
		if lastErr == nil && last == want {
			return
		}
		select {
		case <-tick.C:
		case <-deadline:
			t.Fatalf("waiting for %s == %s: last %q (error %v)", expr, want, last, lastErr)
		case <-s.ctx.Done():
			t.Fatalf("waiting for %s == %s: %v; last %q (error %v)", expr, want, s.ctx.Err(), last, lastErr)
		}
	}
}
