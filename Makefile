# TriggerX developer targets. Run from the repository root.
GO ?= go
# Extra flags for the local network, e.g. make localnet LOCALNET_FLAGS="--tasks 3".
LOCALNET_FLAGS ?=

.PHONY: build test localnet localnet-down localnet-clean

## build: the three binaries into bin/
build:
	$(GO) build -o bin/ ./cmd/...

## test: vet, then all unit and integration tests under the race detector. With npm present it first
## installs solc (contracts/node_modules) so the contract drift test also
## recompiles the Solidity sources; without npm that part is skipped.
test:
	@if command -v npm >/dev/null 2>&1; then \
		(cd contracts && npm ci --no-audit --no-fund --loglevel=error); \
	else echo "npm not found: the contracts' recompile check will be skipped"; fi
	$(GO) vet ./...
	$(GO) test -race -timeout 30m ./...

## localnet: start a whole network on this machine (geth --dev, contracts, keepers, aggregator, coordinator) and follow its tasks
localnet:
	$(GO) run ./localnet up $(LOCALNET_FLAGS)

## localnet-down: stop the local network (logs and data stay in .localnet)
localnet-down:
	$(GO) run ./localnet down

## localnet-clean: stop the local network and remove .localnet
localnet-clean:
	$(GO) run ./localnet down --clean
