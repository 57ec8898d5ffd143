package coordinator

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
)

// JobPage is a page of GET /api/v1/jobs.
type JobPage struct {
	Jobs []Job `json:"jobs"`
	// NextCursor continues the listing (?cursor=); absent on the last page.
	NextCursor string `json:"next_cursor,omitempty"`
}

var (
	jobStatuses  = []JobStatus{JobActive, JobPaused, JobExpired, JobDeleted, JobCompleted}
	taskStatuses = []TaskStatus{TaskProcessing, TaskDispatched, TaskCompleted, TaskRejected, TaskFailed}
)

// listLimit reads ?limit= (default defaultTaskListLimit).
func listLimit(c *gin.Context) (int, error) {
	s := c.Query("limit")
	if s == "" {
		return defaultTaskListLimit, nil
	}
	v, err := parseDecimal(s)
	if err != nil || v < 1 || v > maxTaskListLimit {
		return 0, badField("limit", "must be an integer from 1 to %d", maxTaskListLimit)
	}
	return int(v), nil
}

// listUser reads ?user_address= for a listing. A user key always lists its
// owner's; ok is false when it asks for another user's (an empty list).
func listUser(c *gin.Context) (user common.Address, ok bool, err error) {
	if s := c.Query("user_address"); s != "" {
		if user, err = parseAddress("user_address", s); err != nil {
			return common.Address{}, false, err
		}
	}
	me := caller(c)
	if me.Scope == ScopeAdmin {
		return user, true, nil
	}
	if !common.IsHexAddress(me.Owner) {
		return common.Address{}, false, nil
	}
	mine := common.HexToAddress(me.Owner)
	return mine, user == (common.Address{}) || user == mine, nil
}

// listJobs answers GET /api/v1/jobs: jobs in id order, a page at a time.
// task_ids is empty in a listing; GET /api/v1/jobs/:job_id fills it.
func (a *api) listJobs(c *gin.Context) {
	limit, err := listLimit(c)
	if err != nil {
		a.refuse(c, http.StatusBadRequest, err, -1)
		return
	}
	f := JobFilter{Limit: limit, Cursor: c.Query("cursor")}
	if s := c.Query("status"); s != "" {
		if f.Status = JobStatus(s); !slices.Contains(jobStatuses, f.Status) {
			a.refuse(c, http.StatusBadRequest, badField("status", "must be one of %v", jobStatuses), -1)
			return
		}
	}
	if s := c.Query("task_definition_id"); s != "" {
		v, err := parseDecimal(s)
		if err != nil || v < 1 || v > 0xffff {
			a.refuse(c, http.StatusBadRequest, badField("task_definition_id", "must be a task definition id such as 1"), -1)
			return
		}
		f.TaskDefinitionID = attestation.TaskDefinitionID(v)
	}
	user, ok, err := listUser(c)
	if err != nil {
		a.refuse(c, http.StatusBadRequest, err, -1)
		return
	}
	if !ok {
		c.JSON(http.StatusOK, JobPage{Jobs: []Job{}})
		return
	}
	f.UserAddress = user
	jobs, next, err := a.store.ListJobs(c.Request.Context(), f)
	if errors.Is(err, ErrBadCursor) {
		a.refuse(c, http.StatusBadRequest, badField("cursor", "is not a cursor this listing returned"), -1)
		return
	} else if err != nil {
		a.fail(c, fmt.Errorf("list jobs: %w", err))
		return
	}
	if jobs == nil {
		jobs = []Job{}
	}
	for i := range jobs {
		jobs[i].TaskIDs = []common.Hash{}
	}
	c.JSON(http.StatusOK, JobPage{Jobs: jobs, NextCursor: next})
}

