package attestation

import (
	"crypto/rand"
	"errors"
	"fmt"

	bls12381 "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/herumi/bls-eth-go-binary/bls"
)

// BLS sizes in the compressed (ZCash) serialization used on the wire.
const (
	BLSSecretKeyLen = 32
	BLSPublicKeyLen = 48 // compressed G1
	BLSSignatureLen = 96 // compressed G2
)

// ErrBadBLS is returned for a BLS key or signature that does not decode to a
// valid point of the right subgroup.
var ErrBadBLS = errors.New("invalid BLS encoding")

func init() {
	// herumi's Init is not safe for concurrent use; package init runs once.
	if err := bls.Init(bls.BLS12_381); err != nil {
		panic(fmt.Sprintf("init BLS12-381: %v", err))
	}
	if err := bls.SetETHmode(bls.EthModeDraft07); err != nil {
		panic(fmt.Sprintf("set BLS Ethereum mode: %v", err))
	}
	// Reject points outside the prime-order subgroups when deserializing.
	bls.VerifyPublicKeyOrder(true)
	bls.VerifySignatureOrder(true)
}

// BLSSecretKey is a keeper's BLS12-381 signing key.
type BLSSecretKey struct{ sk bls.SecretKey }

// BLSPublicKey is a compressed G1 public key.
type BLSPublicKey [BLSPublicKeyLen]byte

// BLSSignature is a compressed G2 signature.
type BLSSignature [BLSSignatureLen]byte

// GenerateBLSKey returns a fresh key from the operating system's CSPRNG.
func GenerateBLSKey() (*BLSSecretKey, error) {
	var buf [BLSSecretKeyLen]byte
	for {
		if _, err := rand.Read(buf[:]); err != nil {
			return nil, fmt.Errorf("read randomness: %w", err)
		}
		k, err := BLSKeyFromBytes(buf[:])
		if err == nil {
			return k, nil
		}
	}
}

// BLSKeyFromBytes decodes a 32-byte big-endian secret scalar.
func BLSKeyFromBytes(b []byte) (*BLSSecretKey, error) {
	if len(b) != BLSSecretKeyLen {
		return nil, fmt.Errorf("%w: secret key length %d, want %d", ErrBadBLS, len(b), BLSSecretKeyLen)
	}
	var k BLSSecretKey
	if err := k.sk.Deserialize(b); err != nil {
		return nil, fmt.Errorf("%w: secret key: %v", ErrBadBLS, err)
	}
	if k.sk.IsZero() {
		return nil, fmt.Errorf("%w: zero secret key", ErrBadBLS)
	}
	return &k, nil
}

// Bytes returns the 32-byte big-endian secret scalar.
func (k *BLSSecretKey) Bytes() []byte { return k.sk.Serialize() }

// PublicKey returns k's compressed public key.
func (k *BLSSecretKey) PublicKey() BLSPublicKey {
	var pk BLSPublicKey
	copy(pk[:], k.sk.GetPublicKey().Serialize())
	return pk
}

// Sign signs a 32-byte message (a digest) with the Ethereum ciphersuite
// BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_.
func (k *BLSSecretKey) Sign(msg [32]byte) BLSSignature {
	var s BLSSignature
	copy(s[:], k.sk.SignByte(msg[:]).Serialize())
	return s
}

func (pk BLSPublicKey) point() (*bls.PublicKey, error) {
	var p bls.PublicKey
	if err := p.Deserialize(pk[:]); err != nil {
		return nil, fmt.Errorf("%w: public key: %v", ErrBadBLS, err)
	}
	if p.IsZero() {
		return nil, fmt.Errorf("%w: public key is the identity", ErrBadBLS)
	}
	return &p, nil
}

func (s BLSSignature) point() (*bls.Sign, error) {
	var p bls.Sign
	if err := p.Deserialize(s[:]); err != nil {
		return nil, fmt.Errorf("%w: signature: %v", ErrBadBLS, err)
	}
	return &p, nil
}

// BLSPublicKeyFromBytes checks and copies a compressed public key.
func BLSPublicKeyFromBytes(b []byte) (BLSPublicKey, error) {
	var pk BLSPublicKey
	if len(b) != BLSPublicKeyLen {
		return pk, fmt.Errorf("%w: public key length %d, want %d", ErrBadBLS, len(b), BLSPublicKeyLen)
	}
	copy(pk[:], b)
	if _, err := pk.point(); err != nil {
		return BLSPublicKey{}, err
	}
	return pk, nil
}

