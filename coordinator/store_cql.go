package coordinator

import (
	"cmp"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gocql/gocql"
	"go.uber.org/zap"
)

// CQLStore is the Store on ScyllaDB or Cassandra, for coordinators that
// share state or outgrow one disk.
//
// # Schema
//
// The tables are created by the versioned migrations in migrations/*.cql,
// applied in order by OpenCQLStore and recorded in schema_migrations. Rows
// hold the same JSON encodings as BadgerStore; the job and task rows carry a
// version column, and copies of the fields their indexes are validated
// against. The due index (due_jobs), the processing index
// (processing_tasks) and the deadline index (overdue_tasks) are split over cqlShards fixed shards, each clustered by
// time, and read with a k-way merge; a time-bucketed index would need a
// registry of non-empty buckets, since an overdue job can sit in a bucket of
// any age, and pruning such a registry races with inserts.
//
// # Atomicity
//
// Cassandra has no multi-partition transactions, so the store rests on three
// rules:
//
//   - The job and task rows are the truth, written only by lightweight
//     transactions comparing the version column (optimistic concurrency): a
//     read-modify-write that loses against a concurrent one re-reads and
//     calls fn again, like a badger transaction retried after a conflict.
//   - Index entries are written before the row change that makes them valid
//     and deleted after the row change that makes them stale. Readers check
//     every entry against its row and skip those that do not match, so a
//     crash between the two writes leaves a stale entry, never a missing one.
//     A stale entry is deleted with its own write time (USING TIMESTAMP), so
//     the delete cannot remove a later rewrite of the same entry; an entry
//     written for a job or task version newer than the row's is in flight
//     and left alone.
//   - UpdateJob records the task of a firing in the job row itself
//     (pending_task), in the same transaction that writes the job. Once that
//     commits the firing is durable; the task row is then created (INSERT IF
//     NOT EXISTS) and pending_task cleared. Whoever reads the job next
//     (UpdateJob, Job, DueJobs, ActiveJobs) rolls a leftover pending task
//     forward first, so "job written and task created" is all-or-nothing. A
//     task of a crashed firing becomes visible to Task, Tasks and
//     ProcessingTasks only when its job is next read, which the scheduler
//     does every tick.
//
// CreateJobs inserts each job with INSERT IF NOT EXISTS and, when one id is
// taken, deletes the jobs it inserted (IF version = 1, so a job already
// updated by someone else is kept) before returning ErrExists. A logged
// batch cannot do it: conditional batches must stay within one partition and
// jobs are partitioned by id. The price is that a concurrent reader may
// briefly see jobs of a creation that is then rolled back, and a crash in
// the middle leaves the first jobs created; ids come from the on-chain
// JobRegistry, so collisions are rare and a retry of the same request reports
// ErrExists for them.
//
// A lightweight transaction that times out has an unknown outcome; the
// error is returned and the caller's retry sees the committed state (a
// firing already applied is then not due any more).
//
// API keys live in api_keys by id; api_key_hashes maps each secret hash to
// its key id and is claimed with INSERT IF NOT EXISTS before the key row is
// written, so one secret never belongs to two ids; lookups check that the key
// row still carries the hash. ListAPIKeys scans api_keys (few rows).
//
// Concurrency: safe for concurrent use by any number of goroutines and
// processes.
type CQLStore struct {
	session *gocql.Session
	logger  *zap.Logger
}

var _ Store = (*CQLStore)(nil)

// CQLConfig configures OpenCQLStore.
type CQLConfig struct {
	// Hosts are the contact points, host or host:port (port 9042 by default).
	Hosts []string
	// Keyspace is created when missing. Lower-case letters, digits and
	// underscores, starting with a letter.
	Keyspace string
	// Consistency of reads and writes, e.g. "QUORUM" (the default),
	// "LOCAL_QUORUM" or "ONE". Lightweight transactions use SERIAL.
	Consistency string
	// Username and Password authenticate with PasswordAuthenticator when set.
	Username string
	Password string
	// ReplicationFactor of a keyspace created by OpenCQLStore (SimpleStrategy);
	// 1 when zero. An existing keyspace is not altered.
	ReplicationFactor int
	// Timeout of each query; 10s when zero.
	Timeout time.Duration
	Logger  *zap.Logger
}

const (
	// cqlShards is the number of partitions of the due and processing
	// indexes. Changing it orphans existing entries: it needs a migration
	// that rebuilds the indexes.
	cqlShards = 16
	// staleAfter is the age after which an index entry of a row that does
	// not exist is taken for the remains of a failed creation.
	staleAfter = time.Minute
	// cqlPageSize is the page size of index scans.
	cqlPageSize = 256
)

var keyspaceName = regexp.MustCompile(`^[a-z][a-z0-9_]{0,47}$`)

