package coordinator_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/coordinator"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const testKey = "test-api-key-0123456789"

var (
	owner  = common.HexToAddress("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
	target = common.HexToAddress("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")
)

// chainJobs is a test JobLookup: a JobRegistry in a map.
type chainJobs struct {
	mu   sync.Mutex
	jobs map[uint64]coordinator.OnchainJob
	err  error
}

func (c *chainJobs) lookup(_ context.Context, id uint64) (coordinator.OnchainJob, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err != nil {
		return coordinator.OnchainJob{}, c.err
	}
	j, ok := c.jobs[id]
	if !ok {
		return coordinator.OnchainJob{}, fmt.Errorf("job %d: %w", id, coordinator.ErrNotFound)
	}
	return j, nil
}

// commit records job id on the fake chain as createJob would for req.
func (c *chainJobs) commit(id uint64, args ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if args == nil {
		args = []string{}
	}
	c.jobs[id] = coordinator.OnchainJob{
		Owner:            owner,
		TaskDefinitionID: attestation.TimeStatic,
		Target:           target,
		SpecHash: commitment(attestation.Action{
			ChainID: 31337, Target: target, Function: "increment(uint256)", Arguments: args,
		}, 60),
		Active: true,
	}
}

// commitment is the JobRegistry commitment of a job with action a and an
// interval trigger of interval seconds and no start or end time.
func commitment(a attestation.Action, interval uint64) common.Hash {
	return attestation.JobCommitment(a, attestation.Trigger{Kind: attestation.TriggerTime,
		Time: &attestation.TimeTrigger{Schedule: attestation.ScheduleInterval, Interval: interval}})
}

type apiHarness struct {
	t      *testing.T
	store  coordinator.Store
	chain  *chainJobs
	h      http.Handler
	reg    *prometheus.Registry
	cfgMod func(*coordinator.APIConfig)
}

func newAPI(t *testing.T, mods ...func(*coordinator.APIConfig)) *apiHarness {
	t.Helper()
	s, err := coordinator.OpenBadgerStore("", zaptest.NewLogger(t))
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	ctx := context.Background()
	require.NoError(t, coordinator.SeedAPIKey(ctx, s, testKey, "ops"))
	require.NoError(t, s.PutAPIKey(ctx, coordinator.APIKey{ID: "key_revoked", Key: "inactive-key-0123456789", Owner: "old",
		Scope: coordinator.ScopeAdmin, CreatedAt: t0, RevokedAt: t0}))
	chain := &chainJobs{jobs: map[uint64]coordinator.OnchainJob{}}
	chain.commit(1, "1")
	chain.commit(2, "2")
	chain.commit(3, "3")
	reg := prometheus.NewRegistry()
	cfg := coordinator.APIConfig{
		JobLookup:  chain.lookup,
		Logger:     zaptest.NewLogger(t),
		Registerer: reg,
		Clock:      func() time.Time { return t0 },
		Version:    "v0.0.0-test",
	}
	for _, m := range mods {
		m(&cfg)
	}
	return &apiHarness{t: t, store: s, chain: chain, h: coordinator.NewAPI(s, cfg), reg: reg}
}

func (a *apiHarness) do(method, path, key string, body any) *httptest.ResponseRecorder {
	a.t.Helper()
	var r *http.Request
	switch b := body.(type) {
	case nil:
		r = httptest.NewRequest(method, path, nil)
	case string:
		r = httptest.NewRequest(method, path, strings.NewReader(b))
	default:
		raw, err := json.Marshal(b)
		require.NoError(a.t, err)
		r = httptest.NewRequest(method, path, bytes.NewReader(raw))
	}
	if key != "" {
		r.Header.Set("X-Api-Key", key)
	}
	w := httptest.NewRecorder()
	a.h.ServeHTTP(w, r)
	return w
}

// jobRequest is a job as an SDK of the system we replace sends it,
// fields we ignore included.
func jobRequest(id string, args ...string) map[string]any {
	return map[string]any{
		"job_id":                  id,
		"user_address":            strings.ToLower(owner.Hex()),
		"ether_balance":           0,
		"token_balance":           100,
		"job_title":               "Increment the counter",
		"task_definition_id":      1,
		"custom":                  false,
		"time_frame":              3600,
		"recurring":               true,
		"job_cost_prediction":     0.01,
		"timezone":                "UTC",
		"created_chain_id":        "31337",
		"schedule_type":           "interval",
		"time_interval":           60,
		"target_chain_id":         "31337",
		"target_contract_address": target.Hex(),
		"target_function":         "increment(uint256)",
		"arg_type":                1,
		"arguments":               args,
		"is_imua":                 false,
	}
}

func golden(t *testing.T, name string, body []byte) {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, json.Indent(&buf, body, "", "  "), "body: %s", body)
	buf.WriteByte('\n')
	path := filepath.Join("testdata", name+".golden")
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	require.Equal(t, string(want), buf.String(), "golden file %s differs; run go test -update if intended", path)
}

func TestAPIAuth(t *testing.T) {
	a := newAPI(t)
	for _, tc := range []struct {
		method, path string
	}{
		{http.MethodPost, "/api/jobs"},
		{http.MethodGet, "/api/jobs/1"},
		{http.MethodGet, "/api/jobs/1/tasks"},
		{http.MethodDelete, "/api/jobs/1"},
		{http.MethodGet, "/api/tasks/0x" + strings.Repeat("00", 32)},
	} {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			w := a.do(tc.method, tc.path, "", jobRequest("1", "1"))
			require.Equal(t, http.StatusUnauthorized, w.Code)
			require.Contains(t, w.Body.String(), "API key is required")
			w = a.do(tc.method, tc.path, "wrong-key-0123456789", jobRequest("1", "1"))
			require.Equal(t, http.StatusForbidden, w.Code)
			require.Contains(t, w.Body.String(), "invalid API key")
			w = a.do(tc.method, tc.path, "inactive-key-0123456789", jobRequest("1", "1"))
			require.Equal(t, http.StatusForbidden, w.Code)
			require.Contains(t, w.Body.String(), "inactive")
		})
	}
	w := a.do(http.MethodGet, "/health", "", nil)
	require.Equal(t, http.StatusOK, w.Code)
	golden(t, "health", w.Body.Bytes())
}

