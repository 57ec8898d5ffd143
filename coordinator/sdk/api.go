package sdk

import (
	"bytes"
	"context"
	"encoding/json"
	"iter"
	"net/http"
	"net/url"
	"strconv"

	"github.com/ethereum/go-ethereum/common"
)

func jobPath(id uint64, rest string) string {
	return "/api/v1/jobs/" + strconv.FormatUint(id, 10) + rest
}

// RegisterJob registers a job created on-chain (req.JobID set): POST
// /api/v1/jobs. The coordinator checks it against the JobRegistry.
func (c *Client) RegisterJob(ctx context.Context, req JobRequest) (Job, error) {
	var j Job
	err := c.do(ctx, http.MethodPost, "/api/v1/jobs", nil, req, &j)
	return j, err
}

// RegisterJobs registers several jobs at once; all or none are. An
// *Error's Index names the refused element.
func (c *Client) RegisterJobs(ctx context.Context, reqs []JobRequest) ([]Job, error) {
	var js []Job
	err := c.do(ctx, http.MethodPost, "/api/v1/jobs", nil, reqs, &js)
	return js, err
}

// JobCommitment validates req as registration would (JobID may be 0) and
// returns the arguments of JobRegistry.createJob.
func (c *Client) JobCommitment(ctx context.Context, req JobRequest) (Commitment, error) {
	var cm Commitment
	err := c.do(ctx, http.MethodPost, "/api/v1/jobs/commitment", nil, req, &cm)
	return cm, err
}

// GetJob reads one job, with the ids of its most recent tasks.
func (c *Client) GetJob(ctx context.Context, id uint64) (Job, error) {
	var j Job
	err := c.do(ctx, http.MethodGet, jobPath(id, ""), nil, nil, &j)
	return j, err
}

// ListJobsOptions filter GET /api/v1/jobs; zero fields do not filter.
type ListJobsOptions struct {
	Status           string // a job status such as JobActive
	TaskDefinitionID uint16
	UserAddress      common.Address // an admin key's filter; a user key lists its owner's jobs
	Limit            int            // page size, 1 to 1000; 0: the API's default (100)
	Cursor           string         // JobPage.NextCursor of the previous page
}

func (o ListJobsOptions) query() url.Values {
	q := url.Values{}
	if o.Status != "" {
		q.Set("status", o.Status)
	}
	if o.TaskDefinitionID != 0 {
		q.Set("task_definition_id", strconv.FormatUint(uint64(o.TaskDefinitionID), 10))
	}
	if o.UserAddress != (common.Address{}) {
		q.Set("user_address", o.UserAddress.Hex())
	}
	if o.Limit > 0 {
		q.Set("limit", strconv.Itoa(o.Limit))
	}
	if o.Cursor != "" {
		q.Set("cursor", o.Cursor)
	}
	return q
}

// ListJobs reads one page of jobs, in id order.
func (c *Client) ListJobs(ctx context.Context, opts ListJobsOptions) (JobPage, error) {
	var p JobPage
	err := c.do(ctx, http.MethodGet, "/api/v1/jobs", opts.query(), nil, &p)
	return p, err
}

// AllJobs ranges over every job opts selects, page after page from
// opts.Cursor. An error ends the sequence after it is yielded.
func (c *Client) AllJobs(ctx context.Context, opts ListJobsOptions) iter.Seq2[Job, error] {
	return func(yield func(Job, error) bool) {
		for {
			p, err := c.ListJobs(ctx, opts)
			if err != nil {
				yield(Job{}, err)
				return
			}
			for _, j := range p.Jobs {
				if !yield(j, nil) {
					return
				}
			}
			if p.NextCursor == "" {
				return
			}
			opts.Cursor = p.NextCursor
		}
	}
}

// PatchJob changes a job's title or time frame.
func (c *Client) PatchJob(ctx context.Context, id uint64, patch JobPatch) (Job, error) {
	var j Job
	err := c.do(ctx, http.MethodPatch, jobPath(id, ""), nil, patch, &j)
	return j, err
}

// PauseJob stops an active job from firing until it is resumed.
func (c *Client) PauseJob(ctx context.Context, id uint64) (Job, error) {
	var j Job
	err := c.do(ctx, http.MethodPost, jobPath(id, "/pause"), nil, nil, &j)
	return j, err
}

// ResumeJob makes a paused job fire again, from now on.
func (c *Client) ResumeJob(ctx context.Context, id uint64) (Job, error) {
	var j Job
	err := c.do(ctx, http.MethodPost, jobPath(id, "/resume"), nil, nil, &j)
	return j, err
}

// DeleteJob stops a job for good (the coordinator's record; the on-chain
// job stays).
func (c *Client) DeleteJob(ctx context.Context, id uint64) (Job, error) {
	var j Job
	err := c.do(ctx, http.MethodDelete, jobPath(id, ""), nil, nil, &j)
	return j, err
}

// JobTasks reads a job's most recent tasks, newest first; limit 0 for the
// API's default (100).
func (c *Client) JobTasks(ctx context.Context, id uint64, limit int) ([]Task, error) {
	q := url.Values{}
	if limit > 0 {
		q.Set("limit", strconv.Itoa(limit))
	}
	var ts []Task
	err := c.do(ctx, http.MethodGet, jobPath(id, "/tasks"), q, nil, &ts)
	return ts, err
}

