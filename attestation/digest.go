package attestation

import (
	"crypto/ecdsa"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Domain separators: keccak256 of a versioned name. They are part of every
// signed digest so that a signature made for one purpose is never valid for
// another. VoteDomain and PopDomain are also constants of the contracts.
var (
	actionDomain     = keccak([]byte("TriggerX.Action.v1"))
	targetJobDomain  = keccak([]byte("TriggerX.TargetJob.v1"))
	assignmentDomain = keccak([]byte("TriggerX.Assignment.v1"))
	resultDomain     = keccak([]byte("TriggerX.Result.v1"))
	// VoteDomain separates vote digests; AttestationCenter.VOTE_DOMAIN.
	VoteDomain = keccak([]byte("TriggerX.Vote.v1"))
	// PopDomain separates proof-of-possession messages; KeeperRegistry.POP_DOMAIN.
	PopDomain = keccak([]byte("TriggerX.ProofOfPossession.v1"))
)

// Digest is the hash the coordinator signs for an assignment.
func (a Assignment) Digest(d Domain) common.Hash {
	t := a.Task
	ah, th, fh, sh := t.Action.Hash(), t.Trigger.Hash(), t.Firing.Hash(), StorageHash(t.Storage)
	return keccak(assignmentDomain[:], uintWord(d.ChainID), addrWord(d.AttestationCenter),
		t.ID[:], uintWord(t.JobID), uintWord(uint64(t.TaskDefinitionID)), t.TriggerKey[:],
		intWord(t.ScheduledAt), ah[:], th[:], fh[:], sh[:], addrWord(a.Performer), uintWord(uint64(a.Round)),
		intWord(a.Deadline))
}

// Hash is the result hash that votes sign: it commits to everything the
// performer claims it did.
func (r Result) Hash() common.Hash {
	ch := keccak(r.Calldata)
	parts := [][]byte{resultDomain[:], r.TaskID[:], uintWord(r.JobID), uintWord(uint64(r.TaskDefinitionID)),
		addrWord(r.Performer), r.TxHash[:], ch[:], boolWord(r.Success)}
	if r.Script != nil {
		sh := r.Script.hash()
		parts = append(parts, sh[:])
	}
	return keccak(parts...)
}

// Digest is the hash the performer signs for a result.
func (r Result) Digest(d Domain) common.Hash {
	h := r.Hash()
	return keccak(resultDomain[:], uintWord(d.ChainID), addrWord(d.AttestationCenter), h[:])
}

// VoteDigest is the message a keeper BLS-signs:
//
//	keccak256(abi.encode(VOTE_DOMAIN, chainId, attestationCenter, taskId, jobId,
//	                     taskDefinitionId, resultHash, approve))
//
// The AttestationCenter recomputes it on-chain.
func VoteDigest(d Domain, taskID common.Hash, jobID uint64, tdid TaskDefinitionID, resultHash common.Hash, approve bool) common.Hash {
	return keccak(VoteDomain[:], uintWord(d.ChainID), addrWord(d.AttestationCenter), taskID[:],
		uintWord(jobID), uintWord(uint64(tdid)), resultHash[:], boolWord(approve))
}

// Digest is VoteDigest for v.
func (v Vote) Digest(d Domain) common.Hash {
	return VoteDigest(d, v.TaskID, v.JobID, v.TaskDefinitionID, v.ResultHash, v.Approve)
}

// Digest is VoteDigest for c.
func (c Certificate) Digest(d Domain) common.Hash {
	return VoteDigest(d, c.TaskID, c.JobID, c.TaskDefinitionID, c.ResultHash, c.Approve)
}

// PopMessage is the message a keeper BLS-signs to prove possession of its key
// when it registers:
//
//	keccak256(abi.encode(POP_DOMAIN, chainId, keeperRegistry, keeper, keccak256(pubkey)))
//
// where pubkey is the 128-byte EIP-2537 encoding of the G1 public key. Binding
// the keeper's address stops anyone from registering someone else's key.
func PopMessage(chainID uint64, registry, keeper common.Address, pk BLSPublicKey) (common.Hash, error) {
	enc, err := pk.EIP2537()
	if err != nil {
		return common.Hash{}, err
	}
	pkh := keccak(enc)
	return keccak(PopDomain[:], uintWord(chainID), addrWord(registry), addrWord(keeper), pkh[:]), nil
}

// ErrBadSignature is returned when an ECDSA signature does not recover to the
// expected signer.
var ErrBadSignature = errors.New("bad signature")

// SignECDSA signs a 32-byte digest with key (no EIP-191 prefix) and returns
// r‖s‖v with v in {27, 28}, the form contracts recover.
func SignECDSA(key *ecdsa.PrivateKey, digest common.Hash) ([]byte, error) {
	sig, err := crypto.Sign(digest[:], key)
	if err != nil {
		return nil, fmt.Errorf("sign digest: %w", err)
	}
	sig[64] += 27
	return sig, nil
}

// RecoverECDSA returns the address that signed digest. It accepts v in
// {0, 1, 27, 28}.
func RecoverECDSA(digest common.Hash, sig []byte) (common.Address, error) {
	if len(sig) != 65 {
		return common.Address{}, fmt.Errorf("%w: length %d, want 65", ErrBadSignature, len(sig))
	}
	s := slices.Clone(sig)
	if s[64] >= 27 {
		s[64] -= 27
	}
	if s[64] > 1 {
		return common.Address{}, fmt.Errorf("%w: recovery id %d", ErrBadSignature, sig[64])
	}
	pub, err := crypto.SigToPub(digest[:], s)
	if err != nil {
		return common.Address{}, fmt.Errorf("%w: %v", ErrBadSignature, err)
	}
	return crypto.PubkeyToAddress(*pub), nil
}

// VerifyECDSA checks that sig over digest was made by want.
func VerifyECDSA(digest common.Hash, sig []byte, want common.Address) error {
	got, err := RecoverECDSA(digest, sig)
	if err != nil {
		return err
	}
	if got != want {
		return fmt.Errorf("%w: signed by %s, want %s", ErrBadSignature, got.Hex(), want.Hex())
	}
	return nil
}

func keccak(parts ...[]byte) common.Hash { return crypto.Keccak256Hash(parts...) }

func word(b []byte) []byte { return common.LeftPadBytes(b, 32) }

func uintWord(v uint64) []byte {
	var w [32]byte
	binary.BigEndian.PutUint64(w[24:], v)
	return w[:]
}

// intWord encodes a signed 64-bit value as a two's-complement int256 word.
func intWord(v int64) []byte {
	var w [32]byte
	if v < 0 {
		for i := range w {
			w[i] = 0xff
		}
	}
	binary.BigEndian.PutUint64(w[24:], uint64(v))
	return w[:]
}

func addrWord(a common.Address) []byte { return word(a[:]) }

func boolWord(b bool) []byte {
	if b {
		return uintWord(1)
	}
	return uintWord(0)
}
