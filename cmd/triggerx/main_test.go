package main

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/triggerx-network/triggerx/cmd/internal/clitest"
	"github.com/triggerx-network/triggerx/contracts"
	"github.com/triggerx-network/triggerx/contracts/bindings"
	"github.com/triggerx-network/triggerx/coordinator"
	"github.com/triggerx-network/triggerx/coordinator/sdk"
	"github.com/triggerx-network/triggerx/coordinator/sdk/sdktest"
	"github.com/triggerx-network/triggerx/node/keystore"
)

func TestFlagsAndReference(t *testing.T) { clitest.Check(t, app()) }

// syncBuffer is written by a running command and read by the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// harness runs triggerx commands against an sdktest coordinator and its chain.
type harness struct {
	t   *testing.T
	env *sdktest.Env
	dir string
}

func newCLI(t *testing.T) *harness {
	for _, v := range []string{envPassword, "TRIGGERX_KEYSTORE_PASSWORD", "TRIGGERX_API_URL", "TRIGGERX_API_KEY", "TRIGGERX_JSON"} {
		t.Setenv(v, "") // restored after the test
		require.NoError(t, os.Unsetenv(v))
	}
	return &harness{t: t, env: sdktest.New(t), dir: t.TempDir()}
}

// runCtx runs the app with args under ctx, writing to out.
func (c *harness) runCtx(ctx context.Context, out *syncBuffer, args ...string) error {
	a := newApp(func(context.Context, string) (sdk.Backend, func(), error) { return c.env.Backend, func() {}, nil })
	a.Writer, a.ErrWriter, a.Reader = out, out, strings.NewReader("")
	return explain(a.RunContext(ctx, append([]string{"triggerx"}, args...)))
}

// run runs a command with the coordinator's URL and admin key and returns
// its output.
func (c *harness) run(args ...string) (string, error) {
	c.t.Helper()
	var out syncBuffer
	args = append([]string{"--api-url", c.env.URL, "--api-key", sdktest.AdminKey}, args...)
	err := c.runCtx(c.t.Context(), &out, args...)
	return out.String(), err
}

// file writes a file in the test's directory.
func (c *harness) file(name, content string) string {
	c.t.Helper()
	p := filepath.Join(c.dir, name)
	require.NoError(c.t, os.WriteFile(p, []byte(content), 0o600))
	return p
}

// jobFile writes the env's job calling increment(by) as YAML.
func (c *harness) jobFile(name, by string) string {
	c.t.Helper()
	raw, err := yaml.Marshal(c.env.JobFields(by))
	require.NoError(c.t, err)
	return c.file(name, string(raw))
}

// keystore writes the user's key in a keystore and its password file.
func (c *harness) keystore() (path, password string) {
	c.t.Helper()
	path, _, err := keystore.ImportECDSA(hex.EncodeToString(crypto.FromECDSA(c.env.User)), c.t.TempDir(), "secret pw", true)
	require.NoError(c.t, err)
	return path, c.file("password", "secret pw\n")
}

