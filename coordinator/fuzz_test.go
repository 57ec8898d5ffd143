package coordinator_test

import (
	"bytes"
	"context"
	"encoding/json"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/triggerx-network/triggerx/coordinator"
)

// userKey is the user-scope key of the fuzzed API, owned by owner.
const userKey = "user-api-key-0123456789"

// unlimited is a RateLimiter that allows every request: a fuzzer sends
// far more than a minute's worth.
type unlimited struct{}

func (unlimited) Allow(_ context.Context, _ string, limit int) (int, time.Time, bool, error) {
	return limit, t0.Add(time.Minute), true, nil
}

// fuzzAPI is the REST API over an in-memory store as the fuzz targets drive
// it: the admin key testKey, the user key userKey of owner, and jobs 1 to 3
// of owner registered.
func fuzzAPI(f *testing.F) http.Handler {
	f.Helper()
	s, err := coordinator.OpenBadgerStore("", nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { _ = s.Close() })
	ctx := context.Background()
	if err := coordinator.SeedAPIKey(ctx, s, testKey, "fuzz"); err != nil {
		f.Fatal(err)
	}
	if err := s.PutAPIKey(ctx, coordinator.APIKey{ID: "key_user", Key: userKey, Owner: owner.Hex(),
		Scope: coordinator.ScopeUser, Prefix: userKey[:coordinator.APIKeyPrefixLen], CreatedAt: t0}); err != nil {
		f.Fatal(err)
	}
	chain := &chainJobs{jobs: map[uint64]coordinator.OnchainJob{}}
	chain.commit(1, "1")
	chain.commit(2, "2")
	chain.commit(3, "3")
	h := coordinator.NewAPI(s, coordinator.APIConfig{
		JobLookup:   chain.lookup,
		Clock:       func() time.Time { return t0 },
		RateLimiter: unlimited{},
	})
	body, err := json.Marshal([]any{jobRequest("1", "1"), jobRequest("2", "2"), jobRequest("3", "3")})
	if err != nil {
		f.Fatal(err)
	}
	r := httptest.NewRequest(http.MethodPost, "/api/jobs", bytes.NewReader(body))
	r.Header.Set("X-Api-Key", testKey)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusCreated && w.Code != http.StatusOK {
		f.Fatalf("register the jobs: status %d: %s", w.Code, w.Body.String())
	}
	return h
}

// serveFuzz sends one request with the admin or the user key and checks
// the answer: never a 5xx, and every 4xx a problem document of its status.
func serveFuzz(t *testing.T, h http.Handler, r *http.Request, admin bool) {
	t.Helper()
	key := userKey
	if admin {
		key = testKey
	}
	r.Header.Set("X-Api-Key", key)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code >= 500 {
		t.Fatalf("%s %s: status %d: %s", r.Method, r.URL, w.Code, w.Body.String())
	}
	if w.Code < 400 {
		return
	}
	mt, _, err := mime.ParseMediaType(w.Header().Get("Content-Type"))
	if err != nil || mt != coordinator.ProblemContentType {
		t.Fatalf("%s %s: status %d with content type %q", r.Method, r.URL, w.Code, w.Header().Get("Content-Type"))
	}
	var p coordinator.Problem
	if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil || p.Status != w.Code || p.Type == "" {
		t.Fatalf("%s %s: status %d with body %q (%v)", r.Method, r.URL, w.Code, w.Body.String(), err)
	}
}

// FuzzPatchJob: PATCH /api/v1/jobs/:job_id with any id and body.
func FuzzPatchJob(f *testing.F) {
	for _, seed := range []struct {
		id, body string
	}{
		{"1", `{"job_title":"Increment the counter again"}`},
		{"1", `{"time_frame":7200}`},
		{"2", `{"time_frame":"0","job_title":"  no expiry  "}`},
		{"3", `{"time_frame":1}`},
		{"1", `{"status":"paused"}`},
		{"1", `{"target_function":"f()"}`},
		{"1", `{}`},
		{"1", `null`},
		{"1", `{"job_title":7}`},
		{"1", `{"time_frame":-1}`},
		{"18446744073709551616", `{"job_title":"abc"}`},
		{"0x1", `{"job_title":"abc"}`},
		{"99", `{"job_title":"abc"}`},
	} {
		f.Add(seed.id, []byte(seed.body), true)
	}
	h := fuzzAPI(f)
	f.Fuzz(func(t *testing.T, id string, body []byte, admin bool) {
		r := httptest.NewRequest(http.MethodPatch, "/api/v1/jobs/x", bytes.NewReader(body))
		r.URL.Path = "/api/v1/jobs/" + id
		r.URL.RawPath = "/api/v1/jobs/" + url.PathEscape(id)
		serveFuzz(t, h, r, admin)
	})
}

