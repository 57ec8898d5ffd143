package coordinator

import (
	"context"
	"strconv"
	"sync"
	"testing"

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
