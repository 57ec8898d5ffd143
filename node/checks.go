package node

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts/bindings"
	"github.com/triggerx-network/triggerx/p2p"
)

// Errors of gossip validation. Each wraps p2p.ErrReject (the sender
// misbehaved) or p2p.ErrIgnore (stale or not checkable now).
var (
	errWrongTaskID      = fmt.Errorf("%w: task id does not match job and trigger key", p2p.ErrReject)
	errWrongTriggerKey  = fmt.Errorf("%w: trigger key does not derive from the firing", p2p.ErrReject)
	errWrongPerformer   = fmt.Errorf("%w: performer is not the one the selection rule picks", p2p.ErrReject)
	errNotKeeper        = fmt.Errorf("%w: signer is not an active registered keeper", p2p.ErrReject)
	errBadAggregate     = fmt.Errorf("%w: certificate signature does not verify", p2p.ErrReject)
	errStaleAssignment  = fmt.Errorf("%w: assignment deadline long passed", p2p.ErrIgnore)
	errFinalized        = fmt.Errorf("%w: task already finalized", p2p.ErrIgnore)
	errChainUnavailable = fmt.Errorf("%w: chain state unavailable", p2p.ErrIgnore)
	errHeartbeatSkew    = fmt.Errorf("%w: heartbeat timestamp too far from now", p2p.ErrIgnore)
)

const (
	// staleAfter is how long after its deadline an assignment is still relayed.
	staleAfter = 10 * time.Minute
	// heartbeatSkew is how far a heartbeat's timestamp may be from this
	// node's clock, either way, for it to be relayed.
	heartbeatSkew = 2 * time.Minute
)

// checks validates gossip before it is relayed or handed to the workflow:
// the coordinator signed each assignment for the performer the rule picks,
// results are signed by a registered keeper, votes and certificates carry
// valid BLS signatures of registered keys.
type checks struct {
	domain      attestation.Domain
	keepers     *registryKeepers
	coordinator *coordinatorAddress
	now         func() time.Time
	// finalized remembers tasks whose certificate was seen: results and
	// votes for them are stale and not relayed.
	finalized *lru.Cache[common.Hash, struct{}]
	// verified remembers the vote signatures the vote check verified, so
	// this node's aggregator (and a keeper's backup aggregator), handed
	// the same vote by the topic, does not pair it again.
	verified *lru.Cache[common.Hash, struct{}]
}

// finalizedMemory is how many finalized task ids the checks remember;
// verifiedMemory how many verified vote signatures.
const (
	finalizedMemory = 1 << 16
	verifiedMemory  = 1 << 14
)

func newChecks(domain attestation.Domain, keepers *registryKeepers, coordinator *coordinatorAddress) *checks {
	finalized, _ := lru.New[common.Hash, struct{}](finalizedMemory) // only fails for a size <= 0
	verified, _ := lru.New[common.Hash, struct{}](verifiedMemory)
	return &checks{domain: domain, keepers: keepers, coordinator: coordinator, now: time.Now, finalized: finalized, verified: verified}
}

// signedKey names one signature of digest by keeper in the verified memo.
func signedKey(keeper common.Address, digest common.Hash, sig []byte) common.Hash {
	return crypto.Keccak256Hash(keeper[:], digest[:], sig)
}

// Verified reports whether the vote check verified sig, keeper's BLS
// signature of digest (voteAggregator.verified).
func (c *checks) Verified(keeper common.Address, digest common.Hash, sig []byte) bool {
	return c.verified.Contains(signedKey(keeper, digest, sig))
}

// p2p returns the checks in the form the p2p topic validators take.
func (c *checks) p2p() p2p.Checks {
	return p2p.Checks{Assignment: c.Assignment, Result: c.Result, Vote: c.Vote, Finalization: c.Finalization,
		Heartbeat: c.Heartbeat, BatchVote: c.BatchVote}
}

