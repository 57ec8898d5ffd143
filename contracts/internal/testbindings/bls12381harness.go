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
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"InvalidDstLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"InvalidExpandLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"}],\"name\":\"InvalidPointLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"precompile\",\"type\":\"address\"}],\"name\":\"PrecompileFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"a\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"b\",\"type\":\"bytes\"}],\"name\":\"addG1\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"message\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"dst\",\"type\":\"bytes\"},{\"internalType\":\"uint256\",\"name\":\"lenInBytes\",\"type\":\"uint256\"}],\"name\":\"expandMessageXmd\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"message\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"dst\",\"type\":\"bytes\"}],\"name\":\"hashToFieldFp2\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"u0\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"u1\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"message\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"dst\",\"type\":\"bytes\"}],\"name\":\"hashToG2\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"pubkeyG1\",\"type\":\"bytes\"},{\"internalType\":\"bytes32\",\"name\":\"message\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"sigG2\",\"type\":\"bytes\"}],\"name\":\"verify\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes[]\",\"name\":\"pubkeysG1\",\"type\":\"bytes[]\"},{\"internalType\":\"bytes32[]\",\"name\":\"messages\",\"type\":\"bytes32[]\"},{\"internalType\":\"bytes[]\",\"name\":\"sigsG2\",\"type\":\"bytes[]\"}],\"name\":\"verifyBatch\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"pubkeyG1\",\"type\":\"bytes\"},{\"internalType\":\"bytes32\",\"name\":\"message\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"sigG2\",\"type\":\"bytes\"}],\"name\":\"verifyGas\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"ok\",\"type\":\"bool\"},{\"internalType\":\"uint256\",\"name\":\"gasUsed\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	Bin: "0x6080604052348015600e575f5ffd5b506117678061001c5f395ff3fe608060405234801561000f575f5ffd5b506004361061007a575f3560e01c80639e998fa1116100585780639e998fa1146100d9578063c045aa4e14610103578063e403f62914610124578063edbec0cb14610137575f5ffd5b8063024ad3181461007e5780630f4b3b09146100a65780638976fc3b146100b9575b5f5ffd5b61009161008c3660046110e2565b61014a565b60405190151581526020015b60405180910390f35b6100916100b4366004611199565b6101c8565b6100cc6100c7366004611235565b610225565b60405161009d91906112cd565b6100ec6100e73660046110e2565b6102a1565b60408051921515835260208301919091520161009d565b610116610111366004611235565b610334565b60405161009d9291906112df565b6100cc610132366004611303565b6103b5565b6100cc610145366004611235565b61042a565b5f6101be86868080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525050604080516020601f8901819004810282018101909252878152899350915087908790819084018382808284375f9201919091525061049d92505050565b9695505050505050565b5f61021a6101d687896113b8565b8686808060200260200160405190810160405280939291908181526020018383602002808284375f9201919091525061021592508791508890506113b8565b61058a565b979650505050505050565b606061029885858080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525050604080516020601f890181900481028201810190925287815292508791508690819084018382808284375f920191909152506109f392505050565b95945050505050565b5f5f5f5a905061031a88888080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525050604080516020601f8b018190048102820181019092528981528b9350915089908990819084018382808284375f9201919091525061049d92505050565b92505a61032790826114ae565b9150509550959350505050565b6060806103a886868080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525050604080516020601f8a0181900481028201810190925288815292508891508790819084018382808284375f92019190915250610a8f92505050565b9150915094509492505050565b60606101be86868080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525050604080516020601f8a0181900481028201810190925288815292508891508790819084018382808284375f92019190915250879250610b1f915050565b606061029885858080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525050604080516020601f890181900481028201810190925287815292508791508690819084018382808284375f92019190915250610da892505050565b5f608084511415806104b25750610100825114155b806104c157506104c184610dde565b156104cd57505f610583565b5f61050d846040516020016104e491815260200190565b60408051601f1981840301815260608301909152602b8083529091906116876020830139610da8565b90505f6040518060a00160405280608081526020016116b26080913984878460405160200161053f94939291906114d8565b60405160208183030381529060405290505f600f90505f5f60205f855160208701865afa5f5192503d60201416905080801561057b5750816001145b955050505050505b9392505050565b81515f9080158061059c575080855114155b806105a8575080835114155b156105b6575f915050610583565b8060010361061c57610614855f815181106105d3576105d36114fe565b6020026020010151855f815181106105ed576105ed6114fe565b6020026020010151855f81518110610607576106076114fe565b602002602001015161049d565b915050610583565b7f69b7d78be4b03da7e40c8a66cbfba6680e1921347b8f41c4155d42f5ec9274415f5b8281101561071d575f87828151811061065a5761065a6114fe565b60200260200101519050608081511415806106915750610100868381518110610685576106856114fe565b60200260200101515114155b806106a057506106a081610dde565b156106b1575f945050505050610583565b82818884815181106106c5576106c56114fe565b60200260200101518885815181106106df576106df6114fe565b60200260200101516040516020016106fa9493929190611512565b60408051601f19818403018152919052805160209091012092505060010161063f565b505f61072c6101006020611533565b6107369084611546565b6001600160401b0381111561074d5761074d611374565b6040519080825280601f01601f191660200182016040528015610777576020820181803683370190505b5090505f6107886101006080611533565b610793856001611533565b61079d9190611546565b6001600160401b038111156107b4576107b4611374565b6040519080825280601f01601f1916602001820160405280156107de576020820181803683370190505b5090505f5b848110156109605760408051602081018690529081018290525f90606001604051602081830303815290604052805190602001205f1c6fffffffffffffffffffffffffffffffff1660011790505f61010060206108409190611533565b61084a9084611546565b905061087085828b8681518110610863576108636114fe565b6020026020010151610e4d565b8161010082016020870101525f5f6108c5600c8e8781518110610895576108956114fe565b6020026020010151866040516020016108af92919061155d565b6040516020818303038152906040526080610e5f565b91509150816108df575f9950505050505050505050610583565b6108ec6101006080611533565b6108f7866001611533565b6109019190611546565b925061090e868483610e4d565b6109518661091d608086611533565b61094c8f8981518110610932576109326114fe565b60200260200101516040516020016104e491815260200190565b610e4d565b505050508060010190506107e3565b505f5f610971600e85610100610e5f565b9150915081610988575f9650505050505050610583565b6109ab835f6040518060a00160405280608081526020016116b260809139610e4d565b6109b783608083610e4d565b5f600f90505f5f60205f875160208901865afa5f5192503d6020141690508080156109e25750816001145b9d9c50505050505050505050505050565b60606080835114610a295782516040516377e7011b60e01b81526004810191909152608060248201526044015b60405180910390fd5b6080825114610a585781516040516377e7011b60e01b8152600481019190915260806024820152604401610a20565b610a86600b8484604051602001610a70929190611575565b6040516020818303038152906040526080610ec6565b90505b92915050565b6060805f610aa08585610100610b1f565b60408051608080825260a082019092529192506020820181803683370190505060408051608080825260a08201909252919450602082018180368337019050509150610aee815f855f610f53565b610afc816040856040610f53565b610b09816080845f610f53565b610b178160c0846040610f53565b509250929050565b606082515f1480610b31575060ff8351115b15610b54578251604051635b16e92560e01b8152600401610a2091815260200190565b5f6020610b6284601f611533565b610b6c919061158b565b9050821580610b7b575060ff81115b15610b9c57604051637fddc84960e01b815260048101849052602401610a20565b5f848551604051602001610bb19291906115aa565b60408051601f198184030181529082905291505f90600290610be190839081908b908a90839089906020016115d1565b60408051601f1981840301815290829052610bfb91611627565b602060405180830381855afa158015610c16573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190610c399190611632565b90505f600282600185604051602001610c5493929190611649565b60408051601f1981840301815290829052610c6e91611627565b602060405180830381855afa158015610c89573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190610cac9190611632565b9050610cb9846020611546565b6001600160401b03811115610cd057610cd0611374565b6040519080825280601f01601f191660200182016040528015610cfa576020820181803683370190505b5060208101829052945060025b848111610d9a5760028284188286604051602001610d2793929190611649565b60408051601f1981840301815290829052610d4191611627565b602060405180830381855afa158015610d5c573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190610d7f9190611632565b9150818160200287015280610d939061166e565b9050610d07565b505050928252509392505050565b60605f5f610db68585610a8f565b91509150610298610dcb601184610100610ec6565b610dd9601184610100610ec6565b61100b565b60015f5b8251811015610e47578281016020015183515f90610e019084906114ae565b90506020811015610e2257610e17816008611546565b5f19901c1991909116905b8115610e3257505f949350505050565b50610e409050602082611533565b9050610de2565b50919050565b8051602082018360208601015e505050565b5f6060826001600160401b03811115610e7a57610e7a611374565b6040519080825280601f01601f191660200182016040528015610ea4576020820181803683370190505b5090508260208201855160208701885afa9150823d1482169150935093915050565b6060816001600160401b03811115610ee057610ee0611374565b6040519080825280601f01601f191660200182016040528015610f0a576020820181803683370190505b5090505f8260208301855160208701885afa3d841416905080610f4b576040516375c6821d60e11b81526001600160a01b0386166004820152602401610a20565b509392505050565b5f600590505f604051604081526001602082015260306040820152856020880101805160608301526020810151608083015250600160a08201537f1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f62460a18201526f1eabfffeb153ffffb9feffffffffaaab60801b60c18201526030858501810160d183865afa3d603014169150819050611003576040516375c6821d60e11b815260056004820152602401610a20565b505050505050565b606061010083511461103e5782516040516377e7011b60e01b815260048101919091526101006024820152604401610a20565b61010082511461106f5781516040516377e7011b60e01b815260048101919091526101006024820152604401610a20565b610a86600d8484604051602001611087929190611575565b604051602081830303815290604052610100610ec6565b5f5f83601f8401126110ae575f5ffd5b5081356001600160401b038111156110c4575f5ffd5b6020830191508360208285010111156110db575f5ffd5b9250929050565b5f5f5f5f5f606086880312156110f6575f5ffd5b85356001600160401b0381111561110b575f5ffd5b6111178882890161109e565b9096509450506020860135925060408601356001600160401b0381111561113c575f5ffd5b6111488882890161109e565b969995985093965092949392505050565b5f5f83601f840112611169575f5ffd5b5081356001600160401b0381111561117f575f5ffd5b6020830191508360208260051b85010111156110db575f5ffd5b5f5f5f5f5f5f606087890312156111ae575f5ffd5b86356001600160401b038111156111c3575f5ffd5b6111cf89828a01611159565b90975095505060208701356001600160401b038111156111ed575f5ffd5b6111f989828a01611159565b90955093505060408701356001600160401b03811115611217575f5ffd5b61122389828a01611159565b979a9699509497509295939492505050565b5f5f5f5f60408587031215611248575f5ffd5b84356001600160401b0381111561125d575f5ffd5b6112698782880161109e565b90955093505060208501356001600160401b03811115611287575f5ffd5b6112938782880161109e565b95989497509550505050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f610a86602083018461129f565b604081525f6112f1604083018561129f565b8281036020840152610298818561129f565b5f5f5f5f5f60608688031215611317575f5ffd5b85356001600160401b0381111561132c575f5ffd5b6113388882890161109e565b90965094505060208601356001600160401b03811115611356575f5ffd5b6113628882890161109e565b96999598509660400135949350505050565b634e487b7160e01b5f52604160045260245ffd5b604051601f8201601f191681016001600160401b03811182821017156113b0576113b0611374565b604052919050565b5f6001600160401b038311156113d0576113d0611374565b8260051b6113e060208201611388565b848152908301906020810190368311156113f8575f5ffd5b845b838110156114905780356001600160401b03811115611417575f5ffd5b860136601f820112611427575f5ffd5b80356001600160401b0381111561144057611440611374565b611453601f8201601f1916602001611388565b818152366020838501011115611467575f5ffd5b816020840160208301375f602083830101528086525050506020830192506020810190506113fa565b5095945050505050565b634e487b7160e01b5f52601160045260245ffd5b81810381811115610a8957610a8961149a565b5f81518060208401855e5f93019283525090919050565b5f6101be6114f86114f26114ec858a6114c1565b886114c1565b866114c1565b846114c1565b634e487b7160e01b5f52603260045260245ffd5b8481525f61152360208301866114c1565b84815261021a60208201856114c1565b80820180821115610a8957610a8961149a565b8082028115828204841417610a8957610a8961149a565b5f61156882856114c1565b9283525050602001919050565b5f6115836114f883866114c1565b949350505050565b5f826115a557634e487b7160e01b5f52601260045260245ffd5b500490565b5f6115b582856114c1565b60f89390931b6001600160f81b03191683525050600101919050565b8681528560208201525f6115e860408301876114c1565b60f086901b6001600160f01b031916815260f885901b6001600160f81b031916600282015261161a60038201856114c1565b9998505050505050505050565b5f610a8682846114c1565b5f60208284031215611642575f5ffd5b5051919050565b83815260f883901b6001600160f81b03191660208201525f61029860218301846114c1565b5f6001820161167f5761167f61149a565b506001019056fe424c535f5349475f424c53313233383147325f584d443a5348412d3235365f535357555f524f5f504f505f0000000000000000000000000000000017f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb00000000000000000000000000000000114d1d6855d545a8aa7d76c8cf2e21f267816aef1db507c96655b9d5caac42364e6f38ba0ecb751bad54dcd6b939c2caa2646970667358221220cfe7948aaa58d59876e9f63fc9a36b358b18afde76be3da8300c4648a830dccc64736f6c634300081e0033",
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

