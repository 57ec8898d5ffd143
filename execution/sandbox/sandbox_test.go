package sandbox_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/filters"
	"github.com/docker/docker/api/types/network"
	"github.com/docker/docker/client"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/execution/sandbox"
)

// requireDocker skips the test when no Docker engine answers, unless
// TRIGGERX_REQUIRE_DOCKER=1, and makes sure the runtime images exist
// (building them with scripts/runtime-images.sh if needed).
func requireDocker(tb testing.TB) {
	tb.Helper()
	c, err := client.NewClientWithOpts(client.FromEnv, client.WithAPIVersionNegotiation())
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_, err = c.Ping(ctx)
		cancel()
		defer c.Close()
	}
	if err != nil {
		msg := fmt.Sprintf("docker engine not available (%v): sandbox tests need Docker; set TRIGGERX_REQUIRE_DOCKER=1 to fail instead of skip", err)
		if os.Getenv("TRIGGERX_REQUIRE_DOCKER") == "1" {
			tb.Fatal(msg)
		}
		tb.Skip(msg)
	}
	imagesOnce.Do(func() { imagesErr = ensureImages(c) })
	require.NoError(tb, imagesErr)
}

var (
	imagesOnce sync.Once
	imagesErr  error
)

func ensureImages(c *client.Client) error {
	missing := false
	for _, img := range sandbox.DefaultImages {
		if _, err := c.ImageInspect(context.Background(), img); err != nil {
			missing = true
		}
	}
	if !missing {
		return nil
	}
	_, file, _, _ := runtime.Caller(0)
	script := filepath.Join(filepath.Dir(file), "..", "..", "scripts", "runtime-images.sh")
	out, err := exec.Command("bash", script).CombinedOutput()
	if err != nil {
		return fmt.Errorf("build runtime images with %s (run it by hand to see why): %w\n%s", script, err, out)
	}
	return nil
}

// testLimits are tight so the escape tests finish fast.
var testLimits = sandbox.Limits{
	Memory:    128 << 20,
	Pids:      64,
	Timeout:   5 * time.Second,
	MaxOutput: 64 << 10,
	TmpfsSize: 16 << 20,
}

func newSandbox(tb testing.TB, pool int, limits sandbox.Limits) *sandbox.Sandbox {
	tb.Helper()
	requireDocker(tb)
	sizes := map[sandbox.Runtime]int{}
	for _, rt := range sandbox.Runtimes {
		sizes[rt] = pool
	}
	var cfg sandbox.Config
	cfg.PoolSize = sizes
	cfg.Limits = limits
	if t, ok := tb.(*testing.T); ok {
		cfg.Logger = zaptest.NewLogger(t)
	}
	sb, err := sandbox.New(context.Background(), cfg)
	require.NoError(tb, err)
	tb.Cleanup(func() { require.NoError(tb, sb.Close()) })
	return sb
}

// helloScripts read {"n": N} from stdin and print {"n": N+1, "runtime": ...}.
var helloScripts = map[sandbox.Runtime]string{
	sandbox.Node: `const d = JSON.parse(require('fs').readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify({n: d.n + 1, runtime: 'node'}));`,
	sandbox.TypeScript: `import * as fs from 'fs';
interface In { n: number }
const d: In = JSON.parse(fs.readFileSync(0, 'utf8'));
const out: { n: number; runtime: string } = { n: d.n + 1, runtime: 'typescript' };
process.stdout.write(JSON.stringify(out));`,
	sandbox.Python: `import json, sys
d = json.load(sys.stdin)
json.dump({"n": d["n"] + 1, "runtime": "python"}, sys.stdout)`,
	sandbox.Go: `package main

import (
	"encoding/json"
	"os"
)

func main() {
	var d struct{ N int }
	if err := json.NewDecoder(os.Stdin).Decode(&d); err != nil {
		panic(err)
	}
	json.NewEncoder(os.Stdout).Encode(map[string]any{"n": d.N + 1, "runtime": "go"})
}`,
}

func runHello(t *testing.T, sb *sandbox.Sandbox, rt sandbox.Runtime) sandbox.Result {
	t.Helper()
	res, err := sb.Run(context.Background(), sandbox.Request{Runtime: rt, Source: []byte(helloScripts[rt]), Stdin: []byte(`{"n": 41}`)})
	require.NoError(t, err, "stderr: %s", res.Stderr)
	var out struct {
		N       int
		Runtime string
	}
	require.NoError(t, json.Unmarshal(res.Stdout, &out), "stdout: %q", res.Stdout)
	require.Equal(t, 42, out.N)
	require.Equal(t, string(rt), out.Runtime)
	require.Zero(t, res.ExitCode)
	return res
}

