// Command triggerx-keeper runs a TriggerX keeper node and manages its keys
// and on-chain registration.
package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/urfave/cli/v2"

	"github.com/triggerx-network/triggerx/cmd/internal/cliapp"
	"github.com/triggerx-network/triggerx/contracts"
	"github.com/triggerx-network/triggerx/contracts/bindings"
	"github.com/triggerx-network/triggerx/node"
	"github.com/triggerx-network/triggerx/node/keystore"
)

func main() { cliapp.Main(app()) }

func app() *cli.App {
	return &cli.App{
		Name:  "triggerx-keeper",
		Usage: "run a TriggerX keeper: execute assigned tasks on-chain and attest to the others' with BLS signatures",
		Commands: []*cli.Command{
			startCommand(), keysCommand(), registerCommand(), deregisterCommand(), statusCommand(), scriptCommand(),
		},
	}
}

func startCommand() *cli.Command {
	return cliapp.WithConfigFile(&cli.Command{
		Name:  "start",
		Usage: "join the network and work until interrupted",
		Flags: cliapp.NodeFlags("./keeper-data", "/ip4/0.0.0.0/tcp/9012",
			[]string{cliapp.FlagKeeperRegistry, cliapp.FlagJobRegistry, cliapp.FlagTaskExecutionHub, cliapp.FlagAttestationCenter},
			append(append(cliapp.BLSFlags(), cliapp.TxFlags()...),
				cliapp.String(cliapp.FlagMetricsAddr, "host:port serving Prometheus /metrics (empty: off)", "127.0.0.1:9013"),
				cliapp.Strings("script-gateway", "trustless IPFS gateway URL job scripts are fetched from when no peer has them (repeatable)"),
				&cli.IntFlag{Name: "script-pool", Usage: "warm sandbox containers kept per script runtime (0: a fresh container per run)",
					Value: 1, EnvVars: cliapp.Env("script-pool")},
				cliapp.Strings("script-image", "RUNTIME=IMAGE: the sandbox image of a script runtime (node, typescript, python, go), "+
					"instead of the one scripts/runtime-images.sh builds (repeatable)"),
				cliapp.String("script-network", "Docker network to create for scripts that reach allowed hosts through the keeper's "+
					"recording proxy (needs root and iptables; empty: such scripts are refused)", ""),
				&cli.Float64Flag{Name: "script-spot-sample", Usage: "fraction of a performer's recorded responses an attester re-fetches live " +
					"and compares within the job's tolerance (negative: none)", Value: node.DefaultSpotSample, EnvVars: cliapp.Env("script-spot-sample")},
				cliapp.String("othentic-api", "host:port serving an Othentic attester node's AVS web API: POST /task/validate and "+
					"/p2p/message (empty: off)", ""))...),
		Action: func(c *cli.Context) error {
			log, chain, ecdsaKey, err := cliapp.Node(c)
			if err != nil {
				return err
			}
			defer log.Sync() //nolint:errcheck
			blsKey, err := cliapp.LoadBLS(c)
			if err != nil {
				return err
			}
			images := map[string]string{}
			for _, kv := range c.StringSlice("script-image") {
				rt, image, ok := strings.Cut(kv, "=")
				if !ok || image == "" || !slices.Contains([]string{"node", "typescript", "python", "go"}, rt) {
					return fmt.Errorf("--script-image: want RUNTIME=IMAGE with RUNTIME node, typescript, python or go, got %q", kv)
				}
				images[rt] = image
			}
			return node.RunKeeper(c.Context, node.KeeperConfig{
				DataDir: c.String(cliapp.FlagDataDir), Chain: chain, ControllerKey: ecdsaKey, BLSKey: blsKey,
				P2P: cliapp.P2P(c), MetricsAddr: c.String(cliapp.FlagMetricsAddr), ScriptGateways: c.StringSlice("script-gateway"),
				ScriptPool: c.Int("script-pool"), ScriptImages: images, ScriptNetwork: c.String("script-network"),
				ScriptSpotSample: c.Float64("script-spot-sample"), Tx: cliapp.Tx(c), OthenticAPI: c.String("othentic-api"), Logger: log,
			})
		},
	})
}

