package contracts

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts/bindings"
)

// ErrReverted is returned when a mined transaction failed.
var ErrReverted = errors.New("transaction reverted")

// Addresses are the deployed contracts of one TriggerX system.
type Addresses struct {
	KeeperRegistry     common.Address `json:"keeperRegistry"`
	JobRegistry        common.Address `json:"jobRegistry"`
	TriggerGasRegistry common.Address `json:"triggerGasRegistry"`
	TaskExecutionHub   common.Address `json:"taskExecutionHub"`
	AttestationCenter  common.Address `json:"attestationCenter"`
	Counter            common.Address `json:"counter"`
}

// Backend is what deploying needs of a chain: sending transactions and
// waiting for their receipts. An ethclient.Client and a simulated backend's
// client are Backends.
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
}

// Contracts are the bindings of one deployed system.
type Contracts struct {
	KeeperRegistry     *bindings.KeeperRegistry
	JobRegistry        *bindings.JobRegistry
	TriggerGasRegistry *bindings.TriggerGasRegistry
	TaskExecutionHub   *bindings.TaskExecutionHub
	AttestationCenter  *bindings.AttestationCenter
	Counter            *bindings.Counter
}

// Bind binds the contracts at a.
func (a Addresses) Bind(backend bind.ContractBackend) (*Contracts, error) {
	var (
		c   Contracts
		err error
	)
	if c.KeeperRegistry, err = bindings.NewKeeperRegistry(a.KeeperRegistry, backend); err != nil {
		return nil, fmt.Errorf("bind KeeperRegistry: %w", err)
	}
	if c.JobRegistry, err = bindings.NewJobRegistry(a.JobRegistry, backend); err != nil {
		return nil, fmt.Errorf("bind JobRegistry: %w", err)
	}
	if c.TriggerGasRegistry, err = bindings.NewTriggerGasRegistry(a.TriggerGasRegistry, backend); err != nil {
		return nil, fmt.Errorf("bind TriggerGasRegistry: %w", err)
	}
	if c.TaskExecutionHub, err = bindings.NewTaskExecutionHub(a.TaskExecutionHub, backend); err != nil {
		return nil, fmt.Errorf("bind TaskExecutionHub: %w", err)
	}
	if c.AttestationCenter, err = bindings.NewAttestationCenter(a.AttestationCenter, backend); err != nil {
		return nil, fmt.Errorf("bind AttestationCenter: %w", err)
	}
	if c.Counter, err = bindings.NewCounter(a.Counter, backend); err != nil {
		return nil, fmt.Errorf("bind Counter: %w", err)
	}
	return &c, nil
}

// DeployOption changes a setting of the system Deploy puts on the chain.
type DeployOption func(*deploySettings)

type deploySettings struct {
	exitDelay *time.Duration
}

// WithExitDelay sets the KeeperRegistry's exit delay, the time between a
// keeper's deregister and its withdrawStake (default 7 days, at most 365
// days; whole seconds). Tests and local networks use a short one.
func WithExitDelay(d time.Duration) DeployOption {
	return func(s *deploySettings) { s.exitDelay = &d }
}

