package sandbox

import (
	"fmt"
	"strconv"

	"github.com/docker/docker/api/types/container"
)

const (
	sandboxUID  = 65534 // user "sandbox" (nobody) in the runtime images
	labelKey    = "org.triggerx.sandbox"
	launcher    = "/opt/triggerx/run.sh"
	scriptTmpfs = 2 << 20
	// unroutableDNS is the only upstream resolver of network runs: TEST-NET-1
	// (RFC 5737), never assigned to a Docker network and not loopback.
	unroutableDNS = "192.0.2.1"
)

// containerSpec returns the hardened create configuration for a runtime's
// container. Every container the sandbox creates goes through here.
func containerSpec(rt Runtime, img string, l Limits, na *NetworkAccess) (*container.Config, *container.HostConfig) {
	user := fmt.Sprintf("%d:%d", sandboxUID, sandboxUID)
	owner := fmt.Sprintf("uid=%d,gid=%d", sandboxUID, sandboxUID)
	tmpOpts := "rw,nosuid,nodev,noexec,mode=0700," + owner + ",size=" + strconv.FormatInt(l.TmpfsSize, 10)
	if rt == Go {
		// go build writes and the launcher executes the binary in /tmp.
		tmpOpts = "rw,nosuid,nodev,exec,mode=0700," + owner + ",size=" + strconv.FormatInt(l.TmpfsSize, 10)
	}
	pids := l.Pids
	cfg := &container.Config{
		Image:           img,
		User:            user,
		Cmd:             []string{"/bin/sleep", "infinity"},
		Env:             runtimeEnv(rt, na),
		WorkingDir:      "/tmp",
		Hostname:        "sandbox",
		NetworkDisabled: na == nil,
		Labels:          map[string]string{labelKey: string(rt)},
		AttachStdin:     false,
		OpenStdin:       false,
		Tty:             false,
	}
	hc := &container.HostConfig{
		Privileged:     false,
		NetworkMode:    "none",
		ReadonlyRootfs: true,
		Tmpfs: map[string]string{
			"/tmp":    tmpOpts,
			"/script": "rw,nosuid,nodev,noexec,mode=0700," + owner + ",size=" + strconv.Itoa(scriptTmpfs),
		},
		CapDrop:     []string{"ALL"},
		SecurityOpt: []string{"no-new-privileges:true"},
		IpcMode:     "private",
		LogConfig:   container.LogConfig{Type: "none"},
		Resources: container.Resources{
			Memory:     l.Memory,
			MemorySwap: l.Memory, // equal: no swap
			NanoCPUs:   l.NanoCPUs,
			PidsLimit:  &pids,
			Ulimits: []*container.Ulimit{
				{Name: "nofile", Soft: 1024, Hard: 1024},
				{Name: "core", Soft: 0, Hard: 0},
			},
		},
	}
	if na != nil {
		hc.NetworkMode = container.NetworkMode(na.Network)
		// The embedded resolver (127.0.0.11) of engines < 26 forwards names
		// it does not know upstream even for internal networks
		// (CVE-2024-29018: DNS exfiltration). Its only upstream is an
		// address that is not loopback (loopback upstreams are dialed from
		// the host's namespace) and has no route from the container's
		// namespace, so every forward fails at once. See doc.go.
		hc.DNS = []string{unroutableDNS}
		hc.DNSSearch = []string{}
		hc.DNSOptions = []string{}
	}
	return cfg, hc
}

func runtimeEnv(rt Runtime, na *NetworkAccess) []string {
	env := []string{"HOME=/tmp", "TMPDIR=/tmp", "LANG=C.UTF-8", "PATH=/usr/local/bin:/usr/bin:/bin"}
	switch rt {
	case Python:
		env = append(env, "PYTHONDONTWRITEBYTECODE=1")
	case Go:
		env = append(env,
			"GOCACHE=/tmp/gocache", "GOPATH=/tmp/gopath", "GOTMPDIR=/tmp",
			"GOTOOLCHAIN=local", "GOPROXY=off", "GOFLAGS=-trimpath", "GO111MODULE=on",
			"CGO_ENABLED=0", "GOTELEMETRY=off", "GOENV=off")
	}
	if na != nil && na.ProxyURL != "" {
		// TRIGGERX_PROXY serves clients that ignore the proxy variables
		// (node's fetch): fetch(TRIGGERX_PROXY + "/fetch?url=" + encodeURIComponent(url)).
		for _, k := range []string{"HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy", "TRIGGERX_PROXY"} {
			env = append(env, k+"="+na.ProxyURL)
		}
	}
	return env
}

