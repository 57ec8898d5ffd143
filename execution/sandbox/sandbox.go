package sandbox

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/docker/docker/api/types"
	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/client"
	"github.com/docker/docker/pkg/stdcopy"
	"go.uber.org/zap"
)

// apiTimeout bounds every single Docker API call made outside the script's
// own wall-clock budget (create, start, kill, remove, probe).
const apiTimeout = 30 * time.Second

// Sandbox runs scripts in hardened, single-use Docker containers taken from
// warm per-runtime pools. See the package doc for the concurrency contract.
type Sandbox struct {
	docker    Docker
	ownClient *client.Client
	log       *zap.Logger
	metrics   *metrics
	images    map[Runtime]string
	limits    map[Runtime]Limits
	pools     map[Runtime]*pool

	ctx     context.Context // ends at Close; parents background work
	cancel  context.CancelFunc
	fillers sync.WaitGroup // pool fillers
	bg      sync.WaitGroup // container removals
	mu      sync.RWMutex
	closed  bool
}

// New connects to Docker, checks the runtime images and starts filling the
// warm pools in the background. It does not wait for the pools to be full.
func New(ctx context.Context, cfg Config) (*Sandbox, error) {
	s := &Sandbox{
		docker: cfg.Docker,
		log:    cfg.Logger,
		images: map[Runtime]string{},
		limits: map[Runtime]Limits{},
		pools:  map[Runtime]*pool{},
	}
	if s.log == nil {
		s.log = zap.NewNop()
	}
	s.log = s.log.Named("sandbox")
	if s.docker == nil {
		opts := []client.Opt{client.FromEnv, client.WithAPIVersionNegotiation()}
		if cfg.Host != "" {
			opts = append(opts, client.WithHost(cfg.Host))
		}
		c, err := client.NewClientWithOpts(opts...)
		if err != nil {
			return nil, fmt.Errorf("docker client: %w: %w", ErrSandboxUnavailable, err)
		}
		s.docker, s.ownClient = c, c
	}
	closeClient := func() {
		if s.ownClient != nil {
			_ = s.ownClient.Close()
		}
	}
	m, err := newMetrics(cfg.Registerer)
	if err != nil {
		closeClient()
		return nil, fmt.Errorf("register sandbox metrics: %w", err)
	}
	s.metrics = m

	pctx, cancel := context.WithTimeout(ctx, apiTimeout)
	defer cancel()
	if _, err := s.docker.Ping(pctx); err != nil {
		closeClient()
		return nil, fmt.Errorf("ping docker: %w: %w", ErrSandboxUnavailable, err)
	}

	rts := cfg.Runtimes
	if len(rts) == 0 {
		rts = Runtimes
	}
	for _, rt := range rts {
		if _, ok := DefaultImages[rt]; !ok {
			closeClient()
			return nil, fmt.Errorf("enable runtime %q: %w", rt, ErrUnknownRuntime)
		}
		img := cfg.Images[rt]
		if img == "" {
			img = DefaultImages[rt]
		}
		if _, err := s.docker.ImageInspect(pctx, img); err != nil {
			closeClient()
			if client.IsErrNotFound(err) {
				return nil, fmt.Errorf("inspect image %s for %s (build it with scripts/runtime-images.sh): %w", img, rt, ErrImageMissing)
			}
			return nil, fmt.Errorf("inspect image %s: %w: %w", img, ErrSandboxUnavailable, err)
		}
		s.images[rt] = img
		def := DefaultLimits
		if rt == Go {
			def = DefaultGoLimits
		}
		s.limits[rt] = cfg.RuntimeLimits[rt].withDefaults(cfg.Limits.withDefaults(def))
	}

	s.ctx, s.cancel = context.WithCancel(context.WithoutCancel(ctx))
	for rt := range s.images {
		n := 1
		if cfg.PoolSize != nil {
			n = cfg.PoolSize[rt]
		}
		p := &pool{rt: rt, ready: make(chan warm, max(n, 0))}
		s.pools[rt] = p
		if n > 0 {
			s.fillers.Add(1)
			go s.fill(p)
		}
	}
	s.log.Info("sandbox started", zap.Int("runtimes", len(s.images)))
	return s, nil
}

