package node

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"sync"

	"github.com/dgraph-io/badger/v4"
	"github.com/ethereum/go-ethereum/common"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/node/tracing"
)

// Errors of the vote aggregator.
var (
	errUnknownKeeper = errors.New("vote from a keeper that is not registered and active")
	errBadVoteSig    = errors.New("vote signature does not verify")
)

// verdict is what a vote says: the result it judges and how.
type verdict struct {
	resultHash common.Hash
	approve    bool
}

type taskVotes struct {
	byVoter   map[common.Address]attestation.Vote
	certified bool
	cert      *attestation.Certificate // kept until the task is finalized
}

// voteAggregator implements attestation.Aggregator: it verifies each vote
// against the signer's registered BLS key, weighs it by the signer's stake
// and, once one verdict reaches quorum, aggregates that verdict's signatures
// into a certificate. Votes are kept in badger so a restarted aggregator
// loses none. Safe for concurrent use.
type voteAggregator struct {
	keepers attestation.KeeperSet
	domain  attestation.Domain
	db      *badger.DB
	log     *zap.Logger
	metrics *metrics
	tracer  trace.Tracer // nil: no spans
	subs    []func(context.Context, attestation.Certificate) error
	// verified, if set, reports that this node's gossip check already
	// verified a vote signature (checks.Verified): it is not paired again.
	verified func(keeper common.Address, digest common.Hash, sig []byte) bool

	mu    sync.Mutex
	tasks map[common.Hash]*taskVotes
}

func newVoteAggregator(keepers attestation.KeeperSet, domain attestation.Domain, db *badger.DB, log *zap.Logger) (*voteAggregator, error) {
	a := &voteAggregator{keepers: keepers, domain: domain, db: db, log: log, tasks: make(map[common.Hash]*taskVotes)}
	if err := a.load(); err != nil {
		return nil, err
	}
	return a, nil
}

func (a *voteAggregator) Subscribe(fn func(context.Context, attestation.Certificate) error) {
	a.subs = append(a.subs, fn)
}

// Pending returns the task ids that have votes but no certificate yet.
func (a *voteAggregator) Pending() []common.Hash {
	a.mu.Lock()
	defer a.mu.Unlock()
	var ids []common.Hash
	for id, tv := range a.tasks {
		if !tv.certified {
			ids = append(ids, id)
		}
	}
	return ids
}

func (a *voteAggregator) AddVote(ctx context.Context, v attestation.Vote) (err error) {
	ctx, span := tracing.StartTask(ctx, a.tracer, v.TaskID, "aggregator.aggregate",
		tracing.KeyJobID.Int64(int64(v.JobID)), tracing.KeyTaskDefinitionID.Int(int(v.TaskDefinitionID)),
		attribute.String("keeper", v.Keeper.Hex()), tracing.KeyApprove.Bool(v.Approve))
	defer func() { tracing.End(span, err, "") }()
	keepers, err := a.keepers.Keepers(ctx)
	if err != nil {
		return fmt.Errorf("read keeper set: %w", err)
	}
	k, ok := findKeeper(keepers, v.Keeper)
	if !ok || !k.Active {
		return fmt.Errorf("%w: %s", errUnknownKeeper, v.Keeper.Hex())
	}
	// A vote published again (Vote.Resend) is one already counted:
	// skipped before the pairing check.
	a.mu.Lock()
	if tv, known := a.tasks[v.TaskID]; known {
		old, dup := tv.byVoter[v.Keeper]
		if tv.certified || dup && bytes.Equal(old.Signature, v.Signature) {
			a.mu.Unlock()
			return nil
		}
	}
	a.mu.Unlock()
	if digest := v.Digest(a.domain); a.verified == nil || !a.verified(v.Keeper, digest, v.Signature) {
		sig, err := attestation.BLSSignatureFromBytes(v.Signature)
		if err != nil {
			return err
		}
		if !attestation.VerifyBLS(k.PublicKey, digest, sig) {
			return fmt.Errorf("%w: %s task %s", errBadVoteSig, v.Keeper.Hex(), v.TaskID.Hex())
		}
	}

	a.mu.Lock()
	tv := a.entry(v.TaskID)
	if tv.certified {
		a.mu.Unlock()
		return nil
	}
	if old, dup := tv.byVoter[v.Keeper]; dup {
		a.mu.Unlock()
		if old.ResultHash != v.ResultHash || old.Approve != v.Approve {
			a.log.Warn("keeper signed two different votes", zap.Stringer("task_id", v.TaskID),
				zap.Stringer("keeper", v.Keeper))
		}
		return nil
	}
	tv.byVoter[v.Keeper] = v.Clone()
	if err := a.persistVote(v); err != nil {
		a.mu.Unlock()
		return err
	}
	cert, ok, err := a.tryCertify(v.TaskID, tv, verdict{v.ResultHash, v.Approve}, keepers)
	a.mu.Unlock()
	if err != nil || !ok {
		return err
	}
	a.metrics.certificate(cert.Approve)
	span.SetAttributes(attribute.Bool("quorum", true), attribute.Int64Slice("signers", signerIDs(cert.Signers)))
	a.log.Info("quorum reached", zap.Stringer("task_id", cert.TaskID), zap.Bool("approve", cert.Approve),
		zap.Uint64s("signers", cert.Signers))
	var errs []error
	for _, fn := range a.subs {
		errs = append(errs, fn(ctx, cert.Clone()))
	}
	return errors.Join(errs...)
}

