package execution_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/triggerx-network/triggerx/execution"
)

// reverter reverts every call with the data 0xdeadbeef:
// PUSH4 deadbeef, PUSH1 0, MSTORE, PUSH1 4, PUSH1 28, REVERT.
var (
	reverter     = common.HexToAddress("0x000000000000000000000000000000000000dead")
	reverterCode = common.FromHex("63deadbeef" + "600052" + "6004" + "601c" + "fd")
)

// faulty is a Chain that fails every call with err while down, and counts
// the calls that reach it.
type faulty struct {
	execution.Chain
	calls atomic.Int32
	mu    sync.Mutex
	err   error // nil: up
}

func (d *faulty) down(err error) { d.mu.Lock(); d.err = err; d.mu.Unlock() }

func (d *faulty) fail() error {
	d.calls.Add(1)
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.err
}

func (d *faulty) ChainID(ctx context.Context) (*big.Int, error) {
	if err := d.fail(); err != nil {
		return nil, err
	}
	return d.Chain.ChainID(ctx)
}

func (d *faulty) CodeAt(ctx context.Context, a common.Address, n *big.Int) ([]byte, error) {
	if err := d.fail(); err != nil {
		return nil, err
	}
	return d.Chain.CodeAt(ctx, a, n)
}

func (d *faulty) CallContract(ctx context.Context, call ethereum.CallMsg, n *big.Int) ([]byte, error) {
	if err := d.fail(); err != nil {
		return nil, err
	}
	return d.Chain.CallContract(ctx, call, n)
}

func (d *faulty) EstimateGas(ctx context.Context, call ethereum.CallMsg) (uint64, error) {
	if err := d.fail(); err != nil {
		return 0, err
	}
	return d.Chain.EstimateGas(ctx, call)
}

func (d *faulty) SuggestGasPrice(ctx context.Context) (*big.Int, error) {
	if err := d.fail(); err != nil {
		return nil, err
	}
	return d.Chain.SuggestGasPrice(ctx)
}

func (d *faulty) SuggestGasTipCap(ctx context.Context) (*big.Int, error) {
	if err := d.fail(); err != nil {
		return nil, err
	}
	return d.Chain.SuggestGasTipCap(ctx)
}

func (d *faulty) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	if err := d.fail(); err != nil {
		return err
	}
	return d.Chain.SendTransaction(ctx, tx)
}

func (d *faulty) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	if err := d.fail(); err != nil {
		return nil, err
	}
	return d.Chain.HeaderByNumber(ctx, n)
}

func (d *faulty) PendingCodeAt(ctx context.Context, a common.Address) ([]byte, error) {
	if err := d.fail(); err != nil {
		return nil, err
	}
	return d.Chain.PendingCodeAt(ctx, a)
}

func (d *faulty) PendingNonceAt(ctx context.Context, a common.Address) (uint64, error) {
	if err := d.fail(); err != nil {
		return 0, err
	}
	return d.Chain.PendingNonceAt(ctx, a)
}

func (d *faulty) NonceAt(ctx context.Context, a common.Address, n *big.Int) (uint64, error) {
	if err := d.fail(); err != nil {
		return 0, err
	}
	return d.Chain.NonceAt(ctx, a, n)
}

func (d *faulty) TransactionByHash(ctx context.Context, h common.Hash) (*types.Transaction, bool, error) {
	if err := d.fail(); err != nil {
		return nil, false, err
	}
	return d.Chain.TransactionByHash(ctx, h)
}

func (d *faulty) TransactionReceipt(ctx context.Context, h common.Hash) (*types.Receipt, error) {
	if err := d.fail(); err != nil {
		return nil, err
	}
	return d.Chain.TransactionReceipt(ctx, h)
}

func (d *faulty) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	if err := d.fail(); err != nil {
		return nil, err
	}
	return d.Chain.FilterLogs(ctx, q)
}

func (d *faulty) SubscribeFilterLogs(ctx context.Context, q ethereum.FilterQuery, ch chan<- types.Log) (ethereum.Subscription, error) {
	if err := d.fail(); err != nil {
		return nil, err
	}
	return d.Chain.SubscribeFilterLogs(ctx, q, ch)
}

// newFailoverSim starts a simulated chain (chainID 0: the default 1337) with
// the reverter, and returns two faulty clients of it.
func newFailoverSim(t *testing.T, chainID int64) (*simulated.Backend, *faulty, *faulty) {
	t.Helper()
	opts := []func(*node.Config, *ethconfig.Config){onOsaka}
	if chainID != 0 {
		opts = append(opts, func(_ *node.Config, ethConf *ethconfig.Config) {
			cfg := *ethConf.Genesis.Config
			cfg.ChainID = big.NewInt(chainID)
			ethConf.Genesis.Config = &cfg
		})
	}
	sim := simulated.NewBackend(types.GenesisAlloc{reverter: {Code: reverterCode}}, opts...)
	t.Cleanup(func() { _ = sim.Close() })
	return sim, &faulty{Chain: sim.Client()}, &faulty{Chain: sim.Client()}
}