// OpenCQLStore connects to the cluster, creates the keyspace when missing,
// applies the migrations not yet applied and returns the store.
func OpenCQLStore(ctx context.Context, cfg CQLConfig) (*CQLStore, error) {
	logger := cfg.Logger
	if logger == nil {
		logger = zap.NewNop()
	}
	logger = logger.Named("store")
	if len(cfg.Hosts) == 0 {
		return nil, errors.New("open CQL store: no hosts")
	}
	if !keyspaceName.MatchString(cfg.Keyspace) {
		return nil, fmt.Errorf("open CQL store: invalid keyspace name %q", cfg.Keyspace)
	}
	cons := gocql.Quorum
	if cfg.Consistency != "" {
		var err error
		if cons, err = gocql.ParseConsistencyWrapper(cfg.Consistency); err != nil {
			return nil, fmt.Errorf("open CQL store: %w", err)
		}
	}
	rf := cfg.ReplicationFactor
	if rf <= 0 {
		rf = 1
	}
	migrations, err := CQLMigrations()
	if err != nil {
		return nil, fmt.Errorf("open CQL store: %w", err)
	}

	cluster := gocql.NewCluster(cfg.Hosts...)
	cluster.Consistency = cons
	cluster.SerialConsistency = gocql.Serial
	cluster.Timeout = cmp.Or(cfg.Timeout, 10*time.Second)
	cluster.ConnectTimeout = cluster.Timeout
	if cfg.Username != "" {
		cluster.Authenticator = gocql.PasswordAuthenticator{Username: cfg.Username, Password: cfg.Password}
	}

	// The keyspace is created from a session without one.
	boot, err := cluster.CreateSession()
	if err != nil {
		return nil, fmt.Errorf("connect to %v: %w", cfg.Hosts, err)
	}
	err = boot.Query(fmt.Sprintf(
		`CREATE KEYSPACE IF NOT EXISTS %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': %d}`,
		cfg.Keyspace, rf)).WithContext(ctx).Exec()
	if err == nil {
		err = boot.AwaitSchemaAgreement(ctx)
	}
	boot.Close()
	if err != nil {
		return nil, fmt.Errorf("create keyspace %s: %w", cfg.Keyspace, err)
	}

	cluster.Keyspace = cfg.Keyspace
	session, err := cluster.CreateSession()
	if err != nil {
		return nil, fmt.Errorf("connect to keyspace %s: %w", cfg.Keyspace, err)
	}
	s := &CQLStore{session: session, logger: logger}
	if err := s.migrate(ctx, migrations); err != nil {
		session.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the session.
func (s *CQLStore) Close() error {
	s.session.Close()
	return nil
}

//go:embed migrations/*.cql
var migrationFiles embed.FS

// CQLMigration is one schema migration of CQLStore.
type CQLMigration struct {
	Version    int      // from the file name, 1, 2, …
	Name       string   // the file name
	Statements []string // CQL statements, without comments and the final ';'
}

var migrationName = regexp.MustCompile(`^(\d{4})_[a-z0-9_]+\.cql$`)

// CQLMigrations returns the embedded migrations in order. It fails when a
// file is misnamed, a version is missing or repeated, or a migration has
// no statements.
func CQLMigrations() ([]CQLMigration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var out []CQLMigration
	for _, e := range entries { // sorted by name
		m := migrationName.FindStringSubmatch(e.Name())
		if m == nil {
			return nil, fmt.Errorf("migration %s: name is not NNNN_name.cql", e.Name())
		}
		version, _ := strconv.Atoi(m[1])
		if version != len(out)+1 {
			return nil, fmt.Errorf("migration %s: version %d, want %d", e.Name(), version, len(out)+1)
		}
		b, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		stmts, err := splitCQL(string(b))
		if err != nil {
			return nil, fmt.Errorf("migration %s: %w", e.Name(), err)
		}
		out = append(out, CQLMigration{Version: version, Name: e.Name(), Statements: stmts})
	}
	return out, nil
}

// splitCQL drops "--" comment lines and splits src into statements at ';'.
func splitCQL(src string) ([]string, error) {
	var b strings.Builder
	for line := range strings.Lines(src) {
		if strings.HasPrefix(strings.TrimSpace(line), "--") {
			continue
		}
		b.WriteString(line)
	}
	var stmts []string
	parts := strings.Split(b.String(), ";")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			if i == len(parts)-1 {
				continue
			}
			return nil, fmt.Errorf("empty statement %d", i+1)
		}
		if i == len(parts)-1 {
			return nil, fmt.Errorf("statement %d does not end with ';'", i+1)
		}
		stmts = append(stmts, p)
	}
	if len(stmts) == 0 {
		return nil, errors.New("no statements")
	}
	return stmts, nil
}

