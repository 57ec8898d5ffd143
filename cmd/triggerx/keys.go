package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/triggerx-network/triggerx/cmd/internal/cliapp"
	"github.com/triggerx-network/triggerx/coordinator/sdk"
)

func keepersCommand() *cli.Command {
	return &cli.Command{
		Name:  "keepers",
		Usage: "the registered keepers",
		Subcommands: []*cli.Command{{
			Name: "list", Usage: "every registered keeper: stake, voting power, activity", Flags: apiFlags(),
			Action: func(c *cli.Context) error {
				ks, err := client(c).ListKeepers(c.Context)
				if err != nil {
					return err
				}
				if jsonOutput(c) {
					return printJSON(c, ks)
				}
				tw := tabwriter.NewWriter(c.App.Writer, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tADDRESS\tSTATUS\tONLINE\tSTAKE (WEI)\tVOTING POWER\tPOINTS\tPERFORMED\tATTESTED\tFAILED\tREJECTED\tLAST TASK")
				for _, k := range ks {
					online := "-" // the coordinator runs no health service
					if k.Online != nil {
						online = map[bool]string{true: "online", false: "offline"}[*k.Online]
					}
					fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%.2f%%\t%d\t%d\t%d\t%d\t%d\t%s\n", k.ID, k.Address.Hex(), k.Status, online,
						k.Stake, k.VotingPower, k.Points, k.TasksPerformed, k.TasksAttested, k.TasksFailed, k.TasksRejected, formatTime(k.LastTaskAt))
				}
				return tw.Flush()
			},
		}},
	}
}

func keysCommand() *cli.Command {
	keyAction := func(call func(c *cli.Context, cl *sdk.Client, id string) (sdk.APIKey, error)) cli.ActionFunc {
		return func(c *cli.Context) error {
			if c.NArg() != 1 {
				return fmt.Errorf("give one KEY_ID (key_...), got %d arguments", c.NArg())
			}
			k, err := call(c, client(c), c.Args().First())
			if err != nil {
				return err
			}
			return printKeys(c, k)
		}
	}
	return &cli.Command{
		Name:  "keys",
		Usage: "manage API keys (a new or rotated secret is printed once)",
		Subcommands: []*cli.Command{
			{
				Name: "create", Usage: "create a key: a user key of an owner address, or with an admin key an admin key",
				Flags: apiFlags(
					cliapp.String("owner", "the key's owner: the 0x address of its jobs (user keys) or a name (admin keys); "+
						"default: a user key's own owner", ""),
					cliapp.String("scope", "user or admin", "user"),
					cliapp.Uint64("rate-limit", "requests per minute (admin keys set it; 0: the coordinator's default)", 0),
				),
				Action: func(c *cli.Context) error {
					req := sdk.KeyRequest{Owner: c.String("owner"), Scope: c.String("scope")}
					if c.IsSet("rate-limit") {
						n := int(min(c.Uint64("rate-limit"), 1<<31-1))
						req.RateLimit = &n
					}
					k, err := client(c).CreateKey(c.Context, req)
					if err != nil {
						return err
					}
					return printKeys(c, k)
				},
			},
			{
				Name: "list", Usage: "list keys, masked", Flags: apiFlags(cliapp.String("owner", "only this owner's keys (admin keys)", "")),
				Action: func(c *cli.Context) error {
					ks, err := client(c).ListKeys(c.Context, c.String("owner"))
					if err != nil {
						return err
					}
					return printKeys(c, ks...)
				},
			},
			{
				Name: "rotate", Usage: "give a key a new secret; the old one stops working at once", ArgsUsage: "KEY_ID", Flags: apiFlags(),
				Action: keyAction(func(c *cli.Context, cl *sdk.Client, id string) (sdk.APIKey, error) {
					return cl.RotateKey(c.Context, id)
				}),
			},
			{
				Name: "revoke", Usage: "revoke a key for good", ArgsUsage: "KEY_ID", Flags: apiFlags(),
				Action: keyAction(func(c *cli.Context, cl *sdk.Client, id string) (sdk.APIKey, error) {
					return cl.RevokeKey(c.Context, id)
				}),
			},
		},
	}
}

func printKeys(c *cli.Context, ks ...sdk.APIKey) error {
	if jsonOutput(c) {
		if len(ks) == 1 && c.Command.Name != "list" {
			return printJSON(c, ks[0])
		}
		if ks == nil {
			ks = []sdk.APIKey{}
		}
		return printJSON(c, ks)
	}
	return writeKeys(c.App.Writer, ks)
}

func writeKeys(w io.Writer, ks []sdk.APIKey) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKEY\tOWNER\tSCOPE\tRATE LIMIT\tACTIVE\tCREATED")
	for _, k := range ks {
		secret := k.MaskedKey
		if k.Key != "" {
			secret = k.Key
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d/min\t%t\t%s\n", k.ID, secret, k.Owner, k.Scope, k.RateLimit, k.IsActive, formatTime(k.CreatedAt))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, k := range ks {
		if k.Key != "" {
			fmt.Fprintf(w, "the secret of %s is shown this once: store it now\n", k.ID)
		}
	}
	return nil
}

func feeCommand() *cli.Command {
	return &cli.Command{
		Name: "fee", Usage: "the expected fee of one execution of a job at the current gas price", ArgsUsage: "JOB_ID", Flags: apiFlags(),
		Action: func(c *cli.Context) error {
			id, err := jobIDArg(c)
			if err != nil {
				return err
			}
			q, err := client(c).JobFee(c.Context, id)
			if err != nil {
				return err
			}
			if jsonOutput(c) {
				return printJSON(c, q)
			}
			tw := tabwriter.NewWriter(c.App.Writer, 0, 4, 2, ' ', 0)
			for _, kv := range [][2]string{
				{"job", fmt.Sprint(q.JobID)},
				{"gas", fmt.Sprintf("%d (%s)", q.Gas, q.GasSource)},
				{"gas price (wei)", q.GasPrice},
				{"premium", fmt.Sprintf("%d bps", q.PremiumBps)},
				{"fixed fee (wei)", q.FixedFee},
				{"fee (wei)", q.Fee},
				{"max fee (wei)", q.MaxFee},
				{"owner balance (wei)", q.OwnerBalance},
				{"executions covered", q.ExecutionsCovered},
			} {
				fmt.Fprintf(tw, "%s:\t%s\n", kv[0], kv[1])
			}
			return tw.Flush()
		},
	}
}
