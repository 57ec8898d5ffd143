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

// KeeperRegistryMetaData contains all meta data concerning the KeeperRegistry contract.
var KeeperRegistryMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"minStake_\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"keeper\",\"type\":\"address\"}],\"name\":\"AlreadyRegistered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"InvalidDstLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"InvalidExpandLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"}],\"name\":\"InvalidPointLength\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidProofOfPossession\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidPubKey\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"keeper\",\"type\":\"address\"}],\"name\":\"NotActive\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"precompile\",\"type\":\"address\"}],\"name\":\"PrecompileFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"pubKeyHash\",\"type\":\"bytes32\"}],\"name\":\"PubKeyAlreadyRegistered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"keeper\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"RefundFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"stake\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"minStake\",\"type\":\"uint256\"}],\"name\":\"StakeTooLow\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"UnknownKeeper\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroMinStake\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousCoordinator\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"coordinator\",\"type\":\"address\"}],\"name\":\"CoordinatorSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"keeper\",\"type\":\"address\"}],\"name\":\"KeeperDeregistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"keeper\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"stake\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"blsPubKey\",\"type\":\"bytes\"}],\"name\":\"KeeperRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"POP_DOMAIN\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"coordinator\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"deregister\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"getKeeper\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"keeper\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"stake\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"blsPubKey\",\"type\":\"bytes\"},{\"internalType\":\"bool\",\"name\":\"active\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getKeepers\",\"outputs\":[{\"internalType\":\"address[]\",\"name\":\"keepers\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"stakes\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes[]\",\"name\":\"blsPubKeys\",\"type\":\"bytes[]\"},{\"internalType\":\"bool[]\",\"name\":\"active\",\"type\":\"bool[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"keeper\",\"type\":\"address\"}],\"name\":\"isActive\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"keeperCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"keeper\",\"type\":\"address\"}],\"name\":\"keeperId\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"minStake\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"keeper\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"blsPubKey\",\"type\":\"bytes\"}],\"name\":\"popMessage\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"pubKeyHash\",\"type\":\"bytes32\"}],\"name\":\"pubKeyRegistered\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"blsPubKey\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"pop\",\"type\":\"bytes\"}],\"name\":\"register\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"coordinator_\",\"type\":\"address\"}],\"name\":\"setCoordinator\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalStake\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	Bin: "0x60a060405234801561000f575f5ffd5b50604051611c80380380611c8083398101604081905261002e91610094565b5f80546001600160a01b0319163390811782556040519091907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0908290a3805f0361008c57604051635902e94960e01b815260040160405180910390fd5b6080526100ab565b5f602082840312156100a4575f5ffd5b5051919050565b608051611baf6100d15f395f81816101400152818161043b01526104760152611baf5ff3fe6080604052600436106100ef575f3560e01c8063a3aa503511610087578063c44a713011610057578063c44a71301461029f578063dcb67779146102ce578063f2fde38b14610301578063ff76a42914610320575f5ffd5b8063a3aa503514610234578063aff5edb114610248578063b105e39f1461025c578063c271479f14610280575f5ffd5b80638da5cb5b116100c25780638da5cb5b146101c35780638ea98117146101e15780639f8a13d714610202578063a3747fef14610221575f5ffd5b80630a009097146100f3578063375b3c0a1461012f5780638b0e9f3f146101705780638be30c4f14610185575b5f5ffd5b3480156100fe575f5ffd5b50600154610112906001600160a01b031681565b6040516001600160a01b0390911681526020015b60405180910390f35b34801561013a575f5ffd5b506101627f000000000000000000000000000000000000000000000000000000000000000081565b604051908152602001610126565b34801561017b575f5ffd5b5061016260025481565b348015610190575f5ffd5b506101b361019f366004611497565b60046020525f908152604090205460ff1681565b6040519015158152602001610126565b3480156101ce575f5ffd5b505f54610112906001600160a01b031681565b3480156101ec575f5ffd5b506102006101fb3660046114c9565b61034b565b005b34801561020d575f5ffd5b506101b361021c3660046114c9565b6103d7565b61016261022f366004611527565b610438565b34801561023f575f5ffd5b50600554610162565b348015610253575f5ffd5b50610200610787565b348015610267575f5ffd5b506102706108f5565b6040516101269493929190611657565b34801561028b575f5ffd5b5061016261029a36600461170d565b610b9e565b3480156102aa575f5ffd5b506102be6102b9366004611497565b610bc8565b604051610126949392919061175c565b3480156102d9575f5ffd5b506101627f333040f7ed9875cb97af071e41e75f49e1f4c741d4760dd7d9798bd2223bd27181565b34801561030c575f5ffd5b5061020061031b3660046114c9565b610ced565b34801561032b575f5ffd5b5061016261033a3660046114c9565b60036020525f908152604090205481565b5f546001600160a01b0316331461037c5760405163245aecd360e01b81523360048201526024015b60405180910390fd5b6001546040516001600160a01b038084169216907f770b8c4e13577f5ef5749f2e790fdb6a3f401e49bb3eded50a027c81f72c6a7c905f90a3600180546001600160a01b0319166001600160a01b0392909216919091179055565b6001600160a01b0381165f908152600360205260408120548015801590610431575060056104066001836117a9565b81548110610416576104166117bc565b5f918252602090912060039091020154600160a01b900460ff165b9392505050565b5f7f00000000000000000000000000000000000000000000000000000000000000003410156104a25760405163829f116360e01b81523460048201527f00000000000000000000000000000000000000000000000000000000000000006024820152604401610373565b335f90815260036020526040902054156104d1576040516345ed80e960e01b8152336004820152602401610373565b60808414158061051a575061051a85858080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250610d9992505050565b15610538576040516379fae7af60e01b815260040160405180910390fd5b5f85856040516105499291906117d0565b60408051918290039091205f8181526004602052919091205490915060ff16156105895760405163ad5d319f60e01b815260048101829052602401610373565b61060986868080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920191909152506105ce9250339150859050610e08565b86868080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250610e7a92505050565b610626576040516392536faf60e01b815260040160405180910390fd5b60056040518060800160405280336001600160a01b0316815260200160011515815260200134815260200188888080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92018290525093909452505083546001818101865594825260209182902084516003909202018054928501511515600160a01b026001600160a81b03199093166001600160a01b039092169190911791909117815560408301519381019390935550606081015190919060028201906106f59082611871565b5050600554335f90815260036020908152604080832084905585835260049091528120805460ff19166001179055600280549295503493509161073990849061192c565b9091555050604051339083907f22db156f9a41956586431c05435652a17548541fdb5a3564ccc32734178225e3906107769034908b908b9061193f565b60405180910390a350949350505050565b335f908152600360205260409020548015806107d7575060056107ab6001836117a9565b815481106107bb576107bb6117bc565b5f918252602090912060039091020154600160a01b900460ff16155b156107f757604051634022bc5560e01b8152336004820152602401610373565b5f60056108056001846117a9565b81548110610815576108156117bc565b5f9182526020822060016003909202019081018054825460ff60a01b1916835590839055600280549294509092839261084f9084906117a9565b9091555050604051339084907f73874447649954a4fdee32acb80e214de200b38e6b1d65940e42d6d10f68e910905f90a36040515f90339083908381818185875af1925050503d805f81146108bf576040519150601f19603f3d011682016040523d82523d5f602084013e6108c4565b606091505b50509050806108ef576040516357b9d85960e11b815233600482015260248101839052604401610373565b50505050565b6005546060908190819081908067ffffffffffffffff81111561091a5761091a6117df565b604051908082528060200260200182016040528015610943578160200160208202803683370190505b5094508067ffffffffffffffff81111561095f5761095f6117df565b604051908082528060200260200182016040528015610988578160200160208202803683370190505b5093508067ffffffffffffffff8111156109a4576109a46117df565b6040519080825280602002602001820160405280156109d757816020015b60608152602001906001900390816109c25790505b5092508067ffffffffffffffff8111156109f3576109f36117df565b604051908082528060200260200182016040528015610a1c578160200160208202803683370190505b5091505f5b81811015610b96575f60058281548110610a3d57610a3d6117bc565b5f9182526020909120600390910201805488519192506001600160a01b031690889084908110610a6f57610a6f6117bc565b60200260200101906001600160a01b031690816001600160a01b0316815250508060010154868381518110610aa657610aa66117bc565b602002602001018181525050806002018054610ac1906117f3565b80601f0160208091040260200160405190810160405280929190818152602001828054610aed906117f3565b8015610b385780601f10610b0f57610100808354040283529160200191610b38565b820191905f5260205f20905b815481529060010190602001808311610b1b57829003601f168201915b5050505050858381518110610b4f57610b4f6117bc565b6020026020010181905250805f0160149054906101000a900460ff16848381518110610b7d57610b7d6117bc565b9115156020928302919091019091015250600101610a21565b505090919293565b5f610bc0848484604051610bb39291906117d0565b6040518091039020610e08565b949350505050565b5f80606081841580610bdb575060055485115b15610bfc5760405163af91f57d60e01b815260048101869052602401610373565b5f6005610c0a6001886117a9565b81548110610c1a57610c1a6117bc565b5f9182526020909120600390910201805460018201546002830180549394506001600160a01b0383169391929091600160a01b90910460ff16908290610c5f906117f3565b80601f0160208091040260200160405190810160405280929190818152602001828054610c8b906117f3565b8015610cd65780601f10610cad57610100808354040283529160200191610cd6565b820191905f5260205f20905b815481529060010190602001808311610cb957829003601f168201915b505050505091509450945094509450509193509193565b5f546001600160a01b03163314610d195760405163245aecd360e01b8152336004820152602401610373565b6001600160a01b038116610d405760405163d92e233d60e01b815260040160405180910390fd5b5f80546040516001600160a01b03808516939216917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e091a35f80546001600160a01b0319166001600160a01b0392909216919091179055565b60015f5b8251811015610e02578281016020015183515f90610dbc9084906117a9565b90506020811015610ddd57610dd2816008611974565b5f19901c1991909116905b8115610ded57505f949350505050565b50610dfb905060208261192c565b9050610d9d565b50919050565b604080517f333040f7ed9875cb97af071e41e75f49e1f4c741d4760dd7d9798bd2223bd271602082015246918101919091523060608201526001600160a01b038316608082015260a081018290525f9060c0016040516020818303038152906040528051906020012090505b92915050565b5f60808451141580610e8f5750610100825114155b80610e9e5750610e9e84610d99565b15610eaa57505f610431565b5f610eea84604051602001610ec191815260200190565b60408051601f1981840301815260608301909152602b808352909190611acf6020830139610f65565b90505f6040518060a0016040528060808152602001611afa60809139848784604051602001610f1c94939291906119a2565b60405160208183030381529060405290505f600f90505f5f60205f855160208701865afa5f5192503d602014169050808015610f585750816001145b9998505050505050505050565b60605f5f610f738585610fa4565b91509150610f9b610f88601184610100611034565b610f96601184610100611034565b6110c2565b95945050505050565b6060805f610fb58585610100611155565b60408051608080825260a082019092529192506020820181803683370190505060408051608080825260a08201909252919450602082018180368337019050509150611003815f855f6113df565b6110118160408560406113df565b61101e816080845f6113df565b61102c8160c08460406113df565b509250929050565b60608167ffffffffffffffff81111561104f5761104f6117df565b6040519080825280601f01601f191660200182016040528015611079576020820181803683370190505b5090505f8260208301855160208701885afa3d8414169050806110ba576040516375c6821d60e11b81526001600160a01b0386166004820152602401610373565b509392505050565b60606101008351146110f55782516040516377e7011b60e01b815260048101919091526101006024820152604401610373565b6101008251146111265781516040516377e7011b60e01b815260048101919091526101006024820152604401610373565b610431600d848460405160200161113e9291906119d2565b604051602081830303815290604052610100611034565b606082515f1480611167575060ff8351115b1561118a578251604051635b16e92560e01b815260040161037391815260200190565b5f602061119884601f61192c565b6111a291906119e0565b90508215806111b1575060ff81115b156111d257604051637fddc84960e01b815260048101849052602401610373565b5f8485516040516020016111e79291906119ff565b60408051601f198184030181529082905291505f9060029061121790839081908b908a9083908990602001611a26565b60408051601f198184030181529082905261123191611a6f565b602060405180830381855afa15801561124c573d5f5f3e3d5ffd5b5050506040513d601f19601f8201168201806040525081019061126f9190611a7a565b90505f60028260018560405160200161128a93929190611a91565b60408051601f19818403018152908290526112a491611a6f565b602060405180830381855afa1580156112bf573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906112e29190611a7a565b90506112ef846020611974565b67ffffffffffffffff811115611307576113076117df565b6040519080825280601f01601f191660200182016040528015611331576020820181803683370190505b5060208101829052945060025b8481116113d1576002828418828660405160200161135e93929190611a91565b60408051601f198184030181529082905261137891611a6f565b602060405180830381855afa158015611393573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906113b69190611a7a565b91508181602002870152806113ca90611ab6565b905061133e565b505050928252509392505050565b5f600590505f604051604081526001602082015260306040820152856020880101805160608301526020810151608083015250600160a08201537f1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f62460a18201526f1eabfffeb153ffffb9feffffffffaaab60801b60c18201526030858501810160d183865afa3d60301416915081905061148f576040516375c6821d60e11b815260056004820152602401610373565b505050505050565b5f602082840312156114a7575f5ffd5b5035919050565b80356001600160a01b03811681146114c4575f5ffd5b919050565b5f602082840312156114d9575f5ffd5b610431826114ae565b5f5f83601f8401126114f2575f5ffd5b50813567ffffffffffffffff811115611509575f5ffd5b602083019150836020828501011115611520575f5ffd5b9250929050565b5f5f5f5f6040858703121561153a575f5ffd5b843567ffffffffffffffff811115611550575f5ffd5b61155c878288016114e2565b909550935050602085013567ffffffffffffffff81111561157b575f5ffd5b611587878288016114e2565b95989497509550505050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b5f82825180855260208501945060208160051b830101602085015f5b8381101561160f57601f198584030188526115f9838351611593565b60209889019890935091909101906001016115dd565b50909695505050505050565b5f8151808452602084019350602083015f5b8281101561164d578151151586526020958601959091019060010161162d565b5093949350505050565b608080825285519082018190525f90602087019060a0840190835b818110156116995783516001600160a01b0316835260209384019390920191600101611672565b505083810360208501528091505f87518083526020830193506020890192505f5b818110156116d85783518552602094850194909301926001016116ba565b5050505082810360408401526116ee81866115c1565b90508281036060840152611702818561161b565b979650505050505050565b5f5f5f6040848603121561171f575f5ffd5b611728846114ae565b9250602084013567ffffffffffffffff811115611743575f5ffd5b61174f868287016114e2565b9497909650939450505050565b60018060a01b0385168152836020820152608060408201525f6117826080830185611593565b9050821515606083015295945050505050565b634e487b7160e01b5f52601160045260245ffd5b81810381811115610e7457610e74611795565b634e487b7160e01b5f52603260045260245ffd5b818382375f9101908152919050565b634e487b7160e01b5f52604160045260245ffd5b600181811c9082168061180757607f821691505b602082108103610e0257634e487b7160e01b5f52602260045260245ffd5b601f82111561186c57805f5260205f20601f840160051c8101602085101561184a5750805b601f840160051c820191505b81811015611869575f8155600101611856565b50505b505050565b815167ffffffffffffffff81111561188b5761188b6117df565b61189f8161189984546117f3565b84611825565b6020601f8211600181146118d1575f83156118ba5750848201515b5f19600385901b1c1916600184901b178455611869565b5f84815260208120601f198516915b8281101561190057878501518255602094850194600190920191016118e0565b508482101561191d57868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b80820180821115610e7457610e74611795565b83815260406020820152816040820152818360608301375f818301606090810191909152601f909201601f1916010192915050565b8082028115828204841417610e7457610e74611795565b5f81518060208401855e5f93019283525090919050565b5f6119c86119c26119bc6119b6858a61198b565b8861198b565b8661198b565b8461198b565b9695505050505050565b5f610bc06119c2838661198b565b5f826119fa57634e487b7160e01b5f52601260045260245ffd5b500490565b5f611a0a828561198b565b60f89390931b6001600160f81b03191683525050600101919050565b8681528560208201525f611a3d604083018761198b565b60f086901b6001600160f01b031916815260f885901b6001600160f81b0319166002820152610f58600382018561198b565b5f610431828461198b565b5f60208284031215611a8a575f5ffd5b5051919050565b83815260f883901b6001600160f81b03191660208201525f610f9b602183018461198b565b5f60018201611ac757611ac7611795565b506001019056fe424c535f5349475f424c53313233383147325f584d443a5348412d3235365f535357555f524f5f504f505f0000000000000000000000000000000017f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb00000000000000000000000000000000114d1d6855d545a8aa7d76c8cf2e21f267816aef1db507c96655b9d5caac42364e6f38ba0ecb751bad54dcd6b939c2caa26469706673582212202d7dedebd8ee10a9e8deec34ac81e071a57cdd8fb85b09887d6f7ce8f4fe654664736f6c634300081e0033",
}

