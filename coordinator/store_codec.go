package coordinator

import (
	"encoding/json"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/triggerx-network/triggerx/attestation"
)

// storedTask is a task as both stores keep it (JSON): the API hides the
// action, trigger and storage, the stores keep them, since a task is
// dispatched (again, after a restart) from what was stored.
type storedTask struct {
	Task
	StoredAction  storedAction        `json:"action"`
	StoredTrigger attestation.Trigger `json:"trigger"`
	StoredStorage map[string]string   `json:"storage,omitempty"`
}

type storedAction struct {
	ChainID     uint64              `json:"chain_id"`
	Target      common.Address      `json:"target"`
	Function    string              `json:"function"`
	Arguments   []string            `json:"arguments"`
	Script      *attestation.Script `json:"script,omitempty"`
	TargetJobID uint64              `json:"target_job_id,omitempty"`
}

// encodeTask encodes t as the stores keep it.
func encodeTask(t Task) ([]byte, error) {
	a := t.Action
	st := storedTask{Task: t, StoredAction: storedAction{
		ChainID: a.ChainID, Target: a.Target, Function: a.Function, Arguments: a.Arguments, Script: a.Script, TargetJobID: a.TargetJobID,
	}, StoredTrigger: t.Trigger, StoredStorage: t.Storage}
	v, err := json.Marshal(st)
	if err != nil {
		return nil, fmt.Errorf("encode task %s: %w", t.TaskID, err)
	}
	return v, nil
}

// decodeTask decodes a task encoded by encodeTask.
func decodeTask(b []byte) (Task, error) {
	var st storedTask
	if err := json.Unmarshal(b, &st); err != nil {
		return Task{}, err
	}
	t, a := st.Task, st.StoredAction
	t.Action = attestation.Action{ChainID: a.ChainID, Target: a.Target, Function: a.Function, Arguments: a.Arguments,
		Script: a.Script, TargetJobID: a.TargetJobID}
	t.Trigger, t.Storage = st.StoredTrigger, st.StoredStorage
	return t, nil
}
