package egress

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"sync"
	"time"

	"github.com/docker/docker/api/types/network"
	"github.com/docker/docker/client"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/execution/sandbox"
)

// Sentinel errors returned (wrapped) by Open, Close and the Bind function of
// an Attach. Callers branch on them with errors.Is.
var (
	// ErrNetwork: the Docker network could not be created, inspected or
	// removed, or a network of the same name exists that is not ours (no
	// label) or still has containers attached.
	ErrNetwork = errors.New("egress: docker network")
	// ErrFirewall: the iptables rules could not be installed or removed
	// (iptables missing, not root / no CAP_NET_ADMIN).
	ErrFirewall = errors.New("egress: firewall")
	// ErrListen: the proxy listener could not be started on the gateway.
	ErrListen = errors.New("egress: proxy listener")
	// ErrBind: Bind got an address it cannot route (invalid, outside the
	// network's subnet) or a nil handler.
	ErrBind = errors.New("egress: bad bind")
	// ErrAddrInUse: Bind got an address already bound to another run.
	ErrAddrInUse = errors.New("egress: address already bound")
	// ErrReleased: Bind was called after the run's release func.
	ErrReleased = errors.New("egress: run released")
	// ErrClosed: Bind was called after Close.
	ErrClosed = errors.New("egress: closed")
)

// Label marks the networks this package owns; Open only ever removes a stale
// network that carries it.
const Label = "network.triggerx.egress"

// apiTimeout bounds each Docker and iptables step of Open and Close.
const apiTimeout = 30 * time.Second

// Config configures Open.
type Config struct {
	// Name of the Docker network the keeper owns, e.g.
	// "triggerx-egress-<suffix>"; required and unique per keeper process.
	Name string
	// Docker is the engine client; nil: one from the environment
	// (client.FromEnv with API version negotiation), closed by Close.
	Docker *client.Client
	// Logger (nil: no-op).
	Logger *zap.Logger
}

// Egress is the keeper-owned network of network-enabled runs and its proxy
// listener. See the package doc.
type Egress struct {
	name, id  string
	docker    *client.Client
	ownClient bool
	log       *zap.Logger
	fw        *firewall
	subnet    netip.Prefix
	gw        netip.Addr
	port      int
	router    *router
	srv       *http.Server
	served    chan struct{}
	closeOnce sync.Once
	closeErr  error
}

// Open creates the network (removing a stale one of the same name left by a
// crash: only if it carries Label and no containers are attached; otherwise
// it fails with ErrNetwork), firewalls it, and starts the proxy listener on
// the bridge's gateway address. On error nothing is left behind.
func Open(ctx context.Context, cfg Config) (*Egress, error) {
	if cfg.Name == "" {
		return nil, fmt.Errorf("open egress: empty network name: %w", ErrNetwork)
	}
	e := &Egress{name: cfg.Name, docker: cfg.Docker, log: cfg.Logger, router: newRouter(), served: make(chan struct{})}
	if e.log == nil {
		e.log = zap.NewNop()
	}
	e.log = e.log.Named("egress").With(zap.String("network", cfg.Name))
	if e.docker == nil {
		c, err := client.NewClientWithOpts(client.FromEnv, client.WithAPIVersionNegotiation())
		if err != nil {
			return nil, fmt.Errorf("docker client: %w: %w", ErrNetwork, err)
		}
		e.docker, e.ownClient = c, true
	}
	var undo []func()
	fail := func(err error) (*Egress, error) {
		for i := len(undo) - 1; i >= 0; i-- {
			undo[i]()
		}
		if e.ownClient {
			_ = e.docker.Close()
		}
		return nil, err
	}

	fw, err := newFirewall(cfg.Name, e.log)
	if err != nil {
		return fail(err)
	}
	e.fw = fw
	fctx, cancel := context.WithTimeout(ctx, apiTimeout)
	defer cancel()
	if err := e.removeStale(fctx); err != nil {
		return fail(err)
	}
	if err := fw.remove(fctx); err != nil { // leftovers of a crash
		return fail(err)
	}

	created, err := e.docker.NetworkCreate(fctx, cfg.Name, network.CreateOptions{
		Driver:   "bridge",
		Internal: true,
		Labels:   map[string]string{Label: "1"},
		Options: map[string]string{
			"com.docker.network.bridge.name":                 fw.bridge,
			"com.docker.network.bridge.enable_icc":           "false",
			"com.docker.network.bridge.enable_ip_masquerade": "false",
		},
	})
	if err != nil {
		return fail(fmt.Errorf("create network %s: %w: %w", cfg.Name, ErrNetwork, err))
	}
	e.id = created.ID
	undo = append(undo, func() { _ = e.removeNetwork() })

	ins, err := e.docker.NetworkInspect(fctx, e.id, network.InspectOptions{})
	if err != nil {
		return fail(fmt.Errorf("inspect network %s: %w: %w", cfg.Name, ErrNetwork, err))
	}
	for _, c := range ins.IPAM.Config {
		gw, gerr := netip.ParseAddr(c.Gateway)
		sub, serr := netip.ParsePrefix(c.Subnet)
		if gerr == nil && serr == nil && gw.Is4() && sub.Contains(gw) {
			e.gw, e.subnet = gw, sub
			break
		}
	}
	if !e.gw.IsValid() {
		return fail(fmt.Errorf("network %s has no IPv4 gateway (IPAM %+v): %w", cfg.Name, ins.IPAM.Config, ErrNetwork))
	}

	var lc net.ListenConfig
	ln, err := lc.Listen(fctx, "tcp4", net.JoinHostPort(e.gw.String(), "0"))
	if err != nil {
		return fail(fmt.Errorf("listen on gateway %s: %w: %w", e.gw, ErrListen, err))
	}
	undo = append(undo, func() { _ = ln.Close() })
	tcp, ok := ln.Addr().(*net.TCPAddr)
	if !ok {
		return fail(fmt.Errorf("listener address %s: %w", ln.Addr(), ErrListen))
	}
	e.port = tcp.Port

	undo = append(undo, func() {
		rctx, cancel := context.WithTimeout(context.Background(), apiTimeout)
		defer cancel()
		_ = fw.remove(rctx)
	})
	if err := fw.install(fctx, e.gw, e.port); err != nil {
		return fail(err)
	}

	e.srv = &http.Server{
		Handler:           e.router,
		ConnContext:       e.router.connContext,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       90 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          zap.NewStdLog(e.log.WithOptions(zap.IncreaseLevel(zap.WarnLevel))),
	}
	go func() {
		defer close(e.served)
		if err := e.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			e.log.Error("egress proxy listener stopped", zap.Error(err))
		}
	}()
	e.log.Info("egress network open", zap.String("bridge", fw.bridge), zap.String("chain", fw.chain),
		zap.Stringer("subnet", e.subnet), zap.String("proxy_addr", e.addr()))
	return e, nil
}

