package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// apiClient talks to the coordinator's REST API.
type apiClient struct {
	base string // http://host:port
	key  string
	http *http.Client
}

func newAPIClient(base, key string) *apiClient {
	return &apiClient{base: base, key: key, http: &http.Client{Timeout: 10 * time.Second}}
}

// jobRequest is the body of POST /api/jobs.
type jobRequest struct {
	JobID                 string   `json:"job_id"`
	UserAddress           string   `json:"user_address"`
	JobTitle              string   `json:"job_title"`
	TaskDefinitionID      int      `json:"task_definition_id"`
	ScheduleType          string   `json:"schedule_type,omitempty"`
	TimeInterval          int64    `json:"time_interval,omitempty"`
	TimeFrame             int64    `json:"time_frame,omitempty"`
	TargetChainID         string   `json:"target_chain_id"`
	TargetContractAddress string   `json:"target_contract_address"`
	TargetFunction        string   `json:"target_function"`
	Arguments             []string `json:"arguments"`
	ScriptCID             string   `json:"script_cid,omitempty"`
	ScriptLanguage        string   `json:"script_language,omitempty"`
	// Event triggers.
	TriggerChainID         string              `json:"trigger_chain_id,omitempty"`
	TriggerContractAddress string              `json:"trigger_contract_address,omitempty"`
	TriggerEvent           string              `json:"trigger_event,omitempty"`
	EventFilters           []map[string]string `json:"event_filters,omitempty"`
	Recurring              bool                `json:"recurring,omitempty"`
	// Condition triggers.
	ConditionType       string `json:"condition_type,omitempty"`
	LowerLimit          string `json:"lower_limit,omitempty"`
	ValueSourceType     string `json:"value_source_type,omitempty"`
	ValueSourceChainID  string `json:"value_source_chain_id,omitempty"`
	ValueSourceContract string `json:"value_source_contract,omitempty"`
	ValueSourceFunction string `json:"value_source_function,omitempty"`
	PollInterval        int64  `json:"poll_interval,omitempty"`
}

// task is a task as GET /api/jobs/:id/tasks lists it.
type task struct {
	TaskID               common.Hash    `json:"task_id"`
	JobID                string         `json:"job_id"`
	TaskStatus           string         `json:"task_status"`
	TaskPerformer        common.Address `json:"task_performer"`
	ExecutionTxHash      common.Hash    `json:"execution_tx_hash"`
	TaskSubmissionTxHash common.Hash    `json:"task_submission_tx_hash"`
	TaskAttesterIDs      []uint64       `json:"task_attester_ids"`
	TaskNumber           uint64         `json:"task_number"`
	ScheduledAt          time.Time      `json:"scheduled_at"`
	TaskError            string         `json:"task_error"`
}

// Task statuses the coordinator reports.
const (
	statusCompleted = "completed"
	statusRejected  = "rejected"
	statusFailed    = "failed"
)

func (a *apiClient) do(ctx context.Context, method, path string, body any, want int, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return fmt.Errorf("encode request: %w", err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, a.base+path, rd)
	if err != nil {
		return fmt.Errorf("build request: %w", err)
	}
	req.Header.Set("X-Api-Key", a.key)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := a.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		return fmt.Errorf("read response: %w", err)
	}
	if resp.StatusCode != want {
		return fmt.Errorf("%s %s: status %d, want %d: %s", method, path, resp.StatusCode, want, strings.TrimSpace(string(data)))
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			return fmt.Errorf("decode %s %s response: %w", method, path, err)
		}
	}
	return nil
}

