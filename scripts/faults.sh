#!/usr/bin/env bash
# Runs the fault-injection tests (node/faults_test.go: a performer killed
# mid-task, Byzantine keepers across at least 500 tasks, ...) and prints the
# figures they measured as a table.
#
# It runs without the race detector (which slows every process about
# tenfold): make test runs the same tests under it with a smaller load.
#
# Usage: [TRIGGERX_FAULT_TASKS=500] scripts/faults.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
go test -v -count=1 -timeout 30m -run '^TestFault' ./node/ >"$log" 2>&1 || status=$?
grep -E '^(--- |FAIL|ok )' "$log" || true
sed -n '/^FAULT FIGURES$/,/^$/p' "$log"
if [[ $status -ne 0 ]]; then
	echo "faults: tests failed; the log follows" >&2
	grep -v 'logger.go' "$log" | tail -100 >&2
	# The nodes' warnings and errors of each failed test, and what they
	# logged about the tasks the test names as stuck, to tell why.
	for t in $(grep -oE '^--- FAIL: [A-Za-z0-9_]+' "$log" | awk '{print $3}' | sort -u); do
		echo "faults: $t: node warnings and errors, and the stuck tasks' lines" >&2
		ids="$(sed -n "/^=== RUN   $t\$/,/^--- FAIL: $t /p" "$log" | grep -oE 'task 0x[0-9a-f]{64}' | awk '{print substr($2, 1, 18)}' | sort -u | paste -sd'|' -)"
		sed -n "/^=== RUN   $t\$/,/^--- FAIL: $t /p" "$log" |
			grep -E "logger.go.*(WARN|ERROR)${ids:+|$ids}" | cut -c1-600 | tail -300 >&2 || true
	done
fi
exit "$status"
