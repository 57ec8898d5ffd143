package node

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math/big"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
)

// Batched attestation (docs/adr/0014-batched-attestation.md): under load the
// aggregator proposes the certificates of one batch window as a Merkle batch
// of verdicts (batchCollector), each keeper whose journal agrees with every
// leaf signs the batch once (batchSigner), and one submitBatch transaction
// with one aggregate signature records them all.

// Timing of batch signatures.
const (
	// batchQuorumWait is how long the aggregator waits for a quorum of
	// batch signatures before it submits the batch's certificates as they
	// are, each with its own signature.
	batchQuorumWait = 2 * time.Second
	// batchAgreeWait is how long a keeper waits for its own vote or
	// execution of a proposed task to be journaled: the proposal may
	// overtake the last steps of its own work.
	batchAgreeWait = time.Second
	batchAgreePoll = 50 * time.Millisecond
	// maxBatchAnswers bounds the proposals a keeper answers at once; more
	// are declined (a flood of proposals costs a few journal reads each).
	maxBatchAnswers = 8
)

// batchSigner is the keeper's side: it BLS-signs a proposed batch when its
// journal agrees with every leaf (Journal.SignsBatch), so a batch signature
// never says more than the keeper's own votes and executions did.
type batchSigner struct {
	self    common.Address
	key     *attestation.BLSSecretKey
	domain  attestation.Domain
	journal *Journal
	log     *zap.Logger
	metrics *metrics
	subs    []func(context.Context, attestation.BatchVote) error

	base context.Context // the node's lifetime
	wg   sync.WaitGroup
	busy atomic.Int32 // answers running
}

func (b *batchSigner) Subscribe(fn func(context.Context, attestation.BatchVote) error) {
	b.subs = append(b.subs, fn)
}

// Propose answers a proposal in the background: waiting for the journal
// must not hold up the gossip delivery.
func (b *batchSigner) Propose(_ context.Context, p attestation.BatchProposal) error {
	if len(p.Leaves) == 0 || len(p.Leaves) > attestation.MaxBatchLeaves {
		return fmt.Errorf("batch of %d leaves", len(p.Leaves))
	}
	if b.busy.Add(1) > maxBatchAnswers {
		b.busy.Add(-1)
		b.metrics.batch("declined")
		b.log.Debug("batch declined: too many proposals at once", zap.Int("leaves", len(p.Leaves)))
		return nil
	}
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		defer b.busy.Add(-1)
		if err := b.answer(p); err != nil {
			b.log.Warn("batch not signed", zap.Error(err))
		}
	}()
	return nil
}

func (b *batchSigner) answer(p attestation.BatchProposal) error {
	ctx, cancel := context.WithTimeout(b.base, batchAgreeWait)
	defer cancel()
	root := p.Root(b.domain)
	for {
		ok, pending, why, err := b.journal.SignsBatch(b.domain, b.self, p.Leaves)
		if err != nil {
			return err
		}
		if ok {
			break
		}
		decline := func() error {
			b.metrics.batch("declined")
			b.log.Debug("batch declined", zap.Stringer("root", root), zap.Int("leaves", len(p.Leaves)), zap.String("why", why))
			return nil
		}
		if !pending { // a contradiction: no reason to wait
			return decline()
		}
		select {
		case <-ctx.Done():
			return decline()
		case <-time.After(batchAgreePoll):
		}
	}
	v := attestation.BatchVote{Root: root, Leaves: uint32(len(p.Leaves)), Keeper: b.self}
	sig := b.key.Sign(v.Digest(b.domain))
	v.Signature = sig[:]
	b.metrics.batch("signed")
	b.log.Debug("batch signed", zap.Stringer("root", root), zap.Int("leaves", len(p.Leaves)))
	var errs []error
	for _, fn := range b.subs {
		errs = append(errs, fn(b.base, v.Clone()))
	}
	return errors.Join(errs...)
}

func (b *batchSigner) wait() { b.wg.Wait() }

// batchCollector is the aggregator's side: it publishes a proposal and
// gathers the keepers' batch votes until their stake reaches quorum.
type batchCollector struct {
	keepers attestation.KeeperSet
	domain  attestation.Domain
	log     *zap.Logger
	publish func(context.Context, attestation.BatchProposal) error

	mu      sync.Mutex
	pending map[common.Hash]*pendingBatch // by root
}

type pendingBatch struct {
	leaves  uint32
	votes   map[common.Address]batchSigned // verified
	quorum  chan struct{}                  // closed at quorum
	reached bool
}

// batchSigned is a verified batch vote: its keeper's registry id and
// signature.
type batchSigned struct {
	id  uint64
	sig attestation.BLSSignature
}

// batchSignature is a quorum's aggregate signature of a batch.
type batchSignature struct {
	root      common.Hash
	signers   []uint64 // registry ids, increasing
	signature attestation.BLSSignature
}

