package node

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/execution"
	"github.com/triggerx-network/triggerx/execution/txmgr"
)

// A performer never sends a second execution for a task: not when asked
// twice, not after a restart with its journal, and not after a crash that
// lost the journal entry (the hub's log names the first execution).
func TestPerformerExactlyOnce(t *testing.T) {
	f := newChecksFixture(t)
	ctx := context.Background()
	owner := f.auth(t, f.owner)
	mine := f.miner(t)
	action := attestation.Action{ChainID: f.chainID.Uint64(), Target: f.addrs.Counter, Function: "increment(uint256)", Arguments: []string{"5"}}
	deposit := *owner
	deposit.Value = big.NewInt(1e18)
	mine(f.c.TriggerGasRegistry.Deposit(&deposit, owner.From))
	r := mine(f.c.JobRegistry.CreateJob(owner, uint16(attestation.TimeStatic), action.Target, attestation.JobCommitment(action, intervalTrigger)))
	created, err := f.c.JobRegistry.ParseJobCreated(*r.Logs[0])
	require.NoError(t, err)
	task := attestation.Task{JobID: created.JobId.Uint64(), TaskDefinitionID: attestation.TimeStatic, TriggerKey: attestation.TimeTriggerKey(7),
		ScheduledAt: 7, Action: action, Trigger: intervalTrigger}
	task.ID = attestation.TaskID(task.JobID, task.TriggerKey)
	performerKey := f.keepers[0]
	self := f.auth(t, performerKey).From
	a := attestation.Assignment{Task: task, Performer: self, Deadline: time.Now().Add(time.Minute).Unix()}

	stop, sealed := make(chan struct{}), make(chan struct{})
	// The chain seals blocks until the test ends, and stops before it closes.
	defer func() { close(stop); <-sealed }()
	go func() {
		defer close(sealed)
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
				f.sim.Commit()
			}
		}
	}()

	var stopSender func()
	newPerformer := func(j *Journal) (*performer, chan attestation.Result) {
		results := make(chan attestation.Result, 4)
		var sender *execution.Sender
		sender, stopSender = testSender(t, f.client, performerKey, f.chainID, j.db)
		p := &performer{
			self: self, domain: f.domain, sites: f.homeSites(sender),
			jobs: f.c.JobRegistry, journal: j, log: zap.NewNop(),
			base: ctx, running: map[common.Hash]bool{},
			key: func(d common.Hash) ([]byte, error) { return attestation.SignECDSA(performerKey, d) },
		}
		p.Subscribe(func(_ context.Context, r attestation.Result) error { results <- r; return nil })
		return p, results
	}
	next := func(ch chan attestation.Result) attestation.Result {
		select {
		case r := <-ch:
			return r
		case <-time.After(30 * time.Second):
			t.Fatal("no result")
			return attestation.Result{}
		}
	}
	nonce := func() uint64 {
		n, err := f.client.NonceAt(ctx, self, nil)
		require.NoError(t, err)
		return n
	}

	dir := t.TempDir()
	j, err := OpenJournal(dir)
	require.NoError(t, err)
	p, results := newPerformer(j)
	require.NoError(t, p.Perform(ctx, a))
	first := next(results)
	p.wait()
	require.True(t, first.Success)
	require.NoError(t, attestation.VerifyECDSA(first.Digest(f.domain), first.Signature, self))
	sent := nonce()

	// Asked again: the journaled result, no transaction.
	require.NoError(t, p.Perform(ctx, a))
	require.Equal(t, first, next(results))
	p.wait()
	stopSender()
	require.NoError(t, j.Close())

	// Restarted on the same journal.
	j, err = OpenJournal(dir)
	require.NoError(t, err)
	p, results = newPerformer(j)
	require.NoError(t, p.Perform(ctx, a))
	require.Equal(t, first, next(results))
	p.wait()
	stopSender()
	require.NoError(t, j.Close())

	// Crashed before journaling: an empty journal. The hub refuses the task
	// and its log names the first execution, which is re-published.
	j, err = OpenJournal("")
	require.NoError(t, err)
	defer j.Close()
	p, results = newPerformer(j)
	defer stopSender()
	require.NoError(t, p.Perform(ctx, a))
	recovered := next(results)
	p.wait()
	require.Equal(t, first.TxHash, recovered.TxHash)
	require.Equal(t, first.Hash(), recovered.Hash())
	require.Equal(t, sent, nonce(), "no transaction was sent after the first")

	count, err := f.c.Counter.Count(nil)
	require.NoError(t, err)
	require.Equal(t, int64(5), count.Int64(), "the target was called once")
}

// testSender is key's Sender with its transaction journal in db; stop it
// before closing db.
func testSender(t *testing.T, chain execution.Chain, key *ecdsa.PrivateKey, chainID *big.Int, db *badger.DB) (*execution.Sender, func()) {
	t.Helper()
	mgr, err := txmgr.New(txmgr.Config{Backend: chain, Key: key, ChainID: chainID, Store: txmgr.NewBadgerStore(db, txJournalPrefix),
		PollInterval: 20 * time.Millisecond, Logger: zaptest.NewLogger(t)})
	require.NoError(t, err)
	t.Cleanup(mgr.Close)
	return execution.NewSender(chain, mgr, zap.NewNop()), mgr.Close
}
