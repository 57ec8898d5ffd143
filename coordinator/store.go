package coordinator

import (
	"context"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/triggerx-network/triggerx/attestation"
)

// Store keeps the coordinator's state: jobs, tasks, API keys and the
// monitor's block cursors. Implementations must be safe for concurrent use
// and pass the conformance suite in store_test.go (testStore).
//
// Values passed in and returned are copies; callers may modify them.
// Times are stored in UTC.
type Store interface {
	// CreateJobs stores new jobs, all of them or none. It fails with
	// ErrExists when any of the job ids is already taken.
	CreateJobs(ctx context.Context, jobs ...Job) error
	// Job returns one job, or ErrNotFound.
	Job(ctx context.Context, id uint64) (Job, error)
	// UpdateJob reads job id and calls fn on it inside one transaction. fn
	// may change the job (not its id) and may return the task of a firing.
	// The store then writes the job and, unless a task with the same id
	// already exists, creates the task, atomically: either both are written
	// or neither. created reports whether the task was created. An error
	// from fn aborts the transaction and is returned. fn may be called more
	// than once when the transaction is retried after a conflict, so it must
	// not have side effects.
	UpdateJob(ctx context.Context, id uint64, fn func(*Job) (*Task, error)) (job Job, created bool, err error)
	// ActiveJobs calls fn on every active job, in id order, until fn returns
	// an error, which ActiveJobs returns.
	ActiveJobs(ctx context.Context, fn func(Job) error) error
	// ListJobs returns up to filter.Limit jobs (all when <= 0) that match
	// filter, in id order, starting after filter.Cursor. next is the cursor
	// of the following page, empty when there is none. A cursor not issued
	// by ListJobs fails with ErrBadCursor. TaskIDs is empty.
	ListJobs(ctx context.Context, filter JobFilter) (jobs []Job, next string, err error)
	// DueJobs returns up to limit active jobs whose next execution time is
	// at or before now, earliest first.
	DueJobs(ctx context.Context, now time.Time, limit int) ([]Job, error)

	// Task returns one task, or ErrNotFound.
	Task(ctx context.Context, id common.Hash) (Task, error)
	// Tasks returns the most recent tasks of a job (by scheduled time),
	// newest first; all of them when limit <= 0.
	Tasks(ctx context.Context, jobID uint64, limit int) ([]Task, error)
	// TaskIDs returns the ids of the tasks Tasks returns, in its order,
	// without reading the tasks.
	TaskIDs(ctx context.Context, jobID uint64, limit int) ([]common.Hash, error)
	// UpdateTask reads task id, calls fn on it and writes the result inside
	// one transaction. fn must not change the task's id, job id, trigger
	// key, scheduled time or creation time. An error from fn aborts the
	// transaction and is returned; fn may be called more than once.
	UpdateTask(ctx context.Context, id common.Hash, fn func(*Task) error) (Task, error)
	// ProcessingTasks returns up to limit tasks still in status processing
	// that were created at or before notAfter, oldest first.
	ProcessingTasks(ctx context.Context, notAfter time.Time, limit int) ([]Task, error)
	// OverdueTasks returns up to limit tasks dispatched and not known to be
	// executed (status dispatched, no execution transaction recorded)
	// whose deadline is at or before notAfter, earliest deadline first: the
	// tasks whose performer may have missed its turn (Dispatcher.Fallback).
	OverdueTasks(ctx context.Context, notAfter time.Time, limit int) ([]Task, error)

	// PutAPIKey creates or replaces the API key key.ID (required). When
	// key.Key is set, the store keeps HashAPIKey(key.Key) as its Hash and
	// forgets the key's previous hash, so the old secret stops working
	// (rotation); otherwise key.Hash must be set (as the store returned
	// it). The clear Key is never stored. It fails with ErrExists when the
	// hash belongs to another key id. Revoking is a PutAPIKey with
	// RevokedAt set.
	PutAPIKey(ctx context.Context, key APIKey) error
	// APIKey looks an API key up by its clear secret (through its hash),
	// or returns ErrNotFound. The returned key carries the secret in Key.
	APIKey(ctx context.Context, key string) (APIKey, error)
	// APIKeyByID returns the API key with a public id, or ErrNotFound.
	// Key is empty.
	APIKeyByID(ctx context.Context, id string) (APIKey, error)
	// ListAPIKeys returns the API keys of owner, or all keys when owner is
	// empty, revoked ones included, in id order. Key is empty.
	ListAPIKeys(ctx context.Context, owner string) ([]APIKey, error)

	// Cursor returns the next block the named chain reader must process, or
	// ErrNotFound when it never stored one.
	Cursor(ctx context.Context, name string) (uint64, error)
	// SetCursor stores the next block the named chain reader must process.
	SetCursor(ctx context.Context, name string, next uint64) error

	// State returns a named piece of component state (a trigger watcher's
	// checkpoint, a condition's edge state), or ErrNotFound.
	State(ctx context.Context, name string) ([]byte, error)
	// SetState stores a named piece of component state; nil deletes it.
	SetState(ctx context.Context, name string, value []byte) error

	// Credit applies credits to their accounts exactly once per key, all
	// of them or none: the first call with a key applies them and reports
	// applied; a later call with the same key changes nothing. An account
	// is created by its first credit.
	Credit(ctx context.Context, key string, credits ...Credit) (applied bool, err error)
	// Account returns one account, or ErrNotFound.
	Account(ctx context.Context, kind AccountKind, address common.Address) (Account, error)
	// Accounts returns every account of kind, in address order.
	Accounts(ctx context.Context, kind AccountKind) ([]Account, error)

	// Close releases the store. No other method may be called afterwards.
	Close() error
}

// JobFilter selects the jobs Store.ListJobs returns; zero fields match all.
type JobFilter struct {
	UserAddress      common.Address
	Status           JobStatus
	TaskDefinitionID attestation.TaskDefinitionID
	// Cursor continues a listing: the next value of the previous page.
	Cursor string
	Limit  int
}

// Match reports whether j passes the filter (the cursor and limit aside).
func (f JobFilter) Match(j Job) bool {
	return (f.UserAddress == common.Address{} || j.UserAddress == f.UserAddress) &&
		(f.Status == "" || j.Status == f.Status) &&
		(f.TaskDefinitionID == 0 || j.TaskDefinitionID == f.TaskDefinitionID)
}

// jobPage collects one page of ListJobs from jobs offered in id order.
type jobPage struct {
	f    JobFilter
	jobs []Job
	next string
}

// add keeps j if it matches the filter; it returns false once the page is
// full, with next set to continue after the last job kept.
func (p *jobPage) add(j Job) bool {
	if !p.f.Match(j) {
		return true
	}
	if p.f.Limit > 0 && len(p.jobs) == p.f.Limit {
		p.next = jobCursor(uint64(p.jobs[len(p.jobs)-1].JobID))
		return false
	}
	j.TaskIDs = nil
	p.jobs = append(p.jobs, j)
	return true
}

// jobCursor encodes the position after job id as an opaque cursor.
func jobCursor(id uint64) string {
	return base64.RawURLEncoding.EncodeToString(binary.BigEndian.AppendUint64([]byte{'j'}, id))
}

// parseJobCursor decodes a jobCursor; ok is false for the empty cursor.
func parseJobCursor(s string) (after uint64, ok bool, err error) {
	if s == "" {
		return 0, false, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(b) != 9 || b[0] != 'j' {
		return 0, false, fmt.Errorf("job cursor %q: %w", s, ErrBadCursor)
	}
	return binary.BigEndian.Uint64(b[1:]), true, nil
}