// Close stops the pool fillers, removes every container the sandbox owns and
// waits for background removals. Runs in flight finish first.
func (s *Sandbox) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	s.mu.Unlock() // in-flight Runs hold RLock; Lock above waited for them
	s.cancel()
	s.fillers.Wait()
	for _, p := range s.pools {
		for {
			select {
			case w := <-p.ready:
				s.discard(w)
				continue
			default:
			}
			break
		}
	}
	s.bg.Wait()
	if s.ownClient != nil {
		return s.ownClient.Close()
	}
	return nil
}

// pool is the set of started, prepared, never-used containers of a runtime.
type pool struct {
	rt    Runtime
	ready chan warm
}

// warm is a pooled container and, for runtimes with a resident
// interpreter, the exec already running it and waiting for a script.
type warm struct {
	id       string
	pid      int       // the container's init process on the host; 0: unknown (hostCgroup inspects)
	resident *resident // nil: the run execs the launcher
}

// resident is an exec running residentCmd, attached, past its ready
// marker.
type resident struct {
	execID string
	hj     types.HijackedResponse
}

// fill keeps p.ready full, backing off while Docker fails.
func (s *Sandbox) fill(p *pool) {
	defer s.fillers.Done()
	backoff := 100 * time.Millisecond
	for {
		w, err := s.warmContainer(s.ctx, p.rt)
		if err != nil {
			if s.ctx.Err() != nil {
				return
			}
			s.log.Warn("fill warm pool", zap.String("runtime", string(p.rt)), zap.Error(err))
			select {
			case <-s.ctx.Done():
				return
			case <-time.After(backoff):
			}
			backoff = min(backoff*2, 10*time.Second)
			continue
		}
		backoff = 100 * time.Millisecond
		select {
		case p.ready <- w:
			s.metrics.setReady(p.rt, len(p.ready))
		case <-s.ctx.Done():
			s.discard(w)
			return
		}
	}
}

// warmContainer starts a container for the pool and, when its runtime has
// one, its resident interpreter.
func (s *Sandbox) warmContainer(ctx context.Context, rt Runtime) (warm, error) {
	id, err := s.startContainer(ctx, rt, nil)
	if err != nil {
		return warm{}, err
	}
	w := warm{id: id}
	// Off the run's path: where hostCgroup finds the container's cgroup.
	if in, err := s.docker.ContainerInspect(ctx, id); err == nil && in.State != nil {
		w.pid = in.State.Pid
	}
	cmd := residentCmd(rt)
	if cmd == nil {
		return w, nil
	}
	if w.resident, err = s.startResident(ctx, id, cmd); err != nil {
		s.remove(id)
		return warm{}, fmt.Errorf("start %s resident interpreter: %w: %w", rt, ErrSandboxUnavailable, err)
	}
	return w, nil
}

// startResident execs cmd in container id, attached, and waits for its
// ready marker.
func (s *Sandbox) startResident(ctx context.Context, id string, cmd []string) (*resident, error) {
	ctx, cancel := context.WithTimeout(ctx, apiTimeout)
	defer cancel()
	ex, err := s.docker.ContainerExecCreate(ctx, id, container.ExecOptions{
		User: fmt.Sprintf("%d:%d", sandboxUID, sandboxUID), Cmd: cmd, WorkingDir: "/tmp",
		AttachStdin: true, AttachStdout: true, AttachStderr: true,
	})
	if err != nil {
		return nil, fmt.Errorf("create exec: %w", err)
	}
	hj, err := s.docker.ContainerExecAttach(ctx, ex.ID, container.ExecAttachOptions{})
	if err != nil {
		return nil, fmt.Errorf("attach exec: %w", err)
	}
	if deadline, ok := ctx.Deadline(); ok {
		_ = hj.Conn.SetReadDeadline(deadline)
	}
	err = readReady(hj.Reader, readyMarker)
	_ = hj.Conn.SetReadDeadline(time.Time{})
	if err != nil {
		hj.Close()
		return nil, err
	}
	return &resident{execID: ex.ID, hj: hj}, nil
}

