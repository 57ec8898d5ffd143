package content

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/ipfs/boxo/blockstore"
	"github.com/ipfs/boxo/datastore/dshelp"
	blocks "github.com/ipfs/go-block-format"
	"github.com/ipfs/go-cid"
	ds "github.com/ipfs/go-datastore"
	dsq "github.com/ipfs/go-datastore/query"
	dssync "github.com/ipfs/go-datastore/sync"
	leveldb "github.com/ipfs/go-ds-leveldb"
	"github.com/multiformats/go-multihash"
	"go.uber.org/zap"
)

// DefaultMaxBytes is the default Store budget.
const DefaultMaxBytes = 256 << 20

// rootPrefix namespaces the file records; blocks live under
// blockstore.BlockPrefix ("/blocks") in the same datastore.
var rootPrefix = ds.NewKey("/content/roots")

// StoreConfig configures a Store.
type StoreConfig struct {
	// Dir is the LevelDB directory, created if missing. Empty keeps the
	// store in memory (tests, ephemeral nodes).
	Dir string
	// MaxBytes is the budget for stored block bytes; default
	// DefaultMaxBytes. Pinned files are never evicted, so they alone may
	// exceed it.
	MaxBytes int64
	// Logger is the parent logger; nop if nil.
	Logger *zap.Logger
}

// Store keeps whole UnixFS files (a root and all its blocks) in a boxo
// blockstore over a go-datastore (LevelDB on disk). It accounts the bytes of
// distinct blocks and, when they exceed the budget, evicts the least recently
// used unpinned files. A file is stored, evicted and pinned as a unit; blocks
// shared by several files are kept while any of them remains. Each change
// (blocks plus the file's record) is one atomic datastore batch.
//
// All methods are safe for concurrent use.
type Store struct {
	ds  ds.Batching
	bs  blockstore.Blockstore
	max int64
	log *zap.Logger
	m   *metrics // nil-safe

	mu     sync.Mutex
	roots  map[cid.Cid]*rootRecord
	blocks map[string]*blockRef // by multihash bytes
	total  int64                // bytes of distinct stored blocks
	seq    uint64               // logical clock for recency
	closed bool
}

type rootRecord struct {
	Pinned bool         `json:"pinned"`
	Seq    uint64       `json:"seq"` // last use, on the Store's logical clock
	Blocks []blockEntry `json:"blocks"`
	leases int          // readers in progress; not evicted while > 0
}

type blockEntry struct {
	Hash []byte `json:"mh"`
	Size int64  `json:"size"`
}

type blockRef struct {
	refs int
	size int64
}

// StoreStats is a snapshot of a Store's accounting.
type StoreStats struct {
	Files       int
	PinnedFiles int
	Bytes       int64 // distinct block bytes stored
	MaxBytes    int64
}

