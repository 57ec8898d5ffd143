package condition

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/websocket"
	"go.uber.org/zap"
)

// WebsocketOptions configure a stream source. Zero fields take the defaults.
type WebsocketOptions struct {
	// MaxAge is how old the latest value may be for Read to return it
	// (default 1m).
	MaxAge time.Duration
	// MinBackoff and MaxBackoff bound the wait before reconnecting, which
	// doubles after each failed connection and is jittered (defaults 500ms
	// and 30s).
	MinBackoff, MaxBackoff time.Duration
	// IdleTimeout closes a connection that delivers no message, ping or pong
	// for that long; the source pings at half of it (default 60s).
	IdleTimeout time.Duration
	// HandshakeTimeout bounds the dial and the handshake (default 10s).
	HandshakeTimeout time.Duration
	// Header is sent with the handshake (e.g. an API key), may be nil.
	Header http.Header
	Logger *zap.Logger
	// Now is the clock of value ages (default time.Now).
	Now func() time.Time
}

// Websocket defaults.
const (
	DefaultWebsocketMaxAge      = time.Minute
	DefaultWebsocketMinBackoff  = 500 * time.Millisecond
	DefaultWebsocketMaxBackoff  = 30 * time.Second
	DefaultWebsocketIdleTimeout = time.Minute
	defaultHandshakeTimeout     = 10 * time.Second
)

func (o *WebsocketOptions) setDefaults() {
	if o.MaxAge <= 0 {
		o.MaxAge = DefaultWebsocketMaxAge
	}
	if o.MinBackoff <= 0 {
		o.MinBackoff = DefaultWebsocketMinBackoff
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = DefaultWebsocketMaxBackoff
	}
	o.MaxBackoff = max(o.MaxBackoff, o.MinBackoff)
	if o.IdleTimeout <= 0 {
		o.IdleTimeout = DefaultWebsocketIdleTimeout
	}
	if o.HandshakeTimeout <= 0 {
		o.HandshakeTimeout = defaultHandshakeTimeout
	}
	if o.Logger == nil {
		o.Logger = zap.NewNop()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
}

// WebsocketSource keeps the latest number of a JSON stream. A background
// goroutine dials the URL, reads each message, extracts the number at the key
// path and keeps the last one with the time it arrived; messages without a
// number there (acknowledgements, heartbeats) are skipped. After any error or
// close it reconnects with capped, jittered exponential backoff, until Close.
//
// Read returns the latest value if it is at most MaxAge old. Read and Close
// are safe for concurrent use.
type WebsocketSource struct {
	url    string
	name   string // url without query, for errors and logs
	path   keyPath
	opts   WebsocketOptions
	logger *zap.Logger

	cancel    context.CancelFunc
	done      chan struct{}
	closeOnce sync.Once

	mu      sync.Mutex
	value   Value
	at      time.Time // when value arrived; zero before the first
	lastErr error     // why the last connection or message failed
	conns   int       // connections made, for tests and logs
	closed  bool
}

// NewWebsocketSource starts following the stream at rawURL (ws or wss).
func NewWebsocketSource(rawURL, keyPath string, opts WebsocketOptions) (*WebsocketSource, error) {
	name, err := sourceURL(rawURL, "ws", "wss")
	if err != nil {
		return nil, err
	}
	p, err := parseKeyPath(keyPath)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidSource, err)
	}
	opts.setDefaults()
	ctx, cancel := context.WithCancel(context.Background())
	s := &WebsocketSource{
		url: rawURL, name: name, path: p, opts: opts,
		logger: opts.Logger.Named("websocket").With(zap.String("url", name)),
		cancel: cancel, done: make(chan struct{}),
	}
	go s.run(ctx)
	return s, nil
}

// Read returns the latest value if it is fresh; otherwise an error wrapping
// ErrStale (or ErrClosed) that says why, including the last connection
// error.
func (s *WebsocketSource) Read(context.Context) (Reading, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return Reading{}, fmt.Errorf("%s: %w", s.name, ErrClosed)
	}
	if s.at.IsZero() {
		return Reading{}, fmt.Errorf("%s: %w: none received yet (last error: %v)", s.name, ErrStale, s.lastErr)
	}
	if age := s.opts.Now().Sub(s.at); age > s.opts.MaxAge {
		return Reading{}, fmt.Errorf("%s: %w: latest value is %s old, max %s (last error: %v)",
			s.name, ErrStale, age.Round(time.Millisecond), s.opts.MaxAge, s.lastErr)
	}
	return Reading{Value: s.value}, nil
}

