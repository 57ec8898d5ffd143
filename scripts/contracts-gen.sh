#!/usr/bin/env bash
# Rebuilds the contracts: installs the pinned solc (npm), compiles every
# contracts/src/*.sol and contracts/test/*.sol into contracts/build/*.json and
# regenerates the Go bindings (contracts/bindings, contracts/internal/testbindings).
# Commit the results; contracts/drift_test.go fails when they are stale.
#
# Usage: scripts/contracts-gen.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root/contracts"

if [[ -f package-lock.json ]]; then
	npm ci --no-audit --no-fund
else
	npm install --no-audit --no-fund
fi
node compile.js

cd "$root"
go run ./contracts/cmd/bindgen -dir contracts
gofmt -l contracts/bindings contracts/internal/testbindings | (! grep .) || {
	echo "contracts-gen: generated bindings are not gofmt-clean" >&2
	exit 1
}
