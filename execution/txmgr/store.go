package txmgr

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// Store is the manager's journal: entries by key. Put must be durable when
// it returns (the manager broadcasts a transaction only after its entry is
// stored).
type Store interface {
	Put(key string, value []byte) error
	Delete(key string) error
	// All calls fn for every entry.
	All(fn func(key string, value []byte) error) error
}

// badgerStore keeps entries under a prefix of a badger database.
type badgerStore struct {
	db     *badger.DB
	prefix string
}

// NewBadgerStore returns a Store keeping entries under prefix in db, which
// should write synchronously (badger's WithSyncWrites) for Put to be durable.
func NewBadgerStore(db *badger.DB, prefix string) Store {
	return &badgerStore{db: db, prefix: prefix}
}

func (s *badgerStore) Put(key string, value []byte) error {
	return s.db.Update(func(txn *badger.Txn) error { return txn.Set([]byte(s.prefix+key), value) })
}

func (s *badgerStore) Delete(key string) error {
	return s.db.Update(func(txn *badger.Txn) error { return txn.Delete([]byte(s.prefix + key)) })
}

func (s *badgerStore) All(fn func(key string, value []byte) error) error {
	return s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(s.prefix)})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			v, err := item.ValueCopy(nil)
			if err != nil {
				return err
			}
			if err := fn(string(item.Key()[len(s.prefix):]), v); err != nil {
				return err
			}
		}
		return nil
	})
}

// entry is one request in the journal: its nonce, its call and every
// transaction signed for it.
type entry struct {
	Key      string         `json:"key"`
	Nonce    uint64         `json:"nonce"`
	To       common.Address `json:"to"`
	Data     hexutil.Bytes  `json:"data"`
	Value    *hexutil.Big   `json:"value,omitempty"`
	Gas      uint64         `json:"gas"`
	Attempts []attempt      `json:"attempts"`
	Created  time.Time      `json:"created"`
	// Done: a transaction of the entry is mined and confirmed.
	Done       bool        `json:"done,omitempty"`
	Mined      common.Hash `json:"mined,omitzero"` // the attempt that was mined
	MinedBlock uint64      `json:"mined_block,omitempty"`
}

// attempt is one signed transaction of an entry.
type attempt struct {
	Raw    hexutil.Bytes `json:"raw"`
	Hash   common.Hash   `json:"hash"`
	Tip    *hexutil.Big  `json:"tip"`
	FeeCap *hexutil.Big  `json:"fee_cap"`
	SentAt time.Time     `json:"sent_at"` // last broadcast
}

func (a attempt) tip() *big.Int    { return (*big.Int)(a.Tip) }
func (a attempt) feeCap() *big.Int { return (*big.Int)(a.FeeCap) }

func (e *entry) last() *attempt { return &e.Attempts[len(e.Attempts)-1] }

func (e *entry) value() *big.Int {
	if e.Value == nil {
		return new(big.Int)
	}
	return (*big.Int)(e.Value)
}

// save writes the entry to the store.
func (e *entry) save(s Store) error {
	b, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("encode entry %s: %w", e.Key, err)
	}
	if err := s.Put(e.Key, b); err != nil {
		return fmt.Errorf("store entry %s: %w", e.Key, err)
	}
	return nil
}

func decodeEntry(b []byte) (*entry, error) {
	var e entry
	if err := json.Unmarshal(b, &e); err != nil {
		return nil, err
	}
	if e.Key == "" || (!e.Done && len(e.Attempts) == 0) {
		return nil, errors.New("entry without key or attempts")
	}
	for _, a := range e.Attempts {
		if a.Tip == nil || a.FeeCap == nil || len(a.Raw) == 0 {
			return nil, errors.New("attempt without fees or transaction")
		}
	}
	return &e, nil
}
