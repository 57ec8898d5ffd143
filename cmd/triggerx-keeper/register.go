package main

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/urfave/cli/v2"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/cmd/internal/cliapp"
	"github.com/triggerx-network/triggerx/contracts"
	"github.com/triggerx-network/triggerx/node/keystore"
)

func registerCommand(dial dialFunc) *cli.Command {
	flags := append(chainFlags(), cliapp.ECDSAFlags()...)
	flags = append(flags, cliapp.BLSFlags()...)
	flags = append(flags, cliapp.String("stake", "stake to lock, in wei; at least the registry's minStake", ""))
	return cliapp.WithConfigFile(&cli.Command{
		Name: "register",
		Usage: "register the keeper on-chain with its BLS key, a proof of possession and a stake; " +
			"checks the chain, the registry, the stake, the balance and that neither the address nor the key is registered before sending",
		Flags: flags,
		Action: func(c *cli.Context) error {
			stake, ok := new(big.Int).SetString(c.String("stake"), 10)
			if !ok || stake.Sign() <= 0 {
				return fmt.Errorf("--stake: want a positive amount of wei, got %q", c.String("stake"))
			}
			addr, err := keeperAddress(c)
			if err != nil {
				return err
			}
			if c.String(cliapp.FlagBLSKeystore) == "" {
				return fmt.Errorf("--%s is required", cliapp.FlagBLSKeystore)
			}
			pk, err := keystore.ReadBLSPublicKey(c.String(cliapp.FlagBLSKeystore))
			if err != nil {
				return err
			}
			s, err := openChain(c, dial)
			if err != nil {
				return err
			}
			defer s.close()
			ctx, cancel := context.WithTimeout(c.Context, 5*time.Minute)
			defer cancel()
			// Everything that can be checked before asking for the passwords.
			if err := s.checkRegister(ctx, addr, pk, stake); err != nil {
				return err
			}
			if err := s.unlock(c, addr); err != nil {
				return err
			}
			blsKey, err := cliapp.LoadBLS(c)
			if err != nil {
				return err
			}
			if blsKey.PublicKey() != pk {
				return fmt.Errorf("--%s: the key does not match the public key the file records", cliapp.FlagBLSKeystore)
			}
			tx, err := s.prepare(ctx, "register", stake, func(opts *bind.TransactOpts) (*types.Transaction, error) {
				return contracts.RegisterKeeper(ctx, s.registry, opts, s.chainID.Uint64(), s.registryAddr, blsKey, stake)
			})
			if err != nil {
				return err
			}
			if _, err := s.sendAndWait(ctx, "register", tx); err != nil {
				return err
			}
			id, err := s.registry.KeeperId(call(ctx), s.auth.From)
			if err != nil {
				return fmt.Errorf("read keeper id: %w", err)
			}
			fmt.Fprintf(c.App.Writer, "registered keeper %s as id %s with stake %s (tx %s)\n",
				s.auth.From.Hex(), id, formatEther(stake), tx.Hash().Hex())
			return nil
		},
	})
}

// checkRegister runs the registry's checks of register before anything is
// sent, so that each failure gets a clear message; the balance is checked
// against the full cost once the transaction is priced.
func (s *chainSession) checkRegister(ctx context.Context, from common.Address, pk attestation.BLSPublicKey, stake *big.Int) error {
	id, err := s.registry.KeeperId(call(ctx), from)
	if err != nil {
		return fmt.Errorf("read keeper id: %w", err)
	}
	if id.Sign() != 0 {
		return fmt.Errorf("%s is already registered as keeper id %s; an address registers only once (see status)", from.Hex(), id)
	}
	minStake, err := s.registry.MinStake(call(ctx))
	if err != nil {
		return fmt.Errorf("read minStake: %w", err)
	}
	if stake.Cmp(minStake) < 0 {
		return fmt.Errorf("--stake %s is below the registry's minimum stake %s", formatEther(stake), formatEther(minStake))
	}
	enc, err := pk.EIP2537()
	if err != nil {
		return fmt.Errorf("encode BLS public key: %w", err)
	}
	taken, err := s.registry.PubKeyRegistered(call(ctx), crypto.Keccak256Hash(enc))
	if err != nil {
		return fmt.Errorf("read pubKeyRegistered: %w", err)
	}
	if taken {
		return fmt.Errorf("this BLS key is already registered by another keeper: generate a new one with keys generate")
	}
	balance, err := s.client.BalanceAt(ctx, from, nil)
	if err != nil {
		return fmt.Errorf("read balance of %s: %w", from.Hex(), err)
	}
	if balance.Cmp(stake) < 0 {
		return fmt.Errorf("balance %s of %s is below the stake %s, before gas", formatEther(balance), from.Hex(), formatEther(stake))
	}
	return nil
}
