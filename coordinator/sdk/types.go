package sdk

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// JobRequest is one job as POST /api/v1/jobs and POST
// /api/v1/jobs/commitment take it. Zero fields are left out of the
// request. Fields holds every other field by its API name: the trigger
// (cron_expression, specific_schedule, trigger_*, condition_type,
// value_source_*, ...) and a script job's script_* fields; a named field
// there is overridden by the struct's.
//
// It decodes from JSON with the API's leniency: ids and numbers as JSON
// numbers or decimal strings, abi as a string or a JSON array; unknown
// fields go to Fields.
type JobRequest struct {
	// JobID is the id JobRegistry.createJob returned; 0 before the job is
	// created on-chain.
	JobID            uint64
	UserAddress      string
	JobTitle         string
	TaskDefinitionID uint16
	ScheduleType     string
	TimeInterval     uint64 // seconds
	TimeFrame        uint64 // seconds; 0 = no expiry
	StartTime        uint64 // unix seconds, part of the commitment
	EndTime          uint64 // unix seconds, part of the commitment
	TargetChainID    uint64
	// TargetJobID is the job's id on the target chain, when that is not
	// the home chain.
	TargetJobID           uint64
	TargetContractAddress string
	// TargetFunction is a canonical signature ("increment(uint256)") or a
	// method name of ABI.
	TargetFunction string
	ABI            string // the contract ABI as JSON text
	Arguments      []string
	Fields         map[string]any
}

// jobRequestFields are the API names of JobRequest's own fields.
var jobRequestFields = []string{
	"job_id", "user_address", "job_title", "task_definition_id", "schedule_type", "time_interval", "time_frame",
	"start_time", "end_time", "target_chain_id", "target_job_id", "target_contract_address", "target_function", "abi", "arguments",
}

// MarshalJSON encodes r as the API takes it: ids as decimal strings.
func (r JobRequest) MarshalJSON() ([]byte, error) {
	m := maps.Clone(r.Fields)
	if m == nil {
		m = map[string]any{}
	}
	for _, k := range jobRequestFields {
		delete(m, k)
	}
	str := func(k, v string) {
		if v != "" {
			m[k] = v
		}
	}
	id := func(k string, v uint64) {
		if v != 0 {
			m[k] = strconv.FormatUint(v, 10)
		}
	}
	num := func(k string, v uint64) {
		if v != 0 {
			m[k] = v
		}
	}
	id("job_id", r.JobID)
	str("user_address", r.UserAddress)
	str("job_title", r.JobTitle)
	num("task_definition_id", uint64(r.TaskDefinitionID))
	str("schedule_type", r.ScheduleType)
	num("time_interval", r.TimeInterval)
	num("time_frame", r.TimeFrame)
	num("start_time", r.StartTime)
	num("end_time", r.EndTime)
	id("target_chain_id", r.TargetChainID)
	id("target_job_id", r.TargetJobID)
	str("target_contract_address", r.TargetContractAddress)
	str("target_function", r.TargetFunction)
	str("abi", r.ABI)
	if r.Arguments != nil {
		m["arguments"] = r.Arguments
	}
	return json.Marshal(m)
}

