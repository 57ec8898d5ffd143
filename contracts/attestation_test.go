package contracts_test

import (
	"bytes"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
)

// centerFixture: four keepers with equal stakes.
type centerFixture struct {
	*chain
	keepers []keeper
	domain  attestation.Domain
}

func newCenterFixture(t *testing.T) *centerFixture {
	t.Helper()
	c := newChain(t, 5)
	return &centerFixture{
		chain:   c,
		keepers: c.register(minStake, 0, 1, 2, 3),
		domain:  attestation.Domain{ChainID: c.chainID, AttestationCenter: c.addrs.AttestationCenter},
	}
}

// vote is a certificate to submit.
type vote struct {
	taskID     common.Hash
	jobID      uint64
	tdid       attestation.TaskDefinitionID
	resultHash common.Hash
	approve    bool
}

func (v vote) digest(d attestation.Domain) common.Hash {
	return attestation.VoteDigest(d, v.taskID, v.jobID, v.tdid, v.resultHash, v.approve)
}

// sign aggregates the signatures of the keepers at idx (0-based) over
// digest, EIP-2537 encoded.
func (f *centerFixture) sign(digest common.Hash, idx ...int) []byte {
	f.t.Helper()
	var sigs []attestation.BLSSignature
	for _, i := range idx {
		sigs = append(sigs, f.keepers[i].bls.Sign(digest))
	}
	agg, err := attestation.AggregateBLS(sigs)
	require.NoError(f.t, err)
	enc, err := agg.EIP2537()
	require.NoError(f.t, err)
	return enc
}

func (f *centerFixture) ids(idx ...int) []*big.Int {
	out := make([]*big.Int, len(idx))
	for j, i := range idx {
		out[j] = new(big.Int).SetUint64(f.keepers[i].id)
	}
	return out
}

func (f *centerFixture) submit(v vote, ids []*big.Int, sig []byte) (*types.Transaction, error) {
	return f.c.AttestationCenter.SubmitTask(f.keepers[0].auth, v.taskID, new(big.Int).SetUint64(v.jobID),
		uint16(v.tdid), v.resultHash, v.approve, ids, sig)
}

func TestVoteDigestMatchesGo(t *testing.T) {
	f := newCenterFixture(t)
	domain, err := f.c.AttestationCenter.VOTEDOMAIN(nil)
	require.NoError(t, err)
	require.Equal(t, attestation.VoteDomain, common.Hash(domain))

	for _, v := range []vote{
		{common.HexToHash("0x01"), 1, attestation.TimeStatic, common.HexToHash("0xaa"), true},
		{common.HexToHash("0x01"), 1, attestation.TimeStatic, common.HexToHash("0xaa"), false},
		{common.MaxHash, 1<<64 - 1, attestation.CustomScript, common.MaxHash, true},
		{common.Hash{}, 0, 0, common.Hash{}, false},
	} {
		got, err := f.c.AttestationCenter.VoteDigest(nil, v.taskID, new(big.Int).SetUint64(v.jobID), uint16(v.tdid),
			v.resultHash, v.approve)
		require.NoError(t, err)
		require.Equal(t, v.digest(f.domain), common.Hash(got), "%+v", v)
	}
}

func TestSubmitTaskQuorum(t *testing.T) {
	f := newCenterFixture(t)
	ac := f.c.AttestationCenter
	aggregator := f.keepers[0].addr()
	result := common.HexToHash("0x7e57")

	tests := []struct {
		name    string
		signers []int
		approve bool
		want    string // TaskSubmitted, TaskRejected or a revert
	}{
		{"3 of 4 approve", []int{0, 1, 2}, true, "TaskSubmitted"},
		{"4 of 4 approve", []int{0, 1, 2, 3}, true, "TaskSubmitted"},
		{"2 of 4 approve", []int{1, 3}, true, "QuorumNotReached"},
		{"2 of 4 reject", []int{0, 3}, false, "TaskRejected"},
		{"1 of 4 reject", []int{2}, false, "QuorumNotReached"},
	}
	var number uint32
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := vote{common.BigToHash(big.NewInt(int64(100 + i))), 7, attestation.TimeStatic, result, tt.approve}
			tx, err := f.submit(v, f.ids(tt.signers...), f.sign(v.digest(f.domain), tt.signers...))
			if tt.want != "TaskSubmitted" && tt.want != "TaskRejected" {
				r := requireRevert(t, err, tt.want)
				stake := new(big.Int).Mul(minStake, big.NewInt(int64(len(tt.signers))))
				require.Equal(t, []any{stake, new(big.Int).Mul(minStake, big.NewInt(4))}, r.Args)
				return
			}
			r := f.mine(tx, err)
			number++
			require.Len(t, r.Logs, 1)
			var (
				taskID, resultHash [32]byte
				jobID              *big.Int
				tdid               uint16
				taskNumber         uint32
				signerIDs          []*big.Int
				agg                common.Address
			)
			if tt.want == "TaskSubmitted" {
				ev, err := ac.ParseTaskSubmitted(*r.Logs[0])
				require.NoError(t, err)
				taskID, jobID, tdid, resultHash, taskNumber, signerIDs, agg =
					ev.TaskId, ev.JobId, ev.TaskDefinitionId, ev.ResultHash, ev.TaskNumber, ev.SignerIds, ev.Aggregator
			} else {
				ev, err := ac.ParseTaskRejected(*r.Logs[0])
				require.NoError(t, err)
				taskID, jobID, tdid, resultHash, taskNumber, signerIDs, agg =
					ev.TaskId, ev.JobId, ev.TaskDefinitionId, ev.ResultHash, ev.TaskNumber, ev.SignerIds, ev.Aggregator
			}
			require.Equal(t, v.taskID, common.Hash(taskID))
			require.EqualValues(t, v.jobID, jobID.Uint64())
			require.Equal(t, uint16(v.tdid), tdid)
			require.Equal(t, v.resultHash, common.Hash(resultHash))
			require.Equal(t, number, taskNumber)
			require.Equal(t, f.ids(tt.signers...), signerIDs)
			require.Equal(t, aggregator, agg)

			done, err := ac.Submitted(nil, v.taskID)
			require.NoError(t, err)
			require.True(t, done)
			n, err := ac.TaskNumber(nil)
			require.NoError(t, err)
			require.Equal(t, number, n)
		})
	}
}

