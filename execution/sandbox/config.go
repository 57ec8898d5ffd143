package sandbox

import (
	"context"
	"io"
	"net/netip"
	"time"

	"github.com/docker/docker/api/types"
	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/image"
	"github.com/docker/docker/api/types/network"
	"github.com/docker/docker/client"
	ocispec "github.com/opencontainers/image-spec/specs-go/v1"
	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"
)

// Runtime names a script language the sandbox runs.
type Runtime string

// Runtimes served by the sandbox.
const (
	Node       Runtime = "node"       // node /script/main.js
	TypeScript Runtime = "typescript" // node + in-memory transpile of /script/main.ts
	Python     Runtime = "python"     // python3 /script/main.py
	Go         Runtime = "go"         // go build /script/main.go (stdlib only) && run
)

// Runtimes lists every runtime in a stable order.
var Runtimes = []Runtime{Node, TypeScript, Python, Go}

// DefaultImages are the images built by scripts/runtime-images.sh.
var DefaultImages = map[Runtime]string{
	Node:       "triggerx/runtime-node:1",
	TypeScript: "triggerx/runtime-node:1",
	Python:     "triggerx/runtime-python:1",
	Go:         "triggerx/runtime-go:1",
}

// MaxScriptSize bounds Request.Source (the /script tmpfs is 2 MiB).
const MaxScriptSize = 1 << 20

// Limits bound one run. Zero fields take the defaults (DefaultLimits, and
// DefaultGoLimits for the go runtime, which compiles inside the sandbox).
type Limits struct {
	Memory    int64         // bytes of RAM; swap is disabled (MemorySwap = Memory). Tmpfs pages count too.
	NanoCPUs  int64         // CPU quota in 1e-9 CPUs (1e9 = one core)
	Pids      int64         // max tasks (processes + threads) in the container
	Timeout   time.Duration // wall clock from exec start to exit
	MaxOutput int64         // bytes read from each of stdout and stderr
	TmpfsSize int64         // bytes of the /tmp tmpfs
}

// DefaultLimits apply to node, typescript and python.
var DefaultLimits = Limits{
	Memory:    256 << 20,
	NanoCPUs:  1e9,
	Pids:      128,
	Timeout:   10 * time.Second,
	MaxOutput: 1 << 20,
	TmpfsSize: 64 << 20,
}

// DefaultGoLimits apply to the go runtime: the compiler needs more memory,
// tasks and a larger /tmp (it holds the build cache copy and the binary).
var DefaultGoLimits = Limits{
	Memory:    1 << 30,
	NanoCPUs:  1e9,
	Pids:      512,
	Timeout:   30 * time.Second,
	MaxOutput: 1 << 20,
	TmpfsSize: 512 << 20,
}

func (l Limits) withDefaults(d Limits) Limits {
	if l.Memory == 0 {
		l.Memory = d.Memory
	}
	if l.NanoCPUs == 0 {
		l.NanoCPUs = d.NanoCPUs
	}
	if l.Pids == 0 {
		l.Pids = d.Pids
	}
	if l.Timeout == 0 {
		l.Timeout = d.Timeout
	}
	if l.MaxOutput == 0 {
		l.MaxOutput = d.MaxOutput
	}
	if l.TmpfsSize == 0 {
		l.TmpfsSize = d.TmpfsSize
	}
	return l
}

// Docker is the part of the Docker engine API the sandbox uses;
// *client.Client implements it.
type Docker interface {
	Ping(ctx context.Context) (types.Ping, error)
	ImageInspect(ctx context.Context, imageID string, opts ...client.ImageInspectOption) (image.InspectResponse, error)
	ContainerCreate(ctx context.Context, config *container.Config, hostConfig *container.HostConfig, networkingConfig *network.NetworkingConfig, platform *ocispec.Platform, containerName string) (container.CreateResponse, error)
	ContainerStart(ctx context.Context, containerID string, options container.StartOptions) error
	ContainerKill(ctx context.Context, containerID, signal string) error
	ContainerRemove(ctx context.Context, containerID string, options container.RemoveOptions) error
	ContainerInspect(ctx context.Context, containerID string) (container.InspectResponse, error)
	ContainerExecCreate(ctx context.Context, containerID string, options container.ExecOptions) (container.ExecCreateResponse, error)
	ContainerExecAttach(ctx context.Context, execID string, config container.ExecAttachOptions) (types.HijackedResponse, error)
	ContainerExecInspect(ctx context.Context, execID string) (container.ExecInspect, error)
	ContainerStatsOneShot(ctx context.Context, containerID string) (container.StatsResponseReader, error)
}

var _ Docker = (*client.Client)(nil)

// Config configures a Sandbox.
type Config struct {
	// Docker is the engine client. If nil, one is made from Host, or from the
	// environment (DOCKER_HOST, ...) when Host is empty, and closed by Close.
	Docker Docker
	Host   string
	// Images per runtime; missing entries take DefaultImages.
	Images map[Runtime]string
	// Runtimes enabled (default: all). New checks their images exist.
	Runtimes []Runtime
	// PoolSize is the number of warm containers kept per runtime. nil means 1
	// for every enabled runtime; a runtime absent from a non-nil map gets 0
	// (every run creates a fresh container: "cold").
	PoolSize map[Runtime]int
	// Limits for every runtime; RuntimeLimits overrides them per runtime.
	Limits        Limits
	RuntimeLimits map[Runtime]Limits
	// Logger (default: no-op) and Registerer for metrics (nil: no metrics).
	Logger     *zap.Logger
	Registerer prometheus.Registerer
}

// NetworkAccess grants a run network access, only through the keeper's
// egress proxy (execution/egress owns the network and the proxy listener).
// Network is a Docker network created with Internal=true (no route off the
// host, see doc.go) on which the proxy listens at ProxyURL; the container
// joins only that network and gets HTTP_PROXY/HTTPS_PROXY/ALL_PROXY and
// TRIGGERX_PROXY = ProxyURL.
type NetworkAccess struct {
	Network  string // Docker network name or ID (must be internal)
	ProxyURL string // e.g. http://172.30.0.1:3128
	// Bind, if set, is called once the container has started and before the
	// script runs, with the container's IPv4 address on Network (the proxy
	// routes requests by source address). An error fails the run with
	// ErrSandboxUnavailable; the container is removed.
	Bind func(ip netip.Addr) error
}

// Request is one script run.
type Request struct {
	Runtime Runtime
	Source  []byte // the script file (main.js, main.ts, main.py or main.go)
	Stdin   []byte // the job's JSON context
	// Network is nil for no network at all (the default). Runs with network
	// access always use a fresh container (pools are NetworkMode none).
	Network *NetworkAccess
}

// Report is the resource use of one run.
type Report struct {
	Duration        time.Duration // wall clock of the exec
	PeakMemoryBytes int64         // cgroup peak (v1 max_usage_in_bytes, v2 memory.peak) of the container
	CPUTime         time.Duration // cgroup CPU usage of the container
	OutputBytes     int64         // stdout+stderr bytes produced (including bytes dropped after the cap)
	Truncated       bool          // output was cut at Limits.MaxOutput
}

// Result of a run. Stdout/Stderr hold at most Limits.MaxOutput bytes each.
type Result struct {
	Stdout   []byte
	Stderr   []byte
	ExitCode int // -1 if the process was killed before it exited
	Report   Report
}

// writer is io.Writer used by the output capture.
var _ io.Writer = (*capWriter)(nil)
