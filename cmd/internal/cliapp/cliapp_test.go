package cliapp

import (
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
	"github.com/triggerx-network/triggerx/node"
	"github.com/urfave/cli/v2"
)

func TestEnv(t *testing.T) {
	require.Equal(t, []string{"TRIGGERX_P2P_BOOTSTRAP"}, Env("p2p-bootstrap"))
}

func TestMissingEnv(t *testing.T) {
	app := &cli.App{Commands: []*cli.Command{{
		Name:        "start",
		Flags:       []cli.Flag{String("data-dir", "", ""), &cli.StringFlag{Name: "naked"}},
		Subcommands: []*cli.Command{{Name: "sub", Flags: []cli.Flag{&cli.BoolFlag{Name: "b"}}}},
	}}}
	require.Equal(t, []string{"start --naked", "start sub --b"}, MissingEnv(app))
}

func TestConfigFileAndEnvironment(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "keeper.yaml")
	require.NoError(t, os.WriteFile(cfg, []byte("data-dir: /from/yaml\np2p-bootstrap:\n  - /ip4/1.2.3.4/tcp/1/p2p/a\n  - /ip4/5.6.7.8/tcp/2/p2p/b\nschedule-tick: 3s\n"), 0o600))
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		dataDir string
	}{
		{"yaml", []string{"--config", cfg}, nil, "/from/yaml"},
		{"environment beats yaml", []string{"--config", cfg}, map[string]string{"TRIGGERX_DATA_DIR": "/from/env"}, "/from/env"},
		{"flag beats both", []string{"--config", cfg, "--data-dir", "/from/flag"}, map[string]string{"TRIGGERX_DATA_DIR": "/from/env"}, "/from/flag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			var got struct {
				dataDir string
				boot    []string
				tick    time.Duration
			}
			cmd := WithConfigFile(&cli.Command{
				Name:  "start",
				Flags: []cli.Flag{String(FlagDataDir, "", "./default"), Strings(FlagP2PBootstrap, ""), Duration("schedule-tick", "", time.Second)},
				Action: func(c *cli.Context) error {
					got.dataDir, got.boot, got.tick = c.String(FlagDataDir), c.StringSlice(FlagP2PBootstrap), c.Duration("schedule-tick")
					return nil
				},
			})
			app := &cli.App{Name: "x", Commands: []*cli.Command{cmd}}
			require.NoError(t, app.Run(append([]string{"x", "start"}, tt.args...)))
			require.Equal(t, tt.dataDir, got.dataDir)
			require.Equal(t, []string{"/ip4/1.2.3.4/tcp/1/p2p/a", "/ip4/5.6.7.8/tcp/2/p2p/b"}, got.boot)
			require.Equal(t, 3*time.Second, got.tick)
		})
	}
}

func TestConfigFileErrors(t *testing.T) {
	cmd := WithConfigFile(&cli.Command{Name: "start", Flags: []cli.Flag{String(FlagDataDir, "", "")}, Action: func(*cli.Context) error { return nil }})
	app := &cli.App{Name: "x", Commands: []*cli.Command{cmd}}
	require.Error(t, app.Run([]string{"x", "start", "--config", filepath.Join(t.TempDir(), "missing.yaml")}))
}

func TestEthRPCFallbackFlag(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		env     string
		want    []string
		wantErr string
	}{
		{"none", nil, "", nil, ""},
		{"repeated", []string{"--eth-rpc-fallback", "https://b.example", "--eth-rpc-fallback", "wss://c.example"}, "", []string{"https://b.example", "wss://c.example"}, ""},
		{"environment", nil, "https://b.example,https://c.example", []string{"https://b.example", "https://c.example"}, ""},
		{"same as main", []string{"--eth-rpc", "https://a.example", "--eth-rpc-fallback", "https://a.example"}, "", nil, "want distinct URLs"},
		{"twice", []string{"--eth-rpc-fallback", "https://b.example", "--eth-rpc-fallback", "https://b.example"}, "", nil, "want distinct URLs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.env != "" {
				t.Setenv("TRIGGERX_ETH_RPC_FALLBACK", tt.env)
			}
			var got []string
			cmd := &cli.Command{Name: "start", Flags: NodeFlags("", "", nil), Action: func(c *cli.Context) error {
				cfg, err := Chain(c)
				got = cfg.FallbackRPCs
				return err
			}}
			err := (&cli.App{Name: "x", Commands: []*cli.Command{cmd}}).Run(append([]string{"x", "start"}, tt.args...))
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, got)
		})
	}
}

