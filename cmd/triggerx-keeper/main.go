// Command triggerx-keeper runs a TriggerX keeper node and manages its keys
// and on-chain registration.
package main

import (
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/triggerx-network/triggerx/cmd/internal/cliapp"
	"github.com/triggerx-network/triggerx/node"
	"github.com/triggerx-network/triggerx/node/keystore"
)

func main() { cliapp.Main(app()) }

func app() *cli.App { return newApp(dialRPC) }

// newApp builds the command line; dial connects the on-chain commands to
// --eth-rpc (tests pass a simulated chain).
func newApp(dial dialFunc) *cli.App {
	return &cli.App{
		Name:  "triggerx-keeper",
		Usage: "run a TriggerX keeper: execute assigned tasks on-chain and attest to the others' with BLS signatures",
		Commands: []*cli.Command{
			startCommand(), keysCommand(), registerCommand(dial), deregisterCommand(dial), withdrawStakeCommand(dial),
			statusCommand(dial), scriptCommand(),
		},
	}
}

func startCommand() *cli.Command {
	return cliapp.WithConfigFile(&cli.Command{
		Name:  "start",
		Usage: "join the network and work until interrupted",
		Flags: cliapp.NodeFlags("./keeper-data", "/ip4/0.0.0.0/tcp/9012",
			[]string{cliapp.FlagKeeperRegistry, cliapp.FlagJobRegistry, cliapp.FlagTaskExecutionHub, cliapp.FlagAttestationCenter},
			append(append(append(cliapp.BLSFlags(), cliapp.ChainContractFlags()...), cliapp.TxFlags()...),
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
					"/p2p/message (empty: off)", ""),
				cliapp.Duration("heartbeat-interval", "how often to gossip a signed heartbeat so the coordinator sees this keeper "+
					"online (negative: off)", node.DefaultHeartbeatInterval))...),
		Action: func(c *cli.Context) error {
			log, chain, ecdsaKey, err := cliapp.Node(c)
			if err != nil {
				return err
			}
			defer log.Sync() //nolint:errcheck
			tp, stopTracing, err := cliapp.Tracing(c, c.App.Name, log)
			if err != nil {
				return err
			}
			defer stopTracing()
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
				ScriptSpotSample: c.Float64("script-spot-sample"), Tx: cliapp.Tx(c), OthenticAPI: c.String("othentic-api"),
				HeartbeatInterval: c.Duration("heartbeat-interval"), TracerProvider: tp, Logger: log,
			})
		},
	})
}

func keysCommand() *cli.Command {
	dir := cliapp.String("out-dir", "directory to write the keystore files to", "./keys")
	pw := cliapp.String("password-file", "file holding the password that encrypts the keystores; without it the password is read from "+
		cliapp.EnvKeystorePassword+", else asked for twice on a terminal", "")
	light := &cli.BoolFlag{Name: "light-kdf", Usage: "cheap key derivation (tests and local networks only)", EnvVars: cliapp.Env("light-kdf")}
	readPW := func(c *cli.Context) (string, error) {
		return cliapp.Password(c, cliapp.PasswordSource{What: "new keystores in " + c.String("out-dir"), FileFlag: "password-file",
			EnvVars: []string{cliapp.EnvKeystorePassword}, Confirm: true})
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
				Name: "import",
				Usage: "encrypt existing hex keys into keystores (the keys may come from TRIGGERX_ECDSA_PRIVATE_KEY and " +
					"TRIGGERX_BLS_PRIVATE_KEY rather than the command line, which other users can see)",
				Flags: []cli.Flag{dir, pw, light,
					cliapp.String("ecdsa-private-key", "hex ECDSA private key to import", ""),
					cliapp.String("bls-private-key", "hex BLS secret key to import", "")},
				Action: func(c *cli.Context) error {
					if c.String("ecdsa-private-key") == "" && c.String("bls-private-key") == "" {
						return fmt.Errorf("nothing to import: give --ecdsa-private-key, --bls-private-key or both")
					}
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
