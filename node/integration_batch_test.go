package node_test

import (
	"context"
	"encoding/json"
	"math/big"
	"net/http"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts/bindings"
	"github.com/triggerx-network/triggerx/coordinator"
	"github.com/triggerx-network/triggerx/node"
)

// Under load the aggregator records the tasks of one batch window under a
// single batch signature of the keepers (submitBatch), and every task of a
// batch is provable on its own against the batch's Merkle root
// (proveTask). Six jobs fire on the same two-second grid; the aggregator
// batches from two certificates on.
func TestBatchedAttestationEndToEnd(t *testing.T) {
	n := startNetworkHooks(t, 4, nil, nil, func(c *node.AggregatorConfig) { c.AttestMin = 2 })
	var jobs []string
	for range 6 {
		jobs = append(jobs, n.createJob("1", 2))
	}
	var done []apiTask
	for _, j := range jobs {
		done = append(done, n.waitCompleted(j, 3)...)
	}
	n.checkFinalized(done)
	n.checkCounter(1)

	ctx := context.Background()
	opts := &bind.CallOpts{Context: ctx}
	parsed, err := bindings.AttestationCenterMetaData.GetAbi()
	require.NoError(t, err)
	d := attestation.Domain{ChainID: n.chainID.Uint64(), AttestationCenter: n.addrs.AttestationCenter}
	notBatched, err := n.c.AttestationCenter.NOTBATCHED(opts)
	require.NoError(t, err)
	completed := map[common.Hash]apiTask{}
	for _, tk := range done {
		completed[common.HexToHash(tk.TaskID)] = tk
	}

	it, err := n.c.AttestationCenter.FilterBatchSubmitted(&bind.FilterOpts{Context: ctx}, nil)
	require.NoError(t, err)
	batches, proved := 0, 0
	for it.Next() {
		ev := it.Event
		batches++
		// The leaves are in the transaction's calldata: the root the
		// contract stored is the root of their tree.
		tx, _, err := n.sim.Client().TransactionByHash(ctx, ev.Raw.TxHash)
		require.NoError(t, err)
		args, err := parsed.Methods["submitBatch"].Inputs.Unpack(tx.Data()[4:])
		require.NoError(t, err)
		leaves := *abi.ConvertType(args[0], new([]bindings.AttestationCenterVote)).(*[]bindings.AttestationCenterVote)
		require.Len(t, leaves, int(ev.Leaves.Int64()))
		require.GreaterOrEqual(t, len(leaves), 2)
		hashes := make([]common.Hash, len(leaves))
		for i, l := range leaves {
			hashes[i] = attestation.BatchLeaf{TaskID: l.TaskId, JobID: l.JobId.Uint64(),
				TaskDefinitionID: attestation.TaskDefinitionID(l.TaskDefinitionId), ResultHash: l.ResultHash, Approve: l.Approve}.Hash(d)
		}
		root := attestation.MerkleRoot(hashes)
		require.Equal(t, common.Hash(ev.Root), root)
		stored, err := n.c.AttestationCenter.BatchRoot(opts, ev.Batch)
		require.NoError(t, err)
		require.Equal(t, root, common.Hash(stored))

		for i, l := range leaves {
			in, err := n.c.AttestationCenter.RecordedIn(opts, l.TaskId)
			require.NoError(t, err)
			if in.Cmp(ev.Batch) != 0 {
				continue // recorded before, by another submission
			}
			require.NotEqual(t, 0, in.Cmp(notBatched))
			proof := attestation.MerkleProof(hashes, i)
			ok, err := n.c.AttestationCenter.ProveTask(opts, l, ev.Batch, toBytes32(proof))
			require.NoError(t, err)
			require.True(t, ok, "task %s proven in batch %s", common.Hash(l.TaskId).Hex(), ev.Batch)
			// Another verdict, or another batch, does not prove.
			lie := l
			lie.Approve = !l.Approve
			ok, err = n.c.AttestationCenter.ProveTask(opts, lie, ev.Batch, toBytes32(proof))
			require.NoError(t, err)
			require.False(t, ok)
			ok, err = n.c.AttestationCenter.ProveTask(opts, l, new(big.Int).Add(ev.Batch, big.NewInt(1)), toBytes32(proof))
			require.NoError(t, err)
			require.False(t, ok)
			if tk, ok := completed[l.TaskId]; ok {
				require.Equal(t, ev.Raw.TxHash, common.HexToHash(tk.SubmissionTx), "the API reports the batch's transaction")
			}
			proved++
		}
	}
	require.NoError(t, it.Close())

	// The API gives each batched task's proof; the contract accepts it.
	apiProofs := 0
	for id := range completed {
		in, err := n.c.AttestationCenter.RecordedIn(opts, id)
		require.NoError(t, err)
		code, body := n.api(http.MethodGet, "/api/tasks/"+id.Hex()+"/proof", nil)
		if in.Cmp(notBatched) == 0 {
			require.Equal(t, http.StatusNotFound, code, string(body))
			continue
		}
		require.Equal(t, http.StatusOK, code, string(body))
		var p coordinator.TaskProof
		require.NoError(t, json.Unmarshal(body, &p))
		require.Equal(t, in.String(), p.Batch)
		batch, _ := new(big.Int).SetString(p.Batch, 10)
		leaf := bindings.AttestationCenterVote{TaskId: p.Leaf.TaskID, JobId: new(big.Int).SetUint64(p.Leaf.JobID),
			TaskDefinitionId: p.Leaf.TaskDefinitionID, ResultHash: p.Leaf.ResultHash, Approve: p.Leaf.Approve}
		ok, err := n.c.AttestationCenter.ProveTask(opts, leaf, batch, toBytes32(p.Proof))
		require.NoError(t, err)
		require.True(t, ok, "the API's proof of task %s", id.Hex())
		apiProofs++
	}
	require.Positive(t, apiProofs)
	require.Positive(t, batches, "no batch was attested")
	require.GreaterOrEqual(t, proved, 4)
	t.Logf("%d batches, %d tasks proven in them, %d tasks completed", batches, proved, len(done))
}

func toBytes32(hs []common.Hash) [][32]byte {
	out := make([][32]byte, len(hs))
	for i, h := range hs {
		out[i] = h
	}
	return out
}
