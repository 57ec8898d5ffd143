package script

import (
	"errors"

	"github.com/triggerx-network/triggerx/execution"
)

// Sentinel errors. Callers branch on them with errors.Is; Reason maps each to
// its code in the failure-reason catalogue (reasons.md). Returned errors wrap
// them with the details.
var (
	// ErrNotScriptTask: ParseOutput was called for a task definition that
	// runs no script (1, 3, 5) or is unknown.
	ErrNotScriptTask = errors.New("task definition runs no script")

	// ErrOutputTooLarge: stdout is larger than MaxOutputBytes.
	ErrOutputTooLarge = errors.New("script output too large")
	// ErrOutputNotJSON: stdout is empty, is not valid UTF-8 or is not valid JSON.
	ErrOutputNotJSON = errors.New("script output is not JSON")
	// ErrOutputNotObject: stdout is JSON but not an object (an array, a
	// string, a number…).
	ErrOutputNotObject = errors.New("script output is not a JSON object")
	// ErrOutputTrailingData: something other than whitespace follows the
	// object (a second object, log lines…).
	ErrOutputTrailingData = errors.New("trailing data after the script output")
	// ErrOutputUnknownField: the object has a field the output shape does not
	// define (names are case-sensitive).
	ErrOutputUnknownField = errors.New("unknown field in the script output")
	// ErrOutputDuplicateField: a field appears twice in an object.
	ErrOutputDuplicateField = errors.New("duplicate field in the script output")
	// ErrOutputMissingField: a required field is absent.
	ErrOutputMissingField = errors.New("missing field in the script output")
	// ErrOutputBadField: a field has the wrong JSON type (e.g. shouldExecute
	// is not a bool, arguments is not an array).
	ErrOutputBadField = errors.New("bad field in the script output")
	// ErrOutputBadArgument: the arguments do not convert exactly to the job
	// function's parameter types (count, range, sign, format).
	ErrOutputBadArgument = errors.New("bad argument in the script output")
	// ErrOutputBadTarget: the target is not a 0x address (lowercase or
	// EIP-55), is the zero address, or is set when shouldExecute is false.
	ErrOutputBadTarget = errors.New("bad target in the script output")
	// ErrOutputBadCalldata: the calldata is not 0x hex of at least a 4-byte
	// selector, or is set when shouldExecute is false.
	ErrOutputBadCalldata = errors.New("bad calldata in the script output")
	// ErrStorageInvalid: a storage update (or the storage it would produce)
	// breaks the storage rules: key syntax, value type, sizes, counts.
	ErrStorageInvalid = errors.New("invalid storage")
)

// reasons is the catalogue, in the order of reasons.md.
var reasons = []struct {
	err  error
	code string
}{
	{ErrNotScriptTask, "not_script_task"},
	{ErrOutputTooLarge, "output_too_large"},
	{ErrOutputNotJSON, "output_not_json"},
	{ErrOutputNotObject, "output_not_object"},
	{ErrOutputTrailingData, "output_trailing_data"},
	{ErrOutputUnknownField, "output_unknown_field"},
	{ErrOutputDuplicateField, "output_duplicate_field"},
	{ErrOutputMissingField, "output_missing_field"},
	{ErrOutputBadField, "output_bad_field"},
	{ErrOutputBadArgument, "output_bad_argument"},
	{ErrOutputBadTarget, "output_bad_target"},
	{ErrOutputBadCalldata, "output_bad_calldata"},
	{ErrStorageInvalid, "storage_invalid"},
}

// Reason returns err's stable snake_case reason code: one of this package's
// codes (reasons.md) or, for an error of package execution (a job whose
// function signature is not canonical: invalid_function), execution.Reason's
// code. It returns "" if err is nil or carries no code: an infrastructure
// failure, on which an attester must not vote.
func Reason(err error) string {
	if err == nil {
		return ""
	}
	for _, r := range reasons {
		if errors.Is(err, r.err) {
			return r.code
		}
	}
	return execution.Reason(err)
}
