package attestation

import (
	"slices"

	"github.com/ethereum/go-ethereum/common"
)

// heartbeatDomain separates heartbeat digests.
var heartbeatDomain = keccak([]byte("TriggerX.Heartbeat.v1"))

// Heartbeat is a keeper's signed announcement that it is online. Keepers
// gossip one periodically; the coordinator's health service tracks who is
// up from them.
type Heartbeat struct {
	Keeper    common.Address // the keeper's controller (ECDSA) address
	PeerID    string         // its libp2p peer id
	Version   string         // software version
	Timestamp int64          // unix milliseconds when it was signed
	Signature []byte         // 65-byte ECDSA signature by Keeper over Digest
}

// Digest is the hash the keeper signs for a heartbeat:
//
//	keccak256(abi.encode(HEARTBEAT_DOMAIN, chainId, attestationCenter, keeper,
//	                     keccak256(peerId), keccak256(version), timestamp))
func (h Heartbeat) Digest(d Domain) common.Hash {
	ph, vh := keccak([]byte(h.PeerID)), keccak([]byte(h.Version))
	return keccak(heartbeatDomain[:], uintWord(d.ChainID), addrWord(d.AttestationCenter), addrWord(h.Keeper),
		ph[:], vh[:], intWord(h.Timestamp))
}

// Clone returns a deep copy of h.
func (h Heartbeat) Clone() Heartbeat {
	h.Signature = slices.Clone(h.Signature)
	return h
}
