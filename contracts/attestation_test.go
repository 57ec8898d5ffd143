package contracts_test

import (
	"bytes"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts/bindings"
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

// submission is a batch entry for v signed by the keepers at idx.
func (f *centerFixture) submission(v vote, idx ...int) bindings.AttestationCenterSubmission {
	return bindings.AttestationCenterSubmission{
		TaskId: v.taskID, JobId: new(big.Int).SetUint64(v.jobID), TaskDefinitionId: uint16(v.tdid),
		ResultHash: v.resultHash, Approve: v.approve, SignerIds: f.ids(idx...), Signature: f.sign(v.digest(f.domain), idx...),
	}
}

func TestSubmitTasksBatch(t *testing.T) {
	f := newCenterFixture(t)
	ac := f.c.AttestationCenter
	result := common.HexToHash("0x7e57")
	task := func(n int64, approve bool) vote {
		return vote{common.BigToHash(big.NewInt(n)), uint64(n), attestation.TimeStatic, result, approve}
	}

	_, err := ac.SubmitTasks(f.keepers[0].auth, nil)
	requireRevert(t, err, "NoSubmissions")

	// Task 1 is recorded by another aggregator first.
	f.mine(f.submit(task(1, true), f.ids(0, 1, 2), f.sign(task(1, true).digest(f.domain), 0, 1, 2)))

	batch := []bindings.AttestationCenterSubmission{
		f.submission(task(2, true), 0, 1, 2),
		f.submission(task(1, true), 1, 2, 3), // already recorded: skipped
		f.submission(task(3, false), 0, 3),
		f.submission(task(4, true), 0, 1, 2, 3),
		f.submission(task(2, true), 0, 1, 2), // recorded earlier in the batch: skipped
	}
	r := f.mine(ac.SubmitTasks(f.keepers[1].auth, batch))
	require.Len(t, r.Logs, 5)
	type entry struct {
		kind   string
		taskID common.Hash
		number uint32
	}
	var got []entry
	for _, l := range r.Logs {
		if ev, err := ac.ParseTaskSubmitted(*l); err == nil {
			require.Equal(t, f.keepers[1].addr(), ev.Aggregator)
			require.Equal(t, result, common.Hash(ev.ResultHash))
			require.Equal(t, new(big.Int).SetBytes(ev.TaskId[:]), ev.JobId)
			got = append(got, entry{"submitted", ev.TaskId, ev.TaskNumber})
		} else if ev, err := ac.ParseTaskRejected(*l); err == nil {
			require.Equal(t, f.ids(0, 3), ev.SignerIds)
			got = append(got, entry{"rejected", ev.TaskId, ev.TaskNumber})
		} else {
			ev, err := ac.ParseSubmissionSkipped(*l)
			require.NoError(t, err)
			got = append(got, entry{"skipped", ev.TaskId, 0})
		}
	}
	require.Equal(t, []entry{
		{"submitted", task(2, true).taskID, 2},
		{"skipped", task(1, true).taskID, 0},
		{"rejected", task(3, false).taskID, 3},
		{"submitted", task(4, true).taskID, 4},
		{"skipped", task(2, true).taskID, 0},
	}, got)
	n, err := ac.TaskNumber(nil)
	require.NoError(t, err)
	require.EqualValues(t, 4, n)

	// Any other invalid entry reverts the whole batch with its error.
	bad := f.submission(task(6, true), 0, 1, 2)
	bad.ResultHash = common.HexToHash("0xbad")
	offCurve := f.submission(task(6, true), 0, 1, 2)
	offCurve.Signature = bytes.Clone(offCurve.Signature)
	offCurve.Signature[255] ^= 1
	identity := f.submission(task(6, true), 0, 1, 2)
	identity.Signature = make([]byte, 256)
	short := f.submission(task(6, true), 0, 1, 2)
	short.Signature = short.Signature[:128]
	for _, tt := range []struct {
		name  string
		entry bindings.AttestationCenterSubmission
		want  string
	}{
		{"bad signature", bad, "InvalidSignature"},
		{"signature off the curve", offCurve, "InvalidSignature"},
		{"identity signature", identity, "InvalidSignature"},
		{"short signature", short, "InvalidSignature"},
		{"no quorum", f.submission(task(6, true), 0, 1), "QuorumNotReached"},
		{"no signers", bindings.AttestationCenterSubmission{TaskId: task(6, true).taskID, JobId: common.Big1}, "NoSigners"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ac.SubmitTasks(f.keepers[1].auth, []bindings.AttestationCenterSubmission{
				f.submission(task(5, true), 0, 1, 2), tt.entry, f.submission(task(7, true), 0, 1, 2),
			})
			requireRevert(t, err, tt.want)
		})
	}

	// Signatures swapped between two entries with the same signers: their
	// sum is that of the valid pair, which only the batch's random weights
	// tell apart.
	five, seven := f.submission(task(5, true), 0, 1, 2), f.submission(task(7, true), 0, 1, 2)
	five.Signature, seven.Signature = seven.Signature, five.Signature
	_, err = ac.SubmitTasks(f.keepers[1].auth, []bindings.AttestationCenterSubmission{five, seven})
	requireRevert(t, err, "InvalidSignature")
	// Unswapped, the same pair goes through.
	f.mine(ac.SubmitTasks(f.keepers[1].auth, []bindings.AttestationCenterSubmission{
		f.submission(task(8, true), 0, 1, 2), f.submission(task(9, false), 2, 3),
	}))
	done, err := ac.Submitted(nil, task(5, true).taskID)
	require.NoError(t, err)
	require.False(t, done, "nothing of a reverted batch is recorded")
	done, err = ac.Submitted(nil, task(9, false).taskID)
	require.NoError(t, err)
	require.True(t, done)
}

