package coordinator

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/ethereum/go-ethereum/common"
	lru "github.com/hashicorp/golang-lru/v2"
	"go.uber.org/zap"
)

// Key layout. Integers are big-endian so that byte order is numeric order;
// times are unix values with the sign bit flipped so negative times sort too.
//
//	j/<jobID>                              → Job (JSON)
//	d/<nextExecution s><jobID>             → ∅   due index of active jobs
//	t/<taskID>                             → storedTask (JSON)
//	jt/<jobID><scheduledAt s><taskID>      → ∅   tasks of a job
//	p/<createdAt ns><taskID>               → ∅   tasks in status processing
//	ov/<deadline ns><taskID>               → ∅   dispatched tasks not yet executed
//	ak/<key id>                            → APIKey (JSON, hash, no secret)
//	ah/<HashAPIKey(key) bytes>             → key id
//	c/<name>                               → next block (uint64)
//	s/<name>                               → component state (opaque bytes)
//	uj/<user address><jobID>               → ∅   jobs of a user
//	pa/<kind>/<address>                    → Account (JSON)
//	pk/<credit key>                        → ∅   credits applied
var (
	prefixJob        = []byte("j/")
	prefixDue        = []byte("d/")
	prefixTask       = []byte("t/")
	prefixJobTask    = []byte("jt/")
	prefixProcessing = []byte("p/")
	prefixOverdue    = []byte("ov/")
	// prefixAPIKeyID and prefixAPIKeyHash hold API keys. Keys stored by
	// earlier versions under "k/" (no id, no scope) are ignored: the
	// coordinator re-seeds its configured keys at every start.
	prefixAPIKeyID   = []byte("ak/")
	prefixAPIKeyHash = []byte("ah/")
	prefixCursor     = []byte("c/")
	prefixState      = []byte("s/")
	prefixUserJob    = []byte("uj/")
	prefixAccount    = []byte("pa/")
	// userJobIndexBuilt marks a database whose uj/ index covers every job
	// (databases written before the index existed get it at open).
	userJobIndexBuilt = []byte("ix/uj")
	prefixCredited    = []byte("pk/")
)

// maxTxnRetries bounds the retries of a transaction that lost a write
// conflict against a concurrent one.
const maxTxnRetries = 16

// BadgerStore is the embedded Store: a badger database, on disk or in memory.
type BadgerStore struct {
	db     *badger.DB
	logger *zap.Logger
	stop   chan struct{}
	wg     sync.WaitGroup
	once   sync.Once
	// credit serializes Credit: credits hit a few hot accounts, where
	// optimistic transactions would keep conflicting.
	credit sync.Mutex
	// jobs caches decoded jobs for Job (API reads, the dispatcher): this
	// process is the database's only writer, so a write here is the only
	// way a job changes. Every job write bumps jobGen when it begins and
	// when it has committed (and then drops the job); a read caches what it
	// read only if no write began or ended meanwhile and none is under way,
	// so the cache never holds a version older than one a reader has seen.
	jobs *lru.Cache[uint64, Job]
	// taskIDs caches each job's newest task ids (at most taskIDCacheDepth)
	// for TaskIDs under the same rule: tasks are created only by job writes
	// (UpdateJob), which drop a job's entry here too.
	taskIDs    *lru.Cache[uint64, []common.Hash]
	jobsMu     sync.Mutex // guards jobGen and jobWriters against a read's check-and-add
	jobGen     uint64
	jobWriters int
}

// jobCacheSize bounds the decoded jobs the badger store keeps, and the jobs
// whose newest taskIDCacheDepth task ids it keeps.
const (
	jobCacheSize     = 16384
	taskIDCacheDepth = 100
)

var _ Store = (*BadgerStore)(nil)

// OpenBadgerStore opens (or creates) the store in dir. An empty dir opens an
// in-memory store, for tests. On disk, a background goroutine garbage
// collects the value log until Close.
func OpenBadgerStore(dir string, logger *zap.Logger) (*BadgerStore, error) {
	if logger == nil {
		logger = zap.NewNop()
	}
	logger = logger.Named("store")
	opts := badger.DefaultOptions(dir).
		WithLogger(badgerLogger{logger.Sugar()}).
		WithLoggingLevel(badger.WARNING)
	if dir == "" {
		// Small tables: an in-memory store holds test data only.
		opts = opts.WithInMemory(true).
			WithMemTableSize(8 << 20).
			WithBlockCacheSize(8 << 20).
			WithIndexCacheSize(4 << 20)
	}
	db, err := badger.Open(opts)
	if err != nil {
		return nil, fmt.Errorf("open badger store %q: %w", dir, err)
	}
	jobs, _ := lru.New[uint64, Job](jobCacheSize) // only fails for a size <= 0
	taskIDs, _ := lru.New[uint64, []common.Hash](jobCacheSize)
	s := &BadgerStore{db: db, logger: logger, stop: make(chan struct{}), jobs: jobs, taskIDs: taskIDs}
	if err := s.buildUserJobIndex(); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("open badger store %q: %w", dir, err)
	}
	if dir != "" {
		s.wg.Add(1)
		go s.gcLoop(5 * time.Minute)
	}
	return s, nil
}

