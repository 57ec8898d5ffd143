package main

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"
	"github.com/urfave/cli/v2"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/cmd/internal/cliapp"
	"github.com/triggerx-network/triggerx/contracts"
	"github.com/triggerx-network/triggerx/contracts/bindings"
	"github.com/triggerx-network/triggerx/node/keystore"
)

// chainClient is what the on-chain commands need of the home chain's RPC
// endpoint. An *ethclient.Client is one, and so is a simulated backend's
// client in tests.
type chainClient interface {
	bind.ContractBackend
	bind.DeployBackend
	ethereum.ChainIDReader
	BalanceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (*big.Int, error)
}

// dialFunc connects to the RPC endpoint at url; close releases it.
type dialFunc func(ctx context.Context, url string) (client chainClient, close func(), err error)

func dialRPC(ctx context.Context, url string) (chainClient, func(), error) {
	c, err := ethclient.DialContext(ctx, url)
	if err != nil {
		return nil, nil, err
	}
	return c, c.Close, nil
}

const flagChainID = "chain-id"

// chainFlags are the flags of every on-chain command: the RPC endpoint, the
// registry, and the optional chain id check.
func chainFlags() []cli.Flag {
	return append(cliapp.ChainFlags(cliapp.FlagKeeperRegistry),
		cliapp.Uint64(flagChainID, "chain id the --eth-rpc endpoint must serve (0: do not check)", 0))
}

// chainSession is what the on-chain commands share: a client, the registry
// (checked to be one) and, once unlocked, a transactor for the controller
// key.
type chainSession struct {
	client       chainClient
	close        func()
	registry     *bindings.KeeperRegistry
	registryAddr common.Address
	chainID      *big.Int
	key          *ecdsa.PrivateKey
	auth         *bind.TransactOpts
}

// openChain dials --eth-rpc and checks that it serves --chain-id (when
// given) and that a KeeperRegistry lives at --keeper-registry.
func openChain(c *cli.Context, dial dialFunc) (*chainSession, error) {
	cfg, err := cliapp.Chain(c)
	if err != nil {
		return nil, err
	}
	registryAddr, err := cliapp.Address(c, cliapp.FlagKeeperRegistry)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(c.Context, 30*time.Second)
	defer cancel()
	client, closeClient, err := dial(ctx, cfg.RPC)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", cfg.RPC, err)
	}
	s := &chainSession{client: client, close: closeClient, registryAddr: registryAddr}
	if err := s.check(ctx, c, cfg.RPC); err != nil {
		closeClient()
		return nil, err
	}
	return s, nil
}

// keeperAddress is the controller address --ecdsa-keystore records; reading
// it needs no password, so commands check the chain before asking for one.
// withKeeper runs fn with the keeper's address, an open chain session and a
// context bounded by timeout, closing the session afterwards.
func withKeeper(c *cli.Context, dial dialFunc, timeout time.Duration,
	fn func(ctx context.Context, s *chainSession, addr common.Address) error,
) error {
	addr, err := keeperAddress(c)
	if err != nil {
		return err
	}
	s, err := openChain(c, dial)
	if err != nil {
		return err
	}
	defer s.close()
	ctx, cancel := context.WithTimeout(c.Context, timeout)
	defer cancel()
	return fn(ctx, s, addr)
}

func keeperAddress(c *cli.Context) (common.Address, error) {
	path := c.String(cliapp.FlagECDSAKeystore)
	if path == "" {
		return common.Address{}, fmt.Errorf("--%s is required", cliapp.FlagECDSAKeystore)
	}
	return keystore.ReadECDSAAddress(path)
}

// unlock decrypts the controller key, which must be the one of addr.
func (s *chainSession) unlock(c *cli.Context, addr common.Address) error {
	key, err := cliapp.LoadECDSA(c)
	if err != nil {
		return err
	}
	if got := crypto.PubkeyToAddress(key.PublicKey); got != addr {
		return fmt.Errorf("--%s: the key of %s does not match the address %s the file records", cliapp.FlagECDSAKeystore, got.Hex(), addr.Hex())
	}
	s.key = key
	if s.auth, err = bind.NewKeyedTransactorWithChainID(key, s.chainID); err != nil {
		return fmt.Errorf("build transactor: %w", err)
	}
	return nil
}

func (s *chainSession) check(ctx context.Context, c *cli.Context, rpc string) error {
	var err error
	if s.chainID, err = s.client.ChainID(ctx); err != nil {
		return fmt.Errorf("read chain id from %s: %w", rpc, err)
	}
	if want := c.Uint64(flagChainID); want != 0 && (!s.chainID.IsUint64() || s.chainID.Uint64() != want) {
		return fmt.Errorf("--%s %s serves chain %s, not --%s %d", cliapp.FlagEthRPC, rpc, s.chainID, flagChainID, want)
	}
	code, err := s.client.CodeAt(ctx, s.registryAddr, nil)
	if err != nil {
		return fmt.Errorf("read code at %s: %w", s.registryAddr.Hex(), err)
	}
	if len(code) == 0 {
		return fmt.Errorf("no KeeperRegistry at %s on chain %s: wrong --%s or --%s?",
			s.registryAddr.Hex(), s.chainID, cliapp.FlagEthRPC, cliapp.FlagKeeperRegistry)
	}
	if s.registry, err = bindings.NewKeeperRegistry(s.registryAddr, s.client); err != nil {
		return fmt.Errorf("bind KeeperRegistry: %w", err)
	}
	if domain, err := s.registry.POPDOMAIN(&bind.CallOpts{Context: ctx}); err != nil || common.Hash(domain) != attestation.PopDomain {
		return fmt.Errorf("the contract at %s on chain %s is not a TriggerX KeeperRegistry: wrong --%s?",
			s.registryAddr.Hex(), s.chainID, cliapp.FlagKeeperRegistry)
	}
	return nil
}