func TestAPICreateJobGolden(t *testing.T) {
	a := newAPI(t)
	w := a.do(http.MethodPost, "/api/jobs", testKey, jobRequest("1", "1"))
	require.Equal(t, http.StatusCreated, w.Code, w.Body.String())
	golden(t, "create_job", w.Body.Bytes())

	// An array, as SDKs send it; ids as numbers are accepted too.
	j2 := jobRequest("2", "2")
	j2["job_id"] = 2
	j3 := jobRequest("3", "3")
	delete(j3, "time_frame") // no expiry
	j3["target_function"] = "increment"
	j3["abi"] = counterABI
	w = a.do(http.MethodPost, "/api/jobs", testKey, []any{j2, j3})
	require.Equal(t, http.StatusCreated, w.Code, w.Body.String())
	golden(t, "create_jobs_array", w.Body.Bytes())

	// Duplicates are refused.
	w = a.do(http.MethodPost, "/api/jobs", testKey, jobRequest("1", "1"))
	require.Equal(t, http.StatusConflict, w.Code)
	golden(t, "create_job_duplicate", w.Body.Bytes())

	require.Equal(t, 3.0, metricValue(t, a.reg, "triggerx_coordinator_jobs_created_total"))
	require.Equal(t, 2.0, metricValue(t, a.reg, "triggerx_coordinator_http_requests_total", "route", "/api/jobs", "code", "201"))
}

const counterABI = `[{"type":"function","name":"increment","inputs":[{"name":"by","type":"uint256","internalType":"uint256"}],"outputs":[],"stateMutability":"nonpayable"},` +
	`{"type":"function","name":"count","inputs":[],"outputs":[{"name":"","type":"uint256"}],"stateMutability":"view"}]`

func TestAPIJobAndTasksGolden(t *testing.T) {
	a := newAPI(t)
	ctx := context.Background()
	w := a.do(http.MethodPost, "/api/jobs", testKey, jobRequest("1", "1"))
	require.Equal(t, http.StatusCreated, w.Code, w.Body.String())

	// Two firings, the first one dispatched, executed and completed.
	var first common.Hash
	for i := 1; i <= 2; i++ {
		now := t0.Add(time.Duration(i) * time.Minute)
		_, _, err := a.store.UpdateJob(ctx, 1, func(j *coordinator.Job) (*coordinator.Task, error) {
			task := sampleTask(1, j.NextExecutionTimestamp)
			task.Action.Target = target
			j.NextExecutionTimestamp = j.NextExecutionTimestamp.Add(time.Minute)
			j.UpdatedAt = now
			if i == 1 {
				first = task.TaskID
			}
			return &task, nil
		})
		require.NoError(t, err)
	}
	_, err := a.store.UpdateTask(ctx, first, func(t *coordinator.Task) error {
		t.TaskStatus = coordinator.TaskCompleted
		t.TaskPerformer = common.HexToAddress("0x00000000000000000000000000000000000000aa")
		t.Deadline = t0.Add(2 * time.Minute)
		t.ExecutionTxHash = common.HexToHash("0xe1")
		t.ExecutionTimestamp = t0.Add(time.Minute + 4*time.Second)
		t.IsSuccessful = true
		t.TaskSubmissionTxHash = common.HexToHash("0x5b")
		t.TaskNumber = 1
		t.TaskAttesterIDs = []uint64{1, 2, 3}
		t.IsAccepted = true
		t.UpdatedAt = t0.Add(time.Minute + 10*time.Second)
		return nil
	})
	require.NoError(t, err)

	w = a.do(http.MethodGet, "/api/jobs/1", testKey, nil)
	require.Equal(t, http.StatusOK, w.Code)
	golden(t, "get_job", w.Body.Bytes())
	w = a.do(http.MethodGet, "/api/jobs/1/tasks", testKey, nil)
	require.Equal(t, http.StatusOK, w.Code)
	golden(t, "get_job_tasks", w.Body.Bytes())
	w = a.do(http.MethodGet, "/api/jobs/1/tasks?limit=1", testKey, nil)
	require.Equal(t, http.StatusOK, w.Code)
	var limited []coordinator.Task
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &limited))
	require.Len(t, limited, 1)
	w = a.do(http.MethodGet, "/api/tasks/"+first.Hex(), testKey, nil)
	require.Equal(t, http.StatusOK, w.Code)
	golden(t, "get_task", w.Body.Bytes())

	w = a.do(http.MethodDelete, "/api/jobs/1", testKey, nil)
	require.Equal(t, http.StatusOK, w.Code)
	golden(t, "delete_job", w.Body.Bytes())
	w = a.do(http.MethodDelete, "/api/jobs/1", testKey, nil)
	require.Equal(t, http.StatusOK, w.Code, "deleting again succeeds")
	due, err := a.store.DueJobs(ctx, t0.Add(24*time.Hour), 0)
	require.NoError(t, err)
	require.Empty(t, due, "a deleted job never fires")

	for _, tc := range []struct {
		path string
		code int
	}{
		{"/api/jobs/9", http.StatusNotFound},
		{"/api/jobs/9/tasks", http.StatusNotFound},
		{"/api/jobs/abc", http.StatusBadRequest},
		{"/api/jobs/-1", http.StatusBadRequest},
		{"/api/jobs/1/tasks?limit=0", http.StatusBadRequest},
		{"/api/jobs/1/tasks?limit=5000", http.StatusBadRequest},
		{"/api/tasks/0x" + strings.Repeat("ab", 32), http.StatusNotFound},
		{"/api/tasks/0x12", http.StatusBadRequest},
		{"/api/tasks/" + strings.Repeat("zz", 33), http.StatusBadRequest},
		{"/api/nothing", http.StatusNotFound},
	} {
		w := a.do(http.MethodGet, tc.path, testKey, nil)
		require.Equal(t, tc.code, w.Code, "%s: %s", tc.path, w.Body.String())
		var e struct{ Error string }
		require.NoError(t, json.Unmarshal(w.Body.Bytes(), &e))
		require.NotEmpty(t, e.Error)
	}
	w = a.do(http.MethodDelete, "/api/jobs/9", testKey, nil)
	require.Equal(t, http.StatusNotFound, w.Code)
	w = a.do(http.MethodPut, "/api/jobs/1", testKey, nil)
	require.Equal(t, http.StatusMethodNotAllowed, w.Code)
}

