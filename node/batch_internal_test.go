package node

import (
	"context"
	"encoding/json"
	"math/big"
	"sync/atomic"
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

// Keepers sign a proposed batch only when their journals agree with every
// leaf: an honest batch gets every keeper's signature (the performer's for
// its own approved result), one carrying a verdict nobody reached gets
// none, and one with a leaf a keeper judged otherwise goes on without
// that keeper.
func TestBatchSignersFollowTheirJournals(t *testing.T) {
	keepers, sks := testKeepers(t, 4)
	d := attestation.Domain{ChainID: 1337, AttestationCenter: common.HexToAddress("0xc0")}
	journals := make([]*Journal, 4)
	for i := range journals {
		j, err := OpenJournal("")
		require.NoError(t, err)
		t.Cleanup(func() { _ = j.Close() })
		journals[i] = j
	}
	// Task a: keeper 4 performed it, keepers 1–3 approved. Task b: keeper
	// 1 performed it; keepers 2 and 4 approved, keeper 3 rejected.
	task := func(id string, performer int, votes map[int]bool) attestation.BatchLeaf {
		r := attestation.Result{TaskID: common.HexToHash(id), JobID: 1, TaskDefinitionID: attestation.TimeStatic,
			Performer: keepers[performer].Address, TxHash: common.HexToHash(id + "ee"), Success: true}
		enc, err := json.Marshal(r)
		require.NoError(t, err)
		require.NoError(t, journals[performer].RecordExecution(r.TaskID, ExecutionRecord{TxHash: r.TxHash, Done: true, Result: enc}))
		leaf := attestation.BatchLeaf{TaskID: r.TaskID, JobID: 1, TaskDefinitionID: attestation.TimeStatic, ResultHash: r.Hash(), Approve: true}
		for k, approve := range votes {
			l := leaf
			l.Approve = approve
			require.NoError(t, journals[k].ReserveVote(l.TaskID, l.Hash(d)))
		}
		return leaf
	}
	a := task("0xa1", 3, map[int]bool{0: true, 1: true, 2: true})
	b := task("0xb2", 0, map[int]bool{1: true, 2: false, 3: true})
	forged := a
	forged.Approve = false

	tests := []struct {
		name    string
		leaves  []attestation.BatchLeaf
		signers []uint64 // nil: no quorum
	}{
		{"every keeper agrees", []attestation.BatchLeaf{a}, []uint64{1, 2, 3, 4}},
		{"a verdict nobody reached", []attestation.BatchLeaf{forged}, nil},
		{"one keeper judged a leaf otherwise", []attestation.BatchLeaf{a, b}, []uint64{1, 2, 4}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := t.Context()
			c := &batchCollector{keepers: keepers, domain: d, log: zap.NewNop()}
			var signers []*batchSigner
			for i := range keepers {
				s := &batchSigner{self: keepers[i].Address, key: sks[i], domain: d, journal: journals[i], log: zap.NewNop(), base: ctx}
				s.Subscribe(c.AddBatchVote)
				signers = append(signers, s)
			}
			c.publish = func(ctx context.Context, p attestation.BatchProposal) error {
				for _, s := range signers {
					require.NoError(t, s.Propose(ctx, p))
				}
				return nil
			}
			p := attestation.BatchProposal{Leaves: tc.leaves}
			// Every signer answers (or gives up) within batchAgreeWait.
			bs, err := c.collect(ctx, p, batchAgreeWait+time.Second)
			for _, s := range signers {
				s.wait()
			}
			if tc.signers == nil {
				require.ErrorIs(t, err, errNoBatchQuorum)
				return
			}
			require.NoError(t, err)
			// Quorum is three of four: the fourth may or may not be in.
			require.Subset(t, tc.signers, bs.signers)
			require.GreaterOrEqual(t, len(bs.signers), 3)
		})
	}
}

// A keeper answers at most maxBatchAnswers proposals at once; more are
// declined, so a flood of proposals cannot pile up work.
func TestBatchSignerBoundsItsAnswers(t *testing.T) {
	keepers, sks := testKeepers(t, 1)
	j, err := OpenJournal("")
	require.NoError(t, err)
	defer j.Close()
	var signed atomic.Int32
	s := &batchSigner{self: keepers[0].Address, key: sks[0], journal: j, log: zap.NewNop(), base: t.Context()}
	s.Subscribe(func(context.Context, attestation.BatchVote) error { signed.Add(1); return nil })
	leaf := attestation.BatchLeaf{TaskID: common.HexToHash("0x01"), JobID: 1, TaskDefinitionID: attestation.TimeStatic, Approve: true}
	require.NoError(t, j.ReserveVote(leaf.TaskID, leaf.Hash(s.domain)))
	p := attestation.BatchProposal{Leaves: []attestation.BatchLeaf{leaf}}

	s.busy.Store(maxBatchAnswers) // as many answers running as allowed
	require.NoError(t, s.Propose(t.Context(), p))
	s.wait()
	require.Zero(t, signed.Load(), "declined while busy")

	s.busy.Store(0)
	require.NoError(t, s.Propose(t.Context(), p))
	s.wait()
	require.EqualValues(t, 1, signed.Load())
	require.Zero(t, s.busy.Load())
}
