package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/triggerx-network/triggerx/contracts"
)

// The network's shape and ports (all on 127.0.0.1).
const (
	numKeepers        = 4
	gethPort          = 8545
	apiPort           = 9002
	aggregatorP2P     = 9100
	coordinatorP2P    = 9101
	keeperP2PBase     = 9110 // keeper-i listens on base+i
	aggregatorMetrics = 9200
	coordMetrics      = 9201
	keeperMetricsBase = 9210

	jobInterval  = 10        // seconds between the example job's tasks
	jobTimeFrame = 24 * 3600 // seconds the example job runs
)

// Amounts, in wei.
var (
	fundAmount     = ether(100) // sent to every account
	keeperStake    = ether(32)
	minStake       = ether(1)
	userGasDeposit = ether(10)
)

// upOptions are the flags of up.
type upOptions struct {
	tasks    int
	timeout  time.Duration
	logLevel string
}

// network is what up writes to network.json.
type network struct {
	RPCURL    string              `json:"rpc_url"`
	ChainID   uint64              `json:"chain_id"`
	Contracts contracts.Addresses `json:"contracts"`
	APIURL    string              `json:"api_url"`
	APIKey    string              `json:"api_key"`
	JobID     uint64              `json:"job_id,omitempty"`
	// ScriptJobIDs are the example script jobs, when Docker is available.
	ScriptJobIDs []uint64            `json:"script_job_ids,omitempty"`
	Accounts     map[string]*account `json:"accounts"`
	Nodes        map[string]nodeInfo `json:"nodes"`
}

type nodeInfo struct {
	P2P     string `json:"p2p,omitempty"`
	Metrics string `json:"metrics,omitempty"`
	Log     string `json:"log"`
	DataDir string `json:"data_dir,omitempty"`
}

func keeperName(i int) string { return fmt.Sprintf("keeper-%d", i) }

// ports lists every port the network needs.
func ports() map[string]int {
	p := map[string]int{
		"geth RPC": gethPort, "coordinator API": apiPort,
		"aggregator p2p": aggregatorP2P, "coordinator p2p": coordinatorP2P,
		"aggregator metrics": aggregatorMetrics, "coordinator metrics": coordMetrics,
	}
	for i := 1; i <= numKeepers; i++ {
		p[keeperName(i)+" p2p"] = keeperP2PBase + i
		p[keeperName(i)+" metrics"] = keeperMetricsBase + i
	}
	return p
}

// up starts the network and follows the example job's tasks.
func up(ctx context.Context, l layout, o upOptions) error {
	live, err := running(l)
	if err != nil {
		return err
	}
	if len(live) > 0 {
		return fmt.Errorf("a network is already running in %s (%s, pid %d); stop it with `make localnet-down` (or `go run ./localnet down`)",
			l.rel(l.dir), live[0].name, live[0].pid)
	}
	n, procs, err := setUp(ctx, l, o)
	if err != nil {
		if ctx.Err() != nil {
			err = fmt.Errorf("interrupted: %w", err)
		}
		if started, _ := readPids(l); len(started) > 0 {
			say("setup failed; stopping the %d processes it started (logs stay in %s)", len(started), l.rel(filepath.Dir(l.logFile("x"))))
			if stopErr := stopAll(l, true); stopErr != nil {
				err = errors.Join(err, stopErr)
			}
		}
		return err
	}
	return followJob(ctx, l, n, procs, o)
}

