package node

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
)

func TestLifecycleStopsStartedPartsInReverseOnFailure(t *testing.T) {
	var events []string
	l := &lifecycle{log: zap.NewNop(), stopTimeout: time.Second}
	rec := func(s string) func(context.Context) error {
		return func(context.Context) error { events = append(events, s); return nil }
	}
	l.onStartStop("a", rec("start a"), rec("stop a"))
	l.onStartStop("b", rec("start b"), rec("stop b"))
	l.onStartStop("c", func(context.Context) error { return errors.New("boom") }, rec("stop c"))
	l.onStartStop("d", rec("start d"), rec("stop d"))
	err := l.run(context.Background())
	require.ErrorContains(t, err, "start c: boom")
	require.Equal(t, []string{"start a", "start b", "stop b", "stop a"}, events)
}

func TestLifecycleFailingLoopStopsNode(t *testing.T) {
	stopped := make(chan struct{})
	l := &lifecycle{log: zap.NewNop(), stopTimeout: time.Second}
	l.onStop("db", func() error { close(stopped); return nil })
	l.background("loop", func(context.Context) error { return errors.New("lost") })
	err := l.run(context.Background())
	require.ErrorContains(t, err, "loop: lost")
	<-stopped
}

func TestLifecycleStopsOnContextEnd(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	l := &lifecycle{log: zap.NewNop(), stopTimeout: time.Second}
	loopDone := false
	l.background("loop", func(ctx context.Context) error { <-ctx.Done(); loopDone = true; return ctx.Err() })
	cancel()
	require.NoError(t, l.run(ctx))
	require.True(t, loopDone)
}

func TestLifecycleAbortReleasesAcquiredOnly(t *testing.T) {
	var events []string
	l := &lifecycle{log: zap.NewNop(), stopTimeout: time.Second}
	l.onStop("db", func() error { events = append(events, "close db"); return nil })
	l.onStartStop("server", nil, func(context.Context) error { events = append(events, "stop server"); return nil })
	l.onStop("chain", func() error { events = append(events, "close chain"); return errors.New("stuck") })
	err := l.abort(errors.New("bad config"))
	require.ErrorContains(t, err, "bad config")
	require.ErrorContains(t, err, "stop chain: stuck")
	require.Equal(t, []string{"close chain", "close db"}, events, "parts never started are not stopped")
}
