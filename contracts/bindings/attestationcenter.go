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

// AttestationCenterSubmission is an auto generated low-level Go binding around an user-defined struct.
type AttestationCenterSubmission struct {
	TaskId           [32]byte
	JobId            *big.Int
	TaskDefinitionId uint16
	ResultHash       [32]byte
	Approve          bool
	SignerIds        []*big.Int
	Signature        []byte
}

// AttestationCenterVote is an auto generated low-level Go binding around an user-defined struct.
type AttestationCenterVote struct {
	TaskId           [32]byte
	JobId            *big.Int
	TaskDefinitionId uint16
	ResultHash       [32]byte
	Approve          bool
}

// AttestationCenterMetaData contains all meta data concerning the AttestationCenter contract.
var AttestationCenterMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractKeeperRegistry\",\"name\":\"keeperRegistry_\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keeperId\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"}],\"name\":\"AlreadySlashed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskIdA\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"taskIdB\",\"type\":\"bytes32\"}],\"name\":\"DifferentTasks\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"InactiveSigner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"bps\",\"type\":\"uint256\"}],\"name\":\"InvalidBps\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"InvalidDstLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"InvalidExpandLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"}],\"name\":\"InvalidPointLength\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidSignature\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoSigners\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoSubmissions\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"precompile\",\"type\":\"address\"}],\"name\":\"PrecompileFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"signedStake\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"totalStake\",\"type\":\"uint256\"}],\"name\":\"QuorumNotReached\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"SameVote\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"SignerIdsNotIncreasing\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"}],\"name\":\"TaskAlreadySubmitted\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"keeperId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"reporter\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"slashed\",\"type\":\"uint256\"}],\"name\":\"ConflictingVotesReported\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"slashBps\",\"type\":\"uint256\"}],\"name\":\"SlashBpsSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"}],\"name\":\"SubmissionSkipped\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint16\",\"name\":\"taskDefinitionId\",\"type\":\"uint16\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"resultHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"taskNumber\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint256[]\",\"name\":\"signerIds\",\"type\":\"uint256[]\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"aggregator\",\"type\":\"address\"}],\"name\":\"TaskRejected\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint16\",\"name\":\"taskDefinitionId\",\"type\":\"uint16\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"resultHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"taskNumber\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint256[]\",\"name\":\"signerIds\",\"type\":\"uint256[]\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"aggregator\",\"type\":\"address\"}],\"name\":\"TaskSubmitted\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"BPS\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"VOTE_DOMAIN\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"keeperRegistry\",\"outputs\":[{\"internalType\":\"contractKeeperRegistry\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keeperId\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"},{\"internalType\":\"uint16\",\"name\":\"taskDefinitionId\",\"type\":\"uint16\"},{\"internalType\":\"bytes32\",\"name\":\"resultHash\",\"type\":\"bytes32\"},{\"internalType\":\"bool\",\"name\":\"approve\",\"type\":\"bool\"}],\"internalType\":\"structAttestationCenter.Vote\",\"name\":\"a\",\"type\":\"tuple\"},{\"internalType\":\"bytes\",\"name\":\"sigA\",\"type\":\"bytes\"},{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"},{\"internalType\":\"uint16\",\"name\":\"taskDefinitionId\",\"type\":\"uint16\"},{\"internalType\":\"bytes32\",\"name\":\"resultHash\",\"type\":\"bytes32\"},{\"internalType\":\"bool\",\"name\":\"approve\",\"type\":\"bool\"}],\"internalType\":\"structAttestationCenter.Vote\",\"name\":\"b\",\"type\":\"tuple\"},{\"internalType\":\"bytes\",\"name\":\"sigB\",\"type\":\"bytes\"}],\"name\":\"reportConflictingVotes\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"slashed\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"slashBps_\",\"type\":\"uint256\"}],\"name\":\"setSlashBps\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"slashBps\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keeperId\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"}],\"name\":\"slashedFor\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"},{\"internalType\":\"uint16\",\"name\":\"taskDefinitionId\",\"type\":\"uint16\"},{\"internalType\":\"bytes32\",\"name\":\"resultHash\",\"type\":\"bytes32\"},{\"internalType\":\"bool\",\"name\":\"approve\",\"type\":\"bool\"},{\"internalType\":\"uint256[]\",\"name\":\"signerIds\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"submitTask\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"},{\"internalType\":\"uint16\",\"name\":\"taskDefinitionId\",\"type\":\"uint16\"},{\"internalType\":\"bytes32\",\"name\":\"resultHash\",\"type\":\"bytes32\"},{\"internalType\":\"bool\",\"name\":\"approve\",\"type\":\"bool\"},{\"internalType\":\"uint256[]\",\"name\":\"signerIds\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"internalType\":\"structAttestationCenter.Submission[]\",\"name\":\"subs\",\"type\":\"tuple[]\"}],\"name\":\"submitTasks\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"}],\"name\":\"submitted\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"taskNumber\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"jobId\",\"type\":\"uint256\"},{\"internalType\":\"uint16\",\"name\":\"taskDefinitionId\",\"type\":\"uint16\"},{\"internalType\":\"bytes32\",\"name\":\"resultHash\",\"type\":\"bytes32\"},{\"internalType\":\"bool\",\"name\":\"approve\",\"type\":\"bool\"}],\"name\":\"voteDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	Bin: "0x60a0604052611388600155348015610015575f5ffd5b5060405161255038038061255083398101604081905261003491610083565b5f80546001600160a01b0319163390811782556040519091907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0908290a36001600160a01b03166080526100b0565b5f60208284031215610093575f5ffd5b81516001600160a01b03811681146100a9575f5ffd5b9392505050565b6080516124576100f95f395f81816101d8015281816102d20152818161035201528181610538015281816106ab015281816107890152818161080c015261153101526124575ff3fe608060405234801561000f575f5ffd5b50600436106100e5575f3560e01c806372d18e8d11610088578063909dd1a111610063578063909dd1a114610224578063951294351461024b578063d2b8f2fc1461025e578063f2fde38b14610271575f5ffd5b806372d18e8d146101a857806383e22774146101d35780638da5cb5b14610212575f5ffd5b80633d360ed2116100c35780633d360ed214610140578063467d3ac51461015557806353f58d5014610182578063646f43f814610195575f5ffd5b80630681e651146100e9578063249d39e9146101055780633415c8621461010e575b5f5ffd5b6100f260015481565b6040519081526020015b60405180910390f35b6100f261271081565b61013061011c366004611c1f565b60026020525f908152604090205460ff1681565b60405190151581526020016100fc565b61015361014e366004611ce0565b610284565b005b610130610163366004611d8d565b600360209081525f928352604080842090915290825290205460ff1681565b6100f2610190366004611dad565b6103ef565b6100f26101a3366004611e0d565b610476565b5f546101be90600160a01b900463ffffffff1681565b60405163ffffffff90911681526020016100fc565b6101fa7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020016100fc565b5f546101fa906001600160a01b031681565b6100f27f0b45b1e56775d650657cdeeebb56351a4422e134b73fcd8800e33b977b740f7d81565b610153610259366004611ea9565b610764565b61015361026c366004611c1f565b610b7a565b61015361027f366004611efb565b610c07565b5f8981526002602052604090205460ff16156102bb57604051633f35874160e21b8152600481018a90526024015b60405180910390fd5b6103d56102cb8a8a8a8a8a6103ef565b86868686867f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316638b0e9f3f6040518163ffffffff1660e01b8152600401602060405180830381865afa15801561032c573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906103509190611f16565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031663a3aa50356040518163ffffffff1660e01b8152600401602060405180830381865afa1580156103ac573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906103d09190611f16565b610cb3565b6103e489898989898989610d03565b505050505050505050565b604080517f0b45b1e56775d650657cdeeebb56351a4422e134b73fcd8800e33b977b740f7d602082015246918101919091523060608201526080810186905260a0810185905261ffff841660c082015260e081018390528115156101008201525f906101200160405160208183030381529060405280519060200120905095945050505050565b5f8635843581146104a4576040516331cd0cd360e21b815260048101829052853560248201526044016102b2565b5f6104ae89610df4565b90505f6104ba87610df4565b90508082036104dc57604051630dead26160e21b815260040160405180910390fd5b5f8b815260036020908152604080832086845290915290205460ff161561052057604051631af8080160e11b8152600481018c9052602481018490526044016102b2565b604051630c44a71360e41b8152600481018c90525f907f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03169063c44a7130906024015f60405180830381865afa158015610584573d5f5f3e3d5ffd5b505050506040513d5f823e601f3d908101601f191682016040526105ab9190810190611f4c565b50925050506105f081848c8c8080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250610e2a92505050565b15806106395750610637818389898080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250610e2a92505050565b155b1561065757604051638baa579f60e01b815260040160405180910390fd5b5f8c815260036020908152604080832087845290915290819020805460ff1916600190811790915554905163247e832560e11b8152600481018e905260248101919091523360448201526001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016906348fd064a906064016020604051808303815f875af11580156106f1573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906107159190611f16565b604080513381526020810183905291965085918e917f68c6b39b9af32477482c360d0ca3072173f6642f96372c2b7176a3dcffe6a9ec910160405180910390a350505050979650505050505050565b805f8190036107865760405163aa71014560e01b815260040160405180910390fd5b5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316638b0e9f3f6040518163ffffffff1660e01b8152600401602060405180830381865afa1580156107e3573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906108079190611f16565b90505f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031663a3aa50356040518163ffffffff1660e01b8152600401602060405180830381865afa158015610866573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061088a9190611f16565b90505f836001600160401b038111156108a5576108a5611f2d565b6040519080825280602002602001820160405280156108d857816020015b60608152602001906001900390816108c35790505b5090505f846001600160401b038111156108f4576108f4611f2d565b60405190808252806020026020018201604052801561091d578160200160208202803683370190505b5090505f856001600160401b0381111561093957610939611f2d565b60405190808252806020026020018201604052801561096c57816020015b60608152602001906001900390816109575790505b5090505f805b87811015610b3657368a8a8381811061098d5761098d612029565b905060200281019061099f919061203d565b80355f9081526002602052604090205490915060ff16156109eb576040518135907f24932b47d82a8e56b95f382d24e86af2e38b50e3506e42f81e36659103b89e3e905f90a250610b2e565b610a126109fe60a083016080840161205b565b610a0b60a0840184612076565b8b8b610f17565b868481518110610a2457610a24612029565b6020026020010181905250610a63815f01358260200135836040016020810190610a4e91906120bb565b606085013561019060a087016080880161205b565b858481518110610a7557610a75612029565b6020908102919091010152610a8d60c08201826120d4565b8080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920191909152505086518792508691508110610ad457610ad4612029565b602002602001018190525082610ae99061212a565b9250610b2c81356020830135610b0560608501604086016120bb565b6060850135610b1a60a087016080880161205b565b610b2760a0880188612076565b610d03565b505b600101610972565b50805f03610b4957505050505050505050565b808452808352808252610b5d848484610f84565b6103e457604051638baa579f60e01b815260040160405180910390fd5b5f546001600160a01b03163314610ba65760405163245aecd360e01b81523360048201526024016102b2565b612710811115610bcc57604051632e109e9f60e01b8152600481018290526024016102b2565b60018190556040518181527f54f28f7c5e55c905a090b550cd72e201a2080b9362c53bd2adde07bf74e403aa9060200160405180910390a150565b5f546001600160a01b03163314610c335760405163245aecd360e01b81523360048201526024016102b2565b6001600160a01b038116610c5a5760405163d92e233d60e01b815260040160405180910390fd5b5f80546040516001600160a01b03808516939216917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e091a35f80546001600160a01b0319166001600160a01b0392909216919091179055565b5f610cc18888888686610f17565b9050610b5d818a87878080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250610e2a92505050565b5f878152600260205260408120805460ff1916600117905580548190601490610d399063ffffffff600160a01b90910416612142565b91906101000a81548163ffffffff021916908363ffffffff160217905590508315610da65786887fb49ab91adf598a4fd8ff3fcb3ea42a5e8a5c2550b13759f51b65c2f3c0b8833f888885888833604051610d9996959493929190612166565b60405180910390a3610dea565b86887fd1bc872004d2724f3b68716f14427e430bdc0a688485ed6ec9b078b0408cbceb888885888833604051610de196959493929190612166565b60405180910390a35b5050505050505050565b5f610e2482356020840135610e0f60608601604087016120bb565b606086013561019060a088016080890161205b565b92915050565b5f60808451141580610e3f5750610100825114155b80610e4e5750610e4e846113ed565b15610e5a57505f610f10565b5f610e9a84604051602001610e7191815260200190565b60408051601f1981840301815260608301909152602b808352909190612377602083013961145c565b90505f6040518060a00160405280608081526020016123a260809139848784604051602001610ecc94939291906121e3565b60405160208183030381529060405290505f600f90505f5f60205f855160208701865afa5f5192503d602014169050808015610f085750816001145b955050505050505b9392505050565b60605f610f2586868561149b565b909250905086610f36576001610f39565b60025b610f469060ff1685612213565b610f51826003612213565b1015610f7a57604051631a88566160e21b815260048101829052602481018590526044016102b2565b5095945050505050565b81515f90801580610f96575080855114155b80610fa2575080835114155b15610fb0575f915050610f10565b806001036110165761100e855f81518110610fcd57610fcd612029565b6020026020010151855f81518110610fe757610fe7612029565b6020026020010151855f8151811061100157611001612029565b6020026020010151610e2a565b915050610f10565b7f69b7d78be4b03da7e40c8a66cbfba6680e1921347b8f41c4155d42f5ec9274415f5b82811015611117575f87828151811061105457611054612029565b602002602001015190506080815114158061108b575061010086838151811061107f5761107f612029565b60200260200101515114155b8061109a575061109a816113ed565b156110ab575f945050505050610f10565b82818884815181106110bf576110bf612029565b60200260200101518885815181106110d9576110d9612029565b60200260200101516040516020016110f4949392919061222a565b60408051601f198184030181529190528051602090910120925050600101611039565b505f6111266101006020612256565b6111309084612213565b6001600160401b0381111561114757611147611f2d565b6040519080825280601f01601f191660200182016040528015611171576020820181803683370190505b5090505f6111826101006080612256565b61118d856001612256565b6111979190612213565b6001600160401b038111156111ae576111ae611f2d565b6040519080825280601f01601f1916602001820160405280156111d8576020820181803683370190505b5090505f5b8481101561135a5760408051602081018690529081018290525f90606001604051602081830303815290604052805190602001205f1c6fffffffffffffffffffffffffffffffff1660011790505f610100602061123a9190612256565b6112449084612213565b905061126a85828b868151811061125d5761125d612029565b6020026020010151611627565b8161010082016020870101525f5f6112bf600c8e878151811061128f5761128f612029565b6020026020010151866040516020016112a9929190612269565b6040516020818303038152906040526080611639565b91509150816112d9575f9950505050505050505050610f10565b6112e66101006080612256565b6112f1866001612256565b6112fb9190612213565b9250611308868483611627565b61134b86611317608086612256565b6113468f898151811061132c5761132c612029565b6020026020010151604051602001610e7191815260200190565b611627565b505050508060010190506111dd565b505f5f61136b600e85610100611639565b9150915081611382575f9650505050505050610f10565b6113a5835f6040518060a00160405280608081526020016123a260809139611627565b6113b183608083611627565b5f600f90505f5f60205f875160208901865afa5f5192503d6020141690508080156113dc5750816001145b9d9c50505050505050505050505050565b60015f5b8251811015611456578281016020015183515f90611410908490612281565b9050602081101561143157611426816008612213565b5f19901c1991909116905b811561144157505f949350505050565b5061144f9050602082612256565b90506113f1565b50919050565b60605f5f61146a85856116a0565b9150915061149261147f601184610100611730565b61148d601184610100611730565b6117bd565b95945050505050565b60605f8381036114be57604051630c7af40f60e41b815260040160405180910390fd5b5f805b8581101561161d575f8787838181106114dc576114dc612029565b90506020020135905082811161150857604051636242555d60e01b8152600481018390526024016102b2565b8581111561152c576040516326c5305560e21b8152600481018290526024016102b2565b5f5f5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031663c44a7130856040518263ffffffff1660e01b815260040161157d91815260200190565b5f60405180830381865afa158015611597573d5f5f3e3d5ffd5b505050506040513d5f823e601f3d908101601f191682016040526115be9190810190611f4c565b93509350935050806115e6576040516326c5305560e21b8152600481018590526024016102b2565b6115f08388612256565b96508415611607576116028883611850565b611609565b815b9750839550505050508060010190506114c1565b5050935093915050565b8051602082018360208601015e505050565b5f6060826001600160401b0381111561165457611654611f2d565b6040519080825280601f01601f19166020018201604052801561167e576020820181803683370190505b5090508260208201855160208701885afa9150823d1482169150935093915050565b6060805f6116b185856101006118de565b60408051608080825260a082019092529192506020820181803683370190505060408051608080825260a082019092529194506020820181803683370190505091506116ff815f855f611b67565b61170d816040856040611b67565b61171a816080845f611b67565b6117288160c0846040611b67565b509250929050565b6060816001600160401b0381111561174a5761174a611f2d565b6040519080825280601f01601f191660200182016040528015611774576020820181803683370190505b5090505f8260208301855160208701885afa3d8414169050806117b5576040516375c6821d60e11b81526001600160a01b03861660048201526024016102b2565b509392505050565b60606101008351146117f05782516040516377e7011b60e01b8152600481019190915261010060248201526044016102b2565b6101008251146118215781516040516377e7011b60e01b8152600481019190915261010060248201526044016102b2565b610f10600d8484604051602001611839929190612294565b604051602081830303815290604052610100611730565b606060808351146118815782516040516377e7011b60e01b81526004810191909152608060248201526044016102b2565b60808251146118b05781516040516377e7011b60e01b81526004810191909152608060248201526044016102b2565b610f10600b84846040516020016118c8929190612294565b6040516020818303038152906040526080611730565b606082515f14806118f0575060ff8351115b15611913578251604051635b16e92560e01b81526004016102b291815260200190565b5f602061192184601f612256565b61192b91906122aa565b905082158061193a575060ff81115b1561195b57604051637fddc84960e01b8152600481018490526024016102b2565b5f8485516040516020016119709291906122c9565b60408051601f198184030181529082905291505f906002906119a090839081908b908a90839089906020016122f0565b60408051601f19818403018152908290526119ba91612346565b602060405180830381855afa1580156119d5573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906119f89190611f16565b90505f600282600185604051602001611a1393929190612351565b60408051601f1981840301815290829052611a2d91612346565b602060405180830381855afa158015611a48573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190611a6b9190611f16565b9050611a78846020612213565b6001600160401b03811115611a8f57611a8f611f2d565b6040519080825280601f01601f191660200182016040528015611ab9576020820181803683370190505b5060208101829052945060025b848111611b595760028284188286604051602001611ae693929190612351565b60408051601f1981840301815290829052611b0091612346565b602060405180830381855afa158015611b1b573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190611b3e9190611f16565b9150818160200287015280611b529061212a565b9050611ac6565b505050928252509392505050565b5f600590505f604051604081526001602082015260306040820152856020880101805160608301526020810151608083015250600160a08201537f1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f62460a18201526f1eabfffeb153ffffb9feffffffffaaab60801b60c18201526030858501810160d183865afa3d603014169150819050611c17576040516375c6821d60e11b8152600560048201526024016102b2565b505050505050565b5f60208284031215611c2f575f5ffd5b5035919050565b803561ffff81168114611c47575f5ffd5b919050565b8015158114611c59575f5ffd5b50565b5f5f83601f840112611c6c575f5ffd5b5081356001600160401b03811115611c82575f5ffd5b6020830191508360208260051b8501011115611c9c575f5ffd5b9250929050565b5f5f83601f840112611cb3575f5ffd5b5081356001600160401b03811115611cc9575f5ffd5b602083019150836020828501011115611c9c575f5ffd5b5f5f5f5f5f5f5f5f5f60e08a8c031215611cf8575f5ffd5b8935985060208a01359750611d0f60408b01611c36565b965060608a0135955060808a0135611d2681611c4c565b945060a08a01356001600160401b03811115611d40575f5ffd5b611d4c8c828d01611c5c565b90955093505060c08a01356001600160401b03811115611d6a575f5ffd5b611d768c828d01611ca3565b915080935050809150509295985092959850929598565b5f5f60408385031215611d9e575f5ffd5b50508035926020909101359150565b5f5f5f5f5f60a08688031215611dc1575f5ffd5b8535945060208601359350611dd860408701611c36565b9250606086013591506080860135611def81611c4c565b809150509295509295909350565b5f60a08284031215611456575f5ffd5b5f5f5f5f5f5f5f6101a0888a031215611e24575f5ffd5b87359650611e358960208a01611dfd565b955060c08801356001600160401b03811115611e4f575f5ffd5b611e5b8a828b01611ca3565b9096509450611e6f90508960e08a01611dfd565b92506101808801356001600160401b03811115611e8a575f5ffd5b611e968a828b01611ca3565b989b979a50959850939692959293505050565b5f5f60208385031215611eba575f5ffd5b82356001600160401b03811115611ecf575f5ffd5b611edb85828601611c5c565b90969095509350505050565b6001600160a01b0381168114611c59575f5ffd5b5f60208284031215611f0b575f5ffd5b8135610f1081611ee7565b5f60208284031215611f26575f5ffd5b5051919050565b634e487b7160e01b5f52604160045260245ffd5b8051611c4781611c4c565b5f5f5f5f60808587031215611f5f575f5ffd5b8451611f6a81611ee7565b6020860151604087015191955093506001600160401b03811115611f8c575f5ffd5b8501601f81018713611f9c575f5ffd5b80516001600160401b03811115611fb557611fb5611f2d565b604051601f8201601f19908116603f011681016001600160401b0381118282101715611fe357611fe3611f2d565b604052818152828201602001891015611ffa575f5ffd5b8160208401602083015e5f6020838301015280945050505061201e60608601611f41565b905092959194509250565b634e487b7160e01b5f52603260045260245ffd5b5f823560de19833603018112612051575f5ffd5b9190910192915050565b5f6020828403121561206b575f5ffd5b8135610f1081611c4c565b5f5f8335601e1984360301811261208b575f5ffd5b8301803591506001600160401b038211156120a4575f5ffd5b6020019150600581901b3603821315611c9c575f5ffd5b5f602082840312156120cb575f5ffd5b610f1082611c36565b5f5f8335601e198436030181126120e9575f5ffd5b8301803591506001600160401b03821115612102575f5ffd5b602001915036819003821315611c9c575f5ffd5b634e487b7160e01b5f52601160045260245ffd5b5f6001820161213b5761213b612116565b5060010190565b5f63ffffffff821663ffffffff810361215d5761215d612116565b60010192915050565b61ffff871681526020810186905263ffffffff8516604082015260a06060820181905281018390525f6001600160fb1b038411156121a2575f5ffd5b8360051b808660c08501376001600160a01b03939093166080830152500160c00195945050505050565b5f81518060208401855e5f93019283525090919050565b5f6122096122036121fd6121f7858a6121cc565b886121cc565b866121cc565b846121cc565b9695505050505050565b8082028115828204841417610e2457610e24612116565b8481525f61223b60208301866121cc565b84815261224b60208201856121cc565b979650505050505050565b80820180821115610e2457610e24612116565b5f61227482856121cc565b9283525050602001919050565b81810381811115610e2457610e24612116565b5f6122a261220383866121cc565b949350505050565b5f826122c457634e487b7160e01b5f52601260045260245ffd5b500490565b5f6122d482856121cc565b60f89390931b6001600160f81b03191683525050600101919050565b8681528560208201525f61230760408301876121cc565b60f086901b6001600160f01b031916815260f885901b6001600160f81b031916600282015261233960038201856121cc565b9998505050505050505050565b5f610f1082846121cc565b83815260f883901b6001600160f81b03191660208201525f61149260218301846121cc56fe424c535f5349475f424c53313233383147325f584d443a5348412d3235365f535357555f524f5f504f505f0000000000000000000000000000000017f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb00000000000000000000000000000000114d1d6855d545a8aa7d76c8cf2e21f267816aef1db507c96655b9d5caac42364e6f38ba0ecb751bad54dcd6b939c2caa2646970667358221220c2ccb89f948976c9ef222c00c80b1749db4b0976d06e51780d3c60c1b99e0cac64736f6c634300081e0033",
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