func TestHelloWorld(t *testing.T) {
	sb := newSandbox(t, 1, sandbox.Limits{})
	for _, rt := range sandbox.Runtimes {
		t.Run(string(rt), func(t *testing.T) {
			res := runHello(t, sb, rt)
			require.Positive(t, res.Report.PeakMemoryBytes)
			require.Positive(t, res.Report.CPUTime)
			require.Positive(t, res.Report.OutputBytes)
			require.False(t, res.Report.Truncated)
			t.Logf("%s: %+v", rt, res.Report)
		})
	}
}

// TestEscapes runs hostile scripts: each must be contained, reported with its
// reason code, and leave the sandbox able to run a normal script afterwards.
func TestEscapes(t *testing.T) {
	sb := newSandbox(t, 1, testLimits)

	// A port on the host that a script must not reach.
	ln, err := net.Listen("tcp", "0.0.0.0:0")
	require.NoError(t, err)
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			_, _ = c.Write([]byte("host-secret\n"))
			c.Close()
		}
	}()
	port := ln.Addr().(*net.TCPAddr).Port

	// The keeper's data directory, with a secret in it.
	dataDir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dataDir, "keystore.json"), []byte("keeper-secret"), 0o600))

	hostShadow, _ := os.ReadFile("/etc/shadow")

	tests := []struct {
		name    string
		rt      sandbox.Runtime
		src     string
		stdin   string
		reason  string
		checkFn func(t *testing.T, res sandbox.Result)
	}{
		{
			name: "network_egress", rt: sandbox.Python, reason: "",
			stdin: fmt.Sprintf(`{"port": %d}`, port),
			src: `import json, socket, sys
port = json.load(sys.stdin)["port"]
reached = []
for host, p in [("127.0.0.1", port), ("172.17.0.1", port), ("10.0.2.2", port), ("1.1.1.1", 53), ("8.8.8.8", 443)]:
    try:
        s = socket.create_connection((host, p), timeout=1)
        reached.append("%s:%d %r" % (host, p, s.recv(64)))
    except OSError:
        pass
try:
    socket.getaddrinfo("deb.debian.org", 80)
    reached.append("dns")
except OSError:
    pass
ifaces = [n for _, n in socket.if_nameindex()]
print(json.dumps({"reached": reached, "interfaces": ifaces}))
sys.exit(3 if reached else 0)`,
			checkFn: func(t *testing.T, res sandbox.Result) {
				require.NotContains(t, string(res.Stdout), "host-secret")
				require.Contains(t, string(res.Stdout), `"interfaces": ["lo"]`)
			},
		},
		{
			name: "host_files", rt: sandbox.Python, reason: "",
			stdin: fmt.Sprintf(`{"dir": %q}`, dataDir),
			src: `import json, os, sys
d = json.load(sys.stdin)["dir"]
leaked = []
for p in ["/etc/shadow", os.path.join(d, "keystore.json"), "/root/.ssh/id_rsa", "/host/etc/shadow", "/proc/1/root/etc/shadow"]:
    try:
        with open(p) as f:
            leaked.append((p, f.read()))
    except OSError:
        pass
print(json.dumps(leaked))
sys.exit(3 if leaked else 0)`,
			checkFn: func(t *testing.T, res sandbox.Result) {
				require.NotContains(t, string(res.Stdout), "keeper-secret")
				if len(hostShadow) > 0 {
					require.NotContains(t, string(res.Stdout), string(bytes.SplitN(hostShadow, []byte("\n"), 2)[0]))
				}
			},
		},
		{
			name: "docker_socket", rt: sandbox.Node, reason: "",
			src: `const fs = require('fs');
const found = ['/var/run/docker.sock', '/run/docker.sock', '/run/containerd/containerd.sock', '/var/run/docker'].filter(p => fs.existsSync(p));
console.log(JSON.stringify(found));
process.exit(found.length ? 3 : 0);`,
		},
		{
			name: "privileges", rt: sandbox.Python, reason: "",
			src: `import os, sys
st = dict(l.split(":\t", 1) for l in open("/proc/self/status").read().splitlines() if ":\t" in l)
bad = []
if os.getuid() == 0 or os.geteuid() == 0: bad.append("root")
if int(st["CapEff"], 16) != 0 or int(st["CapBnd"], 16) != 0: bad.append("caps " + st["CapEff"] + " " + st["CapBnd"])
if st.get("NoNewPrivs", "").strip() != "1": bad.append("new privs allowed")
if st.get("Seccomp", "").strip() != "2": bad.append("no seccomp filter")
print(bad)
sys.exit(3 if bad else 0)`,
		},
		{
			name: "write_rootfs", rt: sandbox.Python, reason: "",
			src: `import os, shutil, subprocess, sys
written = []
for p in ["/x", "/etc/passwd", "/usr/bin/x", "/opt/triggerx/run.sh", "/bin/sh"]:
    try:
        with open(p, "a") as f:
            f.write("pwned")
        written.append(p)
    except OSError:
        pass
open("/tmp/ok", "w").write("scratch works")
shutil.copy("/bin/cat", "/tmp/cat")
os.chmod("/tmp/cat", 0o755)
try:
    subprocess.run(["/tmp/cat", "/tmp/ok"], check=True)
    written.append("exec from /tmp")
except OSError:
    pass
print(written)
sys.exit(3 if written else 0)`,
		},
		{
			name: "fork_bomb", rt: sandbox.Python, reason: "pids_limit",
			src: `import os
while True:
    try:
        os.fork()
    except OSError:
        pass`,
		},
		{
			name: "memory_bomb", rt: sandbox.Python, reason: "memory_limit",
			src: `chunks = []
while True:
    chunks.append(bytearray(8 << 20))`,
			checkFn: func(t *testing.T, res sandbox.Result) {
				require.GreaterOrEqual(t, res.Report.PeakMemoryBytes, testLimits.Memory*9/10)
			},
		},
		{
			name: "memory_bomb_node", rt: sandbox.Node, reason: "memory_limit",
			src: `const a = []; for (;;) a.push(Buffer.alloc(8 << 20, 1));`,
		},
		{
			name: "endless_loop", rt: sandbox.Node, reason: "timeout",
			src: `for (;;) {}`,
			checkFn: func(t *testing.T, res sandbox.Result) {
				require.GreaterOrEqual(t, res.Report.Duration, testLimits.Timeout)
				require.Less(t, res.Report.Duration, testLimits.Timeout+3*time.Second)
				require.Positive(t, res.Report.CPUTime)
			},
		},
		{
			name: "output_flood", rt: sandbox.Node, reason: "output_limit",
			src: `const fs = require('fs'), s = 'x'.repeat(1 << 16); for (;;) fs.writeSync(1, s);`,
			checkFn: func(t *testing.T, res sandbox.Result) {
				require.True(t, res.Report.Truncated)
				require.Len(t, res.Stdout, int(testLimits.MaxOutput))
				require.Greater(t, res.Report.OutputBytes, testLimits.MaxOutput)
			},
		},
		{
			name: "stderr_flood", rt: sandbox.Python, reason: "output_limit",
			src: `import sys
while True:
    sys.stderr.write("y" * 65536)`,
			checkFn: func(t *testing.T, res sandbox.Result) {
				require.True(t, res.Report.Truncated)
				require.Len(t, res.Stderr, int(testLimits.MaxOutput))
			},
		},
		{
			name: "nonzero_exit", rt: sandbox.Python, reason: "nonzero_exit",
			src:     `import sys; sys.exit(7)`,
			checkFn: func(t *testing.T, res sandbox.Result) { require.Equal(t, 7, res.ExitCode) },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := sb.Run(context.Background(), sandbox.Request{Runtime: tt.rt, Source: []byte(tt.src), Stdin: []byte(tt.stdin)})
			t.Logf("reason=%q exit=%d report=%+v stdout=%.200q stderr=%.300q", sandbox.Reason(err), res.ExitCode, res.Report, res.Stdout, res.Stderr)
			require.Equal(t, tt.reason, sandbox.Reason(err), "err: %v", err)
			if tt.checkFn != nil {
				tt.checkFn(t, res)
			}
			runHello(t, sb, sandbox.Python) // the keeper stays healthy
		})
	}
}