func TestAPIValidation(t *testing.T) {
	a := newAPI(t)
	for _, tc := range []struct {
		name  string
		mod   func(map[string]any)
		field string
		msg   string
	}{
		{"missing job_id", func(m map[string]any) { delete(m, "job_id") }, "job_id", "is required"},
		{"negative job_id", func(m map[string]any) { m["job_id"] = -1 }, "job_id", "unsigned integer"},
		{"fractional job_id", func(m map[string]any) { m["job_id"] = 1.5 }, "job_id", "unsigned integer"},
		{"hex job_id", func(m map[string]any) { m["job_id"] = "0x1" }, "job_id", "unsigned integer"},
		{"huge job_id", func(m map[string]any) { m["job_id"] = "18446744073709551616" }, "job_id", "out of range"},
		{"job_id object", func(m map[string]any) { m["job_id"] = map[string]any{} }, "job_id", "unsigned integer"},
		{"missing user_address", func(m map[string]any) { delete(m, "user_address") }, "user_address", "is required"},
		{"short user_address", func(m map[string]any) { m["user_address"] = "0x1234" }, "user_address", "20-byte hex address"},
		{"unprefixed user_address", func(m map[string]any) { m["user_address"] = strings.Repeat("ab", 20) }, "user_address", "0x-prefixed"},
		{"bad checksum", func(m map[string]any) { m["user_address"] = "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed" }, "user_address", "EIP-55"},
		{"user_address number", func(m map[string]any) { m["user_address"] = 5 }, "user_address", "must be a string"},
		{"short title", func(m map[string]any) { m["job_title"] = "ab" }, "job_title", "3 to 100"},
		{"long title", func(m map[string]any) { m["job_title"] = strings.Repeat("x", 101) }, "job_title", "3 to 100"},
		{"missing tdid", func(m map[string]any) { delete(m, "task_definition_id") }, "task_definition_id", "is required"},
		{"tdid 0", func(m map[string]any) { m["task_definition_id"] = 0 }, "task_definition_id", "1 to 7"},
		{"tdid 8", func(m map[string]any) { m["task_definition_id"] = 8 }, "task_definition_id", "1 to 7"},
		{"tdid 65537", func(m map[string]any) { m["task_definition_id"] = 65537 }, "task_definition_id", "1 to 7"},
		{"tdid 2", func(m map[string]any) { m["task_definition_id"] = 2 }, "task_definition_id", "needs a script"},
		{"tdid 7", func(m map[string]any) { m["task_definition_id"] = 7 }, "task_definition_id", "needs a script"},
		{"cron without expression", func(m map[string]any) { m["schedule_type"] = "cron" }, "cron_expression", "is required"},
		{"cron in an unknown zone", func(m map[string]any) {
			m["schedule_type"], m["cron_expression"], m["timezone"] = "cron", "0 * * * *", "Mars/Olympus"
		}, "timezone", "IANA time zone"},
		{"specific without times", func(m map[string]any) { m["schedule_type"] = "specific" }, "specific_schedule", "is required"},
		{"specific with a bad time", func(m map[string]any) {
			m["schedule_type"], m["specific_schedule"] = "specific", []any{1893456000, "tomorrow"}
		}, "specific_schedule[1]", "RFC 3339"},
		{"specific twice the same time", func(m map[string]any) {
			m["schedule_type"], m["specific_schedule"] = "specific", "2030-01-01T00:00:00Z, 1893456000"
		}, "specific_schedule", "twice"},
		{"block without chain", func(m map[string]any) { m["schedule_type"], m["block_interval"] = "block", 5 }, "trigger_chain_id", "is required"},
		{"block without period", func(m map[string]any) { m["schedule_type"], m["trigger_chain_id"] = "block", 31337 }, "block_interval", "at least 1"},
		{"end before start", func(m map[string]any) { m["start_time"], m["end_time"] = 2000, 1000 }, "end_time", "before start_time"},
		{"event without signature", func(m map[string]any) {
			m["task_definition_id"], m["trigger_chain_id"], m["trigger_contract_address"] = 3, 31337, target.Hex()
		}, "trigger_event", "is required"},
		{"event without contract", func(m map[string]any) {
			m["task_definition_id"], m["trigger_chain_id"], m["trigger_event"] = 3, 31337, "Ping()"
		}, "trigger_contract_address", "is required"},
		{"event with a bad filter operator", func(m map[string]any) {
			m["task_definition_id"], m["trigger_chain_id"], m["trigger_contract_address"] = 3, 31337, target.Hex()
			m["trigger_event"] = "Ping(uint256 n)"
			m["event_filters"] = []map[string]string{{"param": "n", "op": "about", "value": "1"}}
		}, "trigger", "unknown filter operator"},
		{"condition with an unknown source", func(m map[string]any) {
			m["task_definition_id"], m["condition_type"], m["value_source_type"] = 5, "greater_than", "ouija"
		}, "value_source_type", "must be contract"},
		{"condition without url", func(m map[string]any) {
			m["task_definition_id"], m["condition_type"], m["value_source_type"] = 5, "greater_than", "api"
		}, "value_source_url", "is required"},
		{"condition with an unknown operator", func(m map[string]any) {
			m["task_definition_id"], m["condition_type"], m["value_source_type"], m["value_source_value"] = 5, "roughly", "static", 3
		}, "trigger", "unknown condition operator"},
		{"contract condition without function", func(m map[string]any) {
			m["task_definition_id"], m["condition_type"], m["value_source_type"] = 5, "greater_than", "contract"
			m["value_source_chain_id"], m["value_source_contract"] = 31337, target.Hex()
		}, "value_source_function", "is required"},
		{"weird schedule", func(m map[string]any) { m["schedule_type"] = "hourly" }, "schedule_type", "must be \"interval\""},
		{"missing interval", func(m map[string]any) { delete(m, "time_interval") }, "time_interval", "from 1"},
		{"zero interval", func(m map[string]any) { m["time_interval"] = 0 }, "time_interval", "from 1"},
		{"interval as text", func(m map[string]any) { m["time_interval"] = "soon" }, "time_interval", "unsigned integer"},
		{"huge interval", func(m map[string]any) { m["time_interval"] = 1 << 40 }, "time_interval", "from 1"},
		{"frame below interval", func(m map[string]any) { m["time_frame"] = 30 }, "time_frame", "never fire"},
		{"negative frame", func(m map[string]any) { m["time_frame"] = -5 }, "time_frame", "unsigned integer"},
		{"missing chain", func(m map[string]any) { delete(m, "target_chain_id") }, "target_chain_id", "is required"},
		{"zero chain", func(m map[string]any) { m["target_chain_id"] = "0" }, "target_chain_id", "is required"},
		{"missing target", func(m map[string]any) { delete(m, "target_contract_address") }, "target_contract_address", "is required"},
		{"zero target", func(m map[string]any) { m["target_contract_address"] = "0x" + strings.Repeat("0", 40) }, "target_contract_address", "zero address"},
		{"missing function", func(m map[string]any) { delete(m, "target_function") }, "target_function", "is required"},
		{"uncanonical uint", func(m map[string]any) { m["target_function"] = "increment(uint)" }, "target_function", "must be sized"},
		{"spaces", func(m map[string]any) { m["target_function"] = "increment(uint256 by)" }, "target_function", "unknown type"},
		{"unbalanced", func(m map[string]any) { m["target_function"] = "increment((uint256)" }, "target_function", "unbalanced parentheses"},
		{"bad name", func(m map[string]any) { m["target_function"] = "1nc(uint256)" }, "target_function", "invalid function name"},
		{"uint7", func(m map[string]any) { m["target_function"] = "increment(uint7)" }, "target_function", "unknown type"},
		{"bytes33", func(m map[string]any) { m["target_function"] = "f(bytes33)" }, "target_function", "unknown type"},
		{"name without abi", func(m map[string]any) { m["target_function"] = "increment" }, "target_function", "send its canonical signature"},
		{"name not in abi", func(m map[string]any) { m["target_function"] = "decrement"; m["abi"] = counterABI }, "target_function", "not in the given abi"},
		{"signature not in abi", func(m map[string]any) { m["target_function"] = "increment(uint8)"; m["abi"] = counterABI }, "target_function", "not a method of the given abi"},
		{"bad abi", func(m map[string]any) { m["target_function"] = "increment"; m["abi"] = "[{" }, "abi", "not a valid contract ABI"},
		{"abi number", func(m map[string]any) { m["abi"] = 5 }, "abi", "string or a JSON array"},
		{"too few arguments", func(m map[string]any) { m["arguments"] = []string{} }, "arguments", "takes 1 arguments, got 0"},
		{"too many arguments", func(m map[string]any) { m["arguments"] = []string{"1", "2"} }, "arguments", "takes 1 arguments, got 2"},
		{"arguments not strings", func(m map[string]any) { m["arguments"] = []int{1} }, "arguments", "array of strings"},
		{"argument not a number", func(m map[string]any) { m["arguments"] = []string{"one"} }, "arguments[0]", "not a decimal or 0x-hex integer"},
		{"argument negative", func(m map[string]any) { m["arguments"] = []string{"-1"} }, "arguments[0]", "does not fit in uint256"},
		{"argument too big", func(m map[string]any) { m["arguments"] = []string{"0x1" + strings.Repeat("0", 64)} }, "arguments[0]", "does not fit"},
		{"bad address argument", func(m map[string]any) {
			m["target_function"] = "set(address,bool,bytes4,int8)"
			m["arguments"] = []string{"0x12", "true", "0x01020304", "-128"}
		}, "arguments[0]", "address"},
		{"bad bool argument", func(m map[string]any) {
			m["target_function"] = "set(address,bool,bytes4,int8)"
			m["arguments"] = []string{target.Hex(), "yes", "0x01020304", "-128"}
		}, "arguments[1]", "bool"},
		{"bad bytes4 argument", func(m map[string]any) {
			m["target_function"] = "set(address,bool,bytes4,int8)"
			m["arguments"] = []string{target.Hex(), "true", "0x010203", "-128"}
		}, "arguments[2]", "4 bytes"},
		{"bad int8 argument", func(m map[string]any) {
			m["target_function"] = "set(address,bool,bytes4,int8)"
			m["arguments"] = []string{target.Hex(), "true", "0x01020304", "128"}
		}, "arguments[3]", "does not fit in int8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := jobRequest("1", "1")
			tc.mod(req)
			w := a.do(http.MethodPost, "/api/jobs", testKey, req)
			require.Equal(t, http.StatusBadRequest, w.Code, w.Body.String())
			var e struct {
				Error string
				Field string
				Index *int
			}
			require.NoError(t, json.Unmarshal(w.Body.Bytes(), &e))
			require.Equal(t, tc.field, e.Field, e.Error)
			require.Contains(t, e.Error, tc.msg)
			require.Contains(t, e.Error, tc.field, "the message names the field")
			require.Nil(t, e.Index)

			// In an array the element is named.
			w = a.do(http.MethodPost, "/api/jobs", testKey, []any{jobRequest("2", "2"), req})
			require.Equal(t, http.StatusBadRequest, w.Code, w.Body.String())
			require.NoError(t, json.Unmarshal(w.Body.Bytes(), &e))
			require.Equal(t, tc.field, e.Field)
			require.NotNil(t, e.Index)
			require.Equal(t, 1, *e.Index)
		})
	}

	// Nothing was created by the refused requests.
	w := a.do(http.MethodGet, "/api/jobs/2", testKey, nil)
	require.Equal(t, http.StatusNotFound, w.Code)

	// A valid job of every argument kind passes.
	ok := jobRequest("1")
	ok["target_function"] = "set(address,bool,bytes4,int8,string,bytes,uint256[],(uint8,address))"
	ok["arguments"] = []string{target.Hex(), "false", "0x01020304", "-128", "hello", "0x", "[1,2]", `[1,"0x00"]`}
	a.chain.mu.Lock()
	a.chain.jobs[1] = coordinator.OnchainJob{Owner: owner, TaskDefinitionID: 1, Target: target, Active: true, SpecHash: commitment(attestation.Action{
		ChainID: 31337, Target: target, Function: ok["target_function"].(string), Arguments: ok["arguments"].([]string),
	}, 60)}
	a.chain.mu.Unlock()
	w = a.do(http.MethodPost, "/api/jobs", testKey, ok)
	require.Equal(t, http.StatusCreated, w.Code, w.Body.String())
}

