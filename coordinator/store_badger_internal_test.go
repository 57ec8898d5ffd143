package coordinator

import (
	"context"
	"math/big"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
)

// A database written before the jobs-by-user index existed gets the index
// when it is opened.
func TestBadgerUserJobIndexBackfill(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	user := common.HexToAddress("0x1111111111111111111111111111111111111111")
	s, err := OpenBadgerStore(dir, nil)
	require.NoError(t, err)
	require.NoError(t, s.CreateJobs(ctx, Job{JobID: 7, UserAddress: user, Status: JobActive}, Job{JobID: 8, Status: JobActive}))
	// Forget the index, as an older version never wrote it.
	require.NoError(t, s.db.DropPrefix(prefixUserJob))
	require.NoError(t, s.db.Update(func(txn *badger.Txn) error { return txn.Delete(userJobIndexBuilt) }))
	jobs, _, err := s.ListJobs(ctx, JobFilter{UserAddress: user})
	require.NoError(t, err)
	require.Empty(t, jobs)
	require.NoError(t, s.Close())

	s, err = OpenBadgerStore(dir, nil)
	require.NoError(t, err)
	defer s.Close()
	jobs, _, err = s.ListJobs(ctx, JobFilter{UserAddress: user})
	require.NoError(t, err)
	require.Len(t, jobs, 1)
	require.Equal(t, Decimal(7), jobs[0].JobID)
}

// Job reads through the store's cache of decoded jobs never go back to an
// older version: readers racing a writer see each job title at most once
// in order, and a read after the last write sees it.
func TestBadgerJobCacheFollowsWrites(t *testing.T) {
	ctx := context.Background()
	s, err := OpenBadgerStore("", nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	j := intervalJob(1, 60, 0)
	require.NoError(t, s.CreateJobs(ctx, j))
	const writes = 300
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			last := -1
			for last < writes {
				got, err := s.Job(ctx, 1)
				if err != nil {
					t.Error(err)
					return
				}
				n := 0
				if got.JobTitle != "job" {
					if n, err = strconv.Atoi(got.JobTitle); err != nil {
						t.Error(err)
						return
					}
				}
				if n < last {
					t.Errorf("read version %d after %d", n, last)
					return
				}
				last = n
			}
		})
	}
	for i := 1; i <= writes; i++ {
		_, _, err := s.UpdateJob(ctx, 1, func(j *Job) (*Task, error) {
			j.JobTitle = strconv.Itoa(i)
			return nil, nil
		})
		require.NoError(t, err)
	}
	wg.Wait()
	got, err := s.Job(ctx, 1)
	require.NoError(t, err)
	require.Equal(t, strconv.Itoa(writes), got.JobTitle)
}

// A job's cached task ids follow its firings: each new task shows at the
// front of the next read, whatever limit the reads ask for, and readers
// racing the writes never see fewer ids than they saw before.
func TestBadgerTaskIDCacheFollowsFirings(t *testing.T) {
	ctx := context.Background()
	s, err := OpenBadgerStore("", nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	require.NoError(t, s.CreateJobs(ctx, intervalJob(1, 60, 0)))
	const firings = 150
	var done atomic.Bool
	var wg sync.WaitGroup
	for _, limit := range []int{1, 100, 0} {
		wg.Go(func() {
			seen := 0
			for !done.Load() {
				ids, err := s.TaskIDs(ctx, 1, limit)
				if err != nil {
					t.Error(err)
					return
				}
				if len(ids) < seen || limit > 0 && len(ids) > limit {
					t.Errorf("limit %d: %d ids after %d", limit, len(ids), seen)
					return
				}
				seen = len(ids)
			}
		})
	}
	var want []common.Hash
	for i := 1; i <= firings; i++ {
		at := time.Unix(int64(1_000_000+60*i), 0)
		task := Task{TaskID: common.BigToHash(big.NewInt(int64(i))), JobID: 1, ScheduledAt: at, CreatedAt: at, TaskStatus: TaskProcessing}
		_, created, err := s.UpdateJob(ctx, 1, func(*Job) (*Task, error) { return &task, nil })
		require.NoError(t, err)
		require.True(t, created)
		want = append([]common.Hash{task.TaskID}, want...)
		ids, err := s.TaskIDs(ctx, 1, 100)
		require.NoError(t, err)
		require.Equal(t, want[:min(100, len(want))], ids, "after firing %d", i)
	}
	done.Store(true)
	wg.Wait()
	for _, limit := range []int{1, 50, 100, 120, 0} {
		ids, err := s.TaskIDs(ctx, 1, limit)
		require.NoError(t, err)
		n := len(want)
		if limit > 0 {
			n = min(limit, n)
		}
		require.Equal(t, want[:n], ids, "limit %d", limit)
	}
}
