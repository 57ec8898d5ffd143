package coordinator_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/coordinator"
)

var (
	alice = owner // the owner of the jobs chainJobs.commit records
	bob   = common.HexToAddress("0x00000000000000000000000000000000000b0b00")
)

// problemBody decodes an error answer and checks the problem format.
func problemBody(t *testing.T, w interface {
	Header() http.Header
}, body []byte, code int) coordinator.Problem {
	t.Helper()
	require.Equal(t, coordinator.ProblemContentType, w.Header().Get("Content-Type"), "%s", body)
	var p coordinator.Problem
	require.NoError(t, json.Unmarshal(body, &p))
	require.Equal(t, code, p.Status)
	require.NotEmpty(t, p.Type)
	require.Equal(t, http.StatusText(code), p.Title)
	require.NotEmpty(t, p.Detail)
	require.Equal(t, p.Detail, p.Error, "error repeats detail for earlier clients")
	return p
}

// createKey makes a key through the API with key by and returns it.
func (a *apiHarness) createKey(by string, req map[string]any) coordinator.APIKeyView {
	a.t.Helper()
	w := a.do(http.MethodPost, "/api/v1/keys", by, req)
	require.Equal(a.t, http.StatusCreated, w.Code, w.Body.String())
	var v coordinator.APIKeyView
	require.NoError(a.t, json.Unmarshal(w.Body.Bytes(), &v))
	require.NotEmpty(a.t, v.Key)
	return v
}

func TestAPIProblems(t *testing.T) {
	a := newAPI(t, func(c *coordinator.APIConfig) { c.MaxBodyBytes = 4096 })
	bad := jobRequest("1", "1")
	bad["job_title"] = "ab"
	for _, tc := range []struct {
		name, method, path, key string
		body                    any
		code                    int
		typ, field              string
	}{
		{"no key", http.MethodGet, "/api/jobs/1", "", nil, http.StatusUnauthorized, coordinator.ProblemUnauthenticated, ""},
		{"unknown key", http.MethodGet, "/api/jobs/1", "wrong-key-0123456789", nil, http.StatusForbidden, coordinator.ProblemForbidden, ""},
		{"revoked key", http.MethodGet, "/api/jobs/1", "inactive-key-0123456789", nil, http.StatusForbidden, coordinator.ProblemForbidden, ""},
		{"no route", http.MethodGet, "/api/nothing", testKey, nil, http.StatusNotFound, coordinator.ProblemNotFound, ""},
		{"no method", http.MethodPut, "/api/jobs/1", testKey, nil, http.StatusMethodNotAllowed, coordinator.ProblemMethodNotAllowed, ""},
		{"missing job", http.MethodGet, "/api/jobs/9", testKey, nil, http.StatusNotFound, coordinator.ProblemNotFound, ""},
		{"bad job id", http.MethodGet, "/api/jobs/x", testKey, nil, http.StatusBadRequest, coordinator.ProblemInvalidField, "job_id"},
		{"invalid field", http.MethodPost, "/api/jobs", testKey, bad, http.StatusBadRequest, coordinator.ProblemInvalidField, "job_title"},
		{"not json", http.MethodPost, "/api/jobs", testKey, "nope", http.StatusBadRequest, coordinator.ProblemBadRequest, ""},
		{"too large", http.MethodPost, "/api/jobs", testKey, strings.Repeat(" ", 5000), http.StatusRequestEntityTooLarge, coordinator.ProblemTooLarge, ""},
		{"key body type", http.MethodPost, "/api/v1/keys", testKey, `{"rate_limit":"many"}`, http.StatusBadRequest, coordinator.ProblemInvalidField, "rate_limit"},
		{"key body", http.MethodPost, "/api/v1/keys", testKey, `[`, http.StatusBadRequest, coordinator.ProblemBadRequest, ""},
		{"key scope", http.MethodPost, "/api/v1/keys", testKey, `{"scope":"root","owner":"x"}`, http.StatusBadRequest, coordinator.ProblemInvalidField, "scope"},
		{"user key owner", http.MethodPost, "/api/v1/keys", testKey, `{"owner":"alice"}`, http.StatusBadRequest, coordinator.ProblemInvalidField, "owner"},
		{"admin key owner", http.MethodPost, "/api/v1/keys", testKey, `{"owner":"","scope":"admin"}`, http.StatusBadRequest, coordinator.ProblemInvalidField, "owner"},
		{"rate limit", http.MethodPost, "/api/v1/keys", testKey, `{"owner":"ops2","scope":"admin","rate_limit":-1}`, http.StatusBadRequest, coordinator.ProblemInvalidField, "rate_limit"},
		{"missing key id", http.MethodPost, "/api/v1/keys/key_000000000000/rotate", testKey, nil, http.StatusNotFound, coordinator.ProblemNotFound, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := a.do(tc.method, tc.path, tc.key, tc.body)
			require.Equal(t, tc.code, w.Code, w.Body.String())
			p := problemBody(t, w, w.Body.Bytes(), tc.code)
			require.Equal(t, tc.typ, p.Type)
			require.Equal(t, tc.field, p.Field)
			if tc.field != "" {
				require.Len(t, p.Errors, 1)
				require.Equal(t, tc.field, p.Errors[0].Field)
				require.NotEmpty(t, p.Errors[0].Detail)
			} else {
				require.Empty(t, p.Errors)
			}
		})
	}
}