func TestChainRPCFlag(t *testing.T) {
	tests := []struct {
		args      []string
		want      map[uint64]string
		fallbacks map[uint64][]string
		wantErr   string
	}{
		{nil, map[uint64]string{}, nil, ""},
		{[]string{"--chain-rpc", "8453=https://base.example", "--chain-rpc", "10=ws://op.example"}, map[uint64]string{8453: "https://base.example", 10: "ws://op.example"}, nil, ""},
		{[]string{"--chain-rpc", "base=https://x"}, nil, nil, "want CHAINID=URL"},
		{[]string{"--chain-rpc", "8453="}, nil, nil, "want CHAINID=URL"},
		{[]string{"--chain-rpc", "1=http://a", "--chain-rpc", "1=http://b", "--chain-rpc", "1=http://c"}, map[uint64]string{1: "http://a"},
			map[uint64][]string{1: {"http://b", "http://c"}}, ""},
		{[]string{"--chain-rpc", "1=http://a", "--chain-rpc", "1=http://a"}, nil, nil, "given twice"},
	}
	for _, tt := range tests {
		var got node.ChainConfig
		cmd := &cli.Command{Name: "start", Flags: ChainFlags(), Action: func(c *cli.Context) error {
			var err error
			got, err = Chain(c)
			return err
		}}
		err := (&cli.App{Name: "x", Commands: []*cli.Command{cmd}}).Run(append([]string{"x", "start"}, tt.args...))
		if tt.wantErr != "" {
			require.ErrorContains(t, err, tt.wantErr)
			continue
		}
		require.NoError(t, err)
		require.Equal(t, tt.want, got.Chains)
		require.Equal(t, tt.fallbacks, got.ChainFallbacks)
	}
}

func TestTxFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want node.TxConfig
	}{
		{"defaults", nil, node.TxConfig{Confirmations: 1, ResubmitAfter: 20 * time.Second}},
		{"set", []string{"--tx-max-fee-gwei", "80", "--tx-confirmations", "3", "--tx-resubmit-after", "45s"},
			node.TxConfig{MaxFeePerGas: big.NewInt(80e9), Confirmations: 3, ResubmitAfter: 45 * time.Second}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got node.TxConfig
			cmd := &cli.Command{Name: "start", Flags: TxFlags(), Action: func(c *cli.Context) error { got = Tx(c); return nil }}
			require.NoError(t, (&cli.App{Name: "x", Commands: []*cli.Command{cmd}}).Run(append([]string{"x", "start"}, tt.args...)))
			require.Equal(t, tt.want, got)
		})
	}
}

func TestChainContractFlags(t *testing.T) {
	hub, reg := "0x00000000000000000000000000000000000000a1", "0x00000000000000000000000000000000000000b2"
	tests := []struct {
		args    []string
		hubs    map[uint64]common.Address
		wantErr string
	}{
		{nil, nil, ""},
		{[]string{"--chain-hub", "8453=" + hub, "--chain-job-registry", "8453=" + reg}, map[uint64]common.Address{8453: common.HexToAddress(hub)}, ""},
		{[]string{"--chain-hub", "8453=" + hub}, nil, "give that chain's --chain-job-registry"},
		{[]string{"--chain-hub", "base=" + hub}, nil, "want CHAINID=0xADDRESS"},
		{[]string{"--chain-hub", "8453=0x12"}, nil, "want CHAINID=0xADDRESS"},
	}
	for _, tt := range tests {
		var got node.ChainConfig
		cmd := &cli.Command{Name: "start", Flags: append(ChainFlags(), ChainContractFlags()...), Action: func(c *cli.Context) error {
			var err error
			got, err = Chain(c)
			return err
		}}
		err := (&cli.App{Name: "x", Commands: []*cli.Command{cmd}}).Run(append([]string{"x", "start"}, tt.args...))
		if tt.wantErr != "" {
			require.ErrorContains(t, err, tt.wantErr)
			continue
		}
		require.NoError(t, err)
		require.Equal(t, tt.hubs, got.Hubs)
	}
}
