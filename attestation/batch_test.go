package attestation_test

import (
	"bytes"
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
)

var batchDomain = attestation.Domain{ChainID: 1337, AttestationCenter: common.HexToAddress("0xac")}

// leafHashes are n distinct tree leaves.
func leafHashes(n int) []common.Hash {
	hs := make([]common.Hash, n)
	for i := range hs {
		hs[i] = crypto.Keccak256Hash([]byte(fmt.Sprintf("leaf %d", i)))
	}
	return hs
}

// sortedPair is a parent node: keccak256 of the two children, smaller first.
func sortedPair(a, b common.Hash) common.Hash {
	if bytes.Compare(a[:], b[:]) > 0 {
		a, b = b, a
	}
	return crypto.Keccak256Hash(a[:], b[:])
}

// referenceRoot builds the same tree top-down: carrying a level's odd last
// node up makes the left subtree the largest power of two below n leaves.
func referenceRoot(hs []common.Hash) common.Hash {
	if len(hs) == 1 {
		return hs[0]
	}
	k := 1
	for 2*k < len(hs) {
		k *= 2
	}
	return sortedPair(referenceRoot(hs[:k]), referenceRoot(hs[k:]))
}

func TestMerkleTree(t *testing.T) {
	for n := 1; n <= 17; n++ {
		t.Run(fmt.Sprintf("%d leaves", n), func(t *testing.T) {
			leaves := leafHashes(n)
			root := attestation.MerkleRoot(leaves)
			require.Equal(t, referenceRoot(leaves), root)
			require.Equal(t, leafHashes(n), leaves, "MerkleRoot must not change its argument")

			for i, leaf := range leaves {
				proof := attestation.MerkleProof(leaves, i)
				require.True(t, attestation.VerifyMerkleProof(leaf, proof, root), "leaf %d", i)
				require.Equal(t, leafHashes(n), leaves, "MerkleProof must not change its argument")

				tampered := leaf
				tampered[31] ^= 1
				require.False(t, attestation.VerifyMerkleProof(tampered, proof, root), "tampered leaf %d", i)
				require.False(t, attestation.VerifyMerkleProof(leaf, proof, tampered), "wrong root, leaf %d", i)
				for j := range proof {
					bad := append([]common.Hash(nil), proof...)
					bad[j][0] ^= 0x80
					require.False(t, attestation.VerifyMerkleProof(leaf, bad, root), "leaf %d, proof[%d] tampered", i, j)
				}
				if len(proof) > 0 {
					require.False(t, attestation.VerifyMerkleProof(leaf, proof[:len(proof)-1], root), "leaf %d, truncated", i)
				}
				require.False(t, attestation.VerifyMerkleProof(leaf, append(proof, leaf), root), "leaf %d, extended", i)
			}
			if n > 1 {
				// Another leaf's proof does not prove this one.
				require.False(t, attestation.VerifyMerkleProof(leaves[0], attestation.MerkleProof(leaves, n-1), root))
			}
			require.Nil(t, attestation.MerkleProof(leaves, -1))
			require.Nil(t, attestation.MerkleProof(leaves, n))
		})
	}
	require.Equal(t, common.Hash{}, attestation.MerkleRoot(nil))
}

// The tree's shape on small sizes, spelled out.
func TestMerkleTreeShape(t *testing.T) {
	h := leafHashes(5)
	tests := []struct {
		n     int
		root  common.Hash
		proof []common.Hash // of the last leaf
	}{
		{1, h[0], nil},
		{2, sortedPair(h[0], h[1]), []common.Hash{h[0]}},
		{3, sortedPair(sortedPair(h[0], h[1]), h[2]), []common.Hash{sortedPair(h[0], h[1])}},
		{4, sortedPair(sortedPair(h[0], h[1]), sortedPair(h[2], h[3])), []common.Hash{h[2], sortedPair(h[0], h[1])}},
		{5, sortedPair(sortedPair(sortedPair(h[0], h[1]), sortedPair(h[2], h[3])), h[4]),
			[]common.Hash{sortedPair(sortedPair(h[0], h[1]), sortedPair(h[2], h[3]))}},
	}
	for _, tt := range tests {
		require.Equal(t, tt.root, attestation.MerkleRoot(h[:tt.n]), "%d leaves", tt.n)
		require.Equal(t, tt.proof, attestation.MerkleProof(h[:tt.n], tt.n-1), "%d leaves", tt.n)
	}
	// Sorted pairs: the order of two leaves does not matter.
	require.Equal(t, attestation.MerkleRoot([]common.Hash{h[0], h[1]}), attestation.MerkleRoot([]common.Hash{h[1], h[0]}))
}

// TestBatchDigestGolden pins the batch digest: changing it breaks every
// keeper's batch signatures at the AttestationCenter, so it needs a new
// domain version.
func TestBatchDigestGolden(t *testing.T) {
	require.Equal(t, crypto.Keccak256Hash([]byte("TriggerX.Batch.v1")), attestation.BatchDomain)
	root := crypto.Keccak256Hash([]byte("root"))
	require.Equal(t, "0x772ca43c83f27fc003931b4bd375d712fd89bb3262baa12244ebda2d4460523e",
		attestation.BatchDigest(batchDomain, root, 50).Hex())

	// It is the abi.encode the doc comment states.
	ty := func(s string) abi.Argument {
		typ, err := abi.NewType(s, "", nil)
		require.NoError(t, err)
		return abi.Argument{Type: typ}
	}
	args := abi.Arguments{ty("bytes32"), ty("uint256"), ty("address"), ty("bytes32"), ty("uint256")}
	for _, leaves := range []uint32{1, 50, 1<<32 - 1} {
		enc, err := args.Pack(attestation.BatchDomain, new(big.Int).SetUint64(batchDomain.ChainID),
			batchDomain.AttestationCenter, root, new(big.Int).SetUint64(uint64(leaves)))
		require.NoError(t, err)
		require.Equal(t, crypto.Keccak256Hash(enc), attestation.BatchDigest(batchDomain, root, leaves), "%d leaves", leaves)
	}

	// Every input counts, and a batch digest is never a vote digest.
	base := attestation.BatchDigest(batchDomain, root, 50)
	other := batchDomain
	other.ChainID++
	require.NotEqual(t, base, attestation.BatchDigest(other, root, 50))
	other = batchDomain
	other.AttestationCenter = common.HexToAddress("0xad")
	require.NotEqual(t, base, attestation.BatchDigest(other, root, 50))
	require.NotEqual(t, base, attestation.BatchDigest(batchDomain, crypto.Keccak256Hash([]byte("other")), 50))
	require.NotEqual(t, base, attestation.BatchDigest(batchDomain, root, 49))

	leaf := attestation.BatchLeaf{TaskID: common.HexToHash("0x01"), JobID: 2, TaskDefinitionID: attestation.TimeStatic,
		ResultHash: common.HexToHash("0x03"), Approve: true}
	require.Equal(t, attestation.VoteDigest(batchDomain, leaf.TaskID, leaf.JobID, leaf.TaskDefinitionID, leaf.ResultHash, true),
		leaf.Hash(batchDomain))
	p := attestation.BatchProposal{Leaves: []attestation.BatchLeaf{leaf}}
	require.Equal(t, leaf.Hash(batchDomain), p.Root(batchDomain), "one leaf is its own root")
	require.NotEqual(t, leaf.Hash(batchDomain), attestation.BatchDigest(batchDomain, p.Root(batchDomain), 1))
}
