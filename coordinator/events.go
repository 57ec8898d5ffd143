package coordinator

import (
	"context"
	"reflect"
	"sync"
	"sync/atomic"

	"github.com/ethereum/go-ethereum/common"
)

// TaskEvent tells that a task was created or changed.
type TaskEvent struct {
	// Seq numbers the events of one subscription, from 1 (every event
	// matching its filter counts); a subscriber that sees a gap was too
	// slow and missed events.
	Seq uint64
	// UserAddress owns the task's job: only its keys and admins see the event.
	UserAddress common.Address
	Task        Task
}

// EventFilter selects the events of a subscription; zero fields match all.
type EventFilter struct {
	// UserAddress, when set, keeps the tasks of that user's jobs.
	UserAddress common.Address
	// JobID, when set, keeps the tasks of that job.
	JobID *uint64
}

func (f EventFilter) match(e TaskEvent) bool {
	return (f.UserAddress == common.Address{} || e.UserAddress == f.UserAddress) &&
		(f.JobID == nil || uint64(e.Task.JobID) == *f.JobID)
}

// Broker fans task events out to subscribers. Publish never blocks on a
// subscriber: one that does not keep up loses events, which it sees as
// gaps in Seq. Implementations are safe for concurrent use.
type Broker interface {
	// Publish hands e to every matching subscriber, numbered in its
	// subscription.
	Publish(ctx context.Context, e TaskEvent)
	// Subscribe returns the events matching f published from now on. The
	// channel closes when cancel is called or ctx ends.
	Subscribe(ctx context.Context, f EventFilter) (events <-chan TaskEvent, cancel func())
}

// DefaultEventBuffer is how many events a MemoryBroker subscriber may lag
// behind before it loses events.
const DefaultEventBuffer = 256

// MemoryBroker is a Broker within one process.
type MemoryBroker struct {
	buffer  int
	dropped atomic.Uint64

	mu   sync.Mutex
	subs map[*subscriber]struct{}
}

type subscriber struct {
	f   EventFilter
	ch  chan TaskEvent
	seq uint64 // events matched so far, delivered or not; guarded by the broker's mu
}

// NewMemoryBroker returns a broker that buffers up to buffer events per
// subscriber (DefaultEventBuffer when buffer <= 0).
func NewMemoryBroker(buffer int) *MemoryBroker {
	if buffer <= 0 {
		buffer = DefaultEventBuffer
	}
	return &MemoryBroker{buffer: buffer, subs: map[*subscriber]struct{}{}}
}

// Publish implements Broker.
func (b *MemoryBroker) Publish(_ context.Context, e TaskEvent) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for s := range b.subs {
		if !s.f.match(e) {
			continue
		}
		s.seq++
		ev := e
		ev.Seq = s.seq
		ev.Task = e.Task.Clone()
		select {
		case s.ch <- ev:
		default:
			b.dropped.Add(1)
		}
	}
}

// Subscribe implements Broker.
func (b *MemoryBroker) Subscribe(ctx context.Context, f EventFilter) (<-chan TaskEvent, func()) {
	s := &subscriber{f: f, ch: make(chan TaskEvent, b.buffer)}
	b.mu.Lock()
	b.subs[s] = struct{}{}
	b.mu.Unlock()
	var once sync.Once
	done := make(chan struct{})
	cancel := func() {
		once.Do(func() {
			close(done)
			b.mu.Lock()
			delete(b.subs, s)
			close(s.ch)
			b.mu.Unlock()
		})
	}
	go func() {
		select {
		case <-ctx.Done():
			cancel()
		case <-done:
		}
	}()
	return s.ch, cancel
}

// Dropped returns how many events subscribers lost by not keeping up.
func (b *MemoryBroker) Dropped() uint64 { return b.dropped.Load() }

// Subscribers returns the number of open subscriptions.
func (b *MemoryBroker) Subscribers() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.subs)
}

// WithEvents returns store publishing a TaskEvent to b after every task it
// creates (UpdateJob firing a new task) and every successful UpdateTask,
// so that every component writing through it is heard. Publishing happens
// after the write commits, outside the store's transaction.
func WithEvents(store Store, b Broker) Store {
	return &eventStore{Store: store, broker: b, owners: map[uint64]common.Address{}}
}

// maxOwnerCache bounds eventStore's cache of job owners.
const maxOwnerCache = 100_000

type eventStore struct {
	Store
	broker Broker

	mu     sync.Mutex
	owners map[uint64]common.Address // a job's owner never changes
}

func (s *eventStore) UpdateJob(ctx context.Context, id uint64, fn func(*Job) (*Task, error)) (Job, bool, error) {
	var task *Task
	j, created, err := s.Store.UpdateJob(ctx, id, func(j *Job) (*Task, error) {
		t, err := fn(j)
		task = t
		return t, err
	})
	if err == nil && created && task != nil {
		s.remember(id, j.UserAddress)
		// The created task as the store keeps it.
		t, terr := s.Store.Task(ctx, task.TaskID)
		if terr != nil {
			t = task.Clone()
		}
		s.broker.Publish(ctx, TaskEvent{UserAddress: j.UserAddress, Task: t})
	}
	return j, created, err
}

func (s *eventStore) UpdateTask(ctx context.Context, id common.Hash, fn func(*Task) error) (Task, error) {
	var before Task
	t, err := s.Store.UpdateTask(ctx, id, func(t *Task) error {
		before = t.Clone()
		return fn(t)
	})
	if err != nil {
		return t, err
	}
	if reflect.DeepEqual(before, t) {
		return t, nil // nothing changed
	}
	if user, ok := s.owner(ctx, uint64(t.JobID)); ok {
		s.broker.Publish(ctx, TaskEvent{UserAddress: user, Task: t.Clone()})
	}
	return t, nil
}

func (s *eventStore) remember(id uint64, user common.Address) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.owners) >= maxOwnerCache {
		clear(s.owners)
	}
	s.owners[id] = user
}

// owner returns the owner of job id; false when the job cannot be read, in
// which case no tenant could be told and the event is not published.
func (s *eventStore) owner(ctx context.Context, id uint64) (common.Address, bool) {
	s.mu.Lock()
	user, ok := s.owners[id]
	s.mu.Unlock()
	if ok {
		return user, true
	}
	j, err := s.Store.Job(ctx, id)
	if err != nil {
		return common.Address{}, false
	}
	s.remember(id, j.UserAddress)
	return j.UserAddress, true
}