func keysCommand() *cli.Command {
	dir := cliapp.String("out-dir", "directory to write the keystore files to", "./keys")
	pw := cliapp.String("password-file", "file holding the password that encrypts the keystores", "")
	light := &cli.BoolFlag{Name: "light-kdf", Usage: "cheap key derivation (tests and local networks only)", EnvVars: cliapp.Env("light-kdf")}
	readPW := func(c *cli.Context) (string, error) {
		if c.String("password-file") == "" {
			return "", fmt.Errorf("--password-file is required")
		}
		return keystore.ReadPasswordFile(c.String("password-file"))
	}
	return &cli.Command{
		Name:  "keys",
		Usage: "create, import and show the keeper's keys",
		Subcommands: []*cli.Command{
			{
				Name:  "generate",
				Usage: "create an ECDSA controller key (keystore v3) and a BLS key (EIP-2335)",
				Flags: []cli.Flag{dir, pw, light},
				Action: func(c *cli.Context) error {
					p, err := readPW(c)
					if err != nil {
						return err
					}
					ePath, addr, err := keystore.GenerateECDSA(c.String("out-dir"), p, c.Bool("light-kdf"))
					if err != nil {
						return err
					}
					bPath, pk, err := keystore.GenerateBLS(c.String("out-dir"), p, c.Bool("light-kdf"))
					if err != nil {
						return err
					}
					fmt.Fprintf(c.App.Writer, "controller address: %s\necdsa keystore:     %s\nbls public key:     0x%s\nbls keystore:       %s\n",
						addr.Hex(), ePath, hex.EncodeToString(pk[:]), bPath)
					return nil
				},
			},
			{
				Name:  "import",
				Usage: "encrypt existing hex keys into keystores",
				Flags: []cli.Flag{dir, pw, light,
					cliapp.String("ecdsa-private-key", "hex ECDSA private key to import", ""),
					cliapp.String("bls-private-key", "hex BLS secret key to import", "")},
				Action: func(c *cli.Context) error {
					p, err := readPW(c)
					if err != nil {
						return err
					}
					if k := c.String("ecdsa-private-key"); k != "" {
						path, addr, err := keystore.ImportECDSA(k, c.String("out-dir"), p, c.Bool("light-kdf"))
						if err != nil {
							return err
						}
						fmt.Fprintf(c.App.Writer, "controller address: %s\necdsa keystore:     %s\n", addr.Hex(), path)
					}
					if k := c.String("bls-private-key"); k != "" {
						path, pk, err := keystore.ImportBLS(k, c.String("out-dir"), p, c.Bool("light-kdf"))
						if err != nil {
							return err
						}
						fmt.Fprintf(c.App.Writer, "bls public key:     0x%s\nbls keystore:       %s\n", hex.EncodeToString(pk[:]), path)
					}
					return nil
				},
			},
			{
				Name:  "show",
				Usage: "print the address and public key of keystores (no password needed)",
				Flags: []cli.Flag{cliapp.String(cliapp.FlagECDSAKeystore, "ECDSA keystore file", ""), cliapp.String(cliapp.FlagBLSKeystore, "BLS keystore file", "")},
				Action: func(c *cli.Context) error {
					if p := c.String(cliapp.FlagECDSAKeystore); p != "" {
						addr, err := keystore.ReadECDSAAddress(p)
						if err != nil {
							return err
						}
						fmt.Fprintf(c.App.Writer, "controller address: %s\n", addr.Hex())
					}
					if p := c.String(cliapp.FlagBLSKeystore); p != "" {
						pk, err := keystore.ReadBLSPublicKey(p)
						if err != nil {
							return err
						}
						fmt.Fprintf(c.App.Writer, "bls public key:     0x%s\n", hex.EncodeToString(pk[:]))
					}
					return nil
				},
			},
		},
	}
}

// chainSession is what the on-chain commands share: a client, the registry
// and a transactor for the controller key.
type chainSession struct {
	client   *ethclient.Client
	registry *bindings.KeeperRegistry
	key      *ecdsa.PrivateKey
	auth     *bind.TransactOpts
	chainID  *big.Int
}

func openChain(c *cli.Context, needKey bool) (*chainSession, error) {
	cfg, err := cliapp.Chain(c)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(c.Context, 30*time.Second)
	defer cancel()
	client, err := ethclient.DialContext(ctx, cfg.RPC)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", cfg.RPC, err)
	}
	s := &chainSession{client: client}
	if s.chainID, err = client.ChainID(ctx); err != nil {
		client.Close()
		return nil, fmt.Errorf("read chain id: %w", err)
	}
	if s.registry, err = bindings.NewKeeperRegistry(cfg.KeeperRegistry, client); err != nil {
		client.Close()
		return nil, err
	}
	if needKey {
		if s.key, err = cliapp.LoadECDSA(c); err != nil {
			client.Close()
			return nil, err
		}
		if s.auth, err = bind.NewKeyedTransactorWithChainID(s.key, s.chainID); err != nil {
			client.Close()
			return nil, err
		}
	}
	return s, nil
}

