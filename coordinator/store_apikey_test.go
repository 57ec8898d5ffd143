package coordinator_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/coordinator"
)

// testAPIKeys is the API-key part of the Store conformance suite.
func testAPIKeys(t *testing.T, s coordinator.Store) {
	ctx := context.Background()
	_, err := s.APIKey(ctx, "missing")
	require.ErrorIs(t, err, coordinator.ErrNotFound)
	_, err = s.APIKeyByID(ctx, "key_missing")
	require.ErrorIs(t, err, coordinator.ErrNotFound)
	keys, err := s.ListAPIKeys(ctx, "")
	require.NoError(t, err)
	require.Empty(t, keys)

	alice := "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
	k := coordinator.APIKey{ID: "key_a1", Key: "secret-key-a1", Owner: alice, Scope: coordinator.ScopeUser,
		Prefix: "secret-k", RateLimit: 30, CreatedAt: t0}
	require.NoError(t, s.PutAPIKey(ctx, k))
	got, err := s.APIKey(ctx, "secret-key-a1")
	require.NoError(t, err)
	want := k
	want.Hash = coordinator.HashAPIKey("secret-key-a1")
	require.Equal(t, want, got, "looked up by its secret, a key carries it")
	got, err = s.APIKeyByID(ctx, "key_a1")
	require.NoError(t, err)
	want.Key = ""
	require.Equal(t, want, got, "by id, no secret")
	require.NotContains(t, got.Hash, "secret")

	require.NoError(t, s.PutAPIKey(ctx, coordinator.APIKey{ID: "key_b1", Key: "secret-key-b1", Owner: "ops",
		Scope: coordinator.ScopeAdmin, Prefix: "secret-k", CreatedAt: t0}))
	require.NoError(t, s.PutAPIKey(ctx, coordinator.APIKey{ID: "key_a2", Key: "secret-key-a2", Owner: alice,
		Scope: coordinator.ScopeUser, Prefix: "secret-k", CreatedAt: t0}))
	keys, err = s.ListAPIKeys(ctx, "")
	require.NoError(t, err)
	require.Equal(t, []string{"key_a1", "key_a2", "key_b1"}, keyIDs(keys))
	keys, err = s.ListAPIKeys(ctx, alice)
	require.NoError(t, err)
	require.Equal(t, []string{"key_a1", "key_a2"}, keyIDs(keys))
	for _, k := range keys {
		require.Empty(t, k.Key)
		require.NotEmpty(t, k.Hash)
	}

	// Rotation: a new secret under the same id; the old one stops working.
	rot := got
	rot.Key, rot.Prefix = "rotated-secret-a1", "rotated-"
	require.NoError(t, s.PutAPIKey(ctx, rot))
	_, err = s.APIKey(ctx, "secret-key-a1")
	require.ErrorIs(t, err, coordinator.ErrNotFound)
	got, err = s.APIKey(ctx, "rotated-secret-a1")
	require.NoError(t, err)
	require.Equal(t, "key_a1", got.ID)
	require.Equal(t, "rotated-", got.Prefix)
	require.Equal(t, coordinator.HashAPIKey("rotated-secret-a1"), got.Hash)

	// Revocation: a PutAPIKey without the secret keeps the hash.
	got.Key = ""
	got.RevokedAt = t0.Add(time.Hour)
	require.NoError(t, s.PutAPIKey(ctx, got))
	got, err = s.APIKey(ctx, "rotated-secret-a1")
	require.NoError(t, err)
	require.False(t, got.Active())
	require.Equal(t, t0.Add(time.Hour), got.RevokedAt)

	// A secret belongs to one id only; a key needs an id and a secret or hash.
	require.ErrorIs(t, s.PutAPIKey(ctx, coordinator.APIKey{ID: "key_c1", Key: "secret-key-b1", Owner: "x"}), coordinator.ErrExists)
	require.Error(t, s.PutAPIKey(ctx, coordinator.APIKey{Key: "no-id-secret", Owner: "x"}))
	require.Error(t, s.PutAPIKey(ctx, coordinator.APIKey{ID: "key_d1", Owner: "x"}))
	_, err = s.APIKeyByID(ctx, "key_c1")
	require.ErrorIs(t, err, coordinator.ErrNotFound)
}

func keyIDs(keys []coordinator.APIKey) []string {
	ids := make([]string, len(keys))
	for i, k := range keys {
		ids[i] = k.ID
	}
	return ids
}
