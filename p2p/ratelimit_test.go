package p2p_test

import (
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/p2p"
)

// TestPeerRateLimit runs a receiver with a low per-peer rate limit and two
// peers connected only to it: one floods votes far above the limit, the
// other stays under it.
func TestPeerRateLimit(t *testing.T) {
	const (
		rate  = 5
		burst = 50
		flood = 400
	)
	reg := prometheus.NewRegistry()
	recv := startNode(t, "receiver", p2p.Config{PeerRate: rate, PeerBurst: burst, Registerer: reg})
	flooder := startNode(t, "flooder", p2p.Config{Bootstrap: recv.Addrs()})
	polite := startNode(t, "polite", p2p.Config{Bootstrap: recv.Addrs()})
	nodes := []*p2p.Node{recv, flooder, polite}
	recs := []*recorder{newRecorder(recv), newRecorder(flooder), newRecorder(polite)}
	warmUp(t, nodes, recs)
	limited := func() float64 {
		return counter(t, reg, "triggerx_p2p_rate_limited_total", map[string]string{"topic": "votes"})
	}
	require.Zero(t, limited(), "warming up stays within the limit")

	var flooded []common.Hash
	for i := range flood {
		v := p2p.FixtureVote(uint64(20_000+i), 0x30)
		require.NoError(t, flooder.PublishVote(t.Context(), v), "the flooder's own messages are not limited")
		flooded = append(flooded, v.TaskID)
		time.Sleep(time.Millisecond) // stay within the flooder's outbound queue
	}
	require.Eventually(t, func() bool { return limited() > 0 }, deliveryTimeout, tick)

	// The polite peer's messages all arrive, flood or not.
	var sent []common.Hash
	for i := range 5 {
		v := p2p.FixtureVote(uint64(30_000+i), 0x31)
		require.NoError(t, polite.PublishVote(t.Context(), v))
		sent = append(sent, v.TaskID)
	}
	require.Eventually(t, func() bool { return arrived(recs[:1], sent) }, deliveryTimeout, tick,
		"every message of the peer under the limit arrives")

	delivered := 0
	for _, task := range flooded {
		delivered += recs[0].count("vote", task)
	}
	t.Logf("flooded %d votes; %d delivered, %v rate limited", flood, delivered, limited())
	require.Less(t, delivered, flood/2, "most of the flood is dropped")
	require.Positive(t, delivered, "messages within the limit pass")
}
