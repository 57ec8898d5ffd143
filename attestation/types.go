package attestation

import (
	"bytes"
	"fmt"
	"maps"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum/common"
)

// TaskDefinitionID names the kind of a job, numbered as in the system we
// replace so SDK users recognise them.
type TaskDefinitionID uint16

// Task definition ids.
const (
	TimeStatic        TaskDefinitionID = 1 // time trigger, static arguments
	TimeScript        TaskDefinitionID = 2 // time trigger, arguments from a script
	EventStatic       TaskDefinitionID = 3 // event trigger, static arguments
	EventScript       TaskDefinitionID = 4 // event trigger, arguments from a script
	ConditionStatic   TaskDefinitionID = 5 // condition trigger, static arguments
	ConditionScript   TaskDefinitionID = 6 // condition trigger, arguments from a script
	CustomScript      TaskDefinitionID = 7 // the script decides whether and what to call
	maxTaskDefinition                  = CustomScript
)

// Valid reports whether id is one of the known task definitions.
func (id TaskDefinitionID) Valid() bool { return id >= TimeStatic && id <= maxTaskDefinition }

// Domain binds every signature to one deployment: the chain that hosts the
// AttestationCenter and that contract's address.
type Domain struct {
	ChainID           uint64
	AttestationCenter common.Address
}

// Action is what a task does on-chain: call Function on Target with
// Arguments, encoded with the function's ABI types. Arguments are decimal or
// hex strings as the SDK sends them ("42", "0xabc…", "true").
type Action struct {
	ChainID   uint64
	Target    common.Address
	Function  string // canonical signature, e.g. "increment(uint256)"
	Arguments []string
	// Script computes the arguments (task definitions 2, 4, 6) or the whole
	// call (7); nil for static jobs.
	Script *Script
	// TargetJobID is the job's id in the JobRegistry of ChainID when that is
	// not the home chain (the chain of the AttestationCenter): the hub there
	// executes the job under that id. 0 for jobs on the home chain.
	TargetJobID uint64
}

// Clone returns a deep copy of a.
func (a Action) Clone() Action {
	a.Arguments = slices.Clone(a.Arguments)
	a.Script = a.Script.Clone()
	return a
}

// Hash is the action's commitment, stored on-chain in the JobRegistry when the
// job is created, so no coordinator can later alter what a job calls.
func (a Action) Hash() common.Hash {
	var b bytes.Buffer
	b.Write(word(actionDomain[:]))
	b.Write(uintWord(a.ChainID))
	b.Write(addrWord(a.Target))
	h := keccak([]byte(a.Function))
	b.Write(h[:])
	b.Write(uintWord(uint64(len(a.Arguments))))
	for _, arg := range a.Arguments {
		h := keccak([]byte(arg))
		b.Write(h[:])
	}
	if a.Script != nil {
		a.Script.hashInto(&b)
	}
	if a.TargetJobID != 0 {
		b.Write(targetJobDomain[:])
		b.Write(uintWord(a.TargetJobID))
	}
	return keccak(b.Bytes())
}

// Task is one firing of a job's trigger. Its ID is derived from the job and
// the trigger key, so the same firing always names the same task.
type Task struct {
	ID               common.Hash
	JobID            uint64
	TaskDefinitionID TaskDefinitionID
	// TriggerKey names the firing: for time jobs the scheduled unix time as a
	// big-endian word; for events a hash of (chain, block, tx, log index).
	TriggerKey  common.Hash
	ScheduledAt int64 // unix seconds: the slot of a time trigger, the observation time otherwise
	Action      Action
	Trigger     Trigger // the job's trigger, as committed on-chain with the action
	Firing      Firing  // the evidence of this firing; TriggerKey derives from it
	// Storage is the job's key-value storage when the task was created, the
	// input of a script job's run; nil for static jobs.
	Storage map[string]string
}

// Clone returns a deep copy of t.
func (t Task) Clone() Task {
	t.Action = t.Action.Clone()
	t.Trigger = t.Trigger.Clone()
	t.Storage = maps.Clone(t.Storage)
	return t
}