// observed returns a logger that records Warn and above.
func observed() (*zap.Logger, *observer.ObservedLogs) {
	core, logs := observer.New(zapcore.WarnLevel)
	return zap.New(core), logs
}

// secretURL is what an operator's RPC URL looks like: credentials in the
// user info, the path and the query.
const secretURL = "https://user:hunter2@rpc.example.com/v3/apikey?token=tok"

var transportErrors = []struct {
	name string
	err  error
}{
	{"connection refused", &url.Error{Op: "Post", URL: secretURL, Err: &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}}},
	{"connection reset", &url.Error{Op: "Post", URL: secretURL, Err: &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}}},
	{"EOF", &url.Error{Op: "Post", URL: secretURL, Err: io.EOF}},
	{"endpoint timeout", &url.Error{Op: "Post", URL: secretURL, Err: context.DeadlineExceeded}},
	{"HTTP 502", rpc.HTTPError{StatusCode: http.StatusBadGateway, Status: "502 Bad Gateway"}},
	{"HTTP 429", rpc.HTTPError{StatusCode: http.StatusTooManyRequests, Status: "429 Too Many Requests"}},
}

func TestFailoverFirstDown(t *testing.T) {
	calls := []struct {
		name string
		call func(ctx context.Context, c execution.Chain) error
	}{
		{"HeaderByNumber", func(ctx context.Context, c execution.Chain) error {
			_, err := c.HeaderByNumber(ctx, nil)
			return err
		}},
		{"NonceAt", func(ctx context.Context, c execution.Chain) error {
			_, err := c.NonceAt(ctx, reverter, nil)
			return err
		}},
		{"CodeAt", func(ctx context.Context, c execution.Chain) error {
			code, err := c.CodeAt(ctx, reverter, nil)
			if err == nil && len(code) == 0 {
				return errors.New("no code")
			}
			return err
		}},
		{"SubscribeFilterLogs", func(ctx context.Context, c execution.Chain) error {
			sub, err := c.SubscribeFilterLogs(ctx, ethereum.FilterQuery{}, make(chan types.Log))
			if err == nil {
				sub.Unsubscribe()
			}
			return err
		}},
	}
	for _, te := range transportErrors {
		for _, tc := range calls {
			t.Run(te.name+"/"+tc.name, func(t *testing.T) {
				ctx := t.Context()
				_, a, b := newFailoverSim(t, 0)
				log, logs := observed()
				f, err := execution.NewFailover(ctx, []execution.Endpoint{{Name: "a", Chain: a}, {Name: "b", Chain: b}}, log)
				require.NoError(t, err)
				a.down(te.err)

				require.NoError(t, tc.call(ctx, f))
				require.Equal(t, "b", f.Current())
				before := a.calls.Load()
				require.NoError(t, tc.call(ctx, f))
				require.Equal(t, before, a.calls.Load(), "the switch is sticky")

				warns := logs.FilterMessage("switched RPC endpoint").All()
				require.Len(t, warns, 1)
				require.NotContains(t, fmt.Sprint(warns[0].ContextMap()), "hunter2")
				require.NotContains(t, fmt.Sprint(warns[0].ContextMap()), "apikey")
			})
		}
	}
}

// TestFailoverConcurrentSwitch: many calls find the first endpoint down at
// once; all succeed and the switch is logged once.
func TestFailoverConcurrentSwitch(t *testing.T) {
	ctx := t.Context()
	_, a, b := newFailoverSim(t, 0)
	log, logs := observed()
	f, err := execution.NewFailover(ctx, []execution.Endpoint{{Name: "a", Chain: a}, {Name: "b", Chain: b}}, log)
	require.NoError(t, err)
	a.down(transportErrors[0].err)
	var wg sync.WaitGroup
	errs := make([]error, 32)
	for i := range errs {
		wg.Go(func() { _, errs[i] = f.HeaderByNumber(ctx, nil) })
	}
	wg.Wait()
	for _, err := range errs {
		require.NoError(t, err)
	}
	require.Len(t, logs.FilterMessage("switched RPC endpoint").All(), 1)
	require.Equal(t, "b", f.Current())
}