// VerifyBatch is a free data retrieval call binding the contract method 0x0f4b3b09.
//
// Solidity: function verifyBatch(bytes[] pubkeysG1, bytes32[] messages, bytes[] sigsG2) view returns(bool)
func (_BLS12381Harness *BLS12381HarnessCaller) VerifyBatch(opts *bind.CallOpts, pubkeysG1 [][]byte, messages [][32]byte, sigsG2 [][]byte) (bool, error) {
	var out []interface{}
	err := _BLS12381Harness.contract.Call(opts, &out, "verifyBatch", pubkeysG1, messages, sigsG2)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// VerifyBatch is a free data retrieval call binding the contract method 0x0f4b3b09.
//
// Solidity: function verifyBatch(bytes[] pubkeysG1, bytes32[] messages, bytes[] sigsG2) view returns(bool)
func (_BLS12381Harness *BLS12381HarnessSession) VerifyBatch(pubkeysG1 [][]byte, messages [][32]byte, sigsG2 [][]byte) (bool, error) {
	return _BLS12381Harness.Contract.VerifyBatch(&_BLS12381Harness.CallOpts, pubkeysG1, messages, sigsG2)
}

// VerifyBatch is a free data retrieval call binding the contract method 0x0f4b3b09.
//
// Solidity: function verifyBatch(bytes[] pubkeysG1, bytes32[] messages, bytes[] sigsG2) view returns(bool)
func (_BLS12381Harness *BLS12381HarnessCallerSession) VerifyBatch(pubkeysG1 [][]byte, messages [][32]byte, sigsG2 [][]byte) (bool, error) {
	return _BLS12381Harness.Contract.VerifyBatch(&_BLS12381Harness.CallOpts, pubkeysG1, messages, sigsG2)
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