// UnmarshalJSON decodes a job object; an error names the field.
func (r *JobRequest) UnmarshalJSON(b []byte) error {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(b, &fields); err != nil {
		return fmt.Errorf("job is not a JSON object: %w", err)
	}
	var out JobRequest
	var errs []error
	str := func(k string, dst *string) {
		if v, ok := fields[k]; ok && string(v) != "null" {
			if json.Unmarshal(v, dst) != nil {
				errs = append(errs, fmt.Errorf("%s: must be a string", k))
			}
		}
	}
	uint := func(k string, dst *uint64, max uint64) {
		v, ok := fields[k]
		if !ok || string(v) == "null" {
			return
		}
		s := string(bytes.TrimSpace(v))
		if len(s) > 0 && s[0] == '"' {
			_ = json.Unmarshal(v, &s)
		}
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil || n > max {
			errs = append(errs, fmt.Errorf("%s: must be an unsigned integer up to %d, got %s", k, max, v))
			return
		}
		*dst = n
	}
	const u64 = ^uint64(0)
	var tdid uint64
	uint("job_id", &out.JobID, u64)
	str("user_address", &out.UserAddress)
	str("job_title", &out.JobTitle)
	uint("task_definition_id", &tdid, 0xffff)
	out.TaskDefinitionID = uint16(tdid)
	str("schedule_type", &out.ScheduleType)
	uint("time_interval", &out.TimeInterval, u64)
	uint("time_frame", &out.TimeFrame, u64)
	uint("start_time", &out.StartTime, u64)
	uint("end_time", &out.EndTime, u64)
	uint("target_chain_id", &out.TargetChainID, u64)
	uint("target_job_id", &out.TargetJobID, u64)
	str("target_contract_address", &out.TargetContractAddress)
	str("target_function", &out.TargetFunction)
	if v, ok := fields["abi"]; ok && string(v) != "null" {
		if t := bytes.TrimSpace(v); len(t) > 0 && t[0] == '[' {
			var buf bytes.Buffer
			if err := json.Compact(&buf, t); err != nil {
				errs = append(errs, fmt.Errorf("abi: %w", err))
			}
			// json.Compact keeps invalid UTF-8 as it is, which a JSON
			// string cannot hold; decoding a string would have replaced
			// it, so replace it the same way.
			out.ABI = strings.ToValidUTF8(buf.String(), "\uFFFD")
		} else if json.Unmarshal(v, &out.ABI) != nil {
			errs = append(errs, fmt.Errorf("abi: must be a string or a JSON array"))
		}
	}
	if v, ok := fields["arguments"]; ok && string(v) != "null" {
		if json.Unmarshal(v, &out.Arguments) != nil {
			errs = append(errs, fmt.Errorf("arguments: must be an array of strings"))
		}
	}
	for _, k := range jobRequestFields {
		delete(fields, k)
	}
	for k, v := range fields {
		d := json.NewDecoder(bytes.NewReader(v))
		d.UseNumber()
		var x any
		if err := d.Decode(&x); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", k, err))
			continue
		}
		if out.Fields == nil {
			out.Fields = map[string]any{}
		}
		out.Fields[k] = x
	}
	if len(errs) > 0 {
		return errs[0]
	}
	*r = out
	return nil
}

// Job is a registered job as the API shows it.
type Job struct {
	JobID            uint64         `json:"job_id,string"`
	UserAddress      common.Address `json:"user_address"`
	JobTitle         string         `json:"job_title"`
	TaskDefinitionID uint16         `json:"task_definition_id"`
	ScheduleType     string         `json:"schedule_type"`
	TimeInterval     int64          `json:"time_interval"`
	TimeFrame        int64          `json:"time_frame"`
	StartTime        int64          `json:"start_time,omitempty"`
	EndTime          int64          `json:"end_time,omitempty"`
	// Trigger is what makes the job fire, as the coordinator's
	// attestation.Trigger encodes it.
	Trigger               json.RawMessage   `json:"trigger"`
	ExpirationTime        time.Time         `json:"expiration_time,omitzero"`
	TargetChainID         uint64            `json:"target_chain_id,string"`
	TargetJobID           uint64            `json:"target_job_id,string,omitzero"`
	TargetContractAddress common.Address    `json:"target_contract_address"`
	TargetFunction        string            `json:"target_function"`
	ABI                   string            `json:"abi,omitempty"`
	Arguments             []string          `json:"arguments"`
	Script                json.RawMessage   `json:"script,omitempty"`
	Storage               map[string]string `json:"storage,omitempty"`
	// Status is active, paused, expired, deleted or completed.
	Status                 string    `json:"status"`
	NextExecutionTimestamp time.Time `json:"next_execution_timestamp,omitzero"`
	CreatedAt              time.Time `json:"created_at"`
	UpdatedAt              time.Time `json:"updated_at"`
	// TaskIDs are the job's most recent task ids, newest first; empty in
	// a listing.
	TaskIDs []common.Hash `json:"task_ids"`
}

