package node

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
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
