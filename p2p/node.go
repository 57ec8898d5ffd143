package p2p

import (
	"context"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/libp2p/go-libp2p"
	pubsub "github.com/libp2p/go-libp2p-pubsub"
	corecm "github.com/libp2p/go-libp2p/core/connmgr"
	"github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/host"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/libp2p/go-libp2p/core/peerstore"
	"github.com/libp2p/go-libp2p/p2p/muxer/yamux"
	"github.com/libp2p/go-libp2p/p2p/net/connmgr"
	"github.com/libp2p/go-libp2p/p2p/security/noise"
	"github.com/libp2p/go-libp2p/p2p/transport/tcp"
	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
)

// Defaults for the zero values of Config.
const (
	DefaultListenAddr      = "/ip4/127.0.0.1/tcp/0"
	DefaultValidateTimeout = 5 * time.Second
	DefaultHandlerTimeout  = 30 * time.Second
)

// Bootstrap connection upkeep.
const (
	dialTimeout      = 10 * time.Second
	minRedialBackoff = 500 * time.Millisecond
	maxRedialBackoff = 30 * time.Second
	connCheckPeriod  = 10 * time.Second
	protectTag       = "triggerx-bootstrap"
)

// Checks decide whether a decoded message is valid beyond its encoding:
// signatures, membership, freshness. Each runs inside the topic validator
// under a bounded context, possibly concurrently with itself. A nil check
// accepts. An error wrapping ErrIgnore (or a context error) drops the message
// without blaming the sender; any other error rejects it and lowers the
// sender's peer score. Checks must not modify their argument.
type Checks struct {
	Assignment    func(context.Context, attestation.Assignment) error
	Result        func(context.Context, attestation.Result) error
	Vote          func(context.Context, attestation.Vote) error
	Finalization  func(context.Context, attestation.Finalization) error
	Heartbeat     func(context.Context, attestation.Heartbeat) error
	BatchProposal func(context.Context, attestation.BatchProposal) error
	BatchVote     func(context.Context, attestation.BatchVote) error
}

// Config configures a Node. The zero value is a node with a fresh identity
// listening on a random loopback port, bootstrapping from nobody.
type Config struct {
	// ListenAddrs are the multiaddrs to listen on; default DefaultListenAddr.
	ListenAddrs []string
	// Identity is the node's libp2p key (see LoadOrCreateIdentity); a fresh
	// ed25519 key if nil.
	Identity crypto.PrivKey
	// Bootstrap are full multiaddrs (with /p2p/<id>) of the peers to stay
	// connected to. The node's own address may be listed; it is skipped.
	Bootstrap []string
	// PeerExchange turns on gossipsub peer exchange: when this node prunes a
	// peer from a mesh it tells it about other peers. Set it on bootstrap
	// nodes.
	PeerExchange bool
	// Logger is the parent logger; the node logs as "p2p". Nop if nil.
	Logger *zap.Logger
	// Checks are the per-type message checks run by the topic validators.
	Checks Checks
	// Registerer, if set, receives the node's and libp2p's Prometheus
	// metrics.
	Registerer prometheus.Registerer
	// ValidateTimeout bounds each check; default DefaultValidateTimeout.
	ValidateTimeout time.Duration
	// HandlerTimeout bounds each subscriber call; default DefaultHandlerTimeout.
	HandlerTimeout time.Duration
	// Admit, if set, decides which peers may connect to or be dialed by this
	// node: a peer is refused when Admit returns an error (for example, when
	// AddressOf(id) is not a registered keeper). It is called under a
	// context of at most a few seconds, at most once per peer per minute
	// (refusals are retried after ten seconds), and never for bootstrap
	// peers or AllowPeers, which are always admitted. Nil admits everyone.
	Admit func(ctx context.Context, id peer.ID) error
	// Faults, if set, cut the node off from peers and drop or delay the
	// messages it receives: fault injection for tests.
	Faults *Faults
	// ConflictingVotes, if set, is called with two different votes of one
	// keeper on one task, both validly signed: the first this node
	// accepted and the one it rejected as an equivocation. The pair is
	// what AttestationCenter.reportConflictingVotes slashes for.
	ConflictingVotes func(first, second attestation.Vote)
	// AllowPeers are admitted without asking Admit.
	AllowPeers []peer.ID
	// PeerRate limits the gossip messages per second that one peer may
	// forward to this node on one topic; over the limit they are ignored
	// (not forwarded, not delivered, counted in
	// triggerx_p2p_rate_limited_total). Default DefaultPeerRate; negative
	// disables the limit.
	PeerRate float64
	// PeerBurst is the bucket size: how many messages one peer may forward
	// on one topic in a burst before PeerRate applies; default
	// DefaultPeerBurst.
	PeerBurst int
}

