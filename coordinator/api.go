package coordinator

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
)

// OnchainJob is a job as the JobRegistry contract records it
// (getJob(jobId) returns (owner, taskDefinitionId, target, specHash, active)).
type OnchainJob struct {
	Owner            common.Address
	TaskDefinitionID attestation.TaskDefinitionID
	Target           common.Address
	SpecHash         common.Hash // attestation.JobCommitment of the job's action and trigger
	Active           bool
}

// APIConfig configures the REST API.
type APIConfig struct {
	// JobLookup reads a job from the JobRegistry. It returns an error
	// wrapping ErrNotFound when the job does not exist. Required: without it
	// job creation fails closed.
	JobLookup func(ctx context.Context, jobID uint64) (OnchainJob, error)
	// JobRegistry is the home chain's JobRegistry JobLookup reads; POST
	// /api/v1/jobs/commitment tells clients where to create jobs. Zero when
	// unknown: the answer leaves it out.
	JobRegistry common.Address
	// HomeChainID is the id of the home chain, where the JobRegistry lives;
	// 0 when unknown: POST /api/v1/jobs/commitment leaves it out.
	HomeChainID uint64
	// CheckTrigger validates a job's trigger in depth (cron syntax, event
	// signature and filters, condition limits, chains the coordinator
	// watches); nil skips those checks.
	CheckTrigger func(attestation.Trigger) error
	// Scripts stores job scripts by CID; nil refuses script jobs (task
	// definitions 2, 4, 6, 7) and POST /api/scripts.
	Scripts ScriptStore
	// Proofs builds GET /api/tasks/:task_id/proof, the Merkle proof of a
	// task recorded in a batch (BatchProofs); nil answers 503.
	Proofs interface {
		Prove(ctx context.Context, task, submissionTx common.Hash) (TaskProof, error)
	}
	// Fees quotes GET /api/jobs/:job_id/fee; nil answers 503.
	Fees FeeQuoter
	// Keepers reads the registered keepers for GET /api/v1/keepers and its
	// sub-routes; nil answers 503.
	Keepers KeeperSource
	// ReadyChecks are what GET /api/v1/ready checks besides the store, by
	// name (say "chain": the RPC endpoint answers).
	ReadyChecks map[string]func(context.Context) error
	// Metrics serves GET /api/v1/metrics (no key, like /metrics); nil
	// answers 503.
	Metrics http.Handler
	// Health tells which keepers are online, for the keeper routes; nil
	// leaves their health out.
	Health HealthView
	// Created and Deleted, when set, are told about each job registered or
	// deleted through the API (the trigger router watches its trigger).
	Created func(Job)
	Deleted func(jobID uint64)
	// Paused and Resumed, when set, are told about each job paused or
	// resumed through the API (the scheduler drops or re-indexes it). A
	// job expired by a PATCH of its time_frame is told to Deleted.
	Paused  func(jobID uint64)
	Resumed func(Job)
	// Events feeds GET /api/v1/events; nil answers 503. Give the API the
	// store WithEvents(store, Events) returns, or one every component
	// writes through, so that every task change is published.
	Events Broker
	// EventHeartbeat is how often an idle event stream gets a comment line;
	// default 15s.
	EventHeartbeat time.Duration
	Logger         *zap.Logger
	// Registerer receives the coordinator's metrics; nil for none.
	Registerer prometheus.Registerer
	// Clock returns the current time; time.Now when nil.
	Clock func() time.Time
	// Version is reported by GET /health.
	Version string
	// RequestTimeout bounds every request's context; default 15s.
	RequestTimeout time.Duration
	// MaxBodyBytes limits request bodies; default 1 MiB.
	MaxBodyBytes int64
	// MaxJobsPerRequest limits the jobs of one POST /api/jobs; default 100.
	MaxJobsPerRequest int
	// RateLimiter limits the requests of each API key; nil for an
	// in-memory token bucket per key (one process, reading Clock).
	RateLimiter RateLimiter
	// DefaultRateLimit is the requests per minute of a key without its own
	// rate limit; default DefaultRateLimit (600), at most 1,000,000.
	DefaultRateLimit int
}

// API limits and defaults.
const (
	defaultRequestTimeout    = 15 * time.Second
	defaultMaxBodyBytes      = 1 << 20
	defaultMaxJobsPerRequest = 100
	defaultTaskListLimit     = 100
	defaultEventHeartbeat    = 15 * time.Second
	// eventStreamTimeout bounds an event stream; the client reconnects.
	eventStreamTimeout = time.Hour
	// jobListPage is how many jobs a cross-job task listing reads at once.
	jobListPage      = 500
	maxTaskListLimit = 1000
	// jobTaskIDs is how many of its most recent task ids a job response lists.
	jobTaskIDs = 100
	// maxSeconds bounds time_interval and time_frame (about 100 years).
	maxSeconds = 100 * 365 * 24 * 3600
	// minAPIKeyLen is the shortest API key SeedAPIKey accepts.
	minAPIKeyLen = 16
	apiKeyHeader = "X-Api-Key"
)

