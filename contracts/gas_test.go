package contracts_test

import (
	"bytes"
	"fmt"
	"math/big"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/node"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts"
	"github.com/triggerx-network/triggerx/contracts/bindings"
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

// TestGasPerTask logs the gas per finalized task of submitTask and of
// submitTasks batches of 1, 4 and 16 certificates, with 4, 16 and 64
// registered keepers of equal stake of which the smallest two-thirds quorum
// signs (3, 11 and 43). Steady state: one certificate was submitted before.
// Run with -v to read the table (docs/benchmarks.md, "Gas per finalized
// task"). It checks only that batching does not cost more per task.
func TestGasPerTask(t *testing.T) {
	if testing.Short() {
		t.Skip("registers 84 keepers")
	}
	batches := []int{1, 4, 16}
	table := "\n| keepers | signers | submitTask | submitTasks ×1 | ×4 | ×16 |\n|---:|---:|---:|---:|---:|---:|"
	for _, n := range []int{4, 16, 64} {
		c := newChain(t, n)
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		f := &centerFixture{chain: c, keepers: c.register(minStake, idx...),
			domain: attestation.Domain{ChainID: c.chainID, AttestationCenter: c.addrs.AttestationCenter}}
		signers := idx[:(2*n+2)/3]
		next := 0
		newVote := func() vote {
			next++
			return vote{common.BigToHash(big.NewInt(int64(next))), uint64(next), attestation.TimeStatic, common.HexToHash("0x7e57"), true}
		}
		single := func() uint64 {
			v := newVote()
			return f.mine(f.submit(v, f.ids(signers...), f.sign(v.digest(f.domain), signers...))).GasUsed
		}
		single() // warm up
		row := fmt.Sprintf("| %d | %d | %d", n, len(signers), single())
		perTask := []uint64{}
		for _, size := range batches {
			subs := make([]bindings.AttestationCenterSubmission, size)
			for i := range subs {
				subs[i] = f.submission(newVote(), signers...)
			}
			gas := f.mine(c.c.AttestationCenter.SubmitTasks(f.keepers[0].auth, subs)).GasUsed
			perTask = append(perTask, gas/uint64(size))
			row += fmt.Sprintf(" | %d", gas/uint64(size))
		}
		table += "\n" + row + " |"
		require.LessOrEqual(t, perTask[2], perTask[1])
		require.LessOrEqual(t, perTask[1], perTask[0])
	}
	t.Logf("gas per finalized task (Osaka):%s", table)
}

// TestGasPerTaskBatched logs the gas per finalized task of submitBatch, 4
// registered keepers of equal stake of which 3 sign, for batches of 1, 16,
// 50 and 100 tasks, each recorded. Task ids and result hashes are random
// 32-byte words, as real ones are, so calldata costs what it will. Steady
// state: one certificate and one batch were submitted before. Run with -v to
// read the row (docs/benchmarks.md, "Gas per finalized task"). It checks
// that bigger batches cost less per task and that a batch of 50 stays within
// issue 8's target of 40,000 gas per task.
func TestGasPerTaskBatched(t *testing.T) {
	c := newChain(t, 4)
	f := &centerFixture{chain: c, keepers: c.register(minStake, 0, 1, 2, 3),
		domain: attestation.Domain{ChainID: c.chainID, AttestationCenter: c.addrs.AttestationCenter}}
	signers := []int{0, 1, 2}
	next := 0
	newVotes := func(n int) []vote {
		vs := make([]vote, n)
		for i := range vs {
			next++
			seed := big.NewInt(int64(next)).Bytes()
			vs[i] = vote{crypto.Keccak256Hash([]byte("task"), seed), uint64(next), attestation.TimeStatic,
				crypto.Keccak256Hash([]byte("result"), seed), true}
		}
		slices.SortFunc(vs, func(a, b vote) int { return bytes.Compare(a.taskID[:], b.taskID[:]) })
		return vs
	}
	batch := func(n int) uint64 {
		vs := newVotes(n)
		r := f.mine(f.submitBatch(f.keepers[0].account, vs, f.ids(signers...), f.signBatch(vs, signers...)))
		require.Len(t, r.Logs, n+1, "every task recorded")
		return r.GasUsed
	}
	v := newVotes(1)[0]
	f.mine(f.submit(v, f.ids(signers...), f.sign(v.digest(f.domain), signers...))) // warm up
	batch(2)

	sizes := []int{1, 16, 50, 100}
	header, row := "| keepers | signers |", "| 4 | 3 |"
	perTask := map[int]uint64{}
	for _, size := range sizes {
		gas := batch(size)
		perTask[size] = gas / uint64(size)
		header += fmt.Sprintf(" `submitBatch` ×%d |", size)
		row += fmt.Sprintf(" %d |", perTask[size])
	}
	t.Logf("gas per finalized task, submitBatch (Osaka):\n%s\n%s", header, row)
	for i := 1; i < len(sizes); i++ {
		require.Less(t, perTask[sizes[i]], perTask[sizes[i-1]])
	}
	require.LessOrEqual(t, perTask[50], uint64(40_000), "issue 8: at most 40,000 gas per task in batches of 50")
}
