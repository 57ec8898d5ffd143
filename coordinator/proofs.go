package coordinator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/gin-gonic/gin"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts/bindings"
)

// TaskProof shows that a task recorded in a batch (AttestationCenter
// submitBatch) carries the verdict it does: proof leads from the leaf's
// hash (its vote digest) to the batch's Merkle root, which the contract
// stored; AttestationCenter.proveTask(leaf, batch, proof) checks it
// on-chain.
type TaskProof struct {
	TaskID            common.Hash    `json:"task_id"`
	AttestationCenter common.Address `json:"attestation_center"`
	SubmissionTx      common.Hash    `json:"submission_tx_hash"`
	Batch             string         `json:"batch"` // decimal
	Root              common.Hash    `json:"root"`
	Leaf              ProofLeaf      `json:"leaf"`
	LeafHash          common.Hash    `json:"leaf_hash"`
	Proof             []common.Hash  `json:"proof"`
	BatchSize         int            `json:"batch_size"`
}

// ProofLeaf is a batch leaf as proveTask takes it.
type ProofLeaf struct {
	TaskID           common.Hash `json:"task_id"`
	JobID            uint64      `json:"job_id"`
	TaskDefinitionID uint16      `json:"task_definition_id"`
	ResultHash       common.Hash `json:"result_hash"`
	Approve          bool        `json:"approve"`
}

// ErrNotBatched is returned for a task recorded on its own (submitTask or
// submitTasks): its TaskSubmitted or TaskRejected event is its proof.
var ErrNotBatched = errors.New("task not recorded in a batch")

// ProofClient is what BatchProofs needs of a chain connection.
type ProofClient interface {
	TransactionByHash(ctx context.Context, hash common.Hash) (*types.Transaction, bool, error)
	TransactionReceipt(ctx context.Context, hash common.Hash) (*types.Receipt, error)
}

// BatchProofs builds TaskProofs from the batch transaction itself: its
// calldata holds every leaf, its receipt the batch number and which leaves
// it recorded. Nothing is stored for it. Safe for concurrent use.
type BatchProofs struct {
	client ProofClient
	domain attestation.Domain
	center *bindings.AttestationCenterFilterer
	method abi.Method
}

// NewBatchProofs proves tasks of the AttestationCenter of domain.
func NewBatchProofs(client ProofClient, domain attestation.Domain) (*BatchProofs, error) {
	parsed, err := bindings.AttestationCenterMetaData.GetAbi()
	if err != nil {
		return nil, fmt.Errorf("parse AttestationCenter ABI: %w", err)
	}
	center, err := bindings.NewAttestationCenterFilterer(domain.AttestationCenter, nil)
	if err != nil {
		return nil, fmt.Errorf("bind AttestationCenter: %w", err)
	}
	return &BatchProofs{client: client, domain: domain, center: center, method: parsed.Methods["submitBatch"]}, nil
}

// Prove returns the proof of task, recorded by transaction tx.
func (p *BatchProofs) Prove(ctx context.Context, task, txHash common.Hash) (TaskProof, error) {
	tx, _, err := p.client.TransactionByHash(ctx, txHash)
	if err != nil {
		return TaskProof{}, fmt.Errorf("read transaction %s: %w", txHash.Hex(), err)
	}
	data := tx.Data()
	if tx.To() == nil || *tx.To() != p.domain.AttestationCenter || len(data) < 4 || !bytes.Equal(data[:4], p.method.ID) {
		return TaskProof{}, ErrNotBatched
	}
	args, err := p.method.Inputs.Unpack(data[4:])
	if err != nil {
		return TaskProof{}, fmt.Errorf("decode submitBatch %s: %w", txHash.Hex(), err)
	}
	votes := *abi.ConvertType(args[0], new([]bindings.AttestationCenterVote)).(*[]bindings.AttestationCenterVote)
	hashes := make([]common.Hash, len(votes))
	index := -1
	for i, v := range votes {
		hashes[i] = attestation.BatchLeaf{TaskID: v.TaskId, JobID: v.JobId.Uint64(),
			TaskDefinitionID: attestation.TaskDefinitionID(v.TaskDefinitionId), ResultHash: v.ResultHash, Approve: v.Approve}.Hash(p.domain)
		if v.TaskId == task {
			index = i
		}
	}
	if index < 0 {
		return TaskProof{}, fmt.Errorf("%w: transaction %s does not name task %s", ErrNotBatched, txHash.Hex(), task.Hex())
	}
	receipt, err := p.client.TransactionReceipt(ctx, txHash)
	if err != nil {
		return TaskProof{}, fmt.Errorf("read receipt %s: %w", txHash.Hex(), err)
	}
	var batch *big.Int
	recorded := false
	for _, l := range receipt.Logs {
		if l.Address != p.domain.AttestationCenter {
			continue
		}
		if ev, err := p.center.ParseBatchSubmitted(*l); err == nil {
			batch = ev.Batch
		} else if ev, err := p.center.ParseTaskSubmitted(*l); err == nil && ev.TaskId == task {
			recorded = true
		} else if ev, err := p.center.ParseTaskRejected(*l); err == nil && ev.TaskId == task {
			recorded = true
		}
	}
	if batch == nil || !recorded {
		return TaskProof{}, fmt.Errorf("%w: transaction %s did not record task %s", ErrNotBatched, txHash.Hex(), task.Hex())
	}
	proof := attestation.MerkleProof(hashes, index)
	if proof == nil {
		proof = []common.Hash{}
	}
	v := votes[index]
	leaf := ProofLeaf{TaskID: v.TaskId, JobID: v.JobId.Uint64(), TaskDefinitionID: v.TaskDefinitionId, ResultHash: v.ResultHash, Approve: v.Approve}
	return TaskProof{TaskID: task, AttestationCenter: p.domain.AttestationCenter, SubmissionTx: txHash, Batch: batch.String(),
		Root: attestation.MerkleRoot(hashes), Leaf: leaf, LeafHash: hashes[index], Proof: proof, BatchSize: len(votes)}, nil
}

// proofTimeout bounds the chain reads of one proof.
const proofTimeout = 10 * time.Second

// getTaskProof answers the Merkle proof of a task recorded in a batch.
func (a *api) getTaskProof(c *gin.Context) {
	t, ok := a.taskParam(c)
	if !ok {
		return
	}
	if a.cfg.Proofs == nil {
		problem(c, http.StatusServiceUnavailable, "", "this coordinator does not build proofs")
		return
	}
	if t.TaskSubmissionTxHash == (common.Hash{}) {
		problem(c, http.StatusConflict, "", "task %s is not recorded on-chain yet", t.TaskID.Hex())
		return
	}
	ctx, cancel := context.WithTimeout(c.Request.Context(), proofTimeout)
	defer cancel()
	proof, err := a.cfg.Proofs.Prove(ctx, t.TaskID, t.TaskSubmissionTxHash)
	switch {
	case errors.Is(err, ErrNotBatched):
		problem(c, http.StatusNotFound, "", "task %s was recorded on its own, not in a batch: its TaskSubmitted or TaskRejected event in transaction %s is its record",
			t.TaskID.Hex(), t.TaskSubmissionTxHash.Hex())
	case err != nil:
		problem(c, http.StatusBadGateway, "", "build the proof of task %s: %v", t.TaskID.Hex(), err)
	default:
		c.JSON(http.StatusOK, proof)
	}
}
