package content

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/ipfs/boxo/bitswap"
	"github.com/ipfs/boxo/bitswap/network/bsnet"
	"github.com/ipfs/boxo/blockservice"
	"github.com/ipfs/boxo/blockstore"
	"github.com/ipfs/boxo/ipld/merkledag"
	"github.com/ipfs/go-cid"
	ipld "github.com/ipfs/go-ipld-format"
	"github.com/libp2p/go-libp2p/core/host"
	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"
)

// Defaults for the zero values of Config.
const (
	DefaultMaxFileSize    = 1 << 20
	DefaultFetchTimeout   = 10 * time.Second
	defaultGatewayTimeout = 30 * time.Second
)

// Config configures a Node.
type Config struct {
	// Host is the libp2p host bitswap runs over (the keeper's p2p host).
	// The Node registers the bitswap protocols on it but does not own it:
	// closing the Node does not close the host. Nil disables bitswap.
	Host host.Host
	// Dir is the store's LevelDB directory; empty keeps it in memory.
	Dir string
	// MaxBytes is the store budget; default DefaultMaxBytes.
	MaxBytes int64
	// MaxFileSize is the largest file Add accepts, and the limit Get applies
	// when called with maxSize <= 0 and Pin applies; default
	// DefaultMaxFileSize.
	MaxFileSize int64
	// Gateways are trustless HTTP gateway base URLs ("https://host[/path]"),
	// tried in order when bitswap does not deliver a block within
	// FetchTimeout (or at once without a Host).
	Gateways []string
	// FetchTimeout bounds the wait for each block over bitswap; default
	// DefaultFetchTimeout.
	FetchTimeout time.Duration
	// HTTPClient is used for gateways; default a client with a 30s timeout.
	HTTPClient *http.Client
	// Logger is the parent logger; the node logs as "content". Nop if nil.
	Logger *zap.Logger
	// Registerer, if set, receives the node's metrics.
	Registerer prometheus.Registerer
}

// Node adds and gets UnixFS files by CID: a Store, a bitswap exchange over
// the libp2p host that serves the store to peers and fetches from them, and
// HTTP gateway fallback.
type Node struct {
	store   *Store
	local   ipld.NodeGetter // offline DAG over the store, verifying blocks
	bswap   *bitswap.Bitswap
	gw      *gateway
	timeout time.Duration
	maxFile int64
	log     *zap.Logger
	m       *metrics

	ctx    context.Context // ends on Close; bounds every operation
	cancel context.CancelFunc

	mu     sync.Mutex // guards closed and ops.Add
	closed bool
	ops    sync.WaitGroup
	once   sync.Once
	err    error
}

// NewNode opens the store and, with a host, starts bitswap on it. ctx bounds
// the opening only; the node runs until Close, which releases it.
func NewNode(ctx context.Context, cfg Config) (*Node, error) {
	if cfg.Logger == nil {
		cfg.Logger = zap.NewNop()
	}
	if cfg.MaxFileSize <= 0 {
		cfg.MaxFileSize = DefaultMaxFileSize
	}
	if cfg.FetchTimeout <= 0 {
		cfg.FetchTimeout = DefaultFetchTimeout
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: defaultGatewayTimeout}
	}
	log := cfg.Logger.Named("content")
	gws, err := parseGateways(cfg.Gateways)
	if err != nil {
		return nil, err
	}
	m, err := newMetrics(cfg.Registerer)
	if err != nil {
		return nil, err
	}
	store, err := OpenStore(ctx, StoreConfig{Dir: cfg.Dir, MaxBytes: cfg.MaxBytes, Logger: cfg.Logger})
	if err != nil {
		return nil, err
	}
	store.m = m
	m.setStore(store.Stats().Files, store.Stats().Bytes)

	nctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	n := &Node{
		store:   store,
		local:   merkledag.NewDAGService(blockservice.New(blockstore.NewIdStore(store.Blockstore()), nil)),
		timeout: cfg.FetchTimeout,
		maxFile: cfg.MaxFileSize,
		log:     log,
		m:       m,
		ctx:     nctx,
		cancel:  cancel,
	}
	if len(gws) > 0 {
		n.gw = &gateway{base: gws, client: cfg.HTTPClient, m: m}
	}
	if cfg.Host != nil {
		// No content routing: wants are broadcast to connected peers (the
		// coordinator and the other keepers).
		n.bswap = bitswap.New(nctx, bsnet.NewFromIpfsHost(cfg.Host), nil, store.Blockstore())
	}
	log.Info("content node started", zap.Bool("bitswap", n.bswap != nil), zap.Int("gateways", len(gws)),
		zap.Duration("fetch_timeout", n.timeout), zap.Int64("max_file_size", n.maxFile))
	return n, nil
}

