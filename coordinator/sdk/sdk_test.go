package sdk_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/coordinator"
	"github.com/triggerx-network/triggerx/coordinator/sdk"
	"github.com/triggerx-network/triggerx/coordinator/sdk/sdktest"
)

// jobRequest decodes fields as a client reading a job file would.
func jobRequest(t *testing.T, fields map[string]any) sdk.JobRequest {
	t.Helper()
	raw, err := json.Marshal(fields)
	require.NoError(t, err)
	var r sdk.JobRequest
	require.NoError(t, json.Unmarshal(raw, &r))
	return r
}

func TestCreateJobAndManageIt(t *testing.T) {
	env := sdktest.New(t)
	ctx := t.Context()
	c := sdk.NewClient(env.URL, sdktest.AdminKey)
	chain := sdk.ChainOpts{Backend: env.Backend, Key: env.User}

	h, err := c.Health(ctx)
	require.NoError(t, err)
	require.Equal(t, "ok", h.Status)
	r, err := c.Ready(ctx)
	require.NoError(t, err)
	require.Equal(t, "ready", r.Status)
	require.Equal(t, "ok", r.Checks["store"])

	j1, err := c.CreateJob(ctx, jobRequest(t, env.JobFields("1")), chain)
	require.NoError(t, err)
	require.Equal(t, uint64(1), j1.JobID)
	require.Equal(t, env.UserAddr, j1.UserAddress)
	require.Equal(t, sdk.JobActive, j1.Status)
	require.Equal(t, []string{"1"}, j1.Arguments)
	require.Equal(t, env.Addrs.Counter, j1.TargetContractAddress)
	require.Equal(t, env.ChainID, j1.TargetChainID)

	// The user address may be left to the key; the registry given explicitly.
	req := jobRequest(t, env.JobFields("2"))
	req.UserAddress = ""
	chain.JobRegistry = env.Addrs.JobRegistry
	j2, err := c.CreateJob(ctx, req, chain)
	require.NoError(t, err)
	require.Equal(t, uint64(2), j2.JobID)

	got, err := c.GetJob(ctx, 1)
	require.NoError(t, err)
	require.Equal(t, j1.JobTitle, got.JobTitle)
	require.JSONEq(t, string(j1.Trigger), string(got.Trigger))

	// Pagination: one job a page.
	page, err := c.ListJobs(ctx, sdk.ListJobsOptions{Limit: 1})
	require.NoError(t, err)
	require.Len(t, page.Jobs, 1)
	require.NotEmpty(t, page.NextCursor)
	var ids []uint64
	for j, err := range c.AllJobs(ctx, sdk.ListJobsOptions{Limit: 1, UserAddress: env.UserAddr, Status: sdk.JobActive, TaskDefinitionID: 1}) {
		require.NoError(t, err)
		ids = append(ids, j.JobID)
	}
	require.Equal(t, []uint64{1, 2}, ids)

	j, err := c.PauseJob(ctx, 2)
	require.NoError(t, err)
	require.Equal(t, sdk.JobPaused, j.Status)
	page, err = c.ListJobs(ctx, sdk.ListJobsOptions{Status: sdk.JobPaused})
	require.NoError(t, err)
	require.Len(t, page.Jobs, 1)
	require.Equal(t, uint64(2), page.Jobs[0].JobID)
	j, err = c.ResumeJob(ctx, 2)
	require.NoError(t, err)
	require.Equal(t, sdk.JobActive, j.Status)
	title := "Count faster"
	j, err = c.PatchJob(ctx, 2, sdk.JobPatch{JobTitle: &title})
	require.NoError(t, err)
	require.Equal(t, title, j.JobTitle)
	j, err = c.DeleteJob(ctx, 2)
	require.NoError(t, err)
	require.Equal(t, sdk.JobDeleted, j.Status)

	// Tasks.
	slot := time.Now().Add(time.Minute)
	id := env.FireTask(1, slot)
	tasks, err := c.JobTasks(ctx, 1, 10)
	require.NoError(t, err)
	require.Len(t, tasks, 1)
	require.Equal(t, id, tasks[0].TaskID)
	tk, err := c.GetTask(ctx, id)
	require.NoError(t, err)
	require.Equal(t, sdk.TaskProcessing, tk.TaskStatus)
	require.Equal(t, uint64(1), tk.JobID)
	tasks, err = c.ListTasks(ctx, sdk.ListTasksOptions{UserAddress: env.UserAddr, Status: sdk.TaskProcessing, Limit: 5})
	require.NoError(t, err)
	require.Len(t, tasks, 1)
	job, err := c.GetJob(ctx, 1)
	require.NoError(t, err)
	require.Equal(t, []common.Hash{id}, job.TaskIDs)
	_, err = c.TaskTranscript(ctx, id)
	require.True(t, sdk.IsStatus(err, http.StatusNotFound), "%v", err)

	// Not configured on this coordinator: 503 problems.
	_, err = c.JobFee(ctx, 1)
	require.True(t, sdk.IsStatus(err, http.StatusServiceUnavailable), "%v", err)
	_, err = c.ListKeepers(ctx)
	require.True(t, sdk.IsStatus(err, http.StatusServiceUnavailable), "%v", err)
	_, err = c.UploadScript(ctx, []byte("export default () => 1"))
	require.True(t, sdk.IsStatus(err, http.StatusNotImplemented), "%v", err)
}

