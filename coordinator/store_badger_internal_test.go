package coordinator

import (
	"context"
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