// Close stops the background work and closes the database.
func (s *BadgerStore) Close() error {
	var err error
	s.once.Do(func() {
		close(s.stop)
		s.wg.Wait()
		if cerr := s.db.Close(); cerr != nil {
			err = fmt.Errorf("close badger store: %w", cerr)
		}
	})
	return err
}

func (s *BadgerStore) gcLoop(every time.Duration) {
	defer s.wg.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
			// Rewrite value-log files until no file is worth rewriting.
			for {
				err := s.db.RunValueLogGC(0.5)
				if err == nil {
					continue
				}
				if !errors.Is(err, badger.ErrNoRewrite) && !errors.Is(err, badger.ErrRejected) {
					s.logger.Warn("Value log garbage collection failed", zap.Error(err))
				}
				break
			}
		}
	}
}

// update runs fn in a read-write transaction, retrying on write conflicts.
func (s *BadgerStore) update(ctx context.Context, fn func(txn *badger.Txn) error) error {
	for range maxTxnRetries {
		if err := ctx.Err(); err != nil {
			return err
		}
		err := s.db.Update(fn)
		if !errors.Is(err, badger.ErrConflict) {
			return err
		}
	}
	return fmt.Errorf("commit transaction: %w after %d attempts", badger.ErrConflict, maxTxnRetries)
}

func (s *BadgerStore) view(ctx context.Context, fn func(txn *badger.Txn) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.db.View(fn)
}

// CreateJobs implements Store.
func (s *BadgerStore) CreateJobs(ctx context.Context, jobs ...Job) error {
	defer s.writingJobs()(jobs...)
	return s.update(ctx, func(txn *badger.Txn) error {
		for _, j := range jobs {
			if _, err := txn.Get(jobKey(uint64(j.JobID))); err == nil {
				return fmt.Errorf("job %d: %w", j.JobID, ErrExists)
			} else if !errors.Is(err, badger.ErrKeyNotFound) {
				return fmt.Errorf("read job %d: %w", j.JobID, err)
			}
			if err := putJob(txn, nil, j); err != nil {
				return err
			}
		}
		return nil
	})
}

// Job implements Store.
func (s *BadgerStore) Job(ctx context.Context, id uint64) (Job, error) {
	if j, ok := s.jobs.Get(id); ok {
		return j.Clone(), nil
	}
	s.jobsMu.Lock()
	gen := s.jobGen
	s.jobsMu.Unlock()
	var j Job
	err := s.view(ctx, func(txn *badger.Txn) error {
		var err error
		j, err = getJob(txn, id)
		return err
	})
	if err == nil {
		s.jobsMu.Lock()
		if s.jobGen == gen && s.jobWriters == 0 {
			s.jobs.Add(id, j.Clone())
		}
		s.jobsMu.Unlock()
	}
	return j, err
}

// writingJobs marks a job write under way until the function it returns is
// called, after the write committed (or failed), with the jobs written:
// their cached copies are dropped then.
func (s *BadgerStore) writingJobs() func(jobs ...Job) {
	s.jobsMu.Lock()
	s.jobGen++
	s.jobWriters++
	s.jobsMu.Unlock()
	return func(jobs ...Job) {
		s.jobsMu.Lock()
		defer s.jobsMu.Unlock()
		s.jobGen++
		s.jobWriters--
		for _, j := range jobs {
			s.jobs.Remove(uint64(j.JobID))
			s.taskIDs.Remove(uint64(j.JobID))
		}
	}
}

// UpdateJob implements Store.
func (s *BadgerStore) UpdateJob(ctx context.Context, id uint64, fn func(*Job) (*Task, error)) (Job, bool, error) {
	var (
		out     Job
		created bool
	)
	defer s.writingJobs()(Job{JobID: Decimal(id)})
	err := s.update(ctx, func(txn *badger.Txn) error {
		created = false
		old, err := getJob(txn, id)
		if err != nil {
			return err
		}
		j := old.Clone()
		task, err := fn(&j)
		if err != nil {
			return err
		}
		if uint64(j.JobID) != id {
			return fmt.Errorf("update job %d: the job id must not change", id)
		}
		if err := putJob(txn, &old, j); err != nil {
			return err
		}
		if task != nil {
			if uint64(task.JobID) != id {
				return fmt.Errorf("update job %d: task %s belongs to job %d", id, task.TaskID, task.JobID)
			}
			if created, err = createTask(txn, *task); err != nil {
				return err
			}
		}
		out = j
		return nil
	})
	if err != nil {
		return Job{}, false, err
	}
	return out, created, nil
}