// tryCertify builds the certificate for verdict vd of a task if the stake
// that signed it reaches quorum. Callers hold a.mu.
func (a *voteAggregator) tryCertify(taskID common.Hash, tv *taskVotes, vd verdict, keepers []attestation.Keeper) (attestation.Certificate, bool, error) {
	total, signed := new(big.Int), new(big.Int)
	for _, k := range keepers {
		if k.Active && k.Stake != nil {
			total.Add(total, k.Stake)
		}
	}
	type signer struct {
		id  uint64
		sig attestation.BLSSignature
	}
	var signers []signer
	var first attestation.Vote
	for addr, v := range tv.byVoter {
		if v.ResultHash != vd.resultHash || v.Approve != vd.approve {
			continue
		}
		k, ok := findKeeper(keepers, addr)
		if !ok || !k.Active {
			continue
		}
		sig, err := attestation.BLSSignatureFromBytes(v.Signature)
		if err != nil {
			continue
		}
		signed.Add(signed, k.Stake)
		signers = append(signers, signer{k.ID, sig})
		first = v
	}
	if !attestation.QuorumReached(signed, total, vd.approve) {
		return attestation.Certificate{}, false, nil
	}
	slices.SortFunc(signers, func(x, y signer) int { return compareUint64(x.id, y.id) })
	ids := make([]uint64, len(signers))
	sigs := make([]attestation.BLSSignature, len(signers))
	for i, s := range signers {
		ids[i], sigs[i] = s.id, s.sig
	}
	agg, err := attestation.AggregateBLS(sigs)
	if err != nil {
		return attestation.Certificate{}, false, fmt.Errorf("aggregate votes: %w", err)
	}
	cert := attestation.Certificate{
		TaskID: taskID, JobID: first.JobID, TaskDefinitionID: first.TaskDefinitionID,
		ResultHash: vd.resultHash, Approve: vd.approve, Signers: ids, Signature: agg[:],
	}
	if err := a.persistCertificate(cert); err != nil {
		return attestation.Certificate{}, false, err
	}
	tv.certified, tv.cert = true, &cert
	return cert, true, nil
}

// Resume hands the certificates made before a restart, and not yet known to
// be finalized, to the subscribers again.
func (a *voteAggregator) Resume(ctx context.Context) error {
	a.mu.Lock()
	var certs []attestation.Certificate
	for _, tv := range a.tasks {
		if tv.cert != nil {
			certs = append(certs, tv.cert.Clone())
		}
	}
	a.mu.Unlock()
	var errs []error
	for _, c := range certs {
		for _, fn := range a.subs {
			errs = append(errs, fn(ctx, c.Clone()))
		}
	}
	return errors.Join(errs...)
}

