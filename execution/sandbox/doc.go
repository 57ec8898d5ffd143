// Package sandbox runs job scripts (JavaScript, TypeScript, Python, Go) in
// hardened, single-use Docker containers. It is the keeper's only way to
// execute user code; the script contract is a JSON context on stdin and a
// JSON result on stdout.
//
// # Hardening (every container, see containerSpec)
//
//   - not privileged; no bind mounts at all (no Docker socket, no host
//     directory): the script is streamed in through the exec's stdin by the
//     image's launcher (/opt/triggerx/run.sh) into /script, a 2 MiB tmpfs;
//   - NetworkMode none (and NetworkDisabled) unless Request.Network is set,
//     then the container joins only the given internal network (see below);
//   - read-only root filesystem; /tmp is a size-limited tmpfs owned by the
//     sandbox user, mounted noexec,nosuid,nodev (exec for the go runtime,
//     which builds and runs its binary there);
//   - CapDrop ALL, no-new-privileges, Docker's default seccomp and AppArmor
//     profiles stay on, private IPC namespace, logging driver none;
//   - PidsLimit, Memory = MemorySwap (no swap), NanoCPUs, nofile 1024, no
//     core dumps;
//   - non-root user 65534:65534 for the container and every exec;
//   - a wall-clock timeout that kills the container;
//   - stdout and stderr are each read up to Limits.MaxOutput; beyond that
//     reading stops, the container is killed and Report.Truncated is set.
//
// Containers are never reused: after every run (successful or not) the
// container is force-removed in the background and the pool filler creates a
// replacement, so no state (files, processes, tmpfs) leaks between jobs.
//
// # Warm pools
//
// For each enabled runtime a filler goroutine keeps Config.PoolSize
// containers created, started (idling in `sleep infinity`) and prepared (go:
// the image's pre-warmed build cache copied to the tmpfs GOCACHE). A run
// takes one, saving the create/start cost. When the pool is empty (burst, or
// PoolSize 0) the run creates a container itself ("cold"). Runs with network
// access are always cold since pool containers have no network.
//
// Node, TypeScript and Python pool containers also hold a resident
// interpreter (residentCmd): an exec, attached, that started the runtime
// (and loaded the TypeScript compiler) before any script was known and
// waits on stdin. The run writes the script's length, the script and the
// job's context to it: no exec and no interpreter start on the run's path.
// The interpreter writes the script to /script and runs it as the main
// module in its own process, exactly as the launcher would (same files,
// same argv, same exit status). It is still one container per run: the
// container, resident included, is removed afterwards. Go runs (a compile
// per script) and cold runs exec the launcher /opt/triggerx/run.sh.
//
// # Runtimes
//
//   - node: node /script/main.js (CommonJS, node 20 of the image);
//   - typescript: the node image; node 20 cannot strip types, so
//     /opt/triggerx/ts-run.js transpiles main.ts in memory with the
//     `typescript` package (transpileModule: no type check) and runs it;
//   - python: python3 /script/main.py (stdlib only);
//   - go: a single-file main package using the standard library only:
//     `go build` with GOCACHE/GOPATH on the tmpfs, GOPROXY=off,
//     GOTOOLCHAIN=local, CGO_ENABLED=0 (no module downloads, no cgo), then the
//     binary runs; a compile error is exit status 1 (nonzero_exit). The
//     compile counts against the run's limits (DefaultGoLimits).
//
// # Network access
//
// Request.Network names a Docker network created with Internal=true (e.g.
// `docker network create --internal triggerx-egress`): Docker installs no
// route and no NAT for it, so nothing off the host is reachable
// (TestNetworkAccess). The keeper's egress proxy is passed as
// NetworkAccess.ProxyURL and exported to the script as HTTP(S)_PROXY,
// ALL_PROXY and TRIGGERX_PROXY (the last for clients that ignore proxy
// variables, e.g. node's fetch, which can call
// fetch(process.env.TRIGGERX_PROXY + "/fetch?url=" + encodeURIComponent(url)));
// the proxy enforces the job's allowed hosts and records the transcript.
// Pool containers never have a network, so these runs are always cold. When
// NetworkAccess.Bind is set, the container's IPv4 address on the network is
// handed to it after the container starts and before the script runs, so the
// proxy can tell runs apart by source address.
//
// DNS: the engine's embedded resolver (127.0.0.11) of engines before 26
// forwards names it does not know to the upstream servers even for internal
// networks (CVE-2024-29018), which lets a script exfiltrate data in DNS
// queries; when the upstream is a loopback address (systemd-resolved) it is
// even dialed from the host's namespace. Network runs therefore get one
// upstream server, 192.0.2.1 (TEST-NET-1: not loopback, never a Docker
// subnet), and no search domains or options. The resolver dials upstreams
// from the container's namespace, which on an internal network has no route
// to it, so every forward fails at once; only names of the network itself
// resolve, and scripts reach the outside only through the proxy, which
// resolves names on the host.
//
// Caveat, measured on this engine: "internal" only blocks forwarding. The
// host itself still accepts packets from the bridge on every local address
// (the bridge gateway, docker0's 172.17.0.1, ...), so any host service bound
// to 0.0.0.0 is reachable from a network-enabled script, and runs on the
// same network can reach each other. Package execution/egress closes this:
// it owns the network (inter-container traffic disabled), firewalls its
// bridge so the host accepts nothing from it but the proxy's port on the
// gateway address, and routes each proxy request to its run by source
// address (NetworkAccess.Bind). Engine 28 has another way
// (com.docker.network.bridge.gateway_mode_ipv4=isolated, the bridge gets no
// host address), not available on 20.10.
//
// Without Request.Network (the default) the container has only a loopback
// interface and none of this applies.
//
// # Resource report and reasons
//
// After the script exits, a probe exec reads the container's cgroup counters
// (v1 and v2): peak memory, CPU time, oom_kill and pids.events max. When the
// sandbox kills a run (timeout, output cap) it samples the engine's stats API
// first instead. Every failure wraps one sentinel error; Reason maps it to the
// stable codes documented in reasons.md.
//
// # Concurrency contract
//
// New starts one filler goroutine per runtime with a pool. Run is safe for
// concurrent use; each call owns its container exclusively, and concurrency
// is bounded only by the caller (each run costs one container's limits).
// Close stops the fillers, waits for in-flight runs, removes every container
// it owns and must be called exactly once; Run after Close returns ErrClosed.
package sandbox
