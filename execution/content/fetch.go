package content

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/ipfs/boxo/blockstore"
	"github.com/ipfs/boxo/exchange"
	blocks "github.com/ipfs/go-block-format"
	"github.com/ipfs/go-cid"
	ipld "github.com/ipfs/go-ipld-format"
	"go.uber.org/zap"
)

// fetchConcurrency bounds the blocks one fetch requests at once.
const fetchConcurrency = 8

// gateway is an IPFS HTTP trustless gateway (IPIP-402/IPIP-412) serving raw
// blocks: GET {base}/ipfs/{cid}?format=raw. Every block is verified against
// its CID before it is used.
type gateway struct {
	base   []*url.URL
	client *http.Client
	m      *metrics
}

// parseGateways validates gateway base URLs: http or https, no query or
// fragment.
func parseGateways(urls []string) ([]*url.URL, error) {
	out := make([]*url.URL, 0, len(urls))
	for _, s := range urls {
		u, err := url.Parse(s)
		if err != nil {
			return nil, fmt.Errorf("parse gateway url: %w", err)
		}
		if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
			return nil, fmt.Errorf("gateway url %q: want http(s)://host[/path]", u.Redacted())
		}
		u.Path = strings.TrimRight(u.Path, "/")
		u.RawPath = ""
		out = append(out, u)
	}
	return out, nil
}

// getBlock tries each gateway in order.
func (g *gateway) getBlock(ctx context.Context, c cid.Cid) (blocks.Block, error) {
	var errs []error
	for _, base := range g.base {
		b, err := g.getFrom(ctx, base, c)
		if err == nil {
			return b, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		errs = append(errs, err)
	}
	return nil, errors.Join(errs...)
}

func (g *gateway) getFrom(ctx context.Context, base *url.URL, c cid.Cid) (blocks.Block, error) {
	u := *base
	u.Path += "/ipfs/" + c.String()
	u.RawQuery = "format=raw"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("gateway %s: build request: %w", base.Host, err)
	}
	req.Header.Set("Accept", "application/vnd.ipld.raw")
	resp, err := g.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("gateway %s: get block %s: %w", base.Host, c, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusOK:
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone:
		return nil, fmt.Errorf("gateway %s: block %s: %w", base.Host, c, ErrNotFound)
	default:
		return nil, fmt.Errorf("gateway %s: block %s: unexpected status %d", base.Host, c, resp.StatusCode)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBlockSize+1))
	if err != nil {
		return nil, fmt.Errorf("gateway %s: read block %s: %w", base.Host, c, err)
	}
	if len(data) > maxBlockSize {
		return nil, fmt.Errorf("gateway %s: block %s: %w: over %d bytes", base.Host, c, ErrTooLarge, maxBlockSize)
	}
	if err := verifyBlock(c, data); err != nil {
		g.m.reject(sourceGateway)
		return nil, fmt.Errorf("gateway %s: %w", base.Host, err)
	}
	return blocks.NewBlockWithCid(data, c)
}

// fetcher is the exchange.Interface of one Get: bitswap first, each block
// bounded by timeout; once bitswap misses a block, the rest of the fetch goes
// to the gateways. Every block is verified and charged to a byte budget.
// The first error that ends the fetch is kept, because merkledag reports
// missing blocks without their cause.
type fetcher struct {
	bitswap exchange.Fetcher // nil without a host
	gw      *gateway         // nil without gateways
	timeout time.Duration
	log     *zap.Logger
	m       *metrics

	mu       sync.Mutex
	fallback bool  // bitswap missed a block; use the gateways
	budget   int64 // bytes still allowed
	err      error // first failure
}

var _ exchange.Interface = (*fetcher)(nil)

func (f *fetcher) GetBlock(ctx context.Context, c cid.Cid) (blocks.Block, error) {
	b, err := f.getBlock(ctx, c)
	if err != nil {
		f.fail(err)
		return nil, err
	}
	return b, nil
}

func (f *fetcher) getBlock(ctx context.Context, c cid.Cid) (blocks.Block, error) {
	if f.over() {
		return nil, fmt.Errorf("%w: transfer budget for the file spent", ErrTooLarge)
	}
	b, src, err := f.fetch(ctx, c)
	if err != nil {
		return nil, err
	}
	if err := verifyBlock(c, b.RawData()); err != nil {
		f.m.reject(src)
		return nil, fmt.Errorf("%s: %w", src, err)
	}
	if err := f.charge(c, len(b.RawData())); err != nil {
		return nil, err
	}
	f.m.block(src)
	return b, nil
}