// readReady reads the multiplexed exec stream up to the end of marker on
// stdout; anything else first (a crash on stderr) is an error.
func readReady(r io.Reader, marker string) error {
	var got []byte
	var hdr [8]byte
	for len(got) < len(marker) {
		if _, err := io.ReadFull(r, hdr[:]); err != nil {
			return fmt.Errorf("read ready marker: %w", err)
		}
		n := int(hdr[4])<<24 | int(hdr[5])<<16 | int(hdr[6])<<8 | int(hdr[7])
		if n > len(marker)-len(got) && hdr[0] == byte(stdcopy.Stdout) || n > 64<<10 {
			return fmt.Errorf("read ready marker: frame of %d bytes", n)
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(r, b); err != nil {
			return fmt.Errorf("read ready marker: %w", err)
		}
		if hdr[0] != byte(stdcopy.Stdout) {
			return fmt.Errorf("interpreter wrote %q before it was ready", b)
		}
		got = append(got, b...)
	}
	if string(got) != marker {
		return fmt.Errorf("ready marker %q, want %q", got, marker)
	}
	return nil
}

// discard removes a pooled container that will not run.
func (s *Sandbox) discard(w warm) {
	if w.resident != nil {
		w.resident.hj.Close()
	}
	s.remove(w.id)
}

// acquire takes a warm container, or creates one if the pool is empty or the
// run needs network access.
func (s *Sandbox) acquire(ctx context.Context, rt Runtime, na *NetworkAccess) (warm, bool, error) {
	if na == nil {
		select {
		case w := <-s.pools[rt].ready:
			s.metrics.setReady(rt, len(s.pools[rt].ready))
			return w, true, nil
		default:
		}
	}
	id, err := s.startContainer(ctx, rt, na)
	return warm{id: id}, false, err
}

// startContainer creates, starts and prepares one hardened container.
func (s *Sandbox) startContainer(ctx context.Context, rt Runtime, na *NetworkAccess) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, apiTimeout)
	defer cancel()
	cfg, hc := containerSpec(rt, s.images[rt], s.limits[rt], na)
	// A name of our own lets us remove a container whose create call failed
	// after the engine made it (e.g. the context ended mid-call).
	var rnd [8]byte
	_, _ = rand.Read(rnd[:])
	name := fmt.Sprintf("triggerx-sandbox-%s-%x", rt, rnd)
	created, err := s.docker.ContainerCreate(ctx, cfg, hc, nil, nil, name)
	if err != nil {
		s.remove(name)
		return "", fmt.Errorf("create %s container: %w: %w", rt, ErrSandboxUnavailable, err)
	}
	id := created.ID
	if err := s.docker.ContainerStart(ctx, id, container.StartOptions{}); err != nil {
		s.remove(id)
		return "", fmt.Errorf("start %s container: %w: %w", rt, ErrSandboxUnavailable, err)
	}
	if na != nil && na.Bind != nil {
		if err := s.bind(ctx, id, na); err != nil {
			s.remove(id)
			return "", fmt.Errorf("bind %s container to network %s: %w: %w", rt, na.Network, ErrSandboxUnavailable, err)
		}
	}
	if cmd := prepareCmd(rt); cmd != nil {
		var out bytes.Buffer
		code, err := s.execSimple(ctx, id, cmd, &out, &out)
		if err != nil || code != 0 {
			s.remove(id)
			return "", fmt.Errorf("prepare %s container (exit %d, %q): %w: %v", rt, code, out.String(), ErrSandboxUnavailable, err)
		}
	}
	s.log.Debug("container ready", zap.String("runtime", string(rt)), zap.String("container", id[:12]))
	return id, nil
}

// bind reads the container's IPv4 address on na.Network and hands it to
// na.Bind.
func (s *Sandbox) bind(ctx context.Context, id string, na *NetworkAccess) error {
	in, err := s.docker.ContainerInspect(ctx, id)
	if err != nil {
		return fmt.Errorf("inspect container: %w", err)
	}
	ip, err := networkAddr(in, na.Network)
	if err != nil {
		return err
	}
	if err := na.Bind(ip); err != nil {
		return fmt.Errorf("bind %s: %w", ip, err)
	}
	return nil
}