// keeperSet finds addr in the keeper set, refreshing the cached set once if
// addr is not in it (it may have registered a moment ago).
func (c *checks) keeperSet(ctx context.Context, addr common.Address) ([]attestation.Keeper, attestation.Keeper, error) {
	for attempt := 0; attempt < 2; attempt++ {
		ks, err := c.keepers.Keepers(ctx)
		if err != nil {
			return nil, attestation.Keeper{}, fmt.Errorf("%w: %v", errChainUnavailable, err)
		}
		if k, ok := findKeeper(ks, addr); ok && k.Active {
			return ks, k, nil
		}
		c.keepers.Invalidate()
	}
	return nil, attestation.Keeper{}, fmt.Errorf("%w: %s", errNotKeeper, addr.Hex())
}

func (c *checks) Assignment(ctx context.Context, a attestation.Assignment) error {
	t := a.Task
	if err := t.Trigger.Check(); err != nil {
		return fmt.Errorf("%w: %v", p2p.ErrReject, err)
	}
	if !slices.Contains(t.TaskDefinitionID.Kinds(), t.Trigger.Kind) {
		return fmt.Errorf("%w: task definition %d cannot have a %s trigger", p2p.ErrReject, t.TaskDefinitionID, t.Trigger.Kind)
	}
	key, err := attestation.TriggerKey(t.Trigger.Kind, t.ScheduledAt, t.Firing)
	if err != nil || key != t.TriggerKey {
		return errWrongTriggerKey
	}
	if t.ID != attestation.TaskID(t.JobID, t.TriggerKey) {
		return errWrongTaskID
	}
	coord, err := c.coordinator.get(ctx)
	if err != nil {
		return fmt.Errorf("%w: %v", errChainUnavailable, err)
	}
	if err := attestation.VerifyECDSA(a.Digest(c.domain), a.Signature, coord); err != nil {
		return fmt.Errorf("%w: assignment: %v", p2p.ErrReject, err)
	}
	if c.now().Unix() > a.Deadline+int64(staleAfter/time.Second) {
		return errStaleAssignment
	}
	ks, _, err := c.keeperSet(ctx, a.Performer)
	if err != nil {
		return err
	}
	want, err := attestation.SelectPerformer(a.Task.ID, ks, a.Round)
	if err != nil {
		return fmt.Errorf("%w: %v", errChainUnavailable, err)
	}
	if want.Address == a.Performer {
		return nil
	}
	// The coordinator read the registry a moment before or after this
	// node, across a change of stake or membership: the selection under a
	// fresh read, or under the set that change replaced (for selectionSkew
	// after it), is the coordinator's too.
	picks := func(ks []attestation.Keeper) bool {
		w, err := attestation.SelectPerformer(a.Task.ID, ks, a.Round)
		return err == nil && w.Address == a.Performer
	}
	c.keepers.Invalidate()
	if fresh, err := c.keepers.Keepers(ctx); err == nil && picks(fresh) {
		return nil
	}
	if prev, ok := c.keepers.Previous(selectionSkew); ok && picks(prev) {
		return nil
	}
	return fmt.Errorf("%w: want %s, got %s", errWrongPerformer, want.Address.Hex(), a.Performer.Hex())
}

// selectionSkew is how long after a change of the keeper set an assignment
// selected under the set before it is still accepted: the coordinator and
// the keepers cache the set for keeperSetTTL each.
const selectionSkew = 4 * keeperSetTTL

func (c *checks) Result(ctx context.Context, r attestation.Result) error {
	if c.finalized.Contains(r.TaskID) {
		return errFinalized
	}
	if _, _, err := c.keeperSet(ctx, r.Performer); err != nil {
		return err
	}
	if err := attestation.VerifyECDSA(r.Digest(c.domain), r.Signature, r.Performer); err != nil {
		return fmt.Errorf("%w: result: %v", p2p.ErrReject, err)
	}
	return nil
}

func (c *checks) Vote(ctx context.Context, v attestation.Vote) error {
	if c.finalized.Contains(v.TaskID) {
		return errFinalized
	}
	digest := v.Digest(c.domain)
	if err := c.keeperSigned(ctx, v.Keeper, digest, v.Signature, "vote"); err != nil {
		return err
	}
	c.verified.Add(signedKey(v.Keeper, digest, v.Signature), struct{}{})
	return nil
}

