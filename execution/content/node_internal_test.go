package content

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ipfs/boxo/ipld/merkledag"
	"github.com/ipfs/boxo/ipld/unixfs"
	blocks "github.com/ipfs/go-block-format"
	"github.com/ipfs/go-cid"
	ipld "github.com/ipfs/go-ipld-format"
	"github.com/libp2p/go-libp2p"
	"github.com/libp2p/go-libp2p/core/host"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/multiformats/go-multihash"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/stretchr/testify/require"
)

func testData(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

func newTestNode(t *testing.T, cfg Config) *Node {
	t.Helper()
	n, err := NewNode(t.Context(), cfg)
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, n.Close()) })
	return n
}

func newHost(t *testing.T) host.Host {
	t.Helper()
	h, err := libp2p.New(libp2p.ListenAddrStrings("/ip4/127.0.0.1/tcp/0"), libp2p.DisableMetrics())
	require.NoError(t, err)
	t.Cleanup(func() { _ = h.Close() })
	return h
}

// testGateway is a trustless gateway serving raw blocks from a map.
type testGateway struct {
	mu       sync.Mutex
	blocks   map[string][]byte // by multihash
	tamper   bool              // flip a byte of every raw (leaf) block
	requests atomic.Int64
	srv      *httptest.Server
}

func newTestGateway(t *testing.T, blks ...blocks.Block) *testGateway {
	t.Helper()
	g := &testGateway{blocks: map[string][]byte{}}
	g.add(blks...)
	g.srv = httptest.NewServer(http.HandlerFunc(g.serve))
	t.Cleanup(g.srv.Close)
	return g
}

func (g *testGateway) add(blks ...blocks.Block) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, b := range blks {
		g.blocks[string(b.Cid().Hash())] = b.RawData()
	}
}

func (g *testGateway) serve(w http.ResponseWriter, r *http.Request) {
	g.requests.Add(1)
	s, ok := strings.CutPrefix(r.URL.Path, "/ipfs/")
	c, err := cid.Decode(s)
	if !ok || err != nil || r.URL.Query().Get("format") != "raw" {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	g.mu.Lock()
	data, found := g.blocks[string(c.Hash())]
	tamper := g.tamper
	g.mu.Unlock()
	if !found {
		http.NotFound(w, r)
		return
	}
	data = bytes.Clone(data)
	if tamper && c.Type() == cid.Raw && len(data) > 0 {
		data[len(data)/2] ^= 0xff
	}
	w.Header().Set("Content-Type", "application/vnd.ipld.raw")
	_, _ = w.Write(data)
}

func TestAddGetRoundTrip(t *testing.T) {
	n := newTestNode(t, Config{Dir: t.TempDir()})
	for _, tc := range []struct {
		name      string
		size      int
		codec     uint64
		minBlocks int
	}{
		{"empty", 0, cid.Raw, 1},
		{"small", 100, cid.Raw, 1},
		{"one chunk", 256 << 10, cid.Raw, 1},
		{"two chunks", 256<<10 + 1, cid.DagProtobuf, 3},
		{"multi block", 900 << 10, cid.DagProtobuf, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := testData(tc.size, uint64(tc.size))
			c, err := n.Add(t.Context(), data)
			require.NoError(t, err)
			require.EqualValues(t, 1, c.Version())
			require.EqualValues(t, tc.codec, c.Type())
			require.EqualValues(t, multihash.SHA2_256, c.Prefix().MhType)

			_, blks, err := buildFile(t.Context(), data)
			require.NoError(t, err)
			require.GreaterOrEqual(t, len(blks), tc.minBlocks)

			got, err := n.Get(t.Context(), c, 0)
			require.NoError(t, err)
			require.Equal(t, data, got)
			has, err := n.Has(t.Context(), c)
			require.NoError(t, err)
			require.True(t, has)
			require.True(t, n.Store().Pinned(c))
		})
	}
}

// The CID of a known input matches what `ipfs add --cid-version=1
// --raw-leaves` (kubo) produces, so scripts can be pinned elsewhere too.
func TestAddKnownCID(t *testing.T) {
	n := newTestNode(t, Config{})
	c, err := n.Add(t.Context(), []byte("hello world\n"))
	require.NoError(t, err)
	require.Equal(t, "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4", c.String())
}

