package netproxy

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"go.uber.org/zap"
)

// Defaults for zero Config fields.
const (
	DefaultMaxRequests = 32
	DefaultMaxBytes    = 4 << 20
	DefaultTimeout     = 10 * time.Second
	DefaultAddr        = "127.0.0.1:0"
)

// Config configures a live proxy for one script run.
type Config struct {
	// Allowed are the host patterns the script may reach (see the package
	// doc). Empty: every request is denied.
	Allowed []string
	// MaxRequests caps the requests of the run, denied ones included;
	// further requests get 429 request_limit. 0: DefaultMaxRequests.
	MaxRequests int
	// MaxBytes caps the request and response bodies of the run together;
	// the request that crosses it gets 502 byte_limit. 0: DefaultMaxBytes.
	MaxBytes int64
	// Timeout bounds each upstream request. 0: DefaultTimeout.
	Timeout time.Duration
	// Client makes the upstream requests; nil for a client that ignores
	// proxy environment variables. Its redirect policy is replaced: the
	// proxy never follows redirects.
	Client *http.Client
	// Addr is where Start listens. "": DefaultAddr (loopback, a free port).
	Addr string
	// Logger; nil for none.
	Logger *zap.Logger
}

// Proxy is a forward proxy for one script run: live (New), forwarding and
// recording, or replaying a transcript (NewReplay).
type Proxy struct {
	cfg     Config
	allow   allowlist
	err     error // configuration error, returned by Start
	client  *http.Client
	log     *zap.Logger
	replay  bool
	handler http.Handler

	mu       sync.Mutex
	requests int
	bytes    int64
	slots    []*Exchange   // live: the exchanges, nil while in flight
	recorded []Exchange    // replay: the transcript
	used     []bool        // replay: exchanges served
	strays   []Exchange    // replay: requests not in the transcript
	limitAt  int           // replay: index of the request_limit exchange, -1 if none
	headers  []http.Header // replay: the forwarded headers of the request that matched each exchange

	startOnce, closeOnce sync.Once
	srv                  *http.Server
	served               chan struct{}
}

// New returns a live proxy. A malformed allowlist pattern is reported by
// Start.
func New(cfg Config) *Proxy {
	if cfg.MaxRequests <= 0 {
		cfg.MaxRequests = DefaultMaxRequests
	}
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	p := newProxy(cfg)
	p.allow, p.err = parseAllowlist(cfg.Allowed)
	var c http.Client
	if cfg.Client != nil {
		c = *cfg.Client
	} else {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.Proxy = nil
		c.Transport = tr
	}
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	p.client = &c
	p.handler = http.HandlerFunc(p.serveLive)
	return p
}

// NewReplay returns a proxy that answers a re-run of the script from t: each
// request gets the response of the first unused exchange with the same
// method, URL and request body hash, byte for byte; a request not in t gets
// 502 not_in_transcript and is flagged (CheckReplay). If the recorded run hit
// MaxRequests, every request from that point on (by arrival) gets the same
// 429 request_limit answer, as it did live, whatever it asks for. No request
// leaves the keeper.
func NewReplay(t Transcript) *Proxy {
	p := newProxy(Config{MaxBytes: DefaultMaxBytes})
	p.replay = true
	p.recorded = t.Clone().Exchanges
	p.used = make([]bool, len(p.recorded))
	p.headers = make([]http.Header, len(p.recorded))
	p.limitAt = slices.IndexFunc(p.recorded, func(e Exchange) bool { return e.Error == ReasonRequestLimit })
	p.handler = http.HandlerFunc(p.serveReplay)
	return p
}

func newProxy(cfg Config) *Proxy {
	if cfg.Addr == "" {
		cfg.Addr = DefaultAddr
	}
	log := cfg.Logger
	if log == nil {
		log = zap.NewNop()
	}
	return &Proxy{cfg: cfg, log: log.Named("netproxy"), served: make(chan struct{})}
}

// Start listens on Config.Addr and serves until Close or until ctx ends. It
// returns the address to give the script (host:port, for HTTP_PROXY or the
// fetch endpoint). A proxy starts once.
func (p *Proxy) Start(ctx context.Context) (string, error) {
	if p.err != nil {
		return "", fmt.Errorf("start proxy: %w", p.err)
	}
	err := errors.New("start proxy: already started")
	var addr string
	p.startOnce.Do(func() {
		var ln net.Listener
		ln, err = (&net.ListenConfig{}).Listen(ctx, "tcp", p.cfg.Addr)
		if err != nil {
			err = fmt.Errorf("start proxy: %w", err)
			close(p.served)
			return
		}
		addr = ln.Addr().String()
		p.mu.Lock()
		p.srv = &http.Server{
			Handler:           p.handler,
			ReadHeaderTimeout: 5 * time.Second,
			BaseContext:       func(net.Listener) context.Context { return ctx },
		}
		srv := p.srv
		p.mu.Unlock()
		go func() {
			defer close(p.served)
			_ = srv.Serve(ln) // returns http.ErrServerClosed after Close
		}()
		go func() {
			select {
			case <-ctx.Done():
				p.Close()
			case <-p.served:
			}
		}()
		p.log.Debug("proxy started", zap.String("addr", addr), zap.Bool("replay", p.replay))
	})
	return addr, err
}