// JobRequest is one job of a POST /api/jobs body. Fields not listed are
// ignored, so payloads of the system we replace are accepted as they are.
// Integer fields accept a JSON number or a decimal string.
type JobRequest struct {
	JobID                 *Decimal `json:"job_id"`
	UserAddress           string   `json:"user_address"`
	JobTitle              string   `json:"job_title"`
	TaskDefinitionID      *Decimal `json:"task_definition_id"`
	ScheduleType          string   `json:"schedule_type,omitempty"`
	TimeInterval          *Decimal `json:"time_interval"`
	TimeFrame             *Decimal `json:"time_frame,omitempty"`
	StartTime             *Decimal `json:"start_time,omitempty"` // unix seconds, part of the commitment
	EndTime               *Decimal `json:"end_time,omitempty"`   // unix seconds, part of the commitment
	TargetChainID         *Decimal `json:"target_chain_id"`
	TargetJobID           *Decimal `json:"target_job_id,omitempty"` // the job's id on the target chain, when not the home chain
	TargetContractAddress string   `json:"target_contract_address"`
	// TargetFunction is a canonical signature ("increment(uint256)") or a
	// method name of ABI.
	TargetFunction string `json:"target_function"`
	// ABI is the contract ABI as JSON text (a JSON array is accepted too).
	ABI       string   `json:"abi,omitempty"`
	Arguments []string `json:"arguments"`

	// fields are all the request's fields, for the trigger settings.
	fields requestFields
}

// fieldError is a validation failure of one request field.
type fieldError struct {
	Field string
	Msg   string
}

func (e *fieldError) Error() string { return e.Field + ": " + e.Msg }

func badField(field, format string, args ...any) error {
	return &fieldError{Field: field, Msg: fmt.Sprintf(format, args...)}
}

// httpError carries a problem from a handler's helpers to the edge.
type httpError struct {
	Body Problem
}

func (e *httpError) Error() string { return e.Body.Detail }

func newHTTPError(code int, field, format string, args ...any) *httpError {
	return &httpError{Body: newProblem(code, field, format, args...)}
}

type api struct {
	store   Store
	cfg     APIConfig
	limiter RateLimiter
	logger  *zap.Logger
	metrics *Metrics
	keys    *keyCache
}

