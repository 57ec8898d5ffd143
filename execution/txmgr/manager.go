package txmgr

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
	"go.uber.org/zap"
)

// Backend is the chain client a Manager needs; execution.Chain, an
// *ethclient.Client and the simulated backend's client satisfy it.
type Backend interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	SuggestGasTipCap(ctx context.Context) (*big.Int, error)
	EstimateGas(ctx context.Context, call ethereum.CallMsg) (uint64, error)
	CallContract(ctx context.Context, call ethereum.CallMsg, blockNumber *big.Int) ([]byte, error)
	PendingNonceAt(ctx context.Context, account common.Address) (uint64, error)
	NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error)
	SendTransaction(ctx context.Context, tx *types.Transaction) error
	TransactionReceipt(ctx context.Context, txHash common.Hash) (*types.Receipt, error)
}

// Defaults for zero Config fields.
var (
	DefaultMaxFeePerGas = big.NewInt(500 * params.GWei)
)

const (
	DefaultGasLimitCap      = 10_000_000
	DefaultGasMarginPercent = 25
	DefaultConfirmations    = 1
	DefaultResubmitAfter    = 20 * time.Second
	DefaultFeeBumpPercent   = 15
	DefaultPollInterval     = 500 * time.Millisecond
	// minBumpPercent is what nodes require of a replacement (geth's
	// txpool.pricebump), on both fees.
	minBumpPercent = 10
	// consumedPolls is how many polls in a row must show an entry's nonce
	// used with no receipt of its own before the entry gets a new nonce.
	consumedPolls = 3
	// retention is how long done entries stay in the journal.
	retention  = 7 * 24 * time.Hour
	rpcTimeout = 10 * time.Second
)

// Config configures a Manager.
type Config struct {
	Backend Backend
	Key     *ecdsa.PrivateKey
	ChainID *big.Int
	Store   Store
	// MaxFeePerGas caps every transaction's fee cap (wei per gas). nil:
	// DefaultMaxFeePerGas.
	MaxFeePerGas *big.Int
	// GasLimitCap bounds a transaction's gas limit; an estimate above it is
	// refused. 0: DefaultGasLimitCap.
	GasLimitCap uint64
	// GasMarginPercent is added to the gas estimate. 0: the default.
	GasMarginPercent uint64
	// Confirmations is the depth a receipt's block must reach, counting
	// itself, before Send returns. 0: DefaultConfirmations.
	Confirmations uint64
	// ResubmitAfter is how long an attempt may stay unmined before it is
	// replaced with higher fees. 0: DefaultResubmitAfter.
	ResubmitAfter time.Duration
	// FeeBumpPercent raises both fees of a replacement (at least 10).
	FeeBumpPercent uint64
	// PollInterval is how often pending entries are checked.
	PollInterval time.Duration
	Logger       *zap.Logger
}

// Request is one transaction to send.
type Request struct {
	// Key names the request: one transaction (with its replacements) per
	// key, ever. Required.
	Key   string
	To    common.Address
	Data  []byte
	Value *big.Int
	// GasHeadroom is the least gas the limit has above the estimate.
	GasHeadroom uint64
}

// Outcome is a request's mined transaction and its receipt (which may show
// a failed execution, status 0).
type Outcome struct {
	Tx      *types.Transaction
	Receipt *types.Receipt
}

// Errors of Send. A revert found by the simulation is a *RevertError.
var (
	ErrReverted = errors.New("txmgr: the call reverts")
	ErrGasCap   = errors.New("txmgr: gas estimate above the cap")
	ErrClosed   = errors.New("txmgr: manager closed")
	ErrRequest  = errors.New("txmgr: bad request")
)

// RevertError is the simulation's revert: nothing was sent.
type RevertError struct {
	Data []byte // the revert data, if the node returned it
	Err  error
}

func (e *RevertError) Error() string {
	if len(e.Data) > 0 {
		return fmt.Sprintf("%v: %v (data %s)", ErrReverted, e.Err, hexutil.Encode(e.Data))
	}
	return fmt.Sprintf("%v: %v", ErrReverted, e.Err)
}

func (e *RevertError) Unwrap() error { return ErrReverted }

// call is the outcome of an entry, shared by every Send of its key.
type call struct {
	done chan struct{}
	out  Outcome
	err  error
}

func (c *call) finish(out Outcome, err error) {
	c.out, c.err = out, err
	close(c.done)
}

