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

// AttestationCenterMetaData contains all meta data concerning the AttestationCenter contract.
var AttestationCenterMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractKeeperRegistry\",\"name\":\"keeperRegistry_\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"InactiveSigner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"InvalidDstLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"InvalidExpandLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"}],\"name\":\"InvalidPointLength\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidSignature\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoSigners\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"precompile\",\"type\":\"address\"}],\"name\":\"PrecompileFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"signedStake\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"totalStake\",\"type\":\"uint256\"}],\"name\":\"QuorumNotReached\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"SignerIdsNotIncreasing\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"}],\"name\":\"TaskAlreadySubmitted\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint16\",\"name\":\"taskDefinitionId\",\"type\":\"uint16\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"resultHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"taskNumber\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint256[]\",\"name\":\"signerIds\",\"type\":\"uint256[]\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"aggregator\",\"type\":\"address\"}],\"name\":\"TaskRejected\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint16\",\"name\":\"taskDefinitionId\",\"type\":\"uint16\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"resultHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"taskNumber\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint256[]\",\"name\":\"signerIds\",\"type\":\"uint256[]\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"aggregator\",\"type\":\"address\"}],\"name\":\"TaskSubmitted\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"VOTE_DOMAIN\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"keeperRegistry\",\"outputs\":[{\"internalType\":\"contractKeeperRegistry\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"},{\"internalType\":\"uint16\",\"name\":\"taskDefinitionId\",\"type\":\"uint16\"},{\"internalType\":\"bytes32\",\"name\":\"resultHash\",\"type\":\"bytes32\"},{\"internalType\":\"bool\",\"name\":\"approve\",\"type\":\"bool\"},{\"internalType\":\"uint256[]\",\"name\":\"signerIds\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"submitTask\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"}],\"name\":\"submitted\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"taskNumber\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"},{\"internalType\":\"uint16\",\"name\":\"taskDefinitionId\",\"type\":\"uint16\"},{\"internalType\":\"bytes32\",\"name\":\"resultHash\",\"type\":\"bytes32\"},{\"internalType\":\"bool\",\"name\":\"approve\",\"type\":\"bool\"}],\"name\":\"voteDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	Bin: "0x60a060405234801561000f575f5ffd5b5060405161140a38038061140a83398101604081905261002e9161003f565b6001600160a01b031660805261006c565b5f6020828403121561004f575f5ffd5b81516001600160a01b0381168114610065575f5ffd5b9392505050565b6080516113726100985f395f818160fa015281816101a50152818161047f015261057201526113725ff3fe608060405234801561000f575f5ffd5b5060043610610060575f3560e01c80633415c862146100645780633d360ed21461009b57806353f58d50146100b057806372d18e8d146100d157806383e22774146100f5578063909dd1a114610134575b5f5ffd5b610086610072366004610d8d565b60016020525f908152604090205460ff1681565b60405190151581526020015b60405180910390f35b6100ae6100a9366004610e0f565b61015b565b005b6100c36100be366004610ef0565b6103d2565b604051908152602001610092565b5f546100e09063ffffffff1681565b60405163ffffffff9091168152602001610092565b61011c7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b039091168152602001610092565b6100c37f0b45b1e56775d650657cdeeebb56351a4422e134b73fcd8800e33b977b740f7d81565b5f8981526001602052604090205460ff161561019257604051633f35874160e21b8152600481018a90526024015b60405180910390fd5b5f5f61019e8686610459565b915091505f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316638b0e9f3f6040518163ffffffff1660e01b8152600401602060405180830381865afa1580156101ff573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906102239190610f40565b905087610231576001610234565b60025b6102419060ff1682610f6b565b61024c836003610f6b565b101561027557604051631a88566160e21b81526004810183905260248101829052604401610189565b5f6102838d8d8d8d8d6103d2565b90506102c5848288888080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525061066892505050565b6102e257604051638baa579f60e01b815260040160405180910390fd5b5f8d81526001602081905260408220805460ff191690911790558054819081906103119063ffffffff16610f82565b91906101000a81548163ffffffff021916908363ffffffff16021790559050891561037e578c8e7fb49ab91adf598a4fd8ff3fcb3ea42a5e8a5c2550b13759f51b65c2f3c0b8833f8e8e858e8e3360405161037196959493929190610fa6565b60405180910390a36103c2565b8c8e7fd1bc872004d2724f3b68716f14427e430bdc0a688485ed6ec9b078b0408cbceb8e8e858e8e336040516103b996959493929190610fa6565b60405180910390a35b5050505050505050505050505050565b604080517f0b45b1e56775d650657cdeeebb56351a4422e134b73fcd8800e33b977b740f7d602082015246918101919091523060608201526080810186905260a0810185905261ffff841660c082015260e081018390528115156101008201525f906101200160405160208183030381529060405280519060200120905095945050505050565b60605f82810361047c57604051630c7af40f60e41b815260040160405180910390fd5b5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031663a3aa50356040518163ffffffff1660e01b8152600401602060405180830381865afa1580156104d9573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906104fd9190610f40565b90505f805b8581101561065e575f87878381811061051d5761051d61100c565b90506020020135905082811161054957604051636242555d60e01b815260048101839052602401610189565b8381111561056d576040516326c5305560e21b815260048101829052602401610189565b5f5f5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031663c44a7130856040518263ffffffff1660e01b81526004016105be91815260200190565b5f60405180830381865afa1580156105d8573d5f5f3e3d5ffd5b505050506040513d5f823e601f3d908101601f191682016040526105ff919081019061103f565b9350935093505080610627576040516326c5305560e21b815260048101859052602401610189565b610631838961112a565b97508415610648576106438983610755565b61064a565b815b985083955050505050806001019050610502565b5050509250929050565b5f6080845114158061067d5750610100825114155b8061068c575061068c846107ec565b1561069857505f61074e565b5f6106d8846040516020016106af91815260200190565b60408051601f1981840301815260608301909152602b808352909190611292602083013961085b565b90505f6040518060a00160405280608081526020016112bd6080913984878460405160200161070a9493929190611154565b60405160208183030381529060405290505f600f90505f5f60205f855160208701865afa5f5192503d6020141690508080156107465750816001145b955050505050505b9392505050565b606060808351146107865782516040516377e7011b60e01b8152600481019190915260806024820152604401610189565b60808251146107b55781516040516377e7011b60e01b8152600481019190915260806024820152604401610189565b6107e3600b84846040516020016107cd929190611184565b604051602081830303815290604052608061089a565b90505b92915050565b60015f5b8251811015610855578281016020015183515f9061080f90849061119a565b9050602081101561083057610825816008610f6b565b5f19901c1991909116905b811561084057505f949350505050565b5061084e905060208261112a565b90506107f0565b50919050565b60605f5f6108698585610928565b9150915061089161087e60118461010061089a565b61088c60118461010061089a565b6109b8565b95945050505050565b60608167ffffffffffffffff8111156108b5576108b5611020565b6040519080825280601f01601f1916602001820160405280156108df576020820181803683370190505b5090505f8260208301855160208701885afa3d841416905080610920576040516375c6821d60e11b81526001600160a01b0386166004820152602401610189565b509392505050565b6060805f6109398585610100610a4b565b60408051608080825260a082019092529192506020820181803683370190505060408051608080825260a08201909252919450602082018180368337019050509150610987815f855f610cd5565b610995816040856040610cd5565b6109a2816080845f610cd5565b6109b08160c0846040610cd5565b509250929050565b60606101008351146109eb5782516040516377e7011b60e01b815260048101919091526101006024820152604401610189565b610100825114610a1c5781516040516377e7011b60e01b815260048101919091526101006024820152604401610189565b6107e3600d8484604051602001610a34929190611184565b60405160208183030381529060405261010061089a565b606082515f1480610a5d575060ff8351115b15610a80578251604051635b16e92560e01b815260040161018991815260200190565b5f6020610a8e84601f61112a565b610a9891906111ad565b9050821580610aa7575060ff81115b15610ac857604051637fddc84960e01b815260048101849052602401610189565b5f848551604051602001610add9291906111cc565b60408051601f198184030181529082905291505f90600290610b0d90839081908b908a90839089906020016111f3565b60408051601f1981840301815290829052610b2791611249565b602060405180830381855afa158015610b42573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190610b659190610f40565b90505f600282600185604051602001610b8093929190611254565b60408051601f1981840301815290829052610b9a91611249565b602060405180830381855afa158015610bb5573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190610bd89190610f40565b9050610be5846020610f6b565b67ffffffffffffffff811115610bfd57610bfd611020565b6040519080825280601f01601f191660200182016040528015610c27576020820181803683370190505b5060208101829052945060025b848111610cc75760028284188286604051602001610c5493929190611254565b60408051601f1981840301815290829052610c6e91611249565b602060405180830381855afa158015610c89573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190610cac9190610f40565b9150818160200287015280610cc090611279565b9050610c34565b505050928252509392505050565b5f600590505f604051604081526001602082015260306040820152856020880101805160608301526020810151608083015250600160a08201537f1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f62460a18201526f1eabfffeb153ffffb9feffffffffaaab60801b60c18201526030858501810160d183865afa3d603014169150819050610d85576040516375c6821d60e11b815260056004820152602401610189565b505050505050565b5f60208284031215610d9d575f5ffd5b5035919050565b803561ffff81168114610db5575f5ffd5b919050565b8015158114610dc7575f5ffd5b50565b5f5f83601f840112610dda575f5ffd5b50813567ffffffffffffffff811115610df1575f5ffd5b602083019150836020828501011115610e08575f5ffd5b9250929050565b5f5f5f5f5f5f5f5f5f60e08a8c031215610e27575f5ffd5b8935985060208a01359750610e3e60408b01610da4565b965060608a0135955060808a0135610e5581610dba565b945060a08a013567ffffffffffffffff811115610e70575f5ffd5b8a01601f81018c13610e80575f5ffd5b803567ffffffffffffffff811115610e96575f5ffd5b8c60208260051b8401011115610eaa575f5ffd5b6020919091019450925060c08a013567ffffffffffffffff811115610ecd575f5ffd5b610ed98c828d01610dca565b915080935050809150509295985092959850929598565b5f5f5f5f5f60a08688031215610f04575f5ffd5b8535945060208601359350610f1b60408701610da4565b9250606086013591506080860135610f3281610dba565b809150509295509295909350565b5f60208284031215610f50575f5ffd5b5051919050565b634e487b7160e01b5f52601160045260245ffd5b80820281158282048414176107e6576107e6610f57565b5f63ffffffff821663ffffffff8103610f9d57610f9d610f57565b60010192915050565b61ffff871681526020810186905263ffffffff8516604082015260a06060820181905281018390525f6001600160fb1b03841115610fe2575f5ffd5b8360051b808660c08501376001600160a01b03939093166080830152500160c00195945050505050565b634e487b7160e01b5f52603260045260245ffd5b634e487b7160e01b5f52604160045260245ffd5b8051610db581610dba565b5f5f5f5f60808587031215611052575f5ffd5b84516001600160a01b0381168114611068575f5ffd5b60208601516040870151919550935067ffffffffffffffff81111561108b575f5ffd5b8501601f8101871361109b575f5ffd5b805167ffffffffffffffff8111156110b5576110b5611020565b604051601f8201601f19908116603f0116810167ffffffffffffffff811182821017156110e4576110e4611020565b6040528181528282016020018910156110fb575f5ffd5b8160208401602083015e5f6020838301015280945050505061111f60608601611034565b905092959194509250565b808201808211156107e6576107e6610f57565b5f81518060208401855e5f93019283525090919050565b5f61117a61117461116e611168858a61113d565b8861113d565b8661113d565b8461113d565b9695505050505050565b5f611192611174838661113d565b949350505050565b818103818111156107e6576107e6610f57565b5f826111c757634e487b7160e01b5f52601260045260245ffd5b500490565b5f6111d7828561113d565b60f89390931b6001600160f81b03191683525050600101919050565b8681528560208201525f61120a604083018761113d565b60f086901b6001600160f01b031916815260f885901b6001600160f81b031916600282015261123c600382018561113d565b9998505050505050505050565b5f6107e3828461113d565b83815260f883901b6001600160f81b03191660208201525f610891602183018461113d565b5f6001820161128a5761128a610f57565b506001019056fe424c535f5349475f424c53313233383147325f584d443a5348412d3235365f535357555f524f5f504f505f0000000000000000000000000000000017f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb00000000000000000000000000000000114d1d6855d545a8aa7d76c8cf2e21f267816aef1db507c96655b9d5caac42364e6f38ba0ecb751bad54dcd6b939c2caa2646970667358221220cd27943ecf64efa59021edf96bce795dcb586e2741302e04e27e3a153f37d5c864736f6c634300081e0033",
}

