package p2p

import (
	"crypto/sha256"
	"time"

	pubsub "github.com/libp2p/go-libp2p-pubsub"
	pubsubpb "github.com/libp2p/go-libp2p-pubsub/pb"
	"github.com/libp2p/go-libp2p-pubsub/timecache"
	"github.com/libp2p/go-libp2p/core/peer"
)

// Topics, one per message type. The trailing number is the wire version: an
// incompatible encoding change gets a new topic.
const (
	TopicAssignments   = "/triggerx/assignments/5"
	TopicResults       = "/triggerx/results/4"
	TopicVotes         = "/triggerx/votes/2"
	TopicFinalizations = "/triggerx/finalizations/1"
	TopicHeartbeats    = "/triggerx/heartbeats/1"
	TopicBatches       = "/triggerx/batches/1"
	TopicBatchVotes    = "/triggerx/batch-votes/1"
)

var topics = []string{
	TopicAssignments, TopicResults, TopicVotes, TopicFinalizations, TopicHeartbeats, TopicBatches, TopicBatchVotes,
}

// Peer scoring, after celestia-node (nodebuilder/p2p/pubsub.go) and lotus,
// scaled to a small keeper set where every peer matters:
//
//   - rewards are small and capped (time in mesh, first deliveries), so a
//     long-lived peer cannot bank credit to spend on invalid messages;
//   - a rejected message costs 100 × (count)², decaying over an hour: one
//     rejection (say, a vote relayed before its equivocating twin) is
//     forgiven, three stop gossip to the peer, four stop publishing to it and
//     five graylist it;
//   - mesh delivery-rate penalties stay off: traffic follows job triggers and
//     is bursty, so a quiet mesh peer is not a faulty one (lotus does the
//     same for its message topic);
//   - bootstrap peers get a fixed application score above AcceptPXThreshold,
//     so this node accepts peer exchange from them only.
const (
	gossipThreshold    = -500
	publishThreshold   = -1000
	graylistThreshold  = -2500
	acceptPXThreshold  = 1000
	bootstrapperScore  = 1500
	invalidMessageCost = -100
)

// contentID is the gossipsub message id: the SHA-256 of the payload, so the
// same message published by two nodes is one message.
func contentID(m *pubsubpb.Message) string {
	h := sha256.Sum256(m.Data)
	return string(h[:])
}

func gossipOptions(bootstrappers map[peer.ID]struct{}, peerExchange bool) []pubsub.Option {
	return []pubsub.Option{
		pubsub.WithMessageIdFn(contentID),
		pubsub.WithMessageSignaturePolicy(pubsub.StrictSign),
		// With few keepers, send every published message straight to every
		// subscribed peer instead of only the mesh: one hop to everyone.
		pubsub.WithFloodPublish(true),
		pubsub.WithPeerExchange(peerExchange),
		pubsub.WithPeerScore(scoreParams(bootstrappers), scoreThresholds()),
		// Remember a message id for as long as copies keep arriving.
		pubsub.WithSeenMessagesStrategy(timecache.Strategy_LastSeen),
	}
}

func scoreThresholds() *pubsub.PeerScoreThresholds {
	return &pubsub.PeerScoreThresholds{
		GossipThreshold:             gossipThreshold,
		PublishThreshold:            publishThreshold,
		GraylistThreshold:           graylistThreshold,
		AcceptPXThreshold:           acceptPXThreshold,
		OpportunisticGraftThreshold: 3.5,
	}
}

func scoreParams(bootstrappers map[peer.ID]struct{}) *pubsub.PeerScoreParams {
	ts := make(map[string]*pubsub.TopicScoreParams, len(topics))
	for _, t := range topics {
		ts[t] = topicScoreParams()
	}
	return &pubsub.PeerScoreParams{
		Topics:        ts,
		TopicScoreCap: 50,
		AppSpecificScore: func(p peer.ID) float64 {
			if _, ok := bootstrappers[p]; ok {
				return bootstrapperScore
			}
			return 0
		},
		AppSpecificWeight: 1,
		// Many peers behind one IP are likely one operator's sybils.
		// Loopback addresses are exempt (pubsub skips them).
		IPColocationFactorWeight:    -100,
		IPColocationFactorThreshold: 10,
		// Protocol misbehaviour: broken promises, GRAFT during backoff.
		BehaviourPenaltyWeight:    -10,
		BehaviourPenaltyThreshold: 6,
		BehaviourPenaltyDecay:     pubsub.ScoreParameterDecay(time.Hour),
		DecayInterval:             pubsub.DefaultDecayInterval,
		DecayToZero:               pubsub.DefaultDecayToZero,
		RetainScore:               6 * time.Hour,
	}
}

func topicScoreParams() *pubsub.TopicScoreParams {
	return &pubsub.TopicScoreParams{
		TopicWeight: 1,
		// P1: up to +10 after an hour in the mesh.
		TimeInMeshWeight:  10.0 / 3600,
		TimeInMeshQuantum: time.Second,
		TimeInMeshCap:     3600,
		// P2: +0.5 per first delivery, up to +20, decaying over an hour.
		FirstMessageDeliveriesWeight: 0.5,
		FirstMessageDeliveriesDecay:  pubsub.ScoreParameterDecay(time.Hour),
		FirstMessageDeliveriesCap:    40,
		// P3, P3b off; see above.
		// P4: rejected messages.
		InvalidMessageDeliveriesWeight: invalidMessageCost,
		InvalidMessageDeliveriesDecay:  pubsub.ScoreParameterDecay(time.Hour),
	}
}