func TestAPIBadBodies(t *testing.T) {
	a := newAPI(t, func(c *coordinator.APIConfig) {
		c.MaxBodyBytes = 4096
		c.MaxJobsPerRequest = 2
	})
	for _, tc := range []struct {
		name string
		body string
		code int
		msg  string
	}{
		{"empty", "", http.StatusBadRequest, "empty"},
		{"not json", "hello", http.StatusBadRequest, "JSON object or an array"},
		{"truncated object", `{"job_id":`, http.StatusBadRequest, "not a JSON object"},
		{"truncated array", `[{"job_id":"1"}`, http.StatusBadRequest, "not a JSON array"},
		{"empty array", `[]`, http.StatusBadRequest, "empty array"},
		{"array of numbers", `[1,2]`, http.StatusBadRequest, "not a JSON object"},
		{"too many", `[{},{},{}]`, http.StatusBadRequest, "at most 2"},
		{"null", `null`, http.StatusBadRequest, "JSON object or an array"},
		{"too large", `{"job_title":"` + strings.Repeat("x", 5000) + `"}`, http.StatusRequestEntityTooLarge, "exceeds 4096 bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := a.do(http.MethodPost, "/api/jobs", testKey, tc.body)
			require.Equal(t, tc.code, w.Code, w.Body.String())
			require.Contains(t, w.Body.String(), tc.msg)
		})
	}

	// Duplicate ids within one request.
	w := a.do(http.MethodPost, "/api/jobs", testKey, []any{jobRequest("1", "1"), jobRequest("1", "1")})
	require.Equal(t, http.StatusBadRequest, w.Code)
	require.Contains(t, w.Body.String(), "appears twice")
}

