// Code generated - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package testbindings

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

// BLS12381HarnessMetaData contains all meta data concerning the BLS12381Harness contract.
var BLS12381HarnessMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"InvalidDstLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"InvalidExpandLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"}],\"name\":\"InvalidPointLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"precompile\",\"type\":\"address\"}],\"name\":\"PrecompileFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"a\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"b\",\"type\":\"bytes\"}],\"name\":\"addG1\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"message\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"dst\",\"type\":\"bytes\"},{\"internalType\":\"uint256\",\"name\":\"lenInBytes\",\"type\":\"uint256\"}],\"name\":\"expandMessageXmd\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"message\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"dst\",\"type\":\"bytes\"}],\"name\":\"hashToFieldFp2\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"u0\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"u1\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"message\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"dst\",\"type\":\"bytes\"}],\"name\":\"hashToG2\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"pubkeyG1\",\"type\":\"bytes\"},{\"internalType\":\"bytes32\",\"name\":\"message\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"sigG2\",\"type\":\"bytes\"}],\"name\":\"verify\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"pubkeyG1\",\"type\":\"bytes\"},{\"internalType\":\"bytes32\",\"name\":\"message\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"sigG2\",\"type\":\"bytes\"}],\"name\":\"verifyGas\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"ok\",\"type\":\"bool\"},{\"internalType\":\"uint256\",\"name\":\"gasUsed\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	Bin: "0x6080604052348015600e575f5ffd5b50610fc98061001c5f395ff3fe608060405234801561000f575f5ffd5b5060043610610060575f3560e01c8063024ad318146100645780638976fc3b1461008c5780639e998fa1146100ac578063c045aa4e146100d6578063e403f629146100f7578063edbec0cb1461010a575b5f5ffd5b610077610072366004610b79565b61011d565b60405190151581526020015b60405180910390f35b61009f61009a366004610bf2565b61019b565b6040516100839190610c8c565b6100bf6100ba366004610b79565b610217565b604080519215158352602083019190915201610083565b6100e96100e4366004610bf2565b6102aa565b604051610083929190610c9e565b61009f610105366004610cc2565b61032b565b61009f610118366004610bf2565b6103a0565b5f61019186868080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525050604080516020601f8901819004810282018101909252878152899350915087908790819084018382808284375f9201919091525061041392505050565b9695505050505050565b606061020e85858080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525050604080516020601f890181900481028201810190925287815292508791508690819084018382808284375f9201919091525061050092505050565b95945050505050565b5f5f5f5a905061029088888080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525050604080516020601f8b018190048102820181019092528981528b9350915089908990819084018382808284375f9201919091525061041392505050565b92505a61029d9082610d49565b9150509550959350505050565b60608061031e86868080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525050604080516020601f8a0181900481028201810190925288815292508891508790819084018382808284375f9201919091525061059c92505050565b9150915094509492505050565b606061019186868080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525050604080516020601f8a0181900481028201810190925288815292508891508790819084018382808284375f9201919091525087925061062c915050565b606061020e85858080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525050604080516020601f890181900481028201810190925287815292508791508690819084018382808284375f920191909152506108b692505050565b5f608084511415806104285750610100825114155b806104375750610437846108ec565b1561044357505f6104f9565b5f6104838460405160200161045a91815260200190565b60408051601f1981840301815260608301909152602b808352909190610ee960208301396108b6565b90505f6040518060a0016040528060808152602001610f14608091398487846040516020016104b59493929190610d73565b60405160208183030381529060405290505f600f90505f5f60205f855160208701865afa5f5192503d6020141690508080156104f15750816001145b955050505050505b9392505050565b606060808351146105365782516040516377e7011b60e01b81526004810191909152608060248201526044015b60405180910390fd5b60808251146105655781516040516377e7011b60e01b815260048101919091526080602482015260440161052d565b610593600b848460405160200161057d929190610d99565b604051602081830303815290604052608061095b565b90505b92915050565b6060805f6105ad858561010061062c565b60408051608080825260a082019092529192506020820181803683370190505060408051608080825260a082019092529194506020820181803683370190505091506105fb815f855f6109e9565b6106098160408560406109e9565b610616816080845f6109e9565b6106248160c08460406109e9565b509250929050565b606082515f148061063e575060ff8351115b15610661578251604051635b16e92560e01b815260040161052d91815260200190565b5f602061066f84601f610dc3565b6106799190610dd6565b9050821580610688575060ff81115b156106a957604051637fddc84960e01b81526004810184905260240161052d565b5f8485516040516020016106be929190610df5565b60408051601f198184030181529082905291505f906002906106ee90839081908b908a9083908990602001610e1c565b60408051601f198184030181529082905261070891610e72565b602060405180830381855afa158015610723573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906107469190610e7d565b90505f60028260018560405160200161076193929190610e94565b60408051601f198184030181529082905261077b91610e72565b602060405180830381855afa158015610796573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906107b99190610e7d565b90506107c6846020610eb9565b67ffffffffffffffff8111156107de576107de610daf565b6040519080825280601f01601f191660200182016040528015610808576020820181803683370190505b5060208101829052945060025b8481116108a8576002828418828660405160200161083593929190610e94565b60408051601f198184030181529082905261084f91610e72565b602060405180830381855afa15801561086a573d5f5f3e3d5ffd5b5050506040513d601f19601f8201168201806040525081019061088d9190610e7d565b91508181602002870152806108a190610ed0565b9050610815565b505050928252509392505050565b60605f5f6108c4858561059c565b9150915061020e6108d960118461010061095b565b6108e760118461010061095b565b610aa1565b60015f5b8251811015610955578281016020015183515f9061090f908490610d49565b9050602081101561093057610925816008610eb9565b5f19901c1991909116905b811561094057505f949350505050565b5061094e9050602082610dc3565b90506108f0565b50919050565b60608167ffffffffffffffff81111561097657610976610daf565b6040519080825280601f01601f1916602001820160405280156109a0576020820181803683370190505b5090505f8260208301855160208701885afa3d8414169050806109e1576040516375c6821d60e11b81526001600160a01b038616600482015260240161052d565b509392505050565b5f600590505f604051604081526001602082015260306040820152856020880101805160608301526020810151608083015250600160a08201537f1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f62460a18201526f1eabfffeb153ffffb9feffffffffaaab60801b60c18201526030858501810160d183865afa3d603014169150819050610a99576040516375c6821d60e11b81526005600482015260240161052d565b505050505050565b6060610100835114610ad45782516040516377e7011b60e01b81526004810191909152610100602482015260440161052d565b610100825114610b055781516040516377e7011b60e01b81526004810191909152610100602482015260440161052d565b610593600d8484604051602001610b1d929190610d99565b60405160208183030381529060405261010061095b565b5f5f83601f840112610b44575f5ffd5b50813567ffffffffffffffff811115610b5b575f5ffd5b602083019150836020828501011115610b72575f5ffd5b9250929050565b5f5f5f5f5f60608688031215610b8d575f5ffd5b853567ffffffffffffffff811115610ba3575f5ffd5b610baf88828901610b34565b90965094505060208601359250604086013567ffffffffffffffff811115610bd5575f5ffd5b610be188828901610b34565b969995985093965092949392505050565b5f5f5f5f60408587031215610c05575f5ffd5b843567ffffffffffffffff811115610c1b575f5ffd5b610c2787828801610b34565b909550935050602085013567ffffffffffffffff811115610c46575f5ffd5b610c5287828801610b34565b95989497509550505050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f6105936020830184610c5e565b604081525f610cb06040830185610c5e565b828103602084015261020e8185610c5e565b5f5f5f5f5f60608688031215610cd6575f5ffd5b853567ffffffffffffffff811115610cec575f5ffd5b610cf888828901610b34565b909650945050602086013567ffffffffffffffff811115610d17575f5ffd5b610d2388828901610b34565b96999598509660400135949350505050565b634e487b7160e01b5f52601160045260245ffd5b8181038181111561059657610596610d35565b5f81518060208401855e5f93019283525090919050565b5f610191610d93610d8d610d87858a610d5c565b88610d5c565b86610d5c565b84610d5c565b5f610da7610d938386610d5c565b949350505050565b634e487b7160e01b5f52604160045260245ffd5b8082018082111561059657610596610d35565b5f82610df057634e487b7160e01b5f52601260045260245ffd5b500490565b5f610e008285610d5c565b60f89390931b6001600160f81b03191683525050600101919050565b8681528560208201525f610e336040830187610d5c565b60f086901b6001600160f01b031916815260f885901b6001600160f81b0319166002820152610e656003820185610d5c565b9998505050505050505050565b5f6105938284610d5c565b5f60208284031215610e8d575f5ffd5b5051919050565b83815260f883901b6001600160f81b03191660208201525f61020e6021830184610d5c565b808202811582820484141761059657610596610d35565b5f60018201610ee157610ee1610d35565b506001019056fe424c535f5349475f424c53313233383147325f584d443a5348412d3235365f535357555f524f5f504f505f0000000000000000000000000000000017f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb00000000000000000000000000000000114d1d6855d545a8aa7d76c8cf2e21f267816aef1db507c96655b9d5caac42364e6f38ba0ecb751bad54dcd6b939c2caa264697066735822122029c4dec151eedbacde2d6668c34acd27124b995188c6696d5a70adcc5af013dc64736f6c634300081e0033",
}

