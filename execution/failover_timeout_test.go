package execution_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/execution"
)

// The secrets an operator's RPC URL holds; no error or log may show them.
const (
	secretPath = "/v3/SECRETKEY"
	secretUser = "user:PASSWORD"
)

// endpointMode is how a stubEndpoint treats requests.
type endpointMode int32

const (
	modeChainID endpointMode = iota // answers every call with chain id 1337
	modeError                       // 500 Internal Server Error
	modeHang                        // reads the request and never answers
)

// stubEndpoint is an HTTP JSON-RPC endpoint that knows one answer (the
// simulated chain's id) and can fail.
type stubEndpoint struct {
	srv  *httptest.Server
	mode atomic.Int32
	hung atomic.Int32 // requests left hanging
}

func newStubEndpoint(t *testing.T, mode endpointMode) *stubEndpoint {
	t.Helper()
	s := &stubEndpoint{}
	s.mode.Store(int32(mode))
	release := make(chan struct{})
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		switch endpointMode(s.mode.Load()) {
		case modeHang:
			s.hung.Add(1)
			select {
			case <-r.Context().Done(): // the client gave up
			case <-release:
			}
		case modeError:
			http.Error(w, "upstream down", http.StatusInternalServerError)
		default:
			var req struct {
				ID json.RawMessage `json:"id"`
			}
			_ = json.Unmarshal(body, &req)
			w.Header().Set("Content-Type", "application/json")
			_, _ = fmt.Fprintf(w, `{"jsonrpc":"2.0","id":%s,"result":"0x539"}`, req.ID)
		}
	}))
	t.Cleanup(func() { close(release); s.srv.Close() })
	return s
}

// secretURL returns the endpoint's URL with credentials in the user info
// and the path.
func (s *stubEndpoint) secretURL() string {
	return "http://" + secretUser + "@" + s.srv.Listener.Addr().String() + secretPath
}

// refusedURL returns a URL with secrets where nothing listens.
func refusedURL(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	u := "http://" + secretUser + "@" + ln.Addr().String() + secretPath
	require.NoError(t, ln.Close())
	return u
}

// dialEndpoint returns an Endpoint over an ethclient of rawURL, named as
// node names it.
func dialEndpoint(t *testing.T, rawURL string) execution.Endpoint {
	t.Helper()
	c, err := ethclient.DialContext(t.Context(), rawURL)
	require.NoError(t, err)
	t.Cleanup(c.Close)
	return execution.Endpoint{Name: execution.EndpointName(rawURL), Chain: c}
}

// requireClean fails if s shows a secret of an RPC URL.
func requireClean(t *testing.T, s string) {
	t.Helper()
	for _, secret := range []string{"SECRETKEY", "PASSWORD", "/v3"} {
		require.NotContains(t, s, secret)
	}
}

// TestFailoverHungEndpoint: the current endpoint accepts requests and never
// answers; calls fail over to the next one when the attempt times out,
// before the caller's deadline.
func TestFailoverHungEndpoint(t *testing.T) {
	for _, tc := range []struct {
		name     string
		opts     []execution.FailoverOption
		deadline time.Duration // of the caller; 0: none
	}{
		{name: "default attempt timeout", deadline: time.Minute},
		{name: "caller without deadline", opts: []execution.FailoverOption{execution.WithAttemptTimeout(time.Second)}},
		{name: "caller deadline shorter than attempt timeout", opts: []execution.FailoverOption{execution.WithAttemptTimeout(time.Hour)},
			deadline: 6 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sim, _, _ := newFailoverSim(t, 0)
			hung := newStubEndpoint(t, modeChainID)
			log, logs := observed()
			f, err := execution.NewFailover(t.Context(), []execution.Endpoint{
				dialEndpoint(t, hung.secretURL()), {Name: "sim", Chain: sim.Client()},
			}, log, tc.opts...)
			require.NoError(t, err)
			hung.mode.Store(int32(modeHang))

			ctx := t.Context()
			if tc.deadline > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tc.deadline)
				defer cancel()
			}
			h, err := f.HeaderByNumber(ctx, nil)
			require.NoError(t, err)
			require.NotNil(t, h)
			require.NoError(t, ctx.Err(), "answered before the caller's deadline")
			require.Equal(t, "sim", f.Current())
			require.Equal(t, int32(1), hung.hung.Load())

			warns := logs.FilterMessage("switched RPC endpoint").All()
			require.Len(t, warns, 1)
			require.Contains(t, warns[0].ContextMap()["error"], "no answer within the attempt timeout")
			requireClean(t, fmt.Sprint(warns[0].ContextMap()))

			// Sticky: the hung endpoint gets no more calls.
			_, err = f.HeaderByNumber(ctx, nil)
			require.NoError(t, err)
			require.Equal(t, int32(1), hung.hung.Load())
		})
	}
}