// DueJobs implements Store.
func (s *BadgerStore) DueJobs(ctx context.Context, now time.Time, limit int) ([]Job, error) {
	var jobs []Job
	err := s.view(ctx, func(txn *badger.Txn) error {
		opts := badger.DefaultIteratorOptions
		opts.PrefetchValues = false
		opts.Prefix = prefixDue
		it := txn.NewIterator(opts)
		defer it.Close()
		cutoff := timeSeconds(now)
		var ids []uint64
		for it.Rewind(); it.Valid() && (limit <= 0 || len(ids) < limit); it.Next() {
			k := it.Item().Key()[len(prefixDue):]
			if len(k) != 16 {
				return fmt.Errorf("corrupt due key %x", it.Item().Key())
			}
			if binary.BigEndian.Uint64(k[:8]) > cutoff {
				break
			}
			ids = append(ids, binary.BigEndian.Uint64(k[8:]))
		}
		for _, id := range ids {
			j, err := getJob(txn, id)
			if err != nil {
				return fmt.Errorf("read due job %d: %w", id, err)
			}
			jobs = append(jobs, j)
		}
		return nil
	})
	return jobs, err
}

// ActiveJobs implements Store.
func (s *BadgerStore) ActiveJobs(ctx context.Context, fn func(Job) error) error {
	return s.view(ctx, func(txn *badger.Txn) error {
		opts := badger.DefaultIteratorOptions
		opts.Prefix = prefixJob
		it := txn.NewIterator(opts)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			var j Job
			if err := it.Item().Value(func(v []byte) error { return json.Unmarshal(v, &j) }); err != nil {
				return fmt.Errorf("decode job %x: %w", it.Item().Key(), err)
			}
			if j.Status != JobActive {
				continue
			}
			j.TaskIDs = nil
			if err := fn(j); err != nil {
				return err
			}
		}
		return nil
	})
}

