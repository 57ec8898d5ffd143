package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/triggerx-network/triggerx/cmd/internal/cliapp"
	"github.com/triggerx-network/triggerx/coordinator/sdk"
)

func tasksCommand() *cli.Command {
	return &cli.Command{
		Name:  "tasks",
		Usage: "list, show and watch tasks",
		Subcommands: []*cli.Command{
			{
				Name:  "list",
				Usage: "the most recent tasks, newest first: of one job with --job, else across jobs",
				Flags: apiFlags(
					cliapp.Uint64("job", "only this job's tasks", 0),
					cliapp.String("user", "only the tasks of this owner address's jobs (admin keys)", ""),
					cliapp.String("status", "only tasks of this status: processing, dispatched, completed, rejected or failed", ""),
					cliapp.Uint64("limit", "at most this many tasks (1 to 1000; 0: 100)", 0),
				),
				Action: func(c *cli.Context) error {
					limit := int(min(c.Uint64("limit"), 1000))
					var (
						tasks []sdk.Task
						err   error
					)
					if job := c.Uint64("job"); job != 0 {
						tasks, err = client(c).JobTasks(c.Context, job, limit)
					} else {
						opts := sdk.ListTasksOptions{Status: c.String("status"), Limit: limit}
						if c.String("user") != "" {
							if opts.UserAddress, err = cliapp.Address(c, "user"); err != nil {
								return err
							}
						}
						tasks, err = client(c).ListTasks(c.Context, opts)
					}
					if err != nil {
						return err
					}
					if jsonOutput(c) {
						return printJSON(c, tasks)
					}
					tw := tabwriter.NewWriter(c.App.Writer, 0, 4, 2, ' ', 0)
					fmt.Fprintln(tw, "SCHEDULED\tJOB\tTASK\tSTATUS\tPERFORMER\tTX")
					for _, t := range tasks {
						fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\n", formatTime(t.ScheduledAt), t.JobID, t.TaskID.Hex(), status(t),
							addr(t.TaskPerformer), hash(t.ExecutionTxHash))
					}
					return tw.Flush()
				},
			},
			{
				Name: "get", Usage: "show one task", ArgsUsage: "TASK_ID", Flags: apiFlags(),
				Action: func(c *cli.Context) error {
					id, err := taskIDArg(c)
					if err != nil {
						return err
					}
					t, err := client(c).GetTask(c.Context, id)
					if err != nil {
						return err
					}
					if jsonOutput(c) {
						return printJSON(c, t)
					}
					return printTask(c.App.Writer, t)
				},
			},
			{
				Name: "proof", Usage: "the Merkle proof of a task recorded in a batch, for AttestationCenter.proveTask(leaf, batch, proof)",
				ArgsUsage: "TASK_ID", Flags: apiFlags(),
				Action: func(c *cli.Context) error {
					id, err := taskIDArg(c)
					if err != nil {
						return err
					}
					p, err := client(c).TaskProof(c.Context, id)
					if err != nil {
						return err
					}
					if jsonOutput(c) {
						return printJSON(c, p)
					}
					return printProof(c.App.Writer, p)
				},
			},
			{
				Name: "watch",
				Usage: "print each task event as a line (time, job, task, status, performer, execution tx) until interrupted; " +
					"reconnects when the stream drops",
				Flags: apiFlags(cliapp.Uint64("job", "only this job's tasks", 0)),
				Action: func(c *cli.Context) error {
					for ev, err := range client(c).WatchTasks(c.Context, sdk.WatchOptions{JobID: c.Uint64("job")}) {
						if err != nil {
							var pe *sdk.Error
							if errors.As(err, &pe) && pe.Status >= 400 && pe.Status < 500 && pe.Status != 429 {
								return err // the sequence ends: retrying cannot help
							}
							fmt.Fprintf(c.App.ErrWriter, "watch: %v (reconnecting)\n", explain(err))
							continue
						}
						if ev.Skipped > 0 || ev.Restarted {
							fmt.Fprintf(c.App.ErrWriter, "watch: events may have been missed (%d ids skipped%s): re-read the tasks you follow\n",
								ev.Skipped, map[bool]string{true: ", numbering restarted"}[ev.Restarted])
						}
						if jsonOutput(c) {
							b, err := json.Marshal(ev)
							if err != nil {
								return fmt.Errorf("encode event: %w", err)
							}
							fmt.Fprintf(c.App.Writer, "%s\n", b)
							continue
						}
						t := ev.Task
						fmt.Fprintf(c.App.Writer, "%s job=%d task=%s status=%s performer=%s tx=%s\n", formatTime(t.UpdatedAt), t.JobID,
							t.TaskID.Hex(), status(t), addr(t.TaskPerformer), hash(t.ExecutionTxHash))
					}
					return nil
				},
			},
		},
	}
}

func taskIDArg(c *cli.Context) (common.Hash, error) {
	s := c.Args().First()
	if c.NArg() != 1 || len(s) != 66 || !strings.HasPrefix(s, "0x") {
		return common.Hash{}, fmt.Errorf("give one TASK_ID, a 0x-prefixed 32-byte hex hash")
	}
	return common.HexToHash(s), nil
}

// status is a task's status with its reason code when it failed.
func status(t sdk.Task) string {
	if t.TaskError != "" {
		return t.TaskStatus + "(" + t.TaskError + ")"
	}
	return t.TaskStatus
}

func addr(a common.Address) string {
	if a == (common.Address{}) {
		return "-"
	}
	return a.Hex()
}

func hash(h common.Hash) string {
	if h == (common.Hash{}) {
		return "-"
	}
	return h.Hex()
}

func printProof(w io.Writer, p sdk.TaskProof) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	l := p.Leaf
	fmt.Fprintf(tw, "task\t%s\n", p.TaskID.Hex())
	fmt.Fprintf(tw, "attestation center\t%s\n", p.AttestationCenter.Hex())
	fmt.Fprintf(tw, "batch\t%s (%d tasks, transaction %s)\n", p.Batch, p.BatchSize, p.SubmissionTx.Hex())
	fmt.Fprintf(tw, "root\t%s\n", p.Root.Hex())
	fmt.Fprintf(tw, "leaf\t(%s, %d, %d, %s, %t)\n", l.TaskID.Hex(), l.JobID, l.TaskDefinitionID, l.ResultHash.Hex(), l.Approve)
	fmt.Fprintf(tw, "leaf hash\t%s\n", p.LeafHash.Hex())
	for i, h := range p.Proof {
		fmt.Fprintf(tw, "proof[%d]\t%s\n", i, h.Hex())
	}
	return tw.Flush()
}

func printTask(w io.Writer, t sdk.Task) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, kv := range [][2]string{
		{"task", t.TaskID.Hex()},
		{"job", fmt.Sprint(t.JobID)},
		{"status", status(t)},
		{"scheduled", formatTime(t.ScheduledAt)},
		{"performer", addr(t.TaskPerformer)},
		{"round", fmt.Sprint(t.Round)},
		{"execution tx", hash(t.ExecutionTxHash)},
		{"executed", formatTime(t.ExecutionTimestamp)},
		{"successful", fmt.Sprint(t.IsSuccessful)},
		{"accepted", fmt.Sprint(t.IsAccepted)},
		{"submission tx", hash(t.TaskSubmissionTxHash)},
		{"updated", formatTime(t.UpdatedAt)},
	} {
		fmt.Fprintf(tw, "%s:\t%s\n", kv[0], kv[1])
	}
	return tw.Flush()
}