// Deploy deploys a whole system from auth's account, in dependency order,
// points the gas registry at the hub and makes the AttestationCenter the
// KeeperRegistry's slasher. minStake is the KeeperRegistry's minimum stake in
// wei. The other settings keep the contracts' defaults unless options change
// them; auth's account owns every contract.
//
// Each transaction is waited for before the next is sent. commit, when not
// nil, is called after each send to seal a block (a simulated backend's
// Commit); on a real chain pass nil and Deploy polls for the receipts, so ctx
// should carry a deadline.
func Deploy(ctx context.Context, backend Backend, auth *bind.TransactOpts, minStake *big.Int, commit func(),
	options ...DeployOption,
) (Addresses, error) {
	var settings deploySettings
	for _, o := range options {
		o(&settings)
	}
	if settings.exitDelay != nil && *settings.exitDelay < 0 {
		return Addresses{}, fmt.Errorf("deploy: negative exit delay %s", *settings.exitDelay)
	}
	var a Addresses
	opts := transactOpts(ctx, auth)
	step := func(name string, send func() (*types.Transaction, error)) error {
		tx, err := send()
		if err != nil {
			return fmt.Errorf("deploy %s: %w", name, err)
		}
		if _, err := WaitMined(ctx, backend, tx, commit); err != nil {
			return fmt.Errorf("deploy %s: %w", name, err)
		}
		if opts.Nonce != nil {
			opts.Nonce = new(big.Int).Add(opts.Nonce, common.Big1)
		}
		return nil
	}

	var (
		registry    *bindings.KeeperRegistry
		gasRegistry *bindings.TriggerGasRegistry
		err         error
	)
	steps := []struct {
		name string
		send func() (*types.Transaction, error)
	}{
		{"KeeperRegistry", func() (tx *types.Transaction, err error) {
			a.KeeperRegistry, tx, registry, err = bindings.DeployKeeperRegistry(opts, backend, minStake)
			return tx, err
		}},
		{"JobRegistry", func() (tx *types.Transaction, err error) {
			a.JobRegistry, tx, _, err = bindings.DeployJobRegistry(opts, backend)
			return tx, err
		}},
		{"TriggerGasRegistry", func() (tx *types.Transaction, err error) {
			a.TriggerGasRegistry, tx, gasRegistry, err = bindings.DeployTriggerGasRegistry(opts, backend)
			return tx, err
		}},
		{"TaskExecutionHub", func() (tx *types.Transaction, err error) {
			a.TaskExecutionHub, tx, _, err = bindings.DeployTaskExecutionHub(opts, backend,
				a.KeeperRegistry, a.JobRegistry, a.TriggerGasRegistry)
			return tx, err
		}},
		{"TriggerGasRegistry.setHub", func() (*types.Transaction, error) {
			return gasRegistry.SetHub(opts, a.TaskExecutionHub)
		}},
		{"AttestationCenter", func() (tx *types.Transaction, err error) {
			a.AttestationCenter, tx, _, err = bindings.DeployAttestationCenter(opts, backend, a.KeeperRegistry)
			return tx, err
		}},
		{"KeeperRegistry.setSlasher", func() (*types.Transaction, error) {
			return registry.SetSlasher(opts, a.AttestationCenter)
		}},
		{"Counter", func() (tx *types.Transaction, err error) {
			a.Counter, tx, _, err = bindings.DeployCounter(opts, backend)
			return tx, err
		}},
	}
	if settings.exitDelay != nil {
		delay := new(big.Int).SetInt64(int64(*settings.exitDelay / time.Second))
		steps = append(steps, struct {
			name string
			send func() (*types.Transaction, error)
		}{"KeeperRegistry.setExitDelay", func() (*types.Transaction, error) {
			return registry.SetExitDelay(opts, delay)
		}})
	}
	for _, s := range steps {
		if err = step(s.name, s.send); err != nil {
			return Addresses{}, err
		}
	}
	return a, nil
}

// WaitMined waits for tx's receipt and fails if the transaction reverted.
// commit, when not nil, is called first to seal a block on a simulated chain.
func WaitMined(ctx context.Context, backend bind.DeployBackend, tx *types.Transaction, commit func()) (*types.Receipt, error) {
	if commit != nil {
		commit()
	}
	r, err := bind.WaitMined(ctx, backend, tx)
	if err != nil {
		return nil, fmt.Errorf("wait for transaction %s: %w", tx.Hash().Hex(), err)
	}
	if r.Status != types.ReceiptStatusSuccessful {
		return r, fmt.Errorf("%w: %s (gas used %d)", ErrReverted, tx.Hash().Hex(), r.GasUsed)
	}
	return r, nil
}

// ProofOfPossession returns the arguments of KeeperRegistry.register for
// keeper: the EIP-2537 encoding of key's public key and of its signature of
// attestation.PopMessage.
func ProofOfPossession(chainID uint64, registry, keeper common.Address, key *attestation.BLSSecretKey) (pubKey, pop []byte, err error) {
	pk := key.PublicKey()
	pubKey, err = pk.EIP2537()
	if err != nil {
		return nil, nil, fmt.Errorf("encode public key: %w", err)
	}
	msg, err := attestation.PopMessage(chainID, registry, keeper, pk)
	if err != nil {
		return nil, nil, fmt.Errorf("build proof-of-possession message: %w", err)
	}
	pop, err = key.Sign(msg).EIP2537()
	if err != nil {
		return nil, nil, fmt.Errorf("encode proof of possession: %w", err)
	}
	return pubKey, pop, nil
}

// RegisterKeeper sends KeeperRegistry.register for auth's account with
// blsKey and stake wei, proving possession of the key for the registry at
// registryAddr on chain chainID. It returns the sent transaction; the caller
// waits for it.
func RegisterKeeper(ctx context.Context, registry *bindings.KeeperRegistry, auth *bind.TransactOpts, chainID uint64,
	registryAddr common.Address, blsKey *attestation.BLSSecretKey, stake *big.Int,
) (*types.Transaction, error) {
	pubKey, pop, err := ProofOfPossession(chainID, registryAddr, auth.From, blsKey)
	if err != nil {
		return nil, fmt.Errorf("register keeper: %w", err)
	}
	opts := transactOpts(ctx, auth)
	opts.Value = stake
	tx, err := registry.Register(opts, pubKey, pop)
	if err != nil {
		return nil, fmt.Errorf("register keeper: %w", err)
	}
	return tx, nil
}

// transactOpts copies auth, binding it to ctx unless it has a context.
func transactOpts(ctx context.Context, auth *bind.TransactOpts) *bind.TransactOpts {
	opts := *auth
	if opts.Context == nil {
		opts.Context = ctx
	}
	return &opts
}
