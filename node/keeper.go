package node

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/prometheus/client_golang/prometheus"
	"go.opentelemetry.io/otel/trace"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts/bindings"
	"github.com/triggerx-network/triggerx/execution"
	"github.com/triggerx-network/triggerx/execution/egress"
	"github.com/triggerx-network/triggerx/execution/sandbox"
	"github.com/triggerx-network/triggerx/execution/triggercheck"
	"github.com/triggerx-network/triggerx/node/othentic"
	"github.com/triggerx-network/triggerx/node/tracing"
	"github.com/triggerx-network/triggerx/p2p"
)

// KeeperConfig configures a keeper node.
type KeeperConfig struct {
	DataDir       string // journal; required
	Chain         ChainConfig
	ControllerKey *ecdsa.PrivateKey         // sends transactions, signs results
	BLSKey        *attestation.BLSSecretKey // signs votes
	P2P           P2PConfig
	MetricsAddr   string // host:port for /metrics; empty for none
	// ScriptGateways are trustless IPFS gateways job scripts are fetched
	// from when no peer has them.
	ScriptGateways []string
	// ScriptPool is the number of warm sandbox containers kept per runtime
	// (0: every script run starts a fresh container).
	ScriptPool int
	// ScriptImages overrides the sandbox image of a runtime (node,
	// typescript, python, go), e.g. an image from a reachable registry; the
	// default is the image scripts/runtime-images.sh builds.
	ScriptImages map[string]string
	// ScriptNetwork names the Docker network the keeper creates for scripts
	// with allowed hosts (execution/egress; needs root and iptables). Empty:
	// such scripts are refused with script_network_unavailable.
	ScriptNetwork string
	// ScriptSpotSample is the fraction of a performer's recorded responses
	// an attester re-fetches live (0: DefaultSpotSample; negative: none).
	ScriptSpotSample float64
	// Tx tunes the transaction manager that sends the keeper's executions.
	Tx TxConfig
	// OthenticAPI is host:port where the keeper serves an Othentic
	// attester node's AVS web API (POST /task/validate, POST /p2p/message);
	// empty for none.
	OthenticAPI string
	// HeartbeatInterval is how often the keeper gossips a signed heartbeat
	// so the coordinator sees it online (0: DefaultHeartbeatInterval;
	// negative: none).
	HeartbeatInterval time.Duration
	// TracerProvider receives the spans of the tasks this keeper performs
	// and attests to, in each task's trace (node/tracing); nil: none.
	TracerProvider trace.TracerProvider
	Logger         *zap.Logger
	Test           TestConfig
}

// Timings of a keeper.
const (
	keeperSetTTL      = 5 * time.Second
	coordinatorTTL    = time.Minute
	assignmentTTL     = time.Hour
	attestGrace       = 2 * time.Minute
	maxParallelChecks = 32
	stopTimeout       = 15 * time.Second
)