// Store returns the node's store.
func (n *Node) Store() *Store { return n.store }

// begin registers an operation Close waits for and returns its context,
// which also ends when the node closes.
func (n *Node) begin(ctx context.Context) (context.Context, func(), error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.closed {
		return nil, nil, ErrClosed
	}
	n.ops.Add(1)
	ctx, cancel := context.WithCancel(ctx)
	stop := context.AfterFunc(n.ctx, cancel)
	return ctx, func() {
		stop()
		cancel()
		n.ops.Done()
	}, nil
}

// Add imports data as a UnixFS file (CIDv1, raw leaves, balanced layout),
// stores it pinned and announces it to bitswap peers that want it. Files
// larger than MaxFileSize are refused with ErrTooLarge.
func (n *Node) Add(ctx context.Context, data []byte) (cid.Cid, error) {
	if int64(len(data)) > n.maxFile {
		return cid.Undef, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(data), n.maxFile)
	}
	ctx, done, err := n.begin(ctx)
	if err != nil {
		return cid.Undef, err
	}
	defer done()
	root, blks, err := buildFile(ctx, data)
	if err != nil {
		return cid.Undef, err
	}
	if err := n.store.Put(ctx, root, blks, true); err != nil {
		return cid.Undef, err
	}
	if n.bswap != nil {
		if err := n.bswap.NotifyNewBlocks(ctx, blks...); err != nil {
			n.log.Debug("announce added blocks", zap.Stringer("cid", root), zap.Error(err))
		}
	}
	n.log.Debug("file added", zap.Stringer("cid", root), zap.Int("bytes", len(data)), zap.Int("blocks", len(blks)))
	return root, nil
}

// Get returns the bytes of the UnixFS file c, from the store or else from
// bitswap peers and gateways, and keeps a fetched file in the store
// (unpinned). Files larger than maxSize (MaxFileSize if maxSize <= 0) are
// refused with ErrTooLarge, from the size recorded in the root before other
// blocks are fetched. Every block is verified against its CID.
func (n *Node) Get(ctx context.Context, c cid.Cid, maxSize int64) ([]byte, error) {
	data, err := n.get(ctx, c, maxSize, false)
	if err != nil {
		n.m.get(resultError)
	}
	return data, err
}

// Pin stores the file c, fetching it if needed (limited to MaxFileSize), and
// keeps it from eviction.
func (n *Node) Pin(ctx context.Context, c cid.Cid) error {
	_, err := n.get(ctx, c, 0, true)
	return err
}

// Unpin lets the stored file c be evicted.
func (n *Node) Unpin(ctx context.Context, c cid.Cid) error {
	_, done, err := n.begin(ctx)
	if err != nil {
		return err
	}
	defer done()
	return n.store.Unpin(ctx, c)
}

// Has reports whether the whole file c is in the store.
func (n *Node) Has(ctx context.Context, c cid.Cid) (bool, error) {
	if err := CheckCID(c); err != nil {
		return false, err
	}
	_, done, err := n.begin(ctx)
	if err != nil {
		return false, err
	}
	defer done()
	return n.store.Has(c), nil
}

