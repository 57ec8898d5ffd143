package txmgr

import (
	"context"
	"errors"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"
)

// loop drives the pending entries until Close.
func (m *Manager) loop() {
	defer m.loopWG.Done()
	t := time.NewTicker(m.cfg.PollInterval)
	defer t.Stop()
	consumed := map[string]int{} // polls in a row that showed an entry's nonce used by someone else
	for {
		select {
		case <-m.ctx.Done():
			return
		case <-t.C:
		}
		m.mu.Lock()
		entries := make([]*entry, 0, len(m.pending))
		for _, e := range m.pending {
			entries = append(entries, e)
		}
		m.mu.Unlock()
		slices.SortFunc(entries, func(a, b *entry) int { return int(a.Nonce) - int(b.Nonce) })
		for _, e := range entries {
			if m.ctx.Err() != nil {
				return
			}
			ctx, cancel := context.WithTimeout(m.ctx, rpcTimeout)
			m.check(ctx, e, consumed)
			cancel()
		}
	}
}

// check looks for a receipt of e's attempts and otherwise replaces,
// re-broadcasts or re-nonces e. Only the loop calls it.
func (m *Manager) check(ctx context.Context, e *entry, consumed map[string]int) {
	log := m.log.With(zap.String("key", e.Key), zap.Uint64("nonce", e.Nonce))
	head, err := m.be.HeaderByNumber(ctx, nil)
	if err != nil {
		log.Debug("read head", zap.Error(err))
		return
	}
	unsure := false // a receipt lookup could not say whether the attempt is mined
	for i := len(e.Attempts) - 1; i >= 0; i-- {
		a := e.Attempts[i]
		r, err := m.be.TransactionReceipt(ctx, a.Hash)
		if errors.Is(err, ethereum.NotFound) {
			continue
		}
		if indexing(err) {
			unsure = true
			continue
		}
		if err != nil {
			log.Debug("read receipt", zap.Stringer("tx_hash", a.Hash), zap.Error(err))
			return // cannot tell: try again next poll
		}
		at, err := m.be.HeaderByNumber(ctx, r.BlockNumber)
		if err != nil {
			log.Debug("read receipt's block", zap.Stringer("block", r.BlockNumber), zap.Error(err))
			return
		}
		if at.Hash() != r.BlockHash {
			log.Info("receipt's block was reorged out", zap.Stringer("tx_hash", a.Hash), zap.Stringer("block", r.BlockNumber))
			continue
		}
		delete(consumed, e.Key)
		if depth := new(big.Int).Sub(head.Number, r.BlockNumber); depth.Sign() < 0 || depth.Uint64()+1 < m.cfg.Confirmations {
			return // mined; waiting for confirmations
		}
		m.complete(e, a, r)
		return
	}

	// No attempt is mined (on the canonical chain).
	used, err := m.be.NonceAt(ctx, m.from, nil)
	if err != nil {
		log.Debug("read nonce", zap.Error(err))
		return
	}
	if used > e.Nonce {
		// Possibly our own transaction whose receipt this node does not
		// serve yet; only several polls in a row of definite answers mean
		// someone else took it.
		if unsure {
			return
		}
		if consumed[e.Key]++; consumed[e.Key] >= consumedPolls {
			delete(consumed, e.Key)
			m.renonce(ctx, e)
		}
		return
	}
	delete(consumed, e.Key)
	if time.Since(e.last().SentAt) >= m.cfg.ResubmitAfter {
		m.replace(ctx, e)
	}
}

// complete records e as done with attempt a mined, and answers its Sends.
func (m *Manager) complete(e *entry, a attempt, r *types.Receipt) {
	tx := new(types.Transaction)
	if err := tx.UnmarshalBinary(a.Raw); err != nil {
		m.log.Error("journal holds an undecodable transaction", zap.Stringer("tx_hash", a.Hash), zap.Error(err))
		return
	}
	m.sendMu.Lock()
	e.Done, e.Mined, e.MinedBlock = true, a.Hash, r.BlockNumber.Uint64()
	err := e.save(m.store)
	m.sendMu.Unlock()
	if err != nil {
		m.log.Error("record mined transaction", zap.String("key", e.Key), zap.Error(err))
		e.Done = false
		return // retried next poll
	}
	m.mu.Lock()
	delete(m.pending, e.Key)
	m.done[e.Key] = e
	c := m.calls[e.Key]
	delete(m.calls, e.Key)
	m.mu.Unlock()
	m.log.Debug("transaction confirmed", zap.String("key", e.Key), zap.Stringer("tx_hash", a.Hash),
		zap.Uint64("block", e.MinedBlock), zap.Uint64("status", r.Status), zap.Int("attempts", len(e.Attempts)))
	if c != nil {
		c.finish(Outcome{Tx: tx, Receipt: r}, nil)
	}
}