var errNoBatchQuorum = errors.New("no quorum of batch signatures")

// collect proposes p and returns the aggregate signature of a quorum of
// keepers, or errNoBatchQuorum after wait.
func (c *batchCollector) collect(ctx context.Context, p attestation.BatchProposal, wait time.Duration) (batchSignature, error) {
	root := p.Root(c.domain)
	pb := &pendingBatch{leaves: uint32(len(p.Leaves)), votes: map[common.Address]batchSigned{}, quorum: make(chan struct{})}
	c.mu.Lock()
	if c.pending == nil {
		c.pending = map[common.Hash]*pendingBatch{}
	}
	if _, dup := c.pending[root]; dup {
		c.mu.Unlock()
		return batchSignature{}, fmt.Errorf("batch %s is already being signed", root.Hex())
	}
	c.pending[root] = pb
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.pending, root)
		c.mu.Unlock()
	}()
	if err := c.publish(ctx, p); err != nil {
		return batchSignature{}, fmt.Errorf("publish batch proposal: %w", err)
	}
	c.log.Debug("batch proposed", zap.Stringer("root", root), zap.Int("leaves", len(p.Leaves)))
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case <-pb.quorum:
	case <-timer.C:
		return batchSignature{}, errNoBatchQuorum
	case <-ctx.Done():
		return batchSignature{}, ctx.Err()
	}
	c.mu.Lock()
	signers := slices.Collect(maps.Values(pb.votes))
	c.mu.Unlock()
	slices.SortFunc(signers, func(x, y batchSigned) int { return compareUint64(x.id, y.id) })
	out := batchSignature{root: root}
	sigs := make([]attestation.BLSSignature, len(signers))
	for i, s := range signers {
		out.signers = append(out.signers, s.id)
		sigs[i] = s.sig
	}
	var err error
	if out.signature, err = attestation.AggregateBLS(sigs); err != nil {
		return batchSignature{}, fmt.Errorf("aggregate batch votes: %w", err)
	}
	return out, nil
}

// AddBatchVote counts a keeper's signature of a batch being collected;
// votes for other batches (late, or another aggregator's) are ignored.
func (c *batchCollector) AddBatchVote(ctx context.Context, v attestation.BatchVote) error {
	c.mu.Lock()
	pb, ok := c.pending[v.Root]
	known := false
	if ok {
		_, dup := pb.votes[v.Keeper]
		known = pb.reached || dup
	}
	c.mu.Unlock()
	if !ok || known {
		return nil
	}
	if v.Leaves != pb.leaves {
		return fmt.Errorf("batch vote for %d leaves, batch %s has %d", v.Leaves, v.Root.Hex(), pb.leaves)
	}
	keepers, err := c.keepers.Keepers(ctx)
	if err != nil {
		return fmt.Errorf("read keeper set: %w", err)
	}
	k, ok := findKeeper(keepers, v.Keeper)
	if !ok || !k.Active {
		return fmt.Errorf("%w: %s", errUnknownKeeper, v.Keeper.Hex())
	}
	sig, err := attestation.BLSSignatureFromBytes(v.Signature)
	if err != nil {
		return err
	}
	if !attestation.VerifyBLS(k.PublicKey, v.Digest(c.domain), sig) {
		return fmt.Errorf("%w: batch vote of %s on %s", errBadVoteSig, v.Keeper.Hex(), v.Root.Hex())
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	pb.votes[v.Keeper] = batchSigned{k.ID, sig}
	total, signed := new(big.Int), new(big.Int)
	for _, k := range keepers {
		if !k.Active || k.Stake == nil {
			continue
		}
		total.Add(total, k.Stake)
		if _, ok := pb.votes[k.Address]; ok {
			signed.Add(signed, k.Stake)
		}
	}
	// A batch is signed as a whole: approvals' quorum, whatever its verdicts.
	if !pb.reached && attestation.QuorumReached(signed, total, true) {
		pb.reached = true
		close(pb.quorum)
	}
	return nil
}

// proposalOf is the proposal of certs: one leaf per task, in task id order.
func proposalOf(certs []attestation.Certificate) (attestation.BatchProposal, []attestation.Certificate) {
	sorted := slices.Clone(certs)
	slices.SortFunc(sorted, func(x, y attestation.Certificate) int { return x.TaskID.Cmp(y.TaskID) })
	sorted = slices.CompactFunc(sorted, func(x, y attestation.Certificate) bool { return x.TaskID == y.TaskID })
	p := attestation.BatchProposal{Leaves: make([]attestation.BatchLeaf, len(sorted))}
	for i, c := range sorted {
		p.Leaves[i] = attestation.LeafOf(c)
	}
	return p, sorted
}
