package egress

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"sync"
)

// route is one run's binding of a source address to its proxy. Its pointer
// identity tells bindings of the same address apart over time.
type route struct {
	h http.Handler
}

// router maps container source addresses to their runs' handlers and serves
// the shared proxy listener.
type router struct {
	mu     sync.RWMutex
	routes map[netip.Addr]*route
	closed bool
}

func newRouter() *router { return &router{routes: map[netip.Addr]*route{}} }

// bind registers rt for ip; an address bound already is refused.
func (r *router) bind(ip netip.Addr, rt *route) error {
	ip = ip.Unmap()
	if !ip.IsValid() {
		return fmt.Errorf("bind invalid address: %w", ErrBind)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return fmt.Errorf("bind %s: %w", ip, ErrClosed)
	}
	if _, ok := r.routes[ip]; ok {
		return fmt.Errorf("bind %s: %w", ip, ErrAddrInUse)
	}
	r.routes[ip] = rt
	return nil
}

// unbind removes the binding of ip if it is still rt.
func (r *router) unbind(ip netip.Addr, rt *route) {
	ip = ip.Unmap()
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.routes[ip] == rt {
		delete(r.routes, ip)
	}
}

func (r *router) lookup(ip netip.Addr) *route {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.routes[ip.Unmap()]
}

func (r *router) close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.closed = true
	clear(r.routes)
}

type connRouteKey struct{}

// connContext records the binding a connection is accepted under
// (http.Server.ConnContext).
func (r *router) connContext(ctx context.Context, c net.Conn) context.Context {
	ip, ok := remoteIP(c.RemoteAddr().String())
	if !ok {
		return ctx
	}
	if rt := r.lookup(ip); rt != nil {
		return context.WithValue(ctx, connRouteKey{}, rt)
	}
	return ctx
}

// ServeHTTP hands the request to the handler bound to its source address,
// provided the binding is the one its connection was accepted under.
func (r *router) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	ip, ok := remoteIP(req.RemoteAddr)
	var rt *route
	if ok {
		rt = r.lookup(ip)
	}
	if rt == nil || req.Context().Value(connRouteKey{}) != rt {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.WriteHeader(http.StatusForbidden)
		_, _ = io.WriteString(w, "unknown_source")
		return
	}
	rt.h.ServeHTTP(w, req)
}

func remoteIP(addr string) (netip.Addr, bool) {
	ap, err := netip.ParseAddrPort(addr)
	if err != nil {
		return netip.Addr{}, false
	}
	return ap.Addr().Unmap(), true
}