// NewAPI returns the coordinator's REST API:
//
// Routes are under /api/v1 (described by the OpenAPI document served at
// GET /api/v1/openapi.json, openapi.json here) and, for SDKs written
// against the system we replace, the same ones under /api:
//
//	GET    /health                  service status (no key; also /api/v1/health)
//	GET    /ready                   503 unless the store and ReadyChecks answer (no key; also /api/v1/ready)
//	GET    /dashboard               the web dashboard, assets under /dashboard/assets/ (no key; the page asks for one)
//	POST   /api/jobs                register jobs created on-chain (key)
//	POST   /api/scripts             store a job script, answer its CID (key)
//	GET    /api/jobs/:job_id        one job (key)
//	GET    /api/jobs/:job_id/tasks  a job's tasks, newest first, ?limit= (key)
//	GET    /api/jobs/:job_id/fee    the expected fee of one execution (key)
//	DELETE /api/jobs/:job_id        stop a job (key)
//	GET    /api/tasks/:task_id      one task (key)
//	GET    /api/tasks/:task_id/transcript  the network transcript of its script run (key)
//	GET    /api/tasks/:task_id/proof  the Merkle proof of a task recorded in a batch (key)
//	GET    /api/v1/jobs             list jobs, ?status=&task_definition_id=&user_address=&limit=&cursor= (key)
//	PATCH  /api/v1/jobs/:job_id     change job_title or time_frame, not the on-chain commitment (key)
//	POST   /api/v1/jobs/:job_id/pause   stop firing until resumed (key)
//	POST   /api/v1/jobs/:job_id/resume  fire again, from now on (key)
//	POST   /api/v1/jobs/commitment  validate a job, answer the arguments of JobRegistry.createJob (key)
//	GET    /api/v1/tasks            tasks across jobs, newest first, ?user_address=&status=&limit= (key)
//	GET    /api/v1/events           task events as Server-Sent Events (key)
//	GET    /api/v1/jobs/:job_id/events  a job's task events (key)
//	GET    /api/v1/keepers          every registered keeper: stake, voting power, activity (key)
//	GET    /api/v1/keepers/leaderboard  keepers by tasks performed, then stake, ?limit= (key)
//	GET    /api/v1/keepers/:address one keeper (key)
//	GET    /api/v1/users/leaderboard  users by points, ?limit= (key)
//	GET    /api/v1/users/:address   a user's points, jobs and completed tasks (key; a user key its own)
//	GET    /api/v1/metrics          Prometheus metrics (no key)
//	POST   /api/v1/keys             create a key; its secret is shown once (key)
//	GET    /api/v1/keys             list keys, masked, ?owner= (key)
//	GET    /api/v1/keys/:id         one key, masked (key)
//	POST   /api/v1/keys/:id/rotate  give a key a new secret, shown once (key)
//	DELETE /api/v1/keys/:id         revoke a key (key)
//	POST   /api/admin/api-keys, GET /api/admin/api-keys/:owner,
//	DELETE /api/admin/api-keys/:id  the same, at the paths of the system we replace
//
// Keyed routes need an active API key in the X-Api-Key header (401 when
// missing, 403 when unknown or revoked). A user-scope key works on the jobs
// and tasks of its owner address only: another owner's job or task answers
// 404, as if it did not exist; it creates jobs of its owner only and
// manages its owner's user keys. Keepers are public: any key reads them. An admin key sees and manages everything.
// Each key gets its rate limit (requests per minute): every keyed answer
// carries X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset
// (unix seconds), and a request over the limit answers 429 with
// Retry-After. Every error answer is a Problem (application/problem+json).
//
// The event streams send "event: task", "id: <seq>" and as data the task
// as GET /api/tasks/:task_id shows it, each time a task is created or
// changes, and a comment line every EventHeartbeat. A user key hears the
// tasks of its owner's jobs only. The ids number each stream's events from
// 1: a gap means events were lost (the client was too slow). Last-Event-ID
// is not supported: a client that reconnects gets the events from then on,
// numbered afresh, and should re-read the tasks it follows.
func NewAPI(store Store, cfg APIConfig) http.Handler {
	if cfg.Logger == nil {
		cfg.Logger = zap.NewNop()
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = defaultRequestTimeout
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = defaultMaxBodyBytes
	}
	if cfg.MaxJobsPerRequest <= 0 {
		cfg.MaxJobsPerRequest = defaultMaxJobsPerRequest
	}
	if cfg.DefaultRateLimit <= 0 {
		cfg.DefaultRateLimit = DefaultRateLimit
	}
	if cfg.EventHeartbeat <= 0 {
		cfg.EventHeartbeat = defaultEventHeartbeat
	}
	cfg.DefaultRateLimit = min(cfg.DefaultRateLimit, maxRateLimit)
	a := &api{store: store, cfg: cfg, limiter: cfg.RateLimiter, logger: cfg.Logger.Named("api"), keys: newKeyCache()}
	if a.limiter == nil {
		a.limiter = NewMemoryRateLimiter(cfg.Clock)
	}
	m, err := NewMetrics(cfg.Registerer)
	if err != nil {
		a.logger.Warn("Register API metrics", zap.Error(err))
	}
	a.metrics = m
	if cfg.JobLookup == nil {
		a.logger.Error("No on-chain job lookup configured: job registration is refused")
	}

	// gin's debug mode prints to stdout; switch to release mode unless the
	// operator asked for a mode (GIN_MODE). The mode is process-wide.
	if gin.Mode() == gin.DebugMode && os.Getenv(gin.EnvGinMode) == "" {
		gin.SetMode(gin.ReleaseMode)
	}
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.Use(a.recoverPanic, a.observe, a.bound)
	r.NoRoute(func(c *gin.Context) { problem(c, http.StatusNotFound, "", "no such route") })
	r.NoMethod(func(c *gin.Context) { problem(c, http.StatusMethodNotAllowed, "", "method not allowed") })

	r.GET("/health", a.health)
	r.GET("/api/v1/health", a.health)
	r.GET("/ready", a.ready)
	r.GET("/api/v1/ready", a.ready)
	r.GET("/api/v1/openapi.json", serveOpenAPI)
	r.GET("/api/v1/metrics", a.serveMetrics)
	serveDashboard(r)
	// Every route is served under /api/v1 and, for SDKs written against the
	// system we replace, under /api.
	for _, prefix := range []string{"/api/v1", "/api"} {
		g := r.Group(prefix, a.authenticate)
		g.POST("/jobs", a.createJobs)
		g.POST("/scripts", a.uploadScript)
		g.GET("/jobs/:job_id", a.getJob)
		g.GET("/jobs/:job_id/fee", a.getFee)
		g.GET("/jobs/:job_id/tasks", a.getJobTasks)
		g.DELETE("/jobs/:job_id", a.deleteJob)
		g.GET("/tasks/:task_id", a.getTask)
		g.GET("/tasks/:task_id/transcript", a.getTranscript)
		g.GET("/tasks/:task_id/proof", a.getTaskProof)
	}
	v1 := r.Group("/api/v1", a.authenticate)
	v1.GET("/jobs", a.listJobs)
	v1.PATCH("/jobs/:job_id", a.patchJob)
	v1.POST("/jobs/:job_id/pause", a.pauseJob)
	v1.POST("/jobs/:job_id/resume", a.resumeJob)
	v1.POST("/jobs/commitment", a.jobCommitment)
	v1.GET("/tasks", a.listTasks)
	v1.GET("/events", a.events)
	v1.GET("/jobs/:job_id/events", a.events)
	keepers := newKeepersAPI(a)
	v1.GET("/keepers", keepers.list)
	v1.GET("/keepers/leaderboard", keepers.leaderboard)
	v1.GET("/keepers/:address", keepers.get)
	v1.GET("/users/leaderboard", a.usersLeaderboard)
	v1.GET("/users/:address", a.getUser)
	v1.POST("/keys", a.createKey)
	v1.GET("/keys", a.listKeys)
	v1.GET("/keys/:id", a.getKey)
	v1.POST("/keys/:id/rotate", a.rotateKey)
	v1.DELETE("/keys/:id", a.revokeKey)
	// The API-key routes of the system we replace.
	old := r.Group("/api", a.authenticate)
	old.POST("/admin/api-keys", a.createKey)
	old.GET("/admin/api-keys/:owner", a.listKeys)
	old.DELETE("/admin/api-keys/:id", a.revokeKey)
	return r
}