func TestErrors(t *testing.T) {
	env := sdktest.New(t)
	ctx := t.Context()
	admin := sdk.NewClient(env.URL+"/", sdktest.AdminKey)
	badTarget := jobRequest(t, env.JobFields("1"))
	badTarget.TargetContractAddress = "0x1234"
	notOnChain := jobRequest(t, env.JobFields("1"))
	notOnChain.JobID = 42
	other, err := crypto.GenerateKey()
	require.NoError(t, err)

	for _, tc := range []struct {
		name   string
		call   func() error
		status int
		field  string
		detail string
	}{
		{name: "no key", status: http.StatusUnauthorized, detail: "API key is required",
			call: func() error { _, err := sdk.NewClient(env.URL, "").GetJob(ctx, 1); return err }},
		{name: "unknown key", status: http.StatusForbidden, detail: "invalid API key",
			call: func() error {
				_, err := sdk.NewClient(env.URL, "nope-0123456789abcdef").ListJobs(ctx, sdk.ListJobsOptions{})
				return err
			}},
		{name: "no such job", status: http.StatusNotFound, detail: "job 99 not found",
			call: func() error { _, err := admin.GetJob(ctx, 99); return err }},
		{name: "no such task", status: http.StatusNotFound,
			call: func() error { _, err := admin.GetTask(ctx, common.Hash{1}); return err }},
		{name: "no such keeper route data", status: http.StatusServiceUnavailable,
			call: func() error { _, err := admin.Leaderboard(ctx, 5); return err }},
		{name: "bad target", status: http.StatusBadRequest, field: "target_contract_address",
			call: func() error { _, err := admin.JobCommitment(ctx, badTarget); return err }},
		{name: "bad status filter", status: http.StatusBadRequest, field: "status",
			call: func() error { _, err := admin.ListJobs(ctx, sdk.ListJobsOptions{Status: "sleeping"}); return err }},
		{name: "not on-chain", status: http.StatusBadRequest, field: "job_id", detail: "does not exist in the JobRegistry",
			call: func() error { _, err := admin.RegisterJob(ctx, notOnChain); return err }},
		{name: "array element refused", status: http.StatusBadRequest, field: "target_contract_address",
			call: func() error {
				bad := badTarget
				bad.JobID = 43
				_, err := admin.RegisterJobs(ctx, []sdk.JobRequest{notOnChain, bad})
				var pe *sdk.Error
				if errors.As(err, &pe) && (pe.Index == nil || *pe.Index != 1) {
					return errors.New("the problem does not name element 1")
				}
				return err
			}},
		{name: "create with a bad field spends no gas", status: http.StatusBadRequest, field: "target_contract_address",
			call: func() error {
				_, err := admin.CreateJob(ctx, badTarget, sdk.ChainOpts{Backend: env.Backend, Key: env.User})
				return err
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			var pe *sdk.Error
			require.ErrorAs(t, err, &pe)
			require.Equal(t, tc.status, pe.Status, pe.Detail)
			require.Equal(t, tc.field, pe.Field)
			require.Contains(t, pe.Detail, tc.detail)
			require.NotEmpty(t, pe.Type)
			if tc.field != "" {
				require.Equal(t, tc.field, pe.Errors[0].Field)
			}
		})
	}
	nonce, err := env.Backend.NonceAt(ctx, env.UserAddr, nil)
	require.NoError(t, err)
	require.Zero(t, nonce, "no transaction was sent for a refused job")

	// A key that is not the job's owner is refused before any transaction.
	_, err = admin.CreateJob(ctx, jobRequest(t, env.JobFields("1")), sdk.ChainOpts{Backend: env.Backend, Key: other})
	require.ErrorContains(t, err, "is not the address of the signing key")
	_, err = admin.CreateJob(ctx, jobRequest(t, env.JobFields("1")), sdk.ChainOpts{Key: env.User})
	require.ErrorContains(t, err, "Backend and ChainOpts.Key are required")
	_, err = sdk.NewClient("localhost:9002", "k").Health(ctx)
	require.ErrorContains(t, err, "want http(s)://host[:port]")
}

