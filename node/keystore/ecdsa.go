package keystore

import (
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	gethkeystore "github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"
)

// v3JSON is the layout of a go-ethereum keystore v3 file. LoadECDSA
// validates it and hands go-ethereum a re-encoding of exactly what it
// checked, because go-ethereum's decoder panics on some malformed input.
type v3JSON struct {
	Address string `json:"address"`
	Crypto  struct {
		Cipher       string       `json:"cipher"`
		CipherText   string       `json:"ciphertext"`
		CipherParams cipherParams `json:"cipherparams"`
		KDF          string       `json:"kdf"`
		KDFParams    kdfParams    `json:"kdfparams"`
		MAC          string       `json:"mac"`
	} `json:"crypto"`
	ID      string `json:"id"`
	Version int    `json:"version"`
}

// decodeECDSA validates a keystore v3 file and returns its canonical
// re-encoding and the decoded fields.
func decodeECDSA(data []byte) (canonical []byte, f v3JSON, err error) {
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, f, fmt.Errorf("%w: decode keystore v3 JSON: %v", ErrInvalidKeystore, err)
	}
	if f.Version != 3 {
		return nil, f, fmt.Errorf("%w: keystore version %d, want 3", ErrInvalidKeystore, f.Version)
	}
	if _, err := uuid.Parse(f.ID); err != nil {
		return nil, f, fmt.Errorf("%w: id: %v", ErrInvalidKeystore, err)
	}
	c := f.Crypto
	if c.Cipher != cipherAES128CTR {
		return nil, f, fmt.Errorf("%w: unsupported cipher %q", ErrInvalidKeystore, c.Cipher)
	}
	if _, err := decodeHex("cipherparams iv", c.CipherParams.IV, 16); err != nil {
		return nil, f, err
	}
	if _, err := decodeHex("ciphertext", c.CipherText, 32); err != nil {
		return nil, f, err
	}
	if _, err := decodeHex("mac", c.MAC, 32); err != nil {
		return nil, f, err
	}
	if err := c.KDFParams.check(c.KDF); err != nil {
		return nil, f, err
	}
	if f.Address != "" {
		if _, err := decodeHex("address", f.Address, common.AddressLength); err != nil {
			return nil, f, err
		}
	}
	canonical, err = json.Marshal(f)
	if err != nil {
		return nil, f, fmt.Errorf("encode keystore v3 JSON: %w", err)
	}
	return canonical, f, nil
}

// EncryptECDSA returns a go-ethereum keystore v3 file holding key.
func EncryptECDSA(key *ecdsa.PrivateKey, password string, light bool) ([]byte, error) {
	id, err := uuid.NewRandom()
	if err != nil {
		return nil, fmt.Errorf("generate uuid: %w", err)
	}
	n, p := gethkeystore.StandardScryptN, gethkeystore.StandardScryptP
	if light {
		n, p = gethkeystore.LightScryptN, gethkeystore.LightScryptP
	}
	k := &gethkeystore.Key{Id: id, Address: crypto.PubkeyToAddress(key.PublicKey), PrivateKey: key}
	data, err := gethkeystore.EncryptKey(k, password, n, p)
	if err != nil {
		return nil, fmt.Errorf("encrypt ECDSA key: %w", err)
	}
	return data, nil
}

// DecryptECDSA opens a go-ethereum keystore v3 file (scrypt or pbkdf2,
// aes-128-ctr). It returns ErrWrongPassword when the MAC does not match and
// ErrInvalidKeystore for malformed files or a recorded address that is not
// the key's.
func DecryptECDSA(data []byte, password string) (*ecdsa.PrivateKey, error) {
	canonical, f, err := decodeECDSA(data)
	if err != nil {
		return nil, err
	}
	k, err := gethkeystore.DecryptKey(canonical, password)
	if errors.Is(err, gethkeystore.ErrDecrypt) {
		return nil, ErrWrongPassword
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidKeystore, err)
	}
	if f.Address != "" && common.HexToAddress(f.Address) != k.Address {
		return nil, fmt.Errorf("%w: address %s does not match the key's %s", ErrInvalidKeystore, f.Address, k.Address.Hex())
	}
	return k.PrivateKey, nil
}

// GenerateECDSA creates a fresh controller key and stores it in a new
// keystore v3 file in dir.
func GenerateECDSA(dir, password string, light bool) (string, common.Address, error) {
	key, err := crypto.GenerateKey()
	if err != nil {
		return "", common.Address{}, fmt.Errorf("generate ECDSA key: %w", err)
	}
	return storeECDSA(key, dir, password, light)
}

// ImportECDSA stores the secp256k1 private key given as 32 bytes of hex (0x
// optional) in a new keystore v3 file in dir.
func ImportECDSA(hexKey, dir, password string, light bool) (string, common.Address, error) {
	b, err := hex.DecodeString(trim0x(hexKey))
	if err != nil {
		// The error does not quote the input: it is a secret.
		return "", common.Address{}, errors.New("decode ECDSA key: not hex")
	}
	key, err := crypto.ToECDSA(b)
	if err != nil {
		return "", common.Address{}, fmt.Errorf("import ECDSA key: %w", err)
	}
	return storeECDSA(key, dir, password, light)
}

func storeECDSA(key *ecdsa.PrivateKey, dir, password string, light bool) (string, common.Address, error) {
	data, err := EncryptECDSA(key, password, light)
	if err != nil {
		return "", common.Address{}, err
	}
	addr := crypto.PubkeyToAddress(key.PublicKey)
	path, err := writeNew(dir, "ecdsa-"+addr.Hex()+".json", data)
	if err != nil {
		return "", common.Address{}, err
	}
	return path, addr, nil
}

// LoadECDSA reads and decrypts the keystore v3 file at path.
func LoadECDSA(path, password string) (*ecdsa.PrivateKey, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	key, err := DecryptECDSA(data, password)
	if err != nil {
		return nil, fmt.Errorf("open ECDSA keystore %s: %w", path, err)
	}
	return key, nil
}

// ReadECDSAAddress returns the address recorded in the keystore v3 file at
// path, without decrypting it. It fails when the file records none.
func ReadECDSAAddress(path string) (common.Address, error) {
	data, err := readFile(path)
	if err != nil {
		return common.Address{}, err
	}
	_, f, err := decodeECDSA(data)
	if err != nil {
		return common.Address{}, fmt.Errorf("read ECDSA keystore %s: %w", path, err)
	}
	if f.Address == "" {
		return common.Address{}, fmt.Errorf("read ECDSA keystore %s: %w: no address recorded", path, ErrInvalidKeystore)
	}
	return common.HexToAddress(f.Address), nil
}