// setUp builds, starts and configures everything, returning the network
// and its processes.
func setUp(ctx context.Context, l layout, o upOptions) (*network, map[string]*process, error) {
	if err := resetState(l); err != nil {
		return nil, nil, err
	}
	if err := checkPortsFree(ports()); err != nil {
		return nil, nil, err
	}
	scriptsErr := prepareScripts(ctx, l)
	if scriptsErr == nil {
		say("script sandbox ready (runtime images built locally)")
	}
	if err := buildBinaries(ctx, l); err != nil {
		return nil, nil, err
	}
	if err := installGeth(ctx, l); err != nil {
		return nil, nil, err
	}

	procs := map[string]*process{}
	geth := gethProcess(l, gethPort)
	say("starting geth --dev (log %s)", l.rel(l.logFile("geth")))
	if err := start(l, geth); err != nil {
		return nil, nil, err
	}
	procs["geth"] = geth
	rpcURL := fmt.Sprintf("http://127.0.0.1:%d", gethPort)
	c, err := dialChain(ctx, rpcURL, geth, l)
	if err != nil {
		return nil, nil, err
	}
	defer c.close()
	say("chain %s is up at %s; dev account %s", c.chainID, rpcURL, c.dev.Hex())

	n := &network{
		RPCURL: rpcURL, ChainID: c.chainID.Uint64(), APIURL: fmt.Sprintf("http://127.0.0.1:%d", apiPort),
		Accounts: map[string]*account{}, Nodes: map[string]nodeInfo{"geth": {Log: l.logFile("geth")}},
	}
	if n.APIKey, err = randomHex(16); err != nil {
		return nil, nil, err
	}

	// Keys, funds, contracts.
	names := []string{"deployer", "aggregator", "coordinator", "user"}
	for i := 1; i <= numKeepers; i++ {
		names = append(names, keeperName(i))
	}
	var addrs []common.Address
	for _, name := range names {
		a, err := newAccount(l, name, strings.HasPrefix(name, "keeper-"))
		if err != nil {
			return nil, nil, err
		}
		n.Accounts[name] = a
		addrs = append(addrs, a.Address)
	}
	say("generated keystores for %s in %s", strings.Join(names, ", "), l.rel(filepath.Dir(l.keyDir("x"))))
	if err := c.fund(ctx, fundAmount, addrs...); err != nil {
		return nil, nil, err
	}
	say("funded %d accounts with %s wei each", len(addrs), fundAmount)
	owner, err := n.Accounts["deployer"].key()
	if err != nil {
		return nil, nil, err
	}
	if n.Contracts, err = deploy(ctx, c, owner, minStake, n.Accounts["coordinator"].Address); err != nil {
		return nil, nil, err
	}
	say("deployed KeeperRegistry %s, JobRegistry %s, TaskExecutionHub %s, AttestationCenter %s, Counter %s; coordinator set",
		n.Contracts.KeeperRegistry.Hex(), n.Contracts.JobRegistry.Hex(), n.Contracts.TaskExecutionHub.Hex(),
		n.Contracts.AttestationCenter.Hex(), n.Contracts.Counter.Hex())
	if err := writeNetwork(l, n); err != nil {
		return nil, nil, err
	}

	for i := 1; i <= numKeepers; i++ {
		if err := registerKeeper(ctx, l, n, keeperName(i)); err != nil {
			return nil, nil, err
		}
	}
	say("registered %d keepers with %s wei stake each", numKeepers, keeperStake)

	// Nodes.
	agg := nodeProcess(l, n, "aggregator", "triggerx-aggregator", o.logLevel, aggregatorP2P, aggregatorMetrics)
	if err := startNode(l, n, procs, agg, aggregatorP2P, aggregatorMetrics); err != nil {
		return nil, nil, err
	}
	bootstrap, err := waitP2PAddrs(ctx, l, agg)
	if err != nil {
		return nil, nil, err
	}
	say("aggregator is listening at %s", bootstrap)

	coord := nodeProcess(l, n, "coordinator", "triggerx-coordinator", o.logLevel, coordinatorP2P, coordMetrics, bootstrap)
	if err := startNode(l, n, procs, coord, coordinatorP2P, coordMetrics); err != nil {
		return nil, nil, err
	}
	// Keepers connect to the coordinator too: it serves the job scripts.
	coordAddr, err := waitP2PAddrs(ctx, l, coord)
	if err != nil {
		return nil, nil, err
	}
	for i := 1; i <= numKeepers; i++ {
		k := nodeProcess(l, n, keeperName(i), "triggerx-keeper", o.logLevel, keeperP2PBase+i, keeperMetricsBase+i, bootstrap, coordAddr)
		if err := startNode(l, n, procs, k, keeperP2PBase+i, keeperMetricsBase+i); err != nil {
			return nil, nil, err
		}
	}
	api := newAPIClient(n.APIURL, n.APIKey)
	if err := waitReady(ctx, l, coord, "coordinator API", api.healthy); err != nil {
		return nil, nil, err
	}
	say("coordinator API is up at %s", n.APIURL)
	for i := 1; i <= numKeepers; i++ {
		name := keeperName(i)
		if err := waitReady(ctx, l, procs[name], name+" metrics", metricsUp(keeperMetricsBase+i)); err != nil {
			return nil, nil, err
		}
	}
	say("%d keepers are up", numKeepers)
	waitHeartbeats(ctx, api)
	say("dashboard: %s/dashboard (its API key is in %s)", n.APIURL, l.rel(l.networkFile()))

	// The example job.
	user, err := n.Accounts["user"].key()
	if err != nil {
		return nil, nil, err
	}
	if n.JobID, err = createExampleJob(ctx, c, user, n.Contracts, userGasDeposit); err != nil {
		return nil, nil, err
	}
	act := exampleAction(n.ChainID, n.Contracts.Counter)
	err = api.registerJob(ctx, jobRequest{
		JobID: fmt.Sprint(n.JobID), UserAddress: n.Accounts["user"].Address.Hex(), JobTitle: "localnet counter",
		TaskDefinitionID: 1, ScheduleType: "interval", TimeInterval: jobInterval, TimeFrame: jobTimeFrame,
		TargetChainID: fmt.Sprint(n.ChainID), TargetContractAddress: act.Target.Hex(),
		TargetFunction: act.Function, Arguments: act.Arguments,
	})
	if err != nil {
		return nil, nil, err
	}
	if err := writeNetwork(l, n); err != nil {
		return nil, nil, err
	}
	say("created job %d: Counter.increment(1) every %d s (gas deposit %s wei); addresses and API key in %s",
		n.JobID, jobInterval, userGasDeposit, l.rel(l.networkFile()))
	if scriptsErr != nil {
		say("no script jobs: %v", scriptsErr)
	} else if n.ScriptJobIDs, err = createScriptJobs(ctx, c, n, api, user); err != nil {
		say("no script jobs: %v", err)
	} else {
		if err := writeNetwork(l, n); err != nil {
			return nil, nil, err
		}
		say("created script jobs %v: JavaScript arguments every %d s, TypeScript arguments on each Counter increment by 2, "+
			"Go arguments once the counter passes %s, and a Python script that decides the call every %d s",
			n.ScriptJobIDs, scriptJobInterval, conditionLimit, scriptJobInterval)
	}
	return n, procs, nil
}

