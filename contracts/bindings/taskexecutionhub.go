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
	ABI: "[{\"inputs\":[{\"internalType\":\"contractKeeperRegistry\",\"name\":\"keeperRegistry_\",\"type\":\"address\"},{\"internalType\":\"contractJobRegistry\",\"name\":\"jobRegistry_\",\"type\":\"address\"},{\"internalType\":\"contractTriggerGasRegistry\",\"name\":\"gasRegistry_\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"}],\"name\":\"ForbiddenTarget\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"required\",\"type\":\"uint256\"}],\"name\":\"InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InsufficientGas\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"}],\"name\":\"JobInactive\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotKeeper\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"premiumBps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxPremiumBps\",\"type\":\"uint256\"}],\"name\":\"PremiumTooHigh\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"jobTarget\",\"type\":\"address\"}],\"name\":\"TargetMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"}],\"name\":\"TaskAlreadyExecuted\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"}],\"name\":\"UnknownJob\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"fixedFee\",\"type\":\"uint256\"}],\"name\":\"FixedFeeSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"premiumBps\",\"type\":\"uint256\"}],\"name\":\"PremiumBpsSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"keeper\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"success\",\"type\":\"bool\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"calldataHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"charged\",\"type\":\"uint256\"}],\"name\":\"TaskExecuted\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"BPS\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"GAS_OVERHEAD\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_PREMIUM_BPS\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"POST_CALL_GAS\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"executeFunction\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"success\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"}],\"name\":\"executed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"}],\"name\":\"executedBy\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"keeper\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"fixedFee\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"gasRegistry\",\"outputs\":[{\"internalType\":\"contractTriggerGasRegistry\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"jobRegistry\",\"outputs\":[{\"internalType\":\"contractJobRegistry\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"keeperRegistry\",\"outputs\":[{\"internalType\":\"contractKeeperRegistry\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"premiumBps\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"gasUsed\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"gasPrice\",\"type\":\"uint256\"}],\"name\":\"quote\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"fixedFee_\",\"type\":\"uint256\"}],\"name\":\"setFixedFee\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"premiumBps_\",\"type\":\"uint256\"}],\"name\":\"setPremiumBps\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	Bin: "0x60e06040526103e8600155348015610015575f5ffd5b50604051610e7b380380610e7b833981016040819052610034916100a6565b5f80546001600160a01b0319163390811782556040519091907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0908290a36001600160a01b0392831660805290821660a0521660c0526100f0565b6001600160a01b03811681146100a3575f5ffd5b50565b5f5f5f606084860312156100b8575f5ffd5b83516100c38161008f565b60208501519093506100d48161008f565b60408501519092506100e58161008f565b809150509250925092565b60805160a05160c051610d3061014b5f395f81816101c7015281816103da015281816104f4015261093801525f8181610157015281816107c301526108fc01525f81816101ee015281816102c701526108c00152610d305ff3fe608060405234801561000f575f5ffd5b5060043610610106575f3560e01c80637e7b284d1161009e578063a015a4cd1161006e578063a015a4cd1461022b578063a730cdfb14610253578063a9fcfb331461025c578063ca411e8014610286578063f2fde38b14610299575f5ffd5b80637e7b284d146101c257806383e22774146101e95780638da5cb5b1461021057806391792d5b14610222575f5ffd5b8063249d39e9116100d9578063249d39e914610191578063315f1a411461019a57806337de8106146101ad578063711b7a0c14610191575f5ffd5b80631805a31e1461010a578063185a78b8146101265780632120d7841461012f57806323682c4714610152575b5f5ffd5b61011361ea6081565b6040519081526020015b60405180910390f35b61011360015481565b61014261013d366004610ae5565b6102ac565b604051901515815260200161011d565b6101797f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b03909116815260200161011d565b61011361271081565b6101136101a8366004610b75565b6105d2565b6101c06101bb366004610b95565b61061a565b005b6101797f000000000000000000000000000000000000000000000000000000000000000081565b6101797f000000000000000000000000000000000000000000000000000000000000000081565b5f54610179906001600160a01b031681565b61011360025481565b610179610239366004610b95565b60036020525f90815260409020546001600160a01b031681565b610113619e9881565b61014261026a366004610b95565b5f908152600360205260409020546001600160a01b0316151590565b6101c0610294366004610b95565b610682565b6101c06102a7366004610bac565b610711565b5f5f5a604051639f8a13d760e01b81523360048201529091507f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031690639f8a13d790602401602060405180830381865afa158015610314573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906103389190610be2565b61035c5760405163ccf79b6760e01b81523360048201526024015b60405180910390fd5b5f868152600360205260409020546001600160a01b031615610393576040516212774960e01b815260048101879052602401610353565b5f61039e88876107bd565b90505f6103b66103b0619e9885610c0f565b3a6105d2565b6040516370a0823160e01b81526001600160a01b0384811660048301529192505f917f000000000000000000000000000000000000000000000000000000000000000016906370a0823190602401602060405180830381865afa15801561041f573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906104439190610c22565b90508181101561047f5760405163db42144d60e01b81526001600160a01b03841660048201526024810182905260448101839052606401610353565b5f89815260036020526040902080546001600160a01b031916331790556104a7888888610a05565b94505f6104c5619e985a6104bb9088610c39565b6103b09190610c0f565b604051635139adad60e11b81526001600160a01b038681166004830152602482018390523360448301529192507f00000000000000000000000000000000000000000000000000000000000000009091169063a2735b5a906064015f604051808303815f87803b158015610537575f5ffd5b505af1158015610549573d5f5f3e3d5ffd5b50505050336001600160a01b03168b8b7ff514b90b6d696d5b2742dd0a789fac380e6a9acf0f1e48f9ee8637913972c19e8c8a8d8d60405161058c929190610c4c565b604080519182900382206001600160a01b0390941682529115156020820152908101919091526060810186905260800160405180910390a4505050505095945050505050565b5f6002546127106001546127106105e99190610c0f565b6105f38587610c5b565b6105fd9190610c5b565b6106079190610c72565b6106119190610c0f565b90505b92915050565b5f546001600160a01b031633146106465760405163245aecd360e01b8152336004820152602401610353565b60028190556040518181527fb5aa183eb20407e22587bcd13d5c82a85835a4bd60e2a13d7c7efee3c2e9ed48906020015b60405180910390a150565b5f546001600160a01b031633146106ae5760405163245aecd360e01b8152336004820152602401610353565b6127108111156106dc57604051632f06628b60e01b8152600481018290526127106024820152604401610353565b60018190556040518181527ffbdf01a9e18faf6744ecc8fff35b8df3324f7f6a8301fe3488cbdcde54b863be90602001610677565b5f546001600160a01b0316331461073d5760405163245aecd360e01b8152336004820152602401610353565b6001600160a01b0381166107645760405163d92e233d60e01b815260040160405180910390fd5b5f80546040516001600160a01b03808516939216917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e091a35f80546001600160a01b0319166001600160a01b0392909216919091179055565b5f5f5f5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031663bf22c457876040518263ffffffff1660e01b815260040161080f91815260200190565b60a060405180830381865afa15801561082a573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061084e9190610c91565b94505093505092505f6001600160a01b0316836001600160a01b03160361088b57604051630510aa5f60e41b815260048101879052602401610353565b806108ac5760405163e3bc6bc960e01b815260048101879052602401610353565b6001600160a01b0385163014806108f457507f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316856001600160a01b0316145b8061093057507f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316856001600160a01b0316145b8061096c57507f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316856001600160a01b0316145b1561099557604051636cb0d57f60e11b81526001600160a01b0386166004820152602401610353565b6001600160a01b0382166109b3576001600160a01b038516156109ca565b816001600160a01b0316856001600160a01b031614155b156109fb5760405163974eb9cb60e01b81526001600160a01b03808716600483015283166024820152604401610353565b5090949350505050565b5f5f5a905061ea608111610a2c576040516307099c5360e21b815260040160405180910390fd5b5f610a3961ea6083610c39565b90505f85858080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92018290525084519495509384935091505060208401828b87f1935083158015610aa65750610a97604083610c72565b610aa39061ea60610c0f565b5a105b15610ac4576040516307099c5360e21b815260040160405180910390fd5b5050509392505050565b6001600160a01b0381168114610ae2575f5ffd5b50565b5f5f5f5f5f60808688031215610af9575f5ffd5b85359450602086013593506040860135610b1281610ace565b9250606086013567ffffffffffffffff811115610b2d575f5ffd5b8601601f81018813610b3d575f5ffd5b803567ffffffffffffffff811115610b53575f5ffd5b886020828401011115610b64575f5ffd5b959894975092955050506020019190565b5f5f60408385031215610b86575f5ffd5b50508035926020909101359150565b5f60208284031215610ba5575f5ffd5b5035919050565b5f60208284031215610bbc575f5ffd5b8135610bc781610ace565b9392505050565b80518015158114610bdd575f5ffd5b919050565b5f60208284031215610bf2575f5ffd5b61061182610bce565b634e487b7160e01b5f52601160045260245ffd5b8082018082111561061457610614610bfb565b5f60208284031215610c32575f5ffd5b5051919050565b8181038181111561061457610614610bfb565b818382375f9101908152919050565b808202811582820484141761061457610614610bfb565b5f82610c8c57634e487b7160e01b5f52601260045260245ffd5b500490565b5f5f5f5f5f60a08688031215610ca5575f5ffd5b8551610cb081610ace565b602087015190955061ffff81168114610cc7575f5ffd5b6040870151909450610cd881610ace565b60608701519093509150610cee60808701610bce565b9050929550929590935056fea2646970667358221220f9efc85d3ec9c34e13dbd3a1beefa3d713208e58b36d07e72b6a83bb84b077b064736f6c634300081e0033",
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

