package lease

import (
	"cmp"
	"hash/fnv"
	"slices"
)

// PartitionOf maps a job to one of partitions partitions: Lamping and
// Veach's jump consistent hash of splitmix64(jobID). The mapping is part of
// the protocol between instances and must never change; when partitions
// grows from n to m, only about 1-n/m of the jobs move.
func PartitionOf(jobID uint64, partitions int) int {
	if partitions <= 1 {
		return 0
	}
	key := splitmix64(jobID)
	var b, j int64 = -1, 0
	for j < int64(partitions) {
		b = j
		key = key*2862933555777941757 + 1
		j = int64(float64(b+1) * (float64(int64(1)<<31) / float64((key>>33)+1)))
	}
	return int(b)
}

// splitmix64 is the finalizer of the SplitMix64 generator: a bijective mix
// of all input bits.
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// score is the rendezvous (highest random weight) score of instance for
// partition p.
func score(instance string, p int) uint64 {
	h := fnv.New64a()
	_, _ = h.Write([]byte(instance))
	return splitmix64(h.Sum64() ^ splitmix64(uint64(p)))
}

// ceilDiv returns ceil(a/b) for a >= 0, b > 0.
func ceilDiv(a, b int) int { return (a + b - 1) / b }

// assign is the balanced assignment that every instance computes alike from
// the same member list: partitions in order, each to the member with the
// highest rendezvous score that has fewer than ceil(partitions/members).
// Instances use it only as a preference (which partitions to take first and
// which to give up first); the leases decide ownership.
func assign(members []string, partitions int) []string {
	out := make([]string, partitions)
	if len(members) == 0 {
		return out
	}
	target := ceilDiv(partitions, len(members))
	count := make(map[string]int, len(members))
	ranked := slices.Clone(members)
	for p := range out {
		slices.SortFunc(ranked, func(a, b string) int {
			sa, sb := score(a, p), score(b, p)
			switch {
			case sa > sb:
				return -1
			case sa < sb:
				return 1
			}
			return cmp.Compare(a, b)
		})
		for _, m := range ranked {
			if count[m] < target {
				out[p] = m
				count[m]++
				break
			}
		}
	}
	return out
}

// preference orders the partitions for instance: those the assignment gives
// it (ascending), then the others by the instance's rendezvous score
// (highest first). The Sharder takes free partitions from the front and
// gives up extras from the back.
func preference(instance string, assigned []string) []int {
	var mine, others []int
	for p, m := range assigned {
		if m == instance {
			mine = append(mine, p)
		} else {
			others = append(others, p)
		}
	}
	slices.SortFunc(others, func(a, b int) int {
		sa, sb := score(instance, a), score(instance, b)
		switch {
		case sa > sb:
			return -1
		case sa < sb:
			return 1
		}
		return a - b
	})
	return append(mine, others...)
}
