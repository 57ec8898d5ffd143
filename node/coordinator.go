package node

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/redis/go-redis/v9"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts/bindings"
	"github.com/triggerx-network/triggerx/coordinator"
	"github.com/triggerx-network/triggerx/coordinator/lease"
	"github.com/triggerx-network/triggerx/node/tracing"
	"github.com/triggerx-network/triggerx/p2p"
)

// CoordinatorConfig configures the coordinator process: REST API, interval
// scheduler, dispatcher and chain monitor in one process.
type CoordinatorConfig struct {
	DataDir   string // badger store; required
	Chain     ChainConfig
	Key       *ecdsa.PrivateKey // signs assignments; must be the registry's coordinator
	APIListen string            // host:port of the REST API (also serves /metrics)
	APIKeys   []string          // admin keys accepted by the REST API, seeded into the store
	// APIRateLimit is the requests per minute of an API key without its
	// own limit; default coordinator.DefaultRateLimit.
	APIRateLimit int
	P2P          P2PConfig
	// Tick is the scheduler's period; default 1s.
	Tick time.Duration
	// Deadline is the time a performer has to execute a task; default 60s.
	Deadline time.Duration
	// MonitorPoll is the monitor's pause once caught up with the chain; default 2s.
	MonitorPoll time.Duration
	// RedisURL, when set (redis://host:port/db), lets several coordinator
	// instances over one shared store split the jobs through Redis leases.
	RedisURL string
	// ScriptGateways are trustless IPFS gateways scripts are fetched from
	// when no peer has them.
	ScriptGateways []string
	// Health configures the keeper health service.
	Health HealthConfig
	// TracerProvider receives the spans of the tasks this coordinator
	// fires and dispatches, in each task's trace (node/tracing); nil: none.
	TracerProvider trace.TracerProvider
	Logger         *zap.Logger
	Test           CoordinatorTestConfig
}

// HealthConfig configures the coordinator's keeper health service, fed by
// the keepers' signed heartbeats on the gossip network.
type HealthConfig struct {
	// OfflineAfter: a keeper silent for longer is offline and the
	// dispatcher passes it over; default coordinator.DefaultOfflineAfter.
	OfflineAfter time.Duration
	// AlertAfter: operators are alerted about a keeper offline for longer;
	// default coordinator.DefaultAlertAfter.
	AlertAfter time.Duration
	// WebhookURL, when set, receives each alert as a JSON POST.
	WebhookURL string
	// TelegramToken and TelegramChatID, when both set, send each alert to
	// a Telegram chat through a bot.
	TelegramToken  string
	TelegramChatID string
}

