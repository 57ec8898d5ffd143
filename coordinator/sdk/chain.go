package sdk

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/triggerx-network/triggerx/contracts/bindings"
)

// Backend is what CreateJob needs of the home chain: sending a transaction
// and waiting for its receipt. An *ethclient.Client is one.
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
}

// ChainOpts say how CreateJob reaches the JobRegistry.
type ChainOpts struct {
	// Backend is the home chain, where the JobRegistry lives. Required.
	Backend Backend
	// Key is the job owner's key: it signs createJob, and the job's
	// user_address must be its address (CreateJob fills it in when
	// empty). Required.
	Key *ecdsa.PrivateKey
	// JobRegistry is the registry's address; zero for the one the
	// coordinator names in its commitment answer.
	JobRegistry common.Address
	// ChainID signs the transaction; nil for the backend's (when it
	// answers ChainID, as an ethclient does), else the coordinator's.
	ChainID *big.Int
}

// RegistrationError is returned by CreateJob when the job was created
// on-chain but registering it with the coordinator failed: retry with
// RegisterJob and JobID. It wraps the registration's error (an *Error
// when the coordinator refused).
type RegistrationError struct {
	JobID uint64
	Tx    common.Hash // the createJob transaction
	Err   error
}

func (e *RegistrationError) Error() string {
	return fmt.Sprintf("job %d was created on-chain (tx %s) but not registered: %v", e.JobID, e.Tx.Hex(), e.Err)
}

func (e *RegistrationError) Unwrap() error { return e.Err }

// chainIDer is a backend that tells its chain id (an ethclient.Client).
type chainIDer interface {
	ChainID(ctx context.Context) (*big.Int, error)
}

// CreateJob creates a job on-chain and registers it: it asks the
// coordinator for the job's commitment (validating req first, so that
// no gas is spent on a job the coordinator would refuse), sends
// JobRegistry.createJob from opts.Key, waits until it is mined, reads the
// job id from the JobCreated event and registers the job with it. ctx
// bounds the whole: give it a deadline suited to the chain's block time.
func (c *Client) CreateJob(ctx context.Context, req JobRequest, opts ChainOpts) (Job, error) {
	if opts.Backend == nil || opts.Key == nil {
		return Job{}, errors.New("create job: ChainOpts.Backend and ChainOpts.Key are required")
	}
	from := crypto.PubkeyToAddress(opts.Key.PublicKey)
	if req.UserAddress == "" {
		req.UserAddress = from.Hex()
	} else if !common.IsHexAddress(req.UserAddress) || common.HexToAddress(req.UserAddress) != from {
		return Job{}, fmt.Errorf("create job: user_address %s is not the address of the signing key (%s): the JobRegistry makes the sender the job's owner",
			req.UserAddress, from.Hex())
	}
	req.JobID = 0
	cm, err := c.JobCommitment(ctx, req)
	if err != nil {
		return Job{}, fmt.Errorf("create job: %w", err)
	}
	registry := opts.JobRegistry
	if registry == (common.Address{}) {
		registry = cm.JobRegistry
	}
	if registry == (common.Address{}) {
		return Job{}, errors.New("create job: the coordinator names no JobRegistry: give ChainOpts.JobRegistry")
	}
	chainID, err := signingChain(ctx, opts, cm.ChainID)
	if err != nil {
		return Job{}, fmt.Errorf("create job: %w", err)
	}
	if code, err := opts.Backend.CodeAt(ctx, registry, nil); err != nil {
		return Job{}, fmt.Errorf("create job: read the JobRegistry's code: %w", err)
	} else if len(code) == 0 {
		return Job{}, fmt.Errorf("create job: no contract at JobRegistry %s on chain %s", registry.Hex(), chainID)
	}
	jr, err := bindings.NewJobRegistry(registry, opts.Backend)
	if err != nil {
		return Job{}, fmt.Errorf("create job: bind JobRegistry: %w", err)
	}
	auth, err := bind.NewKeyedTransactorWithChainID(opts.Key, chainID)
	if err != nil {
		return Job{}, fmt.Errorf("create job: %w", err)
	}
	auth.Context = ctx
	tx, err := jr.CreateJob(auth, cm.TaskDefinitionID, cm.TargetContractAddress, cm.SpecHash)
	if err != nil {
		return Job{}, fmt.Errorf("create job: send JobRegistry.createJob: %w", err)
	}
	id, err := createdJob(ctx, opts.Backend, jr, registry, tx)
	if err != nil {
		return Job{}, fmt.Errorf("create job: %w", err)
	}
	req.JobID = id
	j, err := c.RegisterJob(ctx, req)
	if err != nil {
		return Job{}, &RegistrationError{JobID: id, Tx: tx.Hash(), Err: err}
	}
	return j, nil
}

// signingChain picks the chain id to sign with and checks that the backend
// and the coordinator agree on it.
func signingChain(ctx context.Context, opts ChainOpts, coordinator uint64) (*big.Int, error) {
	id := opts.ChainID
	if b, ok := opts.Backend.(chainIDer); ok && id == nil {
		var err error
		if id, err = b.ChainID(ctx); err != nil {
			return nil, fmt.Errorf("read the chain id: %w", err)
		}
	}
	if id == nil {
		if coordinator == 0 {
			return nil, errors.New("unknown chain id: give ChainOpts.ChainID")
		}
		return new(big.Int).SetUint64(coordinator), nil
	}
	if coordinator != 0 && (!id.IsUint64() || id.Uint64() != coordinator) {
		return nil, fmt.Errorf("the backend is chain %s but the coordinator's home chain is %d", id, coordinator)
	}
	return id, nil
}

// createdJob waits for tx and returns the id of the job it created.
func createdJob(ctx context.Context, b Backend, jr *bindings.JobRegistry, registry common.Address, tx *types.Transaction) (uint64, error) {
	r, err := bind.WaitMined(ctx, b, tx)
	if err != nil {
		return 0, fmt.Errorf("wait for createJob transaction %s: %w", tx.Hash().Hex(), err)
	}
	if r.Status != types.ReceiptStatusSuccessful {
		return 0, fmt.Errorf("createJob transaction %s reverted", tx.Hash().Hex())
	}
	for _, l := range r.Logs {
		if l.Address != registry {
			continue
		}
		ev, err := jr.ParseJobCreated(*l)
		if err != nil {
			continue // another event of the registry
		}
		if !ev.JobId.IsUint64() {
			return 0, fmt.Errorf("job id %s does not fit 64 bits", ev.JobId)
		}
		return ev.JobId.Uint64(), nil
	}
	return 0, fmt.Errorf("no JobCreated event in transaction %s", tx.Hash().Hex())
}
