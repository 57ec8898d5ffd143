package contracts_test

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts/bindings"
)

// onChain is v as the contract's Vote, a batch leaf.
func (v vote) onChain() bindings.AttestationCenterVote {
	return bindings.AttestationCenterVote{TaskId: v.taskID, JobId: new(big.Int).SetUint64(v.jobID),
		TaskDefinitionId: uint16(v.tdid), ResultHash: v.resultHash, Approve: v.approve}
}

// leafHashes are the batch tree's leaves for vs, as package attestation
// computes them.
func (f *centerFixture) leafHashes(vs []vote) []common.Hash {
	p := attestation.BatchProposal{}
	for _, v := range vs {
		p.Leaves = append(p.Leaves, attestation.BatchLeaf{TaskID: v.taskID, JobID: v.jobID, TaskDefinitionID: v.tdid,
			ResultHash: v.resultHash, Approve: v.approve})
	}
	return p.LeafHashes(f.domain)
}

// signBatch aggregates the signatures of the keepers at idx over the batch
// digest of vs.
func (f *centerFixture) signBatch(vs []vote, idx ...int) []byte {
	f.t.Helper()
	return f.sign(attestation.BatchDigest(f.domain, attestation.MerkleRoot(f.leafHashes(vs)), uint32(len(vs))), idx...)
}

func (f *centerFixture) submitBatch(from account, vs []vote, ids []*big.Int, sig []byte) (*types.Transaction, error) {
	leaves := make([]bindings.AttestationCenterVote, len(vs))
	for i, v := range vs {
		leaves[i] = v.onChain()
	}
	return f.c.AttestationCenter.SubmitBatch(from.auth, leaves, ids, sig)
}

// batchVotes are n votes on tasks first, first+1, ..., every third a
// rejection.
func batchVotes(first, n int) []vote {
	vs := make([]vote, n)
	for i := range vs {
		id := int64(first + i)
		vs[i] = vote{common.BigToHash(big.NewInt(id)), uint64(id), attestation.TimeStatic,
			common.BigToHash(big.NewInt(0x7e57 + id)), i%3 != 2}
	}
	return vs
}

func (f *centerFixture) recordedIn(taskID common.Hash) uint64 {
	f.t.Helper()
	b, err := f.c.AttestationCenter.RecordedIn(nil, taskID)
	require.NoError(f.t, err)
	if b.Cmp(notBatched) == 0 {
		return 1<<64 - 1
	}
	return b.Uint64()
}

func (f *centerFixture) proves(v vote, batch *big.Int, proof []common.Hash) bool {
	f.t.Helper()
	p := make([][32]byte, len(proof))
	for i, h := range proof {
		p[i] = h
	}
	ok, err := f.c.AttestationCenter.ProveTask(nil, v.onChain(), batch, p)
	require.NoError(f.t, err)
	return ok
}

var notBatched = new(big.Int).Sub(new(big.Int).Lsh(common.Big1, 256), common.Big1)

func TestBatchDigestMatchesGo(t *testing.T) {
	f := newCenterFixture(t)
	ac := f.c.AttestationCenter
	domain, err := ac.BATCHDOMAIN(nil)
	require.NoError(t, err)
	require.Equal(t, attestation.BatchDomain, common.Hash(domain))
	nb, err := ac.NOTBATCHED(nil)
	require.NoError(t, err)
	require.Zero(t, notBatched.Cmp(nb))

	for _, tt := range []struct {
		root   common.Hash
		leaves uint32
	}{
		{common.Hash{}, 0},
		{common.HexToHash("0x01"), 1},
		{common.MaxHash, 50},
		{common.HexToHash("0xabcdef"), 1<<32 - 1},
	} {
		got, err := ac.BatchDigest(nil, tt.root, new(big.Int).SetUint64(uint64(tt.leaves)))
		require.NoError(t, err)
		require.Equal(t, attestation.BatchDigest(f.domain, tt.root, tt.leaves), common.Hash(got), "%+v", tt)
	}
}

