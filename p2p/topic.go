package p2p

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	lru "github.com/hashicorp/golang-lru/v2"
	pubsub "github.com/libp2p/go-libp2p-pubsub"
	"github.com/libp2p/go-libp2p/core/peer"
	"go.uber.org/zap"
)

const (
	// seenCacheSize bounds the content hashes remembered per topic, beyond
	// gossipsub's two-minute seen cache.
	seenCacheSize = 1 << 16
	// keyCacheSize bounds the semantic keys (one message per task and
	// signer) remembered per topic.
	keyCacheSize = 1 << 16
	// subscriberQueue is how many validated messages may wait for one
	// subscriber before further ones are dropped for it.
	subscriberQueue = 1024
	// subscriptionBuffer is the pubsub subscription's buffer.
	subscriptionBuffer = 256
)

var errDuplicate = fmt.Errorf("%w: duplicate", ErrIgnore)

type digest = [sha256.Size]byte

// topicSpec describes one message type's topic.
type topicSpec[T any] struct {
	id     string // the pubsub topic
	name   string // the metric label and log name
	encode func(T) ([]byte, error)
	decode func([]byte) (T, error)
	clone  func(T) T
	// ref names a message in logs: the task it belongs to or, for a
	// heartbeat, its keeper.
	ref func(T) zap.Field
	// key, if set, names the slot a message fills: at most one distinct
	// message per key is accepted, a different second one is an
	// equivocation and is rejected.
	key func(T) string
	// content, if set, is the hash of what a message's signer signed, by
	// which two messages of one slot are the same or an equivocation; nil
	// means the hash of the bytes.
	content func(T) digest
	// resend, if set, returns a message's re-publication count and its
	// signer. A message of a filled slot with the same content is delivered
	// again when it is a re-publication (count > 0) published by its signer
	// itself (the libp2p identity is the signer's key); otherwise it is a
	// duplicate.
	resend func(T) (uint32, common.Address)
	check  func(context.Context, T) error
	// conflict, if set, is called (in its own goroutine) with the first
	// message of a slot and a different one that passed the check: proof
	// that the signer equivocated.
	conflict func(first, second T)
}

// topic runs one message type's validator, reader and subscribers.
type topic[T any] struct {
	topicSpec[T]
	log             *zap.Logger
	metrics         *metrics
	validateTimeout time.Duration
	handlerTimeout  time.Duration
	spawn           func(func()) bool // runs a goroutine the node waits for on Close
	// limiter bounds the messages each forwarding peer gets validated; nil
	// means no limit.
	limiter *limiter
	// faults, if set, drop or delay the messages of other peers (tests).
	faults *Faults

	seen *lru.Cache[digest, struct{}]
	keys *lru.Cache[string, digest]
	// firsts holds the first message of each slot when conflict is set.
	firsts *lru.Cache[string, T]

	ps  *pubsub.Topic
	sub *pubsub.Subscription

	mu   sync.Mutex
	subs []*subscriber[T]
}

type subscriber[T any] struct {
	fn    func(context.Context, T) error
	queue chan T
}

func newTopic[T any](spec topicSpec[T], log *zap.Logger, m *metrics, validateTimeout, handlerTimeout time.Duration,
	spawn func(func()) bool,
) (*topic[T], error) {
	seen, err := lru.New[digest, struct{}](seenCacheSize)
	if err != nil {
		return nil, fmt.Errorf("create %s seen cache: %w", spec.name, err)
	}
	keys, err := lru.New[string, digest](keyCacheSize)
	if err != nil {
		return nil, fmt.Errorf("create %s key cache: %w", spec.name, err)
	}
	t := &topic[T]{
		topicSpec:       spec,
		log:             log.With(zap.String("topic", spec.name)),
		metrics:         m,
		validateTimeout: validateTimeout,
		handlerTimeout:  handlerTimeout,
		spawn:           spawn,
		seen:            seen,
		keys:            keys,
	}
	if spec.conflict != nil {
		if t.firsts, err = lru.New[string, T](keyCacheSize); err != nil {
			return nil, fmt.Errorf("create %s slot cache: %w", spec.name, err)
		}
	}
	return t, nil
}

