package node

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
)

func testProposal(n int) (attestation.BatchProposal, []attestation.Certificate) {
	var certs []attestation.Certificate
	for i := n; i > 0; i-- { // out of order, with a duplicate: proposalOf sorts and dedupes
		c := attestation.Certificate{TaskID: common.BigToHash(new(big.Int).Lsh(big.NewInt(1), uint(i))), JobID: uint64(i),
			TaskDefinitionID: attestation.TimeStatic, ResultHash: common.HexToHash("0xaa"), Approve: i%3 != 0,
			Signers: []uint64{1, 2, 3}}
		certs = append(certs, c, c)
	}
	return proposalOf(certs)
}

func TestProposalOf(t *testing.T) {
	p, certs := testProposal(5)
	require.Len(t, p.Leaves, 5)
	require.Len(t, certs, 5)
	for i, l := range p.Leaves {
		require.Equal(t, attestation.LeafOf(certs[i]), l)
		if i > 0 {
			require.Positive(t, l.TaskID.Cmp(p.Leaves[i-1].TaskID), "strictly increasing task ids")
		}
	}
}

// The collector gathers the keepers' batch votes until their stake
// reaches the approvals' quorum and returns their aggregate signature,
// which verifies against their keys; wrong votes are refused and a batch
// without quorum gives up after the wait.
func TestBatchCollector(t *testing.T) {
	keepers, sks := testKeepers(t, 4)
	d := attestation.Domain{ChainID: 1337, AttestationCenter: common.HexToAddress("0xc0")}
	p, _ := testProposal(6)
	root := p.Root(d)
	sign := func(i int, root common.Hash, leaves uint32) attestation.BatchVote {
		v := attestation.BatchVote{Root: root, Leaves: leaves, Keeper: keepers[i].Address}
		sig := sks[i].Sign(v.Digest(d))
		v.Signature = sig[:]
		return v
	}
	tests := []struct {
		name    string
		answers func(c *batchCollector) []error // the votes keepers send when they see the proposal
		signers []uint64
		wantErr []string // per answer; "" for accepted
	}{
		{
			name: "three of four sign",
			answers: func(c *batchCollector) []error {
				ctx := context.Background()
				return []error{c.AddBatchVote(ctx, sign(2, root, 6)), c.AddBatchVote(ctx, sign(0, root, 6)), c.AddBatchVote(ctx, sign(3, root, 6))}
			},
			signers: []uint64{1, 3, 4},
			wantErr: []string{"", "", ""},
		},
		{
			name: "wrong votes do not count",
			answers: func(c *batchCollector) []error {
				ctx := context.Background()
				forged := sign(1, root, 6)
				forged.Keeper = keepers[0].Address // keeper 2's signature claimed by keeper 1
				stranger := sign(1, root, 6)
				stranger.Keeper = common.HexToAddress("0xbad")
				return []error{
					c.AddBatchVote(ctx, sign(0, root, 5)), // another leaf count
					c.AddBatchVote(ctx, forged),
					c.AddBatchVote(ctx, stranger),
					c.AddBatchVote(ctx, sign(0, common.HexToHash("0x01"), 6)), // another batch: ignored
					c.AddBatchVote(ctx, sign(0, root, 6)),
					c.AddBatchVote(ctx, sign(0, root, 6)), // again: ignored
					c.AddBatchVote(ctx, sign(1, root, 6)),
				}
			},
			wantErr: []string{"for 5 leaves", "does not verify", "not registered", "", "", "", ""},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			answered := make(chan []error, 1)
			c := &batchCollector{keepers: keepers, domain: d, log: zap.NewNop()}
			c.publish = func(_ context.Context, got attestation.BatchProposal) error {
				require.Equal(t, p, got)
				go func() { answered <- tc.answers(c) }()
				return nil
			}
			bs, err := c.collect(context.Background(), p, 500*time.Millisecond)
			if tc.signers == nil {
				require.ErrorIs(t, err, errNoBatchQuorum)
			} else {
				require.NoError(t, err)
				require.Equal(t, root, bs.root)
				require.Equal(t, tc.signers, bs.signers)
				var pks []attestation.BLSPublicKey
				for _, id := range bs.signers {
					pks = append(pks, keepers[id-1].PublicKey)
				}
				require.True(t, attestation.FastAggregateVerifyBLS(pks, attestation.BatchDigest(d, root, 6), bs.signature))
			}
			var errs []error
			select {
			case errs = <-answered:
			case <-time.After(5 * time.Second):
				t.Fatal("keepers did not answer")
			}
			require.Len(t, errs, len(tc.wantErr))
			for i, want := range tc.wantErr {
				if want == "" {
					require.NoError(t, errs[i], "answer %d", i)
				} else {
					require.ErrorContains(t, errs[i], want, "answer %d", i)
				}
			}
			require.Empty(t, c.pending, "the batch is forgotten")
		})
	}
}
