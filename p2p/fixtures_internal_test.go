package p2p

import (
	"bytes"
	"slices"

	"github.com/ethereum/go-ethereum/common"

	"github.com/triggerx-network/triggerx/attestation"
)

// Deterministic fixtures for golden files and tests. Exported so the external
// test package can use them; they exist only in the test binary.

const fixtureTime = 1_700_000_000

// FixtureAssignment returns a fixed assignment; salt varies its job id.
func FixtureAssignment(salt uint64) attestation.Assignment {
	job := 42 + salt
	key := attestation.TimeTriggerKey(fixtureTime)
	return attestation.Assignment{
		Task: attestation.Task{
			ID:               attestation.TaskID(job, key),
			JobID:            job,
			TaskDefinitionID: attestation.TimeStatic,
			TriggerKey:       key,
			ScheduledAt:      fixtureTime,
			Action: attestation.Action{
				ChainID:   11155111,
				Target:    common.HexToAddress("0x1111111111111111111111111111111111111111"),
				Function:  "transfer(address,uint256)",
				Arguments: []string{"0x2222222222222222222222222222222222222222", "1000000000000000000"},
			},
			Trigger: attestation.Trigger{Kind: attestation.TriggerTime, Time: &attestation.TimeTrigger{
				Schedule: attestation.ScheduleCron, Cron: "*/5 * * * *", TimeZone: "Europe/Berlin", Start: fixtureTime - 3600,
			}},
		},
		Performer: common.HexToAddress("0x3333333333333333333333333333333333333333"),
		Round:     1,
		Deadline:  fixtureTime + 60,
		Signature: bytes.Repeat([]byte{0xa1}, 65),
	}
}

// FixtureEventAssignment returns a fixed assignment of an event-triggered task.
func FixtureEventAssignment() attestation.Assignment {
	a := FixtureAssignment(7)
	a.Task.TaskDefinitionID = attestation.EventStatic
	a.Task.Trigger = attestation.Trigger{Kind: attestation.TriggerEvent, Event: &attestation.EventTrigger{
		ChainID: 11155111, Contract: common.HexToAddress("0x5555555555555555555555555555555555555555"),
		Event: "Transfer(address indexed from,address indexed to,uint256 value)",
		Filters: []attestation.EventFilter{{Param: "to", Op: attestation.FilterEq, Value: "0x2222222222222222222222222222222222222222"},
			{Param: "value", Op: attestation.FilterGte, Value: "1000"}},
		Confirmations: 2, Recurring: true,
	}}
	a.Task.Firing = attestation.Firing{ChainID: 11155111, BlockNumber: 1234,
		BlockHash: common.HexToHash("0x6666666666666666666666666666666666666666666666666666666666666666"),
		TxHash:    common.HexToHash("0x7777777777777777777777777777777777777777777777777777777777777777"), LogIndex: 3}
	key, err := attestation.TriggerKey(attestation.TriggerEvent, fixtureTime, a.Task.Firing)
	if err != nil {
		panic(err) // fixed input
	}
	a.Task.TriggerKey, a.Task.ID = key, attestation.TaskID(a.Task.JobID, key)
	return a
}

// FixtureScriptAssignment returns a fixed assignment of a script job.
func FixtureScriptAssignment() attestation.Assignment {
	a := FixtureAssignment(9)
	a.Task.TaskDefinitionID = attestation.TimeScript
	a.Task.Action.Arguments = nil
	a.Task.Action.Script = &attestation.Script{CID: "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy",
		Runtime: attestation.RuntimeTypeScript, AllowedHosts: []string{"api.example.com", "*.prices.example"},
		TolerancePaths: []string{"data.price"}, RelativeTolerance: "0.005"}
	a.Task.Storage = map[string]string{"last_price": "1234.5", "runs": "7"}
	return a
}

// FixtureScriptResult returns a fixed result of a script job.
func FixtureScriptResult() attestation.Result {
	r := FixtureResult(9)
	r.TaskDefinitionID = attestation.TimeScript
	r.Script = &attestation.ScriptRun{Block: 1234, Timestamp: fixtureTime + 3,
		ContextHash:    common.HexToHash("0x8888888888888888888888888888888888888888888888888888888888888888"),
		OutputHash:     common.HexToHash("0x9999999999999999999999999999999999999999999999999999999999999999"),
		Transcript:     "bafkreidtranscripttranscripttranscripttranscripttranscriptaaaa",
		TranscriptHash: common.HexToHash("0xaaaa"),
		Resources:      attestation.Resources{DurationMs: 83, PeakMemoryBytes: 31 << 20, CPUTimeMs: 41, NetRequests: 2, NetBytes: 1800},
		StorageUpdates: map[string]string{"runs": "8", "stale": ""}}
	return r
}

