package netproxy

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"
)

// Tolerance says how far a re-fetched response may differ from the
// recorded one. The zero Tolerance demands byte-equal bodies.
type Tolerance struct {
	// Relative maps key paths of a JSON response body to a relative
	// tolerance: the numbers there may differ by up to that fraction of the
	// larger magnitude (0.01 = 1%). A path is dot-separated keys and array
	// indexes ("data.price", "items.0.value"; "" for the root). When it is
	// set, bodies that both parse as JSON are compared as JSON values —
	// exactly everywhere else, numbers by value — and bodies that do not are
	// compared byte for byte.
	Relative map[string]float64
}

// SpotConfig configures a spot check.
type SpotConfig struct {
	// Allowed is the job's allowlist: a transcript may come from a
	// dishonest performer, so a recorded request the allowlist denies is a
	// mismatch and is never fetched.
	Allowed []string
	// Client makes the requests; nil for a client that ignores proxy
	// environment variables. Redirects are never followed.
	Client *http.Client
	// Timeout bounds each request. 0: DefaultTimeout.
	Timeout time.Duration
	// Seed picks the sample; 0 for a random one.
	Seed uint64
	// Headers, indexed like the transcript's exchanges, are the request
	// headers to send with each re-fetch; usually the replaying proxy's
	// ReplayHeaders. nil or a missing entry: none, so a request that needs
	// the script's credentials is answered differently and mismatches.
	Headers []http.Header
}

// SpotReport is what a spot check did.
type SpotReport struct {
	Checked    []int          // indexes of the exchanges re-fetched and compared
	Mismatches []SpotMismatch // responses that differ
	Failed     []int          // indexes that could not be re-fetched
}

// SpotMismatch is one differing exchange.
type SpotMismatch struct {
	Index  int
	URL    string
	Reason string
}

// Spot re-fetches a sample of t's exchanges live and compares each response
// with the recorded one: the same status, and bodies equal within tol.
// Only requests that are safe and reproducible are eligible: GET and HEAD
// without a body that the upstream answered (Exchange.Error empty).
// sample is the fraction of them to check, rounded up (at least one if
// sample > 0 and any is eligible); sample ≥ 1 checks all.
//
// It returns an error wrapping ErrSpotMismatch if any response differs
// beyond the tolerance or any recorded request is to a denied host;
// otherwise ErrSpotInconclusive if some could not be re-fetched; otherwise
// nil. It returns ctx's error if ctx ends.
func Spot(ctx context.Context, cfg SpotConfig, t Transcript, sample float64, tol Tolerance) (SpotReport, error) {
	var rep SpotReport
	allow, err := parseAllowlist(cfg.Allowed)
	if err != nil {
		return rep, fmt.Errorf("spot check: %w", err)
	}
	paths := map[string]*big.Rat{}
	for path, f := range tol.Relative {
		if f < 0 || math.IsNaN(f) || math.IsInf(f, 0) {
			return rep, fmt.Errorf("spot check: tolerance %v at %q must be a finite non-negative number", f, path)
		}
		paths[path] = new(big.Rat).SetFloat64(f)
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	var client http.Client
	if cfg.Client != nil {
		client = *cfg.Client
	} else {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.Proxy = nil
		client.Transport = tr
	}
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

	var eligible []int
	for i, e := range t.Exchanges {
		if e.Error == "" && e.RequestSize == 0 && (e.Method == http.MethodGet || e.Method == http.MethodHead) {
			eligible = append(eligible, i)
		}
	}
	n := 0
	if sample > 0 && len(eligible) > 0 {
		n = min(len(eligible), int(math.Ceil(sample*float64(len(eligible)))))
	}
	seed := cfg.Seed
	if seed == 0 {
		seed = rand.Uint64()
	}
	rng := rand.New(rand.NewPCG(seed, 0))
	rng.Shuffle(len(eligible), func(i, j int) { eligible[i], eligible[j] = eligible[j], eligible[i] })
	picked := eligible[:n]
	slices.Sort(picked) // check in transcript order, so that a report reads like the run

	for _, i := range picked {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		e := t.Exchanges[i]
		u, err := url.Parse(e.URL)
		if err != nil || !u.IsAbs() || !allow.allows(u) {
			rep.Mismatches = append(rep.Mismatches, SpotMismatch{i, e.URL, "request to a host the allowlist denies"})
			continue
		}
		var h http.Header
		if i < len(cfg.Headers) {
			h = cfg.Headers[i]
		}
		status, body, err := fetch(ctx, &client, cfg.Timeout, e, h)
		if err != nil {
			if ctx.Err() != nil {
				return rep, ctx.Err()
			}
			rep.Failed = append(rep.Failed, i)
			continue
		}
		rep.Checked = append(rep.Checked, i)
		switch {
		case status != e.Status:
			rep.Mismatches = append(rep.Mismatches, SpotMismatch{i, e.URL, fmt.Sprintf("status %d, recorded %d", status, e.Status)})
		default:
			if why := compareBodies(e.Body, body, paths); why != "" {
				rep.Mismatches = append(rep.Mismatches, SpotMismatch{i, e.URL, why})
			}
		}
	}
	switch {
	case len(rep.Mismatches) > 0:
		m := rep.Mismatches[0]
		return rep, fmt.Errorf("%w: %d of %d sampled; first: exchange %d %s: %s", ErrSpotMismatch,
			len(rep.Mismatches), len(picked), m.Index, m.URL, m.Reason)
	case len(rep.Failed) > 0:
		return rep, fmt.Errorf("%w: %d of %d sampled requests failed", ErrSpotInconclusive, len(rep.Failed), len(picked))
	}
	return rep, nil
}

func fetch(ctx context.Context, client *http.Client, timeout time.Duration, e Exchange, h http.Header) (int, []byte, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, e.Method, e.URL, nil)
	if err != nil {
		return 0, nil, err
	}
	if h != nil {
		req.Header = forwardHeaders(h)
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	// Read a little more than recorded: enough to see that it differs.
	limit := int64(len(e.Body)) + 1<<20
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit))
	if err != nil {
		return 0, nil, err
	}
	return resp.StatusCode, body, nil
}

