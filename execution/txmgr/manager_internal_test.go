package txmgr

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/params"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"
)

var (
	sink     = common.HexToAddress("0x000000000000000000000000000000000000dEaD")
	reverter = common.HexToAddress("0x0000000000000000000000000000000000000bad")
)

// chain is a simulated chain with a funded key and a contract that always
// reverts.
type chain struct {
	sim *simulated.Backend
	key *ecdsa.PrivateKey
	id  *big.Int
}

func newChain(t testing.TB) *chain {
	t.Helper()
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	sim := simulated.NewBackend(types.GenesisAlloc{
		crypto.PubkeyToAddress(key.PublicKey): {Balance: new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))},
		reverter:                              {Code: []byte{0x60, 0x00, 0x60, 0x00, 0xfd}}, // revert(0, 0)
	})
	t.Cleanup(func() { sim.Close() })
	id, err := sim.Client().ChainID(context.Background())
	require.NoError(t, err)
	return &chain{sim: sim, key: key, id: id}
}

// mineEvery seals a block every d until the test ends.
func (c *chain) mineEvery(t *testing.T, d time.Duration) {
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tk := time.NewTicker(d)
		defer tk.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tk.C:
				c.sim.Commit()
			}
		}
	}()
	t.Cleanup(func() { close(stop); <-done })
}

// nonce is the number of transactions the key has mined.
func (c *chain) nonce(t *testing.T) uint64 {
	n, err := c.sim.Client().NonceAt(context.Background(), crypto.PubkeyToAddress(c.key.PublicKey), nil)
	require.NoError(t, err)
	return n
}

func openDB(t *testing.T, dir string) *badger.DB {
	t.Helper()
	db, err := badger.Open(badger.DefaultOptions(dir).WithSyncWrites(true).WithLogger(nil))
	require.NoError(t, err)
	return db
}

// flaky wraps a backend with injected failures.
type flaky struct {
	Backend
	dropSends  atomic.Int32 // SendTransaction calls to swallow: the node never sees them, the caller sees success
	lostAnswer atomic.Int32 // SendTransaction calls that reach the node but whose answer is lost
	receiptErr atomic.Int32 // TransactionReceipt calls that fail in transport
	sends      atomic.Int32
}

var errTransport = errors.New("read tcp 127.0.0.1:8545: connection reset by peer")

func (f *flaky) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	f.sends.Add(1)
	if f.dropSends.Add(-1) >= 0 {
		return nil
	}
	if f.lostAnswer.Add(-1) >= 0 {
		_ = f.Backend.SendTransaction(ctx, tx)
		return errTransport
	}
	return f.Backend.SendTransaction(ctx, tx)
}

func (f *flaky) TransactionReceipt(ctx context.Context, h common.Hash) (*types.Receipt, error) {
	if f.receiptErr.Add(-1) >= 0 {
		return nil, errTransport
	}
	return f.Backend.TransactionReceipt(ctx, h)
}

func newFlaky(c *chain) *flaky {
	f := &flaky{Backend: c.sim.Client()}
	f.dropSends.Store(0)
	return f
}

func newManager(t *testing.T, c *chain, be Backend, db *badger.DB, adjust func(*Config)) *Manager {
	t.Helper()
	cfg := Config{Backend: be, Key: c.key, ChainID: c.id, Store: NewBadgerStore(db, "tx/"),
		PollInterval: 20 * time.Millisecond, ResubmitAfter: 300 * time.Millisecond, Logger: zaptest.NewLogger(t)}
	if adjust != nil {
		adjust(&cfg)
	}
	m, err := New(cfg)
	require.NoError(t, err)
	t.Cleanup(m.Close)
	return m
}

func transfer(key string) Request { return Request{Key: key, To: sink, Value: big.NewInt(1)} }

func sendCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func TestSendMinesOnceAndIsIdempotent(t *testing.T) {
	c := newChain(t)
	c.mineEvery(t, 50*time.Millisecond)
	m := newManager(t, c, c.sim.Client(), openDB(t, t.TempDir()), nil)
	out, err := m.Send(sendCtx(t), transfer("a"))
	require.NoError(t, err)
	require.Equal(t, types.ReceiptStatusSuccessful, out.Receipt.Status)
	require.Equal(t, out.Tx.Hash(), out.Receipt.TxHash)
	again, err := m.Send(sendCtx(t), transfer("a"))
	require.NoError(t, err)
	require.Equal(t, out.Tx.Hash(), again.Tx.Hash(), "the same key answers from the journal")
	require.EqualValues(t, 1, c.nonce(t))
}

