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

// JobRegistryMetaData contains all meta data concerning the JobRegistry contract.
var JobRegistryMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint16\",\"name\":\"taskDefinitionId\",\"type\":\"uint16\"}],\"name\":\"InvalidTaskDefinition\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"}],\"name\":\"JobInactive\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotJobOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"}],\"name\":\"UnknownJob\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroTarget\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint16\",\"name\":\"taskDefinitionId\",\"type\":\"uint16\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"specHash\",\"type\":\"bytes32\"}],\"name\":\"JobCreated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"JobDeleted\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"CUSTOM_SCRIPT\",\"outputs\":[{\"internalType\":\"uint16\",\"name\":\"\",\"type\":\"uint16\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_TASK_DEFINITION\",\"outputs\":[{\"internalType\":\"uint16\",\"name\":\"\",\"type\":\"uint16\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MIN_TASK_DEFINITION\",\"outputs\":[{\"internalType\":\"uint16\",\"name\":\"\",\"type\":\"uint16\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint16\",\"name\":\"taskDefinitionId\",\"type\":\"uint16\"},{\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"specHash\",\"type\":\"bytes32\"}],\"name\":\"createJob\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"}],\"name\":\"deleteJob\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"}],\"name\":\"getJob\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"uint16\",\"name\":\"taskDefinitionId\",\"type\":\"uint16\"},{\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"specHash\",\"type\":\"bytes32\"},{\"internalType\":\"bool\",\"name\":\"active\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"jobCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	Bin: "0x6080604052348015600e575f5ffd5b506104ad8061001c5f395ff3fe608060405234801561000f575f5ffd5b506004361061007a575f3560e01c806369235d1a1161005857806369235d1a146100c9578063837fd77b146100dc578063bf22c457146100e4578063c0d36f4a1461007e575f5ffd5b8063378fc8ed1461007e5780634c5d8a0f1461009e5780636358bb8c146100b4575b5f5ffd5b610086600781565b60405161ffff90911681526020015b60405180910390f35b6100a65f5481565b604051908152602001610095565b6100c76100c23660046103ed565b610176565b005b6100a66100d7366004610404565b61024d565b610086600181565b6101396100f23660046103ed565b5f9081526001602081905260409091208054918101546002909101546001600160a01b0380841694600160a01b850461ffff16949190931692600160b01b90910460ff1690565b604080516001600160a01b03968716815261ffff95909516602086015292909416918301919091526060820152901515608082015260a001610095565b5f81815260016020526040902080546001600160a01b03166101b357604051630510aa5f60e41b8152600481018390526024015b60405180910390fd5b80546001600160a01b031633146101e65760405163124ea00160e21b8152600481018390523360248201526044016101aa565b8054600160b01b900460ff166102125760405163e3bc6bc960e01b8152600481018390526024016101aa565b805460ff60b01b19168155604051339083907f89f27608841804f17b8e014428ff9f1b09d1e415313170c8de783b0de71316ba905f90a35050565b5f600161ffff851610806102655750600761ffff8516115b15610289576040516307d4383760e21b815261ffff851660048201526024016101aa565b6001600160a01b0383161580156102a5575061ffff8416600714155b156102c3576040516346c2cca160e01b815260040160405180910390fd5b5f5f81546102d090610453565b91829055506040805160a0810182523380825261ffff808916602080850191825260018587018181526001600160a01b038c811660608901908152608089018d81525f8c815295859052948a902098518954965193511515600160b01b0260ff60b01b1994909816600160a01b026001600160b01b031990971690831617959095179190911694909417865591519185018054929093166001600160a01b031992909216919091179091555160029092019190915590519192509082907f34cac1b1ec320bce8bcd69dc815589ac5b88bd657cfbffc1161ebccde9efb464906103de9088908890889061ffff9390931683526001600160a01b03919091166020830152604082015260600190565b60405180910390a39392505050565b5f602082840312156103fd575f5ffd5b5035919050565b5f5f5f60608486031215610416575f5ffd5b833561ffff81168114610427575f5ffd5b925060208401356001600160a01b0381168114610442575f5ffd5b929592945050506040919091013590565b5f6001820161047057634e487b7160e01b5f52601160045260245ffd5b506001019056fea2646970667358221220cadda6f5a3c905c8b3520e6a543b476f87f4665315c7cf281f4b2ba857dd03a564736f6c634300081e0033",
}