// resetState removes what a stopped network left, except the installed
// geth.
func resetState(l layout) error {
	entries, err := os.ReadDir(l.dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", l.dir, err)
	}
	removed := false
	for _, e := range entries {
		if e.Name() == "bin" {
			continue
		}
		if err := os.RemoveAll(filepath.Join(l.dir, e.Name())); err != nil {
			return fmt.Errorf("remove old network state: %w", err)
		}
		removed = true
	}
	if removed {
		say("removed the state of the previous network in %s", l.rel(l.dir))
	}
	return nil
}

func buildBinaries(ctx context.Context, l layout) error {
	say("building binaries (go build -o bin/ ./cmd/...)")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", "bin/", "./cmd/...")
	cmd.Dir = l.root
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("build binaries: %w", err)
	}
	for _, b := range []string{"triggerx-keeper", "triggerx-aggregator", "triggerx-coordinator"} {
		if _, err := os.Stat(l.bin(b)); err != nil {
			return fmt.Errorf("build binaries: %s is missing (is there a cmd/%s?)", l.rel(l.bin(b)), b)
		}
	}
	return nil
}

// registerKeeper registers a keeper on-chain through the keeper binary.
func registerKeeper(ctx context.Context, l layout, n *network, name string) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	a := n.Accounts[name]
	logName := "register-" + name
	logf, err := os.Create(l.logFile(logName))
	if err != nil {
		return fmt.Errorf("create log of %s: %w", logName, err)
	}
	defer logf.Close()
	cmd := exec.CommandContext(ctx, l.bin("triggerx-keeper"), "register",
		"--eth-rpc", n.RPCURL, "--keeper-registry", n.Contracts.KeeperRegistry.Hex(),
		"--ecdsa-keystore", a.ECDSAKeystore, "--ecdsa-password-file", a.PasswordFile,
		"--bls-keystore", a.BLSKeystore, "--bls-password-file", a.PasswordFile,
		"--stake", keeperStake.String())
	cmd.Dir = l.root
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("register %s: %w; last lines of %s:\n%s", name, err, l.rel(l.logFile(logName)), tail(l.logFile(logName), 15))
	}
	return nil
}

