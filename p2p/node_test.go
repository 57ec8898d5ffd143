package p2p_test

import (
	"bytes"
	"context"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/p2p"
)

const (
	deliveryTimeout = 30 * time.Second
	tick            = 20 * time.Millisecond
	badJob          = 42 + 666 // honest checks reject this job id
	badKeeper       = 0x66     // and batch votes by this keeper (its address repeats the byte)
)

// recorder counts what one node's subscribers receive, by message type and
// task id.
type recorder struct {
	mu   sync.Mutex
	seen map[string]int
	last map[string]any
}

func newRecorder(n *p2p.Node) *recorder {
	r := &recorder{seen: map[string]int{}, last: map[string]any{}}
	n.SubscribeAssignments(func(_ context.Context, a attestation.Assignment) error { r.add("assignment", a.Task.ID, a); return nil })
	n.SubscribeResults(func(_ context.Context, v attestation.Result) error { r.add("result", v.TaskID, v); return nil })
	n.SubscribeVotes(func(_ context.Context, v attestation.Vote) error { r.add("vote", v.TaskID, v); return nil })
	n.SubscribeFinalizations(func(_ context.Context, f attestation.Finalization) error {
		r.add("finalization", f.Certificate.TaskID, f)
		return nil
	})
	n.SubscribeHeartbeats(func(_ context.Context, h attestation.Heartbeat) error {
		r.add("heartbeat", heartbeatKey(h), h)
		return nil
	})
	n.SubscribeBatchProposals(func(_ context.Context, p attestation.BatchProposal) error {
		r.add("batch", batchKey(p), p)
		return nil
	})
	n.SubscribeBatchVotes(func(_ context.Context, v attestation.BatchVote) error {
		r.add("batch vote", batchVoteKey(v), v)
		return nil
	})
	return r
}

// batchKey names a batch proposal in a recorder: its root.
func batchKey(p attestation.BatchProposal) common.Hash { return p.Root(p2p.FixtureDomain) }

// batchVoteKey names a batch vote in a recorder: its root and keeper.
func batchVoteKey(v attestation.BatchVote) common.Hash {
	return crypto.Keccak256Hash(v.Root[:], v.Keeper[:])
}

// heartbeatKey names a heartbeat in a recorder.
func heartbeatKey(h attestation.Heartbeat) common.Hash {
	return common.BigToHash(big.NewInt(h.Timestamp))
}

func (r *recorder) add(kind string, task common.Hash, v any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	k := kind + "/" + task.Hex()
	r.seen[k]++
	r.last[k] = v
}

func (r *recorder) count(kind string, task common.Hash) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.seen[kind+"/"+task.Hex()]
}

func (r *recorder) get(kind string, task common.Hash) any {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.last[kind+"/"+task.Hex()]
}

// honest checks reject everything about badJob.
func honest() p2p.Checks {
	bad := func(job uint64) error {
		if job == badJob {
			return fmt.Errorf("%w: job %d is not registered", p2p.ErrReject, job)
		}
		return nil
	}
	return p2p.Checks{
		Assignment:   func(_ context.Context, a attestation.Assignment) error { return bad(a.Task.JobID) },
		Result:       func(_ context.Context, r attestation.Result) error { return bad(r.JobID) },
		Vote:         func(_ context.Context, v attestation.Vote) error { return bad(v.JobID) },
		Finalization: func(_ context.Context, f attestation.Finalization) error { return bad(f.Certificate.JobID) },
		Heartbeat:    func(_ context.Context, h attestation.Heartbeat) error { return bad(uint64(h.Timestamp)) },
		BatchProposal: func(_ context.Context, p attestation.BatchProposal) error {
			for _, l := range p.Leaves {
				if err := bad(l.JobID); err != nil {
					return err
				}
			}
			return nil
		},
		BatchVote: func(_ context.Context, v attestation.BatchVote) error {
			if v.Keeper == common.BytesToAddress(bytes.Repeat([]byte{badKeeper}, 20)) {
				return fmt.Errorf("%w: keeper %s is not registered", p2p.ErrReject, v.Keeper)
			}
			return nil
		},
	}
}

func startNode(t *testing.T, name string, cfg p2p.Config) *p2p.Node {
	t.Helper()
	cfg.Logger = zaptest.NewLogger(t, zaptest.Level(zap.InfoLevel)).Named(name)
	n, err := p2p.New(t.Context(), cfg)
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, n.Close()) })
	return n
}

// validations returns the node's count of validations with the given topic
// and result.
func validations(t *testing.T, reg *prometheus.Registry, topic, result string) float64 {
	t.Helper()
	return counter(t, reg, "triggerx_p2p_validation_total", map[string]string{"topic": topic, "result": result})
}