// Finalized forgets a task's votes and certificate once it is on-chain; the
// task stays marked so late votes do not start a new round.
func (a *voteAggregator) Finalized(_ context.Context, f attestation.Finalization) error {
	id := f.Certificate.TaskID
	a.mu.Lock()
	tv := a.entry(id)
	tv.certified, tv.cert, tv.byVoter = true, nil, map[common.Address]attestation.Vote{}
	a.mu.Unlock()
	if a.db == nil {
		return nil
	}
	err := a.db.Update(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: slices.Concat([]byte("agg/vote/"), id[:])})
		var keys [][]byte
		for it.Rewind(); it.Valid(); it.Next() {
			keys = append(keys, it.Item().KeyCopy(nil))
		}
		it.Close()
		for _, k := range keys {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		return txn.Set(aggCertKey(id), nil)
	})
	if err != nil {
		return fmt.Errorf("record finalization: %w", err)
	}
	return nil
}

func (a *voteAggregator) entry(id common.Hash) *taskVotes {
	tv, ok := a.tasks[id]
	if !ok {
		tv = &taskVotes{byVoter: make(map[common.Address]attestation.Vote)}
		a.tasks[id] = tv
	}
	return tv
}

// signerIDs are a certificate's signers as a span attribute takes them.
func signerIDs(ids []uint64) []int64 {
	out := make([]int64, len(ids))
	for i, id := range ids {
		out[i] = int64(id)
	}
	return out
}

func findKeeper(keepers []attestation.Keeper, addr common.Address) (attestation.Keeper, bool) {
	for _, k := range keepers {
		if k.Address == addr {
			return k, true
		}
	}
	return attestation.Keeper{}, false
}

func compareUint64(x, y uint64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// Persistence: agg/vote/<task><keeper> → vote JSON; agg/cert/<task> →
// certificate JSON, or empty once the task is finalized.

func aggVoteKey(task common.Hash, keeper common.Address) []byte {
	return slices.Concat([]byte("agg/vote/"), task[:], keeper[:])
}

func aggCertKey(task common.Hash) []byte { return slices.Concat([]byte("agg/cert/"), task[:]) }

func (a *voteAggregator) persistVote(v attestation.Vote) error {
	if a.db == nil {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if err := a.db.Update(func(txn *badger.Txn) error { return txn.Set(aggVoteKey(v.TaskID, v.Keeper), b) }); err != nil {
		return fmt.Errorf("persist vote: %w", err)
	}
	return nil
}

func (a *voteAggregator) persistCertificate(c attestation.Certificate) error {
	if a.db == nil {
		return nil
	}
	b, err := json.Marshal(c)
	if err != nil {
		return err
	}
	if err := a.db.Update(func(txn *badger.Txn) error { return txn.Set(aggCertKey(c.TaskID), b) }); err != nil {
		return fmt.Errorf("persist certificate: %w", err)
	}
	return nil
}

func (a *voteAggregator) load() error {
	if a.db == nil {
		return nil
	}
	return a.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		prefix := []byte("agg/vote/")
		for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
			var v attestation.Vote
			if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &v) }); err != nil {
				return fmt.Errorf("load vote: %w", err)
			}
			a.entry(v.TaskID).byVoter[v.Keeper] = v
		}
		prefix = []byte("agg/cert/")
		for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
			tv := a.entry(common.BytesToHash(it.Item().Key()[len(prefix):]))
			tv.certified = true
			if err := it.Item().Value(func(b []byte) error {
				if len(b) == 0 {
					return nil // finalized
				}
				var c attestation.Certificate
				if err := json.Unmarshal(b, &c); err != nil {
					return err
				}
				tv.cert = &c
				return nil
			}); err != nil {
				return fmt.Errorf("load certificate: %w", err)
			}
		}
		return nil
	})
}
