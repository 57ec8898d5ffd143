// Package conditions is the coordinator's condition scheduler: it evaluates
// every condition job (attestation.ConditionTrigger) at its poll interval and
// fires the job each time its condition becomes true, with the exact value
// and, for contract sources, the block it was read at, so that attesters can
// check the firing.
//
// What a condition means (exact values, operators and limits, sources, the
// edge state machine with its cooldown) lives in execution/condition, shared
// with attesters; this package only schedules. It fixes the system it
// replaces: one bounded worker pool instead of a goroutine per job, jobs
// keyed by value, edge-triggered firings with a cooldown instead of re-firing
// every second, and persisted edge state so that a restart does not re-fire.
//
//	Add/Remove ─▶ due-time heap ─▶ dispatcher ─▶ Workers × evaluate ─▶ Fire(jobID, Firing)
//	                    ▲                              │  Source.Read, Condition, Edge
//	                    └──── next due (+PollInterval) ◀┘  StateStore.SaveState
//
// Concurrency: Add, Remove and Len are safe for concurrent use, before and
// while Run runs. Run is called once; it runs one dispatcher goroutine and
// Config.Workers worker goroutines, and returns when its context ends, after
// the evaluations in progress. A job is evaluated by one worker at a time, so
// Fire is never called concurrently for the same job, but it is called
// concurrently for different jobs. Sources must be safe for concurrent use
// and honour their context.
package conditions
