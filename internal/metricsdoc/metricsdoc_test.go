package metricsdoc_test

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/coordinator"
	"github.com/triggerx-network/triggerx/internal/metricsdoc"
)

var update = flag.Bool("update", false, "rewrite docs/metrics.md")

// root is the module root, relative to this package.
const root = "../.."

var docPath = filepath.Join(root, "docs", "metrics.md")

// catalogue returns the metrics of the module by name.
func catalogue(t *testing.T) map[string]metricsdoc.Metric {
	t.Helper()
	ms, err := metricsdoc.Collect(root)
	require.NoError(t, err)
	byName := map[string]metricsdoc.Metric{}
	for _, m := range ms {
		byName[m.Name] = m
	}
	return byName
}

// TestMetricsDoc fails when docs/metrics.md is not what the source
// generates; go test ./internal/metricsdoc -update rewrites it.
func TestMetricsDoc(t *testing.T) {
	got, err := metricsdoc.Generate(root)
	require.NoError(t, err)
	if *update {
		require.NoError(t, os.WriteFile(docPath, got, 0o644))
	}
	want, err := os.ReadFile(docPath)
	require.NoError(t, err)
	require.Equal(t, string(want), string(got), "docs/metrics.md is stale: run go test ./internal/metricsdoc -update")
}

var nameRE = regexp.MustCompile(`^triggerx_[a-z0-9_]+$`)

// TestMetricConventions checks every metric's name and help, and that
// metrics defined under one name in several places agree.
func TestMetricConventions(t *testing.T) {
	ms, err := metricsdoc.Collect(root)
	require.NoError(t, err)
	require.NotEmpty(t, ms)
	byName := map[string]metricsdoc.Metric{}
	for _, m := range ms {
		site := m.File + ":" + strconv.Itoa(m.Line)
		require.Regexp(t, nameRE, m.Name, "metric at %s", site)
		require.NotEmpty(t, strings.TrimSpace(m.Help), "metric %s at %s has no help", m.Name, site)
		if m.Type == "counter" {
			require.True(t, strings.HasSuffix(m.Name, "_total"), "counter %s at %s does not end in _total", m.Name, site)
		}
		if prev, ok := byName[m.Name]; ok {
			require.Equal(t, prev.Type, m.Type, "metric %s: type differs at %s and %s", m.Name, prev.File, m.File)
			require.Equal(t, prev.Labels, m.Labels, "metric %s: labels differ at %s and %s", m.Name, prev.File, m.File)
			require.Equal(t, prev.Help, m.Help, "metric %s: help differs at %s and %s", m.Name, prev.File, m.File)
		}
		byName[m.Name] = m
	}
}

// TestCatalogueMatchesRuntime gathers the coordinator's metrics and checks
// that the static catalogue knows every one of them.
func TestCatalogueMatchesRuntime(t *testing.T) {
	known := catalogue(t)
	reg := prometheus.NewRegistry()
	_, err := coordinator.NewMetrics(reg)
	require.NoError(t, err)
	families, err := reg.Gather()
	require.NoError(t, err)
	require.NotEmpty(t, families)
	for _, f := range families {
		m, ok := known[f.GetName()]
		require.True(t, ok, "metric %s is registered but not in the catalogue", f.GetName())
		require.Equal(t, m.Help, f.GetHelp(), "metric %s", f.GetName())
		if f.GetName() != "triggerx_task_failures_total" {
			continue
		}
		reasons := map[string]bool{}
		for _, metric := range f.GetMetric() {
			labels := map[string]string{}
			for _, l := range metric.GetLabel() {
				labels[l.GetName()] = l.GetValue()
			}
			require.Equal(t, "coordinator", labels["component"])
			reasons[labels["reason"]] = true
		}
		require.True(t, reasons[coordinator.ReasonDispatchTimeout] && reasons[coordinator.ReasonJobDeleted],
			"the coordinator's reasons are created at 0: %v", reasons)
	}
}

// TestCollectHelpers checks the patterns the generator follows, and that
// it names the site of a metric it cannot resolve.
func TestCollectHelpers(t *testing.T) {
	ms, err := metricsdoc.Collect(filepath.Join("testdata", "helpers"))
	require.NoError(t, err)
	got := map[string]metricsdoc.Metric{}
	for _, m := range ms {
		got[m.Name] = m
	}
	for name, labels := range map[string][]string{
		"triggerx_one_a_total":          {"reason"},
		"triggerx_two_a_total":          {"reason"},
		"triggerx_one_b_seconds":        nil,
		"triggerx_two_b_seconds":        nil,
		"triggerx_local_c":              {"x", "y"},
		"triggerx_pkg_d_total":          {},
		"triggerx_aliased_concat_total": nil,
	} {
		m, ok := got[name]
		require.True(t, ok, "missing %s in %v", name, ms)
		require.Equal(t, labels, m.Labels, name)
		require.NotEmpty(t, m.Help, name)
	}
	require.Len(t, ms, 7)

	_, err = metricsdoc.Collect(filepath.Join("testdata", "dynamic"))
	require.ErrorContains(t, err, "dynamic.go:10")
	require.ErrorContains(t, err, "not a constant")
}
