package node

import (
	"bytes"
	"context"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
)

type staticKeepers []attestation.Keeper

func (s staticKeepers) Keepers(context.Context) ([]attestation.Keeper, error) { return s, nil }

func testKeepers(t *testing.T, n int) (staticKeepers, []*attestation.BLSSecretKey) {
	var ks staticKeepers
	var sks []*attestation.BLSSecretKey
	for i := range n {
		sk, err := attestation.GenerateBLSKey()
		require.NoError(t, err)
		sks = append(sks, sk)
		ks = append(ks, attestation.Keeper{
			ID: uint64(i + 1), Address: common.BigToAddress(big.NewInt(int64(0x100 + i))),
			Stake: big.NewInt(10), PublicKey: sk.PublicKey(), Active: true,
		})
	}
	return ks, sks
}

func TestVoteAggregatorQuorum(t *testing.T) {
	domain := attestation.Domain{ChainID: 1337, AttestationCenter: common.HexToAddress("0xac")}
	task := common.HexToHash("0x7a5c")
	good, bad := common.HexToHash("0x600d"), common.HexToHash("0xbad")
	vote := func(sk *attestation.BLSSecretKey, k attestation.Keeper, rh common.Hash, approve bool) attestation.Vote {
		v := attestation.Vote{TaskID: task, JobID: 7, TaskDefinitionID: 1, ResultHash: rh, Approve: approve, Keeper: k.Address}
		s := sk.Sign(v.Digest(domain))
		v.Signature = s[:]
		return v
	}
	keepers, sks := testKeepers(t, 4)

	tests := []struct {
		name        string
		votes       func() []attestation.Vote
		wantCert    bool
		wantApprove bool
		wantSigners []uint64
		wantErr     []bool
	}{
		{
			name: "three of four approve",
			votes: func() []attestation.Vote {
				return []attestation.Vote{vote(sks[2], keepers[2], good, true), vote(sks[0], keepers[0], good, true), vote(sks[1], keepers[1], good, true)}
			},
			wantCert: true, wantApprove: true, wantSigners: []uint64{1, 2, 3}, wantErr: []bool{false, false, false},
		},
		{
			name: "two approve is not enough",
			votes: func() []attestation.Vote {
				return []attestation.Vote{vote(sks[0], keepers[0], good, true), vote(sks[1], keepers[1], good, true)}
			},
			wantErr: []bool{false, false},
		},
		{
			name: "two reject is a third",
			votes: func() []attestation.Vote {
				return []attestation.Vote{vote(sks[0], keepers[0], good, false), vote(sks[1], keepers[1], good, false)}
			},
			wantCert: true, wantApprove: false, wantSigners: []uint64{1, 2}, wantErr: []bool{false, false},
		},
		{
			name: "votes on different results do not add up",
			votes: func() []attestation.Vote {
				return []attestation.Vote{vote(sks[0], keepers[0], good, true), vote(sks[1], keepers[1], bad, true), vote(sks[2], keepers[2], good, true)}
			},
			wantErr: []bool{false, false, false},
		},
		{
			name: "forged signature and duplicate are not counted",
			votes: func() []attestation.Vote {
				forged := vote(sks[3], keepers[2], good, true) // signed with another key
				return []attestation.Vote{vote(sks[0], keepers[0], good, true), vote(sks[0], keepers[0], good, true), forged, vote(sks[1], keepers[1], good, true)}
			},
			wantErr: []bool{false, false, true, false},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			agg, err := newVoteAggregator(keepers, domain, nil, zap.NewNop())
			require.NoError(t, err)
			var certs []attestation.Certificate
			agg.Subscribe(func(_ context.Context, c attestation.Certificate) error { certs = append(certs, c); return nil })
			for i, v := range tt.votes() {
				err := agg.AddVote(context.Background(), v)
				require.Equal(t, tt.wantErr[i], err != nil, "vote %d: %v", i, err)
			}
			if !tt.wantCert {
				require.Empty(t, certs)
				return
			}
			require.Len(t, certs, 1)
			c := certs[0]
			require.Equal(t, tt.wantApprove, c.Approve)
			require.Equal(t, tt.wantSigners, c.Signers)
			var pks []attestation.BLSPublicKey
			for _, id := range c.Signers {
				pks = append(pks, keepers[id-1].PublicKey)
			}
			sig, err := attestation.BLSSignatureFromBytes(c.Signature)
			require.NoError(t, err)
			require.True(t, attestation.FastAggregateVerifyBLS(pks, c.Digest(domain), sig))
		})
	}
}

