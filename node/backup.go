package node

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts/bindings"
	"github.com/triggerx-network/triggerx/execution"
)

// backupDelay is how long after its certificate forms a performer waits for
// the aggregator's finalization before submitting the certificate itself.
const backupDelay = 15 * time.Second

// backupAggregator makes the performer of a task the backup of the
// network's aggregator for that task: it collects the votes on the tasks it
// performed (every keeper receives every vote) and, when a verdict reaches
// quorum and the task is still not recorded in the AttestationCenter after
// delay, submits the certificate itself. The aggregator stays the fast
// path; the backup covers the votes gossiped while no aggregator was
// listening (killed, restarting, cut off), which gossip never delivers
// again. Only the performer backs a task up, so a task gets at most one
// extra submission, and the AttestationCenter skips a task already
// recorded.
type backupAggregator struct {
	agg    *voteAggregator
	sub    *submitter
	center *bindings.AttestationCenter
	delay  time.Duration
	log    *zap.Logger

	base context.Context
	wg   sync.WaitGroup

	mu        sync.Mutex
	mine      map[common.Hash]time.Time // tasks this keeper performed, by when
	lastSweep time.Time
}

// mineTTL is how long a performed task is backed up.
const mineTTL = time.Hour

// performed registers a task whose result this keeper publishes.
func (b *backupAggregator) performed(_ context.Context, r attestation.Result) error {
	now := time.Now()
	b.mu.Lock()
	defer b.mu.Unlock()
	if now.Sub(b.lastSweep) > mineTTL/4 {
		b.lastSweep = now
		for id, at := range b.mine {
			if now.Sub(at) > mineTTL {
				delete(b.mine, id)
			}
		}
	}
	b.mine[r.TaskID] = now
	return nil
}

// vote hands the votes on this keeper's tasks to its aggregator.
func (b *backupAggregator) vote(ctx context.Context, v attestation.Vote) error {
	b.mu.Lock()
	_, ok := b.mine[v.TaskID]
	b.mu.Unlock()
	if !ok {
		return nil
	}
	return b.agg.AddVote(ctx, v)
}

// finalized tells the aggregator that one of this keeper's tasks is
// recorded, so it forgets its votes.
func (b *backupAggregator) finalized(ctx context.Context, f attestation.Finalization) error {
	b.mu.Lock()
	_, ok := b.mine[f.Certificate.TaskID]
	b.mu.Unlock()
	if !ok {
		return nil
	}
	return b.agg.Finalized(ctx, f)
}

// certified waits delay, then submits c unless the task is recorded.
func (b *backupAggregator) certified(_ context.Context, c attestation.Certificate) error {
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		select {
		case <-time.After(b.delay):
		case <-b.base.Done():
			return
		}
		ctx, cancel := context.WithTimeout(b.base, 30*time.Second)
		defer cancel()
		done, err := b.center.Submitted(&bind.CallOpts{Context: ctx}, c.TaskID)
		if err != nil {
			b.log.Warn("read submission; submitting the certificate", zap.Stringer("task_id", c.TaskID), zap.Error(err))
		} else if done {
			return
		}
		b.log.Info("no aggregator recorded the task: submitting its certificate", zap.Stringer("task_id", c.TaskID),
			zap.Bool("approve", c.Approve), zap.Duration("after", b.delay))
		_ = b.sub.Submit(ctx, c)
	}()
	return nil
}

func (b *backupAggregator) wait() { b.wg.Wait() }

// newBackupAggregator assembles a keeper's backup aggregator: votes kept in
// the keeper's journal database, certificates submitted one by one through
// its transaction manager.
func newBackupAggregator(base context.Context, p *process, chain ChainConfig, keepers attestation.KeeperSet, journal *Journal,
	sender *execution.Sender, log *zap.Logger,
) (*backupAggregator, error) {
	center, err := bindings.NewAttestationCenter(chain.AttestationCenter, p.chain)
	if err != nil {
		return nil, fmt.Errorf("bind attestation center: %w", err)
	}
	agg, err := newVoteAggregator(keepers, p.domain, journal.db, log.Named("backup"))
	if err != nil {
		return nil, err
	}
	sub, err := newSubmitter(p.self, center, chain.AttestationCenter, sender, log.Named("backup"))
	if err != nil {
		return nil, err
	}
	sub.base, sub.maxBatch = base, 1
	return &backupAggregator{agg: agg, sub: sub, center: center, delay: backupDelay, log: log.Named("backup"),
		base: base, mine: map[common.Hash]time.Time{}}, nil
}
