package main

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts"
)

// deploy deploys the contracts from the owner's key and makes coordinator
// the KeeperRegistry's coordinator.
func deploy(ctx context.Context, c *chain, owner *ecdsa.PrivateKey, minStake *big.Int, coordinator common.Address) (contracts.Addresses, error) {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	auth, err := c.transactor(ctx, owner)
	if err != nil {
		return contracts.Addresses{}, err
	}
	// A short exit delay: a local keeper can deregister and withdraw in a minute.
	addrs, err := contracts.Deploy(ctx, c.eth, auth, minStake, nil, contracts.WithExitDelay(time.Minute))
	if err != nil {
		return contracts.Addresses{}, fmt.Errorf("deploy contracts: %w", err)
	}
	bound, err := addrs.Bind(c.eth)
	if err != nil {
		return contracts.Addresses{}, err
	}
	auth, err = c.transactor(ctx, owner) // Deploy used a copy; re-read the nonce
	if err != nil {
		return contracts.Addresses{}, err
	}
	tx, err := bound.KeeperRegistry.SetCoordinator(auth, coordinator)
	if err != nil {
		return contracts.Addresses{}, fmt.Errorf("set coordinator: %w", describe(err))
	}
	if _, err := contracts.WaitMined(ctx, c.eth, tx, nil); err != nil {
		return contracts.Addresses{}, fmt.Errorf("set coordinator: %w", err)
	}
	return addrs, nil
}

// exampleAction is what the example job does: Counter.increment(1).
func exampleAction(chainID uint64, counter common.Address) attestation.Action {
	return attestation.Action{ChainID: chainID, Target: counter, Function: "increment(uint256)", Arguments: []string{"1"}}
}

// exampleTrigger is when the example job fires: every jobInterval seconds.
func exampleTrigger() attestation.Trigger {
	return attestation.Trigger{Kind: attestation.TriggerTime, Time: &attestation.TimeTrigger{
		Schedule: attestation.ScheduleInterval, Interval: jobInterval,
	}}
}

// createExampleJob deposits gas funds for the user and creates the example
// job on-chain, returning its id.
func createExampleJob(ctx context.Context, c *chain, user *ecdsa.PrivateKey, addrs contracts.Addresses, deposit *big.Int) (uint64, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	bound, err := addrs.Bind(c.eth)
	if err != nil {
		return 0, err
	}
	auth, err := c.transactor(ctx, user)
	if err != nil {
		return 0, err
	}
	auth.Value = deposit
	tx, err := bound.TriggerGasRegistry.Deposit(auth, auth.From)
	if err != nil {
		return 0, fmt.Errorf("deposit gas funds: %w", describe(err))
	}
	if _, err := contracts.WaitMined(ctx, c.eth, tx, nil); err != nil {
		return 0, fmt.Errorf("deposit gas funds: %w", err)
	}
	return createJob(ctx, c, user, addrs, attestation.TimeStatic, exampleAction(c.chainID.Uint64(), addrs.Counter), exampleTrigger())
}

// createJob creates a job owned by user on-chain, committed to action and
// trigger, and returns its id.
func createJob(ctx context.Context, c *chain, user *ecdsa.PrivateKey, addrs contracts.Addresses, tdid attestation.TaskDefinitionID,
	action attestation.Action, trigger attestation.Trigger,
) (uint64, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	bound, err := addrs.Bind(c.eth)
	if err != nil {
		return 0, err
	}
	auth, err := c.transactor(ctx, user)
	if err != nil {
		return 0, err
	}
	tx, err := bound.JobRegistry.CreateJob(auth, uint16(tdid), action.Target, attestation.JobCommitment(action, trigger))
	if err != nil {
		return 0, fmt.Errorf("create job: %w", describe(err))
	}
	r, err := contracts.WaitMined(ctx, c.eth, tx, nil)
	if err != nil {
		return 0, fmt.Errorf("create job: %w", err)
	}
	for _, lg := range r.Logs {
		if ev, err := bound.JobRegistry.ParseJobCreated(*lg); err == nil {
			if !ev.JobId.IsUint64() {
				return 0, fmt.Errorf("create job: job id %s does not fit 64 bits", ev.JobId)
			}
			return ev.JobId.Uint64(), nil
		}
	}
	return 0, fmt.Errorf("create job: no JobCreated event in transaction %s", tx.Hash().Hex())
}

// transactor signs with key on this chain.
func (c *chain) transactor(ctx context.Context, key *ecdsa.PrivateKey) (*bind.TransactOpts, error) {
	auth, err := bind.NewKeyedTransactorWithChainID(key, c.chainID)
	if err != nil {
		return nil, fmt.Errorf("build transactor: %w", err)
	}
	auth.Context = ctx
	return auth, nil
}

// describe names a contract's custom revert error when err carries one.
func describe(err error) error {
	if r, ok := contracts.DecodeRevert(err); ok {
		return fmt.Errorf("%w (reverted with %s)", err, r)
	}
	return err
}
