package coordinator

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/redis/go-redis/v9"
	"go.uber.org/zap"
)

// RedisBroker is a Broker shared by coordinator instances through Redis
// pub/sub: an event published by any instance reaches the subscribers of
// every instance, so a client streaming events from one instance sees the
// tasks the others create and change. Each instance fans the events out to
// its own subscribers with a MemoryBroker, which numbers each
// subscription's events (Seq). Pub/sub delivers at most once: an instance disconnected from
// Redis misses what was published meanwhile, as a slow subscriber does.
type RedisBroker struct {
	rdb     redis.UniversalClient
	channel string
	local   *MemoryBroker
	log     *zap.Logger
	ps      *redis.PubSub
	done    chan struct{}
	once    sync.Once
}

// NewRedisBroker subscribes to "<prefix>events" in rdb and returns once
// the subscription is confirmed; Close ends it.
func NewRedisBroker(ctx context.Context, rdb redis.UniversalClient, prefix string, log *zap.Logger) (*RedisBroker, error) {
	if log == nil {
		log = zap.NewNop()
	}
	b := &RedisBroker{rdb: rdb, channel: prefix + "events", local: NewMemoryBroker(0), log: log.Named("events"), done: make(chan struct{})}
	b.ps = rdb.Subscribe(ctx, b.channel)
	if _, err := b.ps.Receive(ctx); err != nil {
		_ = b.ps.Close()
		return nil, fmt.Errorf("subscribe to %s: %w", b.channel, err)
	}
	go b.relay()
	return b, nil
}

// relay hands the events published by every instance to local subscribers.
func (b *RedisBroker) relay() {
	defer close(b.done)
	for msg := range b.ps.Channel() {
		var e TaskEvent
		if err := json.Unmarshal([]byte(msg.Payload), &e); err != nil {
			b.log.Warn("undecodable task event: dropped", zap.Error(err))
			continue
		}
		b.local.Publish(context.Background(), e)
	}
}

// Publish implements Broker: the event goes to every instance through
// Redis; if Redis cannot take it, at least this instance's subscribers get
// it.
func (b *RedisBroker) Publish(ctx context.Context, e TaskEvent) {
	payload, err := json.Marshal(e)
	if err == nil {
		err = b.rdb.Publish(ctx, b.channel, payload).Err()
	}
	if err != nil {
		b.log.Warn("publish task event to redis: delivering locally only", zap.Error(err))
		b.local.Publish(ctx, e)
	}
}

// Subscribe implements Broker.
func (b *RedisBroker) Subscribe(ctx context.Context, f EventFilter) (<-chan TaskEvent, func()) {
	return b.local.Subscribe(ctx, f)
}

// Close ends the Redis subscription; subscribers stop receiving events.
func (b *RedisBroker) Close() error {
	var err error
	b.once.Do(func() {
		err = b.ps.Close()
		<-b.done
	})
	return err
}
