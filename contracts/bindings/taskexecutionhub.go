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

// TaskExecutionHubMetaData contains all meta data concerning the TaskExecutionHub contract.
var TaskExecutionHubMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractKeeperRegistry\",\"name\":\"keeperRegistry_\",\"type\":\"address\"},{\"internalType\":\"contractJobRegistry\",\"name\":\"jobRegistry_\",\"type\":\"address\"},{\"internalType\":\"contractTriggerGasRegistry\",\"name\":\"gasRegistry_\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"}],\"name\":\"ForbiddenTarget\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InsufficientGas\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"}],\"name\":\"JobInactive\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotKeeper\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"jobTarget\",\"type\":\"address\"}],\"name\":\"TargetMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"}],\"name\":\"TaskAlreadyExecuted\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"}],\"name\":\"UnknownJob\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"keeper\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"success\",\"type\":\"bool\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"calldataHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"charged\",\"type\":\"uint256\"}],\"name\":\"TaskExecuted\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"GAS_OVERHEAD\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"POST_CALL_GAS\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"executeFunction\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"success\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"}],\"name\":\"executed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"}],\"name\":\"executedBy\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"keeper\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"gasRegistry\",\"outputs\":[{\"internalType\":\"contractTriggerGasRegistry\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"jobRegistry\",\"outputs\":[{\"internalType\":\"contractJobRegistry\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"keeperRegistry\",\"outputs\":[{\"internalType\":\"contractKeeperRegistry\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	Bin: "0x60e060405234801561000f575f5ffd5b50604051610a1f380380610a1f83398101604081905261002e91610062565b6001600160a01b0392831660805290821660a0521660c0526100ac565b6001600160a01b038116811461005f575f5ffd5b50565b5f5f5f60608486031215610074575f5ffd5b835161007f8161004b565b60208501519093506100908161004b565b60408501519092506100a18161004b565b809150509250925092565b60805160a05160c0516109206100ff5f395f818161010c01528181610321015261057801525f818160cd01528181610403015261053c01525f8181610133015281816101cb015261050001526109205ff3fe608060405234801561000f575f5ffd5b5060043610610085575f3560e01c806383e227741161005857806383e227741461012e578063a015a4cd14610155578063a730cdfb1461017d578063a9fcfb3314610186575f5ffd5b80631805a31e146100895780632120d784146100a557806323682c47146100c85780637e7b284d14610107575b5f5ffd5b61009261ea6081565b6040519081526020015b60405180910390f35b6100b86100b3366004610727565b6101b0565b604051901515815260200161009c565b6100ef7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b03909116815260200161009c565b6100ef7f000000000000000000000000000000000000000000000000000000000000000081565b6100ef7f000000000000000000000000000000000000000000000000000000000000000081565b6100ef6101633660046107b7565b5f602081905290815260409020546001600160a01b031681565b61009261afc881565b6100b86101943660046107b7565b5f908152602081905260409020546001600160a01b0316151590565b5f5f5a604051639f8a13d760e01b81523360048201529091507f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031690639f8a13d790602401602060405180830381865afa158015610218573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061023c91906107e2565b6102605760405163ccf79b6760e01b81523360048201526024015b60405180910390fd5b5f868152602081905260409020546001600160a01b031615610297576040516212774960e01b815260048101879052602401610257565b5f6102a288876103fd565b5f88815260208190526040902080546001600160a01b0319163317905590506102cc868686610647565b92505f3a61afc85a6102de9086610816565b6102e89190610829565b6102f2919061083c565b604051635139adad60e11b81526001600160a01b038481166004830152602482018390523360448301529192507f00000000000000000000000000000000000000000000000000000000000000009091169063a2735b5a906064015f604051808303815f87803b158015610364575f5ffd5b505af1158015610376573d5f5f3e3d5ffd5b50505050336001600160a01b031689897ff514b90b6d696d5b2742dd0a789fac380e6a9acf0f1e48f9ee8637913972c19e8a888b8b6040516103b9929190610853565b604080519182900382206001600160a01b0390941682529115156020820152908101919091526060810186905260800160405180910390a450505095945050505050565b5f5f5f5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031663bf22c457876040518263ffffffff1660e01b815260040161044f91815260200190565b60a060405180830381865afa15801561046a573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061048e9190610862565b94505093505092505f6001600160a01b0316836001600160a01b0316036104cb57604051630510aa5f60e41b815260048101879052602401610257565b806104ec5760405163e3bc6bc960e01b815260048101879052602401610257565b6001600160a01b03851630148061053457507f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316856001600160a01b0316145b8061057057507f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316856001600160a01b0316145b806105ac57507f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316856001600160a01b0316145b156105d557604051636cb0d57f60e11b81526001600160a01b0386166004820152602401610257565b6001600160a01b0382166105f3576001600160a01b0385161561060a565b816001600160a01b0316856001600160a01b031614155b1561063b5760405163974eb9cb60e01b81526001600160a01b03808716600483015283166024820152604401610257565b50909150505b92915050565b5f5f5a905061ea60811161066e576040516307099c5360e21b815260040160405180910390fd5b5f61067b61ea6083610816565b90505f85858080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92018290525084519495509384935091505060208401828b87f19350831580156106e857506106d96040836108cb565b6106e59061ea60610829565b5a105b15610706576040516307099c5360e21b815260040160405180910390fd5b5050509392505050565b6001600160a01b0381168114610724575f5ffd5b50565b5f5f5f5f5f6080868803121561073b575f5ffd5b8535945060208601359350604086013561075481610710565b9250606086013567ffffffffffffffff81111561076f575f5ffd5b8601601f8101881361077f575f5ffd5b803567ffffffffffffffff811115610795575f5ffd5b8860208284010111156107a6575f5ffd5b959894975092955050506020019190565b5f602082840312156107c7575f5ffd5b5035919050565b805180151581146107dd575f5ffd5b919050565b5f602082840312156107f2575f5ffd5b6107fb826107ce565b9392505050565b634e487b7160e01b5f52601160045260245ffd5b8181038181111561064157610641610802565b8082018082111561064157610641610802565b808202811582820484141761064157610641610802565b818382375f9101908152919050565b5f5f5f5f5f60a08688031215610876575f5ffd5b855161088181610710565b602087015190955061ffff81168114610898575f5ffd5b60408701519094506108a981610710565b606087015190935091506108bf608087016107ce565b90509295509295909350565b5f826108e557634e487b7160e01b5f52601260045260245ffd5b50049056fea264697066735822122048d213f8edd97926f9a64da6eb715898b907b632485cd68925e1a4e2f033ce4764736f6c634300081e0033",
}