// FixtureResult returns a fixed result; salt varies its job id.
func FixtureResult(salt uint64) attestation.Result {
	a := FixtureAssignment(salt)
	return attestation.Result{
		TaskID:           a.Task.ID,
		JobID:            a.Task.JobID,
		TaskDefinitionID: a.Task.TaskDefinitionID,
		Performer:        a.Performer,
		TxHash:           common.HexToHash("0x4444444444444444444444444444444444444444444444444444444444444444"),
		Calldata:         []byte{0xa9, 0x05, 0x9c, 0xbb, 0x01, 0x02, 0x03},
		Success:          true,
		Signature:        bytes.Repeat([]byte{0xb2}, 65),
	}
}

// FixtureVote returns a fixed vote by keeper; salt varies its job id.
func FixtureVote(salt uint64, keeper byte) attestation.Vote {
	r := FixtureResult(salt)
	return attestation.Vote{
		TaskID:           r.TaskID,
		JobID:            r.JobID,
		TaskDefinitionID: r.TaskDefinitionID,
		ResultHash:       r.Hash(),
		Approve:          true,
		Keeper:           common.BytesToAddress(bytes.Repeat([]byte{keeper}, 20)),
		Signature:        bytes.Repeat([]byte{0xc3}, 96),
	}
}

// FixtureFinalization returns a fixed finalization; salt varies its job id.
func FixtureFinalization(salt uint64) attestation.Finalization {
	v := FixtureVote(salt, 0x55)
	return attestation.Finalization{
		Certificate: attestation.Certificate{
			TaskID:           v.TaskID,
			JobID:            v.JobID,
			TaskDefinitionID: v.TaskDefinitionID,
			ResultHash:       v.ResultHash,
			Approve:          true,
			Signers:          []uint64{1, 2, 5, 300},
			Signature:        bytes.Repeat([]byte{0xd4}, 96),
		},
		SubmissionTx: common.HexToHash("0x6666666666666666666666666666666666666666666666666666666666666666"),
		Aggregator:   common.HexToAddress("0x7777777777777777777777777777777777777777"),
	}
}

// FixtureHeartbeat returns a fixed heartbeat; salt varies its timestamp.
func FixtureHeartbeat(salt int64) attestation.Heartbeat {
	return attestation.Heartbeat{
		Keeper:    common.HexToAddress("0x8888888888888888888888888888888888888888"),
		PeerID:    "12D3KooWQYhTNQdmr3ArTeUHRYzFg94BKyTkoWBDWez9kSCVe2Xo",
		Version:   "0.1.0-dev",
		Timestamp: fixtureTime*1000 + 123 + salt,
		Signature: bytes.Repeat([]byte{0xe5}, 65),
	}
}

// FixtureDomain is the deployment the fixture batch votes sign for.
var FixtureDomain = attestation.Domain{ChainID: 11155111,
	AttestationCenter: common.HexToAddress("0x9999999999999999999999999999999999999999")}

// FixtureBatchProposal returns a fixed proposal of three leaves, in task id
// order, of the tasks of jobs 42+salt, 43+salt and 44+salt; the second
// verdict rejects and the third is an event task's.
func FixtureBatchProposal(salt uint64) attestation.BatchProposal {
	var p attestation.BatchProposal
	for i := range uint64(3) {
		v := FixtureVote(salt+i, 0x55)
		l := attestation.BatchLeaf{TaskID: v.TaskID, JobID: v.JobID, TaskDefinitionID: v.TaskDefinitionID,
			ResultHash: v.ResultHash, Approve: v.Approve}
		switch i {
		case 1:
			l.Approve = false
		case 2:
			l.TaskDefinitionID = attestation.EventStatic
		}
		p.Leaves = append(p.Leaves, l)
	}
	slices.SortFunc(p.Leaves, func(a, b attestation.BatchLeaf) int { return bytes.Compare(a.TaskID[:], b.TaskID[:]) })
	return p
}

// FixtureBatchVote returns keeper's fixed vote on FixtureBatchProposal(salt)
// in FixtureDomain.
func FixtureBatchVote(salt uint64, keeper byte) attestation.BatchVote {
	p := FixtureBatchProposal(salt)
	return attestation.BatchVote{
		Root:      p.Root(FixtureDomain),
		Leaves:    uint32(len(p.Leaves)),
		Keeper:    common.BytesToAddress(bytes.Repeat([]byte{keeper}, 20)),
		Signature: bytes.Repeat([]byte{0xf6}, 96),
	}
}
