// Command triggerx-aggregator runs the network's bootstrap peer and vote
// aggregator: it collects keepers' BLS votes, weighs them by stake and
// submits each task's aggregate signature to the AttestationCenter.
package main

import (
	"github.com/urfave/cli/v2"

	"github.com/triggerx-network/triggerx/cmd/internal/cliapp"
	"github.com/triggerx-network/triggerx/node"
)

func main() { cliapp.Main(app()) }

func app() *cli.App {
	return &cli.App{
		Name:     "triggerx-aggregator",
		Usage:    "bootstrap the keeper network, aggregate votes and submit them on-chain",
		Commands: []*cli.Command{startCommand()},
	}
}

func startCommand() *cli.Command {
	return cliapp.WithConfigFile(&cli.Command{
		Name:  "start",
		Usage: "run until interrupted; writes its p2p multiaddrs to <data-dir>/" + node.AddrsFile,
		Flags: cliapp.NodeFlags("./aggregator-data", "/ip4/0.0.0.0/tcp/9876",
			[]string{cliapp.FlagKeeperRegistry, cliapp.FlagAttestationCenter},
			append(cliapp.TxFlags(),
				cliapp.String(cliapp.FlagMetricsAddr, "host:port serving Prometheus /metrics (empty: off)", "127.0.0.1:9014"),
				&cli.IntFlag{Name: "submit-max-batch", Usage: "most certificates recorded in one submitTasks transaction (1: one per task)",
					Value: node.DefaultMaxBatch, EnvVars: cliapp.Env("submit-max-batch")},
				&cli.IntFlag{Name: "attest-min-batch", Usage: "least certificates in one 200 ms window for them to be recorded under one batch signature of the keepers (submitBatch; negative: never)",
					Value: node.DefaultAttestMin, EnvVars: cliapp.Env("attest-min-batch")},
				cliapp.String("othentic-rpc", "host:port answering Othentic's JSON-RPC sendTask and sendCustomMessage (empty: off)", ""))...),
		Action: func(c *cli.Context) error {
			log, chain, key, err := cliapp.Node(c)
			if err != nil {
				return err
			}
			defer log.Sync() //nolint:errcheck
			tp, stopTracing, err := cliapp.Tracing(c, c.App.Name, log)
			if err != nil {
				return err
			}
			defer stopTracing()
			return node.RunAggregator(c.Context, node.AggregatorConfig{
				DataDir: c.String(cliapp.FlagDataDir), Chain: chain, Key: key, P2P: cliapp.P2P(c),
				MetricsAddr: c.String(cliapp.FlagMetricsAddr), Tx: cliapp.Tx(c), MaxBatch: c.Int("submit-max-batch"), AttestMin: c.Int("attest-min-batch"), OthenticRPC: c.String("othentic-rpc"),
				TracerProvider: tp, Logger: log,
			})
		},
	})
}
