package node

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/execution"
	"github.com/triggerx-network/triggerx/execution/sandbox"
	"github.com/triggerx-network/triggerx/execution/script"
)

// Errors of running job scripts.
var (
	// errScriptNetwork: the job's script needs network access, which this
	// keeper version does not give scripts yet.
	errScriptNetwork = errors.New("job scripts with network access are not run yet")
)

// Reason codes of script runs, beside sandbox.Reason and script.Reason.
const (
	reasonScriptNetwork      = "script_network_unavailable"
	reasonCustomScript       = "custom_script_unavailable"
	reasonScriptOutput       = "script_output_mismatch" // an attester's re-run disagrees with the performer's
	reasonScriptRunMissing   = "script_run_missing"     // a script task's result lacks its script run
	reasonScriptContextBlock = "script_block_after_execution"
)

// scriptRunner runs job scripts for performers and attesters: it fetches
// the script by CID, builds the context pinned at a block of the home chain,
// runs it in the sandbox and parses its output strictly. Safe for
// concurrent use.
type scriptRunner struct {
	scripts *scripts
	sandbox *sandbox.Sandbox // nil when this keeper cannot run scripts
	chain   execution.Chain
	// tamper, for tests only, rewrites the script's stdout before it is
	// parsed: a lying performer.
	tamper func([]byte) []byte
}

// run runs t's script with its context pinned at block and returns the
// parsed output and the account of the run.
func (r *scriptRunner) run(ctx context.Context, t attestation.Task, block uint64) (script.Output, *attestation.ScriptRun, error) {
	sc := t.Action.Script
	switch {
	case r == nil || r.sandbox == nil:
		return script.Output{}, nil, errScriptsUnsupported
	case sc == nil:
		return script.Output{}, nil, fmt.Errorf("%w: task has no script", errActionMismatch)
	case len(sc.AllowedHosts) > 0:
		return script.Output{}, nil, errScriptNetwork
	}
	src, err := r.scripts.Script(ctx, sc.CID)
	if err != nil {
		return script.Output{}, nil, fmt.Errorf("fetch script %s: %w", sc.CID, err)
	}
	head, err := r.chain.HeaderByNumber(ctx, new(big.Int).SetUint64(block))
	if err != nil {
		return script.Output{}, nil, fmt.Errorf("read block %d: %w", block, err)
	}
	sctx := script.BuildContext(t, block, int64(head.Time), t.Storage)
	res, err := r.sandbox.Run(ctx, sandbox.Request{Runtime: sandbox.Runtime(sc.Runtime), Source: src, Stdin: sctx.Encode()})
	if err != nil {
		return script.Output{}, nil, fmt.Errorf("run script: %w", err)
	}
	stdout := res.Stdout
	if r.tamper != nil {
		stdout = r.tamper(stdout)
	}
	out, err := script.ParseOutput(t.TaskDefinitionID, t.Action.Function, stdout)
	if err != nil {
		return script.Output{}, nil, fmt.Errorf("parse script output: %w", err)
	}
	rep := res.Report
	return out, &attestation.ScriptRun{
		Block: block, Timestamp: int64(head.Time), ContextHash: sctx.Hash(), OutputHash: out.Hash(),
		StorageUpdates: out.StorageUpdates,
		Resources: attestation.Resources{
			DurationMs: uint64(rep.Duration.Milliseconds()), PeakMemoryBytes: uint64(max(rep.PeakMemoryBytes, 0)),
			CPUTimeMs: uint64(rep.CPUTime.Milliseconds()),
		},
	}, nil
}

// scriptReason is the reason code of a script run's failure.
func scriptReason(err error) string {
	switch {
	case errors.Is(err, errScriptsUnsupported):
		return reasonScriptsUnsupported
	case errors.Is(err, errScriptNetwork):
		return reasonScriptNetwork
	}
	if r := script.Reason(err); r != "" {
		return r
	}
	if r := sandbox.Reason(err); r != "" {
		return r
	}
	return ""
}