// BPS is a free data retrieval call binding the contract method 0x249d39e9.
//
// Solidity: function BPS() view returns(uint256)
func (_AttestationCenter *AttestationCenterCaller) BPS(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _AttestationCenter.contract.Call(opts, &out, "BPS")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// BPS is a free data retrieval call binding the contract method 0x249d39e9.
//
// Solidity: function BPS() view returns(uint256)
func (_AttestationCenter *AttestationCenterSession) BPS() (*big.Int, error) {
	return _AttestationCenter.Contract.BPS(&_AttestationCenter.CallOpts)
}

// BPS is a free data retrieval call binding the contract method 0x249d39e9.
//
// Solidity: function BPS() view returns(uint256)
func (_AttestationCenter *AttestationCenterCallerSession) BPS() (*big.Int, error) {
	return _AttestationCenter.Contract.BPS(&_AttestationCenter.CallOpts)
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

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_AttestationCenter *AttestationCenterCaller) Owner(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _AttestationCenter.contract.Call(opts, &out, "owner")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_AttestationCenter *AttestationCenterSession) Owner() (common.Address, error) {
	return _AttestationCenter.Contract.Owner(&_AttestationCenter.CallOpts)
}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_AttestationCenter *AttestationCenterCallerSession) Owner() (common.Address, error) {
	return _AttestationCenter.Contract.Owner(&_AttestationCenter.CallOpts)
}

