package node

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"go.uber.org/zap"
)

// lifecycle starts a node's parts in order and stops them in reverse. If a
// start fails, the parts already started are stopped before Run returns. A
// background loop that fails stops the whole node.
type lifecycle struct {
	log         *zap.Logger
	stopTimeout time.Duration
	parts       []part
}

type part struct {
	name     string
	acquired bool // added with onStop: a resource held from the moment it was added
	start    func(context.Context) error
	stop     func(context.Context) error
	loop     func(context.Context) error // run in the background between start and stop
}

// onStartStop adds a part with start and stop hooks (either may be nil).
func (l *lifecycle) onStartStop(name string, start, stop func(context.Context) error) {
	l.parts = append(l.parts, part{name: name, start: start, stop: stop})
}

// onStop adds a part with only a stop hook, e.g. closing a database opened
// while building the node.
func (l *lifecycle) onStop(name string, stop func() error) {
	l.parts = append(l.parts, part{name: name, acquired: true, stop: func(context.Context) error { return stop() }})
}

// abort releases the resources added with onStop so far, in reverse, for a
// node whose assembly failed before run; it returns err joined with any
// release failure.
func (l *lifecycle) abort(err error) error {
	errs := []error{err}
	for i := len(l.parts) - 1; i >= 0; i-- {
		if p := l.parts[i]; p.acquired {
			if serr := p.stop(context.Background()); serr != nil {
				errs = append(errs, fmt.Errorf("stop %s: %w", p.name, serr))
			}
		}
	}
	return errors.Join(errs...)
}

// background adds a loop that runs until the node stops.
func (l *lifecycle) background(name string, loop func(context.Context) error) {
	l.parts = append(l.parts, part{name: name, loop: loop})
}

// run starts every part, waits until ctx ends or a loop fails, then stops
// everything that started. It returns the first failure.
func (l *lifecycle) run(ctx context.Context) error {
	loopCtx, cancelLoops := context.WithCancel(context.Background())
	defer cancelLoops()
	failed := make(chan error, len(l.parts))
	var wg sync.WaitGroup
	var started []part

	stopAll := func() error {
		cancelLoops()
		wg.Wait()
		var errs []error
		for i := len(started) - 1; i >= 0; i-- {
			p := started[i]
			if p.stop == nil {
				continue
			}
			sctx, cancel := context.WithTimeout(context.Background(), l.stopTimeout)
			if err := p.stop(sctx); err != nil {
				errs = append(errs, fmt.Errorf("stop %s: %w", p.name, err))
			}
			cancel()
			l.log.Debug("stopped", zap.String("part", p.name))
		}
		return errors.Join(errs...)
	}

	for _, p := range l.parts {
		if p.start != nil {
			if err := p.start(ctx); err != nil {
				return errors.Join(fmt.Errorf("start %s: %w", p.name, err), stopAll())
			}
		}
		started = append(started, p)
		if p.loop != nil {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := p.loop(loopCtx); err != nil && loopCtx.Err() == nil {
					failed <- fmt.Errorf("%s: %w", p.name, err)
				}
			}()
		}
		l.log.Debug("started", zap.String("part", p.name))
	}

	var runErr error
	select {
	case <-ctx.Done():
	case runErr = <-failed:
		l.log.Error("part failed, stopping", zap.Error(runErr))
	}
	return errors.Join(runErr, stopAll())
}