// warmUp returns once gossip flows from every node to every recorder: each
// node publishes a fresh vote every few ticks until one round of votes has
// reached every recorder. Subscriptions and meshes form shortly after
// connecting; this waits for that without guessing how long it takes.
func warmUp(t *testing.T, nodes []*p2p.Node, recs []*recorder) {
	t.Helper()
	var rounds [][]common.Hash
	salt := uint64(10_000)
	require.Eventually(t, func() bool {
		for _, round := range rounds {
			if arrived(recs, round) {
				return true
			}
		}
		var round []common.Hash
		for i, n := range nodes {
			salt++
			v := p2p.FixtureVote(salt, byte(0xe0+i))
			require.NoError(t, n.PublishVote(t.Context(), v))
			round = append(round, v.TaskID)
		}
		rounds = append(rounds, round)
		return false
	}, deliveryTimeout, 200*time.Millisecond, "gossip flows between all nodes")
}

func arrived(recs []*recorder, tasks []common.Hash) bool {
	for _, r := range recs {
		for _, task := range tasks {
			if r.count("vote", task) == 0 {
				return false
			}
		}
	}
	return true
}

// TestGossipNetwork runs four real hosts on loopback: a bootstrap node with
// peer exchange and three nodes that know only its address. The last node
// has no checks, so it will publish what the honest ones reject.
func TestGossipNetwork(t *testing.T) {
	bootReg := prometheus.NewRegistry()
	boot := startNode(t, "boot", p2p.Config{PeerExchange: true, Checks: honest(), Registerer: bootReg})
	nodes := []*p2p.Node{boot}
	for i := 1; i <= 3; i++ {
		cfg := p2p.Config{Bootstrap: boot.Addrs(), Checks: honest()}
		if i == 3 {
			cfg.Checks = p2p.Checks{}
		}
		nodes = append(nodes, startNode(t, fmt.Sprintf("node%d", i), cfg))
	}
	recs := make([]*recorder, len(nodes))
	for i, n := range nodes {
		recs[i] = newRecorder(n)
	}
	require.Eventually(t, func() bool {
		if len(boot.Peers()) < 3 {
			return false
		}
		for _, n := range nodes[1:] {
			if len(n.Peers()) < 1 {
				return false
			}
		}
		return true
	}, deliveryTimeout, tick, "nodes connect to the bootstrap node")
	for _, a := range boot.Addrs() {
		require.Contains(t, a, "/p2p/"+boot.ID().String())
	}
	warmUp(t, nodes, recs)

	receivedEverywhere := func(kind string, task common.Hash, want any) {
		t.Helper()
		require.Eventually(t, func() bool {
			for _, r := range recs {
				if r.count(kind, task) == 0 {
					return false
				}
			}
			return true
		}, deliveryTimeout, tick, "%s %s reaches every node", kind, task.Hex())
		for i, r := range recs {
			require.Equal(t, want, r.get(kind, task), "node %d", i)
		}
	}

	t.Run("every type reaches every node", func(t *testing.T) {
		ctx := t.Context()
		a := p2p.FixtureAssignment(1)
		require.NoError(t, nodes[0].PublishAssignment(ctx, a))
		res := p2p.FixtureResult(2)
		require.NoError(t, nodes[1].PublishResult(ctx, res))
		v := p2p.FixtureVote(3, 0x01)
		require.NoError(t, nodes[2].PublishVote(ctx, v))
		f := p2p.FixtureFinalization(4)
		require.NoError(t, nodes[3].PublishFinalization(ctx, f))
		h := p2p.FixtureHeartbeat(5)
		require.NoError(t, nodes[2].PublishHeartbeat(ctx, h))
		bp := p2p.FixtureBatchProposal(5)
		require.NoError(t, nodes[0].PublishBatchProposal(ctx, bp))
		bv := p2p.FixtureBatchVote(5, 0x01)
		require.NoError(t, nodes[1].PublishBatchVote(ctx, bv))

		receivedEverywhere("assignment", a.Task.ID, a)
		receivedEverywhere("result", res.TaskID, res)
		receivedEverywhere("vote", v.TaskID, v)
		receivedEverywhere("finalization", f.Certificate.TaskID, f)
		receivedEverywhere("heartbeat", heartbeatKey(h), h)
		receivedEverywhere("batch", batchKey(bp), bp)
		receivedEverywhere("batch vote", batchVoteKey(bv), bv)
	})

	t.Run("a rejected batch proposal or batch vote is not delivered", func(t *testing.T) {
		ctx := t.Context()
		beforeP := validations(t, bootReg, "batches", "reject")
		beforeV := validations(t, bootReg, "batch-votes", "reject")
		badP := p2p.FixtureBatchProposal(666 - 1) // its second job is badJob
		require.True(t, slices.ContainsFunc(badP.Leaves, func(l attestation.BatchLeaf) bool { return l.JobID == badJob }))
		badV := p2p.FixtureBatchVote(10, badKeeper)
		require.NoError(t, nodes[3].PublishBatchProposal(ctx, badP), "the misbehaving node accepts its own proposal")
		require.NoError(t, nodes[3].PublishBatchVote(ctx, badV), "and its own batch vote")

		markerP := p2p.FixtureBatchProposal(11)
		require.NoError(t, nodes[3].PublishBatchProposal(ctx, markerP))
		markerV := p2p.FixtureBatchVote(11, 0x03)
		require.NoError(t, nodes[3].PublishBatchVote(ctx, markerV))
		receivedEverywhere("batch", batchKey(markerP), markerP)
		receivedEverywhere("batch vote", batchVoteKey(markerV), markerV)
		require.Eventually(t, func() bool {
			return validations(t, bootReg, "batches", "reject") > beforeP &&
				validations(t, bootReg, "batch-votes", "reject") > beforeV
		}, deliveryTimeout, tick, "the bootstrap node rejected both")
		for i, r := range recs[:3] {
			require.Zero(t, r.count("batch", batchKey(badP)), "honest node %d", i)
			require.Zero(t, r.count("batch vote", batchVoteKey(badV)), "honest node %d", i)
		}
		require.Equal(t, 1, recs[3].count("batch", batchKey(badP)), "delivered to its publisher only")
		require.Equal(t, 1, recs[3].count("batch vote", batchVoteKey(badV)), "delivered to its publisher only")

		require.ErrorIs(t, nodes[1].PublishBatchProposal(ctx, badP), p2p.ErrReject, "an honest node refuses to publish it")
		require.ErrorIs(t, nodes[1].PublishBatchVote(ctx, badV), p2p.ErrReject, "an honest node refuses to publish it")
	})

	t.Run("one batch vote per root and keeper", func(t *testing.T) {
		ctx := t.Context()
		v := p2p.FixtureBatchVote(12, 0x04)
		require.NoError(t, nodes[2].PublishBatchVote(ctx, v))
		receivedEverywhere("batch vote", batchVoteKey(v), v)
		other := v.Clone()
		other.Leaves++
		require.ErrorIs(t, nodes[2].PublishBatchVote(ctx, other), p2p.ErrReject, "another leaf count is an equivocation")
		resigned := v.Clone()
		resigned.Signature[0] ^= 0xff
		require.ErrorIs(t, nodes[2].PublishBatchVote(ctx, resigned), p2p.ErrIgnore, "the same digest is a duplicate")
		second := p2p.FixtureBatchVote(12, 0x05)
		require.NoError(t, nodes[2].PublishBatchVote(ctx, second), "another keeper's vote on the batch fills its own slot")
		receivedEverywhere("batch vote", batchVoteKey(second), second)
		require.NoError(t, nodes[2].PublishBatchProposal(ctx, p2p.FixtureBatchProposal(12)))
		require.NoError(t, nodes[2].PublishBatchProposal(ctx, p2p.FixtureBatchProposal(12)), "republishing a proposal is a no-op")
	})

	t.Run("a rejected heartbeat is not delivered", func(t *testing.T) {
		ctx := t.Context()
		before := validations(t, bootReg, "heartbeats", "reject")
		bad := p2p.FixtureHeartbeat(0)
		bad.Timestamp = badJob
		require.NoError(t, nodes[3].PublishHeartbeat(ctx, bad), "the misbehaving node accepts its own heartbeat")
		marker := p2p.FixtureHeartbeat(6)
		require.NoError(t, nodes[3].PublishHeartbeat(ctx, marker))
		receivedEverywhere("heartbeat", heartbeatKey(marker), marker)
		require.Eventually(t, func() bool {
			return validations(t, bootReg, "heartbeats", "reject") > before
		}, deliveryTimeout, tick, "the bootstrap node rejected it")
		for i, r := range recs[:3] {
			require.Zero(t, r.count("heartbeat", heartbeatKey(bad)), "honest node %d", i)
		}
		require.ErrorIs(t, nodes[1].PublishHeartbeat(ctx, bad), p2p.ErrReject, "an honest node refuses to publish it")
	})

	t.Run("a duplicate is delivered once", func(t *testing.T) {
		ctx := t.Context()
		v := p2p.FixtureVote(5, 0x02)
		require.NoError(t, nodes[1].PublishVote(ctx, v))
		receivedEverywhere("vote", v.TaskID, v)
		require.NoError(t, nodes[1].PublishVote(ctx, v), "republishing is a no-op")
		require.NoError(t, nodes[2].PublishVote(ctx, v), "so is publishing what another node published")

		// A later message from the same publishers marks the point by which
		// a duplicate would have arrived.
		marker := p2p.FixtureVote(6, 0x03)
		require.NoError(t, nodes[1].PublishVote(ctx, marker))
		receivedEverywhere("vote", marker.TaskID, marker)
		for i, r := range recs {
			require.Equal(t, 1, r.count("vote", v.TaskID), "node %d", i)
		}
	})

	t.Run("a rejected message is not delivered", func(t *testing.T) {
		ctx := t.Context()
		before := validations(t, bootReg, "assignments", "reject")
		bad := p2p.FixtureAssignment(666)
		require.Equal(t, uint64(badJob), bad.Task.JobID)
		require.NoError(t, nodes[3].PublishAssignment(ctx, bad), "the misbehaving node accepts its own message")

		marker := p2p.FixtureAssignment(7)
		require.NoError(t, nodes[3].PublishAssignment(ctx, marker))
		receivedEverywhere("assignment", marker.Task.ID, marker)
		require.Eventually(t, func() bool {
			return validations(t, bootReg, "assignments", "reject") > before
		}, deliveryTimeout, tick, "the bootstrap node rejected it")
		for i, r := range recs[:3] {
			require.Zero(t, r.count("assignment", bad.Task.ID), "honest node %d", i)
		}
		require.Equal(t, 1, recs[3].count("assignment", bad.Task.ID), "delivered to its publisher only")

		// An honest node refuses to publish it at all.
		err := nodes[1].PublishAssignment(ctx, bad)
		require.ErrorIs(t, err, p2p.ErrReject)
	})

	t.Run("an equivocating vote is refused", func(t *testing.T) {
		ctx := t.Context()
		v := p2p.FixtureVote(8, 0x04)
		require.NoError(t, nodes[2].PublishVote(ctx, v))
		receivedEverywhere("vote", v.TaskID, v)
		flipped := v
		flipped.Approve = false
		require.ErrorIs(t, nodes[2].PublishVote(ctx, flipped), p2p.ErrReject)
	})
}

