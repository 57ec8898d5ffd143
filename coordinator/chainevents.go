package coordinator

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/contracts/bindings"
)

// ChainClient is what ChainEvents needs of a chain connection: log queries
// and headers. An ethclient.Client and a simulated backend's client are
// ChainClients.
type ChainClient interface {
	bind.ContractFilterer
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// ChainEvents is the EventSource over a chain: TaskExecuted events of the
// TaskExecutionHub and TaskSubmitted/TaskRejected events of the
// AttestationCenter, read with eth_getLogs. It is safe for concurrent use.
type ChainEvents struct {
	client ChainClient
	hub    *bindings.TaskExecutionHubFilterer
	center *bindings.AttestationCenterFilterer
}

var _ EventSource = (*ChainEvents)(nil)

// NewChainEvents reads the events of the TaskExecutionHub at hub and the
// AttestationCenter at center.
func NewChainEvents(client ChainClient, hub, center common.Address) (*ChainEvents, error) {
	h, err := bindings.NewTaskExecutionHubFilterer(hub, client)
	if err != nil {
		return nil, fmt.Errorf("bind TaskExecutionHub: %w", err)
	}
	c, err := bindings.NewAttestationCenterFilterer(center, client)
	if err != nil {
		return nil, fmt.Errorf("bind AttestationCenter: %w", err)
	}
	return &ChainEvents{client: client, hub: h, center: c}, nil
}

// Head implements EventSource.
func (c *ChainEvents) Head(ctx context.Context) (uint64, error) {
	h, err := c.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("read latest header: %w", err)
	}
	return h.Number.Uint64(), nil
}

// Executions implements EventSource.
func (c *ChainEvents) Executions(ctx context.Context, from, to uint64) ([]Execution, error) {
	it, err := c.hub.FilterTaskExecuted(&bind.FilterOpts{Start: from, End: &to, Context: ctx}, nil, nil, nil)
	if err != nil {
		return nil, fmt.Errorf("filter TaskExecuted: %w", err)
	}
	defer it.Close()
	times := blockTimes{client: c.client}
	var out []Execution
	for it.Next() {
		e := it.Event
		pos, err := times.position(ctx, e.Raw)
		if err != nil {
			return nil, err
		}
		jobID, err := jobIDOf(e.JobId)
		if err != nil {
			return nil, err
		}
		out = append(out, Execution{
			TaskID:        e.TaskId,
			JobID:         jobID,
			Keeper:        e.Keeper,
			Target:        e.Target,
			Success:       e.Success,
			CalldataHash:  e.CalldataHash,
			Charged:       e.Charged,
			EventPosition: pos,
		})
	}
	if err := it.Error(); err != nil {
		return nil, fmt.Errorf("decode TaskExecuted: %w", err)
	}
	return out, nil
}

// Submissions implements EventSource.
func (c *ChainEvents) Submissions(ctx context.Context, from, to uint64) ([]Submission, error) {
	opts := &bind.FilterOpts{Start: from, End: &to, Context: ctx}
	times := blockTimes{client: c.client}
	var out []Submission
	add := func(raw types.Log, taskID [32]byte, jobID *big.Int, tdid uint16, resultHash [32]byte,
		taskNumber uint32, signers []*big.Int, aggregator common.Address, accepted bool,
	) error {
		pos, err := times.position(ctx, raw)
		if err != nil {
			return err
		}
		id, err := jobIDOf(jobID)
		if err != nil {
			return err
		}
		s := Submission{
			TaskID:           taskID,
			JobID:            id,
			TaskDefinitionID: attestation.TaskDefinitionID(tdid),
			ResultHash:       resultHash,
			TaskNumber:       uint64(taskNumber),
			SignerIDs:        make([]uint64, len(signers)),
			Aggregator:       aggregator,
			Accepted:         accepted,
			EventPosition:    pos,
		}
		for i, v := range signers {
			if !v.IsUint64() {
				return fmt.Errorf("signer id %s of task %x out of range", v, taskID)
			}
			s.SignerIDs[i] = v.Uint64()
		}
		out = append(out, s)
		return nil
	}

	sit, err := c.center.FilterTaskSubmitted(opts, nil, nil)
	if err != nil {
		return nil, fmt.Errorf("filter TaskSubmitted: %w", err)
	}
	defer sit.Close()
	for sit.Next() {
		e := sit.Event
		if err := add(e.Raw, e.TaskId, e.JobId, e.TaskDefinitionId, e.ResultHash, e.TaskNumber, e.SignerIds, e.Aggregator, true); err != nil {
			return nil, err
		}
	}
	if err := sit.Error(); err != nil {
		return nil, fmt.Errorf("decode TaskSubmitted: %w", err)
	}

	rit, err := c.center.FilterTaskRejected(opts, nil, nil)
	if err != nil {
		return nil, fmt.Errorf("filter TaskRejected: %w", err)
	}
	defer rit.Close()
	for rit.Next() {
		e := rit.Event
		if err := add(e.Raw, e.TaskId, e.JobId, e.TaskDefinitionId, e.ResultHash, e.TaskNumber, e.SignerIds, e.Aggregator, false); err != nil {
			return nil, err
		}
	}
	if err := rit.Error(); err != nil {
		return nil, fmt.Errorf("decode TaskRejected: %w", err)
	}
	return out, nil
}