// recoverPanic turns a handler panic into a 500; the process keeps serving.
func (a *api) recoverPanic(c *gin.Context) {
	defer func() {
		if v := recover(); v != nil {
			a.logger.Error("Handler panicked", zap.String("route", c.FullPath()), zap.Any("panic", v), zap.Stack("stack"))
			problem(c, http.StatusInternalServerError, "", "internal error")
		}
	}()
	c.Next()
}

// observe counts and logs every request.
func (a *api) observe(c *gin.Context) {
	start := time.Now()
	c.Next()
	route := c.FullPath()
	if route == "" {
		route = "unmatched"
	}
	code := c.Writer.Status()
	a.metrics.httpRequest(route, code)
	fields := []zap.Field{
		zap.String("method", c.Request.Method), zap.String("route", route),
		zap.Int("code", code), zap.Duration("duration", time.Since(start)),
	}
	if len(c.Errors) > 0 {
		fields = append(fields, zap.String("error", c.Errors.String()))
	}
	if code >= 500 {
		a.logger.Warn("Request failed", fields...)
		return
	}
	a.logger.Debug("Request served", fields...)
}

// bound gives every request a bounded context; an event stream's is
// eventStreamTimeout.
func (a *api) bound(c *gin.Context) {
	timeout := a.cfg.RequestTimeout
	if strings.HasSuffix(c.FullPath(), "/events") {
		timeout = eventStreamTimeout
	}
	ctx, cancel := context.WithTimeout(c.Request.Context(), timeout)
	defer cancel()
	c.Request = c.Request.WithContext(ctx)
	c.Next()
}

// fail answers 500 for an unexpected error; the error is logged by observe.
func (a *api) fail(c *gin.Context, err error) {
	var he *httpError
	if errors.As(err, &he) {
		writeProblem(c, he.Body)
		return
	}
	_ = c.Error(err)
	if errors.Is(err, context.DeadlineExceeded) {
		problem(c, http.StatusServiceUnavailable, "", "request timed out")
		return
	}
	problem(c, http.StatusInternalServerError, "", "internal error")
}

func (a *api) health(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{
		"status":  "ok",
		"service": "triggerx-coordinator",
		"version": a.cfg.Version,
		"time":    a.cfg.Clock().UTC().Format(time.RFC3339),
	})
}

// readBody reads the request body up to MaxBodyBytes; it answers the
// request itself (413, 400) and returns false when it cannot.
func (a *api) readBody(c *gin.Context) ([]byte, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(c.Writer, c.Request.Body, a.cfg.MaxBodyBytes))
	if err != nil {
		if mbe := (*http.MaxBytesError)(nil); errors.As(err, &mbe) {
			problem(c, http.StatusRequestEntityTooLarge, "", "request body exceeds %d bytes", a.cfg.MaxBodyBytes)
			return nil, false
		}
		problem(c, http.StatusBadRequest, "", "read request body: %v", err)
		return nil, false
	}
	return body, true
}

func (a *api) createJobs(c *gin.Context) {
	ctx := c.Request.Context()
	body, ok := a.readBody(c)
	if !ok {
		return
	}
	reqs, isArray, err := decodeJobRequests(body, a.cfg.MaxJobsPerRequest)
	if err != nil {
		var ee *elementError
		if errors.As(err, &ee) {
			a.refuse(c, http.StatusBadRequest, ee.Err, ee.Index)
			return
		}
		a.refuse(c, http.StatusBadRequest, err, -1)
		return
	}
	index := func(i int) int {
		if isArray {
			return i
		}
		return -1
	}

	now := a.cfg.Clock().UTC().Truncate(time.Second)
	jobs := make([]Job, len(reqs))
	seen := make(map[Decimal]int, len(reqs))
	for i, r := range reqs {
		j, err := buildJob(r, now, a.cfg.CheckTrigger, a.cfg.Scripts != nil)
		if err != nil {
			a.refuse(c, http.StatusBadRequest, err, index(i))
			return
		}
		if me := caller(c); !owns(me, j.UserAddress) {
			a.refuse(c, http.StatusForbidden, badField("user_address", "this API key creates jobs of its owner %s only", me.Owner), index(i))
			return
		}
		if first, dup := seen[j.JobID]; dup {
			a.refuse(c, http.StatusBadRequest, badField("job_id", "job %d appears twice in the request (elements %d and %d)", j.JobID, first, i), index(i))
			return
		}
		seen[j.JobID] = i
		jobs[i] = j
	}

	// Cheap checks first: a registered job costs no chain call.
	for i, j := range jobs {
		if _, err := a.store.Job(ctx, uint64(j.JobID)); err == nil {
			a.refuse(c, http.StatusConflict, badField("job_id", "job %d is already registered", j.JobID), index(i))
			return
		} else if !errors.Is(err, ErrNotFound) {
			a.fail(c, fmt.Errorf("read job %d: %w", j.JobID, err))
			return
		}
	}
	for i, j := range jobs {
		err := a.checkOnchain(ctx, j)
		if err == nil {
			err = a.checkScript(ctx, j)
		}
		if err != nil {
			var he *httpError
			if errors.As(err, &he) {
				if i := index(i); i >= 0 {
					he.Body.Index = &i
				}
			}
			a.fail(c, err)
			return
		}
	}

	if err := a.store.CreateJobs(ctx, jobs...); errors.Is(err, ErrExists) {
		problem(c, http.StatusConflict, "job_id", "a job of the request is already registered: %v", err)
		return
	} else if err != nil {
		a.fail(c, fmt.Errorf("create jobs: %w", err))
		return
	}
	a.metrics.jobCreated(len(jobs))
	for _, j := range jobs {
		// Points are advisory: a failure to credit them is logged, the
		// jobs stay registered.
		key, credits := jobCredits(j, now)
		if _, err := a.store.Credit(ctx, key, credits...); err != nil {
			a.logger.Warn("Credit job points", zap.Uint64("job_id", uint64(j.JobID)), zap.Error(err))
		}
	}
	for i := range jobs {
		jobs[i].TaskIDs = []common.Hash{}
		a.logger.Info("Job registered", zap.Uint64("job_id", uint64(jobs[i].JobID)),
			zap.Stringer("user_address", jobs[i].UserAddress), zap.String("target_function", jobs[i].TargetFunction),
			zap.Stringer("trigger", jobs[i].Trigger.Kind), zap.Time("next_execution", jobs[i].NextExecutionTimestamp))
		if a.cfg.Created != nil {
			a.cfg.Created(jobs[i].Clone())
		}
	}
	if isArray {
		c.JSON(http.StatusCreated, jobs)
		return
	}
	c.JSON(http.StatusCreated, jobs[0])
}