// removeStale removes a network named e.name left by a crashed process.
func (e *Egress) removeStale(ctx context.Context) error {
	ins, err := e.docker.NetworkInspect(ctx, e.name, network.InspectOptions{})
	if client.IsErrNotFound(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("inspect network %s: %w: %w", e.name, ErrNetwork, err)
	}
	if ins.Labels[Label] != "1" {
		return fmt.Errorf("network %s exists and is not an egress network (no label %s): %w", e.name, Label, ErrNetwork)
	}
	if len(ins.Containers) > 0 {
		return fmt.Errorf("stale network %s still has %d containers attached: %w", e.name, len(ins.Containers), ErrNetwork)
	}
	if err := e.docker.NetworkRemove(ctx, ins.ID); err != nil && !client.IsErrNotFound(err) {
		return fmt.Errorf("remove stale network %s: %w: %w", e.name, ErrNetwork, err)
	}
	e.log.Warn("removed stale egress network", zap.String("network_id", ins.ID))
	return nil
}

func (e *Egress) removeNetwork() error {
	ctx, cancel := context.WithTimeout(context.Background(), apiTimeout)
	defer cancel()
	if err := e.docker.NetworkRemove(ctx, e.id); err != nil && !client.IsErrNotFound(err) {
		return fmt.Errorf("remove network %s: %w: %w", e.name, ErrNetwork, err)
	}
	return nil
}

func (e *Egress) addr() string { return net.JoinHostPort(e.gw.String(), strconv.Itoa(e.port)) }

// Network is the Docker network's name.
func (e *Egress) Network() string { return e.name }

// Addr is the proxy listener's address (gateway:port).
func (e *Egress) Addr() netip.AddrPort { return netip.AddrPortFrom(e.gw, uint16(e.port)) }

// Attach returns the NetworkAccess of one run whose proxy is h: the
// container joins the network, ProxyURL is the shared listener and Bind
// routes the container's address to h. Call release after the run; it
// unbinds the address and is safe to call more than once.
func (e *Egress) Attach(h http.Handler) (*sandbox.NetworkAccess, func()) {
	rt := &route{h: h}
	var (
		mu       sync.Mutex
		bound    []netip.Addr
		released bool
	)
	bind := func(ip netip.Addr) error {
		ip = ip.Unmap()
		if h == nil {
			return fmt.Errorf("bind %s: nil proxy handler: %w", ip, ErrBind)
		}
		if !ip.Is4() || !e.subnet.Contains(ip) || ip == e.gw {
			return fmt.Errorf("bind %s: not a container address of %s: %w", ip, e.subnet, ErrBind)
		}
		mu.Lock()
		defer mu.Unlock()
		if released {
			return fmt.Errorf("bind %s: %w", ip, ErrReleased)
		}
		if err := e.router.bind(ip, rt); err != nil {
			return err
		}
		bound = append(bound, ip)
		e.log.Debug("run bound", zap.Stringer("ip", ip))
		return nil
	}
	release := func() {
		mu.Lock()
		ips := bound
		bound, released = nil, true
		mu.Unlock()
		for _, ip := range ips {
			e.router.unbind(ip, rt)
			e.log.Debug("run released", zap.Stringer("ip", ip))
		}
	}
	return &sandbox.NetworkAccess{Network: e.name, ProxyURL: "http://" + e.addr(), Bind: bind}, release
}

// Close stops the listener and removes the network, then the firewall rules
// (left in place if the network could not be removed, e.g. containers are
// still attached: the next Open cleans them). Errors are joined.
func (e *Egress) Close() error {
	e.closeOnce.Do(func() {
		e.router.close()
		var errs []error
		if err := e.srv.Close(); err != nil {
			errs = append(errs, fmt.Errorf("close proxy listener: %w", err))
		}
		<-e.served
		if err := e.removeNetwork(); err != nil {
			errs = append(errs, err)
			e.log.Warn("egress firewall left in place: network not removed", zap.Error(err))
		} else {
			ctx, cancel := context.WithTimeout(context.Background(), apiTimeout)
			if err := e.fw.remove(ctx); err != nil {
				errs = append(errs, err)
			}
			cancel()
		}
		if e.ownClient {
			if err := e.docker.Close(); err != nil {
				errs = append(errs, fmt.Errorf("close docker client: %w", err))
			}
		}
		e.closeErr = errors.Join(errs...)
		e.log.Info("egress network closed", zap.Error(e.closeErr))
	})
	return e.closeErr
}
