package coordinator_test

import (
	"encoding/json"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/coordinator"
)

// The OpenAPI document describes exactly the routes the API serves under
// /api/v1 (and /health); the /api aliases of the system we replace are not
// documented twice.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	var doc struct {
		OpenAPI string                               `json:"openapi"`
		Paths   map[string]map[string]map[string]any `json:"paths"`
	}
	require.NoError(t, json.Unmarshal(coordinator.OpenAPI, &doc))
	require.True(t, strings.HasPrefix(doc.OpenAPI, "3."))
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			documented[strings.ToUpper(method)+" "+path] = true
			require.NotEmpty(t, op["summary"], "%s %s has a summary", method, path)
			require.NotEmpty(t, op["responses"], "%s %s has responses", method, path)
		}
	}
	a := newAPI(t)
	served := map[string]bool{}
	for _, r := range a.h.(*gin.Engine).Routes() {
		if r.Path != "/health" && r.Path != "/ready" && !strings.HasPrefix(r.Path, "/api/v1/") {
			continue
		}
		parts := strings.Split(r.Path, "/")
		for i, p := range parts {
			if strings.HasPrefix(p, ":") {
				parts[i] = "{" + p[1:] + "}"
			}
		}
		served[r.Method+" "+strings.Join(parts, "/")] = true
	}
	require.Equal(t, keys(documented), keys(served), "openapi.json and the routes disagree")

	w := a.do(http.MethodGet, "/api/v1/openapi.json", "", nil)
	require.Equal(t, http.StatusOK, w.Code)
	require.JSONEq(t, string(coordinator.OpenAPI), w.Body.String())
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