// alerters returns the alert channels h configures.
func (h HealthConfig) alerters() ([]coordinator.Alerter, error) {
	var out []coordinator.Alerter
	if h.WebhookURL != "" {
		w, err := coordinator.NewWebhookAlerter(h.WebhookURL)
		if err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	switch {
	case h.TelegramToken != "" && h.TelegramChatID != "":
		out = append(out, &coordinator.TelegramAlerter{Token: h.TelegramToken, ChatID: h.TelegramChatID})
	case h.TelegramToken != "" || h.TelegramChatID != "":
		return nil, errors.New("telegram alerts need both a bot token and a chat id")
	}
	return out, nil
}

// CoordinatorTestConfig holds hooks for in-process tests.
type CoordinatorTestConfig struct {
	TestConfig
	// APIReady is called with the REST API's listening address.
	APIReady func(addr string)
}

// RunCoordinator runs the coordinator until ctx ends or a part fails.
func RunCoordinator(ctx context.Context, cfg CoordinatorConfig) error {
	p, err := newProcess(ctx, "coordinator", cfg.Key, cfg.DataDir, cfg.Chain, cfg.Test.TestConfig, cfg.Logger)
	if err != nil {
		return err
	}
	l, log, chain, domain, registry, self := p.l, p.log, p.chain, p.domain, p.registry, p.self
	onchain, err := registry.Coordinator(&bind.CallOpts{Context: ctx})
	if err != nil {
		return l.abort(fmt.Errorf("read coordinator address: %w", err))
	}
	if onchain != self {
		return l.abort(fmt.Errorf("the keeper registry names %s as coordinator, not this key's %s", onchain.Hex(), self.Hex()))
	}
	badger, err := coordinator.OpenBadgerStore(filepath.Join(cfg.DataDir, "store"), log)
	if err != nil {
		return l.abort(err)
	}
	l.onStop("store", badger.Close)
	// Every component writes through the events decorator, so each task
	// created or changed (scheduler, firings, dispatcher, monitor, results,
	// API) reaches GET /api/v1/events.
	reg := newRegistry()
	sharder, owns, claim, rdb, err := shareJobs(l, cfg.RedisURL, self, log, reg)
	if err != nil {
		return l.abort(err)
	}
	// With Redis, the events reach the subscribers of every instance.
	var broker coordinator.Broker = coordinator.NewMemoryBroker(0)
	if rdb != nil {
		rb, err := coordinator.NewRedisBroker(ctx, rdb, "triggerx:", log)
		if err != nil {
			return l.abort(err)
		}
		l.onStop("event broker", rb.Close)
		broker = rb
	}
	store := coordinator.WithEvents(badger, broker)
	for _, k := range cfg.APIKeys {
		if err := coordinator.SeedAPIKey(ctx, store, k, "operator"); err != nil {
			return l.abort(fmt.Errorf("seed API key: %w", err))
		}
	}
	head, err := chain.HeaderByNumber(ctx, nil)
	if err != nil {
		return l.abort(fmt.Errorf("read chain head: %w", err))
	}

	keepers := newRegistryKeepers(registry, keeperSetTTL)
	keeperInfo := newKeeperSource(p.registry, keeperInfoTTL)
	alerters, err := cfg.Health.alerters()
	if err != nil {
		return l.abort(fmt.Errorf("keeper alerts: %w", err))
	}
	health, err := coordinator.NewHealth(ctx, coordinator.HealthConfig{
		Keepers: keeperInfo, Store: store, OfflineAfter: cfg.Health.OfflineAfter, AlertAfter: cfg.Health.AlertAfter,
		Alerters: alerters, Claim: claim, Logger: log, Registerer: reg,
	})
	if err != nil {
		return l.abort(err)
	}
	var gossip *p2p.Node
	dispatcher, err := coordinator.NewDispatcher(coordinator.DispatcherConfig{
		Keepers: keepers, Online: health.Online, Key: cfg.Key, Domain: domain, Store: store, Deadline: cfg.Deadline,
		Executed: hubExecuted(p, cfg.Chain), Owns: owns,
		Publish: func(ctx context.Context, a attestation.Assignment) error {
			trace.SpanFromContext(ctx).SetAttributes(tracing.KeyPerformer.String(a.Performer.Hex()), attribute.Int64("round", int64(a.Round)))
			return gossip.PublishAssignment(ctx, a)
		},
		Logger: log, Registerer: reg,
	})
	if err != nil {
		return l.abort(err)
	}
	dispatch := traceDispatch(tracing.Tracer(cfg.TracerProvider), dispatcher.Dispatch)
	tick := cfg.Tick
	if tick <= 0 {
		tick = time.Second
	}
	schedOpts := []coordinator.SchedulerOption{coordinator.WithTick(tick), coordinator.WithRegisterer(reg)}
	if owns != nil {
		schedOpts = append(schedOpts, coordinator.WithOwnership(owns, claim))
	}
	scheduler := coordinator.NewScheduler(store, dispatch, nil, log, schedOpts...)
	if sharder != nil {
		sharder.OnChange(func([]int) { scheduler.Resync() })
	}
	chainEvents, err := coordinator.NewChainEvents(chain, cfg.Chain.TaskExecutionHub, cfg.Chain.AttestationCenter)
	if err != nil {
		return l.abort(err)
	}
	poll := cfg.MonitorPoll
	if poll <= 0 {
		poll = 2 * time.Second
	}
	monitor, err := coordinator.NewMonitor(coordinator.MonitorConfig{
		Events: chainEvents, Store: store, Logger: log, PollInterval: poll,
		StartBlock: head.Number.Uint64(), Registerer: reg, Keepers: keeperInfo,
	})
	if err != nil {
		return l.abort(err)
	}
	lookup, err := coordinator.NewJobLookup(chain, cfg.Chain.JobRegistry)
	if err != nil {
		return l.abort(err)
	}
	scriptStore := &scripts{dir: cfg.DataDir, gateways: cfg.ScriptGateways, log: log, reg: reg}
	chk := p.checks(keepers)
	// The p2p host starts first: every part after it may dispatch.
	l.onStartStop("p2p", func(ctx context.Context) error {
		gossip, err = startP2P(ctx, cfg.Key, cfg.P2P, false, log, reg, chk.p2p(), chk.admitPeer, cfg.Test.Network, nil)
		if err != nil {
			return err
		}
		// The API shows what performers report of their script runs.
		// It also fetches each run's network transcript from the performer:
		// the API serves it, and attesters, which need not be connected to
		// the performer, fetch it from here.
		gossip.SubscribeResults(func(ctx context.Context, r attestation.Result) error {
			if err := coordinator.RecordResult(ctx, store, r); err != nil {
				return err
			}
			if r.Script != nil && r.Script.Transcript != "" {
				scriptStore.keepTranscript(r.Script.Transcript, r.Script.TranscriptHash)
			}
			return nil
		})
		// Keepers' heartbeats (signature and registration checked by the
		// gossip validator) tell the health service who is online.
		gossip.SubscribeHeartbeats(func(_ context.Context, hb attestation.Heartbeat) error {
			health.Heartbeat(hb.Keeper, hb.PeerID, hb.Version, time.UnixMilli(hb.Timestamp))
			return nil
		})
		// Keepers fetch job scripts from the coordinator: they may connect
		// to it directly.
		return writeAddrs(cfg.DataDir, gossip)
	}, func(context.Context) error { return gossip.Close() })
	l.onStartStop("scripts", func(ctx context.Context) error { return scriptStore.start(ctx, gossip) }, scriptStore.stop)
	firings := coordinator.NewFirings(store, dispatch, nil, log)
	if owns != nil {
		firings.SetOwnership(owns, claim)
	}
	router, err := watchTriggers(ctx, p, store, firings, poll, reg)
	if err != nil {
		return l.abort(err)
	}
	fees, err := newFeeQuoter(chain, cfg.Chain, p.registry, store)
	if err != nil {
		return l.abort(fmt.Errorf("fee quotes: %w", err))
	}
	proofs, err := coordinator.NewBatchProofs(chain, domain)
	if err != nil {
		return l.abort(err)
	}
	api := coordinator.NewAPI(store, coordinator.APIConfig{
		Proofs:    proofs,
		JobLookup: lookup.Job, CheckTrigger: triggerChecker(p.chains), Scripts: scriptStore, Fees: fees.quote, Logger: log, Registerer: reg,
		Version: Version, DefaultRateLimit: cfg.APIRateLimit, RateLimiter: rateLimiter(rdb),
		JobRegistry: cfg.Chain.JobRegistry, HomeChainID: domain.ChainID,
		ReadyChecks: map[string]func(context.Context) error{
			"chain": func(ctx context.Context) error { _, err := chain.HeaderByNumber(ctx, nil); return err },
			"p2p": func(context.Context) error {
				if gossip == nil || len(gossip.Peers()) == 0 {
					return errors.New("no peers")
				}
				return nil
			},
		},
		Keepers: keeperInfo, Health: health, Metrics: promhttp.HandlerFor(reg, promhttp.HandlerOpts{}),
		Created: func(j coordinator.Job) {
			scheduler.Add(j)
			if err := router.Add(j); err != nil {
				log.Error("Job's trigger cannot be watched", zap.Uint64("job_id", uint64(j.JobID)), zap.Error(err))
			}
		},
		Deleted: func(id uint64) { scheduler.Remove(id); router.Remove(id) },
		// A paused job's trigger stays watched: its firings are ignored
		// while paused, so resuming replays none of them.
		Paused:  scheduler.Remove,
		Resumed: scheduler.Add,
		Events:  broker,
	})
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	mux.Handle("/", api)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}

	l.onStartStop("api", func(context.Context) error {
		ln, err := net.Listen("tcp", cfg.APIListen)
		if err != nil {
			return fmt.Errorf("listen for the REST API: %w", err)
		}
		log.Info("REST API listening", zap.String("addr", ln.Addr().String()))
		go func() {
			if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				log.Error("REST API server", zap.Error(err))
			}
		}()
		if cfg.Test.APIReady != nil {
			cfg.Test.APIReady(ln.Addr().String())
		}
		return nil
	}, srv.Shutdown)
	l.background("scheduler", scheduler.Run)
	l.background("monitor", monitor.Run)
	l.background("fallback", func(ctx context.Context) error { return dispatcher.RunFallback(ctx, tick) })
	// Assignments lost with a crash, or published before the mesh formed,
	// go out again: 5s after the start, then every 150s (past gossipsub's
	// two-minute memory of what it published).
	l.background("reannounce", func(ctx context.Context) error {
		return dispatcher.RunReannounce(ctx, 5*time.Second, 150*time.Second)
	})
	l.background("health", health.Run)
	l.onStartStop("ready", func(context.Context) error {
		log.Info("coordinator running", zap.Strings("p2p_addrs", gossip.Addrs()), zap.Uint64("chain_id", domain.ChainID))
		if cfg.Test.Ready != nil {
			cfg.Test.Ready(gossip.Addrs())
		}
		return nil
	}, nil)
	return l.run(ctx)
}

