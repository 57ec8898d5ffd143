package node

import (
	"context"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts/bindings"
	"github.com/triggerx-network/triggerx/execution"
)

// conflictReporter reports keepers that BLS-signed two different votes on
// one task to the AttestationCenter (reportConflictingVotes), which checks
// both signatures against the keeper's registered key, slashes its stake
// and pays the reporter a share. The gossip layer hands it each pair it
// catches (p2p.Config.ConflictingVotes). Reports go through the node's
// transaction manager, one per keeper and task.
type conflictReporter struct {
	keepers attestation.KeeperSet
	sender  *execution.Sender
	center  common.Address
	abi     *abi.ABI
	log     *zap.Logger

	base context.Context
	wg   sync.WaitGroup
}

func newConflictReporter(base context.Context, keepers attestation.KeeperSet, sender *execution.Sender, center common.Address,
	log *zap.Logger,
) (*conflictReporter, error) {
	parsed, err := bindings.AttestationCenterMetaData.GetAbi()
	if err != nil {
		return nil, fmt.Errorf("parse AttestationCenter ABI: %w", err)
	}
	return &conflictReporter{keepers: keepers, sender: sender, center: center, abi: parsed, log: log, base: base}, nil
}

// report sends the report of a and b in the background.
func (r *conflictReporter) report(a, b attestation.Vote) {
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		log := r.log.With(zap.Stringer("task_id", a.TaskID), zap.Stringer("keeper", a.Keeper))
		ctx, cancel := context.WithTimeout(r.base, 5*time.Minute)
		defer cancel()
		tx, err := r.send(ctx, a, b)
		if err != nil {
			log.Warn("conflicting votes not reported", zap.Error(err))
			return
		}
		log.Warn("keeper signed two different votes on one task: reported for slashing", zap.Stringer("tx_hash", tx.Hash()))
	}()
}

func (r *conflictReporter) send(ctx context.Context, a, b attestation.Vote) (*types.Transaction, error) {
	keepers, err := r.keepers.Keepers(ctx)
	if err != nil {
		return nil, fmt.Errorf("read keeper set: %w", err)
	}
	k, ok := findKeeper(keepers, a.Keeper)
	if !ok || a.Keeper != b.Keeper || a.TaskID != b.TaskID {
		return nil, fmt.Errorf("votes of %s and %s on %s and %s are no conflict", a.Keeper.Hex(), b.Keeper.Hex(),
			a.TaskID.Hex(), b.TaskID.Hex())
	}
	va, sigA, err := reportedVote(a)
	if err != nil {
		return nil, err
	}
	vb, sigB, err := reportedVote(b)
	if err != nil {
		return nil, err
	}
	data, err := r.abi.Pack("reportConflictingVotes", new(big.Int).SetUint64(k.ID), va, sigA, vb, sigB)
	if err != nil {
		return nil, fmt.Errorf("pack reportConflictingVotes: %w", err)
	}
	tx, receipt, err := r.sender.Send(ctx, fmt.Sprintf("report/%s/%s", a.TaskID.Hex(), a.Keeper.Hex()), r.center, data)
	if err != nil {
		return nil, fmt.Errorf("send reportConflictingVotes: %w", err)
	}
	if receipt.Status != types.ReceiptStatusSuccessful {
		return tx, fmt.Errorf("reportConflictingVotes transaction %s failed", tx.Hash().Hex())
	}
	return tx, nil
}

// reportedVote is v in the AttestationCenter's form, with its signature in
// EIP-2537 encoding.
func reportedVote(v attestation.Vote) (bindings.AttestationCenterVote, []byte, error) {
	sig, err := attestation.BLSSignatureFromBytes(v.Signature)
	if err != nil {
		return bindings.AttestationCenterVote{}, nil, err
	}
	enc, err := sig.EIP2537()
	if err != nil {
		return bindings.AttestationCenterVote{}, nil, err
	}
	return bindings.AttestationCenterVote{TaskId: v.TaskID, JobId: new(big.Int).SetUint64(v.JobID),
		TaskDefinitionId: uint16(v.TaskDefinitionID), ResultHash: v.ResultHash, Approve: v.Approve}, enc, nil
}

func (r *conflictReporter) wait() { r.wg.Wait() }
