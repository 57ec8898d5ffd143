package othentic

import "time"

// Defaults of the handler options.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBodyBytes = 1 << 20 // 1 MiB
	DefaultMaxBatch     = 100
)

// Option tunes a handler built by [NewAVSWebAPI] or [NewJSONRPC].
type Option func(*config)

type config struct {
	timeout      time.Duration
	maxBodyBytes int64
	maxBatch     int
}

func newConfig(opts []Option) config {
	c := config{timeout: DefaultTimeout, maxBodyBytes: DefaultMaxBodyBytes, maxBatch: DefaultMaxBatch}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}

// WithTimeout bounds the callbacks of one HTTP request (a whole JSON-RPC
// batch shares it); d <= 0 keeps the default.
func WithTimeout(d time.Duration) Option {
	return func(c *config) {
		if d > 0 {
			c.timeout = d
		}
	}
}

// WithMaxBodyBytes limits the request body; larger bodies get HTTP 413.
// n <= 0 keeps the default.
func WithMaxBodyBytes(n int64) Option {
	return func(c *config) {
		if n > 0 {
			c.maxBodyBytes = n
		}
	}
}

// WithMaxBatch limits the number of calls in one JSON-RPC batch (the AVS web
// API ignores it). n <= 0 keeps the default.
func WithMaxBatch(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.maxBatch = n
		}
	}
}