// BPS is a free data retrieval call binding the contract method 0x249d39e9.
//
// Solidity: function BPS() view returns(uint256)
func (_TaskExecutionHub *TaskExecutionHubCaller) BPS(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _TaskExecutionHub.contract.Call(opts, &out, "BPS")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// BPS is a free data retrieval call binding the contract method 0x249d39e9.
//
// Solidity: function BPS() view returns(uint256)
func (_TaskExecutionHub *TaskExecutionHubSession) BPS() (*big.Int, error) {
	return _TaskExecutionHub.Contract.BPS(&_TaskExecutionHub.CallOpts)
}

// BPS is a free data retrieval call binding the contract method 0x249d39e9.
//
// Solidity: function BPS() view returns(uint256)
func (_TaskExecutionHub *TaskExecutionHubCallerSession) BPS() (*big.Int, error) {
	return _TaskExecutionHub.Contract.BPS(&_TaskExecutionHub.CallOpts)
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

// MAXPREMIUMBPS is a free data retrieval call binding the contract method 0x711b7a0c.
//
// Solidity: function MAX_PREMIUM_BPS() view returns(uint256)
func (_TaskExecutionHub *TaskExecutionHubCaller) MAXPREMIUMBPS(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _TaskExecutionHub.contract.Call(opts, &out, "MAX_PREMIUM_BPS")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MAXPREMIUMBPS is a free data retrieval call binding the contract method 0x711b7a0c.
//
// Solidity: function MAX_PREMIUM_BPS() view returns(uint256)
func (_TaskExecutionHub *TaskExecutionHubSession) MAXPREMIUMBPS() (*big.Int, error) {
	return _TaskExecutionHub.Contract.MAXPREMIUMBPS(&_TaskExecutionHub.CallOpts)
}

// MAXPREMIUMBPS is a free data retrieval call binding the contract method 0x711b7a0c.
//
// Solidity: function MAX_PREMIUM_BPS() view returns(uint256)
func (_TaskExecutionHub *TaskExecutionHubCallerSession) MAXPREMIUMBPS() (*big.Int, error) {
	return _TaskExecutionHub.Contract.MAXPREMIUMBPS(&_TaskExecutionHub.CallOpts)
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

// FixedFee is a free data retrieval call binding the contract method 0x91792d5b.
//
// Solidity: function fixedFee() view returns(uint256)
func (_TaskExecutionHub *TaskExecutionHubCaller) FixedFee(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _TaskExecutionHub.contract.Call(opts, &out, "fixedFee")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// FixedFee is a free data retrieval call binding the contract method 0x91792d5b.
//
// Solidity: function fixedFee() view returns(uint256)
func (_TaskExecutionHub *TaskExecutionHubSession) FixedFee() (*big.Int, error) {
	return _TaskExecutionHub.Contract.FixedFee(&_TaskExecutionHub.CallOpts)
}

// FixedFee is a free data retrieval call binding the contract method 0x91792d5b.
//
// Solidity: function fixedFee() view returns(uint256)
func (_TaskExecutionHub *TaskExecutionHubCallerSession) FixedFee() (*big.Int, error) {
	return _TaskExecutionHub.Contract.FixedFee(&_TaskExecutionHub.CallOpts)
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

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_TaskExecutionHub *TaskExecutionHubCaller) Owner(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _TaskExecutionHub.contract.Call(opts, &out, "owner")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_TaskExecutionHub *TaskExecutionHubSession) Owner() (common.Address, error) {
	return _TaskExecutionHub.Contract.Owner(&_TaskExecutionHub.CallOpts)
}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_TaskExecutionHub *TaskExecutionHubCallerSession) Owner() (common.Address, error) {
	return _TaskExecutionHub.Contract.Owner(&_TaskExecutionHub.CallOpts)
}

// PremiumBps is a free data retrieval call binding the contract method 0x185a78b8.
//
// Solidity: function premiumBps() view returns(uint256)
func (_TaskExecutionHub *TaskExecutionHubCaller) PremiumBps(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _TaskExecutionHub.contract.Call(opts, &out, "premiumBps")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// PremiumBps is a free data retrieval call binding the contract method 0x185a78b8.
//
// Solidity: function premiumBps() view returns(uint256)
func (_TaskExecutionHub *TaskExecutionHubSession) PremiumBps() (*big.Int, error) {
	return _TaskExecutionHub.Contract.PremiumBps(&_TaskExecutionHub.CallOpts)
}

// PremiumBps is a free data retrieval call binding the contract method 0x185a78b8.
//
// Solidity: function premiumBps() view returns(uint256)
func (_TaskExecutionHub *TaskExecutionHubCallerSession) PremiumBps() (*big.Int, error) {
	return _TaskExecutionHub.Contract.PremiumBps(&_TaskExecutionHub.CallOpts)
}

// Quote is a free data retrieval call binding the contract method 0x315f1a41.
//
// Solidity: function quote(uint256 gasUsed, uint256 gasPrice) view returns(uint256)
func (_TaskExecutionHub *TaskExecutionHubCaller) Quote(opts *bind.CallOpts, gasUsed *big.Int, gasPrice *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _TaskExecutionHub.contract.Call(opts, &out, "quote", gasUsed, gasPrice)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Quote is a free data retrieval call binding the contract method 0x315f1a41.
//
// Solidity: function quote(uint256 gasUsed, uint256 gasPrice) view returns(uint256)
func (_TaskExecutionHub *TaskExecutionHubSession) Quote(gasUsed *big.Int, gasPrice *big.Int) (*big.Int, error) {
	return _TaskExecutionHub.Contract.Quote(&_TaskExecutionHub.CallOpts, gasUsed, gasPrice)
}

// Quote is a free data retrieval call binding the contract method 0x315f1a41.
//
// Solidity: function quote(uint256 gasUsed, uint256 gasPrice) view returns(uint256)
func (_TaskExecutionHub *TaskExecutionHubCallerSession) Quote(gasUsed *big.Int, gasPrice *big.Int) (*big.Int, error) {
	return _TaskExecutionHub.Contract.Quote(&_TaskExecutionHub.CallOpts, gasUsed, gasPrice)
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

// SetFixedFee is a paid mutator transaction binding the contract method 0x37de8106.
//
// Solidity: function setFixedFee(uint256 fixedFee_) returns()
func (_TaskExecutionHub *TaskExecutionHubTransactor) SetFixedFee(opts *bind.TransactOpts, fixedFee_ *big.Int) (*types.Transaction, error) {
	return _TaskExecutionHub.contract.Transact(opts, "setFixedFee", fixedFee_)
}

// SetFixedFee is a paid mutator transaction binding the contract method 0x37de8106.
//
// Solidity: function setFixedFee(uint256 fixedFee_) returns()
func (_TaskExecutionHub *TaskExecutionHubSession) SetFixedFee(fixedFee_ *big.Int) (*types.Transaction, error) {
	return _TaskExecutionHub.Contract.SetFixedFee(&_TaskExecutionHub.TransactOpts, fixedFee_)
}

// SetFixedFee is a paid mutator transaction binding the contract method 0x37de8106.
//
// Solidity: function setFixedFee(uint256 fixedFee_) returns()
func (_TaskExecutionHub *TaskExecutionHubTransactorSession) SetFixedFee(fixedFee_ *big.Int) (*types.Transaction, error) {
	return _TaskExecutionHub.Contract.SetFixedFee(&_TaskExecutionHub.TransactOpts, fixedFee_)
}

// SetPremiumBps is a paid mutator transaction binding the contract method 0xca411e80.
//
// Solidity: function setPremiumBps(uint256 premiumBps_) returns()
func (_TaskExecutionHub *TaskExecutionHubTransactor) SetPremiumBps(opts *bind.TransactOpts, premiumBps_ *big.Int) (*types.Transaction, error) {
	return _TaskExecutionHub.contract.Transact(opts, "setPremiumBps", premiumBps_)
}

// SetPremiumBps is a paid mutator transaction binding the contract method 0xca411e80.
//
// Solidity: function setPremiumBps(uint256 premiumBps_) returns()
func (_TaskExecutionHub *TaskExecutionHubSession) SetPremiumBps(premiumBps_ *big.Int) (*types.Transaction, error) {
	return _TaskExecutionHub.Contract.SetPremiumBps(&_TaskExecutionHub.TransactOpts, premiumBps_)
}

// SetPremiumBps is a paid mutator transaction binding the contract method 0xca411e80.
//
// Solidity: function setPremiumBps(uint256 premiumBps_) returns()
func (_TaskExecutionHub *TaskExecutionHubTransactorSession) SetPremiumBps(premiumBps_ *big.Int) (*types.Transaction, error) {
	return _TaskExecutionHub.Contract.SetPremiumBps(&_TaskExecutionHub.TransactOpts, premiumBps_)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_TaskExecutionHub *TaskExecutionHubTransactor) TransferOwnership(opts *bind.TransactOpts, newOwner common.Address) (*types.Transaction, error) {
	return _TaskExecutionHub.contract.Transact(opts, "transferOwnership", newOwner)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_TaskExecutionHub *TaskExecutionHubSession) TransferOwnership(newOwner common.Address) (*types.Transaction, error) {
	return _TaskExecutionHub.Contract.TransferOwnership(&_TaskExecutionHub.TransactOpts, newOwner)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_TaskExecutionHub *TaskExecutionHubTransactorSession) TransferOwnership(newOwner common.Address) (*types.Transaction, error) {
	return _TaskExecutionHub.Contract.TransferOwnership(&_TaskExecutionHub.TransactOpts, newOwner)
}

// TaskExecutionHubFixedFeeSetIterator is returned from FilterFixedFeeSet and is used to iterate over the raw logs and unpacked data for FixedFeeSet events raised by the TaskExecutionHub contract.
type TaskExecutionHubFixedFeeSetIterator struct {
	Event *TaskExecutionHubFixedFeeSet // Event containing the contract specifics and raw log

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
func (it *TaskExecutionHubFixedFeeSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(TaskExecutionHubFixedFeeSet)
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
		it.Event = new(TaskExecutionHubFixedFeeSet)
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
func (it *TaskExecutionHubFixedFeeSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *TaskExecutionHubFixedFeeSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// TaskExecutionHubFixedFeeSet represents a FixedFeeSet event raised by the TaskExecutionHub contract.
type TaskExecutionHubFixedFeeSet struct {
	FixedFee *big.Int
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterFixedFeeSet is a free log retrieval operation binding the contract event 0xb5aa183eb20407e22587bcd13d5c82a85835a4bd60e2a13d7c7efee3c2e9ed48.
//
// Solidity: event FixedFeeSet(uint256 fixedFee)
func (_TaskExecutionHub *TaskExecutionHubFilterer) FilterFixedFeeSet(opts *bind.FilterOpts) (*TaskExecutionHubFixedFeeSetIterator, error) {

	logs, sub, err := _TaskExecutionHub.contract.FilterLogs(opts, "FixedFeeSet")
	if err != nil {
		return nil, err
	}
	return &TaskExecutionHubFixedFeeSetIterator{contract: _TaskExecutionHub.contract, event: "FixedFeeSet", logs: logs, sub: sub}, nil
}

// WatchFixedFeeSet is a free log subscription operation binding the contract event 0xb5aa183eb20407e22587bcd13d5c82a85835a4bd60e2a13d7c7efee3c2e9ed48.
//
// Solidity: event FixedFeeSet(uint256 fixedFee)
func (_TaskExecutionHub *TaskExecutionHubFilterer) WatchFixedFeeSet(opts *bind.WatchOpts, sink chan<- *TaskExecutionHubFixedFeeSet) (event.Subscription, error) {

	logs, sub, err := _TaskExecutionHub.contract.WatchLogs(opts, "FixedFeeSet")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(TaskExecutionHubFixedFeeSet)
				if err := _TaskExecutionHub.contract.UnpackLog(event, "FixedFeeSet", log); err != nil {
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

// ParseFixedFeeSet is a log parse operation binding the contract event 0xb5aa183eb20407e22587bcd13d5c82a85835a4bd60e2a13d7c7efee3c2e9ed48.
//
// Solidity: event FixedFeeSet(uint256 fixedFee)
func (_TaskExecutionHub *TaskExecutionHubFilterer) ParseFixedFeeSet(log types.Log) (*TaskExecutionHubFixedFeeSet, error) {
	event := new(TaskExecutionHubFixedFeeSet)
	if err := _TaskExecutionHub.contract.UnpackLog(event, "FixedFeeSet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// TaskExecutionHubOwnershipTransferredIterator is returned from FilterOwnershipTransferred and is used to iterate over the raw logs and unpacked data for OwnershipTransferred events raised by the TaskExecutionHub contract.
type TaskExecutionHubOwnershipTransferredIterator struct {
	Event *TaskExecutionHubOwnershipTransferred // Event containing the contract specifics and raw log

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
func (it *TaskExecutionHubOwnershipTransferredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(TaskExecutionHubOwnershipTransferred)
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
		it.Event = new(TaskExecutionHubOwnershipTransferred)
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
func (it *TaskExecutionHubOwnershipTransferredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *TaskExecutionHubOwnershipTransferredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// TaskExecutionHubOwnershipTransferred represents a OwnershipTransferred event raised by the TaskExecutionHub contract.
type TaskExecutionHubOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           types.Log // Blockchain specific contextual infos
}

// FilterOwnershipTransferred is a free log retrieval operation binding the contract event 0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (_TaskExecutionHub *TaskExecutionHubFilterer) FilterOwnershipTransferred(opts *bind.FilterOpts, previousOwner []common.Address, newOwner []common.Address) (*TaskExecutionHubOwnershipTransferredIterator, error) {

	var previousOwnerRule []interface{}
	for _, previousOwnerItem := range previousOwner {
		previousOwnerRule = append(previousOwnerRule, previousOwnerItem)
	}
	var newOwnerRule []interface{}
	for _, newOwnerItem := range newOwner {
		newOwnerRule = append(newOwnerRule, newOwnerItem)
	}

	logs, sub, err := _TaskExecutionHub.contract.FilterLogs(opts, "OwnershipTransferred", previousOwnerRule, newOwnerRule)
	if err != nil {
		return nil, err
	}
	return &TaskExecutionHubOwnershipTransferredIterator{contract: _TaskExecutionHub.contract, event: "OwnershipTransferred", logs: logs, sub: sub}, nil
}

// WatchOwnershipTransferred is a free log subscription operation binding the contract event 0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (_TaskExecutionHub *TaskExecutionHubFilterer) WatchOwnershipTransferred(opts *bind.WatchOpts, sink chan<- *TaskExecutionHubOwnershipTransferred, previousOwner []common.Address, newOwner []common.Address) (event.Subscription, error) {

	var previousOwnerRule []interface{}
	for _, previousOwnerItem := range previousOwner {
		previousOwnerRule = append(previousOwnerRule, previousOwnerItem)
	}
	var newOwnerRule []interface{}
	for _, newOwnerItem := range newOwner {
		newOwnerRule = append(newOwnerRule, newOwnerItem)
	}

	logs, sub, err := _TaskExecutionHub.contract.WatchLogs(opts, "OwnershipTransferred", previousOwnerRule, newOwnerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(TaskExecutionHubOwnershipTransferred)
				if err := _TaskExecutionHub.contract.UnpackLog(event, "OwnershipTransferred", log); err != nil {
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
func (_TaskExecutionHub *TaskExecutionHubFilterer) ParseOwnershipTransferred(log types.Log) (*TaskExecutionHubOwnershipTransferred, error) {
	event := new(TaskExecutionHubOwnershipTransferred)
	if err := _TaskExecutionHub.contract.UnpackLog(event, "OwnershipTransferred", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// TaskExecutionHubPremiumBpsSetIterator is returned from FilterPremiumBpsSet and is used to iterate over the raw logs and unpacked data for PremiumBpsSet events raised by the TaskExecutionHub contract.
type TaskExecutionHubPremiumBpsSetIterator struct {
	Event *TaskExecutionHubPremiumBpsSet // Event containing the contract specifics and raw log

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
func (it *TaskExecutionHubPremiumBpsSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(TaskExecutionHubPremiumBpsSet)
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
		it.Event = new(TaskExecutionHubPremiumBpsSet)
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
func (it *TaskExecutionHubPremiumBpsSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *TaskExecutionHubPremiumBpsSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// TaskExecutionHubPremiumBpsSet represents a PremiumBpsSet event raised by the TaskExecutionHub contract.
type TaskExecutionHubPremiumBpsSet struct {
	PremiumBps *big.Int
	Raw        types.Log // Blockchain specific contextual infos
}

// FilterPremiumBpsSet is a free log retrieval operation binding the contract event 0xfbdf01a9e18faf6744ecc8fff35b8df3324f7f6a8301fe3488cbdcde54b863be.
//
// Solidity: event PremiumBpsSet(uint256 premiumBps)
func (_TaskExecutionHub *TaskExecutionHubFilterer) FilterPremiumBpsSet(opts *bind.FilterOpts) (*TaskExecutionHubPremiumBpsSetIterator, error) {

	logs, sub, err := _TaskExecutionHub.contract.FilterLogs(opts, "PremiumBpsSet")
	if err != nil {
		return nil, err
	}
	return &TaskExecutionHubPremiumBpsSetIterator{contract: _TaskExecutionHub.contract, event: "PremiumBpsSet", logs: logs, sub: sub}, nil
}

// WatchPremiumBpsSet is a free log subscription operation binding the contract event 0xfbdf01a9e18faf6744ecc8fff35b8df3324f7f6a8301fe3488cbdcde54b863be.
//
// Solidity: event PremiumBpsSet(uint256 premiumBps)
func (_TaskExecutionHub *TaskExecutionHubFilterer) WatchPremiumBpsSet(opts *bind.WatchOpts, sink chan<- *TaskExecutionHubPremiumBpsSet) (event.Subscription, error) {

	logs, sub, err := _TaskExecutionHub.contract.WatchLogs(opts, "PremiumBpsSet")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(TaskExecutionHubPremiumBpsSet)
				if err := _TaskExecutionHub.contract.UnpackLog(event, "PremiumBpsSet", log); err != nil {
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

// ParsePremiumBpsSet is a log parse operation binding the contract event 0xfbdf01a9e18faf6744ecc8fff35b8df3324f7f6a8301fe3488cbdcde54b863be.
//
// Solidity: event PremiumBpsSet(uint256 premiumBps)
func (_TaskExecutionHub *TaskExecutionHubFilterer) ParsePremiumBpsSet(log types.Log) (*TaskExecutionHubPremiumBpsSet, error) {
	event := new(TaskExecutionHubPremiumBpsSet)
	if err := _TaskExecutionHub.contract.UnpackLog(event, "PremiumBpsSet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
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