// Connections returns how many times the source has connected.
func (s *WebsocketSource) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conns
}

// Close stops the background connection and waits for it to end. It is
// idempotent; later Reads fail with ErrClosed.
func (s *WebsocketSource) Close() error {
	s.closeOnce.Do(func() {
		s.mu.Lock()
		s.closed = true
		s.mu.Unlock()
		s.cancel()
		<-s.done
	})
	return nil
}

func (s *WebsocketSource) run(ctx context.Context) {
	defer close(s.done)
	backoff := s.opts.MinBackoff
	failures := 0
	for {
		got, err := s.session(ctx)
		if ctx.Err() != nil {
			return
		}
		s.mu.Lock()
		s.lastErr = err
		s.mu.Unlock()
		if got {
			backoff, failures = s.opts.MinBackoff, 0
		}
		failures++
		wait := jitter(backoff)
		// A stream that drops now and then heals itself: warn only when
		// reconnecting keeps failing.
		log := s.logger.Debug
		if failures == 3 {
			log = s.logger.Warn
		}
		log("Stream disconnected; reconnecting", zap.Error(err), zap.Duration("backoff", wait), zap.Int("failures", failures))
		backoff = min(2*backoff, s.opts.MaxBackoff)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}

// jitter returns a duration in [d/2, d].
func jitter(d time.Duration) time.Duration {
	half := d / 2
	return half + rand.N(d-half+1)
}

// session runs one connection until it fails; got reports whether it
// delivered at least one value.
func (s *WebsocketSource) session(ctx context.Context) (got bool, err error) {
	dialer := websocket.Dialer{
		Proxy:            http.ProxyFromEnvironment,
		HandshakeTimeout: s.opts.HandshakeTimeout,
	}
	dialCtx, cancel := context.WithTimeout(ctx, s.opts.HandshakeTimeout)
	conn, resp, err := dialer.DialContext(dialCtx, s.url, s.opts.Header)
	cancel()
	if resp != nil && resp.Body != nil {
		_ = resp.Body.Close()
	}
	if err != nil {
		if resp != nil {
			return false, fmt.Errorf("dial: %w (status %d)", err, resp.StatusCode)
		}
		return false, fmt.Errorf("dial: %w", err)
	}
	defer conn.Close()
	s.mu.Lock()
	s.conns++
	s.mu.Unlock()
	s.logger.Debug("Stream connected")

	conn.SetReadLimit(maxHTTPBody)
	idle := s.opts.IdleTimeout
	alive := func() { _ = conn.SetReadDeadline(time.Now().Add(idle)) }
	alive()
	conn.SetPongHandler(func(string) error { alive(); return nil })
	conn.SetPingHandler(func(data string) error {
		alive()
		err := conn.WriteControl(websocket.PongMessage, []byte(data), time.Now().Add(time.Second))
		if err == websocket.ErrCloseSent {
			return nil
		}
		return err
	})
	// Closing the connection is what unblocks ReadMessage when ctx ends.
	stop := context.AfterFunc(ctx, func() { _ = conn.Close() })
	defer stop()
	pingDone := make(chan struct{})
	defer close(pingDone)
	go func() {
		t := time.NewTicker(idle / 2)
		defer t.Stop()
		for {
			select {
			case <-pingDone:
				return
			case <-t.C:
				// WriteControl may run concurrently with ReadMessage.
				if conn.WriteControl(websocket.PingMessage, nil, time.Now().Add(idle/2)) != nil {
					return
				}
			}
		}
	}()

	for {
		_, msg, err := conn.ReadMessage()
		if err != nil {
			return got, fmt.Errorf("read: %w", err)
		}
		alive()
		v, err := s.path.extractJSON(msg)
		if err != nil {
			s.mu.Lock()
			s.lastErr = fmt.Errorf("skipped message: %w", err)
			s.mu.Unlock()
			continue
		}
		got = true
		now := s.opts.Now()
		s.mu.Lock()
		s.value, s.at, s.lastErr = v, now, nil
		s.mu.Unlock()
	}
}