// healthy reports whether GET /health answers 200.
// uploadScript stores a job script in the coordinator and returns its CID.
func (a *apiClient) uploadScript(ctx context.Context, src string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.base+"/api/scripts", strings.NewReader(src))
	if err != nil {
		return "", err
	}
	req.Header.Set("X-Api-Key", a.key)
	resp, err := a.http.Do(req)
	if err != nil {
		return "", fmt.Errorf("upload script: %w", err)
	}
	defer resp.Body.Close()
	var out struct {
		CID   string `json:"cid"`
		Error string `json:"error"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<16)).Decode(&out); err != nil || resp.StatusCode != http.StatusCreated {
		return "", fmt.Errorf("upload script: HTTP %d %s", resp.StatusCode, out.Error)
	}
	return out.CID, nil
}

// keepersHeard returns how many registered keepers the coordinator hears
// heartbeats from, of how many.
func (a *apiClient) keepersHeard(ctx context.Context) (heard, total int, err error) {
	var ks []struct {
		Online        *bool     `json:"online"`
		LastHeartbeat time.Time `json:"last_heartbeat"`
	}
	if err := a.do(ctx, http.MethodGet, "/api/v1/keepers", nil, http.StatusOK, &ks); err != nil {
		return 0, 0, err
	}
	for _, k := range ks {
		if k.Online != nil && *k.Online && !k.LastHeartbeat.IsZero() {
			heard++
		}
	}
	return heard, len(ks), nil
}

func (a *apiClient) healthy(ctx context.Context) error {
	return a.do(ctx, http.MethodGet, "/health", nil, http.StatusOK, nil)
}

func (a *apiClient) registerJob(ctx context.Context, j jobRequest) error {
	if err := a.do(ctx, http.MethodPost, "/api/jobs", j, http.StatusCreated, nil); err != nil {
		return fmt.Errorf("register job %s: %w", j.JobID, err)
	}
	return nil
}

func (a *apiClient) tasks(ctx context.Context, jobID uint64) ([]task, error) {
	var ts []task
	if err := a.do(ctx, http.MethodGet, fmt.Sprintf("/api/jobs/%d/tasks", jobID), nil, http.StatusOK, &ts); err != nil {
		return nil, fmt.Errorf("list tasks: %w", err)
	}
	return ts, nil
}

// follower prints each task of a job once it reaches a final status.
type follower struct {
	api      *apiClient
	jobID    uint64                    // the job followed
	more     []uint64                  // further jobs followed (the script examples)
	names    map[common.Address]string // account names for printing
	seen     map[common.Hash]bool
	poll     time.Duration
	warnings io.Writer
}

// finalized reports whether a status is final for a task's on-chain
// outcome: the AttestationCenter accepted or rejected it.
func finalized(status string) bool { return status == statusCompleted || status == statusRejected }

// step polls once and prints the newly finished tasks, oldest first. It
// returns how many newly reached completed or rejected.
func (f *follower) step(ctx context.Context, out io.Writer) (int, error) {
	var ts []task
	for _, id := range append([]uint64{f.jobID}, f.more...) {
		jt, err := f.api.tasks(ctx, id)
		if err != nil {
			return 0, err
		}
		ts = append(ts, jt...)
	}
	n := 0
	for i := len(ts) - 1; i >= 0; i-- { // the API lists newest first
		t := ts[i]
		if f.seen[t.TaskID] || !(finalized(t.TaskStatus) || t.TaskStatus == statusFailed) {
			continue
		}
		f.seen[t.TaskID] = true
		fmt.Fprintln(out, f.describe(t))
		if finalized(t.TaskStatus) {
			n++
		}
	}
	return n, nil
}

func (f *follower) describe(t task) string {
	id := shortHash(t.TaskID)
	if t.TaskStatus == statusFailed {
		return fmt.Sprintf("✗ task %s failed: %s (scheduled %s)", id, t.TaskError, t.ScheduledAt.Local().Format(time.TimeOnly))
	}
	mark := "✓"
	if t.TaskStatus == statusRejected {
		mark = "✗"
	}
	performer := t.TaskPerformer.Hex()
	if name, ok := f.names[t.TaskPerformer]; ok {
		performer = name + " " + performer
	}
	return fmt.Sprintf("%s job %s task %s %s #%d  performer %s  execution tx %s  attesters %v  submission tx %s",
		mark, t.JobID, id, t.TaskStatus, t.TaskNumber, performer, t.ExecutionTxHash.Hex(), t.TaskAttesterIDs, t.TaskSubmissionTxHash.Hex())
}

func shortHash(h common.Hash) string { return h.Hex()[:10] }

// errNoProgress is returned when no task finalized within the timeout.
var errNoProgress = errors.New("no task finalized")

// followOptions bound a follow.
type followOptions struct {
	tasks   int           // stop after this many finalized tasks; 0: never
	timeout time.Duration // fail (tasks > 0) or warn (tasks == 0) after this long without one
}

// follow polls until ctx ends, o.tasks tasks finalized, or (with o.tasks)
// none finalizes within o.timeout. check, called on every poll, reports a
// fatal problem of the network (a process that died).
func (f *follower) follow(ctx context.Context, out io.Writer, o followOptions, check func() error) error {
	total := 0
	last := time.Now()
	var lastErr error
	ticker := time.NewTicker(f.poll)
	defer ticker.Stop()
	for {
		if err := check(); err != nil {
			return err
		}
		n, err := f.step(ctx, out)
		switch {
		case err != nil && ctx.Err() == nil:
			if lastErr == nil || lastErr.Error() != err.Error() {
				fmt.Fprintf(f.warnings, "! %v (retrying)\n", err)
			}
			lastErr = err
		case err == nil:
			lastErr = nil
		}
		if n > 0 {
			total += n
			last = time.Now()
			if o.tasks > 0 && total >= o.tasks {
				return nil
			}
		}
		if o.timeout > 0 && time.Since(last) > o.timeout {
			if o.tasks > 0 {
				return fmt.Errorf("%w within %s (%d of %d so far)", errNoProgress, o.timeout, total, o.tasks)
			}
			fmt.Fprintf(f.warnings, "! no task finalized in the last %s; check the logs\n", o.timeout)
			last = time.Now()
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ticker.C:
		}
	}
}
