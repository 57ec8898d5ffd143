package node

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"strconv"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/execution"
	"github.com/triggerx-network/triggerx/execution/egress"
	"github.com/triggerx-network/triggerx/execution/netproxy"
	"github.com/triggerx-network/triggerx/execution/sandbox"
	"github.com/triggerx-network/triggerx/execution/script"
)

// Errors of running job scripts.
var (
	// errScriptNetwork: the job's script needs network access and this
	// keeper runs no egress network (--script-network).
	errScriptNetwork = errors.New("job scripts with network access are not run by this keeper")
	// errTranscript: the performer's transcript is not the one its result
	// commits to, or not a transcript at all.
	errTranscript = errors.New("script transcript does not match its hash")
)

// Reason codes of script runs, beside sandbox.Reason and script.Reason.
const (
	reasonScriptNetwork      = "script_network_unavailable"
	reasonScriptOutput       = "script_output_mismatch" // an attester's re-run disagrees with the performer's
	reasonScriptRunMissing   = "script_run_missing"     // a script task's result lacks its script run
	reasonScriptContextBlock = "script_block_after_execution"
	reasonTranscript         = "script_transcript_mismatch" // the transcript is missing, malformed or not the one hashed
	reasonReplay             = "script_replay_mismatch"     // the re-run made other requests than the transcript holds
	reasonSpot               = "script_spot_mismatch"       // a recorded response differs from the live one beyond the tolerance
)

// DefaultSpotSample is the fraction of a transcript's re-fetchable
// exchanges an attester re-fetches live.
const DefaultSpotSample = 0.25

// scriptRunner runs job scripts for performers and attesters: it fetches
// the script by CID, builds the context pinned at a block of the home chain,
// runs it in the sandbox and parses its output strictly. Scripts with
// allowed hosts reach the network only through a proxy on the keeper's
// egress network: live and recorded for a performer, replaying the
// performer's transcript (then spot-checked live) for an attester. Safe for
// concurrent use; sandbox and egress are set once before tasks arrive.
type scriptRunner struct {
	scripts *scripts
	sandbox *sandbox.Sandbox // nil when this keeper cannot run scripts
	egress  *egress.Egress   // nil when this keeper gives scripts no network
	self    common.Address   // seeds the attester's spot sample
	// spotSample is the fraction of exchanges an attester re-fetches.
	spotSample float64
	log        *zap.Logger
	// tamper, for tests only, rewrites the script's stdout before it is
	// parsed: a lying performer.
	tamper func([]byte) []byte
	// upstream, for tests only, is the performer's proxy's client: a
	// performer that invents the responses its script sees.
	upstream *http.Client
}

// run runs t's script with its context pinned at block of chain (the
// action's) and returns the
// parsed output and the account of the run. A performer passes recorded ==
// nil; an attester passes the performer's account, whose network transcript
// its re-run replays and spot-checks.
func (r *scriptRunner) run(ctx context.Context, chain execution.Chain, t attestation.Task, block uint64, recorded *attestation.ScriptRun) (script.Output, *attestation.ScriptRun, error) {
	sc := t.Action.Script
	switch {
	case r == nil || r.sandbox == nil:
		return script.Output{}, nil, errScriptsUnsupported
	case sc == nil:
		return script.Output{}, nil, fmt.Errorf("%w: task has no script", errActionMismatch)
	case len(sc.AllowedHosts) > 0 && r.egress == nil:
		return script.Output{}, nil, errScriptNetwork
	}
	src, err := r.scripts.Script(ctx, sc.CID)
	if err != nil {
		return script.Output{}, nil, fmt.Errorf("fetch script %s: %w", sc.CID, err)
	}
	head, err := chain.HeaderByNumber(ctx, new(big.Int).SetUint64(block))
	if err != nil {
		return script.Output{}, nil, fmt.Errorf("read block %d: %w", block, err)
	}
	sctx := script.BuildContext(t, block, int64(head.Time), t.Storage)
	req := sandbox.Request{Runtime: sandbox.Runtime(sc.Runtime), Source: src, Stdin: sctx.Encode()}

	var (
		proxy   *netproxy.Proxy
		replayT netproxy.Transcript
	)
	if len(sc.AllowedHosts) > 0 {
		if recorded == nil {
			proxy = netproxy.New(netproxy.Config{Allowed: sc.AllowedHosts, Client: r.upstream, Logger: r.log})
			if err := proxy.Err(); err != nil {
				return script.Output{}, nil, fmt.Errorf("%w: %w", errActionMismatch, err)
			}
		} else {
			if replayT, err = r.transcript(ctx, recorded); err != nil {
				return script.Output{}, nil, err
			}
			proxy = netproxy.NewReplay(replayT)
		}
		na, release := r.egress.Attach(proxy)
		defer release()
		req.Network = na
	}
	res, err := r.sandbox.Run(ctx, req)
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
	run := &attestation.ScriptRun{
		Block: block, Timestamp: int64(head.Time), ContextHash: sctx.Hash(), OutputHash: out.Hash(),
		StorageUpdates: out.StorageUpdates,
		Resources: attestation.Resources{
			DurationMs: uint64(rep.Duration.Milliseconds()), PeakMemoryBytes: uint64(max(rep.PeakMemoryBytes, 0)),
			CPUTimeMs: uint64(rep.CPUTime.Milliseconds()),
		},
	}
	switch {
	case proxy == nil:
	case recorded == nil:
		tr := proxy.Transcript()
		st := proxy.Stats()
		run.Resources.NetRequests, run.Resources.NetBytes = uint64(st.Requests), uint64(st.Bytes)
		if run.Transcript, err = r.scripts.AddTranscript(ctx, tr.Encode()); err != nil {
			return script.Output{}, nil, fmt.Errorf("store transcript: %w", err)
		}
		run.TranscriptHash = tr.Hash()
	default:
		run.Transcript, run.TranscriptHash = recorded.Transcript, recorded.TranscriptHash
		if err := proxy.CheckReplay(); err != nil {
			return script.Output{}, nil, err
		}
		if err := r.spot(ctx, t, sc, replayT, proxy.ReplayHeaders()); err != nil {
			return script.Output{}, nil, err
		}
	}
	return out, run, nil
}