// SlashBps is a free data retrieval call binding the contract method 0x0681e651.
//
// Solidity: function slashBps() view returns(uint256)
func (_AttestationCenter *AttestationCenterCaller) SlashBps(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _AttestationCenter.contract.Call(opts, &out, "slashBps")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// SlashBps is a free data retrieval call binding the contract method 0x0681e651.
//
// Solidity: function slashBps() view returns(uint256)
func (_AttestationCenter *AttestationCenterSession) SlashBps() (*big.Int, error) {
	return _AttestationCenter.Contract.SlashBps(&_AttestationCenter.CallOpts)
}

// SlashBps is a free data retrieval call binding the contract method 0x0681e651.
//
// Solidity: function slashBps() view returns(uint256)
func (_AttestationCenter *AttestationCenterCallerSession) SlashBps() (*big.Int, error) {
	return _AttestationCenter.Contract.SlashBps(&_AttestationCenter.CallOpts)
}

// SlashedFor is a free data retrieval call binding the contract method 0x467d3ac5.
//
// Solidity: function slashedFor(uint256 keeperId, bytes32 taskId) view returns(bool)
func (_AttestationCenter *AttestationCenterCaller) SlashedFor(opts *bind.CallOpts, keeperId *big.Int, taskId [32]byte) (bool, error) {
	var out []interface{}
	err := _AttestationCenter.contract.Call(opts, &out, "slashedFor", keeperId, taskId)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// SlashedFor is a free data retrieval call binding the contract method 0x467d3ac5.
//
// Solidity: function slashedFor(uint256 keeperId, bytes32 taskId) view returns(bool)
func (_AttestationCenter *AttestationCenterSession) SlashedFor(keeperId *big.Int, taskId [32]byte) (bool, error) {
	return _AttestationCenter.Contract.SlashedFor(&_AttestationCenter.CallOpts, keeperId, taskId)
}

// SlashedFor is a free data retrieval call binding the contract method 0x467d3ac5.
//
// Solidity: function slashedFor(uint256 keeperId, bytes32 taskId) view returns(bool)
func (_AttestationCenter *AttestationCenterCallerSession) SlashedFor(keeperId *big.Int, taskId [32]byte) (bool, error) {
	return _AttestationCenter.Contract.SlashedFor(&_AttestationCenter.CallOpts, keeperId, taskId)
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

// ReportConflictingVotes is a paid mutator transaction binding the contract method 0x646f43f8.
//
// Solidity: function reportConflictingVotes(uint256 keeperId, (bytes32,uint256,uint16,bytes32,bool) a, bytes sigA, (bytes32,uint256,uint16,bytes32,bool) b, bytes sigB) returns(uint256 slashed)
func (_AttestationCenter *AttestationCenterTransactor) ReportConflictingVotes(opts *bind.TransactOpts, keeperId *big.Int, a AttestationCenterVote, sigA []byte, b AttestationCenterVote, sigB []byte) (*types.Transaction, error) {
	return _AttestationCenter.contract.Transact(opts, "reportConflictingVotes", keeperId, a, sigA, b, sigB)
}

// ReportConflictingVotes is a paid mutator transaction binding the contract method 0x646f43f8.
//
// Solidity: function reportConflictingVotes(uint256 keeperId, (bytes32,uint256,uint16,bytes32,bool) a, bytes sigA, (bytes32,uint256,uint16,bytes32,bool) b, bytes sigB) returns(uint256 slashed)
func (_AttestationCenter *AttestationCenterSession) ReportConflictingVotes(keeperId *big.Int, a AttestationCenterVote, sigA []byte, b AttestationCenterVote, sigB []byte) (*types.Transaction, error) {
	return _AttestationCenter.Contract.ReportConflictingVotes(&_AttestationCenter.TransactOpts, keeperId, a, sigA, b, sigB)
}

// ReportConflictingVotes is a paid mutator transaction binding the contract method 0x646f43f8.
//
// Solidity: function reportConflictingVotes(uint256 keeperId, (bytes32,uint256,uint16,bytes32,bool) a, bytes sigA, (bytes32,uint256,uint16,bytes32,bool) b, bytes sigB) returns(uint256 slashed)
func (_AttestationCenter *AttestationCenterTransactorSession) ReportConflictingVotes(keeperId *big.Int, a AttestationCenterVote, sigA []byte, b AttestationCenterVote, sigB []byte) (*types.Transaction, error) {
	return _AttestationCenter.Contract.ReportConflictingVotes(&_AttestationCenter.TransactOpts, keeperId, a, sigA, b, sigB)
}

// SetSlashBps is a paid mutator transaction binding the contract method 0xd2b8f2fc.
//
// Solidity: function setSlashBps(uint256 slashBps_) returns()
func (_AttestationCenter *AttestationCenterTransactor) SetSlashBps(opts *bind.TransactOpts, slashBps_ *big.Int) (*types.Transaction, error) {
	return _AttestationCenter.contract.Transact(opts, "setSlashBps", slashBps_)
}

// SetSlashBps is a paid mutator transaction binding the contract method 0xd2b8f2fc.
//
// Solidity: function setSlashBps(uint256 slashBps_) returns()
func (_AttestationCenter *AttestationCenterSession) SetSlashBps(slashBps_ *big.Int) (*types.Transaction, error) {
	return _AttestationCenter.Contract.SetSlashBps(&_AttestationCenter.TransactOpts, slashBps_)
}

// SetSlashBps is a paid mutator transaction binding the contract method 0xd2b8f2fc.
//
// Solidity: function setSlashBps(uint256 slashBps_) returns()
func (_AttestationCenter *AttestationCenterTransactorSession) SetSlashBps(slashBps_ *big.Int) (*types.Transaction, error) {
	return _AttestationCenter.Contract.SetSlashBps(&_AttestationCenter.TransactOpts, slashBps_)
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

// SubmitTasks is a paid mutator transaction binding the contract method 0x95129435.
//
// Solidity: function submitTasks((bytes32,uint256,uint16,bytes32,bool,uint256[],bytes)[] subs) returns()
func (_AttestationCenter *AttestationCenterTransactor) SubmitTasks(opts *bind.TransactOpts, subs []AttestationCenterSubmission) (*types.Transaction, error) {
	return _AttestationCenter.contract.Transact(opts, "submitTasks", subs)
}

// SubmitTasks is a paid mutator transaction binding the contract method 0x95129435.
//
// Solidity: function submitTasks((bytes32,uint256,uint16,bytes32,bool,uint256[],bytes)[] subs) returns()
func (_AttestationCenter *AttestationCenterSession) SubmitTasks(subs []AttestationCenterSubmission) (*types.Transaction, error) {
	return _AttestationCenter.Contract.SubmitTasks(&_AttestationCenter.TransactOpts, subs)
}

// SubmitTasks is a paid mutator transaction binding the contract method 0x95129435.
//
// Solidity: function submitTasks((bytes32,uint256,uint16,bytes32,bool,uint256[],bytes)[] subs) returns()
func (_AttestationCenter *AttestationCenterTransactorSession) SubmitTasks(subs []AttestationCenterSubmission) (*types.Transaction, error) {
	return _AttestationCenter.Contract.SubmitTasks(&_AttestationCenter.TransactOpts, subs)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_AttestationCenter *AttestationCenterTransactor) TransferOwnership(opts *bind.TransactOpts, newOwner common.Address) (*types.Transaction, error) {
	return _AttestationCenter.contract.Transact(opts, "transferOwnership", newOwner)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_AttestationCenter *AttestationCenterSession) TransferOwnership(newOwner common.Address) (*types.Transaction, error) {
	return _AttestationCenter.Contract.TransferOwnership(&_AttestationCenter.TransactOpts, newOwner)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_AttestationCenter *AttestationCenterTransactorSession) TransferOwnership(newOwner common.Address) (*types.Transaction, error) {
	return _AttestationCenter.Contract.TransferOwnership(&_AttestationCenter.TransactOpts, newOwner)
}

// AttestationCenterConflictingVotesReportedIterator is returned from FilterConflictingVotesReported and is used to iterate over the raw logs and unpacked data for ConflictingVotesReported events raised by the AttestationCenter contract.
type AttestationCenterConflictingVotesReportedIterator struct {
	Event *AttestationCenterConflictingVotesReported // Event containing the contract specifics and raw log

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
func (it *AttestationCenterConflictingVotesReportedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(AttestationCenterConflictingVotesReported)
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
		it.Event = new(AttestationCenterConflictingVotesReported)
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
func (it *AttestationCenterConflictingVotesReportedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *AttestationCenterConflictingVotesReportedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// AttestationCenterConflictingVotesReported represents a ConflictingVotesReported event raised by the AttestationCenter contract.
type AttestationCenterConflictingVotesReported struct {
	KeeperId *big.Int
	TaskId   [32]byte
	Reporter common.Address
	Slashed  *big.Int
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterConflictingVotesReported is a free log retrieval operation binding the contract event 0x68c6b39b9af32477482c360d0ca3072173f6642f96372c2b7176a3dcffe6a9ec.
//
// Solidity: event ConflictingVotesReported(uint256 indexed keeperId, bytes32 indexed taskId, address reporter, uint256 slashed)
func (_AttestationCenter *AttestationCenterFilterer) FilterConflictingVotesReported(opts *bind.FilterOpts, keeperId []*big.Int, taskId [][32]byte) (*AttestationCenterConflictingVotesReportedIterator, error) {

	var keeperIdRule []interface{}
	for _, keeperIdItem := range keeperId {
		keeperIdRule = append(keeperIdRule, keeperIdItem)
	}
	var taskIdRule []interface{}
	for _, taskIdItem := range taskId {
		taskIdRule = append(taskIdRule, taskIdItem)
	}

	logs, sub, err := _AttestationCenter.contract.FilterLogs(opts, "ConflictingVotesReported", keeperIdRule, taskIdRule)
	if err != nil {
		return nil, err
	}
	return &AttestationCenterConflictingVotesReportedIterator{contract: _AttestationCenter.contract, event: "ConflictingVotesReported", logs: logs, sub: sub}, nil
}

// WatchConflictingVotesReported is a free log subscription operation binding the contract event 0x68c6b39b9af32477482c360d0ca3072173f6642f96372c2b7176a3dcffe6a9ec.
//
// Solidity: event ConflictingVotesReported(uint256 indexed keeperId, bytes32 indexed taskId, address reporter, uint256 slashed)
func (_AttestationCenter *AttestationCenterFilterer) WatchConflictingVotesReported(opts *bind.WatchOpts, sink chan<- *AttestationCenterConflictingVotesReported, keeperId []*big.Int, taskId [][32]byte) (event.Subscription, error) {

	var keeperIdRule []interface{}
	for _, keeperIdItem := range keeperId {
		keeperIdRule = append(keeperIdRule, keeperIdItem)
	}
	var taskIdRule []interface{}
	for _, taskIdItem := range taskId {
		taskIdRule = append(taskIdRule, taskIdItem)
	}

	logs, sub, err := _AttestationCenter.contract.WatchLogs(opts, "ConflictingVotesReported", keeperIdRule, taskIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(AttestationCenterConflictingVotesReported)
				if err := _AttestationCenter.contract.UnpackLog(event, "ConflictingVotesReported", log); err != nil {
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

// ParseConflictingVotesReported is a log parse operation binding the contract event 0x68c6b39b9af32477482c360d0ca3072173f6642f96372c2b7176a3dcffe6a9ec.
//
// Solidity: event ConflictingVotesReported(uint256 indexed keeperId, bytes32 indexed taskId, address reporter, uint256 slashed)
func (_AttestationCenter *AttestationCenterFilterer) ParseConflictingVotesReported(log types.Log) (*AttestationCenterConflictingVotesReported, error) {
	event := new(AttestationCenterConflictingVotesReported)
	if err := _AttestationCenter.contract.UnpackLog(event, "ConflictingVotesReported", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// AttestationCenterOwnershipTransferredIterator is returned from FilterOwnershipTransferred and is used to iterate over the raw logs and unpacked data for OwnershipTransferred events raised by the AttestationCenter contract.
type AttestationCenterOwnershipTransferredIterator struct {
	Event *AttestationCenterOwnershipTransferred // Event containing the contract specifics and raw log

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
func (it *AttestationCenterOwnershipTransferredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(AttestationCenterOwnershipTransferred)
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
		it.Event = new(AttestationCenterOwnershipTransferred)
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
func (it *AttestationCenterOwnershipTransferredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *AttestationCenterOwnershipTransferredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// AttestationCenterOwnershipTransferred represents a OwnershipTransferred event raised by the AttestationCenter contract.
type AttestationCenterOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           types.Log // Blockchain specific contextual infos
}

// FilterOwnershipTransferred is a free log retrieval operation binding the contract event 0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (_AttestationCenter *AttestationCenterFilterer) FilterOwnershipTransferred(opts *bind.FilterOpts, previousOwner []common.Address, newOwner []common.Address) (*AttestationCenterOwnershipTransferredIterator, error) {

	var previousOwnerRule []interface{}
	for _, previousOwnerItem := range previousOwner {
		previousOwnerRule = append(previousOwnerRule, previousOwnerItem)
	}
	var newOwnerRule []interface{}
	for _, newOwnerItem := range newOwner {
		newOwnerRule = append(newOwnerRule, newOwnerItem)
	}

	logs, sub, err := _AttestationCenter.contract.FilterLogs(opts, "OwnershipTransferred", previousOwnerRule, newOwnerRule)
	if err != nil {
		return nil, err
	}
	return &AttestationCenterOwnershipTransferredIterator{contract: _AttestationCenter.contract, event: "OwnershipTransferred", logs: logs, sub: sub}, nil
}

// WatchOwnershipTransferred is a free log subscription operation binding the contract event 0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (_AttestationCenter *AttestationCenterFilterer) WatchOwnershipTransferred(opts *bind.WatchOpts, sink chan<- *AttestationCenterOwnershipTransferred, previousOwner []common.Address, newOwner []common.Address) (event.Subscription, error) {

	var previousOwnerRule []interface{}
	for _, previousOwnerItem := range previousOwner {
		previousOwnerRule = append(previousOwnerRule, previousOwnerItem)
	}
	var newOwnerRule []interface{}
	for _, newOwnerItem := range newOwner {
		newOwnerRule = append(newOwnerRule, newOwnerItem)
	}

	logs, sub, err := _AttestationCenter.contract.WatchLogs(opts, "OwnershipTransferred", previousOwnerRule, newOwnerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(AttestationCenterOwnershipTransferred)
				if err := _AttestationCenter.contract.UnpackLog(event, "OwnershipTransferred", log); err != nil {
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
func (_AttestationCenter *AttestationCenterFilterer) ParseOwnershipTransferred(log types.Log) (*AttestationCenterOwnershipTransferred, error) {
	event := new(AttestationCenterOwnershipTransferred)
	if err := _AttestationCenter.contract.UnpackLog(event, "OwnershipTransferred", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// AttestationCenterSlashBpsSetIterator is returned from FilterSlashBpsSet and is used to iterate over the raw logs and unpacked data for SlashBpsSet events raised by the AttestationCenter contract.
type AttestationCenterSlashBpsSetIterator struct {
	Event *AttestationCenterSlashBpsSet // Event containing the contract specifics and raw log

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
func (it *AttestationCenterSlashBpsSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(AttestationCenterSlashBpsSet)
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
		it.Event = new(AttestationCenterSlashBpsSet)
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
func (it *AttestationCenterSlashBpsSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *AttestationCenterSlashBpsSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// AttestationCenterSlashBpsSet represents a SlashBpsSet event raised by the AttestationCenter contract.
type AttestationCenterSlashBpsSet struct {
	SlashBps *big.Int
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterSlashBpsSet is a free log retrieval operation binding the contract event 0x54f28f7c5e55c905a090b550cd72e201a2080b9362c53bd2adde07bf74e403aa.
//
// Solidity: event SlashBpsSet(uint256 slashBps)
func (_AttestationCenter *AttestationCenterFilterer) FilterSlashBpsSet(opts *bind.FilterOpts) (*AttestationCenterSlashBpsSetIterator, error) {

	logs, sub, err := _AttestationCenter.contract.FilterLogs(opts, "SlashBpsSet")
	if err != nil {
		return nil, err
	}
	return &AttestationCenterSlashBpsSetIterator{contract: _AttestationCenter.contract, event: "SlashBpsSet", logs: logs, sub: sub}, nil
}

// WatchSlashBpsSet is a free log subscription operation binding the contract event 0x54f28f7c5e55c905a090b550cd72e201a2080b9362c53bd2adde07bf74e403aa.
//
// Solidity: event SlashBpsSet(uint256 slashBps)
func (_AttestationCenter *AttestationCenterFilterer) WatchSlashBpsSet(opts *bind.WatchOpts, sink chan<- *AttestationCenterSlashBpsSet) (event.Subscription, error) {

	logs, sub, err := _AttestationCenter.contract.WatchLogs(opts, "SlashBpsSet")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(AttestationCenterSlashBpsSet)
				if err := _AttestationCenter.contract.UnpackLog(event, "SlashBpsSet", log); err != nil {
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

// ParseSlashBpsSet is a log parse operation binding the contract event 0x54f28f7c5e55c905a090b550cd72e201a2080b9362c53bd2adde07bf74e403aa.
//
// Solidity: event SlashBpsSet(uint256 slashBps)
func (_AttestationCenter *AttestationCenterFilterer) ParseSlashBpsSet(log types.Log) (*AttestationCenterSlashBpsSet, error) {
	event := new(AttestationCenterSlashBpsSet)
	if err := _AttestationCenter.contract.UnpackLog(event, "SlashBpsSet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// AttestationCenterSubmissionSkippedIterator is returned from FilterSubmissionSkipped and is used to iterate over the raw logs and unpacked data for SubmissionSkipped events raised by the AttestationCenter contract.
type AttestationCenterSubmissionSkippedIterator struct {
	Event *AttestationCenterSubmissionSkipped // Event containing the contract specifics and raw log

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
func (it *AttestationCenterSubmissionSkippedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(AttestationCenterSubmissionSkipped)
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
		it.Event = new(AttestationCenterSubmissionSkipped)
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
func (it *AttestationCenterSubmissionSkippedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *AttestationCenterSubmissionSkippedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// AttestationCenterSubmissionSkipped represents a SubmissionSkipped event raised by the AttestationCenter contract.
type AttestationCenterSubmissionSkipped struct {
	TaskId [32]byte
	Raw    types.Log // Blockchain specific contextual infos
}

// FilterSubmissionSkipped is a free log retrieval operation binding the contract event 0x24932b47d82a8e56b95f382d24e86af2e38b50e3506e42f81e36659103b89e3e.
//
// Solidity: event SubmissionSkipped(bytes32 indexed taskId)
func (_AttestationCenter *AttestationCenterFilterer) FilterSubmissionSkipped(opts *bind.FilterOpts, taskId [][32]byte) (*AttestationCenterSubmissionSkippedIterator, error) {

	var taskIdRule []interface{}
	for _, taskIdItem := range taskId {
		taskIdRule = append(taskIdRule, taskIdItem)
	}

	logs, sub, err := _AttestationCenter.contract.FilterLogs(opts, "SubmissionSkipped", taskIdRule)
	if err != nil {
		return nil, err
	}
	return &AttestationCenterSubmissionSkippedIterator{contract: _AttestationCenter.contract, event: "SubmissionSkipped", logs: logs, sub: sub}, nil
}

// WatchSubmissionSkipped is a free log subscription operation binding the contract event 0x24932b47d82a8e56b95f382d24e86af2e38b50e3506e42f81e36659103b89e3e.
//
// Solidity: event SubmissionSkipped(bytes32 indexed taskId)
func (_AttestationCenter *AttestationCenterFilterer) WatchSubmissionSkipped(opts *bind.WatchOpts, sink chan<- *AttestationCenterSubmissionSkipped, taskId [][32]byte) (event.Subscription, error) {

	var taskIdRule []interface{}
	for _, taskIdItem := range taskId {
		taskIdRule = append(taskIdRule, taskIdItem)
	}

	logs, sub, err := _AttestationCenter.contract.WatchLogs(opts, "SubmissionSkipped", taskIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(AttestationCenterSubmissionSkipped)
				if err := _AttestationCenter.contract.UnpackLog(event, "SubmissionSkipped", log); err != nil {
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

// ParseSubmissionSkipped is a log parse operation binding the contract event 0x24932b47d82a8e56b95f382d24e86af2e38b50e3506e42f81e36659103b89e3e.
//
// Solidity: event SubmissionSkipped(bytes32 indexed taskId)
func (_AttestationCenter *AttestationCenterFilterer) ParseSubmissionSkipped(log types.Log) (*AttestationCenterSubmissionSkipped, error) {
	event := new(AttestationCenterSubmissionSkipped)
	if err := _AttestationCenter.contract.UnpackLog(event, "SubmissionSkipped", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
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