// FuzzCreateKey: POST /api/v1/keys with any body.
func FuzzCreateKey(f *testing.F) {
	for _, seed := range []string{
		`{"owner":"ops","scope":"admin"}`,
		`{"owner":"` + owner.Hex() + `","scope":"user","rate_limit":60}`,
		`{"owner":"` + strings.ToLower(owner.Hex()) + `"}`,
		`{}`,
		``,
		`{"scope":"root"}`,
		`{"owner":"not-an-address","scope":"user"}`,
		`{"rate_limit":-1}`,
		`{"rate_limit":"60"}`,
		`{"rate_limit":1e99}`,
		`[]`,
	} {
		f.Add([]byte(seed), true)
	}
	f.Add([]byte(`{"scope":"admin"}`), false)
	h := fuzzAPI(f)
	f.Fuzz(func(t *testing.T, body []byte, admin bool) {
		serveFuzz(t, h, httptest.NewRequest(http.MethodPost, "/api/v1/keys", bytes.NewReader(body)), admin)
	})
}

// FuzzJobCommitment: POST /api/v1/jobs/commitment with any body.
func FuzzJobCommitment(f *testing.F) {
	req := jobRequest("1", "1")
	delete(req, "job_id")
	base, err := json.Marshal(req)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(base, true)
	f.Add(base, false)
	for _, seed := range []string{
		`{"task_definition_id":1,"schedule_type":"cron","cron_expression":"*/5 * * * *","target_chain_id":1,` +
			`"target_contract_address":"` + target.Hex() + `","target_function":"f()","arguments":[]}`,
		`{"task_definition_id":3,"trigger_chain_id":1,"trigger_contract_address":"` + target.Hex() + `",` +
			`"trigger_event":"Transfer(address indexed,address indexed,uint256)","target_function":"f()"}`,
		`{"task_definition_id":5,"condition_type":"between","lower_limit":"1","upper_limit":"x","value_source_url":"http://x"}`,
		`[{}]`,
		`{"job_id":null,"time_interval":"99999999999999999999"}`,
		``,
	} {
		f.Add([]byte(seed), true)
	}
	h := fuzzAPI(f)
	f.Fuzz(func(t *testing.T, body []byte, admin bool) {
		serveFuzz(t, h, httptest.NewRequest(http.MethodPost, "/api/v1/jobs/commitment", bytes.NewReader(body)), admin)
	})
}

// FuzzListQuery: GET /api/v1/jobs and /api/v1/tasks with any status,
// limit, cursor, user_address and task_definition_id, and any raw query.
func FuzzListQuery(f *testing.F) {
	f.Add(false, "", "", "", "", "", "", true)
	f.Add(false, "active", "2", "", "", "1", "", true)
	f.Add(false, "paused", "1", "agAAAAAAAAAB", owner.Hex(), "", "", false)
	f.Add(false, "", "1000", "not-a-cursor", "0x12", "65536", "", true)
	f.Add(false, "", "0", "ag", target.Hex(), "0x1", "", false)
	f.Add(true, "completed", "10", "", strings.ToLower(owner.Hex()), "", "", true)
	f.Add(true, "bogus", "-1", "", "", "", "", true)
	f.Add(true, "", "", "", "", "", "limit=5&limit=6&status=%zz;cursor", true)
	h := fuzzAPI(f)
	f.Fuzz(func(t *testing.T, tasks bool, status, limit, cursor, user, tdid, raw string, admin bool) {
		q := url.Values{}
		for k, v := range map[string]string{"status": status, "limit": limit, "cursor": cursor,
			"user_address": user, "task_definition_id": tdid} {
			if v != "" {
				q.Set(k, v)
			}
		}
		path := "/api/v1/jobs"
		if tasks {
			path = "/api/v1/tasks"
		}
		r := httptest.NewRequest(http.MethodGet, path, nil)
		r.URL.RawQuery = q.Encode()
		if raw != "" {
			r.URL.RawQuery = raw
		}
		serveFuzz(t, h, r, admin)
	})
}