func (n *Node) get(ctx context.Context, c cid.Cid, maxSize int64, pin bool) ([]byte, error) {
	if maxSize <= 0 {
		maxSize = n.maxFile
	}
	if err := CheckCID(c); err != nil {
		return nil, err
	}
	ctx, done, err := n.begin(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	data, ok, wasPinned, err := n.readLocal(ctx, c, maxSize)
	pin = pin || wasPinned
	if ok {
		if err == nil && pin {
			err = n.store.Pin(ctx, c)
		}
		if err != nil {
			return nil, err
		}
		n.m.get(resultLocal)
		return data, nil
	}
	data, err = n.fetch(ctx, c, maxSize, pin)
	if err != nil {
		return nil, err
	}
	n.m.get(resultFetched)
	return data, nil
}

// readLocal reads c from the store. ok is false if the store does not hold
// it, or held a damaged copy, which is dropped so the caller refetches it
// (and pins it again if wasPinned).
func (n *Node) readLocal(ctx context.Context, c cid.Cid, maxSize int64) (_ []byte, ok, wasPinned bool, _ error) {
	release, ok := n.store.acquire(ctx, c)
	if !ok {
		return nil, false, false, nil
	}
	data, err := readFile(ctx, n.local, c, maxSize)
	release()
	switch {
	case err == nil:
		return data, true, false, nil
	case ctx.Err() != nil:
		return nil, true, false, ctx.Err()
	case errors.Is(err, ErrTooLarge), errors.Is(err, ErrNotFile):
		return nil, true, false, err
	}
	n.log.Warn("stored file unreadable; dropping it and refetching", zap.Stringer("cid", c), zap.Error(err))
	wasPinned = n.store.Pinned(c)
	if err := n.store.Remove(ctx, c); err != nil {
		return nil, true, false, err
	}
	return nil, false, wasPinned, nil
}

// fetch reads c from the network into a staging blockstore and commits the
// whole file to the store.
func (n *Node) fetch(ctx context.Context, c cid.Cid, maxSize int64, pin bool) ([]byte, error) {
	f := &fetcher{
		gw:      n.gw,
		timeout: n.timeout,
		log:     n.log.With(zap.Stringer("cid", c)),
		m:       n.m,
		// The file's bytes plus generous room for its intermediate nodes.
		budget: 2*maxSize + maxBlockSize,
	}
	if n.bswap != nil {
		f.bitswap = n.bswap.NewSession(ctx)
	}
	st := newStaging(n.store.Blockstore())
	dag := merkledag.NewDAGService(blockservice.New(blockstore.NewIdStore(st), f))
	data, err := readFile(ctx, dag, c, maxSize)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("fetch %s: %w", c, ctx.Err())
		}
		if ferr := f.failure(); ferr != nil {
			return nil, fmt.Errorf("fetch %s: %w", c, ferr)
		}
		return nil, err
	}
	blks := st.blocks()
	if err := n.store.Put(ctx, c, blks, pin); err != nil {
		if pin {
			return nil, err
		}
		// The file is verified; failing to cache it only costs a refetch.
		n.log.Warn("store fetched file", zap.Stringer("cid", c), zap.Error(err))
	}
	if n.bswap != nil {
		if err := n.bswap.NotifyNewBlocks(ctx, blks...); err != nil {
			n.log.Debug("announce fetched blocks", zap.Stringer("cid", c), zap.Error(err))
		}
	}
	n.log.Debug("file fetched", zap.Stringer("cid", c), zap.Int("bytes", len(data)),
		zap.Int("blocks", len(blks)), zap.Bool("gateway_fallback", f.fellBack()))
	return data, nil
}

// Close stops bitswap and closes the store, after waiting for operations in
// progress, which are cancelled. It does not close the host. It is safe to
// call more than once.
func (n *Node) Close() error {
	n.once.Do(func() {
		n.mu.Lock()
		n.closed = true
		n.mu.Unlock()
		n.cancel()
		n.ops.Wait()
		var errs []error
		if n.bswap != nil {
			if err := n.bswap.Close(); err != nil {
				errs = append(errs, fmt.Errorf("close bitswap: %w", err))
			}
		}
		if err := n.store.Close(); err != nil {
			errs = append(errs, err)
		}
		n.err = errors.Join(errs...)
		n.log.Info("content node stopped")
	})
	return n.err
}
