package contracts_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/contracts"
	"github.com/triggerx-network/triggerx/contracts/bindings"
)

// dataError is an error with revert data, as the RPC client returns them.
type dataError struct{ data any }

func (e dataError) Error() string  { return "execution reverted" }
func (e dataError) ErrorData() any { return e.data }

func TestDecodeRevert(t *testing.T) {
	hub, err := bindings.TaskExecutionHubMetaData.GetAbi()
	require.NoError(t, err)
	taskID := common.HexToHash("0x1234")
	packed, err := hub.Errors["TaskAlreadyExecuted"].Inputs.Pack(taskID)
	require.NoError(t, err)
	id := hub.Errors["TaskAlreadyExecuted"].ID
	data := append(id[:4:4], packed...)

	r, ok := contracts.DecodeRevert(fmt.Errorf("send: %w", dataError{hexutil.Encode(data)}))
	require.True(t, ok)
	require.Equal(t, "TaskAlreadyExecuted", r.Name)
	require.Equal(t, []any{[32]byte(taskID)}, r.Args)
	require.Equal(t, fmt.Sprintf("TaskAlreadyExecuted(%v)", [32]byte(taskID)), r.Error())

	for name, err := range map[string]error{
		"plain error":     errors.New("boom"),
		"no data":         dataError{nil},
		"not hex":         dataError{"0xzz"},
		"short":           dataError{"0x1234"},
		"unknown error":   dataError{"0xdeadbeef"},
		"truncated args":  dataError{hexutil.Encode(data[:20])},
		"data not string": dataError{42},
	} {
		t.Run(name, func(t *testing.T) {
			_, ok := contracts.DecodeRevert(err)
			require.False(t, ok)
		})
	}
}

// DecodeRevert reads bytes from a node; it must not panic on any of them.
func FuzzDecodeRevert(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0xde, 0xad, 0xbe, 0xef})
	for _, md := range []*bind.MetaData{bindings.KeeperRegistryMetaData, bindings.AttestationCenterMetaData} {
		a, err := md.GetAbi()
		require.NoError(f, err)
		for _, e := range a.Errors {
			f.Add(append(e.ID[:4:4], make([]byte, 64)...))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		contracts.DecodeRevert(dataError{hexutil.Encode(data)})
	})
}