// Manager sends and drives the transactions of one key on one chain. See the
// package doc.
type Manager struct {
	cfg    Config
	be     Backend
	store  Store
	from   common.Address
	signer types.Signer
	log    *zap.Logger

	// sendMu serializes nonce allocation and every signature and broadcast
	// of a new attempt, so that nonces go out in order.
	sendMu sync.Mutex
	next   uint64 // next nonce; valid once synced
	synced bool

	mu      sync.Mutex
	calls   map[string]*call  // keys not done: being prepared or pending
	pending map[string]*entry // entries sent and not done; driven by the loop
	done    map[string]*entry // entries done
	closed  bool

	ctx    context.Context // the manager's lifetime
	cancel context.CancelFunc
	loopWG sync.WaitGroup
}

// New opens a manager over the entries in cfg.Store and starts driving the
// pending ones. It makes no RPC call.
func New(cfg Config) (*Manager, error) {
	switch {
	case cfg.Backend == nil, cfg.Key == nil, cfg.ChainID == nil, cfg.Store == nil:
		return nil, errors.New("txmgr: backend, key, chain id and store are required")
	case cfg.FeeBumpPercent != 0 && cfg.FeeBumpPercent < minBumpPercent:
		return nil, fmt.Errorf("txmgr: fee bump %d%% is below the %d%% nodes require of a replacement", cfg.FeeBumpPercent, minBumpPercent)
	}
	if cfg.MaxFeePerGas == nil || cfg.MaxFeePerGas.Sign() <= 0 {
		cfg.MaxFeePerGas = DefaultMaxFeePerGas
	}
	if cfg.GasLimitCap == 0 {
		cfg.GasLimitCap = DefaultGasLimitCap
	}
	if cfg.GasMarginPercent == 0 {
		cfg.GasMarginPercent = DefaultGasMarginPercent
	}
	if cfg.Confirmations == 0 {
		cfg.Confirmations = DefaultConfirmations
	}
	if cfg.ResubmitAfter <= 0 {
		cfg.ResubmitAfter = DefaultResubmitAfter
	}
	if cfg.FeeBumpPercent == 0 {
		cfg.FeeBumpPercent = DefaultFeeBumpPercent
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = DefaultPollInterval
	}
	log := cfg.Logger
	if log == nil {
		log = zap.NewNop()
	}
	m := &Manager{
		cfg: cfg, be: cfg.Backend, store: cfg.Store, from: crypto.PubkeyToAddress(cfg.Key.PublicKey),
		signer: types.LatestSignerForChainID(cfg.ChainID),
		calls:  map[string]*call{}, pending: map[string]*entry{}, done: map[string]*entry{},
	}
	m.log = log.Named("txmgr").With(zap.Stringer("from", m.from), zap.Stringer("chain_id", cfg.ChainID))
	if err := m.load(); err != nil {
		return nil, err
	}
	m.ctx, m.cancel = context.WithCancel(context.Background())
	m.loopWG.Add(1)
	go m.loop()
	return m, nil
}