func TestAPIKeys(t *testing.T) {
	a := newAPI(t)
	ctx := context.Background()

	// An admin makes a user key for alice; its secret is shown once.
	ak := a.createKey(testKey, map[string]any{"owner": strings.ToLower(alice.Hex()), "rate_limit": 30})
	require.Regexp(t, `^key_[0-9a-f]{12}$`, ak.ID)
	require.Equal(t, alice.Hex(), ak.Owner, "owners are checksummed")
	require.Equal(t, coordinator.ScopeUser, ak.Scope)
	require.Equal(t, 30, ak.RateLimit)
	require.True(t, ak.IsActive)
	require.Equal(t, ak.Key[:8], ak.Prefix)
	require.Equal(t, ak.Prefix+"****", ak.MaskedKey)
	stored, err := a.store.APIKeyByID(ctx, ak.ID)
	require.NoError(t, err)
	require.Equal(t, coordinator.HashAPIKey(ak.Key), stored.Hash, "stored hashed")
	require.Empty(t, stored.Key)

	// Listing and reading are masked.
	w := a.do(http.MethodGet, "/api/v1/keys", testKey, nil)
	require.Equal(t, http.StatusOK, w.Code)
	require.NotContains(t, w.Body.String(), ak.Key)
	require.NotContains(t, w.Body.String(), stored.Hash)
	var all []coordinator.APIKeyView
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &all))
	require.Len(t, all, 3, "the seeded, the revoked and alice's")
	w = a.do(http.MethodGet, "/api/v1/keys/"+ak.ID, ak.Key, nil)
	require.Equal(t, http.StatusOK, w.Code)
	require.NotContains(t, w.Body.String(), ak.Key)

	// Alice makes a second key of her own; she may not make admin keys,
	// keys of others or her own rate limit.
	ak2 := a.createKey(ak.Key, nil)
	require.Equal(t, alice.Hex(), ak2.Owner)
	require.Equal(t, 30, ak2.RateLimit, "inherits the creator's limit")
	for body, field := range map[string]string{
		`{"scope":"admin","owner":"eve"}`:                "scope",
		`{"owner":"` + bob.Hex() + `"}`:                  "owner",
		`{"rate_limit":1000000}`:                         "rate_limit",
		`{"owner":"` + alice.Hex() + `","rate_limit":5}`: "rate_limit",
	} {
		w := a.do(http.MethodPost, "/api/v1/keys", ak.Key, body)
		require.Equal(t, http.StatusForbidden, w.Code, body)
		require.Equal(t, field, problemBody(t, w, w.Body.Bytes(), http.StatusForbidden).Field)
	}
	w = a.do(http.MethodGet, "/api/v1/keys", ak.Key, nil)
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &all))
	require.Len(t, all, 2, "alice sees her keys only")
	w = a.do(http.MethodGet, "/api/v1/keys?owner=ops", ak.Key, nil)
	require.Equal(t, "[]", w.Body.String())

	// Rotation: same id, owner and scope; the old secret stops working.
	w = a.do(http.MethodPost, "/api/v1/keys/"+ak2.ID+"/rotate", ak.Key, nil)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	var rot coordinator.APIKeyView
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &rot))
	require.Equal(t, ak2.ID, rot.ID)
	require.Equal(t, ak2.Owner, rot.Owner)
	require.NotEqual(t, ak2.Key, rot.Key)
	require.Equal(t, http.StatusForbidden, a.do(http.MethodGet, "/api/v1/keys", ak2.Key, nil).Code)
	require.Equal(t, http.StatusOK, a.do(http.MethodGet, "/api/v1/keys", rot.Key, nil).Code)

	// Revocation, idempotent; a revoked key cannot be rotated.
	for range 2 {
		w = a.do(http.MethodDelete, "/api/v1/keys/"+rot.ID, ak.Key, nil)
		require.Equal(t, http.StatusOK, w.Code, w.Body.String())
		var v coordinator.APIKeyView
		require.NoError(t, json.Unmarshal(w.Body.Bytes(), &v))
		require.False(t, v.IsActive)
		require.Equal(t, t0, *v.RevokedAt)
	}
	w = a.do(http.MethodGet, "/api/v1/keys", rot.Key, nil)
	require.Equal(t, http.StatusForbidden, w.Code)
	require.Contains(t, w.Body.String(), "inactive")
	require.Equal(t, http.StatusConflict, a.do(http.MethodPost, "/api/v1/keys/"+rot.ID+"/rotate", testKey, nil).Code)

	// Admin keys: created by admins only, named owners.
	adm := a.createKey(testKey, map[string]any{"owner": "support", "scope": "admin"})
	require.Equal(t, coordinator.ScopeAdmin, adm.Scope)
	require.Equal(t, coordinator.DefaultRateLimit, adm.RateLimit)
	w = a.do(http.MethodGet, "/api/v1/keys?owner="+strings.ToLower(alice.Hex()), adm.Key, nil)
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &all))
	require.Len(t, all, 2, "an admin filters by owner")

	// The paths of the system we replace.
	w = a.do(http.MethodPost, "/api/admin/api-keys", testKey, map[string]any{"owner": bob.Hex(), "rate_limit": 100})
	require.Equal(t, http.StatusCreated, w.Code, w.Body.String())
	var bk coordinator.APIKeyView
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &bk))
	w = a.do(http.MethodGet, "/api/admin/api-keys/"+bob.Hex(), testKey, nil)
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &all))
	require.Len(t, all, 1)
	require.Equal(t, bk.ID, all[0].ID)
	require.Equal(t, http.StatusOK, a.do(http.MethodDelete, "/api/admin/api-keys/"+bk.ID, testKey, nil).Code)
	require.Equal(t, http.StatusForbidden, a.do(http.MethodGet, "/api/v1/keys", bk.Key, nil).Code)

	// A user has at most a few active keys.
	for i := 0; ; i++ {
		w := a.do(http.MethodPost, "/api/v1/keys", ak.Key, nil)
		if w.Code == http.StatusConflict {
			require.Equal(t, 9, i, "alice had one active key, then 9 more")
			break
		}
		require.Equal(t, http.StatusCreated, w.Code, w.Body.String())
	}
}