// Job statuses.
const (
	JobActive    = "active"
	JobPaused    = "paused"
	JobExpired   = "expired"
	JobDeleted   = "deleted"
	JobCompleted = "completed"
)

// Task statuses.
const (
	TaskProcessing = "processing"
	TaskDispatched = "dispatched"
	TaskCompleted  = "completed"
	TaskRejected   = "rejected"
	TaskFailed     = "failed"
)

// Task is one firing of a job as the API shows it.
type Task struct {
	TaskID               common.Hash     `json:"task_id"`
	JobID                uint64          `json:"job_id,string"`
	TaskDefinitionID     uint16          `json:"task_definition_id"`
	TriggerKey           common.Hash     `json:"trigger_key"`
	ScheduledAt          time.Time       `json:"scheduled_at"`
	TaskStatus           string          `json:"task_status"`
	TaskPerformer        common.Address  `json:"task_performer,omitzero"`
	Round                uint32          `json:"round"`
	Deadline             time.Time       `json:"deadline,omitzero"`
	ExecutionTxHash      common.Hash     `json:"execution_tx_hash,omitzero"`
	ExecutionTimestamp   time.Time       `json:"execution_timestamp,omitzero"`
	IsSuccessful         bool            `json:"is_successful"`
	TaskSubmissionTxHash common.Hash     `json:"task_submission_tx_hash,omitzero"`
	TaskNumber           uint64          `json:"task_number"`
	TaskAttesterIDs      []uint64        `json:"task_attester_ids"`
	IsAccepted           bool            `json:"is_accepted"`
	TaskError            string          `json:"task_error,omitempty"` // a reason code
	CreatedAt            time.Time       `json:"created_at"`
	UpdatedAt            time.Time       `json:"updated_at"`
	Firing               json.RawMessage `json:"firing,omitempty"`
	ScriptRun            json.RawMessage `json:"script_run,omitempty"`
	StorageApplied       bool            `json:"storage_applied,omitzero"`
}

// JobPage is a page of GET /api/v1/jobs.
type JobPage struct {
	Jobs []Job `json:"jobs"`
	// NextCursor continues the listing; empty on the last page.
	NextCursor string `json:"next_cursor,omitempty"`
}

// Commitment is what JobRegistry.createJob takes for a job, as POST
// /api/v1/jobs/commitment answers it.
type Commitment struct {
	TaskDefinitionID      uint16         `json:"task_definition_id"`
	TargetContractAddress common.Address `json:"target_contract_address"`
	SpecHash              common.Hash    `json:"spec_hash"`
	// JobRegistry is the coordinator's JobRegistry; zero when it did not say.
	JobRegistry common.Address `json:"job_registry,omitzero"`
	// ChainID is the coordinator's home chain; 0 when it did not say.
	ChainID uint64 `json:"chain_id,string,omitzero"`
}

// JobPatch changes a job's fields that are not part of its on-chain
// commitment; nil fields stay.
type JobPatch struct {
	JobTitle  *string `json:"job_title,omitempty"`
	TimeFrame *int64  `json:"time_frame,omitempty"` // seconds from creation; 0 = no expiry
}

// TaskProof is the Merkle proof of a task recorded in a batch: Proof leads
// from LeafHash (the vote digest of Leaf) to Root, the root the
// AttestationCenter stored for Batch. AttestationCenter.proveTask(leaf,
// batch, proof) checks it on-chain.
type TaskProof struct {
	TaskID            common.Hash    `json:"task_id"`
	AttestationCenter common.Address `json:"attestation_center"`
	SubmissionTx      common.Hash    `json:"submission_tx_hash"`
	Batch             string         `json:"batch"` // decimal
	Root              common.Hash    `json:"root"`
	Leaf              ProofLeaf      `json:"leaf"`
	LeafHash          common.Hash    `json:"leaf_hash"`
	Proof             []common.Hash  `json:"proof"`
	BatchSize         int            `json:"batch_size"`
}

