package node

import (
	"cmp"
	"context"
	"crypto/ecdsa"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"go.opentelemetry.io/otel/trace"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts/bindings"
	"github.com/triggerx-network/triggerx/node/othentic"
	"github.com/triggerx-network/triggerx/node/tracing"
	"github.com/triggerx-network/triggerx/p2p"
)

// AggregatorConfig configures an aggregator node.
type AggregatorConfig struct {
	DataDir     string // vote store; required
	Chain       ChainConfig
	Key         *ecdsa.PrivateKey // sends the submitTask transactions
	P2P         P2PConfig
	MetricsAddr string
	// Tx tunes the transaction manager that sends the submissions.
	Tx TxConfig
	// MaxBatch is the most certificates recorded in one submitTasks
	// transaction (0: DefaultMaxBatch; 1: one transaction per task).
	MaxBatch int
	// AttestMin is the least certificates in one batch window for them to
	// be recorded under one batch signature of the keepers (submitBatch)
	// rather than each under its own (0: DefaultAttestMin; negative: never).
	AttestMin int
	// OthenticRPC is host:port where the aggregator answers Othentic's
	// JSON-RPC (sendTask, sendCustomMessage); empty for none.
	OthenticRPC string
	// TracerProvider receives the spans of vote aggregation and submission,
	// in each task's trace (node/tracing); nil: none.
	TracerProvider trace.TracerProvider
	Logger         *zap.Logger
	Test           TestConfig
}

// AddrsFile is the file in the aggregator's and the coordinator's data
// directories where they write their p2p multiaddrs, one per line, once they
// listen: keepers and the coordinator bootstrap from the aggregator's, and
// keepers also connect to the coordinator's to fetch job scripts.
const AddrsFile = "p2p-addrs.txt"

// writeAddrs writes gossip's multiaddrs to dataDir/AddrsFile.
func writeAddrs(dataDir string, gossip *p2p.Node) error {
	addrs := strings.Join(gossip.Addrs(), "\n") + "\n"
	if err := os.WriteFile(filepath.Join(dataDir, AddrsFile), []byte(addrs), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", AddrsFile, err)
	}
	return nil
}

// RunAggregator runs an aggregator until ctx ends or a part fails: it is the
// network's bootstrap peer, collects votes, and submits each task's
// certificate to the AttestationCenter once a verdict reaches quorum.
func RunAggregator(ctx context.Context, cfg AggregatorConfig) error {
	p, err := newProcess(ctx, "aggregator", cfg.Key, cfg.DataDir, cfg.Chain, cfg.Test, cfg.Logger)
	if err != nil {
		return err
	}
	l, log := p.l, p.log
	center, err := bindings.NewAttestationCenter(cfg.Chain.AttestationCenter, p.chain)
	if err != nil {
		return l.abort(fmt.Errorf("bind attestation center: %w", err))
	}
	db, err := openStateDB(filepath.Join(cfg.DataDir, "votes"))
	if err != nil {
		return l.abort(fmt.Errorf("open vote store: %w", err))
	}
	l.onStop("vote store", db.Close)

	keepers := newRegistryKeepers(p.registry, keeperSetTTL)
	chk := p.checks(keepers)
	reg := newRegistry()
	m, err := newMetrics(reg, "aggregator")
	if err != nil {
		return l.abort(err)
	}
	agg, err := newVoteAggregator(keepers, p.domain, db, log.Named("votes"))
	if err != nil {
		return l.abort(err)
	}
	agg.metrics, agg.tracer, agg.verified = m, tracing.Tracer(cfg.TracerProvider), chk.Verified
	sender, err := p.newSender(db, cfg.Key, cfg.Tx)
	if err != nil {
		return l.abort(err)
	}
	sub, err := newSubmitter(p.self, center, cfg.Chain.AttestationCenter, sender, log.Named("submitter"))
	if err != nil {
		return l.abort(err)
	}
	stageCtx, stopStages := context.WithCancel(context.Background())
	sub.base, sub.metrics, sub.tracer = stageCtx, m, tracing.Tracer(cfg.TracerProvider)
	if cfg.MaxBatch > 0 {
		sub.maxBatch = cfg.MaxBatch
	}
	if cfg.AttestMin >= 0 {
		sub.batches = &batchCollector{keepers: keepers, domain: p.domain, log: log.Named("batches")}
		sub.attestMin, sub.attestMax = cmp.Or(cfg.AttestMin, DefaultAttestMin), DefaultAttestMax
	}
	reporter, err := newConflictReporter(stageCtx, keepers, sender, cfg.Chain.AttestationCenter, log.Named("slashing"))
	if err != nil {
		stopStages()
		return l.abort(err)
	}
	l.onStop("stages", func() error { stopStages(); sub.wait(); reporter.wait(); return nil })

	var gossip *p2p.Node
	l.onStartStop("p2p", func(ctx context.Context) error {
		gossip, err = startP2P(ctx, cfg.Key, cfg.P2P, true, log, reg, chk.p2p(), chk.admitPeer, cfg.Test.Network, reporter.report)
		if err != nil {
			return err
		}
		attestation.WireAggregator(gossip, agg, sub)
		if sub.batches != nil {
			sub.batches.publish = gossip.PublishBatchProposal
			gossip.SubscribeBatchVotes(sub.batches.AddBatchVote)
		}
		gossip.SubscribeFinalizations(agg.Finalized)
		return writeAddrs(cfg.DataDir, gossip)
	}, func(context.Context) error { return gossip.Close() })
	serveMetrics(l, cfg.MetricsAddr, reg, log)
	ot := &othenticAggregator{checks: chk,
		publishResult:     func(ctx context.Context, r attestation.Result) error { return gossip.PublishResult(ctx, r) },
		publishAssignment: func(ctx context.Context, a attestation.Assignment) error { return gossip.PublishAssignment(ctx, a) },
	}
	serveHTTP(l, "othentic JSON-RPC", cfg.OthenticRPC, othentic.NewJSONRPC(ot.task, ot.custom, log), log, cfg.Test.HTTPReady)
	l.onStartStop("resume", func(ctx context.Context) error {
		log.Info("aggregator running", zap.Strings("p2p_addrs", gossip.Addrs()), zap.Int("pending_tasks", len(agg.Pending())))
		if cfg.Test.Ready != nil {
			cfg.Test.Ready(gossip.Addrs())
		}
		return agg.Resume(ctx)
	}, nil)
	return l.run(ctx)
}