// join registers the validator, joins and subscribes to the topic and starts
// the reader.
func (t *topic[T]) join(ctx context.Context, ps *pubsub.PubSub) error {
	if err := ps.RegisterTopicValidator(t.id, t.validate); err != nil {
		return fmt.Errorf("register %s validator: %w", t.name, err)
	}
	pt, err := ps.Join(t.id)
	if err != nil {
		return fmt.Errorf("join %s: %w", t.id, err)
	}
	sub, err := pt.Subscribe(pubsub.WithBufferSize(subscriptionBuffer))
	if err != nil {
		return fmt.Errorf("subscribe %s: %w", t.id, err)
	}
	t.ps, t.sub = pt, sub
	t.spawn(func() { t.read(ctx) })
	return nil
}

// validate is the pubsub validator. It never panics and always returns
// within validateTimeout plus the decode time. from is the peer that
// forwarded the message; a message over its rate limit is ignored before it
// is even decoded.
func (t *topic[T]) validate(ctx context.Context, from peer.ID, msg *pubsub.Message) (res pubsub.ValidationResult) {
	defer func() {
		if r := recover(); r != nil {
			t.log.Error("validator panicked; rejecting message", zap.Stringer("peer", from),
				zap.Any("panic", r), zap.Stack("stack"))
			res = pubsub.ValidationReject
		}
		t.metrics.validated(t.name, resultLabel(res))
	}()
	if t.faults.inbound(ctx, t.id, from) {
		return pubsub.ValidationIgnore
	}
	if ok, first := t.limiter.allow(from, t.name); !ok {
		t.metrics.limited(t.name)
		if first {
			t.log.Debug("peer over its gossip rate limit; ignoring its messages until it slows down",
				zap.Stringer("peer", from))
		}
		return pubsub.ValidationIgnore
	}
	v, res, err := t.judge(ctx, peer.ID(msg.GetFrom()), msg.GetData())
	if res != pubsub.ValidationAccept {
		fields := []zap.Field{zap.Stringer("peer", from), zap.String("result", resultLabel(res)), zap.Error(err)}
		if err == nil || !errors.Is(err, ErrMalformed) {
			fields = append(fields, t.ref(v))
		}
		t.log.Debug("gossip message not accepted", fields...)
		return res
	}
	msg.ValidatorData = v
	return pubsub.ValidationAccept
}

// judge decides on one message published by publisher; err says why when
// it is not accepted.
func (t *topic[T]) judge(ctx context.Context, publisher peer.ID, data []byte) (T, pubsub.ValidationResult, error) {
	var zero T
	v, err := t.decode(data)
	if err != nil {
		return zero, pubsub.ValidationReject, err
	}
	h := sha256.Sum256(data)
	if t.seen.Contains(h) {
		return v, pubsub.ValidationIgnore, errDuplicate
	}
	if t.check != nil {
		cctx, cancel := context.WithTimeout(ctx, t.validateTimeout)
		err := t.check(cctx, t.clone(v))
		cancel()
		switch {
		case err == nil:
		case errors.Is(err, ErrIgnore), errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
			// Not the sender's fault, or not decidable now.
			return v, pubsub.ValidationIgnore, err
		default:
			return v, pubsub.ValidationReject, err
		}
	}
	// Record the slot only for messages that passed the check, so a forged
	// message cannot take an honest signer's slot.
	if t.key != nil {
		key, c := t.key(v), h
		if t.content != nil {
			c = t.content(v)
		}
		prev, found, _ := t.keys.PeekOrAdd(key, c)
		switch {
		case found && prev == c:
			if !t.republished(v, publisher) {
				return v, pubsub.ValidationIgnore, errDuplicate
			}
		case found:
			if t.firsts != nil {
				if first, ok := t.firsts.Get(key); ok {
					second := t.clone(v)
					t.spawn(func() { t.conflict(first, second) })
				}
			}
			return v, pubsub.ValidationReject, fmt.Errorf("%w: equivocation: a different %s for the same task and signer", ErrReject, t.name)
		case t.firsts != nil:
			t.firsts.Add(key, t.clone(v))
		}
	}
	t.seen.Add(h, struct{}{})
	return v, pubsub.ValidationAccept, nil
}

