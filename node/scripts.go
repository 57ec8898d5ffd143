package node

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/execution/content"
	"github.com/triggerx-network/triggerx/execution/netproxy"
	"github.com/triggerx-network/triggerx/execution/sandbox"
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

	// Transcripts being fetched in the background (keepTranscript), under mu.
	bg      sync.WaitGroup
	bgSem   chan struct{}
	bgCtx   context.Context
	bgStop  context.CancelFunc
	stopped bool
}

// maxTranscriptFetches bounds the background transcript fetches.
const maxTranscriptFetches = 16

// start opens the content node on gossip's host.
func (s *scripts) start(ctx context.Context, gossip *p2p.Node) error {
	n, err := content.NewNode(ctx, content.Config{
		Host: gossip.Host(), Dir: filepath.Join(s.dir, "scripts"), Gateways: s.gateways, Logger: s.log, Registerer: s.reg,
		MaxFileSize: max(sandbox.MaxScriptSize, netproxy.MaxTranscriptBytes),
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
	s.stopped = true
	if s.bgStop != nil {
		s.bgStop()
	}
	s.mu.Unlock()
	s.bg.Wait()
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

// AddTranscript stores a script run's network transcript for attesters to
// fetch and returns its CIDv1. It is not pinned: it stays cached until the
// store's size limit evicts it, long after the task's attesters fetched it.
func (s *scripts) AddTranscript(ctx context.Context, b []byte) (string, error) {
	n, err := s.get()
	if err != nil {
		return "", err
	}
	c, err := n.Add(ctx, b)
	if err != nil {
		return "", err
	}
	if err := n.Unpin(ctx, c); err != nil {
		return "", err
	}
	return c.String(), nil
}

// Transcript returns the transcript ref names, fetching it from the
// performer (or any peer holding it) if needed.
func (s *scripts) Transcript(ctx context.Context, ref string) ([]byte, error) {
	return s.file(ctx, ref, netproxy.MaxTranscriptBytes)
}

// keepTranscript fetches a script run's transcript in the background and
// keeps it in the store (unpinned: cached until the size limit evicts it),
// if its keccak256 is hash. Fetches beyond maxTranscriptFetches in flight
// are dropped; errors are logged.
func (s *scripts) keepTranscript(ref string, hash common.Hash) {
	s.mu.Lock()
	if s.stopped {
		s.mu.Unlock()
		return
	}
	if s.bgCtx == nil {
		s.bgCtx, s.bgStop = context.WithCancel(context.Background())
		s.bgSem = make(chan struct{}, maxTranscriptFetches)
	}
	select {
	case s.bgSem <- struct{}{}:
	default:
		s.mu.Unlock()
		s.log.Warn("transcript fetches saturated: not keeping this one", zap.String("transcript", ref))
		return
	}
	s.bg.Add(1)
	s.mu.Unlock()
	go func() {
		defer s.bg.Done()
		defer func() { <-s.bgSem }()
		b, err := s.Transcript(s.bgCtx, ref)
		switch {
		case err != nil:
			s.log.Info("fetch transcript", zap.String("transcript", ref), zap.Error(err))
		case crypto.Keccak256Hash(b) != hash:
			s.log.Warn("transcript does not match its hash: dropping it", zap.String("transcript", ref))
			if n, err := s.get(); err == nil {
				if c, err := content.ParseCID(ref); err == nil {
					_ = n.Store().Remove(s.bgCtx, c)
				}
			}
		}
	}()
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
	return s.file(ctx, ref, sandbox.MaxScriptSize)
}

// file returns the file ref names, at most maxSize bytes, fetching it if
// needed.
func (s *scripts) file(ctx context.Context, ref string, maxSize int64) ([]byte, error) {
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
	return n.Get(ctx, c, maxSize)
}
