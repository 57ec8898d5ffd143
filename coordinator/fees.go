package coordinator

import (
	"context"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
	"go.uber.org/zap"
)

// FeeQuote is what one execution of a job is expected to cost its owner at
// the current gas price, as the TaskExecutionHub charges it: (gas) × price ×
// (1 + premium) + fixed fee. Amounts are decimal strings in wei.
type FeeQuote struct {
	JobID uint64 `json:"job_id"`
	// Gas is the execution's gas and GasSource where it comes from:
	// "estimate" (eth_estimateGas of the job's call, static jobs) or
	// "last_execution" (the gas its latest execution used, script jobs,
	// whose arguments are only known when the script runs).
	Gas       uint64 `json:"gas"`
	GasSource string `json:"gas_source"`
	// GasPrice is the price an execution pays now (base fee plus tip);
	// MaxGasPrice the most a keeper's transaction may pay (its fee cap).
	GasPrice    string `json:"gas_price_wei"`
	MaxGasPrice string `json:"max_gas_price_wei"`
	PremiumBps  uint64 `json:"premium_bps"`
	FixedFee    string `json:"fixed_fee_wei"`
	Fee         string `json:"fee_wei"`     // at GasPrice
	MaxFee      string `json:"max_fee_wei"` // at MaxGasPrice
	// OwnerBalance is the owner's TriggerGasRegistry balance and
	// ExecutionsCovered how many executions at Fee it pays for.
	OwnerBalance      string `json:"owner_balance_wei"`
	ExecutionsCovered string `json:"executions_covered"`
}

// ErrNoFeeYet: a script job's fee is known once it has executed.
var ErrNoFeeYet = errors.New("no execution yet to measure the gas of this script job")

// getFee answers GET /api/jobs/:job_id/fee.
func (a *api) getFee(c *gin.Context) {
	ctx := c.Request.Context()
	id, err := jobIDParam(c)
	if err != nil {
		a.refuse(c, http.StatusBadRequest, err, -1)
		return
	}
	if a.cfg.Fees == nil {
		problem(c, http.StatusServiceUnavailable, "", "this coordinator quotes no fees")
		return
	}
	j, ok := a.readJob(c, id)
	if !ok {
		return
	}
	q, err := a.cfg.Fees(ctx, j)
	switch {
	case errors.Is(err, ErrNoFeeYet):
		problem(c, http.StatusConflict, "", "%v", err)
		return
	case err != nil:
		a.logger.Warn("Quote fee", zap.Uint64("job_id", id), zap.Error(err))
		problem(c, http.StatusBadGateway, "", "cannot quote the fee now: %v", err)
		return
	}
	c.JSON(http.StatusOK, q)
}

// FeeQuoter quotes a job's execution fee (node implements it against the
// chain).
type FeeQuoter func(ctx context.Context, j Job) (FeeQuote, error)