// KeeperRegistryABI is the input ABI used to generate the binding from.
// Deprecated: Use KeeperRegistryMetaData.ABI instead.
var KeeperRegistryABI = KeeperRegistryMetaData.ABI

// KeeperRegistryBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use KeeperRegistryMetaData.Bin instead.
var KeeperRegistryBin = KeeperRegistryMetaData.Bin

// DeployKeeperRegistry deploys a new Ethereum contract, binding an instance of KeeperRegistry to it.
func DeployKeeperRegistry(auth *bind.TransactOpts, backend bind.ContractBackend, minStake_ *big.Int) (common.Address, *types.Transaction, *KeeperRegistry, error) {
	parsed, err := KeeperRegistryMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(KeeperRegistryBin), backend, minStake_)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &KeeperRegistry{KeeperRegistryCaller: KeeperRegistryCaller{contract: contract}, KeeperRegistryTransactor: KeeperRegistryTransactor{contract: contract}, KeeperRegistryFilterer: KeeperRegistryFilterer{contract: contract}}, nil
}

// KeeperRegistry is an auto generated Go binding around an Ethereum contract.
type KeeperRegistry struct {
	KeeperRegistryCaller     // Read-only binding to the contract
	KeeperRegistryTransactor // Write-only binding to the contract
	KeeperRegistryFilterer   // Log filterer for contract events
}

