package attestation

import (
	"context"

	"github.com/ethereum/go-ethereum/common"
)

// The stages of the workflow. Each stage's methods are its inputs; its
// outputs go to the callbacks registered with Subscribe. Subscribers must not
// modify the values they receive; a stage hands each subscriber its own copy.

// Gossip is the network: it publishes the workflow's messages to all nodes
// and delivers the valid ones it receives, including this node's own.
type Gossip interface {
	PublishAssignment(context.Context, Assignment) error
	PublishResult(context.Context, Result) error
	PublishVote(context.Context, Vote) error
	PublishFinalization(context.Context, Finalization) error

	SubscribeAssignments(func(context.Context, Assignment) error)
	SubscribeResults(func(context.Context, Result) error)
	SubscribeVotes(func(context.Context, Vote) error)
	SubscribeFinalizations(func(context.Context, Finalization) error)
}

// Performer executes the tasks assigned to this keeper on-chain, at most once
// per task id, and outputs the signed result. Assignments for other keepers
// are ignored.
type Performer interface {
	Perform(context.Context, Assignment) error
	Subscribe(func(context.Context, Result) error)
}

// Matcher pairs each assignment with the performer's result for it,
// whichever arrives first, and outputs the pair once.
type Matcher interface {
	AddAssignment(context.Context, Assignment) error
	AddResult(context.Context, Result) error
	Subscribe(func(context.Context, Assignment, Result) error)
}

// Verdict is an attester's judgement of a result.
type Verdict struct {
	Approve bool
	Reason  string // reason code when not approved
}

// Verifier independently checks what a performer claims it did.
type Verifier interface {
	Verify(context.Context, Assignment, Result) (Verdict, error)
}

// Attester verifies results of other keepers' tasks and outputs its signed
// vote, never two different votes for one task.
type Attester interface {
	Attest(context.Context, Assignment, Result) error
	Subscribe(func(context.Context, Vote) error)
}

// Aggregator collects votes, weighs them by stake and outputs a certificate
// once a verdict reaches quorum.
type Aggregator interface {
	AddVote(context.Context, Vote) error
	Subscribe(func(context.Context, Certificate) error)
}

// Submitter records certificates on-chain and outputs the finalization.
type Submitter interface {
	Submit(context.Context, Certificate) error
	Subscribe(func(context.Context, Finalization) error)
}

// KeeperSet reads the registered keepers.
type KeeperSet interface {
	Keepers(context.Context) ([]Keeper, error)
}

// Self names the local keeper.
type Self interface {
	Address() common.Address
}
