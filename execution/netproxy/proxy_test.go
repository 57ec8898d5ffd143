package netproxy_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/execution/netproxy"
)

// upstream is a test API: /price returns a JSON price, /echo the request
// body, /big 100 bytes, /slow waits, /redirect redirects.
func upstream(t *testing.T, tls bool) (*httptest.Server, *atomic.Value) {
	t.Helper()
	price := &atomic.Value{}
	price.Store("1234.5")
	mux := http.NewServeMux()
	mux.HandleFunc("/price", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Secret-Upstream", "not recorded")
		fmt.Fprintf(w, `{"data":{"price":%s,"symbol":"ETH"},"ts":1}`, price.Load())
	})
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprintf(w, "%s %s auth=%s enc=%q", r.Method, b, r.Header.Get("Authorization"), r.Header.Get("Proxy-Authorization"))
	})
	mux.HandleFunc("/private", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer secret" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		w.Write([]byte(`{"ok":true}`))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(strings.Repeat("x", 100))) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/price", http.StatusFound) })
	var s *httptest.Server
	if tls {
		s = httptest.NewTLSServer(mux)
	} else {
		s = httptest.NewServer(mux)
	}
	t.Cleanup(s.Close)
	return s, price
}

func hostOf(s *httptest.Server) string {
	return strings.TrimPrefix(strings.TrimPrefix(s.URL, "http://"), "https://")
}