// TestAPITenantIsolation: user keys reach their owner's jobs, tasks and keys
// only, and another tenant's answer 404; admin keys reach everything.
func TestAPITenantIsolation(t *testing.T) {
	scripts := &memScripts{m: map[string][]byte{"bafktranscript": []byte(`{"exchanges":[]}`)}}
	a := newAPI(t, func(c *coordinator.APIConfig) {
		c.Scripts = scripts
		c.Fees = func(_ context.Context, j coordinator.Job) (coordinator.FeeQuote, error) {
			return coordinator.FeeQuote{JobID: uint64(j.JobID), Gas: 21000}, nil
		}
	})
	ctx := context.Background()
	ak := a.createKey(testKey, map[string]any{"owner": alice.Hex()})
	bk := a.createKey(testKey, map[string]any{"owner": bob.Hex()})
	keys := map[string]string{"alice": ak.Key, "bob": bk.Key, "admin": testKey}

	// Job 1 is alice's, job 4 bob's, each with one task.
	w := a.do(http.MethodPost, "/api/jobs", ak.Key, jobRequest("1", "1"))
	require.Equal(t, http.StatusCreated, w.Code, w.Body.String())
	a.chain.commit(4, "4")
	a.chain.jobs[4] = func(j coordinator.OnchainJob) coordinator.OnchainJob { j.Owner = bob; return j }(a.chain.jobs[4])
	bobJob := jobRequest("4", "4")
	bobJob["user_address"] = bob.Hex()
	w = a.do(http.MethodPost, "/api/jobs", ak.Key, bobJob)
	require.Equal(t, http.StatusForbidden, w.Code, "alice cannot create bob's job")
	require.Equal(t, "user_address", problemBody(t, w, w.Body.Bytes(), http.StatusForbidden).Field)
	w = a.do(http.MethodPost, "/api/jobs", ak.Key, []any{jobRequest("2", "2"), bobJob})
	require.Equal(t, http.StatusForbidden, w.Code, "nor in an array")
	require.Equal(t, 1, *problemBody(t, w, w.Body.Bytes(), http.StatusForbidden).Index)
	w = a.do(http.MethodPost, "/api/jobs", bk.Key, bobJob)
	require.Equal(t, http.StatusCreated, w.Code, w.Body.String())
	taskOf := map[uint64]common.Hash{}
	for _, id := range []uint64{1, 4} {
		_, _, err := a.store.UpdateJob(ctx, id, func(j *coordinator.Job) (*coordinator.Task, error) {
			task := sampleTask(id, j.NextExecutionTimestamp)
			task.ScriptRun = &attestation.ScriptRun{Transcript: "bafktranscript"}
			taskOf[id] = task.TaskID
			return &task, nil
		})
		require.NoError(t, err)
	}

	type route struct{ method, path string }
	routes := func(job uint64) []route {
		j, task := strconv.FormatUint(job, 10), taskOf[job].Hex()
		return []route{
			{http.MethodGet, "/api/jobs/" + j},
			{http.MethodGet, "/api/jobs/" + j + "/tasks"},
			{http.MethodGet, "/api/jobs/" + j + "/fee"},
			{http.MethodGet, "/api/tasks/" + task},
			{http.MethodGet, "/api/tasks/" + task + "/transcript"},
			{http.MethodDelete, "/api/jobs/" + j}, // last: it deletes the job
		}
	}
	for _, tc := range []struct {
		caller string
		job    uint64
		code   int
	}{
		{"bob", 1, http.StatusNotFound}, // first, before alice deletes her job
		{"alice", 4, http.StatusNotFound},
		{"alice", 1, http.StatusOK},
		{"admin", 4, http.StatusOK},
		{"admin", 1, http.StatusOK},
	} {
		for _, r := range routes(tc.job) {
			t.Run(tc.caller+" "+r.method+" "+r.path, func(t *testing.T) {
				w := a.do(r.method, r.path, keys[tc.caller], nil)
				require.Equal(t, tc.code, w.Code, w.Body.String())
				if tc.code == http.StatusNotFound {
					p := problemBody(t, w, w.Body.Bytes(), http.StatusNotFound)
					require.Contains(t, p.Detail, "not found", "the same answer as for a job that does not exist")
					j, err := a.store.Job(ctx, tc.job)
					require.NoError(t, err)
					require.Equal(t, coordinator.JobActive, j.Status, "another tenant cannot delete the job")
				}
			})
		}
	}

	// Keys: bob cannot see, rotate or revoke alice's.
	for _, r := range []route{
		{http.MethodGet, "/api/v1/keys/" + ak.ID},
		{http.MethodPost, "/api/v1/keys/" + ak.ID + "/rotate"},
		{http.MethodDelete, "/api/v1/keys/" + ak.ID},
		{http.MethodDelete, "/api/admin/api-keys/" + ak.ID},
	} {
		w := a.do(r.method, r.path, bk.Key, nil)
		require.Equal(t, http.StatusNotFound, w.Code, "%s %s: %s", r.method, r.path, w.Body.String())
	}
	w = a.do(http.MethodGet, "/api/admin/api-keys/"+alice.Hex(), bk.Key, nil)
	require.Equal(t, "[]", w.Body.String())
	require.Equal(t, http.StatusOK, a.do(http.MethodGet, "/api/v1/keys/"+ak.ID, ak.Key, nil).Code)
	require.Equal(t, http.StatusOK, a.do(http.MethodGet, "/api/v1/keys/"+ak.ID, testKey, nil).Code)
}

