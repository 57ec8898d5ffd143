package coordinator

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
)

// EventSource reads the contract events the monitor follows. Block ranges
// are inclusive. An implementation returns all events of a range or an
// error, never part of them.
type EventSource interface {
	// Head returns the latest block number.
	Head(ctx context.Context) (uint64, error)
	// Executions returns the TaskExecutionHub TaskExecuted events in [from, to].
	Executions(ctx context.Context, from, to uint64) ([]Execution, error)
	// Submissions returns the AttestationCenter TaskSubmitted and
	// TaskRejected events in [from, to].
	Submissions(ctx context.Context, from, to uint64) ([]Submission, error)
}

// EventPosition locates an event on-chain.
type EventPosition struct {
	TxHash      common.Hash
	BlockNumber uint64
	BlockTime   time.Time
	LogIndex    uint
}

// Execution is a TaskExecuted event of the TaskExecutionHub.
type Execution struct {
	TaskID       common.Hash
	JobID        uint64
	Keeper       common.Address
	Target       common.Address
	Success      bool
	CalldataHash common.Hash
	Charged      *big.Int
	EventPosition
}

// Submission is a TaskSubmitted (Accepted) or TaskRejected event of the
// AttestationCenter.
type Submission struct {
	TaskID           common.Hash
	JobID            uint64
	TaskDefinitionID attestation.TaskDefinitionID
	ResultHash       common.Hash
	TaskNumber       uint64
	SignerIDs        []uint64
	Aggregator       common.Address
	Accepted         bool
	EventPosition
}

// Monitor defaults.
const (
	defaultPollInterval = 5 * time.Second
	defaultBlockRange   = 1000
	defaultCursorName   = "monitor"
	defaultQueryTimeout = 30 * time.Second
)

// MonitorConfig configures a Monitor.
type MonitorConfig struct {
	Events EventSource
	Store  Store
	Logger *zap.Logger
	// PollInterval is the pause between polls once caught up; default 5s.
	PollInterval time.Duration
	// BlockRange bounds the blocks read per query; default 1000.
	BlockRange uint64
	// StartBlock is where to begin when the store holds no cursor yet
	// (typically the contracts' deployment block).
	StartBlock uint64
	// Confirmations is how far behind the head the monitor stays, so that
	// it reads only blocks unlikely to be reorganised; default 0.
	Confirmations uint64
	// CursorName names the monitor's cursor in the store; default "monitor".
	CursorName string
	// QueryTimeout bounds each chain query; default 30s.
	QueryTimeout time.Duration
	// Clock stamps the tasks' updated_at; time.Now when nil.
	Clock      func() time.Time
	Registerer prometheus.Registerer
	// Keepers resolves the keeper ids of a certificate to addresses, to
	// credit the attesters' points; nil credits performers and users only.
	Keepers KeeperSource
}

// Monitor follows the chain and records on the tasks what happened to them:
// executions (TaskExecutionHub) and attestation outcomes
// (AttestationCenter). It reads from a cursor persisted in the store, in
// bounded block ranges; a range that fails is retried, never skipped.
// Applying a range is idempotent, so a crash between applying it and
// advancing the cursor is harmless. Run must not be called concurrently for
// one cursor.
type Monitor struct {
	cfg     MonitorConfig
	logger  *zap.Logger
	metrics *Metrics
}

