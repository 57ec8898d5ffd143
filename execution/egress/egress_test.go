package egress_test

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/docker/docker/api/types/network"
	"github.com/docker/docker/client"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/execution/egress"
	"github.com/triggerx-network/triggerx/execution/sandbox"
)

// requireEnv skips the test when no Docker engine answers, or when the test
// cannot manage iptables (not root, no iptables), unless
// TRIGGERX_REQUIRE_DOCKER=1 (then it fails). It returns a Docker client.
func requireEnv(tb testing.TB) *client.Client {
	tb.Helper()
	skip := func(msg string) {
		msg += "; set TRIGGERX_REQUIRE_DOCKER=1 to fail instead of skip"
		if os.Getenv("TRIGGERX_REQUIRE_DOCKER") == "1" {
			tb.Fatal(msg)
		}
		tb.Skip(msg)
	}
	c, err := client.NewClientWithOpts(client.FromEnv, client.WithAPIVersionNegotiation())
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_, err = c.Ping(ctx)
		cancel()
	}
	if err != nil {
		skip(fmt.Sprintf("docker engine not available (%v): egress tests need Docker", err))
	}
	tb.Cleanup(func() { c.Close() })
	if os.Geteuid() != 0 {
		skip("egress tests need root (iptables)")
	}
	if _, err := iptablesPath(); err != nil {
		skip(fmt.Sprintf("egress tests need iptables: %v", err))
	}
	return c
}

func iptablesPath() (string, error) {
	if p, err := exec.LookPath("iptables"); err == nil {
		return p, nil
	}
	return exec.LookPath("/usr/sbin/iptables")
}

// iptablesRules is `iptables -S` (all chains of the filter table).
func iptablesRules(t *testing.T) string {
	t.Helper()
	p, err := iptablesPath()
	require.NoError(t, err)
	out, err := exec.Command(p, "-w", "5", "-S").CombinedOutput()
	require.NoError(t, err, "%s", out)
	return string(out)
}

func iptables(t *testing.T, args ...string) {
	t.Helper()
	p, err := iptablesPath()
	require.NoError(t, err)
	out, err := exec.Command(p, append([]string{"-w", "5"}, args...)...).CombinedOutput()
	require.NoError(t, err, "iptables %v: %s", args, out)
}

// chainOf repeats the package's naming (documented in doc.go).
func chainOf(name string) string {
	sum := sha256.Sum256([]byte(name))
	return "TRIGGERX-" + hex.EncodeToString(sum[:4])
}

func uniqueName(t *testing.T) string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("triggerx-egress-test-%x", b)
}

func open(t *testing.T, c *client.Client) *egress.Egress {
	t.Helper()
	e, err := egress.Open(context.Background(), egress.Config{Name: uniqueName(t), Docker: c, Logger: zaptest.NewLogger(t)})
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, e.Close()) })
	return e
}

// newSandbox makes a python-only sandbox without a pool (network runs are
// cold anyway). Its Close is registered after the egress', so it runs first.
func newSandbox(t *testing.T, c *client.Client) *sandbox.Sandbox {
	t.Helper()
	if _, err := c.ImageInspect(context.Background(), sandbox.DefaultImages[sandbox.Python]); err != nil {
		msg := fmt.Sprintf("image %s missing (build it with scripts/runtime-images.sh): %v", sandbox.DefaultImages[sandbox.Python], err)
		if os.Getenv("TRIGGERX_REQUIRE_DOCKER") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	sb, err := sandbox.New(context.Background(), sandbox.Config{
		Docker:   c,
		Runtimes: []sandbox.Runtime{sandbox.Python},
		PoolSize: map[sandbox.Runtime]int{sandbox.Python: 0},
		Limits:   sandbox.Limits{Timeout: 30 * time.Second},
		Logger:   zaptest.NewLogger(t),
	})
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, sb.Close()) })
	return sb
}

func answer(s string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, s) })
}

