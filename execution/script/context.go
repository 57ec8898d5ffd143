package script

import (
	"bytes"
	"encoding/json"
	"maps"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/triggerx-network/triggerx/attestation"
)

// Context is the JSON document a script reads on stdin. The performer builds
// it for a task at a pinned block; attesters build the same document from
// the same task, block and storage, and Hash shows they ran the same input.
//
// Every field is always present (no omitempty), so a script sees one fixed
// shape whatever the trigger. Integers that fit 53 bits are JSON numbers;
// values that may not (the condition value) are decimal strings; hashes are
// 0x-prefixed lowercase hex.
type Context struct {
	JobID            uint64            `json:"job_id"`
	TaskID           common.Hash       `json:"task_id"`
	TaskDefinitionID uint16            `json:"task_definition_id"`
	Trigger          TriggerContext    `json:"trigger"`
	ChainID          uint64            `json:"chain_id"`     // the chain of the job's action
	BlockNumber      uint64            `json:"block_number"` // the block the run is pinned to, on ChainID
	Timestamp        int64             `json:"timestamp"`    // unix seconds of that block
	Storage          map[string]string `json:"storage"`      // the job's storage before the run; never null
}

// TriggerContext is the firing that made the task: its kind and evidence
// (attestation.Firing). Fields a kind does not use are zero.
type TriggerContext struct {
	Kind           string      `json:"kind"`         // "time", "event", "condition" or "block"
	ScheduledAt    int64       `json:"scheduled_at"` // unix seconds: the slot of a time trigger, the observation time otherwise
	ChainID        uint64      `json:"chain_id"`
	BlockNumber    uint64      `json:"block_number"`
	BlockHash      common.Hash `json:"block_hash"`
	TxHash         common.Hash `json:"tx_hash"`
	LogIndex       uint64      `json:"log_index"`
	ConditionValue string      `json:"condition_value"` // decimal, condition triggers
	ConditionEpoch uint64      `json:"condition_epoch"` // times the condition has risen, condition triggers
}

// BuildContext returns the context of a run of t's script pinned at block
// (on the action's chain) with the block's timestamp and the job's storage
// before the run. storage is copied.
func BuildContext(t attestation.Task, block uint64, timestamp int64, storage map[string]string) Context {
	kind := ""
	switch k := t.Trigger.Kind; k {
	case attestation.TriggerTime, attestation.TriggerEvent, attestation.TriggerCondition, attestation.TriggerBlock:
		kind = k.String()
	}
	st := maps.Clone(storage)
	if st == nil {
		st = map[string]string{}
	}
	return Context{
		JobID:            t.JobID,
		TaskID:           t.ID,
		TaskDefinitionID: uint16(t.TaskDefinitionID),
		Trigger: TriggerContext{
			Kind:           kind,
			ScheduledAt:    t.ScheduledAt,
			ChainID:        t.Firing.ChainID,
			BlockNumber:    t.Firing.BlockNumber,
			BlockHash:      t.Firing.BlockHash,
			TxHash:         t.Firing.TxHash,
			LogIndex:       t.Firing.LogIndex,
			ConditionValue: t.Firing.Value,
			ConditionEpoch: t.Firing.Epoch,
		},
		ChainID:     t.Action.ChainID,
		BlockNumber: block,
		Timestamp:   timestamp,
		Storage:     st,
	}
}

// Clone returns a deep copy of c.
func (c Context) Clone() Context {
	c.Storage = maps.Clone(c.Storage)
	return c
}

// Encode returns the canonical encoding of c, the bytes given to the script
// on stdin: compact JSON, fields in the order of the struct, storage keys
// sorted bytewise, no HTML escaping, no trailing newline. A nil storage is
// encoded as {}.
func (c Context) Encode() []byte {
	if c.Storage == nil {
		c.Storage = map[string]string{}
	}
	return canonicalJSON(c)
}

// Hash is keccak256 of the canonical encoding.
func (c Context) Hash() common.Hash {
	return crypto.Keccak256Hash(c.Encode())
}

// canonicalJSON encodes v, whose types never fail to encode (structs of
// strings, integers, hashes and string maps), as compact JSON without HTML
// escaping. encoding/json writes struct fields in declaration order and map
// keys sorted, so the encoding is deterministic.
func canonicalJSON(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Unreachable for the types passed here; keep the failure visible
		// in the hash rather than panicking.
		return []byte("!" + err.Error())
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}
