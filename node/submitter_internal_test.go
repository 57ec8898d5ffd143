package node

import (
	"context"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/attestation"
)

// Certificates that reach quorum together are recorded in one submitTasks
// transaction; a task another aggregator recorded meanwhile is skipped, and
// every recorded one is reported once.
func TestSubmitterBatches(t *testing.T) {
	f := newChecksFixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	sealed := make(chan struct{})
	go func() { // the chain seals blocks
		defer close(sealed)
		for ctx.Err() == nil {
			time.Sleep(20 * time.Millisecond)
			f.sim.Commit()
		}
	}()
	t.Cleanup(func() { cancel(); <-sealed }) // before the chain closes
	j, err := OpenJournal(t.TempDir())
	require.NoError(t, err)
	sender, stop := testSender(t, f.client, f.owner, f.chainID, j.db)
	t.Cleanup(func() { stop(); _ = j.Close() })
	s, err := newSubmitter(crypto.PubkeyToAddress(f.owner.PublicKey), f.c.AttestationCenter, f.addrs.AttestationCenter, sender, zaptest.NewLogger(t))
	require.NoError(t, err)
	s.base = ctx
	var mu sync.Mutex
	var reported []attestation.Finalization
	s.Subscribe(func(_ context.Context, fin attestation.Finalization) error {
		mu.Lock()
		defer mu.Unlock()
		reported = append(reported, fin)
		return nil
	})

	// Three keepers of four (3/4 ≥ 2/3) approve each of five tasks.
	certificate := func(i int) attestation.Certificate {
		c := attestation.Certificate{TaskID: common.BigToHash(big.NewInt(int64(1000 + i))), JobID: 1,
			TaskDefinitionID: attestation.TimeStatic, ResultHash: common.BigToHash(big.NewInt(int64(i))), Approve: true}
		digest := attestation.VoteDigest(f.domain, c.TaskID, c.JobID, c.TaskDefinitionID, c.ResultHash, c.Approve)
		var sigs []attestation.BLSSignature
		for k := range 3 {
			sigs = append(sigs, f.bls[k].Sign(digest))
			c.Signers = append(c.Signers, uint64(k+1))
		}
		agg, err := attestation.AggregateBLS(sigs)
		require.NoError(t, err)
		c.Signature = agg[:]
		return c
	}
	certs := make([]attestation.Certificate, 5)
	for i := range certs {
		certs[i] = certificate(i)
	}
	// Another aggregator records task 0 first.
	sub, err := submission(certs[0])
	require.NoError(t, err)
	tx, err := f.c.AttestationCenter.SubmitTask(f.auth(t, f.keepers[3]), sub.TaskId, sub.JobId, sub.TaskDefinitionId, sub.ResultHash,
		sub.Approve, sub.SignerIds, sub.Signature)
	require.NoError(t, err)
	_, err = bind.WaitMined(ctx, f.client, tx)
	require.NoError(t, err)

	for _, c := range certs {
		require.NoError(t, s.Submit(ctx, c))
	}
	require.Eventually(t, func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(reported) == 4
	}, 30*time.Second, 20*time.Millisecond)
	time.Sleep(300 * time.Millisecond) // nothing more is reported
	mu.Lock()
	defer mu.Unlock()
	require.Len(t, reported, 4)
	txs := map[common.Hash]bool{}
	for _, fin := range reported {
		require.NotEqual(t, certs[0].TaskID, fin.Certificate.TaskID, "recorded by the other aggregator")
		txs[fin.SubmissionTx] = true
	}
	require.Len(t, txs, 1, "one transaction for the batch")
	for _, c := range certs {
		done, err := f.c.AttestationCenter.Submitted(&bind.CallOpts{}, c.TaskID)
		require.NoError(t, err)
		require.True(t, done)
	}
}