// replace signs e again at its nonce with both fees bumped, within
// MaxFeePerGas; when the cap leaves no room for a valid replacement it
// re-broadcasts the last attempt.
func (m *Manager) replace(ctx context.Context, e *entry) {
	m.sendMu.Lock()
	defer m.sendMu.Unlock()
	last := e.last()
	tip, feeCap, err := m.fees(ctx)
	if err != nil {
		m.log.Debug("price replacement", zap.Error(err))
		return
	}
	tip = maxBig(tip, bump(last.tip(), m.cfg.FeeBumpPercent))
	feeCap = maxBig(feeCap, bump(last.feeCap(), m.cfg.FeeBumpPercent), tip)
	tip, feeCap = m.capFees(tip, feeCap)
	if tip.Cmp(bump(last.tip(), minBumpPercent)) < 0 || feeCap.Cmp(bump(last.feeCap(), minBumpPercent)) < 0 {
		// At the fee cap: keep the transaction alive as it is.
		last.SentAt = time.Now().UTC()
		if err := e.save(m.store); err != nil {
			m.log.Warn("record re-broadcast", zap.String("key", e.Key), zap.Error(err))
		}
		m.log.Info("transaction not mined at the fee cap; re-broadcasting", zap.String("key", e.Key),
			zap.Uint64("nonce", e.Nonce), zap.Stringer("fee_cap", last.feeCap()))
		m.broadcast(ctx, last)
		return
	}
	a, err := m.sign(e, tip, feeCap)
	if err != nil {
		m.log.Error("sign replacement", zap.Error(err))
		return
	}
	e.Attempts = append(e.Attempts, a)
	if err := e.save(m.store); err != nil {
		e.Attempts = e.Attempts[:len(e.Attempts)-1]
		m.log.Error("record replacement", zap.String("key", e.Key), zap.Error(err))
		return
	}
	m.log.Info("replacing a transaction not mined", zap.String("key", e.Key), zap.Uint64("nonce", e.Nonce),
		zap.Stringer("old_tx", last.Hash), zap.Stringer("tx_hash", a.Hash), zap.Stringer("fee_cap", feeCap), zap.Stringer("tip", tip))
	m.broadcast(ctx, e.last())
}

// renonce moves e to a fresh nonce: its own was taken by a transaction this
// manager did not send, so none of its attempts can be mined any more.
func (m *Manager) renonce(ctx context.Context, e *entry) {
	m.sendMu.Lock()
	defer m.sendMu.Unlock()
	pending, err := m.be.PendingNonceAt(ctx, m.from)
	if err != nil {
		return
	}
	old := e.Nonce
	nonce := max(m.next, pending)
	tip, feeCap, err := m.fees(ctx)
	if err != nil {
		return
	}
	e.Nonce = nonce
	a, err := m.sign(e, tip, feeCap)
	if err != nil {
		e.Nonce = old
		return
	}
	e.Attempts = append(e.Attempts, a)
	if err := e.save(m.store); err != nil {
		e.Nonce, e.Attempts = old, e.Attempts[:len(e.Attempts)-1]
		m.log.Error("record new nonce", zap.String("key", e.Key), zap.Error(err))
		return
	}
	m.next = nonce + 1
	m.log.Warn("nonce taken by a transaction this keeper did not send: sending at a new nonce",
		zap.String("key", e.Key), zap.Uint64("old_nonce", old), zap.Uint64("nonce", nonce), zap.Stringer("tx_hash", a.Hash))
	m.broadcast(ctx, e.last())
}

// indexing reports geth's answer for a receipt while its transaction index
// is being built (a fresh or restarted node): the transaction is not known
// to be mined.
func indexing(err error) bool {
	return err != nil && strings.Contains(err.Error(), "transaction indexing is in progress")
}

// bump raises v by percent, and by at least 1 wei.
func bump(v *big.Int, percent uint64) *big.Int {
	out := new(big.Int).Mul(v, big.NewInt(int64(100+percent)))
	out.Div(out, big.NewInt(100))
	if out.Cmp(v) <= 0 {
		out.Add(v, big.NewInt(1))
	}
	return out
}

func maxBig(vs ...*big.Int) *big.Int {
	m := vs[0]
	for _, v := range vs[1:] {
		if v.Cmp(m) > 0 {
			m = v
		}
	}
	return new(big.Int).Set(m)
}
