package execution

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
	"go.uber.org/zap"
)

// ErrAllEndpointsFailed is wrapped by the error a Failover returns when no
// endpoint answered a call; the error also wraps each endpoint's failure.
// Like every RPC failure it carries no reason code (see Reason).
var ErrAllEndpointsFailed = errors.New("every RPC endpoint failed")

// Endpoint is one RPC endpoint of a Failover.
type Endpoint struct {
	// Name identifies the endpoint in logs and errors. It must not hold
	// credentials: derive it with EndpointName, never use the full URL.
	Name  string
	Chain Chain
}

// Failover is a Chain over several RPC endpoints of the same chain. Each call
// goes to the current endpoint; when it fails with a transport error the call
// is tried on the next endpoint (in order, wrapping around), and the first
// endpoint that answers becomes current. The switch is sticky: later calls go
// straight to the new current endpoint until it fails in turn.
//
// Classification. An error is an answer, returned as is and never retried
// elsewhere, when:
//   - it wraps ethereum.NotFound (the node answered null);
//   - it is a JSON-RPC error: it implements rpc.Error (ErrorCode) or
//     rpc.DataError (ErrorData; reverts carry their data this way), e.g.
//     "execution reverted", "nonce too low", "insufficient funds", or
//     rpc.ErrNotificationsUnsupported on an HTTP endpoint;
//   - the caller's ctx is done (cancelled or past its deadline): the caller
//     gave up, whatever the endpoint did.
//
// Every other error is a transport error and fails over: connection refused
// or reset, EOF, a timeout of the endpoint (net.Error), an HTTP status other
// than 2xx (rpc.HTTPError: 5xx from a proxy, 429 from a provider, 401 for a
// revoked key), a body that is not JSON-RPC, no answer within the attempt
// timeout. Anything not known to be an answer from the node counts as the
// endpoint's failure.
//
// Attempt timeout. An RPC client may wait forever for an endpoint that
// accepts requests and never answers (ethclient's HTTP client has no
// timeout), so each attempt on an endpoint runs under its own timeout:
// WithAttemptTimeout, DefaultAttemptTimeout unless set. While another
// endpoint is left to try, an attempt also gets at most half the time left
// before the caller's deadline, so that the next endpoint still gets some.
// The last endpoint left gets all the time the caller allows (the attempt
// timeout if the caller set no deadline). An attempt that runs out of its
// timeout while the caller's ctx is alive is a transport error of that
// endpoint. Reading an endpoint's chain id (at construction and before first
// use) is an attempt too. SubscribeFilterLogs gets no attempt timeout: a
// Chain may tie the subscription's life to the ctx it was made with.
//
// SendTransaction fails over like any call. A transport error may hide a
// transaction the first endpoint did accept; the next endpoint then answers
// "already known" or "nonce too low", which is returned as is.
//
// SubscribeFilterLogs fails over when subscribing only; the subscription
// returned belongs to one endpoint, and when it ends with an error the
// caller subscribes again, reaching whatever endpoint is current then.
//
// Errors name endpoints by Name only. The HTTP client puts the full URL of
// the endpoint, credentials and API key included, in its errors
// (*url.Error); every error a Failover returns has that URL reduced to
// EndpointName, in its message and in the *url.Error that errors.As finds,
// while errors.Is and errors.As still reach the cause (rpc.Error,
// rpc.DataError and a revert's data, rpc.HTTPError, syscall errors).
//
// Every endpoint serves the same chain: NewFailover checks the chain ids of
// the endpoints that answer, and an endpoint unreachable then is checked
// before its first use and skipped if it serves another chain. ChainID
// returns the id checked at construction without a call.
//
// A Failover does not own its endpoints' clients: the caller closes them.
// It is safe for concurrent use.
type Failover struct {
	log            *zap.Logger
	endpoints      []*endpoint
	chainID        *big.Int
	current        atomic.Int64 // index into endpoints
	attemptTimeout time.Duration
}

// DefaultAttemptTimeout bounds one attempt of a call on one endpoint unless
// WithAttemptTimeout says otherwise; see Failover.
const DefaultAttemptTimeout = 5 * time.Second

// FailoverOption configures a Failover.
type FailoverOption func(*Failover)

// WithAttemptTimeout sets how long one attempt on one endpoint may take
// before the next endpoint is tried (DefaultAttemptTimeout by default); d <=
// 0 keeps the default.
func WithAttemptTimeout(d time.Duration) FailoverOption {
	return func(f *Failover) {
		if d > 0 {
			f.attemptTimeout = d
		}
	}
}

type endpoint struct {
	Endpoint
	verified atomic.Bool             // chain id checked
	wrong    atomic.Pointer[big.Int] // the chain it serves instead, once found
}

