package chainwatch

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"
)

type pollerKind int

const (
	kindLogs pollerKind = iota
	kindBlocks
)

// subscription is one subscriber of a poller: onLog for a log poller;
// onBlock, every and start for a block poller.
type subscription struct {
	id      uint64
	onLog   LogHandler
	onBlock BlockHandler
	every   uint64
	start   uint64
}

// poller reads one key's block ranges from its checkpoint up to the safe
// head and delivers them to its subscribers. Its fields below mu are owned
// by its run goroutine.
type poller struct {
	w      *Watcher
	name   string // checkpoint name
	label  string // metrics label
	kind   pollerKind
	key    LogKey
	conf   uint64
	logger *zap.Logger

	// Set under w.mu.
	cancel context.CancelFunc
	done   chan struct{}
	prev   <-chan struct{} // done of the previous poller of this name

	mu   sync.Mutex
	subs []*subscription // copy-on-write, in subscription order

	cp      Checkpoint
	haveCP  bool
	history []Checkpoint // processed range ends, oldest first
	span    uint64       // blocks of the next range
	pending *pendingRange
}

// pendingRange remembers, while a range is retried, which subscribers
// already handled it, so that they do not get it again. It is only valid for
// the same range of the same chain (same hash at its end).
type pendingRange struct {
	from, to uint64
	hash     common.Hash
	done     map[*subscription]bool
}

func (w *Watcher) newPoller(name string, kind pollerKind, key LogKey, conf uint64) *poller {
	label := strings.TrimPrefix(name, fmt.Sprintf("chainwatch/%d/", w.cfg.ChainID))
	return &poller{
		w:      w,
		name:   name,
		label:  label,
		kind:   kind,
		key:    key,
		conf:   conf,
		logger: w.logger.With(zap.String("poller", label)),
		done:   make(chan struct{}),
		span:   w.cfg.MaxRange,
	}
}

func (p *poller) add(s *subscription) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.subs = append(slices.Clone(p.subs), s)
}

// remove drops s and returns the number of subscribers left.
func (p *poller) remove(s *subscription) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.subs = slices.DeleteFunc(slices.Clone(p.subs), func(x *subscription) bool { return x == s })
	return len(p.subs)
}

func (p *poller) subscribers() []*subscription {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.subs
}

// run processes ranges whenever the head moves, and retries a failed range
// with exponential backoff, until ctx ends.
func (p *poller) run(ctx context.Context) {
	if p.prev != nil {
		select {
		case <-p.prev:
		case <-ctx.Done():
			return
		}
	}
	failures := 0
	for {
		head, ok, changed := p.w.heads.get()
		var err error
		if ok {
			err = p.advance(ctx, head)
		}
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			failures++
			p.w.metrics.rangeError()
			delay := p.backoff(failures)
			p.logger.Warn("Process block range, will retry", zap.Error(err),
				zap.Int("failures", failures), zap.Duration("retry_in", delay))
			t := time.NewTimer(delay)
			select {
			case <-ctx.Done():
				t.Stop()
				return
			case <-t.C:
			}
			continue
		}
		if failures > 0 {
			p.logger.Info("Block range processed after retries", zap.Int("failures", failures))
			failures = 0
		}
		select {
		case <-ctx.Done():
			return
		case <-changed:
		}
	}
}

func (p *poller) backoff(failures int) time.Duration {
	d := p.w.cfg.PollInterval
	for i := 1; i < failures && d < p.w.cfg.MaxBackoff; i++ {
		d *= 2
	}
	return min(d, p.w.cfg.MaxBackoff)
}

// advance processes ranges up to head − confirmations.
func (p *poller) advance(ctx context.Context, head BlockRef) error {
	if head.Number < p.conf {
		return nil
	}
	safe := head.Number - p.conf
	if !p.haveCP {
		if err := p.init(ctx, safe); err != nil {
			return err
		}
	}
	for p.cp.Block < safe {
		if err := ctx.Err(); err != nil {
			return err
		}
		if len(p.subscribers()) == 0 {
			// Stopping: do not move past blocks nobody received, so that a
			// later subscriber resumes from here.
			return nil
		}
		if err := p.checkReorg(ctx); err != nil {
			return err
		}
		from := p.cp.Block + 1
		to := safe
		if to-from >= p.span {
			to = from + p.span - 1
		}
		if err := p.process(ctx, from, to); err != nil {
			return err
		}
	}
	return nil
}