func TestConcurrentRequestsGetConsecutiveNonces(t *testing.T) {
	c := newChain(t)
	c.mineEvery(t, 50*time.Millisecond)
	m := newManager(t, c, c.sim.Client(), openDB(t, t.TempDir()), nil)
	var wg sync.WaitGroup
	nonces := make([]uint64, 8)
	for i := range nonces {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := m.Send(sendCtx(t), transfer(fmt.Sprint("k", i%4))) // keys repeat: 4 transactions
			if err == nil {
				nonces[i] = out.Tx.Nonce()
			}
			require.NoError(t, err)
		}()
	}
	wg.Wait()
	require.EqualValues(t, 4, c.nonce(t))
	for i := range 4 {
		require.Equal(t, nonces[i], nonces[i+4], "one transaction per key")
	}
}

type sent struct {
	out Outcome
	err error
}

// sendAsync sends req in the background.
func sendAsync(t *testing.T, m *Manager, req Request) chan sent {
	done := make(chan sent, 1)
	go func() {
		out, err := m.Send(sendCtx(t), req)
		done <- sent{out, err}
	}()
	return done
}

func TestConfirmations(t *testing.T) {
	c := newChain(t)
	m := newManager(t, c, c.sim.Client(), openDB(t, t.TempDir()), func(cfg *Config) { cfg.Confirmations = 3 })
	done := sendAsync(t, m, transfer("a"))
	require.Eventually(t, func() bool { m.mu.Lock(); defer m.mu.Unlock(); return len(m.pending) == 1 }, 5*time.Second, 10*time.Millisecond)
	mined := c.sim.Commit()
	c.sim.Commit()
	select {
	case <-done:
		t.Fatal("returned after 2 of 3 confirmations")
	case <-time.After(300 * time.Millisecond):
	}
	c.sim.Commit()
	r := <-done
	require.NoError(t, r.err)
	require.Equal(t, mined, r.out.Receipt.BlockHash)
}

func TestRevertSendsNothing(t *testing.T) {
	c := newChain(t)
	db := openDB(t, t.TempDir())
	m := newManager(t, c, c.sim.Client(), db, nil)
	_, err := m.Send(sendCtx(t), Request{Key: "r", To: reverter})
	var re *RevertError
	require.ErrorAs(t, err, &re)
	require.ErrorIs(t, err, ErrReverted)
	n := 0
	require.NoError(t, NewBadgerStore(db, "tx/").All(func(string, []byte) error { n++; return nil }))
	require.Zero(t, n, "nothing journaled")
	pending, err := c.sim.Client().PendingNonceAt(context.Background(), m.Address())
	require.NoError(t, err)
	require.Zero(t, pending)
}

// A process that dies between sending and the receipt: the next manager on
// the same journal waits for that transaction instead of sending another,
// also when the first never reached the node.
func TestCrashBetweenSendAndReceipt(t *testing.T) {
	for _, lost := range []bool{false, true} {
		t.Run(fmt.Sprintf("broadcast lost %v", lost), func(t *testing.T) {
			c := newChain(t)
			dir := t.TempDir()
			db := openDB(t, dir)
			be := newFlaky(c)
			if lost {
				be.dropSends.Store(1)
			}
			first := newManager(t, c, be, db, nil)
			ctx, cancel := context.WithCancel(context.Background())
			go func() {
				require.Eventually(t, func() bool { return be.sends.Load() == 1 }, 5*time.Second, 5*time.Millisecond)
				cancel() // the process dies: no receipt was seen
			}()
			_, err := first.Send(ctx, transfer("exec/1"))
			require.ErrorIs(t, err, context.Canceled)
			first.Close()
			var sent common.Hash
			for _, e := range first.pending {
				sent = e.Attempts[0].Hash
			}
			require.NoError(t, db.Close())

			db = openDB(t, dir)
			t.Cleanup(func() { db.Close() })
			c.mineEvery(t, 50*time.Millisecond)
			second := newManager(t, c, c.sim.Client(), db, nil)
			out, err := second.Send(sendCtx(t), transfer("exec/1"))
			require.NoError(t, err)
			require.EqualValues(t, 1, c.nonce(t), "exactly one transaction")
			if !lost {
				require.Equal(t, sent, out.Tx.Hash(), "the transaction sent before the crash")
			}
		})
	}
}

