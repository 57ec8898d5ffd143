package keystore

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"golang.org/x/text/unicode/norm"

	"github.com/triggerx-network/triggerx/attestation"
)

// EIP-2335 (BLS12-381 keystore) constants.
const (
	eip2335Version  = 4
	checksumSHA256  = "sha256"
	cipherAES128CTR = "aes-128-ctr"
	blsDescription  = "TriggerX keeper BLS key"
)

// Standard and light KDF parameters for new BLS keystores.
var (
	blsStandardKDF = kdfParams{DKLen: 32, N: 1 << 18, R: 8, P: 1}
	blsLightKDF    = kdfParams{DKLen: 32, N: 1 << 12, R: 8, P: 1}
)

// eip2335 is the JSON layout of an EIP-2335 keystore.
type eip2335 struct {
	Crypto struct {
		KDF      eip2335Module `json:"kdf"`
		Checksum eip2335Module `json:"checksum"`
		Cipher   eip2335Module `json:"cipher"`
	} `json:"crypto"`
	Description string `json:"description,omitempty"`
	Pubkey      string `json:"pubkey"`
	Path        string `json:"path"`
	UUID        string `json:"uuid"`
	Version     int    `json:"version"`
}

type eip2335Module struct {
	Function string          `json:"function"`
	Params   json.RawMessage `json:"params"`
	Message  string          `json:"message"`
}

type cipherParams struct {
	IV string `json:"iv"`
}

// blsKeystore is a decoded, validated EIP-2335 keystore, ready to decrypt.
type blsKeystore struct {
	kdf        string
	kdfParams  kdfParams
	checksum   []byte
	iv         []byte
	ciphertext []byte
	pubkey     *attestation.BLSPublicKey // nil when the file has none
}

// decodeBLS parses and validates an EIP-2335 keystore without deriving the
// key.
func decodeBLS(data []byte) (*blsKeystore, error) {
	var f eip2335
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%w: decode EIP-2335 JSON: %v", ErrInvalidKeystore, err)
	}
	if f.Version != eip2335Version {
		return nil, fmt.Errorf("%w: EIP-2335 version %d, want %d", ErrInvalidKeystore, f.Version, eip2335Version)
	}
	if _, err := uuid.Parse(f.UUID); err != nil {
		return nil, fmt.Errorf("%w: uuid: %v", ErrInvalidKeystore, err)
	}
	c := f.Crypto
	ks := &blsKeystore{kdf: c.KDF.Function}
	if err := json.Unmarshal(c.KDF.Params, &ks.kdfParams); err != nil {
		return nil, fmt.Errorf("%w: kdf params: %v", ErrInvalidKeystore, err)
	}
	if err := ks.kdfParams.check(ks.kdf); err != nil {
		return nil, err
	}
	if c.Checksum.Function != checksumSHA256 {
		return nil, fmt.Errorf("%w: unsupported checksum %q", ErrInvalidKeystore, c.Checksum.Function)
	}
	var err error
	if ks.checksum, err = decodeHex("checksum message", c.Checksum.Message, sha256.Size); err != nil {
		return nil, err
	}
	if c.Cipher.Function != cipherAES128CTR {
		return nil, fmt.Errorf("%w: unsupported cipher %q", ErrInvalidKeystore, c.Cipher.Function)
	}
	var cp cipherParams
	if err := json.Unmarshal(c.Cipher.Params, &cp); err != nil {
		return nil, fmt.Errorf("%w: cipher params: %v", ErrInvalidKeystore, err)
	}
	if ks.iv, err = decodeHex("cipher iv", cp.IV, aes.BlockSize); err != nil {
		return nil, err
	}
	if ks.ciphertext, err = decodeHex("cipher message", c.Cipher.Message, attestation.BLSSecretKeyLen); err != nil {
		return nil, err
	}
	if f.Pubkey != "" {
		b, err := decodeHex("pubkey", f.Pubkey, attestation.BLSPublicKeyLen)
		if err != nil {
			return nil, err
		}
		pk := attestation.BLSPublicKey(b)
		ks.pubkey = &pk
	}
	return ks, nil
}