// ListJobs implements Store.
func (s *BadgerStore) ListJobs(ctx context.Context, f JobFilter) ([]Job, string, error) {
	after, cont, err := parseJobCursor(f.Cursor)
	if err != nil {
		return nil, "", err
	}
	if f.UserAddress != (common.Address{}) {
		return s.listUserJobs(ctx, f, after, cont)
	}
	page := jobPage{f: f}
	err = s.view(ctx, func(txn *badger.Txn) error {
		opts := badger.DefaultIteratorOptions
		opts.Prefix = prefixJob
		it := txn.NewIterator(opts)
		defer it.Close()
		it.Rewind()
		if cont {
			if after == math.MaxUint64 {
				return nil
			}
			it.Seek(jobKey(after + 1))
		}
		for ; it.Valid(); it.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			var j Job
			if err := it.Item().Value(func(v []byte) error { return json.Unmarshal(v, &j) }); err != nil {
				return fmt.Errorf("decode job %x: %w", it.Item().Key(), err)
			}
			if !page.add(j) {
				return nil
			}
		}
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	return page.jobs, page.next, nil
}

// Task implements Store.
func (s *BadgerStore) Task(ctx context.Context, id common.Hash) (Task, error) {
	var t Task
	err := s.view(ctx, func(txn *badger.Txn) error {
		var err error
		t, err = getTask(txn, id)
		return err
	})
	return t, err
}

// Tasks implements Store.
func (s *BadgerStore) Tasks(ctx context.Context, jobID uint64, limit int) ([]Task, error) {
	var tasks []Task
	err := s.view(ctx, func(txn *badger.Txn) error {
		ids, err := taskIDsOfJob(txn, jobID, limit)
		if err != nil {
			return err
		}
		for _, id := range ids {
			t, err := getTask(txn, id)
			if err != nil {
				return fmt.Errorf("read task %s of job %d: %w", id, jobID, err)
			}
			tasks = append(tasks, t)
		}
		return nil
	})
	return tasks, err
}

// TaskIDs implements Store: the job's task index, keys only; a job's
// newest taskIDCacheDepth ids are cached until its next write.
func (s *BadgerStore) TaskIDs(ctx context.Context, jobID uint64, limit int) ([]common.Hash, error) {
	if ids, ok := s.taskIDs.Get(jobID); ok && limit > 0 && (limit <= len(ids) || len(ids) < taskIDCacheDepth) {
		return slices.Clone(ids[:min(limit, len(ids))]), nil
	}
	s.jobsMu.Lock()
	gen := s.jobGen
	s.jobsMu.Unlock()
	var ids []common.Hash
	depth := limit
	if limit > 0 {
		depth = max(limit, taskIDCacheDepth)
	}
	err := s.view(ctx, func(txn *badger.Txn) (err error) {
		ids, err = taskIDsOfJob(txn, jobID, depth)
		return err
	})
	if err != nil {
		return nil, err
	}
	if limit > 0 {
		s.jobsMu.Lock()
		if s.jobGen == gen && s.jobWriters == 0 {
			s.taskIDs.Add(jobID, slices.Clone(ids[:min(len(ids), taskIDCacheDepth)]))
		}
		s.jobsMu.Unlock()
		ids = ids[:min(limit, len(ids))]
	}
	return ids, nil
}

// taskIDsOfJob reads the newest limit (all when limit <= 0) task ids of a
// job from its index, by scheduled time.
func taskIDsOfJob(txn *badger.Txn, jobID uint64, limit int) ([]common.Hash, error) {
	prefix := append(bytes.Clone(prefixJobTask), u64(jobID)...)
	opts := badger.DefaultIteratorOptions
	opts.PrefetchValues = false
	opts.Reverse = true
	opts.Prefix = prefix
	it := txn.NewIterator(opts)
	defer it.Close()
	// In reverse mode Seek finds the last key <= the seek key.
	seek := append(bytes.Clone(prefix), bytes.Repeat([]byte{0xff}, 8+common.HashLength+1)...)
	var ids []common.Hash
	for it.Seek(seek); it.Valid() && (limit <= 0 || len(ids) < limit); it.Next() {
		k := it.Item().Key()
		if len(k) != len(prefix)+8+common.HashLength {
			return nil, fmt.Errorf("corrupt job task key %x", k)
		}
		ids = append(ids, common.BytesToHash(k[len(prefix)+8:]))
	}
	return ids, nil
}

// UpdateTask implements Store.
func (s *BadgerStore) UpdateTask(ctx context.Context, id common.Hash, fn func(*Task) error) (Task, error) {
	var out Task
	err := s.update(ctx, func(txn *badger.Txn) error {
		old, err := getTask(txn, id)
		if err != nil {
			return err
		}
		t := old.Clone()
		if err := fn(&t); err != nil {
			return err
		}
		if t.TaskID != old.TaskID || t.JobID != old.JobID || t.TriggerKey != old.TriggerKey ||
			!t.ScheduledAt.Equal(old.ScheduledAt) || !t.CreatedAt.Equal(old.CreatedAt) {
			return fmt.Errorf("update task %s: id, job id, trigger key, scheduled and creation time must not change", id)
		}
		t = normalizeTask(t)
		if err := putTaskValue(txn, t); err != nil {
			return err
		}
		pk := processingKey(t)
		switch {
		case old.TaskStatus == TaskProcessing && t.TaskStatus != TaskProcessing:
			err = txn.Delete(pk)
		case old.TaskStatus != TaskProcessing && t.TaskStatus == TaskProcessing:
			err = txn.Set(pk, nil)
		}
		if err != nil {
			return fmt.Errorf("update processing index of task %s: %w", id, err)
		}
		if err := updateOverdueIndex(txn, old, t); err != nil {
			return fmt.Errorf("update deadline index of task %s: %w", id, err)
		}
		out = t
		return nil
	})
	if err != nil {
		return Task{}, err
	}
	return out, nil
}

// ProcessingTasks implements Store.
func (s *BadgerStore) ProcessingTasks(ctx context.Context, notAfter time.Time, limit int) ([]Task, error) {
	return s.tasksByTime(ctx, prefixProcessing, "processing", notAfter, limit)
}

// OverdueTasks implements Store.
func (s *BadgerStore) OverdueTasks(ctx context.Context, notAfter time.Time, limit int) ([]Task, error) {
	return s.tasksByTime(ctx, prefixOverdue, "dispatched", notAfter, limit)
}

// tasksByTime reads up to limit tasks of a time index (prefix, then a time
// in ns, then the task id) whose time is at or before notAfter, in order.
func (s *BadgerStore) tasksByTime(ctx context.Context, prefix []byte, what string, notAfter time.Time, limit int) ([]Task, error) {
	var tasks []Task
	err := s.view(ctx, func(txn *badger.Txn) error {
		opts := badger.DefaultIteratorOptions
		opts.PrefetchValues = false
		opts.Prefix = prefix
		it := txn.NewIterator(opts)
		defer it.Close()
		cutoff := timeNanos(notAfter)
		var ids []common.Hash
		for it.Rewind(); it.Valid() && (limit <= 0 || len(ids) < limit); it.Next() {
			k := it.Item().Key()[len(prefix):]
			if len(k) != 8+common.HashLength {
				return fmt.Errorf("corrupt %s index key %x", what, it.Item().Key())
			}
			if binary.BigEndian.Uint64(k[:8]) > cutoff {
				break
			}
			ids = append(ids, common.BytesToHash(k[8:]))
		}
		for _, id := range ids {
			t, err := getTask(txn, id)
			if err != nil {
				return fmt.Errorf("read %s task %s: %w", what, id, err)
			}
			tasks = append(tasks, t)
		}
		return nil
	})
	return tasks, err
}

// PutAPIKey implements Store. Only the key's hash is stored.
func (s *BadgerStore) PutAPIKey(ctx context.Context, key APIKey) error {
	if key.ID == "" {
		return errors.New("put API key: empty id")
	}
	if key.Key != "" {
		key.Hash = HashAPIKey(key.Key)
	}
	hash, err := hex.DecodeString(key.Hash)
	if err != nil || len(hash) != sha256.Size {
		return fmt.Errorf("put API key %s: neither a secret nor a valid hash", key.ID)
	}
	key.Key = ""
	key.CreatedAt = key.CreatedAt.UTC()
	key.RevokedAt = key.RevokedAt.UTC()
	v, err := json.Marshal(key)
	if err != nil {
		return fmt.Errorf("encode API key: %w", err)
	}
	return s.update(ctx, func(txn *badger.Txn) error {
		switch id, err := getValue(txn, apiKeyHashKey(hash)); {
		case errors.Is(err, ErrNotFound):
		case err != nil:
			return fmt.Errorf("read API key hash: %w", err)
		case string(id) != key.ID:
			return fmt.Errorf("API key %s: its secret belongs to another key: %w", key.ID, ErrExists)
		}
		var old APIKey
		switch err := getJSON(txn, apiKeyIDKey(key.ID), &old); {
		case errors.Is(err, ErrNotFound):
		case err != nil:
			return fmt.Errorf("read API key %s: %w", key.ID, err)
		case old.Hash != key.Hash:
			if oldHash, err := hex.DecodeString(old.Hash); err == nil {
				if err := txn.Delete(apiKeyHashKey(oldHash)); err != nil {
					return err
				}
			}
		}
		if err := txn.Set(apiKeyHashKey(hash), []byte(key.ID)); err != nil {
			return err
		}
		return txn.Set(apiKeyIDKey(key.ID), v)
	})
}

// APIKey implements Store.
func (s *BadgerStore) APIKey(ctx context.Context, key string) (APIKey, error) {
	hash, _ := hex.DecodeString(HashAPIKey(key))
	var k APIKey
	err := s.view(ctx, func(txn *badger.Txn) error {
		id, err := getValue(txn, apiKeyHashKey(hash))
		if err != nil {
			return fmt.Errorf("read API key: %w", err)
		}
		if err := getJSON(txn, apiKeyIDKey(string(id)), &k); err != nil {
			return fmt.Errorf("read API key %s: %w", id, err)
		}
		return nil
	})
	if err != nil {
		return APIKey{}, err
	}
	k.Key = key
	return k, nil
}

// APIKeyByID implements Store.
func (s *BadgerStore) APIKeyByID(ctx context.Context, id string) (APIKey, error) {
	var k APIKey
	err := s.view(ctx, func(txn *badger.Txn) error {
		if err := getJSON(txn, apiKeyIDKey(id), &k); err != nil {
			return fmt.Errorf("read API key %s: %w", id, err)
		}
		return nil
	})
	if err != nil {
		return APIKey{}, err
	}
	return k, nil
}

// ListAPIKeys implements Store.
func (s *BadgerStore) ListAPIKeys(ctx context.Context, owner string) ([]APIKey, error) {
	var keys []APIKey
	err := s.view(ctx, func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixAPIKeyID, PrefetchValues: true, PrefetchSize: 100})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			var k APIKey
			if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &k) }); err != nil {
				return fmt.Errorf("decode API key %q: %w", it.Item().Key(), err)
			}
			if owner == "" || k.Owner == owner {
				keys = append(keys, k)
			}
		}
		return nil
	})
	return keys, err
}