// BLS12381HarnessABI is the input ABI used to generate the binding from.
// Deprecated: Use BLS12381HarnessMetaData.ABI instead.
var BLS12381HarnessABI = BLS12381HarnessMetaData.ABI

// BLS12381HarnessBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use BLS12381HarnessMetaData.Bin instead.
var BLS12381HarnessBin = BLS12381HarnessMetaData.Bin

// DeployBLS12381Harness deploys a new Ethereum contract, binding an instance of BLS12381Harness to it.
func DeployBLS12381Harness(auth *bind.TransactOpts, backend bind.ContractBackend) (common.Address, *types.Transaction, *BLS12381Harness, error) {
	parsed, err := BLS12381HarnessMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(BLS12381HarnessBin), backend)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &BLS12381Harness{BLS12381HarnessCaller: BLS12381HarnessCaller{contract: contract}, BLS12381HarnessTransactor: BLS12381HarnessTransactor{contract: contract}, BLS12381HarnessFilterer: BLS12381HarnessFilterer{contract: contract}}, nil
}

// BLS12381Harness is an auto generated Go binding around an Ethereum contract.
type BLS12381Harness struct {
	BLS12381HarnessCaller     // Read-only binding to the contract
	BLS12381HarnessTransactor // Write-only binding to the contract
	BLS12381HarnessFilterer   // Log filterer for contract events
}

