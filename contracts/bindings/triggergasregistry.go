// Code generated - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"time"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/event"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = errors.New
	_ = big.NewInt
	_ = strings.NewReader
	_ = ethereum.NotFound
	_ = bind.Bind
	_ = common.Big1
	_ = types.BloomLookup
	_ = event.NewSubscription
	_ = abi.ConvertType
	_ = time.Tick
	_ = context.Background
)

// TriggerGasRegistryMetaData contains all meta data concerning the TriggerGasRegistry contract.
var TriggerGasRegistryMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[],\"name\":\"HubAlreadySet\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotHub\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"keeper\",\"type\":\"address\"}],\"name\":\"NothingToClaim\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"TransferFailed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAmount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"keeper\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Deducted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Deposited\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"keeper\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"EarningsClaimed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"hub\",\"type\":\"address\"}],\"name\":\"HubSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Withdrawn\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"claimEarnings\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"keeper\",\"type\":\"address\"}],\"name\":\"deduct\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"}],\"name\":\"deposit\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"keeper\",\"type\":\"address\"}],\"name\":\"earnings\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"hub\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"hub_\",\"type\":\"address\"}],\"name\":\"setHub\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	Bin: "0x6080604052348015600e575f5ffd5b505f80546001600160a01b0319163390811782556040519091907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0908290a36107ca8061005a5f395ff3fe60806040526004361061008f575f3560e01c80638da5cb5b116100575780638da5cb5b14610173578063a2735b5a14610191578063d9ceab13146101b0578063f2fde38b146101c4578063f340fa01146101e3575f5ffd5b80632e1a7d4d1461009357806331962cdc146100b4578063365a86fc146100d3578063543fd3131461010f57806370a0823114610148575b5f5ffd5b34801561009e575f5ffd5b506100b26100ad3660046106e4565b6101f6565b005b3480156100bf575f5ffd5b506100b26100ce366004610716565b610296565b3480156100de575f5ffd5b506001546100f2906001600160a01b031681565b6040516001600160a01b0390911681526020015b60405180910390f35b34801561011a575f5ffd5b5061013a610129366004610716565b60036020525f908152604090205481565b604051908152602001610106565b348015610153575f5ffd5b5061013a610162366004610716565b60026020525f908152604090205481565b34801561017e575f5ffd5b505f546100f2906001600160a01b031681565b34801561019c575f5ffd5b506100b26101ab366004610736565b61035c565b3480156101bb575f5ffd5b506100b2610471565b3480156101cf575f5ffd5b506100b26101de366004610716565b6104fb565b6100b26101f1366004610716565b6105a7565b335f908152600260205260409020548181101561023b5760405163db42144d60e01b815233600482015260248101829052604481018390526064015b60405180910390fd5b335f81815260026020526040908190208484039055517f7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d5906102809085815260200190565b60405180910390a2610292338361065d565b5050565b5f546001600160a01b031633146102c25760405163245aecd360e01b8152336004820152602401610232565b6001546001600160a01b0316156102ec576040516379fb96cd60e01b815260040160405180910390fd5b6001600160a01b0381166103135760405163d92e233d60e01b815260040160405180910390fd5b600180546001600160a01b0319166001600160a01b0383169081179091556040517f15e04fee0c1335178e78e4dc6a8b0dcade867d1aea65418bf1200bc322ab7c21905f90a250565b6001546001600160a01b031633146103895760405163727fe12b60e01b8152336004820152602401610232565b6001600160a01b0383165f90815260026020526040902054828110156103db5760405163db42144d60e01b81526001600160a01b03851660048201526024810182905260448101849052606401610232565b6001600160a01b038085165f9081526002602090815260408083208786039055928516825260039052908120805485929061041790849061076f565b92505081905550816001600160a01b0316846001600160a01b03167f14b6918429f4c7e863473d3806b010ffac61ad5a849aea129db946f44d6b9e458560405161046391815260200190565b60405180910390a350505050565b335f90815260036020526040812054908190036104a3576040516332559a3360e11b8152336004820152602401610232565b335f8181526003602052604080822091909155517f6a8d334a32dfb49dae325dba76deb51b0b8f5ea50b1cdfa70710f4dc1b9c24c5906104e69084815260200190565b60405180910390a26104f8338261065d565b50565b5f546001600160a01b031633146105275760405163245aecd360e01b8152336004820152602401610232565b6001600160a01b03811661054e5760405163d92e233d60e01b815260040160405180910390fd5b5f80546040516001600160a01b03808516939216917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e091a35f80546001600160a01b0319166001600160a01b0392909216919091179055565b6001600160a01b0381166105ce5760405163d92e233d60e01b815260040160405180910390fd5b345f036105ee57604051631f2a200560e01b815260040160405180910390fd5b6001600160a01b0381165f908152600260205260408120805434929061061590849061076f565b909155505060405134815233906001600160a01b038316907f8752a472e571a816aea92eec8dae9baf628e840f4929fbcc2d155e6233ff68a79060200160405180910390a350565b5f826001600160a01b0316826040515f6040518083038185875af1925050503d805f81146106a6576040519150601f19603f3d011682016040523d82523d5f602084013e6106ab565b606091505b50509050806106df57604051630e21dcbb60e11b81526001600160a01b038416600482015260248101839052604401610232565b505050565b5f602082840312156106f4575f5ffd5b5035919050565b80356001600160a01b0381168114610711575f5ffd5b919050565b5f60208284031215610726575f5ffd5b61072f826106fb565b9392505050565b5f5f5f60608486031215610748575f5ffd5b610751846106fb565b925060208401359150610766604085016106fb565b90509250925092565b8082018082111561078e57634e487b7160e01b5f52601160045260245ffd5b9291505056fea26469706673582212202a086f19378122b8ba65c9cb2a8471e8a67e4f96b4da854003e4ed5aa7e843e064736f6c634300081e0033",
}

