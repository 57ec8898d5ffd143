package p2p_test

import (
	"os"
	"path/filepath"
	"testing"

	cryptopb "github.com/libp2p/go-libp2p/core/crypto/pb"
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