// RunKeeper runs a keeper until ctx ends or a part fails: it joins the
// network, performs the tasks assigned to it and attests to the tasks
// performed by others.
func RunKeeper(ctx context.Context, cfg KeeperConfig) error {
	if cfg.BLSKey == nil {
		return errors.New("keeper needs a BLS key")
	}
	p, err := newProcess(ctx, "keeper", cfg.ControllerKey, cfg.DataDir, cfg.Chain, cfg.Test, cfg.Logger)
	if err != nil {
		return err
	}
	l, log := p.l, p.log
	if err := checkRegistered(ctx, p.registry, p.self, cfg.BLSKey.PublicKey()); err != nil {
		return l.abort(err)
	}
	jobs, err := bindings.NewJobRegistry(cfg.Chain.JobRegistry, p.chain)
	if err != nil {
		return l.abort(fmt.Errorf("bind job registry: %w", err))
	}
	hub, err := bindings.NewTaskExecutionHub(cfg.Chain.TaskExecutionHub, p.chain)
	if err != nil {
		return l.abort(fmt.Errorf("bind task execution hub: %w", err))
	}
	journal, err := OpenJournal(filepath.Join(cfg.DataDir, "journal"))
	if err != nil {
		return l.abort(err)
	}
	l.onStop("journal", journal.Close)
	sender, err := p.newSender(journal.db, cfg.ControllerKey, cfg.Tx)
	if err != nil {
		return l.abort(err)
	}

	keeperSet := newRegistryKeepers(p.registry, keeperSetTTL)
	chk := p.checks(keeperSet)
	reg := newRegistry()
	m, err := newMetrics(reg, "keeper")
	if err != nil {
		return l.abort(err)
	}
	triggers, err := triggercheck.New(triggercheck.Config{Chains: p.chains.Get, Logger: log})
	if err != nil {
		return l.abort(err)
	}
	stageCtx, stopStages := context.WithCancel(context.Background())
	scriptStore := &scripts{dir: cfg.DataDir, gateways: cfg.ScriptGateways, log: log, reg: reg}
	spot := cfg.ScriptSpotSample
	if spot == 0 {
		spot = DefaultSpotSample
	}
	runner := &scriptRunner{scripts: scriptStore, self: p.self, log: log.Named("script"),
		tamper: cfg.Test.TamperScriptOutput, upstream: cfg.Test.ScriptUpstream}
	// Attesters re-run scripts untampered.
	rerunner := &scriptRunner{scripts: scriptStore, self: p.self, log: log.Named("script"), spotSample: spot}
	home := site{chainID: p.domain.ChainID, chain: p.chain, hubAddr: cfg.Chain.TaskExecutionHub, hub: hub, jobs: jobs, home: true}
	perfHome, attHome := home, home
	perfHome.sender = sender
	perfSites := &sites{home: &perfHome, chains: p.chains, hubs: cfg.Chain.Hubs, jobRegs: cfg.Chain.JobRegistries,
		newSender: func(id uint64, chain execution.Chain) (*execution.Sender, func(), error) {
			return startSender(journal.db, otherChainPrefix(id), cfg.ControllerKey, cfg.Tx, chain, new(big.Int).SetUint64(id), log)
		}}
	l.onStop("other chains' transaction managers", perfSites.close)
	attSites := &sites{home: &attHome, chains: p.chains, hubs: cfg.Chain.Hubs, jobRegs: cfg.Chain.JobRegistries}
	perf := &performer{
		self: p.self, domain: p.domain, sites: perfSites,
		jobs: jobs, journal: journal, scripts: runner, log: log.Named("performer"), metrics: m, tracer: tracing.Tracer(cfg.TracerProvider),
		base: stageCtx, running: map[common.Hash]bool{}, faults: cfg.Test.Faults,
		key: func(d common.Hash) ([]byte, error) { return attestation.SignECDSA(cfg.ControllerKey, d) },
	}
	att := &attester{
		self: p.self, key: cfg.BLSKey, domain: p.domain, journal: journal, log: log.Named("attester"), metrics: m, tracer: tracing.Tracer(cfg.TracerProvider),
		verifier: &chainVerifier{jobs: jobs, sites: attSites, triggers: triggers, scripts: rerunner},
		grace:    attestGrace, base: stageCtx, sem: make(chan struct{}, maxParallelChecks), faults: cfg.Test.Faults,
	}
	signer := &batchSigner{self: p.self, key: cfg.BLSKey, domain: p.domain, journal: journal, log: log.Named("batches"),
		metrics: m, base: stageCtx}
	backup, err := newBackupAggregator(stageCtx, p, cfg.Chain, keeperSet, journal, sender, log)
	if err != nil {
		stopStages()
		return l.abort(err)
	}
	backup.metrics, backup.agg.verified = m, chk.Verified
	l.onStop("stages", func() error {
		stopStages()
		perf.wait()
		att.wait()
		signer.wait()
		backup.wait()
		backup.sub.wait()
		return nil
	})

	// The sandbox starts before any task can arrive; without a Docker
	// engine the keeper still runs static jobs and refuses script tasks.
	var sb *sandbox.Sandbox
	l.onStartStop("sandbox", func(ctx context.Context) error {
		pool := map[sandbox.Runtime]int{}
		for _, rt := range sandbox.Runtimes {
			pool[rt] = cfg.ScriptPool
		}
		var err error
		images := map[sandbox.Runtime]string{}
		for rt, image := range cfg.ScriptImages {
			images[sandbox.Runtime(rt)] = image
		}
		if sb, err = sandbox.New(ctx, sandbox.Config{Images: images, PoolSize: pool, Logger: log, Registerer: reg}); err != nil {
			log.Warn("script sandbox unavailable: this keeper runs static jobs only", zap.Error(err))
			return nil
		}
		runner.sandbox, rerunner.sandbox = sb, sb
		if cfg.ScriptNetwork == "" {
			return nil
		}
		// Asked for: a keeper that cannot firewall its scripts' network
		// does not start.
		eg, err := egress.Open(ctx, egress.Config{Name: cfg.ScriptNetwork, Logger: log})
		if err != nil {
			return errors.Join(fmt.Errorf("script network: %w", err), sb.Close())
		}
		runner.egress, rerunner.egress = eg, eg
		return nil
	}, func(context.Context) error {
		if sb == nil {
			return nil
		}
		err := sb.Close() // first: no run uses the network after this
		if runner.egress != nil {
			err = errors.Join(err, runner.egress.Close())
		}
		return err
	})
	match := newMatcher(assignmentTTL)
	var gossip *p2p.Node
	l.onStartStop("p2p", func(ctx context.Context) error {
		gossip, err = startP2P(ctx, cfg.ControllerKey, cfg.P2P, false, log, reg, chk.p2p(), chk.admitPeer, cfg.Test.Network, nil)
		if err != nil {
			return err
		}
		if err := scriptStore.start(ctx, gossip); err != nil {
			return errors.Join(err, gossip.Close())
		}
		// The backup first: it must know a task is this keeper's before
		// the result goes out and votes come back.
		perf.Subscribe(backup.performed)
		attestation.WireKeeper(gossip, perf, match, att)
		gossip.SubscribeVotes(backup.vote)
		gossip.SubscribeBatchProposals(signer.Propose)
		signer.Subscribe(gossip.PublishBatchVote)
		gossip.SubscribeFinalizations(backup.finalized)
		backup.agg.Subscribe(backup.certified)
		backup.sub.Subscribe(gossip.PublishFinalization)
		backup.start(gossip.PublishResult)
		return nil
	}, func(ctx context.Context) error { return errors.Join(scriptStore.stop(ctx), gossip.Close()) })
	if every := heartbeatInterval(cfg.HeartbeatInterval); every > 0 {
		l.background("heartbeats", func(ctx context.Context) error {
			hb := &heartbeats{key: cfg.ControllerKey, domain: p.domain, peerID: gossip.ID().String(), version: Version,
				interval: every, publish: gossip.PublishHeartbeat, now: time.Now, log: log.Named("heartbeat")}
			return hb.run(ctx)
		})
	} else {
		log.Info("heartbeats off")
	}
	serveMetrics(l, cfg.MetricsAddr, reg, log)
	ot := &othenticKeeper{checks: chk, matcher: match, verifier: att.verifier,
		assigned: func(ctx context.Context, a attestation.Assignment) error {
			return errors.Join(match.AddAssignment(ctx, a), perf.Perform(ctx, a))
		}}
	serveHTTP(l, "othentic web API", cfg.OthenticAPI, othentic.NewAVSWebAPI(ot.validate, ot.message, log), log, cfg.Test.HTTPReady)
	l.onStartStop("ready", func(context.Context) error {
		log.Info("keeper running", zap.Strings("p2p_addrs", gossip.Addrs()), zap.Uint64("chain_id", p.domain.ChainID))
		if cfg.Test.Ready != nil {
			cfg.Test.Ready(gossip.Addrs())
		}
		return backup.agg.Resume(ctx)
	}, nil)
	return l.run(ctx)
}