// Cursor implements Store.
func (s *BadgerStore) Cursor(ctx context.Context, name string) (uint64, error) {
	var next uint64
	err := s.view(ctx, func(txn *badger.Txn) error {
		item, err := txn.Get(append(bytes.Clone(prefixCursor), name...))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return fmt.Errorf("cursor %q: %w", name, ErrNotFound)
		} else if err != nil {
			return fmt.Errorf("read cursor %q: %w", name, err)
		}
		return item.Value(func(v []byte) error {
			if len(v) != 8 {
				return fmt.Errorf("corrupt cursor %q", name)
			}
			next = binary.BigEndian.Uint64(v)
			return nil
		})
	})
	return next, err
}

// SetCursor implements Store.
func (s *BadgerStore) SetCursor(ctx context.Context, name string, next uint64) error {
	return s.update(ctx, func(txn *badger.Txn) error {
		return txn.Set(append(bytes.Clone(prefixCursor), name...), u64(next))
	})
}

// State implements Store.
func (s *BadgerStore) State(ctx context.Context, name string) ([]byte, error) {
	var out []byte
	err := s.view(ctx, func(txn *badger.Txn) error {
		item, err := txn.Get(append(bytes.Clone(prefixState), name...))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return fmt.Errorf("state %q: %w", name, ErrNotFound)
		} else if err != nil {
			return fmt.Errorf("read state %q: %w", name, err)
		}
		out, err = item.ValueCopy(nil)
		return err
	})
	return out, err
}