// JobRegistryABI is the input ABI used to generate the binding from.
// Deprecated: Use JobRegistryMetaData.ABI instead.
var JobRegistryABI = JobRegistryMetaData.ABI

// JobRegistryBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use JobRegistryMetaData.Bin instead.
var JobRegistryBin = JobRegistryMetaData.Bin

// DeployJobRegistry deploys a new Ethereum contract, binding an instance of JobRegistry to it.
func DeployJobRegistry(auth *bind.TransactOpts, backend bind.ContractBackend) (common.Address, *types.Transaction, *JobRegistry, error) {
	parsed, err := JobRegistryMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(JobRegistryBin), backend)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &JobRegistry{JobRegistryCaller: JobRegistryCaller{contract: contract}, JobRegistryTransactor: JobRegistryTransactor{contract: contract}, JobRegistryFilterer: JobRegistryFilterer{contract: contract}}, nil
}

// JobRegistry is an auto generated Go binding around an Ethereum contract.
type JobRegistry struct {
	JobRegistryCaller     // Read-only binding to the contract
	JobRegistryTransactor // Write-only binding to the contract
	JobRegistryFilterer   // Log filterer for contract events
}

// JobRegistryCaller is an auto generated read-only Go binding around an Ethereum contract.
type JobRegistryCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// JobRegistryTransactor is an auto generated write-only Go binding around an Ethereum contract.
type JobRegistryTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// JobRegistryFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type JobRegistryFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// JobRegistrySession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type JobRegistrySession struct {
	Contract     *JobRegistry      // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// JobRegistryCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type JobRegistryCallerSession struct {
	Contract *JobRegistryCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts      // Call options to use throughout this session
}

// JobRegistryTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type JobRegistryTransactorSession struct {
	Contract     *JobRegistryTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts      // Transaction auth options to use throughout this session
}

// JobRegistryRaw is an auto generated low-level Go binding around an Ethereum contract.
type JobRegistryRaw struct {
	Contract *JobRegistry // Generic contract binding to access the raw methods on
}

// JobRegistryCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type JobRegistryCallerRaw struct {
	Contract *JobRegistryCaller // Generic read-only contract binding to access the raw methods on
}

// JobRegistryTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type JobRegistryTransactorRaw struct {
	Contract *JobRegistryTransactor // Generic write-only contract binding to access the raw methods on
}

