package p2p

import (
	"crypto/ecdsa"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common"
	ethcrypto "github.com/ethereum/go-ethereum/crypto"
	"github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/peer"
)

// KeyType names the kind of a node's libp2p identity key.
type KeyType string

// Identity key types.
const (
	KeyEd25519   KeyType = "ed25519"
	KeySecp256k1 KeyType = "secp256k1"
)

// GenerateIdentity returns a fresh libp2p identity key of type t.
func GenerateIdentity(t KeyType) (crypto.PrivKey, error) {
	var typ int
	switch t {
	case KeyEd25519:
		typ = crypto.Ed25519
	case KeySecp256k1:
		typ = crypto.Secp256k1
	default:
		return nil, fmt.Errorf("generate identity: unknown key type %q", t)
	}
	k, _, err := crypto.GenerateKeyPairWithReader(typ, -1, rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("generate %s identity: %w", t, err)
	}
	return k, nil
}

// LoadIdentity reads a key file written by LoadOrCreateIdentity or
// SaveIdentity: the key in libp2p's protobuf encoding
// (crypto.MarshalPrivateKey).
func LoadIdentity(path string) (crypto.PrivKey, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read identity: %w", err)
	}
	k, err := crypto.UnmarshalPrivateKey(b)
	if err != nil {
		return nil, fmt.Errorf("parse identity %s: %w", path, err)
	}
	return k, nil
}

// SaveIdentity writes k to path, readable by the owner only. It replaces the
// file atomically.
func SaveIdentity(path string, k crypto.PrivKey) error {
	b, err := crypto.MarshalPrivateKey(k)
	if err != nil {
		return fmt.Errorf("encode identity: %w", err)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create identity directory: %w", err)
	}
	f, err := os.CreateTemp(dir, ".identity-*")
	if err != nil {
		return fmt.Errorf("create identity file: %w", err)
	}
	tmp := f.Name()
	defer os.Remove(tmp) // no-op after a successful rename
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return fmt.Errorf("restrict identity file: %w", err)
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return fmt.Errorf("write identity file: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("sync identity file: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close identity file: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("install identity file: %w", err)
	}
	return nil
}

// LoadOrCreateIdentity loads the key at path, or generates a key of type t
// and saves it there if the file does not exist. An existing key is returned
// whatever its type.
func LoadOrCreateIdentity(path string, t KeyType) (crypto.PrivKey, error) {
	k, err := LoadIdentity(path)
	if err == nil {
		return k, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	k, err = GenerateIdentity(t)
	if err != nil {
		return nil, err
	}
	if err := SaveIdentity(path, k); err != nil {
		return nil, err
	}
	return k, nil
}

// IdentityFromECDSA returns the libp2p secp256k1 key with the same scalar as
// the Ethereum key k, so that the node's peer id is bound to its Ethereum
// address (see AddressOf).
func IdentityFromECDSA(k *ecdsa.PrivateKey) (crypto.PrivKey, error) {
	if k == nil || k.D == nil {
		return nil, errors.New("identity from ecdsa key: no key")
	}
	want := ethcrypto.S256().Params()
	if k.Curve == nil || k.Params().P.Cmp(want.P) != 0 || k.Params().N.Cmp(want.N) != 0 {
		return nil, errors.New("identity from ecdsa key: not a secp256k1 key")
	}
	if k.D.Sign() <= 0 || k.D.Cmp(want.N) >= 0 {
		return nil, errors.New("identity from ecdsa key: scalar out of range")
	}
	pk, err := crypto.UnmarshalSecp256k1PrivateKey(ethcrypto.FromECDSA(k))
	if err != nil {
		return nil, fmt.Errorf("identity from ecdsa key: %w", err)
	}
	return pk, nil
}

// AddressOf returns the Ethereum address of the secp256k1 key embedded in a
// peer id, such as one derived from IdentityFromECDSA. It fails for peer ids
// of other key types (ed25519 ids carry a key, but not an Ethereum one) and
// for ids that embed no key.
func AddressOf(id peer.ID) (common.Address, error) {
	pub, err := id.ExtractPublicKey()
	if err != nil {
		return common.Address{}, fmt.Errorf("extract public key from peer id %s: %w", id, err)
	}
	if _, ok := pub.(*crypto.Secp256k1PublicKey); !ok {
		return common.Address{}, fmt.Errorf("address of peer id %s: key type %s, not secp256k1", id, pub.Type())
	}
	raw, err := pub.Raw() // compressed point
	if err != nil {
		return common.Address{}, fmt.Errorf("address of peer id %s: %w", id, err)
	}
	ek, err := ethcrypto.DecompressPubkey(raw)
	if err != nil {
		return common.Address{}, fmt.Errorf("address of peer id %s: decompress key: %w", id, err)
	}
	return ethcrypto.PubkeyToAddress(*ek), nil
}
