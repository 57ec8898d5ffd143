package coordinator_test

import (
	"context"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/coordinator"
)

// BenchmarkListJobsOfUser lists one user's jobs among 20,000 jobs of 200
// users: through the jobs-by-user index, and by filtering a scan of every
// job (what the store did before the index).
func BenchmarkListJobsOfUser(b *testing.B) {
	ctx := context.Background()
	s, err := coordinator.OpenBadgerStore(b.TempDir(), nil)
	require.NoError(b, err)
	b.Cleanup(func() { _ = s.Close() })
	const jobs, users = 20_000, 200
	user := func(i int) common.Address { return common.BigToAddress(big.NewInt(int64(0x1000 + i%users))) }
	batch := make([]coordinator.Job, 0, 500)
	for i := range jobs {
		j := sampleJob(uint64(i+1), t0)
		j.UserAddress = user(i)
		batch = append(batch, j)
		if len(batch) == cap(batch) {
			require.NoError(b, s.CreateJobs(ctx, batch...))
			batch = batch[:0]
		}
	}
	me := user(7)
	b.Run("index", func(b *testing.B) {
		for b.Loop() {
			got, _, err := s.ListJobs(ctx, coordinator.JobFilter{UserAddress: me})
			if err != nil || len(got) != jobs/users {
				b.Fatalf("%d jobs, %v", len(got), err)
			}
		}
	})
	b.Run("scan", func(b *testing.B) {
		for b.Loop() {
			all, _, err := s.ListJobs(ctx, coordinator.JobFilter{})
			n := 0
			for _, j := range all {
				if j.UserAddress == me {
					n++
				}
			}
			if err != nil || n != jobs/users {
				b.Fatalf("%d jobs, %v", n, err)
			}
		}
	})
}

// BenchmarkCredit credits one finished task (user, performer and three
// attesters) per operation, on disk.
func BenchmarkCredit(b *testing.B) {
	ctx := context.Background()
	s, err := coordinator.OpenBadgerStore(b.TempDir(), nil)
	require.NoError(b, err)
	b.Cleanup(func() { _ = s.Close() })
	keepers := make([]common.Address, 8)
	for i := range keepers {
		keepers[i] = common.BigToAddress(big.NewInt(int64(0x100 + i)))
	}
	i := 0
	for b.Loop() {
		i++
		at := t0.Add(time.Duration(i) * time.Second)
		credits := []coordinator.Credit{
			{Kind: coordinator.AccountUser, Address: keepers[0], Points: 6, TasksCompleted: 1, At: at},
			{Kind: coordinator.AccountKeeper, Address: keepers[i%8], Points: 6, TasksPerformed: 1, At: at},
		}
		for k := 1; k <= 3; k++ {
			credits = append(credits, coordinator.Credit{Kind: coordinator.AccountKeeper, Address: keepers[(i+k)%8], Points: 3, TasksAttested: 1, At: at})
		}
		if _, err := s.Credit(ctx, fmt.Sprintf("task/%d", i), credits...); err != nil {
			b.Fatal(err)
		}
	}
}
