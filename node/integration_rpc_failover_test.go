package node_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/triggerx-network/triggerx/node"
)

// outage is how a failed rpcProxy treats requests.
type outage int

const (
	// outageUnavailable answers 503, like a provider behind a load balancer
	// that lost its backends.
	outageUnavailable outage = iota
	// outageReset closes the connection without an answer, like a node that
	// crashed.
	outageReset
	// outageHang reads the request and never answers, like an overloaded
	// node; the request ends only when the client gives up.
	outageHang
)

// rpcProxy is an HTTP JSON-RPC endpoint in front of the simulated chain,
// which forwards every call to the chain's in-process RPC client. A test can
// make it fail with an outage.
type rpcProxy struct {
	srv     *httptest.Server
	backend atomic.Pointer[rpc.Client]
	// mu is held shared while a request is served, so that fail returns
	// only once no healthy answer is in flight.
	mu     sync.RWMutex
	failed bool
	outage outage
	served atomic.Int64 // HTTP requests answered with JSON-RPC responses
	// refused counts the requests met with the outage.
	refused atomic.Int64
}

func newRPCProxy(t *testing.T) *rpcProxy {
	p := &rpcProxy{}
	p.srv = httptest.NewServer(http.HandlerFunc(p.serve))
	t.Cleanup(p.srv.Close)
	return p
}

// setBackend sets the chain client calls are forwarded to; requests before
// it fail with 503.
func (p *rpcProxy) setBackend(c *rpc.Client) { p.backend.Store(c) }

// fail makes the endpoint meet every request with o from now on and returns
// how many requests it served before.
func (p *rpcProxy) fail(o outage) int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.failed, p.outage = true, o
	return p.served.Load()
}

type rpcRequest struct {
	ID     json.RawMessage   `json:"id,omitempty"`
	Method string            `json:"method"`
	Params []json.RawMessage `json:"params,omitempty"`
}

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Data    any    `json:"data,omitempty"`
}

type rpcResponse struct {
	Version string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

func (p *rpcProxy) serve(w http.ResponseWriter, r *http.Request) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	backend := p.backend.Load()
	if p.failed && p.outage == outageHang {
		p.refused.Add(1)
		// Read the body first: only then does the server notice the client
		// closing the connection and end r's context.
		_, _ = io.Copy(io.Discard, r.Body)
		<-r.Context().Done()
		return
	}
	if p.failed && p.outage == outageReset {
		p.refused.Add(1)
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			panic(err) // an HTTP/1 test server always allows it
		}
		_ = conn.Close()
		return
	}
	if p.failed || backend == nil {
		p.refused.Add(1)
		http.Error(w, "endpoint down", http.StatusServiceUnavailable)
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	body = bytes.TrimSpace(body)
	batch := len(body) > 0 && body[0] == '['
	var reqs []rpcRequest
	if batch {
		err = json.Unmarshal(body, &reqs)
	} else {
		reqs = make([]rpcRequest, 1)
		err = json.Unmarshal(body, &reqs[0])
	}
	if err != nil {
		writeJSON(w, rpcResponse{Version: "2.0", ID: json.RawMessage("null"),
			Error: &rpcError{Code: -32700, Message: "parse error: " + err.Error()}})
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 30*time.Second)
	defer cancel()
	resps := make([]rpcResponse, len(reqs))
	for i, req := range reqs {
		resps[i] = forward(ctx, backend, req)
	}
	p.served.Add(1)
	if batch {
		writeJSON(w, resps)
	} else {
		writeJSON(w, resps[0])
	}
}

// forward forwards one JSON-RPC call to backend and returns its response, with
// the error code, message and data (a revert's reason) of a JSON-RPC error.
func forward(ctx context.Context, backend *rpc.Client, req rpcRequest) rpcResponse {
	resp := rpcResponse{Version: "2.0", ID: req.ID}
	if resp.ID == nil {
		resp.ID = json.RawMessage("null")
	}
	args := make([]any, len(req.Params))
	for i, a := range req.Params {
		args[i] = a
	}
	var result json.RawMessage
	err := backend.CallContext(ctx, &result, req.Method, args...)
	if err == nil {
		if len(result) == 0 {
			result = json.RawMessage("null")
		}
		resp.Result = result
		return resp
	}
	e := &rpcError{Code: -32603, Message: err.Error()}
	var coded rpc.Error
	if errors.As(err, &coded) {
		e.Code = coded.ErrorCode()
	}
	var data rpc.DataError
	if errors.As(err, &data) {
		e.Data = data.ErrorData()
	}
	resp.Error = e
	return resp
}

