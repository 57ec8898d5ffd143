package coordinator

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/execution/netproxy"
)

// ScriptStore keeps job scripts by content id: the coordinator's uploads,
// served to keepers (the execution/content node implements it).
type ScriptStore interface {
	// AddScript stores a script and returns its CIDv1.
	AddScript(ctx context.Context, source []byte) (string, error)
	// HasScript reports whether the script with this CID can be served:
	// it is stored here, or was fetched and verified.
	HasScript(ctx context.Context, cid string) (bool, error)
	// Transcript returns a script run's network transcript by its CID.
	Transcript(ctx context.Context, cid string) ([]byte, error)
}

// transcriptTimeout bounds the lookup of a transcript for the API.
const transcriptTimeout = 5 * time.Second

// getTranscript answers the network transcript a task's performer recorded
// (the exchanges its script made, as execution/netproxy encodes them).
func (a *api) getTranscript(c *gin.Context) {
	t, ok := a.taskParam(c)
	if !ok {
		return
	}
	if t.ScriptRun == nil || t.ScriptRun.Transcript == "" {
		problem(c, http.StatusNotFound, "", "task %s has no network transcript", t.TaskID.Hex())
		return
	}
	if a.cfg.Scripts == nil {
		problem(c, http.StatusServiceUnavailable, "", "this coordinator keeps no scripts")
		return
	}
	ctx, cancel := context.WithTimeout(c.Request.Context(), transcriptTimeout)
	defer cancel()
	b, err := a.cfg.Scripts.Transcript(ctx, t.ScriptRun.Transcript)
	if err != nil {
		problem(c, http.StatusNotFound, "", "transcript %s is not held here: %v", t.ScriptRun.Transcript, err)
		return
	}
	c.Data(http.StatusOK, "application/json", b)
}

// MaxScriptBytes caps an uploaded script.
const MaxScriptBytes = 1 << 20

// Script runtimes as the request names them; the system we replace used
// file extensions.
var runtimes = map[string]string{
	"js": attestation.RuntimeNode, "javascript": attestation.RuntimeNode, "node": attestation.RuntimeNode,
	"ts": attestation.RuntimeTypeScript, "typescript": attestation.RuntimeTypeScript,
	"py": attestation.RuntimePython, "python": attestation.RuntimePython,
	"go": attestation.RuntimeGo,
}

// parseScript reads a script job's script: script_cid, or the
// dynamic_arguments_script_url of the system we replace in its ipfs://CID or
// …/ipfs/CID forms; script_language (js, ts, py, go); allowed_hosts;
// tolerance_paths and relative_tolerance.
func parseScript(f requestFields) (*attestation.Script, error) {
	ref, err := f.str("script_cid")
	if err != nil {
		return nil, err
	}
	field := "script_cid"
	if ref == "" {
		if ref, err = f.str("dynamic_arguments_script_url"); err != nil {
			return nil, err
		}
		field = "dynamic_arguments_script_url"
	}
	if ref == "" {
		return nil, badField("script_cid", "is required for a script job: upload the script with POST /api/scripts")
	}
	cid := ref
	if i := strings.LastIndex(ref, "/ipfs/"); i >= 0 {
		cid = ref[i+len("/ipfs/"):]
	}
	cid = strings.TrimPrefix(cid, "ipfs://")
	if cid == "" || strings.ContainsAny(cid, "/?# ") {
		return nil, badField(field, "must be a CID, ipfs://CID or a gateway URL ending in /ipfs/CID")
	}
	lang, err := f.str("script_language")
	if err != nil {
		return nil, err
	}
	if lang == "" {
		if lang, err = f.str("language"); err != nil {
			return nil, err
		}
	}
	runtime, ok := runtimes[strings.ToLower(lang)]
	if !ok {
		return nil, badField("script_language", "must be js, ts, py or go")
	}
	hosts, err := f.strings("allowed_hosts")
	if err != nil {
		return nil, err
	}
	paths, err := f.strings("tolerance_paths")
	if err != nil {
		return nil, err
	}
	tol, err := f.number("relative_tolerance")
	if err != nil {
		return nil, err
	}
	if len(hosts) > 32 || len(paths) > 32 {
		return nil, badField("allowed_hosts", "at most 32 hosts and 32 tolerance paths")
	}
	if err := netproxy.CheckAllowed(hosts); err != nil {
		return nil, badField("allowed_hosts", "%v", err)
	}
	switch {
	case len(paths) > 0 && tol == "":
		return nil, badField("relative_tolerance", "is required with tolerance_paths")
	case len(paths) == 0 && tol != "":
		return nil, badField("tolerance_paths", "is required with relative_tolerance")
	case tol != "":
		if v, err := strconv.ParseFloat(tol, 64); err != nil || v < 0 || v > 1 {
			return nil, badField("relative_tolerance", "must be a fraction between 0 and 1, e.g. 0.01 for 1%%")
		}
	}
	return &attestation.Script{CID: cid, Runtime: runtime, AllowedHosts: hosts, TolerancePaths: paths, RelativeTolerance: tol}, nil
}

// uploadScript stores the request body as a script and answers its CID.
func (a *api) uploadScript(c *gin.Context) {
	if a.cfg.Scripts == nil {
		problem(c, http.StatusNotImplemented, "", "this coordinator has no script store")
		return
	}
	body, err := io.ReadAll(io.LimitReader(c.Request.Body, MaxScriptBytes+1))
	if err != nil {
		a.refuse(c, http.StatusBadRequest, fmt.Errorf("read script: %w", err), -1)
		return
	}
	if len(body) == 0 || len(body) > MaxScriptBytes {
		a.refuse(c, http.StatusBadRequest, fmt.Errorf("a script is 1 to %d bytes", MaxScriptBytes), -1)
		return
	}
	cid, err := a.cfg.Scripts.AddScript(c.Request.Context(), body)
	if err != nil {
		a.fail(c, fmt.Errorf("store script: %w", err))
		return
	}
	c.JSON(http.StatusCreated, gin.H{"cid": cid, "size": len(body)})
}

// checkScript refuses a script job whose script this coordinator cannot
// serve to keepers.
func (a *api) checkScript(ctx context.Context, j Job) error {
	if j.Script == nil {
		return nil
	}
	ok, err := a.cfg.Scripts.HasScript(ctx, j.Script.CID)
	if err != nil && !errors.Is(err, context.Canceled) {
		return newHTTPError(http.StatusBadRequest, "script_cid", "script %s cannot be fetched: %v", j.Script.CID, err)
	}
	if !ok {
		return newHTTPError(http.StatusBadRequest, "script_cid", "script %s is unknown: upload it with POST /api/scripts first", j.Script.CID)
	}
	return nil
}
