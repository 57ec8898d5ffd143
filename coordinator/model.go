package coordinator

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/triggerx-network/triggerx/attestation"
)

// Errors callers branch on.
var (
	// ErrNotFound is returned by a Store when a job, task, API key or cursor
	// does not exist.
	ErrNotFound = errors.New("not found")
	// ErrExists is returned by Store.CreateJobs when a job id is already taken.
	ErrExists = errors.New("already exists")
	// ErrBadCursor is returned by Store.ListJobs for a cursor it did not issue.
	ErrBadCursor = errors.New("invalid cursor")
)

// JobStatus is the lifecycle state of a job.
type JobStatus string

// Job statuses. Only active jobs are scheduled.
const (
	JobActive  JobStatus = "active"
	JobPaused  JobStatus = "paused"  // paused by its owner; no firings until resumed
	JobExpired JobStatus = "expired" // past its time frame; no more firings
	JobDeleted JobStatus = "deleted" // deleted by its owner; no more firings
	// JobCompleted: a one-time event or condition job fired; no more firings.
	JobCompleted JobStatus = "completed"
)

// TaskStatus is the lifecycle state of a task:
//
//	processing ─▶ dispatched ─▶ completed | rejected
//	     └──────────────────────▶ failed
type TaskStatus string

// Task statuses.
const (
	TaskProcessing TaskStatus = "processing" // created, not yet handed to a performer
	TaskDispatched TaskStatus = "dispatched" // signed assignment published
	TaskCompleted  TaskStatus = "completed"  // accepted by the AttestationCenter
	TaskRejected   TaskStatus = "rejected"   // rejected by the AttestationCenter
	TaskFailed     TaskStatus = "failed"     // given up; TaskError holds the reason code
)

// awaitsExecution reports whether t is dispatched and no execution of it
// is recorded yet: the tasks Store.OverdueTasks indexes by deadline.
func (t Task) awaitsExecution() bool {
	return t.TaskStatus == TaskDispatched && t.ExecutionTxHash == (common.Hash{})
}

// Terminal reports whether no further transition is expected.
func (s TaskStatus) Terminal() bool {
	return s == TaskCompleted || s == TaskRejected || s == TaskFailed
}

// Reason codes recorded in Task.TaskError when the coordinator gives up on a
// task. This block is the catalogue; add new codes here.
const (
	// ReasonDispatchTimeout: the task could not be dispatched (no keepers,
	// gossip down) within the scheduler's maximum dispatch age.
	ReasonDispatchTimeout = "dispatch_timeout"
	// ReasonJobDeleted: the job was deleted before the task was dispatched.
	ReasonJobDeleted = "job_deleted"
	// ReasonNoPerformer: every keeper of the task's performer order was
	// given its turn (Dispatcher.Fallback) and none executed it.
	ReasonNoPerformer = "no_performer"
)

// ScheduleInterval is the only schedule type supported so far.
const ScheduleInterval = "interval"

// Decimal is an unsigned 64-bit number that JSON-encodes as a decimal string
// (the form SDKs of the system we replace send for ids) and decodes from a
// decimal string or a JSON number.
type Decimal uint64

// MarshalJSON encodes d as a decimal string.
func (d Decimal) MarshalJSON() ([]byte, error) {
	return strconv.AppendQuote(nil, strconv.FormatUint(uint64(d), 10)), nil
}

// UnmarshalJSON accepts "123" or 123. Negative, fractional, exponent, empty
// and out-of-range values are rejected.
func (d *Decimal) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("decode decimal string: %w", err)
		}
		b = []byte(s)
	}
	v, err := parseDecimal(string(b))
	if err != nil {
		return err
	}
	*d = Decimal(v)
	return nil
}

// parseDecimal parses a plain unsigned decimal: digits only, no sign, no
// leading zeros (except "0"), at most MaxUint64.
func parseDecimal(s string) (uint64, error) {
	if s == "" {
		return 0, errors.New("empty number")
	}
	if len(s) > 1 && s[0] == '0' {
		return 0, fmt.Errorf("%q has a leading zero", s)
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, fmt.Errorf("%q is not an unsigned decimal integer", s)
		}
	}
	v, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is out of range (max %d)", s, uint64(math.MaxUint64))
	}
	return v, nil
}

