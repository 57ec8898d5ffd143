package attestation

import (
	"bytes"
	"testing"

	bls12381 "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/stretchr/testify/require"
)

func TestBLSSignVerifyAggregate(t *testing.T) {
	msg := [32]byte{1, 2, 3}
	other := [32]byte{4}
	var keys []*BLSSecretKey
	var pks []BLSPublicKey
	var sigs []BLSSignature
	for range 4 {
		k, err := GenerateBLSKey()
		require.NoError(t, err)
		keys = append(keys, k)
		pks = append(pks, k.PublicKey())
		sigs = append(sigs, k.Sign(msg))
	}
	require.True(t, VerifyBLS(pks[0], msg, sigs[0]))
	require.False(t, VerifyBLS(pks[1], msg, sigs[0]), "wrong key")
	require.False(t, VerifyBLS(pks[0], other, sigs[0]), "wrong message")

	agg, err := AggregateBLS(sigs[:3])
	require.NoError(t, err)
	require.True(t, FastAggregateVerifyBLS(pks[:3], msg, agg))
	require.False(t, FastAggregateVerifyBLS(pks, msg, agg), "one key too many")
	require.False(t, FastAggregateVerifyBLS(pks[:3], other, agg))

	_, err = AggregateBLS(nil)
	require.ErrorIs(t, err, ErrBadBLS)

	again, err := BLSKeyFromBytes(keys[0].Bytes())
	require.NoError(t, err)
	require.Equal(t, pks[0], again.PublicKey())
}

func TestBLSDecodeRejectsBadInput(t *testing.T) {
	k, err := GenerateBLSKey()
	require.NoError(t, err)
	pk := k.PublicKey()
	sig := k.Sign([32]byte{9})
	tests := []struct {
		name string
		fn   func() error
	}{
		{"short key", func() error { _, err := BLSPublicKeyFromBytes(pk[:47]); return err }},
		{"garbage key", func() error { _, err := BLSPublicKeyFromBytes(bytes.Repeat([]byte{0xff}, 48)); return err }},
		{"short sig", func() error { _, err := BLSSignatureFromBytes(sig[:95]); return err }},
		{"garbage sig", func() error { _, err := BLSSignatureFromBytes(bytes.Repeat([]byte{0xaa}, 96)); return err }},
		{"zero secret", func() error { _, err := BLSKeyFromBytes(make([]byte, 32)); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { require.ErrorIs(t, tt.fn(), ErrBadBLS) })
	}
}

// The EIP-2537 encodings must describe the same points as herumi's
// compressed ones; gnark-crypto reads the uncompressed form back.
func TestBLSEIP2537Encoding(t *testing.T) {
	k, err := GenerateBLSKey()
	require.NoError(t, err)
	pk := k.PublicKey()
	enc, err := pk.EIP2537()
	require.NoError(t, err)
	require.Len(t, enc, 128)
	require.Equal(t, make([]byte, 16), enc[:16])
	var g1 bls12381.G1Affine
	require.NoError(t, g1.X.SetBytesCanonical(enc[16:64]))
	require.NoError(t, g1.Y.SetBytesCanonical(enc[80:128]))
	require.True(t, g1.IsOnCurve())
	c := g1.Bytes()
	require.Equal(t, pk[:], c[:])

	sig := k.Sign([32]byte{7})
	senc, err := sig.EIP2537()
	require.NoError(t, err)
	require.Len(t, senc, 256)
	var g2 bls12381.G2Affine
	require.NoError(t, g2.X.A0.SetBytesCanonical(senc[16:64]))
	require.NoError(t, g2.X.A1.SetBytesCanonical(senc[80:128]))
	require.NoError(t, g2.Y.A0.SetBytesCanonical(senc[144:192]))
	require.NoError(t, g2.Y.A1.SetBytesCanonical(senc[208:256]))
	require.True(t, g2.IsOnCurve())
	c2 := g2.Bytes()
	require.Equal(t, sig[:], c2[:])
}

func TestBLSPublicKeyFromEIP2537RoundTrip(t *testing.T) {
	k, err := GenerateBLSKey()
	require.NoError(t, err)
	pk := k.PublicKey()
	enc, err := pk.EIP2537()
	require.NoError(t, err)
	got, err := BLSPublicKeyFromEIP2537(enc)
	require.NoError(t, err)
	require.Equal(t, pk, got)

	bad := bytes.Clone(enc)
	bad[127] ^= 1
	_, err = BLSPublicKeyFromEIP2537(bad)
	require.ErrorIs(t, err, ErrBadBLS)
	_, err = BLSPublicKeyFromEIP2537(enc[:127])
	require.ErrorIs(t, err, ErrBadBLS)
}