// BLSSignatureFromBytes checks and copies a compressed signature.
func BLSSignatureFromBytes(b []byte) (BLSSignature, error) {
	var s BLSSignature
	if len(b) != BLSSignatureLen {
		return s, fmt.Errorf("%w: signature length %d, want %d", ErrBadBLS, len(b), BLSSignatureLen)
	}
	copy(s[:], b)
	if _, err := s.point(); err != nil {
		return BLSSignature{}, err
	}
	return s, nil
}

// VerifyBLS reports whether sig is pk's signature of msg.
func VerifyBLS(pk BLSPublicKey, msg [32]byte, sig BLSSignature) bool {
	p, err := pk.point()
	if err != nil {
		return false
	}
	s, err := sig.point()
	if err != nil {
		return false
	}
	return s.VerifyByte(p, msg[:])
}

// AggregateBLS sums signatures. It fails on an empty or invalid input.
func AggregateBLS(sigs []BLSSignature) (BLSSignature, error) {
	if len(sigs) == 0 {
		return BLSSignature{}, fmt.Errorf("%w: no signatures to aggregate", ErrBadBLS)
	}
	pts := make([]bls.Sign, len(sigs))
	for i, s := range sigs {
		p, err := s.point()
		if err != nil {
			return BLSSignature{}, err
		}
		pts[i] = *p
	}
	var agg bls.Sign
	agg.Aggregate(pts)
	var out BLSSignature
	copy(out[:], agg.Serialize())
	return out, nil
}

// FastAggregateVerifyBLS checks an aggregate signature of one message by all
// of pks.
func FastAggregateVerifyBLS(pks []BLSPublicKey, msg [32]byte, agg BLSSignature) bool {
	if len(pks) == 0 {
		return false
	}
	pts := make([]bls.PublicKey, len(pks))
	for i, pk := range pks {
		p, err := pk.point()
		if err != nil {
			return false
		}
		pts[i] = *p
	}
	s, err := agg.point()
	if err != nil {
		return false
	}
	return s.FastAggregateVerify(pts, msg[:])
}

// EIP2537 returns the 128-byte uncompressed encoding the EIP-2537 precompiles
// take: x‖y, each coordinate a 64-byte big-endian word.
func (pk BLSPublicKey) EIP2537() ([]byte, error) {
	var p bls12381.G1Affine
	if _, err := p.SetBytes(pk[:]); err != nil {
		return nil, fmt.Errorf("%w: public key: %v", ErrBadBLS, err)
	}
	out := make([]byte, 128)
	x, y := p.X.Bytes(), p.Y.Bytes()
	copy(out[16:64], x[:])
	copy(out[80:128], y[:])
	return out, nil
}

// EIP2537 returns the 256-byte uncompressed encoding the EIP-2537 precompiles
// take: x.c0‖x.c1‖y.c0‖y.c1 (real part first), each a 64-byte word.
func (s BLSSignature) EIP2537() ([]byte, error) {
	var p bls12381.G2Affine
	if _, err := p.SetBytes(s[:]); err != nil {
		return nil, fmt.Errorf("%w: signature: %v", ErrBadBLS, err)
	}
	out := make([]byte, 256)
	for i, c := range [][48]byte{p.X.A0.Bytes(), p.X.A1.Bytes(), p.Y.A0.Bytes(), p.Y.A1.Bytes()} {
		copy(out[i*64+16:(i+1)*64], c[:])
	}
	return out, nil
}

// BLSPublicKeyFromEIP2537 decodes a 128-byte EIP-2537 G1 point (as the
// KeeperRegistry stores keys) into a checked compressed public key.
func BLSPublicKeyFromEIP2537(b []byte) (BLSPublicKey, error) {
	if len(b) != 128 {
		return BLSPublicKey{}, fmt.Errorf("%w: EIP-2537 G1 length %d, want 128", ErrBadBLS, len(b))
	}
	for _, i := range []int{0, 64} {
		for _, c := range b[i : i+16] {
			if c != 0 {
				return BLSPublicKey{}, fmt.Errorf("%w: EIP-2537 G1 padding not zero", ErrBadBLS)
			}
		}
	}
	var p bls12381.G1Affine
	if err := p.X.SetBytesCanonical(b[16:64]); err != nil {
		return BLSPublicKey{}, fmt.Errorf("%w: x: %v", ErrBadBLS, err)
	}
	if err := p.Y.SetBytesCanonical(b[80:128]); err != nil {
		return BLSPublicKey{}, fmt.Errorf("%w: y: %v", ErrBadBLS, err)
	}
	if !p.IsOnCurve() || !p.IsInSubGroup() || p.IsInfinity() {
		return BLSPublicKey{}, fmt.Errorf("%w: not a G1 subgroup point", ErrBadBLS)
	}
	c := p.Bytes()
	return BLSPublicKeyFromBytes(c[:])
}