// Job is a registered automation job. Field names follow the REST API of the
// system we replace, so SDK users recognise them.
type Job struct {
	JobID            Decimal                      `json:"job_id"` // the on-chain JobRegistry id
	UserAddress      common.Address               `json:"user_address"`
	JobTitle         string                       `json:"job_title"`
	TaskDefinitionID attestation.TaskDefinitionID `json:"task_definition_id"`
	ScheduleType     string                       `json:"schedule_type"`
	TimeInterval     int64                        `json:"time_interval"` // seconds
	TimeFrame        int64                        `json:"time_frame"`    // seconds; 0 = no expiry
	// StartTime and EndTime (unix seconds, 0 for none) bound the schedule and
	// are part of the on-chain commitment, unlike TimeFrame, which is a
	// coordinator-side expiry counted from registration.
	StartTime int64 `json:"start_time,omitempty"`
	EndTime   int64 `json:"end_time,omitempty"`
	// Trigger is what makes the job fire; with the action it hashes to the
	// commitment stored in the JobRegistry (attestation.JobCommitment).
	Trigger attestation.Trigger `json:"trigger"`
	// ExpirationTime is CreatedAt + TimeFrame; zero when the job never expires.
	ExpirationTime time.Time `json:"expiration_time,omitzero"`
	TargetChainID  Decimal   `json:"target_chain_id"`
	// TargetJobID is the job's id in the JobRegistry of the target chain,
	// when that is not the home chain; part of the commitment.
	TargetJobID           Decimal        `json:"target_job_id,omitzero"`
	TargetContractAddress common.Address `json:"target_contract_address"`
	// TargetFunction is the canonical signature, e.g. "increment(uint256)".
	TargetFunction string   `json:"target_function"`
	ABI            string   `json:"abi,omitempty"` // as sent, when the request named a method
	Arguments      []string `json:"arguments"`
	// Script computes the arguments (2, 4, 6) or the whole call (7).
	Script *attestation.Script `json:"script,omitzero"`
	// Storage is a script job's key-value storage, updated by each accepted
	// task's script run and given to the next run.
	Storage map[string]string `json:"storage,omitzero"`
	Status  JobStatus         `json:"status"`
	// NextExecutionTimestamp is the next slot to fire; zero once the job is
	// no longer active.
	NextExecutionTimestamp time.Time `json:"next_execution_timestamp,omitzero"`
	CreatedAt              time.Time `json:"created_at"`
	UpdatedAt              time.Time `json:"updated_at"`
	// TaskIDs lists the ids of the job's most recent tasks (at most 100),
	// newest first; GET /api/jobs/:job_id/tasks pages further. Stores do not
	// keep it; the API fills it from Store.Tasks.
	TaskIDs []common.Hash `json:"task_ids"`
}

// Clone returns a deep copy of j.
func (j Job) Clone() Job {
	j.Trigger = j.Trigger.Clone()
	j.Script = j.Script.Clone()
	j.Storage = maps.Clone(j.Storage)
	j.Arguments = slices.Clone(j.Arguments)
	j.TaskIDs = slices.Clone(j.TaskIDs)
	return j
}

// Action is what each firing of the job calls on-chain.
func (j Job) Action() attestation.Action {
	return attestation.Action{
		ChainID:     uint64(j.TargetChainID),
		Target:      j.TargetContractAddress,
		Function:    j.TargetFunction,
		Arguments:   slices.Clone(j.Arguments),
		Script:      j.Script.Clone(),
		TargetJobID: uint64(j.TargetJobID),
	}
}

// Task is one firing of a job as the coordinator tracks it.
type Task struct {
	TaskID           common.Hash                  `json:"task_id"`
	JobID            Decimal                      `json:"job_id"`
	TaskDefinitionID attestation.TaskDefinitionID `json:"task_definition_id"`
	TriggerKey       common.Hash                  `json:"trigger_key"`
	ScheduledAt      time.Time                    `json:"scheduled_at"`
	TaskStatus       TaskStatus                   `json:"task_status"`
	TaskPerformer    common.Address               `json:"task_performer,omitzero"`
	Round            uint32                       `json:"round"`
	// Deadline is when the performer's execution must be on-chain.
	Deadline             time.Time   `json:"deadline,omitzero"`
	ExecutionTxHash      common.Hash `json:"execution_tx_hash,omitzero"`
	ExecutionTimestamp   time.Time   `json:"execution_timestamp,omitzero"` // block time
	IsSuccessful         bool        `json:"is_successful"`                // the target call succeeded
	TaskSubmissionTxHash common.Hash `json:"task_submission_tx_hash,omitzero"`
	TaskNumber           uint64      `json:"task_number"`
	TaskAttesterIDs      []uint64    `json:"task_attester_ids"`
	IsAccepted           bool        `json:"is_accepted"`
	TaskError            string      `json:"task_error,omitempty"` // a reason code
	CreatedAt            time.Time   `json:"created_at"`
	UpdatedAt            time.Time   `json:"updated_at"`

	// Firing is the evidence of the firing: the block, transaction and log
	// of an event, the block of a block trigger, the epoch and value of a
	// condition; empty for time triggers.
	Firing attestation.Firing `json:"firing,omitzero"`
	// ScriptRun is the performer's account of a script job's run — inputs,
	// output hash and the resources it used — as its signed result reported.
	ScriptRun *attestation.ScriptRun `json:"script_run,omitzero"`
	// StorageApplied: the script run's storage updates were applied to the job.
	StorageApplied bool `json:"storage_applied,omitzero"`
	// Storage is the job's storage when the task was created: the script's input.
	Storage map[string]string `json:"-"`
	// Action and Trigger are what the task calls and why, frozen when the
	// task is created so a re-dispatch never depends on the job's current
	// state. Stores keep them; the API shows them on the job instead.
	Action  attestation.Action  `json:"-"`
	Trigger attestation.Trigger `json:"-"`
}

