// Package cliapp holds what the three binaries share: flag definitions that
// also read TRIGGERX_* environment variables and an optional YAML config
// file, logger construction, key loading, and the main wrapper that ties the
// root context to SIGINT/SIGTERM.
//
// A keystore password comes from a file flag, else from an environment
// variable holding the password itself, else from a prompt without echo when
// standard input is a terminal (see Password); with none of them a command
// fails with ErrNoPassword naming all three. Passwords and keys are never
// printed or put in errors.
package cliapp

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/params"
	"github.com/urfave/cli/v2"
	"github.com/urfave/cli/v2/altsrc"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/execution"
	"github.com/triggerx-network/triggerx/node"
	"github.com/triggerx-network/triggerx/node/keystore"
)

// Env returns the environment variable that sets flag name:
// TRIGGERX_ + upper-cased name with dashes as underscores.
func Env(name string) []string {
	return []string{"TRIGGERX_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))}
}

// String is a string flag read from the command line, TRIGGERX_<NAME> or the config file.
func String(name, usage, value string) cli.Flag {
	return altsrc.NewStringFlag(&cli.StringFlag{Name: name, Usage: usage, Value: value, EnvVars: Env(name)})
}

// Strings is a repeatable string flag (comma-separated in the environment).
func Strings(name, usage string, value ...string) cli.Flag {
	f := &cli.StringSliceFlag{Name: name, Usage: usage, EnvVars: Env(name)}
	if len(value) > 0 {
		f.Value = cli.NewStringSlice(value...)
	}
	return altsrc.NewStringSliceFlag(f)
}

// Duration is a duration flag ("1s", "2m").
func Duration(name, usage string, value time.Duration) cli.Flag {
	return altsrc.NewDurationFlag(&cli.DurationFlag{Name: name, Usage: usage, Value: value, EnvVars: Env(name)})
}

// Uint64 is an unsigned integer flag.
func Uint64(name, usage string, value uint64) cli.Flag {
	return altsrc.NewUint64Flag(&cli.Uint64Flag{Name: name, Usage: usage, Value: value, EnvVars: Env(name)})
}

// Flag names shared by several commands.
const (
	FlagConfig            = "config"
	FlagLogLevel          = "log-level"
	FlagLogFormat         = "log-format"
	FlagDataDir           = "data-dir"
	FlagEthRPC            = "eth-rpc"
	FlagEthRPCFallback    = "eth-rpc-fallback"
	FlagChainRPC          = "chain-rpc"
	FlagKeeperRegistry    = "keeper-registry"
	FlagJobRegistry       = "job-registry"
	FlagTaskExecutionHub  = "task-execution-hub"
	FlagAttestationCenter = "attestation-center"
	FlagECDSAKeystore     = "ecdsa-keystore"
	FlagECDSAPassword     = "ecdsa-password-file"
	FlagBLSKeystore       = "bls-keystore"
	FlagBLSPassword       = "bls-password-file"
	FlagP2PListen         = "p2p-listen"
	FlagP2PBootstrap      = "p2p-bootstrap"
	FlagP2PAllow          = "p2p-allow"
	FlagMetricsAddr       = "metrics-addr"
)

// ConfigFlag names the optional YAML file whose keys are flag names.
var ConfigFlag = &cli.StringFlag{Name: FlagConfig, Usage: "YAML file with flag values (keys are flag names)", EnvVars: Env(FlagConfig)}

// LogFlags configure logging.
func LogFlags() []cli.Flag {
	return []cli.Flag{
		String(FlagLogLevel, "debug, info, warn or error", "info"),
		String(FlagLogFormat, "json or console", "json"),
	}
}

// ChainFlags name the RPC endpoint and the contracts.
func ChainFlags(contracts ...string) []cli.Flag {
	usage := map[string]string{
		FlagKeeperRegistry:    "KeeperRegistry contract address",
		FlagJobRegistry:       "JobRegistry contract address",
		FlagTaskExecutionHub:  "TaskExecutionHub contract address",
		FlagAttestationCenter: "AttestationCenter contract address",
	}
	fs := []cli.Flag{
		String(FlagEthRPC, "JSON-RPC URL (http, https, ws or wss) of the home chain, where the contracts live", "http://127.0.0.1:8545"),
		Strings(FlagChainRPC, "CHAINID=URL of another chain that triggers watch (repeatable; "+
			"more URLs of one chain are fallbacks, tried in order)"),
	}
	for _, c := range contracts {
		fs = append(fs, String(c, usage[c], ""))
	}
	return fs
}

// ethRPCFallbackFlag lists more home chain URLs. Only the long-running
// nodes take it; one-shot commands dial --eth-rpc alone.
func ethRPCFallbackFlag() cli.Flag {
	return Strings(FlagEthRPCFallback, "JSON-RPC URL of the home chain to use when --eth-rpc fails to answer (repeatable, tried in order)")
}

// ECDSAFlags locate the controller key.
func ECDSAFlags() []cli.Flag {
	return []cli.Flag{
		String(FlagECDSAKeystore, "ECDSA key in a go-ethereum v3 keystore file", ""),
		String(FlagECDSAPassword, "file holding the ECDSA keystore password; without it the password is read from "+
			EnvECDSAPassword+", else "+EnvKeystorePassword+", else asked for on a terminal", ""),
	}
}

// BLSFlags locate the BLS key.
func BLSFlags() []cli.Flag {
	return []cli.Flag{
		String(FlagBLSKeystore, "BLS key in an EIP-2335 keystore file", ""),
		String(FlagBLSPassword, "file holding the BLS keystore password; without it the password is read from "+
			EnvBLSPassword+", else "+EnvKeystorePassword+", else asked for on a terminal", ""),
	}
}

// P2PFlags configure the libp2p host.
func P2PFlags(listen string) []cli.Flag {
	return []cli.Flag{
		Strings(FlagP2PListen, "libp2p listen multiaddr (repeatable)", listen),
		Strings(FlagP2PBootstrap, "bootstrap peer multiaddr with /p2p/<id> (repeatable)"),
		Strings(FlagP2PAllow, "peer id admitted without an on-chain role, e.g. another aggregator (repeatable); active keepers and the coordinator are admitted by the registry"),
	}
}

// WithConfigFile makes a command read flag values from the YAML file named
// by --config before its action runs.
func WithConfigFile(cmd *cli.Command) *cli.Command {
	cmd.Flags = append([]cli.Flag{ConfigFlag}, cmd.Flags...)
	cmd.Before = func(c *cli.Context) error {
		if c.String(FlagConfig) == "" {
			return nil
		}
		return altsrc.InitInputSourceWithContext(cmd.Flags, altsrc.NewYamlSourceFromFlagFunc(FlagConfig))(c)
	}
	return cmd
}

// Logger builds the zap logger the log flags ask for.
func Logger(c *cli.Context) (*zap.Logger, error) {
	level, err := zapcore.ParseLevel(c.String(FlagLogLevel))
	if err != nil {
		return nil, fmt.Errorf("--%s: %w", FlagLogLevel, err)
	}
	var cfg zap.Config
	switch c.String(FlagLogFormat) {
	case "json":
		cfg = zap.NewProductionConfig()
	case "console":
		cfg = zap.NewDevelopmentConfig()
		cfg.EncoderConfig.EncodeLevel = zapcore.CapitalLevelEncoder
	default:
		return nil, fmt.Errorf("--%s: want json or console, got %q", FlagLogFormat, c.String(FlagLogFormat))
	}
	cfg.Level = zap.NewAtomicLevelAt(level)
	cfg.DisableStacktrace = level > zapcore.DebugLevel
	return cfg.Build()
}

// Address parses a required address flag.
func Address(c *cli.Context, name string) (common.Address, error) {
	s := c.String(name)
	if !common.IsHexAddress(s) {
		return common.Address{}, fmt.Errorf("--%s: want a 0x-prefixed 20-byte address, got %q", name, s)
	}
	return common.HexToAddress(s), nil
}

// Chain reads the chain flags. Contracts whose flags the command does not
// define stay zero.
func Chain(c *cli.Context) (node.ChainConfig, error) {
	cfg := node.ChainConfig{RPC: c.String(FlagEthRPC), Chains: map[uint64]string{}}
	for _, url := range c.StringSlice(FlagEthRPCFallback) {
		if url == "" || url == cfg.RPC || slices.Contains(cfg.FallbackRPCs, url) {
			return node.ChainConfig{}, fmt.Errorf("--%s: want distinct URLs other than --%s, got %q", FlagEthRPCFallback, FlagEthRPC, url)
		}
		cfg.FallbackRPCs = append(cfg.FallbackRPCs, url)
	}
	for _, entry := range c.StringSlice(FlagChainRPC) {
		id, url, ok := strings.Cut(entry, "=")
		n, err := strconv.ParseUint(id, 10, 64)
		if !ok || err != nil || n == 0 || url == "" {
			return node.ChainConfig{}, fmt.Errorf("--%s: want CHAINID=URL, got %q", FlagChainRPC, entry)
		}
		first, again := cfg.Chains[n]
		switch {
		case !again:
			cfg.Chains[n] = url
		case url == first || slices.Contains(cfg.ChainFallbacks[n], url):
			return node.ChainConfig{}, fmt.Errorf("--%s: %s given twice for chain %d", FlagChainRPC, execution.EndpointName(url), n)
		default: // more endpoints of the chain: fallbacks, in order
			if cfg.ChainFallbacks == nil {
				cfg.ChainFallbacks = map[uint64][]string{}
			}
			cfg.ChainFallbacks[n] = append(cfg.ChainFallbacks[n], url)
		}
	}
	for name, dst := range map[string]*map[uint64]common.Address{FlagChainHub: &cfg.Hubs, FlagChainJobRegistry: &cfg.JobRegistries} {
		if !hasFlag(c, name) {
			continue
		}
		m, err := chainAddresses(c, name)
		if err != nil {
			return node.ChainConfig{}, err
		}
		*dst = m
	}
	for id := range cfg.Hubs {
		if _, ok := cfg.JobRegistries[id]; !ok {
			return node.ChainConfig{}, fmt.Errorf("--%s %d=…: give that chain's --%s too", FlagChainHub, id, FlagChainJobRegistry)
		}
	}
	for name, dst := range map[string]*common.Address{
		FlagKeeperRegistry: &cfg.KeeperRegistry, FlagJobRegistry: &cfg.JobRegistry,
		FlagTaskExecutionHub: &cfg.TaskExecutionHub, FlagAttestationCenter: &cfg.AttestationCenter,
	} {
		if !hasFlag(c, name) {
			continue
		}
		a, err := Address(c, name)
		if err != nil {
			return node.ChainConfig{}, err
		}
		*dst = a
	}
	return cfg, nil
}

func hasFlag(c *cli.Context, name string) bool {
	for _, f := range c.Command.Flags {
		for _, n := range f.Names() {
			if n == name {
				return true
			}
		}
	}
	return false
}

// LoadECDSA decrypts the controller key the flags name. Its password comes
// from --ecdsa-password-file, else $TRIGGERX_ECDSA_PASSWORD, else
// $TRIGGERX_KEYSTORE_PASSWORD, else a prompt on a terminal.
func LoadECDSA(c *cli.Context) (*ecdsa.PrivateKey, error) {
	path := c.String(FlagECDSAKeystore)
	if path == "" {
		return nil, fmt.Errorf("--%s is required", FlagECDSAKeystore)
	}
	pw, err := Password(c, PasswordSource{What: "ECDSA keystore " + path, FileFlag: FlagECDSAPassword,
		EnvVars: []string{EnvECDSAPassword, EnvKeystorePassword}})
	if err != nil {
		return nil, err
	}
	k, err := keystore.LoadECDSA(path, pw)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	return k, nil
}

// LoadBLS decrypts the BLS key the flags name. Its password comes from
// --bls-password-file, else $TRIGGERX_BLS_PASSWORD, else
// $TRIGGERX_KEYSTORE_PASSWORD, else a prompt on a terminal.
func LoadBLS(c *cli.Context) (*attestation.BLSSecretKey, error) {
	path := c.String(FlagBLSKeystore)
	if path == "" {
		return nil, fmt.Errorf("--%s is required", FlagBLSKeystore)
	}
	pw, err := Password(c, PasswordSource{What: "BLS keystore " + path, FileFlag: FlagBLSPassword,
		EnvVars: []string{EnvBLSPassword, EnvKeystorePassword}})
	if err != nil {
		return nil, err
	}
	k, err := keystore.LoadBLS(path, pw)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	return k, nil
}

// P2P reads the p2p flags.
func P2P(c *cli.Context) node.P2PConfig {
	return node.P2PConfig{
		Listen: c.StringSlice(FlagP2PListen), Bootstrap: c.StringSlice(FlagP2PBootstrap),
		AllowPeers: c.StringSlice(FlagP2PAllow),
	}
}

// Flags naming the contracts of other chains, where jobs whose action is on
// such a chain are executed.
const (
	FlagChainHub         = "chain-hub"
	FlagChainJobRegistry = "chain-job-registry"
)

// ChainContractFlags name the TaskExecutionHub and JobRegistry of other
// chains.
func ChainContractFlags() []cli.Flag {
	return []cli.Flag{
		Strings(FlagChainHub, "CHAINID=ADDRESS of the TaskExecutionHub of another chain, which executes the jobs whose action is there (repeatable)"),
		Strings(FlagChainJobRegistry, "CHAINID=ADDRESS of the JobRegistry of another chain, where those jobs are registered (repeatable)"),
	}
}

// chainAddresses reads a repeatable CHAINID=ADDRESS flag.
func chainAddresses(c *cli.Context, name string) (map[uint64]common.Address, error) {
	var out map[uint64]common.Address
	for _, entry := range c.StringSlice(name) {
		if out == nil {
			out = map[uint64]common.Address{}
		}
		id, addr, ok := strings.Cut(entry, "=")
		n, err := strconv.ParseUint(id, 10, 64)
		if !ok || err != nil || n == 0 || !common.IsHexAddress(addr) {
			return nil, fmt.Errorf("--%s: want CHAINID=0xADDRESS, got %q", name, entry)
		}
		if _, dup := out[n]; dup {
			return nil, fmt.Errorf("--%s: chain %d given twice", name, n)
		}
		out[n] = common.HexToAddress(addr)
	}
	return out, nil
}

// TxFlags tune the transaction manager of a node that sends transactions.
func TxFlags() []cli.Flag {
	return []cli.Flag{
		&cli.Uint64Flag{Name: "tx-max-fee-gwei", Usage: "cap on every transaction's fee per gas, in gwei (0: 500)",
			EnvVars: Env("tx-max-fee-gwei")},
		&cli.Uint64Flag{Name: "tx-confirmations", Usage: "blocks a transaction's block needs, counting itself, before its receipt counts",
			Value: 1, EnvVars: Env("tx-confirmations")},
		Duration("tx-resubmit-after", "how long a transaction may stay unmined before it is replaced with higher fees", 20*time.Second),
	}
}

// Tx reads the TxFlags.
func Tx(c *cli.Context) node.TxConfig {
	cfg := node.TxConfig{Confirmations: c.Uint64("tx-confirmations"), ResubmitAfter: c.Duration("tx-resubmit-after")}
	if g := c.Uint64("tx-max-fee-gwei"); g > 0 {
		cfg.MaxFeePerGas = new(big.Int).Mul(new(big.Int).SetUint64(g), big.NewInt(params.GWei))
	}
	return cfg
}

// Main runs app with a root context that ends on SIGINT or SIGTERM, and
// exits non-zero with the error on failure.
func Main(app *cli.App) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := app.RunContext(ctx, os.Args)
	stop()
	if err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintf(os.Stderr, "%s: %v\n", app.Name, err)
		os.Exit(1)
	}
}