// TestBootstrapRestart restarts the bootstrap node with the same identity and
// address; the other node reconnects by itself and gossip flows again.
func TestBootstrapRestart(t *testing.T) {
	key, err := p2p.GenerateIdentity(p2p.KeySecp256k1)
	require.NoError(t, err)
	boot := startNode(t, "boot", p2p.Config{Identity: key, PeerExchange: true})
	addrs := boot.Addrs()
	require.Len(t, addrs, 1)
	listen := strings.TrimSuffix(addrs[0], "/p2p/"+boot.ID().String())

	node := startNode(t, "node", p2p.Config{Bootstrap: addrs})
	rec := newRecorder(node)
	connected := func() bool { return slices.Contains(node.Peers(), boot.ID()) }
	require.Eventually(t, connected, deliveryTimeout, tick)

	require.NoError(t, boot.Close())
	require.Eventually(t, func() bool { return !connected() }, deliveryTimeout, tick)
	time.Sleep(1500 * time.Millisecond) // an outage: let a redial or two fail
	boot = startNode(t, "boot-restarted", p2p.Config{Identity: key, ListenAddrs: []string{listen}, PeerExchange: true})
	require.Equal(t, addrs, boot.Addrs())
	require.Eventually(t, connected, deliveryTimeout, tick, "the node redials its bootstrap peer")

	warmUp(t, []*p2p.Node{boot, node}, []*recorder{rec})
	f := p2p.FixtureFinalization(9)
	require.NoError(t, boot.PublishFinalization(t.Context(), f))
	require.Eventually(t, func() bool { return rec.count("finalization", f.Certificate.TaskID) == 1 },
		deliveryTimeout, tick)
}

func TestPublishAfterClose(t *testing.T) {
	n, err := p2p.New(t.Context(), p2p.Config{})
	require.NoError(t, err)
	require.NoError(t, n.Close())
	require.NoError(t, n.Close(), "Close is idempotent")
	require.ErrorIs(t, n.PublishVote(t.Context(), p2p.FixtureVote(0, 1)), p2p.ErrClosed)
	n.SubscribeVotes(func(context.Context, attestation.Vote) error { return nil }) // no effect, no panic
}

func TestNewRejectsBadConfig(t *testing.T) {
	_, err := p2p.New(t.Context(), p2p.Config{Bootstrap: []string{"/ip4/127.0.0.1/tcp/1"}})
	require.ErrorContains(t, err, "parse bootstrap address")
	_, err = p2p.New(t.Context(), p2p.Config{ListenAddrs: []string{"not-an-addr"}})
	require.Error(t, err)
}