func TestAPIOnchainChecks(t *testing.T) {
	other := common.HexToAddress("0x00000000000000000000000000000000000000bb")
	for _, tc := range []struct {
		name  string
		chain func(*coordinator.OnchainJob)
		req   func(map[string]any)
		code  int
		field string
		msg   string
	}{
		{name: "not on chain", req: func(m map[string]any) { m["job_id"] = "77" }, code: http.StatusBadRequest, field: "job_id", msg: "does not exist in the JobRegistry"},
		{name: "zero owner", chain: func(j *coordinator.OnchainJob) { *j = coordinator.OnchainJob{} }, code: http.StatusBadRequest, field: "job_id", msg: "does not exist"},
		{name: "inactive", chain: func(j *coordinator.OnchainJob) { j.Active = false }, code: http.StatusConflict, field: "job_id", msg: "not active"},
		{name: "other owner", chain: func(j *coordinator.OnchainJob) { j.Owner = other }, code: http.StatusConflict, field: "user_address", msg: "not the on-chain owner"},
		{name: "other tdid", chain: func(j *coordinator.OnchainJob) { j.TaskDefinitionID = 3 }, code: http.StatusConflict, field: "task_definition_id", msg: "on-chain task definition 3"},
		{name: "other target", chain: func(j *coordinator.OnchainJob) { j.Target = other }, code: http.StatusConflict, field: "target_contract_address", msg: "on-chain target"},
		{name: "other arguments", req: func(m map[string]any) { m["arguments"] = []string{"2"} }, code: http.StatusConflict, msg: "specHash"},
		{name: "other chain id", req: func(m map[string]any) { m["target_chain_id"] = 1 }, code: http.StatusConflict, msg: "specHash"},
		{name: "other function", req: func(m map[string]any) { m["target_function"] = "incrementBy(uint256)" }, code: http.StatusConflict, msg: "specHash"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newAPI(t)
			if tc.chain != nil {
				j := a.chain.jobs[1]
				tc.chain(&j)
				a.chain.jobs[1] = j
			}
			req := jobRequest("1", "1")
			if tc.req != nil {
				tc.req(req)
			}
			w := a.do(http.MethodPost, "/api/jobs", testKey, req)
			require.Equal(t, tc.code, w.Code, w.Body.String())
			var e struct{ Error, Field string }
			require.NoError(t, json.Unmarshal(w.Body.Bytes(), &e))
			require.Equal(t, tc.field, e.Field)
			require.Contains(t, e.Error, tc.msg)
			w = a.do(http.MethodGet, "/api/jobs/"+fmt.Sprint(req["job_id"]), testKey, nil)
			require.Equal(t, http.StatusNotFound, w.Code, "a refused job is not stored")
		})
	}

	t.Run("one bad element refuses the whole request", func(t *testing.T) {
		a := newAPI(t)
		bad := jobRequest("2", "999")
		w := a.do(http.MethodPost, "/api/jobs", testKey, []any{jobRequest("1", "1"), bad})
		require.Equal(t, http.StatusConflict, w.Code, w.Body.String())
		golden(t, "create_job_action_mismatch", w.Body.Bytes())
		w = a.do(http.MethodGet, "/api/jobs/1", testKey, nil)
		require.Equal(t, http.StatusNotFound, w.Code)
	})

	t.Run("lookup failure", func(t *testing.T) {
		a := newAPI(t)
		a.chain.err = errors.New("rpc down")
		w := a.do(http.MethodPost, "/api/jobs", testKey, jobRequest("1", "1"))
		require.Equal(t, http.StatusBadGateway, w.Code, w.Body.String())
		require.NotContains(t, w.Body.String(), "rpc down", "internal errors are not shown")
	})

	t.Run("no lookup configured", func(t *testing.T) {
		a := newAPI(t, func(c *coordinator.APIConfig) { c.JobLookup = nil })
		w := a.do(http.MethodPost, "/api/jobs", testKey, jobRequest("1", "1"))
		require.Equal(t, http.StatusServiceUnavailable, w.Code, w.Body.String())
	})
}