// listTasks answers GET /api/v1/tasks: the most recent tasks (by scheduled
// time) across the jobs of a user, or of all users for an admin key
// without ?user_address=. It reads every matching job's tasks: fine for
// the jobs of one user, a scan for all of them.
func (a *api) listTasks(c *gin.Context) {
	ctx := c.Request.Context()
	limit, err := listLimit(c)
	if err != nil {
		a.refuse(c, http.StatusBadRequest, err, -1)
		return
	}
	status := TaskStatus(c.Query("status"))
	if status != "" && !slices.Contains(taskStatuses, status) {
		a.refuse(c, http.StatusBadRequest, badField("status", "must be one of %v", taskStatuses), -1)
		return
	}
	user, ok, err := listUser(c)
	if err != nil {
		a.refuse(c, http.StatusBadRequest, err, -1)
		return
	}
	tasks := []Task{}
	if !ok {
		c.JSON(http.StatusOK, tasks)
		return
	}
	perJob := limit
	if status != "" {
		perJob = 0 // all of them: the newest may not have the status
	}
	err = eachTask(ctx, a.store, JobFilter{UserAddress: user}, perJob, func(ts []Task) {
		for _, t := range ts {
			if status == "" || t.TaskStatus == status {
				tasks = append(tasks, t)
			}
		}
		slices.SortFunc(tasks, newestFirst)
		tasks = tasks[:min(len(tasks), limit)]
	})
	if err != nil {
		a.fail(c, err)
		return
	}
	for i := range tasks {
		if tasks[i].TaskAttesterIDs == nil {
			tasks[i].TaskAttesterIDs = []uint64{}
		}
	}
	c.JSON(http.StatusOK, tasks)
}

func newestFirst(x, y Task) int {
	if c := y.ScheduledAt.Compare(x.ScheduledAt); c != 0 {
		return c
	}
	return bytes.Compare(x.TaskID[:], y.TaskID[:])
}

// changeJob applies fn to job :job_id if the caller owns it, answering 404
// otherwise; fn may return an *httpError. ok is false when it answered.
func (a *api) changeJob(c *gin.Context, fn func(*Job) error) (Job, bool) {
	id, err := jobIDParam(c)
	if err != nil {
		a.refuse(c, http.StatusBadRequest, err, -1)
		return Job{}, false
	}
	me := caller(c)
	j, _, err := a.store.UpdateJob(c.Request.Context(), id, func(j *Job) (*Task, error) {
		if !owns(me, j.UserAddress) {
			return nil, ErrNotFound
		}
		return nil, fn(j)
	})
	if errors.Is(err, ErrNotFound) {
		problem(c, http.StatusNotFound, "", "job %d not found", id)
		return Job{}, false
	} else if err != nil {
		a.fail(c, err)
		return Job{}, false
	}
	j.TaskIDs = []common.Hash{}
	return j, true
}

// pauseJob stops an active job from firing; pausing a paused job succeeds.
func (a *api) pauseJob(c *gin.Context) {
	now := a.cfg.Clock().UTC().Truncate(time.Second)
	j, ok := a.changeJob(c, func(j *Job) error {
		switch j.Status {
		case JobPaused:
			return nil
		case JobActive:
			j.Status, j.NextExecutionTimestamp, j.UpdatedAt = JobPaused, time.Time{}, now
			return nil
		}
		return newHTTPError(http.StatusConflict, "", "job %d is %s: only an active job can be paused", j.JobID, j.Status)
	})
	if !ok {
		return
	}
	a.logger.Info("Job paused", zap.Uint64("job_id", uint64(j.JobID)), zap.String("key_id", caller(c).ID))
	if a.cfg.Paused != nil {
		a.cfg.Paused(uint64(j.JobID))
	}
	c.JSON(http.StatusOK, j)
}