// load reads the journal: pending entries are driven again, old done ones
// are pruned, and the next nonce is past every nonce used.
func (m *Manager) load() error {
	var stale []string
	err := m.store.All(func(key string, v []byte) error {
		e, err := decodeEntry(v)
		if err != nil {
			m.log.Error("unreadable journal entry: skipped", zap.String("key", key), zap.Error(err))
			return nil
		}
		m.next = max(m.next, e.Nonce+1)
		switch {
		case e.Done && time.Since(e.Created) > retention:
			stale = append(stale, key)
		case e.Done:
			m.done[key] = e
		default:
			m.pending[key] = e
			m.calls[key] = &call{done: make(chan struct{})}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("txmgr: read journal: %w", err)
	}
	for _, k := range stale {
		if err := m.store.Delete(k); err != nil {
			m.log.Warn("prune journal entry", zap.String("key", k), zap.Error(err))
		}
	}
	if len(m.pending) > 0 {
		m.log.Info("resuming pending transactions", zap.Int("count", len(m.pending)))
	}
	return nil
}

// Address is the address transactions are sent from.
func (m *Manager) Address() common.Address { return m.from }

// Close stops driving entries; Sends waiting return ErrClosed. Pending
// entries stay in the journal for the next manager.
func (m *Manager) Close() {
	m.mu.Lock()
	if m.closed {
		m.mu.Unlock()
		return
	}
	m.closed = true
	m.mu.Unlock()
	m.cancel()
	m.loopWG.Wait()
}

// Send sends the request, or joins the entry of its key, and returns once a
// transaction of it is mined and confirmed. See the package doc.
func (m *Manager) Send(ctx context.Context, req Request) (Outcome, error) {
	if req.Key == "" {
		return Outcome{}, fmt.Errorf("%w: empty key", ErrRequest)
	}
	m.mu.Lock()
	if m.closed {
		m.mu.Unlock()
		return Outcome{}, ErrClosed
	}
	if e, ok := m.done[req.Key]; ok {
		m.mu.Unlock()
		return m.outcomeOf(ctx, e)
	}
	c, ok := m.calls[req.Key]
	if !ok {
		c = &call{done: make(chan struct{})}
		m.calls[req.Key] = c
	}
	m.mu.Unlock()
	if !ok {
		if err := m.start(ctx, req); err != nil {
			m.mu.Lock()
			delete(m.calls, req.Key)
			m.mu.Unlock()
			c.finish(Outcome{}, err)
		}
	}
	select {
	case <-c.done:
		return c.out, c.err
	case <-ctx.Done():
		return Outcome{}, fmt.Errorf("wait for transaction %s: %w", req.Key, ctx.Err())
	case <-m.ctx.Done():
		return Outcome{}, ErrClosed
	}
}

// start simulates, prices and sends a new request.
func (m *Manager) start(ctx context.Context, req Request) error {
	value := req.Value
	if value == nil {
		value = new(big.Int)
	}
	msg := ethereum.CallMsg{From: m.from, To: &req.To, Data: req.Data, Value: value}
	if _, err := m.be.CallContract(ctx, msg, nil); err != nil {
		if data, ok := RevertData(err); ok || strings.Contains(err.Error(), "revert") {
			return &RevertError{Data: data, Err: err}
		}
		return fmt.Errorf("simulate: %w", err)
	}
	tip, feeCap, err := m.fees(ctx)
	if err != nil {
		return err
	}
	// Estimate twice. At gas price zero first, which finds the call's gas
	// whatever the contract demands of balances at a real price. Then with
	// the real fees and that estimate (doubled, plus the headroom) as the
	// upper bound: contracts may spend gas differently when tx.gasprice is
	// not zero (the hub charges the job owner), and a contract that checks
	// a balance against the worst case of the gas limit (the hub does) is
	// checked against a limit near the one the transaction will carry, not
	// against the block's.
	est, err := m.estimate(ctx, msg)
	if err != nil {
		return err
	}
	msg.GasFeeCap, msg.GasTipCap, msg.Gas = feeCap, tip, min(2*est+req.GasHeadroom, m.cfg.GasLimitCap)
	if est, err = m.estimate(ctx, msg); err != nil {
		return err
	}
	gas := min(max(est+est*m.cfg.GasMarginPercent/100, est+req.GasHeadroom), m.cfg.GasLimitCap)

	m.sendMu.Lock()
	defer m.sendMu.Unlock()
	nonce, err := m.nextNonce(ctx)
	if err != nil {
		return err
	}
	e := &entry{Key: req.Key, Nonce: nonce, To: req.To, Data: req.Data, Value: (*hexutil.Big)(value), Gas: gas, Created: time.Now().UTC()}
	a, err := m.sign(e, tip, feeCap)
	if err != nil {
		return err
	}
	e.Attempts = []attempt{a}
	// Journal first: from here on the nonce is this entry's, even if the
	// process dies before or after the broadcast.
	if err := e.save(m.store); err != nil {
		return err
	}
	m.next = nonce + 1
	m.mu.Lock()
	m.pending[e.Key] = e
	m.mu.Unlock()
	m.log.Debug("transaction sent", zap.String("key", e.Key), zap.Uint64("nonce", nonce), zap.Stringer("tx_hash", a.Hash),
		zap.Uint64("gas", gas), zap.Stringer("fee_cap", feeCap), zap.Stringer("tip", tip))
	m.broadcast(ctx, e.last())
	// In the caller's trace (a task's, node/tracing): the moment the
	// transaction left, which latency measurements start or end at.
	trace.SpanFromContext(ctx).AddEvent("transaction sent", trace.WithAttributes(
		attribute.String("tx_hash", a.Hash.Hex()), attribute.Int64("nonce", int64(nonce))))
	return nil
}

// estimate runs eth_estimateGas, classifying a revert.
func (m *Manager) estimate(ctx context.Context, msg ethereum.CallMsg) (uint64, error) {
	est, err := m.be.EstimateGas(ctx, msg)
	if err != nil {
		if data, ok := RevertData(err); ok {
			return 0, &RevertError{Data: data, Err: err}
		}
		return 0, fmt.Errorf("estimate gas: %w", err)
	}
	if est > m.cfg.GasLimitCap {
		return 0, fmt.Errorf("%w: %d > %d", ErrGasCap, est, m.cfg.GasLimitCap)
	}
	return est, nil
}

// nextNonce is the nonce for a new entry; sendMu held.
func (m *Manager) nextNonce(ctx context.Context) (uint64, error) {
	if !m.synced {
		n, err := m.be.PendingNonceAt(ctx, m.from)
		if err != nil {
			return 0, fmt.Errorf("read pending nonce: %w", err)
		}
		m.next, m.synced = max(m.next, n), true
	}
	return m.next, nil
}

// fees are the tip the node suggests and a fee cap of twice the base fee
// plus the tip, both within MaxFeePerGas.
func (m *Manager) fees(ctx context.Context) (tip, feeCap *big.Int, err error) {
	tip, err = m.be.SuggestGasTipCap(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("suggest gas tip: %w", err)
	}
	head, err := m.be.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("read head: %w", err)
	}
	if head.BaseFee == nil {
		return nil, nil, errors.New("read head: no base fee (chain not on EIP-1559)")
	}
	feeCap = new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
	tip, feeCap = m.capFees(tip, feeCap)
	return tip, feeCap, nil
}

// capFees keeps the fee cap within MaxFeePerGas and the tip within the fee
// cap.
func (m *Manager) capFees(tip, feeCap *big.Int) (*big.Int, *big.Int) {
	if feeCap.Cmp(m.cfg.MaxFeePerGas) > 0 {
		feeCap = new(big.Int).Set(m.cfg.MaxFeePerGas)
	}
	if tip.Cmp(feeCap) > 0 {
		tip = new(big.Int).Set(feeCap)
	}
	return tip, feeCap
}

// sign signs an attempt of e with the given fees.
func (m *Manager) sign(e *entry, tip, feeCap *big.Int) (attempt, error) {
	tx, err := types.SignNewTx(m.cfg.Key, m.signer, &types.DynamicFeeTx{
		ChainID: m.cfg.ChainID, Nonce: e.Nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: e.Gas,
		To: &e.To, Value: e.value(), Data: e.Data,
	})
	if err != nil {
		return attempt{}, fmt.Errorf("sign transaction: %w", err)
	}
	raw, err := tx.MarshalBinary()
	if err != nil {
		return attempt{}, fmt.Errorf("encode transaction: %w", err)
	}
	return attempt{Raw: raw, Hash: tx.Hash(), Tip: (*hexutil.Big)(new(big.Int).Set(tip)),
		FeeCap: (*hexutil.Big)(new(big.Int).Set(feeCap)), SentAt: time.Now().UTC()}, nil
}

// broadcast sends an attempt to the node. Failures are logged: the loop
// re-broadcasts or replaces what is not mined.
func (m *Manager) broadcast(ctx context.Context, a *attempt) {
	tx := new(types.Transaction)
	if err := tx.UnmarshalBinary(a.Raw); err != nil {
		m.log.Error("journal holds an undecodable transaction", zap.Stringer("tx_hash", a.Hash), zap.Error(err))
		return
	}
	ctx, cancel := context.WithTimeout(ctx, rpcTimeout)
	defer cancel()
	err := m.be.SendTransaction(ctx, tx)
	if err == nil || strings.Contains(err.Error(), "already known") {
		return
	}
	m.log.Info("broadcast failed; will retry", zap.Stringer("tx_hash", a.Hash), zap.Uint64("nonce", tx.Nonce()), zap.Error(err))
}

// outcomeOf reads a done entry's transaction and receipt.
func (m *Manager) outcomeOf(ctx context.Context, e *entry) (Outcome, error) {
	for _, a := range e.Attempts {
		if a.Hash != e.Mined {
			continue
		}
		tx := new(types.Transaction)
		if err := tx.UnmarshalBinary(a.Raw); err != nil {
			return Outcome{}, fmt.Errorf("decode transaction %s: %w", a.Hash, err)
		}
		r, err := m.be.TransactionReceipt(ctx, a.Hash)
		if err != nil {
			return Outcome{}, fmt.Errorf("receipt of %s: %w", a.Hash, err)
		}
		return Outcome{Tx: tx, Receipt: r}, nil
	}
	return Outcome{}, fmt.Errorf("journal entry %s names no mined attempt", e.Key)
}

// RevertData extracts the revert data that geth attaches to the errors of
// eth_call and eth_estimateGas.
func RevertData(err error) ([]byte, bool) {
	var de interface{ ErrorData() any }
	if !errors.As(err, &de) {
		return nil, false
	}
	switch d := de.ErrorData().(type) {
	case string:
		b, err := hexutil.Decode(d)
		return b, err == nil
	case []byte:
		return d, true
	}
	return nil, false
}