// TestFailoverAnswers: errors that are the node's answer are returned as is
// and never tried on the second endpoint.
func TestFailoverAnswers(t *testing.T) {
	unfunded, err := crypto.GenerateKey()
	require.NoError(t, err)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name  string
		call  func(ctx context.Context, c execution.Chain) error
		check func(t *testing.T, err error)
	}{
		{"revert from eth_call", func(ctx context.Context, c execution.Chain) error {
			_, err := c.CallContract(ctx, ethereum.CallMsg{To: &reverter}, nil)
			return err
		}, func(t *testing.T, err error) {
			var de rpc.DataError
			require.ErrorAs(t, err, &de)
			require.Equal(t, "0xdeadbeef", de.ErrorData())
		}},
		{"revert from eth_estimateGas", func(ctx context.Context, c execution.Chain) error {
			_, err := c.EstimateGas(ctx, ethereum.CallMsg{To: &reverter})
			return err
		}, func(t *testing.T, err error) {
			var de rpc.DataError
			require.ErrorAs(t, err, &de)
		}},
		{"block not found", func(ctx context.Context, c execution.Chain) error {
			_, err := c.HeaderByNumber(ctx, big.NewInt(1_000_000))
			return err
		}, func(t *testing.T, err error) {
			require.ErrorIs(t, err, ethereum.NotFound)
		}},
		{"insufficient funds", func(ctx context.Context, c execution.Chain) error {
			head, err := c.HeaderByNumber(ctx, nil)
			if err != nil {
				return err
			}
			id, _ := c.ChainID(ctx)
			tx, err := types.SignNewTx(unfunded, types.LatestSignerForChainID(id), &types.DynamicFeeTx{
				ChainID: id, Gas: 21_000, GasTipCap: big.NewInt(params.GWei),
				GasFeeCap: new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), big.NewInt(params.GWei)), To: &reverter,
			})
			if err != nil {
				return err
			}
			return c.SendTransaction(ctx, tx)
		}, func(t *testing.T, err error) {
			var re rpc.Error
			require.ErrorAs(t, err, &re)
			require.Contains(t, err.Error(), "insufficient funds")
		}},
		{"caller cancelled", func(_ context.Context, c execution.Chain) error {
			_, err := c.HeaderByNumber(cancelled, nil)
			return err
		}, func(t *testing.T, err error) {
			require.ErrorIs(t, err, context.Canceled)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := t.Context()
			_, a, b := newFailoverSim(t, 0)
			f, err := execution.NewFailover(ctx, []execution.Endpoint{{Name: "a", Chain: a}, {Name: "b", Chain: b}}, nil)
			require.NoError(t, err)
			before := b.calls.Load()
			err = tt.call(ctx, f)
			require.Error(t, err)
			require.NotErrorIs(t, err, execution.ErrAllEndpointsFailed)
			tt.check(t, err)
			require.Equal(t, before, b.calls.Load(), "no failover")
			require.Equal(t, "a", f.Current())
		})
	}
}

// TestFailoverAnsweredByFallback: an answer (here NotFound) from the second
// endpoint after the first failed is returned, and the second becomes
// current.
func TestFailoverAnsweredByFallback(t *testing.T) {
	ctx := t.Context()
	_, a, b := newFailoverSim(t, 0)
	f, err := execution.NewFailover(ctx, []execution.Endpoint{{Name: "a", Chain: a}, {Name: "b", Chain: b}}, nil)
	require.NoError(t, err)
	a.down(io.EOF)
	_, err = f.HeaderByNumber(ctx, big.NewInt(1_000_000))
	require.ErrorIs(t, err, ethereum.NotFound)
	require.Equal(t, "b", f.Current())
}

func TestFailoverAllDown(t *testing.T) {
	ctx := t.Context()
	_, a, b := newFailoverSim(t, 0)
	f, err := execution.NewFailover(ctx, []execution.Endpoint{{Name: "primary", Chain: a}, {Name: "backup", Chain: b}}, nil)
	require.NoError(t, err)
	a.down(transportErrors[0].err)
	b.down(rpc.HTTPError{StatusCode: http.StatusBadGateway, Status: "502 Bad Gateway"})
	_, err = f.HeaderByNumber(ctx, nil)
	require.ErrorIs(t, err, execution.ErrAllEndpointsFailed)
	require.ErrorIs(t, err, syscall.ECONNREFUSED)
	require.Contains(t, err.Error(), "primary: ")
	require.Contains(t, err.Error(), "backup: 502 Bad Gateway")
	require.Contains(t, err.Error(), "https://rpc.example.com")
	for _, secret := range []string{"hunter2", "apikey", "tok"} {
		require.NotContains(t, err.Error(), secret)
	}
	require.Empty(t, execution.Reason(err), "an RPC failure is no judgement of the execution")

	// Both down at construction: no chain id to check against.
	_, err = execution.NewFailover(ctx, []execution.Endpoint{{Name: "primary", Chain: a}, {Name: "backup", Chain: b}}, nil)
	require.ErrorIs(t, err, execution.ErrAllEndpointsFailed)
	require.Contains(t, err.Error(), "primary: ")
	require.Contains(t, err.Error(), "backup: ")
}