// traceDispatch wraps the dispatch the scheduler and the trigger firings
// call once they created a task (and again for a task whose dispatch
// failed): a coordinator.fire span in the task's trace, and within it
// coordinator.dispatch, which names the performer chosen.
func traceDispatch(tracer trace.Tracer, dispatch func(context.Context, attestation.Task) error) func(context.Context, attestation.Task) error {
	return func(ctx context.Context, t attestation.Task) error {
		ctx, fire := tracing.StartTask(ctx, tracer, t.ID, "coordinator.fire",
			tracing.KeyJobID.Int64(int64(t.JobID)), tracing.KeyTaskDefinitionID.Int(int(t.TaskDefinitionID)),
			attribute.String("trigger", t.Trigger.Kind.String()), attribute.Int64("scheduled_at", t.ScheduledAt))
		dctx, span := tracer.Start(ctx, "coordinator.dispatch")
		err := dispatch(dctx, t)
		tracing.End(span, err, "")
		tracing.End(fire, err, "")
		return err
	}
}

// rateLimiter is the API's limiter: shared through Redis by every instance
// when Redis is configured, else the API's in-memory default.
func rateLimiter(rdb *redis.Client) coordinator.RateLimiter {
	if rdb == nil {
		return nil
	}
	return coordinator.NewRedisRateLimiter(rdb, "triggerx:")
}

