package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
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