// BLS12381HarnessCaller is an auto generated read-only Go binding around an Ethereum contract.
type BLS12381HarnessCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// BLS12381HarnessTransactor is an auto generated write-only Go binding around an Ethereum contract.
type BLS12381HarnessTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// BLS12381HarnessFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type BLS12381HarnessFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// BLS12381HarnessSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type BLS12381HarnessSession struct {
	Contract     *BLS12381Harness  // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// BLS12381HarnessCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type BLS12381HarnessCallerSession struct {
	Contract *BLS12381HarnessCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts          // Call options to use throughout this session
}

// BLS12381HarnessTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type BLS12381HarnessTransactorSession struct {
	Contract     *BLS12381HarnessTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts          // Transaction auth options to use throughout this session
}

// BLS12381HarnessRaw is an auto generated low-level Go binding around an Ethereum contract.
type BLS12381HarnessRaw struct {
	Contract *BLS12381Harness // Generic contract binding to access the raw methods on
}

// BLS12381HarnessCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type BLS12381HarnessCallerRaw struct {
	Contract *BLS12381HarnessCaller // Generic read-only contract binding to access the raw methods on
}

// BLS12381HarnessTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type BLS12381HarnessTransactorRaw struct {
	Contract *BLS12381HarnessTransactor // Generic write-only contract binding to access the raw methods on
}

