#!/usr/bin/env bash
# Runs every Go fuzz target of the module, one after another, for a short
# time each: it finds each `func FuzzXxx(f *testing.F)` in the *_test.go
# files, with its package directory, and runs
#   go test -run '^$' -fuzz "^FuzzXxx$" -fuzztime "$FUZZTIME" ./<dir>/
# It prints a line per target, then a table (target, package, result,
# seconds), and exits non-zero when any target failed, after running all.
#
# CI (.ci/run) calls it with a small FUZZTIME on every change; the seed
# corpora checked in under <pkg>/testdata/fuzz/<FuzzXxx>/ also run as unit
# tests in plain `go test`. A failing input is written by go test to
# <pkg>/testdata/fuzz/<FuzzXxx>/: fix the bug, and keep the input as a seed.
#
# A run that fails without writing a failing input is an error of the fuzz
# engine, not a finding: Go's coordinator sometimes reports "context
# deadline exceeded" when -fuzztime ends while a worker is busy. Such a run
# is tried again, up to three times in all; a target fails only when an
# input was written or every attempt failed.
#
# Usage: [FUZZTIME=5s] scripts/fuzz.sh [target-regexp]
#   FUZZTIME       how long each target runs (go test -fuzztime; default 5s)
#   target-regexp  runs only the targets whose name matches (grep -E)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

fuzztime="${FUZZTIME:-5s}"
filter="${1:-.}"

# Lines "dir name", sorted, for every fuzz target.
mapfile -t targets < <(
	grep -rEo --include='*_test.go' --exclude-dir=.git --exclude-dir=node_modules --exclude-dir=testdata \
		'^func Fuzz[A-Za-z0-9_]*\(' . |
		sed -E 's#^\./(.*)/[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)\($#\1 \2#' |
		sort -u
)
if [[ ${#targets[@]} -eq 0 ]]; then
	echo "fuzz: no fuzz targets found" >&2
	exit 1
fi

names=() pkgs=() results=() secs=()
failed=0
start_all=$SECONDS
for t in "${targets[@]}"; do
	dir="${t% *}"
	name="${t#* }"
	if ! grep -Eq -- "$filter" <<<"$name"; then
		continue
	fi
	echo "fuzz: ${name} in ./${dir}/ for ${fuzztime}"
	start=$SECONDS
	result=FAIL
	for attempt in 1 2 3; do
		log="$(mktemp)"
		if go test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" "./${dir}/" 2>&1 | tee "$log"; then
			result=ok
		elif grep -q 'Failing input written to' "$log"; then
			result=FAIL
		else
			result=ERROR
		fi
		rm -f "$log"
		if [[ $result != ERROR ]]; then
			break
		fi
		echo "fuzz: ${name}: the fuzz engine failed without a failing input (attempt ${attempt}); trying again"
		result=FAIL
	done
	if [[ $result != ok ]]; then
		failed=$((failed + 1))
	fi
	elapsed=$((SECONDS - start))
	echo "fuzz: ${name} ${result} (${elapsed}s)"
	names+=("$name") pkgs+=("./${dir}") results+=("$result") secs+=("$elapsed")
done

echo
printf '%-28s %-36s %-6s %7s\n' TARGET PACKAGE RESULT SECONDS
for i in "${!names[@]}"; do
	printf '%-28s %-36s %-6s %7s\n' "${names[$i]}" "${pkgs[$i]}" "${results[$i]}" "${secs[$i]}"
done
echo "fuzz: ${#names[@]} targets, ${failed} failed, $((SECONDS - start_all))s"
[[ $failed -eq 0 ]]
