// Command triggerx-coordinator runs the coordinator: the REST API for job
// owners, the interval scheduler, the dispatcher that signs task assignments
// and the monitor that follows the AttestationCenter.
package main

import (
	"time"

	"github.com/urfave/cli/v2"

	"github.com/triggerx-network/triggerx/cmd/internal/cliapp"
	"github.com/triggerx-network/triggerx/node"
)

func main() { cliapp.Main(app()) }

func app() *cli.App {
	return &cli.App{
		Name:     "triggerx-coordinator",
		Usage:    "accept jobs over REST, schedule and dispatch their tasks, and track them to finalization",
		Commands: []*cli.Command{startCommand()},
	}
}

const (
	flagAPIListen   = "api-listen"
	flagAPIKey      = "api-key"
	flagTick        = "schedule-tick"
	flagDeadline    = "task-deadline"
	flagMonitorPoll = "monitor-poll"
)

func startCommand() *cli.Command {
	flags := []cli.Flag{cliapp.String(cliapp.FlagDataDir, "directory for the job store and p2p identity", "./coordinator-data")}
	flags = append(flags, cliapp.ChainFlags(cliapp.FlagKeeperRegistry, cliapp.FlagJobRegistry, cliapp.FlagTaskExecutionHub, cliapp.FlagAttestationCenter)...)
	flags = append(flags, cliapp.ECDSAFlags()...)
	flags = append(flags,
		cliapp.String(flagAPIListen, "host:port of the REST API (also serves /metrics)", "127.0.0.1:9002"),
		cliapp.Strings(flagAPIKey, "API key accepted by the REST API (repeatable; at least 16 characters)"),
		cliapp.Duration(flagTick, "how often the scheduler looks for due jobs", time.Second),
		cliapp.Duration(flagDeadline, "time a performer has to execute a task", time.Minute),
		cliapp.Duration(flagMonitorPoll, "pause between chain polls once the monitor is caught up", 2*time.Second),
	)
	flags = append(flags, cliapp.P2PFlags("/ip4/0.0.0.0/tcp/9015")...)
	flags = append(flags, cliapp.LogFlags()...)
	return cliapp.WithConfigFile(&cli.Command{
		Name:  "start",
		Usage: "run until interrupted",
		Flags: flags,
		Action: func(c *cli.Context) error {
			log, err := cliapp.Logger(c)
			if err != nil {
				return err
			}
			defer log.Sync() //nolint:errcheck
			chain, err := cliapp.Chain(c)
			if err != nil {
				return err
			}
			key, err := cliapp.LoadECDSA(c)
			if err != nil {
				return err
			}
			return node.RunCoordinator(c.Context, node.CoordinatorConfig{
				DataDir: c.String(cliapp.FlagDataDir), Chain: chain, Key: key,
				APIListen: c.String(flagAPIListen), APIKeys: c.StringSlice(flagAPIKey), P2P: cliapp.P2P(c),
				Tick: c.Duration(flagTick), Deadline: c.Duration(flagDeadline), MonitorPoll: c.Duration(flagMonitorPoll),
				Logger: log,
			})
		},
	})
}