var _ Chain = (*Failover)(nil)

// NewFailover returns a Failover over endpoints, the first one current. It
// reads every endpoint's chain id and fails when two endpoints serve
// different chains (an operator mixed up URLs) or when none answers.
// Endpoints that do not answer now are only logged: they are checked before
// their first use.
func NewFailover(ctx context.Context, endpoints []Endpoint, logger *zap.Logger, opts ...FailoverOption) (*Failover, error) {
	if len(endpoints) == 0 {
		return nil, errors.New("failover needs at least one RPC endpoint")
	}
	if logger == nil {
		logger = zap.NewNop()
	}
	f := &Failover{log: logger, attemptTimeout: DefaultAttemptTimeout}
	for _, o := range opts {
		o(f)
	}
	seen := map[string]bool{}
	for _, e := range endpoints {
		if e.Name == "" || e.Chain == nil {
			return nil, errors.New("failover endpoint needs a name and a client")
		}
		if seen[e.Name] {
			return nil, fmt.Errorf("failover endpoint %q given twice", e.Name)
		}
		seen[e.Name] = true
		f.endpoints = append(f.endpoints, &endpoint{Endpoint: e})
	}

	// Ask all at once, each under an attempt timeout: one endpoint that
	// hangs must not use up ctx for the others.
	ids := make([]*big.Int, len(endpoints))
	errs := make([]error, len(endpoints))
	var wg sync.WaitGroup
	for i, e := range f.endpoints {
		wg.Go(func() {
			actx, cancel := f.attempt(ctx, len(endpoints) == 1)
			defer cancel()
			var err error
			ids[i], err = e.Chain.ChainID(actx)
			errs[i] = f.attemptError(ctx, actx, err)
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("read chain ids: %w", err)
	}
	first := -1
	var served []string
	for i, e := range f.endpoints {
		if errs[i] != nil {
			continue
		}
		served = append(served, fmt.Sprintf("%s serves chain %s", e.Name, ids[i]))
		if first < 0 {
			first = i
			f.chainID = ids[i]
		} else if ids[i].Cmp(f.chainID) != 0 {
			return nil, fmt.Errorf("RPC endpoints serve different chains: %s", strings.Join(served, ", "))
		}
	}
	if first < 0 {
		return nil, fmt.Errorf("read chain id: %w", &failedError{method: "ChainID", names: names(f.endpoints), errs: errs})
	}
	for i, e := range f.endpoints {
		if errs[i] != nil {
			f.log.Warn("RPC endpoint unreachable, checking its chain id before first use",
				zap.String("endpoint", e.Name), zap.String("error", errorText(errs[i])))
			continue
		}
		e.verified.Store(true)
	}
	f.current.Store(int64(first))
	return f, nil
}

// Current returns the name of the endpoint calls go to first.
func (f *Failover) Current() string { return f.endpoints[f.current.Load()].Name }

// ChainID returns the chain id every endpoint was checked to serve.
func (f *Failover) ChainID(context.Context) (*big.Int, error) {
	return new(big.Int).Set(f.chainID), nil
}

// do runs fn on the current endpoint and, after transport errors, on the
// next ones, each attempt under an attempt timeout; see Failover for which
// errors fail over.
func do[T any](ctx context.Context, f *Failover, method string, fn func(context.Context, Chain) (T, error)) (T, error) {
	return try(ctx, f, method, true, fn)
}

// try is do, with the attempt timeout on fn only if timed.
func try[T any](ctx context.Context, f *Failover, method string, timed bool, fn func(context.Context, Chain) (T, error)) (T, error) {
	var zero T
	start := int(f.current.Load())
	n := len(f.endpoints)
	var failed []error
	for i := range n {
		idx := (start + i) % n
		e := f.endpoints[idx]
		v, checked, err := attempt(ctx, f, e, i == n-1, timed, fn)
		if !checked && ctx.Err() == nil {
			failed = append(failed, fmt.Errorf("check chain id: %w", err))
			continue // never use an endpoint of unknown chain, whatever the error
		}
		if err != nil && ctx.Err() != nil {
			return zero, err
		}
		if err != nil && !answered(err) {
			f.log.Debug("RPC endpoint failed", zap.String("method", method),
				zap.String("endpoint", e.Name), zap.String("error", errorText(err)))
			failed = append(failed, err)
			continue
		}
		if idx != start && f.current.CompareAndSwap(int64(start), int64(idx)) {
			// Only the call that moves current logs: one warning per switch.
			f.log.Warn("switched RPC endpoint", zap.String("from", f.endpoints[start].Name),
				zap.String("to", e.Name), zap.String("method", method), zap.String("error", errorText(failed[0])))
		}
		return v, err
	}
	names := make([]string, n)
	for i := range n {
		names[i] = f.endpoints[(start+i)%n].Name
	}
	return zero, &failedError{method: method, names: names, errs: failed}
}

// attempt checks e's chain and runs fn on it, each under an attempt timeout
// (fn only if timed). checked is false when the check failed, with its
// error. The error is redacted.
func attempt[T any](ctx context.Context, f *Failover, e *endpoint, last, timed bool,
	fn func(context.Context, Chain) (T, error),
) (v T, checked bool, err error) {
	cctx, cancel := f.attempt(ctx, last)
	err = f.check(cctx, e)
	err = f.attemptError(ctx, cctx, err)
	cancel()
	if err != nil {
		return v, false, err
	}
	actx := ctx
	if timed {
		actx, cancel = f.attempt(ctx, last)
		defer cancel()
	}
	v, err = fn(actx, e.Chain)
	return v, true, f.attemptError(ctx, actx, err)
}

// attempt returns the context of one attempt under ctx: ctx bounded by the
// attempt timeout and, unless last (no other endpoint is left to try), by
// half the time left before ctx's deadline; when last, ctx's deadline alone
// if it has one.
func (f *Failover) attempt(ctx context.Context, last bool) (context.Context, context.CancelFunc) {
	d := f.attemptTimeout
	if deadline, ok := ctx.Deadline(); ok {
		if last {
			return context.WithCancel(ctx)
		}
		d = min(d, time.Until(deadline)/2)
	}
	return context.WithTimeout(ctx, d)
}

// attemptError redacts err, the outcome of an attempt under actx, and says
// so when the endpoint ran out of its attempt timeout (rather than the
// caller out of time).
func (f *Failover) attemptError(ctx, actx context.Context, err error) error {
	if err == nil {
		return nil
	}
	err = Redact(err)
	if ctx.Err() == nil && errors.Is(actx.Err(), context.DeadlineExceeded) && !answered(err) {
		return fmt.Errorf("no answer within the attempt timeout: %w", err)
	}
	return err
}

// check makes sure e serves f's chain, reading its chain id if NewFailover
// could not.
func (f *Failover) check(ctx context.Context, e *endpoint) error {
	if e.verified.Load() {
		return nil
	}
	if id := e.wrong.Load(); id != nil {
		return fmt.Errorf("endpoint serves chain %s, not %s", id, f.chainID)
	}
	id, err := e.Chain.ChainID(ctx)
	if err != nil {
		return err
	}
	if id.Cmp(f.chainID) != 0 {
		if e.wrong.CompareAndSwap(nil, id) {
			f.log.Error("RPC endpoint serves another chain, not using it", zap.String("endpoint", e.Name),
				zap.Stringer("chain_id", id), zap.Stringer("want_chain_id", f.chainID))
		}
		return fmt.Errorf("endpoint serves chain %s, not %s", id, f.chainID)
	}
	e.verified.Store(true)
	return nil
}

// answered reports whether err is an answer from the node rather than a
// failure to get one.
func answered(err error) bool {
	var rpcErr rpc.Error
	var dataErr rpc.DataError
	return errors.Is(err, ethereum.NotFound) || errors.As(err, &rpcErr) || errors.As(err, &dataErr)
}

// failedError is what a Failover returns when no endpoint answered.
type failedError struct {
	method string
	names  []string
	errs   []error
}

func (e *failedError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %v: ", e.method, ErrAllEndpointsFailed)
	for i, err := range e.errs {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s: %s", e.names[i], errorText(err))
	}
	return b.String()
}

func (e *failedError) Unwrap() []error { return append([]error{ErrAllEndpointsFailed}, e.errs...) }

func names(es []*endpoint) []string {
	ns := make([]string, len(es))
	for i, e := range es {
		ns[i] = e.Name
	}
	return ns
}

// EndpointName returns rawURL without what may be secret: user info, path
// (providers put API keys there: /v3/<key>), query and fragment. What is
// left is scheme://host[:port].
func EndpointName(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return "invalid URL"
	}
	return u.Scheme + "://" + u.Host
}

// errorText is err's message with the URL of a *url.Error (which the HTTP
// client puts in every transport error, credentials included) reduced to
// EndpointName.
func errorText(err error) string {
	s := err.Error()
	for e := err; e != nil; {
		var ue *url.Error
		if !errors.As(e, &ue) {
			break
		}
		s = strings.ReplaceAll(s, strconv.Quote(ue.URL), strconv.Quote(EndpointName(ue.URL)))
		s = strings.ReplaceAll(s, ue.URL, EndpointName(ue.URL))
		e = ue.Err
	}
	return strings.TrimSpace(s)
}

// Redact returns err with the URL of each *url.Error in it (the HTTP client
// puts the endpoint's full URL, credentials included, in every transport
// error) reduced to EndpointName: in the message and in the *url.Error that
// errors.As finds. errors.Is and errors.As reach the same causes as in err.
func Redact(err error) error {
	var ue *url.Error
	if err == nil || !errors.As(err, &ue) {
		return err
	}
	clean := *ue
	clean.URL = EndpointName(ue.URL)
	clean.Err = Redact(ue.Err)
	if err == error(ue) {
		return &clean
	}
	// Wrapped: keep err for its other causes, after the clean *url.Error
	// that errors.As reaches first.
	return &redactedError{msg: errorText(err), errs: []error{&clean, err}}
}

// redactedError is an error whose message had URLs redacted.
type redactedError struct {
	msg  string
	errs []error
}

func (e *redactedError) Error() string   { return e.msg }
func (e *redactedError) Unwrap() []error { return e.errs }

// The Chain methods, each through do.

func (f *Failover) CodeAt(ctx context.Context, account common.Address, blockNumber *big.Int) ([]byte, error) {
	return do(ctx, f, "CodeAt", func(ctx context.Context, c Chain) ([]byte, error) { return c.CodeAt(ctx, account, blockNumber) })
}

func (f *Failover) CallContract(ctx context.Context, call ethereum.CallMsg, blockNumber *big.Int) ([]byte, error) {
	return do(ctx, f, "CallContract", func(ctx context.Context, c Chain) ([]byte, error) { return c.CallContract(ctx, call, blockNumber) })
}

func (f *Failover) EstimateGas(ctx context.Context, call ethereum.CallMsg) (uint64, error) {
	return do(ctx, f, "EstimateGas", func(ctx context.Context, c Chain) (uint64, error) { return c.EstimateGas(ctx, call) })
}

func (f *Failover) SuggestGasPrice(ctx context.Context) (*big.Int, error) {
	return do(ctx, f, "SuggestGasPrice", func(ctx context.Context, c Chain) (*big.Int, error) { return c.SuggestGasPrice(ctx) })
}

func (f *Failover) SuggestGasTipCap(ctx context.Context) (*big.Int, error) {
	return do(ctx, f, "SuggestGasTipCap", func(ctx context.Context, c Chain) (*big.Int, error) { return c.SuggestGasTipCap(ctx) })
}

func (f *Failover) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	_, err := do(ctx, f, "SendTransaction", func(ctx context.Context, c Chain) (struct{}, error) { return struct{}{}, c.SendTransaction(ctx, tx) })
	return err
}