// init loads the checkpoint, or starts at the safe head and saves it.
func (p *poller) init(ctx context.Context, safe uint64) error {
	sctx, cancel := context.WithTimeout(ctx, p.w.cfg.QueryTimeout)
	cp, ok, err := p.w.cfg.Checkpoints.Checkpoint(sctx, p.name)
	cancel()
	if err != nil {
		return fmt.Errorf("read checkpoint %s: %w", p.name, err)
	}
	if ok {
		p.cp, p.haveCP = cp, true
		p.history = append(p.history[:0], cp)
		p.w.metrics.setProcessed(p.label, cp.Block)
		p.logger.Info("Poller resumes from its checkpoint", zap.Uint64("block", cp.Block))
		return nil
	}
	h, err := p.w.header(ctx, safe)
	if err != nil {
		return err
	}
	cp = Checkpoint{Block: safe, Hash: h.Hash()}
	if err := p.save(ctx, cp); err != nil {
		return err
	}
	p.cp, p.haveCP = cp, true
	p.history = append(p.history[:0], cp)
	p.w.metrics.setProcessed(p.label, cp.Block)
	p.logger.Info("Poller starts at the safe head", zap.Uint64("block", cp.Block))
	return nil
}

// save writes cp to the checkpoint store.
func (p *poller) save(ctx context.Context, cp Checkpoint) error {
	sctx, cancel := context.WithTimeout(ctx, p.w.cfg.QueryTimeout)
	defer cancel()
	if err := p.w.cfg.Checkpoints.SetCheckpoint(sctx, p.name, cp); err != nil {
		return fmt.Errorf("save checkpoint %s: %w", p.name, err)
	}
	return nil
}

// checkReorg verifies that the checkpoint's block is still canonical, and
// rewinds to the newest remembered block that is if not.
func (p *poller) checkReorg(ctx context.Context) error {
	if p.cp.Hash == (common.Hash{}) {
		return nil
	}
	h, err := p.w.header(ctx, p.cp.Block)
	if err != nil {
		return err
	}
	if h.Hash() == p.cp.Hash {
		return nil
	}
	return p.rewind(ctx)
}

// rewind moves the checkpoint back to the newest processed block that is
// still canonical, looking at most ReorgDepth blocks back; if none is, to
// ReorgDepth blocks back. The blocks after it are read again: subscribers
// receive the logs (or blocks) of the new canonical chain, and again those
// of blocks that did not change.
func (p *poller) rewind(ctx context.Context) error {
	old := p.cp
	p.w.heads.invalidate()
	floor := old.Block - min(old.Block, p.w.cfg.ReorgDepth)
	var anc Checkpoint
	found := false
	for i := len(p.history) - 1; i >= 0 && !found; i-- {
		c := p.history[i]
		if c.Block >= old.Block {
			continue
		}
		if c.Block < floor {
			break
		}
		h, err := p.w.fetchHeader(ctx, c.Block)
		if err != nil {
			return err
		}
		if h.Hash() == c.Hash {
			anc, found = c, true
		}
	}
	if !found {
		h, err := p.w.fetchHeader(ctx, floor)
		if err != nil {
			return err
		}
		anc = Checkpoint{Block: floor, Hash: h.Hash()}
	}
	p.logger.Error("Chain reorganised below the confirmed blocks: reading again from the common ancestor; "+
		"what was delivered from the replaced blocks cannot be taken back",
		zap.Uint64("checkpoint_block", old.Block), zap.Stringer("checkpoint_hash", old.Hash),
		zap.Uint64("ancestor_block", anc.Block), zap.Bool("ancestor_found", found),
		zap.Uint64("depth", old.Block-anc.Block), zap.Uint64("confirmations", p.conf))
	if err := p.save(ctx, anc); err != nil {
		return err
	}
	p.cp = anc
	p.history = slices.DeleteFunc(p.history, func(c Checkpoint) bool { return c.Block >= anc.Block })
	p.history = append(p.history, anc)
	p.pending = nil
	p.w.metrics.setProcessed(p.label, anc.Block)
	return nil
}

// process reads [from, to], delivers it to every subscriber that has not
// handled it yet, and advances the checkpoint once all have.
func (p *poller) process(ctx context.Context, from, to uint64) error {
	// The end header is read before the logs: if the chain reorganises in
	// between, the saved hash is the older one and the next checkReorg
	// notices.
	end, err := p.w.header(ctx, to)
	if err != nil {
		return err
	}
	subs := p.subscribers()
	if pr := p.pending; pr == nil || pr.from != from || pr.to != to || pr.hash != end.Hash() {
		p.pending = &pendingRange{from: from, to: to, hash: end.Hash(), done: make(map[*subscription]bool)}
	}
	var (
		deliver func(*subscription) error
		nlogs   int
	)
	switch p.kind {
	case kindLogs:
		logs, err := p.readLogs(ctx, from, to)
		if err != nil {
			return err
		}
		nlogs = len(logs)
		deliver = func(s *subscription) error { return p.deliverLogs(ctx, s, logs) }
	default:
		refs, err := p.readBlocks(ctx, from, to, end, subs)
		if err != nil {
			return err
		}
		deliver = func(s *subscription) error { return p.deliverBlocks(ctx, s, from, to, refs) }
	}
	var errs []error
	for _, s := range subs {
		if p.pending.done[s] {
			continue
		}
		if err := deliver(s); err != nil {
			errs = append(errs, err)
			continue
		}
		p.pending.done[s] = true
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("deliver blocks %d-%d: %w", from, to, err)
	}
	cp := Checkpoint{Block: to, Hash: end.Hash()}
	if err := p.save(ctx, cp); err != nil {
		return err
	}
	p.cp = cp
	p.pending = nil
	p.history = append(p.history, cp)
	if len(p.history) > maxHistory {
		p.history = slices.Delete(p.history, 0, len(p.history)-maxHistory)
	}
	p.w.metrics.setProcessed(p.label, to)
	p.w.metrics.addLogs(nlogs)
	p.logger.Debug("Processed blocks", zap.Uint64("from", from), zap.Uint64("to", to),
		zap.Int("logs", nlogs), zap.Int("subscribers", len(subs)))
	return nil
}

