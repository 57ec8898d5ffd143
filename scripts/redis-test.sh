#!/usr/bin/env bash
# Runs the tests that need a real redis-server (they start their own on a
# loopback port; see coordinator/lease/leasetest). Installs the Debian
# redis-server package when it is missing, without starting it as a service,
# and sets TRIGGERX_REQUIRE_REDIS=1 so that those tests fail instead of
# skipping when redis-server cannot be found.
#
#   scripts/redis-test.sh                      # go test -race ./coordinator/lease/...
#   scripts/redis-test.sh ./coordinator/...    # other packages
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! command -v redis-server >/dev/null 2>&1; then
	sudo=""
	if [ "$(id -u)" -ne 0 ]; then
		sudo="sudo"
	fi
	$sudo apt-get update -qq
	# policy-rc.d keeps the package from starting a system service.
	if [ ! -e /usr/sbin/policy-rc.d ]; then
		printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
		$sudo chmod +x /usr/sbin/policy-rc.d
		trap '$sudo rm -f /usr/sbin/policy-rc.d' EXIT
	fi
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-server >/dev/null
fi

if [ "$#" -eq 0 ]; then
	set -- ./coordinator/lease/...
fi
TRIGGERX_REQUIRE_REDIS=1 go test -race -count=1 "$@"