// call returns read options bound to ctx.
func call(ctx context.Context) *bind.CallOpts { return &bind.CallOpts{Context: ctx} }

// prepare builds, signs and prices a transaction without sending it,
// checking first that the balance covers its full cost: value plus gas at
// the fee cap. send is a binding method. A revert during gas estimation is
// explained.
//
// Gas is estimated without a fee so that a short balance reads as such,
// not as the node's "gas required exceeds allowance".
func (s *chainSession) prepare(ctx context.Context, action string, value *big.Int,
	send func(*bind.TransactOpts) (*types.Transaction, error),
) (*types.Transaction, error) {
	opts := *s.auth
	opts.Context, opts.NoSend, opts.Value = ctx, true, value
	opts.GasLimit = 1 // a draft, for its call data and fees: no estimate yet
	draft, err := send(&opts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", action, err)
	}
	gas, err := s.client.EstimateGas(ctx, ethereum.CallMsg{From: s.auth.From, To: draft.To(), Value: value, Data: draft.Data()})
	if err != nil {
		return nil, explainRevert(action, err)
	}
	opts.GasLimit = gas
	tx, err := send(&opts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", action, err)
	}
	balance, err := s.client.BalanceAt(ctx, s.auth.From, nil)
	if err != nil {
		return nil, fmt.Errorf("read balance of %s: %w", s.auth.From.Hex(), err)
	}
	if balance.Cmp(tx.Cost()) < 0 {
		fee := new(big.Int).Sub(tx.Cost(), tx.Value())
		if tx.Value().Sign() > 0 {
			return nil, fmt.Errorf("%s: balance %s of %s is below the stake %s plus gas up to %s (%s in all)",
				action, formatEther(balance), s.auth.From.Hex(), formatEther(tx.Value()), formatEther(fee), formatEther(tx.Cost()))
		}
		return nil, fmt.Errorf("%s: balance %s of %s is below the gas cost of up to %s",
			action, formatEther(balance), s.auth.From.Hex(), formatEther(fee))
	}
	return tx, nil
}

// sendAndWait sends a prepared transaction and waits for it to be mined.
func (s *chainSession) sendAndWait(ctx context.Context, action string, tx *types.Transaction) (*types.Receipt, error) {
	if err := s.client.SendTransaction(ctx, tx); err != nil {
		return nil, explainRevert(action, err)
	}
	r, err := contracts.WaitMined(ctx, s.client, tx, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", action, err)
	}
	return r, nil
}

// chainTime is the timestamp of the latest block: the clock the registry's
// exit delay runs on.
func (s *chainSession) chainTime(ctx context.Context) (time.Time, error) {
	h, err := s.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return time.Time{}, fmt.Errorf("read latest block: %w", err)
	}
	return time.Unix(int64(h.Time), 0), nil
}

// explainRevert turns a registry revert into what the keeper operator should
// know; other errors are wrapped with the action.
func explainRevert(action string, err error) error {
	r, ok := contracts.DecodeRevert(err)
	if !ok {
		return fmt.Errorf("%s: %w", action, err)
	}
	arg := func(i int) *big.Int {
		if i < len(r.Args) {
			if b, ok := r.Args[i].(*big.Int); ok {
				return b
			}
		}
		return new(big.Int)
	}
	var why string
	switch r.Name {
	case "StakeTooLow":
		why = fmt.Sprintf("the stake %s is below the registry's minimum stake %s", formatEther(arg(0)), formatEther(arg(1)))
	case "AlreadyRegistered":
		why = "this address is already registered (an address registers only once)"
	case "PubKeyAlreadyRegistered":
		why = "this BLS key is already registered by another keeper"
	case "InvalidProofOfPossession":
		why = "the proof of possession does not verify: it was made for another chain id, registry or address"
	case "NotActive":
		why = "this address is not an active keeper"
	case "ExitNotRequested":
		why = "this keeper has not deregistered: run deregister first"
	case "ExitDelayNotOver":
		why = fmt.Sprintf("the exit delay is not over: the stake is withdrawable from %s", formatTime(time.Unix(arg(0).Int64(), 0)))
	case "NothingToWithdraw":
		why = "the stake was already withdrawn"
	default:
		return fmt.Errorf("%s: the registry reverted: %w", action, r)
	}
	return fmt.Errorf("%s: %s: %w", action, why, r)
}

// formatEther renders wei as ether with every significant decimal: "32 ETH",
// "0.000021 ETH".
func formatEther(wei *big.Int) string {
	if wei == nil {
		return "0 ETH"
	}
	q, r := new(big.Int).QuoRem(new(big.Int).Abs(wei), big.NewInt(params.Ether), new(big.Int))
	s := q.String()
	if r.Sign() != 0 {
		s += "." + strings.TrimRight(fmt.Sprintf("%018s", r.String()), "0")
	}
	if wei.Sign() < 0 {
		s = "-" + s
	}
	return s + " ETH"
}

// formatTime renders a chain time for people, in UTC.
func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }
