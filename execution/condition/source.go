package condition

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/execution"
)

// Reading is one value read from a source.
type Reading struct {
	Value Value
	// BlockNumber and BlockHash are the block a contract source read at;
	// zero for other sources.
	BlockNumber uint64
	BlockHash   common.Hash
}

// Source reads a condition's current value. Implementations are safe for
// concurrent use. A source that holds resources (a stream connection)
// implements io.Closer, and its owner closes it when done.
type Source interface {
	Read(ctx context.Context) (Reading, error)
}

// Deps are what NewSource builds sources with.
type Deps struct {
	// Chains returns the client of a chain, for contract sources.
	Chains func(chainID uint64) (execution.Chain, error)
	// HTTP is the client of HTTP sources; nil for a default client whose
	// transport keeps idle connections for many sources on one host.
	HTTP *http.Client
	// HTTPTimeout bounds one HTTP read (default 10s).
	HTTPTimeout time.Duration
	// Websocket configures stream sources; its Logger defaults to Logger.
	Websocket WebsocketOptions
	Logger    *zap.Logger
}

// Defaults of Deps.
const (
	DefaultHTTPTimeout = 10 * time.Second
	maxHTTPBody        = 1 << 20 // bytes of an HTTP response or a stream message
)

// defaultHTTPClient keeps enough idle connections per host for a scheduler's
// workers polling many jobs of one API.
var defaultHTTPClient = func() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 256
	t.MaxIdleConnsPerHost = 64
	return &http.Client{Transport: t}
}()

// NewSource builds the source src describes:
//
//   - contract: a view call read at the latest block (NewContractSource);
//   - http: a GET of a JSON document and its number at KeyPath;
//   - websocket: the latest number at KeyPath of a JSON stream
//     (NewWebsocketSource), connected in the background until closed;
//   - static: the constant Value.
//
// Configuration errors wrap ErrInvalidSource.
func NewSource(src attestation.ValueSource, deps Deps) (Source, error) {
	switch src.Kind {
	case attestation.SourceStatic:
		return NewStaticSource(src.Value)
	case attestation.SourceHTTP:
		return newHTTPSource(src.URL, src.KeyPath, deps.HTTP, deps.HTTPTimeout)
	case attestation.SourceWebsocket:
		opts := deps.Websocket
		if opts.Logger == nil {
			opts.Logger = deps.Logger
		}
		return NewWebsocketSource(src.URL, src.KeyPath, opts)
	case attestation.SourceContract:
		if deps.Chains == nil {
			return nil, fmt.Errorf("%w: contract source but no chains configured", ErrInvalidSource)
		}
		chain, err := deps.Chains(src.ChainID)
		if err != nil {
			return nil, fmt.Errorf("%w: chain %d: %w", ErrInvalidSource, src.ChainID, err)
		}
		return NewContractSource(src, chain)
	}
	return nil, fmt.Errorf("%w: unknown kind %q", ErrInvalidSource, src.Kind)
}

// staticSource is a constant.
type staticSource struct{ r Reading }

// NewStaticSource returns a source that always reads the number s.
func NewStaticSource(s string) (Source, error) {
	v, err := ParseValue(s)
	if err != nil {
		return nil, fmt.Errorf("%w: static value: %w", ErrInvalidSource, err)
	}
	return staticSource{r: Reading{Value: v}}, nil
}

func (s staticSource) Read(context.Context) (Reading, error) { return s.r, nil }

// sourceURL checks rawURL's scheme and returns it with a printable name
// without query or user info, which may hold API keys.
func sourceURL(rawURL string, schemes ...string) (string, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "", fmt.Errorf("%w: bad URL: %v", ErrInvalidSource, err)
	}
	ok := false
	for _, s := range schemes {
		ok = ok || u.Scheme == s
	}
	if !ok || u.Host == "" {
		return "", fmt.Errorf("%w: URL must be absolute with scheme %v", ErrInvalidSource, schemes)
	}
	return u.Scheme + "://" + u.Host + u.Path, nil
}
