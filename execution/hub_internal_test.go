package execution

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"
)

// TestHubABIMatchesArtifact checks the inline hub ABI against the compiled
// TaskExecutionHub: same method, event and error ids, same indexed fields.
func TestHubABIMatchesArtifact(t *testing.T) {
	path := filepath.Join("..", "contracts", "build", "TaskExecutionHub.json")
	raw, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s not built yet", path)
	}
	require.NoError(t, err)
	var artifact struct {
		ABI json.RawMessage `json:"abi"`
	}
	require.NoError(t, json.Unmarshal(raw, &artifact))
	compiled, err := abi.JSON(bytes.NewReader(artifact.ABI))
	require.NoError(t, err)
	inline, err := hubABI()
	require.NoError(t, err)

	for name, m := range inline.Methods {
		cm, ok := compiled.Methods[name]
		require.True(t, ok, "method %s missing from the artifact", name)
		require.Equal(t, m.ID, cm.ID, "method %s", name)
		require.Equal(t, m.Sig, cm.Sig)
	}
	for name, ev := range inline.Events {
		cev, ok := compiled.Events[name]
		require.True(t, ok, "event %s missing from the artifact", name)
		require.Equal(t, ev.ID, cev.ID, "event %s", name)
		require.Len(t, cev.Inputs, len(ev.Inputs))
		for i, in := range ev.Inputs {
			require.Equal(t, in.Indexed, cev.Inputs[i].Indexed, "event %s input %d indexed", name, i)
		}
	}
	for name, e := range inline.Errors {
		ce, ok := compiled.Errors[name]
		require.True(t, ok, "error %s missing from the artifact", name)
		require.Equal(t, e.ID, ce.ID, "error %s", name)
	}
}

func TestExecuteRoundTrip(t *testing.T) {
	taskID := common.HexToHash("0x01")
	target := common.HexToAddress("0x02")
	data, err := packExecute(7, taskID, target, []byte{1, 2, 3})
	require.NoError(t, err)
	call, err := unpackExecute(data)
	require.NoError(t, err)
	require.Equal(t, executeCall{JobID: big.NewInt(7), TaskID: taskID, Target: target, Calldata: []byte{1, 2, 3}}, call)

	_, err = unpackExecute(data[:3])
	require.Error(t, err)
	_, err = unpackExecute(append([]byte{0, 0, 0, 0}, data[4:]...))
	require.Error(t, err)
	_, err = unpackExecute(data[:100])
	require.Error(t, err)
}

func TestIsAlreadyExecuted(t *testing.T) {
	a, err := hubABI()
	require.NoError(t, err)
	id := a.Errors[errAlreadyExecuted].ID
	revert := append(id[:4:4], make([]byte, 32)...)
	require.True(t, isAlreadyExecuted(revert))
	require.False(t, isAlreadyExecuted(revert[:3]))
	require.False(t, isAlreadyExecuted([]byte{0x08, 0xc3, 0x79, 0xa0}))
}

// FuzzUnpackExecute: transaction inputs are untrusted.
func FuzzUnpackExecute(f *testing.F) {
	data, err := packExecute(1, common.Hash{1}, common.Address{2}, []byte("calldata"))
	require.NoError(f, err)
	f.Add(data)
	f.Add(data[:4])
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, input []byte) {
		call, err := unpackExecute(input)
		if err != nil {
			return
		}
		require.NotNil(t, call.JobID)
	})
}

// FuzzExecutionLogs: receipt logs are untrusted.
func FuzzExecutionLogs(f *testing.F) {
	a, err := hubABI()
	require.NoError(f, err)
	ev := a.Events[eventTaskExecuted]
	data, err := ev.Inputs.NonIndexed().Pack(common.Address{3}, true, [32]byte{4}, big.NewInt(5))
	require.NoError(f, err)
	f.Add(data, uint8(4))
	f.Add([]byte{}, uint8(1))
	hub := common.Address{9}
	f.Fuzz(func(t *testing.T, data []byte, topics uint8) {
		l := &types.Log{Address: hub, Data: data, Topics: []common.Hash{ev.ID}}
		for i := 1; i < int(topics%6); i++ {
			l.Topics = append(l.Topics, common.Hash{byte(i)})
		}
		logs, err := executionLogs(&types.Receipt{Logs: []*types.Log{l}}, hub)
		if err != nil {
			require.ErrorIs(t, err, ErrExecutionLogMismatch)
			return
		}
		require.Len(t, logs, 1)
		require.NotNil(t, logs[0].Charged)
	})
}