// refuse answers a validation failure; index < 0 for a single-object request.
func (a *api) refuse(c *gin.Context, code int, err error, index int) {
	p := Problem{Status: code, Detail: err.Error()}
	var fe *fieldError
	if errors.As(err, &fe) {
		p.Field = fe.Field
		p.Errors = []FieldProblem{{Field: fe.Field, Detail: fe.Msg}}
	}
	if index >= 0 {
		p.Index = &index
	}
	writeProblem(c, p)
}

// checkOnchain refuses a job that the JobRegistry does not hold exactly as
// requested, so the coordinator never runs a job its owner did not commit to.
func (a *api) checkOnchain(ctx context.Context, j Job) error {
	if a.cfg.JobLookup == nil {
		return newHTTPError(http.StatusServiceUnavailable, "", "on-chain job lookup is not configured")
	}
	oc, err := a.cfg.JobLookup(ctx, uint64(j.JobID))
	if errors.Is(err, ErrNotFound) || (err == nil && oc.Owner == (common.Address{})) {
		return newHTTPError(http.StatusBadRequest, "job_id", "job %d does not exist in the JobRegistry: create it on-chain first", j.JobID)
	}
	if err != nil {
		a.logger.Warn("On-chain job lookup failed", zap.Uint64("job_id", uint64(j.JobID)), zap.Error(err))
		return newHTTPError(http.StatusBadGateway, "", "could not read job %d from the JobRegistry; retry later", j.JobID)
	}
	switch commitment := attestation.JobCommitment(j.Action(), j.Trigger); {
	case !oc.Active:
		return newHTTPError(http.StatusConflict, "job_id", "job %d is not active in the JobRegistry", j.JobID)
	case oc.Owner != j.UserAddress:
		return newHTTPError(http.StatusConflict, "user_address", "user_address %s is not the on-chain owner of job %d (%s)",
			j.UserAddress.Hex(), j.JobID, oc.Owner.Hex())
	case oc.TaskDefinitionID != j.TaskDefinitionID:
		return newHTTPError(http.StatusConflict, "task_definition_id", "task_definition_id %d differs from job %d's on-chain task definition %d",
			j.TaskDefinitionID, j.JobID, oc.TaskDefinitionID)
	case oc.Target != j.TargetContractAddress:
		return newHTTPError(http.StatusConflict, "target_contract_address", "target_contract_address %s differs from job %d's on-chain target %s",
			j.TargetContractAddress.Hex(), j.JobID, oc.Target.Hex())
	case oc.SpecHash != commitment:
		return newHTTPError(http.StatusConflict, "", "the action and trigger of job %d (target_chain_id, target_contract_address, "+
			"target_function %q, arguments, schedule) hash to %s but the JobRegistry holds specHash %s",
			j.JobID, j.TargetFunction, commitment.Hex(), oc.SpecHash.Hex())
	}
	return nil
}

func (a *api) getJob(c *gin.Context) {
	ctx := c.Request.Context()
	id, err := jobIDParam(c)
	if err != nil {
		a.refuse(c, http.StatusBadRequest, err, -1)
		return
	}
	j, ok := a.readJob(c, id)
	if !ok {
		return
	}
	ids, err := a.store.TaskIDs(ctx, id, jobTaskIDs)
	if err != nil {
		a.fail(c, err)
		return
	}
	j.TaskIDs = ids
	if j.TaskIDs == nil {
		j.TaskIDs = []common.Hash{}
	}
	c.JSON(http.StatusOK, j)
}