func TestStorePersists(t *testing.T) {
	dir := t.TempDir()
	data := testData(600<<10, 7)
	n, err := NewNode(t.Context(), Config{Dir: dir})
	require.NoError(t, err)
	c, err := n.Add(t.Context(), data)
	require.NoError(t, err)
	require.NoError(t, n.Close())
	_, err = n.Get(t.Context(), c, 0)
	require.ErrorIs(t, err, ErrClosed)

	n2 := newTestNode(t, Config{Dir: dir})
	got, err := n2.Get(t.Context(), c, 0)
	require.NoError(t, err)
	require.Equal(t, data, got)
	require.True(t, n2.Store().Pinned(c))
}

func TestBitswapFetch(t *testing.T) {
	ha, hb := newHost(t), newHost(t)
	a := newTestNode(t, Config{Host: ha})
	b := newTestNode(t, Config{Host: hb, FetchTimeout: 20 * time.Second})
	require.NoError(t, hb.Connect(t.Context(), peer.AddrInfo{ID: ha.ID(), Addrs: ha.Addrs()}))

	for _, size := range []int{1000, 700 << 10} {
		data := testData(size, uint64(size))
		c, err := a.Add(t.Context(), data)
		require.NoError(t, err)

		ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
		got, err := b.Get(ctx, c, 0)
		cancel()
		require.NoError(t, err)
		require.Equal(t, data, got)
		has, err := b.Has(t.Context(), c)
		require.NoError(t, err)
		require.True(t, has, "fetched file is cached")
		require.False(t, b.Store().Pinned(c))
	}
}

// Keepers fetch from each other: C, connected only to B, gets a file B
// fetched from A.
func TestBitswapFromPeerCache(t *testing.T) {
	ha, hb, hc := newHost(t), newHost(t), newHost(t)
	a := newTestNode(t, Config{Host: ha})
	b := newTestNode(t, Config{Host: hb, FetchTimeout: 20 * time.Second})
	c := newTestNode(t, Config{Host: hc, FetchTimeout: 20 * time.Second})
	require.NoError(t, hb.Connect(t.Context(), peer.AddrInfo{ID: ha.ID(), Addrs: ha.Addrs()}))
	require.NoError(t, hc.Connect(t.Context(), peer.AddrInfo{ID: hb.ID(), Addrs: hb.Addrs()}))

	data := testData(500<<10, 21)
	root, err := a.Add(t.Context(), data)
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	_, err = b.Get(ctx, root, 0)
	require.NoError(t, err)
	require.NoError(t, hb.Network().ClosePeer(ha.ID()))
	require.NoError(t, a.Close())

	got, err := c.Get(ctx, root, 0)
	require.NoError(t, err)
	require.Equal(t, data, got)
}