// A coordinator that registered the job elsewhere: the job exists
// on-chain, registration fails, and the error says which job to retry.
func TestCreateJobRegistrationFails(t *testing.T) {
	env := sdktest.New(t)
	ctx := t.Context()
	c := sdk.NewClient(env.URL, sdktest.AdminKey)
	req := jobRequest(t, env.JobFields("1"))
	// Deleting job 1 in the store makes the API refuse it as registered.
	require.NoError(t, env.Store.CreateJobs(ctx, coordinator.Job{JobID: 1, UserAddress: env.UserAddr, Status: coordinator.JobDeleted}))
	_, err := c.CreateJob(ctx, req, sdk.ChainOpts{Backend: env.Backend, Key: env.User})
	var re *sdk.RegistrationError
	require.ErrorAs(t, err, &re)
	require.Equal(t, uint64(1), re.JobID)
	require.True(t, sdk.IsStatus(err, http.StatusConflict), "%v", err)
}

func TestKeys(t *testing.T) {
	env := sdktest.New(t)
	ctx := t.Context()
	admin := sdk.NewClient(env.URL, sdktest.AdminKey)
	k, err := admin.CreateKey(ctx, sdk.KeyRequest{Owner: env.UserAddr.Hex()})
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(k.Key, k.Prefix))
	require.Equal(t, "user", k.Scope)
	require.True(t, k.IsActive)

	user := sdk.NewClient(env.URL, k.Key)
	keys, err := user.ListKeys(ctx, "")
	require.NoError(t, err)
	require.Len(t, keys, 1)
	require.Empty(t, keys[0].Key, "listings are masked")
	got, err := admin.GetKey(ctx, k.ID)
	require.NoError(t, err)
	require.Equal(t, k.MaskedKey, got.MaskedKey)

	rotated, err := admin.RotateKey(ctx, k.ID)
	require.NoError(t, err)
	require.NotEqual(t, k.Key, rotated.Key)
	_, err = user.ListKeys(ctx, "")
	require.True(t, sdk.IsStatus(err, http.StatusForbidden), "the old secret stopped working: %v", err)

	revoked, err := admin.RevokeKey(ctx, k.ID)
	require.NoError(t, err)
	require.False(t, revoked.IsActive)
	require.NotNil(t, revoked.RevokedAt)
	_, err = sdk.NewClient(env.URL, rotated.Key).ListKeys(ctx, "")
	require.True(t, sdk.IsStatus(err, http.StatusForbidden), "%v", err)
	_, err = admin.GetKey(ctx, "key_000000000000")
	require.True(t, sdk.IsStatus(err, http.StatusNotFound), "%v", err)
}

type watched struct {
	ev  sdk.TaskEvent
	err error
}

// watch ranges over WatchTasks on a goroutine until the test ends.
func watch(t *testing.T, c *sdk.Client, opts sdk.WatchOptions) <-chan watched {
	ctx, cancel := context.WithCancel(t.Context())
	out := make(chan watched, 64)
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(out)
		for ev, err := range c.WatchTasks(ctx, opts) {
			out <- watched{ev, err}
		}
	}()
	t.Cleanup(func() { cancel(); <-done })
	return out
}

func next(t *testing.T, ch <-chan watched) watched {
	t.Helper()
	select {
	case w, ok := <-ch:
		require.True(t, ok, "the watch ended")
		return w
	case <-time.After(10 * time.Second):
		t.Fatal("no event")
	}
	return watched{}
}

func nextEvent(t *testing.T, ch <-chan watched) sdk.TaskEvent {
	t.Helper()
	for {
		w := next(t, ch)
		if w.err == nil {
			return w.ev
		}
		t.Logf("watch error (reconnecting): %v", w.err)
	}
}