// OpenStore opens (or creates) the store in cfg.Dir, loads the file
// records and deletes blocks no record refers to.
func OpenStore(ctx context.Context, cfg StoreConfig) (*Store, error) {
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	if cfg.Logger == nil {
		cfg.Logger = zap.NewNop()
	}
	var d ds.Batching
	if cfg.Dir == "" {
		d = dssync.MutexWrap(ds.NewMapDatastore())
	} else {
		if err := os.MkdirAll(cfg.Dir, 0o700); err != nil {
			return nil, fmt.Errorf("create content dir: %w", err)
		}
		ldb, err := leveldb.NewDatastore(cfg.Dir, nil)
		if err != nil {
			return nil, fmt.Errorf("open content datastore %s: %w", cfg.Dir, err)
		}
		d = ldb
	}
	s := &Store{
		ds:     d,
		bs:     blockstore.NewBlockstore(d),
		max:    cfg.MaxBytes,
		log:    cfg.Logger.Named("content_store"),
		roots:  map[cid.Cid]*rootRecord{},
		blocks: map[string]*blockRef{},
	}
	if err := s.load(ctx); err != nil {
		_ = d.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) load(ctx context.Context) error {
	res, err := s.ds.Query(ctx, dsq.Query{Prefix: rootPrefix.String()})
	if err != nil {
		return fmt.Errorf("query content records: %w", err)
	}
	for e := range res.Next() {
		if e.Error != nil {
			_ = res.Close()
			return fmt.Errorf("read content records: %w", e.Error)
		}
		c, err := cid.Decode(ds.RawKey(e.Key).BaseNamespace())
		if err != nil {
			_ = res.Close()
			return fmt.Errorf("decode content record key %s: %w", e.Key, err)
		}
		var rec rootRecord
		if err := json.Unmarshal(e.Value, &rec); err != nil {
			_ = res.Close()
			return fmt.Errorf("decode content record %s: %w", c, err)
		}
		s.roots[c] = &rec
		s.seq = max(s.seq, rec.Seq)
		for _, b := range rec.Blocks {
			r := s.blocks[string(b.Hash)]
			if r == nil {
				r = &blockRef{size: b.Size}
				s.blocks[string(b.Hash)] = r
				s.total += b.Size
			}
			r.refs++
		}
	}
	if err := res.Close(); err != nil {
		return fmt.Errorf("read content records: %w", err)
	}
	// Blocks no record refers to (left by an older layout or a foreign
	// writer) are unaccounted; delete them.
	res, err = s.ds.Query(ctx, dsq.Query{Prefix: blockstore.BlockPrefix.String(), KeysOnly: true})
	if err != nil {
		return fmt.Errorf("query blocks: %w", err)
	}
	var orphans []ds.Key
	for e := range res.Next() {
		if e.Error != nil {
			_ = res.Close()
			return fmt.Errorf("list blocks: %w", e.Error)
		}
		k := ds.RawKey(e.Key)
		h, err := dshelp.BinaryFromDsKey(ds.NewKey(k.BaseNamespace()))
		if err != nil || s.blocks[string(h)] == nil {
			orphans = append(orphans, k)
		}
	}
	if err := res.Close(); err != nil {
		return fmt.Errorf("list blocks: %w", err)
	}
	if len(orphans) > 0 {
		b, err := s.ds.Batch(ctx)
		if err != nil {
			return fmt.Errorf("delete unreferenced blocks: %w", err)
		}
		for _, k := range orphans {
			if err := b.Delete(ctx, k); err != nil {
				return fmt.Errorf("delete unreferenced blocks: %w", err)
			}
		}
		if err := b.Commit(ctx); err != nil {
			return fmt.Errorf("delete unreferenced blocks: %w", err)
		}
	}
	s.log.Info("content store opened", zap.Int("files", len(s.roots)), zap.Int64("bytes", s.total),
		zap.Int64("max_bytes", s.max), zap.Int("unreferenced_blocks_deleted", len(orphans)))
	s.m.setStore(len(s.roots), s.total)
	return nil
}

func rootKey(c cid.Cid) ds.Key { return rootPrefix.ChildString(c.String()) }

func blockKey(h multihash.Multihash) ds.Key {
	return blockstore.BlockPrefix.Child(dshelp.MultihashToDsKey(h))
}

// Put stores the file root made of blks (which must include every block of
// the DAG; blocks are not verified here) and marks it most recently used;
// pin keeps it from eviction. If root is already stored, Put only marks it
// used and, with pin, pins it. Storing may evict other files.
func (s *Store) Put(ctx context.Context, root cid.Cid, blks []blocks.Block, pin bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	if rec := s.roots[root]; rec != nil {
		s.seq++
		rec.Seq = s.seq
		rec.Pinned = rec.Pinned || pin
		return s.saveLocked(ctx, root, rec)
	}
	rec := &rootRecord{Pinned: pin}
	seen := map[string]bool{}
	batch, err := s.ds.Batch(ctx)
	if err != nil {
		return fmt.Errorf("store %s: %w", root, err)
	}
	var added int64
	for _, b := range blks {
		h := b.Cid().Hash()
		if seen[string(h)] {
			continue
		}
		seen[string(h)] = true
		size := int64(len(b.RawData()))
		rec.Blocks = append(rec.Blocks, blockEntry{Hash: h, Size: size})
		if s.blocks[string(h)] == nil {
			if err := batch.Put(ctx, blockKey(h), b.RawData()); err != nil {
				return fmt.Errorf("store %s: %w", root, err)
			}
			added += size
		}
	}
	s.seq++
	rec.Seq = s.seq
	val, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("encode record %s: %w", root, err)
	}
	if err := batch.Put(ctx, rootKey(root), val); err != nil {
		return fmt.Errorf("store %s: %w", root, err)
	}
	if err := batch.Commit(ctx); err != nil {
		return fmt.Errorf("store %s: %w", root, err)
	}
	for _, e := range rec.Blocks {
		r := s.blocks[string(e.Hash)]
		if r == nil {
			r = &blockRef{size: e.Size}
			s.blocks[string(e.Hash)] = r
		}
		r.refs++
	}
	s.roots[root] = rec
	s.total += added
	s.evictLocked(ctx)
	s.m.setStore(len(s.roots), s.total)
	return nil
}

func (s *Store) saveLocked(ctx context.Context, root cid.Cid, rec *rootRecord) error {
	val, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("encode record %s: %w", root, err)
	}
	if err := s.ds.Put(ctx, rootKey(root), val); err != nil {
		return fmt.Errorf("save record %s: %w", root, err)
	}
	return nil
}

// evictLocked removes least recently used unpinned files, not being read,
// until the budget holds or nothing more can go.
func (s *Store) evictLocked(ctx context.Context) {
	for s.total > s.max {
		var victim cid.Cid
		var oldest uint64
		for c, rec := range s.roots {
			if rec.Pinned || rec.leases > 0 {
				continue
			}
			if !victim.Defined() || rec.Seq < oldest {
				victim, oldest = c, rec.Seq
			}
		}
		if !victim.Defined() {
			s.log.Warn("content store over budget with only pinned or in-use files",
				zap.Int64("bytes", s.total), zap.Int64("max_bytes", s.max))
			return
		}
		if err := s.removeLocked(ctx, victim); err != nil {
			s.log.Warn("evict file; store stays over budget", zap.Stringer("cid", victim), zap.Error(err))
			return
		}
		s.m.evicted()
		s.log.Debug("evicted file", zap.Stringer("cid", victim), zap.Int64("bytes", s.total))
	}
}

