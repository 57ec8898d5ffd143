package coordinator

import (
	"context"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"go.uber.org/zap"

	"github.com/triggerx-network/triggerx/attestation"
)

// AccountKind names whose points an Account holds.
type AccountKind string

// Account kinds.
const (
	AccountKeeper AccountKind = "keeper"
	AccountUser   AccountKind = "user"
)

// Account is the points and activity counters of one keeper or one user
// (a job owner), as the coordinator credits them when jobs are created and
// tasks finish (see Points).
type Account struct {
	Kind    AccountKind    `json:"kind"`
	Address common.Address `json:"address"`
	Points  int64          `json:"points"`
	// Keepers: tasks performed that were accepted, rejected by the
	// AttestationCenter, or given up after dispatch to them; tasks whose
	// verdict they signed.
	TasksPerformed uint64 `json:"tasks_performed,omitempty"`
	TasksRejected  uint64 `json:"tasks_rejected,omitempty"`
	TasksFailed    uint64 `json:"tasks_failed,omitempty"`
	TasksAttested  uint64 `json:"tasks_attested,omitempty"`
	// Users: jobs registered and tasks of their jobs completed.
	JobsCreated    uint64 `json:"jobs_created,omitempty"`
	TasksCompleted uint64 `json:"tasks_completed,omitempty"`
	// LastActivity is the time of the latest credited event.
	LastActivity time.Time `json:"last_activity,omitzero"`
}

// Credit is one change to an account: points (possibly negative) and
// counter increments.
type Credit struct {
	Kind    AccountKind
	Address common.Address
	Points  int64
	// Counter increments.
	TasksPerformed, TasksRejected, TasksFailed, TasksAttested, JobsCreated, TasksCompleted uint64
	// At is the event's time; the account's LastActivity is the latest.
	At time.Time
}

// apply adds c to a.
func (c Credit) apply(a *Account) {
	a.Kind, a.Address = c.Kind, c.Address
	a.Points += c.Points
	a.TasksPerformed += c.TasksPerformed
	a.TasksRejected += c.TasksRejected
	a.TasksFailed += c.TasksFailed
	a.TasksAttested += c.TasksAttested
	a.JobsCreated += c.JobsCreated
	a.TasksCompleted += c.TasksCompleted
	if c.At.After(a.LastActivity) {
		a.LastActivity = c.At.UTC()
	}
}

// Points rules, after the system we replace (which credits the task's fee
// in ETH) but in whole points, so that a balance never depends on gas
// prices: a task is worth TaskPoints of its task definition.
//
//   - a user gets 10 points per job registered, 20 for a custom-script job
//     (task definition 7), and the task's worth per completed task;
//   - the performer of an accepted task gets its worth; of a rejected one
//     loses a tenth of it (at least 1); of a task given up after dispatch
//     (failed with a reason code) nothing, its failure is counted;
//   - each keeper whose signature is in the task's certificate, accepted
//     or rejected, gets half its worth (at least 1): attesting is work too.
const (
	jobPoints       = 10
	customJobPoints = 20
)

// TaskPoints is what one finished task of task definition tdid is worth:
// 6 for static arguments (1, 3, 5), 7 for script-computed ones (2, 4, 6),
// 10 for custom scripts (7) — the off-chain fee table of the system we
// replace, in thousandths of a dollar.
func TaskPoints(tdid attestation.TaskDefinitionID) int64 {
	switch tdid {
	case attestation.CustomScript:
		return 10
	case attestation.TimeScript, attestation.EventScript, attestation.ConditionScript:
		return 7
	default:
		return 6
	}
}

// jobCredits are the credits of registering j.
func jobCredits(j Job, at time.Time) (key string, credits []Credit) {
	p := int64(jobPoints)
	if j.TaskDefinitionID == attestation.CustomScript {
		p = customJobPoints
	}
	return fmt.Sprintf("job/%d", j.JobID), []Credit{{Kind: AccountUser, Address: j.UserAddress, Points: p, JobsCreated: 1, At: at}}
}

// taskCredits are the credits of task t reaching final status t.TaskStatus,
// owned by user; attesters are the addresses of the keepers in its
// certificate. ok is false for a status that credits nothing.
func taskCredits(t Task, user common.Address, attesters []common.Address, at time.Time) (key string, credits []Credit, ok bool) {
	worth := TaskPoints(t.TaskDefinitionID)
	key = "task/" + t.TaskID.Hex()
	perf := t.TaskPerformer
	switch t.TaskStatus {
	case TaskCompleted:
		credits = append(credits, Credit{Kind: AccountUser, Address: user, Points: worth, TasksCompleted: 1, At: at})
		if perf != (common.Address{}) {
			credits = append(credits, Credit{Kind: AccountKeeper, Address: perf, Points: worth, TasksPerformed: 1, At: at})
		}
	case TaskRejected:
		if perf != (common.Address{}) {
			credits = append(credits, Credit{Kind: AccountKeeper, Address: perf, Points: -max(worth/10, 1), TasksRejected: 1, At: at})
		}
	case TaskFailed:
		if perf == (common.Address{}) {
			return "", nil, false // never handed out: nobody to count
		}
		credits = append(credits, Credit{Kind: AccountKeeper, Address: perf, TasksFailed: 1, At: at})
	default:
		return "", nil, false
	}
	for _, a := range attesters {
		credits = append(credits, Credit{Kind: AccountKeeper, Address: a, Points: max(worth/2, 1), TasksAttested: 1, At: at})
	}
	return key, credits, true
}

// creditTask credits the points of task id's final status, at most once
// (the store's Credit is idempotent by key). addresses resolves the
// keeper ids of its certificate; nil credits no attester.
func creditTask(ctx context.Context, store Store, id common.Hash, addresses func(context.Context, []uint64) ([]common.Address, error),
	now time.Time, logger *zap.Logger,
) error {
	t, err := store.Task(ctx, id)
	if err != nil {
		return fmt.Errorf("read task %s: %w", id, err)
	}
	j, err := store.Job(ctx, uint64(t.JobID))
	if err != nil {
		return fmt.Errorf("read job %d of task %s: %w", t.JobID, id, err)
	}
	var attesters []common.Address
	if addresses != nil && len(t.TaskAttesterIDs) > 0 {
		if attesters, err = addresses(ctx, t.TaskAttesterIDs); err != nil {
			return fmt.Errorf("attesters of task %s: %w", id, err)
		}
	}
	key, credits, ok := taskCredits(t, j.UserAddress, attesters, now)
	if !ok {
		return nil
	}
	applied, err := store.Credit(ctx, key, credits...)
	if err != nil {
		return fmt.Errorf("credit points of task %s: %w", id, err)
	}
	if applied && logger != nil {
		logger.Debug("Points credited", zap.Stringer("task_id", id), zap.String("task_status", string(t.TaskStatus)),
			zap.Int("accounts", len(credits)))
	}
	return nil
}
