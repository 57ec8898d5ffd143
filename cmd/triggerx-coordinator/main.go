// Command triggerx-coordinator runs the coordinator: the REST API for job
// owners, the interval scheduler, the dispatcher that signs task assignments
// and the monitor that follows the AttestationCenter.
package main

import (
	"time"

	"github.com/urfave/cli/v2"

	"github.com/triggerx-network/triggerx/cmd/internal/cliapp"
	"github.com/triggerx-network/triggerx/coordinator"
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
	flagAPIRate     = "api-rate-limit"
	flagTick        = "schedule-tick"
	flagDeadline    = "task-deadline"
	flagMonitorPoll = "monitor-poll"
	flagRedisURL    = "redis-url"
	flagGateway     = "script-gateway"
	flagOffline     = "keeper-offline-after"
	flagAlertAfter  = "alert-after"
	flagWebhook     = "alert-webhook"
	flagTGToken     = "telegram-bot-token"
	flagTGChat      = "telegram-chat-id"
)

func startCommand() *cli.Command {
	return cliapp.WithConfigFile(&cli.Command{
		Name:  "start",
		Usage: "run until interrupted",
		Flags: cliapp.NodeFlags("./coordinator-data", "/ip4/0.0.0.0/tcp/9015",
			[]string{cliapp.FlagKeeperRegistry, cliapp.FlagJobRegistry, cliapp.FlagTaskExecutionHub, cliapp.FlagAttestationCenter},
			cliapp.String(flagAPIListen, "host:port of the REST API (also serves /metrics)", "127.0.0.1:9002"),
			cliapp.Strings(flagAPIKey, "admin API key accepted by the REST API (repeatable; at least 16 characters)"),
			cliapp.Uint64(flagAPIRate, "requests per minute of an API key without its own rate limit", coordinator.DefaultRateLimit),
			cliapp.Duration(flagTick, "how often the scheduler looks for due jobs", time.Second),
			cliapp.Duration(flagDeadline, "time a performer has to execute a task", time.Minute),
			cliapp.Duration(flagMonitorPoll, "pause between chain polls once the monitor is caught up", 2*time.Second),
			cliapp.String(flagRedisURL, "redis://host:port/db shared by coordinator instances that split the jobs (empty: one instance)", ""),
			cliapp.Strings(flagGateway, "trustless IPFS gateway URL scripts are fetched from when no peer has them (repeatable)"),
			cliapp.Duration(flagOffline, "a keeper without a heartbeat for this long is offline: tasks go to the next keeper", coordinator.DefaultOfflineAfter),
			cliapp.Duration(flagAlertAfter, "alert operators about a keeper offline for this long", coordinator.DefaultAlertAfter),
			cliapp.String(flagWebhook, "URL that receives keeper alerts as JSON POSTs (empty: none)", ""),
			cliapp.String(flagTGToken, "Telegram bot token for keeper alerts (with --telegram-chat-id)", ""),
			cliapp.String(flagTGChat, "Telegram chat id keeper alerts are sent to", ""),
		),
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
			return node.RunCoordinator(c.Context, node.CoordinatorConfig{
				DataDir: c.String(cliapp.FlagDataDir), Chain: chain, Key: key,
				APIListen: c.String(flagAPIListen), APIKeys: c.StringSlice(flagAPIKey),
				APIRateLimit: int(min(c.Uint64(flagAPIRate), 1<<31)), P2P: cliapp.P2P(c),
				Tick: c.Duration(flagTick), Deadline: c.Duration(flagDeadline), MonitorPoll: c.Duration(flagMonitorPoll),
				RedisURL: c.String(flagRedisURL), ScriptGateways: c.StringSlice(flagGateway), TracerProvider: tp, Logger: log,
				Health: node.HealthConfig{
					OfflineAfter: c.Duration(flagOffline), AlertAfter: c.Duration(flagAlertAfter),
					WebhookURL: c.String(flagWebhook), TelegramToken: c.String(flagTGToken), TelegramChatID: c.String(flagTGChat),
				},
			})
		},
	})
}