// NewJobRegistry creates a new instance of JobRegistry, bound to a specific deployed contract.
func NewJobRegistry(address common.Address, backend bind.ContractBackend) (*JobRegistry, error) {
	contract, err := bindJobRegistry(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &JobRegistry{JobRegistryCaller: JobRegistryCaller{contract: contract}, JobRegistryTransactor: JobRegistryTransactor{contract: contract}, JobRegistryFilterer: JobRegistryFilterer{contract: contract}}, nil
}

// NewJobRegistryCaller creates a new read-only instance of JobRegistry, bound to a specific deployed contract.
func NewJobRegistryCaller(address common.Address, caller bind.ContractCaller) (*JobRegistryCaller, error) {
	contract, err := bindJobRegistry(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &JobRegistryCaller{contract: contract}, nil
}

// NewJobRegistryTransactor creates a new write-only instance of JobRegistry, bound to a specific deployed contract.
func NewJobRegistryTransactor(address common.Address, transactor bind.ContractTransactor) (*JobRegistryTransactor, error) {
	contract, err := bindJobRegistry(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &JobRegistryTransactor{contract: contract}, nil
}

// NewJobRegistryFilterer creates a new log filterer instance of JobRegistry, bound to a specific deployed contract.
func NewJobRegistryFilterer(address common.Address, filterer bind.ContractFilterer) (*JobRegistryFilterer, error) {
	contract, err := bindJobRegistry(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &JobRegistryFilterer{contract: contract}, nil
}

// bindJobRegistry binds a generic wrapper to an already deployed contract.
func bindJobRegistry(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := JobRegistryMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_JobRegistry *JobRegistryRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _JobRegistry.Contract.JobRegistryCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_JobRegistry *JobRegistryRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _JobRegistry.Contract.JobRegistryTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_JobRegistry *JobRegistryRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _JobRegistry.Contract.JobRegistryTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_JobRegistry *JobRegistryCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _JobRegistry.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_JobRegistry *JobRegistryTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _JobRegistry.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_JobRegistry *JobRegistryTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _JobRegistry.Contract.contract.Transact(opts, method, params...)
}

// CUSTOMSCRIPT is a free data retrieval call binding the contract method 0xc0d36f4a.
//
// Solidity: function CUSTOM_SCRIPT() view returns(uint16)
func (_JobRegistry *JobRegistryCaller) CUSTOMSCRIPT(opts *bind.CallOpts) (uint16, error) {
	var out []interface{}
	err := _JobRegistry.contract.Call(opts, &out, "CUSTOM_SCRIPT")

	if err != nil {
		return *new(uint16), err
	}

	out0 := *abi.ConvertType(out[0], new(uint16)).(*uint16)

	return out0, err

}

// CUSTOMSCRIPT is a free data retrieval call binding the contract method 0xc0d36f4a.
//
// Solidity: function CUSTOM_SCRIPT() view returns(uint16)
func (_JobRegistry *JobRegistrySession) CUSTOMSCRIPT() (uint16, error) {
	return _JobRegistry.Contract.CUSTOMSCRIPT(&_JobRegistry.CallOpts)
}

// CUSTOMSCRIPT is a free data retrieval call binding the contract method 0xc0d36f4a.
//
// Solidity: function CUSTOM_SCRIPT() view returns(uint16)
func (_JobRegistry *JobRegistryCallerSession) CUSTOMSCRIPT() (uint16, error) {
	return _JobRegistry.Contract.CUSTOMSCRIPT(&_JobRegistry.CallOpts)
}

// MAXTASKDEFINITION is a free data retrieval call binding the contract method 0x378fc8ed.
//
// Solidity: function MAX_TASK_DEFINITION() view returns(uint16)
func (_JobRegistry *JobRegistryCaller) MAXTASKDEFINITION(opts *bind.CallOpts) (uint16, error) {
	var out []interface{}
	err := _JobRegistry.contract.Call(opts, &out, "MAX_TASK_DEFINITION")

	if err != nil {
		return *new(uint16), err
	}

	out0 := *abi.ConvertType(out[0], new(uint16)).(*uint16)

	return out0, err

}

// MAXTASKDEFINITION is a free data retrieval call binding the contract method 0x378fc8ed.
//
// Solidity: function MAX_TASK_DEFINITION() view returns(uint16)
func (_JobRegistry *JobRegistrySession) MAXTASKDEFINITION() (uint16, error) {
	return _JobRegistry.Contract.MAXTASKDEFINITION(&_JobRegistry.CallOpts)
}

// MAXTASKDEFINITION is a free data retrieval call binding the contract method 0x378fc8ed.
//
// Solidity: function MAX_TASK_DEFINITION() view returns(uint16)
func (_JobRegistry *JobRegistryCallerSession) MAXTASKDEFINITION() (uint16, error) {
	return _JobRegistry.Contract.MAXTASKDEFINITION(&_JobRegistry.CallOpts)
}

// MINTASKDEFINITION is a free data retrieval call binding the contract method 0x837fd77b.
//
// Solidity: function MIN_TASK_DEFINITION() view returns(uint16)
func (_JobRegistry *JobRegistryCaller) MINTASKDEFINITION(opts *bind.CallOpts) (uint16, error) {
	var out []interface{}
	err := _JobRegistry.contract.Call(opts, &out, "MIN_TASK_DEFINITION")

	if err != nil {
		return *new(uint16), err
	}

	out0 := *abi.ConvertType(out[0], new(uint16)).(*uint16)

	return out0, err

}

// MINTASKDEFINITION is a free data retrieval call binding the contract method 0x837fd77b.
//
// Solidity: function MIN_TASK_DEFINITION() view returns(uint16)
func (_JobRegistry *JobRegistrySession) MINTASKDEFINITION() (uint16, error) {
	return _JobRegistry.Contract.MINTASKDEFINITION(&_JobRegistry.CallOpts)
}

// MINTASKDEFINITION is a free data retrieval call binding the contract method 0x837fd77b.
//
// Solidity: function MIN_TASK_DEFINITION() view returns(uint16)
func (_JobRegistry *JobRegistryCallerSession) MINTASKDEFINITION() (uint16, error) {
	return _JobRegistry.Contract.MINTASKDEFINITION(&_JobRegistry.CallOpts)
}

// GetJob is a free data retrieval call binding the contract method 0xbf22c457.
//
// Solidity: function getJob(uint256 jobId) view returns(address owner, uint16 taskDefinitionId, address target, bytes32 specHash, bool active)
func (_JobRegistry *JobRegistryCaller) GetJob(opts *bind.CallOpts, jobId *big.Int) (struct {
	Owner            common.Address
	TaskDefinitionId uint16
	Target           common.Address
	SpecHash         [32]byte
	Active           bool
}, error) {
	var out []interface{}
	err := _JobRegistry.contract.Call(opts, &out, "getJob", jobId)

	outstruct := new(struct {
		Owner            common.Address
		TaskDefinitionId uint16
		Target           common.Address
		SpecHash         [32]byte
		Active           bool
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Owner = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.TaskDefinitionId = *abi.ConvertType(out[1], new(uint16)).(*uint16)
	outstruct.Target = *abi.ConvertType(out[2], new(common.Address)).(*common.Address)
	outstruct.SpecHash = *abi.ConvertType(out[3], new([32]byte)).(*[32]byte)
	outstruct.Active = *abi.ConvertType(out[4], new(bool)).(*bool)

	return *outstruct, err

}

// GetJob is a free data retrieval call binding the contract method 0xbf22c457.
//
// Solidity: function getJob(uint256 jobId) view returns(address owner, uint16 taskDefinitionId, address target, bytes32 specHash, bool active)
func (_JobRegistry *JobRegistrySession) GetJob(jobId *big.Int) (struct {
	Owner            common.Address
	TaskDefinitionId uint16
	Target           common.Address
	SpecHash         [32]byte
	Active           bool
}, error) {
	return _JobRegistry.Contract.GetJob(&_JobRegistry.CallOpts, jobId)
}

// GetJob is a free data retrieval call binding the contract method 0xbf22c457.
//
// Solidity: function getJob(uint256 jobId) view returns(address owner, uint16 taskDefinitionId, address target, bytes32 specHash, bool active)
func (_JobRegistry *JobRegistryCallerSession) GetJob(jobId *big.Int) (struct {
	Owner            common.Address
	TaskDefinitionId uint16
	Target           common.Address
	SpecHash         [32]byte
	Active           bool
}, error) {
	return _JobRegistry.Contract.GetJob(&_JobRegistry.CallOpts, jobId)
}

// JobCount is a free data retrieval call binding the contract method 0x4c5d8a0f.
//
// Solidity: function jobCount() view returns(uint256)
func (_JobRegistry *JobRegistryCaller) JobCount(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _JobRegistry.contract.Call(opts, &out, "jobCount")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// JobCount is a free data retrieval call binding the contract method 0x4c5d8a0f.
//
// Solidity: function jobCount() view returns(uint256)
func (_JobRegistry *JobRegistrySession) JobCount() (*big.Int, error) {
	return _JobRegistry.Contract.JobCount(&_JobRegistry.CallOpts)
}

// JobCount is a free data retrieval call binding the contract method 0x4c5d8a0f.
//
// Solidity: function jobCount() view returns(uint256)
func (_JobRegistry *JobRegistryCallerSession) JobCount() (*big.Int, error) {
	return _JobRegistry.Contract.JobCount(&_JobRegistry.CallOpts)
}

// CreateJob is a paid mutator transaction binding the contract method 0x69235d1a.
//
// Solidity: function createJob(uint16 taskDefinitionId, address target, bytes32 specHash) returns(uint256 jobId)
func (_JobRegistry *JobRegistryTransactor) CreateJob(opts *bind.TransactOpts, taskDefinitionId uint16, target common.Address, specHash [32]byte) (*types.Transaction, error) {
	return _JobRegistry.contract.Transact(opts, "createJob", taskDefinitionId, target, specHash)
}

// CreateJob is a paid mutator transaction binding the contract method 0x69235d1a.
//
// Solidity: function createJob(uint16 taskDefinitionId, address target, bytes32 specHash) returns(uint256 jobId)
func (_JobRegistry *JobRegistrySession) CreateJob(taskDefinitionId uint16, target common.Address, specHash [32]byte) (*types.Transaction, error) {
	return _JobRegistry.Contract.CreateJob(&_JobRegistry.TransactOpts, taskDefinitionId, target, specHash)
}

// CreateJob is a paid mutator transaction binding the contract method 0x69235d1a.
//
// Solidity: function createJob(uint16 taskDefinitionId, address target, bytes32 specHash) returns(uint256 jobId)
func (_JobRegistry *JobRegistryTransactorSession) CreateJob(taskDefinitionId uint16, target common.Address, specHash [32]byte) (*types.Transaction, error) {
	return _JobRegistry.Contract.CreateJob(&_JobRegistry.TransactOpts, taskDefinitionId, target, specHash)
}

// DeleteJob is a paid mutator transaction binding the contract method 0x6358bb8c.
//
// Solidity: function deleteJob(uint256 jobId) returns()
func (_JobRegistry *JobRegistryTransactor) DeleteJob(opts *bind.TransactOpts, jobId *big.Int) (*types.Transaction, error) {
	return _JobRegistry.contract.Transact(opts, "deleteJob", jobId)
}

// DeleteJob is a paid mutator transaction binding the contract method 0x6358bb8c.
//
// Solidity: function deleteJob(uint256 jobId) returns()
func (_JobRegistry *JobRegistrySession) DeleteJob(jobId *big.Int) (*types.Transaction, error) {
	return _JobRegistry.Contract.DeleteJob(&_JobRegistry.TransactOpts, jobId)
}

// DeleteJob is a paid mutator transaction binding the contract method 0x6358bb8c.
//
// Solidity: function deleteJob(uint256 jobId) returns()
func (_JobRegistry *JobRegistryTransactorSession) DeleteJob(jobId *big.Int) (*types.Transaction, error) {
	return _JobRegistry.Contract.DeleteJob(&_JobRegistry.TransactOpts, jobId)
}

// JobRegistryJobCreatedIterator is returned from FilterJobCreated and is used to iterate over the raw logs and unpacked data for JobCreated events raised by the JobRegistry contract.
type JobRegistryJobCreatedIterator struct {
	Event *JobRegistryJobCreated // Event containing the contract specifics and raw log

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
func (it *JobRegistryJobCreatedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(JobRegistryJobCreated)
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
		it.Event = new(JobRegistryJobCreated)
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
func (it *JobRegistryJobCreatedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *JobRegistryJobCreatedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// JobRegistryJobCreated represents a JobCreated event raised by the JobRegistry contract.
type JobRegistryJobCreated struct {
	JobId            *big.Int
	Owner            common.Address
	TaskDefinitionId uint16
	Target           common.Address
	SpecHash         [32]byte
	Raw              types.Log // Blockchain specific contextual infos
}

// FilterJobCreated is a free log retrieval operation binding the contract event 0x34cac1b1ec320bce8bcd69dc815589ac5b88bd657cfbffc1161ebccde9efb464.
//
// Solidity: event JobCreated(uint256 indexed jobId, address indexed owner, uint16 taskDefinitionId, address target, bytes32 specHash)
func (_JobRegistry *JobRegistryFilterer) FilterJobCreated(opts *bind.FilterOpts, jobId []*big.Int, owner []common.Address) (*JobRegistryJobCreatedIterator, error) {

	var jobIdRule []interface{}
	for _, jobIdItem := range jobId {
		jobIdRule = append(jobIdRule, jobIdItem)
	}
	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}

	logs, sub, err := _JobRegistry.contract.FilterLogs(opts, "JobCreated", jobIdRule, ownerRule)
	if err != nil {
		return nil, err
	}
	return &JobRegistryJobCreatedIterator{contract: _JobRegistry.contract, event: "JobCreated", logs: logs, sub: sub}, nil
}

// WatchJobCreated is a free log subscription operation binding the contract event 0x34cac1b1ec320bce8bcd69dc815589ac5b88bd657cfbffc1161ebccde9efb464.
//
// Solidity: event JobCreated(uint256 indexed jobId, address indexed owner, uint16 taskDefinitionId, address target, bytes32 specHash)
func (_JobRegistry *JobRegistryFilterer) WatchJobCreated(opts *bind.WatchOpts, sink chan<- *JobRegistryJobCreated, jobId []*big.Int, owner []common.Address) (event.Subscription, error) {

	var jobIdRule []interface{}
	for _, jobIdItem := range jobId {
		jobIdRule = append(jobIdRule, jobIdItem)
	}
	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}

	logs, sub, err := _JobRegistry.contract.WatchLogs(opts, "JobCreated", jobIdRule, ownerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(JobRegistryJobCreated)
				if err := _JobRegistry.contract.UnpackLog(event, "JobCreated", log); err != nil {
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

// ParseJobCreated is a log parse operation binding the contract event 0x34cac1b1ec320bce8bcd69dc815589ac5b88bd657cfbffc1161ebccde9efb464.
//
// Solidity: event JobCreated(uint256 indexed jobId, address indexed owner, uint16 taskDefinitionId, address target, bytes32 specHash)
func (_JobRegistry *JobRegistryFilterer) ParseJobCreated(log types.Log) (*JobRegistryJobCreated, error) {
	event := new(JobRegistryJobCreated)
	if err := _JobRegistry.contract.UnpackLog(event, "JobCreated", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// JobRegistryJobDeletedIterator is returned from FilterJobDeleted and is used to iterate over the raw logs and unpacked data for JobDeleted events raised by the JobRegistry contract.
type JobRegistryJobDeletedIterator struct {
	Event *JobRegistryJobDeleted // Event containing the contract specifics and raw log

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
func (it *JobRegistryJobDeletedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(JobRegistryJobDeleted)
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
		it.Event = new(JobRegistryJobDeleted)
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
func (it *JobRegistryJobDeletedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *JobRegistryJobDeletedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// JobRegistryJobDeleted represents a JobDeleted event raised by the JobRegistry contract.
type JobRegistryJobDeleted struct {
	JobId *big.Int
	Owner common.Address
	Raw   types.Log // Blockchain specific contextual infos
}

// FilterJobDeleted is a free log retrieval operation binding the contract event 0x89f27608841804f17b8e014428ff9f1b09d1e415313170c8de783b0de71316ba.
//
// Solidity: event JobDeleted(uint256 indexed jobId, address indexed owner)
func (_JobRegistry *JobRegistryFilterer) FilterJobDeleted(opts *bind.FilterOpts, jobId []*big.Int, owner []common.Address) (*JobRegistryJobDeletedIterator, error) {

	var jobIdRule []interface{}
	for _, jobIdItem := range jobId {
		jobIdRule = append(jobIdRule, jobIdItem)
	}
	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}

	logs, sub, err := _JobRegistry.contract.FilterLogs(opts, "JobDeleted", jobIdRule, ownerRule)
	if err != nil {
		return nil, err
	}
	return &JobRegistryJobDeletedIterator{contract: _JobRegistry.contract, event: "JobDeleted", logs: logs, sub: sub}, nil
}

// WatchJobDeleted is a free log subscription operation binding the contract event 0x89f27608841804f17b8e014428ff9f1b09d1e415313170c8de783b0de71316ba.
//
// Solidity: event JobDeleted(uint256 indexed jobId, address indexed owner)
func (_JobRegistry *JobRegistryFilterer) WatchJobDeleted(opts *bind.WatchOpts, sink chan<- *JobRegistryJobDeleted, jobId []*big.Int, owner []common.Address) (event.Subscription, error) {

	var jobIdRule []interface{}
	for _, jobIdItem := range jobId {
		jobIdRule = append(jobIdRule, jobIdItem)
	}
	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}

	logs, sub, err := _JobRegistry.contract.WatchLogs(opts, "JobDeleted", jobIdRule, ownerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(JobRegistryJobDeleted)
				if err := _JobRegistry.contract.UnpackLog(event, "JobDeleted", log); err != nil {
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

// ParseJobDeleted is a log parse operation binding the contract event 0x89f27608841804f17b8e014428ff9f1b09d1e415313170c8de783b0de71316ba.
//
// Solidity: event JobDeleted(uint256 indexed jobId, address indexed owner)
func (_JobRegistry *JobRegistryFilterer) ParseJobDeleted(log types.Log) (*JobRegistryJobDeleted, error) {
	event := new(JobRegistryJobDeleted)
	if err := _JobRegistry.contract.UnpackLog(event, "JobDeleted", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
