// Command triggerx is the job owner's command line: it creates jobs (on-chain
// in the JobRegistry, then with the coordinator), lists and changes them,
// follows their tasks live, and manages API keys, through the coordinator's
// REST API (coordinator/sdk).
package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/urfave/cli/v2"

	"github.com/triggerx-network/triggerx/cmd/internal/cliapp"
	"github.com/triggerx-network/triggerx/coordinator/sdk"
)

func main() { cliapp.Main(app()) }

func app() *cli.App { return newApp(dialRPC) }

// dialFunc connects to the home chain's RPC endpoint at url; close
// releases it. Tests pass a simulated chain.
type dialFunc func(ctx context.Context, url string) (backend sdk.Backend, close func(), err error)

func dialRPC(ctx context.Context, url string) (sdk.Backend, func(), error) {
	c, err := ethclient.DialContext(ctx, url)
	if err != nil {
		return nil, nil, fmt.Errorf("dial %s: %w", url, err)
	}
	return c, c.Close, nil
}

// Flags every command takes. They may also come before the command
// (triggerx --api-url URL jobs list), where they win.
const (
	flagAPIURL = "api-url"
	flagAPIKey = "api-key"
	flagJSON   = "json"
)

// defaultAPIURL is where triggerx-coordinator start serves by default
// (--api-listen 127.0.0.1:9002).
const defaultAPIURL = "http://127.0.0.1:9002"

func newApp(dial dialFunc) *cli.App {
	a := &cli.App{
		Name: "triggerx",
		Usage: "create TriggerX jobs on-chain and with the coordinator, follow their tasks, manage API keys " +
			"(every command takes --api-url, --api-key and --json, also before the command)",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: flagAPIURL, Usage: "coordinator REST API URL (default " + defaultAPIURL + ", or $TRIGGERX_API_URL)"},
			&cli.StringFlag{Name: flagAPIKey, Usage: "API key (or $TRIGGERX_API_KEY)"},
			&cli.BoolFlag{Name: flagJSON, Usage: "print JSON"},
		},
		Commands: []*cli.Command{jobsCommand(dial), tasksCommand(), keepersCommand(), keysCommand(), feeCommand()},
	}
	for _, cmd := range a.Commands {
		wrapActions(cmd)
	}
	return a
}

// apiFlags are the flags of every command that calls the API.
func apiFlags(extra ...cli.Flag) []cli.Flag {
	return append([]cli.Flag{
		cliapp.String(flagAPIURL, "coordinator REST API URL", defaultAPIURL),
		cliapp.String(flagAPIKey, "API key (X-Api-Key)", ""),
		&cli.BoolFlag{Name: flagJSON, Usage: "print JSON instead of text", EnvVars: cliapp.Env(flagJSON)},
	}, extra...)
}

// parent is the context of c's parent command, where the app's flags
// (those before the command) are looked up.
func parent(c *cli.Context) *cli.Context {
	if l := c.Lineage(); len(l) > 1 {
		return l[1]
	}
	return nil
}

// apiString reads a flag of apiFlags: before the command if given there,
// else the command's (command line, environment, default).
func apiString(c *cli.Context, name string) string {
	if p := parent(c); p != nil && p.IsSet(name) {
		return p.String(name)
	}
	return c.String(name)
}

func jsonOutput(c *cli.Context) bool {
	if p := parent(c); p != nil && p.IsSet(flagJSON) {
		return p.Bool(flagJSON)
	}
	return c.Bool(flagJSON)
}

func client(c *cli.Context) *sdk.Client {
	return sdk.NewClient(apiString(c, flagAPIURL), apiString(c, flagAPIKey), sdk.WithUserAgent("triggerx-cli"))
}

// wrapActions makes every action's API error read as the problem's detail.
func wrapActions(cmd *cli.Command) {
	if act := cmd.Action; act != nil {
		cmd.Action = func(c *cli.Context) error { return explain(act(c)) }
	}
	for _, sub := range cmd.Subcommands {
		wrapActions(sub)
	}
}

// explain turns an API problem into its detail, with the status and the
// field it names.
func explain(err error) error {
	var pe *sdk.Error
	if err == nil || !errors.As(err, &pe) {
		return err
	}
	var b strings.Builder
	b.WriteString(pe.Detail)
	if pe.Detail == "" {
		b.WriteString(pe.Title)
	}
	fmt.Fprintf(&b, " (HTTP %d", pe.Status)
	if pe.Field != "" {
		fmt.Fprintf(&b, ", field %s", pe.Field)
	}
	b.WriteString(")")
	var re *sdk.RegistrationError
	if errors.As(err, &re) {
		return fmt.Errorf("job %d was created on-chain (tx %s) but not registered: %s; retry with jobs create --job-id %d",
			re.JobID, re.Tx.Hex(), b.String(), re.JobID)
	}
	return errors.New(b.String())
}