// checkRegistered fails unless self is an active keeper whose registered BLS
// key is pk: a keeper that is not registered could neither execute nor vote.
func checkRegistered(ctx context.Context, registry *bindings.KeeperRegistry, self common.Address, pk attestation.BLSPublicKey) error {
	opts := &bind.CallOpts{Context: ctx}
	active, err := registry.IsActive(opts, self)
	if err != nil {
		return fmt.Errorf("read registration: %w", err)
	}
	if !active {
		return fmt.Errorf("keeper %s is not registered (run `triggerx-keeper register`)", self.Hex())
	}
	id, err := registry.KeeperId(opts, self)
	if err != nil {
		return fmt.Errorf("read keeper id: %w", err)
	}
	k, err := registry.GetKeeper(opts, id)
	if err != nil {
		return fmt.Errorf("read keeper: %w", err)
	}
	got, err := attestation.BLSPublicKeyFromEIP2537(k.BlsPubKey)
	if err != nil || got != pk {
		return fmt.Errorf("keeper %s is registered with another BLS key than the one configured", self.Hex())
	}
	return nil
}

// startP2P starts the node's libp2p host with the node's ECDSA key as its
// identity and, unless cfg.Open, a connection gater admitting the bootstrap
// peers, cfg.AllowPeers, active keepers and the coordinator (admit).
func startP2P(ctx context.Context, key *ecdsa.PrivateKey, cfg P2PConfig, bootstrapNode bool, log *zap.Logger,
	reg prometheus.Registerer, checks p2p.Checks, admit func(context.Context, common.Address) error, faults *p2p.Faults,
	conflicts func(first, second attestation.Vote),
) (*p2p.Node, error) {
	id, err := p2p.IdentityFromECDSA(key)
	if err != nil {
		return nil, fmt.Errorf("p2p identity: %w", err)
	}
	pcfg := p2p.Config{
		ListenAddrs: cfg.Listen, Identity: id, Bootstrap: cfg.Bootstrap, PeerExchange: bootstrapNode,
		Logger: log, Checks: checks, Registerer: reg, Faults: faults, ConflictingVotes: conflicts,
	}
	if !cfg.Open {
		for _, s := range cfg.AllowPeers {
			pid, err := peer.Decode(s)
			if err != nil {
				return nil, fmt.Errorf("allowed peer %q: %w", s, err)
			}
			pcfg.AllowPeers = append(pcfg.AllowPeers, pid)
		}
		pcfg.Admit = func(ctx context.Context, pid peer.ID) error {
			addr, err := p2p.AddressOf(pid)
			if err != nil {
				return err
			}
			return admit(ctx, addr)
		}
	}
	return p2p.New(ctx, pcfg)
}
