package main

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/cmd/internal/cliapp"
)

const (
	flagNodeMetrics = "node-metrics"
	flagJSON        = "json"
)

// Registration states in status output.
const (
	stateUnregistered = "not registered"
	stateActive       = "active"
	stateExiting      = "exiting"      // deregistered or ejected, stake locked
	stateWithdrawable = "withdrawable" // exiting and the delay is over
	stateExited       = "exited"       // the stake was withdrawn
)

// statusReport is the output of status; --json prints it as is.
type statusReport struct {
	ChainID        string     `json:"chain_id"`
	Registry       string     `json:"registry"`
	Coordinator    string     `json:"coordinator"`
	Address        string     `json:"address"`
	State          string     `json:"state"`
	ID             uint64     `json:"id,omitempty"`
	StakeWei       string     `json:"stake_wei"`
	TotalStakeWei  string     `json:"total_stake_wei"`
	VotingPower    float64    `json:"voting_power_percent"`     // stake / totalStake of an active keeper, else 0
	BLSPublicKey   string     `json:"bls_public_key,omitempty"` // compressed, as keys show prints it
	WithdrawableAt *time.Time `json:"withdrawable_at,omitempty"`
	ChainTime      time.Time  `json:"chain_time"`
	Node           nodeHealth `json:"node"`

	stake, total *big.Int
}

func statusCommand(dial dialFunc) *cli.Command {
	return cliapp.WithConfigFile(&cli.Command{
		Name: "status",
		Usage: "show the keeper's on-chain registration (id, state, stake, voting power, BLS key), the registry's coordinator, " +
			"and the health of the local node from its metrics",
		Flags: append(chainFlags(), cliapp.ECDSAFlags()[0],
			cliapp.String(flagNodeMetrics, "base URL of the local keeper's metrics server (its --metrics-addr); /metrics is fetched from it", "http://127.0.0.1:9013"),
			&cli.BoolFlag{Name: flagJSON, Usage: "print the status as one JSON object", EnvVars: cliapp.Env(flagJSON)}),
		Action: func(c *cli.Context) error {
			return withKeeper(c, dial, 30*time.Second, func(ctx context.Context, s *chainSession, addr common.Address) error {
				rep, err := s.status(ctx, addr)
				if err != nil {
					return err
				}
				rep.Node = probeNode(ctx, c.String(flagNodeMetrics))
				if c.Bool(flagJSON) {
					enc := json.NewEncoder(c.App.Writer)
					enc.SetIndent("", "  ")
					return enc.Encode(rep)
				}
				rep.print(c.App.Writer)
				return nil
			})
		},
	})
}

func (s *chainSession) status(ctx context.Context, addr common.Address) (*statusReport, error) {
	k, err := s.readKeeperOf(ctx, addr)
	if err != nil {
		return nil, err
	}
	total, err := s.registry.TotalStake(call(ctx))
	if err != nil {
		return nil, fmt.Errorf("read total stake: %w", err)
	}
	coord, err := s.registry.Coordinator(call(ctx))
	if err != nil {
		return nil, fmt.Errorf("read coordinator: %w", err)
	}
	now, err := s.chainTime(ctx)
	if err != nil {
		return nil, err
	}
	rep := &statusReport{
		ChainID: s.chainID.String(), Registry: s.registryAddr.Hex(), Coordinator: coord.Hex(), Address: addr.Hex(),
		StakeWei: k.stake.String(), TotalStakeWei: total.String(), ChainTime: now.UTC(), stake: k.stake, total: total,
	}
	switch {
	case k.id.Sign() == 0:
		rep.State = stateUnregistered
		return rep, nil
	case k.active:
		rep.State = stateActive
		if total.Sign() > 0 {
			rep.VotingPower, _ = new(big.Rat).SetFrac(new(big.Int).Mul(k.stake, big.NewInt(100)), total).Float64()
		}
	case k.exiting():
		rep.State = stateExiting
		if !now.Before(k.withdrawableAt) {
			rep.State = stateWithdrawable
		}
		at := k.withdrawableAt.UTC()
		rep.WithdrawableAt = &at
	default:
		rep.State = stateExited
	}
	rep.ID = k.id.Uint64()
	// The compressed form keys show prints; the registry stores EIP-2537.
	if pk, err := attestation.BLSPublicKeyFromEIP2537(k.blsPubKey); err == nil {
		rep.BLSPublicKey = "0x" + hex.EncodeToString(pk[:])
	} else {
		rep.BLSPublicKey = "0x" + hex.EncodeToString(k.blsPubKey)
	}
	return rep, nil
}

func (r *statusReport) print(w io.Writer) {
	fmt.Fprintf(w, "keeper:         %s\n", r.Address)
	fmt.Fprintf(w, "registry:       %s on chain %s\n", r.Registry, r.ChainID)
	fmt.Fprintf(w, "coordinator:    %s\n", r.Coordinator)
	if r.State == stateUnregistered {
		fmt.Fprintf(w, "registration:   not registered\n")
	} else {
		fmt.Fprintf(w, "registration:   id %d, %s\n", r.ID, r.State)
		if r.WithdrawableAt != nil {
			when := "now (run withdraw-stake)"
			if r.State == stateExiting {
				when = fmt.Sprintf("in %s (chain time)", until(r.ChainTime, *r.WithdrawableAt))
			}
			fmt.Fprintf(w, "withdrawable:   %s, %s\n", formatTime(*r.WithdrawableAt), when)
		}
		fmt.Fprintf(w, "stake:          %s\n", formatEther(r.stake))
		fmt.Fprintf(w, "voting power:   %s of the total stake %s\n", percent(r.stake, r.total, r.State == stateActive), formatEther(r.total))
		fmt.Fprintf(w, "bls public key: %s\n", r.BLSPublicKey)
	}
	fmt.Fprintf(w, "node:           %s\n", r.Node)
}

// percent renders part/total with two decimals; 0% unless counted.
func percent(part, total *big.Int, counted bool) string {
	if !counted || total.Sign() == 0 {
		return "0.00%"
	}
	return new(big.Rat).SetFrac(new(big.Int).Mul(part, big.NewInt(100)), total).FloatString(2) + "%"
}

// readKeeperOf reads addr's registration.
func (s *chainSession) readKeeperOf(ctx context.Context, addr common.Address) (keeperState, error) {
	k := keeperState{stake: new(big.Int)}
	var err error
	if k.id, err = s.registry.KeeperId(call(ctx), addr); err != nil {
		return keeperState{}, fmt.Errorf("read keeper id: %w", err)
	}
	if k.id.Sign() == 0 {
		return k, nil
	}
	got, err := s.registry.GetKeeper(call(ctx), k.id)
	if err != nil {
		return keeperState{}, fmt.Errorf("read keeper %s: %w", k.id, err)
	}
	k.active, k.stake, k.blsPubKey = got.Active, got.Stake, got.BlsPubKey
	at, err := s.registry.WithdrawableAt(call(ctx), addr)
	if err != nil {
		return keeperState{}, fmt.Errorf("read withdrawableAt: %w", err)
	}
	if at.Sign() != 0 {
		k.withdrawableAt = time.Unix(at.Int64(), 0)
	}
	return k, nil
}
