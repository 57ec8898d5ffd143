package coordinator

import (
	"cmp"
	"context"
	"fmt"
	"math/big"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/gin-gonic/gin"
)

// KeeperInfo is a registered keeper as the KeeperRegistry records it.
type KeeperInfo struct {
	// ID is the keeper's registry id (1-based, in registration order).
	ID      uint64
	Address common.Address
	// Active: the keeper may execute and vote; its stake counts towards the
	// total of active stake.
	Active bool
	// WithdrawableAt is when an exiting keeper may withdraw its stake; zero
	// unless the keeper deregistered (or was ejected) and has not withdrawn.
	WithdrawableAt time.Time
	// Stake in wei.
	Stake *big.Int
	// BLSPublicKey is the key as the registry stores it (EIP-2537 encoding).
	BLSPublicKey []byte
}

// KeeperSource reads the registered keepers, every one the registry
// knows of, active or not. Implementations may cache for a few seconds.
type KeeperSource interface {
	Keepers(ctx context.Context) ([]KeeperInfo, error)
}

// Keeper states of a KeeperView.
const (
	KeeperActive  = "active"  // executes and votes
	KeeperExiting = "exiting" // deregistered, stake not withdrawn yet (still slashable)
	KeeperExited  = "exited"  // stake withdrawn
)

// KeeperView is a keeper as GET /api/v1/keepers shows it: its registry
// record and its activity as this coordinator's tasks record it.
type KeeperView struct {
	ID             uint64         `json:"id"`
	Address        common.Address `json:"address"`
	Status         string         `json:"status"` // KeeperActive, KeeperExiting or KeeperExited
	Active         bool           `json:"active"`
	WithdrawableAt time.Time      `json:"withdrawable_at,omitzero"`
	Stake          string         `json:"stake"` // wei, decimal
	// VotingPower is the keeper's share of the active stake, in percent;
	// 0 for an inactive keeper.
	VotingPower  float64 `json:"voting_power"`
	BLSPublicKey string  `json:"bls_public_key"` // 0x hex, EIP-2537 encoding
	// TasksPerformed, TasksFailed and TasksRejected count the tasks whose
	// (last) performer the keeper was, by final status: completed, failed,
	// rejected by the AttestationCenter.
	TasksPerformed uint64 `json:"tasks_performed"`
	TasksFailed    uint64 `json:"tasks_failed"`
	TasksRejected  uint64 `json:"tasks_rejected"`
	// LastTaskAt is the scheduled time of the newest task the keeper was
	// performer of, whatever its status.
	LastTaskAt time.Time `json:"last_task_at,omitzero"`
	// Rank is the keeper's place on the leaderboard (1 = first); only
	// leaderboard answers carry it.
	Rank int `json:"rank,omitempty"`
}

const (
	// keeperActivityTTL is how long the API reuses its count of keeper
	// activity.
	keeperActivityTTL      = 10 * time.Second
	defaultLeaderboardSize = 20
	maxLeaderboardSize     = 100
)

// keeperActivity is what the tasks record of one performer.
type keeperActivity struct {
	performed, failed, rejected uint64
	last                        time.Time
}

// keepersAPI serves the keeper routes. The activity of the keepers is
// counted by scanning every job's tasks (the store has no index by
// performer): fine at the scale of today's network, an index is future
// work. The count is cached for keeperActivityTTL; one scan runs at a time.
type keepersAPI struct {
	a *api

	mu       sync.Mutex
	activity map[common.Address]keeperActivity
	counted  time.Time
}

func newKeepersAPI(a *api) *keepersAPI { return &keepersAPI{a: a} }

// list answers GET /api/v1/keepers: every registered keeper, by id.
func (k *keepersAPI) list(c *gin.Context) {
	views, ok := k.views(c)
	if !ok {
		return
	}
	c.JSON(http.StatusOK, views)
}

// get answers GET /api/v1/keepers/:address.
func (k *keepersAPI) get(c *gin.Context) {
	addr, err := parseAddress("address", c.Param("address"))
	if err != nil {
		k.a.refuse(c, http.StatusBadRequest, err, -1)
		return
	}
	views, ok := k.views(c)
	if !ok {
		return
	}
	for _, v := range views {
		if v.Address == addr {
			c.JSON(http.StatusOK, v)
			return
		}
	}
	problem(c, http.StatusNotFound, "", "keeper %s is not registered", addr.Hex())
}

