package sdk

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// WatchOptions configure WatchTasks.
type WatchOptions struct {
	// JobID, when not 0, watches that job's tasks only; otherwise every
	// task the key may see (an admin key all, a user key its owner's).
	JobID uint64
	// MinBackoff and MaxBackoff bound the wait before a reconnection, which
	// doubles after each failed attempt; defaults 500ms and 30s.
	MinBackoff, MaxBackoff time.Duration
	// IdleTimeout is how long a stream may stay silent before it is
	// dropped and reconnected (the coordinator sends a heartbeat every
	// 15s by default); default 1 minute.
	IdleTimeout time.Duration
}

// TaskEvent is a task created or changed, as the event stream tells it.
type TaskEvent struct {
	// ID is the event's id: the coordinator numbers the events of each
	// stream (connection) from 1, counting every event matching the
	// stream's filter.
	ID   uint64
	Task Task
	// Skipped counts the ids between the previous event of this connection
	// and this one: events the coordinator dropped because this reader was
	// too slow. After a gap, re-read the tasks you follow (GetTask,
	// JobTasks).
	Skipped uint64
	// Reconnected marks the first event after the watch reconnected: the
	// events published while it was disconnected are lost, and the ids
	// start over.
	Reconnected bool
	// Restarted: the ids went back within one connection, which a
	// coordinator does not do; events may have been lost.
	Restarted bool
}

// WatchTasks follows the task event stream (GET /api/v1/events, or GET
// /api/v1/jobs/:id/events) until ctx ends or the loop stops ranging.
//
// It yields each event with a nil error. When the stream fails it yields
// the error, waits with backoff and reconnects; the loop may go on (or
// break). An *Error that retrying cannot fix (a 4xx other than 408 and
// 429: bad key, unknown job) ends the sequence after it is yielded. The
// end of ctx ends the sequence without an error.
func (c *Client) WatchTasks(ctx context.Context, opts WatchOptions) iter.Seq2[TaskEvent, error] {
	if opts.MinBackoff <= 0 {
		opts.MinBackoff = 500 * time.Millisecond
	}
	if opts.MaxBackoff < opts.MinBackoff {
		opts.MaxBackoff = max(30*time.Second, opts.MinBackoff)
	}
	if opts.IdleTimeout <= 0 {
		opts.IdleTimeout = time.Minute
	}
	path := "/api/v1/events"
	if opts.JobID != 0 {
		path = jobPath(opts.JobID, "/events")
	}
	return func(yield func(TaskEvent, error) bool) {
		w := &watch{c: c, path: path, opts: opts, yield: yield}
		backoff := opts.MinBackoff
		for ctx.Err() == nil {
			connected, err := w.stream(ctx)
			if ctx.Err() != nil || w.stopped {
				return
			}
			if connected {
				backoff = opts.MinBackoff
			}
			if err != nil {
				if !yield(TaskEvent{}, err) {
					return
				}
				var e *Error
				if errors.As(err, &e) && e.permanent() {
					return
				}
				if e != nil && e.RetryAfter > backoff {
					backoff = e.RetryAfter
				}
			}
			w.reconnected = true
			t := time.NewTimer(backoff)
			select {
			case <-ctx.Done():
				t.Stop()
				return
			case <-t.C:
			}
			if !connected {
				backoff = min(2*backoff, opts.MaxBackoff)
			}
		}
	}
}

// watch is the state of one WatchTasks sequence across its connections.
type watch struct {
	c           *Client
	path        string
	opts        WatchOptions
	yield       func(TaskEvent, error) bool
	last        uint64 // id of the last event seen; 0 before the first
	reconnected bool   // the next event is the first after a reconnection
	stopped     bool   // the loop stopped ranging
}

// maxEventBytes bounds one line of the stream.
const maxEventBytes = 8 << 20

// stream reads one connection until it ends; connected reports whether
// the coordinator accepted it. A clean end of the stream is no error.
func (w *watch) stream(parent context.Context) (connected bool, err error) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	idle := time.AfterFunc(w.opts.IdleTimeout, cancel)
	defer idle.Stop()
	req, err := w.c.request(ctx, http.MethodGet, w.path, nil, nil, "")
	if err != nil {
		return false, err
	}
	req.Header.Set("Accept", "text/event-stream")
	req.Header.Set("Cache-Control", "no-cache")
	resp, err := w.c.http.Do(req)
	if err != nil {
		return false, fmt.Errorf("connect to the event stream: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return false, readError(resp)
	}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 0, 64<<10), maxEventBytes)
	var ev struct {
		name, id string
		data     strings.Builder
	}
	for sc.Scan() {
		idle.Reset(w.opts.IdleTimeout)
		line := sc.Text()
		if line != "" {
			field, value, _ := strings.Cut(line, ":")
			value = strings.TrimPrefix(value, " ")
			switch field {
			case "": // a comment: heartbeat
			case "event":
				ev.name = value
			case "id":
				ev.id = value
			case "data":
				if ev.data.Len() > 0 {
					ev.data.WriteByte('\n')
				}
				ev.data.WriteString(value)
			}
			continue
		}
		if ev.data.Len() > 0 && (ev.name == "" || ev.name == "task") {
			if !w.dispatch(ev.id, ev.data.String()) {
				w.stopped = true
				return true, nil
			}
		}
		ev.name, ev.id = "", ""
		ev.data.Reset()
	}
	switch err = sc.Err(); {
	case parent.Err() != nil:
		return true, nil // WatchTasks ends
	case ctx.Err() != nil:
		return true, fmt.Errorf("event stream silent for %s: reconnecting", w.opts.IdleTimeout)
	case err != nil:
		return true, fmt.Errorf("read the event stream: %w", err)
	}
	return true, nil // the coordinator ended the stream
}

// dispatch decodes and yields one event; false when the loop stopped.
func (w *watch) dispatch(id, data string) bool {
	var te TaskEvent
	if err := json.Unmarshal([]byte(data), &te.Task); err != nil {
		return w.yield(TaskEvent{}, fmt.Errorf("decode task event %s: %w", id, err))
	}
	if w.reconnected {
		w.last = 0 // a new stream numbers from 1
	}
	if n, err := strconv.ParseUint(id, 10, 64); err == nil {
		te.ID = n
		switch {
		case w.last == 0:
		case n > w.last+1:
			te.Skipped = n - w.last - 1
		case n <= w.last:
			te.Restarted = true
		}
		w.last = n
	}
	te.Reconnected, w.reconnected = w.reconnected, false
	return w.yield(te, nil)
}