// prepareCmd runs in a new container before it is handed to a run (go: copy
// the image's pre-warmed build cache to the writable tmpfs).
func prepareCmd(rt Runtime) []string {
	if rt == Go {
		return []string{"/bin/cp", "-r", "/opt/gocache", "/tmp/gocache"}
	}
	return nil
}

// probeCmd prints the container's cgroup counters (v1 and v2 paths; the
// absent ones are skipped) in one process: GNU head prefixes each file with
// "==> path <==".
var probeCmd = []string{"/bin/head", "-n", "64",
	"/sys/fs/cgroup/memory/memory.max_usage_in_bytes", "/sys/fs/cgroup/memory/memory.oom_control",
	"/sys/fs/cgroup/pids/pids.events", "/sys/fs/cgroup/cpuacct/cpuacct.usage",
	"/sys/fs/cgroup/memory.peak", "/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/pids.events", "/sys/fs/cgroup/cpu.stat",
}

// readyMarker is what a resident interpreter writes to stdout once it waits
// for its script; the sandbox reads it before pooling the container.
const readyMarker = "\x00triggerx-ready\n"

// residentCmd is the resident interpreter a warm container of rt runs
// before any script is known (nil: rt has none; go compiles per run): it
// starts the runtime (and loads the TypeScript compiler), writes
// readyMarker, then reads a decimal byte count and a newline, that many
// bytes of script, writes the script to /script as run.sh would and runs it
// in the same process, which inherits the rest of stdin (the job's
// context). Reads are exact, so nothing of the context is consumed. A run
// then costs no exec and no interpreter start, only the script itself.
func residentCmd(rt Runtime) []string {
	switch rt {
	case Node, TypeScript:
		return []string{"/usr/bin/node", "-e", residentJS, string(rt)}
	case Python:
		return []string{"/usr/bin/python3", "-c", residentPy}
	}
	return nil
}

// residentJS runs main.js (node) or main.ts transpiled as ts-run.js does
// (typescript) as the main CommonJS module, as `node main.js` would.
const residentJS = `'use strict';
const fs = require('fs'), Module = require('module');
const rt = process.argv[1];
const ts = rt === 'typescript' ? require('/opt/typescript') : null;
function read(n) {
  const b = Buffer.alloc(n);
  for (let o = 0; o < n;) {
    let r;
    try { r = fs.readSync(0, b, o, n - o, null); } catch (e) { if (e.code === 'EAGAIN') continue; throw e; }
    if (r === 0) process.exit(125);
    o += r;
  }
  return b;
}
fs.writeSync(1, '\x00triggerx-ready\n');
let line = '';
for (;;) {
  const c = read(1)[0];
  if (c === 10) break;
  if (c < 48 || c > 57 || line.length > 9) process.exit(125);
  line += String.fromCharCode(c);
}
const src = read(parseInt(line, 10)).toString('utf8');
const file = ts ? '/script/main.ts' : '/script/main.js';
fs.writeFileSync(file, src);
const code = ts ? ts.transpileModule(src, {fileName: file, reportDiagnostics: false,
  compilerOptions: {module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true}}).outputText : src;
process.argv = [process.argv[0], file];
const m = new Module(file, null);
m.id = '.';
m.filename = file;
m.paths = Module._nodeModulePaths('/script');
process.mainModule = m;
m._compile(code, file);
`

// residentPy runs main.py as __main__, as `python3 main.py` would.
const residentPy = `import os, sys
def read(n):
    b = b''
    while len(b) < n:
        c = os.read(0, n - len(b))
        if not c:
            os._exit(125)
        b += c
    return b
os.write(1, b'\x00triggerx-ready\n')
line = b''
while True:
    c = read(1)
    if c == b'\n':
        break
    if not c.isdigit() or len(line) > 9:
        os._exit(125)
    line += c
src = read(int(line))
path = '/script/main.py'
with open(path, 'wb') as f:
    f.write(src)
sys.argv = [path]
sys.path[0] = '/script'
g = {'__name__': '__main__', '__file__': path, '__builtins__': __builtins__}
exec(compile(src, path, 'exec'), g)
`