func TestSubmitBatch(t *testing.T) {
	f := newCenterFixture(t)
	ac := f.c.AttestationCenter
	aggregator := f.keepers[1]
	signers := []int{0, 1, 3}

	var number uint32
	var previous []vote // the batch before, for cross-batch proofs
	for b, size := range []int{1, 2, 3, 5, 16, 50} {
		batch := big.NewInt(int64(b + 1))
		t.Run(fmt.Sprintf("%d leaves", size), func(t *testing.T) {
			vs := batchVotes(1000*(b+1), size)
			hashes := f.leafHashes(vs)
			root := attestation.MerkleRoot(hashes)
			r := f.mine(f.submitBatch(aggregator.account, vs, f.ids(signers...), f.signBatch(vs, signers...)))

			// One TaskSubmitted or TaskRejected per leaf, in order, then
			// BatchSubmitted.
			require.Len(t, r.Logs, size+1)
			for i, v := range vs {
				number++
				l := *r.Logs[i]
				var (
					taskID, resultHash [32]byte
					jobID              *big.Int
					tdid               uint16
					taskNumber         uint32
					signerIDs          []*big.Int
					agg                common.Address
				)
				if v.approve {
					ev, err := ac.ParseTaskSubmitted(l)
					require.NoError(t, err, "leaf %d", i)
					taskID, jobID, tdid, resultHash, taskNumber, signerIDs, agg =
						ev.TaskId, ev.JobId, ev.TaskDefinitionId, ev.ResultHash, ev.TaskNumber, ev.SignerIds, ev.Aggregator
				} else {
					ev, err := ac.ParseTaskRejected(l)
					require.NoError(t, err, "leaf %d", i)
					taskID, jobID, tdid, resultHash, taskNumber, signerIDs, agg =
						ev.TaskId, ev.JobId, ev.TaskDefinitionId, ev.ResultHash, ev.TaskNumber, ev.SignerIds, ev.Aggregator
				}
				require.Equal(t, v.taskID, common.Hash(taskID))
				require.EqualValues(t, v.jobID, jobID.Uint64())
				require.Equal(t, uint16(v.tdid), tdid)
				require.Equal(t, v.resultHash, common.Hash(resultHash))
				require.Equal(t, number, taskNumber)
				require.Equal(t, f.ids(signers...), signerIDs)
				require.Equal(t, aggregator.addr(), agg)
			}
			ev, err := ac.ParseBatchSubmitted(*r.Logs[size])
			require.NoError(t, err)
			require.Zero(t, batch.Cmp(ev.Batch))
			require.Equal(t, root, common.Hash(ev.Root), "Go's MerkleRoot is the contract's")
			require.EqualValues(t, size, ev.Leaves.Int64())
			require.EqualValues(t, size, ev.Recorded.Int64())
			require.Equal(t, aggregator.addr(), ev.Aggregator)

			stored, err := ac.BatchRoot(nil, batch)
			require.NoError(t, err)
			require.Equal(t, root, common.Hash(stored))
			count, err := ac.BatchCount(nil)
			require.NoError(t, err)
			require.Zero(t, batch.Cmp(count))
			n, err := ac.TaskNumber(nil)
			require.NoError(t, err)
			require.Equal(t, number, n)

			for i, v := range vs {
				require.Equal(t, batch.Uint64(), f.recordedIn(v.taskID), "leaf %d", i)
				done, err := ac.Submitted(nil, v.taskID)
				require.NoError(t, err)
				require.True(t, done, "leaf %d", i)

				proof := attestation.MerkleProof(hashes, i)
				require.True(t, f.proves(v, batch, proof), "leaf %d", i)

				// A wrong leaf: another verdict or result on the same task.
				flipped := v
				flipped.approve = !v.approve
				require.False(t, f.proves(flipped, batch, proof), "leaf %d, verdict flipped", i)
				other := v
				other.resultHash = common.HexToHash("0xbad")
				require.False(t, f.proves(other, batch, proof), "leaf %d, other result", i)
				// A wrong batch.
				for _, wrong := range []*big.Int{new(big.Int).Sub(batch, common.Big1), new(big.Int).Add(batch, common.Big1),
					notBatched} {
					require.False(t, f.proves(v, wrong, proof), "leaf %d, batch %s", i, wrong)
				}
				// A wrong proof.
				if len(proof) > 0 {
					bad := append([]common.Hash(nil), proof...)
					bad[len(bad)-1][0] ^= 1
					require.False(t, f.proves(v, batch, bad), "leaf %d, tampered proof", i)
					require.False(t, f.proves(v, batch, proof[:len(proof)-1]), "leaf %d, truncated proof", i)
				}
				require.False(t, f.proves(v, batch, append(proof, root)), "leaf %d, extended proof", i)
			}
			if size > 1 {
				require.False(t, f.proves(vs[0], batch, attestation.MerkleProof(hashes, size-1)), "another leaf's proof")
			}
			// A leaf of the batch before is not in this one, and its own
			// proof still holds there.
			if previous != nil {
				prev := new(big.Int).Sub(batch, common.Big1)
				ph := f.leafHashes(previous)
				require.False(t, f.proves(previous[0], batch, attestation.MerkleProof(ph, 0)))
				require.True(t, f.proves(previous[0], prev, attestation.MerkleProof(ph, 0)))
			}
			previous = vs
		})
	}

	// Batch 0 proves nothing, not even a task never recorded against the
	// empty root.
	require.False(t, f.proves(batchVotes(99, 1)[0], common.Big0, nil))
}