// canary accepts TCP connections on addr and counts them.
func canary(t *testing.T, addr string) (int, *atomic.Int64) {
	t.Helper()
	ln, err := net.Listen("tcp4", addr)
	require.NoError(t, err)
	t.Cleanup(func() { ln.Close() })
	var n atomic.Int64
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			n.Add(1)
			_, _ = conn.Write([]byte("canary\n"))
			conn.Close()
		}
	}()
	return ln.Addr().(*net.TCPAddr).Port, &n
}

// hostAddrs lists the host's IPv4 addresses other than loopback (docker0's
// 172.17.0.1, eth0, the egress gateway, ...).
func hostAddrs(t *testing.T) []string {
	t.Helper()
	addrs, err := net.InterfaceAddrs()
	require.NoError(t, err)
	var out []string
	for _, a := range addrs {
		p, err := netip.ParsePrefix(a.String())
		if err == nil && p.Addr().Is4() && !p.Addr().IsLoopback() {
			out = append(out, p.Addr().String())
		}
	}
	return out
}

const isolationScript = `import json, os, socket, sys, time, urllib.request
d = json.load(sys.stdin)
out = {"triggerx_proxy": os.environ.get("TRIGGERX_PROXY")}
try:
    out["proxy"] = urllib.request.urlopen("http://example.com/x", timeout=5).read().decode()
except Exception as e:
    out["proxy"] = "error: %r" % e
reached = []
for h, p in d["targets"]:
    try:
        socket.create_connection((h, p), timeout=1).close()
        reached.append("%s:%d" % (h, p))
    except OSError:
        pass
out["reached"] = reached
t0 = time.monotonic()
try:
    socket.getaddrinfo("example.com", 443)
    out["dns"] = "resolved"
except OSError:
    out["dns"] = "failed"
out["dns_fast"] = time.monotonic() - t0 < 5
print(json.dumps(out))`

// TestIsolation: a network-enabled run reaches its proxy and nothing else:
// no host service on any host address (a canary on the gateway, one on
// 0.0.0.0), nothing off the host, no DNS.
func TestIsolation(t *testing.T) {
	c := requireEnv(t)
	e := open(t, c)
	sb := newSandbox(t, c)
	gw := e.Addr().Addr().String()

	gwPort, gwHits := canary(t, net.JoinHostPort(gw, "0"))
	anyPort, anyHits := canary(t, "0.0.0.0:0")
	targets := [][]any{{gw, gwPort}, {gw, anyPort}, {"1.1.1.1", 53}, {"1.1.1.1", 443}}
	for _, a := range hostAddrs(t) {
		targets = append(targets, []any{a, anyPort})
	}
	in, err := json.Marshal(map[string]any{"targets": targets})
	require.NoError(t, err)

	na, release := e.Attach(answer("proxied"))
	defer release()
	res, err := sb.Run(context.Background(), sandbox.Request{Runtime: sandbox.Python, Source: []byte(isolationScript), Stdin: in, Network: na})
	require.NoError(t, err, "stderr: %s", res.Stderr)
	t.Logf("targets %v -> %s", targets, res.Stdout)
	want := fmt.Sprintf(`{"triggerx_proxy": %q, "proxy": "proxied", "reached": [], "dns": "failed", "dns_fast": true}`, na.ProxyURL)
	require.JSONEq(t, want, string(res.Stdout))
	require.Zero(t, gwHits.Load())
	require.Zero(t, anyHits.Load())
}

const serverScript = `import json, socket, sys, time, urllib.request
out = {"proxy": urllib.request.urlopen("http://example.com/", timeout=5).read().decode()}
ln = socket.socket()
ln.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
ln.bind(("0.0.0.0", 8080))
ln.listen(8)
socket.create_connection(("127.0.0.1", 8080), timeout=1).close()
ln.accept()[0].close()  # our own: the listener works
ln.settimeout(0.5)
accepted = 0
deadline = time.monotonic() + 8
while time.monotonic() < deadline:
    try:
        ln.accept()[0].close()
        accepted += 1
    except socket.timeout:
        pass
out["accepted_from_others"] = accepted
print(json.dumps(out))`

