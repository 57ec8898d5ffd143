// Package coordinator holds the components of the coordinator process: the
// REST API that registers jobs (after checking them against the on-chain
// JobRegistry), the Store that keeps jobs, tasks, API keys and block cursors
// (BadgerStore embedded; other implementations pass the same conformance
// suite), the interval Scheduler that turns due jobs into tasks, the
// Dispatcher that signs and publishes task assignments, the Monitor that
// follows TaskExecutionHub and AttestationCenter events to complete tasks,
// and the coordinator's Prometheus metrics.
//
// The package contains no wiring: every component receives its dependencies
// (store, clock, keeper set, publish function, event source, registerer) and
// the coordinator's Run assembles them:
//
//	REST API ─jobs─▶ Store ◀─due jobs/new tasks─ Scheduler ─task─▶ Dispatcher ─assignment─▶ gossip
//	                   ▲
//	                   └──executions, submissions── Monitor ◀── chain events (EventSource)
//
// Concurrency: the API handler, the Dispatcher and BadgerStore are safe for
// concurrent use. Scheduler.Run and Monitor.Run are long-running loops that
// return when their context ends; run one of each per store. Consistency
// between components rests on the Store's transactions: a job slot is fired
// and its task created atomically, and task updates are read-modify-write.
//
// Stores: BadgerStore (OpenBadgerStore) is embedded, on disk or in memory,
// for a single coordinator. CQLStore (OpenCQLStore) keeps the same data, in
// the same JSON encodings, on ScyllaDB or Cassandra; it applies the
// versioned migrations in migrations/*.cql at open and gets its atomicity
// from lightweight transactions on version columns (see CQLStore). Both pass
// the conformance suite testStore in store_test.go. The CQL run needs a
// cluster and skips without one:
//
//	docker run -d -p 9042:9042 scylladb/scylla --smp 1
//	TRIGGERX_TEST_CQL_HOSTS=127.0.0.1:9042 go test ./coordinator/ -run CQL
//
// Each test uses a fresh random keyspace, dropped at cleanup.
//
// WithEvents wraps a Store so that every task it creates or changes is
// published to a Broker (MemoryBroker in one process), which the API streams
// to subscribers as Server-Sent Events.
//
// Task failure reasons recorded in Task.TaskError are listed with the
// Reason constants.
package coordinator
