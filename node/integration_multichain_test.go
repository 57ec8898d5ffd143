package node_test

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	gethnode "github.com/ethereum/go-ethereum/node"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts"
	"github.com/triggerx-network/triggerx/execution"
	"github.com/triggerx-network/triggerx/node"
)

// targetChainID is the second simulated chain's id (the home one is 1337).
const targetChainID = 1338

// A job whose action is on another chain than the AttestationCenter's: the
// performer executes it through that chain's hub, under the id the job has
// in that chain's JobRegistry, charged to the same owner there; attesters
// verify the execution on that chain; the certificate is recorded on the
// home chain.
func TestCrossChainJobEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a whole network")
	}
	deployer := newKey(t)
	target := simulated.NewBackend(types.GenesisAlloc{
		crypto.PubkeyToAddress(deployer.PublicKey): {Balance: new(big.Int).Mul(big.NewInt(10_000), big.NewInt(1e18))},
	}, func(_ *gethnode.Config, c *ethconfig.Config) {
		cfg := *c.Genesis.Config
		cfg.ChainID = big.NewInt(targetChainID)
		c.Genesis.Config = &cfg
	})
	t.Cleanup(func() { target.Close() })
	ctx := context.Background()
	tid := big.NewInt(targetChainID)
	auth := func(k *ecdsa.PrivateKey) *bind.TransactOpts {
		a, err := bind.NewKeyedTransactorWithChainID(k, tid)
		require.NoError(t, err)
		return a
	}
	var mu sync.Mutex // the simulated beacon is driven from one goroutine at a time
	commit := func() { mu.Lock(); defer mu.Unlock(); target.Commit() }
	addrs, err := contracts.Deploy(ctx, target.Client(), auth(deployer), big.NewInt(1e18), commit)
	require.NoError(t, err)
	tc, err := addrs.Bind(target.Client())
	require.NoError(t, err)
	mine := func(tx *types.Transaction, err error) *types.Receipt {
		t.Helper()
		require.NoError(t, err)
		r, err := contracts.WaitMined(ctx, target.Client(), tx, commit)
		require.NoError(t, err)
		require.Equal(t, types.ReceiptStatusSuccessful, r.Status)
		return r
	}

	n := startNetworkWith(t, 4, func(c *node.KeeperConfig) {
		c.Chain.Hubs = map[uint64]common.Address{targetChainID: addrs.TaskExecutionHub}
		c.Chain.JobRegistries = map[uint64]common.Address{targetChainID: addrs.JobRegistry}
		c.Test.Chains = map[uint64]execution.Chain{targetChainID: target.Client()}
	})
	// Keepers and the job owner on the target chain: funded, registered,
	// the job created and its gas deposited.
	fund := func(to common.Address) {
		nonceTx, err := types.SignNewTx(deployer, types.LatestSignerForChainID(tid), &types.DynamicFeeTx{
			ChainID: tid, Nonce: pendingNonce(t, target, crypto.PubkeyToAddress(deployer.PublicKey)), GasTipCap: big.NewInt(1e9),
			GasFeeCap: big.NewInt(1e11), Gas: 21_000, To: &to, Value: new(big.Int).Mul(big.NewInt(100), big.NewInt(1e18)),
		})
		require.NoError(t, err)
		mine(nonceTx, target.Client().SendTransaction(ctx, nonceTx))
	}
	for _, k := range n.keepers {
		fund(crypto.PubkeyToAddress(k.cfg.ControllerKey.PublicKey))
		mine(contracts.RegisterKeeper(ctx, tc.KeeperRegistry, auth(k.cfg.ControllerKey), targetChainID, addrs.KeeperRegistry, k.cfg.BLSKey, big.NewInt(1e18)))
	}
	fund(n.user.From)
	owner := auth(n.userKey)
	r := mine(tc.JobRegistry.CreateJob(owner, uint16(attestation.TimeStatic), addrs.Counter, common.Hash{}))
	created, err := tc.JobRegistry.ParseJobCreated(*r.Logs[0])
	require.NoError(t, err)
	deposit := *owner
	deposit.Value = big.NewInt(1e18)
	mine(tc.TriggerGasRegistry.Deposit(&deposit, owner.From))

	stop := make(chan struct{})
	sealed := make(chan struct{})
	go func() { // the target chain seals blocks too
		defer close(sealed)
		for {
			select {
			case <-stop:
				return
			case <-time.After(200 * time.Millisecond):
				commit()
			}
		}
	}()
	t.Cleanup(func() { close(stop); <-sealed })

	action := attestation.Action{ChainID: targetChainID, Target: addrs.Counter, Function: "increment(uint256)", Arguments: []string{"4"},
		TargetJobID: created.JobId.Uint64()}
	trigger := attestation.Trigger{Kind: attestation.TriggerTime, Time: &attestation.TimeTrigger{Schedule: attestation.ScheduleInterval, Interval: 2}}
	jobID := n.registerJob(attestation.TimeStatic, action, trigger, map[string]any{
		"schedule_type": "interval", "time_interval": 2, "target_job_id": created.JobId.String(), "target_chain_id": fmt.Sprint(targetChainID),
	})
	done := n.waitCompleted(jobID, 2)
	for _, tk := range done {
		require.NotEmpty(t, tk.SubmissionTx)
		submitted, err := n.c.AttestationCenter.Submitted(&bind.CallOpts{}, common.HexToHash(tk.TaskID))
		require.NoError(t, err)
		require.True(t, submitted, "recorded on the home chain")
		rcpt, err := target.Client().TransactionReceipt(ctx, common.HexToHash(tk.ExecutionTx))
		require.NoError(t, err, "the execution is on the target chain")
		require.Equal(t, types.ReceiptStatusSuccessful, rcpt.Status)
		by, err := tc.TaskExecutionHub.ExecutedBy(&bind.CallOpts{}, common.HexToHash(tk.TaskID))
		require.NoError(t, err)
		require.Equal(t, common.HexToAddress(tk.Performer), by)
	}
	count, err := tc.Counter.Count(&bind.CallOpts{})
	require.NoError(t, err)
	require.GreaterOrEqual(t, count.Int64(), int64(8))
	require.Zero(t, count.Int64()%4)
	home, err := n.c.Counter.Count(&bind.CallOpts{})
	require.NoError(t, err)
	require.Zero(t, home.Int64(), "nothing executed on the home chain")
	balance, err := tc.TriggerGasRegistry.BalanceOf(&bind.CallOpts{}, owner.From)
	require.NoError(t, err)
	require.Negative(t, balance.Cmp(big.NewInt(1e18)), "the owner paid on the target chain")
}

func pendingNonce(t *testing.T, b *simulated.Backend, a common.Address) uint64 {
	n, err := b.Client().PendingNonceAt(context.Background(), a)
	require.NoError(t, err)
	return n
}
