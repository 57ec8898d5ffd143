package coordinator_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/coordinator"
)

// BenchmarkREST measures the coordinator's API in process (ServeHTTP, every
// middleware: request id, recovery, metrics, API-key lookup, tenant checks,
// problem errors), on a badger store on disk holding 1,000 jobs, next to a
// bare gin handler that answers the same job as JSON, in the same run. The
// rate limiter lets everything through (its cost is one call). It reports
// requests per second over all parallel goroutines.
func BenchmarkREST(b *testing.B) {
	ctx := context.Background()
	s, err := coordinator.OpenBadgerStore(b.TempDir(), nil)
	require.NoError(b, err)
	b.Cleanup(func() { _ = s.Close() })
	require.NoError(b, coordinator.SeedAPIKey(ctx, s, testKey, "ops"))
	const jobs = 1000
	batch := make([]coordinator.Job, 0, jobs)
	for i := range jobs {
		batch = append(batch, sampleJob(uint64(i+1), t0))
	}
	require.NoError(b, s.CreateJobs(ctx, batch...))
	chain := &chainJobs{jobs: map[uint64]coordinator.OnchainJob{}}
	api := coordinator.NewAPI(s, coordinator.APIConfig{JobLookup: chain.lookup, RateLimiter: unlimited{}})

	perSecond := func(b *testing.B) {
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
	}
	get := func(b *testing.B, h http.Handler, path func(i int) string) {
		var seq atomic.Int64
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				i := int(seq.Add(1))
				r := httptest.NewRequest(http.MethodGet, path(i), nil)
				r.Header.Set("X-Api-Key", testKey)
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				if w.Code != http.StatusOK {
					b.Fatalf("GET %s: %d %s", r.URL, w.Code, w.Body)
				}
			}
		})
		perSecond(b)
	}

	b.Run("bare-gin-read", func(b *testing.B) {
		gin.SetMode(gin.ReleaseMode)
		bare := gin.New()
		byID := make(map[string]coordinator.Job, jobs)
		for _, j := range batch {
			byID[strconv.FormatUint(uint64(j.JobID), 10)] = j
		}
		bare.GET("/jobs/:id", func(c *gin.Context) {
			j, ok := byID[c.Param("id")]
			if !ok {
				c.Status(http.StatusNotFound)
				return
			}
			c.JSON(http.StatusOK, j)
		})
		get(b, bare, func(i int) string { return "/jobs/" + strconv.Itoa(1+i%jobs) })
	})
	b.Run("job-read", func(b *testing.B) {
		get(b, api, func(i int) string { return "/api/v1/jobs/" + strconv.Itoa(1+i%jobs) })
	})
	// A job that has fired often lists its 100 newest task ids.
	const busy = 10
	for id := range uint64(busy) {
		for k := range 150 {
			_, _, err := s.UpdateJob(ctx, id+1, fireAt(t0.Add(time.Duration(k+1)*time.Minute)))
			require.NoError(b, err)
		}
	}
	b.Run("job-read-100-tasks", func(b *testing.B) {
		get(b, api, func(i int) string { return "/api/v1/jobs/" + strconv.Itoa(1+i%busy) })
	})
	// Fresh ids across the runs of job-create, each committed on the
	// (in-memory) chain first.
	var next atomic.Int64
	next.Store(jobs)
	b.Run("job-create", func(b *testing.B) {
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				id := next.Add(1)
				chain.commit(uint64(id), "1")
				body, err := json.Marshal([]map[string]any{jobRequest(strconv.FormatInt(id, 10), "1")})
				if err != nil {
					b.Fatal(err)
				}
				r := httptest.NewRequest(http.MethodPost, "/api/v1/jobs", bytes.NewReader(body))
				r.Header.Set("X-Api-Key", testKey)
				r.Header.Set("Content-Type", "application/json")
				w := httptest.NewRecorder()
				api.ServeHTTP(w, r)
				if w.Code != http.StatusCreated {
					b.Fatalf("POST /api/v1/jobs: %d %s", w.Code, w.Body)
				}
			}
		})
		perSecond(b)
	})
}
