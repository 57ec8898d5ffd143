package node

import (
	"encoding/json"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
)

func TestJournalVotesSurviveRestart(t *testing.T) {
	dir := t.TempDir()
	task := common.HexToHash("0x01")
	approve, reject := common.HexToHash("0xa1"), common.HexToHash("0xb2")

	j, err := OpenJournal(dir)
	require.NoError(t, err)
	require.NoError(t, j.ReserveVote(task, approve))
	require.NoError(t, j.ReserveVote(task, approve), "same vote again is fine")
	require.ErrorIs(t, j.ReserveVote(task, reject), ErrConflictingVote)
	require.NoError(t, j.Close())

	j, err = OpenJournal(dir)
	require.NoError(t, err)
	defer j.Close()
	require.ErrorIs(t, j.ReserveVote(task, reject), ErrConflictingVote, "after restart")
	require.NoError(t, j.ReserveVote(common.HexToHash("0x02"), reject), "other task")
}

func TestJournalExecutions(t *testing.T) {
	dir := t.TempDir()
	task := common.HexToHash("0x01")
	rec := ExecutionRecord{TxHash: common.HexToHash("0xfeed"), RawTx: []byte{1, 2}}

	j, err := OpenJournal(dir)
	require.NoError(t, err)
	_, found, err := j.Execution(task)
	require.NoError(t, err)
	require.False(t, found)
	require.NoError(t, j.RecordExecution(task, rec))
	rec.Done = true
	require.NoError(t, j.RecordExecution(task, rec), "marking the same tx done")
	other := rec
	other.TxHash = common.HexToHash("0xbeef")
	require.ErrorIs(t, j.RecordExecution(task, other), ErrConflictingExecution)
	require.NoError(t, j.Close())

	j, err = OpenJournal(dir)
	require.NoError(t, err)
	defer j.Close()
	got, found, err := j.Execution(task)
	require.NoError(t, err)
	require.True(t, found)
	require.Equal(t, rec, got)
}

// A keeper signs a batch only when its journal agrees with every leaf: it
// signed the same vote, or it performed the task and the leaf approves the
// result it published.
func TestJournalSignsBatch(t *testing.T) {
	d := attestation.Domain{ChainID: 1337, AttestationCenter: common.HexToAddress("0xc0")}
	self, other := common.HexToAddress("0x5e1f"), common.HexToAddress("0x07e4")
	j, err := OpenJournal("")
	require.NoError(t, err)
	defer j.Close()

	voted := attestation.BatchLeaf{TaskID: common.HexToHash("0x01"), JobID: 7, TaskDefinitionID: attestation.TimeStatic,
		ResultHash: common.HexToHash("0xaa"), Approve: true}
	require.NoError(t, j.ReserveVote(voted.TaskID, voted.Hash(d)))

	mine := attestation.Result{TaskID: common.HexToHash("0x02"), JobID: 7, TaskDefinitionID: attestation.TimeStatic,
		Performer: self, TxHash: common.HexToHash("0xfeed"), Success: true}
	enc, err := json.Marshal(mine)
	require.NoError(t, err)
	require.NoError(t, j.RecordExecution(mine.TaskID, ExecutionRecord{TxHash: mine.TxHash, Done: true, Result: enc}))
	performed := attestation.BatchLeaf{TaskID: mine.TaskID, JobID: 7, TaskDefinitionID: attestation.TimeStatic,
		ResultHash: mine.Hash(), Approve: true}

	unfinished := common.HexToHash("0x03")
	require.NoError(t, j.RecordExecution(unfinished, ExecutionRecord{TxHash: common.HexToHash("0xbeef")}))

	with := func(l attestation.BatchLeaf, change func(*attestation.BatchLeaf)) attestation.BatchLeaf {
		change(&l)
		return l
	}
	tests := []struct {
		name    string
		self    common.Address
		leaves  []attestation.BatchLeaf
		ok      bool
		pending bool
		why     string
	}{
		{"own vote", self, []attestation.BatchLeaf{voted}, true, false, ""},
		{"own vote and own execution", self, []attestation.BatchLeaf{voted, performed}, true, false, ""},
		{"other verdict than voted", self, []attestation.BatchLeaf{with(voted, func(l *attestation.BatchLeaf) { l.Approve = false })}, false, false, "different vote"},
		{"other result than voted", self, []attestation.BatchLeaf{with(voted, func(l *attestation.BatchLeaf) { l.ResultHash[0] = 1 })}, false, false, "different vote"},
		{"rejection of own execution", self, []attestation.BatchLeaf{with(performed, func(l *attestation.BatchLeaf) { l.Approve = false })}, false, false, "differs from own execution"},
		{"other result than performed", self, []attestation.BatchLeaf{with(performed, func(l *attestation.BatchLeaf) { l.ResultHash[0] = 1 })}, false, false, "differs from own execution"},
		{"execution by another keeper", other, []attestation.BatchLeaf{performed}, false, false, "differs from own execution"},
		{"unknown task", self, []attestation.BatchLeaf{voted, {TaskID: common.HexToHash("0x09"), Approve: true}}, false, true, "no vote and no execution"},
		{"unfinished execution", self, []attestation.BatchLeaf{{TaskID: unfinished, Approve: true}}, false, true, "not finished"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ok, pending, why, err := j.SignsBatch(d, tc.self, tc.leaves)
			require.NoError(t, err)
			require.Equal(t, tc.ok, ok, why)
			require.Equal(t, tc.pending, pending, why)
			require.Contains(t, why, tc.why)
		})
	}
	// A vote signed for another deployment is not this one's.
	ok, _, _, err := j.SignsBatch(attestation.Domain{ChainID: 1}, self, []attestation.BatchLeaf{voted})
	require.NoError(t, err)
	require.False(t, ok)
}