// resumeJob makes a paused job fire again: a time job from its next slot
// after now (the slots of the pause are not made up). A job whose time
// frame ended while paused expires. Resuming an active job succeeds.
func (a *api) resumeJob(c *gin.Context) {
	now := a.cfg.Clock().UTC().Truncate(time.Second)
	j, ok := a.changeJob(c, func(j *Job) error {
		switch j.Status {
		case JobActive:
			return nil
		case JobPaused:
			j.UpdatedAt = now
			next := firstSlot(j.Trigger, now)
			if (!j.ExpirationTime.IsZero() && !j.ExpirationTime.After(now)) ||
				(j.Trigger.Time != nil && (next.IsZero() || (!j.ExpirationTime.IsZero() && next.After(j.ExpirationTime)))) {
				j.Status = JobExpired
				return nil
			}
			j.Status, j.NextExecutionTimestamp = JobActive, next
			return nil
		}
		return newHTTPError(http.StatusConflict, "", "job %d is %s: only a paused job can be resumed", j.JobID, j.Status)
	})
	if !ok {
		return
	}
	log := a.logger.With(zap.Uint64("job_id", uint64(j.JobID)), zap.String("key_id", caller(c).ID))
	switch {
	case j.Status == JobExpired:
		log.Info("Paused job expired on resume", zap.Time("expiration_time", j.ExpirationTime))
		if a.cfg.Deleted != nil {
			a.cfg.Deleted(uint64(j.JobID))
		}
	case a.cfg.Resumed != nil:
		log.Info("Job resumed", zap.Time("next_execution", j.NextExecutionTimestamp))
		a.cfg.Resumed(j.Clone())
	default:
		log.Info("Job resumed", zap.Time("next_execution", j.NextExecutionTimestamp))
	}
	c.JSON(http.StatusOK, j)
}

// patchable are the job fields PATCH changes: they are not part of the
// on-chain commitment.
var patchable = []string{"job_title", "time_frame"}

// patchJob changes the job_title or time_frame of a job. Every other field
// is part of the on-chain commitment (or the job's identity) and answers
// 422; status changes through pause, resume and DELETE.
func (a *api) patchJob(c *gin.Context) {
	body, ok := a.readBody(c)
	if !ok {
		return
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil || fields == nil {
		problem(c, http.StatusBadRequest, "", "request body must be a JSON object with job_title and/or time_frame")
		return
	}
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		switch {
		case slices.Contains(patchable, k):
		case k == "status":
			problem(c, http.StatusUnprocessableEntity, k, "status: use POST /api/v1/jobs/:job_id/pause or /resume, or DELETE the job")
			return
		default:
			problem(c, http.StatusUnprocessableEntity, k, "%s: part of the on-chain commitment: create a new job", k)
			return
		}
	}
	if len(names) == 0 {
		problem(c, http.StatusBadRequest, "", "nothing to change: send job_title and/or time_frame")
		return
	}
	var (
		title *string
		frame *int64
	)
	if v, ok := fields["job_title"]; ok {
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			a.refuse(c, http.StatusBadRequest, badField("job_title", "must be a string"), -1)
			return
		}
		s = strings.TrimSpace(s)
		if n := utf8.RuneCountInString(s); n < 3 || n > 100 {
			a.refuse(c, http.StatusBadRequest, badField("job_title", "must be 3 to 100 characters"), -1)
			return
		}
		title = &s
	}
	if v, ok := fields["time_frame"]; ok {
		var d Decimal
		if err := d.UnmarshalJSON(v); err != nil || d > maxSeconds {
			a.refuse(c, http.StatusBadRequest, badField("time_frame", "must be a number of seconds up to %d (0 = no expiry)", maxSeconds), -1)
			return
		}
		f := int64(d)
		frame = &f
	}
	now := a.cfg.Clock().UTC().Truncate(time.Second)
	var expired bool
	j, ok := a.changeJob(c, func(j *Job) error {
		expired = false
		if title != nil {
			j.JobTitle = *title
		}
		if frame != nil && *frame != j.TimeFrame {
			if j.Status != JobActive && j.Status != JobPaused {
				return newHTTPError(http.StatusConflict, "time_frame", "job %d is %s: its time_frame no longer matters", j.JobID, j.Status)
			}
			if *frame > 0 && *frame < j.TimeInterval {
				return newHTTPError(http.StatusBadRequest, "time_frame",
					"time_frame: must be 0 (no expiry) or at least time_interval (%d s)", j.TimeInterval)
			}
			j.TimeFrame, j.ExpirationTime = *frame, time.Time{}
			if *frame > 0 {
				j.ExpirationTime = j.CreatedAt.Add(time.Duration(*frame) * time.Second)
				if !j.ExpirationTime.After(now) {
					j.Status, j.NextExecutionTimestamp, expired = JobExpired, time.Time{}, true
				}
			}
		}
		j.UpdatedAt = now
		return nil
	})
	if !ok {
		return
	}
	a.logger.Info("Job changed", zap.Uint64("job_id", uint64(j.JobID)), zap.Strings("fields", names),
		zap.Bool("expired", expired), zap.String("key_id", caller(c).ID))
	if expired && a.cfg.Deleted != nil {
		a.cfg.Deleted(uint64(j.JobID))
	}
	c.JSON(http.StatusOK, j)
}