// TestFailoverHungAtConstruction: an endpoint that hangs from the start
// does not hold NewFailover up until its ctx ends; the one that answers
// becomes current.
func TestFailoverHungAtConstruction(t *testing.T) {
	sim, _, _ := newFailoverSim(t, 0)
	hung := newStubEndpoint(t, modeHang)
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	f, err := execution.NewFailover(ctx, []execution.Endpoint{
		dialEndpoint(t, hung.secretURL()), {Name: "sim", Chain: sim.Client()},
	}, nil, execution.WithAttemptTimeout(time.Second))
	require.NoError(t, err)
	require.NoError(t, ctx.Err())
	require.Equal(t, "sim", f.Current())
}

// TestFailoverSubscribeUntimed: request/response calls run under the
// attempt timeout, subscriptions do not (a Chain may end a subscription
// with the ctx it was made with).
func TestFailoverSubscribeUntimed(t *testing.T) {
	_, a, _ := newFailoverSim(t, 0)
	rec := &deadlines{Chain: a}
	f, err := execution.NewFailover(t.Context(), []execution.Endpoint{{Name: "a", Chain: rec}}, nil)
	require.NoError(t, err)

	_, err = f.HeaderByNumber(t.Context(), nil)
	require.NoError(t, err)
	require.True(t, rec.header.Load(), "a call gets the attempt timeout")
	sub, err := f.SubscribeFilterLogs(t.Context(), ethereum.FilterQuery{}, make(chan types.Log))
	require.NoError(t, err)
	sub.Unsubscribe()
	require.False(t, rec.subscribe.Load(), "a subscription gets no deadline")
}

// deadlines records whether calls came with a deadline.
type deadlines struct {
	execution.Chain
	header, subscribe atomic.Bool
}

func (d *deadlines) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	_, ok := ctx.Deadline()
	d.header.Store(ok)
	return d.Chain.HeaderByNumber(ctx, n)
}

func (d *deadlines) SubscribeFilterLogs(ctx context.Context, q ethereum.FilterQuery, ch chan<- types.Log) (ethereum.Subscription, error) {
	_, ok := ctx.Deadline()
	d.subscribe.Store(ok)
	return d.Chain.SubscribeFilterLogs(ctx, q, ch)
}