// networkAddr returns the container's IPv4 address on the network named (or
// identified) by nw.
func networkAddr(in container.InspectResponse, nw string) (netip.Addr, error) {
	if in.NetworkSettings == nil {
		return netip.Addr{}, errors.New("container has no network settings")
	}
	for name, ep := range in.NetworkSettings.Networks {
		if ep == nil {
			continue
		}
		if name != nw && ep.NetworkID != nw && (len(nw) < 12 || !strings.HasPrefix(ep.NetworkID, nw)) {
			continue
		}
		ip, err := netip.ParseAddr(ep.IPAddress)
		if err != nil || !ip.Is4() {
			return netip.Addr{}, fmt.Errorf("container has no IPv4 address on network %s (%q)", nw, ep.IPAddress)
		}
		return ip, nil
	}
	return netip.Addr{}, fmt.Errorf("container is not attached to network %s", nw)
}

// remove force-removes a container in the background (kills it first).
func (s *Sandbox) remove(id string) {
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		ctx, cancel := context.WithTimeout(context.Background(), apiTimeout)
		defer cancel()
		if err := s.docker.ContainerRemove(ctx, id, container.RemoveOptions{Force: true, RemoveVolumes: true}); err != nil && !client.IsErrNotFound(err) {
			s.log.Warn("remove container", zap.String("container", id[:min(12, len(id))]), zap.Error(err))
		}
	}()
}

// execSimple runs cmd in a container and collects its output.
func (s *Sandbox) execSimple(ctx context.Context, id string, cmd []string, stdout, stderr io.Writer) (int, error) {
	ex, err := s.docker.ContainerExecCreate(ctx, id, container.ExecOptions{Cmd: cmd, AttachStdout: true, AttachStderr: true})
	if err != nil {
		return -1, err
	}
	hj, err := s.docker.ContainerExecAttach(ctx, ex.ID, container.ExecAttachOptions{})
	if err != nil {
		return -1, err
	}
	defer hj.Close()
	if _, err := stdcopy.StdCopy(stdout, stderr, hj.Reader); err != nil {
		return -1, err
	}
	return s.exitCode(ctx, ex.ID)
}

// exitCode waits for an exec to be reported as exited.
func (s *Sandbox) exitCode(ctx context.Context, execID string) (int, error) {
	for {
		in, err := s.docker.ContainerExecInspect(ctx, execID)
		if err != nil {
			return -1, err
		}
		if !in.Running {
			return in.ExitCode, nil
		}
		select {
		case <-ctx.Done():
			return -1, ctx.Err()
		case <-time.After(5 * time.Millisecond):
		}
	}
}

// Run executes one script in a fresh container and returns its output and
// resource report. A limit breach returns the Result together with a wrapped
// sentinel error (see Reason). The container is destroyed afterwards.
func (s *Sandbox) Run(ctx context.Context, req Request) (Result, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return Result{}, ErrClosed
	}
	start := time.Now()
	res, err := s.run(ctx, req)
	reason := Reason(err)
	s.metrics.observeRun(req.Runtime, reason, time.Since(start))
	s.log.Debug("script run", zap.String("runtime", string(req.Runtime)), zap.String("reason", reason),
		zap.Int("exit_code", res.ExitCode), zap.Duration("duration", res.Report.Duration),
		zap.Int64("peak_memory_bytes", res.Report.PeakMemoryBytes), zap.Duration("cpu_time", res.Report.CPUTime),
		zap.Int64("output_bytes", res.Report.OutputBytes))
	return res, err
}

