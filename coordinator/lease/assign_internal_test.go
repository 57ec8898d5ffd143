package lease

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/require"
)

// The job-to-partition mapping is shared by every instance: these values
// must never change.
func TestPartitionOfIsStable(t *testing.T) {
	for _, tc := range []struct {
		jobID           uint64
		p64, p16, p1000 int
	}{
		{0, 26, 8, 258},
		{1, 50, 15, 527},
		{2, 19, 0, 19},
		{3, 58, 14, 473},
		{42, 0, 0, 151},
		{1000, 33, 12, 639},
		{123456789, 36, 10, 534},
		{1 << 63, 60, 8, 994},
		{^uint64(0), 26, 3, 650},
	} {
		require.Equal(t, tc.p64, PartitionOf(tc.jobID, 64), "job %d", tc.jobID)
		require.Equal(t, tc.p16, PartitionOf(tc.jobID, 16), "job %d", tc.jobID)
		require.Equal(t, tc.p1000, PartitionOf(tc.jobID, 1000), "job %d", tc.jobID)
	}
	require.Zero(t, PartitionOf(7, 1))
	require.Zero(t, PartitionOf(7, 0))
}

func TestPartitionOfSpreadsSequentialIDs(t *testing.T) {
	const jobs, parts = 64_000, 64
	count := make([]int, parts)
	for id := range uint64(jobs) {
		p := PartitionOf(id, parts)
		require.True(t, p >= 0 && p < parts)
		count[p]++
	}
	for p, n := range count {
		require.InDelta(t, jobs/parts, n, jobs/parts/5, "partition %d", p)
	}
	// Growing the partition count moves jobs only to the new partitions.
	for id := range uint64(1000) {
		if q := PartitionOf(id, 80); q < 64 {
			require.Equal(t, PartitionOf(id, 64), q)
		}
	}
}

func TestAssignIsBalancedAndDeterministic(t *testing.T) {
	for _, tc := range []struct {
		members    []string
		partitions int
	}{
		{[]string{"a"}, 64},
		{[]string{"a", "b"}, 64},
		{[]string{"a", "b", "c"}, 64},
		{[]string{"c", "b", "a"}, 64},
		{[]string{"n1", "n2", "n3", "n4", "n5"}, 64},
		{[]string{"a", "b", "c"}, 2},
	} {
		t.Run(fmt.Sprint(tc.members, tc.partitions), func(t *testing.T) {
			got := assign(tc.members, tc.partitions)
			target := ceilDiv(tc.partitions, len(tc.members))
			count := map[string]int{}
			for p, m := range got {
				require.Contains(t, tc.members, m, "partition %d", p)
				count[m]++
			}
			for m, n := range count {
				require.LessOrEqual(t, n, target, m)
			}
			reversed := slices.Clone(tc.members)
			slices.Reverse(reversed)
			require.Equal(t, got, assign(reversed, tc.partitions), "independent of member order")

			for _, m := range tc.members {
				pref := preference(m, got)
				require.ElementsMatch(t, pref, seq(tc.partitions), "a permutation")
				for i := range count[m] {
					require.Equal(t, m, got[pref[i]], "assigned partitions first")
				}
			}
		})
	}
	require.Len(t, assign(nil, 4), 4)
}

func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func TestConfigDefaults(t *testing.T) {
	cfg, err := Config{Client: redis.NewClient(&redis.Options{}), Instance: "a"}.withDefaults()
	require.NoError(t, err)
	require.NoError(t, cfg.checkTiming())
	require.Equal(t, DefaultPartitions, cfg.Partitions)
	require.Equal(t, DefaultTTL, cfg.TTL)
	require.Equal(t, DefaultTTL/3, cfg.RenewEvery)
	require.Equal(t, DefaultTTL/5, cfg.SafetyMargin)
	require.Equal(t, DefaultPrefix, cfg.Prefix)
	require.NotNil(t, cfg.Logger)
	require.Equal(t, "triggerx:coordinator:lease:{partition:7}", cfg.leaseKey(partitionLease(7)))
	require.Equal(t, "triggerx:coordinator:fence:{partition:7}", cfg.fenceKey(partitionLease(7)))

	cfg.TTL, cfg.RenewEvery, cfg.SafetyMargin = time.Second, 800*time.Millisecond, 200*time.Millisecond
	require.Error(t, cfg.checkTiming(), "no time left to retry a renewal")
}
