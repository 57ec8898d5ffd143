package main

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/triggerx-network/triggerx/cmd/internal/cliapp"
)

// Leaving the keeper set takes two commands, as the registry takes two
// transactions: deregister starts the exit (the keeper is inactive at once,
// its stake stays locked and slashable for the registry's exit delay), and
// withdraw-stake refunds the stake once the delay is over.

func deregisterCommand(dial dialFunc) *cli.Command {
	return cliapp.WithConfigFile(&cli.Command{
		Name: "deregister",
		Usage: "start leaving the keeper set: the keeper is inactive at once and its stake stays locked for the registry's " +
			"exit delay; prints when withdraw-stake can refund it",
		Flags: append(chainFlags(), cliapp.ECDSAFlags()...),
		Action: func(c *cli.Context) error {
			return withKeeper(c, dial, 5*time.Minute, func(ctx context.Context, s *chainSession, addr common.Address) error {
				k, err := s.registeredKeeper(ctx, addr)
				if err != nil {
					return err
				}
				switch {
				case k.exiting():
					return fmt.Errorf("keeper %s (id %s) already deregistered; its stake is withdrawable from %s",
						addr.Hex(), k.id, formatTime(k.withdrawableAt))
				case !k.active:
					return fmt.Errorf("keeper %s (id %s) already left and withdrew its stake", addr.Hex(), k.id)
				}
				if err := s.unlock(c, addr); err != nil {
					return err
				}
				tx, err := s.prepare(ctx, "deregister", nil, s.registry.Deregister)
				if err != nil {
					return err
				}
				if _, err := s.sendAndWait(ctx, "deregister", tx); err != nil {
					return err
				}
				if k, err = s.readKeeperOf(ctx, addr); err != nil {
					return err
				}
				now, err := s.chainTime(ctx)
				if err != nil {
					return err
				}
				fmt.Fprintf(c.App.Writer, "keeper %s (id %s) deregistered: inactive now (tx %s)\n"+
					"its stake of %s is locked until %s (%s from now); then run withdraw-stake\n",
					addr.Hex(), k.id, tx.Hash().Hex(), formatEther(k.stake), formatTime(k.withdrawableAt), until(now, k.withdrawableAt))
				return nil
			})
		},
	})
}

func withdrawStakeCommand(dial dialFunc) *cli.Command {
	return cliapp.WithConfigFile(&cli.Command{
		Name:  "withdraw-stake",
		Usage: "after deregister and the registry's exit delay, refund the keeper's stake to its address",
		Flags: append(chainFlags(), cliapp.ECDSAFlags()...),
		Action: func(c *cli.Context) error {
			return withKeeper(c, dial, 5*time.Minute, func(ctx context.Context, s *chainSession, addr common.Address) error {
				k, err := s.registeredKeeper(ctx, addr)
				if err != nil {
					return err
				}
				switch {
				case k.active:
					return fmt.Errorf("keeper %s (id %s) is active: run deregister first", addr.Hex(), k.id)
				case !k.exiting():
					return fmt.Errorf("keeper %s (id %s) already withdrew its stake", addr.Hex(), k.id)
				}
				now, err := s.chainTime(ctx)
				if err != nil {
					return err
				}
				if now.Before(k.withdrawableAt) {
					return fmt.Errorf("the exit delay is not over: the stake of %s is locked until %s, %s from now (chain time)",
						formatEther(k.stake), formatTime(k.withdrawableAt), until(now, k.withdrawableAt))
				}
				if err := s.unlock(c, addr); err != nil {
					return err
				}
				tx, err := s.prepare(ctx, "withdraw stake", nil, s.registry.WithdrawStake)
				if err != nil {
					return err
				}
				if _, err := s.sendAndWait(ctx, "withdraw stake", tx); err != nil {
					return err
				}
				fmt.Fprintf(c.App.Writer, "keeper %s (id %s) withdrew its stake of %s (tx %s)\n",
					addr.Hex(), k.id, formatEther(k.stake), tx.Hash().Hex())
				return nil
			})
		},
	})
}

// keeperState is one address's registration.
type keeperState struct {
	id             *big.Int // 0: never registered
	active         bool
	stake          *big.Int
	blsPubKey      []byte
	withdrawableAt time.Time // zero unless exiting
}

// exiting reports whether the keeper deregistered (or was ejected) and has
// not withdrawn yet.
func (k keeperState) exiting() bool { return !k.withdrawableAt.IsZero() }

// until renders the time from now to t for people: "6d 23h 59m 58s".
func until(now, t time.Time) string {
	d := t.Sub(now).Round(time.Second)
	if d <= 0 {
		return "0s"
	}
	var parts []string
	for _, u := range []struct {
		d    time.Duration
		name string
	}{{24 * time.Hour, "d"}, {time.Hour, "h"}, {time.Minute, "m"}, {time.Second, "s"}} {
		if n := d / u.d; n > 0 {
			parts = append(parts, fmt.Sprintf("%d%s", n, u.name))
			d -= n * u.d
		}
	}
	return strings.Join(parts, " ")
}

// registeredKeeper reads addr's registration, an error if it has none.
func (s *chainSession) registeredKeeper(ctx context.Context, addr common.Address) (keeperState, error) {
	k, err := s.readKeeperOf(ctx, addr)
	if err != nil {
		return k, err
	}
	if k.id.Sign() == 0 {
		return k, fmt.Errorf("%s is not registered", addr.Hex())
	}
	return k, nil
}