// SetState implements Store.
func (s *BadgerStore) SetState(ctx context.Context, name string, value []byte) error {
	return s.update(ctx, func(txn *badger.Txn) error {
		key := append(bytes.Clone(prefixState), name...)
		if value == nil {
			return txn.Delete(key)
		}
		return txn.Set(key, bytes.Clone(value))
	})
}

func getJob(txn *badger.Txn, id uint64) (Job, error) {
	var j Job
	if err := getJSON(txn, jobKey(id), &j); err != nil {
		return Job{}, fmt.Errorf("read job %d: %w", id, err)
	}
	j.TaskIDs = nil
	return j, nil
}

// putJob writes j and moves its entry in the due index from where old had it.
func putJob(txn *badger.Txn, old *Job, j Job) error {
	j = normalizeJob(j)
	j.TaskIDs = nil
	v, err := json.Marshal(j)
	if err != nil {
		return fmt.Errorf("encode job %d: %w", j.JobID, err)
	}
	if err := txn.Set(jobKey(uint64(j.JobID)), v); err != nil {
		return fmt.Errorf("write job %d: %w", j.JobID, err)
	}
	if old == nil || old.UserAddress != j.UserAddress {
		if old != nil {
			if err := txn.Delete(userJobKey(old.UserAddress, uint64(j.JobID))); err != nil {
				return fmt.Errorf("update user index of job %d: %w", j.JobID, err)
			}
		}
		if err := txn.Set(userJobKey(j.UserAddress, uint64(j.JobID)), nil); err != nil {
			return fmt.Errorf("update user index of job %d: %w", j.JobID, err)
		}
	}
	oldKey, newKey := []byte(nil), dueKey(j)
	if old != nil {
		oldKey = dueKey(*old)
	}
	if bytes.Equal(oldKey, newKey) {
		return nil
	}
	if oldKey != nil {
		if err := txn.Delete(oldKey); err != nil {
			return fmt.Errorf("update due index of job %d: %w", j.JobID, err)
		}
	}
	if newKey != nil {
		if err := txn.Set(newKey, nil); err != nil {
			return fmt.Errorf("update due index of job %d: %w", j.JobID, err)
		}
	}
	return nil
}

func getTask(txn *badger.Txn, id common.Hash) (Task, error) {
	item, err := txn.Get(taskKey(id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return Task{}, fmt.Errorf("read task %s: %w", id, ErrNotFound)
	} else if err != nil {
		return Task{}, fmt.Errorf("read task %s: %w", id, err)
	}
	b, err := item.ValueCopy(nil)
	if err != nil {
		return Task{}, fmt.Errorf("read task %s: %w", id, err)
	}
	t, err := decodeTask(b)
	if err != nil {
		return Task{}, fmt.Errorf("decode task %s: %w", id, err)
	}
	return t, nil
}

// createTask writes t with its index entries unless a task with its id
// exists. It reports whether it wrote.
func createTask(txn *badger.Txn, t Task) (bool, error) {
	if t.TaskID == (common.Hash{}) {
		return false, errors.New("create task: empty task id")
	}
	if _, err := txn.Get(taskKey(t.TaskID)); err == nil {
		return false, nil
	} else if !errors.Is(err, badger.ErrKeyNotFound) {
		return false, fmt.Errorf("read task %s: %w", t.TaskID, err)
	}
	t = normalizeTask(t)
	if err := putTaskValue(txn, t); err != nil {
		return false, err
	}
	if err := txn.Set(jobTaskKey(t), nil); err != nil {
		return false, fmt.Errorf("index task %s: %w", t.TaskID, err)
	}
	if t.TaskStatus == TaskProcessing {
		if err := txn.Set(processingKey(t), nil); err != nil {
			return false, fmt.Errorf("index task %s: %w", t.TaskID, err)
		}
	}
	if err := updateOverdueIndex(txn, Task{}, t); err != nil {
		return false, fmt.Errorf("index task %s: %w", t.TaskID, err)
	}
	return true, nil
}

// updateOverdueIndex moves the ov/ entry of a task changed from old to t:
// a task awaiting its execution is indexed by deadline.
func updateOverdueIndex(txn *badger.Txn, old, t Task) error {
	was, is := old.awaitsExecution(), t.awaitsExecution()
	if was && (!is || !old.Deadline.Equal(t.Deadline)) {
		if err := txn.Delete(overdueKey(old)); err != nil {
			return err
		}
	}
	if is && (!was || !old.Deadline.Equal(t.Deadline)) {
		return txn.Set(overdueKey(t), nil)
	}
	return nil
}

func putTaskValue(txn *badger.Txn, t Task) error {
	v, err := encodeTask(t)
	if err != nil {
		return err
	}
	if err := txn.Set(taskKey(t.TaskID), v); err != nil {
		return fmt.Errorf("write task %s: %w", t.TaskID, err)
	}
	return nil
}

func getJSON(txn *badger.Txn, key []byte, v any) error {
	item, err := txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return ErrNotFound
	} else if err != nil {
		return err
	}
	return item.Value(func(b []byte) error {
		if err := json.Unmarshal(b, v); err != nil {
			return fmt.Errorf("decode %q: %w", key[:2], err)
		}
		return nil
	})
}

