package node

import (
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"time"

	"github.com/dgraph-io/badger/v4"

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
	mgr, err := txmgr.New(txmgr.Config{
		Backend: p.chain, Key: key, ChainID: p.chainID, Store: txmgr.NewBadgerStore(db, txJournalPrefix),
		MaxFeePerGas: cfg.MaxFeePerGas, Confirmations: cfg.Confirmations, ResubmitAfter: cfg.ResubmitAfter, Logger: p.log,
	})
	if err != nil {
		return nil, fmt.Errorf("start transaction manager: %w", err)
	}
	p.l.onStop("transaction manager", func() error { mgr.Close(); return nil })
	return execution.NewSender(p.chain, mgr, p.log), nil
}
