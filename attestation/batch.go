package attestation

import (
	"bytes"
	"slices"

	"github.com/ethereum/go-ethereum/common"
)

// Batched attestation (docs/adr/0014): under load the aggregator proposes a
// batch of verdicts it holds certificates for; each keeper that signed the
// same vote for every task of the batch (or performed the task and the
// verdict approves its own result) BLS-signs one digest for the whole batch,
// and the AttestationCenter checks that one signature for all of them
// (submitBatch). Every task stays individually provable against the batch's
// Merkle root (proveTask).

// BatchDomain separates batch digests; AttestationCenter.BATCH_DOMAIN.
var BatchDomain = keccak([]byte("TriggerX.Batch.v1"))

// MaxBatchLeaves caps the tasks of one batch.
const MaxBatchLeaves = 256

// BatchLeaf is one task's verdict in a batch: the fields of a vote.
type BatchLeaf struct {
	TaskID           common.Hash
	JobID            uint64
	TaskDefinitionID TaskDefinitionID
	ResultHash       common.Hash
	Approve          bool
}

// Hash is the leaf's Merkle tree node: the vote digest of its verdict, so a
// leaf is bound to one deployment like a vote.
func (l BatchLeaf) Hash(d Domain) common.Hash {
	return VoteDigest(d, l.TaskID, l.JobID, l.TaskDefinitionID, l.ResultHash, l.Approve)
}

// LeafOf is the batch leaf of a certificate's verdict.
func LeafOf(c Certificate) BatchLeaf {
	return BatchLeaf{TaskID: c.TaskID, JobID: c.JobID, TaskDefinitionID: c.TaskDefinitionID,
		ResultHash: c.ResultHash, Approve: c.Approve}
}

// BatchProposal is a batch the aggregator asks keepers to sign. Its leaves
// are in strictly increasing task id order, one per task.
type BatchProposal struct {
	Leaves []BatchLeaf
}

// Clone returns a deep copy of p.
func (p BatchProposal) Clone() BatchProposal {
	p.Leaves = slices.Clone(p.Leaves)
	return p
}

// Root is the Merkle root of the proposal's leaves.
func (p BatchProposal) Root(d Domain) common.Hash {
	return MerkleRoot(p.LeafHashes(d))
}

// LeafHashes are the tree nodes of the proposal's leaves, in order.
func (p BatchProposal) LeafHashes(d Domain) []common.Hash {
	hs := make([]common.Hash, len(p.Leaves))
	for i, l := range p.Leaves {
		hs[i] = l.Hash(d)
	}
	return hs
}

// BatchVote is one keeper's BLS signature of a batch.
type BatchVote struct {
	Root      common.Hash // the batch's Merkle root
	Leaves    uint32      // the batch's number of leaves
	Keeper    common.Address
	Signature []byte // 96-byte compressed BLS signature over BatchDigest
}

// Clone returns a deep copy of v.
func (v BatchVote) Clone() BatchVote {
	v.Signature = slices.Clone(v.Signature)
	return v
}

// Digest is BatchDigest for v.
func (v BatchVote) Digest(d Domain) common.Hash { return BatchDigest(d, v.Root, v.Leaves) }

// BatchDigest is the message a keeper BLS-signs for a batch:
//
//	keccak256(abi.encode(BATCH_DOMAIN, chainId, attestationCenter, root, leaves))
//
// The AttestationCenter recomputes it in submitBatch.
func BatchDigest(d Domain, root common.Hash, leaves uint32) common.Hash {
	return keccak(BatchDomain[:], uintWord(d.ChainID), addrWord(d.AttestationCenter), root[:], uintWord(uint64(leaves)))
}

// The Merkle tree of a batch hashes sorted pairs, keccak256(min ‖ max), so
// a proof needs no left/right flags; a level of odd length carries its last
// node up unchanged. The AttestationCenter builds the same tree. A tree of
// one leaf has that leaf as its root; no tree is empty.

// MerkleRoot is the root of the tree over leaves; the zero hash for none.
func MerkleRoot(leaves []common.Hash) common.Hash {
	if len(leaves) == 0 {
		return common.Hash{}
	}
	level := slices.Clone(leaves)
	for len(level) > 1 {
		level = nextLevel(level)
	}
	return level[0]
}

// MerkleProof is the proof of leaves[i]: the sibling at each level where
// it has one, from the leaf up.
func MerkleProof(leaves []common.Hash, i int) []common.Hash {
	if i < 0 || i >= len(leaves) {
		return nil
	}
	var proof []common.Hash
	level := slices.Clone(leaves)
	for len(level) > 1 {
		if sib := i ^ 1; sib < len(level) {
			proof = append(proof, level[sib])
		}
		level = nextLevel(level)
		i /= 2
	}
	return proof
}

// VerifyMerkleProof reports whether proof leads from leaf to root.
func VerifyMerkleProof(leaf common.Hash, proof []common.Hash, root common.Hash) bool {
	h := leaf
	for _, p := range proof {
		h = hashPair(h, p)
	}
	return h == root
}

func nextLevel(level []common.Hash) []common.Hash {
	next := make([]common.Hash, 0, (len(level)+1)/2)
	for i := 0; i+1 < len(level); i += 2 {
		next = append(next, hashPair(level[i], level[i+1]))
	}
	if len(level)%2 == 1 {
		next = append(next, level[len(level)-1])
	}
	return next
}

func hashPair(a, b common.Hash) common.Hash {
	if bytes.Compare(a[:], b[:]) > 0 {
		a, b = b, a
	}
	return keccak(a[:], b[:])
}
