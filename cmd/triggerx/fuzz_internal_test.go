package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/triggerx-network/triggerx/coordinator/sdk"
)

// maxFuzzJobFile bounds a fuzzed job file.
const maxFuzzJobFile = 16 << 10

// FuzzParseJobFile: any job file is refused or read as a request whose
// JSON re-encodes to itself.
func FuzzParseJobFile(f *testing.F) {
	example, err := os.ReadFile(filepath.Join("..", "..", "configs", "job.example.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(example)
	for _, seed := range []string{
		"job_title: x\narguments: [1, true, 2.5, ~, \"s\"]\n",
		"task_definition_id: 3\ntrigger_event: Transfer(address indexed,address indexed,uint256)\nevent_filters:\n  - {param: to, op: eq, value: 0x1}\n",
		"abi: [{type: function, name: f, inputs: []}]\ntarget_function: f\n",
		"time_interval: 0x3c\ntime_frame: 1e3\n",
		"{1: a}\n",
		"- a\n- b\n",
		"a: &x [*x]\n",
		"a: !!binary aGVsbG8=\n",
		"---\n...\n",
		"",
	} {
		f.Add([]byte(seed))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) > maxFuzzJobFile {
			t.Skip("job file too long")
		}
		path := filepath.Join(dir, "job.yaml")
		if err := os.WriteFile(path, in, 0o600); err != nil {
			t.Fatal(err)
		}
		req, err := parseJobFile(path)
		if err != nil {
			return
		}
		out, err := json.Marshal(req)
		if err != nil {
			t.Fatalf("%q is accepted but does not encode: %v", in, err)
		}
		var again sdk.JobRequest
		if err := json.Unmarshal(out, &again); err != nil {
			t.Fatalf("%q encodes to %s, which does not decode: %v", in, out, err)
		}
		if out2, err := json.Marshal(again); err != nil || !bytes.Equal(out, out2) {
			t.Fatalf("%q encodes to %s, then to %s (%v)", in, out, out2, err)
		}
	})
}
