package main

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// stopGrace is how long down waits after SIGTERM before it sends SIGKILL
// (a variable for tests).
var stopGrace = 10 * time.Second

// process is a background process of the network.
type process struct {
	name string
	bin  string
	args []string
	env  []string // added to the environment

	cmd  *exec.Cmd
	done chan struct{} // closed when the process exited
	err  error         // its exit status, once done is closed
}

// start runs p in its own process group, so that Ctrl-C in the terminal
// does not reach it, with its output appended to its log file, and records
// its pid.
func start(l layout, p *process) error {
	if err := os.MkdirAll(filepath.Dir(l.logFile(p.name)), 0o755); err != nil {
		return fmt.Errorf("create log directory: %w", err)
	}
	if err := os.MkdirAll(l.pidDir(), 0o755); err != nil {
		return fmt.Errorf("create pid directory: %w", err)
	}
	logf, err := os.OpenFile(l.logFile(p.name), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return fmt.Errorf("open log of %s: %w", p.name, err)
	}
	defer logf.Close() // the child has its own descriptor
	p.cmd = exec.Command(p.bin, p.args...)
	p.cmd.Dir = l.root
	p.cmd.Env = append(os.Environ(), p.env...)
	p.cmd.Stdout, p.cmd.Stderr = logf, logf
	p.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := p.cmd.Start(); err != nil {
		return fmt.Errorf("start %s: %w", p.name, err)
	}
	p.done = make(chan struct{})
	go func() {
		p.err = p.cmd.Wait()
		close(p.done)
	}()
	pidFile := filepath.Join(l.pidDir(), p.name+".pid")
	if err := os.WriteFile(pidFile, fmt.Appendf(nil, "%d\n%s\n", p.cmd.Process.Pid, p.bin), 0o644); err != nil {
		_ = p.cmd.Process.Kill()
		return fmt.Errorf("write pid file of %s: %w", p.name, err)
	}
	return nil
}

// exited reports whether p has exited, and how.
func (p *process) exited() (bool, error) {
	select {
	case <-p.done:
		return true, p.err
	default:
		return false, nil
	}
}

// deadError describes a process that exited when it should not have.
func (p *process) deadError(l layout) error {
	return fmt.Errorf("%s exited (%v); last lines of %s:\n%s", p.name, p.err, l.rel(l.logFile(p.name)), tail(l.logFile(p.name), 15))
}

// pidEntry is one pid file.
type pidEntry struct {
	name string
	pid  int
	bin  string
	file string
}

// readPids lists the pid files of the network, geth last.
func readPids(l layout) ([]pidEntry, error) {
	files, err := filepath.Glob(filepath.Join(l.pidDir(), "*.pid"))
	if err != nil {
		return nil, fmt.Errorf("list pid files: %w", err)
	}
	var out []pidEntry
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("read pid file: %w", err)
		}
		lines := strings.SplitN(strings.TrimSpace(string(b)), "\n", 2)
		pid, err := strconv.Atoi(strings.TrimSpace(lines[0]))
		if err != nil || pid <= 1 {
			return nil, fmt.Errorf("read pid file %s: not a pid: %q", f, lines[0])
		}
		e := pidEntry{name: strings.TrimSuffix(filepath.Base(f), ".pid"), pid: pid, file: f}
		if len(lines) == 2 {
			e.bin = strings.TrimSpace(lines[1])
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].name != "geth" && out[j].name == "geth" })
	return out, nil
}