// TaskExecutionHubABI is the input ABI used to generate the binding from.
// Deprecated: Use TaskExecutionHubMetaData.ABI instead.
var TaskExecutionHubABI = TaskExecutionHubMetaData.ABI

// TaskExecutionHubBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use TaskExecutionHubMetaData.Bin instead.
var TaskExecutionHubBin = TaskExecutionHubMetaData.Bin

// DeployTaskExecutionHub deploys a new Ethereum contract, binding an instance of TaskExecutionHub to it.
func DeployTaskExecutionHub(auth *bind.TransactOpts, backend bind.ContractBackend, keeperRegistry_ common.Address, jobRegistry_ common.Address, gasRegistry_ common.Address) (common.Address, *types.Transaction, *TaskExecutionHub, error) {
	parsed, err := TaskExecutionHubMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(TaskExecutionHubBin), backend, keeperRegistry_, jobRegistry_, gasRegistry_)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &TaskExecutionHub{TaskExecutionHubCaller: TaskExecutionHubCaller{contract: contract}, TaskExecutionHubTransactor: TaskExecutionHubTransactor{contract: contract}, TaskExecutionHubFilterer: TaskExecutionHubFilterer{contract: contract}}, nil
}

// TaskExecutionHub is an auto generated Go binding around an Ethereum contract.
type TaskExecutionHub struct {
	TaskExecutionHubCaller     // Read-only binding to the contract
	TaskExecutionHubTransactor // Write-only binding to the contract
	TaskExecutionHubFilterer   // Log filterer for contract events
}

// TaskExecutionHubCaller is an auto generated read-only Go binding around an Ethereum contract.
type TaskExecutionHubCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// TaskExecutionHubTransactor is an auto generated write-only Go binding around an Ethereum contract.
type TaskExecutionHubTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// TaskExecutionHubFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type TaskExecutionHubFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// TaskExecutionHubSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type TaskExecutionHubSession struct {
	Contract     *TaskExecutionHub // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// TaskExecutionHubCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type TaskExecutionHubCallerSession struct {
	Contract *TaskExecutionHubCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts           // Call options to use throughout this session
}

// TaskExecutionHubTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type TaskExecutionHubTransactorSession struct {
	Contract     *TaskExecutionHubTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts           // Transaction auth options to use throughout this session
}

// TaskExecutionHubRaw is an auto generated low-level Go binding around an Ethereum contract.
type TaskExecutionHubRaw struct {
	Contract *TaskExecutionHub // Generic contract binding to access the raw methods on
}

// TaskExecutionHubCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type TaskExecutionHubCallerRaw struct {
	Contract *TaskExecutionHubCaller // Generic read-only contract binding to access the raw methods on
}

// TaskExecutionHubTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type TaskExecutionHubTransactorRaw struct {
	Contract *TaskExecutionHubTransactor // Generic write-only contract binding to access the raw methods on
}

// NewTaskExecutionHub creates a new instance of TaskExecutionHub, bound to a specific deployed contract.
func NewTaskExecutionHub(address common.Address, backend bind.ContractBackend) (*TaskExecutionHub, error) {
	contract, err := bindTaskExecutionHub(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &TaskExecutionHub{TaskExecutionHubCaller: TaskExecutionHubCaller{contract: contract}, TaskExecutionHubTransactor: TaskExecutionHubTransactor{contract: contract}, TaskExecutionHubFilterer: TaskExecutionHubFilterer{contract: contract}}, nil
}

// NewTaskExecutionHubCaller creates a new read-only instance of TaskExecutionHub, bound to a specific deployed contract.
func NewTaskExecutionHubCaller(address common.Address, caller bind.ContractCaller) (*TaskExecutionHubCaller, error) {
	contract, err := bindTaskExecutionHub(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &TaskExecutionHubCaller{contract: contract}, nil
}

// NewTaskExecutionHubTransactor creates a new write-only instance of TaskExecutionHub, bound to a specific deployed contract.
func NewTaskExecutionHubTransactor(address common.Address, transactor bind.ContractTransactor) (*TaskExecutionHubTransactor, error) {
	contract, err := bindTaskExecutionHub(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &TaskExecutionHubTransactor{contract: contract}, nil
}

// NewTaskExecutionHubFilterer creates a new log filterer instance of TaskExecutionHub, bound to a specific deployed contract.
func NewTaskExecutionHubFilterer(address common.Address, filterer bind.ContractFilterer) (*TaskExecutionHubFilterer, error) {
	contract, err := bindTaskExecutionHub(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &TaskExecutionHubFilterer{contract: contract}, nil
}

// bindTaskExecutionHub binds a generic wrapper to an already deployed contract.
func bindTaskExecutionHub(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := TaskExecutionHubMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_TaskExecutionHub *TaskExecutionHubRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _TaskExecutionHub.Contract.TaskExecutionHubCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_TaskExecutionHub *TaskExecutionHubRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _TaskExecutionHub.Contract.TaskExecutionHubTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_TaskExecutionHub *TaskExecutionHubRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _TaskExecutionHub.Contract.TaskExecutionHubTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_TaskExecutionHub *TaskExecutionHubCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _TaskExecutionHub.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_TaskExecutionHub *TaskExecutionHubTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _TaskExecutionHub.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_TaskExecutionHub *TaskExecutionHubTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _TaskExecutionHub.Contract.contract.Transact(opts, method, params...)
}

// GASOVERHEAD is a free data retrieval call binding the contract method 0xa730cdfb.
//
// Solidity: function GAS_OVERHEAD() view returns(uint256)
func (_TaskExecutionHub *TaskExecutionHubCaller) GASOVERHEAD(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _TaskExecutionHub.contract.Call(opts, &out, "GAS_OVERHEAD")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// GASOVERHEAD is a free data retrieval call binding the contract method 0xa730cdfb.
//
// Solidity: function GAS_OVERHEAD() view returns(uint256)
func (_TaskExecutionHub *TaskExecutionHubSession) GASOVERHEAD() (*big.Int, error) {
	return _TaskExecutionHub.Contract.GASOVERHEAD(&_TaskExecutionHub.CallOpts)
}

// GASOVERHEAD is a free data retrieval call binding the contract method 0xa730cdfb.
//
// Solidity: function GAS_OVERHEAD() view returns(uint256)
func (_TaskExecutionHub *TaskExecutionHubCallerSession) GASOVERHEAD() (*big.Int, error) {
	return _TaskExecutionHub.Contract.GASOVERHEAD(&_TaskExecutionHub.CallOpts)
}

// POSTCALLGAS is a free data retrieval call binding the contract method 0x1805a31e.
//
// Solidity: function POST_CALL_GAS() view returns(uint256)
func (_TaskExecutionHub *TaskExecutionHubCaller) POSTCALLGAS(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _TaskExecutionHub.contract.Call(opts, &out, "POST_CALL_GAS")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// POSTCALLGAS is a free data retrieval call binding the contract method 0x1805a31e.
//
// Solidity: function POST_CALL_GAS() view returns(uint256)
func (_TaskExecutionHub *TaskExecutionHubSession) POSTCALLGAS() (*big.Int, error) {
	return _TaskExecutionHub.Contract.POSTCALLGAS(&_TaskExecutionHub.CallOpts)
}

// POSTCALLGAS is a free data retrieval call binding the contract method 0x1805a31e.
//
// Solidity: function POST_CALL_GAS() view returns(uint256)
func (_TaskExecutionHub *TaskExecutionHubCallerSession) POSTCALLGAS() (*big.Int, error) {
	return _TaskExecutionHub.Contract.POSTCALLGAS(&_TaskExecutionHub.CallOpts)
}

// Executed is a free data retrieval call binding the contract method 0xa9fcfb33.
//
// Solidity: function executed(bytes32 taskId) view returns(bool)
func (_TaskExecutionHub *TaskExecutionHubCaller) Executed(opts *bind.CallOpts, taskId [32]byte) (bool, error) {
	var out []interface{}
	err := _TaskExecutionHub.contract.Call(opts, &out, "executed", taskId)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// Executed is a free data retrieval call binding the contract method 0xa9fcfb33.
//
// Solidity: function executed(bytes32 taskId) view returns(bool)
func (_TaskExecutionHub *TaskExecutionHubSession) Executed(taskId [32]byte) (bool, error) {
	return _TaskExecutionHub.Contract.Executed(&_TaskExecutionHub.CallOpts, taskId)
}

// Executed is a free data retrieval call binding the contract method 0xa9fcfb33.
//
// Solidity: function executed(bytes32 taskId) view returns(bool)
func (_TaskExecutionHub *TaskExecutionHubCallerSession) Executed(taskId [32]byte) (bool, error) {
	return _TaskExecutionHub.Contract.Executed(&_TaskExecutionHub.CallOpts, taskId)
}

// ExecutedBy is a free data retrieval call binding the contract method 0xa015a4cd.
//
// Solidity: function executedBy(bytes32 taskId) view returns(address keeper)
func (_TaskExecutionHub *TaskExecutionHubCaller) ExecutedBy(opts *bind.CallOpts, taskId [32]byte) (common.Address, error) {
	var out []interface{}
	err := _TaskExecutionHub.contract.Call(opts, &out, "executedBy", taskId)

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// ExecutedBy is a free data retrieval call binding the contract method 0xa015a4cd.
//
// Solidity: function executedBy(bytes32 taskId) view returns(address keeper)
func (_TaskExecutionHub *TaskExecutionHubSession) ExecutedBy(taskId [32]byte) (common.Address, error) {
	return _TaskExecutionHub.Contract.ExecutedBy(&_TaskExecutionHub.CallOpts, taskId)
}

// ExecutedBy is a free data retrieval call binding the contract method 0xa015a4cd.
//
// Solidity: function executedBy(bytes32 taskId) view returns(address keeper)
func (_TaskExecutionHub *TaskExecutionHubCallerSession) ExecutedBy(taskId [32]byte) (common.Address, error) {
	return _TaskExecutionHub.Contract.ExecutedBy(&_TaskExecutionHub.CallOpts, taskId)
}

// GasRegistry is a free data retrieval call binding the contract method 0x7e7b284d.
//
// Solidity: function gasRegistry() view returns(address)
func (_TaskExecutionHub *TaskExecutionHubCaller) GasRegistry(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _TaskExecutionHub.contract.Call(opts, &out, "gasRegistry")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// GasRegistry is a free data retrieval call binding the contract method 0x7e7b284d.
//
// Solidity: function gasRegistry() view returns(address)
func (_TaskExecutionHub *TaskExecutionHubSession) GasRegistry() (common.Address, error) {
	return _TaskExecutionHub.Contract.GasRegistry(&_TaskExecutionHub.CallOpts)
}

// GasRegistry is a free data retrieval call binding the contract method 0x7e7b284d.
//
// Solidity: function gasRegistry() view returns(address)
func (_TaskExecutionHub *TaskExecutionHubCallerSession) GasRegistry() (common.Address, error) {
	return _TaskExecutionHub.Contract.GasRegistry(&_TaskExecutionHub.CallOpts)
}

// JobRegistry is a free data retrieval call binding the contract method 0x23682c47.
//
// Solidity: function jobRegistry() view returns(address)
func (_TaskExecutionHub *TaskExecutionHubCaller) JobRegistry(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _TaskExecutionHub.contract.Call(opts, &out, "jobRegistry")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// JobRegistry is a free data retrieval call binding the contract method 0x23682c47.
//
// Solidity: function jobRegistry() view returns(address)
func (_TaskExecutionHub *TaskExecutionHubSession) JobRegistry() (common.Address, error) {
	return _TaskExecutionHub.Contract.JobRegistry(&_TaskExecutionHub.CallOpts)
}

// JobRegistry is a free data retrieval call binding the contract method 0x23682c47.
//
// Solidity: function jobRegistry() view returns(address)
func (_TaskExecutionHub *TaskExecutionHubCallerSession) JobRegistry() (common.Address, error) {
	return _TaskExecutionHub.Contract.JobRegistry(&_TaskExecutionHub.CallOpts)
}

// KeeperRegistry is a free data retrieval call binding the contract method 0x83e22774.
//
// Solidity: function keeperRegistry() view returns(address)
func (_TaskExecutionHub *TaskExecutionHubCaller) KeeperRegistry(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _TaskExecutionHub.contract.Call(opts, &out, "keeperRegistry")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// KeeperRegistry is a free data retrieval call binding the contract method 0x83e22774.
//
// Solidity: function keeperRegistry() view returns(address)
func (_TaskExecutionHub *TaskExecutionHubSession) KeeperRegistry() (common.Address, error) {
	return _TaskExecutionHub.Contract.KeeperRegistry(&_TaskExecutionHub.CallOpts)
}

// KeeperRegistry is a free data retrieval call binding the contract method 0x83e22774.
//
// Solidity: function keeperRegistry() view returns(address)
func (_TaskExecutionHub *TaskExecutionHubCallerSession) KeeperRegistry() (common.Address, error) {
	return _TaskExecutionHub.Contract.KeeperRegistry(&_TaskExecutionHub.CallOpts)
}

// ExecuteFunction is a paid mutator transaction binding the contract method 0x2120d784.
//
// Solidity: function executeFunction(uint256 jobId, bytes32 taskId, address target, bytes data) returns(bool success)
func (_TaskExecutionHub *TaskExecutionHubTransactor) ExecuteFunction(opts *bind.TransactOpts, jobId *big.Int, taskId [32]byte, target common.Address, data []byte) (*types.Transaction, error) {
	return _TaskExecutionHub.contract.Transact(opts, "executeFunction", jobId, taskId, target, data)
}

// ExecuteFunction is a paid mutator transaction binding the contract method 0x2120d784.
//
// Solidity: function executeFunction(uint256 jobId, bytes32 taskId, address target, bytes data) returns(bool success)
func (_TaskExecutionHub *TaskExecutionHubSession) ExecuteFunction(jobId *big.Int, taskId [32]byte, target common.Address, data []byte) (*types.Transaction, error) {
	return _TaskExecutionHub.Contract.ExecuteFunction(&_TaskExecutionHub.TransactOpts, jobId, taskId, target, data)
}

// ExecuteFunction is a paid mutator transaction binding the contract method 0x2120d784.
//
// Solidity: function executeFunction(uint256 jobId, bytes32 taskId, address target, bytes data) returns(bool success)
func (_TaskExecutionHub *TaskExecutionHubTransactorSession) ExecuteFunction(jobId *big.Int, taskId [32]byte, target common.Address, data []byte) (*types.Transaction, error) {
	return _TaskExecutionHub.Contract.ExecuteFunction(&_TaskExecutionHub.TransactOpts, jobId, taskId, target, data)
}

// TaskExecutionHubTaskExecutedIterator is returned from FilterTaskExecuted and is used to iterate over the raw logs and unpacked data for TaskExecuted events raised by the TaskExecutionHub contract.
type TaskExecutionHubTaskExecutedIterator struct {
	Event *TaskExecutionHubTaskExecuted // Event containing the contract specifics and raw log

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
func (it *TaskExecutionHubTaskExecutedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(TaskExecutionHubTaskExecuted)
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
		it.Event = new(TaskExecutionHubTaskExecuted)
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
func (it *TaskExecutionHubTaskExecutedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *TaskExecutionHubTaskExecutedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// TaskExecutionHubTaskExecuted represents a TaskExecuted event raised by the TaskExecutionHub contract.
type TaskExecutionHubTaskExecuted struct {
	TaskId       [32]byte
	JobId        *big.Int
	Keeper       common.Address
	Target       common.Address
	Success      bool
	CalldataHash [32]byte
	Charged      *big.Int
	Raw          types.Log // Blockchain specific contextual infos
}

// FilterTaskExecuted is a free log retrieval operation binding the contract event 0xf514b90b6d696d5b2742dd0a789fac380e6a9acf0f1e48f9ee8637913972c19e.
//
// Solidity: event TaskExecuted(bytes32 indexed taskId, uint256 indexed jobId, address indexed keeper, address target, bool success, bytes32 calldataHash, uint256 charged)
func (_TaskExecutionHub *TaskExecutionHubFilterer) FilterTaskExecuted(opts *bind.FilterOpts, taskId [][32]byte, jobId []*big.Int, keeper []common.Address) (*TaskExecutionHubTaskExecutedIterator, error) {

	var taskIdRule []interface{}
	for _, taskIdItem := range taskId {
		taskIdRule = append(taskIdRule, taskIdItem)
	}
	var jobIdRule []interface{}
	for _, jobIdItem := range jobId {
		jobIdRule = append(jobIdRule, jobIdItem)
	}
	var keeperRule []interface{}
	for _, keeperItem := range keeper {
		keeperRule = append(keeperRule, keeperItem)
	}

	logs, sub, err := _TaskExecutionHub.contract.FilterLogs(opts, "TaskExecuted", taskIdRule, jobIdRule, keeperRule)
	if err != nil {
		return nil, err
	}
	return &TaskExecutionHubTaskExecutedIterator{contract: _TaskExecutionHub.contract, event: "TaskExecuted", logs: logs, sub: sub}, nil
}

// WatchTaskExecuted is a free log subscription operation binding the contract event 0xf514b90b6d696d5b2742dd0a789fac380e6a9acf0f1e48f9ee8637913972c19e.
//
// Solidity: event TaskExecuted(bytes32 indexed taskId, uint256 indexed jobId, address indexed keeper, address target, bool success, bytes32 calldataHash, uint256 charged)
func (_TaskExecutionHub *TaskExecutionHubFilterer) WatchTaskExecuted(opts *bind.WatchOpts, sink chan<- *TaskExecutionHubTaskExecuted, taskId [][32]byte, jobId []*big.Int, keeper []common.Address) (event.Subscription, error) {

	var taskIdRule []interface{}
	for _, taskIdItem := range taskId {
		taskIdRule = append(taskIdRule, taskIdItem)
	}
	var jobIdRule []interface{}
	for _, jobIdItem := range jobId {
		jobIdRule = append(jobIdRule, jobIdItem)
	}
	var keeperRule []interface{}
	for _, keeperItem := range keeper {
		keeperRule = append(keeperRule, keeperItem)
	}

	logs, sub, err := _TaskExecutionHub.contract.WatchLogs(opts, "TaskExecuted", taskIdRule, jobIdRule, keeperRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(TaskExecutionHubTaskExecuted)
				if err := _TaskExecutionHub.contract.UnpackLog(event, "TaskExecuted", log); err != nil {
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

// ParseTaskExecuted is a log parse operation binding the contract event 0xf514b90b6d696d5b2742dd0a789fac380e6a9acf0f1e48f9ee8637913972c19e.
//
// Solidity: event TaskExecuted(bytes32 indexed taskId, uint256 indexed jobId, address indexed keeper, address target, bool success, bytes32 calldataHash, uint256 charged)
func (_TaskExecutionHub *TaskExecutionHubFilterer) ParseTaskExecuted(log types.Log) (*TaskExecutionHubTaskExecuted, error) {
	event := new(TaskExecutionHubTaskExecuted)
	if err := _TaskExecutionHub.contract.UnpackLog(event, "TaskExecuted", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
