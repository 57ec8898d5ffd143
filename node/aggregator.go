package node

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts/bindings"
	"github.com/triggerx-network/triggerx/execution"
	"github.com/triggerx-network/triggerx/p2p"
)

// AggregatorConfig configures an aggregator node.
type AggregatorConfig struct {
	DataDir     string // vote store and p2p identity; required
	Chain       ChainConfig
	Key         *ecdsa.PrivateKey // sends the submitTask transactions
	P2P         P2PConfig
	MetricsAddr string
	Logger      *zap.Logger
	Test        TestConfig
}

// AddrsFile is the file in the aggregator's data directory where it writes
// its p2p multiaddrs, one per line, once it listens: keepers and the
// coordinator bootstrap from them.
const AddrsFile = "p2p-addrs.txt"

// RunAggregator runs an aggregator until ctx ends or a part fails: it is the
// network's bootstrap peer, collects votes, and submits each task's
// certificate to the AttestationCenter once a verdict reaches quorum.
func RunAggregator(ctx context.Context, cfg AggregatorConfig) error {
	if cfg.Key == nil {
		return errors.New("aggregator needs an ECDSA key")
	}
	if cfg.DataDir == "" {
		return errors.New("aggregator needs a data directory")
	}
	log := cfg.Logger
	if log == nil {
		log = zap.NewNop()
	}
	self := crypto.PubkeyToAddress(cfg.Key.PublicKey)
	log = log.Named("aggregator").With(zap.Stringer("aggregator", self))
	l := &lifecycle{log: log, stopTimeout: stopTimeout}

	chain, closeChain, err := dialChain(ctx, cfg.Chain.RPC, cfg.Test.Chain)
	if err != nil {
		return err
	}
	l.onStop("chain", func() error { closeChain(); return nil })
	fail := func(err error) error { closeChain(); return err }
	domain, chainID, err := domainOf(ctx, chain, cfg.Chain.AttestationCenter)
	if err != nil {
		return fail(err)
	}
	registry, err := bindings.NewKeeperRegistry(cfg.Chain.KeeperRegistry, chain)
	if err != nil {
		return fail(fmt.Errorf("bind keeper registry: %w", err))
	}
	center, err := bindings.NewAttestationCenter(cfg.Chain.AttestationCenter, chain)
	if err != nil {
		return fail(fmt.Errorf("bind attestation center: %w", err))
	}
	if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
		return fail(fmt.Errorf("create data dir: %w", err))
	}
	db, err := openStateDB(filepath.Join(cfg.DataDir, "votes"))
	if err != nil {
		return fail(fmt.Errorf("open vote store: %w", err))
	}
	l.onStop("vote store", db.Close)

	keepers := newRegistryKeepers(registry, keeperSetTTL)
	chk := &checks{domain: domain, keepers: keepers, now: time.Now,
		coordinator: &coordinatorAddress{registry: registry, ttl: coordinatorTTL}}
	agg, err := newVoteAggregator(keepers, domain, db, log.Named("votes"))
	if err != nil {
		db.Close()
		return fail(err)
	}
	stageCtx, stopStages := context.WithCancel(context.Background())
	sub, err := newSubmitter(self, center, cfg.Chain.AttestationCenter, execution.NewSender(chain, cfg.Key, chainID, log), log.Named("submitter"))
	if err != nil {
		stopStages()
		db.Close()
		return fail(err)
	}
	sub.base = stageCtx
	l.onStop("stages", func() error { stopStages(); sub.wait(); return nil })

	reg := newRegistry()
	var gossip *p2p.Node
	l.onStartStop("p2p", func(ctx context.Context) error {
		gossip, err = startP2P(ctx, cfg.DataDir, cfg.P2P, true, log, reg, p2p.Checks{
			Assignment: chk.Assignment, Result: chk.Result, Vote: chk.Vote, Finalization: chk.Finalization,
		})
		if err != nil {
			return err
		}
		attestation.WireAggregator(gossip, agg, sub)
		gossip.SubscribeFinalizations(agg.Finalized)
		addrs := strings.Join(gossip.Addrs(), "\n") + "\n"
		if err := os.WriteFile(filepath.Join(cfg.DataDir, AddrsFile), []byte(addrs), 0o644); err != nil {
			return fmt.Errorf("write %s: %w", AddrsFile, err)
		}
		return nil
	}, func(context.Context) error { return gossip.Close() })
	serveMetrics(l, cfg.MetricsAddr, reg, log)
	l.onStartStop("resume", func(ctx context.Context) error {
		log.Info("aggregator running", zap.Strings("p2p_addrs", gossip.Addrs()), zap.Int("pending_tasks", len(agg.Pending())))
		if cfg.Test.Ready != nil {
			cfg.Test.Ready(gossip.Addrs())
		}
		return agg.Resume(ctx)
	}, nil)
	return l.run(ctx)
}
