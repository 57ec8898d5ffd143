package coordinator

import (
	"cmp"
	"context"
	"fmt"
	"math/big"
	"net/http"
	"slices"
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
// record, its health and its points and activity as this coordinator
// credited them (see Points).
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

	// Online is whether the health service hears the keeper's heartbeats;
	// absent when the coordinator runs no health service.
	Online *bool `json:"online,omitempty"`
	// LastHeartbeat is when the coordinator received the keeper's last
	// heartbeat; UptimeSeconds sums its online periods.
	LastHeartbeat time.Time `json:"last_heartbeat,omitzero"`
	UptimeSeconds int64     `json:"uptime_seconds"`
	Version       string    `json:"version,omitempty"`
	PeerID        string    `json:"peer_id,omitempty"`

	// Points, see Points.
	Points int64 `json:"points"`
	// TasksPerformed, TasksRejected and TasksFailed count the finished
	// tasks the keeper performed: accepted, rejected by the
	// AttestationCenter, given up. TasksAttested counts the certificates
	// it signed.
	TasksPerformed uint64 `json:"tasks_performed"`
	TasksFailed    uint64 `json:"tasks_failed"`
	TasksRejected  uint64 `json:"tasks_rejected"`
	TasksAttested  uint64 `json:"tasks_attested"`
	// LastTaskAt is when the keeper was last credited for a task.
	LastTaskAt time.Time `json:"last_task_at,omitzero"`
	// Rank is the keeper's place on the leaderboard (1 = first); only
	// leaderboard answers carry it.
	Rank int `json:"rank,omitempty"`
}

// HealthView is what the API reads of the health service (Health).
type HealthView interface {
	Keeper(common.Address) (KeeperHealth, bool)
}

const (
	defaultLeaderboardSize = 20
	maxLeaderboardSize     = 100
)

// keepersAPI serves the keeper routes. Activity and points come from the
// keepers' accounts (Store.Accounts), which the monitor credits as tasks
// finish: no scan of the tasks.
type keepersAPI struct {
	a *api
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

// leaderboard answers GET /api/v1/keepers/leaderboard: keepers by points,
// then tasks performed, then stake, then id; the first ?limit= of them.
func (k *keepersAPI) leaderboard(c *gin.Context) {
	limit, ok := k.a.leaderboardLimit(c)
	if !ok {
		return
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
		if c := cmp.Compare(y.Points, x.Points); c != 0 {
			return c
		}
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
	accounts, err := k.a.store.Accounts(ctx, AccountKeeper)
	if err != nil {
		k.a.fail(c, fmt.Errorf("read keeper accounts: %w", err))
		return nil, false
	}
	activity := make(map[common.Address]Account, len(accounts))
	for _, acc := range accounts {
		activity[acc.Address] = acc
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
		if acc, ok := activity[kp.Address]; ok {
			v.Points, v.TasksPerformed, v.TasksFailed, v.TasksRejected, v.TasksAttested, v.LastTaskAt =
				acc.Points, acc.TasksPerformed, acc.TasksFailed, acc.TasksRejected, acc.TasksAttested, acc.LastActivity
		}
		if h := k.a.cfg.Health; h != nil {
			kh, _ := h.Keeper(kp.Address)
			online := kh.Online
			v.Online, v.LastHeartbeat, v.UptimeSeconds = &online, kh.LastHeartbeat, int64(kh.Uptime/time.Second)
			v.Version, v.PeerID = kh.Version, kh.PeerID
		}
		views = append(views, v)
	}
	slices.SortStableFunc(views, func(x, y KeeperView) int { return cmp.Compare(x.ID, y.ID) })
	return views, true
}
