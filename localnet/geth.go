package main

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"
)

// gethVersion is the geth localnet installs; the go-ethereum version of go.mod.
const gethVersion = "v1.17.10"

// installGeth installs geth into the network's bin directory from the Go
// module proxy unless it is there already.
func installGeth(ctx context.Context, l layout) error {
	if _, err := os.Stat(l.gethBin()); err == nil {
		return nil
	}
	say("installing geth %s into %s (go install; about 2 minutes the first time)", gethVersion, l.rel(l.gethBin()))
	cmd := exec.CommandContext(ctx, "go", "install", "github.com/ethereum/go-ethereum/cmd/geth@"+gethVersion)
	cmd.Env = append(os.Environ(), "GOBIN="+l.dir+"/bin", "GOFLAGS=")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("install geth: %w", err)
	}
	return nil
}

// gethProcess is a geth --dev chain sealing a block every second, serving
// HTTP JSON-RPC on 127.0.0.1:port.
func gethProcess(l layout, port int) *process {
	return &process{name: "geth", bin: l.gethBin(), args: []string{
		"--dev", "--dev.period", "1",
		"--datadir", l.gethData(),
		"--http", "--http.addr", "127.0.0.1", "--http.port", fmt.Sprint(port),
		"--http.api", "eth,net,web3,txpool",
		"--dev.gaslimit", "30000000", // room for BLS verification of batched submissions
		"--ipcdisable",
		"--verbosity", "3",
	}}
}

// chain is a connection to the local chain.
type chain struct {
	url     string
	rpc     *rpc.Client
	eth     *ethclient.Client
	chainID *big.Int
	dev     common.Address // geth's unlocked, prefunded dev account
}

// dialChain waits until geth answers on url (failing early if it exits)
// and finds its dev account.
func dialChain(ctx context.Context, url string, geth *process, l layout) (*chain, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	for {
		if geth != nil {
			if dead, _ := geth.exited(); dead {
				return nil, geth.deadError(l)
			}
		}
		c, err := tryDial(ctx, url)
		if err == nil {
			return c, nil
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("wait for geth RPC at %s: %w (last error: %v)", url, ctx.Err(), err)
		case <-time.After(250 * time.Millisecond):
		}
	}
}

func tryDial(ctx context.Context, url string) (*chain, error) {
	rc, err := rpc.DialContext(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", url, err)
	}
	c := &chain{url: url, rpc: rc, eth: ethclient.NewClient(rc)}
	if c.chainID, err = c.eth.ChainID(ctx); err != nil {
		rc.Close()
		return nil, fmt.Errorf("read chain id: %w", err)
	}
	var accounts []common.Address
	if err := rc.CallContext(ctx, &accounts, "eth_accounts"); err != nil {
		rc.Close()
		return nil, fmt.Errorf("list accounts: %w", err)
	}
	if len(accounts) == 0 {
		rc.Close()
		return nil, errors.New("geth has no dev account (is it running with --dev?)")
	}
	c.dev = accounts[0]
	return c, nil
}

func (c *chain) close() { c.rpc.Close() }

// fund sends amount wei from the dev account to each address and waits
// for all the transfers.
func (c *chain) fund(ctx context.Context, amount *big.Int, to ...common.Address) error {
	hashes := make([]common.Hash, len(to))
	for i, a := range to {
		tx := map[string]any{"from": c.dev, "to": a, "value": (*hexutil.Big)(amount)}
		if err := c.rpc.CallContext(ctx, &hashes[i], "eth_sendTransaction", tx); err != nil {
			return fmt.Errorf("fund %s: %w", a.Hex(), err)
		}
	}
	for i, h := range hashes {
		if err := c.waitTx(ctx, h); err != nil {
			return fmt.Errorf("fund %s: %w", to[i].Hex(), err)
		}
	}
	return nil
}

// waitTx waits up to a minute for a successful receipt of hash.
func (c *chain) waitTx(ctx context.Context, hash common.Hash) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	r, err := bind.WaitMinedHash(ctx, c.eth, hash)
	if err != nil {
		return fmt.Errorf("wait for transaction %s: %w", hash.Hex(), err)
	}
	if r.Status != 1 {
		return fmt.Errorf("transaction %s reverted", hash.Hex())
	}
	return nil
}

// ether returns n ether in wei.
func ether(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(params.Ether)) }
