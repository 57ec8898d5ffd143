package node

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/execution"
	"github.com/triggerx-network/triggerx/execution/triggercheck"
)

// An attester's verifier approves exactly the honest result and rejects
// each kind of lie with its reason code.
func TestChainVerifier(t *testing.T) {
	f := newChecksFixture(t)
	ctx := context.Background()
	owner := f.auth(t, f.owner)

	// The owner commits to a job and funds it; keeper 0 performs two tasks.
	action := attestation.Action{ChainID: f.chainID.Uint64(), Target: f.addrs.Counter, Function: "increment(uint256)", Arguments: []string{"2"}}
	deposit := *owner
	deposit.Value = big.NewInt(1e18)
	mine := f.miner(t)
	mine(f.c.TriggerGasRegistry.Deposit(&deposit, owner.From))
	r := mine(f.c.JobRegistry.CreateJob(owner, uint16(attestation.TimeStatic), action.Target, attestation.JobCommitment(action, intervalTrigger)))
	created, err := f.c.JobRegistry.ParseJobCreated(*r.Logs[0])
	require.NoError(t, err)
	jobID := created.JobId.Uint64()

	performerKey := f.keepers[0]
	performer := crypto.PubkeyToAddress(performerKey.PublicKey)
	j, err := OpenJournal(t.TempDir())
	require.NoError(t, err)
	sender, stop := testSender(t, f.client, performerKey, f.chainID, j.db)
	t.Cleanup(func() { stop(); _ = j.Close() })
	calldata, err := execution.EncodeCall(action.Function, action.Arguments)
	require.NoError(t, err)
	execute := func(slot int64) (attestation.Assignment, attestation.Result) {
		task := attestation.Task{JobID: jobID, TaskDefinitionID: attestation.TimeStatic, TriggerKey: attestation.TimeTriggerKey(slot),
			ScheduledAt: slot, Action: action, Trigger: intervalTrigger}
		task.ID = attestation.TaskID(jobID, task.TriggerKey)
		done, stopped := make(chan struct{}), make(chan struct{})
		go func() { // seal blocks until the execution is mined
			defer close(stopped)
			for {
				select {
				case <-done:
					return
				case <-time.After(20 * time.Millisecond):
					f.sim.Commit()
				}
			}
		}()
		tx, _, success, err := sender.ExecuteTask(ctx, f.addrs.TaskExecutionHub, jobID, task.ID, action.Target, calldata)
		close(done)
		<-stopped // the simulated beacon must not be driven from two goroutines
		require.NoError(t, err)
		require.True(t, success)
		return attestation.Assignment{Task: task, Performer: performer, Deadline: time.Now().Add(time.Minute).Unix()},
			attestation.Result{TaskID: task.ID, JobID: jobID, TaskDefinitionID: attestation.TimeStatic, Performer: performer,
				TxHash: tx.Hash(), Calldata: calldata, Success: true}
	}
	a, honest := execute(120)
	_, other := execute(240)
	future := (time.Now().Unix()/60 + 24*60) * 60 // a slot a day ahead
	earlyA, early := execute(future)
	offA, off := execute(150) // not a slot of an every-60-s schedule

	triggers, err := triggercheck.New(triggercheck.Config{
		Chains: func(context.Context, uint64) (execution.Chain, error) { return f.client, nil }})
	require.NoError(t, err)
	v := &chainVerifier{jobs: f.c.JobRegistry, sites: f.homeSites(nil), triggers: triggers}
	for _, tc := range []struct {
		name string
		a    attestation.Assignment
		r    attestation.Result
		want string
	}{
		{"executed a day before its slot", earlyA, early, "executed_too_early"},
		{"slot not on the schedule", offA, off, "slot_not_on_schedule"},
	} {
		verdict, err := v.Verify(ctx, tc.a, tc.r)
		require.NoError(t, err, tc.name)
		require.False(t, verdict.Approve, tc.name)
		require.Equal(t, tc.want, verdict.Reason, tc.name)
	}
	tests := []struct {
		name       string
		assignment func(*attestation.Assignment)
		result     func(*attestation.Result)
		reason     string // "" approves
	}{
		{name: "honest result"},
		{name: "other calldata", result: func(r *attestation.Result) { r.Calldata = append(r.Calldata[:4:4], make([]byte, 32)...) }, reason: "calldata_mismatch"},
		{name: "another task's transaction", result: func(r *attestation.Result) { r.TxHash = other.TxHash }, reason: "wrong_task"},
		{name: "claims the target failed", result: func(r *attestation.Result) { r.Success = false }, reason: reasonSuccessMismatch},
		{name: "result by someone else", result: func(r *attestation.Result) { r.Performer = f.set[1].Address }, reason: reasonResultMismatch},
		{name: "assignment not the committed action", assignment: func(a *attestation.Assignment) { a.Task.Action.Arguments = []string{"3"} }, reason: reasonActionMismatch},
		{name: "executed by a keeper other than the assigned one", assignment: func(a *attestation.Assignment) {
			for _, k := range f.set {
				if k.Address != performer {
					a.Performer = k.Address
					return
				}
			}
		}, result: func(r *attestation.Result) {
			for _, k := range f.set {
				if k.Address != performer {
					r.Performer = k.Address
					return
				}
			}
		}, reason: "wrong_sender"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as, r := a.Clone(), honest.Clone()
			if tt.assignment != nil {
				tt.assignment(&as)
			}
			if tt.result != nil {
				tt.result(&r)
			}
			verdict, err := v.Verify(ctx, as, r)
			require.NoError(t, err)
			require.Equal(t, tt.reason == "", verdict.Approve, "verdict %+v", verdict)
			require.Equal(t, tt.reason, verdict.Reason)
		})
	}

	t.Run("unknown transaction gives no verdict", func(t *testing.T) {
		r := honest.Clone()
		r.TxHash = common.HexToHash("0xdead")
		ctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
		defer cancel()
		_, err := v.Verify(ctx, a, r)
		require.ErrorIs(t, err, execution.ErrTxNotFound)
	})
	t.Run("through the Othentic interfaces", func(t *testing.T) {
		testOthentic(t, f, v, a, honest, performerKey)
	})
}
