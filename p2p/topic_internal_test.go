package p2p

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	pubsub "github.com/libp2p/go-libp2p-pubsub"
	pubsubpb "github.com/libp2p/go-libp2p-pubsub/pb"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/attestation"
)

// newVoteTopic returns a vote topic, not joined to any pubsub, whose check is
// check and whose goroutines the returned WaitGroup tracks.
func newVoteTopic(t *testing.T, m *metrics, check func(context.Context, attestation.Vote) error) (*topic[attestation.Vote], *sync.WaitGroup) {
	t.Helper()
	var wg sync.WaitGroup
	tp, err := newTopic(topicSpec[attestation.Vote]{
		id: TopicVotes, name: "votes",
		encode: EncodeVote, decode: DecodeVote, clone: attestation.Vote.Clone,
		ref:   func(v attestation.Vote) zap.Field { return taskField(v.TaskID) },
		key:   func(v attestation.Vote) string { return slotKey(v.TaskID, v.Keeper[:]) },
		check: check,
	}, zaptest.NewLogger(t), m, 50*time.Millisecond, time.Second, func(fn func()) bool { wg.Go(fn); return true })
	require.NoError(t, err)
	return tp, &wg
}

func message(t *testing.T, v attestation.Vote) *pubsub.Message {
	t.Helper()
	b, err := EncodeVote(v)
	require.NoError(t, err)
	return &pubsub.Message{Message: &pubsubpb.Message{Data: b}}
}

func TestValidatorOutcomes(t *testing.T) {
	forged := FixtureVote(1, 0x09)
	forged.Signature[0] ^= 0xff // the check below rejects this signature
	check := func(ctx context.Context, v attestation.Vote) error {
		switch v.JobID {
		case 42 + 100:
			return fmt.Errorf("%w: stale", ErrIgnore)
		case 42 + 101:
			return errors.New("bad signature")
		case 42 + 102:
			<-ctx.Done() // a check that hangs is cut off by the timeout
			return ctx.Err()
		case 42 + 103:
			panic("bug in check")
		}
		if v.Signature[0] != 0xc3 {
			return fmt.Errorf("%w: bad signature", ErrReject)
		}
		return nil
	}
	flipped := FixtureVote(0, 0x01)
	flipped.Approve = false

	tests := []struct {
		name string
		msg  *pubsub.Message
		want pubsub.ValidationResult
	}{
		{"garbage", &pubsub.Message{Message: &pubsubpb.Message{Data: []byte{1, 2, 3}}}, pubsub.ValidationReject},
		{"empty", &pubsub.Message{Message: &pubsubpb.Message{}}, pubsub.ValidationReject},
		{"valid", message(t, FixtureVote(0, 0x01)), pubsub.ValidationAccept},
		{"same bytes again", message(t, FixtureVote(0, 0x01)), pubsub.ValidationIgnore},
		{"other keeper, same task", message(t, FixtureVote(0, 0x02)), pubsub.ValidationAccept},
		{"equivocation", message(t, flipped), pubsub.ValidationReject},
		{"check ignores", message(t, FixtureVote(100, 0x01)), pubsub.ValidationIgnore},
		{"check rejects", message(t, FixtureVote(101, 0x01)), pubsub.ValidationReject},
		{"check times out", message(t, FixtureVote(102, 0x01)), pubsub.ValidationIgnore},
		{"check panics", message(t, FixtureVote(103, 0x01)), pubsub.ValidationReject},
		// A forged vote fails the check and so does not take the keeper's
		// slot: the keeper's real vote is still accepted.
		{"forged vote", message(t, forged), pubsub.ValidationReject},
		{"real vote after forgery", message(t, FixtureVote(1, 0x09)), pubsub.ValidationAccept},
	}
	reg := prometheus.NewRegistry()
	m, err := newMetrics(reg)
	require.NoError(t, err)
	tp, _ := newVoteTopic(t, m, check)
	counts := map[string]float64{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tp.validate(t.Context(), peer.ID("sender"), tt.msg)
			require.Equal(t, tt.want, got)
			counts[resultLabel(got)]++
			if got == pubsub.ValidationAccept {
				require.IsType(t, attestation.Vote{}, tt.msg.ValidatorData)
			} else {
				require.Nil(t, tt.msg.ValidatorData)
			}
		})
	}
	for _, res := range []string{resultAccept, resultReject, resultIgnore} {
		require.Equal(t, counts[res], counterValue(t, m.validation.WithLabelValues("votes", res)), res)
	}
}

func TestNilCheckAccepts(t *testing.T) {
	tp, _ := newVoteTopic(t, nil, nil) // nil metrics too
	require.Equal(t, pubsub.ValidationAccept, tp.validate(t.Context(), "p", message(t, FixtureVote(0, 1))))
}

func TestMetricsShareRegistry(t *testing.T) {
	reg := prometheus.NewRegistry()
	a, err := newMetrics(reg)
	require.NoError(t, err)
	b, err := newMetrics(reg)
	require.NoError(t, err)
	a.validated("votes", resultAccept)
	b.validated("votes", resultAccept)
	require.Equal(t, 2.0, counterValue(t, a.validation.WithLabelValues("votes", resultAccept)))
	var none *metrics
	none.validated("votes", resultAccept) // nil-safe
	none.droppedDelivery("votes")
}