// AttestationCenterABI is the input ABI used to generate the binding from.
// Deprecated: Use AttestationCenterMetaData.ABI instead.
var AttestationCenterABI = AttestationCenterMetaData.ABI

// AttestationCenterBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use AttestationCenterMetaData.Bin instead.
var AttestationCenterBin = AttestationCenterMetaData.Bin

// DeployAttestationCenter deploys a new Ethereum contract, binding an instance of AttestationCenter to it.
func DeployAttestationCenter(auth *bind.TransactOpts, backend bind.ContractBackend, keeperRegistry_ common.Address) (common.Address, *types.Transaction, *AttestationCenter, error) {
	parsed, err := AttestationCenterMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(AttestationCenterBin), backend, keeperRegistry_)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &AttestationCenter{AttestationCenterCaller: AttestationCenterCaller{contract: contract}, AttestationCenterTransactor: AttestationCenterTransactor{contract: contract}, AttestationCenterFilterer: AttestationCenterFilterer{contract: contract}}, nil
}

// AttestationCenter is an auto generated Go binding around an Ethereum contract.
type AttestationCenter struct {
	AttestationCenterCaller     // Read-only binding to the contract
	AttestationCenterTransactor // Write-only binding to the contract
	AttestationCenterFilterer   // Log filterer for contract events
}

