package attestation

import (
	"encoding/json"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
)

func keepersWithStakes(stakes ...int64) []Keeper {
	var ks []Keeper
	for i, s := range stakes {
		ks = append(ks, Keeper{ID: uint64(i + 1), Address: common.BigToAddress(big.NewInt(int64(i + 1))), Stake: big.NewInt(s), Active: true})
	}
	return ks
}

func TestPerformerOrderIsDeterministicPermutation(t *testing.T) {
	ks := keepersWithStakes(10, 10, 10, 10)
	task := TaskID(1, TimeTriggerKey(1700000000))
	a, err := PerformerOrder(task, ks)
	require.NoError(t, err)
	// The order must not depend on the input order.
	rev := []Keeper{ks[3], ks[2], ks[1], ks[0]}
	b, err := PerformerOrder(task, rev)
	require.NoError(t, err)
	require.Equal(t, a, b)
	seen := map[uint64]bool{}
	for _, k := range a {
		seen[k.ID] = true
	}
	require.Len(t, seen, 4)
}

func TestPerformerOrderSkipsInactiveAndUnstaked(t *testing.T) {
	ks := keepersWithStakes(10, 0, 10)
	ks[2].Active = false
	order, err := PerformerOrder(common.Hash{1}, ks)
	require.NoError(t, err)
	require.Len(t, order, 1)
	require.Equal(t, uint64(1), order[0].ID)

	_, err = PerformerOrder(common.Hash{1}, keepersWithStakes(0))
	require.ErrorIs(t, err, ErrNoKeepers)
}

func TestPerformerOrderWeightsByStake(t *testing.T) {
	ks := keepersWithStakes(1, 3) // keeper 2 should be first about 3/4 of the time
	firsts := map[uint64]int{}
	const n = 4000
	for i := range n {
		k, err := SelectPerformer(TaskID(uint64(i), TimeTriggerKey(int64(i))), ks, 0)
		require.NoError(t, err)
		firsts[k.ID]++
	}
	require.InDelta(t, 0.75, float64(firsts[2])/n, 0.03)
}

func TestQuorumReached(t *testing.T) {
	tests := []struct {
		signed, total int64
		approve, want bool
	}{
		{3, 4, true, true},
		{2, 3, true, true},
		{2, 4, true, false},
		{66, 100, true, false},
		{67, 100, true, true},
		{1, 3, false, true},
		{1, 4, false, false},
		{2, 4, false, true},
		{0, 0, true, false},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, QuorumReached(big.NewInt(tt.signed), big.NewInt(tt.total), tt.approve), "%+v", tt)
	}
}

func TestTaskIDBindsJobAndTrigger(t *testing.T) {
	a := TaskID(1, TimeTriggerKey(100))
	require.Equal(t, a, TaskID(1, TimeTriggerKey(100)))
	require.NotEqual(t, a, TaskID(2, TimeTriggerKey(100)))
	require.NotEqual(t, a, TaskID(1, TimeTriggerKey(101)))
}

func TestSignatureDigestsAreBound(t *testing.T) {
	key, err := generateECDSA()
	require.NoError(t, err)
	d := Domain{ChainID: 1337, AttestationCenter: common.HexToAddress("0xac")}
	a := Assignment{Task: Task{ID: common.Hash{1}, JobID: 1, TaskDefinitionID: TimeStatic,
		Action: Action{ChainID: 1337, Target: common.HexToAddress("0x01"), Function: "f(uint256)", Arguments: []string{"1"}}},
		Performer: common.HexToAddress("0x02"), Deadline: 10}
	sig, err := SignECDSA(key, a.Digest(d))
	require.NoError(t, err)
	signer := pubAddr(key)
	require.NoError(t, VerifyECDSA(a.Digest(d), sig, signer))

	changed := a.Clone()
	changed.Task.Action.Arguments[0] = "2"
	require.ErrorIs(t, VerifyECDSA(changed.Digest(d), sig, signer), ErrBadSignature, "arguments are signed")
	other := d
	other.ChainID = 1
	require.ErrorIs(t, VerifyECDSA(a.Digest(other), sig, signer), ErrBadSignature, "domain is signed")
	_, err = RecoverECDSA(a.Digest(d), sig[:64])
	require.ErrorIs(t, err, ErrBadSignature)

	require.NotEqual(t, VoteDigest(d, a.Task.ID, 1, 1, common.Hash{9}, true), VoteDigest(d, a.Task.ID, 1, 1, common.Hash{9}, false))
}

func TestSelectPerformerFollowsOrder(t *testing.T) {
	ks := keepersWithStakes(5, 1, 9, 3, 7)
	task := TaskID(42, TimeTriggerKey(42))
	order, err := PerformerOrder(task, ks)
	require.NoError(t, err)
	for round := range uint32(2 * len(order)) {
		k, err := SelectPerformer(task, ks, round)
		require.NoError(t, err)
		require.Equal(t, order[int(round)%len(order)], k, "round %d", round)
	}
}

func TestTriggerJSONRoundTrip(t *testing.T) {
	tr := Trigger{Kind: TriggerEvent, Event: &EventTrigger{ChainID: 8453, Contract: common.HexToAddress("0x01"),
		Event:   "Transfer(address indexed from,address indexed to,uint256 value)",
		Filters: []EventFilter{{Param: "to", Op: FilterEq, Value: "0x02"}}, Confirmations: 3}}
	b, err := json.Marshal(tr)
	require.NoError(t, err)
	require.Contains(t, string(b), `"kind":"event"`)
	require.NotContains(t, string(b), `"time"`)
	var back Trigger
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, tr, back)
	require.Equal(t, tr.Hash(), back.Hash())
	require.Error(t, json.Unmarshal([]byte(`{"kind":"sometimes"}`), &back))
}

func TestScriptIsCommittedAndAttested(t *testing.T) {
	static := Action{ChainID: 1, Target: common.HexToAddress("0x01"), Function: "f(uint256)"}
	withScript := static.Clone()
	withScript.Script = &Script{CID: "bafk", Runtime: RuntimeNode}
	require.NotEqual(t, static.Hash(), withScript.Hash())
	other := withScript.Clone()
	other.Script.AllowedHosts = []string{"api.example.com"}
	require.NotEqual(t, withScript.Hash(), other.Hash(), "allowed hosts are committed")
	require.Nil(t, static.Clone().Script)

	r := Result{TaskID: common.Hash{1}, JobID: 1, TaskDefinitionID: TimeScript}
	run := r.Clone()
	run.Script = &ScriptRun{OutputHash: common.Hash{2}}
	require.NotEqual(t, r.Hash(), run.Hash())
	lie := run.Clone()
	lie.Script.OutputHash = common.Hash{3}
	require.NotEqual(t, run.Hash(), lie.Hash(), "the output is attested")
	require.True(t, TimeScript.HasScript())
	require.False(t, TimeStatic.HasScript())
}

// An action on another chain commits to the job's id there; one on the home
// chain hashes as before the field existed.
func TestTargetJobIsCommitted(t *testing.T) {
	a := Action{ChainID: 8453, Target: common.HexToAddress("0x01"), Function: "f()"}
	b := a.Clone()
	b.TargetJobID = 7
	c := b.Clone()
	c.TargetJobID = 8
	require.NotEqual(t, a.Hash(), b.Hash())
	require.NotEqual(t, b.Hash(), c.Hash())
	require.Equal(t, a.Hash(), Action{ChainID: 8453, Target: common.HexToAddress("0x01"), Function: "f()", TargetJobID: 0}.Hash())
}
