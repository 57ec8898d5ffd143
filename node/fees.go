package node

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

	"github.com/triggerx-network/triggerx/contracts/bindings"
	"github.com/triggerx-network/triggerx/coordinator"
	"github.com/triggerx-network/triggerx/execution"
)

// feeQuoter quotes a job's execution fee from the home chain: the hub's
// premium and fixed fee, the current gas price, the owner's balance, and the
// gas of the job's call (estimated for static jobs, measured on the latest
// execution for script jobs).
type feeQuoter struct {
	chain    execution.Chain
	hubAt    common.Address
	hub      *bindings.TaskExecutionHub
	hubABI   *abi.ABI
	gas      *bindings.TriggerGasRegistry
	registry *bindings.KeeperRegistry
	store    coordinator.Store
}

// recentTasks is how many of a script job's latest tasks are searched for an
// execution to measure.
const recentTasks = 20

func newFeeQuoter(chain execution.Chain, cfg ChainConfig, registry *bindings.KeeperRegistry, store coordinator.Store) (*feeQuoter, error) {
	hub, err := bindings.NewTaskExecutionHub(cfg.TaskExecutionHub, chain)
	if err != nil {
		return nil, err
	}
	hubABI, err := bindings.TaskExecutionHubMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	opts := &bind.CallOpts{Context: context.Background()}
	gasAt, err := hub.GasRegistry(opts)
	if err != nil {
		return nil, fmt.Errorf("read the hub's gas registry: %w", err)
	}
	gas, err := bindings.NewTriggerGasRegistry(gasAt, chain)
	if err != nil {
		return nil, err
	}
	return &feeQuoter{chain: chain, hubAt: cfg.TaskExecutionHub, hub: hub, hubABI: hubABI, gas: gas, registry: registry, store: store}, nil
}

func (f *feeQuoter) quote(ctx context.Context, j coordinator.Job) (coordinator.FeeQuote, error) {
	q := coordinator.FeeQuote{JobID: uint64(j.JobID)}
	opts := &bind.CallOpts{Context: ctx}
	var err error
	if j.TaskDefinitionID.HasScript() {
		q.Gas, err = f.lastExecutionGas(ctx, j)
		q.GasSource = "last_execution"
	} else {
		q.Gas, err = f.estimate(ctx, j)
		q.GasSource = "estimate"
	}
	if err != nil {
		return q, err
	}
	tip, err := f.chain.SuggestGasTipCap(ctx)
	if err != nil {
		return q, fmt.Errorf("suggest tip: %w", err)
	}
	head, err := f.chain.HeaderByNumber(ctx, nil)
	if err != nil {
		return q, fmt.Errorf("read head: %w", err)
	}
	base := new(big.Int)
	if head.BaseFee != nil {
		base.Set(head.BaseFee)
	}
	price := new(big.Int).Add(base, tip)
	maxPrice := new(big.Int).Add(new(big.Int).Lsh(base, 1), tip)
	gas := new(big.Int).SetUint64(q.Gas)
	fee, err := f.hub.Quote(opts, gas, price)
	if err != nil {
		return q, fmt.Errorf("quote: %w", err)
	}
	maxFee, err := f.hub.Quote(opts, gas, maxPrice)
	if err != nil {
		return q, fmt.Errorf("quote: %w", err)
	}
	premium, err := f.hub.PremiumBps(opts)
	if err != nil {
		return q, fmt.Errorf("read premium: %w", err)
	}
	fixed, err := f.hub.FixedFee(opts)
	if err != nil {
		return q, fmt.Errorf("read fixed fee: %w", err)
	}
	balance, err := f.gas.BalanceOf(opts, j.UserAddress)
	if err != nil {
		return q, fmt.Errorf("read the owner's balance: %w", err)
	}
	q.GasPrice, q.MaxGasPrice, q.PremiumBps = price.String(), maxPrice.String(), premium.Uint64()
	q.FixedFee, q.Fee, q.MaxFee, q.OwnerBalance = fixed.String(), fee.String(), maxFee.String(), balance.String()
	covered := new(big.Int)
	if fee.Sign() > 0 {
		covered.Div(balance, fee)
	}
	q.ExecutionsCovered = covered.String()
	return q, nil
}

// estimate runs eth_estimateGas of the job's execution by an active keeper
// (the hub lets no one else in), at gas price zero so that the owner's
// balance does not matter.
func (f *feeQuoter) estimate(ctx context.Context, j coordinator.Job) (uint64, error) {
	a := j.Action()
	calldata, err := execution.EncodeCall(a.Function, a.Arguments)
	if err != nil {
		return 0, fmt.Errorf("encode the job's call: %w", err)
	}
	set, err := f.registry.GetKeepers(&bind.CallOpts{Context: ctx})
	if err != nil {
		return 0, fmt.Errorf("read keepers: %w", err)
	}
	var keeper common.Address
	for i, active := range set.Active {
		if active {
			keeper = set.Keepers[i]
			break
		}
	}
	if keeper == (common.Address{}) {
		return 0, errors.New("no active keeper to estimate with")
	}
	probe := common.BytesToHash([]byte("TriggerX.FeeQuote"))
	data, err := f.hubABI.Pack("executeFunction", new(big.Int).SetUint64(uint64(j.JobID)), probe, a.Target, calldata)
	if err != nil {
		return 0, err
	}
	gas, err := f.chain.EstimateGas(ctx, ethereum.CallMsg{From: keeper, To: &f.hubAt, Data: data})
	if err != nil {
		return 0, fmt.Errorf("estimate the job's execution: %w", err)
	}
	return gas, nil
}

// lastExecutionGas is the gas used by the latest execution of j.
func (f *feeQuoter) lastExecutionGas(ctx context.Context, j coordinator.Job) (uint64, error) {
	tasks, err := f.store.Tasks(ctx, uint64(j.JobID), recentTasks)
	if err != nil {
		return 0, err
	}
	for _, t := range tasks {
		if t.ExecutionTxHash == (common.Hash{}) {
			continue
		}
		r, err := f.chain.TransactionReceipt(ctx, t.ExecutionTxHash)
		if err != nil {
			return 0, fmt.Errorf("receipt of %s: %w", t.ExecutionTxHash, err)
		}
		return r.GasUsed, nil
	}
	return 0, coordinator.ErrNoFeeYet
}