// migrate applies the migrations not recorded in schema_migrations. Every
// statement is idempotent, so coordinators starting together may both run a
// migration; the record is written once.
func (s *CQLStore) migrate(ctx context.Context, migrations []CQLMigration) error {
	err := s.session.Query(`CREATE TABLE IF NOT EXISTS schema_migrations (
		version int PRIMARY KEY, name text, applied_at timestamp)`).WithContext(ctx).Exec()
	if err == nil {
		err = s.session.AwaitSchemaAgreement(ctx)
	}
	if err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	applied := map[int]bool{}
	iter := s.session.Query(`SELECT version FROM schema_migrations`).WithContext(ctx).Iter()
	var v int
	for iter.Scan(&v) {
		applied[v] = true
	}
	if err := iter.Close(); err != nil {
		return fmt.Errorf("read schema_migrations: %w", err)
	}
	for _, m := range migrations {
		if applied[m.Version] {
			continue
		}
		for i, stmt := range m.Statements {
			if err := s.session.Query(stmt).WithContext(ctx).Exec(); err != nil {
				return fmt.Errorf("apply migration %s statement %d: %w", m.Name, i+1, err)
			}
		}
		if err := s.session.AwaitSchemaAgreement(ctx); err != nil {
			return fmt.Errorf("apply migration %s: %w", m.Name, err)
		}
		if _, err := s.session.Query(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?) IF NOT EXISTS`,
			m.Version, m.Name, time.Now().UTC()).WithContext(ctx).MapScanCAS(map[string]any{}); err != nil {
			return fmt.Errorf("record migration %s: %w", m.Name, err)
		}
		s.logger.Info("Applied schema migration", zap.Int("version", m.Version), zap.String("name", m.Name))
	}
	return nil
}

func (s *CQLStore) query(ctx context.Context, stmt string, args ...any) *gocql.Query {
	return s.session.Query(stmt, args...).WithContext(ctx)
}

// cas runs a lightweight transaction and reports whether it applied.
func (s *CQLStore) cas(ctx context.Context, stmt string, args ...any) (bool, error) {
	return s.query(ctx, stmt, args...).MapScanCAS(map[string]any{})
}

// retry runs attempt until it reports done, ctx ends or maxTxnRetries
// attempts lost a conflict.
func retry(ctx context.Context, what string, attempt func() (done bool, err error)) error {
	for range maxTxnRetries {
		if err := ctx.Err(); err != nil {
			return err
		}
		done, err := attempt()
		if err != nil || done {
			return err
		}
	}
	return fmt.Errorf("%s: conflict after %d attempts", what, maxTxnRetries)
}

// cqlJob is a job row, its pending task rolled forward.
type cqlJob struct {
	job     Job
	version int64
}

// CreateJobs implements Store.
func (s *CQLStore) CreateJobs(ctx context.Context, jobs ...Job) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	// Cheap check first: the rollback below is for races only.
	for _, j := range jobs {
		var id int64
		err := s.query(ctx, `SELECT job_id FROM jobs WHERE job_id = ?`, int64(j.JobID)).Scan(&id)
		if err == nil {
			return fmt.Errorf("job %d: %w", j.JobID, ErrExists)
		} else if !errors.Is(err, gocql.ErrNotFound) {
			return fmt.Errorf("read job %d: %w", j.JobID, err)
		}
	}
	var inserted []Job
	rollback := func() {
		for _, j := range inserted {
			// A bounded context of its own: roll back even when ctx ended.
			rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
			ok, err := s.cas(rctx, `DELETE FROM jobs WHERE job_id = ? IF version = 1`, int64(j.JobID))
			if at, scheduled := dueAt(j); err == nil && ok && scheduled {
				err = s.deleteDueEntry(rctx, uint64(j.JobID), at)
			}
			cancel()
			if err != nil {
				s.logger.Warn("Roll back of a job creation failed", zap.Uint64("job_id", uint64(j.JobID)), zap.Error(err))
			}
		}
	}
	for _, j := range jobs {
		j = normalizeJob(j)
		j.TaskIDs = nil
		data, err := json.Marshal(j)
		if err != nil {
			rollback()
			return fmt.Errorf("encode job %d: %w", j.JobID, err)
		}
		if err := s.putDueEntry(ctx, j, 1); err != nil {
			rollback()
			return err
		}
		if err := s.query(ctx, `INSERT INTO jobs_by_user (user_address, job_id) VALUES (?, ?)`,
			strings.ToLower(j.UserAddress.Hex()), int64(j.JobID)).Exec(); err != nil {
			rollback()
			return fmt.Errorf("index job %d by user: %w", j.JobID, err)
		}
		ok, err := s.cas(ctx, `INSERT INTO jobs (job_id, version, status, next_execution, data) VALUES (?, 1, ?, ?, ?) IF NOT EXISTS`,
			int64(j.JobID), string(j.Status), dueColumn(j), string(data))
		if err != nil {
			rollback()
			return fmt.Errorf("write job %d: %w", j.JobID, err)
		}
		if !ok {
			rollback()
			return fmt.Errorf("job %d: %w", j.JobID, ErrExists)
		}
		inserted = append(inserted, j)
	}
	return nil
}

// Job implements Store.
func (s *CQLStore) Job(ctx context.Context, id uint64) (Job, error) {
	if err := ctx.Err(); err != nil {
		return Job{}, err
	}
	row, err := s.readJob(ctx, id)
	if err != nil {
		return Job{}, err
	}
	return row.job, nil
}

// readJob reads a job row and rolls a pending task forward.
func (s *CQLStore) readJob(ctx context.Context, id uint64) (cqlJob, error) {
	var (
		row           cqlJob
		data, pending string
	)
	err := s.query(ctx, `SELECT version, data, pending_task FROM jobs WHERE job_id = ?`, int64(id)).
		Scan(&row.version, &data, &pending)
	if errors.Is(err, gocql.ErrNotFound) {
		return cqlJob{}, fmt.Errorf("read job %d: %w", id, ErrNotFound)
	} else if err != nil {
		return cqlJob{}, fmt.Errorf("read job %d: %w", id, err)
	}
	if err := json.Unmarshal([]byte(data), &row.job); err != nil {
		return cqlJob{}, fmt.Errorf("decode job %d: %w", id, err)
	}
	row.job.TaskIDs = nil
	if pending != "" {
		t, err := decodeTask([]byte(pending))
		if err != nil {
			return cqlJob{}, fmt.Errorf("decode pending task of job %d: %w", id, err)
		}
		if err := s.rollForward(ctx, id, row.version, t); err != nil {
			return cqlJob{}, err
		}
	}
	return row, nil
}

// rollForward creates the pending task t of job id at version (index
// entries first, then the row, unless it exists) and clears it from the job.
func (s *CQLStore) rollForward(ctx context.Context, id uint64, version int64, t Task) error {
	data, err := encodeTask(t)
	if err != nil {
		return err
	}
	b := s.session.NewBatch(gocql.LoggedBatch).WithContext(ctx)
	b.Query(`INSERT INTO tasks_by_job (job_id, scheduled_at, task_id) VALUES (?, ?, ?)`,
		int64(t.JobID), t.ScheduledAt.Unix(), t.TaskID[:])
	if t.TaskStatus == TaskProcessing {
		b.Query(`INSERT INTO processing_tasks (shard, created_at, task_id, version) VALUES (?, ?, ?, 1)`,
			taskShard(t.TaskID), t.CreatedAt.UnixNano(), t.TaskID[:])
	}
	if err := s.session.ExecuteBatch(b); err != nil {
		return fmt.Errorf("index task %s: %w", t.TaskID, err)
	}
	if _, err := s.cas(ctx, `INSERT INTO tasks (task_id, version, status, data) VALUES (?, 1, ?, ?) IF NOT EXISTS`,
		t.TaskID[:], string(t.TaskStatus), string(data)); err != nil {
		return fmt.Errorf("write task %s: %w", t.TaskID, err)
	}
	// Not applied: a newer version of the job exists, whose writer rolled
	// this task forward before writing.
	if _, err := s.cas(ctx, `UPDATE jobs SET pending_task = null WHERE job_id = ? IF version = ?`, int64(id), version); err != nil {
		return fmt.Errorf("clear pending task of job %d: %w", id, err)
	}
	return nil
}

// UpdateJob implements Store.
func (s *CQLStore) UpdateJob(ctx context.Context, id uint64, fn func(*Job) (*Task, error)) (Job, bool, error) {
	var (
		out     Job
		created bool
	)
	err := retry(ctx, fmt.Sprintf("update job %d", id), func() (bool, error) {
		created = false
		row, err := s.readJob(ctx, id)
		if err != nil {
			return false, err
		}
		old := row.job
		j := old.Clone()
		task, err := fn(&j)
		if err != nil {
			return false, err
		}
		if uint64(j.JobID) != id {
			return false, fmt.Errorf("update job %d: the job id must not change", id)
		}
		j = normalizeJob(j)
		j.TaskIDs = nil
		var pending any // null unless a task is created
		if task != nil {
			if uint64(task.JobID) != id {
				return false, fmt.Errorf("update job %d: task %s belongs to job %d", id, task.TaskID, task.JobID)
			}
			if task.TaskID == (common.Hash{}) {
				return false, errors.New("create task: empty task id")
			}
			// Only this job's transactions create its tasks, and they are
			// serialized by the version check, so this read is not racy.
			exists, err := s.taskExists(ctx, task.TaskID)
			if err != nil {
				return false, err
			}
			if !exists {
				t := normalizeTask(*task)
				task = &t
				b, err := encodeTask(t)
				if err != nil {
					return false, err
				}
				pending, created = string(b), true
			}
		}
		data, err := json.Marshal(j)
		if err != nil {
			return false, fmt.Errorf("encode job %d: %w", id, err)
		}
		oldAt, oldOK := dueAt(old)
		newAt, newOK := dueAt(j)
		moved := oldOK != newOK || oldAt != newAt
		if moved {
			if err := s.putDueEntry(ctx, j, row.version+1); err != nil {
				return false, err
			}
		}
		ok, err := s.cas(ctx, `UPDATE jobs SET version = ?, status = ?, next_execution = ?, data = ?, pending_task = ?
			WHERE job_id = ? IF version = ?`,
			row.version+1, string(j.Status), dueColumn(j), string(data), pending, int64(id), row.version)
		if err != nil {
			return false, fmt.Errorf("write job %d: %w", id, err)
		}
		if !ok {
			created = false
			return false, nil // lost a conflict: read again
		}
		if moved && oldOK {
			if err := s.deleteDueEntry(ctx, id, oldAt); err != nil {
				// The entry is stale now; DueJobs skips and removes it.
				s.logger.Warn("Remove due entry failed", zap.Uint64("job_id", id), zap.Error(err))
			}
		}
		if created {
			if err := s.rollForward(ctx, id, row.version+1, *task); err != nil {
				// Committed: the next read of the job retries it.
				s.logger.Warn("Create task of a committed firing failed; the next read of the job retries",
					zap.Uint64("job_id", id), zap.Stringer("task_id", task.TaskID), zap.Error(err))
			}
		}
		out = j
		return true, nil
	})
	if err != nil {
		return Job{}, false, err
	}
	return out, created, nil
}

// putDueEntry writes the due-index entry of j, written for job version, when
// j is scheduled.
func (s *CQLStore) putDueEntry(ctx context.Context, j Job, version int64) error {
	at, ok := dueAt(j)
	if !ok {
		return nil
	}
	if err := s.query(ctx, `INSERT INTO due_jobs (shard, next_execution, job_id, version) VALUES (?, ?, ?, ?)`,
		jobShard(uint64(j.JobID)), at, int64(j.JobID), version).Exec(); err != nil {
		return fmt.Errorf("update due index of job %d: %w", j.JobID, err)
	}
	return nil
}

// deleteDueEntry removes the due-index entry of job id at time at.
func (s *CQLStore) deleteDueEntry(ctx context.Context, id uint64, at int64) error {
	return s.query(ctx, `DELETE FROM due_jobs WHERE shard = ? AND next_execution = ? AND job_id = ?`,
		jobShard(id), at, int64(id)).Exec()
}

// DueJobs implements Store.
func (s *CQLStore) DueJobs(ctx context.Context, now time.Time, limit int) ([]Job, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var jobs []Job
	err := s.mergeShards(ctx,
		`SELECT next_execution, job_id, version, WRITETIME(version) FROM due_jobs WHERE shard = ? AND next_execution <= ?`,
		false, now.Unix(),
		func(e shardEntry) (bool, error) {
			id := uint64(e.id)
			row, err := s.readJob(ctx, id)
			if errors.Is(err, ErrNotFound) {
				// A creation in flight, or one rolled back or interrupted.
				if time.Since(time.UnixMicro(e.writeTime)) < staleAfter {
					return true, nil
				}
				return true, s.deleteStale(ctx, `due_jobs`, `next_execution`, e, id)
			} else if err != nil {
				return false, fmt.Errorf("read due job %d: %w", id, err)
			}
			if at, ok := dueAt(row.job); ok && at == e.at {
				jobs = append(jobs, row.job)
				return limit <= 0 || len(jobs) < limit, nil
			}
			if row.version >= e.version {
				return true, s.deleteStale(ctx, `due_jobs`, `next_execution`, e, id)
			}
			return true, nil // written for a job version not committed (yet)
		})
	return jobs, err
}

// ActiveJobs implements Store. It reads the ids of all jobs first, to call fn
// in id order.
func (s *CQLStore) ActiveJobs(ctx context.Context, fn func(Job) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var ids []uint64
	iter := s.query(ctx, `SELECT job_id, status FROM jobs`).PageSize(1000).Iter()
	var (
		id     int64
		status string
	)
	for iter.Scan(&id, &status) {
		if JobStatus(status) == JobActive {
			ids = append(ids, uint64(id))
		}
	}
	if err := iter.Close(); err != nil {
		return fmt.Errorf("list jobs: %w", err)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		row, err := s.readJob(ctx, id)
		if errors.Is(err, ErrNotFound) {
			continue
		} else if err != nil {
			return err
		}
		if row.job.Status != JobActive {
			continue
		}
		if err := fn(row.job); err != nil {
			return err
		}
	}
	return nil
}

// ListJobs implements Store. Like ActiveJobs it reads the ids of all jobs
// first, to list in id order, then reads jobs until the page is full.
func (s *CQLStore) ListJobs(ctx context.Context, f JobFilter) ([]Job, string, error) {
	after, cont, err := parseJobCursor(f.Cursor)
	if err != nil {
		return nil, "", err
	}
	if err := ctx.Err(); err != nil {
		return nil, "", err
	}
	var ids []uint64
	var (
		id     int64
		status string
	)
	if f.UserAddress != (common.Address{}) {
		// One partition: the user's jobs, through the index.
		iter := s.query(ctx, `SELECT job_id FROM jobs_by_user WHERE user_address = ?`,
			strings.ToLower(f.UserAddress.Hex())).PageSize(1000).Iter()
		for iter.Scan(&id) {
			if !cont || uint64(id) > after {
				ids = append(ids, uint64(id))
			}
		}
		if err := iter.Close(); err != nil {
			return nil, "", fmt.Errorf("list jobs of %s: %w", f.UserAddress.Hex(), err)
		}
	} else {
		iter := s.query(ctx, `SELECT job_id, status FROM jobs`).PageSize(1000).Iter()
		for iter.Scan(&id, &status) {
			if (!cont || uint64(id) > after) && (f.Status == "" || JobStatus(status) == f.Status) {
				ids = append(ids, uint64(id))
			}
		}
		if err := iter.Close(); err != nil {
			return nil, "", fmt.Errorf("list jobs: %w", err)
		}
	}
	slices.Sort(ids)
	page := jobPage{f: f}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, "", err
		}
		row, err := s.readJob(ctx, id)
		if errors.Is(err, ErrNotFound) {
			continue
		} else if err != nil {
			return nil, "", err
		}
		if !page.add(row.job) {
			break
		}
	}
	return page.jobs, page.next, nil
}

// Task implements Store.
func (s *CQLStore) Task(ctx context.Context, id common.Hash) (Task, error) {
	if err := ctx.Err(); err != nil {
		return Task{}, err
	}
	t, _, err := s.readTask(ctx, id)
	return t, err
}

func (s *CQLStore) readTask(ctx context.Context, id common.Hash) (Task, int64, error) {
	var (
		version int64
		data    string
	)
	err := s.query(ctx, `SELECT version, data FROM tasks WHERE task_id = ?`, id[:]).Scan(&version, &data)
	if errors.Is(err, gocql.ErrNotFound) {
		return Task{}, 0, fmt.Errorf("read task %s: %w", id, ErrNotFound)
	} else if err != nil {
		return Task{}, 0, fmt.Errorf("read task %s: %w", id, err)
	}
	t, err := decodeTask([]byte(data))
	if err != nil {
		return Task{}, 0, fmt.Errorf("decode task %s: %w", id, err)
	}
	return t, version, nil
}

func (s *CQLStore) taskExists(ctx context.Context, id common.Hash) (bool, error) {
	var b []byte
	err := s.query(ctx, `SELECT task_id FROM tasks WHERE task_id = ?`, id[:]).Scan(&b)
	if errors.Is(err, gocql.ErrNotFound) {
		return false, nil
	} else if err != nil {
		return false, fmt.Errorf("read task %s: %w", id, err)
	}
	return true, nil
}

// Tasks implements Store. Index entries of tasks not written yet (a firing
// being rolled forward) are skipped.
func (s *CQLStore) Tasks(ctx context.Context, jobID uint64, limit int) ([]Task, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var tasks []Task
	iter := s.query(ctx, `SELECT task_id FROM tasks_by_job WHERE job_id = ?`, int64(jobID)).PageSize(cqlPageSize).Iter()
	var raw []byte
	for (limit <= 0 || len(tasks) < limit) && iter.Scan(&raw) {
		t, _, err := s.readTask(ctx, common.BytesToHash(raw))
		if errors.Is(err, ErrNotFound) {
			continue
		} else if err != nil {
			_ = iter.Close()
			return nil, fmt.Errorf("read task of job %d: %w", jobID, err)
		}
		tasks = append(tasks, t)
	}
	if err := iter.Close(); err != nil {
		return nil, fmt.Errorf("list tasks of job %d: %w", jobID, err)
	}
	return tasks, nil
}

// TaskIDs implements Store. Like Tasks it leaves out an indexed id whose
// task is not readable (its write did not complete).
func (s *CQLStore) TaskIDs(ctx context.Context, jobID uint64, limit int) ([]common.Hash, error) {
	tasks, err := s.Tasks(ctx, jobID, limit)
	if err != nil {
		return nil, err
	}
	ids := make([]common.Hash, len(tasks))
	for i, t := range tasks {
		ids[i] = t.TaskID
	}
	return ids, nil
}

// UpdateTask implements Store.
func (s *CQLStore) UpdateTask(ctx context.Context, id common.Hash, fn func(*Task) error) (Task, error) {
	var out Task
	err := retry(ctx, fmt.Sprintf("update task %s", id), func() (bool, error) {
		old, version, err := s.readTask(ctx, id)
		if err != nil {
			return false, err
		}
		t := old.Clone()
		if err := fn(&t); err != nil {
			return false, err
		}
		if t.TaskID != old.TaskID || t.JobID != old.JobID || t.TriggerKey != old.TriggerKey ||
			!t.ScheduledAt.Equal(old.ScheduledAt) || !t.CreatedAt.Equal(old.CreatedAt) {
			return false, fmt.Errorf("update task %s: id, job id, trigger key, scheduled and creation time must not change", id)
		}
		t = normalizeTask(t)
		data, err := encodeTask(t)
		if err != nil {
			return false, err
		}
		enter := old.TaskStatus != TaskProcessing && t.TaskStatus == TaskProcessing
		leave := old.TaskStatus == TaskProcessing && t.TaskStatus != TaskProcessing
		if enter {
			if err := s.query(ctx, `INSERT INTO processing_tasks (shard, created_at, task_id, version) VALUES (?, ?, ?, ?)`,
				taskShard(id), t.CreatedAt.UnixNano(), id[:], version+1).Exec(); err != nil {
				return false, fmt.Errorf("update processing index of task %s: %w", id, err)
			}
		}
		// The deadline index: an entry is written for every version that
		// awaits its execution (a retried update may have moved it), and
		// the previous one deleted once the row no longer matches it.
		was, is := old.awaitsExecution(), t.awaitsExecution()
		if is {
			if err := s.query(ctx, `INSERT INTO overdue_tasks (shard, deadline, task_id, version) VALUES (?, ?, ?, ?)`,
				taskShard(id), t.Deadline.UnixNano(), id[:], version+1).Exec(); err != nil {
				return false, fmt.Errorf("update deadline index of task %s: %w", id, err)
			}
		}
		ok, err := s.cas(ctx, `UPDATE tasks SET version = ?, status = ?, data = ? WHERE task_id = ? IF version = ?`,
			version+1, string(t.TaskStatus), string(data), id[:], version)
		if err != nil {
			return false, fmt.Errorf("write task %s: %w", id, err)
		}
		if !ok {
			return false, nil
		}
		if leave {
			if err := s.query(ctx, `DELETE FROM processing_tasks WHERE shard = ? AND created_at = ? AND task_id = ?`,
				taskShard(id), t.CreatedAt.UnixNano(), id[:]).Exec(); err != nil {
				s.logger.Warn("Remove processing entry failed", zap.Stringer("task_id", id), zap.Error(err))
			}
		}
		if was && (!is || !old.Deadline.Equal(t.Deadline)) {
			if err := s.query(ctx, `DELETE FROM overdue_tasks WHERE shard = ? AND deadline = ? AND task_id = ?`,
				taskShard(id), old.Deadline.UnixNano(), id[:]).Exec(); err != nil {
				s.logger.Warn("Remove deadline entry failed", zap.Stringer("task_id", id), zap.Error(err))
			}
		}
		out = t
		return true, nil
	})
	if err != nil {
		return Task{}, err
	}
	return out, nil
}

// ProcessingTasks implements Store.
func (s *CQLStore) ProcessingTasks(ctx context.Context, notAfter time.Time, limit int) ([]Task, error) {
	return s.tasksByTime(ctx, "processing_tasks", "created_at", notAfter, limit, func(t Task) (int64, bool) {
		return t.CreatedAt.UnixNano(), t.TaskStatus == TaskProcessing
	})
}

// OverdueTasks implements Store.
func (s *CQLStore) OverdueTasks(ctx context.Context, notAfter time.Time, limit int) ([]Task, error) {
	return s.tasksByTime(ctx, "overdue_tasks", "deadline", notAfter, limit, func(t Task) (int64, bool) {
		return t.Deadline.UnixNano(), t.awaitsExecution()
	})
}

// tasksByTime reads up to limit tasks of a sharded time index (table,
// clustered by timeColumn) at or before notAfter, in time order. indexed
// gives the time a task's entry should have and whether it belongs in the
// index; entries its row contradicts are skipped, and deleted when stale.
func (s *CQLStore) tasksByTime(ctx context.Context, table, timeColumn string, notAfter time.Time, limit int,
	indexed func(Task) (int64, bool),
) ([]Task, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var tasks []Task
	err := s.mergeShards(ctx,
		fmt.Sprintf(`SELECT %[2]s, task_id, version, WRITETIME(version) FROM %[1]s WHERE shard = ? AND %[2]s <= ?`, table, timeColumn),
		true, notAfter.UnixNano(),
		func(e shardEntry) (bool, error) {
			id := common.BytesToHash(e.taskID)
			t, version, err := s.readTask(ctx, id)
			if errors.Is(err, ErrNotFound) {
				return true, nil // being rolled forward
			} else if err != nil {
				return false, fmt.Errorf("read task %s of %s: %w", id, table, err)
			}
			if at, ok := indexed(t); ok && at == e.at {
				tasks = append(tasks, t)
				return limit <= 0 || len(tasks) < limit, nil
			}
			if version >= e.version {
				return true, s.deleteStale(ctx, table, timeColumn, e, e.taskID)
			}
			return true, nil
		})
	return tasks, err
}

// shardEntry is an entry of the due, processing or deadline index.
type shardEntry struct {
	shard     int
	at        int64 // next_execution or created_at
	id        int64 // job_id (due index)
	taskID    []byte
	version   int64
	writeTime int64
}

// less orders entries as a single index would: by time, then id.
func (e shardEntry) less(o shardEntry) bool {
	if e.at != o.at {
		return e.at < o.at
	}
	if e.taskID != nil {
		return string(e.taskID) < string(o.taskID)
	}
	return uint64(e.id) < uint64(o.id)
}

// mergeShards reads the entries at or before cutoff of every shard of an
// index in order, by a k-way merge of one paged scan per shard, and calls
// visit on each until it returns false.
// The statement selects the time, the id (job_id, or task_id when
// taskIndex), the version and its write time.
func (s *CQLStore) mergeShards(ctx context.Context, stmt string, taskIndex bool, cutoff int64, visit func(shardEntry) (bool, error)) error {
	iters := make([]*gocql.Iter, cqlShards)
	heads := make([]*shardEntry, cqlShards)
	defer func() {
		for _, it := range iters {
			if it != nil {
				_ = it.Close()
			}
		}
	}()
	next := func(shard int) error {
		e := shardEntry{shard: shard}
		var ok bool
		if taskIndex {
			ok = iters[shard].Scan(&e.at, &e.taskID, &e.version, &e.writeTime)
		} else {
			ok = iters[shard].Scan(&e.at, &e.id, &e.version, &e.writeTime)
		}
		if ok {
			heads[shard] = &e
			return nil
		}
		heads[shard] = nil
		err := iters[shard].Close()
		iters[shard] = nil
		if err != nil {
			return fmt.Errorf("scan index shard %d: %w", shard, err)
		}
		return nil
	}
	for shard := range cqlShards {
		iters[shard] = s.query(ctx, stmt, shard, cutoff).PageSize(cqlPageSize).Iter()
		if err := next(shard); err != nil {
			return err
		}
	}
	for {
		var min *shardEntry
		for _, h := range heads {
			if h != nil && (min == nil || h.less(*min)) {
				min = h
			}
		}
		if min == nil {
			return nil
		}
		e := *min
		more, err := visit(e)
		if err != nil || !more {
			return err
		}
		if err := next(e.shard); err != nil {
			return err
		}
	}
}

// deleteStale removes a stale index entry with its own write time, so that
// a rewrite of the same entry since it was read survives. A failure is
// logged, not returned: stale entries are harmless to readers.
func (s *CQLStore) deleteStale(ctx context.Context, table, timeColumn string, e shardEntry, id any) error {
	switch v := id.(type) {
	case uint64:
		id = int64(v)
	}
	idColumn := "job_id"
	if table == "processing_tasks" || table == "overdue_tasks" {
		idColumn = "task_id"
	}
	err := s.query(ctx, fmt.Sprintf(`DELETE FROM %s USING TIMESTAMP ? WHERE shard = ? AND %s = ? AND %s = ?`, table, timeColumn, idColumn),
		e.writeTime, e.shard, e.at, id).Exec()
	if err != nil {
		// Readers skip the entry meanwhile; the next scan tries again.
		s.logger.Warn("Remove stale index entry failed", zap.String("table", table), zap.Error(err))
	}
	return nil
}

// PutAPIKey implements Store. Only the key's hash is stored, as by
// BadgerStore. The hash is claimed first (api_key_hashes, INSERT IF NOT
// EXISTS), then the key row is written with a version check, then the
// previous hash of a rotated key is released; a claim whose key row does not
// carry the hash (left by a crash or a lost race) is taken for stale and
// released.
func (s *CQLStore) PutAPIKey(ctx context.Context, key APIKey) error {
	if key.ID == "" {
		return errors.New("put API key: empty id")
	}
	if key.Key != "" {
		key.Hash = HashAPIKey(key.Key)
	}
	if h, err := hex.DecodeString(key.Hash); err != nil || len(h) != sha256.Size {
		return fmt.Errorf("put API key %s: neither a secret nor a valid hash", key.ID)
	}
	key.Key = ""
	key.CreatedAt = key.CreatedAt.UTC()
	key.RevokedAt = key.RevokedAt.UTC()
	data, err := json.Marshal(key)
	if err != nil {
		return fmt.Errorf("encode API key: %w", err)
	}
	return retry(ctx, "put API key "+key.ID, func() (bool, error) {
		if err := s.claimAPIKeyHash(ctx, key.ID, key.Hash); err != nil {
			return false, err
		}
		var (
			version int64
			oldHash string
		)
		err := s.query(ctx, `SELECT version, hash FROM api_keys WHERE id = ?`, key.ID).Scan(&version, &oldHash)
		var ok bool
		switch {
		case errors.Is(err, gocql.ErrNotFound):
			ok, err = s.cas(ctx, `INSERT INTO api_keys (id, version, hash, owner, data) VALUES (?, 1, ?, ?, ?) IF NOT EXISTS`,
				key.ID, key.Hash, key.Owner, string(data))
		case err != nil:
			return false, fmt.Errorf("read API key %s: %w", key.ID, err)
		default:
			ok, err = s.cas(ctx, `UPDATE api_keys SET version = ?, hash = ?, owner = ?, data = ? WHERE id = ? IF version = ?`,
				version+1, key.Hash, key.Owner, string(data), key.ID, version)
		}
		if err != nil {
			return false, fmt.Errorf("write API key %s: %w", key.ID, err)
		}
		if !ok {
			return false, nil
		}
		if oldHash != "" && oldHash != key.Hash {
			if _, err := s.cas(ctx, `DELETE FROM api_key_hashes WHERE hash = ? IF id = ?`, oldHash, key.ID); err != nil {
				// The old secret already fails: its claim no longer matches the key.
				s.logger.Warn("Release rotated API key hash failed", zap.String("key_id", key.ID), zap.Error(err))
			}
		}
		return true, nil
	})
}

// claimAPIKeyHash makes hash belong to key id, or fails with ErrExists when
// it belongs to another live key.
func (s *CQLStore) claimAPIKeyHash(ctx context.Context, id, hash string) error {
	for range maxTxnRetries {
		prev := map[string]any{}
		ok, err := s.query(ctx, `INSERT INTO api_key_hashes (hash, id) VALUES (?, ?) IF NOT EXISTS`, hash, id).MapScanCAS(prev)
		if err != nil {
			return fmt.Errorf("claim API key hash: %w", err)
		}
		owner, _ := prev["id"].(string)
		if ok || owner == id {
			return nil
		}
		exists := fmt.Errorf("API key %s: its secret belongs to another key: %w", id, ErrExists)
		var ownerHash string
		err = s.query(ctx, `SELECT hash FROM api_keys WHERE id = ?`, owner).Scan(&ownerHash)
		if err != nil && !errors.Is(err, gocql.ErrNotFound) {
			return fmt.Errorf("read API key %s: %w", owner, err)
		}
		if err == nil && ownerHash == hash {
			return exists
		}
		// The owner does not carry the hash: a stale claim, unless it is
		// being written right now.
		var claimed int64
		if err := s.query(ctx, `SELECT WRITETIME(id) FROM api_key_hashes WHERE hash = ?`, hash).Scan(&claimed); err != nil {
			if errors.Is(err, gocql.ErrNotFound) {
				continue
			}
			return fmt.Errorf("read API key hash: %w", err)
		}
		if time.Since(time.UnixMicro(claimed)) < staleAfter {
			return exists
		}
		if _, err := s.cas(ctx, `DELETE FROM api_key_hashes WHERE hash = ? IF id = ?`, hash, owner); err != nil {
			return fmt.Errorf("release stale API key hash: %w", err)
		}
	}
	return fmt.Errorf("claim API key hash for %s: conflict after %d attempts", id, maxTxnRetries)
}

// APIKey implements Store.
func (s *CQLStore) APIKey(ctx context.Context, key string) (APIKey, error) {
	if err := ctx.Err(); err != nil {
		return APIKey{}, err
	}
	hash := HashAPIKey(key)
	var id string
	err := s.query(ctx, `SELECT id FROM api_key_hashes WHERE hash = ?`, hash).Scan(&id)
	if errors.Is(err, gocql.ErrNotFound) {
		return APIKey{}, fmt.Errorf("read API key: %w", ErrNotFound)
	} else if err != nil {
		return APIKey{}, fmt.Errorf("read API key: %w", err)
	}
	k, err := s.APIKeyByID(ctx, id)
	if err != nil {
		return APIKey{}, err
	}
	if k.Hash != hash { // a stale claim: the key was rotated
		return APIKey{}, fmt.Errorf("read API key: %w", ErrNotFound)
	}
	k.Key = key
	return k, nil
}

// APIKeyByID implements Store.
func (s *CQLStore) APIKeyByID(ctx context.Context, id string) (APIKey, error) {
	if err := ctx.Err(); err != nil {
		return APIKey{}, err
	}
	var data string
	err := s.query(ctx, `SELECT data FROM api_keys WHERE id = ?`, id).Scan(&data)
	if errors.Is(err, gocql.ErrNotFound) {
		return APIKey{}, fmt.Errorf("read API key %s: %w", id, ErrNotFound)
	} else if err != nil {
		return APIKey{}, fmt.Errorf("read API key %s: %w", id, err)
	}
	var k APIKey
	if err := json.Unmarshal([]byte(data), &k); err != nil {
		return APIKey{}, fmt.Errorf("decode API key %s: %w", id, err)
	}
	return k, nil
}

// ListAPIKeys implements Store. It scans the api_keys table, which holds few
// rows, and sorts by id.
func (s *CQLStore) ListAPIKeys(ctx context.Context, owner string) ([]APIKey, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var (
		keys     []APIKey
		rowOwner string
		data     string
	)
	iter := s.query(ctx, `SELECT owner, data FROM api_keys`).PageSize(cqlPageSize).Iter()
	for iter.Scan(&rowOwner, &data) {
		if owner != "" && rowOwner != owner {
			continue
		}
		var k APIKey
		if err := json.Unmarshal([]byte(data), &k); err != nil {
			_ = iter.Close()
			return nil, fmt.Errorf("decode API key: %w", err)
		}
		keys = append(keys, k)
	}
	if err := iter.Close(); err != nil {
		return nil, fmt.Errorf("list API keys: %w", err)
	}
	slices.SortFunc(keys, func(a, b APIKey) int { return strings.Compare(a.ID, b.ID) })
	return keys, nil
}

// Cursor implements Store.
func (s *CQLStore) Cursor(ctx context.Context, name string) (uint64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	var next int64
	err := s.query(ctx, `SELECT next FROM cursors WHERE name = ?`, name).Scan(&next)
	if errors.Is(err, gocql.ErrNotFound) {
		return 0, fmt.Errorf("cursor %q: %w", name, ErrNotFound)
	} else if err != nil {
		return 0, fmt.Errorf("read cursor %q: %w", name, err)
	}
	return uint64(next), nil
}

// SetCursor implements Store.
func (s *CQLStore) SetCursor(ctx context.Context, name string, next uint64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := s.query(ctx, `INSERT INTO cursors (name, next) VALUES (?, ?)`, name, int64(next)).Exec(); err != nil {
		return fmt.Errorf("write cursor %q: %w", name, err)
	}
	return nil
}

// State implements Store.
func (s *CQLStore) State(ctx context.Context, name string) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var v []byte
	err := s.query(ctx, `SELECT value FROM state WHERE name = ?`, name).Scan(&v)
	if errors.Is(err, gocql.ErrNotFound) {
		return nil, fmt.Errorf("state %q: %w", name, ErrNotFound)
	} else if err != nil {
		return nil, fmt.Errorf("read state %q: %w", name, err)
	}
	if v == nil {
		v = []byte{} // an empty blob reads back as null
	}
	return v, nil
}

// SetState implements Store.
func (s *CQLStore) SetState(ctx context.Context, name string, value []byte) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	// gocql sends an empty, non-nil slice as an empty blob, not null.
	q := s.query(ctx, `INSERT INTO state (name, value) VALUES (?, ?)`, name, value)
	if value == nil {
		q = s.query(ctx, `DELETE FROM state WHERE name = ?`, name)
	}
	if err := q.Exec(); err != nil {
		return fmt.Errorf("write state %q: %w", name, err)
	}
	return nil
}

// dueAt is the due-index time of j in unix seconds; ok is false when j is
// not scheduled. The same rule as BadgerStore's due index.
func dueAt(j Job) (at int64, ok bool) {
	if j.Status != JobActive || j.NextExecutionTimestamp.IsZero() {
		return 0, false
	}
	return j.NextExecutionTimestamp.Unix(), true
}

// dueColumn is the value of the jobs.next_execution column: dueAt, or null.
func dueColumn(j Job) any {
	if at, ok := dueAt(j); ok {
		return at
	}
	return nil
}

// jobShard and taskShard are the index shards of a job and a task.
func jobShard(id uint64) int       { return int(id % cqlShards) }
func taskShard(id common.Hash) int { return int(id[0] % cqlShards) }

const (
	// creditTTL is how long a credit's key is remembered, in seconds.
	creditTTL = 30 * 24 * 3600
	// accountRecentCredits is how many credit keys an account row keeps to
	// recognise a credit it already has.
	accountRecentCredits = 128
)

// cqlAccount is an accounts row's data.
type cqlAccount struct {
	Account
	Recent []string `json:"recent,omitempty"`
}

// Credit implements Store. The credit is claimed by key first (INSERT IF
// NOT EXISTS, with its credits), then applied account by account with
// compare-and-set on each account's version, each account remembering the
// key; then the claim is marked done. A call that finds the claim not done
// (a crash in between) rolls it forward: accounts that already have the
// key are skipped. A claim never rolled forward leaves its credit partly
// applied; points are advisory, and the monitor re-credits a finished task
// each time it sees its event again.
func (s *CQLStore) Credit(ctx context.Context, key string, credits ...Credit) (bool, error) {
	if key == "" {
		return false, errors.New("credit: empty key")
	}
	if err := ctx.Err(); err != nil {
		return false, err
	}
	data, err := json.Marshal(credits)
	if err != nil {
		return false, err
	}
	claimed, err := s.cas(ctx, `INSERT INTO credits (credit_key, data, done) VALUES (?, ?, false) IF NOT EXISTS USING TTL ?`,
		key, string(data), creditTTL)
	if err != nil {
		return false, fmt.Errorf("claim credit %q: %w", key, err)
	}
	if !claimed {
		var stored string
		var done bool
		if err := s.query(ctx, `SELECT data, done FROM credits WHERE credit_key = ?`, key).Scan(&stored, &done); err != nil {
			return false, fmt.Errorf("read credit %q: %w", key, err)
		}
		if done {
			return false, nil
		}
		credits = nil
		if err := json.Unmarshal([]byte(stored), &credits); err != nil {
			return false, fmt.Errorf("decode credit %q: %w", key, err)
		}
	}
	for _, c := range credits {
		if err := s.creditAccount(ctx, key, c); err != nil {
			return false, err
		}
	}
	// A lightweight transaction like the claim, so the two never race on
	// timestamps; with the claim's TTL, so the whole row expires.
	if _, err := s.cas(ctx, `UPDATE credits USING TTL ? SET done = true WHERE credit_key = ? IF EXISTS`, creditTTL, key); err != nil {
		return false, fmt.Errorf("mark credit %q done: %w", key, err)
	}
	return true, nil
}

// creditAccount applies c to its account unless the account has key.
func (s *CQLStore) creditAccount(ctx context.Context, key string, c Credit) error {
	addr := strings.ToLower(c.Address.Hex())
	return retry(ctx, "credit account "+addr, func() (bool, error) {
		var data string
		var version int64
		err := s.query(ctx, `SELECT data, version FROM accounts WHERE kind = ? AND address = ?`, string(c.Kind), addr).Scan(&data, &version)
		exists := err == nil
		if err != nil && !errors.Is(err, gocql.ErrNotFound) {
			return false, fmt.Errorf("read account %s %s: %w", c.Kind, addr, err)
		}
		var a cqlAccount
		if exists {
			if err := json.Unmarshal([]byte(data), &a); err != nil {
				return false, fmt.Errorf("decode account %s %s: %w", c.Kind, addr, err)
			}
			if slices.Contains(a.Recent, key) {
				return true, nil
			}
		}
		c.apply(&a.Account)
		a.Recent = append(a.Recent, key)
		if n := len(a.Recent); n > accountRecentCredits {
			a.Recent = a.Recent[n-accountRecentCredits:]
		}
		b, err := json.Marshal(a)
		if err != nil {
			return false, err
		}
		if !exists {
			return s.cas(ctx, `INSERT INTO accounts (kind, address, version, data) VALUES (?, ?, 1, ?) IF NOT EXISTS`,
				string(c.Kind), addr, string(b))
		}
		return s.cas(ctx, `UPDATE accounts SET data = ?, version = ? WHERE kind = ? AND address = ? IF version = ?`,
			string(b), version+1, string(c.Kind), addr, version)
	})
}

// Account implements Store.
func (s *CQLStore) Account(ctx context.Context, kind AccountKind, addr common.Address) (Account, error) {
	if err := ctx.Err(); err != nil {
		return Account{}, err
	}
	var data string
	err := s.query(ctx, `SELECT data FROM accounts WHERE kind = ? AND address = ?`, string(kind), strings.ToLower(addr.Hex())).Scan(&data)
	if errors.Is(err, gocql.ErrNotFound) {
		return Account{}, fmt.Errorf("account %s %s: %w", kind, addr.Hex(), ErrNotFound)
	} else if err != nil {
		return Account{}, fmt.Errorf("read account %s %s: %w", kind, addr.Hex(), err)
	}
	var a cqlAccount
	if err := json.Unmarshal([]byte(data), &a); err != nil {
		return Account{}, fmt.Errorf("decode account %s %s: %w", kind, addr.Hex(), err)
	}
	a.LastActivity = utc(a.LastActivity)
	return a.Account, nil
}

// Accounts implements Store.
func (s *CQLStore) Accounts(ctx context.Context, kind AccountKind) ([]Account, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := []Account{}
	iter := s.query(ctx, `SELECT data FROM accounts WHERE kind = ?`, string(kind)).PageSize(500).Iter()
	var data string
	for iter.Scan(&data) {
		var a cqlAccount
		if err := json.Unmarshal([]byte(data), &a); err != nil {
			_ = iter.Close()
			return nil, fmt.Errorf("decode %s account: %w", kind, err)
		}
		a.LastActivity = utc(a.LastActivity)
		out = append(out, a.Account)
	}
	if err := iter.Close(); err != nil {
		return nil, fmt.Errorf("list %s accounts: %w", kind, err)
	}
	return out, nil
}