// A broadcast the node never got: the attempt is replaced at the same nonce
// with both fees bumped, and only one transaction is mined.
func TestStuckTransactionIsReplaced(t *testing.T) {
	c := newChain(t)
	c.mineEvery(t, 50*time.Millisecond)
	be := newFlaky(c)
	be.dropSends.Store(2)
	m := newManager(t, c, be, openDB(t, t.TempDir()), nil)
	out, err := m.Send(sendCtx(t), transfer("a"))
	require.NoError(t, err)
	e := m.done["a"]
	require.GreaterOrEqual(t, len(e.Attempts), 3)
	for i := 1; i < len(e.Attempts); i++ {
		prev, cur := e.Attempts[i-1], e.Attempts[i]
		require.GreaterOrEqual(t, new(big.Int).Mul(cur.feeCap(), big.NewInt(100)).Cmp(new(big.Int).Mul(prev.feeCap(), big.NewInt(110))), 0)
		require.GreaterOrEqual(t, new(big.Int).Mul(cur.tip(), big.NewInt(100)).Cmp(new(big.Int).Mul(prev.tip(), big.NewInt(110))), 0)
	}
	require.Equal(t, e.Attempts[len(e.Attempts)-1].Hash, out.Tx.Hash())
	require.Zero(t, out.Tx.Nonce())
	require.EqualValues(t, 1, c.nonce(t))
}

// Replacements never exceed the fee cap; at the cap the last attempt is
// re-broadcast.
func TestFeeCap(t *testing.T) {
	c := newChain(t)
	be := newFlaky(c)
	be.dropSends.Store(6)
	head, err := c.sim.Client().HeaderByNumber(context.Background(), nil)
	require.NoError(t, err)
	// Room for two bumps above the first attempt's 2 × base fee + tip; no
	// block is sealed (the base fee stays) until every lost broadcast is
	// spent.
	feeCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(3)), big.NewInt(params.GWei))
	m := newManager(t, c, be, openDB(t, t.TempDir()), func(cfg *Config) {
		cfg.MaxFeePerGas, cfg.ResubmitAfter = feeCap, 100*time.Millisecond
	})
	done := sendAsync(t, m, transfer("a"))
	require.Eventually(t, func() bool { return be.sends.Load() >= 7 }, 20*time.Second, 10*time.Millisecond)
	c.mineEvery(t, 50*time.Millisecond)
	r := <-done
	require.NoError(t, r.err)
	out := r.out
	require.LessOrEqual(t, out.Tx.GasFeeCap().Cmp(feeCap), 0)
	e := m.done["a"]
	for _, a := range e.Attempts {
		require.LessOrEqual(t, a.feeCap().Cmp(feeCap), 0)
	}
	require.Less(t, len(e.Attempts), 7, "some of the 6 lost broadcasts were re-broadcasts at the cap")
	require.EqualValues(t, 1, c.nonce(t))
}

// Transport failures: a send whose answer is lost, receipts that fail.
func TestTransportFailures(t *testing.T) {
	c := newChain(t)
	c.mineEvery(t, 50*time.Millisecond)
	be := newFlaky(c)
	be.lostAnswer.Store(1)
	be.receiptErr.Store(5)
	m := newManager(t, c, be, openDB(t, t.TempDir()), nil)
	out, err := m.Send(sendCtx(t), transfer("a"))
	require.NoError(t, err)
	require.Len(t, m.done["a"].Attempts, 1, "the lost answer was a sent transaction: nothing replaced")
	require.Equal(t, m.done["a"].Attempts[0].Hash, out.Tx.Hash())
	require.EqualValues(t, 1, c.nonce(t))
}

// A reorg drops the block of the transaction before it is confirmed: it is
// mined again on the new chain and only then reported.
func TestReorg(t *testing.T) {
	c := newChain(t)
	m := newManager(t, c, c.sim.Client(), openDB(t, t.TempDir()), func(cfg *Config) { cfg.Confirmations = 2 })
	done := sendAsync(t, m, transfer("a"))
	require.Eventually(t, func() bool {
		p, _ := c.sim.Client().PendingNonceAt(context.Background(), m.Address())
		return p == 1
	}, 5*time.Second, 10*time.Millisecond)
	parent, err := c.sim.Client().HeaderByNumber(context.Background(), nil)
	require.NoError(t, err)
	orphan := c.sim.Commit() // mined here, then reorged out
	require.EqualValues(t, 1, c.nonce(t))
	time.Sleep(150 * time.Millisecond) // the manager sees the receipt, one confirmation short
	select {
	case <-done:
		t.Fatal("returned with 1 of 2 confirmations")
	default:
	}
	require.NoError(t, c.sim.Fork(parent.Hash()))
	c.mineEvery(t, 50*time.Millisecond)
	r := <-done
	require.NoError(t, r.err)
	require.NotEqual(t, orphan, r.out.Receipt.BlockHash)
	canon, err := c.sim.Client().HeaderByNumber(context.Background(), r.out.Receipt.BlockNumber)
	require.NoError(t, err)
	require.Equal(t, canon.Hash(), r.out.Receipt.BlockHash, "reported on the canonical chain")
	require.EqualValues(t, 1, c.nonce(t))
}