func start(t *testing.T, p *netproxy.Proxy) (addr string, client *http.Client) {
	t.Helper()
	addr, err := p.Start(t.Context())
	require.NoError(t, err)
	t.Cleanup(p.Close)
	proxyURL, _ := url.Parse("http://" + addr)
	return addr, &http.Client{
		Transport:     &http.Transport{Proxy: http.ProxyURL(proxyURL)},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

type reply struct {
	status int
	reason string
	ctype  string
	body   string
}

func do(t *testing.T, c *http.Client, method, u, body string) reply {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer secret")
	req.Header.Set("Proxy-Authorization", "Basic x")
	resp, err := c.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return reply{resp.StatusCode, resp.Header.Get(netproxy.ReasonHeader), resp.Header.Get("Content-Type"), string(b)}
}

func TestProxyAllowDeny(t *testing.T) {
	allowed, _ := upstream(t, false)
	denied, _ := upstream(t, false)
	p := netproxy.New(netproxy.Config{Allowed: []string{hostOf(allowed)}})
	_, c := start(t, p)

	r := do(t, c, http.MethodGet, allowed.URL+"/price", "")
	require.Equal(t, http.StatusOK, r.status)
	require.Empty(t, r.reason)
	require.Equal(t, "application/json", r.ctype)
	require.JSONEq(t, `{"data":{"price":1234.5,"symbol":"ETH"},"ts":1}`, r.body)

	r = do(t, c, http.MethodPost, allowed.URL+"/echo#frag", "hello")
	require.Equal(t, `POST hello auth=Bearer secret enc=""`, r.body, "headers forwarded, proxy headers not")

	r = do(t, c, http.MethodGet, denied.URL+"/price", "")
	require.Equal(t, http.StatusForbidden, r.status)
	require.Equal(t, netproxy.ReasonDenied, r.reason)

	r = do(t, c, http.MethodGet, allowed.URL+"/redirect", "")
	require.Equal(t, http.StatusFound, r.status, "redirects are not followed by the proxy")

	tr := p.Transcript()
	require.Len(t, tr.Exchanges, 4)
	e := tr.Exchanges[0]
	require.Equal(t, "GET", e.Method)
	require.Equal(t, allowed.URL+"/price", e.URL)
	require.Equal(t, 200, e.Status)
	require.Equal(t, map[string]string{"Content-Type": "application/json"}, e.Header, "only the recorded subset")
	require.Empty(t, e.Error)
	require.Equal(t, allowed.URL+"/echo", tr.Exchanges[1].URL, "fragment dropped")
	require.Equal(t, int64(5), tr.Exchanges[1].RequestSize)
	require.Equal(t, netproxy.ReasonDenied, tr.Exchanges[2].Error)
	require.Equal(t, 403, tr.Exchanges[2].Status)
	require.Equal(t, "/price", tr.Exchanges[3].Header["Location"])
}

func TestProxyHTTPS(t *testing.T) {
	api, _ := upstream(t, true)
	p := netproxy.New(netproxy.Config{Allowed: []string{hostOf(api)}, Client: api.Client()})
	addr, c := start(t, p)

	// CONNECT is refused: a standard client tunnelling https fails.
	_, err := c.Get(api.URL + "/price")
	require.Error(t, err)

	// The fetch endpoint: the proxy does the TLS.
	r := do(t, http.DefaultClient, http.MethodGet, "http://"+addr+"/fetch?url="+url.QueryEscape(api.URL+"/price"), "")
	require.Equal(t, http.StatusOK, r.status)
	require.Contains(t, r.body, `"price":1234.5`)

	// Absolute-form https sent to the proxy in plain text.
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s/price HTTP/1.1\r\nHost: %s\r\n\r\n", api.URL, hostOf(api))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Contains(t, string(b), `"price":1234.5`)

	// Neither a proxy request nor the fetch endpoint.
	r = do(t, http.DefaultClient, http.MethodGet, "http://"+addr+"/other", "")
	require.Equal(t, http.StatusBadRequest, r.status)
	require.Equal(t, netproxy.ReasonBadRequest, r.reason)
	r = do(t, http.DefaultClient, http.MethodGet, "http://"+addr+"/fetch?url="+url.QueryEscape("file:///etc/passwd"), "")
	require.Equal(t, netproxy.ReasonBadRequest, r.reason)

	tr := p.Transcript()
	require.Len(t, tr.Exchanges, 5)
	require.Equal(t, "CONNECT", tr.Exchanges[0].Method)
	require.Equal(t, netproxy.ReasonConnect, tr.Exchanges[0].Error)
	require.Equal(t, http.StatusMethodNotAllowed, tr.Exchanges[0].Status)
	require.Equal(t, tr.Exchanges[1].Body, tr.Exchanges[2].Body)
	require.Equal(t, api.URL+"/price", tr.Exchanges[1].URL)
	require.Equal(t, tr.Exchanges[1].URL, tr.Exchanges[2].URL, "both forms record the same URL")
}

func TestProxyLimits(t *testing.T) {
	api, _ := upstream(t, false)
	t.Run("requests", func(t *testing.T) {
		p := netproxy.New(netproxy.Config{Allowed: []string{hostOf(api)}, MaxRequests: 2})
		_, c := start(t, p)
		require.Equal(t, 200, do(t, c, "GET", api.URL+"/price", "").status)
		require.Equal(t, 403, do(t, c, "GET", "http://example.com/", "").status, "denied requests count")
		r := do(t, c, "GET", api.URL+"/price", "")
		require.Equal(t, http.StatusTooManyRequests, r.status)
		require.Equal(t, netproxy.ReasonRequestLimit, r.reason)
	})
	t.Run("bytes", func(t *testing.T) {
		p := netproxy.New(netproxy.Config{Allowed: []string{hostOf(api)}, MaxBytes: 150})
		_, c := start(t, p)
		require.Equal(t, 200, do(t, c, "GET", api.URL+"/big", "").status)
		r := do(t, c, "GET", api.URL+"/big", "")
		require.Equal(t, http.StatusBadGateway, r.status)
		require.Equal(t, netproxy.ReasonByteLimit, r.reason)
		r = do(t, c, "POST", api.URL+"/echo", strings.Repeat("y", 200))
		require.Equal(t, netproxy.ReasonByteLimit, r.reason, "request bodies count")
	})
	t.Run("timeout", func(t *testing.T) {
		p := netproxy.New(netproxy.Config{Allowed: []string{hostOf(api)}, Timeout: 50 * time.Millisecond})
		_, c := start(t, p)
		r := do(t, c, "GET", api.URL+"/slow", "")
		require.Equal(t, http.StatusBadGateway, r.status)
		require.Equal(t, netproxy.ReasonUpstream, r.reason)
		require.Equal(t, "netproxy: upstream_error\n", r.body, "deterministic body, no error text")
	})
}

func TestProxyLifecycle(t *testing.T) {
	_, err := netproxy.New(netproxy.Config{Allowed: []string{"bad host"}}).Start(t.Context())
	require.ErrorIs(t, err, netproxy.ErrBadPattern)

	netproxy.New(netproxy.Config{}).Close() // before Start: no-op

	ctx, cancel := context.WithCancel(t.Context())
	p := netproxy.New(netproxy.Config{})
	addr, err := p.Start(ctx)
	require.NoError(t, err)
	_, err = p.Start(ctx)
	require.Error(t, err, "starts once")
	cancel()
	require.Eventually(t, func() bool {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
		}
		return err != nil
	}, 2*time.Second, 10*time.Millisecond, "the proxy stops when ctx ends")
	p.Close()
	p.Close()
}

// A Proxy serves as a plain http.Handler behind someone else's listener (a
// keeper's egress server) and counts what its run asked for.
func TestProxyAsHandlerAndStats(t *testing.T) {
	api, _ := upstream(t, false)
	p := netproxy.New(netproxy.Config{Allowed: []string{hostOf(api)}})
	require.NoError(t, p.Err())
	front := httptest.NewServer(p)
	t.Cleanup(front.Close)
	proxyURL, _ := url.Parse(front.URL)
	c := &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(proxyURL)}}

	for _, path := range []string{"/price", "/big"} {
		resp, err := c.Get(api.URL + path)
		require.NoError(t, err)
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode)
	}
	resp, err := c.Get("http://denied.example/")
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusForbidden, resp.StatusCode)

	tr := p.Transcript()
	require.Len(t, tr.Exchanges, 3)
	body := int64(len(tr.Exchanges[0].Body) + len(tr.Exchanges[1].Body))
	require.Equal(t, netproxy.Stats{Requests: 3, Bytes: body}, p.Stats())

	bad := netproxy.New(netproxy.Config{Allowed: []string{"http://x/"}})
	require.ErrorIs(t, bad.Err(), netproxy.ErrBadPattern)
	require.ErrorIs(t, netproxy.CheckAllowed([]string{"ok.example", "*"}), netproxy.ErrBadPattern)
	require.NoError(t, netproxy.CheckAllowed([]string{"ok.example", "*.example.org:8443"}))
}
