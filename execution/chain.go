package execution

import (
	"context"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
)

// Chain is the Ethereum client the node needs: enough to use generated
// contract bindings (bind.ContractBackend, bind.DeployBackend), to send and
// track transactions, and to check which chain it talks to.
//
// Both *ethclient.Client and the ethclient/simulated Client satisfy it, and
// so does a Failover over several of them.
type Chain interface {
	bind.ContractBackend // CallContract, EstimateGas, SuggestGasTipCap, HeaderByNumber, PendingNonceAt, SendTransaction, TransactionByHash, logs
	bind.DeployBackend   // TransactionReceipt, CodeAt
	ethereum.ChainIDReader
	// NonceAt returns the nonce of account at blockNumber (nil: latest):
	// with PendingNonceAt, what a transaction manager needs to tell mined
	// transactions from pending ones.
	NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error)
}