// decrypt derives the key from password, checks the checksum and returns
// the secret key.
func (ks *blsKeystore) decrypt(password string) (*attestation.BLSSecretKey, error) {
	dk, err := ks.kdfParams.derive(ks.kdf, normalizePassword(password))
	if err != nil {
		return nil, err
	}
	if subtle.ConstantTimeCompare(blsChecksum(dk, ks.ciphertext), ks.checksum) != 1 {
		return nil, ErrWrongPassword
	}
	secret, err := aesCTR(dk[:16], ks.iv, ks.ciphertext)
	if err != nil {
		return nil, err
	}
	sk, err := attestation.BLSKeyFromBytes(secret)
	if err != nil {
		return nil, fmt.Errorf("%w: secret: %v", ErrInvalidKeystore, err)
	}
	if ks.pubkey != nil && sk.PublicKey() != *ks.pubkey {
		return nil, fmt.Errorf("%w: pubkey does not match the secret key", ErrInvalidKeystore)
	}
	return sk, nil
}

// blsChecksum is EIP-2335's sha256(DK[16:32] ‖ ciphertext).
func blsChecksum(dk, ciphertext []byte) []byte {
	h := sha256.New()
	h.Write(dk[16:32])
	h.Write(ciphertext)
	return h.Sum(nil)
}

func aesCTR(key, iv, in []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("aes-128-ctr: %w", err)
	}
	out := make([]byte, len(in))
	cipher.NewCTR(block, iv).XORKeyStream(out, in)
	return out, nil
}

// normalizePassword applies EIP-2335's password processing: NFKD
// normalisation, then removal of the C0, C1 and Delete control codes.
func normalizePassword(password string) []byte {
	out := make([]rune, 0, len(password))
	for _, r := range norm.NFKD.String(password) {
		if r <= 0x1f || (r >= 0x7f && r <= 0x9f) {
			continue
		}
		out = append(out, r)
	}
	return []byte(string(out))
}

// encryptBLS builds an EIP-2335 keystore for sk with the given KDF
// parameters (a zero salt field means a fresh random salt) and IV (nil means
// random).
func encryptBLS(sk *attestation.BLSSecretKey, password, kdf string, p kdfParams, iv []byte) ([]byte, error) {
	if p.Salt == "" {
		salt := make([]byte, 32)
		if _, err := rand.Read(salt); err != nil {
			return nil, fmt.Errorf("read randomness: %w", err)
		}
		p.Salt = hex.EncodeToString(salt)
	}
	if iv == nil {
		iv = make([]byte, aes.BlockSize)
		if _, err := rand.Read(iv); err != nil {
			return nil, fmt.Errorf("read randomness: %w", err)
		}
	}
	if err := p.check(kdf); err != nil {
		return nil, err
	}
	dk, err := p.derive(kdf, normalizePassword(password))
	if err != nil {
		return nil, err
	}
	ciphertext, err := aesCTR(dk[:16], iv, sk.Bytes())
	if err != nil {
		return nil, err
	}
	id, err := uuid.NewRandom()
	if err != nil {
		return nil, fmt.Errorf("generate uuid: %w", err)
	}
	pk := sk.PublicKey()
	var f eip2335
	f.Crypto.KDF = eip2335Module{Function: kdf, Params: mustJSON(p)}
	f.Crypto.Checksum = eip2335Module{Function: checksumSHA256, Params: json.RawMessage("{}"),
		Message: hex.EncodeToString(blsChecksum(dk, ciphertext))}
	f.Crypto.Cipher = eip2335Module{Function: cipherAES128CTR, Params: mustJSON(cipherParams{IV: hex.EncodeToString(iv)}),
		Message: hex.EncodeToString(ciphertext)}
	f.Description = blsDescription
	f.Pubkey = hex.EncodeToString(pk[:])
	f.Path = ""
	f.UUID = id.String()
	f.Version = eip2335Version
	out, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode EIP-2335 JSON: %w", err)
	}
	return out, nil
}