// nodeProcess builds the start command of a node. Optional settings (log
// format and level, metrics address) go through the TRIGGERX_* environment,
// which every binary reads and none rejects.
func nodeProcess(l layout, n *network, name, bin, logLevel string, p2pPort, metricsPort int, bootstrap ...string) *process {
	a := n.Accounts[name]
	keeper := strings.HasPrefix(name, "keeper-")
	args := []string{"start",
		"--data-dir", l.dataDir(name),
		"--eth-rpc", n.RPCURL,
		"--keeper-registry", n.Contracts.KeeperRegistry.Hex(),
	}
	if name != "aggregator" {
		args = append(args, "--job-registry", n.Contracts.JobRegistry.Hex(),
			"--task-execution-hub", n.Contracts.TaskExecutionHub.Hex())
	}
	args = append(args, "--attestation-center", n.Contracts.AttestationCenter.Hex(),
		"--ecdsa-keystore", a.ECDSAKeystore, "--ecdsa-password-file", a.PasswordFile)
	if keeper {
		args = append(args, "--bls-keystore", a.BLSKeystore, "--bls-password-file", a.PasswordFile)
	}
	if name == "coordinator" {
		args = append(args, "--api-listen", fmt.Sprintf("127.0.0.1:%d", apiPort), "--api-key", n.APIKey)
	}
	args = append(args, "--p2p-listen", fmt.Sprintf("/ip4/127.0.0.1/tcp/%d", p2pPort))
	for _, b := range bootstrap {
		args = append(args, "--p2p-bootstrap", b)
	}
	env := []string{
		// The metrics address goes through the environment too: the
		// coordinator serves /metrics on its API port and has no such flag.
		fmt.Sprintf("TRIGGERX_METRICS_ADDR=127.0.0.1:%d", metricsPort),
		"TRIGGERX_LOG_FORMAT=console", "TRIGGERX_LOG_LEVEL=" + logLevel,
	}
	if keeper {
		env = append(env, "TRIGGERX_SCRIPT_POOL=0") // a fresh sandbox container per script run: light on a laptop
	}
	return &process{name: name, bin: l.bin(bin), args: args, env: env}
}

func startNode(l layout, n *network, procs map[string]*process, p *process, p2pPort, metricsPort int) error {
	if err := os.MkdirAll(l.dataDir(p.name), 0o700); err != nil {
		return fmt.Errorf("create data directory of %s: %w", p.name, err)
	}
	say("starting %s (log %s)", p.name, l.rel(l.logFile(p.name)))
	if err := start(l, p); err != nil {
		return err
	}
	procs[p.name] = p
	metrics := fmt.Sprintf("http://127.0.0.1:%d/metrics", metricsPort)
	if p.name == "coordinator" {
		metrics = n.APIURL + "/metrics"
	}
	n.Nodes[p.name] = nodeInfo{
		P2P: fmt.Sprintf("/ip4/127.0.0.1/tcp/%d", p2pPort), Metrics: metrics,
		Log: l.logFile(p.name), DataDir: l.dataDir(p.name),
	}
	return nil
}