func (a *api) getJobTasks(c *gin.Context) {
	ctx := c.Request.Context()
	id, err := jobIDParam(c)
	if err != nil {
		a.refuse(c, http.StatusBadRequest, err, -1)
		return
	}
	limit := defaultTaskListLimit
	if s := c.Query("limit"); s != "" {
		v, err := parseDecimal(s)
		if err != nil || v < 1 || v > maxTaskListLimit {
			a.refuse(c, http.StatusBadRequest, badField("limit", "must be an integer from 1 to %d", maxTaskListLimit), -1)
			return
		}
		limit = int(v)
	}
	if _, ok := a.readJob(c, id); !ok {
		return
	}
	tasks, err := a.store.Tasks(ctx, id, limit)
	if err != nil {
		a.fail(c, err)
		return
	}
	if tasks == nil {
		tasks = []Task{}
	}
	for i := range tasks {
		if tasks[i].TaskAttesterIDs == nil {
			tasks[i].TaskAttesterIDs = []uint64{}
		}
	}
	c.JSON(http.StatusOK, tasks)
}

// deleteJob stops a job. Deleting a deleted job succeeds again.
func (a *api) deleteJob(c *gin.Context) {
	id, err := jobIDParam(c)
	if err != nil {
		a.refuse(c, http.StatusBadRequest, err, -1)
		return
	}
	now := a.cfg.Clock().UTC()
	me := caller(c)
	j, _, err := a.store.UpdateJob(c.Request.Context(), id, func(j *Job) (*Task, error) {
		if !owns(me, j.UserAddress) {
			return nil, ErrNotFound
		}
		if j.Status != JobDeleted {
			j.Status = JobDeleted
			j.NextExecutionTimestamp = time.Time{}
			j.UpdatedAt = now
		}
		return nil, nil
	})
	if errors.Is(err, ErrNotFound) {
		problem(c, http.StatusNotFound, "", "job %d not found", id)
		return
	} else if err != nil {
		a.fail(c, err)
		return
	}
	a.logger.Info("Job deleted", zap.Uint64("job_id", id), zap.String("key_id", me.ID), zap.String("key_owner", me.Owner))
	if a.cfg.Deleted != nil {
		a.cfg.Deleted(id)
	}
	j.TaskIDs = []common.Hash{}
	c.JSON(http.StatusOK, j)
}

func (a *api) getTask(c *gin.Context) {
	t, ok := a.taskParam(c)
	if !ok {
		return
	}
	if t.TaskAttesterIDs == nil {
		t.TaskAttesterIDs = []uint64{}
	}
	c.JSON(http.StatusOK, t)
}

// taskParam reads the task the :task_id parameter names; it answers the
// request itself and returns false when it cannot.
func (a *api) taskParam(c *gin.Context) (Task, bool) {
	s := c.Param("task_id")
	if len(s) != 2+2*common.HashLength || !strings.HasPrefix(s, "0x") || !isHex(s[2:]) {
		a.refuse(c, http.StatusBadRequest, badField("task_id", "must be a 0x-prefixed 32-byte hex hash"), -1)
		return Task{}, false
	}
	ctx := c.Request.Context()
	t, err := a.store.Task(ctx, common.HexToHash(s))
	if err == nil && caller(c).Scope != ScopeAdmin {
		// A task is its job owner's: another tenant's is not found.
		var j Job
		if j, err = a.store.Job(ctx, uint64(t.JobID)); err == nil && !owns(caller(c), j.UserAddress) {
			err = ErrNotFound
		}
	}
	if errors.Is(err, ErrNotFound) {
		problem(c, http.StatusNotFound, "", "task %s not found", s)
		return Task{}, false
	} else if err != nil {
		a.fail(c, err)
		return Task{}, false
	}
	return t, true
}

// readJob reads job id if the caller owns it; it answers the request itself
// (404 for a missing job or another tenant's) and returns false when not.
func (a *api) readJob(c *gin.Context, id uint64) (Job, bool) {
	j, err := a.store.Job(c.Request.Context(), id)
	if err == nil && !owns(caller(c), j.UserAddress) {
		err = ErrNotFound
	}
	if errors.Is(err, ErrNotFound) {
		problem(c, http.StatusNotFound, "", "job %d not found", id)
		return Job{}, false
	} else if err != nil {
		a.fail(c, err)
		return Job{}, false
	}
	return j, true
}