func TestFailoverChainMismatch(t *testing.T) {
	ctx := t.Context()
	_, a, _ := newFailoverSim(t, 0)
	_, other, _ := newFailoverSim(t, 1338)
	_, err := execution.NewFailover(ctx, []execution.Endpoint{{Name: "a", Chain: a}, {Name: "other", Chain: other}}, nil)
	require.ErrorContains(t, err, "different chains")
	require.ErrorContains(t, err, "a serves chain 1337")
	require.ErrorContains(t, err, "other serves chain 1338")

	// Down at construction, found on another chain before first use: skipped.
	other.down(io.EOF)
	log, logs := observed()
	f, err := execution.NewFailover(ctx, []execution.Endpoint{{Name: "a", Chain: a}, {Name: "other", Chain: other}}, log)
	require.NoError(t, err)
	require.Len(t, logs.FilterMessage("RPC endpoint unreachable, checking its chain id before first use").All(), 1)
	other.down(nil)
	a.down(io.EOF)
	_, err = f.HeaderByNumber(ctx, nil)
	require.ErrorIs(t, err, execution.ErrAllEndpointsFailed)
	require.ErrorContains(t, err, "other: check chain id: endpoint serves chain 1338, not 1337")
	require.Len(t, logs.FilterMessage("RPC endpoint serves another chain, not using it").All(), 1)

	// Down at construction, on the right chain: used once it answers.
	_, a, b := newFailoverSim(t, 0)
	b.down(io.EOF)
	f, err = execution.NewFailover(ctx, []execution.Endpoint{{Name: "a", Chain: a}, {Name: "b", Chain: b}}, nil)
	require.NoError(t, err)
	b.down(nil)
	a.down(io.EOF)
	_, err = f.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	require.Equal(t, "b", f.Current())
}

func TestFailoverConfig(t *testing.T) {
	ctx := t.Context()
	_, a, b := newFailoverSim(t, 0)
	for _, eps := range [][]execution.Endpoint{
		nil,
		{{Name: "", Chain: a}},
		{{Name: "a", Chain: nil}},
		{{Name: "a", Chain: a}, {Name: "a", Chain: b}},
	} {
		_, err := execution.NewFailover(ctx, eps, nil)
		require.Error(t, err)
	}
}

// TestFailoverHTTP puts real HTTP endpoints in front: one answering 502, one
// refusing connections; the simulated backend behind them answers.
func TestFailoverHTTP(t *testing.T) {
	ctx := t.Context()
	sim, _, _ := newFailoverSim(t, 0)

	var badCalls atomic.Int32
	bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if badCalls.Add(1) == 1 {
			_, _ = io.WriteString(w, `{"jsonrpc":"2.0","id":1,"result":"0x539"}`) // eth_chainId at construction
			return
		}
		http.Error(w, "upstream down", http.StatusBadGateway)
	}))
	t.Cleanup(bad.Close)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	refused := "http://user:hunter2@" + ln.Addr().String() + "/v3/apikey?token=tok"
	require.NoError(t, ln.Close())

	var eps []execution.Endpoint
	for _, u := range []string{bad.URL, refused} {
		c, err := ethclient.DialContext(ctx, u)
		require.NoError(t, err)
		t.Cleanup(c.Close)
		eps = append(eps, execution.Endpoint{Name: execution.EndpointName(u), Chain: c})
	}
	require.Equal(t, "http://"+ln.Addr().String(), eps[1].Name)
	healthy := &faulty{Chain: sim.Client()}
	eps = append(eps, execution.Endpoint{Name: "sim", Chain: healthy})

	f, err := execution.NewFailover(ctx, eps, nil)
	require.NoError(t, err)
	h, err := f.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	require.NotNil(t, h)
	require.Equal(t, "sim", f.Current())

	healthy.down(io.EOF)
	_, err = f.HeaderByNumber(ctx, nil)
	require.ErrorIs(t, err, execution.ErrAllEndpointsFailed)
	var httpErr rpc.HTTPError
	require.ErrorAs(t, err, &httpErr)
	require.Equal(t, http.StatusBadGateway, httpErr.StatusCode)
	require.ErrorIs(t, err, syscall.ECONNREFUSED)
	for _, secret := range []string{"hunter2", "apikey", "tok"} {
		require.NotContains(t, err.Error(), secret)
	}
	t.Log(err)
}

func TestEndpointName(t *testing.T) {
	for in, want := range map[string]string{
		secretURL:                                "https://rpc.example.com",
		"ws://127.0.0.1:8546":                    "ws://127.0.0.1:8546",
		"wss://eth-mainnet.g.alchemy.com/v2/KEY": "wss://eth-mainnet.g.alchemy.com",
		"not a url":                              "invalid URL",
	} {
		require.Equal(t, want, execution.EndpointName(in), in)
	}
}
