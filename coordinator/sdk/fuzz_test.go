package sdk_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/triggerx-network/triggerx/coordinator/sdk"
)

// maxFuzzStream bounds a fuzzed event stream.
const maxFuzzStream = 64 << 10

// FuzzWatchTasks: whatever the coordinator streams, WatchTasks neither
// panics nor hangs: after the stream ends it reconnects, gets a 401 and
// ends with that error.
func FuzzWatchTasks(f *testing.F) {
	task := `{"task_id":"0x` + strings.Repeat("ab", 32) + `","job_id":"1","task_definition_id":1,"task_status":"completed"}`
	for _, seed := range []string{
		": heartbeat\n\nevent: task\nid: 1\ndata: " + task + "\n\n",
		"event: task\nid: 1\ndata: " + task + "\n\nid: 5\ndata: " + task + "\n\nid: 2\ndata: " + task + "\n\n",
		"data: {\ndata: }\n\n",
		"event: other\ndata: {}\n\n",
		"data:" + task + "\r\n\r\n",
		"id: 18446744073709551616\ndata: {}\n\n",
		"data: not json\n\n",
		"data: {}",
		"",
		":\n:\n\n\n",
	} {
		f.Add([]byte(seed))
	}
	var (
		mu     sync.Mutex
		stream []byte
		served bool
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		mu.Lock()
		body, first := stream, !served
		served = true
		mu.Unlock()
		if !first {
			w.Header().Set("Content-Type", "application/problem+json")
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write([]byte(`{"status":401,"title":"Unauthorized","detail":"done"}`))
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		_, _ = w.Write(body)
	}))
	f.Cleanup(srv.Close)
	c := sdk.NewClient(srv.URL, "key")
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) > maxFuzzStream {
			t.Skip("stream too long")
		}
		mu.Lock()
		stream, served = in, false
		mu.Unlock()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		var last error
		events := 0
		for ev, err := range c.WatchTasks(ctx, sdk.WatchOptions{MinBackoff: time.Millisecond, IdleTimeout: 5 * time.Second}) {
			last = err
			if err == nil {
				events++
				if ev.Restarted && ev.Skipped != 0 {
					t.Fatalf("event %d both restarted and skipped %d", ev.ID, ev.Skipped)
				}
			}
		}
		if ctx.Err() != nil {
			t.Fatalf("WatchTasks hung on %q", in)
		}
		if !sdk.IsStatus(last, http.StatusUnauthorized) {
			t.Fatalf("WatchTasks ended with %v, want the 401", last)
		}
		if n := bytes.Count(in, []byte("\n")); events > n {
			t.Fatalf("%d events from %d lines", events, n)
		}
	})
}

// FuzzReadError: any error answer becomes an *Error of its status.
func FuzzReadError(f *testing.F) {
	f.Add(uint16(400), []byte(`{"type":"urn:triggerx:problem:invalid-field","title":"Bad Request","status":400,"detail":"limit: bad","field":"limit"}`), "")
	f.Add(uint16(429), []byte(`{"title":"Too Many Requests","detail":"slow down"}`), "30")
	f.Add(uint16(503), []byte(`upstream down`), "x")
	f.Add(uint16(500), []byte(`{"errors":[{"field":1}]}`), "-5")
	f.Add(uint16(404), []byte(``), "99999999999999999999")
	var (
		mu     sync.Mutex
		status int
		body   []byte
		retry  string
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if retry != "" {
			w.Header().Set("Retry-After", retry)
		}
		w.WriteHeader(status)
		_, _ = w.Write(body)
	}))
	f.Cleanup(srv.Close)
	c := sdk.NewClient(srv.URL, "key", sdk.WithTimeout(10*time.Second))
	f.Fuzz(func(t *testing.T, code uint16, in []byte, retryAfter string) {
		code = 400 + code%200
		// Only what a header can carry.
		retryAfter = strings.Map(func(r rune) rune {
			if r < ' ' || r > '~' {
				return -1
			}
			return r
		}, retryAfter)
		mu.Lock()
		status, body, retry = int(code), in, strings.TrimSpace(retryAfter)
		mu.Unlock()
		_, err := c.Health(context.Background())
		var e *sdk.Error
		if !errors.As(err, &e) || e.Status != int(code) || e.RetryAfter < 0 {
			t.Fatalf("status %d, body %q: error %#v", code, in, err)
		}
		_ = e.Error()
	})
}

// FuzzJobRequestJSON: a job object the SDK accepts (as the triggerx CLI
// reads a job file) re-encodes to JSON that decodes to the same request.
func FuzzJobRequestJSON(f *testing.F) {
	for _, seed := range []string{
		`{"job_id":"7","user_address":"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed","job_title":"Increment","task_definition_id":1,` +
			`"schedule_type":"interval","time_interval":60,"time_frame":"3600","target_chain_id":"31337",` +
			`"target_contract_address":"0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359","target_function":"increment(uint256)","arguments":["1"]}`,
		`{"abi":[{"type":"function","name":"f","inputs":[]}],"target_function":"f"}`,
		`{"task_definition_id":65536}`,
		`{"time_interval":-1}`,
		`{"arguments":[1,true]}`,
		`{"cron_expression":"*/5 * * * *","extra":{"a":[1,2.5,null]}}`,
		`{"job_id":null,"arguments":null,"abi":null}`,
		`[]`, `null`, `{`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		var r sdk.JobRequest
		if err := json.Unmarshal(in, &r); err != nil {
			return
		}
		out, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("%q decodes but does not re-encode: %v", in, err)
		}
		var again sdk.JobRequest
		if err := json.Unmarshal(out, &again); err != nil {
			t.Fatalf("%q re-encodes to %s, which does not decode: %v", in, out, err)
		}
		if out2, err := json.Marshal(again); err != nil || !bytes.Equal(out, out2) {
			t.Fatalf("%q re-encodes to %s, then to %s (%v)", in, out, out2, err)
		}
	})
}