// fakeClock is a settable clock.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func TestAPIRateLimit(t *testing.T) {
	clock := &fakeClock{now: t0}
	a := newAPI(t, func(c *coordinator.APIConfig) {
		c.Clock = clock.Now
		c.DefaultRateLimit = 5
	})
	slow := a.createKey(testKey, map[string]any{"owner": alice.Hex(), "rate_limit": 3})

	for i := 2; i >= 0; i-- {
		w := a.do(http.MethodGet, "/api/v1/keys", slow.Key, nil)
		require.Equal(t, http.StatusOK, w.Code)
		require.Equal(t, "3", w.Header().Get("X-RateLimit-Limit"))
		require.Equal(t, strconv.Itoa(i), w.Header().Get("X-RateLimit-Remaining"))
		// The bucket is full again after (3-i) tokens at one per 20s.
		require.Equal(t, strconv.FormatInt(t0.Add(time.Duration(3-i)*20*time.Second).Unix(), 10), w.Header().Get("X-RateLimit-Reset"))
	}
	w := a.do(http.MethodGet, "/api/jobs/1", slow.Key, nil)
	require.Equal(t, http.StatusTooManyRequests, w.Code)
	p := problemBody(t, w, w.Body.Bytes(), http.StatusTooManyRequests)
	require.Equal(t, coordinator.ProblemRateLimited, p.Type)
	require.Equal(t, "20", w.Header().Get("Retry-After"))
	require.Equal(t, "0", w.Header().Get("X-RateLimit-Remaining"))
	require.Equal(t, strconv.FormatInt(t0.Add(20*time.Second).Unix(), 10), w.Header().Get("X-RateLimit-Reset"))

	// Other keys have their own buckets; the default applies without a limit.
	w = a.do(http.MethodGet, "/api/v1/keys", testKey, nil)
	require.Equal(t, http.StatusOK, w.Code)
	require.Equal(t, "5", w.Header().Get("X-RateLimit-Limit"))

	clock.Add(19 * time.Second)
	w = a.do(http.MethodGet, "/api/v1/keys", slow.Key, nil)
	require.Equal(t, http.StatusTooManyRequests, w.Code)
	require.Equal(t, "1", w.Header().Get("Retry-After"))
	clock.Add(time.Second)
	w = a.do(http.MethodGet, "/api/v1/keys", slow.Key, nil)
	require.Equal(t, http.StatusOK, w.Code)
	require.Equal(t, "0", w.Header().Get("X-RateLimit-Remaining"))

	// Unauthenticated answers carry no rate limit headers.
	w = a.do(http.MethodGet, "/api/v1/keys", "", nil)
	require.Empty(t, w.Header().Get("X-RateLimit-Limit"))
}

