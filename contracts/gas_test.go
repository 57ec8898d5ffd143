package contracts_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/node"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts"
)

// TestGasReport logs the gas of the expensive calls in steady state (storage
// already warm where it would be on a live system), on Osaka and on the
// simulated backend's default dev genesis; run with -v to read them. It
// checks only that every call succeeds and that an extra signer costs gas
// (one more G1ADD and storage read).
func TestGasReport(t *testing.T) {
	noop := func(*node.Config, *ethconfig.Config) {}
	for _, fork := range []struct {
		name   string
		option func(*node.Config, *ethconfig.Config)
	}{
		{"osaka", onOsaka},
		{"dev-default", noop},
	} {
		t.Run(fork.name, func(t *testing.T) {
			c := newChain(t, 5, fork.option)
			var gas []uint64
			f := &centerFixture{chain: c, domain: attestation.Domain{ChainID: c.chainID, AttestationCenter: c.addrs.AttestationCenter}}
			for i := range 4 {
				k := keeper{account: c.accounts[i]}
				var err error
				k.bls, err = attestation.GenerateBLSKey()
				require.NoError(t, err)
				tx, err := contracts.RegisterKeeper(t.Context(), c.c.KeeperRegistry, k.auth, c.chainID, c.addrs.KeeperRegistry, k.bls, minStake)
				r := c.mine(tx, err)
				gas = append(gas, r.GasUsed)
				k.id = uint64(i + 1)
				f.keepers = append(f.keepers, k)
			}
			t.Logf("gas: KeeperRegistry.register = %d (first), %d, %d, %d", gas[0], gas[1], gas[2], gas[3])

			submit := func(n int, signers ...int) uint64 {
				v := vote{common.BigToHash(big.NewInt(int64(n))), 1, attestation.TimeStatic, common.HexToHash("0x7e57"), true}
				return f.mine(f.submit(v, f.ids(signers...), f.sign(v.digest(f.domain), signers...))).GasUsed
			}
			warm := submit(1, 0, 1, 2)
			three := submit(2, 0, 1, 2)
			four := submit(3, 0, 1, 2, 3)
			t.Logf("gas: AttestationCenter.submitTask: 3 signers = %d, 4 signers = %d (first submission ever, 3 signers: %d)",
				three, four, warm)
			require.Greater(t, four, three)
		})
	}
}