// Node is a libp2p host running gossipsub on the workflow's topics. It
// implements attestation.Gossip.
type Node struct {
	host   host.Host
	ps     *pubsub.PubSub
	log    *zap.Logger
	ctx    context.Context
	cancel context.CancelFunc

	assignments   *topic[attestation.Assignment]
	results       *topic[attestation.Result]
	votes         *topic[attestation.Vote]
	finalizations *topic[attestation.Finalization]
	heartbeats    *topic[attestation.Heartbeat]
	batches       *topic[attestation.BatchProposal]
	batchVotes    *topic[attestation.BatchVote]

	// bootstrap peers and, for each, a signal that a connection to it closed.
	bootstrap  []peer.AddrInfo
	disconnect map[peer.ID]chan struct{}
	limiter    *limiter // shared by the topics; nil if unlimited

	mu       sync.Mutex // guards closed and wg.Add
	closed   bool
	wg       sync.WaitGroup
	closeErr error
	once     sync.Once
}

var _ attestation.Gossip = (*Node)(nil)

// New starts a node: a TCP/noise/yamux libp2p host, gossipsub with the
// workflow's topics and validators, and background upkeep of the bootstrap
// connections, retried with backoff until ctx ends or Close is called. New
// does not wait for any peer. Call Close to release the node.
func New(ctx context.Context, cfg Config) (_ *Node, err error) {
	if cfg.Logger == nil {
		cfg.Logger = zap.NewNop()
	}
	if len(cfg.ListenAddrs) == 0 {
		cfg.ListenAddrs = []string{DefaultListenAddr}
	}
	if cfg.ValidateTimeout <= 0 {
		cfg.ValidateTimeout = DefaultValidateTimeout
	}
	if cfg.HandlerTimeout <= 0 {
		cfg.HandlerTimeout = DefaultHandlerTimeout
	}
	if cfg.PeerRate == 0 {
		cfg.PeerRate = DefaultPeerRate
	}
	if cfg.PeerBurst <= 0 {
		cfg.PeerBurst = DefaultPeerBurst
	}
	log := cfg.Logger.Named("p2p")
	key := cfg.Identity
	if key == nil {
		if key, err = GenerateIdentity(KeyEd25519); err != nil {
			return nil, err
		}
		log.Info("no identity configured; using an ephemeral one")
	}
	self, err := peer.IDFromPrivateKey(key)
	if err != nil {
		return nil, fmt.Errorf("derive peer id: %w", err)
	}
	boot, err := parseBootstrap(cfg.Bootstrap, self)
	if err != nil {
		return nil, err
	}
	m, err := newMetrics(cfg.Registerer)
	if err != nil {
		return nil, err
	}
	lim, err := newLimiter(cfg.PeerRate, cfg.PeerBurst, self)
	if err != nil {
		return nil, err
	}
	cm, err := connmgr.NewConnManager(64, 192, connmgr.WithGracePeriod(time.Minute))
	if err != nil {
		return nil, fmt.Errorf("create connection manager: %w", err)
	}
	opts := []libp2p.Option{
		libp2p.Identity(key),
		libp2p.ListenAddrStrings(cfg.ListenAddrs...),
		libp2p.Transport(tcp.NewTCPTransport),
		libp2p.Security(noise.ID, noise.New),
		libp2p.Muxer(yamux.ID, yamux.DefaultTransport),
		libp2p.DisableRelay(),
		libp2p.ConnectionManager(cm),
	}
	if cfg.Registerer != nil {
		opts = append(opts, libp2p.PrometheusRegisterer(cfg.Registerer))
	} else {
		opts = append(opts, libp2p.DisableMetrics())
	}
	ctx, cancel := context.WithCancel(ctx)
	var gate corecm.ConnectionGater
	if cfg.Admit != nil {
		trusted := make(map[peer.ID]struct{}, len(boot)+len(cfg.AllowPeers))
		for _, ai := range boot {
			trusted[ai.ID] = struct{}{}
		}
		for _, id := range cfg.AllowPeers {
			trusted[id] = struct{}{}
		}
		g, err := newGater(ctx, cfg.Admit, trusted, log.Named("gater"), m)
		if err != nil {
			cancel()
			return nil, err
		}
		gate = g
	}
	if cfg.Faults != nil {
		gate = &faultGater{faults: cfg.Faults, inner: gate}
	}
	if gate != nil {
		opts = append(opts, libp2p.ConnectionGater(gate))
	}
	h, err := libp2p.New(opts...)
	if err != nil {
		cancel()
		return nil, fmt.Errorf("create libp2p host: %w", err)
	}
	if cfg.Faults != nil {
		cfg.Faults.attach(h)
	}

	n := &Node{
		host:       h,
		log:        log,
		ctx:        ctx,
		cancel:     cancel,
		bootstrap:  boot,
		disconnect: make(map[peer.ID]chan struct{}, len(boot)),
		limiter:    lim,
	}
	defer func() {
		if err != nil {
			_ = n.Close()
		}
	}()

	bootIDs := make(map[peer.ID]struct{}, len(boot))
	for _, ai := range boot {
		bootIDs[ai.ID] = struct{}{}
		n.disconnect[ai.ID] = make(chan struct{}, 1)
		h.Peerstore().AddAddrs(ai.ID, ai.Addrs, peerstore.PermanentAddrTTL)
		h.ConnManager().Protect(ai.ID, protectTag)
	}
	if n.ps, err = pubsub.NewGossipSub(ctx, h, gossipOptions(bootIDs, cfg.PeerExchange)...); err != nil {
		return nil, fmt.Errorf("start gossipsub: %w", err)
	}

	c := cfg.Checks
	if n.assignments, err = joinTopic(n, cfg, m, topicSpec[attestation.Assignment]{
		id: TopicAssignments, name: "assignments",
		encode: EncodeAssignment, decode: DecodeAssignment, clone: attestation.Assignment.Clone,
		ref: func(a attestation.Assignment) zap.Field { return taskField(a.Task.ID) },
		key: func(a attestation.Assignment) string {
			return slotKey(a.Task.ID, uint32Bytes(a.Round))
		},
		check: c.Assignment,
	}); err != nil {
		return nil, err
	}
	if n.results, err = joinTopic(n, cfg, m, topicSpec[attestation.Result]{
		id: TopicResults, name: "results",
		encode: EncodeResult, decode: DecodeResult, clone: attestation.Result.Clone,
		ref:     func(r attestation.Result) zap.Field { return taskField(r.TaskID) },
		key:     func(r attestation.Result) string { return slotKey(r.TaskID, r.Performer[:]) },
		content: func(r attestation.Result) digest { return r.Hash() },
		resend:  func(r attestation.Result) (uint32, common.Address) { return r.Resend, r.Performer },
		check:   c.Result,
	}); err != nil {
		return nil, err
	}
	if n.votes, err = joinTopic(n, cfg, m, topicSpec[attestation.Vote]{
		id: TopicVotes, name: "votes",
		encode: EncodeVote, decode: DecodeVote, clone: attestation.Vote.Clone,
		ref: func(v attestation.Vote) zap.Field { return taskField(v.TaskID) },
		key: func(v attestation.Vote) string { return slotKey(v.TaskID, v.Keeper[:]) },
		content: func(v attestation.Vote) digest {
			return attestation.VoteDigest(attestation.Domain{}, v.TaskID, v.JobID, v.TaskDefinitionID, v.ResultHash, v.Approve)
		},
		resend:   func(v attestation.Vote) (uint32, common.Address) { return v.Resend, v.Keeper },
		check:    c.Vote,
		conflict: cfg.ConflictingVotes,
	}); err != nil {
		return nil, err
	}
	if n.finalizations, err = joinTopic(n, cfg, m, topicSpec[attestation.Finalization]{
		id: TopicFinalizations, name: "finalizations",
		encode: EncodeFinalization, decode: DecodeFinalization, clone: attestation.Finalization.Clone,
		ref:   func(f attestation.Finalization) zap.Field { return taskField(f.Certificate.TaskID) },
		check: c.Finalization,
	}); err != nil {
		return nil, err
	}
	// Heartbeats belong to no task and fill no slot: every fresh one is a
	// new message, and the content hash drops the copies.
	if n.heartbeats, err = joinTopic(n, cfg, m, topicSpec[attestation.Heartbeat]{
		id: TopicHeartbeats, name: "heartbeats",
		encode: EncodeHeartbeat, decode: DecodeHeartbeat, clone: attestation.Heartbeat.Clone,
		ref:   func(h attestation.Heartbeat) zap.Field { return zap.Stringer("keeper", h.Keeper) },
		check: c.Heartbeat,
	}); err != nil {
		return nil, err
	}
	// A batch proposal fills no slot either: the aggregator may propose the
	// same tasks again in another batch, and the content hash drops the
	// copies.
	if n.batches, err = joinTopic(n, cfg, m, topicSpec[attestation.BatchProposal]{
		id: TopicBatches, name: "batches",
		encode: EncodeBatchProposal, decode: DecodeBatchProposal, clone: attestation.BatchProposal.Clone,
		ref:   batchField,
		check: c.BatchProposal,
	}); err != nil {
		return nil, err
	}
	// A keeper signs a batch once: one batch vote per (root, keeper), by the
	// digest it signed. Batch-vote equivocation is not reported (no hook).
	if n.batchVotes, err = joinTopic(n, cfg, m, topicSpec[attestation.BatchVote]{
		id: TopicBatchVotes, name: "batch-votes",
		encode: EncodeBatchVote, decode: DecodeBatchVote, clone: attestation.BatchVote.Clone,
		ref: func(v attestation.BatchVote) zap.Field { return zap.Stringer("batch_root", v.Root) },
		key: func(v attestation.BatchVote) string { return slotKey(v.Root, v.Keeper[:]) },
		content: func(v attestation.BatchVote) digest {
			return attestation.BatchDigest(attestation.Domain{}, v.Root, v.Leaves)
		},
		check: c.BatchVote,
	}); err != nil {
		return nil, err
	}

	if len(boot) > 0 {
		h.Network().Notify(&network.NotifyBundle{DisconnectedF: n.disconnected})
		for _, ai := range boot {
			n.spawn(func() { n.keepConnected(ctx, ai) })
		}
	}
	log.Info("p2p node started", zap.Stringer("peer_id", h.ID()), zap.Strings("addrs", n.Addrs()),
		zap.Int("bootstrap_peers", len(boot)), zap.Bool("peer_exchange", cfg.PeerExchange),
		zap.Bool("gated", cfg.Admit != nil), zap.Float64("peer_rate", cfg.PeerRate), zap.Int("peer_burst", cfg.PeerBurst))
	return n, nil
}