// Clone returns a deep copy of t.
func (t Task) Clone() Task {
	t.TaskAttesterIDs = slices.Clone(t.TaskAttesterIDs)
	t.ScriptRun = t.ScriptRun.Clone()
	t.Storage = maps.Clone(t.Storage)
	t.Action = t.Action.Clone()
	t.Trigger = t.Trigger.Clone()
	return t
}

// Workflow returns the task as the workflow's value type.
func (t Task) Workflow() attestation.Task {
	return attestation.Task{
		ID:               t.TaskID,
		JobID:            uint64(t.JobID),
		TaskDefinitionID: t.TaskDefinitionID,
		TriggerKey:       t.TriggerKey,
		ScheduledAt:      t.ScheduledAt.Unix(),
		Action:           t.Action.Clone(),
		Trigger:          t.Trigger.Clone(),
		Firing:           t.Firing,
		Storage:          maps.Clone(t.Storage),
	}
}

// APIKeyScope is what an API key may do.
type APIKeyScope string

// API key scopes.
const (
	// ScopeUser keys belong to one job owner (Owner is its checksummed
	// address): they see and change that owner's jobs and tasks only, and
	// manage that owner's keys.
	ScopeUser APIKeyScope = "user"
	// ScopeAdmin keys (Owner is a name) see every job and manage every key.
	ScopeAdmin APIKeyScope = "admin"
)

// Valid reports whether s is a known scope.
func (s APIKeyScope) Valid() bool { return s == ScopeUser || s == ScopeAdmin }

// APIKey is a credential for the REST API. Stores keep only its Hash: the
// clear secret is shown once, when the key is created or rotated.
type APIKey struct {
	// ID is the key's public identifier ("key_" and 12 hex digits); it
	// stays the same when the secret is rotated.
	ID string `json:"id"`
	// Key is the clear secret. It is never stored: PutAPIKey reads it to
	// set Hash, and APIKey (the lookup by secret) returns it; everything
	// else leaves it empty.
	Key string `json:"-"`
	// Hash is HashAPIKey(Key), what stores keep and look keys up by.
	Hash      string      `json:"hash"`
	Owner     string      `json:"owner"`
	Scope     APIKeyScope `json:"scope"`
	Prefix    string      `json:"prefix"`               // the secret's first APIKeyPrefixLen characters, for masked display
	RateLimit int         `json:"rate_limit,omitempty"` // requests per minute; 0 = the API's default
	CreatedAt time.Time   `json:"created_at"`
	RevokedAt time.Time   `json:"revoked_at,omitzero"` // zero while the key is active
}

// APIKeyPrefixLen is how many leading characters of a secret APIKey.Prefix keeps.
const APIKeyPrefixLen = 8

// Active reports whether the key is not revoked.
func (k APIKey) Active() bool { return k.RevokedAt.IsZero() }

// apiKeyPepper separates API-key hashes from any other use of SHA-256.
// It is a constant, not a secret, so every Store implementation computes
// the same hash; keys the API generates carry 192 random bits, so a fast
// hash is enough. Changing it invalidates every stored key.
const apiKeyPepper = "triggerx/api-key/v1\x00"

// HashAPIKey returns the hex SHA-256 of the pepper and key: the only form in
// which a Store keeps an API key's secret.
func HashAPIKey(key string) string {
	h := sha256.Sum256([]byte(apiKeyPepper + key))
	return hex.EncodeToString(h[:])
}
