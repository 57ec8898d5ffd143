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

	resent := func(r attestation.Result, n uint32) attestation.Result { r.Resend = n; return r }
	run := func(as attestation.Assignment, gap time.Duration, results ...attestation.Result) []attestation.Vote {
		j, err := OpenJournal(dir)
		require.NoError(t, err)
		defer j.Close()
		att := &attester{self: self, key: key, domain: domain, verifier: verifier, journal: j, log: zap.NewNop(),
			grace: time.Minute, base: context.Background(), sem: make(chan struct{}, 1), resendGap: gap}
		var votes []attestation.Vote
		att.Subscribe(func(_ context.Context, v attestation.Vote) error { votes = append(votes, v); return nil })
		for _, r := range results {
			require.NoError(t, att.Attest(context.Background(), as, r))
			att.wait()
		}
		return votes
	}

	votes := run(a, 0, good, bad, good)
	require.Len(t, votes, 1, "one vote; a different one never, the same one only for a resent result")
	require.True(t, votes[0].Approve)
	sig, err := attestation.BLSSignatureFromBytes(votes[0].Signature)
	require.NoError(t, err)
	require.True(t, attestation.VerifyBLS(key.PublicKey(), votes[0].Digest(domain), sig))

	// A resent result is answered with the same vote under its resend
	// count, at most once per gap.
	again := run(a, time.Nanosecond, good, resent(good, 1), resent(bad, 2), resent(good, 3))
	require.Len(t, again, 3)
	for k, want := range []uint32{0, 1, 3} {
		require.Equal(t, want, again[k].Resend)
		again[k].Resend = 0
		require.Equal(t, votes[0], again[k], "the same vote")
	}
	require.Len(t, run(a, time.Hour, good, resent(good, 1), resent(good, 2)), 1, "within the gap, no answer")

	// After a restart the journal still refuses a different vote; the
	// same one is signed again in answer to a resent result.
	require.Empty(t, run(a, 0, bad), "after a restart the journal still refuses a different vote")
	restarted := run(a, 0, resent(good, 4))
	require.Len(t, restarted, 1)
	require.Equal(t, uint32(4), restarted[0].Resend)
	restarted[0].Resend = 0
	require.Equal(t, votes[0], restarted[0])

	own := a
	own.Performer = self
	require.Empty(t, run(own, 0, good), "a performer does not attest its own task")
}