func joinTopic[T any](n *Node, cfg Config, m *metrics, spec topicSpec[T]) (*topic[T], error) {
	t, err := newTopic(spec, n.log, m, cfg.ValidateTimeout, cfg.HandlerTimeout, n.spawn)
	if err != nil {
		return nil, err
	}
	t.limiter = n.limiter
	t.faults = cfg.Faults
	if err := t.join(n.ctx, n.ps); err != nil {
		return nil, err
	}
	return t, nil
}

func taskField(id common.Hash) zap.Field { return zap.Stringer("task_id", id) }

// batchField names a batch proposal by its number of leaves and first task.
func batchField(p attestation.BatchProposal) zap.Field {
	if len(p.Leaves) == 0 {
		return zap.Dict("batch", zap.Int("leaves", 0))
	}
	return zap.Dict("batch", zap.Int("leaves", len(p.Leaves)), taskField(p.Leaves[0].TaskID))
}

// slotKey names a (task, signer) slot for equivocation detection.
func slotKey(task common.Hash, signer []byte) string { return string(task[:]) + string(signer) }

func uint32Bytes(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

// parseBootstrap parses multiaddrs with /p2p/ into one AddrInfo per peer,
// leaving out self.
func parseBootstrap(addrs []string, self peer.ID) ([]peer.AddrInfo, error) {
	var out []peer.AddrInfo
	index := map[peer.ID]int{}
	for _, s := range addrs {
		ai, err := peer.AddrInfoFromString(s)
		if err != nil {
			return nil, fmt.Errorf("parse bootstrap address %q: %w", s, err)
		}
		if ai.ID == self {
			continue
		}
		if i, ok := index[ai.ID]; ok {
			out[i].Addrs = append(out[i].Addrs, ai.Addrs...)
			continue
		}
		index[ai.ID] = len(out)
		out = append(out, *ai)
	}
	return out, nil
}

// spawn runs fn in a goroutine that Close waits for. After Close it does
// nothing and returns false.
func (n *Node) spawn(fn func()) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.closed {
		return false
	}
	n.wg.Go(fn)
	return true
}

