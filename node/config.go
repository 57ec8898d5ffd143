package node

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts/bindings"
	"github.com/triggerx-network/triggerx/execution"
	"github.com/triggerx-network/triggerx/p2p"
)

// ChainConfig names the chain a node works with and the contracts on it.
type ChainConfig struct {
	RPC string // http(s) or ws(s) URL of an Ethereum node on the home chain
	// FallbackRPCs are more URLs of the home chain, tried in order when RPC
	// (or the endpoint in use) fails to answer; see execution.Failover.
	FallbackRPCs []string
	// Chains are RPC URLs of the other chains that triggers watch, by chain
	// id. The home chain needs no entry.
	Chains map[uint64]string
	// ChainFallbacks are more URLs of those chains, tried in order when the
	// endpoint in use fails to answer.
	ChainFallbacks map[uint64][]string
	// Hubs and JobRegistries are the TaskExecutionHub and JobRegistry of
	// other chains, by chain id: jobs whose action is on such a chain are
	// executed by its hub, under the id the job has in its JobRegistry.
	Hubs              map[uint64]common.Address
	JobRegistries     map[uint64]common.Address
	KeeperRegistry    common.Address
	JobRegistry       common.Address
	TaskExecutionHub  common.Address
	AttestationCenter common.Address
}

// P2PConfig configures the node's libp2p host. The host's identity is the
// node's ECDSA key (a secp256k1 libp2p key with the same scalar), so its
// peer id names its Ethereum address, and the host admits only peers whose
// address is an active keeper or the registry's coordinator, besides the
// bootstrap peers and AllowPeers (see ADR 0012).
type P2PConfig struct {
	Listen    []string // multiaddrs; default /ip4/127.0.0.1/tcp/0
	Bootstrap []string // full multiaddrs of bootstrap peers (the aggregator)
	// AllowPeers are peer ids admitted without being registered: other
	// aggregators, which hold no on-chain role.
	AllowPeers []string
	// Open admits every peer (no connection gater): for networks that
	// watch without a registry, never for keepers in production.
	Open bool
}

// TestConfig holds hooks for in-process tests. Production leaves it zero.
type TestConfig struct {
	// Chain replaces dialing ChainConfig.RPC, e.g. with a simulated backend.
	Chain execution.Chain
	// Chains replaces dialing ChainConfig.Chains for the chain ids it holds.
	Chains map[uint64]execution.Chain
	// Ready is called once the node runs, with its p2p multiaddrs.
	Ready func(addrs []string)
	// TamperScriptOutput rewrites a performer's script output before it is
	// used: a lying performer, for the tests of attesters.
	TamperScriptOutput func(stdout []byte) []byte
	// ScriptUpstream is the client a performer's script proxy fetches with:
	// a performer that invents the responses its script sees.
	ScriptUpstream *http.Client
	// HTTPReady is called with the address each optional HTTP server
	// (the Othentic interfaces) listens on.
	HTTPReady func(addr string)
	// Faults make a keeper crash mid-task or misbehave (fault injection).
	Faults *Faults
	// Network cuts the node off from peers and drops or delays the gossip
	// it receives (fault injection).
	Network *p2p.Faults
}

// process is what every node process starts from: its logger, its
// lifecycle, its chain connection and signing domain, and the keeper
// registry. Errors while assembling the rest go through l.abort, which
// releases what was acquired so far.
type process struct {
	log      *zap.Logger
	self     common.Address
	l        *lifecycle
	chain    execution.Chain // the home chain
	chains   *chainSet       // every chain, home included
	domain   attestation.Domain
	chainID  *big.Int
	registry *bindings.KeeperRegistry
}