func TestWatchTasks(t *testing.T) {
	env := sdktest.New(t)
	ctx := t.Context()
	c := sdk.NewClient(env.URL, sdktest.AdminKey)
	for _, by := range []string{"1", "2"} {
		_, err := c.CreateJob(ctx, jobRequest(t, env.JobFields(by)), sdk.ChainOpts{Backend: env.Backend, Key: env.User})
		require.NoError(t, err)
	}
	// A second before reconnecting: the test must see both streams gone
	// before they come back (with a shorter wait the new subscriptions can
	// open before the old ones close, and the count never reaches zero).
	all := watch(t, c, sdk.WatchOptions{MinBackoff: time.Second})
	job1 := watch(t, c, sdk.WatchOptions{JobID: 1, MinBackoff: time.Second})
	env.WaitSubscribers(2)

	slot := time.Now().Add(time.Minute)
	task1 := env.FireTask(1, slot)
	performer := common.HexToAddress("0x00000000000000000000000000000000000000cc")
	env.SetTask(task1, func(tk *coordinator.Task) {
		tk.TaskStatus, tk.TaskPerformer = coordinator.TaskDispatched, performer
	})
	task2 := env.FireTask(2, slot)
	env.SetTask(task1, func(tk *coordinator.Task) { tk.TaskStatus = coordinator.TaskCompleted })

	for _, want := range []struct {
		task   common.Hash
		status string
	}{{task1, sdk.TaskProcessing}, {task1, sdk.TaskDispatched}, {task2, sdk.TaskProcessing}, {task1, sdk.TaskCompleted}} {
		ev := nextEvent(t, all)
		require.Equal(t, want.task, ev.Task.TaskID)
		require.Equal(t, want.status, ev.Task.TaskStatus)
		require.Zero(t, ev.Skipped)
	}
	first := nextEvent(t, job1)
	require.Equal(t, task1, first.Task.TaskID)
	require.Equal(t, nextEvent(t, job1).Task.TaskPerformer, performer)
	third := nextEvent(t, job1)
	require.Equal(t, sdk.TaskCompleted, third.Task.TaskStatus)
	require.Zero(t, third.Skipped, "job 2's event is not a gap in job 1's stream: each stream numbers its own")
	require.False(t, third.Reconnected)

	// The connection drops: the watch reconnects and says so.
	env.Server.CloseClientConnections()
	require.Eventually(t, func() bool { return env.Broker.Subscribers() == 0 }, 10*time.Second, 10*time.Millisecond)
	env.WaitSubscribers(2)
	env.SetTask(task2, func(tk *coordinator.Task) { tk.TaskStatus = coordinator.TaskFailed })
	ev := nextEvent(t, all)
	require.Equal(t, task2, ev.Task.TaskID)
	require.True(t, ev.Reconnected)
	require.Zero(t, ev.Skipped)
}

func TestWatchTasksPermanentError(t *testing.T) {
	env := sdktest.New(t)
	for _, tc := range []struct {
		name   string
		key    string
		job    uint64
		status int
	}{
		{"unknown job", sdktest.AdminKey, 99, http.StatusNotFound},
		{"no key", "", 0, http.StatusUnauthorized},
		{"unknown key", "nope-0123456789abcdef", 0, http.StatusForbidden},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ch := watch(t, sdk.NewClient(env.URL, tc.key), sdk.WatchOptions{JobID: tc.job})
			w := next(t, ch)
			require.True(t, sdk.IsStatus(w.err, tc.status), "%v", w.err)
			_, open := <-ch
			require.False(t, open, "the watch ends")
		})
	}
}

// An answer that is not a problem (a proxy's) still becomes an *Error.
func TestErrorFromPlainBody(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "3")
		http.Error(w, "upstream down", http.StatusBadGateway)
	}))
	defer srv.Close()
	_, err := sdk.NewClient(srv.URL, "k").GetJob(t.Context(), 1)
	var pe *sdk.Error
	require.ErrorAs(t, err, &pe)
	require.Equal(t, http.StatusBadGateway, pe.Status)
	require.Equal(t, "upstream down", pe.Detail)
	require.Equal(t, 3*time.Second, pe.RetryAfter)
	require.Equal(t, "coordinator answered 502: upstream down", err.Error())
}

