package node

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
)

// verdictFunc is a test Verifier; the real one is tested in
// verifier_internal_test.go.
type verdictFunc func(attestation.Result) attestation.Verdict

func (f verdictFunc) Verify(_ context.Context, _ attestation.Assignment, r attestation.Result) (attestation.Verdict, error) {
	return f(r), nil
}

// An attester signs one vote per task, even across restarts, and never
// votes on its own work.
func TestAttesterSignsOneVotePerTask(t *testing.T) {
	dir := t.TempDir()
	key, err := attestation.GenerateBLSKey()
	require.NoError(t, err)
	self := common.HexToAddress("0x5e1f")
	domain := attestation.Domain{ChainID: 1, AttestationCenter: common.HexToAddress("0xac")}
	approveTx := common.HexToHash("0x600d")
	verifier := verdictFunc(func(r attestation.Result) attestation.Verdict {
		return attestation.Verdict{Approve: r.TxHash == approveTx, Reason: "calldata_mismatch"}
	})
	task := attestation.Task{ID: common.HexToHash("0x7a5c"), JobID: 1, TaskDefinitionID: attestation.TimeStatic}
	a := attestation.Assignment{Task: task, Performer: common.HexToAddress("0xbeef"), Deadline: time.Now().Add(time.Minute).Unix()}
	good := attestation.Result{TaskID: task.ID, JobID: 1, TaskDefinitionID: 1, Performer: a.Performer, TxHash: approveTx}
	bad := good
	bad.TxHash = common.HexToHash("0xbad")

	run := func(as attestation.Assignment, results ...attestation.Result) []attestation.Vote {
		j, err := OpenJournal(dir)
		require.NoError(t, err)
		defer j.Close()
		att := &attester{self: self, key: key, domain: domain, verifier: verifier, journal: j, log: zap.NewNop(),
			grace: time.Minute, base: context.Background(), sem: make(chan struct{}, 1)}
		var votes []attestation.Vote
		att.Subscribe(func(_ context.Context, v attestation.Vote) error { votes = append(votes, v); return nil })
		for _, r := range results {
			require.NoError(t, att.Attest(context.Background(), as, r))
			att.wait()
		}
		return votes
	}

	votes := run(a, good, bad, good)
	require.Len(t, votes, 2, "the same vote may be repeated, a different one never")
	require.Equal(t, votes[0], votes[1])
	require.True(t, votes[0].Approve)
	sig, err := attestation.BLSSignatureFromBytes(votes[0].Signature)
	require.NoError(t, err)
	require.True(t, attestation.VerifyBLS(key.PublicKey(), votes[0].Digest(domain), sig))

	require.Empty(t, run(a, bad), "after a restart the journal still refuses a different vote")

	own := a
	own.Performer = self
	require.Empty(t, run(own, good), "a performer does not attest its own task")
}
