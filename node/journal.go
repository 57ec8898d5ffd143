package node

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"
	"github.com/ethereum/go-ethereum/common"
	"github.com/triggerx-network/triggerx/attestation"
)

// Journal errors callers branch on.
var (
	// ErrConflictingVote is returned when a keeper is asked to sign a vote
	// for a task it already signed a different vote for. Signing it could get
	// the keeper slashed; the journal refuses.
	ErrConflictingVote = errors.New("conflicting vote for task already signed")
	// ErrConflictingExecution is returned when a second, different execution
	// transaction is recorded for a task.
	ErrConflictingExecution = errors.New("different execution already recorded for task")
)

// Journal is a keeper's durable memory, kept in badger with synchronous
// writes: which tasks it executed (with the signed transaction, so a restart
// re-broadcasts the same transaction instead of signing another) and which
// vote it signed for each task (slashing protection). Safe for concurrent use.
type Journal struct {
	db *badger.DB
}

// OpenJournal opens (or creates) the journal in dir; an empty dir keeps it in
// memory, for tests.
func OpenJournal(dir string) (*Journal, error) {
	db, err := openStateDB(dir)
	if err != nil {
		return nil, fmt.Errorf("open journal: %w", err)
	}
	return &Journal{db: db}, nil
}

// openStateDB opens a node's badger database with synchronous writes: what it
// records must survive a crash. An empty dir keeps it in memory.
func openStateDB(dir string) (*badger.DB, error) {
	opts := badger.DefaultOptions(dir).WithSyncWrites(true).WithLogger(nil)
	if dir == "" {
		opts = opts.WithInMemory(true)
	}
	return badger.Open(opts)
}

// Close closes the journal.
func (j *Journal) Close() error { return j.db.Close() }

// ExecutionRecord is what the journal keeps about a task this keeper performed.
type ExecutionRecord struct {
	TxHash common.Hash `json:"tx_hash"`
	RawTx  []byte      `json:"raw_tx"` // the signed transaction, re-broadcast after a restart
	// Calldata and Script are what the execution sent and, for script jobs,
	// the script run that computed it: a restarted keeper reports them
	// rather than running the script again.
	Calldata []byte                 `json:"calldata,omitempty"`
	Target   common.Address         `json:"target,omitzero"`
	Script   *attestation.ScriptRun `json:"script,omitempty"`
	Done     bool                   `json:"done"` // receipt seen and result published
	Result   []byte                 `json:"result,omitempty"`
}

func execKey(taskID common.Hash) []byte { return append([]byte("exec/"), taskID[:]...) }
func voteKey(taskID common.Hash) []byte { return append([]byte("vote/"), taskID[:]...) }

// Execution returns the record for taskID, if any.
func (j *Journal) Execution(taskID common.Hash) (ExecutionRecord, bool, error) {
	var rec ExecutionRecord
	found := false
	err := j.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get(execKey(taskID))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		found = true
		return item.Value(func(v []byte) error { return json.Unmarshal(v, &rec) })
	})
	if err != nil {
		return ExecutionRecord{}, false, fmt.Errorf("read execution record: %w", err)
	}
	return rec, found, nil
}

// RecordExecution stores rec for taskID. Updating a record with the same
// transaction is allowed (to mark it done); a record with another
// transaction fails with ErrConflictingExecution.
func (j *Journal) RecordExecution(taskID common.Hash, rec ExecutionRecord) error {
	err := j.db.Update(func(txn *badger.Txn) error {
		item, err := txn.Get(execKey(taskID))
		switch {
		case errors.Is(err, badger.ErrKeyNotFound):
		case err != nil:
			return err
		default:
			var old ExecutionRecord
			if err := item.Value(func(v []byte) error { return json.Unmarshal(v, &old) }); err != nil {
				return err
			}
			if old.TxHash != rec.TxHash {
				return fmt.Errorf("%w: task %s has %s", ErrConflictingExecution, taskID.Hex(), old.TxHash.Hex())
			}
		}
		v, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		return txn.Set(execKey(taskID), v)
	})
	if err != nil {
		return fmt.Errorf("record execution: %w", err)
	}
	return nil
}

// ReserveVote records that the keeper is about to sign digest for taskID. It
// succeeds if nothing was signed for the task yet, or if the same digest was;
// otherwise it fails with ErrConflictingVote. Call it before signing.
func (j *Journal) ReserveVote(taskID, digest common.Hash) error {
	err := j.db.Update(func(txn *badger.Txn) error {
		item, err := txn.Get(voteKey(taskID))
		switch {
		case errors.Is(err, badger.ErrKeyNotFound):
			return txn.Set(voteKey(taskID), digest[:])
		case err != nil:
			return err
		}
		return item.Value(func(v []byte) error {
			if common.BytesToHash(v) != digest {
				return fmt.Errorf("%w: task %s", ErrConflictingVote, taskID.Hex())
			}
			return nil
		})
	})
	if err != nil && !errors.Is(err, ErrConflictingVote) {
		return fmt.Errorf("reserve vote: %w", err)
	}
	return err
}

// SignsBatch reports whether this keeper may sign a batch of verdicts: for
// every leaf, it signed the very same vote (its journal holds the leaf's
// digest for the task), or it performed the task and the leaf approves the
// result it published. A keeper that signs only such batches never signs a
// verdict it did not reach. When it may not, why names the first leaf that
// stops it, and pending tells whether that may change: the keeper has no
// vote and no finished execution of the task yet (a contradiction never
// changes).
func (j *Journal) SignsBatch(d attestation.Domain, self common.Address, leaves []attestation.BatchLeaf) (ok, pending bool, why string, err error) {
	err = j.db.View(func(txn *badger.Txn) error {
		for _, l := range leaves {
			item, err := txn.Get(voteKey(l.TaskID))
			switch {
			case err == nil:
				var signed common.Hash
				if err := item.Value(func(v []byte) error { signed = common.BytesToHash(v); return nil }); err != nil {
					return err
				}
				if signed != l.Hash(d) {
					why = "different vote signed for task " + l.TaskID.Hex()
					return nil
				}
				continue
			case !errors.Is(err, badger.ErrKeyNotFound):
				return err
			}
			item, err = txn.Get(execKey(l.TaskID))
			if errors.Is(err, badger.ErrKeyNotFound) {
				why, pending = "no vote and no execution for task "+l.TaskID.Hex(), true
				return nil
			}
			if err != nil {
				return err
			}
			var rec ExecutionRecord
			if err := item.Value(func(v []byte) error { return json.Unmarshal(v, &rec) }); err != nil {
				return err
			}
			var r attestation.Result
			if !rec.Done || len(rec.Result) == 0 || json.Unmarshal(rec.Result, &r) != nil {
				why, pending = "execution of task "+l.TaskID.Hex()+" not finished", true
				return nil
			}
			if !l.Approve || r.Performer != self || r.Hash() != l.ResultHash {
				why = "verdict differs from own execution of task " + l.TaskID.Hex()
				return nil
			}
		}
		ok = true
		return nil
	})
	if err != nil {
		return false, false, "", fmt.Errorf("read journal: %w", err)
	}
	return ok, pending, why, nil
}
