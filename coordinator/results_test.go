package coordinator_test

import (
	"context"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/coordinator"
)

func TestRecordResultKeepsTheAssignedPerformersScriptRun(t *testing.T) {
	ctx := context.Background()
	store, tasks := storeWithTasks(t, 1)
	task := tasks[0]
	performer := common.HexToAddress("0xbeef")
	_, err := store.UpdateTask(ctx, task.TaskID, func(tk *coordinator.Task) error { tk.TaskPerformer = performer; return nil })
	require.NoError(t, err)
	run := &attestation.ScriptRun{Block: 9, OutputHash: common.Hash{1}, Resources: attestation.Resources{DurationMs: 83, PeakMemoryBytes: 1 << 20}}

	impostor := attestation.Result{TaskID: task.TaskID, Performer: common.HexToAddress("0xbad"), Script: &attestation.ScriptRun{Block: 1}}
	require.NoError(t, coordinator.RecordResult(ctx, store, impostor))
	got, err := store.Task(ctx, task.TaskID)
	require.NoError(t, err)
	require.Nil(t, got.ScriptRun, "only the assigned performer's result counts")

	require.NoError(t, coordinator.RecordResult(ctx, store, attestation.Result{TaskID: task.TaskID, Performer: performer, Script: run}))
	got, err = store.Task(ctx, task.TaskID)
	require.NoError(t, err)
	require.Equal(t, run, got.ScriptRun)

	require.NoError(t, coordinator.RecordResult(ctx, store, attestation.Result{TaskID: common.Hash{7}, Performer: performer, Script: run}),
		"unknown tasks are ignored")
}