// TriggerGasRegistryABI is the input ABI used to generate the binding from.
// Deprecated: Use TriggerGasRegistryMetaData.ABI instead.
var TriggerGasRegistryABI = TriggerGasRegistryMetaData.ABI

// TriggerGasRegistryBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use TriggerGasRegistryMetaData.Bin instead.
var TriggerGasRegistryBin = TriggerGasRegistryMetaData.Bin

// DeployTriggerGasRegistry deploys a new Ethereum contract, binding an instance of TriggerGasRegistry to it.
func DeployTriggerGasRegistry(auth *bind.TransactOpts, backend bind.ContractBackend) (common.Address, *types.Transaction, *TriggerGasRegistry, error) {
	parsed, err := TriggerGasRegistryMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(TriggerGasRegistryBin), backend)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &TriggerGasRegistry{TriggerGasRegistryCaller: TriggerGasRegistryCaller{contract: contract}, TriggerGasRegistryTransactor: TriggerGasRegistryTransactor{contract: contract}, TriggerGasRegistryFilterer: TriggerGasRegistryFilterer{contract: contract}}, nil
}

// TriggerGasRegistry is an auto generated Go binding around an Ethereum contract.
type TriggerGasRegistry struct {
	TriggerGasRegistryCaller     // Read-only binding to the contract
	TriggerGasRegistryTransactor // Write-only binding to the contract
	TriggerGasRegistryFilterer   // Log filterer for contract events
}

// TriggerGasRegistryCaller is an auto generated read-only Go binding around an Ethereum contract.
type TriggerGasRegistryCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// TriggerGasRegistryTransactor is an auto generated write-only Go binding around an Ethereum contract.
type TriggerGasRegistryTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// TriggerGasRegistryFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type TriggerGasRegistryFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// TriggerGasRegistrySession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type TriggerGasRegistrySession struct {
	Contract     *TriggerGasRegistry // Generic contract binding to set the session for
	CallOpts     bind.CallOpts       // Call options to use throughout this session
	TransactOpts bind.TransactOpts   // Transaction auth options to use throughout this session
}

// TriggerGasRegistryCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type TriggerGasRegistryCallerSession struct {
	Contract *TriggerGasRegistryCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts             // Call options to use throughout this session
}

// TriggerGasRegistryTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type TriggerGasRegistryTransactorSession struct {
	Contract     *TriggerGasRegistryTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts             // Transaction auth options to use throughout this session
}

// TriggerGasRegistryRaw is an auto generated low-level Go binding around an Ethereum contract.
type TriggerGasRegistryRaw struct {
	Contract *TriggerGasRegistry // Generic contract binding to access the raw methods on
}

// TriggerGasRegistryCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type TriggerGasRegistryCallerRaw struct {
	Contract *TriggerGasRegistryCaller // Generic read-only contract binding to access the raw methods on
}

// TriggerGasRegistryTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type TriggerGasRegistryTransactorRaw struct {
	Contract *TriggerGasRegistryTransactor // Generic write-only contract binding to access the raw methods on
}

