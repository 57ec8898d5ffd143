package node

import (
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"time"

	"github.com/dgraph-io/badger/v4"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/execution"
	"github.com/triggerx-network/triggerx/execution/txmgr"
)

// TxConfig tunes a node's transaction manager (execution/txmgr); zero
// fields take the manager's defaults.
type TxConfig struct {
	// MaxFeePerGas caps the fee cap of every transaction, in wei per gas.
	MaxFeePerGas *big.Int
	// Confirmations is the depth a transaction's block must reach (counting
	// itself) before the node acts on its receipt.
	Confirmations uint64
	// ResubmitAfter is how long a transaction may stay unmined before it is
	// replaced with higher fees.
	ResubmitAfter time.Duration
}

// txJournalPrefix is where a node's badger database keeps its transaction
// journal.
const txJournalPrefix = "tx/"

// newSender starts the transaction manager of key on the home chain, with
// its journal in db, and registers its stop before db's.
func (p *process) newSender(db *badger.DB, key *ecdsa.PrivateKey, cfg TxConfig) (*execution.Sender, error) {
	s, stop, err := startSender(db, txJournalPrefix, key, cfg, p.chain, p.chainID, p.log)
	if err != nil {
		return nil, err
	}
	p.l.onStop("transaction manager", func() error { stop(); return nil })
	return s, nil
}

// otherChainPrefix is where the transaction journal of another chain lives:
// "txc/<chain id>/", outside txJournalPrefix.
func otherChainPrefix(chainID uint64) string { return fmt.Sprintf("txc/%d/", chainID) }

// startSender starts a transaction manager of key on chain, journaling under
// prefix in db; stop it before closing db.
func startSender(db *badger.DB, prefix string, key *ecdsa.PrivateKey, cfg TxConfig, chain execution.Chain, chainID *big.Int,
	log *zap.Logger,
) (*execution.Sender, func(), error) {
	mgr, err := txmgr.New(txmgr.Config{
		Backend: chain, Key: key, ChainID: chainID, Store: txmgr.NewBadgerStore(db, prefix),
		MaxFeePerGas: cfg.MaxFeePerGas, Confirmations: cfg.Confirmations, ResubmitAfter: cfg.ResubmitAfter, Logger: log,
	})
	if err != nil {
		return nil, nil, fmt.Errorf("start transaction manager of chain %s: %w", chainID, err)
	}
	return execution.NewSender(chain, mgr, log), mgr.Close, nil
}