func TestJobs(t *testing.T) {
	c := newCLI(t)
	ks, pw := c.keystore()

	// Created on-chain, then registered.
	out, err := c.run("jobs", "create", "-f", c.jobFile("job.yaml", "1"), "--eth-rpc", "simulated", "--keystore", ks, "--password-file", pw)
	require.NoError(t, err, out)
	require.Contains(t, out, "registered job 1\n")
	require.Contains(t, out, "increment(uint256) [1]")

	// The password from the environment; JSON output.
	t.Setenv(envPassword, "secret pw")
	out, err = c.run("jobs", "create", "-f", c.jobFile("job2.yaml", "2"), "--eth-rpc", "simulated", "--keystore", ks, "--json")
	require.NoError(t, err, out)
	var j sdk.Job
	require.NoError(t, json.Unmarshal([]byte(out), &j), out)
	require.Equal(t, uint64(2), j.JobID)

	// Created on-chain elsewhere: --job-id only registers it.
	id := c.createOnchain(c.env.JobFields("3"))
	out, err = c.run("jobs", "create", "-f", c.jobFile("job3.yaml", "3"), "--job-id", strconv.FormatUint(id, 10))
	require.NoError(t, err, out)
	require.Contains(t, out, "registered job 3\n")

	out, err = c.run("jobs", "list")
	require.NoError(t, err, out)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 4, out)
	require.True(t, strings.HasPrefix(lines[0], "JOB"))
	require.True(t, strings.HasPrefix(lines[3], "3 "), out)

	out, err = c.run("jobs", "pause", "2")
	require.NoError(t, err, out)
	require.Contains(t, out, "paused")
	out, err = c.run("--json", "jobs", "list", "--status", "paused")
	require.NoError(t, err, out)
	var jobs []sdk.Job
	require.NoError(t, json.Unmarshal([]byte(out), &jobs), out)
	require.Len(t, jobs, 1)
	require.Equal(t, uint64(2), jobs[0].JobID)
	_, err = c.run("jobs", "resume", "2")
	require.NoError(t, err)
	out, err = c.run("jobs", "delete", "3")
	require.NoError(t, err)
	require.Contains(t, out, "deleted")
	out, err = c.run("jobs", "get", "1")
	require.NoError(t, err)
	require.Contains(t, out, "active")

	// Errors print the problem's detail.
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"jobs", "get", "99"}, "job 99 not found (HTTP 404)"},
		{[]string{"fee", "1"}, "this coordinator quotes no fees (HTTP 503)"},
		{[]string{"jobs", "list", "--status", "sleeping"}, "(HTTP 400, field status)"},
		{[]string{"jobs", "create", "-f", c.jobFile("again.yaml", "1"), "--job-id", "1"}, "job 1 is already registered (HTTP 409, field job_id)"},
		{[]string{"jobs", "create", "-f", c.jobFile("nochain.yaml", "1")}, "creating a job on-chain needs --eth-rpc and --keystore"},
		{[]string{"jobs", "get"}, "give one JOB_ID"},
	} {
		out, err := c.run(tc.args...)
		require.ErrorContains(t, err, tc.want, "%v: %s", tc.args, out)
	}
	var out2 syncBuffer
	err = c.runCtx(t.Context(), &out2, "jobs", "list", "--api-url", c.env.URL)
	require.ErrorContains(t, err, "API key is required (X-Api-Key header) (HTTP 401)")
	// Flags after the command and from the environment work too.
	t.Setenv("TRIGGERX_API_KEY", sdktest.AdminKey)
	require.NoError(t, c.runCtx(t.Context(), &out2, "jobs", "get", "--api-url", c.env.URL, "1"))
}

// createOnchain creates a job on-chain as another client would and
// returns its id.
func (c *harness) createOnchain(fields map[string]any) uint64 {
	c.t.Helper()
	ctx := c.t.Context()
	raw, err := json.Marshal(fields)
	require.NoError(c.t, err)
	var req sdk.JobRequest
	require.NoError(c.t, json.Unmarshal(raw, &req))
	cm, err := sdk.NewClient(c.env.URL, sdktest.AdminKey).JobCommitment(ctx, req)
	require.NoError(c.t, err)
	jr, err := bindings.NewJobRegistry(c.env.Addrs.JobRegistry, c.env.Backend)
	require.NoError(c.t, err)
	auth, err := bind.NewKeyedTransactorWithChainID(c.env.User, new(big.Int).SetUint64(c.env.ChainID))
	require.NoError(c.t, err)
	tx, err := jr.CreateJob(auth, cm.TaskDefinitionID, cm.TargetContractAddress, cm.SpecHash)
	require.NoError(c.t, err)
	r, err := contracts.WaitMined(ctx, c.env.Backend, tx, nil)
	require.NoError(c.t, err)
	for _, l := range r.Logs {
		if ev, err := jr.ParseJobCreated(*l); err == nil {
			return ev.JobId.Uint64()
		}
	}
	c.t.Fatal("no JobCreated event")
	return 0
}

func TestTasksWatch(t *testing.T) {
	c := newCLI(t)
	ks, pw := c.keystore()
	out, err := c.run("jobs", "create", "-f", c.jobFile("job.yaml", "1"), "--eth-rpc", "simulated", "--keystore", ks, "--password-file", pw)
	require.NoError(t, err, out)

	ctx, cancel := context.WithCancel(t.Context())
	var watched syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- c.runCtx(ctx, &watched, "tasks", "watch", "--job", "1", "--api-url", c.env.URL, "--api-key", sdktest.AdminKey)
	}()
	c.env.WaitSubscribers(1)
	task := c.env.FireTask(1, time.Now().Add(time.Minute))
	c.env.SetTask(task, func(tk *coordinator.Task) {
		tk.TaskStatus, tk.TaskPerformer = coordinator.TaskDispatched, c.env.UserAddr
	})
	require.Eventually(t, func() bool { return strings.Count(watched.String(), "\n") >= 2 }, 10*time.Second, 10*time.Millisecond)
	cancel()
	require.NoError(t, <-done)
	lines := strings.Split(strings.TrimSpace(watched.String()), "\n")
	require.Len(t, lines, 2, watched.String())
	require.Contains(t, lines[0], "job=1 task="+task.Hex()+" status=processing performer=- tx=-")
	require.Contains(t, lines[1], "status=dispatched performer="+c.env.UserAddr.Hex())

	out, err = c.run("tasks", "list", "--job", "1")
	require.NoError(t, err, out)
	require.Contains(t, out, task.Hex())
	out, err = c.run("tasks", "list", "--status", "dispatched")
	require.NoError(t, err, out)
	require.Contains(t, out, task.Hex())
	out, err = c.run("--json", "tasks", "get", task.Hex())
	require.NoError(t, err, out)
	var got sdk.Task
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Equal(t, "dispatched", got.TaskStatus)
	// No proof before the task is recorded (and none configured here).
	out, err = c.run("tasks", "proof", task.Hex())
	require.Error(t, err, out)
	require.Contains(t, err.Error(), "HTTP 503")

	// A watch of a job that does not exist ends with the problem.
	var out2 syncBuffer
	err = c.runCtx(t.Context(), &out2, "tasks", "watch", "--job", "9", "--api-url", c.env.URL, "--api-key", sdktest.AdminKey)
	require.ErrorContains(t, err, "job 9 not found (HTTP 404)")
}