// republished reports whether v is a re-publication by its own signer.
func (t *topic[T]) republished(v T, publisher peer.ID) bool {
	if t.resend == nil {
		return false
	}
	n, signer := t.resend(v)
	if n == 0 {
		return false
	}
	addr, err := AddressOf(publisher)
	return err == nil && addr == signer
}

func resultLabel(r pubsub.ValidationResult) string {
	switch r {
	case pubsub.ValidationAccept:
		return resultAccept
	case pubsub.ValidationIgnore:
		return resultIgnore
	default:
		return resultReject
	}
}

// publish encodes v and publishes it. Publishing a message this node has
// already published or delivered is a no-op.
func (t *topic[T]) publish(ctx context.Context, v T) error {
	data, err := t.encode(v)
	if err != nil {
		return fmt.Errorf("publish %s: %w", t.name, err)
	}
	if t.seen.Contains(sha256.Sum256(data)) {
		t.log.Debug("already published", t.ref(v))
		return nil
	}
	if err := t.ps.Publish(ctx, data); err != nil {
		var ve pubsub.ValidationError
		if errors.As(err, &ve) {
			switch ve.Reason {
			case pubsub.RejectValidationIgnored:
				err = ErrIgnore
			case pubsub.RejectValidationFailed:
				err = ErrReject
			}
			return fmt.Errorf("publish %s: local validation: %w", t.name, err)
		}
		return fmt.Errorf("publish %s: %w", t.name, err)
	}
	t.log.Debug("published", t.ref(v))
	return nil
}

// subscribe adds a subscriber with its own queue and goroutine, so a slow
// subscriber delays neither the others nor the topic.
func (t *topic[T]) subscribe(ctx context.Context, fn func(context.Context, T) error) {
	s := &subscriber[T]{fn: fn, queue: make(chan T, subscriberQueue)}
	t.mu.Lock()
	t.subs = append(t.subs, s)
	t.mu.Unlock()
	if !t.spawn(func() { t.serve(ctx, s) }) {
		t.log.Debug("subscribe after close; subscriber will not be called")
	}
}

// read hands every validated message to every subscriber until ctx ends or
// the subscription is cancelled.
func (t *topic[T]) read(ctx context.Context) {
	for {
		msg, err := t.sub.Next(ctx)
		if err != nil {
			return
		}
		v, ok := msg.ValidatorData.(T)
		if !ok { // every message passed validate, which sets it
			if v, err = t.decode(msg.GetData()); err != nil {
				t.log.Warn("drop undecodable delivered message", zap.Error(err))
				continue
			}
		}
		t.log.Debug("received", t.ref(v), zap.Stringer("peer", msg.GetFrom()))
		t.deliver(v)
	}
}

// deliver queues a clone of v for every subscriber.
func (t *topic[T]) deliver(v T) {
	t.mu.Lock()
	subs := t.subs
	t.mu.Unlock()
	for _, s := range subs {
		select {
		case s.queue <- t.clone(v):
		default:
			t.metrics.droppedDelivery(t.name)
			t.log.Warn("subscriber queue full; message dropped for it", t.ref(v))
		}
	}
}

func (t *topic[T]) serve(ctx context.Context, s *subscriber[T]) {
	for {
		select {
		case <-ctx.Done():
			return
		case v := <-s.queue:
			t.call(ctx, s, v)
		}
	}
}

// call runs one subscriber on one message under a bounded context. Errors
// and panics are logged; they never stop delivery.
func (t *topic[T]) call(ctx context.Context, s *subscriber[T], v T) {
	ctx, cancel := context.WithTimeout(ctx, t.handlerTimeout)
	defer cancel()
	defer func() {
		if r := recover(); r != nil {
			t.log.Error("subscriber panicked", t.ref(v),
				zap.Any("panic", r), zap.Stack("stack"))
		}
	}()
	err := s.fn(ctx, v)
	switch {
	case err == nil:
	case errors.Is(err, ErrIgnore), ctx.Err() != nil && errors.Is(err, context.Canceled):
		t.log.Debug("subscriber declined message", t.ref(v), zap.Error(err))
	default:
		t.log.Warn("subscriber failed", t.ref(v), zap.Error(err))
	}
}