// A transaction this manager did not send takes the entry's nonce: the
// entry moves to a new nonce and is mined once.
func TestNonceTakenElsewhere(t *testing.T) {
	c := newChain(t)
	be := newFlaky(c)
	be.dropSends.Store(1) // the manager's first attempt never reaches the node
	m := newManager(t, c, be, openDB(t, t.TempDir()), func(cfg *Config) { cfg.ResubmitAfter = time.Hour })
	done := sendAsync(t, m, transfer("a"))
	require.Eventually(t, func() bool { return be.sends.Load() == 1 }, 5*time.Second, 5*time.Millisecond)
	// Someone else uses the key at nonce 0.
	other, err := types.SignNewTx(c.key, types.LatestSignerForChainID(c.id), &types.DynamicFeeTx{
		ChainID: c.id, Nonce: 0, GasTipCap: big.NewInt(params.GWei), GasFeeCap: big.NewInt(10 * params.GWei), Gas: 21000,
		To: &sink, Value: big.NewInt(2),
	})
	require.NoError(t, err)
	require.NoError(t, c.sim.Client().SendTransaction(context.Background(), other))
	c.mineEvery(t, 50*time.Millisecond)
	r := <-done
	require.NoError(t, r.err)
	require.EqualValues(t, 1, r.out.Tx.Nonce())
	require.EqualValues(t, 2, c.nonce(t))
}

func TestBump(t *testing.T) {
	for _, tc := range []struct{ v, pct, want int64 }{{100, 15, 115}, {1, 15, 2}, {0, 15, 1}, {1000, 10, 1100}} {
		require.Equal(t, tc.want, bump(big.NewInt(tc.v), uint64(tc.pct)).Int64(), "%d +%d%%", tc.v, tc.pct)
	}
}

func TestConfigChecks(t *testing.T) {
	c := newChain(t)
	_, err := New(Config{Backend: c.sim.Client(), Key: c.key, ChainID: c.id})
	require.Error(t, err, "no store")
	_, err = New(Config{Backend: c.sim.Client(), Key: c.key, ChainID: c.id, Store: NewBadgerStore(openDB(t, t.TempDir()), ""), FeeBumpPercent: 5})
	require.ErrorContains(t, err, "10%")
	m := newManager(t, c, c.sim.Client(), openDB(t, t.TempDir()), nil)
	_, err = m.Send(sendCtx(t), Request{To: sink})
	require.ErrorIs(t, err, ErrRequest)
	m.Close()
	_, err = m.Send(sendCtx(t), transfer("x"))
	require.ErrorIs(t, err, ErrClosed)
}

// minedBackend seals a block after every accepted transaction.
type minedBackend struct {
	Backend
	sim *simulated.Backend
}

func (b *minedBackend) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	if err := b.Backend.SendTransaction(ctx, tx); err != nil {
		return err
	}
	b.sim.Commit()
	return nil
}

// BenchmarkSend measures one request from Send to its confirmed receipt on a
// chain that seals a block per transaction: simulation, two estimates,
// journal write (badger, synchronous), signature, broadcast and the receipt
// poll; next to a bare sign-send-receipt of the same transfer.
func BenchmarkSend(b *testing.B) {
	for _, mode := range []string{"manager", "bare"} {
		b.Run(mode, func(b *testing.B) {
			c := newChain(b)
			be := &minedBackend{Backend: c.sim.Client(), sim: c.sim}
			db, err := badger.Open(badger.DefaultOptions(b.TempDir()).WithSyncWrites(true).WithLogger(nil))
			require.NoError(b, err)
			defer db.Close()
			m, err := New(Config{Backend: be, Key: c.key, ChainID: c.id, Store: NewBadgerStore(db, "tx/"), PollInterval: time.Millisecond})
			require.NoError(b, err)
			defer m.Close()
			signer := types.LatestSignerForChainID(c.id)
			ctx := context.Background()
			b.ResetTimer()
			for i := range b.N {
				if mode == "manager" {
					if _, err := m.Send(ctx, transfer(fmt.Sprint("k", i))); err != nil {
						b.Fatal(err)
					}
					continue
				}
				tx, err := types.SignNewTx(c.key, signer, &types.DynamicFeeTx{ChainID: c.id, Nonce: uint64(i), GasTipCap: big.NewInt(params.GWei),
					GasFeeCap: big.NewInt(10 * params.GWei), Gas: 21000, To: &sink, Value: big.NewInt(1)})
				require.NoError(b, err)
				require.NoError(b, be.SendTransaction(ctx, tx))
				if _, err := be.TransactionReceipt(ctx, tx.Hash()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
