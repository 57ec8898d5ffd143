package chainwatch

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"
)

// Client is what a Watcher needs of a chain connection: log queries and
// headers (HeaderByNumber with a nil number returns the latest).
// *ethclient.Client, the ethclient/simulated Client and execution.Chain
// satisfy it.
type Client interface {
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// LogKey names the logs one poller reads: those of one event (topic0)
// emitted by one contract.
type LogKey struct {
	Contract common.Address
	Topic0   common.Hash
}

// BlockRef is a block as block subscribers see it. Hash is computed from
// the header the client returned (types.Header.Hash); on chains whose
// headers go-ethereum does not rehash faithfully it may differ from the
// block hash the node reports.
type BlockRef struct {
	Number uint64
	Hash   common.Hash
	Time   uint64 // unix seconds
}

// LogHandler receives one log. It must be idempotent (see the package
// documentation) and should return an error only for a failure worth
// retrying the whole range for: the poller of its key does not advance until
// every handler accepted the range.
type LogHandler func(ctx context.Context, l types.Log) error

// BlockHandler receives one block of a block subscription. Like a
// LogHandler it must be idempotent, and an error retries the range.
type BlockHandler func(ctx context.Context, b BlockRef) error

// Defaults of Config.
const (
	DefaultPollInterval   = 2 * time.Second
	DefaultMaxRange       = 1000
	DefaultMaxBackoff     = time.Minute
	DefaultReorgDepth     = 128
	DefaultQueryTimeout   = 30 * time.Second
	DefaultHandlerTimeout = time.Minute
)

// maxHistory bounds the block hashes a poller remembers to find the common
// ancestor after a reorganisation.
const maxHistory = 256

// maxCachedHeaders bounds the header cache shared by a Watcher's pollers.
const maxCachedHeaders = 4096

// Config configures a Watcher.
type Config struct {
	ChainID     uint64
	Client      Client
	Checkpoints CheckpointStore
	// Confirmations is the minimum, and so the default, number of blocks a
	// block must have on top of it before it is processed: a subscription
	// asking for fewer gets this many.
	Confirmations uint64
	// PollInterval is the pause between reads of the chain head, and the
	// first retry delay; default 2s.
	PollInterval time.Duration
	// MaxRange bounds the blocks of one eth_getLogs query; default 1000.
	// A failing query is retried over halved ranges.
	MaxRange uint64
	// MaxBackoff bounds the retry delay of a failing range; default 1m.
	MaxBackoff time.Duration
	// ReorgDepth bounds how far back a poller looks for the common ancestor
	// after a reorganisation deeper than its confirmations; default 128.
	ReorgDepth uint64
	// QueryTimeout bounds each chain query and checkpoint store call;
	// default 30s.
	QueryTimeout time.Duration
	// HandlerTimeout bounds each call of a handler; default 1m.
	HandlerTimeout time.Duration
	Logger         *zap.Logger
	Registerer     prometheus.Registerer
}

// Watcher follows one chain for the coordinator's event and block triggers:
// one head follower, one log poller per (contract, topic0, confirmations)
// and one block poller per confirmations value, each shared by all
// subscriptions with that key. See the package documentation.
type Watcher struct {
	cfg     Config
	logger  *zap.Logger
	metrics *metrics
	heads   heads

	mu       sync.Mutex
	pollers  map[string]*poller
	lastDone map[string]<-chan struct{} // of stopped pollers, until the next one of that name starts
	runCtx   context.Context            // non-nil while Run runs
	ran      bool
	wg       sync.WaitGroup
	nextSub  uint64
}

// New checks cfg and returns a Watcher; Run starts it.
func New(cfg Config) (*Watcher, error) {
	if cfg.ChainID == 0 {
		return nil, errors.New("new chain watcher: no chain id")
	}
	if cfg.Client == nil {
		return nil, errors.New("new chain watcher: no client")
	}
	if cfg.Checkpoints == nil {
		return nil, errors.New("new chain watcher: no checkpoint store")
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = DefaultPollInterval
	}
	if cfg.MaxRange == 0 {
		cfg.MaxRange = DefaultMaxRange
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = DefaultMaxBackoff
	}
	if cfg.MaxBackoff < cfg.PollInterval {
		cfg.MaxBackoff = cfg.PollInterval
	}
	if cfg.ReorgDepth == 0 {
		cfg.ReorgDepth = DefaultReorgDepth
	}
	if cfg.QueryTimeout <= 0 {
		cfg.QueryTimeout = DefaultQueryTimeout
	}
	if cfg.HandlerTimeout <= 0 {
		cfg.HandlerTimeout = DefaultHandlerTimeout
	}
	if cfg.Logger == nil {
		cfg.Logger = zap.NewNop()
	}
	w := &Watcher{
		cfg:      cfg,
		logger:   cfg.Logger.Named("chainwatch").With(zap.Uint64("chain_id", cfg.ChainID)),
		pollers:  make(map[string]*poller),
		lastDone: make(map[string]<-chan struct{}),
	}
	w.heads.init()
	m, err := newMetrics(cfg.Registerer, cfg.ChainID)
	if err != nil {
		w.logger.Warn("Register chain watcher metrics", zap.Error(err))
	}
	w.metrics = m
	return w, nil
}

// Run follows the chain head and runs the pollers until ctx ends, then
// waits for them to stop and returns nil. Subscriptions made before Run
// start with it; later ones start at once. A Watcher runs once.
func (w *Watcher) Run(ctx context.Context) error {
	w.mu.Lock()
	if w.ran {
		w.mu.Unlock()
		return errors.New("chain watcher already ran")
	}
	w.ran = true
	w.runCtx = ctx
	for _, p := range w.pollers {
		w.start(p)
	}
	w.mu.Unlock()
	w.logger.Info("Chain watcher started", zap.Duration("poll_interval", w.cfg.PollInterval),
		zap.Uint64("max_range", w.cfg.MaxRange), zap.Uint64("min_confirmations", w.cfg.Confirmations))

	w.followHead(ctx)

	w.mu.Lock()
	w.runCtx = nil
	w.mu.Unlock()
	w.wg.Wait()
	w.logger.Info("Chain watcher stopped")
	return nil
}

// Head returns the latest head the watcher saw; false before the first.
func (w *Watcher) Head() (BlockRef, bool) {
	ref, ok, _ := w.heads.get()
	return ref, ok
}

// SubscribeLogs calls fn for each log of key in (block, log index) order,
// once the log's block has confirmations blocks on top of it (at least
// Config.Confirmations). Subscriptions with the same key and effective
// confirmations share one poller, which starts from its checkpoint, or, if
// it has none, at the current safe head; a subscription joining a running
// poller starts from the poller's position. Removed logs are never
// delivered. unsubscribe stops the deliveries (a call in progress may
// finish) and, for the last subscriber of a poller, stops the poller; its
// checkpoint stays, and a later subscription resumes from it.
func (w *Watcher) SubscribeLogs(key LogKey, confirmations uint64, fn LogHandler) (unsubscribe func()) {
	if fn == nil {
		return func() {}
	}
	conf := max(confirmations, w.cfg.Confirmations)
	name := LogPollerName(w.cfg.ChainID, key, conf)
	return w.subscribe(name, func() *poller { return w.newPoller(name, kindLogs, key, conf) },
		&subscription{onLog: fn})
}

// SubscribeBlocks calls fn for each block whose number is start + k·every
// (k ≥ 0), in order, once it has confirmations blocks on top of it (at
// least Config.Confirmations); every 0 counts as 1. Block subscriptions with
// the same effective confirmations share one poller, with the semantics of
// SubscribeLogs: blocks before the poller's position are not delivered.
func (w *Watcher) SubscribeBlocks(every, start, confirmations uint64, fn BlockHandler) (unsubscribe func()) {
	if fn == nil {
		return func() {}
	}
	conf := max(confirmations, w.cfg.Confirmations)
	name := BlockPollerName(w.cfg.ChainID, conf)
	return w.subscribe(name, func() *poller { return w.newPoller(name, kindBlocks, LogKey{}, conf) },
		&subscription{onBlock: fn, every: max(every, 1), start: start})
}

func (w *Watcher) subscribe(name string, create func() *poller, s *subscription) func() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.nextSub++
	s.id = w.nextSub
	p := w.pollers[name]
	if p == nil {
		p = create()
		if done, ok := w.lastDone[name]; ok {
			p.prev = done
			delete(w.lastDone, name)
		}
		w.pollers[name] = p
		if w.runCtx != nil {
			w.start(p)
		}
	}
	p.add(s)
	var once sync.Once
	return func() { once.Do(func() { w.unsubscribe(p, s) }) }
}

