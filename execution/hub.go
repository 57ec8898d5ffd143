package execution

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// hubABIJSON is the part of the TaskExecutionHub's ABI this package uses. A
// test checks its ids against the compiled contract when the artifact exists.
const hubABIJSON = `[
  {"type":"function","name":"executeFunction","stateMutability":"nonpayable",
   "inputs":[{"name":"jobId","type":"uint256"},{"name":"taskId","type":"bytes32"},
             {"name":"target","type":"address"},{"name":"data","type":"bytes"}],
   "outputs":[]},
  {"type":"event","name":"TaskExecuted","anonymous":false,
   "inputs":[{"name":"taskId","type":"bytes32","indexed":true},
             {"name":"jobId","type":"uint256","indexed":true},
             {"name":"keeper","type":"address","indexed":true},
             {"name":"target","type":"address","indexed":false},
             {"name":"success","type":"bool","indexed":false},
             {"name":"calldataHash","type":"bytes32","indexed":false},
             {"name":"charged","type":"uint256","indexed":false}]},
  {"type":"error","name":"TaskAlreadyExecuted","inputs":[{"name":"taskId","type":"bytes32"}]},
  {"type":"error","name":"InsufficientBalance","inputs":[{"name":"owner","type":"address"},
             {"name":"balance","type":"uint256"},{"name":"required","type":"uint256"}]}
]`

const (
	methodExecute      = "executeFunction"
	eventTaskExecuted  = "TaskExecuted"
	errAlreadyExecuted = "TaskAlreadyExecuted"
	errCannotPay       = "InsufficientBalance"
)

// hubABI parses hubABIJSON once.
var hubABI = sync.OnceValues(func() (abi.ABI, error) {
	a, err := abi.JSON(strings.NewReader(hubABIJSON))
	if err != nil {
		return abi.ABI{}, fmt.Errorf("parse hub ABI: %w", err)
	}
	return a, nil
})

// executeCall is the decoded input of an executeFunction transaction.
type executeCall struct {
	JobID    *big.Int
	TaskID   common.Hash
	Target   common.Address
	Calldata []byte
}

// packExecute encodes executeFunction(jobId, taskId, target, data).
func packExecute(jobID uint64, taskID common.Hash, target common.Address, calldata []byte) ([]byte, error) {
	a, err := hubABI()
	if err != nil {
		return nil, err
	}
	data, err := a.Pack(methodExecute, new(big.Int).SetUint64(jobID), [32]byte(taskID), target, calldata)
	if err != nil {
		return nil, fmt.Errorf("pack executeFunction: %w", err)
	}
	return data, nil
}

var errNotExecute = errors.New("not an executeFunction call")

// unpackExecute decodes a transaction input as an executeFunction call. It
// reads untrusted bytes (any transaction on chain) and never panics.
func unpackExecute(input []byte) (executeCall, error) {
	a, err := hubABI()
	if err != nil {
		return executeCall{}, err
	}
	m := a.Methods[methodExecute]
	if len(input) < 4 || !bytes.Equal(input[:4], m.ID) {
		return executeCall{}, fmt.Errorf("%w: selector mismatch", errNotExecute)
	}
	vals, err := m.Inputs.Unpack(input[4:])
	if err != nil {
		return executeCall{}, fmt.Errorf("%w: %v", errNotExecute, err)
	}
	if len(vals) != 4 {
		return executeCall{}, fmt.Errorf("%w: %d values", errNotExecute, len(vals))
	}
	jobID, ok1 := vals[0].(*big.Int)
	taskID, ok2 := vals[1].([32]byte)
	target, ok3 := vals[2].(common.Address)
	data, ok4 := vals[3].([]byte)
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return executeCall{}, fmt.Errorf("%w: unexpected value types", errNotExecute)
	}
	return executeCall{JobID: jobID, TaskID: taskID, Target: target, Calldata: data}, nil
}

// executionLog is a decoded TaskExecuted event.
type executionLog struct {
	TaskID       common.Hash
	JobID        *big.Int
	Keeper       common.Address
	Target       common.Address
	Success      bool
	CalldataHash common.Hash
	Charged      *big.Int
}

// executionLogs returns the TaskExecuted events that hub emitted in r. A log
// with the event's topic that does not decode is an error.
func executionLogs(r *types.Receipt, hub common.Address) ([]executionLog, error) {
	a, err := hubABI()
	if err != nil {
		return nil, err
	}
	ev := a.Events[eventTaskExecuted]
	var out []executionLog
	for _, l := range r.Logs {
		if l == nil || l.Address != hub || len(l.Topics) == 0 || l.Topics[0] != ev.ID {
			continue
		}
		el, err := decodeExecutionLog(ev, l)
		if err != nil {
			return nil, err
		}
		out = append(out, el)
	}
	return out, nil
}

func decodeExecutionLog(ev abi.Event, l *types.Log) (executionLog, error) {
	if len(l.Topics) != 4 {
		return executionLog{}, fmt.Errorf("%w: %d topics, want 4", ErrExecutionLogMismatch, len(l.Topics))
	}
	vals, err := ev.Inputs.NonIndexed().Unpack(l.Data)
	if err != nil {
		return executionLog{}, fmt.Errorf("%w: decode data: %v", ErrExecutionLogMismatch, err)
	}
	if len(vals) != 4 {
		return executionLog{}, fmt.Errorf("%w: %d data values", ErrExecutionLogMismatch, len(vals))
	}
	target, ok1 := vals[0].(common.Address)
	success, ok2 := vals[1].(bool)
	ch, ok3 := vals[2].([32]byte)
	charged, ok4 := vals[3].(*big.Int)
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return executionLog{}, fmt.Errorf("%w: unexpected value types", ErrExecutionLogMismatch)
	}
	return executionLog{
		TaskID:       l.Topics[1],
		JobID:        l.Topics[2].Big(),
		Keeper:       common.BytesToAddress(l.Topics[3][:]),
		Target:       target,
		Success:      success,
		CalldataHash: ch,
		Charged:      charged,
	}, nil
}

// isAlreadyExecuted reports whether revert data is TaskAlreadyExecuted.
func isAlreadyExecuted(revert []byte) bool { return isHubError(revert, errAlreadyExecuted) }

// isOwnerCannotPay reports whether revert data is InsufficientBalance(address,
// uint256,uint256): the hub's check that the job owner can pay for the gas
// limit, or the gas registry's own when charging (same selector).
func isOwnerCannotPay(revert []byte) bool { return isHubError(revert, errCannotPay) }

func isHubError(revert []byte, name string) bool {
	a, err := hubABI()
	if err != nil || len(revert) < 4 {
		return false
	}
	id := a.Errors[name].ID
	return bytes.Equal(revert[:4], id[:4])
}
