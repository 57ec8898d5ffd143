package execution

import "errors"

// Sentinel errors. Callers branch on them with errors.Is; Reason maps each to
// its code in the failure-reason catalogue (execution/reasons.md). Returned
// errors wrap them with the details.
var (
	// Building the call (performer side, or a bad job definition).

	// ErrInvalidFunction: the function signature is not canonical or uses an
	// unsupported type.
	ErrInvalidFunction = errors.New("invalid function signature")
	// ErrInvalidArgument: an argument does not convert to its parameter's
	// type, or the argument count is wrong.
	ErrInvalidArgument = errors.New("invalid argument")

	// Executing (performer side).

	// ErrTaskAlreadyExecuted: the hub has already executed this task id
	// (custom error TaskAlreadyExecuted(bytes32)).
	ErrTaskAlreadyExecuted = errors.New("task already executed")
	// ErrOwnerCannotPay: the job owner's TriggerGasRegistry balance cannot
	// pay for the execution at the gas limit and price simulated (custom
	// error InsufficientBalance(address,uint256,uint256)); nothing was sent.
	ErrOwnerCannotPay = errors.New("job owner cannot pay for the execution")
	// ErrExecutionReverted: simulating executeFunction reverted for another
	// reason (e.g. the sender is not a registered keeper); nothing was sent.
	ErrExecutionReverted = errors.New("execution reverted in simulation")

	// Checking an execution (attester side; also ErrTxFailed and
	// ErrNoExecutionLog for the performer's own receipt).

	// ErrTxNotFound: the transaction or its receipt was not found before the
	// context ended.
	ErrTxNotFound = errors.New("transaction not found")
	// ErrWrongHub: the transaction was not sent to the TaskExecutionHub.
	ErrWrongHub = errors.New("transaction not sent to the hub")
	// ErrWrongSender: the transaction was not signed by the assigned performer.
	ErrWrongSender = errors.New("transaction not sent by the performer")
	// ErrWrongFunction: the transaction input is not an executeFunction call.
	ErrWrongFunction = errors.New("transaction does not call executeFunction")
	// ErrWrongTask: the job id or task id in the call differ from the task.
	ErrWrongTask = errors.New("call is for another task")
	// ErrWrongTarget: the call's target differs from the job's target.
	ErrWrongTarget = errors.New("call has the wrong target")
	// ErrCalldataMismatch: the call's calldata differs from the job's, or the
	// input is not the canonical encoding of the expected call.
	ErrCalldataMismatch = errors.New("calldata mismatch")
	// ErrTxFailed: the transaction's receipt has status 0.
	ErrTxFailed = errors.New("transaction failed")
	// ErrNoExecutionLog: the receipt has no TaskExecuted log from the hub.
	ErrNoExecutionLog = errors.New("no TaskExecuted log")
	// ErrExecutionLogMismatch: the receipt has more than one TaskExecuted log
	// from the hub, or its fields differ from the expected execution.
	ErrExecutionLogMismatch = errors.New("TaskExecuted log mismatch")
)

// reasons is the catalogue, in the order of reasons.md.
var reasons = []struct {
	err  error
	code string
}{
	{ErrInvalidFunction, "invalid_function"},
	{ErrInvalidArgument, "invalid_argument"},
	{ErrTaskAlreadyExecuted, "task_already_executed"},
	{ErrOwnerCannotPay, "owner_cannot_pay"},
	{ErrExecutionReverted, "execution_reverted"},
	{ErrTxNotFound, "tx_not_found"},
	{ErrWrongHub, "wrong_hub"},
	{ErrWrongSender, "wrong_sender"},
	{ErrWrongFunction, "wrong_function"},
	{ErrWrongTask, "wrong_task"},
	{ErrWrongTarget, "wrong_target"},
	{ErrCalldataMismatch, "calldata_mismatch"},
	{ErrTxFailed, "tx_failed"},
	{ErrNoExecutionLog, "no_execution_log"},
	{ErrExecutionLogMismatch, "execution_log_mismatch"},
}

// Reason returns err's stable snake_case reason code from the catalogue, or ""
// if err is nil or wraps none of the sentinel errors above. An error without
// a reason is an infrastructure failure (RPC, configuration), not a judgement
// of the execution: an attester must not vote on it.
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
