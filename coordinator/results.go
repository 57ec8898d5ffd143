package coordinator

import (
	"context"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/execution/script"
)

// RecordResult keeps on the task what its assigned performer's signed
// result (already checked by the gossip validators) says about a script run,
// so the API shows the run's inputs and resources, and, for an action on
// another chain than the home one (whose hub the monitor does not follow),
// the execution transaction and the target's outcome. Attesters check both
// before the task is accepted. Results of tasks this coordinator does not
// know, or from anyone but the assigned performer, are ignored.
func RecordResult(ctx context.Context, store Store, r attestation.Result) error {
	_, err := store.UpdateTask(ctx, r.TaskID, func(t *Task) error {
		if t.TaskPerformer != r.Performer {
			return nil
		}
		if r.Script != nil && t.ScriptRun == nil {
			t.ScriptRun = r.Script.Clone()
		}
		if t.Action.TargetJobID != 0 && t.ExecutionTxHash == (common.Hash{}) && r.TxHash != (common.Hash{}) {
			t.ExecutionTxHash, t.IsSuccessful = r.TxHash, r.Success
		}
		return nil
	})
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	return applyStorage(ctx, store, r.TaskID)
}

// applyStorage applies an accepted script task's storage updates to its
// job's storage, once: when both the task's acceptance (the monitor) and its
// script run (the performer's result) are known, whichever comes last.
func applyStorage(ctx context.Context, store Store, taskID common.Hash) error {
	t, err := store.Task(ctx, taskID)
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		return err
	}
	if t.TaskStatus != TaskCompleted || !t.IsAccepted || t.ScriptRun == nil || t.StorageApplied {
		return nil
	}
	if len(t.ScriptRun.StorageUpdates) > 0 {
		_, _, err = store.UpdateJob(ctx, uint64(t.JobID), func(j *Job) (*Task, error) {
			storage, err := script.ApplyStorage(j.Storage, t.ScriptRun.StorageUpdates)
			if err != nil {
				return nil, err
			}
			j.Storage = storage
			return nil, nil
		})
		if err != nil && !errors.Is(err, ErrNotFound) {
			return fmt.Errorf("apply storage of task %s: %w", taskID, err)
		}
	}
	_, err = store.UpdateTask(ctx, taskID, func(t *Task) error { t.StorageApplied = true; return nil })
	return err
}