func TestSeedAPIKey(t *testing.T) {
	ctx := context.Background()
	s, err := coordinator.OpenBadgerStore("", nil)
	require.NoError(t, err)
	defer s.Close()
	require.Error(t, coordinator.SeedAPIKey(ctx, s, "short", "ops"))
	require.Error(t, coordinator.SeedAPIKey(ctx, s, "has a space in it, long enough", "ops"))
	require.Error(t, coordinator.SeedAPIKey(ctx, s, testKey, ""))
	require.NoError(t, coordinator.SeedAPIKey(ctx, s, testKey, "ops"))
	k1, err := s.APIKey(ctx, testKey)
	require.NoError(t, err)
	require.True(t, k1.Active())
	require.Equal(t, coordinator.ScopeAdmin, k1.Scope)
	require.Regexp(t, `^key_[0-9a-f]{12}$`, k1.ID)
	require.Equal(t, testKey[:8], k1.Prefix)
	// Re-seeding keeps the id and creation time, and undoes a revocation.
	k1.Key, k1.RevokedAt = "", t0
	require.NoError(t, s.PutAPIKey(ctx, k1))
	require.NoError(t, coordinator.SeedAPIKey(ctx, s, testKey, "ops2"))
	k2, err := s.APIKey(ctx, testKey)
	require.NoError(t, err)
	require.Equal(t, "ops2", k2.Owner)
	require.Equal(t, k1.ID, k2.ID)
	require.Equal(t, k1.CreatedAt, k2.CreatedAt)
	require.True(t, k2.Active())
}

func TestDecimalJSON(t *testing.T) {
	for in, want := range map[string]uint64{`"0"`: 0, `"42"`: 42, `42`: 42, ` 7 `: 7, `"18446744073709551615"`: 1<<64 - 1} {
		var d coordinator.Decimal
		require.NoError(t, json.Unmarshal([]byte(in), &d), in)
		require.Equal(t, coordinator.Decimal(want), d, in)
	}
	for _, in := range []string{`""`, `"-1"`, `-1`, `1.0`, `1e3`, `"01"`, `"0x10"`, `"18446744073709551616"`, `true`, `" 1"`} {
		var d coordinator.Decimal
		require.Error(t, json.Unmarshal([]byte(in), &d), in)
	}
	out, err := json.Marshal(coordinator.Decimal(1<<64 - 1))
	require.NoError(t, err)
	require.Equal(t, `"18446744073709551615"`, string(out))
}

// FuzzCreateJobs: no body makes the handler panic or fail with a 5xx.
func FuzzCreateJobs(f *testing.F) {
	base, _ := json.Marshal(jobRequest("1", "1"))
	arr, _ := json.Marshal([]any{jobRequest("2", "2"), jobRequest("3", "3")})
	f.Add(base)
	f.Add(arr)
	f.Add([]byte(`{"job_id":1e999,"time_interval":"1","target_function":"f((((uint256)[])[3]))","arguments":[]}`))
	f.Add([]byte(`[{"abi":[{"type":"function","name":"f","inputs":[{"type":"tuple","components":[]}]}],"target_function":"f"}]`))
	f.Add([]byte(`{"target_function":"f(uint256[0])"}`))
	s, err := coordinator.OpenBadgerStore("", nil)
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	if err := coordinator.SeedAPIKey(context.Background(), s, testKey, "fuzz"); err != nil {
		f.Fatal(err)
	}
	chain := &chainJobs{jobs: map[uint64]coordinator.OnchainJob{}}
	chain.commit(1, "1")
	// No rate limit: with a fixed clock the default one would answer 429
	// before the decoder after 600 inputs.
	h := coordinator.NewAPI(s, coordinator.APIConfig{JobLookup: chain.lookup, Clock: func() time.Time { return t0 }, RateLimiter: unlimited{}})
	f.Fuzz(func(t *testing.T, body []byte) {
		r := httptest.NewRequest(http.MethodPost, "/api/jobs", bytes.NewReader(body))
		r.Header.Set("X-Api-Key", testKey)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Fatalf("status %d for %q: %s", w.Code, body, w.Body.String())
		}
		if w.Code >= 400 && w.Header().Get("Content-Type") != coordinator.ProblemContentType {
			t.Fatalf("status %d for %q is not a problem: %s", w.Code, body, w.Header().Get("Content-Type"))
		}
	})
}

// metricValue reads a counter or gauge from reg by name and label pairs.
func metricValue(t *testing.T, reg *prometheus.Registry, name string, labels ...string) float64 {
	t.Helper()
	want := map[string]string{}
	for i := 0; i+1 < len(labels); i += 2 {
		want[labels[i]] = labels[i+1]
	}
	mfs, err := reg.Gather()
	require.NoError(t, err)
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
		for _, m := range mf.GetMetric() {
			got := map[string]string{}
			for _, lp := range m.GetLabel() {
				got[lp.GetName()] = lp.GetValue()
			}
			if maps.Equal(got, want) {
				if m.GetGauge() != nil {
					return m.GetGauge().GetValue()
				}
				return m.GetCounter().GetValue()
			}
		}
	}
	t.Fatalf("metric %s%v not found", name, labels)
	return 0
}