// JobFee quotes one execution of a job at the current gas price.
func (c *Client) JobFee(ctx context.Context, id uint64) (FeeQuote, error) {
	var f FeeQuote
	err := c.do(ctx, http.MethodGet, jobPath(id, "/fee"), nil, nil, &f)
	return f, err
}

// GetTask reads one task.
func (c *Client) GetTask(ctx context.Context, id common.Hash) (Task, error) {
	var t Task
	err := c.do(ctx, http.MethodGet, "/api/v1/tasks/"+id.Hex(), nil, nil, &t)
	return t, err
}

// ListTasksOptions filter GET /api/v1/tasks; zero fields do not filter.
type ListTasksOptions struct {
	UserAddress common.Address
	Status      string // a task status such as TaskCompleted
	Limit       int    // 1 to 1000; 0: the API's default (100)
}

// ListTasks reads the most recent tasks across jobs, newest first.
func (c *Client) ListTasks(ctx context.Context, opts ListTasksOptions) ([]Task, error) {
	q := url.Values{}
	if opts.UserAddress != (common.Address{}) {
		q.Set("user_address", opts.UserAddress.Hex())
	}
	if opts.Status != "" {
		q.Set("status", opts.Status)
	}
	if opts.Limit > 0 {
		q.Set("limit", strconv.Itoa(opts.Limit))
	}
	var ts []Task
	err := c.do(ctx, http.MethodGet, "/api/v1/tasks", q, nil, &ts)
	return ts, err
}

// TaskTranscript reads the network transcript of a script task's run, as
// the performer recorded it (JSON).
func (c *Client) TaskTranscript(ctx context.Context, id common.Hash) (json.RawMessage, error) {
	var b []byte
	err := c.do(ctx, http.MethodGet, "/api/v1/tasks/"+id.Hex()+"/transcript", nil, nil, &b)
	return b, err
}

// TaskProof reads the Merkle proof of a task recorded in a batch. A task
// recorded on its own answers 404 (its TaskSubmitted event is its record),
// one not recorded yet 409.
func (c *Client) TaskProof(ctx context.Context, id common.Hash) (TaskProof, error) {
	var p TaskProof
	err := c.do(ctx, http.MethodGet, "/api/v1/tasks/"+id.Hex()+"/proof", nil, nil, &p)
	return p, err
}

// ListKeepers reads every registered keeper, by id.
func (c *Client) ListKeepers(ctx context.Context) ([]Keeper, error) {
	var ks []Keeper
	err := c.do(ctx, http.MethodGet, "/api/v1/keepers", nil, nil, &ks)
	return ks, err
}

// GetKeeper reads one keeper.
func (c *Client) GetKeeper(ctx context.Context, addr common.Address) (Keeper, error) {
	var k Keeper
	err := c.do(ctx, http.MethodGet, "/api/v1/keepers/"+addr.Hex(), nil, nil, &k)
	return k, err
}

// Leaderboard reads the keepers by tasks performed, then stake; limit 0
// for the API's default (20).
func (c *Client) Leaderboard(ctx context.Context, limit int) ([]Keeper, error) {
	q := url.Values{}
	if limit > 0 {
		q.Set("limit", strconv.Itoa(limit))
	}
	var ks []Keeper
	err := c.do(ctx, http.MethodGet, "/api/v1/keepers/leaderboard", q, nil, &ks)
	return ks, err
}

// CreateKey creates an API key; its secret is in the answer's Key, shown
// this once.
func (c *Client) CreateKey(ctx context.Context, req KeyRequest) (APIKey, error) {
	var k APIKey
	err := c.do(ctx, http.MethodPost, "/api/v1/keys", nil, req, &k)
	return k, err
}

// ListKeys lists keys, masked: an admin key's of owner (every key when
// ""), a user key's of its owner.
func (c *Client) ListKeys(ctx context.Context, owner string) ([]APIKey, error) {
	q := url.Values{}
	if owner != "" {
		q.Set("owner", owner)
	}
	var ks []APIKey
	err := c.do(ctx, http.MethodGet, "/api/v1/keys", q, nil, &ks)
	return ks, err
}

// GetKey reads one key, masked.
func (c *Client) GetKey(ctx context.Context, id string) (APIKey, error) {
	var k APIKey
	err := c.do(ctx, http.MethodGet, "/api/v1/keys/"+url.PathEscape(id), nil, nil, &k)
	return k, err
}

// RotateKey gives a key a new secret, in the answer's Key; the old one
// stops working at once.
func (c *Client) RotateKey(ctx context.Context, id string) (APIKey, error) {
	var k APIKey
	err := c.do(ctx, http.MethodPost, "/api/v1/keys/"+url.PathEscape(id)+"/rotate", nil, nil, &k)
	return k, err
}

// RevokeKey revokes a key for good.
func (c *Client) RevokeKey(ctx context.Context, id string) (APIKey, error) {
	var k APIKey
	err := c.do(ctx, http.MethodDelete, "/api/v1/keys/"+url.PathEscape(id), nil, nil, &k)
	return k, err
}

// UploadScript stores a job script and returns its CID, which a script
// job's script_cid names.
func (c *Client) UploadScript(ctx context.Context, source []byte) (ScriptUpload, error) {
	var s ScriptUpload
	err := c.doRaw(ctx, http.MethodPost, "/api/v1/scripts", nil, bytes.NewReader(source), "application/octet-stream", &s)
	return s, err
}