// events streams task events as Server-Sent Events: all the caller may
// see, or those of job :job_id.
func (a *api) events(c *gin.Context) {
	if a.cfg.Events == nil {
		problem(c, http.StatusServiceUnavailable, "", "task events are not configured")
		return
	}
	var f EventFilter
	if c.Param("job_id") != "" {
		id, err := jobIDParam(c)
		if err != nil {
			a.refuse(c, http.StatusBadRequest, err, -1)
			return
		}
		if _, ok := a.readJob(c, id); !ok {
			return
		}
		f.JobID = &id
	}
	if me := caller(c); me.Scope != ScopeAdmin {
		if !common.IsHexAddress(me.Owner) {
			problem(c, http.StatusForbidden, "", "this API key has no owner address to hear the events of")
			return
		}
		f.UserAddress = common.HexToAddress(me.Owner)
	}
	ctx := c.Request.Context()
	ch, cancel := a.cfg.Events.Subscribe(ctx, f)
	defer cancel()

	h := c.Writer.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("Connection", "keep-alive")
	h.Set("X-Accel-Buffering", "no")
	c.Status(http.StatusOK)
	w := c.Writer
	if _, err := io.WriteString(w, ": subscribed\n\n"); err != nil {
		return
	}
	w.Flush()
	heartbeat := time.NewTicker(a.cfg.EventHeartbeat)
	defer heartbeat.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-heartbeat.C:
			if _, err := io.WriteString(w, ": heartbeat\n\n"); err != nil {
				return
			}
		case e, ok := <-ch:
			if !ok {
				return
			}
			t := e.Task
			if t.TaskAttesterIDs == nil {
				t.TaskAttesterIDs = []uint64{}
			}
			data, err := json.Marshal(t)
			if err != nil {
				_ = c.Error(fmt.Errorf("encode task event: %w", err))
				return
			}
			if _, err := fmt.Fprintf(w, "event: task\nid: %d\ndata: %s\n\n", e.Seq, data); err != nil {
				return
			}
		}
		w.Flush()
	}
}

// eachTask calls fn with the tasks of every job f selects, page by page: up
// to perJob most recent tasks of each (all when perJob <= 0). With a user in
// f the stores read that user's jobs through their jobs-by-user index, so
// the cost is the user's jobs, not all of them.
func eachTask(ctx context.Context, store Store, f JobFilter, perJob int, fn func([]Task)) error {
	f.Limit = jobListPage
	for {
		jobs, next, err := store.ListJobs(ctx, f)
		if err != nil {
			return fmt.Errorf("list jobs: %w", err)
		}
		for _, j := range jobs {
			ts, err := store.Tasks(ctx, uint64(j.JobID), perJob)
			if err != nil {
				return fmt.Errorf("list tasks of job %d: %w", j.JobID, err)
			}
			fn(ts)
		}
		if next == "" {
			return nil
		}
		f.Cursor = next
	}
}
