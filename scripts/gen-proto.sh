#!/usr/bin/env bash
# Regenerates the Go code for the gossip wire encoding (p2p/pb) from
# p2p/pb/triggerx.proto. Installs protoc (Debian protobuf-compiler) and
# protoc-gen-go at the version pinned in go.mod when they are missing.
#
#   scripts/gen-proto.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! command -v protoc >/dev/null 2>&1; then
	if [ "$(id -u)" -eq 0 ]; then
		apt-get update -qq
		apt-get install -y -qq protobuf-compiler
	else
		sudo apt-get update -qq
		sudo apt-get install -y -qq protobuf-compiler
	fi
fi

# protoc-gen-go must match the google.golang.org/protobuf runtime in go.mod.
pbver="$(go list -m -f '{{.Version}}' google.golang.org/protobuf)"
gobin="$(go env GOPATH)/bin"
plugin="$gobin/protoc-gen-go"
if ! [ -x "$plugin" ] || ! "$plugin" --version 2>/dev/null | grep -qF "$pbver"; then
	go install "google.golang.org/protobuf/cmd/protoc-gen-go@$pbver"
fi

PATH="$gobin:$PATH" protoc \
	--proto_path=p2p/pb \
	--go_out=p2p/pb \
	--go_opt=paths=source_relative \
	p2p/pb/triggerx.proto

echo "generated p2p/pb/triggerx.pb.go (protoc $(protoc --version | awk '{print $2}'), protoc-gen-go $pbver)"
