package node

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts/bindings"
	"github.com/triggerx-network/triggerx/execution"
)

// errNoSite: the task's action is on a chain this keeper has no hub for.
var errNoSite = errors.New("no TaskExecutionHub configured for the action's chain")

// reasonNoSite is errNoSite's reason code.
const reasonNoSite = "target_chain_unsupported"

// site is where a task's action executes: the home chain's hub, or the hub
// of the action's chain, which has its own JobRegistry where the job is
// registered under Action.TargetJobID.
type site struct {
	chainID uint64
	chain   execution.Chain
	hubAddr common.Address
	hub     *bindings.TaskExecutionHub
	jobs    *bindings.JobRegistry // the JobRegistry of that chain
	sender  *execution.Sender     // nil for attesters
	home    bool
}

// jobID is the job's id at the site.
func (s *site) jobID(t attestation.Task) uint64 {
	if s.home {
		return t.JobID
	}
	return t.Action.TargetJobID
}

// sites resolves the site of each action, building (and keeping) those of
// other chains on first use. Safe for concurrent use.
type sites struct {
	home      *site
	chains    *chainSet
	hubs      map[uint64]common.Address // other chains' hubs
	jobRegs   map[uint64]common.Address // other chains' JobRegistries
	newSender func(chainID uint64, chain execution.Chain) (*execution.Sender, func(), error)

	mu    sync.Mutex
	other map[uint64]*site
	stops []func() // the senders started for other chains
}

// close stops the senders started for other chains.
func (s *sites) close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, stop := range s.stops {
		stop()
	}
	s.stops = nil
	return nil
}

func (s *sites) of(ctx context.Context, a attestation.Action) (*site, error) {
	if a.ChainID == s.home.chainID {
		return s.home, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if st, ok := s.other[a.ChainID]; ok {
		return st, nil
	}
	hubAt, ok := s.hubs[a.ChainID]
	jobsAt, ok2 := s.jobRegs[a.ChainID]
	if !ok || !ok2 {
		return nil, fmt.Errorf("%w: chain %d", errNoSite, a.ChainID)
	}
	chain, err := s.chains.Get(ctx, a.ChainID)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errNoSite, err)
	}
	st := &site{chainID: a.ChainID, chain: chain, hubAddr: hubAt}
	if st.hub, err = bindings.NewTaskExecutionHub(hubAt, chain); err != nil {
		return nil, err
	}
	if st.jobs, err = bindings.NewJobRegistry(jobsAt, chain); err != nil {
		return nil, err
	}
	if s.newSender != nil {
		var stop func()
		if st.sender, stop, err = s.newSender(a.ChainID, chain); err != nil {
			return nil, err
		}
		s.stops = append(s.stops, stop)
	}
	if s.other == nil {
		s.other = map[uint64]*site{}
	}
	s.other[a.ChainID] = st
	return st, nil
}

// checkSite checks, for an action on another chain, that the job there is
// the home job's: active, same owner, kind and target; the hub there charges
// that owner. home is the job as the home JobRegistry holds it.
func checkSite(ctx context.Context, st *site, t attestation.Task, home onchainJob) error {
	if st.home {
		return nil
	}
	if t.Action.TargetJobID == 0 {
		return fmt.Errorf("%w: the action is on chain %d but names no job there", errActionMismatch, st.chainID)
	}
	job, err := readJob(ctx, st.jobs, t.Action.TargetJobID)
	if err != nil {
		return fmt.Errorf("read job %d on chain %d: %w", t.Action.TargetJobID, st.chainID, err)
	}
	// The commitment lives on the home chain (it names this job's id, so
	// the job here cannot commit to it); this job names who pays and what
	// may be called.
	if !job.Active || job.Owner != home.Owner || job.TaskDefinitionId != home.TaskDefinitionId || job.Target != home.Target {
		return fmt.Errorf("%w: job %d on chain %d is not job %d of the home chain (owner, kind or target differ, or inactive)",
			errActionMismatch, t.Action.TargetJobID, st.chainID, t.JobID)
	}
	return nil
}

// onchainJob is a JobRegistry entry.
type onchainJob struct {
	Owner            common.Address
	TaskDefinitionId uint16
	Target           common.Address
	SpecHash         [32]byte
	Active           bool
}

func readJob(ctx context.Context, jobs *bindings.JobRegistry, id uint64) (onchainJob, error) {
	j, err := jobs.GetJob(&bind.CallOpts{Context: ctx}, new(big.Int).SetUint64(id))
	if err != nil {
		return onchainJob{}, err
	}
	return onchainJob{Owner: j.Owner, TaskDefinitionId: j.TaskDefinitionId, Target: j.Target, SpecHash: j.SpecHash, Active: j.Active}, nil
}
