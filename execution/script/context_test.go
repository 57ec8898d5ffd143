package script_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/execution/script"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	require.Equal(t, string(want), string(got))
}

func eventTask() attestation.Task {
	return attestation.Task{
		ID:               common.HexToHash("0x1111111111111111111111111111111111111111111111111111111111111111"),
		JobID:            42,
		TaskDefinitionID: attestation.EventScript,
		ScheduledAt:      1767225600,
		Action: attestation.Action{
			ChainID:   8453,
			Target:    common.HexToAddress("0x00000000000000000000000000000000000000aa"),
			Function:  "set(uint256)",
			Arguments: []string{"1"},
		},
		Trigger: attestation.Trigger{Kind: attestation.TriggerEvent, Event: &attestation.EventTrigger{
			ChainID: 10, Contract: common.HexToAddress("0xbb"), Event: "Ping(uint256 x)",
		}},
		Firing: attestation.Firing{
			ChainID:     10,
			BlockNumber: 123456,
			BlockHash:   common.HexToHash("0x2222222222222222222222222222222222222222222222222222222222222222"),
			TxHash:      common.HexToHash("0x3333333333333333333333333333333333333333333333333333333333333333"),
			LogIndex:    3,
		},
	}
}

func TestContextGolden(t *testing.T) {
	storage := map[string]string{"z": "last", "a": "<first & \"quoted\">", "m": "ünïcode"}
	c := script.BuildContext(eventTask(), 987654, 1767225612, storage)
	golden(t, "context_event", c.Encode())
	golden(t, "context_event_hash", []byte(c.Hash().Hex()+"\n"))

	cond := eventTask()
	cond.TaskDefinitionID = attestation.ConditionScript
	cond.Trigger = attestation.Trigger{Kind: attestation.TriggerCondition}
	cond.Firing = attestation.Firing{Epoch: 7, Value: "123456789012345678901234567890"}
	golden(t, "context_condition", script.BuildContext(cond, 1, 2, nil).Encode())
}

func TestContextHash(t *testing.T) {
	storage := map[string]string{"a": "1", "b": "2"}
	c1 := script.BuildContext(eventTask(), 1, 2, storage)
	storage["a"] = "changed"
	c2 := script.BuildContext(eventTask(), 1, 2, map[string]string{"b": "2", "a": "1"})
	require.Equal(t, c1.Hash(), c2.Hash(), "storage copied; key order irrelevant")
	require.Equal(t, c1.Encode(), c1.Clone().Encode())

	require.NotEqual(t, c1.Hash(), script.BuildContext(eventTask(), 2, 2, c2.Storage).Hash())
	require.NotEqual(t, c1.Hash(), script.BuildContext(eventTask(), 1, 3, c2.Storage).Hash())
	require.NotEqual(t, c1.Hash(), script.BuildContext(eventTask(), 1, 2, map[string]string{"a": "1"}).Hash())

	var empty script.Context
	require.Contains(t, string(empty.Encode()), `"storage":{}`)
	require.Equal(t, empty.Hash(), script.Context{Storage: map[string]string{}}.Hash())
}
