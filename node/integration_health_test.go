package node_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/coordinator"
	"github.com/triggerx-network/triggerx/node"
)

// The whole health story on one network: keepers gossip heartbeats and
// the coordinator shows them online; a stopped keeper goes offline, its
// operator is alerted through the webhook, and tasks go to the next keeper
// of the order instead of it; back, it is announced online again. Points
// are credited to the user, performers and attesters as tasks finalize.
func TestKeeperHealthEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a whole network")
	}
	var (
		mu     sync.Mutex
		alerts []map[string]any
	)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var m map[string]any
		if json.Unmarshal(b, &m) == nil {
			mu.Lock()
			alerts = append(alerts, m)
			mu.Unlock()
		}
	}))
	t.Cleanup(hook.Close)
	alertsFor := func(kind, keeper string) int {
		mu.Lock()
		defer mu.Unlock()
		n := 0
		for _, a := range alerts {
			if a["type"] == kind && strings.EqualFold(a["keeper"].(string), keeper) {
				n++
			}
		}
		return n
	}

	// Six keepers of equal stake: with one offline, the performer and four
	// attesters remain, and four of six is the 2/3 quorum.
	n := startNetworkFull(t, 6,
		func(c *node.KeeperConfig) { c.HeartbeatInterval = 300 * time.Millisecond },
		func(c *node.CoordinatorConfig) {
			c.Health = node.HealthConfig{OfflineAfter: 2 * time.Second, AlertAfter: 3 * time.Second, WebhookURL: hook.URL}
		})
	keepers := func() map[common.Address]coordinator.KeeperView {
		code, body := n.api(http.MethodGet, "/api/v1/keepers", nil)
		require.Equal(t, http.StatusOK, code, string(body))
		var ks []coordinator.KeeperView
		require.NoError(t, json.Unmarshal(body, &ks))
		out := map[common.Address]coordinator.KeeperView{}
		for _, k := range ks {
			out[k.Address] = k
		}
		return out
	}
	heard := func(k coordinator.KeeperView) bool {
		return k.Online != nil && *k.Online && !k.LastHeartbeat.IsZero()
	}
	require.Eventually(t, func() bool {
		ks := keepers()
		for _, k := range ks {
			if !heard(k) {
				return false
			}
		}
		return len(ks) == 6
	}, time.Minute, 200*time.Millisecond, "every keeper's heartbeats reach the coordinator")

	// Keeper 0 stops: offline after 2s, alerted after 3s more.
	down := crypto.PubkeyToAddress(n.keepers[0].cfg.ControllerKey.PublicKey)
	n.keepers[0].stop()
	<-n.keepers[0].done
	require.Eventually(t, func() bool {
		k := keepers()[down]
		return k.Online != nil && !*k.Online
	}, 30*time.Second, 200*time.Millisecond, "a silent keeper goes offline")
	require.Eventually(t, func() bool { return alertsFor(coordinator.AlertOffline, down.Hex()) == 1 },
		30*time.Second, 200*time.Millisecond, "its operator is alerted")

	// Tasks go to the online keepers only, and finalize.
	jobID := n.createJob("2", 1)
	done := n.waitCompleted(jobID, 4)
	for _, tk := range done {
		require.NotEqual(t, strings.ToLower(down.Hex()), strings.ToLower(tk.Performer), "an offline keeper is skipped")
	}
	n.checkFinalized(done)

	// Points: the user for the job and each completed task, the
	// performers and attesters for theirs. The job is paused first, and the
	// accounts read once the tasks in flight are credited.
	code, body := n.api(http.MethodPost, "/api/v1/jobs/"+jobID+"/pause", nil)
	require.Equal(t, http.StatusOK, code, string(body))
	require.Eventually(t, func() bool {
		code, body := n.api(http.MethodGet, "/api/v1/users/"+n.user.From.Hex(), nil)
		require.Equal(t, http.StatusOK, code, string(body))
		var user coordinator.UserView
		require.NoError(t, json.Unmarshal(body, &user))
		var performed, attested uint64
		for addr, k := range keepers() {
			performed += k.TasksPerformed
			attested += k.TasksAttested
			if addr == down {
				require.Zero(t, k.TasksPerformed)
			}
			require.Equal(t, int64(k.TasksPerformed)*6+int64(k.TasksAttested)*3-int64(k.TasksRejected), k.Points, addr.Hex())
		}
		require.Equal(t, int64(10)+int64(user.TasksCompleted)*coordinator.TaskPoints(1), user.Points)
		if user.TasksCompleted < uint64(len(done)) || user.TasksCompleted != performed {
			return false // a task is being credited
		}
		require.GreaterOrEqual(t, attested, 4*performed, "each certificate has a quorum of signers")
		return true
	}, time.Minute, 500*time.Millisecond, "points credited for every finalized task")

	// Back: online again, announced once.
	n.startKeeper(n.runCtx, 0)
	require.Eventually(t, func() bool { return heard(keepers()[down]) && alertsFor(coordinator.AlertOnline, down.Hex()) == 1 },
		30*time.Second, 200*time.Millisecond, "the keeper is back online and announced")
	require.Equal(t, 1, alertsFor(coordinator.AlertOffline, down.Hex()), "one alert per outage")
}
