package execution_test

import (
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"

	"github.com/triggerx-network/triggerx/execution"
)

// Both the RPC client and the simulated backend's client are Chains.
var (
	_ execution.Chain = (*ethclient.Client)(nil)
	_ execution.Chain = simulated.Client(nil)
)