// Close stops the proxy and drops open connections; it waits until the
// server has stopped. It is safe to call more than once, and before Start.
func (p *Proxy) Close() {
	p.closeOnce.Do(func() {
		p.startOnce.Do(func() { close(p.served) }) // never started: nothing to wait for
		p.mu.Lock()
		srv := p.srv
		p.mu.Unlock()
		if srv != nil {
			_ = srv.Close()
		}
		<-p.served
	})
}

// ServeHTTP serves one request of the script's run, live or from the
// transcript, so that a Proxy can sit behind a listener owned by someone
// else (a keeper's egress server that routes each run's container to its
// proxy) instead of its own (Start).
func (p *Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if p.err != nil {
		http.Error(w, ReasonBadRequest, http.StatusInternalServerError)
		return
	}
	p.handler.ServeHTTP(w, r)
}

// Err reports a configuration error (a malformed allowlist pattern), which
// Start also returns.
func (p *Proxy) Err() error { return p.err }

// Stats is what a run asked of the proxy.
type Stats struct {
	Requests int   // requests received, refused ones included
	Bytes    int64 // request and response bodies forwarded
}

// Stats returns the counts so far.
func (p *Proxy) Stats() Stats {
	p.mu.Lock()
	defer p.mu.Unlock()
	return Stats{Requests: p.requests, Bytes: p.bytes}
}

// Transcript returns the exchanges recorded so far by a live proxy, in the
// order the requests arrived; requests still in flight are left out. Call it
// after the script has exited. A replaying proxy returns an empty transcript.
func (p *Proxy) Transcript() Transcript {
	p.mu.Lock()
	defer p.mu.Unlock()
	t := Transcript{Exchanges: []Exchange{}}
	for _, e := range p.slots {
		if e != nil {
			t.Exchanges = append(t.Exchanges, e.Clone())
		}
	}
	return t
}

// request is an incoming request, parsed the same way live and in replay.
type request struct {
	ex     Exchange // Method, URL, RequestHash, RequestSize set
	target *url.URL // nil for CONNECT and bad requests
	body   []byte
	reason string // ReasonConnect, ReasonBadRequest or ReasonByteLimit if the proxy must refuse
}

// parse reads r's target and body; the body is read up to limit bytes.
func parse(r *http.Request, limit int64) request {
	var q request
	q.ex.Method = r.Method
	if r.Method == http.MethodConnect {
		q.ex.URL = strings.ToLower(r.Host)
		q.reason = ReasonConnect
	} else if u, err := targetURL(r); err != nil {
		q.ex.URL = r.RequestURI
		q.reason = ReasonBadRequest
	} else {
		q.ex.URL, q.target = u.String(), u
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	if err != nil && q.reason == "" {
		q.reason = ReasonBadRequest
	}
	if int64(len(body)) > limit && q.reason == "" {
		q.reason = ReasonByteLimit
	}
	q.body = body
	q.ex.RequestHash = crypto.Keccak256Hash(body)
	q.ex.RequestSize = int64(len(body))
	return q
}

// targetURL returns the normalized absolute URL a proxy request is for:
// the request target in absolute-form, or the url parameter of /fetch.
func targetURL(r *http.Request) (*url.URL, error) {
	u := r.URL
	if !u.IsAbs() {
		if u.Path != "/fetch" {
			return nil, errors.New("not a proxy request")
		}
		raw := u.Query().Get("url")
		var err error
		if u, err = url.Parse(raw); err != nil {
			return nil, err
		}
	}
	v := *u
	v.Scheme = strings.ToLower(v.Scheme)
	if v.Scheme != "http" && v.Scheme != "https" {
		return nil, errors.New("scheme must be http or https")
	}
	if v.User != nil || v.Host == "" || v.Opaque != "" {
		return nil, errors.New("want an absolute URL with a host and no user info")
	}
	v.Host = strings.ToLower(v.Host)
	v.Fragment, v.RawFragment = "", ""
	return &v, nil
}

func (p *Proxy) serveLive(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	p.requests++
	if p.requests > p.cfg.MaxRequests+1 {
		p.mu.Unlock()
		// Past the limit every request gets the same answer, recorded once
		// (the first refused request) so that the transcript stays bounded;
		// a replay answers the same way (see serveReplay).
		serve(w, limitExchange())
		return
	}
	idx := len(p.slots)
	p.slots = append(p.slots, nil)
	overCount := p.requests > p.cfg.MaxRequests
	remaining := p.cfg.MaxBytes - p.bytes
	p.mu.Unlock()

	q := parse(r, max(remaining, 0))
	ex := q.ex
	switch {
	case q.reason == ReasonConnect:
		refuse(&ex, http.StatusMethodNotAllowed, q.reason)
	case q.reason == ReasonBadRequest:
		refuse(&ex, http.StatusBadRequest, q.reason)
	case overCount:
		refuse(&ex, http.StatusTooManyRequests, ReasonRequestLimit)
	case !p.allow.allows(q.target):
		refuse(&ex, http.StatusForbidden, ReasonDenied)
	case q.reason == ReasonByteLimit || !p.charge(int64(len(q.body))):
		refuse(&ex, http.StatusBadGateway, ReasonByteLimit)
	default:
		p.forward(r, q, &ex)
	}
	p.mu.Lock()
	p.slots[idx] = &ex
	p.mu.Unlock()
	p.log.Debug("exchange", zap.Int("index", idx), zap.String("method", ex.Method), zap.String("url", ex.URL),
		zap.Int("status", ex.Status), zap.String("reason", ex.Error), zap.Int("bytes", len(ex.Body)))
	serve(w, ex)
}

// charge counts n bytes against MaxBytes; false once the budget is spent.
func (p *Proxy) charge(n int64) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bytes+n > p.cfg.MaxBytes {
		p.bytes = p.cfg.MaxBytes
		return false
	}
	p.bytes += n
	return true
}

