package content

import (
	"testing"

	"github.com/ipfs/boxo/blockservice"
	"github.com/ipfs/boxo/ipld/merkledag"

	blocks "github.com/ipfs/go-block-format"
	"github.com/ipfs/go-cid"
	ds "github.com/ipfs/go-datastore"
	"github.com/stretchr/testify/require"
)

type file struct {
	root cid.Cid
	blks []blocks.Block
	size int64
}

func makeFile(t *testing.T, n int, seed uint64) file {
	t.Helper()
	root, blks, err := buildFile(t.Context(), testData(n, seed))
	require.NoError(t, err)
	var size int64
	for _, b := range blks {
		size += int64(len(b.RawData()))
	}
	return file{root, blks, size}
}

func TestStoreEvictsLeastRecentlyUsed(t *testing.T) {
	dir := t.TempDir()
	s, err := OpenStore(t.Context(), StoreConfig{Dir: dir, MaxBytes: 3500})
	require.NoError(t, err)
	pinned, a, b, c := makeFile(t, 1000, 1), makeFile(t, 1000, 2), makeFile(t, 1000, 3), makeFile(t, 1000, 4)

	require.NoError(t, s.Put(t.Context(), pinned.root, pinned.blks, true))
	require.NoError(t, s.Put(t.Context(), a.root, a.blks, false))
	require.NoError(t, s.Put(t.Context(), b.root, b.blks, false))
	release, ok := s.acquire(t.Context(), a.root) // a is now more recent than b
	require.True(t, ok)
	release()
	require.NoError(t, s.Put(t.Context(), c.root, c.blks, false)) // 4000 > 3500: evict b

	require.True(t, s.Has(pinned.root))
	require.True(t, s.Has(a.root))
	require.False(t, s.Has(b.root))
	require.True(t, s.Has(c.root))
	st := s.Stats()
	require.LessOrEqual(t, st.Bytes, int64(3500))
	require.Equal(t, StoreStats{Files: 3, PinnedFiles: 1, Bytes: 3000, MaxBytes: 3500}, st)
	_, err = s.Blockstore().Get(t.Context(), b.root)
	require.Error(t, err, "evicted blocks are deleted")

	// Accounting and recency survive a restart.
	require.NoError(t, s.Close())
	s, err = OpenStore(t.Context(), StoreConfig{Dir: dir, MaxBytes: 3500})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	require.Equal(t, st, s.Stats())
	d := makeFile(t, 1000, 5)
	require.NoError(t, s.Put(t.Context(), d.root, d.blks, false)) // evicts a (older than c)
	require.False(t, s.Has(a.root))
	require.True(t, s.Has(c.root))
	require.True(t, s.Has(d.root))
}

func TestStoreKeepsPinnedAndLeased(t *testing.T) {
	s, err := OpenStore(t.Context(), StoreConfig{MaxBytes: 1500})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	a, b := makeFile(t, 1000, 1), makeFile(t, 1000, 2)

	require.NoError(t, s.Put(t.Context(), a.root, a.blks, false))
	release, ok := s.acquire(t.Context(), a.root)
	require.True(t, ok)
	require.NoError(t, s.Put(t.Context(), b.root, b.blks, true))
	require.True(t, s.Has(a.root), "a file being read is not evicted")
	release()

	require.NoError(t, s.Pin(t.Context(), a.root))
	require.NoError(t, s.Put(t.Context(), b.root, nil, false)) // already stored: touch only
	require.Equal(t, int64(2000), s.Stats().Bytes, "pinned files may exceed the budget")
	require.NoError(t, s.Unpin(t.Context(), a.root))
	require.False(t, s.Has(a.root), "unpinning evicts when over budget")
	require.True(t, s.Has(b.root))
	require.ErrorIs(t, s.Pin(t.Context(), a.root), ErrNotFound)
}

func TestStoreSharedBlocks(t *testing.T) {
	s, err := OpenStore(t.Context(), StoreConfig{MaxBytes: 10 << 20})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	// Two files sharing their first 256 KiB chunk.
	data := testData(600<<10, 1)
	r1, b1, err := buildFile(t.Context(), data)
	require.NoError(t, err)
	data2 := append(data[:256<<10:256<<10], testData(100, 2)...)
	r2, b2, err := buildFile(t.Context(), data2)
	require.NoError(t, err)

	require.NoError(t, s.Put(t.Context(), r1, b1, false))
	one := s.Stats().Bytes
	require.NoError(t, s.Put(t.Context(), r2, b2, false))
	require.Less(t, s.Stats().Bytes-one, int64(256<<10), "the shared chunk is stored once")

	require.NoError(t, s.Remove(t.Context(), r1))
	dag := merkledag.NewDAGService(blockservice.New(s.Blockstore(), nil))
	got, err := readFile(t.Context(), dag, r2, 1<<20)
	require.NoError(t, err)
	require.Equal(t, data2, got)
	require.NoError(t, s.Remove(t.Context(), r2))
	require.Zero(t, s.Stats().Bytes)
}

func TestStoreDeletesUnreferencedBlocks(t *testing.T) {
	dir := t.TempDir()
	s, err := OpenStore(t.Context(), StoreConfig{Dir: dir})
	require.NoError(t, err)
	f := makeFile(t, 1000, 1)
	require.NoError(t, s.ds.Put(t.Context(), blockKey(f.root.Hash()), f.blks[0].RawData()))
	require.NoError(t, s.Close())

	s, err = OpenStore(t.Context(), StoreConfig{Dir: dir})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	_, err = s.ds.Get(t.Context(), blockKey(f.root.Hash()))
	require.ErrorIs(t, err, ds.ErrNotFound)
}

// A stored block whose bytes changed on disk is detected on read; the file
// is dropped and refetched.
func TestCorruptLocalBlockRefetched(t *testing.T) {
	data := testData(2000, 1)
	root, blks, err := buildFile(t.Context(), data)
	require.NoError(t, err)
	gw := newTestGateway(t, blks...)
	n := newTestNode(t, Config{Gateways: []string{gw.srv.URL}})
	require.NoError(t, n.store.Put(t.Context(), root, blks, true))
	bad := append([]byte(nil), data...)
	bad[0] ^= 1
	require.NoError(t, n.store.ds.Put(t.Context(), blockKey(root.Hash()), bad))

	got, err := n.Get(t.Context(), root, 0)
	require.NoError(t, err)
	require.Equal(t, data, got)
	require.EqualValues(t, 1, gw.requests.Load())
	require.True(t, n.Store().Pinned(root), "a refetched pinned file stays pinned")
}