// NewTriggerGasRegistry creates a new instance of TriggerGasRegistry, bound to a specific deployed contract.
func NewTriggerGasRegistry(address common.Address, backend bind.ContractBackend) (*TriggerGasRegistry, error) {
	contract, err := bindTriggerGasRegistry(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &TriggerGasRegistry{TriggerGasRegistryCaller: TriggerGasRegistryCaller{contract: contract}, TriggerGasRegistryTransactor: TriggerGasRegistryTransactor{contract: contract}, TriggerGasRegistryFilterer: TriggerGasRegistryFilterer{contract: contract}}, nil
}

// NewTriggerGasRegistryCaller creates a new read-only instance of TriggerGasRegistry, bound to a specific deployed contract.
func NewTriggerGasRegistryCaller(address common.Address, caller bind.ContractCaller) (*TriggerGasRegistryCaller, error) {
	contract, err := bindTriggerGasRegistry(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &TriggerGasRegistryCaller{contract: contract}, nil
}

// NewTriggerGasRegistryTransactor creates a new write-only instance of TriggerGasRegistry, bound to a specific deployed contract.
func NewTriggerGasRegistryTransactor(address common.Address, transactor bind.ContractTransactor) (*TriggerGasRegistryTransactor, error) {
	contract, err := bindTriggerGasRegistry(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &TriggerGasRegistryTransactor{contract: contract}, nil
}

// NewTriggerGasRegistryFilterer creates a new log filterer instance of TriggerGasRegistry, bound to a specific deployed contract.
func NewTriggerGasRegistryFilterer(address common.Address, filterer bind.ContractFilterer) (*TriggerGasRegistryFilterer, error) {
	contract, err := bindTriggerGasRegistry(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &TriggerGasRegistryFilterer{contract: contract}, nil
}

// bindTriggerGasRegistry binds a generic wrapper to an already deployed contract.
func bindTriggerGasRegistry(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := TriggerGasRegistryMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_TriggerGasRegistry *TriggerGasRegistryRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _TriggerGasRegistry.Contract.TriggerGasRegistryCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_TriggerGasRegistry *TriggerGasRegistryRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _TriggerGasRegistry.Contract.TriggerGasRegistryTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_TriggerGasRegistry *TriggerGasRegistryRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _TriggerGasRegistry.Contract.TriggerGasRegistryTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_TriggerGasRegistry *TriggerGasRegistryCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _TriggerGasRegistry.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_TriggerGasRegistry *TriggerGasRegistryTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _TriggerGasRegistry.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_TriggerGasRegistry *TriggerGasRegistryTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _TriggerGasRegistry.Contract.contract.Transact(opts, method, params...)
}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address user) view returns(uint256)
func (_TriggerGasRegistry *TriggerGasRegistryCaller) BalanceOf(opts *bind.CallOpts, user common.Address) (*big.Int, error) {
	var out []interface{}
	err := _TriggerGasRegistry.contract.Call(opts, &out, "balanceOf", user)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address user) view returns(uint256)
func (_TriggerGasRegistry *TriggerGasRegistrySession) BalanceOf(user common.Address) (*big.Int, error) {
	return _TriggerGasRegistry.Contract.BalanceOf(&_TriggerGasRegistry.CallOpts, user)
}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address user) view returns(uint256)
func (_TriggerGasRegistry *TriggerGasRegistryCallerSession) BalanceOf(user common.Address) (*big.Int, error) {
	return _TriggerGasRegistry.Contract.BalanceOf(&_TriggerGasRegistry.CallOpts, user)
}

// Earnings is a free data retrieval call binding the contract method 0x543fd313.
//
// Solidity: function earnings(address keeper) view returns(uint256)
func (_TriggerGasRegistry *TriggerGasRegistryCaller) Earnings(opts *bind.CallOpts, keeper common.Address) (*big.Int, error) {
	var out []interface{}
	err := _TriggerGasRegistry.contract.Call(opts, &out, "earnings", keeper)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Earnings is a free data retrieval call binding the contract method 0x543fd313.
//
// Solidity: function earnings(address keeper) view returns(uint256)
func (_TriggerGasRegistry *TriggerGasRegistrySession) Earnings(keeper common.Address) (*big.Int, error) {
	return _TriggerGasRegistry.Contract.Earnings(&_TriggerGasRegistry.CallOpts, keeper)
}

// Earnings is a free data retrieval call binding the contract method 0x543fd313.
//
// Solidity: function earnings(address keeper) view returns(uint256)
func (_TriggerGasRegistry *TriggerGasRegistryCallerSession) Earnings(keeper common.Address) (*big.Int, error) {
	return _TriggerGasRegistry.Contract.Earnings(&_TriggerGasRegistry.CallOpts, keeper)
}

// Hub is a free data retrieval call binding the contract method 0x365a86fc.
//
// Solidity: function hub() view returns(address)
func (_TriggerGasRegistry *TriggerGasRegistryCaller) Hub(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _TriggerGasRegistry.contract.Call(opts, &out, "hub")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Hub is a free data retrieval call binding the contract method 0x365a86fc.
//
// Solidity: function hub() view returns(address)
func (_TriggerGasRegistry *TriggerGasRegistrySession) Hub() (common.Address, error) {
	return _TriggerGasRegistry.Contract.Hub(&_TriggerGasRegistry.CallOpts)
}

// Hub is a free data retrieval call binding the contract method 0x365a86fc.
//
// Solidity: function hub() view returns(address)
func (_TriggerGasRegistry *TriggerGasRegistryCallerSession) Hub() (common.Address, error) {
	return _TriggerGasRegistry.Contract.Hub(&_TriggerGasRegistry.CallOpts)
}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_TriggerGasRegistry *TriggerGasRegistryCaller) Owner(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _TriggerGasRegistry.contract.Call(opts, &out, "owner")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_TriggerGasRegistry *TriggerGasRegistrySession) Owner() (common.Address, error) {
	return _TriggerGasRegistry.Contract.Owner(&_TriggerGasRegistry.CallOpts)
}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_TriggerGasRegistry *TriggerGasRegistryCallerSession) Owner() (common.Address, error) {
	return _TriggerGasRegistry.Contract.Owner(&_TriggerGasRegistry.CallOpts)
}

// ClaimEarnings is a paid mutator transaction binding the contract method 0xd9ceab13.
//
// Solidity: function claimEarnings() returns()
func (_TriggerGasRegistry *TriggerGasRegistryTransactor) ClaimEarnings(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _TriggerGasRegistry.contract.Transact(opts, "claimEarnings")
}

// ClaimEarnings is a paid mutator transaction binding the contract method 0xd9ceab13.
//
// Solidity: function claimEarnings() returns()
func (_TriggerGasRegistry *TriggerGasRegistrySession) ClaimEarnings() (*types.Transaction, error) {
	return _TriggerGasRegistry.Contract.ClaimEarnings(&_TriggerGasRegistry.TransactOpts)
}

// ClaimEarnings is a paid mutator transaction binding the contract method 0xd9ceab13.
//
// Solidity: function claimEarnings() returns()
func (_TriggerGasRegistry *TriggerGasRegistryTransactorSession) ClaimEarnings() (*types.Transaction, error) {
	return _TriggerGasRegistry.Contract.ClaimEarnings(&_TriggerGasRegistry.TransactOpts)
}

// Deduct is a paid mutator transaction binding the contract method 0xa2735b5a.
//
// Solidity: function deduct(address user, uint256 amount, address keeper) returns()
func (_TriggerGasRegistry *TriggerGasRegistryTransactor) Deduct(opts *bind.TransactOpts, user common.Address, amount *big.Int, keeper common.Address) (*types.Transaction, error) {
	return _TriggerGasRegistry.contract.Transact(opts, "deduct", user, amount, keeper)
}

// Deduct is a paid mutator transaction binding the contract method 0xa2735b5a.
//
// Solidity: function deduct(address user, uint256 amount, address keeper) returns()
func (_TriggerGasRegistry *TriggerGasRegistrySession) Deduct(user common.Address, amount *big.Int, keeper common.Address) (*types.Transaction, error) {
	return _TriggerGasRegistry.Contract.Deduct(&_TriggerGasRegistry.TransactOpts, user, amount, keeper)
}

// Deduct is a paid mutator transaction binding the contract method 0xa2735b5a.
//
// Solidity: function deduct(address user, uint256 amount, address keeper) returns()
func (_TriggerGasRegistry *TriggerGasRegistryTransactorSession) Deduct(user common.Address, amount *big.Int, keeper common.Address) (*types.Transaction, error) {
	return _TriggerGasRegistry.Contract.Deduct(&_TriggerGasRegistry.TransactOpts, user, amount, keeper)
}

// Deposit is a paid mutator transaction binding the contract method 0xf340fa01.
//
// Solidity: function deposit(address user) payable returns()
func (_TriggerGasRegistry *TriggerGasRegistryTransactor) Deposit(opts *bind.TransactOpts, user common.Address) (*types.Transaction, error) {
	return _TriggerGasRegistry.contract.Transact(opts, "deposit", user)
}

// Deposit is a paid mutator transaction binding the contract method 0xf340fa01.
//
// Solidity: function deposit(address user) payable returns()
func (_TriggerGasRegistry *TriggerGasRegistrySession) Deposit(user common.Address) (*types.Transaction, error) {
	return _TriggerGasRegistry.Contract.Deposit(&_TriggerGasRegistry.TransactOpts, user)
}

// Deposit is a paid mutator transaction binding the contract method 0xf340fa01.
//
// Solidity: function deposit(address user) payable returns()
func (_TriggerGasRegistry *TriggerGasRegistryTransactorSession) Deposit(user common.Address) (*types.Transaction, error) {
	return _TriggerGasRegistry.Contract.Deposit(&_TriggerGasRegistry.TransactOpts, user)
}

// SetHub is a paid mutator transaction binding the contract method 0x31962cdc.
//
// Solidity: function setHub(address hub_) returns()
func (_TriggerGasRegistry *TriggerGasRegistryTransactor) SetHub(opts *bind.TransactOpts, hub_ common.Address) (*types.Transaction, error) {
	return _TriggerGasRegistry.contract.Transact(opts, "setHub", hub_)
}

// SetHub is a paid mutator transaction binding the contract method 0x31962cdc.
//
// Solidity: function setHub(address hub_) returns()
func (_TriggerGasRegistry *TriggerGasRegistrySession) SetHub(hub_ common.Address) (*types.Transaction, error) {
	return _TriggerGasRegistry.Contract.SetHub(&_TriggerGasRegistry.TransactOpts, hub_)
}

// SetHub is a paid mutator transaction binding the contract method 0x31962cdc.
//
// Solidity: function setHub(address hub_) returns()
func (_TriggerGasRegistry *TriggerGasRegistryTransactorSession) SetHub(hub_ common.Address) (*types.Transaction, error) {
	return _TriggerGasRegistry.Contract.SetHub(&_TriggerGasRegistry.TransactOpts, hub_)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_TriggerGasRegistry *TriggerGasRegistryTransactor) TransferOwnership(opts *bind.TransactOpts, newOwner common.Address) (*types.Transaction, error) {
	return _TriggerGasRegistry.contract.Transact(opts, "transferOwnership", newOwner)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_TriggerGasRegistry *TriggerGasRegistrySession) TransferOwnership(newOwner common.Address) (*types.Transaction, error) {
	return _TriggerGasRegistry.Contract.TransferOwnership(&_TriggerGasRegistry.TransactOpts, newOwner)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_TriggerGasRegistry *TriggerGasRegistryTransactorSession) TransferOwnership(newOwner common.Address) (*types.Transaction, error) {
	return _TriggerGasRegistry.Contract.TransferOwnership(&_TriggerGasRegistry.TransactOpts, newOwner)
}

// Withdraw is a paid mutator transaction binding the contract method 0x2e1a7d4d.
//
// Solidity: function withdraw(uint256 amount) returns()
func (_TriggerGasRegistry *TriggerGasRegistryTransactor) Withdraw(opts *bind.TransactOpts, amount *big.Int) (*types.Transaction, error) {
	return _TriggerGasRegistry.contract.Transact(opts, "withdraw", amount)
}

// Withdraw is a paid mutator transaction binding the contract method 0x2e1a7d4d.
//
// Solidity: function withdraw(uint256 amount) returns()
func (_TriggerGasRegistry *TriggerGasRegistrySession) Withdraw(amount *big.Int) (*types.Transaction, error) {
	return _TriggerGasRegistry.Contract.Withdraw(&_TriggerGasRegistry.TransactOpts, amount)
}

// Withdraw is a paid mutator transaction binding the contract method 0x2e1a7d4d.
//
// Solidity: function withdraw(uint256 amount) returns()
func (_TriggerGasRegistry *TriggerGasRegistryTransactorSession) Withdraw(amount *big.Int) (*types.Transaction, error) {
	return _TriggerGasRegistry.Contract.Withdraw(&_TriggerGasRegistry.TransactOpts, amount)
}

// TriggerGasRegistryDeductedIterator is returned from FilterDeducted and is used to iterate over the raw logs and unpacked data for Deducted events raised by the TriggerGasRegistry contract.
type TriggerGasRegistryDeductedIterator struct {
	Event *TriggerGasRegistryDeducted // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *TriggerGasRegistryDeductedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(TriggerGasRegistryDeducted)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(TriggerGasRegistryDeducted)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *TriggerGasRegistryDeductedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *TriggerGasRegistryDeductedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// TriggerGasRegistryDeducted represents a Deducted event raised by the TriggerGasRegistry contract.
type TriggerGasRegistryDeducted struct {
	User   common.Address
	Keeper common.Address
	Amount *big.Int
	Raw    types.Log // Blockchain specific contextual infos
}

// FilterDeducted is a free log retrieval operation binding the contract event 0x14b6918429f4c7e863473d3806b010ffac61ad5a849aea129db946f44d6b9e45.
//
// Solidity: event Deducted(address indexed user, address indexed keeper, uint256 amount)
func (_TriggerGasRegistry *TriggerGasRegistryFilterer) FilterDeducted(opts *bind.FilterOpts, user []common.Address, keeper []common.Address) (*TriggerGasRegistryDeductedIterator, error) {

	var userRule []interface{}
	for _, userItem := range user {
		userRule = append(userRule, userItem)
	}
	var keeperRule []interface{}
	for _, keeperItem := range keeper {
		keeperRule = append(keeperRule, keeperItem)
	}

	logs, sub, err := _TriggerGasRegistry.contract.FilterLogs(opts, "Deducted", userRule, keeperRule)
	if err != nil {
		return nil, err
	}
	return &TriggerGasRegistryDeductedIterator{contract: _TriggerGasRegistry.contract, event: "Deducted", logs: logs, sub: sub}, nil
}

// WatchDeducted is a free log subscription operation binding the contract event 0x14b6918429f4c7e863473d3806b010ffac61ad5a849aea129db946f44d6b9e45.
//
// Solidity: event Deducted(address indexed user, address indexed keeper, uint256 amount)
func (_TriggerGasRegistry *TriggerGasRegistryFilterer) WatchDeducted(opts *bind.WatchOpts, sink chan<- *TriggerGasRegistryDeducted, user []common.Address, keeper []common.Address) (event.Subscription, error) {

	var userRule []interface{}
	for _, userItem := range user {
		userRule = append(userRule, userItem)
	}
	var keeperRule []interface{}
	for _, keeperItem := range keeper {
		keeperRule = append(keeperRule, keeperItem)
	}

	logs, sub, err := _TriggerGasRegistry.contract.WatchLogs(opts, "Deducted", userRule, keeperRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(TriggerGasRegistryDeducted)
				if err := _TriggerGasRegistry.contract.UnpackLog(event, "Deducted", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseDeducted is a log parse operation binding the contract event 0x14b6918429f4c7e863473d3806b010ffac61ad5a849aea129db946f44d6b9e45.
//
// Solidity: event Deducted(address indexed user, address indexed keeper, uint256 amount)
func (_TriggerGasRegistry *TriggerGasRegistryFilterer) ParseDeducted(log types.Log) (*TriggerGasRegistryDeducted, error) {
	event := new(TriggerGasRegistryDeducted)
	if err := _TriggerGasRegistry.contract.UnpackLog(event, "Deducted", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// TriggerGasRegistryDepositedIterator is returned from FilterDeposited and is used to iterate over the raw logs and unpacked data for Deposited events raised by the TriggerGasRegistry contract.
type TriggerGasRegistryDepositedIterator struct {
	Event *TriggerGasRegistryDeposited // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *TriggerGasRegistryDepositedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(TriggerGasRegistryDeposited)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(TriggerGasRegistryDeposited)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *TriggerGasRegistryDepositedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *TriggerGasRegistryDepositedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// TriggerGasRegistryDeposited represents a Deposited event raised by the TriggerGasRegistry contract.
type TriggerGasRegistryDeposited struct {
	User   common.Address
	From   common.Address
	Amount *big.Int
	Raw    types.Log // Blockchain specific contextual infos
}

// FilterDeposited is a free log retrieval operation binding the contract event 0x8752a472e571a816aea92eec8dae9baf628e840f4929fbcc2d155e6233ff68a7.
//
// Solidity: event Deposited(address indexed user, address indexed from, uint256 amount)
func (_TriggerGasRegistry *TriggerGasRegistryFilterer) FilterDeposited(opts *bind.FilterOpts, user []common.Address, from []common.Address) (*TriggerGasRegistryDepositedIterator, error) {

	var userRule []interface{}
	for _, userItem := range user {
		userRule = append(userRule, userItem)
	}
	var fromRule []interface{}
	for _, fromItem := range from {
		fromRule = append(fromRule, fromItem)
	}

	logs, sub, err := _TriggerGasRegistry.contract.FilterLogs(opts, "Deposited", userRule, fromRule)
	if err != nil {
		return nil, err
	}
	return &TriggerGasRegistryDepositedIterator{contract: _TriggerGasRegistry.contract, event: "Deposited", logs: logs, sub: sub}, nil
}

// WatchDeposited is a free log subscription operation binding the contract event 0x8752a472e571a816aea92eec8dae9baf628e840f4929fbcc2d155e6233ff68a7.
//
// Solidity: event Deposited(address indexed user, address indexed from, uint256 amount)
func (_TriggerGasRegistry *TriggerGasRegistryFilterer) WatchDeposited(opts *bind.WatchOpts, sink chan<- *TriggerGasRegistryDeposited, user []common.Address, from []common.Address) (event.Subscription, error) {

	var userRule []interface{}
	for _, userItem := range user {
		userRule = append(userRule, userItem)
	}
	var fromRule []interface{}
	for _, fromItem := range from {
		fromRule = append(fromRule, fromItem)
	}

	logs, sub, err := _TriggerGasRegistry.contract.WatchLogs(opts, "Deposited", userRule, fromRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(TriggerGasRegistryDeposited)
				if err := _TriggerGasRegistry.contract.UnpackLog(event, "Deposited", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseDeposited is a log parse operation binding the contract event 0x8752a472e571a816aea92eec8dae9baf628e840f4929fbcc2d155e6233ff68a7.
//
// Solidity: event Deposited(address indexed user, address indexed from, uint256 amount)
func (_TriggerGasRegistry *TriggerGasRegistryFilterer) ParseDeposited(log types.Log) (*TriggerGasRegistryDeposited, error) {
	event := new(TriggerGasRegistryDeposited)
	if err := _TriggerGasRegistry.contract.UnpackLog(event, "Deposited", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// TriggerGasRegistryEarningsClaimedIterator is returned from FilterEarningsClaimed and is used to iterate over the raw logs and unpacked data for EarningsClaimed events raised by the TriggerGasRegistry contract.
type TriggerGasRegistryEarningsClaimedIterator struct {
	Event *TriggerGasRegistryEarningsClaimed // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *TriggerGasRegistryEarningsClaimedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(TriggerGasRegistryEarningsClaimed)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(TriggerGasRegistryEarningsClaimed)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *TriggerGasRegistryEarningsClaimedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *TriggerGasRegistryEarningsClaimedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// TriggerGasRegistryEarningsClaimed represents a EarningsClaimed event raised by the TriggerGasRegistry contract.
type TriggerGasRegistryEarningsClaimed struct {
	Keeper common.Address
	Amount *big.Int
	Raw    types.Log // Blockchain specific contextual infos
}

// FilterEarningsClaimed is a free log retrieval operation binding the contract event 0x6a8d334a32dfb49dae325dba76deb51b0b8f5ea50b1cdfa70710f4dc1b9c24c5.
//
// Solidity: event EarningsClaimed(address indexed keeper, uint256 amount)
func (_TriggerGasRegistry *TriggerGasRegistryFilterer) FilterEarningsClaimed(opts *bind.FilterOpts, keeper []common.Address) (*TriggerGasRegistryEarningsClaimedIterator, error) {

	var keeperRule []interface{}
	for _, keeperItem := range keeper {
		keeperRule = append(keeperRule, keeperItem)
	}

	logs, sub, err := _TriggerGasRegistry.contract.FilterLogs(opts, "EarningsClaimed", keeperRule)
	if err != nil {
		return nil, err
	}
	return &TriggerGasRegistryEarningsClaimedIterator{contract: _TriggerGasRegistry.contract, event: "EarningsClaimed", logs: logs, sub: sub}, nil
}

// WatchEarningsClaimed is a free log subscription operation binding the contract event 0x6a8d334a32dfb49dae325dba76deb51b0b8f5ea50b1cdfa70710f4dc1b9c24c5.
//
// Solidity: event EarningsClaimed(address indexed keeper, uint256 amount)
func (_TriggerGasRegistry *TriggerGasRegistryFilterer) WatchEarningsClaimed(opts *bind.WatchOpts, sink chan<- *TriggerGasRegistryEarningsClaimed, keeper []common.Address) (event.Subscription, error) {

	var keeperRule []interface{}
	for _, keeperItem := range keeper {
		keeperRule = append(keeperRule, keeperItem)
	}

	logs, sub, err := _TriggerGasRegistry.contract.WatchLogs(opts, "EarningsClaimed", keeperRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(TriggerGasRegistryEarningsClaimed)
				if err := _TriggerGasRegistry.contract.UnpackLog(event, "EarningsClaimed", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseEarningsClaimed is a log parse operation binding the contract event 0x6a8d334a32dfb49dae325dba76deb51b0b8f5ea50b1cdfa70710f4dc1b9c24c5.
//
// Solidity: event EarningsClaimed(address indexed keeper, uint256 amount)
func (_TriggerGasRegistry *TriggerGasRegistryFilterer) ParseEarningsClaimed(log types.Log) (*TriggerGasRegistryEarningsClaimed, error) {
	event := new(TriggerGasRegistryEarningsClaimed)
	if err := _TriggerGasRegistry.contract.UnpackLog(event, "EarningsClaimed", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// TriggerGasRegistryHubSetIterator is returned from FilterHubSet and is used to iterate over the raw logs and unpacked data for HubSet events raised by the TriggerGasRegistry contract.
type TriggerGasRegistryHubSetIterator struct {
	Event *TriggerGasRegistryHubSet // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *TriggerGasRegistryHubSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(TriggerGasRegistryHubSet)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(TriggerGasRegistryHubSet)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *TriggerGasRegistryHubSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *TriggerGasRegistryHubSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// TriggerGasRegistryHubSet represents a HubSet event raised by the TriggerGasRegistry contract.
type TriggerGasRegistryHubSet struct {
	Hub common.Address
	Raw types.Log // Blockchain specific contextual infos
}

// FilterHubSet is a free log retrieval operation binding the contract event 0x15e04fee0c1335178e78e4dc6a8b0dcade867d1aea65418bf1200bc322ab7c21.
//
// Solidity: event HubSet(address indexed hub)
func (_TriggerGasRegistry *TriggerGasRegistryFilterer) FilterHubSet(opts *bind.FilterOpts, hub []common.Address) (*TriggerGasRegistryHubSetIterator, error) {

	var hubRule []interface{}
	for _, hubItem := range hub {
		hubRule = append(hubRule, hubItem)
	}

	logs, sub, err := _TriggerGasRegistry.contract.FilterLogs(opts, "HubSet", hubRule)
	if err != nil {
		return nil, err
	}
	return &TriggerGasRegistryHubSetIterator{contract: _TriggerGasRegistry.contract, event: "HubSet", logs: logs, sub: sub}, nil
}

// WatchHubSet is a free log subscription operation binding the contract event 0x15e04fee0c1335178e78e4dc6a8b0dcade867d1aea65418bf1200bc322ab7c21.
//
// Solidity: event HubSet(address indexed hub)
func (_TriggerGasRegistry *TriggerGasRegistryFilterer) WatchHubSet(opts *bind.WatchOpts, sink chan<- *TriggerGasRegistryHubSet, hub []common.Address) (event.Subscription, error) {

	var hubRule []interface{}
	for _, hubItem := range hub {
		hubRule = append(hubRule, hubItem)
	}

	logs, sub, err := _TriggerGasRegistry.contract.WatchLogs(opts, "HubSet", hubRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(TriggerGasRegistryHubSet)
				if err := _TriggerGasRegistry.contract.UnpackLog(event, "HubSet", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseHubSet is a log parse operation binding the contract event 0x15e04fee0c1335178e78e4dc6a8b0dcade867d1aea65418bf1200bc322ab7c21.
//
// Solidity: event HubSet(address indexed hub)
func (_TriggerGasRegistry *TriggerGasRegistryFilterer) ParseHubSet(log types.Log) (*TriggerGasRegistryHubSet, error) {
	event := new(TriggerGasRegistryHubSet)
	if err := _TriggerGasRegistry.contract.UnpackLog(event, "HubSet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// TriggerGasRegistryOwnershipTransferredIterator is returned from FilterOwnershipTransferred and is used to iterate over the raw logs and unpacked data for OwnershipTransferred events raised by the TriggerGasRegistry contract.
type TriggerGasRegistryOwnershipTransferredIterator struct {
	Event *TriggerGasRegistryOwnershipTransferred // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *TriggerGasRegistryOwnershipTransferredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(TriggerGasRegistryOwnershipTransferred)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(TriggerGasRegistryOwnershipTransferred)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *TriggerGasRegistryOwnershipTransferredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *TriggerGasRegistryOwnershipTransferredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// TriggerGasRegistryOwnershipTransferred represents a OwnershipTransferred event raised by the TriggerGasRegistry contract.
type TriggerGasRegistryOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           types.Log // Blockchain specific contextual infos
}

// FilterOwnershipTransferred is a free log retrieval operation binding the contract event 0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (_TriggerGasRegistry *TriggerGasRegistryFilterer) FilterOwnershipTransferred(opts *bind.FilterOpts, previousOwner []common.Address, newOwner []common.Address) (*TriggerGasRegistryOwnershipTransferredIterator, error) {

	var previousOwnerRule []interface{}
	for _, previousOwnerItem := range previousOwner {
		previousOwnerRule = append(previousOwnerRule, previousOwnerItem)
	}
	var newOwnerRule []interface{}
	for _, newOwnerItem := range newOwner {
		newOwnerRule = append(newOwnerRule, newOwnerItem)
	}

	logs, sub, err := _TriggerGasRegistry.contract.FilterLogs(opts, "OwnershipTransferred", previousOwnerRule, newOwnerRule)
	if err != nil {
		return nil, err
	}
	return &TriggerGasRegistryOwnershipTransferredIterator{contract: _TriggerGasRegistry.contract, event: "OwnershipTransferred", logs: logs, sub: sub}, nil
}

// WatchOwnershipTransferred is a free log subscription operation binding the contract event 0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (_TriggerGasRegistry *TriggerGasRegistryFilterer) WatchOwnershipTransferred(opts *bind.WatchOpts, sink chan<- *TriggerGasRegistryOwnershipTransferred, previousOwner []common.Address, newOwner []common.Address) (event.Subscription, error) {

	var previousOwnerRule []interface{}
	for _, previousOwnerItem := range previousOwner {
		previousOwnerRule = append(previousOwnerRule, previousOwnerItem)
	}
	var newOwnerRule []interface{}
	for _, newOwnerItem := range newOwner {
		newOwnerRule = append(newOwnerRule, newOwnerItem)
	}

	logs, sub, err := _TriggerGasRegistry.contract.WatchLogs(opts, "OwnershipTransferred", previousOwnerRule, newOwnerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(TriggerGasRegistryOwnershipTransferred)
				if err := _TriggerGasRegistry.contract.UnpackLog(event, "OwnershipTransferred", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseOwnershipTransferred is a log parse operation binding the contract event 0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (_TriggerGasRegistry *TriggerGasRegistryFilterer) ParseOwnershipTransferred(log types.Log) (*TriggerGasRegistryOwnershipTransferred, error) {
	event := new(TriggerGasRegistryOwnershipTransferred)
	if err := _TriggerGasRegistry.contract.UnpackLog(event, "OwnershipTransferred", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// TriggerGasRegistryWithdrawnIterator is returned from FilterWithdrawn and is used to iterate over the raw logs and unpacked data for Withdrawn events raised by the TriggerGasRegistry contract.
type TriggerGasRegistryWithdrawnIterator struct {
	Event *TriggerGasRegistryWithdrawn // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *TriggerGasRegistryWithdrawnIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(TriggerGasRegistryWithdrawn)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(TriggerGasRegistryWithdrawn)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *TriggerGasRegistryWithdrawnIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *TriggerGasRegistryWithdrawnIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// TriggerGasRegistryWithdrawn represents a Withdrawn event raised by the TriggerGasRegistry contract.
type TriggerGasRegistryWithdrawn struct {
	User   common.Address
	Amount *big.Int
	Raw    types.Log // Blockchain specific contextual infos
}

// FilterWithdrawn is a free log retrieval operation binding the contract event 0x7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d5.
//
// Solidity: event Withdrawn(address indexed user, uint256 amount)
func (_TriggerGasRegistry *TriggerGasRegistryFilterer) FilterWithdrawn(opts *bind.FilterOpts, user []common.Address) (*TriggerGasRegistryWithdrawnIterator, error) {

	var userRule []interface{}
	for _, userItem := range user {
		userRule = append(userRule, userItem)
	}

	logs, sub, err := _TriggerGasRegistry.contract.FilterLogs(opts, "Withdrawn", userRule)
	if err != nil {
		return nil, err
	}
	return &TriggerGasRegistryWithdrawnIterator{contract: _TriggerGasRegistry.contract, event: "Withdrawn", logs: logs, sub: sub}, nil
}

// WatchWithdrawn is a free log subscription operation binding the contract event 0x7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d5.
//
// Solidity: event Withdrawn(address indexed user, uint256 amount)
func (_TriggerGasRegistry *TriggerGasRegistryFilterer) WatchWithdrawn(opts *bind.WatchOpts, sink chan<- *TriggerGasRegistryWithdrawn, user []common.Address) (event.Subscription, error) {

	var userRule []interface{}
	for _, userItem := range user {
		userRule = append(userRule, userItem)
	}

	logs, sub, err := _TriggerGasRegistry.contract.WatchLogs(opts, "Withdrawn", userRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(TriggerGasRegistryWithdrawn)
				if err := _TriggerGasRegistry.contract.UnpackLog(event, "Withdrawn", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseWithdrawn is a log parse operation binding the contract event 0x7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d5.
//
// Solidity: event Withdrawn(address indexed user, uint256 amount)
func (_TriggerGasRegistry *TriggerGasRegistryFilterer) ParseWithdrawn(log types.Log) (*TriggerGasRegistryWithdrawn, error) {
	event := new(TriggerGasRegistryWithdrawn)
	if err := _TriggerGasRegistry.contract.UnpackLog(event, "Withdrawn", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
