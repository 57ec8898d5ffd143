package node

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/execution/content"
	"github.com/triggerx-network/triggerx/p2p"
)

// scriptFetchTimeout bounds the fetch of a script the node does not hold.
const scriptFetchTimeout = 20 * time.Second

// errScriptsNotStarted is returned before the process's p2p host is up.
var errScriptsNotStarted = errors.New("script store not started")

// scripts is a process's store of job scripts: a content node on its p2p
// host, serving scripts over bitswap to keepers and fetching the ones it
// lacks from peers or the configured gateways. It implements
// coordinator.ScriptStore. It starts with the p2p host (start) and is safe
// for concurrent use.
type scripts struct {
	dir      string
	gateways []string
	log      *zap.Logger
	reg      prometheus.Registerer

	mu   sync.RWMutex
	node *content.Node
}

// start opens the content node on gossip's host.
func (s *scripts) start(ctx context.Context, gossip *p2p.Node) error {
	n, err := content.NewNode(ctx, content.Config{
		Host: gossip.Host(), Dir: filepath.Join(s.dir, "scripts"), Gateways: s.gateways, Logger: s.log, Registerer: s.reg,
	})
	if err != nil {
		return fmt.Errorf("open script store: %w", err)
	}
	s.mu.Lock()
	s.node = n
	s.mu.Unlock()
	return nil
}

func (s *scripts) stop(context.Context) error {
	s.mu.Lock()
	n := s.node
	s.node = nil
	s.mu.Unlock()
	if n == nil {
		return nil
	}
	return n.Close()
}

func (s *scripts) get() (*content.Node, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.node == nil {
		return nil, errScriptsNotStarted
	}
	return s.node, nil
}

// AddScript stores (and pins) a script and returns its CIDv1.
func (s *scripts) AddScript(ctx context.Context, source []byte) (string, error) {
	n, err := s.get()
	if err != nil {
		return "", err
	}
	c, err := n.Add(ctx, source)
	if err != nil {
		return "", err
	}
	return c.String(), nil
}

// HasScript reports whether the script can be served: held here, or fetched
// from peers or gateways and verified.
func (s *scripts) HasScript(ctx context.Context, ref string) (bool, error) {
	if _, err := s.Script(ctx, ref); err != nil {
		if errors.Is(err, content.ErrInvalidCID) || errors.Is(err, content.ErrUnsupportedCID) {
			return false, err
		}
		return false, nil
	}
	return true, nil
}

// Script returns the source of the script ref names, fetching it if needed.
func (s *scripts) Script(ctx context.Context, ref string) ([]byte, error) {
	n, err := s.get()
	if err != nil {
		return nil, err
	}
	c, err := content.ParseCID(ref)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, scriptFetchTimeout)
	defer cancel()
	return n.Get(ctx, c, 0)
}
