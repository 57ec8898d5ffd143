package condition

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// httpSource GETs a JSON document and reads the number at a key path.
type httpSource struct {
	url     string
	name    string // url without query, for errors
	path    keyPath
	client  *http.Client
	timeout time.Duration
}

func newHTTPSource(rawURL, path string, client *http.Client, timeout time.Duration) (*httpSource, error) {
	name, err := sourceURL(rawURL, "http", "https")
	if err != nil {
		return nil, err
	}
	p, err := parseKeyPath(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidSource, err)
	}
	if client == nil {
		client = defaultHTTPClient
	}
	if timeout <= 0 {
		timeout = DefaultHTTPTimeout
	}
	return &httpSource{url: rawURL, name: name, path: p, client: client, timeout: timeout}, nil
}

// Read GETs the document (under the source's timeout, at most 1 MiB) and
// extracts the number.
func (s *httpSource) Read(ctx context.Context) (Reading, error) {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.url, nil)
	if err != nil {
		return Reading{}, fmt.Errorf("get %s: %w", s.name, err)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := s.client.Do(req)
	if err != nil {
		// url.Error repeats the full URL, query and all; keep the cause.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return Reading{}, fmt.Errorf("get %s: %w", s.name, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxHTTPBody+1))
	if err != nil {
		return Reading{}, fmt.Errorf("get %s: read body: %w", s.name, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return Reading{}, fmt.Errorf("get %s: status %d", s.name, resp.StatusCode)
	}
	if len(body) > maxHTTPBody {
		return Reading{}, fmt.Errorf("get %s: body larger than %d bytes", s.name, maxHTTPBody)
	}
	v, err := s.path.extractJSON(body)
	if err != nil {
		return Reading{}, fmt.Errorf("get %s: %w", s.name, err)
	}
	return Reading{Value: v}, nil
}
