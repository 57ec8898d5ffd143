package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/urfave/cli/v2"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/cmd/internal/cliapp"
	"github.com/triggerx-network/triggerx/execution/egress"
	"github.com/triggerx-network/triggerx/execution/netproxy"
	"github.com/triggerx-network/triggerx/execution/sandbox"
	"github.com/triggerx-network/triggerx/execution/script"
)

// runtimeByExt picks a script's runtime from its file name.
var runtimeByExt = map[string]sandbox.Runtime{
	".js": sandbox.Node, ".mjs": sandbox.Node, ".cjs": sandbox.Node, ".ts": sandbox.TypeScript,
	".py": sandbox.Python, ".go": sandbox.Go,
}

func scriptCommand() *cli.Command {
	return &cli.Command{
		Name:  "script",
		Usage: "work with job scripts",
		Subcommands: []*cli.Command{{
			Name: "run",
			Usage: "run a job script locally in the same sandbox keepers use, and print its output, " +
				"how the keeper reads it, and the resources it used",
			ArgsUsage: "FILE",
			Flags: []cli.Flag{
				cliapp.String("runtime", "node, typescript, python or go (default: from the file extension)", ""),
				cliapp.String("context", "JSON file with the script context (default: a time-triggered task now)", ""),
				&cli.UintFlag{Name: "task-definition-id", Usage: "2, 4, 6 (arguments) or 7 (custom call)", Value: 2,
					EnvVars: cliapp.Env("task-definition-id")},
				cliapp.String("function", "the job's function, e.g. \"increment(uint256)\", to encode the arguments (2, 4, 6)", ""),
				cliapp.Duration("timeout", "wall-clock limit of the run", 10*time.Second),
				cliapp.String("docker-host", "Docker engine address (default: DOCKER_HOST or the local socket)", ""),
				cliapp.Strings("allow-host", "a host the script may reach through a recording proxy, as a job's allowed_hosts "+
					"(repeatable; needs root and iptables for the script network)"),
			},
			Action: runScript,
		}},
	}
}

// scriptReport is what `script run` prints.
type scriptReport struct {
	Runtime   sandbox.Runtime `json:"runtime"`
	ExitCode  int             `json:"exit_code"`
	Stdout    string          `json:"stdout"`
	Stderr    string          `json:"stderr,omitempty"`
	Reason    string          `json:"reason,omitempty"` // why the run or its output failed
	Error     string          `json:"error,omitempty"`
	Output    *parsedOutput   `json:"output,omitempty"`
	Resources struct {
		DurationMs      int64 `json:"duration_ms"`
		PeakMemoryBytes int64 `json:"peak_memory_bytes"`
		CPUTimeMs       int64 `json:"cpu_time_ms"`
		OutputBytes     int64 `json:"output_bytes"`
		Truncated       bool  `json:"truncated"`
		NetRequests     int   `json:"net_requests"`
		NetBytes        int64 `json:"net_bytes"`
	} `json:"resources"`
	Network *networkReport `json:"network,omitempty"`
}

// networkReport is what the script asked of the network.
type networkReport struct {
	TranscriptHash common.Hash       `json:"transcript_hash"`
	Exchanges      []exchangeSummary `json:"exchanges"`
}

type exchangeSummary struct {
	Method string `json:"method"`
	URL    string `json:"url"`
	Status int    `json:"status"`
	Bytes  int    `json:"bytes"`
	Reason string `json:"reason,omitempty"` // why the proxy answered itself
}

type parsedOutput struct {
	ShouldExecute  bool              `json:"should_execute"`
	Target         *common.Address   `json:"target,omitempty"`
	Arguments      []string          `json:"arguments,omitempty"`
	Calldata       hexutil.Bytes     `json:"calldata,omitempty"`
	StorageUpdates map[string]string `json:"storage_updates,omitempty"`
	Hash           common.Hash       `json:"output_hash"`
}

