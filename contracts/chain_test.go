package contracts_test

import (
	"crypto/ecdsa"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts"
)

var (
	ether    = big.NewInt(params.Ether)
	minStake = new(big.Int).Mul(big.NewInt(32), ether)
)

func eth(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), ether) }

// account is a funded externally owned account on the simulated chain.
type account struct {
	key  *ecdsa.PrivateKey
	auth *bind.TransactOpts
}

func (a account) addr() common.Address { return a.auth.From }

// keeper is a registered keeper.
type keeper struct {
	account
	bls *attestation.BLSSecretKey
	id  uint64
}

// chain is a simulated chain with the whole system deployed.
type chain struct {
	t        *testing.T
	sim      *simulated.Backend
	client   simulated.Client
	chainID  uint64
	deployer account
	accounts []account // funded, unregistered
	addrs    contracts.Addresses
	c        *contracts.Contracts
}

// onOsaka pins the simulated chain to Osaka, the fork mainnet runs, so that
// gas numbers mean something: the dev genesis also enables the unreleased
// Bogota fork, whose state-gas metering changes them.
func onOsaka(_ *node.Config, ethConf *ethconfig.Config) {
	cfg := *ethConf.Genesis.Config
	cfg.BogotaTime = nil
	ethConf.Genesis.Config = &cfg
}

// newChain starts a simulated chain with n funded accounts besides the
// deployer and deploys the system on it.
func newChain(t *testing.T, n int, options ...func(*node.Config, *ethconfig.Config)) *chain {
	t.Helper()
	keys := make([]*ecdsa.PrivateKey, n+1)
	alloc := types.GenesisAlloc{}
	for i := range keys {
		k, err := crypto.GenerateKey()
		require.NoError(t, err)
		keys[i] = k
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: eth(1000)}
	}
	if len(options) == 0 {
		options = append(options, onOsaka)
	}
	sim := simulated.NewBackend(alloc, options...)
	t.Cleanup(func() { _ = sim.Close() })
	c := &chain{t: t, sim: sim, client: sim.Client()}
	id, err := c.client.ChainID(t.Context())
	require.NoError(t, err)
	c.chainID = id.Uint64()
	accs := make([]account, len(keys))
	for i, k := range keys {
		auth, err := bind.NewKeyedTransactorWithChainID(k, id)
		require.NoError(t, err)
		accs[i] = account{key: k, auth: auth}
	}
	c.deployer, c.accounts = accs[0], accs[1:]

	c.addrs, err = contracts.Deploy(t.Context(), c.client, c.deployer.auth, minStake, c.commit)
	require.NoError(t, err)
	c.c, err = c.addrs.Bind(c.client)
	require.NoError(t, err)
	return c
}

// commit seals a block.
func (c *chain) commit() { c.sim.Commit() }

// mine seals a block with tx and requires that it succeeded.
func (c *chain) mine(tx *types.Transaction, err error) *types.Receipt {
	c.t.Helper()
	require.NoError(c.t, err)
	r, err := contracts.WaitMined(c.t.Context(), c.client, tx, c.commit)
	require.NoError(c.t, err)
	return r
}

// register registers accounts[i] for each i as keepers with stake each.
func (c *chain) register(stake *big.Int, idx ...int) []keeper {
	c.t.Helper()
	var ks []keeper
	for _, i := range idx {
		k := keeper{account: c.accounts[i]}
		var err error
		k.bls, err = attestation.GenerateBLSKey()
		require.NoError(c.t, err)
		tx, err := contracts.RegisterKeeper(c.t.Context(), c.c.KeeperRegistry, k.auth, c.chainID,
			c.addrs.KeeperRegistry, k.bls, stake)
		c.mine(tx, err)
		id, err := c.c.KeeperRegistry.KeeperId(nil, k.addr())
		require.NoError(c.t, err)
		k.id = id.Uint64()
		ks = append(ks, k)
	}
	return ks
}

// balance is addr's ether balance at the head.
func (c *chain) balance(addr common.Address) *big.Int {
	c.t.Helper()
	b, err := c.client.BalanceAt(c.t.Context(), addr, nil)
	require.NoError(c.t, err)
	return b
}

// requireRevert requires err to carry the custom error name and returns it.
func requireRevert(t *testing.T, err error, name string) contracts.Revert {
	t.Helper()
	require.Error(t, err)
	r, ok := contracts.DecodeRevert(err)
	require.Truef(t, ok, "no custom error in %v", err)
	require.Equal(t, name, r.Name, "revert %s", r)
	return r
}

// eip2537 returns the EIP-2537 encodings of a key and a signature.
func eip2537(t *testing.T, pk attestation.BLSPublicKey, sig attestation.BLSSignature) (pkEnc, sigEnc []byte) {
	t.Helper()
	pkEnc, err := pk.EIP2537()
	require.NoError(t, err)
	sigEnc, err = sig.EIP2537()
	require.NoError(t, err)
	return pkEnc, sigEnc
}
