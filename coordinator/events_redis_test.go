package coordinator_test

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/coordinator"
	"github.com/triggerx-network/triggerx/coordinator/lease/leasetest"
)

// Two coordinator instances on one Redis: a task event published by one
// reaches the subscribers of both, filtered by tenant.
func TestRedisBroker(t *testing.T) {
	srv := leasetest.StartRedis(t)
	ctx := context.Background()
	open := func() *coordinator.RedisBroker {
		b, err := coordinator.NewRedisBroker(ctx, srv.Client(), "test:", zaptest.NewLogger(t))
		require.NoError(t, err)
		t.Cleanup(func() { _ = b.Close() })
		return b
	}
	a, b := open(), open()
	alice, bob := common.HexToAddress("0xa11ce"), common.HexToAddress("0xb0b")
	onB, cancelB := b.Subscribe(ctx, coordinator.EventFilter{UserAddress: alice})
	defer cancelB()
	onA, cancelA := a.Subscribe(ctx, coordinator.EventFilter{})
	defer cancelA()

	task := coordinator.Task{TaskID: common.HexToHash("0x01"), JobID: 7, TaskStatus: coordinator.TaskProcessing}
	a.Publish(ctx, coordinator.TaskEvent{UserAddress: bob, Task: task})
	task.TaskID = common.HexToHash("0x02")
	a.Publish(ctx, coordinator.TaskEvent{UserAddress: alice, Task: task})

	next := func(ch <-chan coordinator.TaskEvent) coordinator.TaskEvent {
		select {
		case e := <-ch:
			return e
		case <-time.After(5 * time.Second):
			t.Fatal("no event")
			return coordinator.TaskEvent{}
		}
	}
	got := next(onB)
	require.Equal(t, common.HexToHash("0x02"), got.Task.TaskID, "the other instance's subscriber gets alice's task, not bob's")
	require.Equal(t, alice, got.UserAddress)
	require.EqualValues(t, 7, got.Task.JobID)
	require.Equal(t, common.HexToHash("0x01"), next(onA).Task.TaskID, "the publishing instance's own subscribers too")
	require.Equal(t, common.HexToHash("0x02"), next(onA).Task.TaskID)

	srv.Kill()
	task.TaskID = common.HexToHash("0x03")
	a.Publish(ctx, coordinator.TaskEvent{UserAddress: alice, Task: task})
	require.Equal(t, common.HexToHash("0x03"), next(onA).Task.TaskID, "without Redis the instance still serves its own subscribers")
}
