package node

import (
	"context"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/coordinator"
)

// The coordinator's keeper routes read the real registry: four keepers of
// 1 ETH each have 25% of the voting power; one that deregisters is
// exiting and the other three share it.
func TestKeeperSourceRegistry(t *testing.T) {
	f := newChecksFixture(t)
	ctx := context.Background()
	store, err := coordinator.OpenBadgerStore("", zaptest.NewLogger(t))
	require.NoError(t, err)
	t.Cleanup(func() { _ = store.Close() })
	const key = "keepers-test-key-0123456789"
	require.NoError(t, coordinator.SeedAPIKey(ctx, store, key, "ops"))
	get := func(ttl time.Duration) []coordinator.KeeperView {
		t.Helper()
		api := coordinator.NewAPI(store, coordinator.APIConfig{Keepers: newKeeperSource(f.c.KeeperRegistry, ttl), Logger: zaptest.NewLogger(t)})
		r := httptest.NewRequest(http.MethodGet, "/api/v1/keepers", nil)
		r.Header.Set("X-Api-Key", key)
		w := httptest.NewRecorder()
		api.ServeHTTP(w, r)
		require.Equal(t, http.StatusOK, w.Code, w.Body.String())
		var out []coordinator.KeeperView
		require.NoError(t, json.Unmarshal(w.Body.Bytes(), &out))
		return out
	}

	ks := get(keeperInfoTTL)
	require.Len(t, ks, 4)
	for i, k := range ks {
		require.Equal(t, uint64(i+1), k.ID)
		require.Equal(t, crypto.PubkeyToAddress(f.keepers[i].PublicKey), k.Address)
		require.Equal(t, coordinator.KeeperActive, k.Status)
		require.Equal(t, big.NewInt(1e18).String(), k.Stake)
		require.InDelta(t, 25.0, k.VotingPower, 1e-9)
		want, err := f.set[i].PublicKey.EIP2537()
		require.NoError(t, err)
		require.Equal(t, hexutil.Encode(want), k.BLSPublicKey)
	}

	mine := f.miner(t)
	mine(f.c.KeeperRegistry.Deregister(f.auth(t, f.keepers[3])))
	ks = get(keeperInfoTTL)
	require.Equal(t, coordinator.KeeperExiting, ks[3].Status)
	require.False(t, ks[3].Active)
	require.False(t, ks[3].WithdrawableAt.IsZero())
	require.Zero(t, ks[3].VotingPower)
	for _, k := range ks[:3] {
		require.InDelta(t, 100.0/3, k.VotingPower, 1e-9)
	}
}