// simRPCClient returns the in-process RPC client under a simulated.Client.
// The simulated backend hides it on purpose: its client type embeds
// *ethclient.Client in a field named Client, which shadows the method
// Client() *rpc.Client, so no type assertion reaches it; the embedded field
// is exported, though, and reflection reads it.
func simRPCClient(t *testing.T, c any) *rpc.Client {
	t.Helper()
	v := reflect.ValueOf(c)
	require.Equal(t, reflect.Struct, v.Kind(), "simulated client %T", c)
	f := v.FieldByName("Client")
	require.True(t, f.IsValid() && f.CanInterface(), "simulated client %T embeds an exported *ethclient.Client", c)
	ec, ok := f.Interface().(*ethclient.Client)
	require.True(t, ok, "simulated client %T embeds *ethclient.Client", c)
	return ec.Client()
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// Keepers dial the chain over HTTP through two endpoints. When the first one
// goes down, they fail over to the second and keep executing and attesting
// tasks.
func TestFaultRPCFailover(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a whole network")
	}
	for _, tc := range []struct {
		name   string
		outage outage
	}{
		{name: "503", outage: outageUnavailable},
		{name: "connection reset", outage: outageReset},
		// Each call on the hung endpoint ends with its attempt timeout
		// (execution.DefaultAttemptTimeout), then goes to the next one.
		{name: "hang", outage: outageHang},
	} {
		t.Run(tc.name, func(t *testing.T) {
			testRPCFailover(t, tc.name, tc.outage)
		})
	}
}

// rpcSecret is what an RPC provider's API key looks like in its URL; the
// proxies serve any path, and no keeper log may show it.
const rpcSecret = "SECRETKEY"

func testRPCFailover(t *testing.T, name string, o outage) {
	a, b := newRPCProxy(t), newRPCProxy(t)
	// Every keeper log entry, debug included, besides the test's log.
	logCore, logs := observer.New(zapcore.DebugLevel)
	n := startNetworkWith(t, 4, func(c *node.KeeperConfig) {
		// The hook runs after the simulated chain exists: its client is the
		// test chain the harness set.
		backend := simRPCClient(t, c.Test.Chain)
		a.setBackend(backend)
		b.setBackend(backend)
		c.Test.Chain = nil
		c.Chain.RPC = a.srv.URL + "/v3/" + rpcSecret
		c.Chain.FallbackRPCs = []string{b.srv.URL + "/v3/" + rpcSecret + "?key=" + rpcSecret}
		c.Logger = zap.New(zapcore.NewTee(c.Logger.Core(), logCore))
	})
	jobID := n.createJob("1", 1)
	before := n.waitCompleted(jobID, 2)
	require.Positive(t, a.served.Load(), "keepers use endpoint A while it is up")

	servedA := a.fail(o)
	servedB := b.served.Load()
	failedAt := time.Now()
	t.Logf("endpoint A down after serving %d requests; B had served %d", servedA, servedB)

	done := n.waitCompleted(jobID, len(before)+4)
	took := time.Since(failedAt)
	n.checkFinalized(done)
	n.checkCounter(1)
	require.Equal(t, servedA, a.served.Load(), "A answers nothing once down")
	require.Positive(t, a.refused.Load(), "keepers kept trying A until they switched")
	require.Greater(t, b.served.Load(), servedB, "keepers moved to endpoint B")
	t.Logf("after failover: A refused %d requests, B served %d", a.refused.Load(), b.served.Load()-servedB)

	require.NotEmpty(t, logs.FilterMessage("switched RPC endpoint").All(), "keepers logged the switch")
	for _, e := range logs.All() {
		require.NotContains(t, e.Message+" "+fmt.Sprint(e.ContextMap()), rpcSecret, "keeper log entry shows the RPC URL")
	}
	sc := "keepers' RPC endpoint fails (" + name + ")"
	recordFault(sc, "tasks finalized after the failure", "≥ 4", fmt.Sprintf("%d in %s", len(done)-len(before), took.Round(100*time.Millisecond)))
	recordFault(sc, "requests served by the fallback", "> 0", b.served.Load()-servedB)
}