func (s *Sandbox) run(ctx context.Context, req Request) (Result, error) {
	rt := req.Runtime
	if _, ok := s.images[rt]; !ok {
		return Result{}, fmt.Errorf("run %q: %w", rt, ErrUnknownRuntime)
	}
	if len(req.Source) > MaxScriptSize {
		return Result{}, fmt.Errorf("run %s script of %d bytes: %w", rt, len(req.Source), ErrScriptTooLarge)
	}
	lim := s.limits[rt]
	w, isWarm, err := s.acquire(ctx, rt, req.Network)
	if err != nil {
		return Result{}, err
	}
	s.metrics.acquired(rt, isWarm)
	id := w.id
	defer s.remove(id) // never reused: destroyed (and replaced by the filler) after every run

	// API calls outside the script's budget use a context that survives the
	// run's timeout but stays bounded.
	apiCtx, apiCancel := context.WithTimeout(context.WithoutCancel(ctx), apiTimeout)
	defer apiCancel()

	var (
		execID string
		hj     types.HijackedResponse
		header []byte // before the source: a resident reads its length first
	)
	if w.resident != nil {
		// The container may have died while idle (engine restart, a
		// kill): then the run goes to a fresh one.
		if in, err := s.docker.ContainerExecInspect(apiCtx, w.resident.execID); err != nil || !in.Running {
			s.log.Warn("warm container unusable, retrying cold", zap.String("runtime", string(rt)), zap.Error(err))
			w.resident.hj.Close()
			w.resident, w.pid = nil, 0
			if id, err = s.startContainer(ctx, rt, req.Network); err != nil {
				return Result{}, err
			}
			defer s.remove(id)
			isWarm = false
		}
	}
	if w.resident != nil {
		execID, hj = w.resident.execID, w.resident.hj
		header = []byte(strconv.Itoa(len(req.Source)) + "\n")
	} else {
		execOpts := container.ExecOptions{
			User:         fmt.Sprintf("%d:%d", sandboxUID, sandboxUID),
			Cmd:          []string{launcher, string(rt), strconv.Itoa(len(req.Source))},
			AttachStdin:  true,
			AttachStdout: true,
			AttachStderr: true,
			WorkingDir:   "/tmp",
		}
		ex, err := s.docker.ContainerExecCreate(apiCtx, id, execOpts)
		if err != nil && isWarm {
			// The warm container may have died while idle (engine restart):
			// retry once in a fresh one.
			s.log.Warn("warm container unusable, retrying cold", zap.String("runtime", string(rt)), zap.Error(err))
			if id, err = s.startContainer(ctx, rt, req.Network); err == nil {
				w.pid = 0
				defer s.remove(id)
				ex, err = s.docker.ContainerExecCreate(apiCtx, id, execOpts)
			}
		}
		if err != nil {
			return Result{}, fmt.Errorf("create exec: %w: %w", ErrSandboxUnavailable, err)
		}
		if hj, err = s.docker.ContainerExecAttach(apiCtx, ex.ID, container.ExecAttachOptions{}); err != nil {
			return Result{}, fmt.Errorf("attach exec: %w: %w", ErrSandboxUnavailable, err)
		}
		execID = ex.ID
	}
	defer hj.Close()
	started := time.Now()

	go func() { // script source, then the job's stdin, then EOF
		_, _ = hj.Conn.Write(slices.Concat(header, req.Source, req.Stdin))
		_ = hj.CloseWrite()
	}()

	limitHit := make(chan struct{})
	var once sync.Once
	hit := func() { once.Do(func() { close(limitHit) }) }
	stdout := &capWriter{max: lim.MaxOutput, onLimit: hit}
	stderr := &capWriter{max: lim.MaxOutput, onLimit: hit}
	copied := make(chan error, 1)
	go func() {
		_, err := stdcopy.StdCopy(stdout, stderr, hj.Reader)
		copied <- err
	}()

	timer := time.NewTimer(lim.Timeout)
	defer timer.Stop()
	var killed error // why the sandbox killed the container, if it did
	select {
	case <-copied:
	case <-timer.C:
		killed = ErrTimeout
	case <-limitHit:
		killed = ErrOutputLimit
	case <-ctx.Done():
		killed = ctx.Err()
	}
	res := Result{ExitCode: -1}
	var cg cgroupStats
	if killed != nil {
		res.Report.Duration = time.Since(started)
		hj.Close() // stop reading output now
		<-copied
		t0 := time.Now()
		// Sample the cgroup before killing: a fork bomb leaves no room to exec a probe.
		cg = s.statsAPI(apiCtx, id)
		if err := s.docker.ContainerKill(apiCtx, id, "KILL"); err != nil && !client.IsErrNotFound(err) {
			s.log.Warn("kill container", zap.String("container", id[:12]), zap.Error(err))
		}
		s.log.Debug("killed container", zap.String("container", id[:12]), zap.NamedError("reason", killed), zap.Duration("stats_and_kill", time.Since(t0)))
	} else {
		res.Report.Duration = time.Since(started)
	}
	if killed == nil {
		code, err := s.exitCode(apiCtx, execID)
		if err != nil {
			return res, fmt.Errorf("inspect exec: %w: %w", ErrSandboxUnavailable, err)
		}
		res.ExitCode = code
		cg = s.probe(apiCtx, id, w.pid)
	}
	res.Stdout, res.Stderr = stdout.buf.Bytes(), stderr.buf.Bytes()
	res.Report.OutputBytes = stdout.n + stderr.n
	res.Report.Truncated = stdout.truncated || stderr.truncated
	res.Report.PeakMemoryBytes = cg.peakMemory
	res.Report.CPUTime = cg.cpu

	switch {
	case errors.Is(killed, ErrOutputLimit):
		return res, fmt.Errorf("run %s script: %w", rt, ErrOutputLimit)
	case cg.oomKills > 0 || (rt == Node || rt == TypeScript) && res.ExitCode == 134 && bytes.Contains(res.Stderr, []byte("heap out of memory")):
		return res, fmt.Errorf("run %s script: %w", rt, ErrMemoryLimit)
	case cg.pidsMax > 0 || cg.pidsAtLimit(lim.Pids):
		return res, fmt.Errorf("run %s script: %w", rt, ErrPidsLimit)
	case killed != nil:
		return res, fmt.Errorf("run %s script: %w", rt, killed)
	case res.ExitCode != 0:
		return res, fmt.Errorf("run %s script (exit %d): %w", rt, res.ExitCode, ErrNonzeroExit)
	}
	return res, nil
}