func (f *Failover) HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error) {
	return do(ctx, f, "HeaderByNumber", func(ctx context.Context, c Chain) (*types.Header, error) { return c.HeaderByNumber(ctx, number) })
}

func (f *Failover) PendingCodeAt(ctx context.Context, account common.Address) ([]byte, error) {
	return do(ctx, f, "PendingCodeAt", func(ctx context.Context, c Chain) ([]byte, error) { return c.PendingCodeAt(ctx, account) })
}

func (f *Failover) PendingNonceAt(ctx context.Context, account common.Address) (uint64, error) {
	return do(ctx, f, "PendingNonceAt", func(ctx context.Context, c Chain) (uint64, error) { return c.PendingNonceAt(ctx, account) })
}

func (f *Failover) NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error) {
	return do(ctx, f, "NonceAt", func(ctx context.Context, c Chain) (uint64, error) { return c.NonceAt(ctx, account, blockNumber) })
}

func (f *Failover) TransactionByHash(ctx context.Context, hash common.Hash) (*types.Transaction, bool, error) {
	type result struct {
		tx      *types.Transaction
		pending bool
	}
	r, err := do(ctx, f, "TransactionByHash", func(ctx context.Context, c Chain) (result, error) {
		tx, pending, err := c.TransactionByHash(ctx, hash)
		return result{tx, pending}, err
	})
	return r.tx, r.pending, err
}

func (f *Failover) TransactionReceipt(ctx context.Context, txHash common.Hash) (*types.Receipt, error) {
	return do(ctx, f, "TransactionReceipt", func(ctx context.Context, c Chain) (*types.Receipt, error) { return c.TransactionReceipt(ctx, txHash) })
}

func (f *Failover) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	return do(ctx, f, "FilterLogs", func(ctx context.Context, c Chain) ([]types.Log, error) { return c.FilterLogs(ctx, q) })
}

func (f *Failover) SubscribeFilterLogs(ctx context.Context, q ethereum.FilterQuery, ch chan<- types.Log) (ethereum.Subscription, error) {
	return try(ctx, f, "SubscribeFilterLogs", false, func(ctx context.Context, c Chain) (ethereum.Subscription, error) {
		return c.SubscribeFilterLogs(ctx, q, ch)
	})
}
