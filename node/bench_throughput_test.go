package node_test

import (
	"bytes"
	"context"
	"errors"
	"math/big"
	"net/http"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/google/pprof/profile"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
)

// BenchmarkThroughput measures how many tasks a second the whole network
// finalizes on this machine: 4 keepers, the aggregator and the coordinator
// in one process on a simulated chain sealing a block every 200 ms, with
// TRIGGERX_BENCH_RATE (default 200) static time jobs firing every second,
// more than it keeps up with. Finalized is recorded in the
// AttestationCenter: its taskNumber over a 20 s window
// (TRIGGERX_BENCH_WINDOW, seconds) after a 5 s warm-up. A CPU profile of
// the window says where the time goes: each sample is counted once, in
// the first of BLS (herumi), store (badger), gossip (libp2p, protobuf),
// EVM (the simulated chain: go-ethereum's core, state, trie and miner) whose
// code is on its stack, and the rest as other; TRIGGERX_BENCH_CPUPROFILE
// names a file to write the profile to, for go tool pprof.
// Run it alone: go test ./node -run '^$' -bench Throughput -benchtime 1x.
func BenchmarkThroughput(b *testing.B) {
	jobs := envInt("TRIGGERX_BENCH_RATE", 200)
	window := time.Duration(envInt("TRIGGERX_BENCH_WINDOW", 20)) * time.Second
	n := startNetworkHooks(b, 4, nil, nil, nil)
	n.createJobs(jobs, 1)
	ctx := context.Background()
	opts := &bind.CallOpts{Context: ctx}
	recorded := func() uint32 {
		v, err := n.c.AttestationCenter.TaskNumber(opts)
		require.NoError(b, err)
		return v
	}
	// Warm-up: the first slots meet cold caches and a forming mesh.
	deadline := time.Now().Add(3 * time.Minute)
	for recorded() < 10 {
		if time.Now().After(deadline) {
			b.Fatal("no task finalized within 3 minutes")
		}
		time.Sleep(200 * time.Millisecond)
	}
	time.Sleep(5 * time.Second)

	var prof bytes.Buffer
	require.NoError(b, pprof.StartCPUProfile(&prof))
	b.ResetTimer()
	start, from := time.Now(), recorded()
	for range b.N {
		time.Sleep(window)
	}
	to, elapsed := recorded(), time.Since(start)
	b.StopTimer()
	pprof.StopCPUProfile()

	if path := os.Getenv("TRIGGERX_BENCH_CPUPROFILE"); path != "" {
		require.NoError(b, os.WriteFile(path, prof.Bytes(), 0o644))
	}
	rate := float64(to-from) / elapsed.Seconds()
	b.ReportMetric(rate, "tasks/s")
	b.ReportMetric(float64(jobs), "offered/s")
	shares, busy, err := cpuShares(&prof)
	require.NoError(b, err)
	b.ReportMetric(100*busy.Seconds()/(elapsed.Seconds()*float64(runtime.GOMAXPROCS(0))), "%cpu_busy")
	for _, c := range cpuCategories {
		b.ReportMetric(100*shares[c.name], "%cpu_"+c.name)
	}
	b.ReportMetric(100*shares["other"], "%cpu_other")
	b.Logf("%d jobs a second offered: %.1f tasks a second finalized over %s (%d tasks)", jobs, rate, elapsed.Round(time.Millisecond), to-from)
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// cpuCategories classify profile samples: the first whose function
// prefix is on a sample's stack takes it.
var cpuCategories = []struct {
	name     string
	prefixes []string
}{
	{"bls", []string{"github.com/herumi/", "github.com/triggerx-network/triggerx/attestation.VerifyBLS",
		"github.com/triggerx-network/triggerx/attestation.AggregateBLS", "github.com/triggerx-network/triggerx/attestation.FastAggregateVerifyBLS",
		"github.com/triggerx-network/triggerx/attestation.(*BLSSecretKey)"}},
	{"store", []string{"github.com/dgraph-io/badger"}},
	{"gossip", []string{"github.com/libp2p/", "google.golang.org/protobuf/"}},
	{"evm", []string{"github.com/ethereum/go-ethereum/core", "github.com/ethereum/go-ethereum/trie",
		"github.com/ethereum/go-ethereum/triedb", "github.com/ethereum/go-ethereum/miner", "github.com/ethereum/go-ethereum/eth",
		"github.com/ethereum/go-ethereum/consensus", "github.com/ethereum/go-ethereum/internal/ethapi"}},
}

// cpuShares parses a CPU profile and returns each category's share of the
// CPU time (and "other"), and that time.
func cpuShares(r *bytes.Buffer) (map[string]float64, time.Duration, error) {
	p, err := profile.Parse(r)
	if err != nil {
		return nil, 0, err
	}
	cpu := slices.IndexFunc(p.SampleType, func(t *profile.ValueType) bool { return t.Unit == "nanoseconds" })
	if cpu < 0 {
		return nil, 0, errors.New("profile without CPU time")
	}
	counts := map[string]int64{}
	var total int64
	for _, s := range p.Sample {
		v := s.Value[cpu]
		total += v
		counts[category(s)] += v
	}
	out := map[string]float64{}
	for k, v := range counts {
		out[k] = float64(v) / float64(max(total, 1))
	}
	return out, time.Duration(total), nil
}

func category(s *profile.Sample) string {
	var funcs []string
	for _, loc := range s.Location {
		for _, l := range loc.Line {
			if l.Function != nil {
				funcs = append(funcs, l.Function.Name)
			}
		}
	}
	for _, c := range cpuCategories {
		if slices.ContainsFunc(funcs, func(f string) bool {
			return slices.ContainsFunc(c.prefixes, func(p string) bool { return strings.HasPrefix(f, p) })
		}) {
			return c.name
		}
	}
	return "other"
}

// createJobs commits count time jobs calling Counter.increment(1) every
// interval seconds on-chain in a few blocks, funds them with one deposit
// and registers them with the coordinator in requests of 100.
func (n *network) createJobs(count, interval int) []string {
	n.t.Helper()
	ctx := context.Background()
	action := attestation.Action{ChainID: n.chainID.Uint64(), Target: n.addrs.Counter, Function: "increment(uint256)", Arguments: []string{"1"}}
	trigger := attestation.Trigger{Kind: attestation.TriggerTime, Time: &attestation.TimeTrigger{
		Schedule: attestation.ScheduleInterval, Interval: uint64(interval)}}
	deposit := *n.user
	deposit.Value = new(big.Int).Mul(big.NewInt(100), big.NewInt(1e18))
	n.mine(n.c.TriggerGasRegistry.Deposit(&deposit, n.user.From))
	nonce, err := n.sim.Client().PendingNonceAt(ctx, n.user.From)
	require.NoError(n.t, err)
	txs := make([]*types.Transaction, count)
	for i := range count {
		opts := *n.user
		opts.Nonce = new(big.Int).SetUint64(nonce + uint64(i))
		txs[i], err = n.c.JobRegistry.CreateJob(&opts, uint16(attestation.TimeStatic), action.Target, attestation.JobCommitment(action, trigger))
		require.NoError(n.t, err)
	}
	var ids []string
	var reqs []map[string]any
	for _, tx := range txs {
		receipt, err := bind.WaitMined(ctx, n.sim.Client(), tx)
		require.NoError(n.t, err)
		require.Equal(n.t, types.ReceiptStatusSuccessful, receipt.Status)
		created, err := n.c.JobRegistry.ParseJobCreated(*receipt.Logs[0])
		require.NoError(n.t, err)
		id := created.JobId.String()
		ids = append(ids, id)
		reqs = append(reqs, n.timeJobRequest(id, "throughput "+id, interval, action))
	}
	for chunk := range slices.Chunk(reqs, 100) {
		code, body := n.api(http.MethodPost, "/api/jobs", chunk)
		require.Equal(n.t, http.StatusCreated, code, string(body))
	}
	return ids
}
