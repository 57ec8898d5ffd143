package node

import (
	"context"
	"crypto/rand"

	"github.com/ethereum/go-ethereum/common"

	"github.com/triggerx-network/triggerx/attestation"
)

// Faults make a keeper fail or misbehave on purpose, for the fault-injection
// tests (TestConfig.Faults): a crash point and the Byzantine behaviours the
// rest of the network must withstand. Production leaves it zero; no flag
// sets it.
type Faults struct {
	// BeforeExecute is called just before the performer sends an
	// execution: a test kills or delays the keeper there, mid-task.
	BeforeExecute func(context.Context, attestation.Assignment)
	// WrongArguments: the performer executes its tasks with calldata other
	// than the action's (its last byte changed) and reports it.
	WrongArguments bool
	// ClaimUnsent: the performer sends nothing and gossips a signed result
	// naming a transaction that does not exist.
	ClaimUnsent bool
	// ExecuteUnassigned: the keeper also executes the tasks assigned to
	// others, at once, and gossips its own results for them.
	ExecuteUnassigned bool
	// ApproveAll: the attester approves every result without checking it.
	ApproveAll bool
	// Equivocate: the attester signs both verdicts on every result and
	// gossips both.
	Equivocate bool
}

// tamper returns calldata with its last byte changed (WrongArguments).
func (f *Faults) tamper(calldata []byte) []byte {
	if f == nil || !f.WrongArguments || len(calldata) == 0 {
		return calldata
	}
	out := append([]byte(nil), calldata...)
	out[len(out)-1] ^= 0x01
	return out
}

// inventedTx returns a random transaction hash (ClaimUnsent).
func inventedTx() common.Hash {
	var h common.Hash
	_, _ = rand.Read(h[:])
	return h
}