// TaskID derives a task id: keccak256(abi.encode(uint256 jobId, bytes32 triggerKey)).
func TaskID(jobID uint64, triggerKey common.Hash) common.Hash {
	return keccak(uintWord(jobID), triggerKey[:])
}

// TimeTriggerKey is the trigger key of a time job's firing at unix time t.
func TimeTriggerKey(t int64) common.Hash {
	return common.BigToHash(big.NewInt(t))
}

// Assignment hands a task to a performer. The coordinator signs it with its
// ECDSA key; keepers accept assignments from that key only.
type Assignment struct {
	Task      Task
	Performer common.Address
	Round     uint32 // 0 for the first performer, n for the n-th fallback
	Deadline  int64  // unix seconds by which the execution must be on-chain
	Signature []byte // 65-byte ECDSA signature by the coordinator over Digest
}

// Clone returns a deep copy of a.
func (a Assignment) Clone() Assignment {
	a.Task = a.Task.Clone()
	a.Signature = slices.Clone(a.Signature)
	return a
}

// Result is the performer's account of what it did for a task.
type Result struct {
	TaskID           common.Hash
	JobID            uint64
	TaskDefinitionID TaskDefinitionID
	Performer        common.Address
	TxHash           common.Hash // the TaskExecutionHub.executeFunction transaction
	Calldata         []byte      // the calldata passed to the target
	Success          bool        // whether the target call succeeded
	// Script is the account of the script run for script jobs; nil otherwise.
	Script    *ScriptRun
	Signature []byte // 65-byte ECDSA signature by the performer over Digest
	// Resend counts the performer's re-publications of the result (0: the
	// first). Neither hashed nor signed, it only makes a re-publication a
	// new gossip message, which the network's duplicate filter lets
	// through to the nodes that lost the first.
	Resend uint32
}

// Clone returns a deep copy of r.
func (r Result) Clone() Result {
	r.Calldata = slices.Clone(r.Calldata)
	r.Script = r.Script.Clone()
	r.Signature = slices.Clone(r.Signature)
	return r
}

// Vote is one keeper's BLS-signed verdict on a result.
type Vote struct {
	TaskID           common.Hash
	JobID            uint64
	TaskDefinitionID TaskDefinitionID
	ResultHash       common.Hash
	Approve          bool
	Keeper           common.Address // the keeper's controller address
	Signature        []byte         // 96-byte compressed BLS signature over VoteDigest
	// Resend is the Resend of the result whose re-publication made the
	// keeper publish its vote again (0: the first publication); not signed.
	Resend uint32
}

// Clone returns a deep copy of v.
func (v Vote) Clone() Vote {
	v.Signature = slices.Clone(v.Signature)
	return v
}

// Certificate is an aggregated quorum of votes for one (task, result,
// verdict), ready to be submitted to the AttestationCenter.
type Certificate struct {
	TaskID           common.Hash
	JobID            uint64
	TaskDefinitionID TaskDefinitionID
	ResultHash       common.Hash
	Approve          bool
	Signers          []uint64 // registry ids, strictly increasing
	Signature        []byte   // 96-byte compressed aggregate BLS signature
}

// Clone returns a deep copy of c.
func (c Certificate) Clone() Certificate {
	c.Signers = slices.Clone(c.Signers)
	c.Signature = slices.Clone(c.Signature)
	return c
}

// Finalization announces that a certificate was accepted on-chain.
type Finalization struct {
	Certificate  Certificate
	SubmissionTx common.Hash
	Aggregator   common.Address
}

// Clone returns a deep copy of f.
func (f Finalization) Clone() Finalization {
	f.Certificate = f.Certificate.Clone()
	return f
}

// Keeper is a registered keeper as the KeeperRegistry reports it.
type Keeper struct {
	ID        uint64 // registry id, from 1
	Address   common.Address
	Stake     *big.Int
	PublicKey BLSPublicKey
	Active    bool
}

func (k Keeper) String() string { return fmt.Sprintf("keeper#%d(%s)", k.ID, k.Address.Hex()) }
