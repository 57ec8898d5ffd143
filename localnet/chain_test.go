package main

import (
	"context"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts"
	"github.com/triggerx-network/triggerx/node/keystore"
)

// TestChainSetup runs the chain half of `up` against a real geth --dev:
// install geth (into the repository's .localnet/bin), start it on a spare
// port, fund accounts from the dev account, deploy the contracts, set the
// coordinator, register a keeper with its BLS proof of possession (the
// EIP-2537 precompiles) and create the example job. It takes a few minutes
// the first time (geth is built) and is opt-in:
//
//	TRIGGERX_LOCALNET_TEST=1 go test ./localnet -run TestChainSetup -v
func TestChainSetup(t *testing.T) {
	if os.Getenv("TRIGGERX_LOCALNET_TEST") == "" {
		t.Skip("set TRIGGERX_LOCALNET_TEST=1 to run geth")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()

	repo, err := filepath.Abs("..")
	require.NoError(t, err)
	shared := layout{root: repo, dir: filepath.Join(repo, ".localnet")}
	require.NoError(t, installGeth(ctx, shared))

	l := testLayout(t)
	require.NoError(t, os.MkdirAll(filepath.Join(l.dir, "bin"), 0o755))
	require.NoError(t, os.Symlink(shared.gethBin(), l.gethBin()))
	geth := gethProcess(l, 18545)
	require.NoError(t, start(l, geth))
	t.Cleanup(func() {
		stopGrace = 5 * time.Second
		require.NoError(t, stopAll(l, true))
	})

	c, err := dialChain(ctx, "http://127.0.0.1:18545", geth, l)
	require.NoError(t, err)
	defer c.close()
	t.Logf("chain %s, dev account %s", c.chainID, c.dev.Hex())

	owner, err := newAccount(l, "deployer", false)
	require.NoError(t, err)
	coord, err := newAccount(l, "coordinator", false)
	require.NoError(t, err)
	keeper, err := newAccount(l, "keeper-1", true)
	require.NoError(t, err)
	user, err := newAccount(l, "user", false)
	require.NoError(t, err)
	require.NoError(t, c.fund(ctx, fundAmount, owner.Address, coord.Address, keeper.Address, user.Address))

	ownerKey, err := owner.key()
	require.NoError(t, err)
	addrs, err := deploy(ctx, c, ownerKey, minStake, coord.Address)
	require.NoError(t, err)
	t.Logf("contracts %+v", addrs)
	bound, err := addrs.Bind(c.eth)
	require.NoError(t, err)
	got, err := bound.KeeperRegistry.Coordinator(nil)
	require.NoError(t, err)
	require.Equal(t, coord.Address, got)

	// What `triggerx-keeper register` does, in process.
	keeperKey, err := keeper.key()
	require.NoError(t, err)
	pw, err := keystore.ReadPasswordFile(keeper.PasswordFile)
	require.NoError(t, err)
	blsKey, err := keystore.LoadBLS(keeper.BLSKeystore, pw)
	require.NoError(t, err)
	auth, err := c.transactor(ctx, keeperKey)
	require.NoError(t, err)
	tx, err := contracts.RegisterKeeper(ctx, bound.KeeperRegistry, auth, c.chainID.Uint64(), addrs.KeeperRegistry, blsKey, keeperStake)
	require.NoError(t, describe(err))
	_, err = contracts.WaitMined(ctx, c.eth, tx, nil)
	require.NoError(t, err)
	total, err := bound.KeeperRegistry.TotalStake(nil)
	require.NoError(t, err)
	require.Equal(t, keeperStake, total)

	userKey, err := user.key()
	require.NoError(t, err)
	jobID, err := createExampleJob(ctx, c, userKey, addrs, userGasDeposit)
	require.NoError(t, err)
	t.Logf("job %d", jobID)
	job, err := bound.JobRegistry.GetJob(nil, new(big.Int).SetUint64(jobID))
	require.NoError(t, err)
	require.Equal(t, user.Address, job.Owner)
	require.Equal(t, attestation.JobCommitment(exampleAction(c.chainID.Uint64(), addrs.Counter), exampleTrigger()), common.Hash(job.SpecHash))
}