func (w *Watcher) unsubscribe(p *poller, s *subscription) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if p.remove(s) > 0 {
		return
	}
	if w.pollers[p.name] == p {
		delete(w.pollers, p.name)
	}
	if p.cancel != nil {
		p.cancel()
		// A new poller of this name waits for this one to stop, so that
		// two never write one checkpoint.
		w.lastDone[p.name] = p.done
	}
	p.logger.Debug("Poller stopping: no subscribers left")
}

// start runs p under the running context; w.mu is held.
func (w *Watcher) start(p *poller) {
	ctx, cancel := context.WithCancel(w.runCtx)
	p.cancel = cancel
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		defer close(p.done)
		defer w.metrics.deletePoller(p.label)
		defer cancel()
		p.run(ctx)
	}()
}

// followHead reads the head every PollInterval until ctx ends.
func (w *Watcher) followHead(ctx context.Context) {
	t := time.NewTicker(w.cfg.PollInterval)
	defer t.Stop()
	failures := 0
	for {
		if err := w.pollHead(ctx); err != nil && ctx.Err() == nil {
			failures++
			if failures == 1 {
				w.logger.Warn("Read chain head", zap.Error(err))
			} else {
				w.logger.Debug("Read chain head", zap.Error(err), zap.Int("failures", failures))
			}
		} else if failures > 0 {
			w.logger.Info("Chain head readable again", zap.Int("failures", failures))
			failures = 0
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (w *Watcher) pollHead(ctx context.Context) error {
	qctx, cancel := context.WithTimeout(ctx, w.cfg.QueryTimeout)
	defer cancel()
	h, err := w.cfg.Client.HeaderByNumber(qctx, nil)
	if err != nil {
		return err
	}
	if h == nil || h.Number == nil || !h.Number.IsUint64() {
		return errors.New("node returned no head number")
	}
	ref := BlockRef{Number: h.Number.Uint64(), Hash: h.Hash(), Time: h.Time}
	if w.heads.set(ref) {
		w.metrics.setHead(ref.Number)
	}
	return nil
}

// header returns the header of block n through the cache shared by the
// pollers; the cache is emptied whenever the head changes.
func (w *Watcher) header(ctx context.Context, n uint64) (*types.Header, error) {
	e, fetch := w.heads.entry(n)
	if fetch {
		e.hdr, e.err = w.fetchHeader(ctx, n)
		close(e.done)
		if e.err != nil {
			w.heads.forget(n, e)
		}
		return e.hdr, e.err
	}
	select {
	case <-e.done:
		return e.hdr, e.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// fetchHeader reads the header of block n from the client.
func (w *Watcher) fetchHeader(ctx context.Context, n uint64) (*types.Header, error) {
	qctx, cancel := context.WithTimeout(ctx, w.cfg.QueryTimeout)
	defer cancel()
	h, err := w.cfg.Client.HeaderByNumber(qctx, new(big.Int).SetUint64(n))
	if err != nil {
		return nil, fmt.Errorf("read header of block %d: %w", n, err)
	}
	if h == nil || h.Number == nil || !h.Number.IsUint64() || h.Number.Uint64() != n {
		return nil, fmt.Errorf("read header of block %d: node returned another block", n)
	}
	return h, nil
}

// heads holds the latest head, wakes the pollers when it changes, and
// caches headers until it does.
type heads struct {
	mu      sync.Mutex
	head    BlockRef
	known   bool
	changed chan struct{} // closed and replaced when head changes
	cache   map[uint64]*headerEntry
}

type headerEntry struct {
	done chan struct{} // closed once hdr or err is set
	hdr  *types.Header
	err  error
}

func (h *heads) init() {
	h.changed = make(chan struct{})
	h.cache = make(map[uint64]*headerEntry)
}

// set records ref as the head and reports whether it changed.
func (h *heads) set(ref BlockRef) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.known && h.head == ref {
		return false
	}
	h.head, h.known = ref, true
	close(h.changed)
	h.changed = make(chan struct{})
	clear(h.cache)
	return true
}

// get returns the head and a channel closed when it next changes.
func (h *heads) get() (BlockRef, bool, <-chan struct{}) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.head, h.known, h.changed
}

// entry returns the cache entry of block n; fetch is true when the caller
// created it and must fill it.
func (h *heads) entry(n uint64) (*headerEntry, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if e, ok := h.cache[n]; ok {
		return e, false
	}
	if len(h.cache) >= maxCachedHeaders {
		clear(h.cache)
	}
	e := &headerEntry{done: make(chan struct{})}
	h.cache[n] = e
	return e, true
}

// forget drops a failed entry so that the next reader fetches again.
func (h *heads) forget(n uint64, e *headerEntry) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.cache[n] == e {
		delete(h.cache, n)
	}
}

// invalidate empties the cache (after a reorganisation was detected).
func (h *heads) invalidate() {
	h.mu.Lock()
	defer h.mu.Unlock()
	clear(h.cache)
}