// NewBLS12381Harness creates a new instance of BLS12381Harness, bound to a specific deployed contract.
func NewBLS12381Harness(address common.Address, backend bind.ContractBackend) (*BLS12381Harness, error) {
	contract, err := bindBLS12381Harness(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &BLS12381Harness{BLS12381HarnessCaller: BLS12381HarnessCaller{contract: contract}, BLS12381HarnessTransactor: BLS12381HarnessTransactor{contract: contract}, BLS12381HarnessFilterer: BLS12381HarnessFilterer{contract: contract}}, nil
}

// NewBLS12381HarnessCaller creates a new read-only instance of BLS12381Harness, bound to a specific deployed contract.
func NewBLS12381HarnessCaller(address common.Address, caller bind.ContractCaller) (*BLS12381HarnessCaller, error) {
	contract, err := bindBLS12381Harness(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &BLS12381HarnessCaller{contract: contract}, nil
}

// NewBLS12381HarnessTransactor creates a new write-only instance of BLS12381Harness, bound to a specific deployed contract.
func NewBLS12381HarnessTransactor(address common.Address, transactor bind.ContractTransactor) (*BLS12381HarnessTransactor, error) {
	contract, err := bindBLS12381Harness(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &BLS12381HarnessTransactor{contract: contract}, nil
}

// NewBLS12381HarnessFilterer creates a new log filterer instance of BLS12381Harness, bound to a specific deployed contract.
func NewBLS12381HarnessFilterer(address common.Address, filterer bind.ContractFilterer) (*BLS12381HarnessFilterer, error) {
	contract, err := bindBLS12381Harness(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &BLS12381HarnessFilterer{contract: contract}, nil
}

// bindBLS12381Harness binds a generic wrapper to an already deployed contract.
func bindBLS12381Harness(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := BLS12381HarnessMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_BLS12381Harness *BLS12381HarnessRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _BLS12381Harness.Contract.BLS12381HarnessCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_BLS12381Harness *BLS12381HarnessRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _BLS12381Harness.Contract.BLS12381HarnessTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_BLS12381Harness *BLS12381HarnessRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _BLS12381Harness.Contract.BLS12381HarnessTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_BLS12381Harness *BLS12381HarnessCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _BLS12381Harness.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_BLS12381Harness *BLS12381HarnessTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _BLS12381Harness.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_BLS12381Harness *BLS12381HarnessTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _BLS12381Harness.Contract.contract.Transact(opts, method, params...)
}

// AddG1 is a free data retrieval call binding the contract method 0x8976fc3b.
//
// Solidity: function addG1(bytes a, bytes b) view returns(bytes)
func (_BLS12381Harness *BLS12381HarnessCaller) AddG1(opts *bind.CallOpts, a []byte, b []byte) ([]byte, error) {
	var out []interface{}
	err := _BLS12381Harness.contract.Call(opts, &out, "addG1", a, b)

	if err != nil {
		return *new([]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)

	return out0, err

}

// AddG1 is a free data retrieval call binding the contract method 0x8976fc3b.
//
// Solidity: function addG1(bytes a, bytes b) view returns(bytes)
func (_BLS12381Harness *BLS12381HarnessSession) AddG1(a []byte, b []byte) ([]byte, error) {
	return _BLS12381Harness.Contract.AddG1(&_BLS12381Harness.CallOpts, a, b)
}

// AddG1 is a free data retrieval call binding the contract method 0x8976fc3b.
//
// Solidity: function addG1(bytes a, bytes b) view returns(bytes)
func (_BLS12381Harness *BLS12381HarnessCallerSession) AddG1(a []byte, b []byte) ([]byte, error) {
	return _BLS12381Harness.Contract.AddG1(&_BLS12381Harness.CallOpts, a, b)
}

// ExpandMessageXmd is a free data retrieval call binding the contract method 0xe403f629.
//
// Solidity: function expandMessageXmd(bytes message, bytes dst, uint256 lenInBytes) pure returns(bytes)
func (_BLS12381Harness *BLS12381HarnessCaller) ExpandMessageXmd(opts *bind.CallOpts, message []byte, dst []byte, lenInBytes *big.Int) ([]byte, error) {
	var out []interface{}
	err := _BLS12381Harness.contract.Call(opts, &out, "expandMessageXmd", message, dst, lenInBytes)

	if err != nil {
		return *new([]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)

	return out0, err

}

// ExpandMessageXmd is a free data retrieval call binding the contract method 0xe403f629.
//
// Solidity: function expandMessageXmd(bytes message, bytes dst, uint256 lenInBytes) pure returns(bytes)
func (_BLS12381Harness *BLS12381HarnessSession) ExpandMessageXmd(message []byte, dst []byte, lenInBytes *big.Int) ([]byte, error) {
	return _BLS12381Harness.Contract.ExpandMessageXmd(&_BLS12381Harness.CallOpts, message, dst, lenInBytes)
}

// ExpandMessageXmd is a free data retrieval call binding the contract method 0xe403f629.
//
// Solidity: function expandMessageXmd(bytes message, bytes dst, uint256 lenInBytes) pure returns(bytes)
func (_BLS12381Harness *BLS12381HarnessCallerSession) ExpandMessageXmd(message []byte, dst []byte, lenInBytes *big.Int) ([]byte, error) {
	return _BLS12381Harness.Contract.ExpandMessageXmd(&_BLS12381Harness.CallOpts, message, dst, lenInBytes)
}

// HashToFieldFp2 is a free data retrieval call binding the contract method 0xc045aa4e.
//
// Solidity: function hashToFieldFp2(bytes message, bytes dst) view returns(bytes u0, bytes u1)
func (_BLS12381Harness *BLS12381HarnessCaller) HashToFieldFp2(opts *bind.CallOpts, message []byte, dst []byte) (struct {
	U0 []byte
	U1 []byte
}, error) {
	var out []interface{}
	err := _BLS12381Harness.contract.Call(opts, &out, "hashToFieldFp2", message, dst)

	outstruct := new(struct {
		U0 []byte
		U1 []byte
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.U0 = *abi.ConvertType(out[0], new([]byte)).(*[]byte)
	outstruct.U1 = *abi.ConvertType(out[1], new([]byte)).(*[]byte)

	return *outstruct, err

}

// HashToFieldFp2 is a free data retrieval call binding the contract method 0xc045aa4e.
//
// Solidity: function hashToFieldFp2(bytes message, bytes dst) view returns(bytes u0, bytes u1)
func (_BLS12381Harness *BLS12381HarnessSession) HashToFieldFp2(message []byte, dst []byte) (struct {
	U0 []byte
	U1 []byte
}, error) {
	return _BLS12381Harness.Contract.HashToFieldFp2(&_BLS12381Harness.CallOpts, message, dst)
}

// HashToFieldFp2 is a free data retrieval call binding the contract method 0xc045aa4e.
//
// Solidity: function hashToFieldFp2(bytes message, bytes dst) view returns(bytes u0, bytes u1)
func (_BLS12381Harness *BLS12381HarnessCallerSession) HashToFieldFp2(message []byte, dst []byte) (struct {
	U0 []byte
	U1 []byte
}, error) {
	return _BLS12381Harness.Contract.HashToFieldFp2(&_BLS12381Harness.CallOpts, message, dst)
}

// HashToG2 is a free data retrieval call binding the contract method 0xedbec0cb.
//
// Solidity: function hashToG2(bytes message, bytes dst) view returns(bytes)
func (_BLS12381Harness *BLS12381HarnessCaller) HashToG2(opts *bind.CallOpts, message []byte, dst []byte) ([]byte, error) {
	var out []interface{}
	err := _BLS12381Harness.contract.Call(opts, &out, "hashToG2", message, dst)

	if err != nil {
		return *new([]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)

	return out0, err

}

// HashToG2 is a free data retrieval call binding the contract method 0xedbec0cb.
//
// Solidity: function hashToG2(bytes message, bytes dst) view returns(bytes)
func (_BLS12381Harness *BLS12381HarnessSession) HashToG2(message []byte, dst []byte) ([]byte, error) {
	return _BLS12381Harness.Contract.HashToG2(&_BLS12381Harness.CallOpts, message, dst)
}

// HashToG2 is a free data retrieval call binding the contract method 0xedbec0cb.
//
// Solidity: function hashToG2(bytes message, bytes dst) view returns(bytes)
func (_BLS12381Harness *BLS12381HarnessCallerSession) HashToG2(message []byte, dst []byte) ([]byte, error) {
	return _BLS12381Harness.Contract.HashToG2(&_BLS12381Harness.CallOpts, message, dst)
}

// Verify is a free data retrieval call binding the contract method 0x024ad318.
//
// Solidity: function verify(bytes pubkeyG1, bytes32 message, bytes sigG2) view returns(bool)
func (_BLS12381Harness *BLS12381HarnessCaller) Verify(opts *bind.CallOpts, pubkeyG1 []byte, message [32]byte, sigG2 []byte) (bool, error) {
	var out []interface{}
	err := _BLS12381Harness.contract.Call(opts, &out, "verify", pubkeyG1, message, sigG2)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// Verify is a free data retrieval call binding the contract method 0x024ad318.
//
// Solidity: function verify(bytes pubkeyG1, bytes32 message, bytes sigG2) view returns(bool)
func (_BLS12381Harness *BLS12381HarnessSession) Verify(pubkeyG1 []byte, message [32]byte, sigG2 []byte) (bool, error) {
	return _BLS12381Harness.Contract.Verify(&_BLS12381Harness.CallOpts, pubkeyG1, message, sigG2)
}

// Verify is a free data retrieval call binding the contract method 0x024ad318.
//
// Solidity: function verify(bytes pubkeyG1, bytes32 message, bytes sigG2) view returns(bool)
func (_BLS12381Harness *BLS12381HarnessCallerSession) Verify(pubkeyG1 []byte, message [32]byte, sigG2 []byte) (bool, error) {
	return _BLS12381Harness.Contract.Verify(&_BLS12381Harness.CallOpts, pubkeyG1, message, sigG2)
}

// VerifyGas is a free data retrieval call binding the contract method 0x9e998fa1.
//
// Solidity: function verifyGas(bytes pubkeyG1, bytes32 message, bytes sigG2) view returns(bool ok, uint256 gasUsed)
func (_BLS12381Harness *BLS12381HarnessCaller) VerifyGas(opts *bind.CallOpts, pubkeyG1 []byte, message [32]byte, sigG2 []byte) (struct {
	Ok      bool
	GasUsed *big.Int
}, error) {
	var out []interface{}
	err := _BLS12381Harness.contract.Call(opts, &out, "verifyGas", pubkeyG1, message, sigG2)

	outstruct := new(struct {
		Ok      bool
		GasUsed *big.Int
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Ok = *abi.ConvertType(out[0], new(bool)).(*bool)
	outstruct.GasUsed = *abi.ConvertType(out[1], new(*big.Int)).(**big.Int)

	return *outstruct, err

}

// VerifyGas is a free data retrieval call binding the contract method 0x9e998fa1.
//
// Solidity: function verifyGas(bytes pubkeyG1, bytes32 message, bytes sigG2) view returns(bool ok, uint256 gasUsed)
func (_BLS12381Harness *BLS12381HarnessSession) VerifyGas(pubkeyG1 []byte, message [32]byte, sigG2 []byte) (struct {
	Ok      bool
	GasUsed *big.Int
}, error) {
	return _BLS12381Harness.Contract.VerifyGas(&_BLS12381Harness.CallOpts, pubkeyG1, message, sigG2)
}

// VerifyGas is a free data retrieval call binding the contract method 0x9e998fa1.
//
// Solidity: function verifyGas(bytes pubkeyG1, bytes32 message, bytes sigG2) view returns(bool ok, uint256 gasUsed)
func (_BLS12381Harness *BLS12381HarnessCallerSession) VerifyGas(pubkeyG1 []byte, message [32]byte, sigG2 []byte) (struct {
	Ok      bool
	GasUsed *big.Int
}, error) {
	return _BLS12381Harness.Contract.VerifyGas(&_BLS12381Harness.CallOpts, pubkeyG1, message, sigG2)
}