func jobIDParam(c *gin.Context) (uint64, error) {
	id, err := parseDecimal(c.Param("job_id"))
	if err != nil {
		return 0, badField("job_id", "must be an unsigned decimal integer: %v", err)
	}
	return id, nil
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// elementError is an error in one element of an array request.
type elementError struct {
	Index int
	Err   error
}

func (e *elementError) Error() string { return fmt.Sprintf("element %d: %v", e.Index, e.Err) }
func (e *elementError) Unwrap() error { return e.Err }

// decodeJobRequests decodes a POST /api/jobs body: one JSON object or an
// array of objects. Errors are user-facing.
func decodeJobRequests(body []byte, max int) (reqs []JobRequest, isArray bool, err error) {
	body = bytes.TrimSpace(body)
	var raws []json.RawMessage
	switch {
	case len(body) == 0:
		return nil, false, errors.New("request body is empty: send a job object or an array of job objects")
	case body[0] == '[':
		isArray = true
		if err := json.Unmarshal(body, &raws); err != nil {
			return nil, true, fmt.Errorf("request body is not a JSON array of job objects: %v", err)
		}
		if len(raws) == 0 {
			return nil, true, errors.New("request body is an empty array")
		}
		if len(raws) > max {
			return nil, true, fmt.Errorf("request has %d jobs; at most %d are accepted at once", len(raws), max)
		}
	case body[0] == '{':
		raws = []json.RawMessage{body}
	default:
		return nil, false, errors.New("request body must be a JSON object or an array of objects")
	}
	reqs = make([]JobRequest, len(raws))
	for i, raw := range raws {
		r, err := decodeJobRequest(raw)
		if err != nil {
			if isArray {
				return nil, true, &elementError{Index: i, Err: err}
			}
			return nil, false, err
		}
		reqs[i] = r
	}
	return reqs, isArray, nil
}

// decodeJobRequest decodes one job object field by field, so that a type
// error names its field. Unknown fields are ignored; null means absent.
func decodeJobRequest(raw json.RawMessage) (JobRequest, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return JobRequest{}, fmt.Errorf("job is not a JSON object: %v", err)
	}
	r := JobRequest{fields: fields}
	decimal := func(name string, dst **Decimal) error {
		v, ok := fields[name]
		if !ok || string(v) == "null" {
			return nil
		}
		var d Decimal
		if err := d.UnmarshalJSON(v); err != nil {
			return badField(name, "must be an unsigned integer (number or decimal string): %v", err)
		}
		*dst = &d
		return nil
	}
	str := func(name string, dst *string) error {
		v, ok := fields[name]
		if !ok || string(v) == "null" {
			return nil
		}
		if err := json.Unmarshal(v, dst); err != nil {
			return badField(name, "must be a string")
		}
		return nil
	}
	for _, err := range []error{
		decimal("job_id", &r.JobID),
		str("user_address", &r.UserAddress),
		str("job_title", &r.JobTitle),
		decimal("task_definition_id", &r.TaskDefinitionID),
		str("schedule_type", &r.ScheduleType),
		decimal("time_interval", &r.TimeInterval),
		decimal("time_frame", &r.TimeFrame),
		decimal("start_time", &r.StartTime),
		decimal("end_time", &r.EndTime),
		decimal("target_chain_id", &r.TargetChainID),
		decimal("target_job_id", &r.TargetJobID),
		str("target_contract_address", &r.TargetContractAddress),
		str("target_function", &r.TargetFunction),
	} {
		if err != nil {
			return JobRequest{}, err
		}
	}
	if v, ok := fields["abi"]; ok && string(v) != "null" {
		switch bytes.TrimSpace(v)[0] {
		case '"':
			if err := json.Unmarshal(v, &r.ABI); err != nil {
				return JobRequest{}, badField("abi", "must be a string or a JSON array")
			}
		case '[':
			var buf bytes.Buffer
			if err := json.Compact(&buf, v); err != nil {
				return JobRequest{}, badField("abi", "must be a string or a JSON array")
			}
			r.ABI = buf.String()
		default:
			return JobRequest{}, badField("abi", "must be a string or a JSON array")
		}
	}
	if v, ok := fields["arguments"]; ok && string(v) != "null" {
		if err := json.Unmarshal(v, &r.Arguments); err != nil {
			return JobRequest{}, badField("arguments", "must be an array of strings")
		}
	}
	return r, nil
}