// Every trigger kind is accepted when the request matches the job's on-chain
// commitment, and the stored trigger is the one committed to.
func TestAPIAcceptsEveryTriggerKind(t *testing.T) {
	action := attestation.Action{ChainID: 31337, Target: target, Function: "increment(uint256)", Arguments: []string{"1"}}
	tests := []struct {
		name    string
		tdid    attestation.TaskDefinitionID
		fields  map[string]any
		trigger attestation.Trigger
	}{
		{"cron in a zone", 1, map[string]any{"schedule_type": "cron", "cron_expression": "30 9 * * MON-FRI", "timezone": "Europe/Berlin"},
			attestation.Trigger{Kind: attestation.TriggerTime, Time: &attestation.TimeTrigger{Schedule: attestation.ScheduleCron,
				Cron: "30 9 * * MON-FRI", TimeZone: "Europe/Berlin"}}},
		{"specific times", 1, map[string]any{"schedule_type": "specific", "specific_schedule": []any{"2032-01-01T00:00:00Z", 1924992000},
			"start_time": 1900000000},
			attestation.Trigger{Kind: attestation.TriggerTime, Time: &attestation.TimeTrigger{Schedule: attestation.ScheduleOnce,
				Times: []int64{1924992000, 1924992000 + 86400*365}, Start: 1900000000}}},
		{"block", 1, map[string]any{"schedule_type": "block", "trigger_chain_id": "8453", "block_interval": 100, "start_block": 5},
			attestation.Trigger{Kind: attestation.TriggerBlock, Block: &attestation.BlockTrigger{ChainID: 8453, Every: 100, Start: 5}}},
		{"event with legacy filter", 3, map[string]any{"trigger_chain_id": 8453, "trigger_contract_address": target.Hex(),
			"trigger_event":          "Transfer(address indexed from,address indexed to,uint256 value)",
			"event_filter_para_name": "to", "event_filter_value": owner.Hex(), "confirmations": 2, "recurring": true},
			attestation.Trigger{Kind: attestation.TriggerEvent, Event: &attestation.EventTrigger{ChainID: 8453, Contract: target,
				Event:   "Transfer(address indexed from,address indexed to,uint256 value)",
				Filters: []attestation.EventFilter{{Param: "to", Op: attestation.FilterEq, Value: owner.Hex()}}, Confirmations: 2, Recurring: true}}},
		{"condition on an API", 5, map[string]any{"condition_type": "between", "lower_limit": 1.5, "upper_limit": "2.25",
			"value_source_type": "api", "value_source_url": "https://prices.example/eth", "selected_key_route": "data.price",
			"poll_interval": 30, "cooldown": 600, "recurring": true},
			attestation.Trigger{Kind: attestation.TriggerCondition, Condition: &attestation.ConditionTrigger{
				Source:   attestation.ValueSource{Kind: attestation.SourceHTTP, URL: "https://prices.example/eth", KeyPath: "data.price"},
				Operator: attestation.OpBetween, Lower: "1.5", Upper: "2.25", PollInterval: 30, Cooldown: 600, Recurring: true}}},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := newAPI(t)
			id := uint64(100 + i)
			a.chain.mu.Lock()
			a.chain.jobs[id] = coordinator.OnchainJob{Owner: owner, TaskDefinitionID: tc.tdid, Target: target, Active: true,
				SpecHash: attestation.JobCommitment(action, tc.trigger)}
			a.chain.mu.Unlock()
			req := jobRequest(strconv.FormatUint(id, 10), "1")
			req["task_definition_id"] = int(tc.tdid)
			delete(req, "time_interval")
			delete(req, "time_frame")
			delete(req, "schedule_type")
			for k, v := range tc.fields {
				req[k] = v
			}
			w := a.do(http.MethodPost, "/api/jobs", testKey, req)
			require.Equal(t, http.StatusCreated, w.Code, w.Body.String())
			var got coordinator.Job
			require.NoError(t, json.Unmarshal(w.Body.Bytes(), &got))
			require.Equal(t, tc.trigger, got.Trigger)
		})
	}
}

// memScripts is a test ScriptStore; the real one (execution/content) is
// tested in its package.
type memScripts struct{ m map[string][]byte }

func (s *memScripts) AddScript(_ context.Context, src []byte) (string, error) {
	cid := fmt.Sprintf("bafktest%x", sha256.Sum256(src))[:40]
	s.m[cid] = src
	return cid, nil
}

func (s *memScripts) Transcript(_ context.Context, cid string) ([]byte, error) {
	b, ok := s.m[cid]
	if !ok {
		return nil, fmt.Errorf("no file %s", cid)
	}
	return b, nil
}

func (s *memScripts) HasScript(_ context.Context, cid string) (bool, error) {
	_, ok := s.m[cid]
	return ok, nil
}