// waitP2PAddrs waits for a node (aggregator, coordinator) to write its multiaddrs and returns
// the loopback one.
func waitP2PAddrs(ctx context.Context, l layout, p *process) (string, error) {
	path := filepath.Join(l.dataDir(p.name), "p2p-addrs.txt")
	var addr string
	err := waitReady(ctx, l, p, p.name+" p2p-addrs.txt", func(context.Context) error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		var first string
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if !strings.Contains(line, "/p2p/") {
				continue
			}
			if first == "" {
				first = line
			}
			if strings.HasPrefix(line, "/ip4/127.0.0.1/") {
				addr = line
				return nil
			}
		}
		if first == "" {
			return fmt.Errorf("%s holds no multiaddr with /p2p/ yet", path)
		}
		addr = first
		return nil
	})
	return addr, err
}

// waitReady polls ready until it succeeds, failing early when p exits.
func waitReady(ctx context.Context, l layout, p *process, what string, ready func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	for {
		if dead, _ := p.exited(); dead {
			return p.deadError(l)
		}
		err := ready(ctx)
		if err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("wait for %s: %w (last error: %v); see %s", what, ctx.Err(), err, l.rel(l.logFile(p.name)))
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// metricsUp checks a node's Prometheus endpoint.
func metricsUp(port int) func(context.Context) error {
	return func(ctx context.Context) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("http://127.0.0.1:%d/metrics", port), nil)
		if err != nil {
			return err
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("metrics: status %d", resp.StatusCode)
		}
		return nil
	}
}

func writeNetwork(l layout, n *network) error {
	b, err := json.MarshalIndent(n, "", "  ")
	if err != nil {
		return fmt.Errorf("encode network.json: %w", err)
	}
	if err := os.WriteFile(l.networkFile(), append(b, '\n'), 0o600); err != nil {
		return fmt.Errorf("write network.json: %w", err)
	}
	return nil
}

func randomHex(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("read randomness: %w", err)
	}
	return hex.EncodeToString(b), nil
}

// followJob prints the example job's tasks as they finalize.
func followJob(ctx context.Context, l layout, n *network, procs map[string]*process, o upOptions) error {
	names := map[common.Address]string{}
	for name, a := range n.Accounts {
		names[a.Address] = name
	}
	f := &follower{api: newAPIClient(n.APIURL, n.APIKey), jobID: n.JobID, more: n.ScriptJobIDs, names: names,
		seen: map[common.Hash]bool{}, poll: time.Second, warnings: os.Stdout}
	if o.tasks > 0 {
		say("following job %d until %d tasks finalize (timeout %s)...", n.JobID, o.tasks, o.timeout)
	} else {
		say("following job %d; Ctrl-C stops following and leaves the network running", n.JobID)
	}
	reported := map[string]bool{}
	check := func() error {
		for name, p := range procs {
			if dead, _ := p.exited(); dead && !reported[name] {
				reported[name] = true
				if name == "geth" || name == "coordinator" || name == "aggregator" {
					return p.deadError(l)
				}
				fmt.Printf("! %s\n", p.deadError(l))
			}
		}
		return nil
	}
	err := f.follow(ctx, os.Stdout, followOptions{tasks: o.tasks, timeout: o.timeout}, check)
	stopHint := "the network keeps running; stop it with `make localnet-down` (or `go run ./localnet down`) (logs in " + l.rel(filepath.Dir(l.logFile("x"))) + ")"
	switch {
	case err == nil:
		say("%d tasks finalized; %s", o.tasks, stopHint)
		return nil
	case ctx.Err() != nil:
		fmt.Println()
		say("stopped following; %s", stopHint)
		return nil
	default:
		say("see the logs in %s; stop the network with `make localnet-down`", l.rel(filepath.Dir(l.logFile("x"))))
		return err
	}
}

// waitHeartbeats waits up to a minute for the coordinator to hear every
// keeper's heartbeat, and says how many it hears.
func waitHeartbeats(ctx context.Context, api *apiClient) {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	heard, total := 0, 0
	for {
		h, t, err := api.keepersHeard(ctx)
		if err == nil {
			heard, total = h, t
			if total > 0 && heard == total {
				break
			}
		}
		select {
		case <-ctx.Done():
			say("the coordinator hears heartbeats from %d of %d keepers (see the keepers' logs)", heard, total)
			return
		case <-time.After(500 * time.Millisecond):
		}
	}
	say("the coordinator hears heartbeats from all %d keepers", total)
}