func TestGoCompileError(t *testing.T) {
	sb := newSandbox(t, 0, sandbox.Limits{})
	res, err := sb.Run(context.Background(), sandbox.Request{Runtime: sandbox.Go, Source: []byte("package main\nfunc main() { undefined() }\n")})
	require.Equal(t, "nonzero_exit", sandbox.Reason(err))
	require.Contains(t, string(res.Stderr), "undefined")
}

func TestGoExitCode(t *testing.T) {
	sb := newSandbox(t, 1, sandbox.Limits{})
	res, err := sb.Run(context.Background(), sandbox.Request{Runtime: sandbox.Go, Source: []byte("package main\nimport \"os\"\nfunc main() { os.Exit(7) }\n")})
	require.Equal(t, "nonzero_exit", sandbox.Reason(err))
	require.Equal(t, 7, res.ExitCode)
}

func TestUnknownRuntimeAndClosed(t *testing.T) {
	sb := newSandbox(t, 0, sandbox.Limits{})
	_, err := sb.Run(context.Background(), sandbox.Request{Runtime: "ruby"})
	require.Equal(t, "unknown_runtime", sandbox.Reason(err))
	require.NoError(t, sb.Close())
	_, err = sb.Run(context.Background(), sandbox.Request{Runtime: sandbox.Node})
	require.Equal(t, "sandbox_closed", sandbox.Reason(err))
}