// failingLimiter is a RateLimiter whose backend is down.
type failingLimiter struct{}

func (failingLimiter) Allow(context.Context, string, int) (int, time.Time, bool, error) {
	return 0, time.Time{}, false, context.DeadlineExceeded
}

func TestAPIRateLimiterDown(t *testing.T) {
	a := newAPI(t, func(c *coordinator.APIConfig) { c.RateLimiter = failingLimiter{} })
	w := a.do(http.MethodGet, "/api/v1/keys", testKey, nil)
	require.Equal(t, http.StatusOK, w.Code, "a limiter outage lets requests through")
}

func TestMemoryRateLimiter(t *testing.T) {
	ctx := context.Background()
	clock := &fakeClock{now: t0}
	l := coordinator.NewMemoryRateLimiter(clock.Now)
	_, _, _, err := l.Allow(ctx, "k", 0)
	require.Error(t, err)
	for i := 59; i >= 0; i-- {
		rem, reset, ok, err := l.Allow(ctx, "k", 60)
		require.NoError(t, err)
		require.True(t, ok)
		require.Equal(t, i, rem)
		require.Equal(t, t0.Add(time.Duration(60-i)*time.Second), reset)
	}
	_, reset, ok, err := l.Allow(ctx, "k", 60)
	require.NoError(t, err)
	require.False(t, ok)
	require.Equal(t, t0.Add(time.Second), reset)
	_, _, ok, _ = l.Allow(ctx, "other", 60)
	require.True(t, ok, "keys do not share buckets")

	clock.Add(2500 * time.Millisecond) // 2.5 tokens back
	for range 2 {
		_, _, ok, _ = l.Allow(ctx, "k", 60)
		require.True(t, ok)
	}
	_, reset, ok, _ = l.Allow(ctx, "k", 60)
	require.False(t, ok)
	require.Equal(t, clock.Now().Add(500*time.Millisecond), reset)

	clock.Add(time.Hour) // refills to the limit, not beyond
	for range 60 {
		_, _, ok, _ = l.Allow(ctx, "k", 60)
		require.True(t, ok)
	}
	_, _, ok, _ = l.Allow(ctx, "k", 60)
	require.False(t, ok)
}
