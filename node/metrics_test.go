package node

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/coordinator"
)

func TestMetrics(t *testing.T) {
	var none *metrics
	none.taskPerformed(true, 1) // nil metrics record nothing and do not panic
	none.failure("x")

	reg := prometheus.NewRegistry()
	m, err := newMetrics(reg, "keeper")
	require.NoError(t, err)
	_, err = newMetrics(reg, "keeper")
	require.Error(t, err, "one set of metrics per registry")

	m.taskPerformed(true, 0.5)
	m.voted(false)
	m.failure("calldata_mismatch")
	m.failure("")
	require.Equal(t, 1.0, testutil.ToFloat64(m.performed.WithLabelValues("succeeded")))
	require.Equal(t, 1.0, testutil.ToFloat64(m.votes.WithLabelValues("reject")))
	require.Equal(t, 1.0, testutil.ToFloat64(m.failed.WithLabelValues("calldata_mismatch")))
	require.Equal(t, 1.0, testutil.ToFloat64(m.failed.WithLabelValues("infrastructure")))
	n, err := testutil.GatherAndCount(reg, "triggerx_keeper_failed_reasons_total")
	require.NoError(t, err)
	require.Equal(t, 2, n)
}

// catalogueReasons returns the reason codes (first table column) of the
// reasons.md at path and of the reasons.md files it links to.
func catalogueReasons(t *testing.T, path string, seen map[string]bool, codes map[string]bool) {
	t.Helper()
	if seen[path] {
		return
	}
	seen[path] = true
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z0-9_]+)` \\|").FindAllStringSubmatch(string(b), -1) {
		codes[m[1]] = true
	}
	for _, m := range regexp.MustCompile(`\]\(([^)]*reasons\.md)\)`).FindAllStringSubmatch(string(b), -1) {
		catalogueReasons(t, filepath.Join(filepath.Dir(path), m[1]), seen, codes)
	}
}

func TestTaskFailuresMetric(t *testing.T) {
	codes := map[string]bool{}
	catalogueReasons(t, filepath.Join("..", "docs", "reasons.md"), map[string]bool{}, codes)
	require.Greater(t, len(codes), 50, "the catalogue and the files it links to")
	// The coordinator's own codes are counted by the coordinator
	// (coordinator.NewMetrics), not by keepers and aggregators.
	for _, c := range []string{coordinator.ReasonDispatchTimeout, coordinator.ReasonJobDeleted, coordinator.ReasonNoPerformer} {
		require.True(t, codes[c], "%s is in the catalogue", c)
		delete(codes, c)
	}

	for _, component := range []string{"keeper", "aggregator"} {
		reg := prometheus.NewRegistry()
		m, err := newMetrics(reg, component)
		require.NoError(t, err)
		families, err := reg.Gather()
		require.NoError(t, err)
		doc, err := os.ReadFile(filepath.Join("..", "docs", "metrics.md"))
		require.NoError(t, err)
		initial := map[string]float64{}
		for _, f := range families {
			require.Contains(t, string(doc), "| `"+f.GetName()+"` |", "metric %s is missing from docs/metrics.md", f.GetName())
		}
		for _, f := range families {
			if f.GetName() != "triggerx_task_failures_total" {
				continue
			}
			for _, metric := range f.GetMetric() {
				labels := map[string]string{}
				for _, l := range metric.GetLabel() {
					labels[l.GetName()] = l.GetValue()
				}
				require.Equal(t, component, labels["component"])
				initial[labels["reason"]] = metric.GetCounter().GetValue()
			}
		}
		for code := range codes {
			v, ok := initial[code]
			require.True(t, ok, "reason %s of the catalogue is not pre-initialised for %s", code, component)
			require.Zero(t, v, code)
		}

		m.failure("calldata_mismatch")
		m.failure("")
		require.Equal(t, 1.0, testutil.ToFloat64(m.failures.WithLabelValues("calldata_mismatch", component)))
		require.Equal(t, 1.0, testutil.ToFloat64(m.failures.WithLabelValues("infrastructure", component)))
		require.Equal(t, 0.0, testutil.ToFloat64(m.failures.WithLabelValues("no_vote", component)))
	}
}