// compareBodies returns "" if got matches want within the tolerances at
// paths, else why not.
func compareBodies(want, got []byte, paths map[string]*big.Rat) string {
	if bytes.Equal(want, got) {
		return ""
	}
	if len(paths) == 0 {
		return "body differs"
	}
	a, errA := decodeJSON(want)
	b, errB := decodeJSON(got)
	if errA != nil || errB != nil {
		return "body differs"
	}
	return compareJSON(a, b, "", paths)
}

func decodeJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("trailing data")
	}
	return v, nil
}

func join(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}

func compareJSON(a, b any, path string, paths map[string]*big.Rat) string {
	at := func(why string) string {
		if path == "" {
			return "at the root: " + why
		}
		return fmt.Sprintf("at %q: %s", path, why)
	}
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return at("objects differ")
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok {
				return at("key " + strconv.Quote(k) + " missing")
			}
			if why := compareJSON(v, w, join(path, k), paths); why != "" {
				return why
			}
		}
		return ""
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return at("arrays differ")
		}
		for i := range x {
			if why := compareJSON(x[i], y[i], join(path, strconv.Itoa(i)), paths); why != "" {
				return why
			}
		}
		return ""
	case json.Number:
		y, ok := b.(json.Number)
		if !ok {
			return at("not a number")
		}
		ra, okA := new(big.Rat).SetString(x.String())
		rb, okB := new(big.Rat).SetString(y.String())
		if !okA || !okB {
			return at("bad number")
		}
		if ra.Cmp(rb) == 0 {
			return ""
		}
		tol, ok := paths[path]
		if !ok {
			return at(fmt.Sprintf("%s, recorded %s", y, x))
		}
		diff := new(big.Rat).Sub(ra, rb)
		diff.Abs(diff)
		bound := new(big.Rat).Abs(ra)
		if absB := new(big.Rat).Abs(rb); absB.Cmp(bound) > 0 {
			bound = absB
		}
		bound.Mul(bound, tol)
		if diff.Cmp(bound) > 0 {
			return at(fmt.Sprintf("%s, recorded %s: beyond the relative tolerance", y, x))
		}
		return ""
	default: // string, bool, nil
		if a != b {
			return at("values differ")
		}
		return ""
	}
}