// hopHeaders are not forwarded upstream.
var hopHeaders = []string{"Connection", "Proxy-Connection", "Keep-Alive", "Proxy-Authenticate",
	"Proxy-Authorization", "Te", "Trailer", "Transfer-Encoding", "Upgrade", "Accept-Encoding"}

// forwardHeaders returns the request headers sent upstream: all but the
// hop-by-hop and proxy headers and Accept-Encoding.
func forwardHeaders(in http.Header) http.Header {
	h := in.Clone()
	for _, f := range in.Values("Connection") {
		for _, name := range strings.Split(f, ",") {
			h.Del(strings.TrimSpace(name))
		}
	}
	for _, name := range hopHeaders {
		h.Del(name)
	}
	return h
}

// forward makes the upstream request and fills ex with the response.
func (p *Proxy) forward(r *http.Request, q request, ex *Exchange) {
	ctx, cancel := context.WithTimeout(r.Context(), p.cfg.Timeout)
	defer cancel()
	out, err := http.NewRequestWithContext(ctx, q.ex.Method, q.ex.URL, bytes.NewReader(q.body))
	if err != nil {
		refuse(ex, http.StatusBadRequest, ReasonBadRequest)
		return
	}
	out.Header = forwardHeaders(r.Header)
	resp, err := p.client.Do(out)
	if err != nil {
		p.log.Debug("upstream request failed", zap.String("url", q.ex.URL), zap.Error(err))
		refuse(ex, http.StatusBadGateway, ReasonUpstream)
		return
	}
	defer resp.Body.Close()
	p.mu.Lock()
	remaining := p.cfg.MaxBytes - p.bytes
	p.mu.Unlock()
	body, err := io.ReadAll(io.LimitReader(resp.Body, remaining+1))
	if err != nil {
		p.log.Debug("read upstream response", zap.String("url", q.ex.URL), zap.Error(err))
		refuse(ex, http.StatusBadGateway, ReasonUpstream)
		return
	}
	if int64(len(body)) > remaining || !p.charge(int64(len(body))) {
		refuse(ex, http.StatusBadGateway, ReasonByteLimit)
		return
	}
	ex.Status = resp.StatusCode
	ex.Header = map[string]string{}
	for _, h := range RecordedHeaders {
		if vs := resp.Header.Values(h); len(vs) > 0 {
			ex.Header[h] = strings.Join(vs, ", ")
		}
	}
	ex.Body = body
}

// limitExchange is the answer to a request past MaxRequests.
func limitExchange() Exchange {
	var ex Exchange
	refuse(&ex, http.StatusTooManyRequests, ReasonRequestLimit)
	return ex
}

// refuse makes ex the proxy's own answer with a deterministic body.
func refuse(ex *Exchange, status int, reason string) {
	ex.Status = status
	ex.Error = reason
	ex.Header = map[string]string{"Content-Type": "text/plain; charset=utf-8"}
	ex.Body = []byte("netproxy: " + reason + "\n")
}

// serve writes ex to the script.
func serve(w http.ResponseWriter, ex Exchange) {
	h := w.Header()
	for k, v := range ex.Header {
		h.Set(k, v)
	}
	if ex.Error != "" {
		h.Set(ReasonHeader, ex.Error)
	}
	h.Set("Content-Length", strconv.Itoa(len(ex.Body)))
	w.WriteHeader(ex.Status)
	_, _ = w.Write(ex.Body)
}
