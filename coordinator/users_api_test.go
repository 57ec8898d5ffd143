package coordinator_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/coordinator"
)

// Registering a job credits its owner; the user routes show the account to
// its owner and to admins only.
func TestUserPoints(t *testing.T) {
	a := jobsAPI(t) // three static jobs of owner: 3 × 10 points
	other := "0x00000000000000000000000000000000000000b0"
	for _, tc := range []struct {
		name, key, addr string
		code            int
		points          int64
	}{
		{"owner", aliceKey, owner.Hex(), 200, 30},
		{"owner, lower case", aliceKey, strings.ToLower(owner.Hex()), 200, 30},
		{"admin", testKey, owner.Hex(), 200, 30},
		{"another tenant", bobKey, owner.Hex(), 404, 0},
		{"own empty account", bobKey, other, 200, 0},
		{"malformed", aliceKey, "0x12", 400, 0},
		{"no key", "", owner.Hex(), 401, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := a.do(http.MethodGet, "/api/v1/users/"+tc.addr, tc.key, nil)
			require.Equal(t, tc.code, w.Code, w.Body.String())
			if tc.code != 200 {
				require.Equal(t, coordinator.ProblemContentType, w.Header().Get("Content-Type"))
				return
			}
			var u coordinator.UserView
			require.NoError(t, json.Unmarshal(w.Body.Bytes(), &u))
			require.Equal(t, tc.points, u.Points)
			require.Equal(t, coordinator.AccountUser, u.Kind)
			if tc.points > 0 {
				require.Equal(t, uint64(3), u.JobsCreated)
			}
		})
	}

	w := a.do(http.MethodGet, "/api/v1/users/leaderboard?limit=5", bobKey, nil)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	var board []coordinator.UserView
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &board))
	require.Len(t, board, 1)
	require.Equal(t, owner, board[0].Address)
	require.Equal(t, 1, board[0].Rank)
	w = a.do(http.MethodGet, "/api/v1/users/leaderboard?limit=0", bobKey, nil)
	require.Equal(t, http.StatusBadRequest, w.Code)
}

func TestMetricsRoute(t *testing.T) {
	a := newAPI(t)
	w := a.do(http.MethodGet, "/api/v1/metrics", "", nil)
	require.Equal(t, http.StatusServiceUnavailable, w.Code)

	h := newAPI(t, func(c *coordinator.APIConfig) {
		c.Metrics = promhttp.HandlerFor(c.Registerer.(*prometheus.Registry), promhttp.HandlerOpts{})
	})
	h.do(http.MethodGet, "/api/v1/health", "", nil)
	w = h.do(http.MethodGet, "/api/v1/metrics", "", nil)
	require.Equal(t, http.StatusOK, w.Code)
	require.Contains(t, w.Body.String(), "triggerx_coordinator_http_requests_total")
}

func TestReady(t *testing.T) {
	var chainErr error
	a := newAPI(t, func(c *coordinator.APIConfig) {
		c.ReadyChecks = map[string]func(context.Context) error{"chain": func(context.Context) error { return chainErr }}
	})
	for _, path := range []string{"/ready", "/api/v1/ready"} {
		w := a.do(http.MethodGet, path, "", nil)
		require.Equal(t, http.StatusOK, w.Code, w.Body.String())
		require.JSONEq(t, `{"status":"ready","checks":{"store":"ok","chain":"ok"}}`, w.Body.String())
	}
	chainErr = errors.New("dial tcp: connection refused")
	w := a.do(http.MethodGet, "/api/v1/ready", "", nil)
	require.Equal(t, http.StatusServiceUnavailable, w.Code)
	require.JSONEq(t, `{"status":"not ready","checks":{"store":"ok","chain":"dial tcp: connection refused"}}`, w.Body.String())
	require.Equal(t, http.StatusOK, a.do(http.MethodGet, "/health", "", nil).Code, "liveness does not depend on the chain")
}
