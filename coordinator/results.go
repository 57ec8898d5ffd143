package coordinator

import (
	"context"
	"errors"

	"github.com/triggerx-network/triggerx/attestation"
)

// RecordResult keeps on the task what its assigned performer's signed
// result (already checked by the gossip validators) says about a script run,
// so the API shows the run's inputs and resources. Results of tasks this
// coordinator does not know, or from anyone but the assigned performer, are
// ignored.
func RecordResult(ctx context.Context, store Store, r attestation.Result) error {
	if r.Script == nil {
		return nil
	}
	_, err := store.UpdateTask(ctx, r.TaskID, func(t *Task) error {
		if t.TaskPerformer == r.Performer {
			t.ScriptRun = r.Script.Clone()
		}
		return nil
	})
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}