// transcript fetches the transcript a performer's run commits to and checks
// it against its hash.
func (r *scriptRunner) transcript(ctx context.Context, recorded *attestation.ScriptRun) (netproxy.Transcript, error) {
	if recorded.Transcript == "" && recorded.TranscriptHash == (common.Hash{}) {
		return netproxy.Transcript{}, nil // no request made: the re-run must make none either
	}
	b, err := r.scripts.Transcript(ctx, recorded.Transcript)
	if err != nil {
		return netproxy.Transcript{}, fmt.Errorf("fetch transcript %s: %w", recorded.Transcript, err)
	}
	if crypto.Keccak256Hash(b) != recorded.TranscriptHash {
		return netproxy.Transcript{}, fmt.Errorf("%w: transcript %s", errTranscript, recorded.Transcript)
	}
	t, err := netproxy.DecodeTranscript(b)
	if err != nil {
		return netproxy.Transcript{}, fmt.Errorf("%w: %w", errTranscript, err)
	}
	if !bytes.Equal(t.Encode(), b) {
		return netproxy.Transcript{}, fmt.Errorf("%w: not canonically encoded", errTranscript)
	}
	return t, nil
}

// spot re-fetches a sample of the transcript's exchanges live, seeded by the
// task and this keeper so that attesters check different ones.
func (r *scriptRunner) spot(ctx context.Context, t attestation.Task, sc *attestation.Script, tr netproxy.Transcript, headers []http.Header) error {
	if r.spotSample <= 0 || len(tr.Exchanges) == 0 {
		return nil
	}
	tol := netproxy.Tolerance{}
	if len(sc.TolerancePaths) > 0 {
		rel, err := strconv.ParseFloat(sc.RelativeTolerance, 64)
		if err != nil || rel < 0 {
			return fmt.Errorf("%w: relative tolerance %q", errActionMismatch, sc.RelativeTolerance)
		}
		tol.Relative = make(map[string]float64, len(sc.TolerancePaths))
		for _, p := range sc.TolerancePaths {
			tol.Relative[p] = rel
		}
	}
	seed := crypto.Keccak256(t.ID[:], r.self[:])
	rep, err := netproxy.Spot(ctx, netproxy.SpotConfig{Allowed: sc.AllowedHosts, Seed: binary.BigEndian.Uint64(seed) | 1, Headers: headers},
		tr, r.spotSample, tol)
	if err != nil {
		r.log.Info("spot check", zap.Stringer("task", t.ID), zap.Ints("checked", rep.Checked), zap.Ints("failed", rep.Failed),
			zap.Any("mismatches", rep.Mismatches), zap.Error(err))
	}
	return err
}

// scriptReason is the reason code of a script run's failure.
func scriptReason(err error) string {
	switch {
	case errors.Is(err, errScriptsUnsupported):
		return reasonScriptsUnsupported
	case errors.Is(err, errScriptNetwork):
		return reasonScriptNetwork
	}
	if r := scriptRejectReason(err); r != "" {
		return r
	}
	if r := sandbox.Reason(err); r != "" {
		return r
	}
	return ""
}

// scriptRejectReason is the reason an attester rejects a task for when its
// re-run of the script fails with err, or "" if err does not show the
// performer wrong (the attester cannot judge, and does not vote).
func scriptRejectReason(err error) string {
	switch {
	case errors.Is(err, errTranscript), errors.Is(err, netproxy.ErrBadTranscript):
		return reasonTranscript
	case errors.Is(err, netproxy.ErrReplayMismatch):
		return reasonReplay
	case errors.Is(err, netproxy.ErrSpotMismatch):
		return reasonSpot
	}
	return script.Reason(err)
}