// shareJobs connects to Redis when redisURL is set and returns the
// ownership and claim functions that split the jobs among coordinator
// instances, and the client; nils without Redis.
func shareJobs(l *lifecycle, redisURL string, self common.Address, log *zap.Logger, reg prometheus.Registerer,
) (*lease.Sharder, func(uint64) bool, func(context.Context, string) (bool, error), *redis.Client, error) {
	if redisURL == "" {
		return nil, nil, nil, nil, nil
	}
	opts, err := redis.ParseURL(redisURL)
	if err != nil {
		return nil, nil, nil, nil, fmt.Errorf("redis URL: %w", err)
	}
	client := redis.NewClient(opts)
	l.onStop("redis", client.Close)
	host, _ := os.Hostname()
	cfg := lease.Config{Client: client, Instance: fmt.Sprintf("%s@%s/%d", self.Hex(), host, os.Getpid()), Logger: log, Registerer: reg}
	sharder, err := lease.NewSharder(cfg)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	guard, err := lease.NewGuard(cfg)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	l.background("leases", sharder.Run)
	owns := func(id uint64) bool { return sharder.Owns(sharder.Partition(id)) }
	claim := func(ctx context.Context, key string) (bool, error) { return guard.Claim(ctx, key, time.Hour) }
	return sharder, owns, claim, client, nil
}

// Version is the software version the binaries report.
var Version = "0.1.0-dev"

// hubExecuted tells whether a task's execution is on-chain, from the
// TaskExecutionHub of the chain its action is on. Each chain's hub is bound
// once.
func hubExecuted(p *process, cfg ChainConfig) func(context.Context, attestation.Task) (bool, error) {
	var (
		mu   sync.Mutex
		hubs = map[uint64]*bindings.TaskExecutionHubCaller{}
	)
	hubOf := func(ctx context.Context, chainID uint64) (*bindings.TaskExecutionHubCaller, error) {
		mu.Lock()
		defer mu.Unlock()
		if hub, ok := hubs[chainID]; ok {
			return hub, nil
		}
		addr := cfg.TaskExecutionHub
		if chainID != p.domain.ChainID {
			var ok bool
			if addr, ok = cfg.Hubs[chainID]; !ok {
				return nil, fmt.Errorf("no hub configured for chain %d", chainID)
			}
		}
		chain, err := p.chains.Get(ctx, chainID)
		if err != nil {
			return nil, err
		}
		hub, err := bindings.NewTaskExecutionHubCaller(addr, chain)
		if err != nil {
			return nil, err
		}
		hubs[chainID] = hub
		return hub, nil
	}
	return func(ctx context.Context, t attestation.Task) (bool, error) {
		hub, err := hubOf(ctx, t.Action.ChainID)
		if err != nil {
			return false, err
		}
		return hub.Executed(&bind.CallOpts{Context: ctx}, t.ID)
	}
}
