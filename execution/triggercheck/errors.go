package triggercheck

import "errors"

// ErrNotYet means the firing cannot be decided yet: the attester's node has
// not seen the firing's block, lacks the confirmations the trigger asks for,
// or the chain changed during the check (a reorganization in progress). It
// is not a verdict and has no reason code: the caller waits and checks
// again, and gives up without voting when its deadline passes.
var ErrNotYet = errors.New("firing not yet decidable")

// Sentinel errors of a rejected firing. Callers branch on them with
// errors.Is; Reason maps each to its code in the failure-reason catalogue
// (reasons.md). Returned errors wrap them with the details.
var (
	// Every trigger kind.

	// ErrInvalidTrigger: the task's trigger fails attestation.Trigger.Check,
	// or cannot be evaluated (cron expression, event signature or filters,
	// condition limits, contract function or static value do not parse).
	ErrInvalidTrigger = errors.New("unusable trigger")
	// ErrWrongTriggerKey: the task's trigger key is not the one derived from
	// its firing (attestation.TriggerKey), or the firing lacks what its kind
	// needs.
	ErrWrongTriggerKey = errors.New("trigger key does not derive from the firing")
	// ErrWrongChain: the firing names another chain than its trigger's.
	ErrWrongChain = errors.New("firing on the wrong chain")
	// ErrTriggerEnded: the firing happened after the trigger's End.
	ErrTriggerEnded = errors.New("firing after the trigger's end")
	// ErrExecutedEarly: the execution landed before its firing: before the
	// slot (less EarlyTolerance) of a time trigger, or before the block that
	// carries the evidence of the firing.
	ErrExecutedEarly = errors.New("executed before the firing")

	// Time triggers.

	// ErrNotOnSchedule: the task's slot is not a slot of the schedule.
	ErrNotOnSchedule = errors.New("slot not on the schedule")

	// Chain evidence: event, block and contract-condition firings.

	// ErrBlockNotCanonical: the canonical block at the firing's number has
	// another hash than the firing's.
	ErrBlockNotCanonical = errors.New("block not canonical")

	// Event triggers.

	// ErrTxNotFound: the firing's transaction has no receipt on the
	// trigger's chain.
	ErrTxNotFound = errors.New("event transaction not found")
	// ErrTxOtherBlock: the firing's transaction is in another block than the
	// firing names.
	ErrTxOtherBlock = errors.New("event transaction in another block")
	// ErrLogNotFound: the transaction's receipt has no log at the firing's
	// log index.
	ErrLogNotFound = errors.New("event log not found")
	// ErrLogWrongContract: the log was not emitted by the trigger's
	// contract.
	ErrLogWrongContract = errors.New("event log from another contract")
	// ErrLogWrongEvent: the log's topic0 is not the trigger's event.
	ErrLogWrongEvent = errors.New("event log of another event")
	// ErrFilterNotMatched: the log does not pass the trigger's filters, or
	// does not decode as the trigger's event.
	ErrFilterNotMatched = errors.New("event log does not match the filters")

	// Block triggers.

	// ErrNotOnBlockGrid: the block number is not Start + k·Every.
	ErrNotOnBlockGrid = errors.New("block not on the trigger's grid")

	// Condition triggers.

	// ErrWrongEpoch: the firing's epoch is 0, or above 1 for a trigger that
	// is not recurring.
	ErrWrongEpoch = errors.New("condition epoch impossible")
	// ErrInvalidValue: the firing's value is not a number.
	ErrInvalidValue = errors.New("invalid condition value")
	// ErrNotSatisfied: the firing's value does not satisfy the condition.
	ErrNotSatisfied = errors.New("condition not satisfied")
	// ErrValueMismatch: the firing's value differs from the source's: the
	// contract's at the firing's block, or the static value.
	ErrValueMismatch = errors.New("condition value differs from the source")
)

// reasons is the catalogue, in the order of reasons.md.
var reasons = []struct {
	err  error
	code string
}{
	{ErrInvalidTrigger, "trigger_invalid"},
	{ErrWrongTriggerKey, "trigger_key_mismatch"},
	{ErrWrongChain, "firing_wrong_chain"},
	{ErrTriggerEnded, "trigger_ended"},
	{ErrExecutedEarly, "executed_too_early"},
	{ErrNotOnSchedule, "slot_not_on_schedule"},
	{ErrBlockNotCanonical, "block_not_canonical"},
	{ErrTxNotFound, "event_tx_not_found"},
	{ErrTxOtherBlock, "event_tx_other_block"},
	{ErrLogNotFound, "event_log_not_found"},
	{ErrLogWrongContract, "event_log_wrong_contract"},
	{ErrLogWrongEvent, "event_log_wrong_event"},
	{ErrFilterNotMatched, "event_filter_not_matched"},
	{ErrNotOnBlockGrid, "block_not_on_grid"},
	{ErrWrongEpoch, "condition_wrong_epoch"},
	{ErrInvalidValue, "condition_value_invalid"},
	{ErrNotSatisfied, "condition_not_satisfied"},
	{ErrValueMismatch, "condition_value_mismatch"},
}

// Reason returns err's stable snake_case reason code from the catalogue, or
// "" if err is nil or wraps none of the sentinel errors above. An error
// without a reason is not a judgement of the firing — an infrastructure
// failure (RPC down, unknown chain, cancelled context) or ErrNotYet — and
// an attester must not vote on it.
func Reason(err error) string {
	if err == nil {
		return ""
	}
	for _, r := range reasons {
		if errors.Is(err, r.err) {
			return r.code
		}
	}
	return ""
}
