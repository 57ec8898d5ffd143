package p2p_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"os"
	"path/filepath"
	"testing"

	ethcrypto "github.com/ethereum/go-ethereum/crypto"
	cryptopb "github.com/libp2p/go-libp2p/core/crypto/pb"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/p2p"
)

func TestLoadOrCreateIdentity(t *testing.T) {
	tests := []struct {
		typ  p2p.KeyType
		want cryptopb.KeyType
	}{
		{p2p.KeyEd25519, cryptopb.KeyType_Ed25519},
		{p2p.KeySecp256k1, cryptopb.KeyType_Secp256k1},
	}
	for _, tt := range tests {
		t.Run(string(tt.typ), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "keys", "p2p.key")
			k, err := p2p.LoadOrCreateIdentity(path, tt.typ)
			require.NoError(t, err)
			require.Equal(t, tt.want, k.Type())
			fi, err := os.Stat(path)
			require.NoError(t, err)
			require.Equal(t, os.FileMode(0o600), fi.Mode().Perm())

			again, err := p2p.LoadOrCreateIdentity(path, p2p.KeyEd25519) // type of an existing key wins
			require.NoError(t, err)
			require.True(t, k.Equals(again))
		})
	}
}

func TestIdentityErrors(t *testing.T) {
	_, err := p2p.GenerateIdentity("rsa")
	require.ErrorContains(t, err, `unknown key type "rsa"`)

	path := filepath.Join(t.TempDir(), "bad.key")
	require.NoError(t, os.WriteFile(path, []byte("not a key"), 0o600))
	_, err = p2p.LoadOrCreateIdentity(path, p2p.KeyEd25519)
	require.ErrorContains(t, err, "parse identity")

	_, err = p2p.LoadIdentity(filepath.Join(t.TempDir(), "missing.key"))
	require.ErrorIs(t, err, os.ErrNotExist)
}

func TestIdentityFromECDSA(t *testing.T) {
	ek, err := ethcrypto.GenerateKey()
	require.NoError(t, err)
	k, err := p2p.IdentityFromECDSA(ek)
	require.NoError(t, err)
	require.Equal(t, cryptopb.KeyType_Secp256k1, k.Type())
	id, err := peer.IDFromPrivateKey(k)
	require.NoError(t, err)
	addr, err := p2p.AddressOf(id)
	require.NoError(t, err)
	require.Equal(t, ethcrypto.PubkeyToAddress(ek.PublicKey), addr)

	again, err := p2p.IdentityFromECDSA(ek)
	require.NoError(t, err)
	require.True(t, k.Equals(again), "deterministic")

	// The peer id survives its text form, as in a bootstrap address.
	parsed, err := peer.Decode(id.String())
	require.NoError(t, err)
	addr, err = p2p.AddressOf(parsed)
	require.NoError(t, err)
	require.Equal(t, ethcrypto.PubkeyToAddress(ek.PublicKey), addr)
}

func TestAddressOfErrors(t *testing.T) {
	ed, err := p2p.GenerateIdentity(p2p.KeyEd25519)
	require.NoError(t, err)
	id, err := peer.IDFromPrivateKey(ed)
	require.NoError(t, err)
	_, err = p2p.AddressOf(id)
	require.ErrorContains(t, err, "not secp256k1")

	_, err = p2p.AddressOf(peer.ID("no key here"))
	require.ErrorContains(t, err, "extract public key")

	_, err = p2p.IdentityFromECDSA(nil)
	require.Error(t, err)
	p256, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	_, err = p2p.IdentityFromECDSA(p256)
	require.ErrorContains(t, err, "not a secp256k1 key")
}