// NewMonitor checks cfg and returns a monitor.
func NewMonitor(cfg MonitorConfig) (*Monitor, error) {
	if cfg.Events == nil {
		return nil, errors.New("new monitor: no event source")
	}
	if cfg.Store == nil {
		return nil, errors.New("new monitor: no store")
	}
	if cfg.Logger == nil {
		cfg.Logger = zap.NewNop()
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = defaultPollInterval
	}
	if cfg.BlockRange == 0 {
		cfg.BlockRange = defaultBlockRange
	}
	if cfg.CursorName == "" {
		cfg.CursorName = defaultCursorName
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.QueryTimeout <= 0 {
		cfg.QueryTimeout = defaultQueryTimeout
	}
	m := &Monitor{cfg: cfg, logger: cfg.Logger.Named("monitor")}
	metrics, err := NewMetrics(cfg.Registerer)
	if err != nil {
		m.logger.Warn("Register monitor metrics", zap.Error(err))
	}
	m.metrics = metrics
	return m, nil
}

// Run polls the chain until ctx ends, then returns nil.
func (m *Monitor) Run(ctx context.Context) error {
	m.logger.Info("Monitor started", zap.Duration("poll_interval", m.cfg.PollInterval),
		zap.Uint64("block_range", m.cfg.BlockRange), zap.Uint64("confirmations", m.cfg.Confirmations))
	defer m.logger.Info("Monitor stopped")
	t := time.NewTicker(m.cfg.PollInterval)
	defer t.Stop()
	for {
		if err := m.poll(ctx); err != nil && ctx.Err() == nil {
			m.logger.Warn("Monitor poll failed; retrying the same blocks", zap.Error(err))
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// poll processes every complete range from the cursor up to the confirmed
// head, advancing the cursor after each range.
func (m *Monitor) poll(ctx context.Context) error {
	next, err := m.cfg.Store.Cursor(ctx, m.cfg.CursorName)
	if errors.Is(err, ErrNotFound) {
		next = m.cfg.StartBlock
	} else if err != nil {
		return fmt.Errorf("read monitor cursor: %w", err)
	}
	qctx, cancel := context.WithTimeout(ctx, m.cfg.QueryTimeout)
	head, err := m.cfg.Events.Head(qctx)
	cancel()
	if err != nil {
		return fmt.Errorf("read chain head: %w", err)
	}
	if head < m.cfg.Confirmations {
		return nil
	}
	last := head - m.cfg.Confirmations
	for next <= last {
		if err := ctx.Err(); err != nil {
			return err
		}
		to := min(last, next+m.cfg.BlockRange-1)
		if err := m.process(ctx, next, to); err != nil {
			return fmt.Errorf("process blocks %d-%d: %w", next, to, err)
		}
		if err := m.cfg.Store.SetCursor(ctx, m.cfg.CursorName, to+1); err != nil {
			return fmt.Errorf("store monitor cursor: %w", err)
		}
		next = to + 1
		m.metrics.monitorNextBlock(next)
	}
	return nil
}

// process applies the events of [from, to]: executions first, then
// submissions, each in chain order.
func (m *Monitor) process(ctx context.Context, from, to uint64) error {
	qctx, cancel := context.WithTimeout(ctx, m.cfg.QueryTimeout)
	defer cancel()
	execs, err := m.cfg.Events.Executions(qctx, from, to)
	if err != nil {
		return fmt.Errorf("read executions: %w", err)
	}
	subs, err := m.cfg.Events.Submissions(qctx, from, to)
	if err != nil {
		return fmt.Errorf("read submissions: %w", err)
	}
	slices.SortStableFunc(execs, func(a, b Execution) int { return a.EventPosition.compare(b.EventPosition) })
	slices.SortStableFunc(subs, func(a, b Submission) int { return a.EventPosition.compare(b.EventPosition) })
	for _, e := range execs {
		if err := m.applyExecution(ctx, e); err != nil {
			return err
		}
	}
	for _, s := range subs {
		if err := m.applySubmission(ctx, s); err != nil {
			return err
		}
	}
	if len(execs)+len(subs) > 0 {
		m.logger.Debug("Blocks processed", zap.Uint64("from", from), zap.Uint64("to", to),
			zap.Int("executions", len(execs)), zap.Int("submissions", len(subs)))
	}
	return nil
}

func (p EventPosition) compare(q EventPosition) int {
	if p.BlockNumber != q.BlockNumber {
		if p.BlockNumber < q.BlockNumber {
			return -1
		}
		return 1
	}
	switch {
	case p.LogIndex < q.LogIndex:
		return -1
	case p.LogIndex > q.LogIndex:
		return 1
	}
	return 0
}

func (m *Monitor) applyExecution(ctx context.Context, e Execution) error {
	log := m.logger.With(zap.Uint64("job_id", e.JobID), zap.Stringer("task_id", e.TaskID))
	_, err := m.cfg.Store.UpdateTask(ctx, e.TaskID, func(t *Task) error {
		if uint64(t.JobID) != e.JobID {
			return fmt.Errorf("%w: task %s belongs to job %d, event says job %d", errForeignEvent, e.TaskID, t.JobID, e.JobID)
		}
		t.ExecutionTxHash = e.TxHash
		t.ExecutionTimestamp = e.BlockTime.UTC()
		t.TaskPerformer = e.Keeper
		t.IsSuccessful = e.Success
		if t.TaskStatus == TaskProcessing {
			// Executed before the dispatcher recorded its assignment: it
			// was handed out, so it must not be dispatched again.
			t.TaskStatus = TaskDispatched
		}
		t.UpdatedAt = m.cfg.Clock().UTC()
		return nil
	})
	switch {
	case errors.Is(err, ErrNotFound), errors.Is(err, errForeignEvent):
		// Not a task of this coordinator (e.g. another deployment shares
		// the contracts).
		log.Debug("Execution of an unknown task ignored", zap.Error(err))
		return nil
	case err != nil:
		return fmt.Errorf("record execution of task %s: %w", e.TaskID, err)
	}
	log.Debug("Task executed", zap.Stringer("keeper", e.Keeper), zap.Bool("success", e.Success),
		zap.Stringer("tx", e.TxHash), zap.Uint64("block", e.BlockNumber))
	return nil
}

// errForeignEvent marks an event whose task is known but whose other
// fields contradict it.
var errForeignEvent = errors.New("event does not match the task")

func (m *Monitor) applySubmission(ctx context.Context, s Submission) error {
	log := m.logger.With(zap.Uint64("job_id", s.JobID), zap.Stringer("task_id", s.TaskID))
	status := TaskRejected
	if s.Accepted {
		status = TaskCompleted
	}
	var prev TaskStatus
	_, err := m.cfg.Store.UpdateTask(ctx, s.TaskID, func(t *Task) error {
		if uint64(t.JobID) != s.JobID {
			return fmt.Errorf("%w: task %s belongs to job %d, event says job %d", errForeignEvent, s.TaskID, t.JobID, s.JobID)
		}
		prev = t.TaskStatus
		t.TaskSubmissionTxHash = s.TxHash
		t.TaskNumber = s.TaskNumber
		t.TaskAttesterIDs = slices.Clone(s.SignerIDs)
		t.IsAccepted = s.Accepted
		t.TaskStatus = status
		t.TaskError = ""
		t.UpdatedAt = m.cfg.Clock().UTC()
		return nil
	})
	switch {
	case errors.Is(err, ErrNotFound), errors.Is(err, errForeignEvent):
		log.Debug("Submission of an unknown task ignored", zap.Error(err))
		return nil
	case err != nil:
		return fmt.Errorf("record submission of task %s: %w", s.TaskID, err)
	}
	if prev != status {
		m.metrics.taskCompleted(status)
		log.Debug("Task finalized", zap.String("task_status", string(status)), zap.Uint64("task_number", s.TaskNumber),
			zap.Stringer("tx", s.TxHash), zap.Int("attesters", len(s.SignerIDs)))
	}
	if err := applyStorage(ctx, m.cfg.Store, s.TaskID); err != nil {
		return err
	}
	// Points are credited once per task (Store.Credit), so re-reading the
	// event after a crash credits nothing twice.
	return creditTask(ctx, m.cfg.Store, s.TaskID, m.attesters, m.cfg.Clock().UTC(), log)
}

// attesters resolves keeper ids to addresses through the keeper source.
func (m *Monitor) attesters(ctx context.Context, ids []uint64) ([]common.Address, error) {
	if m.cfg.Keepers == nil {
		return nil, nil
	}
	keepers, err := m.cfg.Keepers.Keepers(ctx)
	if err != nil {
		return nil, fmt.Errorf("read keepers: %w", err)
	}
	byID := make(map[uint64]common.Address, len(keepers))
	for _, k := range keepers {
		byID[k.ID] = k.Address
	}
	out := make([]common.Address, 0, len(ids))
	for _, id := range ids {
		a, ok := byID[id]
		if !ok {
			return nil, fmt.Errorf("keeper %d is not in the registry", id)
		}
		out = append(out, a)
	}
	return out, nil
}
