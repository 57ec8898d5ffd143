package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	neturl "net/url"
	"strconv"
	"strings"
	"time"
)

// nodeHealth is what status learns of the local keeper from its /metrics.
type nodeHealth struct {
	URL            string   `json:"url"`
	Up             bool     `json:"up"`
	Error          string   `json:"error,omitempty"`
	TasksPerformed *float64 `json:"tasks_performed,omitempty"` // sum of triggerx_keeper_tasks_performed_total
	Votes          *float64 `json:"votes,omitempty"`           // sum of triggerx_keeper_votes_total
	P2PConnections *float64 `json:"p2p_connections,omitempty"` // libp2p_rcmgr_connections{scope="system"}
}

func (h nodeHealth) String() string {
	if !h.Up {
		return fmt.Sprintf("unreachable: %s (%s)", h.Error, h.URL)
	}
	s := "up"
	for _, v := range []struct {
		name string
		v    *float64
	}{{"tasks performed", h.TasksPerformed}, {"votes", h.Votes}, {"p2p connections", h.P2PConnections}} {
		if v.v != nil {
			s += fmt.Sprintf(", %s %s", v.name, strconv.FormatFloat(*v.v, 'f', -1, 64))
		}
	}
	return s + " (" + h.URL + ")"
}

// metricsTimeout bounds the whole probe: a node that does not answer
// quickly counts as unreachable.
const metricsTimeout = 3 * time.Second

// probeNode fetches base/metrics (or base itself when it already ends in
// /metrics) and reads a few values from it.
func probeNode(ctx context.Context, base string) nodeHealth {
	url := strings.TrimSuffix(base, "/")
	if !strings.HasSuffix(url, "/metrics") {
		url += "/metrics"
	}
	h := nodeHealth{URL: url}
	ctx, cancel := context.WithTimeout(ctx, metricsTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		h.Error = err.Error()
		return h
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		var ue *neturl.Error
		if errors.As(err, &ue) {
			err = ue.Err // without the URL, printed next to it
		}
		h.Error = err.Error()
		return h
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		h.Error = "HTTP " + resp.Status
		return h
	}
	samples, err := parseMetrics(io.LimitReader(resp.Body, 8<<20))
	if err != nil {
		h.Error = "read metrics: " + err.Error()
		return h
	}
	h.Up = true
	h.TasksPerformed = samples.sum("triggerx_keeper_tasks_performed_total", nil)
	h.Votes = samples.sum("triggerx_keeper_votes_total", nil)
	h.P2PConnections = samples.sum("libp2p_rcmgr_connections", map[string]string{"scope": "system"})
	return h
}

// sample is one line of the Prometheus text format.
type sample struct {
	name   string
	labels map[string]string
	value  float64
}

type samples []sample

// sum adds the values of the samples named name whose labels include want;
// nil when there are none.
func (ss samples) sum(name string, want map[string]string) *float64 {
	var total float64
	found := false
next:
	for _, s := range ss {
		if s.name != name {
			continue
		}
		for k, v := range want {
			if s.labels[k] != v {
				continue next
			}
		}
		total += s.value
		found = true
	}
	if !found {
		return nil
	}
	return &total
}

// parseMetrics reads the Prometheus text exposition format: comment lines
// are skipped, every other line is name{labels} value [timestamp]. Samples
// that do not parse are skipped, so one odd line costs only itself.
func parseMetrics(r io.Reader) (samples, error) {
	var out samples
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		if s, ok := parseSample(line); ok {
			out = append(out, s)
		}
	}
	return out, sc.Err()
}

func parseSample(line string) (sample, bool) {
	s := sample{labels: map[string]string{}}
	i := strings.IndexAny(line, "{ \t")
	if i <= 0 {
		return sample{}, false
	}
	s.name, line = line[:i], line[i:]
	if line[0] == '{' {
		rest, ok := parseLabels(line[1:], s.labels)
		if !ok {
			return sample{}, false
		}
		line = rest
	}
	fields := strings.Fields(line)
	if len(fields) < 1 || len(fields) > 2 {
		return sample{}, false
	}
	v, err := strconv.ParseFloat(fields[0], 64)
	if err != nil || math.IsNaN(v) {
		return sample{}, false
	}
	s.value = v
	return s, true
}

// parseLabels reads name="value" pairs up to the closing brace into into
// and returns what follows it.
func parseLabels(s string, into map[string]string) (string, bool) {
	for {
		s = strings.TrimLeft(s, " \t,")
		if s == "" {
			return "", false
		}
		if s[0] == '}' {
			return s[1:], true
		}
		eq := strings.IndexByte(s, '=')
		if eq <= 0 || eq+1 >= len(s) || s[eq+1] != '"' {
			return "", false
		}
		name := strings.TrimSpace(s[:eq])
		s = s[eq+2:]
		var v strings.Builder
		closed := false
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c == '\\' && i+1 < len(s) {
				i++
				switch s[i] {
				case 'n':
					v.WriteByte('\n')
				default:
					v.WriteByte(s[i])
				}
				continue
			}
			if c == '"' {
				s, closed = s[i+1:], true
				break
			}
			v.WriteByte(c)
		}
		if !closed {
			return "", false
		}
		into[name] = v.String()
	}
}
