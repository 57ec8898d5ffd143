package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"
	"gopkg.in/yaml.v3"

	"github.com/triggerx-network/triggerx/cmd/internal/cliapp"
	"github.com/triggerx-network/triggerx/coordinator/sdk"
	"github.com/triggerx-network/triggerx/node/keystore"
)

// envPassword holds the job owner's keystore password itself.
const envPassword = "TRIGGERX_PASSWORD"

func jobsCommand(dial dialFunc) *cli.Command {
	return &cli.Command{
		Name:  "jobs",
		Usage: "create, list and change jobs",
		Subcommands: []*cli.Command{
			createCommand(dial),
			{
				Name:  "list",
				Usage: "list jobs, in id order",
				Flags: apiFlags(
					cliapp.String("status", "only jobs of this status: active, paused, expired, deleted or completed", ""),
					cliapp.Uint64("task-definition-id", "only jobs of this task definition (1 to 7; 0: all)", 0),
					cliapp.String("user", "only jobs of this owner address (admin keys)", ""),
					cliapp.Uint64("limit", "at most this many jobs (0: all)", 0),
				),
				Action: func(c *cli.Context) error {
					opts := sdk.ListJobsOptions{Status: c.String("status"), TaskDefinitionID: uint16(min(c.Uint64("task-definition-id"), 0xffff))}
					if u := c.String("user"); u != "" {
						a, err := cliapp.Address(c, "user")
						if err != nil {
							return err
						}
						opts.UserAddress = a
					}
					limit := c.Uint64("limit")
					jobs := []sdk.Job{}
					for j, err := range client(c).AllJobs(c.Context, opts) {
						if err != nil {
							return err
						}
						jobs = append(jobs, j)
						if limit > 0 && uint64(len(jobs)) >= limit {
							break
						}
					}
					if jsonOutput(c) {
						return printJSON(c, jobs)
					}
					return printJobs(c.App.Writer, jobs)
				},
			},
			jobCommand("get", "show a job and its latest task ids", func(ctx context.Context, cl *sdk.Client, id uint64) (sdk.Job, error) {
				return cl.GetJob(ctx, id)
			}),
			jobCommand("pause", "stop a job firing until it is resumed", func(ctx context.Context, cl *sdk.Client, id uint64) (sdk.Job, error) {
				return cl.PauseJob(ctx, id)
			}),
			jobCommand("resume", "make a paused job fire again, from now on", func(ctx context.Context, cl *sdk.Client, id uint64) (sdk.Job, error) {
				return cl.ResumeJob(ctx, id)
			}),
			jobCommand("delete", "stop a job for good (its on-chain record stays)", func(ctx context.Context, cl *sdk.Client, id uint64) (sdk.Job, error) {
				return cl.DeleteJob(ctx, id)
			}),
		},
	}
}

// jobCommand is a command on one job: JOB_ID is its argument.
func jobCommand(name, usage string, call func(context.Context, *sdk.Client, uint64) (sdk.Job, error)) *cli.Command {
	return &cli.Command{
		Name: name, Usage: usage, ArgsUsage: "JOB_ID", Flags: apiFlags(),
		Action: func(c *cli.Context) error {
			id, err := jobIDArg(c)
			if err != nil {
				return err
			}
			j, err := call(c.Context, client(c), id)
			if err != nil {
				return err
			}
			if jsonOutput(c) {
				return printJSON(c, j)
			}
			return printJob(c.App.Writer, j)
		},
	}
}

func jobIDArg(c *cli.Context) (uint64, error) {
	if c.NArg() != 1 {
		return 0, fmt.Errorf("give one JOB_ID, got %d arguments", c.NArg())
	}
	id, err := strconv.ParseUint(c.Args().First(), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("JOB_ID: want an unsigned integer, got %q", c.Args().First())
	}
	return id, nil
}

func createCommand(dial dialFunc) *cli.Command {
	return &cli.Command{
		Name: "create",
		Usage: "create the job a YAML file describes (the API's JSON field names): on-chain in the JobRegistry from " +
			"--keystore, then with the coordinator; with --job-id, register a job already created on-chain",
		Flags: apiFlags(
			&cli.StringFlag{Name: "file", Aliases: []string{"f"}, Usage: "job file (YAML; see configs/job.example.yaml)", EnvVars: cliapp.Env("job-file")},
			cliapp.Uint64("job-id", "id of the job already created on-chain: only register it", 0),
			cliapp.String(cliapp.FlagEthRPC, "JSON-RPC URL of the home chain, where the JobRegistry lives", ""),
			cliapp.String(cliapp.FlagJobRegistry, "JobRegistry address (default: the one the coordinator names)", ""),
			cliapp.String("keystore", "the job owner's key, a go-ethereum v3 keystore file", ""),
			cliapp.String("password-file", "file holding the keystore password; without it the password is read from "+
				envPassword+", else "+cliapp.EnvKeystorePassword+", else asked for on a terminal", ""),
			cliapp.Duration("timeout", "how long to wait for the createJob transaction and the registration", 5*time.Minute),
		),
		Action: func(c *cli.Context) error {
			path := c.String("file")
			if path == "" {
				return errors.New("give the job file with -f FILE")
			}
			req, err := parseJobFile(path)
			if err != nil {
				return err
			}
			ctx, cancel := context.WithTimeout(c.Context, c.Duration("timeout"))
			defer cancel()
			cl := client(c)
			var j sdk.Job
			if id := c.Uint64("job-id"); id != 0 {
				req.JobID = id
				if j, err = cl.RegisterJob(ctx, req); err != nil {
					return err
				}
			} else {
				opts, closeChain, err := chainOpts(c, dial)
				if err != nil {
					return err
				}
				defer closeChain()
				if j, err = cl.CreateJob(ctx, req, opts); err != nil {
					return err
				}
			}
			if jsonOutput(c) {
				return printJSON(c, j)
			}
			fmt.Fprintf(c.App.Writer, "registered job %d\n", j.JobID)
			return printJob(c.App.Writer, j)
		},
	}
}