func TestKeysAndKeepers(t *testing.T) {
	c := newCLI(t)
	out, err := c.run("--json", "keys", "create", "--owner", c.env.UserAddr.Hex())
	require.NoError(t, err, out)
	var k sdk.APIKey
	require.NoError(t, json.Unmarshal([]byte(out), &k), out)
	require.NotEmpty(t, k.Key)
	out, err = c.run("keys", "list", "--owner", c.env.UserAddr.Hex())
	require.NoError(t, err, out)
	require.Contains(t, out, k.ID)
	require.Contains(t, out, k.MaskedKey)
	out, err = c.run("keys", "rotate", k.ID)
	require.NoError(t, err, out)
	require.Contains(t, out, "shown this once")
	out, err = c.run("keys", "revoke", k.ID)
	require.NoError(t, err, out)
	require.Contains(t, out, "false")
	_, err = c.run("keys", "rotate", k.ID)
	require.ErrorContains(t, err, "is revoked (HTTP 409)")
	_, err = c.run("keepers", "list")
	require.ErrorContains(t, err, "keeper registry not configured (HTTP 503)")
}

func TestJobFile(t *testing.T) {
	c := newCLI(t)
	for _, tc := range []struct {
		name, content, want string
	}{
		{"bad YAML", "job_title: [unclosed\n", "bad.yaml: yaml: line 1"},
		{"a list", "- job_title: x\n", "want a mapping of job fields"},
		{"empty", "", "want a mapping of job fields"},
		{"wrong type", "job_title: {a: 1}\n", "job_title: must be a string"},
		{"bad number", "time_interval: -5\n", "time_interval: must be an unsigned integer"},
		{"non-string keys", "abi:\n  1: x\n", "mappings need string keys"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseJobFile(c.file("bad.yaml", tc.content))
			require.ErrorContains(t, err, tc.want)
		})
	}
	_, err := parseJobFile(filepath.Join(c.dir, "missing.yaml"))
	require.ErrorContains(t, err, "read job file")

	// Numbers as arguments are taken as the strings the API wants.
	r, err := parseJobFile(c.file("n.yaml", "arguments: [1, true, \"x\"]\ntarget_chain_id: 8453\n"))
	require.NoError(t, err)
	require.Equal(t, []string{"1", "true", "x"}, r.Arguments)
	require.Equal(t, uint64(8453), r.TargetChainID)

	// A bad job file on the command line: the error names the file.
	_, err = c.run("jobs", "create", "-f", c.file("bad.yaml", "job_title: [\n"), "--job-id", "1")
	require.ErrorContains(t, err, "bad.yaml: yaml: line")
	// A field the coordinator refuses: the field is named.
	_, err = c.run("jobs", "create", "-f", c.file("refused.yaml", "user_address: "+c.env.UserAddr.Hex()+"\njob_title: x\n"), "--job-id", "1")
	require.ErrorContains(t, err, "(HTTP 400, field job_title)")
	// An unreadable keystore.
	_, err = c.run("jobs", "create", "-f", c.jobFile("job.yaml", "1"), "--eth-rpc", "simulated",
		"--keystore", "none.json", "--password-file", c.file("pw", "x"))
	require.ErrorContains(t, err, "load none.json")
}

// The example job file parses and the coordinator accepts it.
func TestExampleJobFile(t *testing.T) {
	c := newCLI(t)
	r, err := parseJobFile(filepath.Join("..", "..", "configs", "job.example.yaml"))
	require.NoError(t, err)
	require.Equal(t, uint64(60), r.TimeInterval)
	require.Equal(t, []string{"1"}, r.Arguments)
	cm, err := sdk.NewClient(c.env.URL, sdktest.AdminKey).JobCommitment(t.Context(), r)
	require.NoError(t, err)
	require.Equal(t, uint16(1), cm.TaskDefinitionID)
	require.Equal(t, c.env.Addrs.JobRegistry, cm.JobRegistry)
}
