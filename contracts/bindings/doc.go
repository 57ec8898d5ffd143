// Package bindings holds the Go bindings of the TriggerX contracts, generated
// by abigen from the artifacts in contracts/build. Do not edit the generated
// files; change the Solidity sources and run scripts/contracts-gen.sh.
//
// Concurrency: as go-ethereum's bind package: a bound contract is safe for
// concurrent use; TransactOpts are not (they carry the nonce and value).
package bindings
