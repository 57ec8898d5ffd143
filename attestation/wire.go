package attestation

// WireKeeper joins a keeper's stages:
//
//	gossip ─assignment─▶ matcher ◀─result─ gossip
//	   │                    │
//	   └─assignment─▶ performer ─result─▶ gossip
//	                        │
//	               (assignment, result)
//	                        ▼
//	                    attester ─vote─▶ gossip
func WireKeeper(g Gossip, p Performer, m Matcher, a Attester) {
	g.SubscribeAssignments(m.AddAssignment)
	g.SubscribeAssignments(p.Perform)
	p.Subscribe(g.PublishResult)
	g.SubscribeResults(m.AddResult)
	m.Subscribe(a.Attest)
	a.Subscribe(g.PublishVote)
}

// WireAggregator joins the aggregator's stages:
//
//	gossip ─vote─▶ aggregator ─certificate─▶ submitter ─finalization─▶ gossip
func WireAggregator(g Gossip, agg Aggregator, s Submitter) {
	g.SubscribeVotes(agg.AddVote)
	agg.Subscribe(s.Submit)
	s.Subscribe(g.PublishFinalization)
}