// AttestationCenterCaller is an auto generated read-only Go binding around an Ethereum contract.
type AttestationCenterCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// AttestationCenterTransactor is an auto generated write-only Go binding around an Ethereum contract.
type AttestationCenterTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// AttestationCenterFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type AttestationCenterFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// AttestationCenterSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type AttestationCenterSession struct {
	Contract     *AttestationCenter // Generic contract binding to set the session for
	CallOpts     bind.CallOpts      // Call options to use throughout this session
	TransactOpts bind.TransactOpts  // Transaction auth options to use throughout this session
}

// AttestationCenterCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type AttestationCenterCallerSession struct {
	Contract *AttestationCenterCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts            // Call options to use throughout this session
}

// AttestationCenterTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type AttestationCenterTransactorSession struct {
	Contract     *AttestationCenterTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts            // Transaction auth options to use throughout this session
}

// AttestationCenterRaw is an auto generated low-level Go binding around an Ethereum contract.
type AttestationCenterRaw struct {
	Contract *AttestationCenter // Generic contract binding to access the raw methods on
}

// AttestationCenterCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type AttestationCenterCallerRaw struct {
	Contract *AttestationCenterCaller // Generic read-only contract binding to access the raw methods on
}

// AttestationCenterTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type AttestationCenterTransactorRaw struct {
	Contract *AttestationCenterTransactor // Generic write-only contract binding to access the raw methods on
}