// chainOpts dials --eth-rpc and unlocks --keystore.
func chainOpts(c *cli.Context, dial dialFunc) (sdk.ChainOpts, func(), error) {
	rpc, path := c.String(cliapp.FlagEthRPC), c.String("keystore")
	if rpc == "" || path == "" {
		return sdk.ChainOpts{}, nil, fmt.Errorf("creating a job on-chain needs --%s and --keystore (or give --job-id to register a job created already)",
			cliapp.FlagEthRPC)
	}
	var opts sdk.ChainOpts
	if c.String(cliapp.FlagJobRegistry) != "" {
		a, err := cliapp.Address(c, cliapp.FlagJobRegistry)
		if err != nil {
			return sdk.ChainOpts{}, nil, err
		}
		opts.JobRegistry = a
	}
	pw, err := cliapp.Password(c, cliapp.PasswordSource{What: "keystore " + path, FileFlag: "password-file",
		EnvVars: []string{envPassword, cliapp.EnvKeystorePassword}})
	if err != nil {
		return sdk.ChainOpts{}, nil, err
	}
	if opts.Key, err = keystore.LoadECDSA(path, pw); err != nil {
		return sdk.ChainOpts{}, nil, fmt.Errorf("load %s: %w", path, err)
	}
	backend, closeChain, err := dial(c.Context, rpc)
	if err != nil {
		return sdk.ChainOpts{}, nil, err
	}
	opts.Backend = backend
	return opts, closeChain, nil
}

// parseJobFile reads a job from a YAML file whose keys are the API's JSON
// field names. Errors name the file and the line or field.
func parseJobFile(path string) (sdk.JobRequest, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return sdk.JobRequest{}, fmt.Errorf("read job file: %w", err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return sdk.JobRequest{}, fmt.Errorf("%s: %w", path, err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return sdk.JobRequest{}, fmt.Errorf("%s: want a mapping of job fields (job_title: ..., target_function: ...)", path)
	}
	var fields map[string]any
	if err := doc.Decode(&fields); err != nil {
		return sdk.JobRequest{}, fmt.Errorf("%s: %w", path, err)
	}
	// YAML writes arguments as numbers or booleans where the API wants strings.
	if args, ok := fields["arguments"].([]any); ok {
		for i, a := range args {
			switch a.(type) {
			case int, uint64, bool:
				args[i] = fmt.Sprint(a)
			}
		}
	}
	js, err := json.Marshal(fields)
	if err != nil {
		return sdk.JobRequest{}, fmt.Errorf("%s: a value is not expressible in JSON (mappings need string keys): %w", path, err)
	}
	var req sdk.JobRequest
	if err := json.Unmarshal(js, &req); err != nil {
		return sdk.JobRequest{}, fmt.Errorf("%s: %w", path, err)
	}
	return req, nil
}

func printJSON(c *cli.Context, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encode output: %w", err)
	}
	_, err := c.App.Writer.Write(buf.Bytes())
	return err
}

func printJobs(w io.Writer, jobs []sdk.Job) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "JOB\tSTATUS\tTDID\tTITLE\tOWNER\tTARGET\tNEXT")
	for _, j := range jobs {
		fmt.Fprintf(tw, "%d\t%s\t%d\t%s\t%s\t%s\t%s\n", j.JobID, j.Status, j.TaskDefinitionID, j.JobTitle, j.UserAddress.Hex(),
			call(j), formatTime(j.NextExecutionTimestamp))
	}
	return tw.Flush()
}

func printJob(w io.Writer, j sdk.Job) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, kv := range [][2]string{
		{"job", strconv.FormatUint(j.JobID, 10)},
		{"title", j.JobTitle},
		{"status", j.Status},
		{"owner", j.UserAddress.Hex()},
		{"task definition", strconv.Itoa(int(j.TaskDefinitionID))},
		{"trigger", string(j.Trigger)},
		{"calls", fmt.Sprintf("%s on chain %d", call(j), j.TargetChainID)},
		{"next execution", formatTime(j.NextExecutionTimestamp)},
		{"expires", formatTime(j.ExpirationTime)},
		{"created", formatTime(j.CreatedAt)},
		{"tasks", hashes(j.TaskIDs)},
	} {
		fmt.Fprintf(tw, "%s:\t%s\n", kv[0], kv[1])
	}
	return tw.Flush()
}

// call is what a job calls: target.function(arguments).
func call(j sdk.Job) string {
	fn := j.TargetFunction
	if fn == "" {
		fn = "(script)"
	}
	return fmt.Sprintf("%s.%s [%s]", j.TargetContractAddress.Hex(), fn, strings.Join(j.Arguments, ", "))
}

func hashes(hs []common.Hash) string {
	s := make([]string, len(hs))
	for i, h := range hs {
		s[i] = h.Hex()
	}
	if len(s) == 0 {
		return "-"
	}
	return strings.Join(s, " ")
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format(time.RFC3339)
}