// getValue reads the value at key, or returns ErrNotFound.
func getValue(txn *badger.Txn, key []byte) ([]byte, error) {
	item, err := txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, ErrNotFound
	} else if err != nil {
		return nil, err
	}
	return item.ValueCopy(nil)
}

func normalizeJob(j Job) Job {
	j.ExpirationTime = utc(j.ExpirationTime)
	j.NextExecutionTimestamp = utc(j.NextExecutionTimestamp)
	j.CreatedAt = utc(j.CreatedAt)
	j.UpdatedAt = utc(j.UpdatedAt)
	return j
}

func normalizeTask(t Task) Task {
	t.ScheduledAt = utc(t.ScheduledAt)
	t.Deadline = utc(t.Deadline)
	t.ExecutionTimestamp = utc(t.ExecutionTimestamp)
	t.CreatedAt = utc(t.CreatedAt)
	t.UpdatedAt = utc(t.UpdatedAt)
	return t
}

// utc converts t to UTC and drops the monotonic reading; the zero time stays
// zero.
func utc(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC().Round(0)
}

func jobKey(id uint64) []byte { return append(bytes.Clone(prefixJob), u64(id)...) }

// dueKey is the due-index key of j, nil when j is not scheduled.
func dueKey(j Job) []byte {
	if j.Status != JobActive || j.NextExecutionTimestamp.IsZero() {
		return nil
	}
	k := append(bytes.Clone(prefixDue), u64(timeSeconds(j.NextExecutionTimestamp))...)
	return append(k, u64(uint64(j.JobID))...)
}

func taskKey(id common.Hash) []byte { return append(bytes.Clone(prefixTask), id[:]...) }

func jobTaskKey(t Task) []byte {
	k := append(bytes.Clone(prefixJobTask), u64(uint64(t.JobID))...)
	k = append(k, u64(timeSeconds(t.ScheduledAt))...)
	return append(k, t.TaskID[:]...)
}

func overdueKey(t Task) []byte {
	k := append(bytes.Clone(prefixOverdue), u64(timeNanos(t.Deadline))...)
	return append(k, t.TaskID[:]...)
}

func processingKey(t Task) []byte {
	k := append(bytes.Clone(prefixProcessing), u64(timeNanos(t.CreatedAt))...)
	return append(k, t.TaskID[:]...)
}

func apiKeyIDKey(id string) []byte { return append(bytes.Clone(prefixAPIKeyID), id...) }

func apiKeyHashKey(hash []byte) []byte { return append(bytes.Clone(prefixAPIKeyHash), hash...) }