// buildJob validates a request and builds the job, created at now. check,
// when not nil, validates the trigger in depth (cron syntax, event signature
// and filters, condition limits, configured chains).
func buildJob(r JobRequest, now time.Time, check func(attestation.Trigger) error, scripts bool) (Job, error) {
	if r.JobID == nil {
		return Job{}, badField("job_id", "is required (the id returned by JobRegistry.createJob)")
	}
	user, err := parseAddress("user_address", r.UserAddress)
	if err != nil {
		return Job{}, err
	}
	title := strings.TrimSpace(r.JobTitle)
	if n := utf8.RuneCountInString(title); n < 3 || n > 100 {
		return Job{}, badField("job_title", "must be 3 to 100 characters")
	}
	if r.TaskDefinitionID == nil {
		return Job{}, badField("task_definition_id", "is required")
	}
	tdid := attestation.TaskDefinitionID(*r.TaskDefinitionID)
	if *r.TaskDefinitionID > 0xffff || !tdid.Valid() {
		return Job{}, badField("task_definition_id", "must be 1 to 7")
	}
	if tdid.HasScript() && !scripts {
		return Job{}, badField("task_definition_id", "%d needs a script, and this coordinator has no script store", tdid)
	}
	var script *attestation.Script
	if tdid.HasScript() {
		if script, err = parseScript(r.fields); err != nil {
			return Job{}, err
		}
	}
	var start, end int64
	if r.StartTime != nil {
		if *r.StartTime > math.MaxInt64/2 {
			return Job{}, badField("start_time", "must be a unix time in seconds")
		}
		start = int64(*r.StartTime)
	}
	if r.EndTime != nil {
		if *r.EndTime > math.MaxInt64/2 {
			return Job{}, badField("end_time", "must be a unix time in seconds")
		}
		end = int64(*r.EndTime)
		if end != 0 && end < start {
			return Job{}, badField("end_time", "must not be before start_time")
		}
	}
	trigger, err := parseTrigger(r.fields, tdid, start, end)
	if err != nil {
		return Job{}, err
	}
	if err := trigger.Check(); err != nil {
		return Job{}, badField("trigger", "%v", err)
	}
	if check != nil {
		if err := check(trigger); err != nil {
			return Job{}, badField(triggerField(trigger), "%v", err)
		}
	}
	var interval int64
	if trigger.Time != nil {
		interval = int64(trigger.Time.Interval)
	}
	var frame int64
	if r.TimeFrame != nil {
		if *r.TimeFrame > maxSeconds {
			return Job{}, badField("time_frame", "must be a number of seconds up to %d (0 = no expiry)", maxSeconds)
		}
		frame = int64(*r.TimeFrame)
		if frame > 0 && frame < interval {
			return Job{}, badField("time_frame", "must be 0 (no expiry) or at least time_interval (%d s): the job would never fire", interval)
		}
	}
	if r.TargetChainID == nil || *r.TargetChainID == 0 {
		return Job{}, badField("target_chain_id", "is required (a chain id such as \"8453\")")
	}
	target, sig, args, err := buildCall(r, tdid)
	if err != nil {
		return Job{}, err
	}
	var targetJobID Decimal
	if r.TargetJobID != nil {
		targetJobID = *r.TargetJobID
	}

	j := Job{
		JobID:                  *r.JobID,
		UserAddress:            user,
		JobTitle:               title,
		TaskDefinitionID:       tdid,
		ScheduleType:           scheduleTypeOf(trigger),
		TimeInterval:           interval,
		TimeFrame:              frame,
		StartTime:              start,
		EndTime:                end,
		Trigger:                trigger,
		TargetChainID:          *r.TargetChainID,
		TargetJobID:            targetJobID,
		TargetContractAddress:  target,
		TargetFunction:         sig,
		ABI:                    r.ABI,
		Arguments:              args,
		Script:                 script,
		Status:                 JobActive,
		NextExecutionTimestamp: firstSlot(trigger, now),
		CreatedAt:              now,
		UpdatedAt:              now,
	}
	if frame > 0 {
		j.ExpirationTime = now.Add(time.Duration(frame) * time.Second)
	}
	return j, nil
}

// buildCall reads what the job calls: the target and, for every kind but 7,
// the function; static jobs give its arguments, script jobs (2, 4, 6) none,
// since their script computes them. A custom-script job (7) may leave the
// target open (its script names it) and has neither function nor arguments.
func buildCall(r JobRequest, tdid attestation.TaskDefinitionID) (common.Address, string, []string, error) {
	if tdid == attestation.CustomScript {
		var target common.Address
		if r.TargetContractAddress != "" {
			t, err := parseAddress("target_contract_address", r.TargetContractAddress)
			if err != nil {
				return common.Address{}, "", nil, err
			}
			target = t
		}
		if r.TargetFunction != "" || len(r.Arguments) > 0 {
			return common.Address{}, "", nil, badField("target_function", "a custom-script job (7) has no function or arguments: its script returns the calldata")
		}
		return target, "", []string{}, nil
	}
	target, err := parseAddress("target_contract_address", r.TargetContractAddress)
	if err != nil {
		return common.Address{}, "", nil, err
	}
	sig, params, err := resolveFunction(r.TargetFunction, r.ABI)
	if err != nil {
		var fe *fieldError
		if !errors.As(err, &fe) {
			err = badField("target_function", "%s", err.Error())
		}
		return common.Address{}, "", nil, err
	}
	args := r.Arguments
	if args == nil {
		args = []string{}
	}
	if tdid.HasScript() {
		if len(args) > 0 {
			return common.Address{}, "", nil, badField("arguments", "must be empty: the job's script computes them")
		}
		return target, sig, args, nil
	}
	if len(args) != len(params) {
		return common.Address{}, "", nil, badField("arguments", "%s takes %d arguments, got %d", sig, len(params), len(args))
	}
	for i, arg := range args {
		if err := checkArgument(params[i], arg); err != nil {
			return common.Address{}, "", nil, badField("arguments["+strconv.Itoa(i)+"]", "%v (parameter type %s)", err, params[i])
		}
	}
	return target, sig, args, nil
}

// parseAddress accepts a 0x-prefixed 20-byte hex address; a mixed-case
// address must carry a valid EIP-55 checksum.
func parseAddress(field, s string) (common.Address, error) {
	if s == "" {
		return common.Address{}, badField(field, "is required")
	}
	if len(s) != 42 || !strings.HasPrefix(s, "0x") || !isHex(s[2:]) {
		return common.Address{}, badField(field, "must be a 0x-prefixed 20-byte hex address")
	}
	addr := common.HexToAddress(s)
	if body := s[2:]; body != strings.ToLower(body) && body != strings.ToUpper(body) && addr.Hex() != s {
		return common.Address{}, badField(field, "has an invalid EIP-55 checksum (expected %s)", addr.Hex())
	}
	if addr == (common.Address{}) {
		return common.Address{}, badField(field, "must not be the zero address")
	}
	return addr, nil
}