// NodeFlags are the flags every node's start command shares, in reference
// order: data directory, chain and contracts, controller key, p2p, and the
// extra flags the command adds; tracing and logging last.
func NodeFlags(dataDirDefault, p2pListen string, contracts []string, extra ...cli.Flag) []cli.Flag {
	fs := []cli.Flag{String(FlagDataDir, "directory for the node's state", dataDirDefault)}
	chain := ChainFlags(contracts...)
	fs = append(fs, chain[0], ethRPCFallbackFlag()) // next to --eth-rpc
	fs = append(fs, chain[1:]...)
	fs = append(fs, ECDSAFlags()...)
	fs = append(fs, P2PFlags(p2pListen)...)
	fs = append(fs, extra...)
	fs = append(fs, TracingFlags()...)
	return append(fs, LogFlags()...)
}

// Node reads what every node's start command needs: its logger, the chain
// configuration and the controller key.
func Node(c *cli.Context) (*zap.Logger, node.ChainConfig, *ecdsa.PrivateKey, error) {
	log, err := Logger(c)
	if err != nil {
		return nil, node.ChainConfig{}, nil, err
	}
	chain, err := Chain(c)
	if err != nil {
		return nil, node.ChainConfig{}, nil, err
	}
	key, err := LoadECDSA(c)
	if err != nil {
		return nil, node.ChainConfig{}, nil, err
	}
	return log, chain, key, nil
}

// MissingEnv lists the flags of app's commands that no TRIGGERX_*
// environment variable sets.
func MissingEnv(app *cli.App) []string {
	var missing []string
	var walk func(prefix string, cmds []*cli.Command)
	walk = func(prefix string, cmds []*cli.Command) {
		for _, cmd := range cmds {
			for _, f := range cmd.Flags {
				if ev, ok := f.(interface{ GetEnvVars() []string }); !ok || len(ev.GetEnvVars()) == 0 ||
					!strings.HasPrefix(ev.GetEnvVars()[0], "TRIGGERX_") {
					missing = append(missing, prefix+cmd.Name+" --"+f.Names()[0])
				}
			}
			walk(prefix+cmd.Name+" ", cmd.Subcommands)
		}
	}
	walk("", app.Commands)
	return missing
}
