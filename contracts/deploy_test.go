package contracts_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/contracts"
)

func TestDeploy(t *testing.T) {
	c := newChain(t, 0)
	a := c.addrs
	all := []common.Address{a.KeeperRegistry, a.JobRegistry, a.TriggerGasRegistry, a.TaskExecutionHub,
		a.AttestationCenter, a.Counter}
	seen := map[common.Address]bool{}
	for _, addr := range all {
		require.NotEqual(t, common.Address{}, addr)
		require.False(t, seen[addr], "duplicate address %s", addr)
		seen[addr] = true
		code, err := c.client.CodeAt(t.Context(), addr, nil)
		require.NoError(t, err)
		require.NotEmpty(t, code)
	}

	hub, err := c.c.TriggerGasRegistry.Hub(nil)
	require.NoError(t, err)
	require.Equal(t, a.TaskExecutionHub, hub)
	kr, err := c.c.TaskExecutionHub.KeeperRegistry(nil)
	require.NoError(t, err)
	require.Equal(t, a.KeeperRegistry, kr)
	kr, err = c.c.AttestationCenter.KeeperRegistry(nil)
	require.NoError(t, err)
	require.Equal(t, a.KeeperRegistry, kr)
	ms, err := c.c.KeeperRegistry.MinStake(nil)
	require.NoError(t, err)
	require.Equal(t, minStake, ms)

	// The hub can be set only once, and only by the owner.
	_, err = c.c.TriggerGasRegistry.SetHub(c.deployer.auth, c.deployer.addr())
	requireRevert(t, err, "HubAlreadySet")

	b, err := json.Marshal(a)
	require.NoError(t, err)
	require.Contains(t, string(b), `"taskExecutionHub":"`+strings.ToLower(a.TaskExecutionHub.Hex())+`"`)
	var back contracts.Addresses
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, a, back)
}