func TestAPIScriptJobs(t *testing.T) {
	scripts := &memScripts{m: map[string][]byte{}}
	a := newAPI(t, func(c *coordinator.APIConfig) { c.Scripts = scripts })
	w := a.do(http.MethodPost, "/api/scripts", testKey, nil)
	require.Equal(t, http.StatusBadRequest, w.Code, "empty script")
	req := httptest.NewRequest(http.MethodPost, "/api/scripts", strings.NewReader(`console.log(JSON.stringify({arguments:["5"]}))`))
	req.Header.Set("X-Api-Key", testKey)
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	require.Equal(t, http.StatusCreated, rec.Code, rec.Body.String())
	var up struct{ CID string }
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &up))
	require.NotEmpty(t, up.CID)

	interval := attestation.Trigger{Kind: attestation.TriggerTime, Time: &attestation.TimeTrigger{Schedule: attestation.ScheduleInterval, Interval: 60}}
	tests := []struct {
		name   string
		tdid   attestation.TaskDefinitionID
		fields map[string]any
		action attestation.Action
		code   int
		msg    string
	}{
		{"arguments from a script", 2, map[string]any{"dynamic_arguments_script_url": "ipfs://" + up.CID, "script_language": "js",
			"allowed_hosts": []string{"api.example.com"}},
			attestation.Action{ChainID: 31337, Target: target, Function: "increment(uint256)",
				Script: &attestation.Script{CID: up.CID, Runtime: attestation.RuntimeNode, AllowedHosts: []string{"api.example.com"}}},
			http.StatusCreated, ""},
		{"custom script", 7, map[string]any{"script_cid": up.CID, "script_language": "py", "target_contract_address": "", "target_function": ""},
			attestation.Action{ChainID: 31337, Script: &attestation.Script{CID: up.CID, Runtime: attestation.RuntimePython}},
			http.StatusCreated, ""},
		{"unknown script", 2, map[string]any{"script_cid": "bafkunknown", "script_language": "ts"},
			attestation.Action{ChainID: 31337, Target: target, Function: "increment(uint256)",
				Script: &attestation.Script{CID: "bafkunknown", Runtime: attestation.RuntimeTypeScript}},
			http.StatusBadRequest, "upload it"},
		{"script job with arguments", 2, map[string]any{"script_cid": up.CID, "script_language": "go", "arguments": []string{"1"}},
			attestation.Action{}, http.StatusBadRequest, "script computes them"},
		{"unknown language", 2, map[string]any{"script_cid": up.CID, "script_language": "cobol"},
			attestation.Action{}, http.StatusBadRequest, "js, ts, py or go"},
		{"prices within a tolerance", 2, map[string]any{"script_cid": up.CID, "script_language": "py",
			"allowed_hosts": []string{"*.example.com", "api.example.org:8443"}, "tolerance_paths": []string{"data.price"}, "relative_tolerance": 0.01},
			attestation.Action{ChainID: 31337, Target: target, Function: "increment(uint256)",
				Script: &attestation.Script{CID: up.CID, Runtime: attestation.RuntimePython, AllowedHosts: []string{"*.example.com", "api.example.org:8443"},
					TolerancePaths: []string{"data.price"}, RelativeTolerance: "0.01"}},
			http.StatusCreated, ""},
		{"bad allowed host", 2, map[string]any{"script_cid": up.CID, "script_language": "py", "allowed_hosts": []string{"http://x.com/path"}},
			attestation.Action{}, http.StatusBadRequest, "allowed_hosts"},
		{"tolerance without paths", 2, map[string]any{"script_cid": up.CID, "script_language": "py", "relative_tolerance": 0.01},
			attestation.Action{}, http.StatusBadRequest, "tolerance_paths: is required"},
		{"tolerance out of range", 2, map[string]any{"script_cid": up.CID, "script_language": "py", "tolerance_paths": []string{"p"},
			"relative_tolerance": 2}, attestation.Action{}, http.StatusBadRequest, "between 0 and 1"},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			id := uint64(200 + i)
			a.chain.mu.Lock()
			a.chain.jobs[id] = coordinator.OnchainJob{Owner: owner, TaskDefinitionID: tc.tdid, Target: tc.action.Target, Active: true,
				SpecHash: attestation.JobCommitment(tc.action, interval)}
			a.chain.mu.Unlock()
			r := jobRequest(strconv.FormatUint(id, 10))
			r["task_definition_id"] = int(tc.tdid)
			delete(r, "time_frame")
			for k, v := range tc.fields {
				r[k] = v
			}
			w := a.do(http.MethodPost, "/api/jobs", testKey, r)
			require.Equal(t, tc.code, w.Code, w.Body.String())
			if tc.msg != "" {
				require.Contains(t, w.Body.String(), tc.msg)
				return
			}
			var got coordinator.Job
			require.NoError(t, json.Unmarshal(w.Body.Bytes(), &got))
			require.Equal(t, tc.action.Script, got.Script)
		})
	}
}

// GET /api/jobs/:id/fee answers the quoter's quote, or says why not.
func TestAPIFee(t *testing.T) {
	quote := coordinator.FeeQuote{Gas: 60_000, GasSource: "estimate", Fee: "66000000000000"}
	var quoteErr error
	a := newAPI(t, func(c *coordinator.APIConfig) {
		c.Fees = func(_ context.Context, j coordinator.Job) (coordinator.FeeQuote, error) {
			q := quote
			q.JobID = uint64(j.JobID)
			return q, quoteErr
		}
	})
	w := a.do(http.MethodPost, "/api/jobs", testKey, jobRequest("1", "1"))
	require.Equal(t, http.StatusCreated, w.Code, w.Body.String())

	tests := []struct {
		name string
		path string
		err  error
		code int
		body string
	}{
		{"quoted", "/api/jobs/1/fee", nil, http.StatusOK, `"gas_source":"estimate"`},
		{"no execution yet", "/api/jobs/1/fee", coordinator.ErrNoFeeYet, http.StatusConflict, "no execution yet"},
		{"chain unreachable", "/api/jobs/1/fee", errors.New("dial tcp: refused"), http.StatusBadGateway, "cannot quote"},
		{"unknown job", "/api/jobs/9/fee", nil, http.StatusNotFound, "not found"},
		{"bad id", "/api/jobs/x/fee", nil, http.StatusBadRequest, "job_id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			quoteErr = tc.err
			w := a.do(http.MethodGet, tc.path, testKey, nil)
			require.Equal(t, tc.code, w.Code, w.Body.String())
			require.Contains(t, w.Body.String(), tc.body)
		})
	}
	require.Equal(t, http.StatusServiceUnavailable, newAPI(t).do(http.MethodGet, "/api/jobs/1/fee", testKey, nil).Code)
}