func jobIDOf(v *big.Int) (uint64, error) {
	if v == nil || !v.IsUint64() {
		return 0, fmt.Errorf("job id %v out of range", v)
	}
	return v.Uint64(), nil
}

// blockTimes resolves the block time of logs, from the log itself when the
// node fills blockTimestamp, else from the block header (cached per query).
// Reorganisations are the monitor's concern (MonitorConfig.Confirmations):
// the header's hash is not compared with the log's, since some L2 headers do
// not rehash to their block hash with go-ethereum's header type.
type blockTimes struct {
	client ChainClient
	cache  map[uint64]time.Time
}

func (b *blockTimes) position(ctx context.Context, l types.Log) (EventPosition, error) {
	pos := EventPosition{TxHash: l.TxHash, BlockNumber: l.BlockNumber, LogIndex: l.Index}
	if l.BlockTimestamp != 0 {
		pos.BlockTime = time.Unix(int64(l.BlockTimestamp), 0).UTC()
		return pos, nil
	}
	if t, ok := b.cache[l.BlockNumber]; ok {
		pos.BlockTime = t
		return pos, nil
	}
	h, err := b.client.HeaderByNumber(ctx, new(big.Int).SetUint64(l.BlockNumber))
	if err != nil {
		return EventPosition{}, fmt.Errorf("read header of block %d: %w", l.BlockNumber, err)
	}
	if b.cache == nil {
		b.cache = make(map[uint64]time.Time)
	}
	pos.BlockTime = time.Unix(int64(h.Time), 0).UTC()
	b.cache[l.BlockNumber] = pos.BlockTime
	return pos, nil
}

// JobLookup reads jobs from the JobRegistry; its Job method is the
// APIConfig.JobLookup of a coordinator.
type JobLookup struct {
	registry *bindings.JobRegistryCaller
}

// NewJobLookup reads the JobRegistry at registry through caller.
func NewJobLookup(caller bind.ContractCaller, registry common.Address) (*JobLookup, error) {
	r, err := bindings.NewJobRegistryCaller(registry, caller)
	if err != nil {
		return nil, fmt.Errorf("bind JobRegistry: %w", err)
	}
	return &JobLookup{registry: r}, nil
}

// Job returns the on-chain job jobID, or an error wrapping ErrNotFound when
// the registry has no such job (it reads as a zero owner).
func (l *JobLookup) Job(ctx context.Context, jobID uint64) (OnchainJob, error) {
	j, err := l.registry.GetJob(&bind.CallOpts{Context: ctx}, new(big.Int).SetUint64(jobID))
	if err != nil {
		return OnchainJob{}, fmt.Errorf("call JobRegistry.getJob(%d): %w", jobID, err)
	}
	if j.Owner == (common.Address{}) {
		return OnchainJob{}, fmt.Errorf("job %d: %w", jobID, ErrNotFound)
	}
	return OnchainJob{
		Owner:            j.Owner,
		TaskDefinitionID: attestation.TaskDefinitionID(j.TaskDefinitionId),
		Target:           j.Target,
		SpecHash:         j.SpecHash,
		Active:           j.Active,
	}, nil
}