const clientScript = `import json, socket, sys, time, urllib.request
d = json.load(sys.stdin)
out = {"proxy": urllib.request.urlopen("http://example.com/", timeout=5).read().decode()}
reached = False
deadline = time.monotonic() + 3
while time.monotonic() < deadline and not reached:
    try:
        socket.create_connection((d["peer"], 8080), timeout=0.5).close()
        reached = True
    except OSError:
        time.sleep(0.1)
out["reached_peer"] = reached
print(json.dumps(out))`

// TestConcurrentRuns: two runs at once each reach their own proxy (routing by
// source address) and not each other; a request from an unbound source (the
// host) gets 403 unknown_source.
func TestConcurrentRuns(t *testing.T) {
	c := requireEnv(t)
	e := open(t, c)
	sb := newSandbox(t, c)

	naA, releaseA := e.Attach(answer("proxy-A"))
	defer releaseA()
	naB, releaseB := e.Attach(answer("proxy-B"))
	defer releaseB()
	peer := make(chan netip.Addr, 1)
	bindB := naB.Bind
	naB.Bind = func(ip netip.Addr) error {
		peer <- ip
		return bindB(ip)
	}

	var wg sync.WaitGroup
	var resB sandbox.Result
	var errB error
	wg.Add(1)
	go func() {
		defer wg.Done()
		resB, errB = sb.Run(context.Background(), sandbox.Request{Runtime: sandbox.Python, Source: []byte(serverScript), Network: naB})
	}()
	var ipB netip.Addr
	select {
	case ipB = <-peer:
	case <-time.After(60 * time.Second):
		t.Fatal("run B never bound")
	}
	in, err := json.Marshal(map[string]string{"peer": ipB.String()})
	require.NoError(t, err)
	resA, errA := sb.Run(context.Background(), sandbox.Request{Runtime: sandbox.Python, Source: []byte(clientScript), Stdin: in, Network: naA})
	wg.Wait()
	require.NoError(t, errA, "stderr: %s", resA.Stderr)
	require.NoError(t, errB, "stderr: %s", resB.Stderr)
	require.JSONEq(t, `{"proxy": "proxy-A", "reached_peer": false}`, string(resA.Stdout))
	require.JSONEq(t, `{"proxy": "proxy-B", "accepted_from_others": 0}`, string(resB.Stdout))

	// The host itself is no bound source.
	resp, err := http.Get(naA.ProxyURL + "/fetch?url=http%3A%2F%2Fexample.com")
	require.NoError(t, err)
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	require.Equal(t, http.StatusForbidden, resp.StatusCode)
	require.Equal(t, "unknown_source", string(body))
}

// TestBindFailureFailsRun: a Bind error fails the run as sandbox_unavailable.
func TestBindFailureFailsRun(t *testing.T) {
	c := requireEnv(t)
	e := open(t, c)
	sb := newSandbox(t, c)
	na, release := e.Attach(answer("x"))
	release() // Bind now fails
	_, err := sb.Run(context.Background(), sandbox.Request{Runtime: sandbox.Python, Source: []byte("print(1)"), Network: na})
	require.ErrorIs(t, err, egress.ErrReleased)
	require.Equal(t, "sandbox_unavailable", sandbox.Reason(err))
}