func TestConcurrentRuns(t *testing.T) {
	sb := newSandbox(t, 2, sandbox.Limits{})
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rt := []sandbox.Runtime{sandbox.Node, sandbox.Python}[i%2]
			res, err := sb.Run(context.Background(), sandbox.Request{Runtime: rt, Source: []byte(helloScripts[rt]), Stdin: []byte(`{"n": 1}`)})
			if !(err == nil && bytes.Contains(res.Stdout, []byte(`2`))) {
				t.Errorf("run %d: %v %s", i, err, res.Stderr)
			}
		}()
	}
	wg.Wait()
}

func TestSandboxUnavailable(t *testing.T) {
	_, err := sandbox.New(context.Background(), sandbox.Config{Host: "unix:///nonexistent/docker.sock"})
	require.Equal(t, "sandbox_unavailable", sandbox.Reason(err))
}

// BenchmarkRun compares, per runtime, a run in a fresh container ("cold",
// PoolSize 0), a run from the warm pool, and a plain `docker run --rm` of the
// same launcher command with the same hardening flags via the CLI.
//
//	go test ./execution/sandbox -run '^$' -bench BenchmarkRun -benchtime 10x
func BenchmarkRun(b *testing.B) {
	cold := newSandbox(b, 0, sandbox.Limits{})
	warm := newSandbox(b, 1, sandbox.Limits{})
	for _, rt := range sandbox.Runtimes {
		req := sandbox.Request{Runtime: rt, Source: []byte(helloScripts[rt]), Stdin: []byte(`{"n": 41}`)}
		b.Run(string(rt)+"/cold", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := cold.Run(context.Background(), req); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(string(rt)+"/warm", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				for warm.Ready(rt) == 0 {
					time.Sleep(5 * time.Millisecond)
				}
				b.StartTimer()
				if _, err := warm.Run(context.Background(), req); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(string(rt)+"/docker-run", func(b *testing.B) {
			img := sandbox.DefaultImages[rt]
			for i := 0; i < b.N; i++ {
				if err := dockerRun(img, rt, req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func dockerRun(img string, rt sandbox.Runtime, req sandbox.Request) error {
	tmp := "/tmp:rw,nosuid,nodev,noexec,size=64m,uid=65534,gid=65534"
	mem := "256m"
	launch := []string{"/opt/triggerx/run.sh", string(rt), strconv.Itoa(len(req.Source))}
	env := []string{}
	if rt == sandbox.Go {
		tmp = "/tmp:rw,nosuid,nodev,exec,size=512m,uid=65534,gid=65534"
		mem = "1g"
		launch = []string{"/bin/sh", "-c", "cp -r /opt/gocache /tmp/gocache && exec /opt/triggerx/run.sh go " + strconv.Itoa(len(req.Source))}
		env = []string{"-e", "GOCACHE=/tmp/gocache", "-e", "GOFLAGS=-trimpath", "-e", "CGO_ENABLED=0", "-e", "GOPROXY=off", "-e", "GOTOOLCHAIN=local", "-e", "HOME=/tmp"}
	}
	args := append([]string{"run", "--rm", "-i", "--network", "none", "--read-only", "--cap-drop", "ALL",
		"--security-opt", "no-new-privileges", "--pids-limit", "512", "--memory", mem, "--memory-swap", mem,
		"--cpus", "1", "--user", "65534:65534", "--log-driver", "none",
		"--tmpfs", tmp, "--tmpfs", "/script:rw,nosuid,nodev,noexec,size=2m,uid=65534,gid=65534"}, env...)
	args = append(append(args, img), launch...)
	cmd := exec.Command("docker", args...)
	cmd.Stdin = bytes.NewReader(append(append([]byte{}, req.Source...), req.Stdin...))
	out, err := cmd.CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("42")) {
		return fmt.Errorf("docker run %s: %v: %s", rt, err, out)
	}
	return nil
}

// TestNetworkAccess exercises the proxy hook: a run with Request.Network
// joins an internal Docker network, sees the proxy address in HTTPS_PROXY,
// reaches the proxy (here a plain TCP listener on the network's gateway) and
// nothing off the host.
func TestNetworkAccess(t *testing.T) {
	requireDocker(t)
	c, err := client.NewClientWithOpts(client.FromEnv, client.WithAPIVersionNegotiation())
	require.NoError(t, err)
	t.Cleanup(func() { c.Close() })
	ctx := context.Background()
	name := fmt.Sprintf("triggerx-sandbox-test-%d", time.Now().UnixNano())
	created, err := c.NetworkCreate(ctx, name, network.CreateOptions{Driver: "bridge", Internal: true})
	require.NoError(t, err)
	// Registered before the sandbox's cleanup, so it runs after Close has
	// removed the container.
	t.Cleanup(func() { require.NoError(t, c.NetworkRemove(ctx, created.ID)) })
	sb := newSandbox(t, 0, testLimits)
	ins, err := c.NetworkInspect(ctx, created.ID, network.InspectOptions{})
	require.NoError(t, err)
	require.NotEmpty(t, ins.IPAM.Config)
	gw := ins.IPAM.Config[0].Gateway

	ln, err := net.Listen("tcp", net.JoinHostPort(gw, "0"))
	require.NoError(t, err)
	defer ln.Close()
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			_, _ = conn.Write([]byte("proxy-hello\n"))
			conn.Close()
		}
	}()
	proxy := "http://" + ln.Addr().String()

	src := `import os, socket, sys, json
from urllib.parse import urlparse
u = urlparse(os.environ["HTTPS_PROXY"])
got = socket.create_connection((u.hostname, u.port), timeout=2).recv(64).decode()
off = []
for h, p in [("1.1.1.1", 53), ("8.8.8.8", 443)]:
    try:
        socket.create_connection((h, p), timeout=1)
        off.append(h)
    except OSError:
        pass
try:
    socket.getaddrinfo("example.com", 443)
    dns = "resolved"
except OSError:
    dns = "failed"
print(json.dumps({"proxy": got, "off_host": off, "dns": dns, "triggerx_proxy": os.environ.get("TRIGGERX_PROXY")}))`
	var bound []netip.Addr
	bind := func(ip netip.Addr) error { bound = append(bound, ip); return nil }
	res, err := sb.Run(ctx, sandbox.Request{Runtime: sandbox.Python, Source: []byte(src),
		Network: &sandbox.NetworkAccess{Network: name, ProxyURL: proxy, Bind: bind}})
	require.NoError(t, err, "stderr: %s", res.Stderr)
	require.JSONEq(t, fmt.Sprintf(`{"proxy": "proxy-hello\n", "off_host": [], "dns": "failed", "triggerx_proxy": %q}`, proxy), string(res.Stdout))
	require.Len(t, bound, 1, "Bind called once")
	subnet, err := netip.ParsePrefix(ins.IPAM.Config[0].Subnet)
	require.NoError(t, err)
	require.True(t, subnet.Contains(bound[0]), "%s in %s", bound[0], subnet)

	// A Bind error fails the run before the script starts.
	bindErr := errors.New("address taken")
	_, err = sb.Run(ctx, sandbox.Request{Runtime: sandbox.Python, Source: []byte("print(1)"),
		Network: &sandbox.NetworkAccess{Network: name, ProxyURL: proxy, Bind: func(netip.Addr) error { return bindErr }}})
	require.ErrorIs(t, err, bindErr)
	require.Equal(t, "sandbox_unavailable", sandbox.Reason(err))
}

// TestWarmContainerDied: a pool container that died while idle is replaced
// transparently by a fresh one.
func TestWarmContainerDied(t *testing.T) {
	sb := newSandbox(t, 1, sandbox.Limits{})
	for sb.Ready(sandbox.Python) == 0 {
		time.Sleep(10 * time.Millisecond)
	}
	c, err := client.NewClientWithOpts(client.FromEnv, client.WithAPIVersionNegotiation())
	require.NoError(t, err)
	defer c.Close()
	ctx := context.Background()
	list, err := c.ContainerList(ctx, container.ListOptions{Filters: filters.NewArgs(filters.Arg("label", "org.triggerx.sandbox=python"))})
	require.NoError(t, err)
	require.NotEmpty(t, list)
	for _, ct := range list {
		require.NoError(t, c.ContainerKill(ctx, ct.ID, "KILL"))
	}
	runHello(t, sb, sandbox.Python)
}