// TestFailoverErrorsHideURL: whatever way endpoints with secrets in their
// URLs fail, with one endpoint or several, the error names them without the
// secrets, and errors.Is and errors.As still reach the cause.
func TestFailoverErrorsHideURL(t *testing.T) {
	type failure struct {
		name  string
		setup func(t *testing.T) (url string, fail func()) // fail: the endpoint fails from now on
		check func(t *testing.T, err error)
	}
	stub := func(mode endpointMode) func(t *testing.T) (string, func()) {
		return func(t *testing.T) (string, func()) {
			s := newStubEndpoint(t, modeChainID)
			return s.secretURL(), func() { s.mode.Store(int32(mode)) }
		}
	}
	failures := []failure{
		{"connection refused", func(t *testing.T) (string, func()) {
			// Answers the chain id at construction, then stops listening.
			s := newStubEndpoint(t, modeChainID)
			return s.secretURL(), s.srv.Close
		}, func(t *testing.T, err error) {
			require.ErrorIs(t, err, syscall.ECONNREFUSED)
		}},
		{"HTTP 500", stub(modeError), func(t *testing.T, err error) {
			var he rpc.HTTPError
			require.ErrorAs(t, err, &he)
			require.Equal(t, http.StatusInternalServerError, he.StatusCode)
		}},
		{"hang", stub(modeHang), func(t *testing.T, err error) {
			require.ErrorIs(t, err, context.DeadlineExceeded)
		}},
	}
	for _, fl := range failures {
		for _, n := range []int{1, 2} {
			t.Run(fmt.Sprintf("%s/%d endpoints", fl.name, n), func(t *testing.T) {
				var eps []execution.Endpoint
				var fails []func()
				for range n {
					u, fail := fl.setup(t)
					ep := dialEndpoint(t, u)
					ep.Name = fmt.Sprintf("%s#%d", ep.Name, len(eps)) // same host, another port: unique anyway
					eps = append(eps, ep)
					fails = append(fails, fail)
				}
				f, err := execution.NewFailover(t.Context(), eps, nil, execution.WithAttemptTimeout(time.Second))
				require.NoError(t, err)
				for _, fail := range fails {
					fail()
				}
				// Long enough for the attempt timeout, short enough that a
				// last endpoint that hangs ends the call soon.
				ctx, cancel := context.WithTimeout(t.Context(), 4*time.Second)
				defer cancel()
				_, err = f.HeaderByNumber(ctx, nil)
				require.Error(t, err)
				t.Log(err)
				requireClean(t, err.Error())
				require.Contains(t, err.Error(), "http://127.0.0.1:")
				fl.check(t, err)
				var ue *url.Error
				if errors.As(err, &ue) {
					requireClean(t, ue.URL)
					requireClean(t, ue.Error())
				}
			})
		}
	}

	// The caller gives up while the only endpoint hangs: the ctx error
	// carries the endpoint's URL too.
	t.Run("caller deadline", func(t *testing.T) {
		s := newStubEndpoint(t, modeChainID)
		f, err := execution.NewFailover(t.Context(), []execution.Endpoint{dialEndpoint(t, s.secretURL())}, nil)
		require.NoError(t, err)
		s.mode.Store(int32(modeHang))
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		_, err = f.HeaderByNumber(ctx, nil)
		require.ErrorIs(t, err, context.DeadlineExceeded)
		require.NotErrorIs(t, err, execution.ErrAllEndpointsFailed, "the caller gave up")
		t.Log(err)
		requireClean(t, err.Error())
		var ue *url.Error
		require.ErrorAs(t, err, &ue)
		requireClean(t, ue.URL)
	})

	// No endpoint answers at construction.
	t.Run("construction", func(t *testing.T) {
		for _, n := range []int{1, 2} {
			var eps []execution.Endpoint
			for i := range n {
				ep := dialEndpoint(t, refusedURL(t))
				ep.Name += fmt.Sprint("#", i)
				eps = append(eps, ep)
			}
			_, err := execution.NewFailover(t.Context(), eps, nil)
			require.ErrorIs(t, err, execution.ErrAllEndpointsFailed)
			require.ErrorIs(t, err, syscall.ECONNREFUSED)
			requireClean(t, err.Error())
			var ue *url.Error
			require.ErrorAs(t, err, &ue)
			requireClean(t, ue.URL)
		}
	})
}

// A revert answered over HTTP keeps its code and data through Redact.
func TestRedact(t *testing.T) {
	urlErr := &url.Error{Op: "Post", URL: "https://" + secretUser + "@rpc.example.com" + secretPath + "?key=SECRETKEY",
		Err: &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}}
	for _, tc := range []struct {
		name string
		err  error
	}{
		{"url.Error", urlErr},
		{"wrapped url.Error", fmt.Errorf("call: %w", urlErr)},
		{"url.Error in url.Error", &url.Error{Op: "Get", URL: urlErr.URL, Err: urlErr}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := execution.Redact(tc.err)
			requireClean(t, err.Error())
			require.Contains(t, err.Error(), "https://rpc.example.com")
			require.Equal(t, strings.Count(tc.err.Error(), urlErr.URL), strings.Count(err.Error(), "https://rpc.example.com"))
			require.ErrorIs(t, err, syscall.ECONNREFUSED)
			var ue *url.Error
			require.ErrorAs(t, err, &ue)
			require.Equal(t, "https://rpc.example.com", ue.URL)
			var ne net.Error
			require.ErrorAs(t, err, &ne)
		})
	}

	// Errors without a URL are returned as they are.
	require.NoError(t, execution.Redact(nil))
	answer := fmt.Errorf("estimate gas: %w", revertError{})
	require.Equal(t, answer, execution.Redact(answer))
}

type revertError struct{}

func (revertError) Error() string  { return "execution reverted" }
func (revertError) ErrorCode() int { return 3 }
func (revertError) ErrorData() any { return "0xdeadbeef" }
