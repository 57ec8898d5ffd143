package coordinator

import (
	"bytes"
	"net/http"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"

	"github.com/triggerx-network/triggerx/attestation"
)

// JobCommitmentView is the answer of POST /api/v1/jobs/commitment: what a
// client passes to JobRegistry.createJob(taskDefinitionId, target,
// specHash) before it registers the job with POST /api/jobs.
type JobCommitmentView struct {
	TaskDefinitionID      attestation.TaskDefinitionID `json:"task_definition_id"`
	TargetContractAddress common.Address               `json:"target_contract_address"`
	// SpecHash is attestation.JobCommitment of the job's action and trigger.
	SpecHash common.Hash `json:"spec_hash"`
	// JobRegistry is the home chain's JobRegistry the coordinator checks
	// jobs against; absent when the coordinator was not told.
	JobRegistry *common.Address `json:"job_registry,omitempty"`
	// ChainID is the home chain's id; absent when the coordinator was not told.
	ChainID Decimal `json:"chain_id,omitzero"`
}

// commitmentJobID stands in for the job id of a commitment request, which
// the client learns only from createJob: the id is no part of the commitment.
const commitmentJobID Decimal = 0

// jobCommitment answers POST /api/v1/jobs/commitment: it validates one job
// request exactly as POST /api/jobs does (job_id may be omitted) and
// answers the arguments of JobRegistry.createJob, so that a client commits
// on-chain only to a job the coordinator will register.
func (a *api) jobCommitment(c *gin.Context) {
	body, ok := a.readBody(c)
	if !ok {
		return
	}
	if body = bytes.TrimSpace(body); len(body) == 0 || body[0] != '{' {
		problem(c, http.StatusBadRequest, "", "request body must be one job object")
		return
	}
	r, err := decodeJobRequest(body)
	if err != nil {
		a.refuse(c, http.StatusBadRequest, err, -1)
		return
	}
	if r.JobID == nil {
		id := commitmentJobID
		r.JobID = &id
	}
	j, err := buildJob(r, a.cfg.Clock().UTC().Truncate(time.Second), a.cfg.CheckTrigger, a.cfg.Scripts != nil)
	if err != nil {
		a.refuse(c, http.StatusBadRequest, err, -1)
		return
	}
	if me := caller(c); !owns(me, j.UserAddress) {
		a.refuse(c, http.StatusForbidden, badField("user_address", "this API key creates jobs of its owner %s only", me.Owner), -1)
		return
	}
	if err := a.checkScript(c.Request.Context(), j); err != nil {
		a.fail(c, err)
		return
	}
	v := JobCommitmentView{
		TaskDefinitionID:      j.TaskDefinitionID,
		TargetContractAddress: j.TargetContractAddress,
		SpecHash:              attestation.JobCommitment(j.Action(), j.Trigger),
		ChainID:               Decimal(a.cfg.HomeChainID),
	}
	if reg := a.cfg.JobRegistry; reg != (common.Address{}) {
		v.JobRegistry = &reg
	}
	c.JSON(http.StatusOK, v)
}
