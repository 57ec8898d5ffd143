package coordinator

import "context"

// PollOnce exposes one monitor poll to the external tests.
func (m *Monitor) PollOnce(ctx context.Context) error { return m.poll(ctx) }

// Tick exposes one scheduler tick to the external tests.
func (s *Scheduler) Tick(ctx context.Context) error { return s.runTick(ctx) }
