package keystore

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
)

// Encrypting the EIP-2335 secret with the vectors' salt and IV must
// reproduce the published checksum and ciphertext byte for byte.
func TestEIP2335EncryptReproducesVectors(t *testing.T) {
	const (
		salt   = "d4e56740f876aef8c010b86a40d5f56745a118d0906a34e69aec8c0db1cb8fa3"
		iv     = "264daa3f303d7259501c93d997d84fe6"
		secret = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f"
	)
	tests := []struct {
		kdf                 string
		params              kdfParams
		checksum, cipherMsg string
	}{
		{kdfScrypt, kdfParams{DKLen: 32, N: 262144, R: 8, P: 1, Salt: salt},
			"d2217fe5f3e9a1e34581ef8a78f7c9928e436d36dacc5e846690a5581e8ea484",
			"06ae90d55fe0a6e9c5c3bc5b170827b2e5cce3929ed3f116c2811e6366dfe20f"},
		{kdfPBKDF2, kdfParams{DKLen: 32, C: 262144, PRF: prfSHA256, Salt: salt},
			"8a9f5d9912ed7e75ea794bc5a89bca5f193721d30868ade6f73043c6ea6febf1",
			"cee03fde2af33149775b7223e7845e4fb2c8ae1792e5f99fe9ecf474cc8c16ad"},
	}
	sb, _ := hex.DecodeString(secret)
	sk, err := attestation.BLSKeyFromBytes(sb)
	require.NoError(t, err)
	ivb, _ := hex.DecodeString(iv)
	for _, tt := range tests {
		t.Run(tt.kdf, func(t *testing.T) {
			out, err := encryptBLS(sk, "𝔱𝔢𝔰𝔱𝔭𝔞𝔰𝔰𝔴𝔬𝔯𝔡🔑", tt.kdf, tt.params, ivb)
			require.NoError(t, err)
			var f eip2335
			require.NoError(t, json.Unmarshal(out, &f))
			require.Equal(t, tt.checksum, f.Crypto.Checksum.Message)
			require.Equal(t, tt.cipherMsg, f.Crypto.Cipher.Message)
		})
	}
}

func TestNormalizePassword(t *testing.T) {
	tests := map[string]string{
		"𝔱𝔢𝔰𝔱𝔭𝔞𝔰𝔰𝔴𝔬𝔯𝔡🔑":                 "7465737470617373776f7264f09f9491", // the EIP's encoded password
		"a\x00b\x1fc\x7fd\u0085e\u009f": hex.EncodeToString([]byte("abcde")),
		"é":                             hex.EncodeToString([]byte("e\u0301")), // NFKD decomposes
		"":                              "",
	}
	for in, want := range tests {
		require.Equal(t, want, hex.EncodeToString(normalizePassword(in)), "%q", in)
	}
}

// cheapKDF bounds the work a fuzz iteration may spend deriving a key.
const cheapKDF = 1 << 15

func FuzzDecryptBLS(f *testing.F) {
	sk, err := attestation.GenerateBLSKey()
	require.NoError(f, err)
	light, err := EncryptBLS(sk, "pw", true)
	require.NoError(f, err)
	cheap, err := encryptBLS(sk, "pw", kdfPBKDF2, kdfParams{DKLen: 32, C: 16, PRF: prfSHA256}, nil)
	require.NoError(f, err)
	f.Add(light, "pw")
	f.Add(cheap, "pw")
	f.Add(cheap, "wrong")
	f.Add([]byte(`{"version":4}`), "")
	f.Add([]byte(`null`), "")
	f.Fuzz(func(t *testing.T, data []byte, password string) {
		ks, err := decodeBLS(data)
		if err != nil {
			require.ErrorIs(t, err, ErrInvalidKeystore)
			return
		}
		if ks.kdfParams.cost(ks.kdf) > cheapKDF {
			return
		}
		got, err := ks.decrypt(password)
		if err != nil {
			return
		}
		// Whatever opens must re-encrypt and open to the same key.
		again, err := encryptBLS(got, password, kdfPBKDF2, kdfParams{DKLen: 32, C: 1, PRF: prfSHA256}, nil)
		require.NoError(t, err)
		back, err := DecryptBLS(again, password)
		require.NoError(t, err)
		require.Equal(t, got.Bytes(), back.Bytes())
	})
}

func FuzzDecryptECDSA(f *testing.F) {
	f.Add([]byte(`{"address":"","crypto":{"cipher":"aes-128-ctr","ciphertext":"`+
		`00000000000000000000000000000000000000000000000000000000000000aa","cipherparams":{"iv":"00000000000000000000000000000000"},`+
		`"kdf":"pbkdf2","kdfparams":{"dklen":32,"c":4,"prf":"hmac-sha256","salt":"aa"},`+
		`"mac":"0000000000000000000000000000000000000000000000000000000000000000"},"id":"1d85ae20-35c5-4611-98e8-aa14a633906f","version":3}`), "pw")
	f.Add([]byte(`{"version":"1"}`), "")
	f.Add([]byte(`{"crypto":{"kdfparams":{"N":2}}, "version":3}`), "")
	f.Fuzz(func(t *testing.T, data []byte, password string) {
		_, v3, err := decodeECDSA(data)
		if err != nil {
			require.ErrorIs(t, err, ErrInvalidKeystore)
			return
		}
		if v3.Crypto.KDFParams.cost(v3.Crypto.KDF) > cheapKDF {
			return
		}
		_, err = DecryptECDSA(data, password)
		if err != nil {
			require.True(t, errors.Is(err, ErrWrongPassword) || errors.Is(err, ErrInvalidKeystore), "%v", err)
		}
	})
}
