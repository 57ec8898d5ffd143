package coordinator_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/coordinator"
)

func TestJobCommitment(t *testing.T) {
	registry := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	withChain := func(cfg *coordinator.APIConfig) { cfg.JobRegistry, cfg.HomeChainID = registry, 31337 }
	want := commitment(attestation.Action{ChainID: 31337, Target: target, Function: "increment(uint256)", Arguments: []string{"7"}}, 60)
	noID := commitmentRequest("7")

	t.Run("answers the createJob arguments", func(t *testing.T) {
		a := newAPI(t, withChain)
		w := a.do(http.MethodPost, "/api/v1/jobs/commitment", testKey, noID)
		require.Equal(t, http.StatusOK, w.Code, w.Body.String())
		require.JSONEq(t, `{"task_definition_id": 1, "target_contract_address": "`+strings.ToLower(target.Hex())+`",
			"spec_hash": "`+want.Hex()+`", "job_registry": "`+strings.ToLower(registry.Hex())+`", "chain_id": "31337"}`, w.Body.String())

		// The job committed to that hash registers.
		a.chain.mu.Lock()
		a.chain.jobs[9] = coordinator.OnchainJob{Owner: owner, TaskDefinitionID: attestation.TimeStatic, Target: target, SpecHash: want, Active: true}
		a.chain.mu.Unlock()
		w = a.do(http.MethodPost, "/api/v1/jobs", testKey, jobRequest("9", "7"))
		require.Equal(t, http.StatusCreated, w.Code, w.Body.String())
	})

	t.Run("a job id is ignored; registry and chain unknown are left out", func(t *testing.T) {
		a := newAPI(t)
		w := a.do(http.MethodPost, "/api/v1/jobs/commitment", testKey, jobRequest("123", "7"))
		require.Equal(t, http.StatusOK, w.Code, w.Body.String())
		var got map[string]any
		require.NoError(t, json.Unmarshal(w.Body.Bytes(), &got))
		require.Equal(t, want.Hex(), got["spec_hash"])
		require.NotContains(t, got, "job_registry")
		require.NotContains(t, got, "chain_id")
	})

	a := newAPI(t, withChain)
	require.NoError(t, a.store.PutAPIKey(context.Background(), coordinator.APIKey{ID: "key_other", Key: "other-user-key-0123456789",
		Owner: common.HexToAddress("0x00000000000000000000000000000000000000bb").Hex(), Scope: coordinator.ScopeUser, CreatedAt: t0}))
	badTarget := commitmentRequest("7")
	badTarget["target_contract_address"] = "0x1234"
	badArgs := commitmentRequest("7", "8")
	badInterval := commitmentRequest("7")
	badInterval["time_interval"] = "soon"
	for _, tc := range []struct {
		name   string
		key    string
		body   any
		status int
		field  string
	}{
		{name: "no key", body: noID, status: http.StatusUnauthorized},
		{name: "unknown key", key: "wrong-key-0123456789", body: noID, status: http.StatusForbidden},
		{name: "another owner's job", key: "other-user-key-0123456789", body: noID, status: http.StatusForbidden, field: "user_address"},
		{name: "bad target", key: testKey, body: badTarget, status: http.StatusBadRequest, field: "target_contract_address"},
		{name: "wrong argument count", key: testKey, body: badArgs, status: http.StatusBadRequest, field: "arguments"},
		{name: "interval not a number", key: testKey, body: badInterval, status: http.StatusBadRequest, field: "time_interval"},
		{name: "an array", key: testKey, body: []any{noID}, status: http.StatusBadRequest},
		{name: "empty body", key: testKey, body: "", status: http.StatusBadRequest},
		{name: "not JSON", key: testKey, body: "{job", status: http.StatusBadRequest},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := a.do(http.MethodPost, "/api/v1/jobs/commitment", tc.key, tc.body)
			require.Equal(t, tc.status, w.Code, w.Body.String())
			require.Equal(t, coordinator.ProblemContentType, w.Header().Get("Content-Type"))
			var p coordinator.Problem
			require.NoError(t, json.Unmarshal(w.Body.Bytes(), &p))
			require.Equal(t, tc.field, p.Field, p.Detail)
			require.NotEmpty(t, p.Detail)
		})
	}
}

// commitmentRequest is jobRequest without a job id.
func commitmentRequest(args ...string) map[string]any {
	r := jobRequest("", args...)
	delete(r, "job_id")
	return r
}