// NewAttestationCenter creates a new instance of AttestationCenter, bound to a specific deployed contract.
func NewAttestationCenter(address common.Address, backend bind.ContractBackend) (*AttestationCenter, error) {
	contract, err := bindAttestationCenter(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &AttestationCenter{AttestationCenterCaller: AttestationCenterCaller{contract: contract}, AttestationCenterTransactor: AttestationCenterTransactor{contract: contract}, AttestationCenterFilterer: AttestationCenterFilterer{contract: contract}}, nil
}

// NewAttestationCenterCaller creates a new read-only instance of AttestationCenter, bound to a specific deployed contract.
func NewAttestationCenterCaller(address common.Address, caller bind.ContractCaller) (*AttestationCenterCaller, error) {
	contract, err := bindAttestationCenter(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &AttestationCenterCaller{contract: contract}, nil
}

// NewAttestationCenterTransactor creates a new write-only instance of AttestationCenter, bound to a specific deployed contract.
func NewAttestationCenterTransactor(address common.Address, transactor bind.ContractTransactor) (*AttestationCenterTransactor, error) {
	contract, err := bindAttestationCenter(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &AttestationCenterTransactor{contract: contract}, nil
}

// NewAttestationCenterFilterer creates a new log filterer instance of AttestationCenter, bound to a specific deployed contract.
func NewAttestationCenterFilterer(address common.Address, filterer bind.ContractFilterer) (*AttestationCenterFilterer, error) {
	contract, err := bindAttestationCenter(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &AttestationCenterFilterer{contract: contract}, nil
}

// bindAttestationCenter binds a generic wrapper to an already deployed contract.
func bindAttestationCenter(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := AttestationCenterMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_AttestationCenter *AttestationCenterRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _AttestationCenter.Contract.AttestationCenterCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_AttestationCenter *AttestationCenterRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _AttestationCenter.Contract.AttestationCenterTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_AttestationCenter *AttestationCenterRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _AttestationCenter.Contract.AttestationCenterTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_AttestationCenter *AttestationCenterCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _AttestationCenter.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_AttestationCenter *AttestationCenterTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _AttestationCenter.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_AttestationCenter *AttestationCenterTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _AttestationCenter.Contract.contract.Transact(opts, method, params...)
}

// VOTEDOMAIN is a free data retrieval call binding the contract method 0x909dd1a1.
//
// Solidity: function VOTE_DOMAIN() view returns(bytes32)
func (_AttestationCenter *AttestationCenterCaller) VOTEDOMAIN(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _AttestationCenter.contract.Call(opts, &out, "VOTE_DOMAIN")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// VOTEDOMAIN is a free data retrieval call binding the contract method 0x909dd1a1.
//
// Solidity: function VOTE_DOMAIN() view returns(bytes32)
func (_AttestationCenter *AttestationCenterSession) VOTEDOMAIN() ([32]byte, error) {
	return _AttestationCenter.Contract.VOTEDOMAIN(&_AttestationCenter.CallOpts)
}

// VOTEDOMAIN is a free data retrieval call binding the contract method 0x909dd1a1.
//
// Solidity: function VOTE_DOMAIN() view returns(bytes32)
func (_AttestationCenter *AttestationCenterCallerSession) VOTEDOMAIN() ([32]byte, error) {
	return _AttestationCenter.Contract.VOTEDOMAIN(&_AttestationCenter.CallOpts)
}

// KeeperRegistry is a free data retrieval call binding the contract method 0x83e22774.
//
// Solidity: function keeperRegistry() view returns(address)
func (_AttestationCenter *AttestationCenterCaller) KeeperRegistry(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _AttestationCenter.contract.Call(opts, &out, "keeperRegistry")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// KeeperRegistry is a free data retrieval call binding the contract method 0x83e22774.
//
// Solidity: function keeperRegistry() view returns(address)
func (_AttestationCenter *AttestationCenterSession) KeeperRegistry() (common.Address, error) {
	return _AttestationCenter.Contract.KeeperRegistry(&_AttestationCenter.CallOpts)
}

// KeeperRegistry is a free data retrieval call binding the contract method 0x83e22774.
//
// Solidity: function keeperRegistry() view returns(address)
func (_AttestationCenter *AttestationCenterCallerSession) KeeperRegistry() (common.Address, error) {
	return _AttestationCenter.Contract.KeeperRegistry(&_AttestationCenter.CallOpts)
}

// Submitted is a free data retrieval call binding the contract method 0x3415c862.
//
// Solidity: function submitted(bytes32 taskId) view returns(bool)
func (_AttestationCenter *AttestationCenterCaller) Submitted(opts *bind.CallOpts, taskId [32]byte) (bool, error) {
	var out []interface{}
	err := _AttestationCenter.contract.Call(opts, &out, "submitted", taskId)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// Submitted is a free data retrieval call binding the contract method 0x3415c862.
//
// Solidity: function submitted(bytes32 taskId) view returns(bool)
func (_AttestationCenter *AttestationCenterSession) Submitted(taskId [32]byte) (bool, error) {
	return _AttestationCenter.Contract.Submitted(&_AttestationCenter.CallOpts, taskId)
}

// Submitted is a free data retrieval call binding the contract method 0x3415c862.
//
// Solidity: function submitted(bytes32 taskId) view returns(bool)
func (_AttestationCenter *AttestationCenterCallerSession) Submitted(taskId [32]byte) (bool, error) {
	return _AttestationCenter.Contract.Submitted(&_AttestationCenter.CallOpts, taskId)
}

// TaskNumber is a free data retrieval call binding the contract method 0x72d18e8d.
//
// Solidity: function taskNumber() view returns(uint32)
func (_AttestationCenter *AttestationCenterCaller) TaskNumber(opts *bind.CallOpts) (uint32, error) {
	var out []interface{}
	err := _AttestationCenter.contract.Call(opts, &out, "taskNumber")

	if err != nil {
		return *new(uint32), err
	}

	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)

	return out0, err

}

// TaskNumber is a free data retrieval call binding the contract method 0x72d18e8d.
//
// Solidity: function taskNumber() view returns(uint32)
func (_AttestationCenter *AttestationCenterSession) TaskNumber() (uint32, error) {
	return _AttestationCenter.Contract.TaskNumber(&_AttestationCenter.CallOpts)
}

// TaskNumber is a free data retrieval call binding the contract method 0x72d18e8d.
//
// Solidity: function taskNumber() view returns(uint32)
func (_AttestationCenter *AttestationCenterCallerSession) TaskNumber() (uint32, error) {
	return _AttestationCenter.Contract.TaskNumber(&_AttestationCenter.CallOpts)
}

// VoteDigest is a free data retrieval call binding the contract method 0x53f58d50.
//
// Solidity: function voteDigest(bytes32 taskId, uint256 jobId, uint16 taskDefinitionId, bytes32 resultHash, bool approve) view returns(bytes32)
func (_AttestationCenter *AttestationCenterCaller) VoteDigest(opts *bind.CallOpts, taskId [32]byte, jobId *big.Int, taskDefinitionId uint16, resultHash [32]byte, approve bool) ([32]byte, error) {
	var out []interface{}
	err := _AttestationCenter.contract.Call(opts, &out, "voteDigest", taskId, jobId, taskDefinitionId, resultHash, approve)

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// VoteDigest is a free data retrieval call binding the contract method 0x53f58d50.
//
// Solidity: function voteDigest(bytes32 taskId, uint256 jobId, uint16 taskDefinitionId, bytes32 resultHash, bool approve) view returns(bytes32)
func (_AttestationCenter *AttestationCenterSession) VoteDigest(taskId [32]byte, jobId *big.Int, taskDefinitionId uint16, resultHash [32]byte, approve bool) ([32]byte, error) {
	return _AttestationCenter.Contract.VoteDigest(&_AttestationCenter.CallOpts, taskId, jobId, taskDefinitionId, resultHash, approve)
}

// VoteDigest is a free data retrieval call binding the contract method 0x53f58d50.
//
// Solidity: function voteDigest(bytes32 taskId, uint256 jobId, uint16 taskDefinitionId, bytes32 resultHash, bool approve) view returns(bytes32)
func (_AttestationCenter *AttestationCenterCallerSession) VoteDigest(taskId [32]byte, jobId *big.Int, taskDefinitionId uint16, resultHash [32]byte, approve bool) ([32]byte, error) {
	return _AttestationCenter.Contract.VoteDigest(&_AttestationCenter.CallOpts, taskId, jobId, taskDefinitionId, resultHash, approve)
}

// SubmitTask is a paid mutator transaction binding the contract method 0x3d360ed2.
//
// Solidity: function submitTask(bytes32 taskId, uint256 jobId, uint16 taskDefinitionId, bytes32 resultHash, bool approve, uint256[] signerIds, bytes signature) returns()
func (_AttestationCenter *AttestationCenterTransactor) SubmitTask(opts *bind.TransactOpts, taskId [32]byte, jobId *big.Int, taskDefinitionId uint16, resultHash [32]byte, approve bool, signerIds []*big.Int, signature []byte) (*types.Transaction, error) {
	return _AttestationCenter.contract.Transact(opts, "submitTask", taskId, jobId, taskDefinitionId, resultHash, approve, signerIds, signature)
}

// SubmitTask is a paid mutator transaction binding the contract method 0x3d360ed2.
//
// Solidity: function submitTask(bytes32 taskId, uint256 jobId, uint16 taskDefinitionId, bytes32 resultHash, bool approve, uint256[] signerIds, bytes signature) returns()
func (_AttestationCenter *AttestationCenterSession) SubmitTask(taskId [32]byte, jobId *big.Int, taskDefinitionId uint16, resultHash [32]byte, approve bool, signerIds []*big.Int, signature []byte) (*types.Transaction, error) {
	return _AttestationCenter.Contract.SubmitTask(&_AttestationCenter.TransactOpts, taskId, jobId, taskDefinitionId, resultHash, approve, signerIds, signature)
}

// SubmitTask is a paid mutator transaction binding the contract method 0x3d360ed2.
//
// Solidity: function submitTask(bytes32 taskId, uint256 jobId, uint16 taskDefinitionId, bytes32 resultHash, bool approve, uint256[] signerIds, bytes signature) returns()
func (_AttestationCenter *AttestationCenterTransactorSession) SubmitTask(taskId [32]byte, jobId *big.Int, taskDefinitionId uint16, resultHash [32]byte, approve bool, signerIds []*big.Int, signature []byte) (*types.Transaction, error) {
	return _AttestationCenter.Contract.SubmitTask(&_AttestationCenter.TransactOpts, taskId, jobId, taskDefinitionId, resultHash, approve, signerIds, signature)
}

// AttestationCenterTaskRejectedIterator is returned from FilterTaskRejected and is used to iterate over the raw logs and unpacked data for TaskRejected events raised by the AttestationCenter contract.
type AttestationCenterTaskRejectedIterator struct {
	Event *AttestationCenterTaskRejected // Event containing the contract specifics and raw log

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
func (it *AttestationCenterTaskRejectedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(AttestationCenterTaskRejected)
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
		it.Event = new(AttestationCenterTaskRejected)
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
func (it *AttestationCenterTaskRejectedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *AttestationCenterTaskRejectedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// AttestationCenterTaskRejected represents a TaskRejected event raised by the AttestationCenter contract.
type AttestationCenterTaskRejected struct {
	TaskId           [32]byte
	JobId            *big.Int
	TaskDefinitionId uint16
	ResultHash       [32]byte
	TaskNumber       uint32
	SignerIds        []*big.Int
	Aggregator       common.Address
	Raw              types.Log // Blockchain specific contextual infos
}

// FilterTaskRejected is a free log retrieval operation binding the contract event 0xd1bc872004d2724f3b68716f14427e430bdc0a688485ed6ec9b078b0408cbceb.
//
// Solidity: event TaskRejected(bytes32 indexed taskId, uint256 indexed jobId, uint16 taskDefinitionId, bytes32 resultHash, uint32 taskNumber, uint256[] signerIds, address aggregator)
func (_AttestationCenter *AttestationCenterFilterer) FilterTaskRejected(opts *bind.FilterOpts, taskId [][32]byte, jobId []*big.Int) (*AttestationCenterTaskRejectedIterator, error) {

	var taskIdRule []interface{}
	for _, taskIdItem := range taskId {
		taskIdRule = append(taskIdRule, taskIdItem)
	}
	var jobIdRule []interface{}
	for _, jobIdItem := range jobId {
		jobIdRule = append(jobIdRule, jobIdItem)
	}

	logs, sub, err := _AttestationCenter.contract.FilterLogs(opts, "TaskRejected", taskIdRule, jobIdRule)
	if err != nil {
		return nil, err
	}
	return &AttestationCenterTaskRejectedIterator{contract: _AttestationCenter.contract, event: "TaskRejected", logs: logs, sub: sub}, nil
}

// WatchTaskRejected is a free log subscription operation binding the contract event 0xd1bc872004d2724f3b68716f14427e430bdc0a688485ed6ec9b078b0408cbceb.
//
// Solidity: event TaskRejected(bytes32 indexed taskId, uint256 indexed jobId, uint16 taskDefinitionId, bytes32 resultHash, uint32 taskNumber, uint256[] signerIds, address aggregator)
func (_AttestationCenter *AttestationCenterFilterer) WatchTaskRejected(opts *bind.WatchOpts, sink chan<- *AttestationCenterTaskRejected, taskId [][32]byte, jobId []*big.Int) (event.Subscription, error) {

	var taskIdRule []interface{}
	for _, taskIdItem := range taskId {
		taskIdRule = append(taskIdRule, taskIdItem)
	}
	var jobIdRule []interface{}
	for _, jobIdItem := range jobId {
		jobIdRule = append(jobIdRule, jobIdItem)
	}

	logs, sub, err := _AttestationCenter.contract.WatchLogs(opts, "TaskRejected", taskIdRule, jobIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(AttestationCenterTaskRejected)
				if err := _AttestationCenter.contract.UnpackLog(event, "TaskRejected", log); err != nil {
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

// ParseTaskRejected is a log parse operation binding the contract event 0xd1bc872004d2724f3b68716f14427e430bdc0a688485ed6ec9b078b0408cbceb.
//
// Solidity: event TaskRejected(bytes32 indexed taskId, uint256 indexed jobId, uint16 taskDefinitionId, bytes32 resultHash, uint32 taskNumber, uint256[] signerIds, address aggregator)
func (_AttestationCenter *AttestationCenterFilterer) ParseTaskRejected(log types.Log) (*AttestationCenterTaskRejected, error) {
	event := new(AttestationCenterTaskRejected)
	if err := _AttestationCenter.contract.UnpackLog(event, "TaskRejected", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// AttestationCenterTaskSubmittedIterator is returned from FilterTaskSubmitted and is used to iterate over the raw logs and unpacked data for TaskSubmitted events raised by the AttestationCenter contract.
type AttestationCenterTaskSubmittedIterator struct {
	Event *AttestationCenterTaskSubmitted // Event containing the contract specifics and raw log

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
func (it *AttestationCenterTaskSubmittedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(AttestationCenterTaskSubmitted)
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
		it.Event = new(AttestationCenterTaskSubmitted)
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
func (it *AttestationCenterTaskSubmittedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *AttestationCenterTaskSubmittedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// AttestationCenterTaskSubmitted represents a TaskSubmitted event raised by the AttestationCenter contract.
type AttestationCenterTaskSubmitted struct {
	TaskId           [32]byte
	JobId            *big.Int
	TaskDefinitionId uint16
	ResultHash       [32]byte
	TaskNumber       uint32
	SignerIds        []*big.Int
	Aggregator       common.Address
	Raw              types.Log // Blockchain specific contextual infos
}

// FilterTaskSubmitted is a free log retrieval operation binding the contract event 0xb49ab91adf598a4fd8ff3fcb3ea42a5e8a5c2550b13759f51b65c2f3c0b8833f.
//
// Solidity: event TaskSubmitted(bytes32 indexed taskId, uint256 indexed jobId, uint16 taskDefinitionId, bytes32 resultHash, uint32 taskNumber, uint256[] signerIds, address aggregator)
func (_AttestationCenter *AttestationCenterFilterer) FilterTaskSubmitted(opts *bind.FilterOpts, taskId [][32]byte, jobId []*big.Int) (*AttestationCenterTaskSubmittedIterator, error) {

	var taskIdRule []interface{}
	for _, taskIdItem := range taskId {
		taskIdRule = append(taskIdRule, taskIdItem)
	}
	var jobIdRule []interface{}
	for _, jobIdItem := range jobId {
		jobIdRule = append(jobIdRule, jobIdItem)
	}

	logs, sub, err := _AttestationCenter.contract.FilterLogs(opts, "TaskSubmitted", taskIdRule, jobIdRule)
	if err != nil {
		return nil, err
	}
	return &AttestationCenterTaskSubmittedIterator{contract: _AttestationCenter.contract, event: "TaskSubmitted", logs: logs, sub: sub}, nil
}

// WatchTaskSubmitted is a free log subscription operation binding the contract event 0xb49ab91adf598a4fd8ff3fcb3ea42a5e8a5c2550b13759f51b65c2f3c0b8833f.
//
// Solidity: event TaskSubmitted(bytes32 indexed taskId, uint256 indexed jobId, uint16 taskDefinitionId, bytes32 resultHash, uint32 taskNumber, uint256[] signerIds, address aggregator)
func (_AttestationCenter *AttestationCenterFilterer) WatchTaskSubmitted(opts *bind.WatchOpts, sink chan<- *AttestationCenterTaskSubmitted, taskId [][32]byte, jobId []*big.Int) (event.Subscription, error) {

	var taskIdRule []interface{}
	for _, taskIdItem := range taskId {
		taskIdRule = append(taskIdRule, taskIdItem)
	}
	var jobIdRule []interface{}
	for _, jobIdItem := range jobId {
		jobIdRule = append(jobIdRule, jobIdItem)
	}

	logs, sub, err := _AttestationCenter.contract.WatchLogs(opts, "TaskSubmitted", taskIdRule, jobIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(AttestationCenterTaskSubmitted)
				if err := _AttestationCenter.contract.UnpackLog(event, "TaskSubmitted", log); err != nil {
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

// ParseTaskSubmitted is a log parse operation binding the contract event 0xb49ab91adf598a4fd8ff3fcb3ea42a5e8a5c2550b13759f51b65c2f3c0b8833f.
//
// Solidity: event TaskSubmitted(bytes32 indexed taskId, uint256 indexed jobId, uint16 taskDefinitionId, bytes32 resultHash, uint32 taskNumber, uint256[] signerIds, address aggregator)
func (_AttestationCenter *AttestationCenterFilterer) ParseTaskSubmitted(log types.Log) (*AttestationCenterTaskSubmitted, error) {
	event := new(AttestationCenterTaskSubmitted)
	if err := _AttestationCenter.contract.UnpackLog(event, "TaskSubmitted", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