// alive reports whether e's process still runs the binary it was started
// with. Where /proc exists, a pid reused by another program reads as dead,
// and so does a zombie.
func (e pidEntry) alive() bool {
	if err := syscall.Kill(e.pid, 0); err != nil && !errors.Is(err, syscall.EPERM) {
		return false
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", e.pid))
	if err != nil {
		return !procExists() // no /proc: trust kill(0)
	}
	if i := bytes.LastIndexByte(stat, ')'); i > 0 && len(stat) > i+2 && stat[i+2] == 'Z' {
		return false
	}
	if e.bin == "" {
		return true
	}
	cmdline, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", e.pid))
	if err != nil {
		return false
	}
	argv0, _, _ := bytes.Cut(cmdline, []byte{0})
	return string(argv0) == e.bin
}

func procExists() bool {
	_, err := os.Stat("/proc/self/stat")
	return err == nil
}

// running returns the pid files whose processes are alive.
func running(l layout) ([]pidEntry, error) {
	all, err := readPids(l)
	if err != nil {
		return nil, err
	}
	var out []pidEntry
	for _, e := range all {
		if e.alive() {
			out = append(out, e)
		}
	}
	return out, nil
}

// stopAll stops the network's processes: the nodes first, geth last, each
// group with SIGTERM and, after stopGrace, SIGKILL. It removes the pid
// files.
func stopAll(l layout, quiet bool) error {
	entries, err := readPids(l)
	if err != nil {
		return err
	}
	var nodes, chain []pidEntry
	for _, e := range entries {
		if e.name == "geth" {
			chain = append(chain, e)
		} else {
			nodes = append(nodes, e)
		}
	}
	for _, group := range [][]pidEntry{nodes, chain} {
		stopGroup(group, quiet)
	}
	for _, e := range entries {
		if err := os.Remove(e.file); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("remove pid file: %w", err)
		}
	}
	return nil
}

func stopGroup(group []pidEntry, quiet bool) {
	var live []pidEntry
	for _, e := range group {
		if e.alive() {
			signalGroup(e.pid, syscall.SIGTERM)
			live = append(live, e)
		}
	}
	deadline := time.Now().Add(stopGrace)
	for len(live) > 0 {
		var still []pidEntry
		for _, e := range live {
			if e.alive() {
				still = append(still, e)
			} else if !quiet {
				say("stopped %s (pid %d)", e.name, e.pid)
			}
		}
		live = still
		if len(live) == 0 {
			return
		}
		if time.Now().After(deadline) {
			for _, e := range live {
				signalGroup(e.pid, syscall.SIGKILL)
				if !quiet {
					say("killed %s (pid %d): it did not stop within %s", e.name, e.pid, stopGrace)
				}
			}
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// signalGroup signals the process group pid leads (every process localnet
// starts leads its own), or the process alone if it leads none.
func signalGroup(pid int, sig syscall.Signal) {
	if err := syscall.Kill(-pid, sig); err != nil {
		_ = syscall.Kill(pid, sig)
	}
}

// checkPortsFree fails naming every listed TCP port on 127.0.0.1 that is
// already taken.
func checkPortsFree(ports map[string]int) error {
	var busy []string
	for name, port := range ports {
		ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err != nil {
			busy = append(busy, fmt.Sprintf("%d (%s)", port, name))
			continue
		}
		_ = ln.Close()
	}
	if len(busy) > 0 {
		sort.Strings(busy)
		return fmt.Errorf("ports already in use: %s", strings.Join(busy, ", "))
	}
	return nil
}

// tail returns the last n lines of a file, indented, for error messages.
func tail(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return "    (no log: " + err.Error() + ")"
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return "    " + strings.Join(lines, "\n    ")
}

// down stops the network and says where its files are; with clean it
// removes them.
func down(l layout, clean bool) error {
	live, err := running(l)
	if err != nil {
		return err
	}
	if len(live) == 0 {
		say("no process of the network in %s is running", l.rel(l.dir))
	}
	if err := stopAll(l, false); err != nil {
		return err
	}
	if clean {
		if err := os.RemoveAll(l.dir); err != nil {
			return fmt.Errorf("remove %s: %w", l.dir, err)
		}
		say("removed %s", l.rel(l.dir))
		return nil
	}
	if _, err := os.Stat(l.dir); err == nil {
		say("logs in %s, node data in %s, chain in %s, addresses in %s",
			l.rel(filepath.Dir(l.logFile("x"))), l.rel(filepath.Dir(l.dataDir("x"))), l.rel(l.gethData()), l.rel(l.networkFile()))
		say("`make localnet-clean` (or `go run ./localnet down --clean`) removes them")
	}
	return nil
}
