package content

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"sync"

	chunker "github.com/ipfs/boxo/chunker"
	"github.com/ipfs/boxo/ipld/merkledag"
	"github.com/ipfs/boxo/ipld/unixfs"
	"github.com/ipfs/boxo/ipld/unixfs/importer/balanced"
	"github.com/ipfs/boxo/ipld/unixfs/importer/helpers"
	uio "github.com/ipfs/boxo/ipld/unixfs/io"
	blocks "github.com/ipfs/go-block-format"
	"github.com/ipfs/go-cid"
	ipld "github.com/ipfs/go-ipld-format"
)

// maxBlockSize is the largest block accepted from the network (the bitswap
// and gateway limit used across IPFS implementations).
const maxBlockSize = 2 << 20

// buildFile imports data as a UnixFS file: default fixed-size chunker
// (256 KiB), balanced layout, raw leaves, CIDv1 with sha2-256. A file of one
// chunk is a single raw block. It returns the root and every block of the
// DAG.
func buildFile(ctx context.Context, data []byte) (cid.Cid, []blocks.Block, error) {
	dag := newCollector()
	params := helpers.DagBuilderParams{
		Maxlinks:   helpers.DefaultLinksPerBlock,
		RawLeaves:  true,
		CidBuilder: merkledag.V1CidPrefix(),
		Dagserv:    dag,
	}
	db, err := params.New(chunker.DefaultSplitter(bytes.NewReader(data)))
	if err != nil {
		return cid.Undef, nil, fmt.Errorf("build unixfs dag: %w", err)
	}
	root, err := balanced.Layout(db)
	if err != nil {
		return cid.Undef, nil, fmt.Errorf("build unixfs dag: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return cid.Undef, nil, err
	}
	return root.Cid(), dag.blocks(), nil
}

// readFile reads the UnixFS file c through ng, refusing files larger than
// maxSize. The size recorded in the root is checked before any other block
// is requested; the bytes actually read are bounded too, so a DAG that lies
// about its size cannot make readFile return or buffer more than maxSize+1
// bytes.
func readFile(ctx context.Context, ng ipld.NodeGetter, c cid.Cid, maxSize int64) ([]byte, error) {
	nd, err := ng.Get(ctx, c)
	if err != nil {
		return nil, fmt.Errorf("get root block %s: %w", c, err)
	}
	var size uint64
	switch nd := nd.(type) {
	case *merkledag.RawNode:
		size = uint64(len(nd.RawData()))
	case *merkledag.ProtoNode:
		fsn, err := unixfs.FSNodeFromBytes(nd.Data())
		if err != nil {
			return nil, fmt.Errorf("%w: %s: dag-pb node without UnixFS data: %w", ErrNotFile, c, err)
		}
		switch t := fsn.Type(); t {
		case unixfs.TFile, unixfs.TRaw:
			size = fsn.FileSize()
		default:
			return nil, fmt.Errorf("%w: %s is a UnixFS %s", ErrNotFile, c, t)
		}
	default:
		return nil, fmt.Errorf("%w: %s: unexpected node type %T", ErrNotFile, c, nd)
	}
	if size > uint64(maxSize) {
		return nil, fmt.Errorf("%w: %s is %d bytes, limit %d", ErrTooLarge, c, size, maxSize)
	}
	r, err := uio.NewDagReader(ctx, nd, ng)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrNotFile, c, err)
	}
	defer r.Close()
	buf := bytes.NewBuffer(make([]byte, 0, size))
	if _, err := io.Copy(buf, io.LimitReader(r, maxSize+1)); err != nil {
		return nil, fmt.Errorf("read file %s: %w", c, err)
	}
	switch n := buf.Len(); {
	case int64(n) > maxSize:
		return nil, fmt.Errorf("%w: %s holds more than %d bytes", ErrTooLarge, c, maxSize)
	case uint64(n) != size:
		return nil, fmt.Errorf("%w: %s: root records %d bytes, DAG holds %d", ErrCorrupt, c, size, n)
	}
	return buf.Bytes(), nil
}

// verifyBlock checks that data hashes to c.
func verifyBlock(c cid.Cid, data []byte) error {
	got, err := c.Prefix().Sum(data)
	if err != nil {
		return fmt.Errorf("hash block %s: %w", c, err)
	}
	if !got.Equals(c) {
		return fmt.Errorf("%w: %s", ErrBlockMismatch, c)
	}
	return nil
}

// collector is an in-memory ipld.DAGService that keeps the blocks added to
// it in order. The importer writes into it.
type collector struct {
	mu    sync.Mutex
	nodes map[cid.Cid]ipld.Node
	order []cid.Cid
}

var _ ipld.DAGService = (*collector)(nil)

func newCollector() *collector { return &collector{nodes: map[cid.Cid]ipld.Node{}} }

func (d *collector) blocks() []blocks.Block {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([]blocks.Block, 0, len(d.order))
	for _, c := range d.order {
		out = append(out, d.nodes[c])
	}
	return out
}

func (d *collector) Get(_ context.Context, c cid.Cid) (ipld.Node, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if nd, ok := d.nodes[c]; ok {
		return nd, nil
	}
	return nil, ipld.ErrNotFound{Cid: c}
}

func (d *collector) GetMany(ctx context.Context, cs []cid.Cid) <-chan *ipld.NodeOption {
	out := make(chan *ipld.NodeOption, len(cs))
	for _, c := range cs {
		nd, err := d.Get(ctx, c)
		out <- &ipld.NodeOption{Node: nd, Err: err}
	}
	close(out)
	return out
}

func (d *collector) Add(_ context.Context, nd ipld.Node) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, ok := d.nodes[nd.Cid()]; !ok {
		d.nodes[nd.Cid()] = nd
		d.order = append(d.order, nd.Cid())
	}
	return nil
}

func (d *collector) AddMany(ctx context.Context, nds []ipld.Node) error {
	for _, nd := range nds {
		if err := d.Add(ctx, nd); err != nil {
			return err
		}
	}
	return nil
}

func (d *collector) Remove(context.Context, cid.Cid) error {
	return errors.New("collector: remove not supported")
}

func (d *collector) RemoveMany(context.Context, []cid.Cid) error {
	return errors.New("collector: remove not supported")
}