// KeeperRegistryCaller is an auto generated read-only Go binding around an Ethereum contract.
type KeeperRegistryCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// KeeperRegistryTransactor is an auto generated write-only Go binding around an Ethereum contract.
type KeeperRegistryTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// KeeperRegistryFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type KeeperRegistryFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// KeeperRegistrySession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type KeeperRegistrySession struct {
	Contract     *KeeperRegistry   // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// KeeperRegistryCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type KeeperRegistryCallerSession struct {
	Contract *KeeperRegistryCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts         // Call options to use throughout this session
}

// KeeperRegistryTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type KeeperRegistryTransactorSession struct {
	Contract     *KeeperRegistryTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts         // Transaction auth options to use throughout this session
}

// KeeperRegistryRaw is an auto generated low-level Go binding around an Ethereum contract.
type KeeperRegistryRaw struct {
	Contract *KeeperRegistry // Generic contract binding to access the raw methods on
}

// KeeperRegistryCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type KeeperRegistryCallerRaw struct {
	Contract *KeeperRegistryCaller // Generic read-only contract binding to access the raw methods on
}

// KeeperRegistryTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type KeeperRegistryTransactorRaw struct {
	Contract *KeeperRegistryTransactor // Generic write-only contract binding to access the raw methods on
}

// NewKeeperRegistry creates a new instance of KeeperRegistry, bound to a specific deployed contract.
func NewKeeperRegistry(address common.Address, backend bind.ContractBackend) (*KeeperRegistry, error) {
	contract, err := bindKeeperRegistry(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &KeeperRegistry{KeeperRegistryCaller: KeeperRegistryCaller{contract: contract}, KeeperRegistryTransactor: KeeperRegistryTransactor{contract: contract}, KeeperRegistryFilterer: KeeperRegistryFilterer{contract: contract}}, nil
}

// NewKeeperRegistryCaller creates a new read-only instance of KeeperRegistry, bound to a specific deployed contract.
func NewKeeperRegistryCaller(address common.Address, caller bind.ContractCaller) (*KeeperRegistryCaller, error) {
	contract, err := bindKeeperRegistry(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &KeeperRegistryCaller{contract: contract}, nil
}

// NewKeeperRegistryTransactor creates a new write-only instance of KeeperRegistry, bound to a specific deployed contract.
func NewKeeperRegistryTransactor(address common.Address, transactor bind.ContractTransactor) (*KeeperRegistryTransactor, error) {
	contract, err := bindKeeperRegistry(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &KeeperRegistryTransactor{contract: contract}, nil
}

// NewKeeperRegistryFilterer creates a new log filterer instance of KeeperRegistry, bound to a specific deployed contract.
func NewKeeperRegistryFilterer(address common.Address, filterer bind.ContractFilterer) (*KeeperRegistryFilterer, error) {
	contract, err := bindKeeperRegistry(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &KeeperRegistryFilterer{contract: contract}, nil
}

// bindKeeperRegistry binds a generic wrapper to an already deployed contract.
func bindKeeperRegistry(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := KeeperRegistryMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_KeeperRegistry *KeeperRegistryRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _KeeperRegistry.Contract.KeeperRegistryCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_KeeperRegistry *KeeperRegistryRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _KeeperRegistry.Contract.KeeperRegistryTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_KeeperRegistry *KeeperRegistryRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _KeeperRegistry.Contract.KeeperRegistryTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_KeeperRegistry *KeeperRegistryCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _KeeperRegistry.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_KeeperRegistry *KeeperRegistryTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _KeeperRegistry.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_KeeperRegistry *KeeperRegistryTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _KeeperRegistry.Contract.contract.Transact(opts, method, params...)
}

// POPDOMAIN is a free data retrieval call binding the contract method 0xdcb67779.
//
// Solidity: function POP_DOMAIN() view returns(bytes32)
func (_KeeperRegistry *KeeperRegistryCaller) POPDOMAIN(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _KeeperRegistry.contract.Call(opts, &out, "POP_DOMAIN")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// POPDOMAIN is a free data retrieval call binding the contract method 0xdcb67779.
//
// Solidity: function POP_DOMAIN() view returns(bytes32)
func (_KeeperRegistry *KeeperRegistrySession) POPDOMAIN() ([32]byte, error) {
	return _KeeperRegistry.Contract.POPDOMAIN(&_KeeperRegistry.CallOpts)
}

// POPDOMAIN is a free data retrieval call binding the contract method 0xdcb67779.
//
// Solidity: function POP_DOMAIN() view returns(bytes32)
func (_KeeperRegistry *KeeperRegistryCallerSession) POPDOMAIN() ([32]byte, error) {
	return _KeeperRegistry.Contract.POPDOMAIN(&_KeeperRegistry.CallOpts)
}

// Coordinator is a free data retrieval call binding the contract method 0x0a009097.
//
// Solidity: function coordinator() view returns(address)
func (_KeeperRegistry *KeeperRegistryCaller) Coordinator(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _KeeperRegistry.contract.Call(opts, &out, "coordinator")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Coordinator is a free data retrieval call binding the contract method 0x0a009097.
//
// Solidity: function coordinator() view returns(address)
func (_KeeperRegistry *KeeperRegistrySession) Coordinator() (common.Address, error) {
	return _KeeperRegistry.Contract.Coordinator(&_KeeperRegistry.CallOpts)
}

// Coordinator is a free data retrieval call binding the contract method 0x0a009097.
//
// Solidity: function coordinator() view returns(address)
func (_KeeperRegistry *KeeperRegistryCallerSession) Coordinator() (common.Address, error) {
	return _KeeperRegistry.Contract.Coordinator(&_KeeperRegistry.CallOpts)
}

// GetKeeper is a free data retrieval call binding the contract method 0xc44a7130.
//
// Solidity: function getKeeper(uint256 id) view returns(address keeper, uint256 stake, bytes blsPubKey, bool active)
func (_KeeperRegistry *KeeperRegistryCaller) GetKeeper(opts *bind.CallOpts, id *big.Int) (struct {
	Keeper    common.Address
	Stake     *big.Int
	BlsPubKey []byte
	Active    bool
}, error) {
	var out []interface{}
	err := _KeeperRegistry.contract.Call(opts, &out, "getKeeper", id)

	outstruct := new(struct {
		Keeper    common.Address
		Stake     *big.Int
		BlsPubKey []byte
		Active    bool
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Keeper = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.Stake = *abi.ConvertType(out[1], new(*big.Int)).(**big.Int)
	outstruct.BlsPubKey = *abi.ConvertType(out[2], new([]byte)).(*[]byte)
	outstruct.Active = *abi.ConvertType(out[3], new(bool)).(*bool)

	return *outstruct, err

}

// GetKeeper is a free data retrieval call binding the contract method 0xc44a7130.
//
// Solidity: function getKeeper(uint256 id) view returns(address keeper, uint256 stake, bytes blsPubKey, bool active)
func (_KeeperRegistry *KeeperRegistrySession) GetKeeper(id *big.Int) (struct {
	Keeper    common.Address
	Stake     *big.Int
	BlsPubKey []byte
	Active    bool
}, error) {
	return _KeeperRegistry.Contract.GetKeeper(&_KeeperRegistry.CallOpts, id)
}

// GetKeeper is a free data retrieval call binding the contract method 0xc44a7130.
//
// Solidity: function getKeeper(uint256 id) view returns(address keeper, uint256 stake, bytes blsPubKey, bool active)
func (_KeeperRegistry *KeeperRegistryCallerSession) GetKeeper(id *big.Int) (struct {
	Keeper    common.Address
	Stake     *big.Int
	BlsPubKey []byte
	Active    bool
}, error) {
	return _KeeperRegistry.Contract.GetKeeper(&_KeeperRegistry.CallOpts, id)
}

// GetKeepers is a free data retrieval call binding the contract method 0xb105e39f.
//
// Solidity: function getKeepers() view returns(address[] keepers, uint256[] stakes, bytes[] blsPubKeys, bool[] active)
func (_KeeperRegistry *KeeperRegistryCaller) GetKeepers(opts *bind.CallOpts) (struct {
	Keepers    []common.Address
	Stakes     []*big.Int
	BlsPubKeys [][]byte
	Active     []bool
}, error) {
	var out []interface{}
	err := _KeeperRegistry.contract.Call(opts, &out, "getKeepers")

	outstruct := new(struct {
		Keepers    []common.Address
		Stakes     []*big.Int
		BlsPubKeys [][]byte
		Active     []bool
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Keepers = *abi.ConvertType(out[0], new([]common.Address)).(*[]common.Address)
	outstruct.Stakes = *abi.ConvertType(out[1], new([]*big.Int)).(*[]*big.Int)
	outstruct.BlsPubKeys = *abi.ConvertType(out[2], new([][]byte)).(*[][]byte)
	outstruct.Active = *abi.ConvertType(out[3], new([]bool)).(*[]bool)

	return *outstruct, err

}

// GetKeepers is a free data retrieval call binding the contract method 0xb105e39f.
//
// Solidity: function getKeepers() view returns(address[] keepers, uint256[] stakes, bytes[] blsPubKeys, bool[] active)
func (_KeeperRegistry *KeeperRegistrySession) GetKeepers() (struct {
	Keepers    []common.Address
	Stakes     []*big.Int
	BlsPubKeys [][]byte
	Active     []bool
}, error) {
	return _KeeperRegistry.Contract.GetKeepers(&_KeeperRegistry.CallOpts)
}

// GetKeepers is a free data retrieval call binding the contract method 0xb105e39f.
//
// Solidity: function getKeepers() view returns(address[] keepers, uint256[] stakes, bytes[] blsPubKeys, bool[] active)
func (_KeeperRegistry *KeeperRegistryCallerSession) GetKeepers() (struct {
	Keepers    []common.Address
	Stakes     []*big.Int
	BlsPubKeys [][]byte
	Active     []bool
}, error) {
	return _KeeperRegistry.Contract.GetKeepers(&_KeeperRegistry.CallOpts)
}

// IsActive is a free data retrieval call binding the contract method 0x9f8a13d7.
//
// Solidity: function isActive(address keeper) view returns(bool)
func (_KeeperRegistry *KeeperRegistryCaller) IsActive(opts *bind.CallOpts, keeper common.Address) (bool, error) {
	var out []interface{}
	err := _KeeperRegistry.contract.Call(opts, &out, "isActive", keeper)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// IsActive is a free data retrieval call binding the contract method 0x9f8a13d7.
//
// Solidity: function isActive(address keeper) view returns(bool)
func (_KeeperRegistry *KeeperRegistrySession) IsActive(keeper common.Address) (bool, error) {
	return _KeeperRegistry.Contract.IsActive(&_KeeperRegistry.CallOpts, keeper)
}

// IsActive is a free data retrieval call binding the contract method 0x9f8a13d7.
//
// Solidity: function isActive(address keeper) view returns(bool)
func (_KeeperRegistry *KeeperRegistryCallerSession) IsActive(keeper common.Address) (bool, error) {
	return _KeeperRegistry.Contract.IsActive(&_KeeperRegistry.CallOpts, keeper)
}

// KeeperCount is a free data retrieval call binding the contract method 0xa3aa5035.
//
// Solidity: function keeperCount() view returns(uint256)
func (_KeeperRegistry *KeeperRegistryCaller) KeeperCount(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _KeeperRegistry.contract.Call(opts, &out, "keeperCount")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// KeeperCount is a free data retrieval call binding the contract method 0xa3aa5035.
//
// Solidity: function keeperCount() view returns(uint256)
func (_KeeperRegistry *KeeperRegistrySession) KeeperCount() (*big.Int, error) {
	return _KeeperRegistry.Contract.KeeperCount(&_KeeperRegistry.CallOpts)
}

// KeeperCount is a free data retrieval call binding the contract method 0xa3aa5035.
//
// Solidity: function keeperCount() view returns(uint256)
func (_KeeperRegistry *KeeperRegistryCallerSession) KeeperCount() (*big.Int, error) {
	return _KeeperRegistry.Contract.KeeperCount(&_KeeperRegistry.CallOpts)
}

// KeeperId is a free data retrieval call binding the contract method 0xff76a429.
//
// Solidity: function keeperId(address keeper) view returns(uint256 id)
func (_KeeperRegistry *KeeperRegistryCaller) KeeperId(opts *bind.CallOpts, keeper common.Address) (*big.Int, error) {
	var out []interface{}
	err := _KeeperRegistry.contract.Call(opts, &out, "keeperId", keeper)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// KeeperId is a free data retrieval call binding the contract method 0xff76a429.
//
// Solidity: function keeperId(address keeper) view returns(uint256 id)
func (_KeeperRegistry *KeeperRegistrySession) KeeperId(keeper common.Address) (*big.Int, error) {
	return _KeeperRegistry.Contract.KeeperId(&_KeeperRegistry.CallOpts, keeper)
}

// KeeperId is a free data retrieval call binding the contract method 0xff76a429.
//
// Solidity: function keeperId(address keeper) view returns(uint256 id)
func (_KeeperRegistry *KeeperRegistryCallerSession) KeeperId(keeper common.Address) (*big.Int, error) {
	return _KeeperRegistry.Contract.KeeperId(&_KeeperRegistry.CallOpts, keeper)
}

// MinStake is a free data retrieval call binding the contract method 0x375b3c0a.
//
// Solidity: function minStake() view returns(uint256)
func (_KeeperRegistry *KeeperRegistryCaller) MinStake(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _KeeperRegistry.contract.Call(opts, &out, "minStake")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MinStake is a free data retrieval call binding the contract method 0x375b3c0a.
//
// Solidity: function minStake() view returns(uint256)
func (_KeeperRegistry *KeeperRegistrySession) MinStake() (*big.Int, error) {
	return _KeeperRegistry.Contract.MinStake(&_KeeperRegistry.CallOpts)
}

// MinStake is a free data retrieval call binding the contract method 0x375b3c0a.
//
// Solidity: function minStake() view returns(uint256)
func (_KeeperRegistry *KeeperRegistryCallerSession) MinStake() (*big.Int, error) {
	return _KeeperRegistry.Contract.MinStake(&_KeeperRegistry.CallOpts)
}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_KeeperRegistry *KeeperRegistryCaller) Owner(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _KeeperRegistry.contract.Call(opts, &out, "owner")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_KeeperRegistry *KeeperRegistrySession) Owner() (common.Address, error) {
	return _KeeperRegistry.Contract.Owner(&_KeeperRegistry.CallOpts)
}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_KeeperRegistry *KeeperRegistryCallerSession) Owner() (common.Address, error) {
	return _KeeperRegistry.Contract.Owner(&_KeeperRegistry.CallOpts)
}

// PopMessage is a free data retrieval call binding the contract method 0xc271479f.
//
// Solidity: function popMessage(address keeper, bytes blsPubKey) view returns(bytes32)
func (_KeeperRegistry *KeeperRegistryCaller) PopMessage(opts *bind.CallOpts, keeper common.Address, blsPubKey []byte) ([32]byte, error) {
	var out []interface{}
	err := _KeeperRegistry.contract.Call(opts, &out, "popMessage", keeper, blsPubKey)

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// PopMessage is a free data retrieval call binding the contract method 0xc271479f.
//
// Solidity: function popMessage(address keeper, bytes blsPubKey) view returns(bytes32)
func (_KeeperRegistry *KeeperRegistrySession) PopMessage(keeper common.Address, blsPubKey []byte) ([32]byte, error) {
	return _KeeperRegistry.Contract.PopMessage(&_KeeperRegistry.CallOpts, keeper, blsPubKey)
}

// PopMessage is a free data retrieval call binding the contract method 0xc271479f.
//
// Solidity: function popMessage(address keeper, bytes blsPubKey) view returns(bytes32)
func (_KeeperRegistry *KeeperRegistryCallerSession) PopMessage(keeper common.Address, blsPubKey []byte) ([32]byte, error) {
	return _KeeperRegistry.Contract.PopMessage(&_KeeperRegistry.CallOpts, keeper, blsPubKey)
}

// PubKeyRegistered is a free data retrieval call binding the contract method 0x8be30c4f.
//
// Solidity: function pubKeyRegistered(bytes32 pubKeyHash) view returns(bool)
func (_KeeperRegistry *KeeperRegistryCaller) PubKeyRegistered(opts *bind.CallOpts, pubKeyHash [32]byte) (bool, error) {
	var out []interface{}
	err := _KeeperRegistry.contract.Call(opts, &out, "pubKeyRegistered", pubKeyHash)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// PubKeyRegistered is a free data retrieval call binding the contract method 0x8be30c4f.
//
// Solidity: function pubKeyRegistered(bytes32 pubKeyHash) view returns(bool)
func (_KeeperRegistry *KeeperRegistrySession) PubKeyRegistered(pubKeyHash [32]byte) (bool, error) {
	return _KeeperRegistry.Contract.PubKeyRegistered(&_KeeperRegistry.CallOpts, pubKeyHash)
}

// PubKeyRegistered is a free data retrieval call binding the contract method 0x8be30c4f.
//
// Solidity: function pubKeyRegistered(bytes32 pubKeyHash) view returns(bool)
func (_KeeperRegistry *KeeperRegistryCallerSession) PubKeyRegistered(pubKeyHash [32]byte) (bool, error) {
	return _KeeperRegistry.Contract.PubKeyRegistered(&_KeeperRegistry.CallOpts, pubKeyHash)
}

// TotalStake is a free data retrieval call binding the contract method 0x8b0e9f3f.
//
// Solidity: function totalStake() view returns(uint256)
func (_KeeperRegistry *KeeperRegistryCaller) TotalStake(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _KeeperRegistry.contract.Call(opts, &out, "totalStake")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// TotalStake is a free data retrieval call binding the contract method 0x8b0e9f3f.
//
// Solidity: function totalStake() view returns(uint256)
func (_KeeperRegistry *KeeperRegistrySession) TotalStake() (*big.Int, error) {
	return _KeeperRegistry.Contract.TotalStake(&_KeeperRegistry.CallOpts)
}

// TotalStake is a free data retrieval call binding the contract method 0x8b0e9f3f.
//
// Solidity: function totalStake() view returns(uint256)
func (_KeeperRegistry *KeeperRegistryCallerSession) TotalStake() (*big.Int, error) {
	return _KeeperRegistry.Contract.TotalStake(&_KeeperRegistry.CallOpts)
}

// Deregister is a paid mutator transaction binding the contract method 0xaff5edb1.
//
// Solidity: function deregister() returns()
func (_KeeperRegistry *KeeperRegistryTransactor) Deregister(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _KeeperRegistry.contract.Transact(opts, "deregister")
}

// Deregister is a paid mutator transaction binding the contract method 0xaff5edb1.
//
// Solidity: function deregister() returns()
func (_KeeperRegistry *KeeperRegistrySession) Deregister() (*types.Transaction, error) {
	return _KeeperRegistry.Contract.Deregister(&_KeeperRegistry.TransactOpts)
}

// Deregister is a paid mutator transaction binding the contract method 0xaff5edb1.
//
// Solidity: function deregister() returns()
func (_KeeperRegistry *KeeperRegistryTransactorSession) Deregister() (*types.Transaction, error) {
	return _KeeperRegistry.Contract.Deregister(&_KeeperRegistry.TransactOpts)
}

// Register is a paid mutator transaction binding the contract method 0xa3747fef.
//
// Solidity: function register(bytes blsPubKey, bytes pop) payable returns(uint256 id)
func (_KeeperRegistry *KeeperRegistryTransactor) Register(opts *bind.TransactOpts, blsPubKey []byte, pop []byte) (*types.Transaction, error) {
	return _KeeperRegistry.contract.Transact(opts, "register", blsPubKey, pop)
}

// Register is a paid mutator transaction binding the contract method 0xa3747fef.
//
// Solidity: function register(bytes blsPubKey, bytes pop) payable returns(uint256 id)
func (_KeeperRegistry *KeeperRegistrySession) Register(blsPubKey []byte, pop []byte) (*types.Transaction, error) {
	return _KeeperRegistry.Contract.Register(&_KeeperRegistry.TransactOpts, blsPubKey, pop)
}

// Register is a paid mutator transaction binding the contract method 0xa3747fef.
//
// Solidity: function register(bytes blsPubKey, bytes pop) payable returns(uint256 id)
func (_KeeperRegistry *KeeperRegistryTransactorSession) Register(blsPubKey []byte, pop []byte) (*types.Transaction, error) {
	return _KeeperRegistry.Contract.Register(&_KeeperRegistry.TransactOpts, blsPubKey, pop)
}

// SetCoordinator is a paid mutator transaction binding the contract method 0x8ea98117.
//
// Solidity: function setCoordinator(address coordinator_) returns()
func (_KeeperRegistry *KeeperRegistryTransactor) SetCoordinator(opts *bind.TransactOpts, coordinator_ common.Address) (*types.Transaction, error) {
	return _KeeperRegistry.contract.Transact(opts, "setCoordinator", coordinator_)
}

// SetCoordinator is a paid mutator transaction binding the contract method 0x8ea98117.
//
// Solidity: function setCoordinator(address coordinator_) returns()
func (_KeeperRegistry *KeeperRegistrySession) SetCoordinator(coordinator_ common.Address) (*types.Transaction, error) {
	return _KeeperRegistry.Contract.SetCoordinator(&_KeeperRegistry.TransactOpts, coordinator_)
}

// SetCoordinator is a paid mutator transaction binding the contract method 0x8ea98117.
//
// Solidity: function setCoordinator(address coordinator_) returns()
func (_KeeperRegistry *KeeperRegistryTransactorSession) SetCoordinator(coordinator_ common.Address) (*types.Transaction, error) {
	return _KeeperRegistry.Contract.SetCoordinator(&_KeeperRegistry.TransactOpts, coordinator_)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_KeeperRegistry *KeeperRegistryTransactor) TransferOwnership(opts *bind.TransactOpts, newOwner common.Address) (*types.Transaction, error) {
	return _KeeperRegistry.contract.Transact(opts, "transferOwnership", newOwner)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_KeeperRegistry *KeeperRegistrySession) TransferOwnership(newOwner common.Address) (*types.Transaction, error) {
	return _KeeperRegistry.Contract.TransferOwnership(&_KeeperRegistry.TransactOpts, newOwner)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_KeeperRegistry *KeeperRegistryTransactorSession) TransferOwnership(newOwner common.Address) (*types.Transaction, error) {
	return _KeeperRegistry.Contract.TransferOwnership(&_KeeperRegistry.TransactOpts, newOwner)
}

// KeeperRegistryCoordinatorSetIterator is returned from FilterCoordinatorSet and is used to iterate over the raw logs and unpacked data for CoordinatorSet events raised by the KeeperRegistry contract.
type KeeperRegistryCoordinatorSetIterator struct {
	Event *KeeperRegistryCoordinatorSet // Event containing the contract specifics and raw log

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
func (it *KeeperRegistryCoordinatorSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(KeeperRegistryCoordinatorSet)
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
		it.Event = new(KeeperRegistryCoordinatorSet)
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
func (it *KeeperRegistryCoordinatorSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *KeeperRegistryCoordinatorSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// KeeperRegistryCoordinatorSet represents a CoordinatorSet event raised by the KeeperRegistry contract.
type KeeperRegistryCoordinatorSet struct {
	PreviousCoordinator common.Address
	Coordinator         common.Address
	Raw                 types.Log // Blockchain specific contextual infos
}

// FilterCoordinatorSet is a free log retrieval operation binding the contract event 0x770b8c4e13577f5ef5749f2e790fdb6a3f401e49bb3eded50a027c81f72c6a7c.
//
// Solidity: event CoordinatorSet(address indexed previousCoordinator, address indexed coordinator)
func (_KeeperRegistry *KeeperRegistryFilterer) FilterCoordinatorSet(opts *bind.FilterOpts, previousCoordinator []common.Address, coordinator []common.Address) (*KeeperRegistryCoordinatorSetIterator, error) {

	var previousCoordinatorRule []interface{}
	for _, previousCoordinatorItem := range previousCoordinator {
		previousCoordinatorRule = append(previousCoordinatorRule, previousCoordinatorItem)
	}
	var coordinatorRule []interface{}
	for _, coordinatorItem := range coordinator {
		coordinatorRule = append(coordinatorRule, coordinatorItem)
	}

	logs, sub, err := _KeeperRegistry.contract.FilterLogs(opts, "CoordinatorSet", previousCoordinatorRule, coordinatorRule)
	if err != nil {
		return nil, err
	}
	return &KeeperRegistryCoordinatorSetIterator{contract: _KeeperRegistry.contract, event: "CoordinatorSet", logs: logs, sub: sub}, nil
}

// WatchCoordinatorSet is a free log subscription operation binding the contract event 0x770b8c4e13577f5ef5749f2e790fdb6a3f401e49bb3eded50a027c81f72c6a7c.
//
// Solidity: event CoordinatorSet(address indexed previousCoordinator, address indexed coordinator)
func (_KeeperRegistry *KeeperRegistryFilterer) WatchCoordinatorSet(opts *bind.WatchOpts, sink chan<- *KeeperRegistryCoordinatorSet, previousCoordinator []common.Address, coordinator []common.Address) (event.Subscription, error) {

	var previousCoordinatorRule []interface{}
	for _, previousCoordinatorItem := range previousCoordinator {
		previousCoordinatorRule = append(previousCoordinatorRule, previousCoordinatorItem)
	}
	var coordinatorRule []interface{}
	for _, coordinatorItem := range coordinator {
		coordinatorRule = append(coordinatorRule, coordinatorItem)
	}

	logs, sub, err := _KeeperRegistry.contract.WatchLogs(opts, "CoordinatorSet", previousCoordinatorRule, coordinatorRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(KeeperRegistryCoordinatorSet)
				if err := _KeeperRegistry.contract.UnpackLog(event, "CoordinatorSet", log); err != nil {
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

// ParseCoordinatorSet is a log parse operation binding the contract event 0x770b8c4e13577f5ef5749f2e790fdb6a3f401e49bb3eded50a027c81f72c6a7c.
//
// Solidity: event CoordinatorSet(address indexed previousCoordinator, address indexed coordinator)
func (_KeeperRegistry *KeeperRegistryFilterer) ParseCoordinatorSet(log types.Log) (*KeeperRegistryCoordinatorSet, error) {
	event := new(KeeperRegistryCoordinatorSet)
	if err := _KeeperRegistry.contract.UnpackLog(event, "CoordinatorSet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// KeeperRegistryKeeperDeregisteredIterator is returned from FilterKeeperDeregistered and is used to iterate over the raw logs and unpacked data for KeeperDeregistered events raised by the KeeperRegistry contract.
type KeeperRegistryKeeperDeregisteredIterator struct {
	Event *KeeperRegistryKeeperDeregistered // Event containing the contract specifics and raw log

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
func (it *KeeperRegistryKeeperDeregisteredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(KeeperRegistryKeeperDeregistered)
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
		it.Event = new(KeeperRegistryKeeperDeregistered)
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
func (it *KeeperRegistryKeeperDeregisteredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *KeeperRegistryKeeperDeregisteredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// KeeperRegistryKeeperDeregistered represents a KeeperDeregistered event raised by the KeeperRegistry contract.
type KeeperRegistryKeeperDeregistered struct {
	Id     *big.Int
	Keeper common.Address
	Raw    types.Log // Blockchain specific contextual infos
}

// FilterKeeperDeregistered is a free log retrieval operation binding the contract event 0x73874447649954a4fdee32acb80e214de200b38e6b1d65940e42d6d10f68e910.
//
// Solidity: event KeeperDeregistered(uint256 indexed id, address indexed keeper)
func (_KeeperRegistry *KeeperRegistryFilterer) FilterKeeperDeregistered(opts *bind.FilterOpts, id []*big.Int, keeper []common.Address) (*KeeperRegistryKeeperDeregisteredIterator, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}
	var keeperRule []interface{}
	for _, keeperItem := range keeper {
		keeperRule = append(keeperRule, keeperItem)
	}

	logs, sub, err := _KeeperRegistry.contract.FilterLogs(opts, "KeeperDeregistered", idRule, keeperRule)
	if err != nil {
		return nil, err
	}
	return &KeeperRegistryKeeperDeregisteredIterator{contract: _KeeperRegistry.contract, event: "KeeperDeregistered", logs: logs, sub: sub}, nil
}

// WatchKeeperDeregistered is a free log subscription operation binding the contract event 0x73874447649954a4fdee32acb80e214de200b38e6b1d65940e42d6d10f68e910.
//
// Solidity: event KeeperDeregistered(uint256 indexed id, address indexed keeper)
func (_KeeperRegistry *KeeperRegistryFilterer) WatchKeeperDeregistered(opts *bind.WatchOpts, sink chan<- *KeeperRegistryKeeperDeregistered, id []*big.Int, keeper []common.Address) (event.Subscription, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}
	var keeperRule []interface{}
	for _, keeperItem := range keeper {
		keeperRule = append(keeperRule, keeperItem)
	}

	logs, sub, err := _KeeperRegistry.contract.WatchLogs(opts, "KeeperDeregistered", idRule, keeperRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(KeeperRegistryKeeperDeregistered)
				if err := _KeeperRegistry.contract.UnpackLog(event, "KeeperDeregistered", log); err != nil {
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

// ParseKeeperDeregistered is a log parse operation binding the contract event 0x73874447649954a4fdee32acb80e214de200b38e6b1d65940e42d6d10f68e910.
//
// Solidity: event KeeperDeregistered(uint256 indexed id, address indexed keeper)
func (_KeeperRegistry *KeeperRegistryFilterer) ParseKeeperDeregistered(log types.Log) (*KeeperRegistryKeeperDeregistered, error) {
	event := new(KeeperRegistryKeeperDeregistered)
	if err := _KeeperRegistry.contract.UnpackLog(event, "KeeperDeregistered", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// KeeperRegistryKeeperRegisteredIterator is returned from FilterKeeperRegistered and is used to iterate over the raw logs and unpacked data for KeeperRegistered events raised by the KeeperRegistry contract.
type KeeperRegistryKeeperRegisteredIterator struct {
	Event *KeeperRegistryKeeperRegistered // Event containing the contract specifics and raw log

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
func (it *KeeperRegistryKeeperRegisteredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(KeeperRegistryKeeperRegistered)
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
		it.Event = new(KeeperRegistryKeeperRegistered)
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
func (it *KeeperRegistryKeeperRegisteredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *KeeperRegistryKeeperRegisteredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// KeeperRegistryKeeperRegistered represents a KeeperRegistered event raised by the KeeperRegistry contract.
type KeeperRegistryKeeperRegistered struct {
	Id        *big.Int
	Keeper    common.Address
	Stake     *big.Int
	BlsPubKey []byte
	Raw       types.Log // Blockchain specific contextual infos
}

// FilterKeeperRegistered is a free log retrieval operation binding the contract event 0x22db156f9a41956586431c05435652a17548541fdb5a3564ccc32734178225e3.
//
// Solidity: event KeeperRegistered(uint256 indexed id, address indexed keeper, uint256 stake, bytes blsPubKey)
func (_KeeperRegistry *KeeperRegistryFilterer) FilterKeeperRegistered(opts *bind.FilterOpts, id []*big.Int, keeper []common.Address) (*KeeperRegistryKeeperRegisteredIterator, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}
	var keeperRule []interface{}
	for _, keeperItem := range keeper {
		keeperRule = append(keeperRule, keeperItem)
	}

	logs, sub, err := _KeeperRegistry.contract.FilterLogs(opts, "KeeperRegistered", idRule, keeperRule)
	if err != nil {
		return nil, err
	}
	return &KeeperRegistryKeeperRegisteredIterator{contract: _KeeperRegistry.contract, event: "KeeperRegistered", logs: logs, sub: sub}, nil
}

// WatchKeeperRegistered is a free log subscription operation binding the contract event 0x22db156f9a41956586431c05435652a17548541fdb5a3564ccc32734178225e3.
//
// Solidity: event KeeperRegistered(uint256 indexed id, address indexed keeper, uint256 stake, bytes blsPubKey)
func (_KeeperRegistry *KeeperRegistryFilterer) WatchKeeperRegistered(opts *bind.WatchOpts, sink chan<- *KeeperRegistryKeeperRegistered, id []*big.Int, keeper []common.Address) (event.Subscription, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}
	var keeperRule []interface{}
	for _, keeperItem := range keeper {
		keeperRule = append(keeperRule, keeperItem)
	}

	logs, sub, err := _KeeperRegistry.contract.WatchLogs(opts, "KeeperRegistered", idRule, keeperRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(KeeperRegistryKeeperRegistered)
				if err := _KeeperRegistry.contract.UnpackLog(event, "KeeperRegistered", log); err != nil {
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

// ParseKeeperRegistered is a log parse operation binding the contract event 0x22db156f9a41956586431c05435652a17548541fdb5a3564ccc32734178225e3.
//
// Solidity: event KeeperRegistered(uint256 indexed id, address indexed keeper, uint256 stake, bytes blsPubKey)
func (_KeeperRegistry *KeeperRegistryFilterer) ParseKeeperRegistered(log types.Log) (*KeeperRegistryKeeperRegistered, error) {
	event := new(KeeperRegistryKeeperRegistered)
	if err := _KeeperRegistry.contract.UnpackLog(event, "KeeperRegistered", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// KeeperRegistryOwnershipTransferredIterator is returned from FilterOwnershipTransferred and is used to iterate over the raw logs and unpacked data for OwnershipTransferred events raised by the KeeperRegistry contract.
type KeeperRegistryOwnershipTransferredIterator struct {
	Event *KeeperRegistryOwnershipTransferred // Event containing the contract specifics and raw log

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
func (it *KeeperRegistryOwnershipTransferredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(KeeperRegistryOwnershipTransferred)
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
		it.Event = new(KeeperRegistryOwnershipTransferred)
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
func (it *KeeperRegistryOwnershipTransferredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *KeeperRegistryOwnershipTransferredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// KeeperRegistryOwnershipTransferred represents a OwnershipTransferred event raised by the KeeperRegistry contract.
type KeeperRegistryOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           types.Log // Blockchain specific contextual infos
}

// FilterOwnershipTransferred is a free log retrieval operation binding the contract event 0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (_KeeperRegistry *KeeperRegistryFilterer) FilterOwnershipTransferred(opts *bind.FilterOpts, previousOwner []common.Address, newOwner []common.Address) (*KeeperRegistryOwnershipTransferredIterator, error) {

	var previousOwnerRule []interface{}
	for _, previousOwnerItem := range previousOwner {
		previousOwnerRule = append(previousOwnerRule, previousOwnerItem)
	}
	var newOwnerRule []interface{}
	for _, newOwnerItem := range newOwner {
		newOwnerRule = append(newOwnerRule, newOwnerItem)
	}

	logs, sub, err := _KeeperRegistry.contract.FilterLogs(opts, "OwnershipTransferred", previousOwnerRule, newOwnerRule)
	if err != nil {
		return nil, err
	}
	return &KeeperRegistryOwnershipTransferredIterator{contract: _KeeperRegistry.contract, event: "OwnershipTransferred", logs: logs, sub: sub}, nil
}

// WatchOwnershipTransferred is a free log subscription operation binding the contract event 0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (_KeeperRegistry *KeeperRegistryFilterer) WatchOwnershipTransferred(opts *bind.WatchOpts, sink chan<- *KeeperRegistryOwnershipTransferred, previousOwner []common.Address, newOwner []common.Address) (event.Subscription, error) {

	var previousOwnerRule []interface{}
	for _, previousOwnerItem := range previousOwner {
		previousOwnerRule = append(previousOwnerRule, previousOwnerItem)
	}
	var newOwnerRule []interface{}
	for _, newOwnerItem := range newOwner {
		newOwnerRule = append(newOwnerRule, newOwnerItem)
	}

	logs, sub, err := _KeeperRegistry.contract.WatchLogs(opts, "OwnershipTransferred", previousOwnerRule, newOwnerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(KeeperRegistryOwnershipTransferred)
				if err := _KeeperRegistry.contract.UnpackLog(event, "OwnershipTransferred", log); err != nil {
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
func (_KeeperRegistry *KeeperRegistryFilterer) ParseOwnershipTransferred(log types.Log) (*KeeperRegistryOwnershipTransferred, error) {
	event := new(KeeperRegistryOwnershipTransferred)
	if err := _KeeperRegistry.contract.UnpackLog(event, "OwnershipTransferred", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
