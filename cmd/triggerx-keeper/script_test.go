package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/urfave/cli/v2"
)

// requireDocker skips the test without a Docker engine, unless
// TRIGGERX_REQUIRE_DOCKER=1 (CI), then it fails.
func requireDocker(t *testing.T) {
	t.Helper()
	if err := exec.Command("docker", "info").Run(); err != nil {
		if os.Getenv("TRIGGERX_REQUIRE_DOCKER") == "1" {
			t.Fatalf("docker engine required: %v", err)
		}
		t.Skip("no Docker engine: start dockerd and build the images with scripts/runtime-images.sh")
	}
}

func TestScriptRun(t *testing.T) {
	requireDocker(t)
	dir := t.TempDir()
	tests := []struct {
		name, file, source string
		args               []string
		wantErr            bool
		check              func(t *testing.T, rep scriptReport)
	}{
		{
			name: "arguments, exact", file: "main.js",
			source: `const c = JSON.parse(require('fs').readFileSync(0,'utf8')); console.log(JSON.stringify({arguments:["123456789012345678901234567890"], storage:{job:String(c.job_id)}}))`,
			args:   []string{"--function", "increment(uint256)"},
			check: func(t *testing.T, rep scriptReport) {
				require.NotNil(t, rep.Output)
				require.Equal(t, []string{"123456789012345678901234567890"}, rep.Output.Arguments)
				require.Equal(t, "0x7cf5dab000000000000000000000000000000000000000018ee90ff6c373e0ee4e3f0ad2", rep.Output.Calldata.String())
				require.Equal(t, map[string]string{"job": "1"}, rep.Output.StorageUpdates)
			},
		},
		{
			name: "custom call", file: "main.py",
			source: "import json\nprint(json.dumps({\"shouldExecute\": False}))\n",
			args:   []string{"--task-definition-id", "7"},
			check: func(t *testing.T, rep scriptReport) {
				require.NotNil(t, rep.Output)
				require.False(t, rep.Output.ShouldExecute)
			},
		},
		{
			name: "a guessing output is refused", file: "main.js", source: `console.log("Response: 42")`,
			args: []string{"--function", "increment(uint256)"}, wantErr: true,
			check: func(t *testing.T, rep scriptReport) { require.Equal(t, "output_not_json", rep.Reason) },
		},
		{
			name: "endless loop", file: "loop.py", source: "while True:\n  pass\n", args: []string{"--timeout", "2s"}, wantErr: true,
			check: func(t *testing.T, rep scriptReport) { require.Equal(t, "timeout", rep.Reason) },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			require.NoError(t, os.WriteFile(path, []byte(tt.source), 0o600))
			app := app()
			var out bytes.Buffer
			app.Writer = &out
			app.ExitErrHandler = func(*cli.Context, error) {} // keep the test process alive
			err := app.RunContext(context.Background(), append(append([]string{"triggerx-keeper", "script", "run"}, tt.args...), path))
			require.Equal(t, tt.wantErr, err != nil, "err %v; output %s", err, out.String())
			var rep scriptReport
			require.NoError(t, json.Unmarshal(out.Bytes(), &rep), out.String())
			tt.check(t, rep)
		})
	}
}

// With --allow-host the script reaches the allowed host through the
// recording proxy, is refused anything else, and the report lists both
// exchanges and the network it used.
func TestScriptRunNetwork(t *testing.T) {
	requireDocker(t)
	if _, err := exec.LookPath("iptables"); os.Geteuid() != 0 || err != nil {
		if os.Getenv("TRIGGERX_REQUIRE_DOCKER") == "1" {
			t.Fatalf("script networks need root and iptables (uid %d, iptables: %v)", os.Geteuid(), err)
		}
		t.Skip("script networks need root and iptables")
	}
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"price":2500}`))
	}))
	t.Cleanup(api.Close)
	host := strings.TrimPrefix(api.URL, "http://")
	path := filepath.Join(t.TempDir(), "main.py")
	require.NoError(t, os.WriteFile(path, []byte(`import json, urllib.request, urllib.error
price = json.load(urllib.request.urlopen("`+api.URL+`/price", timeout=5))["price"]
try:
    urllib.request.urlopen("http://example.com/", timeout=5)
except urllib.error.HTTPError as e:
    assert e.code == 403
print(json.dumps({"arguments": [str(price)]}))
`), 0o600))
	app := app()
	var out bytes.Buffer
	app.Writer = &out
	app.ExitErrHandler = func(*cli.Context, error) {}
	err := app.RunContext(context.Background(), []string{"triggerx-keeper", "script", "run", "--allow-host", host,
		"--function", "increment(uint256)", path})
	require.NoError(t, err, out.String())
	var rep scriptReport
	require.NoError(t, json.Unmarshal(out.Bytes(), &rep), out.String())
	require.NotNil(t, rep.Output, out.String())
	require.Equal(t, []string{"2500"}, rep.Output.Arguments)
	require.Equal(t, 2, rep.Resources.NetRequests)
	require.EqualValues(t, len(`{"price":2500}`), rep.Resources.NetBytes)
	require.NotNil(t, rep.Network)
	require.Len(t, rep.Network.Exchanges, 2)
	require.Equal(t, exchangeSummary{Method: "GET", URL: api.URL + "/price", Status: 200, Bytes: 14}, rep.Network.Exchanges[0])
	require.Equal(t, "host_not_allowed", rep.Network.Exchanges[1].Reason)
}
