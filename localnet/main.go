// Command localnet runs a whole TriggerX network on one machine: a geth
// --dev chain, the contracts, four keepers, the aggregator and the
// coordinator, each in its own process, and an example job whose tasks it
// follows as they finalize.
//
//	go run ./localnet up   [--dir .localnet] [--tasks N] [--timeout 3m] [--log-level debug]
//	go run ./localnet down [--dir .localnet] [--clean]
//
// Run it from the repository root. Everything lives under --dir:
//
//	bin/geth        geth, installed from the Go module proxy on first use
//	geth/           the chain
//	keys/<name>/    keystores (light KDF) and the password file of each account
//	data/<name>/    the nodes' data directories
//	logs/<name>.log the output of every process
//	pids/<name>.pid the pid and binary of every background process
//	network.json    contract addresses, accounts, API URL and key, the job id
//
// If up fails or is interrupted before the network is complete, it stops what
// it started. Once it follows tasks, Ctrl-C only stops following: the network
// keeps running until `down`.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

const usage = `usage:
  go run ./localnet up   [--dir DIR] [--tasks N] [--timeout D] [--log-level L]
  go run ./localnet down [--dir DIR] [--clean]

up    builds the binaries, starts a geth --dev chain, deploys the contracts,
      registers four keepers, starts the aggregator, the coordinator and the
      keepers, creates an example job and prints its tasks as they finalize.
down  stops every process of the network (SIGTERM, SIGKILL after 10s).
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:])
	stop()
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "localnet:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(os.Stderr, usage)
		return errors.New("missing command")
	}
	fs := flag.NewFlagSet("localnet "+args[0], flag.ContinueOnError)
	dir := fs.String("dir", ".localnet", "directory holding all of the network's state")
	switch args[0] {
	case "up":
		var o upOptions
		fs.IntVar(&o.tasks, "tasks", 0, "exit 0 once this many tasks finalized (0: follow until interrupted)")
		fs.DurationVar(&o.timeout, "timeout", 3*time.Minute, "with --tasks, fail when no task finalizes for this long")
		fs.StringVar(&o.logLevel, "log-level", "debug", "log level of the nodes (debug, info, warn, error)")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		l, err := newLayout(*dir)
		if err != nil {
			return err
		}
		return up(ctx, l, o)
	case "down":
		clean := fs.Bool("clean", false, "also remove the directory with all logs, keys and chain data")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		l, err := newLayout(*dir)
		if err != nil {
			return err
		}
		return down(l, *clean)
	case "help", "-h", "--help":
		fmt.Fprint(os.Stdout, usage)
		return nil
	default:
		fmt.Fprint(os.Stderr, usage)
		return fmt.Errorf("unknown command %q", args[0])
	}
}

// layout names the files of one network.
type layout struct {
	root string // the repository root (holds go.mod and bin/)
	dir  string // the network's directory
}

func newLayout(dir string) (layout, error) {
	root, err := os.Getwd()
	if err != nil {
		return layout{}, fmt.Errorf("find working directory: %w", err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		return layout{}, fmt.Errorf("run localnet from the repository root (no go.mod in %s)", root)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return layout{}, fmt.Errorf("resolve --dir: %w", err)
	}
	return layout{root: root, dir: abs}, nil
}

func (l layout) gethBin() string           { return filepath.Join(l.dir, "bin", "geth") }
func (l layout) gethData() string          { return filepath.Join(l.dir, "geth") }
func (l layout) keyDir(name string) string { return filepath.Join(l.dir, "keys", name) }
func (l layout) dataDir(name string) string {
	return filepath.Join(l.dir, "data", name)
}
func (l layout) logFile(name string) string { return filepath.Join(l.dir, "logs", name+".log") }
func (l layout) pidDir() string             { return filepath.Join(l.dir, "pids") }
func (l layout) networkFile() string        { return filepath.Join(l.dir, "network.json") }
func (l layout) bin(name string) string     { return filepath.Join(l.root, "bin", name) }

// rel shortens an absolute path under the working directory for printing.
func (l layout) rel(path string) string {
	if r, err := filepath.Rel(l.root, path); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return path
}

// say prints one progress line.
func say(format string, args ...any) {
	fmt.Printf("• "+format+"\n", args...)
}
