package keystore_test

import (
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/node/keystore"
)

// The EIP-2335 test vectors (https://eips.ethereum.org/EIPS/eip-2335#test-cases).
const (
	eipPassword = "𝔱𝔢𝔰𝔱𝔭𝔞𝔰𝔰𝔴𝔬𝔯𝔡🔑"
	eipSecret   = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f"
	eipPubkey   = "9612d7a727c9d0a22e185a1c768478dfe919cada9266988cb32359c11f2b7b27f4ae4040902382ae2910c15e2b420d07"

	eipScryptVector = `{
    "crypto": {
        "kdf": {
            "function": "scrypt",
            "params": {
                "dklen": 32,
                "n": 262144,
                "p": 1,
                "r": 8,
                "salt": "d4e56740f876aef8c010b86a40d5f56745a118d0906a34e69aec8c0db1cb8fa3"
            },
            "message": ""
        },
        "checksum": {
            "function": "sha256",
            "params": {},
            "message": "d2217fe5f3e9a1e34581ef8a78f7c9928e436d36dacc5e846690a5581e8ea484"
        },
        "cipher": {
            "function": "aes-128-ctr",
            "params": {
                "iv": "264daa3f303d7259501c93d997d84fe6"
            },
            "message": "06ae90d55fe0a6e9c5c3bc5b170827b2e5cce3929ed3f116c2811e6366dfe20f"
        }
    },
    "description": "This is a test keystore that uses scrypt to secure the secret.",
    "pubkey": "9612d7a727c9d0a22e185a1c768478dfe919cada9266988cb32359c11f2b7b27f4ae4040902382ae2910c15e2b420d07",
    "path": "m/12381/60/3141592653/589793238",
    "uuid": "1d85ae20-35c5-4611-98e8-aa14a633906f",
    "version": 4
}`

	eipPBKDF2Vector = `{
    "crypto": {
        "kdf": {
            "function": "pbkdf2",
            "params": {
                "dklen": 32,
                "c": 262144,
                "prf": "hmac-sha256",
                "salt": "d4e56740f876aef8c010b86a40d5f56745a118d0906a34e69aec8c0db1cb8fa3"
            },
            "message": ""
        },
        "checksum": {
            "function": "sha256",
            "params": {},
            "message": "8a9f5d9912ed7e75ea794bc5a89bca5f193721d30868ade6f73043c6ea6febf1"
        },
        "cipher": {
            "function": "aes-128-ctr",
            "params": {
                "iv": "264daa3f303d7259501c93d997d84fe6"
            },
            "message": "cee03fde2af33149775b7223e7845e4fb2c8ae1792e5f99fe9ecf474cc8c16ad"
        }
    },
    "description": "This is a test keystore that uses PBKDF2 to secure the secret.",
    "pubkey": "9612d7a727c9d0a22e185a1c768478dfe919cada9266988cb32359c11f2b7b27f4ae4040902382ae2910c15e2b420d07",
    "path": "m/12381/60/0/0",
    "uuid": "64625def-3331-4eea-ab6f-782f3ed16a83",
    "version": 4
}`
)

func TestEIP2335Vectors(t *testing.T) {
	for name, vector := range map[string]string{"scrypt": eipScryptVector, "pbkdf2": eipPBKDF2Vector} {
		t.Run(name, func(t *testing.T) {
			sk, err := keystore.DecryptBLS([]byte(vector), eipPassword)
			require.NoError(t, err)
			require.Equal(t, eipSecret, hex.EncodeToString(sk.Bytes()))
			pk := sk.PublicKey()
			require.Equal(t, eipPubkey, hex.EncodeToString(pk[:]))

			_, err = keystore.DecryptBLS([]byte(vector), "testpassword")
			require.ErrorIs(t, err, keystore.ErrWrongPassword)
		})
	}
}

func TestECDSARoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "keys")
	path, addr, err := keystore.GenerateECDSA(dir, "secret", true)
	require.NoError(t, err)
	requireModes(t, dir, path)

	key, err := keystore.LoadECDSA(path, "secret")
	require.NoError(t, err)
	require.Equal(t, addr, crypto.PubkeyToAddress(key.PublicKey))

	got, err := keystore.ReadECDSAAddress(path)
	require.NoError(t, err)
	require.Equal(t, addr, got)

	_, err = keystore.LoadECDSA(path, "Secret")
	require.ErrorIs(t, err, keystore.ErrWrongPassword)
}

func TestBLSRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "keys")
	path, pk, err := keystore.GenerateBLS(dir, "secret", true)
	require.NoError(t, err)
	requireModes(t, dir, path)

	sk, err := keystore.LoadBLS(path, "secret")
	require.NoError(t, err)
	require.Equal(t, pk, sk.PublicKey())

	got, err := keystore.ReadBLSPublicKey(path)
	require.NoError(t, err)
	require.Equal(t, pk, got)

	_, err = keystore.LoadBLS(path, "Secret")
	require.ErrorIs(t, err, keystore.ErrWrongPassword)

	// The file is EIP-2335 shaped.
	var f map[string]any
	require.NoError(t, json.Unmarshal(mustRead(t, path), &f))
	require.EqualValues(t, 4, f["version"])
	require.Equal(t, "", f["path"])
	require.Equal(t, hex.EncodeToString(pk[:]), f["pubkey"])
	require.NotEmpty(t, f["uuid"])
}

func TestImport(t *testing.T) {
	dir := t.TempDir()
	path, pk, err := keystore.ImportBLS("0x"+eipSecret, dir, "pw", true)
	require.NoError(t, err)
	require.Equal(t, eipPubkey, hex.EncodeToString(pk[:]))
	sk, err := keystore.LoadBLS(path, "pw")
	require.NoError(t, err)
	require.Equal(t, eipSecret, hex.EncodeToString(sk.Bytes()))

	_, _, err = keystore.ImportBLS(eipSecret, dir, "pw", true)
	require.Error(t, err, "an existing keystore is never overwritten")

	const ecdsaHex = "b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291"
	path, addr, err := keystore.ImportECDSA(ecdsaHex, dir, "pw", true)
	require.NoError(t, err)
	require.Equal(t, "0x71562b71999873DB5b286dF957af199Ec94617F7", addr.Hex())
	key, err := keystore.LoadECDSA(path, "pw")
	require.NoError(t, err)
	require.Equal(t, ecdsaHex, hex.EncodeToString(crypto.FromECDSA(key)))

	for _, bad := range []string{"", "0x12", "zz", eipSecret + "00"} {
		_, _, err = keystore.ImportBLS(bad, dir, "pw", true)
		require.Error(t, err, bad)
		_, _, err = keystore.ImportECDSA(bad, dir, "pw", true)
		require.Error(t, err, bad)
	}
	_, _, err = keystore.ImportBLS("00", dir, "pw", true)
	require.Error(t, err)

	// An error never quotes the key, not even the bytes around a typo.
	for _, bad := range []string{eipSecret[:10] + "g" + eipSecret[11:], ecdsaHex[:10] + "g" + ecdsaHex[11:], ecdsaHex[:63]} {
		_, _, err = keystore.ImportBLS(bad, t.TempDir(), "pw", true)
		require.Error(t, err)
		require.NotContains(t, err.Error(), bad[:8])
		require.NotContains(t, err.Error(), "'g'")
		_, _, err = keystore.ImportECDSA(bad, t.TempDir(), "pw", true)
		require.Error(t, err)
		require.NotContains(t, err.Error(), bad[:8])
		require.NotContains(t, err.Error(), "'g'")
	}
}