// keeperSigned checks that sig is an active keeper's BLS signature of
// digest; what names the message in the error.
func (c *checks) keeperSigned(ctx context.Context, keeper common.Address, digest common.Hash, sig []byte, what string) error {
	_, k, err := c.keeperSet(ctx, keeper)
	if err != nil {
		return err
	}
	s, err := attestation.BLSSignatureFromBytes(sig)
	if err != nil {
		return fmt.Errorf("%w: %v", p2p.ErrReject, err)
	}
	if !attestation.VerifyBLS(k.PublicKey, digest, s) {
		return fmt.Errorf("%w: %s signature", p2p.ErrReject, what)
	}
	return nil
}

// BatchVote accepts a batch signature by an active keeper. Proposals need
// no check beyond their encoding's: a keeper signs one only when its own
// journal agrees with every leaf, whoever proposed it.
func (c *checks) BatchVote(ctx context.Context, v attestation.BatchVote) error {
	return c.keeperSigned(ctx, v.Keeper, v.Digest(c.domain), v.Signature, "batch vote")
}

func (c *checks) Finalization(ctx context.Context, f attestation.Finalization) error {
	ks, err := c.keepers.Keepers(ctx)
	if err != nil {
		return fmt.Errorf("%w: %v", errChainUnavailable, err)
	}
	var pks []attestation.BLSPublicKey
	for _, id := range f.Certificate.Signers {
		if id == 0 || id > uint64(len(ks)) {
			return fmt.Errorf("%w: signer id %d", errNotKeeper, id)
		}
		pks = append(pks, ks[id-1].PublicKey)
	}
	sig, err := attestation.BLSSignatureFromBytes(f.Certificate.Signature)
	if err != nil {
		return fmt.Errorf("%w: %v", p2p.ErrReject, err)
	}
	if !attestation.FastAggregateVerifyBLS(pks, f.Certificate.Digest(c.domain), sig) {
		return errBadAggregate
	}
	c.finalized.Add(f.Certificate.TaskID, struct{}{})
	return nil
}

// Heartbeat accepts a heartbeat signed by an active registered keeper within
// heartbeatSkew of now. An old or future heartbeat is ignored, not rejected:
// clocks drift and gossip is delayed, neither the relaying peer's fault.
func (c *checks) Heartbeat(ctx context.Context, h attestation.Heartbeat) error {
	if skew := c.now().Sub(time.UnixMilli(h.Timestamp)); skew > heartbeatSkew || skew < -heartbeatSkew {
		return fmt.Errorf("%w: %s off", errHeartbeatSkew, skew.Round(time.Second))
	}
	if _, _, err := c.keeperSet(ctx, h.Keeper); err != nil {
		return err
	}
	if err := attestation.VerifyECDSA(h.Digest(c.domain), h.Signature, h.Keeper); err != nil {
		return fmt.Errorf("%w: heartbeat: %v", p2p.ErrReject, err)
	}
	return nil
}

// coordinatorAddress reads the coordinator's address from the KeeperRegistry
// and caches it briefly.
type coordinatorAddress struct {
	registry *bindings.KeeperRegistry
	ttl      time.Duration

	mu      sync.Mutex
	addr    common.Address
	fetched time.Time
}

func (c *coordinatorAddress) get(ctx context.Context) (common.Address, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.addr != (common.Address{}) && time.Since(c.fetched) < c.ttl {
		return c.addr, nil
	}
	addr, err := c.registry.Coordinator(&bind.CallOpts{Context: ctx})
	if err != nil {
		return common.Address{}, fmt.Errorf("read coordinator address: %w", err)
	}
	if addr == (common.Address{}) {
		return common.Address{}, errors.New("no coordinator set in the keeper registry")
	}
	c.addr, c.fetched = addr, time.Now()
	return addr, nil
}

// admitPeer is the p2p connection gater's rule: a peer whose address is an
// active registered keeper or the registry's coordinator.
func (c *checks) admitPeer(ctx context.Context, addr common.Address) error {
	if coord, err := c.coordinator.get(ctx); err == nil && coord == addr {
		return nil
	}
	_, _, err := c.keeperSet(ctx, addr)
	return err
}