func TestSubmitTaskRejects(t *testing.T) {
	f := newCenterFixture(t)
	v := vote{common.HexToHash("0x5eed"), 3, attestation.EventStatic, common.HexToHash("0x7e57"), true}
	digest := v.digest(f.domain)
	good := f.sign(digest, 0, 1, 2)

	// Recorded once: the replay below must fail.
	f.mine(f.submit(v, f.ids(0, 1, 2), good))
	fresh := v
	fresh.taskID = common.HexToHash("0xf2e5")
	freshSig := f.sign(fresh.digest(f.domain), 0, 1, 2)
	offCurve := bytes.Clone(freshSig)
	offCurve[255] ^= 1
	other := fresh
	other.resultHash = common.HexToHash("0xbad")

	big1 := func(ids ...int64) []*big.Int {
		out := make([]*big.Int, len(ids))
		for i, id := range ids {
			out[i] = big.NewInt(id)
		}
		return out
	}
	tests := []struct {
		name string
		v    vote
		ids  []*big.Int
		sig  []byte
		want string
		arg  any
	}{
		{"replay", v, f.ids(0, 1, 2), good, "TaskAlreadySubmitted", [32]byte(v.taskID)},
		{"no signers", fresh, nil, freshSig, "NoSigners", nil},
		{"unsorted signers", fresh, big1(2, 1, 3), freshSig, "SignerIdsNotIncreasing", big.NewInt(1)},
		{"duplicate signer", fresh, big1(1, 1, 2, 3), freshSig, "SignerIdsNotIncreasing", big.NewInt(1)},
		{"signer id 0", fresh, big1(0, 1, 2), freshSig, "SignerIdsNotIncreasing", big.NewInt(0)},
		{"unknown signer", fresh, big1(1, 2, 9), freshSig, "InactiveSigner", big.NewInt(9)},
		{"other signers claimed", fresh, f.ids(1, 2, 3), freshSig, "InvalidSignature", nil},
		{"signature over another result", other, f.ids(0, 1, 2), freshSig, "InvalidSignature", nil},
		{"signature too short", fresh, f.ids(0, 1, 2), freshSig[:128], "InvalidSignature", nil},
		{"identity signature", fresh, f.ids(0, 1, 2), make([]byte, 256), "InvalidSignature", nil},
		{"signature off the curve", fresh, f.ids(0, 1, 2), offCurve, "InvalidSignature", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.submit(tt.v, tt.ids, tt.sig)
			r := requireRevert(t, err, tt.want)
			switch want := tt.arg.(type) {
			case nil:
			case *big.Int:
				require.Zero(t, want.Cmp(r.Args[0].(*big.Int)), "%v", r)
			default:
				require.Equal(t, want, r.Args[0])
			}
		})
	}

	// A keeper that left no longer counts, and no longer signs.
	f.mine(f.c.KeeperRegistry.Deregister(f.keepers[3].auth))
	_, err := f.submit(fresh, f.ids(1, 2, 3), f.sign(fresh.digest(f.domain), 1, 2, 3))
	requireRevert(t, err, "InactiveSigner")
	// Two of the three remaining equal stakes reach two thirds.
	f.mine(f.submit(fresh, f.ids(0, 1), f.sign(fresh.digest(f.domain), 0, 1)))
}