func (f *fetcher) fetch(ctx context.Context, c cid.Cid) (blocks.Block, string, error) {
	var bsErr error
	if f.bitswap != nil && !f.fellBack() {
		bctx, cancel := context.WithTimeout(ctx, f.timeout)
		b, err := f.bitswap.GetBlock(bctx, c)
		cancel()
		if err == nil {
			return b, sourceBitswap, nil
		}
		if ctx.Err() != nil {
			return nil, "", ctx.Err()
		}
		bsErr = fmt.Errorf("bitswap: block %s not delivered within %s: %w", c, f.timeout, ErrNotFound)
		if f.gw != nil && f.setFallback() {
			f.m.fallback()
			f.log.Debug("bitswap did not deliver in time; falling back to gateways",
				zap.Stringer("block", c), zap.Duration("timeout", f.timeout))
		}
	}
	if f.gw == nil {
		if bsErr == nil {
			bsErr = fmt.Errorf("block %s: no bitswap host or gateway configured: %w", c, ErrNotFound)
		}
		return nil, "", bsErr
	}
	b, err := f.gw.getBlock(ctx, c)
	if err != nil {
		return nil, "", errors.Join(bsErr, err)
	}
	return b, sourceGateway, nil
}

func (f *fetcher) GetBlocks(ctx context.Context, cs []cid.Cid) (<-chan blocks.Block, error) {
	out := make(chan blocks.Block)
	go func() {
		defer close(out)
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		sem := make(chan struct{}, fetchConcurrency)
		var wg sync.WaitGroup
		for _, c := range cs {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
			}
			if ctx.Err() != nil {
				break
			}
			wg.Go(func() {
				defer func() { <-sem }()
				b, err := f.GetBlock(ctx, c)
				if err != nil {
					cancel() // the DAG cannot be read without this block
					return
				}
				select {
				case out <- b:
				case <-ctx.Done():
				}
			})
		}
		wg.Wait()
	}()
	return out, nil
}

func (f *fetcher) NotifyNewBlocks(context.Context, ...blocks.Block) error { return nil }
func (f *fetcher) Close() error                                           { return nil }

func (f *fetcher) fellBack() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.fallback
}

// setFallback switches to the gateways and reports whether this call did.
func (f *fetcher) setFallback() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	was := f.fallback
	f.fallback = true
	return !was
}

func (f *fetcher) charge(c cid.Cid, n int) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.budget -= int64(n)
	if f.budget < 0 {
		return fmt.Errorf("%w: fetching %s exceeds the transfer budget for the file", ErrTooLarge, c)
	}
	return nil
}

func (f *fetcher) over() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.budget < 0
}

func (f *fetcher) fail(err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err == nil && !errors.Is(err, context.Canceled) {
		f.err = err
	}
}

// failure returns the first error that ended a block fetch, if any.
func (f *fetcher) failure() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.err
}

// staging is the blockstore of one Get: reads fall through to the local
// store, fetched blocks stay in memory until the whole file has been read
// and is committed to the Store at once. It remembers every block the read
// touched, local or fetched, so the file's record lists them all.
type staging struct {
	base blockstore.Blockstore

	mu  sync.Mutex
	got map[string]blocks.Block // by multihash
}

var _ blockstore.Blockstore = (*staging)(nil)

func newStaging(base blockstore.Blockstore) *staging {
	return &staging{base: base, got: map[string]blocks.Block{}}
}

func (s *staging) blocks() []blocks.Block {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]blocks.Block, 0, len(s.got))
	for _, b := range s.got {
		out = append(out, b)
	}
	return out
}

func (s *staging) lookup(c cid.Cid) (blocks.Block, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.got[string(c.Hash())]
	return b, ok
}

func (s *staging) keep(b blocks.Block) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.got[string(b.Cid().Hash())] = b
}

func (s *staging) Get(ctx context.Context, c cid.Cid) (blocks.Block, error) {
	if b, ok := s.lookup(c); ok {
		if b.Cid().Equals(c) {
			return b, nil
		}
		return blocks.NewBlockWithCid(b.RawData(), c)
	}
	b, err := s.base.Get(ctx, c)
	if err != nil {
		if ipld.IsNotFound(err) || errors.Is(err, blockstore.ErrHashMismatch) {
			// A corrupt local copy is refetched like a missing one.
			return nil, ipld.ErrNotFound{Cid: c}
		}
		return nil, err
	}
	s.keep(b)
	return b, nil
}

func (s *staging) Has(ctx context.Context, c cid.Cid) (bool, error) {
	if _, ok := s.lookup(c); ok {
		return true, nil
	}
	return s.base.Has(ctx, c)
}

func (s *staging) GetSize(ctx context.Context, c cid.Cid) (int, error) {
	if b, ok := s.lookup(c); ok {
		return len(b.RawData()), nil
	}
	return s.base.GetSize(ctx, c)
}

func (s *staging) Put(_ context.Context, b blocks.Block) error {
	s.keep(b)
	return nil
}

func (s *staging) PutMany(_ context.Context, bs []blocks.Block) error {
	for _, b := range bs {
		s.keep(b)
	}
	return nil
}

func (s *staging) DeleteBlock(_ context.Context, c cid.Cid) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.got, string(c.Hash()))
	return nil
}

func (s *staging) AllKeysChan(context.Context) (<-chan cid.Cid, error) {
	return nil, errors.New("staging blockstore: listing not supported")
}
