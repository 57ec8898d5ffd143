package coordinator

import (
	"cmp"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/gin-gonic/gin"
)

// UserView is a job owner's points and activity as GET /api/v1/users/:address
// shows it (see Points).
type UserView struct {
	Account
	// Rank is the user's place on the leaderboard; only leaderboard
	// answers carry it.
	Rank int `json:"rank,omitempty"`
}

// getUser answers GET /api/v1/users/:address: a user key reads its owner's
// account only (another's answers 404), an admin key any.
func (a *api) getUser(c *gin.Context) {
	addr, err := parseAddress("address", c.Param("address"))
	if err != nil {
		a.refuse(c, http.StatusBadRequest, err, -1)
		return
	}
	if !owns(caller(c), addr) {
		problem(c, http.StatusNotFound, "", "user %s has no account", addr.Hex())
		return
	}
	acc, err := a.store.Account(c.Request.Context(), AccountUser, addr)
	if errors.Is(err, ErrNotFound) {
		// A user without jobs yet: an empty account, not an error.
		acc = Account{Kind: AccountUser, Address: addr}
	} else if err != nil {
		a.fail(c, fmt.Errorf("read account of %s: %w", addr.Hex(), err))
		return
	}
	c.JSON(http.StatusOK, UserView{Account: acc})
}

// usersLeaderboard answers GET /api/v1/users/leaderboard: users by points,
// then tasks completed, then address; the first ?limit= of them.
func (a *api) usersLeaderboard(c *gin.Context) {
	limit, ok := a.leaderboardLimit(c)
	if !ok {
		return
	}
	accounts, err := a.store.Accounts(c.Request.Context(), AccountUser)
	if err != nil {
		a.fail(c, fmt.Errorf("read user accounts: %w", err))
		return
	}
	slices.SortStableFunc(accounts, func(x, y Account) int {
		if c := cmp.Compare(y.Points, x.Points); c != 0 {
			return c
		}
		return cmp.Compare(y.TasksCompleted, x.TasksCompleted) // then address order, as listed
	})
	out := make([]UserView, 0, min(len(accounts), limit))
	for i, acc := range accounts[:min(len(accounts), limit)] {
		out = append(out, UserView{Account: acc, Rank: i + 1})
	}
	c.JSON(http.StatusOK, out)
}

// metrics answers GET /api/v1/metrics with the Prometheus exposition of
// APIConfig.Metrics (the same as /metrics).
func (a *api) serveMetrics(c *gin.Context) {
	if a.cfg.Metrics == nil {
		problem(c, http.StatusServiceUnavailable, "", "metrics not configured")
		return
	}
	a.cfg.Metrics.ServeHTTP(c.Writer, c.Request)
}

// leaderboardLimit reads a leaderboard's ?limit=; it answers the request
// itself and returns false when the limit is bad.
func (a *api) leaderboardLimit(c *gin.Context) (int, bool) {
	s := c.Query("limit")
	if s == "" {
		return defaultLeaderboardSize, true
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 1 || v > maxLeaderboardSize {
		a.refuse(c, http.StatusBadRequest, badField("limit", "must be an integer from 1 to %d", maxLeaderboardSize), -1)
		return 0, false
	}
	return v, true
}

// ready answers GET /ready and /api/v1/ready: 200 when the store and every
// APIConfig.ReadyChecks check answer within the request's deadline, else
// 503 naming the failures. /health says the process is up; this says it
// can serve.
func (a *api) ready(c *gin.Context) {
	ctx := c.Request.Context()
	checks := map[string]string{}
	ok := true
	if _, err := a.store.State(ctx, "ready"); err != nil && !errors.Is(err, ErrNotFound) {
		checks["store"], ok = err.Error(), false
	} else {
		checks["store"] = "ok"
	}
	for name, check := range a.cfg.ReadyChecks {
		if err := check(ctx); err != nil {
			checks[name], ok = err.Error(), false
			continue
		}
		checks[name] = "ok"
	}
	status, code := "ready", http.StatusOK
	if !ok {
		status, code = "not ready", http.StatusServiceUnavailable
	}
	c.JSON(code, gin.H{"status": status, "checks": checks})
}
