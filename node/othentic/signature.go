package othentic

import (
	"crypto/ecdsa"
	"encoding/binary"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// SignatureLength is the length of a performer ECDSA signature r‖s‖v.
const SignatureLength = 65

// TaskHash returns keccak256(abi.encode(string proofOfTask, bytes data,
// address performer, uint16 taskDefinitionId)): the digest a performer signs
// for sendTask and AttestationCenter checks on chain.
func TaskHash(proofOfTask string, data []byte, performer common.Address, taskDefinitionID uint16) common.Hash {
	return crypto.Keccak256Hash(encodeTask(proofOfTask, data, performer, taskDefinitionID))
}

// encodeTask is the standard (non-packed) ABI encoding of the tuple
// (string, bytes, address, uint16): four head words (two offsets, the
// left-padded address and the left-padded uint16) followed by the two
// dynamic tails, each a length word and the bytes right-padded to 32.
// The tests check it against go-ethereum's abi.Arguments.Pack.
func encodeTask(proofOfTask string, data []byte, performer common.Address, taskDefinitionID uint16) []byte {
	const head = 4 * 32
	strTail := 32 + padded(len(proofOfTask))
	dataTail := 32 + padded(len(data))
	out := make([]byte, 0, head+strTail+dataTail)
	out = appendWord(out, head)                 // offset of proofOfTask
	out = appendWord(out, uint64(head+strTail)) // offset of data
	out = append(out, make([]byte, 12)...)      // address, left-padded
	out = append(out, performer[:]...)
	out = appendWord(out, uint64(taskDefinitionID))
	out = appendBytes(out, []byte(proofOfTask))
	out = appendBytes(out, data)
	return out
}

func padded(n int) int { return (n + 31) / 32 * 32 }

func appendWord(out []byte, v uint64) []byte {
	out = append(out, make([]byte, 24)...)
	return binary.BigEndian.AppendUint64(out, v)
}

func appendBytes(out, b []byte) []byte {
	out = appendWord(out, uint64(len(b)))
	out = append(out, b...)
	return append(out, make([]byte, padded(len(b))-len(b))...)
}

// SignTask signs a sendTask call as the performer whose controller key is
// key (the performer address is the key's address): ECDSA over the raw
// [TaskHash], returned as 65 bytes r‖s‖v with v = 27 or 28.
func SignTask(key *ecdsa.PrivateKey, proofOfTask string, data []byte, taskDefinitionID uint16) ([]byte, error) {
	if key == nil || key.D == nil || key.Curve == nil || key.X == nil || key.Y == nil {
		return nil, ErrNoKey
	}
	hash := TaskHash(proofOfTask, data, crypto.PubkeyToAddress(key.PublicKey), taskDefinitionID)
	sig, err := crypto.Sign(hash[:], key)
	if err != nil {
		return nil, fmt.Errorf("sign task hash: %w", err)
	}
	sig[64] += 27
	return sig, nil
}

// VerifyTaskSignature checks a performer's sendTask signature (65 bytes
// r‖s‖v, v = 27 or 28, low s) against performer. Errors wrap
// [ErrSignatureLength], [ErrSignatureV], [ErrSignatureValues] or
// [ErrSignatureMismatch].
func VerifyTaskSignature(proofOfTask string, data []byte, performer common.Address, taskDefinitionID uint16, sig []byte) error {
	if len(sig) != SignatureLength {
		return fmt.Errorf("%w: got %d bytes", ErrSignatureLength, len(sig))
	}
	v := sig[64]
	if v != 27 && v != 28 {
		return fmt.Errorf("%w: got %d", ErrSignatureV, v)
	}
	r := new(big.Int).SetBytes(sig[:32])
	s := new(big.Int).SetBytes(sig[32:64])
	if !crypto.ValidateSignatureValues(v-27, r, s, true) {
		return ErrSignatureValues
	}
	hash := TaskHash(proofOfTask, data, performer, taskDefinitionID)
	rsv := make([]byte, SignatureLength)
	copy(rsv, sig)
	rsv[64] = v - 27
	pub, err := crypto.SigToPub(hash[:], rsv)
	if err != nil {
		return fmt.Errorf("%w: recover signer: %v", ErrSignatureMismatch, err)
	}
	if signer := crypto.PubkeyToAddress(*pub); signer != performer {
		return fmt.Errorf("%w: signed by %s, performer is %s", ErrSignatureMismatch, signer, performer)
	}
	return nil
}
