// Package content stores and retrieves job scripts addressed by CID.
//
// A script is a UnixFS file. Node.Add imports bytes the way `ipfs add
// --cid-version=1 --raw-leaves` does (256 KiB fixed-size chunks, balanced
// layout, raw leaves, sha2-256), so a script of one chunk is a single raw
// block ("bafkrei…") and larger ones have a dag-pb root ("bafybei…"). The
// coordinator Adds uploaded scripts and keeps them pinned; keepers Get them
// by CID.
//
// Node.Get serves a file from the local Store or fetches it: over bitswap
// from the peers of the libp2p host (the coordinator and other keepers), and,
// when bitswap does not deliver a block within Config.FetchTimeout, from
// trustless HTTP gateways (GET {gateway}/ipfs/{cid}?format=raw). Every block,
// whatever its source, is hashed and compared with its CID before use; a
// mismatch fails the Get with ErrBlockMismatch. The size recorded in the root
// is checked against the limit before any other block is requested, and the
// bytes transferred for one file are capped, so an oversized or lying DAG
// fails with ErrTooLarge. Fetched blocks are staged in memory and enter the
// Store only once the whole file has been read and verified.
//
// The Store keeps whole files in a boxo blockstore over a LevelDB datastore
// (go-ds-leveldb), within a byte budget: least recently used unpinned files
// are evicted first; pinned files never are. The Store's blocks are what the
// node serves to bitswap peers.
//
// ParseCID turns a user's reference ("bafy…", "/ipfs/bafy…", "ipfs://bafy…")
// into a CID; only dag-pb and raw CIDs with secure hashes are accepted.
//
// # Concurrency
//
// Node and Store methods are safe for concurrent use. Gets of different
// files proceed in parallel; concurrent Gets of the same missing file may
// each fetch it, and the Store keeps one copy. A file being read is not
// evicted until the read ends. Node.Close cancels operations in progress,
// waits for them, stops bitswap and closes the Store; afterwards methods
// return ErrClosed. The Node never closes the libp2p host it was given.
// Returned byte slices belong to the caller.
package content
