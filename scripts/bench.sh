#!/usr/bin/env bash
# Runs the benchmark suite and prints one table: every Go benchmark's
# figures (ns/op and the metrics it reports), one row each. docs/benchmarks.md
# explains each figure and keeps the latest numbers.
#
# Usage: scripts/bench.sh [section ...]
#   sections: e2e throughput bls scheduler sandbox rest store gas (default: all)
#
# The end-to-end and sandbox sections need a running Docker engine and the
# runtime images (scripts/runtime-images.sh) for their script-job rows; they
# skip those rows without one. TRIGGERX_BENCH_TASKS sets the tasks measured
# end to end (default 40); TRIGGERX_BENCH_JOBS the scheduler's jobs (default
# 1,000,000); TRIGGERX_BENCH_RATE the time jobs firing every second in the
# throughput run (default 200).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

sections=("$@")
if [[ ${#sections[@]} -eq 0 ]]; then
	sections=(e2e throughput bls scheduler sandbox rest store gas)
fi
jobs="${TRIGGERX_BENCH_JOBS:-1000000}"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT

run() { # section, go test arguments...
	local section="$1"
	shift
	echo "bench: $section: go test $*" >&2
	if ! go test -run '^$' "$@" >"$out.raw" 2>&1; then
		cat "$out.raw" >&2
		echo "bench: $section failed" >&2
		exit 1
	fi
	# BenchmarkName-2  N  v1 unit1  v2 unit2 ... → section, name, unit, value
	awk -v s="$section" '/^Benchmark/ {
		name = $1; sub(/-[0-9]+$/, "", name); sub(/^Benchmark/, "", name)
		for (i = 3; i < NF; i += 2) printf "%s\t%s\t%s\t%s\n", s, name, $(i+1), $i
	}' "$out.raw" >>"$out"
	grep -E '^\s+[a-z_]+\.go:[0-9]+: ' "$out.raw" | grep -v 'logger.go' | sed 's/^\s*/  /' >&2 || true
	rm -f "$out.raw"
}

# gas: the contracts' gas tables (go test -v logs them as markdown) as rows:
# one per call and batch size, gas per finalized task.
gas() {
	echo "bench: gas: go test ./contracts -run TestGasPerTask -v" >&2
	if ! go test ./contracts -run 'TestGasPerTask' -v -count=1 >"$out.raw" 2>&1; then
		cat "$out.raw" >&2
		echo "bench: gas failed" >&2
		exit 1
	fi
	awk -F'|' '
		/\| keepers \|/ {
			base = ""
			for (i = 2; i < NF; i++) {
				h[i] = $i; gsub(/[` ]/, "", h[i])
				if (h[i] ~ /^×/) h[i] = base " " h[i]
				else { base = h[i]; sub(/×.*/, "", base); if (h[i] ~ /×/) sub(/×/, " ×", h[i]) }
			}
			next
		}
		/^ *\| [0-9]+ \|/ {
			k = $2; gsub(/ /, "", k)
			for (i = 4; i < NF; i++) { v = $i; gsub(/ /, "", v); printf "gas\t%s, %s keepers\tgas/task\t%s\n", h[i], k, v }
		}' "$out.raw" >>"$out"
	rm -f "$out.raw"
}

for s in "${sections[@]}"; do
	case "$s" in
	e2e) run e2e ./node -bench EndToEnd -benchtime 1x -timeout 30m ;;
	throughput) run throughput ./node -bench Throughput -benchtime 1x -timeout 30m ;;
	bls) run bls ./attestation -bench . -benchtime 200x ;;
	scheduler) run scheduler ./coordinator/schedule -bench 'Queue|Lateness' -schedule.n="$jobs" -timeout 30m ;;
	sandbox) run sandbox ./execution/sandbox -bench BenchmarkRun -benchtime 20x -timeout 30m ;;
	rest) run rest ./coordinator -bench REST -benchtime 2s ;;
	store) run store ./coordinator -bench 'ListJobsOfUser|Credit' -benchtime 2s ;;
	gas) gas ;;
	*)
		echo "bench: unknown section $s (e2e throughput bls scheduler sandbox rest store gas)" >&2
		exit 2
		;;
	esac
done

printf '%-10s %-52s %-24s %14s\n' section benchmark metric value
printf '%-10s %-52s %-24s %14s\n' ---------- ---------------------------------------------------- ------------------------ --------------
awk -F'\t' '{ printf "%-10s %-52s %-24s %14s\n", $1, $2, $3, $4 }' "$out"
