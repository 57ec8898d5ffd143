package egress

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
)

func answer(s string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, s) })
}

// serve sends one request from src through the router; accepted is the
// binding its connection was accepted under.
func serve(r *router, src string, accepted *route) (int, string) {
	req := httptest.NewRequest(http.MethodGet, "http://example.com/", nil)
	req.RemoteAddr = src
	if accepted != nil {
		req = req.WithContext(context.WithValue(req.Context(), connRouteKey{}, accepted))
	}
	w := httptest.NewRecorder()
	r.ServeHTTP(w, req)
	return w.Code, w.Body.String()
}

func TestRouterBindConflict(t *testing.T) {
	r := newRouter()
	ip := netip.MustParseAddr("172.30.0.2")
	a, b := &route{h: answer("a")}, &route{h: answer("b")}
	require.NoError(t, r.bind(ip, a))
	require.ErrorIs(t, r.bind(ip, b), ErrAddrInUse)
	require.ErrorIs(t, r.bind(netip.MustParseAddr("::ffff:172.30.0.2"), b), ErrAddrInUse, "mapped form is the same address")
	require.ErrorIs(t, r.bind(netip.Addr{}, b), ErrBind)

	r.unbind(ip, b) // not b's: no effect
	require.Same(t, a, r.lookup(ip))
	r.unbind(ip, a)
	require.Nil(t, r.lookup(ip))
	require.NoError(t, r.bind(ip, b))

	r.close()
	require.ErrorIs(t, r.bind(netip.MustParseAddr("172.30.0.3"), a), ErrClosed)
	require.Nil(t, r.lookup(ip))
}

func TestRouterServe(t *testing.T) {
	r := newRouter()
	ipA, ipB := netip.MustParseAddr("172.30.0.2"), netip.MustParseAddr("172.30.0.3")
	a, b := &route{h: answer("a")}, &route{h: answer("b")}
	require.NoError(t, r.bind(ipA, a))
	require.NoError(t, r.bind(ipB, b))

	tests := []struct {
		name     string
		src      string
		accepted *route
		code     int
		body     string
	}{
		{"a", "172.30.0.2:40000", a, 200, "a"},
		{"b", "172.30.0.3:40000", b, 200, "b"},
		{"mapped", "[::ffff:172.30.0.2]:40000", a, 200, "a"},
		{"unknown", "172.30.0.4:40000", nil, 403, "unknown_source"},
		{"garbage addr", "nonsense", a, 403, "unknown_source"},
		{"conn accepted under another binding", "172.30.0.2:40000", b, 403, "unknown_source"},
		{"conn accepted before bind", "172.30.0.2:40000", nil, 403, "unknown_source"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body := serve(r, tt.src, tt.accepted)
			require.Equal(t, tt.code, code)
			require.Equal(t, tt.body, body)
		})
	}

	// A later run reusing a released address does not inherit old connections.
	r.unbind(ipA, a)
	c := &route{h: answer("c")}
	require.NoError(t, r.bind(ipA, c))
	code, body := serve(r, "172.30.0.2:40000", a)
	require.Equal(t, 403, code)
	require.Equal(t, "unknown_source", body)
	code, body = serve(r, "172.30.0.2:40001", c)
	require.Equal(t, 200, code)
	require.Equal(t, "c", body)
}

func TestAttachBind(t *testing.T) {
	e := &Egress{
		name:   "triggerx-egress-unit",
		log:    zap.NewNop(),
		router: newRouter(),
		subnet: netip.MustParsePrefix("172.30.0.0/16"),
		gw:     netip.MustParseAddr("172.30.0.1"),
		port:   3128,
	}
	na1, release1 := e.Attach(answer("one"))
	require.Equal(t, "triggerx-egress-unit", na1.Network)
	require.Equal(t, "http://172.30.0.1:3128", na1.ProxyURL)
	ip := netip.MustParseAddr("172.30.0.2")
	require.NoError(t, na1.Bind(ip))

	na2, release2 := e.Attach(answer("two"))
	require.ErrorIs(t, na2.Bind(ip), ErrAddrInUse, "conflict")
	require.ErrorIs(t, na2.Bind(netip.MustParseAddr("10.0.0.2")), ErrBind, "outside the subnet")
	require.ErrorIs(t, na2.Bind(e.gw), ErrBind, "the gateway")
	require.ErrorIs(t, na2.Bind(netip.MustParseAddr("fe80::1")), ErrBind)

	release1()
	release1() // twice is fine
	require.ErrorIs(t, na1.Bind(netip.MustParseAddr("172.30.0.9")), ErrReleased)
	require.NoError(t, na2.Bind(ip), "released address is free again")
	release2()
	require.Nil(t, e.router.lookup(ip))

	naNil, releaseNil := e.Attach(nil)
	require.ErrorIs(t, naNil.Bind(ip), ErrBind)
	releaseNil()
}

func TestNames(t *testing.T) {
	for _, n := range []string{"triggerx-egress-a", "x", string(make([]byte, 300))} {
		require.LessOrEqual(t, len(bridgeName(n)), 15, "IFNAMSIZ-1")
		require.LessOrEqual(t, len(chainName(n)), 28, "iptables chain name limit")
	}
	require.NotEqual(t, bridgeName("a"), bridgeName("b"))
	require.Equal(t, chainName("a"), chainName("a"))
}