// leaderboard answers GET /api/v1/keepers/leaderboard: keepers by tasks
// performed, then stake, then id; the first ?limit= of them.
func (k *keepersAPI) leaderboard(c *gin.Context) {
	limit := defaultLeaderboardSize
	if s := c.Query("limit"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 || v > maxLeaderboardSize {
			k.a.refuse(c, http.StatusBadRequest, badField("limit", "must be an integer from 1 to %d", maxLeaderboardSize), -1)
			return
		}
		limit = v
	}
	views, ok := k.views(c)
	if !ok {
		return
	}
	stakes := make(map[common.Address]*big.Int, len(views))
	for _, v := range views {
		s, _ := new(big.Int).SetString(v.Stake, 10)
		stakes[v.Address] = s
	}
	slices.SortStableFunc(views, func(x, y KeeperView) int {
		if c := cmp.Compare(y.TasksPerformed, x.TasksPerformed); c != 0 {
			return c
		}
		if c := stakes[y.Address].Cmp(stakes[x.Address]); c != 0 {
			return c
		}
		return cmp.Compare(x.ID, y.ID)
	})
	views = views[:min(len(views), limit)]
	for i := range views {
		views[i].Rank = i + 1
	}
	c.JSON(http.StatusOK, views)
}

// views reads the keepers and their activity, by id; it answers the
// request itself and returns false when it cannot.
func (k *keepersAPI) views(c *gin.Context) ([]KeeperView, bool) {
	src := k.a.cfg.Keepers
	if src == nil {
		problem(c, http.StatusServiceUnavailable, "", "keeper registry not configured")
		return nil, false
	}
	ctx := c.Request.Context()
	keepers, err := src.Keepers(ctx)
	if err != nil {
		// The chain failed: 502, the error is logged by observe.
		_ = c.Error(fmt.Errorf("read keepers: %w", err))
		problem(c, http.StatusBadGateway, "", "read the keeper registry failed")
		return nil, false
	}
	activity, err := k.count(ctx)
	if err != nil {
		k.a.fail(c, fmt.Errorf("count keeper activity: %w", err))
		return nil, false
	}
	total := new(big.Int)
	for _, kp := range keepers {
		if kp.Active && kp.Stake != nil {
			total.Add(total, kp.Stake)
		}
	}
	views := make([]KeeperView, 0, len(keepers))
	for _, kp := range keepers {
		stake := kp.Stake
		if stake == nil {
			stake = new(big.Int)
		}
		v := KeeperView{
			ID: kp.ID, Address: kp.Address, Active: kp.Active, Stake: stake.String(),
			BLSPublicKey: hexutil.Encode(kp.BLSPublicKey),
		}
		switch {
		case kp.Active:
			v.Status = KeeperActive
			if total.Sign() > 0 {
				v.VotingPower, _ = new(big.Rat).SetFrac(new(big.Int).Mul(stake, big.NewInt(100)), total).Float64()
			}
		case !kp.WithdrawableAt.IsZero():
			v.Status = KeeperExiting
			v.WithdrawableAt = kp.WithdrawableAt.UTC()
		default:
			v.Status = KeeperExited
		}
		if act, ok := activity[kp.Address]; ok {
			v.TasksPerformed, v.TasksFailed, v.TasksRejected, v.LastTaskAt = act.performed, act.failed, act.rejected, act.last
		}
		views = append(views, v)
	}
	slices.SortStableFunc(views, func(x, y KeeperView) int { return cmp.Compare(x.ID, y.ID) })
	return views, true
}

// count returns the activity of every performer, counted at most
// keeperActivityTTL ago. The map is shared: callers must not change it.
func (k *keepersAPI) count(ctx context.Context) (map[common.Address]keeperActivity, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	now := k.a.cfg.Clock()
	if k.activity != nil && now.Sub(k.counted) < keeperActivityTTL && !now.Before(k.counted) {
		return k.activity, nil
	}
	activity := map[common.Address]keeperActivity{}
	err := eachTask(ctx, k.a.store, JobFilter{}, 0, func(tasks []Task) {
		for _, t := range tasks {
			if t.TaskPerformer == (common.Address{}) {
				continue
			}
			act := activity[t.TaskPerformer]
			switch t.TaskStatus {
			case TaskCompleted:
				act.performed++
			case TaskFailed:
				act.failed++
			case TaskRejected:
				act.rejected++
			}
			if t.ScheduledAt.After(act.last) {
				act.last = t.ScheduledAt.UTC()
			}
			activity[t.TaskPerformer] = act
		}
	})
	if err != nil {
		return nil, err
	}
	k.activity, k.counted = activity, now
	return activity, nil
}