func TestSubmitBatchRejects(t *testing.T) {
	f := newCenterFixture(t)
	vs := batchVotes(1, 4)
	good := f.signBatch(vs, 0, 1, 2)
	rejections := batchVotes(1, 4)
	for i := range rejections {
		rejections[i].approve = false
	}
	big1 := func(ids ...int64) []*big.Int {
		out := make([]*big.Int, len(ids))
		for i, id := range ids {
			out[i] = big.NewInt(id)
		}
		return out
	}

	tests := []struct {
		name   string
		leaves []vote
		ids    []*big.Int
		sig    []byte
		want   string
		args   []any
	}{
		{"empty", nil, f.ids(0, 1, 2), good, "NoSubmissions", nil},
		{"same task twice", []vote{vs[0], vs[1], vs[1], vs[2]}, f.ids(0, 1, 2), good, "LeavesNotIncreasing",
			[]any{big.NewInt(2)}},
		{"tasks out of order", []vote{vs[1], vs[0], vs[2], vs[3]}, f.ids(0, 1, 2), good, "LeavesNotIncreasing",
			[]any{big.NewInt(1)}},
		{"2 of 4 signers", vs, f.ids(0, 2), f.signBatch(vs, 0, 2), "QuorumNotReached",
			[]any{new(big.Int).Mul(minStake, big.NewInt(2)), new(big.Int).Mul(minStake, big.NewInt(4))}},
		{"2 of 4 signers, all rejections", rejections, f.ids(0, 2), f.signBatch(rejections, 0, 2), "QuorumNotReached",
			[]any{new(big.Int).Mul(minStake, big.NewInt(2)), new(big.Int).Mul(minStake, big.NewInt(4))}},
		{"signed another root", vs, f.ids(0, 1, 2), f.signBatch(batchVotes(2, 4), 0, 1, 2), "InvalidSignature", nil},
		{"signed another leaf count", vs, f.ids(0, 1, 2),
			f.sign(attestation.BatchDigest(f.domain, attestation.MerkleRoot(f.leafHashes(vs)), 5), 0, 1, 2),
			"InvalidSignature", nil},
		{"leaves changed after signing", vs[:3], f.ids(0, 1, 2), good, "InvalidSignature", nil},
		{"a vote certificate as a batch of one", vs[:1], f.ids(0, 1, 2), f.sign(vs[0].digest(f.domain), 0, 1, 2),
			"InvalidSignature", nil},
		{"other signers claimed", vs, f.ids(1, 2, 3), good, "InvalidSignature", nil},
		{"no signers", vs, nil, good, "NoSigners", nil},
		{"unsorted signers", vs, big1(2, 1, 3), good, "SignerIdsNotIncreasing", []any{big.NewInt(1)}},
		{"unknown signer", vs, big1(1, 2, 9), good, "InactiveSigner", []any{big.NewInt(9)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.submitBatch(f.keepers[0].account, tt.leaves, tt.ids, tt.sig)
			r := requireRevert(t, err, tt.want)
			if tt.args != nil {
				require.Len(t, r.Args, len(tt.args))
				for i, want := range tt.args {
					require.Zero(t, want.(*big.Int).Cmp(r.Args[i].(*big.Int)), "%v", r)
				}
			}
		})
	}

	// A keeper that left no longer signs batches.
	f.mine(f.c.KeeperRegistry.Deregister(f.keepers[3].auth))
	_, err := f.submitBatch(f.keepers[0].account, vs, f.ids(1, 2, 3), f.signBatch(vs, 1, 2, 3))
	r := requireRevert(t, err, "InactiveSigner")
	require.EqualValues(t, f.keepers[3].id, r.Args[0].(*big.Int).Uint64())

	count, err := f.c.AttestationCenter.BatchCount(nil)
	require.NoError(t, err)
	require.Zero(t, count.Sign(), "no batch recorded")
	// Two of the three remaining equal stakes reach two thirds.
	f.mine(f.submitBatch(f.keepers[0].account, vs, f.ids(0, 1), f.signBatch(vs, 0, 1)))
}