// TestCloseAndStale: Close removes the network and the chain; Open after a
// simulated crash (a labelled network and the chain left behind) cleans up
// and works; a foreign network of the same name is left alone.
func TestCloseAndStale(t *testing.T) {
	c := requireEnv(t)
	ctx := context.Background()
	name := uniqueName(t)
	chain := chainOf(name)

	// Crash leftovers: the labelled network and the firewall chain with its jump.
	_, err := c.NetworkCreate(ctx, name, network.CreateOptions{Driver: "bridge", Internal: true, Labels: map[string]string{egress.Label: "1"}})
	require.NoError(t, err)
	sum := sha256.Sum256([]byte(name))
	bridge := "txeg" + hex.EncodeToString(sum[:4])
	iptables(t, "-N", chain)
	iptables(t, "-A", chain, "-j", "DROP")
	iptables(t, "-I", "INPUT", "1", "-i", bridge, "-j", chain)
	t.Cleanup(func() { // in case the test fails half-way
		_ = exec.Command("iptables", "-D", "INPUT", "-i", bridge, "-j", chain).Run()
		_ = exec.Command("iptables", "-F", chain).Run()
		_ = exec.Command("iptables", "-X", chain).Run()
		_ = c.NetworkRemove(ctx, name)
	})

	e, err := egress.Open(ctx, egress.Config{Name: name, Docker: c, Logger: zaptest.NewLogger(t)})
	require.NoError(t, err)
	rules := iptablesRules(t)
	require.Equal(t, 1, strings.Count(rules, "-A INPUT -i "+bridge+" -j "+chain), rules)
	require.Contains(t, rules, fmt.Sprintf("-A %s -d %s/32 -p tcp -m tcp --dport %d -j ACCEPT", chain, e.Addr().Addr(), e.Addr().Port()))
	if p, err := exec.LookPath("/usr/sbin/ip6tables"); err == nil {
		out, err := exec.Command(p, "-w", "5", "-S", "INPUT").CombinedOutput()
		require.NoError(t, err, "%s", out)
		require.Contains(t, string(out), "-A INPUT -i "+bridge+" -j DROP")
	}
	ins, err := c.NetworkInspect(ctx, name, network.InspectOptions{})
	require.NoError(t, err)
	require.True(t, ins.Internal)
	require.Equal(t, "false", ins.Options["com.docker.network.bridge.enable_icc"])

	require.NoError(t, e.Close())
	require.NoError(t, e.Close(), "second Close is a no-op")
	require.NotContains(t, iptablesRules(t), chain)
	_, err = c.NetworkInspect(ctx, name, network.InspectOptions{})
	require.True(t, client.IsErrNotFound(err), "network still there: %v", err)
	_, err = net.Dial("tcp", e.Addr().String())
	require.Error(t, err, "listener stopped")

	// A network of the same name without our label is not ours to remove.
	_, err = c.NetworkCreate(ctx, name, network.CreateOptions{Driver: "bridge", Internal: true})
	require.NoError(t, err)
	_, err = egress.Open(ctx, egress.Config{Name: name, Docker: c})
	require.ErrorIs(t, err, egress.ErrNetwork)
	_, err = c.NetworkInspect(ctx, name, network.InspectOptions{})
	require.NoError(t, err, "foreign network kept")
	require.NotContains(t, iptablesRules(t), chain)
	require.NoError(t, c.NetworkRemove(ctx, name))
}

// TestFirewallFailure: when iptables fails (here a stand-in that answers
// like an unprivileged user) Open fails with ErrFirewall and leaves no
// network behind.
func TestFirewallFailure(t *testing.T) {
	c := requireEnv(t)
	dir := t.TempDir()
	fake := "#!/bin/sh\necho 'iptables v1.8.9 (nf_tables): Permission denied (you must be root)' >&2\nexit 4\n"
	require.NoError(t, os.WriteFile(dir+"/iptables", []byte(fake), 0o755))
	t.Setenv("PATH", dir)
	name := uniqueName(t)
	_, err := egress.Open(context.Background(), egress.Config{Name: name, Docker: c})
	require.ErrorIs(t, err, egress.ErrFirewall)
	require.ErrorContains(t, err, "you must be root")
	_, err = c.NetworkInspect(context.Background(), name, network.InspectOptions{})
	require.True(t, client.IsErrNotFound(err), "network left behind: %v", err)
}

// TestOpenNoName: a required field missing is an error, not a panic.
func TestOpenNoName(t *testing.T) {
	_, err := egress.Open(context.Background(), egress.Config{})
	require.ErrorIs(t, err, egress.ErrNetwork)
}