func TestVoteAggregatorRestartKeepsVotes(t *testing.T) {
	domain := attestation.Domain{ChainID: 1, AttestationCenter: common.HexToAddress("0x01")}
	keepers, sks := testKeepers(t, 4)
	dir := t.TempDir()
	task := common.HexToHash("0x01")
	vote := func(i int) attestation.Vote {
		v := attestation.Vote{TaskID: task, JobID: 1, TaskDefinitionID: 1, ResultHash: common.HexToHash("0x02"), Approve: true, Keeper: keepers[i].Address}
		s := sks[i].Sign(v.Digest(domain))
		v.Signature = s[:]
		return v
	}
	db, err := openStateDB(dir)
	require.NoError(t, err)
	agg, err := newVoteAggregator(keepers, domain, db, zap.NewNop())
	require.NoError(t, err)
	require.NoError(t, agg.AddVote(context.Background(), vote(0)))
	require.NoError(t, agg.AddVote(context.Background(), vote(1)))
	require.NoError(t, db.Close())

	db, err = openStateDB(dir)
	require.NoError(t, err)
	defer db.Close()
	agg, err = newVoteAggregator(keepers, domain, db, zap.NewNop())
	require.NoError(t, err)
	require.Equal(t, []common.Hash{task}, agg.Pending())
	var certs []attestation.Certificate
	agg.Subscribe(func(_ context.Context, c attestation.Certificate) error { certs = append(certs, c); return nil })
	require.NoError(t, agg.AddVote(context.Background(), vote(2)))
	require.Len(t, certs, 1)
	require.Equal(t, []uint64{1, 2, 3}, certs[0].Signers)
}

func TestVoteAggregatorResumesUnfinalizedCertificates(t *testing.T) {
	domain := attestation.Domain{ChainID: 1, AttestationCenter: common.HexToAddress("0x01")}
	keepers, sks := testKeepers(t, 4)
	dir := t.TempDir()
	vote := func(task common.Hash, i int) attestation.Vote {
		v := attestation.Vote{TaskID: task, JobID: 1, TaskDefinitionID: 1, ResultHash: common.HexToHash("0x02"), Approve: true, Keeper: keepers[i].Address}
		s := sks[i].Sign(v.Digest(domain))
		v.Signature = s[:]
		return v
	}
	open := func() (*voteAggregator, *[]attestation.Certificate, func()) {
		db, err := openStateDB(dir)
		require.NoError(t, err)
		agg, err := newVoteAggregator(keepers, domain, db, zap.NewNop())
		require.NoError(t, err)
		var certs []attestation.Certificate
		agg.Subscribe(func(_ context.Context, c attestation.Certificate) error { certs = append(certs, c); return nil })
		return agg, &certs, func() { require.NoError(t, db.Close()) }
	}
	ctx := context.Background()
	done, pending := common.HexToHash("0xd0"), common.HexToHash("0xe0")
	agg, certs, closeDB := open()
	for i := range 3 {
		require.NoError(t, agg.AddVote(ctx, vote(done, i)))
		require.NoError(t, agg.AddVote(ctx, vote(pending, i)))
	}
	require.Len(t, *certs, 2)
	require.NoError(t, agg.Finalized(ctx, attestation.Finalization{Certificate: (*certs)[0]}))
	closeDB()

	agg, certs, closeDB = open()
	defer closeDB()
	require.NoError(t, agg.Resume(ctx))
	require.Len(t, *certs, 1, "only the unfinalized certificate is resumed")
	require.Equal(t, pending, (*certs)[0].TaskID)
	require.NoError(t, agg.AddVote(ctx, vote(done, 3)), "late vote for a finalized task")
	require.Len(t, *certs, 1)
}

// A vote whose signature this node's gossip check verified is not paired
// again; any other vote is.
func TestVoteAggregatorTrustsItsChecks(t *testing.T) {
	domain := attestation.Domain{ChainID: 1337, AttestationCenter: common.HexToAddress("0xac")}
	keepers, sks := testKeepers(t, 4)
	v := attestation.Vote{TaskID: common.HexToHash("0x7a5c"), JobID: 7, TaskDefinitionID: 1, ResultHash: common.HexToHash("0x600d"),
		Approve: true, Keeper: keepers[0].Address}
	wrong := sks[0].Sign(common.HexToHash("0x07e4")) // a valid point, not over this vote
	v.Signature = wrong[:]
	for _, trusted := range []bool{false, true} {
		agg, err := newVoteAggregator(keepers, domain, nil, zap.NewNop())
		require.NoError(t, err)
		agg.verified = func(k common.Address, d common.Hash, sig []byte) bool {
			return trusted && k == v.Keeper && d == v.Digest(domain) && bytes.Equal(sig, v.Signature)
		}
		err = agg.AddVote(context.Background(), v)
		if trusted {
			require.NoError(t, err, "verified by the check: taken as is")
		} else {
			require.ErrorIs(t, err, errBadVoteSig)
		}
	}
}
