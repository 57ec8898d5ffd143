package contracts_test

import (
	"encoding/json"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
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

	// The AttestationCenter slashes; the other settings are the defaults.
	slasher, err := c.c.KeeperRegistry.Slasher(nil)
	require.NoError(t, err)
	require.Equal(t, a.AttestationCenter, slasher)
	for name, get := range map[string]struct {
		get  func(*bind.CallOpts) (*big.Int, error)
		want int64
	}{
		"exitDelay":   {c.c.KeeperRegistry.ExitDelay, 7 * 24 * 3600},
		"reporterBps": {c.c.KeeperRegistry.ReporterBps, 1000},
		"slashBps":    {c.c.AttestationCenter.SlashBps, 5000},
		"premiumBps":  {c.c.TaskExecutionHub.PremiumBps, 1000},
		"fixedFee":    {c.c.TaskExecutionHub.FixedFee, 0},
	} {
		v, err := get.get(nil)
		require.NoError(t, err)
		require.EqualValues(t, get.want, v.Int64(), name)
	}
	for _, owned := range []func(*bind.CallOpts) (common.Address, error){
		c.c.KeeperRegistry.Owner, c.c.AttestationCenter.Owner, c.c.TaskExecutionHub.Owner,
	} {
		o, err := owned(nil)
		require.NoError(t, err)
		require.Equal(t, c.deployer.addr(), o)
	}

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
