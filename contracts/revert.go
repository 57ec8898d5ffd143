package contracts

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/triggerx-network/triggerx/contracts/bindings"
)

// Revert is a custom error a contract reverted with.
type Revert struct {
	Name string // the error's name, e.g. "TaskAlreadyExecuted"
	Args []any  // its decoded arguments
}

func (r Revert) Error() string {
	args := make([]string, len(r.Args))
	for i, a := range r.Args {
		args[i] = fmt.Sprint(a)
	}
	return fmt.Sprintf("%s(%s)", r.Name, strings.Join(args, ", "))
}

// knownErrors are the custom errors of every TriggerX contract.
var knownErrors = func() []abi.Error {
	var out []abi.Error
	for _, md := range []*abi.ABI{
		mustABI(bindings.KeeperRegistryMetaData.GetAbi()),
		mustABI(bindings.JobRegistryMetaData.GetAbi()),
		mustABI(bindings.TriggerGasRegistryMetaData.GetAbi()),
		mustABI(bindings.TaskExecutionHubMetaData.GetAbi()),
		mustABI(bindings.AttestationCenterMetaData.GetAbi()),
	} {
		for _, e := range md.Errors {
			out = append(out, e)
		}
	}
	return out
}()

func mustABI(a *abi.ABI, err error) *abi.ABI {
	if err != nil {
		// The ABIs are generated and checked by the drift test.
		panic(fmt.Sprintf("parse generated ABI: %v", err))
	}
	return a
}

// DecodeRevert names the custom error in err, as returned by a binding's
// call or transaction (gas estimation carries the revert data). It reports
// false when err carries no revert data of a known error.
func DecodeRevert(err error) (Revert, bool) {
	var de rpc.DataError
	if !errors.As(err, &de) {
		return Revert{}, false
	}
	s, ok := de.ErrorData().(string)
	if !ok {
		return Revert{}, false
	}
	data, decErr := hexutil.Decode(s)
	if decErr != nil || len(data) < 4 {
		return Revert{}, false
	}
	for _, e := range knownErrors {
		if !bytes.Equal(e.ID[:4], data[:4]) {
			continue
		}
		args, err := e.Inputs.Unpack(data[4:])
		if err != nil {
			return Revert{}, false
		}
		return Revert{Name: e.Name, Args: args}, true
	}
	return Revert{}, false
}