func TestReportConflictingVotes(t *testing.T) {
	f := newCenterFixture(t)
	ac, kr := f.c.AttestationCenter, f.c.KeeperRegistry
	reporter := f.accounts[4]
	cheat := f.keepers[2]

	task := common.HexToHash("0xc0ff")
	approve := vote{task, 9, attestation.TimeStatic, common.HexToHash("0xaa"), true}
	reject := approve
	reject.approve = false
	otherResult := approve
	otherResult.resultHash = common.HexToHash("0xbb")
	asVote := func(v vote) bindings.AttestationCenterVote {
		return bindings.AttestationCenterVote{TaskId: v.taskID, JobId: new(big.Int).SetUint64(v.jobID),
			TaskDefinitionId: uint16(v.tdid), ResultHash: v.resultHash, Approve: v.approve}
	}
	sig := func(k keeper, v vote) []byte {
		enc, err := k.bls.Sign(v.digest(f.domain)).EIP2537()
		require.NoError(t, err)
		return enc
	}
	report := func(id uint64, a vote, sigA []byte, b vote, sigB []byte) (*types.Transaction, error) {
		return ac.ReportConflictingVotes(reporter.auth, new(big.Int).SetUint64(id), asVote(a), sigA, asVote(b), sigB)
	}
	otherTask := approve
	otherTask.taskID = common.HexToHash("0xbeef")

	tests := []struct {
		name       string
		id         uint64
		a, b       vote
		sigA, sigB []byte
		want       string
	}{
		{"same vote twice", cheat.id, approve, approve, sig(cheat, approve), sig(cheat, approve), "SameVote"},
		{"different tasks", cheat.id, approve, otherTask, sig(cheat, approve), sig(cheat, otherTask), "DifferentTasks"},
		{"another keeper's signatures", f.keepers[1].id, approve, reject, sig(cheat, approve), sig(cheat, reject), "InvalidSignature"},
		{"one forged signature", cheat.id, approve, reject, sig(cheat, approve), sig(f.keepers[0], reject), "InvalidSignature"},
		{"signatures swapped", cheat.id, approve, reject, sig(cheat, reject), sig(cheat, approve), "InvalidSignature"},
		{"unknown keeper", 99, approve, reject, sig(cheat, approve), sig(cheat, reject), "UnknownKeeper"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := report(tt.id, tt.a, tt.sigA, tt.b, tt.sigB)
			requireRevert(t, err, tt.want)
		})
	}

	// Approve and reject on the same task: half the stake goes.
	wallet := f.balance(reporter.addr())
	r := f.mine(report(cheat.id, approve, sig(cheat, approve), reject, sig(cheat, reject)))
	var ev *bindings.AttestationCenterConflictingVotesReported
	var slashed *bindings.KeeperRegistryKeeperSlashed
	for _, l := range r.Logs {
		if e, err := ac.ParseConflictingVotesReported(*l); err == nil {
			ev = e
		}
		if e, err := kr.ParseKeeperSlashed(*l); err == nil {
			slashed = e
		}
	}
	require.NotNil(t, ev)
	require.NotNil(t, slashed)
	half := new(big.Int).Div(minStake, big.NewInt(2))
	require.EqualValues(t, cheat.id, ev.KeeperId.Uint64())
	require.Equal(t, task, common.Hash(ev.TaskId))
	require.Equal(t, reporter.addr(), ev.Reporter)
	require.Equal(t, half, ev.Slashed)
	require.Equal(t, half, slashed.Amount)
	require.Equal(t, reporter.addr(), slashed.Reporter)
	fee := new(big.Int).Mul(new(big.Int).SetUint64(r.GasUsed), r.EffectiveGasPrice)
	reward := new(big.Int).Div(half, big.NewInt(10))
	want := new(big.Int).Add(wallet, reward)
	require.Equal(t, want.Sub(want, fee), f.balance(reporter.addr()), "reporter rewarded")
	k, err := kr.GetKeeper(nil, new(big.Int).SetUint64(cheat.id))
	require.NoError(t, err)
	require.Equal(t, half, k.Stake)
	require.False(t, k.Active, "below the minimum stake: ejected")
	done, err := ac.SlashedFor(nil, new(big.Int).SetUint64(cheat.id), task)
	require.NoError(t, err)
	require.True(t, done)
	t.Logf("gas: AttestationCenter.reportConflictingVotes = %d", r.GasUsed)

	// Once per keeper and task, whichever pair is reported.
	_, err = report(cheat.id, approve, sig(cheat, approve), reject, sig(cheat, reject))
	requireRevert(t, err, "AlreadySlashed")
	_, err = report(cheat.id, approve, sig(cheat, approve), otherResult, sig(cheat, otherResult))
	requireRevert(t, err, "AlreadySlashed")

	// Two results on another task: slashed again although it left (the key
	// is still registered and the stake still locked).
	second := otherTask
	second.resultHash = common.HexToHash("0xcc")
	r = f.mine(report(cheat.id, otherTask, sig(cheat, otherTask), second, sig(cheat, second)))
	ev, err = ac.ParseConflictingVotesReported(*r.Logs[len(r.Logs)-1])
	require.NoError(t, err)
	require.Equal(t, new(big.Int).Div(half, big.NewInt(2)), ev.Slashed)

	// The owner sets the share.
	_, err = ac.SetSlashBps(reporter.auth, big.NewInt(100))
	requireRevert(t, err, "NotOwner")
	_, err = ac.SetSlashBps(f.deployer.auth, big.NewInt(10_001))
	requireRevert(t, err, "InvalidBps")
	f.mine(ac.SetSlashBps(f.deployer.auth, big.NewInt(100)))
	bps, err := ac.SlashBps(nil)
	require.NoError(t, err)
	require.EqualValues(t, 100, bps.Int64())
}