// cgroupStats are the container's cgroup counters after (or at the kill of) a run.
type cgroupStats struct {
	peakMemory int64
	cpu        time.Duration
	oomKills   int64
	pidsMax    int64 // times a fork failed at pids.max
	pidsNow    int64 // current tasks (from the stats API only)
}

func (c cgroupStats) pidsAtLimit(limit int64) bool { return c.pidsNow > 0 && c.pidsNow >= limit-1 }

// probe reads the container's cgroup counters: from the host's cgroup
// filesystem when this process shares the engine's (hostCgroup), else by
// reading the cgroup files inside the container (cgroup v1 and v2), else
// from the stats API.
func (s *Sandbox) probe(ctx context.Context, id string, pid int) cgroupStats {
	if b, ok := s.hostCgroup(ctx, id, pid); ok {
		return parseProbe(b)
	}
	var out bytes.Buffer
	// head exits 1 for the files of the other cgroup version; that is fine.
	if _, err := s.execSimple(ctx, id, probeCmd, &out, io.Discard); err != nil || !bytes.Contains(out.Bytes(), []byte("==> ")) {
		return s.statsAPI(ctx, id)
	}
	return parseProbe(out.Bytes())
}

// hostCgroup reads the container's cgroup files on the host, in probeCmd's
// output format, without an exec: the container's init process (pid, or
// from an inspect when 0) names its cgroup in /proc/<pid>/cgroup. That holds when this process
// sees the engine's processes and cgroup filesystem (a keeper on the
// Docker host); the path must name the container, else (another PID
// namespace, a remote engine) ok is false and the caller execs the probe.
func (s *Sandbox) hostCgroup(ctx context.Context, id string, pid int) ([]byte, bool) {
	if pid <= 0 {
		in, err := s.docker.ContainerInspect(ctx, id)
		if err != nil || in.State == nil || in.State.Pid <= 0 {
			return nil, false
		}
		pid = in.State.Pid
	}
	cg, err := os.ReadFile(fmt.Sprintf("/proc/%d/cgroup", pid))
	if err != nil {
		return nil, false
	}
	var out bytes.Buffer
	read := func(dir string, files ...string) {
		for _, f := range files {
			if b, err := os.ReadFile(dir + "/" + f); err == nil {
				fmt.Fprintf(&out, "==> %s/%s <==\n%s\n", dir, f, b)
			}
		}
	}
	for line := range strings.Lines(string(cg)) {
		// hierarchy-id:controllers:path; cgroup v2 is "0::path".
		parts := strings.SplitN(strings.TrimSpace(line), ":", 3)
		if len(parts) != 3 || !strings.Contains(parts[2], id) {
			continue
		}
		ctls, path := parts[1], parts[2]
		if ctls == "" {
			read("/sys/fs/cgroup"+path, "memory.peak", "memory.events", "pids.events", "cpu.stat")
			continue
		}
		dir := "/sys/fs/cgroup/" + ctls + path // v1: one hierarchy per controller set
		for ctl := range strings.SplitSeq(ctls, ",") {
			switch ctl {
			case "memory":
				read(dir, "memory.max_usage_in_bytes", "memory.oom_control")
			case "pids":
				read(dir, "pids.events")
			case "cpuacct":
				read(dir, "cpuacct.usage")
			}
		}
	}
	if out.Len() == 0 {
		return nil, false
	}
	return out.Bytes(), true
}