// newProcess checks the common configuration, creates the data directory,
// connects to the chain and binds the keeper registry.
func newProcess(ctx context.Context, name string, key *ecdsa.PrivateKey, dataDir string, chainCfg ChainConfig,
	test TestConfig, logger *zap.Logger,
) (*process, error) {
	if key == nil {
		return nil, fmt.Errorf("%s needs an ECDSA key", name)
	}
	if dataDir == "" {
		return nil, fmt.Errorf("%s needs a data directory", name)
	}
	if logger == nil {
		logger = zap.NewNop()
	}
	p := &process{self: crypto.PubkeyToAddress(key.PublicKey)}
	p.log = logger.Named(name).With(zap.Stringer(name, p.self))
	p.l = &lifecycle{log: p.log, stopTimeout: stopTimeout}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, fmt.Errorf("create data dir: %w", err)
	}
	chain, closeChain, err := dialChain(ctx, chainCfg, test.Chain, p.log)
	if err != nil {
		return nil, err
	}
	p.chain = chain
	p.l.onStop("chain", func() error { closeChain(); return nil })
	if p.domain, p.chainID, err = domainOf(ctx, chain, chainCfg.AttestationCenter); err != nil {
		return nil, p.l.abort(err)
	}
	if p.registry, err = bindings.NewKeeperRegistry(chainCfg.KeeperRegistry, chain); err != nil {
		return nil, p.l.abort(fmt.Errorf("bind keeper registry: %w", err))
	}
	p.chains = newChainSet(p.domain.ChainID, chain, chainCfg.Chains, chainCfg.ChainFallbacks, test.Chains, p.log)
	p.l.onStop("trigger chains", p.chains.Close)
	return p, nil
}

// checks returns the gossip checks of this process.
func (p *process) checks(keepers *registryKeepers) *checks {
	return newChecks(p.domain, keepers, &coordinatorAddress{registry: p.registry, ttl: coordinatorTTL})
}

// dialChain returns the test chain if set, otherwise dials cfg.RPC and each
// of cfg.FallbackRPCs and returns an execution.Failover over them (which
// checks they serve one chain, bounds each attempt on an endpoint and fails
// over). Logs and errors name endpoints by execution.EndpointName, never by
// full URL.
func dialChain(ctx context.Context, cfg ChainConfig, test execution.Chain, log *zap.Logger) (execution.Chain, func(), error) {
	if test != nil {
		return test, func() {}, nil
	}
	if cfg.RPC == "" {
		return nil, nil, errors.New("no Ethereum RPC URL configured")
	}
	return dialEndpoints(ctx, append([]string{cfg.RPC}, cfg.FallbackRPCs...), log)
}

// dialEndpoints dials each URL of one chain and returns an
// execution.Failover over them (which checks they serve one chain), and a
// function closing them all. A single URL gets a Failover too: its errors
// name the endpoint by execution.EndpointName like those of several, and its
// calls without a deadline are bounded by the attempt timeout. Logs and
// errors name endpoints by execution.EndpointName, never by full URL.
func dialEndpoints(ctx context.Context, urls []string, log *zap.Logger) (execution.Chain, func(), error) {
	var clients []*ethclient.Client
	closeAll := func() {
		for _, c := range clients {
			c.Close()
		}
	}
	var endpoints []execution.Endpoint
	seen := map[string]int{}
	for i, raw := range urls {
		name := execution.EndpointName(raw)
		if seen[name]++; seen[name] > 1 {
			name = fmt.Sprintf("%s#%d", name, i) // same host, another path
		}
		c, err := ethclient.DialContext(ctx, raw)
		if err != nil {
			closeAll()
			return nil, nil, fmt.Errorf("dial %s: %w", name, execution.Redact(err))
		}
		clients = append(clients, c)
		endpoints = append(endpoints, execution.Endpoint{Name: name, Chain: c})
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	f, err := execution.NewFailover(ctx, endpoints, log.Named("rpc"))
	if err != nil {
		closeAll()
		return nil, nil, err
	}
	return f, closeAll, nil
}

// domainOf reads the chain id and builds the signing domain.
func domainOf(ctx context.Context, chain execution.Chain, center common.Address) (attestation.Domain, *big.Int, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	id, err := chain.ChainID(ctx)
	if err != nil {
		return attestation.Domain{}, nil, fmt.Errorf("read chain id: %w", err)
	}
	if !id.IsUint64() {
		return attestation.Domain{}, nil, fmt.Errorf("chain id %s out of range", id)
	}
	return attestation.Domain{ChainID: id.Uint64(), AttestationCenter: center}, id, nil
}

// newRegistry returns a Prometheus registry with the Go and process
// collectors.
func newRegistry() *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return reg
}

// serveMetrics adds a /metrics server on addr to l; an empty addr adds nothing.
func serveMetrics(l *lifecycle, addr string, reg *prometheus.Registry, log *zap.Logger) {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	serveHTTP(l, "metrics", addr, mux, log, nil)
}
