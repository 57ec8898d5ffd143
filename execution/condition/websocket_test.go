package condition_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/execution/condition"
)

// streamServer sends {"data":{"price":"<n>"}} with a growing n every few
// milliseconds, after an acknowledgement without a price, and drops each
// connection after perConn prices.
type streamServer struct {
	*httptest.Server
	conns   atomic.Int32
	next    atomic.Int64
	perConn int
	reject  atomic.Bool // refuse handshakes
	stop    chan struct{}
	wg      sync.WaitGroup
}

func newStreamServer(t *testing.T, perConn int) *streamServer {
	s := &streamServer{perConn: perConn, stop: make(chan struct{})}
	up := websocket.Upgrader{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.reject.Load() {
			http.Error(w, "no", http.StatusServiceUnavailable)
			return
		}
		c, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		s.wg.Add(1)
		defer s.wg.Done()
		defer c.Close()
		s.conns.Add(1)
		if c.WriteMessage(websocket.TextMessage, []byte(`{"event":"subscribed"}`)) != nil {
			return
		}
		for range s.perConn {
			n := s.next.Add(1)
			if c.WriteMessage(websocket.TextMessage, fmt.Appendf(nil, `{"data":{"price":"%d.5"}}`, n)) != nil {
				return
			}
			select {
			case <-s.stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
		// Drop the connection without a close frame.
	}))
	t.Cleanup(func() {
		close(s.stop)
		s.Close()
		s.wg.Wait()
	})
	return s
}

func (s *streamServer) wsURL() string { return "ws" + strings.TrimPrefix(s.URL, "http") }

func TestWebsocketSourceReconnects(t *testing.T) {
	srv := newStreamServer(t, 5)
	src, err := condition.NewSource(attestation.ValueSource{Kind: attestation.SourceWebsocket, URL: srv.wsURL(), KeyPath: "data.price"},
		condition.Deps{Logger: zaptest.NewLogger(t), Websocket: condition.WebsocketOptions{
			MaxAge: time.Second, MinBackoff: 5 * time.Millisecond, MaxBackoff: 20 * time.Millisecond,
		}})
	require.NoError(t, err)
	ws := src.(*condition.WebsocketSource)
	t.Cleanup(func() { require.NoError(t, ws.Close()) })

	// Values keep coming across at least three connections, each newer.
	var last condition.Value
	require.Eventually(t, func() bool {
		r, err := ws.Read(t.Context())
		if err != nil {
			return false
		}
		require.GreaterOrEqual(t, r.Value.Cmp(last), 0, "values only move forward")
		last = r.Value
		return srv.conns.Load() >= 3 && ws.Connections() >= 3
	}, 5*time.Second, 2*time.Millisecond)
	require.Equal(t, 1, last.Cmp(mustValue(t, "10")), "value %s comes from a later connection", last)

	require.NoError(t, ws.Close())
	_, err = ws.Read(t.Context())
	require.ErrorIs(t, err, condition.ErrClosed)
	require.NoError(t, ws.Close(), "idempotent")
}

func TestWebsocketSourceStale(t *testing.T) {
	srv := newStreamServer(t, 1)
	var now atomic.Int64
	now.Store(time.Unix(1_700_000_000, 0).UnixNano())
	ws, err := condition.NewWebsocketSource(srv.wsURL(), "data.price", condition.WebsocketOptions{
		MaxAge: 10 * time.Second, MinBackoff: 5 * time.Millisecond, MaxBackoff: 5 * time.Millisecond,
		Now: func() time.Time { return time.Unix(0, now.Load()) },
	})
	require.NoError(t, err)
	t.Cleanup(func() { _ = ws.Close() })
	require.Eventually(t, func() bool { _, err := ws.Read(t.Context()); return err == nil }, 5*time.Second, 2*time.Millisecond)

	// The server now refuses to reconnect; the value ages out.
	srv.reject.Store(true)
	now.Add(int64(11 * time.Second))
	require.Eventually(t, func() bool {
		_, err := ws.Read(t.Context())
		return err != nil && strings.Contains(err.Error(), "status 503")
	}, 5*time.Second, 2*time.Millisecond)
	_, err = ws.Read(t.Context())
	require.ErrorIs(t, err, condition.ErrStale)
	require.ErrorContains(t, err, "11s old, max 10s")
}

func TestWebsocketSourceNoValueYet(t *testing.T) {
	srv := newStreamServer(t, 0)
	srv.reject.Store(true)
	ws, err := condition.NewWebsocketSource(srv.wsURL(), "data.price", condition.WebsocketOptions{MinBackoff: time.Millisecond})
	require.NoError(t, err)
	defer ws.Close()
	require.Eventually(t, func() bool {
		_, err := ws.Read(t.Context())
		return err != nil && strings.Contains(err.Error(), "bad handshake")
	}, 5*time.Second, 2*time.Millisecond)
	_, err = ws.Read(t.Context())
	require.ErrorIs(t, err, condition.ErrStale)
	require.ErrorContains(t, err, "none received yet")
}