func registerCommand() *cli.Command {
	flags := append(cliapp.ChainFlags(cliapp.FlagKeeperRegistry), cliapp.ECDSAFlags()...)
	flags = append(flags, cliapp.BLSFlags()...)
	flags = append(flags, cliapp.String("stake", "stake to lock, in wei", ""))
	return cliapp.WithConfigFile(&cli.Command{
		Name:  "register",
		Usage: "register the keeper on-chain with its BLS key, a proof of possession and a stake",
		Flags: flags,
		Action: func(c *cli.Context) error {
			stake, ok := new(big.Int).SetString(c.String("stake"), 10)
			if !ok || stake.Sign() <= 0 {
				return fmt.Errorf("--stake: want a positive amount of wei, got %q", c.String("stake"))
			}
			s, err := openChain(c, true)
			if err != nil {
				return err
			}
			defer s.client.Close()
			blsKey, err := cliapp.LoadBLS(c)
			if err != nil {
				return err
			}
			addr, err := cliapp.Address(c, cliapp.FlagKeeperRegistry)
			if err != nil {
				return err
			}
			ctx, cancel := context.WithTimeout(c.Context, 5*time.Minute)
			defer cancel()
			tx, err := contracts.RegisterKeeper(ctx, s.registry, s.auth, s.chainID.Uint64(), addr, blsKey, stake)
			if err != nil {
				return err
			}
			if _, err := contracts.WaitMined(ctx, s.client, tx, nil); err != nil {
				return err
			}
			id, err := s.registry.KeeperId(&bind.CallOpts{Context: ctx}, s.auth.From)
			if err != nil {
				return err
			}
			fmt.Fprintf(c.App.Writer, "registered keeper %s as id %s (tx %s)\n", s.auth.From.Hex(), id, tx.Hash().Hex())
			return nil
		},
	})
}

func deregisterCommand() *cli.Command {
	return cliapp.WithConfigFile(&cli.Command{
		Name:  "deregister",
		Usage: "leave the keeper set and get the stake back",
		Flags: append(cliapp.ChainFlags(cliapp.FlagKeeperRegistry), cliapp.ECDSAFlags()...),
		Action: func(c *cli.Context) error {
			s, err := openChain(c, true)
			if err != nil {
				return err
			}
			defer s.client.Close()
			ctx, cancel := context.WithTimeout(c.Context, 5*time.Minute)
			defer cancel()
			opts := *s.auth
			opts.Context = ctx
			tx, err := s.registry.Deregister(&opts)
			if err != nil {
				return fmt.Errorf("deregister: %w", err)
			}
			if _, err := contracts.WaitMined(ctx, s.client, tx, nil); err != nil {
				return err
			}
			fmt.Fprintf(c.App.Writer, "deregistered %s (tx %s)\n", s.auth.From.Hex(), tx.Hash().Hex())
			return nil
		},
	})
}

func statusCommand() *cli.Command {
	return cliapp.WithConfigFile(&cli.Command{
		Name:  "status",
		Usage: "show the keeper's on-chain registration",
		Flags: append(cliapp.ChainFlags(cliapp.FlagKeeperRegistry), cliapp.ECDSAFlags()[0]),
		Action: func(c *cli.Context) error {
			s, err := openChain(c, false)
			if err != nil {
				return err
			}
			defer s.client.Close()
			addr, err := keystore.ReadECDSAAddress(c.String(cliapp.FlagECDSAKeystore))
			if err != nil {
				return err
			}
			opts := &bind.CallOpts{Context: c.Context}
			id, err := s.registry.KeeperId(opts, addr)
			if err != nil {
				return fmt.Errorf("read keeper id: %w", err)
			}
			if id.Sign() == 0 {
				fmt.Fprintf(c.App.Writer, "keeper %s: not registered\n", addr.Hex())
				return nil
			}
			k, err := s.registry.GetKeeper(opts, id)
			if err != nil {
				return fmt.Errorf("read keeper: %w", err)
			}
			total, err := s.registry.TotalStake(opts)
			if err != nil {
				return fmt.Errorf("read total stake: %w", err)
			}
			fmt.Fprintf(c.App.Writer, "keeper %s: id %s, active %t, stake %s wei of %s total\n", addr.Hex(), id, k.Active, k.Stake, total)
			return nil
		},
	})
}