// Concurrent Gets of overlapping files through a store smaller than them
// all; run with -race.
func TestConcurrentGets(t *testing.T) {
	var roots []cid.Cid
	var datas [][]byte
	var all []blocks.Block
	for i := range 6 {
		data := testData(300<<10+i, uint64(i))
		root, blks, err := buildFile(t.Context(), data)
		require.NoError(t, err)
		roots, datas, all = append(roots, root), append(datas, data), append(all, blks...)
	}
	gw := newTestGateway(t, all...)
	n := newTestNode(t, Config{Gateways: []string{gw.srv.URL}, MaxBytes: 1 << 20})

	var wg sync.WaitGroup
	errs := make(chan error, 60)
	for i := range 60 {
		wg.Go(func() {
			j := i % len(roots)
			got, err := n.Get(t.Context(), roots[j], 0)
			if err == nil && !bytes.Equal(got, datas[j]) {
				err = errors.New("wrong bytes")
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	require.LessOrEqual(t, n.Store().Stats().Bytes, int64(1<<20))
}

func TestGatewayFallback(t *testing.T) {
	data := testData(700<<10, 3)
	root, blks, err := buildFile(t.Context(), data)
	require.NoError(t, err)
	gw := newTestGateway(t, blks...)

	t.Run("after bitswap timeout", func(t *testing.T) {
		// A host with no peers: bitswap cannot deliver.
		reg := prometheus.NewRegistry()
		n := newTestNode(t, Config{Host: newHost(t), Gateways: []string{gw.srv.URL + "/"},
			FetchTimeout: 100 * time.Millisecond, Registerer: reg})
		got, err := n.Get(t.Context(), root, 0)
		require.NoError(t, err)
		require.Equal(t, data, got)
		require.InDelta(t, 1, testutil.ToFloat64(n.m.fallbacks), 0)
		require.InDelta(t, 1, testutil.ToFloat64(n.m.gets.WithLabelValues(resultFetched)), 0)
		require.InDelta(t, 4, testutil.ToFloat64(n.m.blocks.WithLabelValues(sourceGateway)), 0)

		_, err = n.Get(t.Context(), root, 0)
		require.NoError(t, err)
		require.InDelta(t, 1, testutil.ToFloat64(n.m.gets.WithLabelValues(resultLocal)), 0)
	})
	t.Run("without host", func(t *testing.T) {
		n := newTestNode(t, Config{Gateways: []string{"http://127.0.0.1:1", gw.srv.URL}})
		got, err := n.Get(t.Context(), root, 0)
		require.NoError(t, err)
		require.Equal(t, data, got)
	})
	t.Run("missing block", func(t *testing.T) {
		other, _, err := buildFile(t.Context(), []byte("not on the gateway"))
		require.NoError(t, err)
		n := newTestNode(t, Config{Gateways: []string{gw.srv.URL}})
		_, err = n.Get(t.Context(), other, 0)
		require.ErrorIs(t, err, ErrNotFound)
	})
	t.Run("no source", func(t *testing.T) {
		n := newTestNode(t, Config{})
		_, err := n.Get(t.Context(), root, 0)
		require.ErrorIs(t, err, ErrNotFound)
	})
}

func TestGatewayTamperedBlock(t *testing.T) {
	for _, size := range []int{1000, 700 << 10} {
		data := testData(size, 5)
		root, blks, err := buildFile(t.Context(), data)
		require.NoError(t, err)
		gw := newTestGateway(t, blks...)
		gw.tamper = true
		n := newTestNode(t, Config{Gateways: []string{gw.srv.URL}, Registerer: prometheus.NewRegistry()})
		_, err = n.Get(t.Context(), root, 0)
		t.Log(err)
		require.ErrorIs(t, err, ErrBlockMismatch)
		require.GreaterOrEqual(t, testutil.ToFloat64(n.m.rejected.WithLabelValues(sourceGateway)), 1.0)
		require.False(t, n.Store().Has(root))
		require.Zero(t, n.Store().Stats().Bytes, "nothing of a rejected fetch is stored")
	}
}

func TestSizeLimit(t *testing.T) {
	data := testData(700<<10, 9)
	root, blks, err := buildFile(t.Context(), data)
	require.NoError(t, err)
	gw := newTestGateway(t, blks...)
	n := newTestNode(t, Config{Gateways: []string{gw.srv.URL}})

	_, err = n.Get(t.Context(), root, 100<<10)
	require.ErrorIs(t, err, ErrTooLarge)
	require.EqualValues(t, 1, gw.requests.Load(), "only the root is fetched")

	// Within the limit it works; a stored file is still refused above it.
	got, err := n.Get(t.Context(), root, int64(len(data)))
	require.NoError(t, err)
	require.Equal(t, data, got)
	_, err = n.Get(t.Context(), root, int64(len(data))-1)
	require.ErrorIs(t, err, ErrTooLarge)

	small := newTestNode(t, Config{MaxFileSize: 1000})
	_, err = small.Add(t.Context(), testData(1001, 1))
	require.ErrorIs(t, err, ErrTooLarge)
	_, err = small.Add(t.Context(), testData(1000, 1))
	require.NoError(t, err)

	// A raw root is a single block: refused once its length is known.
	rawRoot, rawBlks, err := buildFile(t.Context(), testData(5000, 2))
	require.NoError(t, err)
	gw.add(rawBlks...)
	_, err = n.Get(t.Context(), rawRoot, 4999)
	require.ErrorIs(t, err, ErrTooLarge)
}

// A root that claims a small size but links to more data is refused without
// returning more than the limit.
func TestLyingRootSize(t *testing.T) {
	big := testData(300<<10, 4)
	_, blks, err := buildFile(t.Context(), big)
	require.NoError(t, err)
	leaf := blks[0]
	require.EqualValues(t, cid.Raw, leaf.Cid().Type())

	fsn := unixfs.NewFSNode(unixfs.TFile)
	fsn.AddBlockSize(10) // claims 10 bytes
	pbdata, err := fsn.GetBytes()
	require.NoError(t, err)
	nd := merkledag.NodeWithData(pbdata)
	require.NoError(t, nd.SetCidBuilder(merkledag.V1CidPrefix()))
	require.NoError(t, nd.AddRawLink("", &ipld.Link{Cid: leaf.Cid(), Size: uint64(len(leaf.RawData()))}))

	gw := newTestGateway(t, leaf, nd)
	n := newTestNode(t, Config{Gateways: []string{gw.srv.URL}})
	_, err = n.Get(t.Context(), nd.Cid(), 1000)
	t.Log(err)
	require.Error(t, err)
	require.True(t, errors.Is(err, ErrTooLarge) || errors.Is(err, ErrCorrupt), "got %v", err)
}

func TestNotAFile(t *testing.T) {
	dir := unixfs.EmptyDirNode()
	require.NoError(t, dir.SetCidBuilder(merkledag.V1CidPrefix()))
	notUnixFS := merkledag.NodeWithData([]byte("plain dag-pb, no unixfs"))
	require.NoError(t, notUnixFS.SetCidBuilder(merkledag.V1CidPrefix()))
	gw := newTestGateway(t, dir, notUnixFS)
	n := newTestNode(t, Config{Gateways: []string{gw.srv.URL}})

	_, err := n.Get(t.Context(), dir.Cid(), 0)
	require.ErrorIs(t, err, ErrNotFile)
	require.ErrorContains(t, err, "Directory")
	_, err = n.Get(t.Context(), notUnixFS.Cid(), 0)
	require.ErrorIs(t, err, ErrNotFile)

	cbor, err := cid.V1Builder{Codec: cid.DagCBOR, MhType: multihash.SHA2_256}.Sum([]byte{0xa0})
	require.NoError(t, err)
	_, err = n.Get(t.Context(), cbor, 0)
	require.ErrorIs(t, err, ErrUnsupportedCID)
	_, err = n.Get(t.Context(), cid.Undef, 0)
	require.ErrorIs(t, err, ErrInvalidCID)
	_, err = n.Has(t.Context(), cbor)
	require.ErrorIs(t, err, ErrUnsupportedCID)
}

func TestPin(t *testing.T) {
	data := testData(2000, 11)
	root, blks, err := buildFile(t.Context(), data)
	require.NoError(t, err)
	gw := newTestGateway(t, blks...)
	n := newTestNode(t, Config{Gateways: []string{gw.srv.URL}})

	require.NoError(t, n.Pin(t.Context(), root)) // fetches
	require.True(t, n.Store().Pinned(root))
	require.NoError(t, n.Unpin(t.Context(), root))
	require.False(t, n.Store().Pinned(root))
	require.True(t, n.Store().Has(root))
}

func TestConfigErrors(t *testing.T) {
	for _, gw := range []string{"ftp://x", "http://", "http://h/?q=1", "://"} {
		_, err := NewNode(t.Context(), Config{Gateways: []string{gw}})
		require.Error(t, err, gw)
	}
}

func TestCloseCancelsGets(t *testing.T) {
	n, err := NewNode(t.Context(), Config{Host: newHost(t), FetchTimeout: time.Hour})
	require.NoError(t, err)
	root, _, err := buildFile(t.Context(), []byte("nobody has this"))
	require.NoError(t, err)
	res := make(chan error, 1)
	go func() {
		_, err := n.Get(t.Context(), root, 0)
		res <- err
	}()
	require.Eventually(t, func() bool { return len(n.bswap.GetWantlist()) > 0 }, 10*time.Second, 5*time.Millisecond)
	require.NoError(t, n.Close())
	require.ErrorIs(t, <-res, context.Canceled)
	_, err = n.Add(t.Context(), []byte("x"))
	require.ErrorIs(t, err, ErrClosed)
}
