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

// Result resends: a performer publishes the result of a task that is not
// finalized again resendAfter after the first publication, then at doubling
// intervals, maxResends times in all (20 s, 40 s, 80 s, 160 s: about five
// minutes, past the attesters' grace after any deadline).
const (
	resendAfter = 20 * time.Second
	maxResends  = 4
	resendTick  = time.Second
)

// backupAggregator makes the performer of a task the backup of the
// network's aggregator for that task, and the keeper of its result until
// it is final:
//
//   - it collects the votes on the tasks it performed (every keeper
//     receives every vote) and, when a verdict reaches quorum and the task
//     is still not recorded in the AttestationCenter after delay, submits
//     the certificate itself. The aggregator stays the fast path; the
//     backup covers the votes gossiped while no aggregator was listening
//     (killed, restarting, cut off). Only the performer backs a task up, so
//     a task gets at most one extra submission, and the AttestationCenter
//     skips a task already recorded.
//   - it publishes the result again (Result.Resend) while the task is
//     neither finalized in gossip nor recorded on-chain. Gossip never
//     delivers a message twice, so a result or vote lost on the way (a node
//     restarting, a partition, a validation queue overflowing under a
//     flood) is otherwise lost for good; a resent result is new bytes, and
//     attesters answer it with their vote again, or verify it now if the
//     first copy never reached them.
type backupAggregator struct {
	agg    *voteAggregator
	sub    *submitter
	center *bindings.AttestationCenter
	delay  time.Duration
	log    *zap.Logger

	// publish sends a result again; resendAfter is the first resend's
	// delay (0: none).
	publish     func(context.Context, attestation.Result) error
	resendAfter time.Duration
	metrics     *metrics

	base context.Context
	wg   sync.WaitGroup

	mu        sync.Mutex
	mine      map[common.Hash]time.Time    // tasks this keeper performed, by when
	unfinal   map[common.Hash]*unfinalized // of those, the ones still resent
	lastSweep time.Time
}

// unfinalized is a task this keeper performed that is not known final yet,
// and its result; it is dropped once final or resent maxResends times.
type unfinalized struct {
	at      time.Time // first published
	result  attestation.Result
	resends uint32    // re-publications so far
	next    time.Time // the next re-publication
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
	if b.resendAfter > 0 {
		b.unfinal[r.TaskID] = &unfinalized{at: now, result: r.Clone(), next: now.Add(b.resendAfter)}
	}
	return nil
}

// resendLoop publishes the results of unfinalized tasks again when they
// are due, until ctx ends.
func (b *backupAggregator) resendLoop(ctx context.Context) {
	t := time.NewTicker(resendTick)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			b.resendDue(ctx, time.Now())
		}
	}
}

// resendDue publishes again every result due at now whose task the
// AttestationCenter has not recorded.
func (b *backupAggregator) resendDue(ctx context.Context, now time.Time) {
	var due []attestation.Result
	b.mu.Lock()
	for _, p := range b.unfinal {
		if !now.Before(p.next) {
			due = append(due, p.result.Clone())
		}
	}
	b.mu.Unlock()
	for _, r := range due {
		cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		done, err := b.center.Submitted(&bind.CallOpts{Context: cctx}, r.TaskID)
		cancel()
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			// Resent anyway: one needless publication costs less than
			// a task left unattested.
			b.log.Warn("read submission; resending the result", zap.Stringer("task_id", r.TaskID), zap.Error(err))
		}
		b.mu.Lock()
		p, ok := b.unfinal[r.TaskID]
		if !ok {
			b.mu.Unlock()
			continue
		}
		if done {
			delete(b.unfinal, r.TaskID)
			b.mu.Unlock()
			continue
		}
		p.resends++
		r.Resend = p.resends
		p.next = now.Add(b.resendAfter << p.resends)
		if p.resends >= maxResends {
			delete(b.unfinal, r.TaskID)
		}
		b.mu.Unlock()
		b.metrics.resent("result")
		b.log.Info("task not finalized: publishing its result again", zap.Stringer("task_id", r.TaskID),
			zap.Uint32("resend", r.Resend), zap.Duration("since", now.Sub(p.at).Round(time.Second)))
		if err := b.publish(ctx, r); err != nil {
			b.log.Warn("resend result", zap.Stringer("task_id", r.TaskID), zap.Error(err))
		}
	}
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
	delete(b.unfinal, f.Certificate.TaskID)
	b.mu.Unlock()
	if !ok {
		return nil
	}
	return b.agg.Finalized(ctx, f)
}

// start publishes resent results through publish from now on.
func (b *backupAggregator) start(publish func(context.Context, attestation.Result) error) {
	b.publish = publish
	if b.resendAfter <= 0 {
		return
	}
	b.wg.Go(func() { b.resendLoop(b.base) })
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
		resendAfter: resendAfter, base: base, mine: map[common.Hash]time.Time{}, unfinal: map[common.Hash]*unfinalized{}}, nil
}
