package sdk

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Client calls one coordinator's REST API with one API key.
type Client struct {
	base    *url.URL
	baseErr error
	key     string
	http    *http.Client
	timeout time.Duration
	agent   string
}

// Option changes a Client.
type Option func(*Client)

// WithHTTPClient sets the HTTP client (default: a client without a timeout
// of its own; each request but the event stream is bounded by
// WithTimeout).
func WithHTTPClient(h *http.Client) Option { return func(c *Client) { c.http = h } }

// WithTimeout bounds each request but the event stream (default 30s; 0 or
// less: only the caller's context bounds it).
func WithTimeout(d time.Duration) Option { return func(c *Client) { c.timeout = d } }

// WithUserAgent sets the User-Agent header.
func WithUserAgent(ua string) Option { return func(c *Client) { c.agent = ua } }

// DefaultTimeout bounds a request when WithTimeout is not given.
const DefaultTimeout = 30 * time.Second

const apiKeyHeader = "X-Api-Key"

// NewClient returns a client of the coordinator at baseURL
// ("http://127.0.0.1:9002") calling with apiKey. A malformed baseURL is
// reported by the first call.
func NewClient(baseURL, apiKey string, opts ...Option) *Client {
	c := &Client{key: apiKey, http: &http.Client{}, timeout: DefaultTimeout, agent: "triggerx-sdk-go"}
	u, err := url.Parse(strings.TrimRight(baseURL, "/"))
	switch {
	case err != nil:
		c.baseErr = fmt.Errorf("API URL %q: %w", baseURL, err)
	case u.Scheme != "http" && u.Scheme != "https" || u.Host == "":
		c.baseErr = fmt.Errorf("API URL %q: want http(s)://host[:port]", baseURL)
	default:
		c.base = u
	}
	for _, o := range opts {
		o(c)
	}
	return c
}

// Error is an error answer of the API: an RFC 9457 problem. Detail says
// what went wrong; a validation error names the request field in Field.
type Error struct {
	Status int    `json:"status"`
	Type   string `json:"type"`
	Title  string `json:"title"`
	Detail string `json:"detail"`
	Field  string `json:"field,omitempty"`
	// Index is the element of an array request the problem is about.
	Index  *int           `json:"index,omitempty"`
	Errors []FieldProblem `json:"errors,omitempty"`
	// RetryAfter is how long to wait before retrying, from the Retry-After
	// header of a 429; zero otherwise.
	RetryAfter time.Duration `json:"-"`
}

// FieldProblem is one invalid request field of an Error.
type FieldProblem struct {
	Field  string `json:"field"`
	Detail string `json:"detail"`
}

func (e *Error) Error() string {
	if e.Detail == "" {
		return fmt.Sprintf("coordinator answered %d %s", e.Status, e.Title)
	}
	return fmt.Sprintf("coordinator answered %d: %s", e.Status, e.Detail)
}

// IsStatus reports whether err is (or wraps) an *Error of HTTP status code.
func IsStatus(err error, code int) bool {
	var e *Error
	return errors.As(err, &e) && e.Status == code
}

// permanent reports whether retrying the same request cannot succeed.
func (e *Error) permanent() bool {
	return e.Status >= 400 && e.Status < 500 && e.Status != http.StatusTooManyRequests && e.Status != http.StatusRequestTimeout
}

// maxErrorBody bounds what is read of an error answer.
const maxErrorBody = 64 << 10

// readError turns a non-2xx answer into an *Error; a body that is not a
// problem becomes its Detail.
func readError(resp *http.Response) error {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	e := &Error{}
	if json.Unmarshal(body, e) != nil || e.Detail == "" && e.Title == "" {
		e = &Error{Title: http.StatusText(resp.StatusCode), Detail: strings.TrimSpace(string(body))}
	}
	e.Status = resp.StatusCode
	if e.Title == "" {
		e.Title = http.StatusText(resp.StatusCode)
	}
	if s := resp.Header.Get("Retry-After"); s != "" {
		// Seconds, at most maxRetryAfter: a larger value would overflow
		// a Duration, and no server means it.
		var secs int64
		if _, err := fmt.Sscanf(s, "%d", &secs); err == nil && secs > 0 {
			e.RetryAfter = time.Duration(min(secs, int64(maxRetryAfter/time.Second))) * time.Second
		}
	}
	return e
}

// maxRetryAfter caps the wait a Retry-After header may ask for.
const maxRetryAfter = 24 * time.Hour

// request builds a request of path (under the base URL) with query q.
func (c *Client) request(ctx context.Context, method, path string, q url.Values, body io.Reader, contentType string) (*http.Request, error) {
	if c.baseErr != nil {
		return nil, c.baseErr
	}
	u := *c.base
	u.Path = c.base.Path + path
	u.RawQuery = q.Encode()
	req, err := http.NewRequestWithContext(ctx, method, u.String(), body)
	if err != nil {
		return nil, fmt.Errorf("build request: %w", err)
	}
	if c.key != "" {
		req.Header.Set(apiKeyHeader, c.key)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.agent)
	return req, nil
}

// do sends a request with a JSON body (in, nil for none) and decodes the
// JSON answer into out (nil to discard it).
func (c *Client) do(ctx context.Context, method, path string, q url.Values, in, out any) error {
	var body io.Reader
	contentType := ""
	if in != nil {
		raw, err := json.Marshal(in)
		if err != nil {
			return fmt.Errorf("encode %s %s request: %w", method, path, err)
		}
		body, contentType = bytes.NewReader(raw), "application/json"
	}
	return c.doRaw(ctx, method, path, q, body, contentType, out)
}

func (c *Client) doRaw(ctx context.Context, method, path string, q url.Values, body io.Reader, contentType string, out any) error {
	if c.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.timeout)
		defer cancel()
	}
	req, err := c.request(ctx, method, path, q, body, contentType)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return readError(resp)
	}
	switch out := out.(type) {
	case nil:
		_, _ = io.Copy(io.Discard, resp.Body)
		return nil
	case *[]byte:
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			return fmt.Errorf("%s %s: read answer: %w", method, path, err)
		}
		*out = b
		return nil
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return fmt.Errorf("%s %s: decode answer: %w", method, path, err)
	}
	return nil
}

// Health is the answer of GET /health.
type Health struct {
	Status  string    `json:"status"`
	Service string    `json:"service"`
	Version string    `json:"version"`
	Time    time.Time `json:"time"`
}

// Health reads the coordinator's status; it needs no API key.
func (c *Client) Health(ctx context.Context) (Health, error) {
	var h Health
	err := c.do(ctx, http.MethodGet, "/api/v1/health", nil, nil, &h)
	return h, err
}

// Readiness is the answer of GET /api/v1/ready.
type Readiness struct {
	Status string `json:"status"` // "ready" or "not ready"
	// Checks holds each check's result by name: "ok" or its error.
	Checks map[string]string `json:"checks"`
}

// Ready reads whether the coordinator can serve (its store, chain and
// peers answer); it needs no API key. A coordinator that is not ready
// answers an *Error with status 503.
func (c *Client) Ready(ctx context.Context) (Readiness, error) {
	var r Readiness
	err := c.do(ctx, http.MethodGet, "/api/v1/ready", nil, nil, &r)
	return r, err
}
