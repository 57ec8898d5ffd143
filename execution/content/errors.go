package content

import "errors"

// Errors callers branch on. Every error the package returns for one of these
// conditions wraps the matching sentinel, so test with errors.Is.
var (
	// ErrInvalidCID: a reference is not a well-formed CID, /ipfs/<cid> path
	// or ipfs://<cid> URL.
	ErrInvalidCID = errors.New("invalid CID")
	// ErrUnsupportedCID: a well-formed CID this package does not serve: a
	// codec other than dag-pb or raw, an identity or insecure hash.
	ErrUnsupportedCID = errors.New("unsupported CID")
	// ErrNotFile: the CID names a UnixFS node that is not a file (a
	// directory, HAMT shard, symlink), or a dag-pb node that is not UnixFS.
	ErrNotFile = errors.New("not a UnixFS file")
	// ErrTooLarge: a file is larger than the allowed size, or fetching it
	// would transfer more than its size allows.
	ErrTooLarge = errors.New("content too large")
	// ErrNotFound: the content is not stored locally and no source delivered
	// it in time.
	ErrNotFound = errors.New("content not found")
	// ErrBlockMismatch: a source sent bytes that do not hash to the
	// requested CID. The block is discarded.
	ErrBlockMismatch = errors.New("block does not match its CID")
	// ErrCorrupt: the blocks are authentic but do not form a valid UnixFS
	// file (for example the sizes recorded in the DAG disagree with the data).
	ErrCorrupt = errors.New("corrupt UnixFS file")
	// ErrClosed: the Node or Store has been closed.
	ErrClosed = errors.New("content store closed")
)
