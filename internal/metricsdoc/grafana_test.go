package metricsdoc_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/internal/metricsdoc"
)

// dashboards are the Grafana dashboards in configs/grafana.
var dashboards = []string{"triggerx-network.json", "triggerx-keeper.json"}

// dashboard is the part of Grafana's dashboard JSON model the test reads.
type dashboard struct {
	Inputs []struct {
		Name     string `json:"name"`
		PluginID string `json:"pluginId"`
	} `json:"__inputs"`
	UID        string  `json:"uid"`
	Title      string  `json:"title"`
	Panels     []panel `json:"panels"`
	Templating struct {
		List []struct {
			Name       string `json:"name"`
			Definition string `json:"definition"`
		} `json:"list"`
	} `json:"templating"`
}

type panel struct {
	ID         int    `json:"id"`
	Type       string `json:"type"`
	Title      string `json:"title"`
	Datasource *struct {
		UID string `json:"uid"`
	} `json:"datasource"`
	Targets []struct {
		Expr string `json:"expr"`
	} `json:"targets"`
	Panels []panel `json:"panels"` // of a collapsed row
}

// TestGrafanaDashboards checks that the dashboards parse, that every panel
// has a title and queries the ${DS_PROMETHEUS} input, and that every metric
// their queries name is in the catalogue.
func TestGrafanaDashboards(t *testing.T) {
	known := catalogue(t)
	for _, name := range dashboards {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(root, "configs", "grafana", name))
			require.NoError(t, err)
			var d dashboard
			require.NoError(t, json.Unmarshal(b, &d))
			require.NotEmpty(t, d.UID)
			require.NotEmpty(t, d.Title)
			require.Len(t, d.Inputs, 1)
			require.Equal(t, "DS_PROMETHEUS", d.Inputs[0].Name)
			require.Equal(t, "prometheus", d.Inputs[0].PluginID)

			var exprs []string
			ids := map[int]bool{}
			var walk func([]panel)
			walk = func(ps []panel) {
				for _, p := range ps {
					require.NotEmpty(t, strings.TrimSpace(p.Title), "panel %d has no title", p.ID)
					require.False(t, ids[p.ID], "panel id %d used twice", p.ID)
					ids[p.ID] = true
					if p.Type == "row" {
						walk(p.Panels)
						continue
					}
					require.NotNil(t, p.Datasource, "panel %q", p.Title)
					require.Equal(t, "${DS_PROMETHEUS}", p.Datasource.UID, "panel %q", p.Title)
					require.NotEmpty(t, p.Targets, "panel %q has no queries", p.Title)
					for _, tg := range p.Targets {
						require.NotEmpty(t, tg.Expr, "panel %q", p.Title)
						exprs = append(exprs, tg.Expr)
					}
				}
			}
			walk(d.Panels)
			require.NotEmpty(t, exprs)

			for _, v := range d.Templating.List {
				if m := labelValuesRE.FindStringSubmatch(v.Definition); m != nil {
					require.True(t, inCatalogue(known, m[1]), "variable %s: metric %s is not in docs/metrics.md", v.Name, m[1])
				}
			}
			for _, e := range exprs {
				names := metricNames(e)
				require.NotEmpty(t, names, "no metric in %s", e)
				for _, n := range names {
					require.True(t, inCatalogue(known, n), "metric %s in %q is not in docs/metrics.md", n, e)
				}
			}
		})
	}
}

var labelValuesRE = regexp.MustCompile(`label_values\(\s*([a-zA-Z_:][a-zA-Z0-9_:]*)`)

// inCatalogue reports whether name is a catalogued metric, or a series of a
// catalogued histogram (_bucket, _sum, _count) or summary (_sum, _count).
func inCatalogue(known map[string]metricsdoc.Metric, name string) bool {
	if _, ok := known[name]; ok {
		return true
	}
	for _, suffix := range []string{"_bucket", "_sum", "_count"} {
		m, ok := known[strings.TrimSuffix(name, suffix)]
		if !ok || !strings.HasSuffix(name, suffix) {
			continue
		}
		if m.Type == "histogram" || (m.Type == "summary" && suffix != "_bucket") {
			return true
		}
	}
	return false
}

var (
	stringRE   = regexp.MustCompile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`")
	matchersRE = regexp.MustCompile(`\{[^}]*\}`)
	rangeRE    = regexp.MustCompile(`\[[^\]]*\]`)
	groupingRE = regexp.MustCompile(`\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)`)
	variableRE = regexp.MustCompile(`\$\{?[a-zA-Z_][a-zA-Z0-9_]*\}?`)
	identRE    = regexp.MustCompile(`[a-zA-Z_:][a-zA-Z0-9_:]*(\s*\()?`)
)

// keywords are PromQL words that are neither functions nor metric names.
var keywords = map[string]bool{
	"by": true, "without": true, "on": true, "ignoring": true, "group_left": true, "group_right": true,
	"bool": true, "offset": true, "and": true, "or": true, "unless": true, "atan2": true,
	"inf": true, "nan": true, "Inf": true, "NaN": true,
}

// metricNames returns the metric names a PromQL expression selects: the
// identifiers left once strings, label matchers, ranges, groupings and
// Grafana variables are removed, that call nothing and are no keyword.
func metricNames(expr string) []string {
	e := stringRE.ReplaceAllString(expr, `""`)
	e = matchersRE.ReplaceAllString(e, " ")
	e = rangeRE.ReplaceAllString(e, " ")
	e = groupingRE.ReplaceAllString(e, " ")
	e = variableRE.ReplaceAllString(e, " ")
	var names []string
	for _, m := range identRE.FindAllStringSubmatchIndex(e, -1) {
		if m[2] >= 0 { // a function call or aggregation
			continue
		}
		word := e[m[0]:m[1]]
		if m[0] > 0 && (e[m[0]-1] >= '0' && e[m[0]-1] <= '9' || e[m[0]-1] == '.') {
			continue // the exponent or unit of a number
		}
		if !keywords[word] {
			names = append(names, word)
		}
	}
	return names
}

func TestMetricNames(t *testing.T) {
	for expr, want := range map[string][]string{
		`sum by (reason) (rate(triggerx_task_failures_total{component="keeper", instance=~"$instance"}[$__rate_interval])) > 0`: {"triggerx_task_failures_total"},
		`histogram_quantile(0.9, sum by (le) (rate(x_bucket[5m])))`:                                                             {"x_bucket"},
		`max by (chain) (a) - on (chain) group_right () max by (chain, poller) (b)`:                                             {"a", "b"},
		`sum(rate(a{code=~"5.."}[1m])) / sum(rate(a[1m])) and up offset 5m`:                                                     {"a", "a", "up"},
		`1e3 * c`: {"c"},
	} {
		require.Equal(t, want, metricNames(expr), expr)
	}
}