func TestSubmitBatchSkipsRecorded(t *testing.T) {
	f := newCenterFixture(t)
	ac := f.c.AttestationCenter
	signers := []int{0, 1, 2}
	vs := batchVotes(1, 5) // tasks 1..5

	// Task 2 is recorded alone first.
	f.mine(f.submit(vs[1], f.ids(signers...), f.sign(vs[1].digest(f.domain), signers...)))
	require.Equal(t, uint64(1<<64-1), f.recordedIn(vs[1].taskID), "NOT_BATCHED")

	type entry struct {
		kind   string
		taskID common.Hash
		number uint32
	}
	events := func(r *types.Receipt) (got []entry, batch *bindings.AttestationCenterBatchSubmitted) {
		for _, l := range r.Logs {
			if ev, err := ac.ParseTaskSubmitted(*l); err == nil {
				got = append(got, entry{"submitted", ev.TaskId, ev.TaskNumber})
			} else if ev, err := ac.ParseTaskRejected(*l); err == nil {
				got = append(got, entry{"rejected", ev.TaskId, ev.TaskNumber})
			} else if ev, err := ac.ParseSubmissionSkipped(*l); err == nil {
				got = append(got, entry{"skipped", ev.TaskId, 0})
			} else {
				ev, err := ac.ParseBatchSubmitted(*l)
				require.NoError(t, err)
				batch = ev
			}
		}
		return got, batch
	}

	tests := []struct {
		name     string
		leaves   []vote
		want     []entry
		recorded int64
		number   uint32 // taskNumber after
	}{
		{"task 2 recorded by submitTask", vs[:3], []entry{
			{"submitted", vs[0].taskID, 2},
			{"skipped", vs[1].taskID, 0},
			{"rejected", vs[2].taskID, 3},
		}, 2, 3},
		{"task 3 recorded by batch 1", vs[2:], []entry{
			{"skipped", vs[2].taskID, 0},
			{"submitted", vs[3].taskID, 4},
			{"submitted", vs[4].taskID, 5},
		}, 2, 5},
		{"every task recorded", []vote{vs[0], vs[1], vs[4]}, []entry{
			{"skipped", vs[0].taskID, 0},
			{"skipped", vs[1].taskID, 0},
			{"skipped", vs[4].taskID, 0},
		}, 0, 5},
	}
	for i, tt := range tests {
		batch := big.NewInt(int64(i + 1))
		t.Run(tt.name, func(t *testing.T) {
			r := f.mine(f.submitBatch(f.keepers[2].account, tt.leaves, f.ids(signers...), f.signBatch(tt.leaves, signers...)))
			got, ev := events(r)
			require.Equal(t, tt.want, got)
			require.NotNil(t, ev)
			require.Zero(t, batch.Cmp(ev.Batch))
			require.EqualValues(t, len(tt.leaves), ev.Leaves.Int64())
			require.EqualValues(t, tt.recorded, ev.Recorded.Int64())
			n, err := ac.TaskNumber(nil)
			require.NoError(t, err)
			require.Equal(t, tt.number, n)

			hashes := f.leafHashes(tt.leaves)
			for j, v := range tt.leaves {
				recordedHere := tt.want[j].kind != "skipped"
				require.Equal(t, recordedHere, f.recordedIn(v.taskID) == batch.Uint64(), "leaf %d", j)
				require.Equal(t, recordedHere, f.proves(v, batch, attestation.MerkleProof(hashes, j)),
					"leaf %d: a skipped leaf is not proven by this batch", j)
			}
		})
	}

	// Where each task was recorded, and the skipped leaves prove nothing
	// there.
	require.Equal(t, []uint64{1, 1<<64 - 1, 1, 2, 2}, []uint64{f.recordedIn(vs[0].taskID), f.recordedIn(vs[1].taskID),
		f.recordedIn(vs[2].taskID), f.recordedIn(vs[3].taskID), f.recordedIn(vs[4].taskID)})
	require.False(t, f.proves(vs[1], notBatched, nil))
	require.True(t, f.proves(vs[2], common.Big1, attestation.MerkleProof(f.leafHashes(vs[:3]), 2)))

	// The single paths see batched tasks as recorded.
	_, err := f.submit(vs[3], f.ids(signers...), f.sign(vs[3].digest(f.domain), signers...))
	requireRevert(t, err, "TaskAlreadySubmitted")
	r := f.mine(ac.SubmitTasks(f.keepers[0].auth, []bindings.AttestationCenterSubmission{
		f.submission(vs[3], signers...), f.submission(batchVotes(6, 1)[0], signers...),
	}))
	skipped, err := ac.ParseSubmissionSkipped(*r.Logs[0])
	require.NoError(t, err)
	require.Equal(t, vs[3].taskID, common.Hash(skipped.TaskId))
	require.Equal(t, uint64(1<<64-1), f.recordedIn(batchVotes(6, 1)[0].taskID))
}