func TestTampered(t *testing.T) {
	sk, err := attestation.BLSKeyFromBytes(mustHex(t, eipSecret))
	require.NoError(t, err)
	blsJSON, err := keystore.EncryptBLS(sk, "pw", true)
	require.NoError(t, err)
	ecdsaKey, err := crypto.GenerateKey()
	require.NoError(t, err)
	ecdsaJSON, err := keystore.EncryptECDSA(ecdsaKey, "pw", true)
	require.NoError(t, err)
	other, err := attestation.GenerateBLSKey()
	require.NoError(t, err)
	otherPK := other.PublicKey()

	bls := func(edit func(m map[string]any)) []byte { return editJSON(t, blsJSON, edit) }
	ecd := func(edit func(m map[string]any)) []byte { return editJSON(t, ecdsaJSON, edit) }
	blsCrypto := func(m map[string]any, module string) map[string]any {
		return m["crypto"].(map[string]any)[module].(map[string]any)
	}
	ecdCrypto := func(m map[string]any) map[string]any { return m["crypto"].(map[string]any) }
	flip := func(s any) string {
		b := []byte(s.(string))
		if b[0] == '0' {
			b[0] = '1'
		} else {
			b[0] = '0'
		}
		return string(b)
	}

	tests := []struct {
		name  string
		bls   bool
		input []byte
		want  error
	}{
		{"bls checksum", true, bls(func(m map[string]any) {
			c := blsCrypto(m, "checksum")
			c["message"] = flip(c["message"])
		}), keystore.ErrWrongPassword},
		{"bls ciphertext", true, bls(func(m map[string]any) {
			c := blsCrypto(m, "cipher")
			c["message"] = flip(c["message"])
		}), keystore.ErrWrongPassword},
		{"bls pubkey", true, bls(func(m map[string]any) { m["pubkey"] = hex.EncodeToString(otherPK[:]) }), keystore.ErrInvalidKeystore},
		{"bls version", true, bls(func(m map[string]any) { m["version"] = 3 }), keystore.ErrInvalidKeystore},
		{"bls kdf", true, bls(func(m map[string]any) { blsCrypto(m, "kdf")["function"] = "argon2" }), keystore.ErrInvalidKeystore},
		{"bls huge n", true, bls(func(m map[string]any) {
			blsCrypto(m, "kdf")["params"].(map[string]any)["n"] = 1 << 30
		}), keystore.ErrInvalidKeystore},
		{"bls short iv", true, bls(func(m map[string]any) {
			blsCrypto(m, "cipher")["params"].(map[string]any)["iv"] = "00"
		}), keystore.ErrInvalidKeystore},
		{"bls no uuid", true, bls(func(m map[string]any) { delete(m, "uuid") }), keystore.ErrInvalidKeystore},
		{"bls truncated", true, blsJSON[:len(blsJSON)/2], keystore.ErrInvalidKeystore},
		{"bls empty", true, nil, keystore.ErrInvalidKeystore},
		{"ecdsa mac", false, ecd(func(m map[string]any) { ecdCrypto(m)["mac"] = flip(ecdCrypto(m)["mac"]) }), keystore.ErrWrongPassword},
		{"ecdsa address", false, ecd(func(m map[string]any) { m["address"] = "71562b71999873db5b286df957af199ec94617f7" }), keystore.ErrInvalidKeystore},
		{"ecdsa version", false, ecd(func(m map[string]any) { m["version"] = "1" }), keystore.ErrInvalidKeystore},
		{"ecdsa no salt", false, ecd(func(m map[string]any) { delete(ecdCrypto(m)["kdfparams"].(map[string]any), "salt") }), keystore.ErrInvalidKeystore},
		{"ecdsa short dklen", false, ecd(func(m map[string]any) { ecdCrypto(m)["kdfparams"].(map[string]any)["dklen"] = 16 }), keystore.ErrInvalidKeystore},
		{"ecdsa short iv", false, ecd(func(m map[string]any) { ecdCrypto(m)["cipherparams"].(map[string]any)["iv"] = "00" }), keystore.ErrInvalidKeystore},
		{"ecdsa cbc", false, ecd(func(m map[string]any) { ecdCrypto(m)["cipher"] = "aes-128-cbc" }), keystore.ErrInvalidKeystore},
		{"ecdsa not json", false, []byte("{"), keystore.ErrInvalidKeystore},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.bls {
				_, err = keystore.DecryptBLS(tt.input, "pw")
			} else {
				_, err = keystore.DecryptECDSA(tt.input, "pw")
			}
			require.ErrorIs(t, err, tt.want)
		})
	}
}

func TestReadPasswordFile(t *testing.T) {
	tests := map[string]string{
		"pw":     "pw",
		"pw\n":   "pw",
		"pw\r\n": "pw",
		"pw\n\n": "pw\n",
		" pw \n": " pw ",
		"":       "",
		"\n":     "",
		"p\nw\n": "p\nw",
		"pw\r":   "pw\r",
		"🔑pw\n":  "🔑pw",
	}
	dir := t.TempDir()
	for content, want := range tests {
		path := filepath.Join(dir, "pw")
		require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
		got, err := keystore.ReadPasswordFile(path)
		require.NoError(t, err)
		require.Equal(t, want, got, "%q", content)
	}
	_, err := keystore.ReadPasswordFile(filepath.Join(dir, "missing"))
	require.Error(t, err)
}

func requireModes(t *testing.T, dir, path string) {
	t.Helper()
	st, err := os.Stat(dir)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o700), st.Mode().Perm())
	st, err = os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	require.Equal(t, dir, filepath.Dir(path))
}

func editJSON(t *testing.T, in []byte, edit func(map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(in, &m))
	edit(m)
	out, err := json.Marshal(m)
	require.NoError(t, err)
	return out
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

func mustHex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	require.NoError(t, err)
	return b
}