func (n *Node) disconnected(_ network.Network, c network.Conn) {
	if ch, ok := n.disconnect[c.RemotePeer()]; ok {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

// keepConnected dials a bootstrap peer until connected, redials with
// exponential backoff and jitter when the connection drops, and returns when
// ctx ends.
func (n *Node) keepConnected(ctx context.Context, ai peer.AddrInfo) {
	log := n.log.With(zap.Stringer("peer", ai.ID))
	backoff := minRedialBackoff
	failures := 0
	up := false
	for {
		if n.host.Network().Connectedness(ai.ID) != network.Connected {
			if up {
				log.Warn("lost connection to bootstrap peer; redialing")
				up = false
			}
			// This loop backs off itself; skip the swarm's per-address dial
			// backoff, which would hold a redial for seconds after an outage.
			dctx, cancel := context.WithTimeout(network.WithForceDirectDial(ctx, "bootstrap"), dialTimeout)
			err := n.host.Connect(dctx, ai)
			cancel()
			if ctx.Err() != nil {
				return
			}
			if err != nil {
				failures++
				if failures == 1 {
					log.Warn("dial bootstrap peer; retrying with backoff", zap.Error(err))
				} else {
					log.Debug("dial bootstrap peer", zap.Error(err), zap.Int("failures", failures),
						zap.Duration("backoff", backoff))
				}
				if !sleep(ctx, jitter(backoff)) {
					return
				}
				backoff = min(2*backoff, maxRedialBackoff)
				continue
			}
		}
		if !up {
			log.Info("connected to bootstrap peer", zap.Int("failed_dials", failures))
			up, failures = true, 0
		}
		select {
		case <-ctx.Done():
			return
		case <-n.disconnect[ai.ID]:
			// Pause before redialing, so a peer that accepts and drops us
			// is not redialed in a tight loop.
			if !sleep(ctx, jitter(backoff)) {
				return
			}
			backoff = min(2*backoff, maxRedialBackoff)
		case <-time.After(connCheckPeriod):
			if n.host.Network().Connectedness(ai.ID) == network.Connected {
				backoff = minRedialBackoff // stable for a period
			}
		}
	}
}

// jitter returns d scaled by a random factor in [0.5, 1.5).
func jitter(d time.Duration) time.Duration {
	return d/2 + rand.N(d)
}

func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// ID returns the node's peer id.
func (n *Node) ID() peer.ID { return n.host.ID() }

// Host returns the node's libp2p host, for protocols that share it (bitswap
// fetching job scripts). The node keeps owning it: callers must not close it.
func (n *Node) Host() host.Host { return n.host }

// Addrs returns the node's listen addresses as full multiaddrs ending in
// /p2p/<id>, ready for another node's Config.Bootstrap.
func (n *Node) Addrs() []string {
	mas, err := peer.AddrInfoToP2pAddrs(&peer.AddrInfo{ID: n.host.ID(), Addrs: n.host.Addrs()})
	if err != nil {
		return nil
	}
	out := make([]string, len(mas))
	for i, a := range mas {
		out[i] = a.String()
	}
	return out
}

// Peers returns the peers this node is connected to.
func (n *Node) Peers() []peer.ID { return n.host.Network().Peers() }

// Close stops the node's goroutines and closes the host. It is safe to call
// more than once and from several goroutines.
func (n *Node) Close() error {
	n.once.Do(func() {
		n.mu.Lock()
		n.closed = true
		n.mu.Unlock()
		n.cancel()
		for _, s := range []*pubsub.Subscription{
			subOf(n.assignments), subOf(n.results), subOf(n.votes), subOf(n.finalizations), subOf(n.heartbeats),
			subOf(n.batches), subOf(n.batchVotes),
		} {
			if s != nil {
				s.Cancel()
			}
		}
		n.wg.Wait()
		if err := n.host.Close(); err != nil {
			n.closeErr = fmt.Errorf("close libp2p host: %w", err)
		}
		n.log.Info("p2p node stopped")
	})
	return n.closeErr
}

func subOf[T any](t *topic[T]) *pubsub.Subscription {
	if t == nil {
		return nil
	}
	return t.sub
}

func (n *Node) live() error {
	if n.ctx.Err() != nil {
		return ErrClosed
	}
	return nil
}

// PublishAssignment publishes a to every node, this one included.
func (n *Node) PublishAssignment(ctx context.Context, a attestation.Assignment) error {
	if err := n.live(); err != nil {
		return err
	}
	return n.assignments.publish(ctx, a)
}

// PublishResult publishes r to every node, this one included.
func (n *Node) PublishResult(ctx context.Context, r attestation.Result) error {
	if err := n.live(); err != nil {
		return err
	}
	return n.results.publish(ctx, r)
}

// PublishVote publishes v to every node, this one included.
func (n *Node) PublishVote(ctx context.Context, v attestation.Vote) error {
	if err := n.live(); err != nil {
		return err
	}
	return n.votes.publish(ctx, v)
}

// PublishFinalization publishes f to every node, this one included.
func (n *Node) PublishFinalization(ctx context.Context, f attestation.Finalization) error {
	if err := n.live(); err != nil {
		return err
	}
	return n.finalizations.publish(ctx, f)
}

// PublishHeartbeat publishes h to every node, this one included.
func (n *Node) PublishHeartbeat(ctx context.Context, h attestation.Heartbeat) error {
	if err := n.live(); err != nil {
		return err
	}
	return n.heartbeats.publish(ctx, h)
}

// PublishBatchProposal publishes p to every node, this one included.
func (n *Node) PublishBatchProposal(ctx context.Context, p attestation.BatchProposal) error {
	if err := n.live(); err != nil {
		return err
	}
	return n.batches.publish(ctx, p)
}

// PublishBatchVote publishes v to every node, this one included.
func (n *Node) PublishBatchVote(ctx context.Context, v attestation.BatchVote) error {
	if err := n.live(); err != nil {
		return err
	}
	return n.batchVotes.publish(ctx, v)
}

// SubscribeAssignments registers fn for every valid assignment.
func (n *Node) SubscribeAssignments(fn func(context.Context, attestation.Assignment) error) {
	n.assignments.subscribe(n.ctx, fn)
}

// SubscribeResults registers fn for every valid result.
func (n *Node) SubscribeResults(fn func(context.Context, attestation.Result) error) {
	n.results.subscribe(n.ctx, fn)
}

// SubscribeVotes registers fn for every valid vote.
func (n *Node) SubscribeVotes(fn func(context.Context, attestation.Vote) error) {
	n.votes.subscribe(n.ctx, fn)
}

// SubscribeFinalizations registers fn for every valid finalization.
func (n *Node) SubscribeFinalizations(fn func(context.Context, attestation.Finalization) error) {
	n.finalizations.subscribe(n.ctx, fn)
}

// SubscribeHeartbeats registers fn for every valid heartbeat.
func (n *Node) SubscribeHeartbeats(fn func(context.Context, attestation.Heartbeat) error) {
	n.heartbeats.subscribe(n.ctx, fn)
}

// SubscribeBatchProposals registers fn for every valid batch proposal.
func (n *Node) SubscribeBatchProposals(fn func(context.Context, attestation.BatchProposal) error) {
	n.batches.subscribe(n.ctx, fn)
}

// SubscribeBatchVotes registers fn for every valid batch vote.
func (n *Node) SubscribeBatchVotes(fn func(context.Context, attestation.BatchVote) error) {
	n.batchVotes.subscribe(n.ctx, fn)
}