// mustJSON encodes a value whose encoding cannot fail (plain structs of
// strings and ints).
func mustJSON(v any) json.RawMessage {
	b, _ := json.Marshal(v)
	return b
}

// EncryptBLS returns an EIP-2335 keystore (scrypt, aes-128-ctr) holding sk.
func EncryptBLS(sk *attestation.BLSSecretKey, password string, light bool) ([]byte, error) {
	p := blsStandardKDF
	if light {
		p = blsLightKDF
	}
	return encryptBLS(sk, password, kdfScrypt, p, nil)
}

// DecryptBLS opens an EIP-2335 keystore (scrypt or pbkdf2) and returns the
// BLS secret key. It returns ErrWrongPassword when the checksum does not
// match and ErrInvalidKeystore for malformed files.
func DecryptBLS(data []byte, password string) (*attestation.BLSSecretKey, error) {
	ks, err := decodeBLS(data)
	if err != nil {
		return nil, err
	}
	return ks.decrypt(password)
}

// GenerateBLS creates a fresh BLS key and stores it in a new EIP-2335
// keystore in dir.
func GenerateBLS(dir, password string, light bool) (string, attestation.BLSPublicKey, error) {
	sk, err := attestation.GenerateBLSKey()
	if err != nil {
		return "", attestation.BLSPublicKey{}, fmt.Errorf("generate BLS key: %w", err)
	}
	return storeBLS(sk, dir, password, light)
}

// ImportBLS stores the BLS secret key given as 32 bytes of hex (0x
// optional) in a new EIP-2335 keystore in dir.
func ImportBLS(hexKey, dir, password string, light bool) (string, attestation.BLSPublicKey, error) {
	b, err := hex.DecodeString(trim0x(hexKey))
	if err != nil {
		// The error does not quote the input: it is a secret.
		return "", attestation.BLSPublicKey{}, errors.New("decode BLS key: not hex")
	}
	sk, err := attestation.BLSKeyFromBytes(b)
	if err != nil {
		return "", attestation.BLSPublicKey{}, fmt.Errorf("import BLS key: %w", err)
	}
	return storeBLS(sk, dir, password, light)
}

func storeBLS(sk *attestation.BLSSecretKey, dir, password string, light bool) (string, attestation.BLSPublicKey, error) {
	data, err := EncryptBLS(sk, password, light)
	if err != nil {
		return "", attestation.BLSPublicKey{}, fmt.Errorf("encrypt BLS key: %w", err)
	}
	pk := sk.PublicKey()
	path, err := writeNew(dir, "bls-"+hex.EncodeToString(pk[:8])+".json", data)
	if err != nil {
		return "", attestation.BLSPublicKey{}, err
	}
	return path, pk, nil
}

// LoadBLS reads and decrypts the EIP-2335 keystore at path.
func LoadBLS(path, password string) (*attestation.BLSSecretKey, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	sk, err := DecryptBLS(data, password)
	if err != nil {
		return nil, fmt.Errorf("open BLS keystore %s: %w", path, err)
	}
	return sk, nil
}

// ReadBLSPublicKey returns the public key recorded in the EIP-2335 keystore
// at path, without decrypting it. It fails when the file records none.
func ReadBLSPublicKey(path string) (attestation.BLSPublicKey, error) {
	data, err := readFile(path)
	if err != nil {
		return attestation.BLSPublicKey{}, err
	}
	ks, err := decodeBLS(data)
	if err != nil {
		return attestation.BLSPublicKey{}, fmt.Errorf("read BLS keystore %s: %w", path, err)
	}
	if ks.pubkey == nil {
		return attestation.BLSPublicKey{}, fmt.Errorf("read BLS keystore %s: %w: no pubkey recorded", path, ErrInvalidKeystore)
	}
	return attestation.BLSPublicKeyFromBytes(ks.pubkey[:])
}

func trim0x(s string) string {
	if len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		return s[2:]
	}
	return s
}
