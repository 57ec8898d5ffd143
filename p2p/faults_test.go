package p2p_test

import (
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	ethcrypto "github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/p2p"
)

// TestFaults runs two nodes, b bootstrapping from a, with fault controls on
// a: dropped and delayed messages, then a partition that closes the
// connection and refuses b's redials until healed.
func TestFaults(t *testing.T) {
	faults := &p2p.Faults{}
	a := startNode(t, "a", p2p.Config{Faults: faults})
	// b's identity is an Ethereum key, like a keeper's: its re-publications
	// of its own votes are delivered again.
	bKey, err := ethcrypto.GenerateKey()
	require.NoError(t, err)
	bID, err := p2p.IdentityFromECDSA(bKey)
	require.NoError(t, err)
	b := startNode(t, "b", p2p.Config{Bootstrap: a.Addrs(), Identity: bID})
	bAddr := ethcrypto.PubkeyToAddress(bKey.PublicKey)
	aRec, bRec := newRecorder(a), newRecorder(b)
	warmUp(t, []*p2p.Node{a, b}, []*recorder{aRec, bRec})

	publish := func(salt uint64) attestation.Vote {
		t.Helper()
		v := p2p.FixtureVote(salt, 0xb0)
		require.NoError(t, b.PublishVote(t.Context(), v))
		return v
	}

	t.Run("drop", func(t *testing.T) {
		faults.Drop(1)
		v := publish(1)
		// a's own messages still go out while it drops b's.
		own := p2p.FixtureVote(2, 0xa0)
		require.NoError(t, a.PublishVote(t.Context(), own))
		require.Eventually(t, func() bool { return bRec.count("vote", own.TaskID) == 1 }, deliveryTimeout, tick)
		time.Sleep(500 * time.Millisecond)
		require.Zero(t, aRec.count("vote", v.TaskID), "a dropped b's vote")
		faults.Drop(0)
		v = publish(3)
		require.Eventually(t, func() bool { return aRec.count("vote", v.TaskID) == 1 }, deliveryTimeout, tick)
	})

	// A message lost on one topic stays lost: the node marked it seen, so
	// the same bytes are never delivered again. A re-publication under a
	// new resend count is new bytes, and arrives.
	t.Run("drop one topic; a resend arrives", func(t *testing.T) {
		faults.DropTopic(p2p.TopicVotes, 1)
		v := p2p.FixtureVote(5, 0xb0)
		v.Keeper = bAddr
		require.NoError(t, b.PublishVote(t.Context(), v))
		r := p2p.FixtureResult(5)
		require.NoError(t, b.PublishResult(t.Context(), r))
		require.Eventually(t, func() bool { return aRec.count("result", r.TaskID) == 1 }, deliveryTimeout, tick,
			"other topics flow")
		require.Zero(t, aRec.count("vote", v.TaskID), "a dropped b's vote")
		faults.DropTopic(p2p.TopicVotes, 0)
		require.NoError(t, b.PublishVote(t.Context(), v))
		time.Sleep(500 * time.Millisecond)
		require.Zero(t, aRec.count("vote", v.TaskID), "the same bytes again are a duplicate")
		v.Resend = 1
		require.NoError(t, b.PublishVote(t.Context(), v))
		require.Eventually(t, func() bool { return aRec.count("vote", v.TaskID) == 1 }, deliveryTimeout, tick,
			"the resent vote arrives")
		v.Resend = 2
		require.NoError(t, b.PublishVote(t.Context(), v))
		require.Eventually(t, func() bool { return aRec.count("vote", v.TaskID) == 2 }, deliveryTimeout, tick,
			"each resend is delivered")

		// Another node's vote cannot be resent by b: a resend counts only
		// from its signer.
		other := p2p.FixtureVote(6, 0xb1)
		require.NoError(t, b.PublishVote(t.Context(), other))
		require.Eventually(t, func() bool { return aRec.count("vote", other.TaskID) == 1 }, deliveryTimeout, tick)
		other.Resend = 1
		require.ErrorIs(t, b.PublishVote(t.Context(), other), p2p.ErrIgnore, "b's own validator ignores it")
		time.Sleep(500 * time.Millisecond)
		require.Equal(t, 1, aRec.count("vote", other.TaskID), "a resend by another node is a duplicate")
	})

	t.Run("drop the batch votes topic", func(t *testing.T) {
		faults.DropTopic(p2p.TopicBatchVotes, 1)
		v := p2p.FixtureBatchVote(7, 0xb0)
		require.NoError(t, b.PublishBatchVote(t.Context(), v))
		p := p2p.FixtureBatchProposal(7)
		require.NoError(t, b.PublishBatchProposal(t.Context(), p))
		require.Eventually(t, func() bool { return aRec.count("batch", batchKey(p)) == 1 }, deliveryTimeout, tick,
			"batch proposals flow")
		require.Zero(t, aRec.count("batch vote", batchVoteKey(v)), "a dropped b's batch vote")
		faults.DropTopic(p2p.TopicBatchVotes, 0)
		v = p2p.FixtureBatchVote(8, 0xb0)
		require.NoError(t, b.PublishBatchVote(t.Context(), v))
		require.Eventually(t, func() bool { return aRec.count("batch vote", batchVoteKey(v)) == 1 }, deliveryTimeout, tick)
	})

	t.Run("delay", func(t *testing.T) {
		faults.Delay(700 * time.Millisecond)
		defer faults.Delay(0)
		start := time.Now()
		v := publish(4)
		require.Eventually(t, func() bool { return aRec.count("vote", v.TaskID) == 1 }, deliveryTimeout, tick)
		require.GreaterOrEqual(t, time.Since(start), 700*time.Millisecond, "held for the delay")
	})

	t.Run("partition and heal", func(t *testing.T) {
		faults.Partition(b.ID())
		require.Eventually(t, func() bool { return !connected(a, b) && !connected(b, a) }, deliveryTimeout, tick,
			"the partition closes the connection")
		time.Sleep(2 * time.Second) // b redials its bootstrap peer meanwhile
		require.False(t, connected(a, b), "redials are refused")
		faults.Heal()
		require.Eventually(t, func() bool { return connected(a, b) }, deliveryTimeout, tick, "b reconnects after healing")
		salt := uint64(100)
		var sent []common.Hash
		require.Eventually(t, func() bool {
			salt++
			sent = append(sent, publish(salt).TaskID)
			for _, id := range sent {
				if aRec.count("vote", id) == 1 {
					return true
				}
			}
			return false
		}, deliveryTimeout, 200*time.Millisecond, "gossip flows again after healing")
	})
}

