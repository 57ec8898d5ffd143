package coordinator_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/coordinator"
)

// eventJob is an active event job of store's sample shape.
func eventJob(id uint64, recurring bool) coordinator.Job {
	j := sampleJob(id, t0)
	j.TaskDefinitionID = attestation.EventStatic
	j.NextExecutionTimestamp = time.Time{}
	j.Trigger = attestation.Trigger{Kind: attestation.TriggerEvent, Event: &attestation.EventTrigger{
		ChainID: 31337, Contract: common.HexToAddress("0xc0"), Event: "Ping(uint256 n)", Recurring: recurring}}
	return j
}

func TestFiringsCreateOneTaskPerFiring(t *testing.T) {
	ctx := context.Background()
	store, err := coordinator.OpenBadgerStore("", nil)
	require.NoError(t, err)
	defer store.Close()
	require.NoError(t, store.CreateJobs(ctx, eventJob(1, true), eventJob(2, false), eventJob(3, true)))

	var mu sync.Mutex
	var dispatched []attestation.Task
	fs := coordinator.NewFirings(store, func(_ context.Context, tk attestation.Task) error {
		mu.Lock()
		defer mu.Unlock()
		dispatched = append(dispatched, tk)
		return nil
	}, func() time.Time { return t0 }, zaptest.NewLogger(t))
	fs.SetOwnership(func(id uint64) bool { return id != 3 }, nil)

	firing := func(logIndex uint64) attestation.Firing {
		return attestation.Firing{ChainID: 31337, BlockNumber: 10, BlockHash: common.HexToHash("0xb10c"),
			TxHash: common.HexToHash("0x7e"), LogIndex: logIndex}
	}
	// A firing seen twice (a range re-read after a restart) is one task.
	require.NoError(t, fs.Fire(ctx, 1, firing(0)))
	require.NoError(t, fs.Fire(ctx, 1, firing(0)))
	require.NoError(t, fs.Fire(ctx, 1, firing(1)))
	// A one-time job fires once and completes.
	require.NoError(t, fs.Fire(ctx, 2, firing(0)))
	require.NoError(t, fs.Fire(ctx, 2, firing(1)))
	// A job another instance owns is left to it.
	require.NoError(t, fs.Fire(ctx, 3, firing(0)))
	// Unknown jobs are ignored.
	require.NoError(t, fs.Fire(ctx, 99, firing(0)))

	require.Len(t, dispatched, 3)
	for _, tk := range dispatched {
		key, err := attestation.TriggerKey(attestation.TriggerEvent, tk.ScheduledAt, tk.Firing)
		require.NoError(t, err)
		require.Equal(t, key, tk.TriggerKey)
		require.Equal(t, attestation.TaskID(tk.JobID, key), tk.ID)
	}
	tasks, err := store.Tasks(ctx, 1, 0)
	require.NoError(t, err)
	require.Len(t, tasks, 2)
	require.Equal(t, firing(1), tasks[0].Firing, "the firing evidence is kept on the task")
	j2, err := store.Job(ctx, 2)
	require.NoError(t, err)
	require.Equal(t, coordinator.JobCompleted, j2.Status)
	tasks, err = store.Tasks(ctx, 3, 0)
	require.NoError(t, err)
	require.Empty(t, tasks)
}