func (s *Store) removeLocked(ctx context.Context, root cid.Cid) error {
	rec := s.roots[root]
	if rec == nil {
		return nil
	}
	batch, err := s.ds.Batch(ctx)
	if err != nil {
		return fmt.Errorf("remove %s: %w", root, err)
	}
	if err := batch.Delete(ctx, rootKey(root)); err != nil {
		return fmt.Errorf("remove %s: %w", root, err)
	}
	var freed int64
	for _, e := range rec.Blocks {
		if r := s.blocks[string(e.Hash)]; r != nil && r.refs == 1 {
			if err := batch.Delete(ctx, blockKey(e.Hash)); err != nil {
				return fmt.Errorf("remove %s: %w", root, err)
			}
			freed += r.size
		}
	}
	if err := batch.Commit(ctx); err != nil {
		return fmt.Errorf("remove %s: %w", root, err)
	}
	for _, e := range rec.Blocks {
		if r := s.blocks[string(e.Hash)]; r != nil {
			if r.refs--; r.refs <= 0 {
				delete(s.blocks, string(e.Hash))
			}
		}
	}
	delete(s.roots, root)
	s.total -= freed
	return nil
}

// Remove deletes the file root (pinned or not) and the blocks only it used.
// Removing a file that is not stored is not an error.
func (s *Store) Remove(ctx context.Context, root cid.Cid) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	err := s.removeLocked(ctx, root)
	s.m.setStore(len(s.roots), s.total)
	return err
}

// Has reports whether the whole file root is stored.
func (s *Store) Has(root cid.Cid) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.roots[root] != nil
}

// Pinned reports whether root is stored and pinned.
func (s *Store) Pinned(root cid.Cid) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := s.roots[root]
	return rec != nil && rec.Pinned
}

// Pin keeps the stored file root from eviction. It returns an error
// wrapping ErrNotFound if root is not stored.
func (s *Store) Pin(ctx context.Context, root cid.Cid) error {
	return s.setPinned(ctx, root, true)
}

// Unpin lets the file root be evicted again, and evicts if over budget.
func (s *Store) Unpin(ctx context.Context, root cid.Cid) error {
	return s.setPinned(ctx, root, false)
}

func (s *Store) setPinned(ctx context.Context, root cid.Cid, pin bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	rec := s.roots[root]
	if rec == nil {
		return fmt.Errorf("%w: %s is not stored", ErrNotFound, root)
	}
	if rec.Pinned != pin {
		rec.Pinned = pin
		if err := s.saveLocked(ctx, root, rec); err != nil {
			rec.Pinned = !pin
			return err
		}
	}
	if !pin {
		s.evictLocked(ctx)
		s.m.setStore(len(s.roots), s.total)
	}
	return nil
}

// acquire marks root most recently used and protects it from eviction until
// release is called. ok is false if root is not stored.
func (s *Store) acquire(ctx context.Context, root cid.Cid) (release func(), ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := s.roots[root]
	if s.closed || rec == nil {
		return nil, false
	}
	rec.leases++
	s.seq++
	rec.Seq = s.seq
	if err := s.saveLocked(ctx, root, rec); err != nil {
		// Recency is advisory; the file is still readable.
		s.log.Debug("save file recency", zap.Stringer("cid", root), zap.Error(err))
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			s.mu.Lock()
			defer s.mu.Unlock()
			rec.leases--
		})
	}, true
}

// Stats returns the store's current accounting.
func (s *Store) Stats() StoreStats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := StoreStats{Files: len(s.roots), Bytes: s.total, MaxBytes: s.max}
	for _, rec := range s.roots {
		if rec.Pinned {
			st.PinnedFiles++
		}
	}
	return st
}

// Blockstore returns a read-only view of the stored blocks, verified
// against their CIDs on read (it serves bitswap peers and local reads).
// Writes through it fail: files enter the store only through Put.
func (s *Store) Blockstore() blockstore.Blockstore {
	return readOnly{&blockstore.ValidatingBlockstore{Blockstore: s.bs}}
}

// Close closes the datastore. Later calls fail with ErrClosed.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	if err := s.ds.Close(); err != nil {
		return fmt.Errorf("close content datastore: %w", err)
	}
	return nil
}

var errReadOnly = errors.New("content blockstore is read-only")

// readOnly refuses writes to a blockstore.
type readOnly struct{ blockstore.Blockstore }

func (readOnly) Put(context.Context, blocks.Block) error       { return errReadOnly }
func (readOnly) PutMany(context.Context, []blocks.Block) error { return errReadOnly }
func (readOnly) DeleteBlock(context.Context, cid.Cid) error    { return errReadOnly }
