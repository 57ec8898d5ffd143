// Package testbindings holds the Go bindings of test-only contracts
// (contracts/test), generated like package bindings. Only tests use it.
package testbindings