func runScript(c *cli.Context) error {
	if c.NArg() != 1 {
		return errors.New("give the script file: triggerx-keeper script run FILE")
	}
	path := c.Args().First()
	source, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read script: %w", err)
	}
	rt := sandbox.Runtime(c.String("runtime"))
	if rt == "" {
		var ok bool
		if rt, ok = runtimeByExt[strings.ToLower(filepath.Ext(path))]; !ok {
			return fmt.Errorf("cannot tell the runtime of %s: give --runtime", path)
		}
	}
	tdid := attestation.TaskDefinitionID(c.Uint("task-definition-id"))
	if !tdid.HasScript() {
		return fmt.Errorf("--task-definition-id %d: script jobs are 2, 4, 6 and 7", tdid)
	}
	stdin, err := scriptContext(c.String("context"), tdid)
	if err != nil {
		return err
	}

	req := sandbox.Request{Runtime: rt, Source: source, Stdin: stdin}
	var proxy *netproxy.Proxy
	if hosts := c.StringSlice("allow-host"); len(hosts) > 0 {
		proxy = netproxy.New(netproxy.Config{Allowed: hosts})
		if err := proxy.Err(); err != nil {
			return fmt.Errorf("--allow-host: %w", err)
		}
		// Opened before the sandbox, closed after it: the network is removed
		// once the sandbox has removed the run's container.
		eg, err := egress.Open(c.Context, egress.Config{Name: fmt.Sprintf("triggerx-script-run-%d", os.Getpid())})
		if err != nil {
			return fmt.Errorf("open the script network: %w", err)
		}
		defer eg.Close()
		na, release := eg.Attach(proxy)
		defer release()
		req.Network = na
	}
	sb, err := sandbox.New(c.Context, sandbox.Config{
		Host: c.String("docker-host"), Runtimes: []sandbox.Runtime{rt}, PoolSize: map[sandbox.Runtime]int{},
		Limits: sandbox.Limits{Timeout: c.Duration("timeout")},
	})
	if err != nil {
		return fmt.Errorf("start the sandbox (is Docker running and were the images built with scripts/runtime-images.sh?): %w", err)
	}
	defer sb.Close()
	res, runErr := sb.Run(c.Context, req)
	rep := scriptReport{Runtime: rt, ExitCode: res.ExitCode, Stdout: string(res.Stdout), Stderr: string(res.Stderr)}
	rep.Resources.DurationMs = res.Report.Duration.Milliseconds()
	rep.Resources.PeakMemoryBytes = res.Report.PeakMemoryBytes
	rep.Resources.CPUTimeMs = res.Report.CPUTime.Milliseconds()
	rep.Resources.OutputBytes = res.Report.OutputBytes
	rep.Resources.Truncated = res.Report.Truncated
	if proxy != nil {
		st, tr := proxy.Stats(), proxy.Transcript()
		rep.Resources.NetRequests, rep.Resources.NetBytes = st.Requests, st.Bytes
		rep.Network = &networkReport{TranscriptHash: tr.Hash(), Exchanges: []exchangeSummary{}}
		for _, e := range tr.Exchanges {
			rep.Network.Exchanges = append(rep.Network.Exchanges, exchangeSummary{Method: e.Method, URL: e.URL, Status: e.Status,
				Bytes: len(e.Body), Reason: e.Error})
		}
	}
	failed := runErr != nil
	if runErr != nil {
		rep.Reason, rep.Error = sandbox.Reason(runErr), runErr.Error()
	} else if tdid == attestation.CustomScript || c.String("function") != "" {
		out, err := script.ParseOutput(tdid, c.String("function"), res.Stdout)
		if err != nil {
			failed = true
			rep.Reason, rep.Error = script.Reason(err), err.Error()
		} else {
			po := &parsedOutput{ShouldExecute: out.ShouldExecute, Arguments: out.Arguments, Calldata: out.Calldata,
				StorageUpdates: out.StorageUpdates, Hash: out.Hash()}
			if out.Target != (common.Address{}) {
				po.Target = &out.Target
			}
			rep.Output = po
		}
	}
	enc := json.NewEncoder(c.App.Writer)
	enc.SetIndent("", "  ")
	if err := enc.Encode(rep); err != nil {
		return err
	}
	if failed {
		return cli.Exit("", 1)
	}
	return nil
}

// scriptContext reads the context file, or builds the context of a task of
// kind tdid fired now.
func scriptContext(path string, tdid attestation.TaskDefinitionID) ([]byte, error) {
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read context: %w", err)
		}
		var ctx script.Context
		if err := json.Unmarshal(b, &ctx); err != nil {
			return nil, fmt.Errorf("context %s: %w", path, err)
		}
		return ctx.Encode(), nil
	}
	now := time.Now().Unix()
	task := attestation.Task{JobID: 1, TaskDefinitionID: tdid, ScheduledAt: now, TriggerKey: attestation.TimeTriggerKey(now),
		Trigger: attestation.Trigger{Kind: attestation.TriggerTime, Time: &attestation.TimeTrigger{Schedule: attestation.ScheduleInterval, Interval: 60}}}
	task.ID = attestation.TaskID(task.JobID, task.TriggerKey)
	return script.BuildContext(task, 0, now, nil).Encode(), nil
}