func parseProbe(b []byte) cgroupStats {
	var c cgroupStats
	var file string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		if f, ok := strings.CutPrefix(line, "==> "); ok {
			file = strings.TrimSuffix(f, " <==")
			continue
		}
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		num := func(i int) int64 {
			if i >= len(fields) {
				return 0
			}
			v, _ := strconv.ParseInt(fields[i], 10, 64)
			return v
		}
		switch {
		case strings.HasSuffix(file, "memory.max_usage_in_bytes"), strings.HasSuffix(file, "memory.peak"):
			c.peakMemory = max(c.peakMemory, num(0))
		case strings.HasSuffix(file, "cpuacct.usage"):
			c.cpu = time.Duration(num(0))
		case strings.HasSuffix(file, "cpu.stat") && len(fields) == 2 && fields[0] == "usage_usec":
			c.cpu = time.Duration(num(1)) * time.Microsecond
		case (strings.HasSuffix(file, "memory.oom_control") || strings.HasSuffix(file, "memory.events")) && len(fields) == 2 && fields[0] == "oom_kill":
			c.oomKills = num(1)
		case strings.HasSuffix(file, "pids.events") && len(fields) == 2 && fields[0] == "max":
			c.pidsMax = num(1)
		}
	}
	return c
}

// statsAPI reads one stats sample from the engine (works on a container that
// cannot run an exec any more).
func (s *Sandbox) statsAPI(ctx context.Context, id string) cgroupStats {
	r, err := s.docker.ContainerStatsOneShot(ctx, id)
	if err != nil {
		return cgroupStats{}
	}
	defer r.Body.Close()
	var st container.StatsResponse
	if err := json.NewDecoder(r.Body).Decode(&st); err != nil {
		return cgroupStats{}
	}
	peak := int64(st.MemoryStats.MaxUsage) // cgroup v1; v2 reports no peak: use current usage
	if peak == 0 {
		peak = int64(st.MemoryStats.Usage)
	}
	return cgroupStats{
		peakMemory: peak,
		cpu:        time.Duration(st.CPUStats.CPUUsage.TotalUsage),
		pidsNow:    int64(st.PidsStats.Current),
	}
}

// capWriter keeps the first max bytes, counts the rest and calls onLimit once
// the cap is exceeded.
type capWriter struct {
	buf       bytes.Buffer
	max       int64
	n         int64
	truncated bool
	onLimit   func()
}

func (w *capWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	if room := w.max - int64(w.buf.Len()); room > 0 {
		w.buf.Write(p[:min(int64(len(p)), room)])
	}
	if w.n > w.max && !w.truncated {
		w.truncated = true
		w.onLimit()
	}
	return len(p), nil
}

// Ready reports how many warm containers of a runtime are waiting in its pool.
func (s *Sandbox) Ready(rt Runtime) int {
	p, ok := s.pools[rt]
	if !ok {
		return 0
	}
	return len(p.ready)
}