func TestJobRequestJSON(t *testing.T) {
	for _, tc := range []struct {
		name    string
		in      string
		want    sdk.JobRequest
		wantErr string
	}{
		{name: "numbers and strings", in: `{"job_id": "7", "task_definition_id": 1, "target_chain_id": 8453, "time_interval": "60",
			"arguments": ["1"], "cron_expression": "*/5 * * * *", "value_source_value": 12345678901234567890}`,
			want: sdk.JobRequest{JobID: 7, TaskDefinitionID: 1, TargetChainID: 8453, TimeInterval: 60, Arguments: []string{"1"},
				Fields: map[string]any{"cron_expression": "*/5 * * * *", "value_source_value": json.Number("12345678901234567890")}}},
		{name: "abi as an array", in: `{"abi": [ {"type": "function"} ]}`, want: sdk.JobRequest{ABI: `[{"type":"function"}]`}},
		{name: "negative id", in: `{"job_id": -1}`, wantErr: "job_id: must be an unsigned integer"},
		{name: "task definition too large", in: `{"task_definition_id": 70000}`, wantErr: "task_definition_id: must be an unsigned integer up to 65535"},
		{name: "title not a string", in: `{"job_title": 5}`, wantErr: "job_title: must be a string"},
		{name: "arguments not strings", in: `{"arguments": [1]}`, wantErr: "arguments: must be an array of strings"},
		{name: "not an object", in: `[1]`, wantErr: "job is not a JSON object"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var r sdk.JobRequest
			err := json.Unmarshal([]byte(tc.in), &r)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, r)
			// It encodes back to what the API takes: ids as strings.
			out, err := json.Marshal(r)
			require.NoError(t, err)
			var again sdk.JobRequest
			require.NoError(t, json.Unmarshal(out, &again))
			require.Equal(t, r, again)
		})
	}
	out, err := json.Marshal(sdk.JobRequest{JobID: 3, TargetChainID: 1, Fields: map[string]any{"job_id": "9", "trigger_event": "E()"}})
	require.NoError(t, err)
	require.JSONEq(t, `{"job_id": "3", "target_chain_id": "1", "trigger_event": "E()"}`, string(out))
}

// The SDK's types carry every field the coordinator's answers have.
func TestTypesMatchTheAPI(t *testing.T) {
	for _, tc := range []struct{ server, client any }{
		{coordinator.Job{}, sdk.Job{}},
		{coordinator.Task{}, sdk.Task{}},
		{coordinator.JobPage{}, sdk.JobPage{}},
		{coordinator.JobCommitmentView{}, sdk.Commitment{}},
		{coordinator.FeeQuote{}, sdk.FeeQuote{}},
		{coordinator.KeeperView{}, sdk.Keeper{}},
		{coordinator.APIKeyView{}, sdk.APIKey{}},
		{coordinator.Problem{}, sdk.Error{}},
	} {
		name := reflect.TypeOf(tc.client).Name()
		t.Run(name, func(t *testing.T) {
			server := jsonNames(reflect.TypeOf(tc.server))
			if name == "Error" {
				server = slices.DeleteFunc(server, func(s string) bool { return s == "error" }) // Detail repeated for old clients
			}
			require.Equal(t, server, jsonNames(reflect.TypeOf(tc.client)))
		})
	}
}

func jsonNames(t reflect.Type) []string {
	var names []string
	for f := range t.Fields() {
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// chainProofs is BatchProofs over the test chain, bound once the
// environment (and its chain) exists.
type chainProofs struct {
	p atomic.Pointer[coordinator.BatchProofs]
}

func (c *chainProofs) Prove(ctx context.Context, task, tx common.Hash) (coordinator.TaskProof, error) {
	return c.p.Load().Prove(ctx, task, tx)
}

// A task's batch proof: 409 before the task is recorded, 404 for one
// recorded on its own. The proof of a batched task is checked against the
// contract end to end (node: TestBatchedAttestationEndToEnd).
func TestTaskProof(t *testing.T) {
	proofs := &chainProofs{}
	env := sdktest.New(t, func(c *coordinator.APIConfig) { c.Proofs = proofs })
	ctx := t.Context()
	p, err := coordinator.NewBatchProofs(env.Sim.Client(), attestation.Domain{ChainID: env.ChainID, AttestationCenter: env.Addrs.AttestationCenter})
	require.NoError(t, err)
	proofs.p.Store(p)
	c := sdk.NewClient(env.URL, sdktest.AdminKey)
	_, err = c.CreateJob(ctx, jobRequest(t, env.JobFields("1")), sdk.ChainOpts{Backend: env.Backend, Key: env.User})
	require.NoError(t, err)
	id := env.FireTask(1, time.Now().Add(time.Minute))

	_, err = c.TaskProof(ctx, id)
	require.True(t, sdk.IsStatus(err, http.StatusConflict), "%v", err)

	// Recorded by a transaction that is not a batch (here: the job's
	// creation, the chain's newest transaction).
	block, err := env.Sim.Client().BlockByNumber(ctx, nil)
	require.NoError(t, err)
	require.NotEmpty(t, block.Transactions())
	env.SetTask(id, func(tk *coordinator.Task) { tk.TaskSubmissionTxHash = block.Transactions()[0].Hash() })
	_, err = c.TaskProof(ctx, id)
	require.True(t, sdk.IsStatus(err, http.StatusNotFound), "%v", err)
	require.ErrorContains(t, err, "recorded on its own")

	_, err = c.TaskProof(ctx, common.HexToHash("0x01"))
	require.True(t, sdk.IsStatus(err, http.StatusNotFound), "unknown task: %v", err)
}