func TestDeliverClonesAndSurvivesFailures(t *testing.T) {
	tp, wg := newVoteTopic(t, nil, nil)
	ctx, cancel := context.WithCancel(t.Context())
	defer func() { cancel(); wg.Wait() }()

	var mu sync.Mutex
	var got [][]byte
	record := func(_ context.Context, v attestation.Vote) error {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, v.Signature)
		v.Signature[0] = 0 // a misbehaving subscriber mutates its copy
		return nil
	}
	tp.subscribe(ctx, func(context.Context, attestation.Vote) error { panic("subscriber bug") })
	tp.subscribe(ctx, func(context.Context, attestation.Vote) error { return errors.New("subscriber failed") })
	tp.subscribe(ctx, func(ctx context.Context, _ attestation.Vote) error {
		_, ok := ctx.Deadline()
		assert.True(t, ok, "subscriber context is bounded")
		return nil
	})
	tp.subscribe(ctx, record)
	tp.subscribe(ctx, record)

	v := FixtureVote(0, 1)
	tp.deliver(v)
	tp.deliver(v) // the topic keeps delivering after failures
	require.Eventually(t, func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(got) == 4
	}, 10*time.Second, 10*time.Millisecond)
	require.Equal(t, byte(0xc3), v.Signature[0], "the original is untouched")
	mu.Lock()
	defer mu.Unlock()
	for i := range got {
		for j := range i {
			require.NotSame(t, &got[i][0], &got[j][0], "each call gets its own copy")
		}
	}
}

func TestParseBootstrap(t *testing.T) {
	self := peer.ID("self")
	newID := func(kt KeyType) string {
		k, err := GenerateIdentity(kt)
		require.NoError(t, err)
		id, err := peer.IDFromPrivateKey(k)
		require.NoError(t, err)
		return id.String()
	}
	id1, id2 := newID(KeyEd25519), newID(KeySecp256k1)
	tests := []struct {
		name    string
		in      []string
		want    int
		wantErr string
	}{
		{"none", nil, 0, ""},
		{"one", []string{"/ip4/127.0.0.1/tcp/4001/p2p/" + id1}, 1, ""},
		{"two addrs one peer", []string{"/ip4/127.0.0.1/tcp/4001/p2p/" + id1, "/ip4/10.0.0.1/tcp/4001/p2p/" + id1}, 1, ""},
		{"two peers", []string{"/ip4/127.0.0.1/tcp/4001/p2p/" + id1, "/ip4/127.0.0.1/tcp/4002/p2p/" + id2}, 2, ""},
		{"no peer id", []string{"/ip4/127.0.0.1/tcp/4001"}, 0, "parse bootstrap address"},
		{"garbage", []string{"not-a-multiaddr"}, 0, "parse bootstrap address"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseBootstrap(tt.in, self)
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			require.Len(t, got, tt.want)
		})
	}
	id, err := peer.Decode(id1)
	require.NoError(t, err)
	got, err := parseBootstrap([]string{"/ip4/127.0.0.1/tcp/4001/p2p/" + id1}, id)
	require.NoError(t, err)
	require.Empty(t, got, "self is skipped")
}

func counterValue(t *testing.T, c prometheus.Counter) float64 {
	t.Helper()
	var m dto.Metric
	require.NoError(t, c.Write(&m))
	return m.GetCounter().GetValue()
}

// TestEveryTopicScoredLimitedAndFaulted: each of a node's topics is in the
// peer-scored topic list, shares the node's rate limiter and obeys its
// fault injection.
func TestEveryTopicScoredLimitedAndFaulted(t *testing.T) {
	faults := &Faults{}
	n, err := New(t.Context(), Config{Faults: faults})
	require.NoError(t, err)
	defer func() { require.NoError(t, n.Close()) }()
	type joined struct {
		id      string
		limiter *limiter
		faults  *Faults
	}
	all := []joined{
		{n.assignments.id, n.assignments.limiter, n.assignments.faults},
		{n.results.id, n.results.limiter, n.results.faults},
		{n.votes.id, n.votes.limiter, n.votes.faults},
		{n.finalizations.id, n.finalizations.limiter, n.finalizations.faults},
		{n.heartbeats.id, n.heartbeats.limiter, n.heartbeats.faults},
		{n.batches.id, n.batches.limiter, n.batches.faults},
		{n.batchVotes.id, n.batchVotes.limiter, n.batchVotes.faults},
	}
	require.Len(t, topics, len(all))
	scored := scoreParams(nil).Topics
	for _, j := range all {
		require.Contains(t, topics, j.id)
		require.Contains(t, scored, j.id)
		require.NotNil(t, j.limiter, j.id)
		require.Same(t, n.limiter, j.limiter, j.id)
		require.Same(t, faults, j.faults, j.id)
	}
	require.Equal(t, TopicBatches, n.batches.id)
	require.Equal(t, TopicBatchVotes, n.batchVotes.id)
	require.Nil(t, n.batchVotes.conflict, "batch-vote equivocation has no hook")
	require.NotNil(t, n.batchVotes.key)
	require.Nil(t, n.batches.key, "a proposal fills no slot")
}
