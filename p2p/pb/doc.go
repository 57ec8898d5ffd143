// Package pb holds the protobuf messages of the gossip wire encoding,
// generated from triggerx.proto by scripts/gen-proto.sh. Use the Encode and
// Decode functions of package p2p rather than these types directly: they
// enforce the canonical encoding and the field sizes.
package pb
