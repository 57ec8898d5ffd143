package attestation

import (
	"errors"
	"math/big"
	"slices"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// ErrNoKeepers is returned when no active keeper with stake can be selected.
var ErrNoKeepers = errors.New("no active keepers")

// PerformerOrder returns the active keepers in the order they are asked to
// perform task id: a stake-weighted draw without replacement, driven only by
// the task id, so every node computes the same order.
//
// Round r draws a point keccak256(taskId, r) mod S, where S is the stake of
// the keepers not drawn yet (sorted by address), and takes the keeper whose
// cumulative stake range holds the point. Integer arithmetic only: the rule
// gives the same answer on every platform.
func PerformerOrder(taskID common.Hash, keepers []Keeper) ([]Keeper, error) {
	return drawPerformers(taskID, keepers, len(keepers))
}

// drawPerformers returns the first n keepers of PerformerOrder.
func drawPerformers(taskID common.Hash, keepers []Keeper, n int) ([]Keeper, error) {
	pool := make([]Keeper, 0, len(keepers))
	for _, k := range keepers {
		if k.Active && k.Stake != nil && k.Stake.Sign() > 0 {
			pool = append(pool, k)
		}
	}
	if len(pool) == 0 {
		return nil, ErrNoKeepers
	}
	slices.SortFunc(pool, func(a, b Keeper) int {
		return strings.Compare(string(a.Address[:]), string(b.Address[:]))
	})
	n = min(n, len(pool))
	order := make([]Keeper, 0, n)
	for round := uint64(0); len(order) < n; round++ {
		total := new(big.Int)
		for _, k := range pool {
			total.Add(total, k.Stake)
		}
		h := keccak(taskID[:], uintWord(round))
		point := new(big.Int).Mod(new(big.Int).SetBytes(h[:]), total)
		acc := new(big.Int)
		for i, k := range pool {
			acc.Add(acc, k.Stake)
			if point.Cmp(acc) < 0 {
				order = append(order, k)
				pool = slices.Delete(pool, i, i+1)
				break
			}
		}
	}
	return order, nil
}

// SelectPerformer returns the keeper that must perform taskID in round.
// Rounds past the number of keepers wrap around the order.
func SelectPerformer(taskID common.Hash, keepers []Keeper, round uint32) (Keeper, error) {
	order, err := drawPerformers(taskID, keepers, int(round)+1)
	if err != nil {
		return Keeper{}, err
	}
	if int(round) < len(order) {
		return order[round], nil
	}
	order, err = PerformerOrder(taskID, keepers)
	if err != nil {
		return Keeper{}, err
	}
	return order[int(round)%len(order)], nil
}

// QuorumReached reports whether signed stake meets the threshold for a
// verdict out of total stake: at least 2/3 to approve, at least 1/3 to
// reject. It mirrors AttestationCenter: signed*3 >= total*2 (approve),
// signed*3 >= total (reject).
func QuorumReached(signed, total *big.Int, approve bool) bool {
	if total == nil || total.Sign() <= 0 || signed == nil {
		return false
	}
	lhs := new(big.Int).Mul(signed, big.NewInt(3))
	rhs := new(big.Int).Set(total)
	if approve {
		rhs.Mul(rhs, big.NewInt(2))
	}
	return lhs.Cmp(rhs) >= 0
}