func u64(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

// timeSeconds and timeNanos map times to order-preserving unsigned keys.
func timeSeconds(t time.Time) uint64 { return uint64(t.Unix()) ^ (1 << 63) }
func timeNanos(t time.Time) uint64   { return uint64(t.UnixNano()) ^ (1 << 63) }

// badgerLogger routes badger's logs to zap; badger's info is our debug.
type badgerLogger struct{ s *zap.SugaredLogger }

func (l badgerLogger) Errorf(f string, a ...any)   { l.s.Errorf(f, a...) }
func (l badgerLogger) Warningf(f string, a ...any) { l.s.Warnf(f, a...) }
func (l badgerLogger) Infof(f string, a ...any)    { l.s.Debugf(f, a...) }
func (l badgerLogger) Debugf(f string, a ...any)   { l.s.Debugf(f, a...) }

func accountKey(kind AccountKind, addr common.Address) []byte {
	k := append(bytes.Clone(prefixAccount), kind...)
	k = append(k, '/')
	return append(k, addr[:]...)
}

// Credit implements Store.
func (s *BadgerStore) Credit(ctx context.Context, key string, credits ...Credit) (bool, error) {
	if key == "" {
		return false, errors.New("credit: empty key")
	}
	s.credit.Lock()
	defer s.credit.Unlock()
	applied := false
	err := s.update(ctx, func(txn *badger.Txn) error {
		applied = false
		marker := append(bytes.Clone(prefixCredited), key...)
		if _, err := txn.Get(marker); err == nil {
			return nil
		} else if !errors.Is(err, badger.ErrKeyNotFound) {
			return fmt.Errorf("read credit %q: %w", key, err)
		}
		for _, c := range credits {
			k := accountKey(c.Kind, c.Address)
			var a Account
			if err := getJSON(txn, k, &a); err != nil && !errors.Is(err, ErrNotFound) {
				return fmt.Errorf("read account %s %s: %w", c.Kind, c.Address.Hex(), err)
			}
			c.apply(&a)
			b, err := json.Marshal(a)
			if err != nil {
				return err
			}
			if err := txn.Set(k, b); err != nil {
				return err
			}
		}
		applied = true
		return txn.Set(marker, nil)
	})
	if err != nil {
		return false, fmt.Errorf("credit %q: %w", key, err)
	}
	return applied, nil
}

// Account implements Store.
func (s *BadgerStore) Account(ctx context.Context, kind AccountKind, addr common.Address) (Account, error) {
	var a Account
	err := s.view(ctx, func(txn *badger.Txn) error { return getJSON(txn, accountKey(kind, addr), &a) })
	if err != nil {
		return Account{}, fmt.Errorf("account %s %s: %w", kind, addr.Hex(), err)
	}
	a.LastActivity = utc(a.LastActivity)
	return a, nil
}

// Accounts implements Store.
func (s *BadgerStore) Accounts(ctx context.Context, kind AccountKind) ([]Account, error) {
	out := []Account{}
	err := s.view(ctx, func(txn *badger.Txn) error {
		prefix := append(append(bytes.Clone(prefixAccount), kind...), '/')
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true, PrefetchSize: 100})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			var a Account
			if err := it.Item().Value(func(v []byte) error { return json.Unmarshal(v, &a) }); err != nil {
				return fmt.Errorf("read account %x: %w", it.Item().Key(), err)
			}
			a.LastActivity = utc(a.LastActivity)
			out = append(out, a)
		}
		return nil
	})
	return out, err
}

func userJobKey(user common.Address, id uint64) []byte {
	k := append(bytes.Clone(prefixUserJob), user[:]...)
	return append(k, u64(id)...)
}

// listUserJobs is ListJobs for one user, through the uj/ index.
func (s *BadgerStore) listUserJobs(ctx context.Context, f JobFilter, after uint64, cont bool) ([]Job, string, error) {
	page := jobPage{f: f}
	err := s.view(ctx, func(txn *badger.Txn) error {
		prefix := append(bytes.Clone(prefixUserJob), f.UserAddress[:]...)
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
		defer it.Close()
		it.Rewind()
		if cont {
			if after == math.MaxUint64 {
				return nil
			}
			it.Seek(userJobKey(f.UserAddress, after+1))
		}
		for ; it.Valid(); it.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			k := it.Item().Key()
			if len(k) != len(prefix)+8 {
				continue
			}
			j, err := getJob(txn, binary.BigEndian.Uint64(k[len(prefix):]))
			if err != nil {
				return err
			}
			if !page.add(j) {
				return nil
			}
		}
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	return page.jobs, page.next, nil
}

// buildUserJobIndex indexes every job by user in a database written before
// the uj/ index existed; a no-op once done.
func (s *BadgerStore) buildUserJobIndex() error {
	var keys [][]byte
	err := s.db.View(func(txn *badger.Txn) error {
		if _, err := txn.Get(userJobIndexBuilt); err == nil {
			return errIndexBuilt
		} else if !errors.Is(err, badger.ErrKeyNotFound) {
			return err
		}
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixJob, PrefetchValues: true})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			var j Job
			if err := it.Item().Value(func(v []byte) error { return json.Unmarshal(v, &j) }); err != nil {
				return fmt.Errorf("index job %x: %w", it.Item().Key(), err)
			}
			keys = append(keys, userJobKey(j.UserAddress, uint64(j.JobID)))
		}
		return nil
	})
	if errors.Is(err, errIndexBuilt) {
		return nil
	} else if err != nil {
		return err
	}
	if len(keys) > 0 {
		s.logger.Info("Indexing jobs by user", zap.Int("jobs", len(keys)))
	}
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	for _, k := range keys {
		if err := wb.Set(k, nil); err != nil {
			return err
		}
	}
	if err := wb.Set(userJobIndexBuilt, nil); err != nil {
		return err
	}
	return wb.Flush()
}

var errIndexBuilt = errors.New("index built")