// ProofLeaf is a task's verdict as proveTask takes it.
type ProofLeaf struct {
	TaskID           common.Hash `json:"task_id"`
	JobID            uint64      `json:"job_id"`
	TaskDefinitionID uint16      `json:"task_definition_id"`
	ResultHash       common.Hash `json:"result_hash"`
	Approve          bool        `json:"approve"`
}

// FeeQuote is the expected fee of one execution of a job; amounts are
// decimal strings in wei.
type FeeQuote struct {
	JobID             uint64 `json:"job_id"`
	Gas               uint64 `json:"gas"`
	GasSource         string `json:"gas_source"` // "estimate" or "last_execution"
	GasPrice          string `json:"gas_price_wei"`
	MaxGasPrice       string `json:"max_gas_price_wei"`
	PremiumBps        uint64 `json:"premium_bps"`
	FixedFee          string `json:"fixed_fee_wei"`
	Fee               string `json:"fee_wei"`
	MaxFee            string `json:"max_fee_wei"`
	OwnerBalance      string `json:"owner_balance_wei"`
	ExecutionsCovered string `json:"executions_covered"`
}

// Keeper is a registered keeper with its activity.
type Keeper struct {
	ID             uint64         `json:"id"`
	Address        common.Address `json:"address"`
	Status         string         `json:"status"` // active, exiting or exited
	Active         bool           `json:"active"`
	WithdrawableAt time.Time      `json:"withdrawable_at,omitzero"`
	Stake          string         `json:"stake"` // wei, decimal
	// VotingPower is the keeper's share of the active stake, in percent.
	VotingPower  float64 `json:"voting_power"`
	BLSPublicKey string  `json:"bls_public_key"`
	// Online is whether the coordinator hears the keeper's heartbeats; nil
	// when the coordinator does not track them.
	Online        *bool     `json:"online,omitempty"`
	LastHeartbeat time.Time `json:"last_heartbeat,omitzero"`
	UptimeSeconds int64     `json:"uptime_seconds"`
	Version       string    `json:"version,omitempty"`
	PeerID        string    `json:"peer_id,omitempty"`
	Points        int64     `json:"points"`
	// TasksPerformed, TasksFailed and TasksRejected count the finished
	// tasks the keeper performed; TasksAttested the certificates it signed.
	TasksPerformed uint64    `json:"tasks_performed"`
	TasksFailed    uint64    `json:"tasks_failed"`
	TasksRejected  uint64    `json:"tasks_rejected"`
	TasksAttested  uint64    `json:"tasks_attested"`
	LastTaskAt     time.Time `json:"last_task_at,omitzero"`
	Rank           int       `json:"rank,omitempty"` // leaderboard place, 1 = first
}

// APIKey is an API key as the API shows it: masked, except for Key right
// after it was created or rotated.
type APIKey struct {
	ID        string     `json:"id"`
	Key       string     `json:"key,omitempty"`
	Prefix    string     `json:"prefix"`
	MaskedKey string     `json:"masked_key"`
	Owner     string     `json:"owner"`
	Scope     string     `json:"scope"` // user or admin
	RateLimit int        `json:"rate_limit"`
	IsActive  bool       `json:"is_active"`
	CreatedAt time.Time  `json:"created_at"`
	RevokedAt *time.Time `json:"revoked_at,omitempty"`
}

// KeyRequest asks for a new API key. An admin key creates keys of any
// owner and scope; a user key creates user keys of its own owner.
type KeyRequest struct {
	Owner     string `json:"owner,omitempty"` // a user key's owner is the 0x address of its jobs
	Scope     string `json:"scope,omitempty"` // "user" (default) or "admin"
	RateLimit *int   `json:"rate_limit,omitempty"`
}

// ScriptUpload is the answer of POST /api/v1/scripts.
type ScriptUpload struct {
	CID  string `json:"cid"`
	Size int    `json:"size"`
}