// readLogs queries the key's logs in [from, to] and returns them in (block,
// index) order, without removed, duplicate or foreign logs. A failed query
// halves the next range; a successful one doubles it back up to MaxRange.
func (p *poller) readLogs(ctx context.Context, from, to uint64) ([]types.Log, error) {
	qctx, cancel := context.WithTimeout(ctx, p.w.cfg.QueryTimeout)
	defer cancel()
	logs, err := p.w.cfg.Client.FilterLogs(qctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(from),
		ToBlock:   new(big.Int).SetUint64(to),
		Addresses: []common.Address{p.key.Contract},
		Topics:    [][]common.Hash{{p.key.Topic0}},
	})
	if err != nil {
		p.span = max(p.span/2, 1)
		return nil, fmt.Errorf("filter logs of blocks %d-%d: %w", from, to, err)
	}
	p.span = min(p.span*2, p.w.cfg.MaxRange)
	logs = slices.DeleteFunc(logs, func(l types.Log) bool {
		return l.Removed || l.Address != p.key.Contract || len(l.Topics) == 0 || l.Topics[0] != p.key.Topic0 ||
			l.BlockNumber < from || l.BlockNumber > to
	})
	slices.SortStableFunc(logs, func(a, b types.Log) int {
		return cmp.Or(cmp.Compare(a.BlockNumber, b.BlockNumber), cmp.Compare(a.Index, b.Index))
	})
	logs = slices.CompactFunc(logs, func(a, b types.Log) bool {
		return a.BlockNumber == b.BlockNumber && a.Index == b.Index
	})
	return logs, nil
}

func (p *poller) deliverLogs(ctx context.Context, s *subscription, logs []types.Log) error {
	for _, l := range logs {
		if err := ctx.Err(); err != nil {
			return err
		}
		// Each subscriber gets its own copy (values between stages are
		// immutable).
		c := l
		c.Topics = slices.Clone(l.Topics)
		c.Data = slices.Clone(l.Data)
		hctx, cancel := context.WithTimeout(ctx, p.w.cfg.HandlerTimeout)
		err := s.onLog(hctx, c)
		cancel()
		if err != nil {
			return fmt.Errorf("subscriber %d: log %d of transaction %s in block %d: %w", s.id, l.Index, l.TxHash, l.BlockNumber, err)
		}
	}
	return nil
}

// firstFiring returns the first block ≥ from of s's schedule; false if
// there is none that fits a uint64.
func firstFiring(s *subscription, from uint64) (uint64, bool) {
	if from <= s.start {
		return s.start, true
	}
	k := (from - s.start + s.every - 1) / s.every
	n := s.start + k*s.every
	if n < from { // overflow
		return 0, false
	}
	return n, true
}

// readBlocks returns the references of the blocks of [from, to] at which
// some subscriber fires.
func (p *poller) readBlocks(ctx context.Context, from, to uint64, end *types.Header, subs []*subscription) (map[uint64]BlockRef, error) {
	refs := make(map[uint64]BlockRef)
	for _, s := range subs {
		for n, ok := firstFiring(s, from); ok && n <= to; n += s.every {
			refs[n] = BlockRef{}
			if n+s.every < n {
				break
			}
		}
	}
	for n := range refs {
		h := end
		if n != to {
			var err error
			if h, err = p.w.header(ctx, n); err != nil {
				return nil, err
			}
		}
		refs[n] = BlockRef{Number: n, Hash: h.Hash(), Time: h.Time}
	}
	return refs, nil
}

func (p *poller) deliverBlocks(ctx context.Context, s *subscription, from, to uint64, refs map[uint64]BlockRef) error {
	for n, ok := firstFiring(s, from); ok && n <= to; n += s.every {
		if err := ctx.Err(); err != nil {
			return err
		}
		hctx, cancel := context.WithTimeout(ctx, p.w.cfg.HandlerTimeout)
		err := s.onBlock(hctx, refs[n])
		cancel()
		if err != nil {
			return fmt.Errorf("subscriber %d: block %d: %w", s.id, n, err)
		}
		if n+s.every < n {
			break
		}
	}
	return nil
}
