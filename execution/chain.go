package execution

import (
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
)

// Chain is the Ethereum client the node needs: enough to use generated
// contract bindings (bind.ContractBackend, bind.DeployBackend), to send and
// track transactions, and to check which chain it talks to.
//
// Both *ethclient.Client and the ethclient/simulated Client satisfy it.
type Chain interface {
	bind.ContractBackend // CallContract, EstimateGas, SuggestGasTipCap, HeaderByNumber, PendingNonceAt, SendTransaction, TransactionByHash, logs
	bind.DeployBackend   // TransactionReceipt, CodeAt
	ethereum.ChainIDReader
}