// TestConflictingVotes: two different votes of one keeper on one task, sent
// by two peers, reach a third node: it accepts the first, rejects the
// second, and hands both to its ConflictingVotes hook.
func TestConflictingVotes(t *testing.T) {
	got := make(chan [2]attestation.Vote, 1)
	z := startNode(t, "z", p2p.Config{ConflictingVotes: func(a, b attestation.Vote) { got <- [2]attestation.Vote{a, b} }})
	x := startNode(t, "x", p2p.Config{Bootstrap: z.Addrs()})
	yFaults := &p2p.Faults{}
	y := startNode(t, "y", p2p.Config{Bootstrap: z.Addrs(), Faults: yFaults})
	zRec := newRecorder(z)
	warmUp(t, []*p2p.Node{x, y, z}, []*recorder{zRec, newRecorder(x), newRecorder(y)})
	// y hears nothing, so its own check does not stop the second vote.
	yFaults.Drop(1)

	v1 := p2p.FixtureVote(7, 0xcc)
	v2 := v1.Clone()
	v2.Approve = !v1.Approve
	require.NoError(t, x.PublishVote(t.Context(), v1))
	require.Eventually(t, func() bool { return zRec.count("vote", v1.TaskID) == 1 }, deliveryTimeout, tick)
	require.NoError(t, y.PublishVote(t.Context(), v2))
	select {
	case pair := <-got:
		require.Equal(t, v1, pair[0])
		require.Equal(t, v2, pair[1])
	case <-time.After(deliveryTimeout):
		t.Fatal("no conflict reported")
	}
	require.Equal(t, 1, zRec.count("vote", v1.TaskID), "the second vote is not delivered")
}
