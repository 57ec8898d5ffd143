package p2p

import (
	"bytes"
	"fmt"
	"math"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"google.golang.org/protobuf/proto"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/p2p/pb"
)

// Wire limits, enforced on encode and decode.
const (
	// MaxMessageSize caps one encoded message; larger input is rejected
	// before it is parsed.
	MaxMessageSize = 64 << 10
	// MaxArguments caps the number of an action's arguments.
	MaxArguments = 64
	// MaxArgumentLen caps the length in bytes of one argument.
	MaxArgumentLen = 8 << 10
	// MaxFunctionLen caps the length in bytes of an action's function signature.
	MaxFunctionLen = 256
	// MaxSigners caps the number of signers of a certificate.
	MaxSigners = 4096
	// MaxTriggerTimes caps the times of a one-shot schedule.
	MaxTriggerTimes = 1024
	// MaxEventFilters caps the filters of an event trigger.
	MaxEventFilters = 16
	// MaxStorageEntries caps a job storage map or its updates.
	MaxStorageEntries = 64
	// MaxTriggerText caps the length of a trigger's text fields (cron,
	// event signature, URL, key path, values, filter values).
	MaxTriggerText = 2048
	// MaxPeerIDLen caps the length in bytes of a heartbeat's peer id.
	MaxPeerIDLen = 128
	// MaxVersionLen caps the length in bytes of a heartbeat's version.
	MaxVersionLen = 64
)

// Sizes of the fixed-size fields.
const (
	hashLen  = common.HashLength    // 32
	addrLen  = common.AddressLength // 20
	ecdsaLen = 65                   // r‖s‖v
	blsLen   = attestation.BLSSignatureLen
)

var marshalOptions = proto.MarshalOptions{Deterministic: true}

// codec converts one workflow value to and from its canonical protobuf
// encoding.
type codec[T any, M proto.Message] struct {
	name  string
	newPB func() M
	toPB  func(T) M
	// fromPB converts and checks the fixed-size fields.
	fromPB func(M) (T, error)
	// check enforces the limits and invariants that do not depend on the
	// encoding.
	check func(T) error
}

func (c codec[T, M]) encode(v T) ([]byte, error) {
	if err := c.check(v); err != nil {
		return nil, fmt.Errorf("encode %s: %w", c.name, err)
	}
	b, err := marshalOptions.Marshal(c.toPB(v))
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w: %v", c.name, ErrMalformed, err)
	}
	if len(b) > MaxMessageSize {
		return nil, fmt.Errorf("encode %s: %w: %d bytes, max %d", c.name, ErrMalformed, len(b), MaxMessageSize)
	}
	return b, nil
}

func (c codec[T, M]) decode(data []byte) (T, error) {
	var zero T
	if len(data) > MaxMessageSize {
		return zero, fmt.Errorf("decode %s: %w: %d bytes, max %d", c.name, ErrMalformed, len(data), MaxMessageSize)
	}
	m := c.newPB()
	if err := proto.Unmarshal(data, m); err != nil {
		return zero, fmt.Errorf("decode %s: %w: %v", c.name, ErrMalformed, err)
	}
	v, err := c.fromPB(m)
	if err != nil {
		return zero, fmt.Errorf("decode %s: %w", c.name, err)
	}
	if err := c.check(v); err != nil {
		return zero, fmt.Errorf("decode %s: %w", c.name, err)
	}
	// One value, one encoding: reject field reordering, unpacked repeated
	// fields, unknown fields and anything else the canonical encoder would
	// not have produced, so a content hash of the bytes names the value.
	canon, err := marshalOptions.Marshal(c.toPB(v))
	if err != nil {
		return zero, fmt.Errorf("decode %s: %w: re-encode: %v", c.name, ErrMalformed, err)
	}
	if !bytes.Equal(canon, data) {
		return zero, fmt.Errorf("decode %s: %w: non-canonical encoding", c.name, ErrMalformed)
	}
	return v, nil
}

var (
	assignmentCodec = codec[attestation.Assignment, *pb.Assignment]{
		name: "assignment", newPB: func() *pb.Assignment { return new(pb.Assignment) },
		toPB: assignmentToPB, fromPB: assignmentFromPB, check: checkAssignment,
	}
	resultCodec = codec[attestation.Result, *pb.Result]{
		name: "result", newPB: func() *pb.Result { return new(pb.Result) },
		toPB: resultToPB, fromPB: resultFromPB, check: checkResult,
	}
	voteCodec = codec[attestation.Vote, *pb.Vote]{
		name: "vote", newPB: func() *pb.Vote { return new(pb.Vote) },
		toPB: voteToPB, fromPB: voteFromPB, check: checkVote,
	}
	finalizationCodec = codec[attestation.Finalization, *pb.Finalization]{
		name: "finalization", newPB: func() *pb.Finalization { return new(pb.Finalization) },
		toPB: finalizationToPB, fromPB: finalizationFromPB, check: checkFinalization,
	}
	heartbeatCodec = codec[attestation.Heartbeat, *pb.Heartbeat]{
		name: "heartbeat", newPB: func() *pb.Heartbeat { return new(pb.Heartbeat) },
		toPB: heartbeatToPB, fromPB: heartbeatFromPB, check: checkHeartbeat,
	}
	batchProposalCodec = codec[attestation.BatchProposal, *pb.BatchProposal]{
		name: "batch proposal", newPB: func() *pb.BatchProposal { return new(pb.BatchProposal) },
		toPB: batchProposalToPB, fromPB: batchProposalFromPB, check: checkBatchProposal,
	}
	batchVoteCodec = codec[attestation.BatchVote, *pb.BatchVote]{
		name: "batch vote", newPB: func() *pb.BatchVote { return new(pb.BatchVote) },
		toPB: batchVoteToPB, fromPB: batchVoteFromPB, check: checkBatchVote,
	}
)

// EncodeAssignment returns a's canonical wire encoding.
func EncodeAssignment(a attestation.Assignment) ([]byte, error) { return assignmentCodec.encode(a) }

// DecodeAssignment parses the canonical wire encoding of an assignment.
func DecodeAssignment(b []byte) (attestation.Assignment, error) { return assignmentCodec.decode(b) }

// EncodeResult returns r's canonical wire encoding.
func EncodeResult(r attestation.Result) ([]byte, error) { return resultCodec.encode(r) }

// DecodeResult parses the canonical wire encoding of a result.
func DecodeResult(b []byte) (attestation.Result, error) { return resultCodec.decode(b) }

// EncodeVote returns v's canonical wire encoding.
func EncodeVote(v attestation.Vote) ([]byte, error) { return voteCodec.encode(v) }

// DecodeVote parses the canonical wire encoding of a vote.
func DecodeVote(b []byte) (attestation.Vote, error) { return voteCodec.decode(b) }

// EncodeFinalization returns f's canonical wire encoding.
func EncodeFinalization(f attestation.Finalization) ([]byte, error) {
	return finalizationCodec.encode(f)
}

// DecodeFinalization parses the canonical wire encoding of a finalization.
func DecodeFinalization(b []byte) (attestation.Finalization, error) {
	return finalizationCodec.decode(b)
}

// EncodeHeartbeat returns h's canonical wire encoding.
func EncodeHeartbeat(h attestation.Heartbeat) ([]byte, error) { return heartbeatCodec.encode(h) }

// DecodeHeartbeat parses the canonical wire encoding of a heartbeat.
func DecodeHeartbeat(b []byte) (attestation.Heartbeat, error) { return heartbeatCodec.decode(b) }

// EncodeBatchProposal returns p's canonical wire encoding.
func EncodeBatchProposal(p attestation.BatchProposal) ([]byte, error) {
	return batchProposalCodec.encode(p)
}

// DecodeBatchProposal parses the canonical wire encoding of a batch proposal.
func DecodeBatchProposal(b []byte) (attestation.BatchProposal, error) {
	return batchProposalCodec.decode(b)
}

// EncodeBatchVote returns v's canonical wire encoding.
func EncodeBatchVote(v attestation.BatchVote) ([]byte, error) { return batchVoteCodec.encode(v) }

// DecodeBatchVote parses the canonical wire encoding of a batch vote.
func DecodeBatchVote(b []byte) (attestation.BatchVote, error) { return batchVoteCodec.decode(b) }

// --- value → protobuf ---

func actionToPB(a attestation.Action) *pb.Action {
	m := &pb.Action{
		ChainId:     a.ChainID,
		Target:      bytes.Clone(a.Target[:]),
		Function:    a.Function,
		Arguments:   nilIfEmpty(a.Arguments),
		TargetJobId: a.TargetJobID,
	}
	if sc := a.Script; sc != nil {
		m.Script = &pb.Script{Cid: sc.CID, Runtime: sc.Runtime, AllowedHosts: nilIfEmpty(sc.AllowedHosts),
			TolerancePaths: nilIfEmpty(sc.TolerancePaths), RelativeTolerance: sc.RelativeTolerance}
	}
	return m
}

func scriptRunToPB(r *attestation.ScriptRun) *pb.ScriptRun {
	if r == nil {
		return nil
	}
	return &pb.ScriptRun{Block: r.Block, Timestamp: r.Timestamp, ContextHash: bytes.Clone(r.ContextHash[:]),
		OutputHash: bytes.Clone(r.OutputHash[:]), Transcript: r.Transcript, TranscriptHash: optHash(r.TranscriptHash),
		DurationMs: r.Resources.DurationMs, PeakMemoryBytes: r.Resources.PeakMemoryBytes, CpuTimeMs: r.Resources.CPUTimeMs,
		NetRequests: r.Resources.NetRequests, NetBytes: r.Resources.NetBytes, StorageUpdates: nilIfEmptyMap(r.StorageUpdates)}
}

func scriptRunFromPB(m *pb.ScriptRun) (*attestation.ScriptRun, error) {
	if m == nil {
		return nil, nil
	}
	ctxHash, err := toHash("script context hash", m.GetContextHash())
	if err != nil {
		return nil, err
	}
	outHash, err := toHash("script output hash", m.GetOutputHash())
	if err != nil {
		return nil, err
	}
	trHash, err := toOptHash("script transcript hash", m.GetTranscriptHash())
	if err != nil {
		return nil, err
	}
	return &attestation.ScriptRun{Block: m.GetBlock(), Timestamp: m.GetTimestamp(), ContextHash: ctxHash, OutputHash: outHash,
		Transcript: m.GetTranscript(), TranscriptHash: trHash, Resources: attestation.Resources{
			DurationMs: m.GetDurationMs(), PeakMemoryBytes: m.GetPeakMemoryBytes(), CPUTimeMs: m.GetCpuTimeMs(),
			NetRequests: m.GetNetRequests(), NetBytes: m.GetNetBytes()}, StorageUpdates: nilIfEmptyMap(m.GetStorageUpdates())}, nil
}

func taskToPB(t attestation.Task) *pb.Task {
	return &pb.Task{
		Id:               bytes.Clone(t.ID[:]),
		JobId:            t.JobID,
		TaskDefinitionId: uint32(t.TaskDefinitionID),
		TriggerKey:       bytes.Clone(t.TriggerKey[:]),
		ScheduledAt:      t.ScheduledAt,
		Action:           actionToPB(t.Action),
		Trigger:          triggerToPB(t.Trigger),
		Firing:           firingToPB(t.Firing),
		Storage:          nilIfEmptyMap(t.Storage),
	}
}

func triggerToPB(t attestation.Trigger) *pb.Trigger {
	m := &pb.Trigger{Kind: uint32(t.Kind)}
	if tt := t.Time; tt != nil {
		m.Time = &pb.TimeTrigger{Schedule: tt.Schedule, Interval: tt.Interval, Cron: tt.Cron, TimeZone: tt.TimeZone,
			Times: nilIfEmpty(tt.Times), Start: tt.Start, End: tt.End}
	}
	if e := t.Event; e != nil {
		m.Event = &pb.EventTrigger{ChainId: e.ChainID, Contract: optAddress(e.Contract), Event: e.Event,
			Confirmations: e.Confirmations, Recurring: e.Recurring, End: e.End}
		for _, f := range e.Filters {
			m.Event.Filters = append(m.Event.Filters, &pb.EventFilter{Param: f.Param, Op: f.Op, Value: f.Value})
		}
	}
	if c := t.Condition; c != nil {
		src := c.Source
		m.Condition = &pb.ConditionTrigger{
			Source: &pb.ValueSource{Kind: src.Kind, ChainId: src.ChainID, Contract: optAddress(src.Contract),
				Function: src.Function, Arguments: nilIfEmpty(src.Arguments), Output: src.Output, Url: src.URL,
				KeyPath: src.KeyPath, Value: src.Value},
			Operator: c.Operator, Lower: c.Lower, Upper: c.Upper, PollInterval: c.PollInterval, Cooldown: c.Cooldown,
			Recurring: c.Recurring, End: c.End,
		}
	}
	if b := t.Block; b != nil {
		m.Block = &pb.BlockTrigger{ChainId: b.ChainID, Every: b.Every, Start: b.Start, End: b.End}
	}
	return m
}

func firingToPB(f attestation.Firing) *pb.Firing {
	if f == (attestation.Firing{}) {
		return nil
	}
	return &pb.Firing{ChainId: f.ChainID, BlockNumber: f.BlockNumber, BlockHash: optHash(f.BlockHash),
		TxHash: optHash(f.TxHash), LogIndex: f.LogIndex, Epoch: f.Epoch, Value: f.Value}
}

func assignmentToPB(a attestation.Assignment) *pb.Assignment {
	return &pb.Assignment{
		Task:      taskToPB(a.Task),
		Performer: bytes.Clone(a.Performer[:]),
		Round:     a.Round,
		Deadline:  a.Deadline,
		Signature: a.Signature,
	}
}

func resultToPB(r attestation.Result) *pb.Result {
	return &pb.Result{
		TaskId:           bytes.Clone(r.TaskID[:]),
		JobId:            r.JobID,
		TaskDefinitionId: uint32(r.TaskDefinitionID),
		Performer:        bytes.Clone(r.Performer[:]),
		TxHash:           bytes.Clone(r.TxHash[:]),
		Calldata:         r.Calldata,
		Success:          r.Success,
		Signature:        r.Signature,
		Script:           scriptRunToPB(r.Script),
		Resend:           r.Resend,
	}
}

func voteToPB(v attestation.Vote) *pb.Vote {
	return &pb.Vote{
		TaskId:           bytes.Clone(v.TaskID[:]),
		JobId:            v.JobID,
		TaskDefinitionId: uint32(v.TaskDefinitionID),
		ResultHash:       bytes.Clone(v.ResultHash[:]),
		Approve:          v.Approve,
		Keeper:           bytes.Clone(v.Keeper[:]),
		Signature:        v.Signature,
		Resend:           v.Resend,
	}
}

func certificateToPB(c attestation.Certificate) *pb.Certificate {
	return &pb.Certificate{
		TaskId:           bytes.Clone(c.TaskID[:]),
		JobId:            c.JobID,
		TaskDefinitionId: uint32(c.TaskDefinitionID),
		ResultHash:       bytes.Clone(c.ResultHash[:]),
		Approve:          c.Approve,
		Signers:          nilIfEmpty(c.Signers),
		Signature:        c.Signature,
	}
}

func finalizationToPB(f attestation.Finalization) *pb.Finalization {
	return &pb.Finalization{
		Certificate:  certificateToPB(f.Certificate),
		SubmissionTx: bytes.Clone(f.SubmissionTx[:]),
		Aggregator:   bytes.Clone(f.Aggregator[:]),
	}
}

func heartbeatToPB(h attestation.Heartbeat) *pb.Heartbeat {
	return &pb.Heartbeat{
		Keeper:    bytes.Clone(h.Keeper[:]),
		PeerId:    h.PeerID,
		Version:   h.Version,
		Timestamp: h.Timestamp,
		Signature: h.Signature,
	}
}

func batchProposalToPB(p attestation.BatchProposal) *pb.BatchProposal {
	m := &pb.BatchProposal{}
	if len(p.Leaves) > 0 {
		m.Leaves = make([]*pb.BatchLeaf, len(p.Leaves))
	}
	for i, l := range p.Leaves {
		m.Leaves[i] = &pb.BatchLeaf{
			TaskId:           bytes.Clone(l.TaskID[:]),
			JobId:            l.JobID,
			TaskDefinitionId: uint32(l.TaskDefinitionID),
			ResultHash:       bytes.Clone(l.ResultHash[:]),
			Approve:          l.Approve,
		}
	}
	return m
}

func batchVoteToPB(v attestation.BatchVote) *pb.BatchVote {
	return &pb.BatchVote{
		Root:      bytes.Clone(v.Root[:]),
		Leaves:    v.Leaves,
		Keeper:    bytes.Clone(v.Keeper[:]),
		Signature: v.Signature,
	}
}

// --- protobuf → value, checking fixed sizes ---

func actionFromPB(m *pb.Action) (attestation.Action, error) {
	if m == nil {
		return attestation.Action{}, fmt.Errorf("%w: action missing", ErrMalformed)
	}
	target, err := toAddress("action target", m.GetTarget())
	if err != nil {
		return attestation.Action{}, err
	}
	a := attestation.Action{
		ChainID:     m.GetChainId(),
		Target:      target,
		Function:    m.GetFunction(),
		Arguments:   nilIfEmpty(m.GetArguments()),
		TargetJobID: m.GetTargetJobId(),
	}
	if sm := m.GetScript(); sm != nil {
		a.Script = &attestation.Script{CID: sm.GetCid(), Runtime: sm.GetRuntime(), AllowedHosts: nilIfEmpty(sm.GetAllowedHosts()),
			TolerancePaths: nilIfEmpty(sm.GetTolerancePaths()), RelativeTolerance: sm.GetRelativeTolerance()}
	}
	return a, nil
}

func taskFromPB(m *pb.Task) (attestation.Task, error) {
	if m == nil {
		return attestation.Task{}, fmt.Errorf("%w: task missing", ErrMalformed)
	}
	id, err := toHash("task id", m.GetId())
	if err != nil {
		return attestation.Task{}, err
	}
	tdid, err := toTaskDefinition(m.GetTaskDefinitionId())
	if err != nil {
		return attestation.Task{}, err
	}
	key, err := toHash("trigger key", m.GetTriggerKey())
	if err != nil {
		return attestation.Task{}, err
	}
	action, err := actionFromPB(m.GetAction())
	if err != nil {
		return attestation.Task{}, err
	}
	trigger, err := triggerFromPB(m.GetTrigger())
	if err != nil {
		return attestation.Task{}, err
	}
	firing, err := firingFromPB(m.GetFiring())
	if err != nil {
		return attestation.Task{}, err
	}
	return attestation.Task{
		ID:               id,
		JobID:            m.GetJobId(),
		TaskDefinitionID: tdid,
		TriggerKey:       key,
		ScheduledAt:      m.GetScheduledAt(),
		Action:           action,
		Trigger:          trigger,
		Firing:           firing,
		Storage:          nilIfEmptyMap(m.GetStorage()),
	}, nil
}

func triggerFromPB(m *pb.Trigger) (attestation.Trigger, error) {
	if m == nil {
		return attestation.Trigger{}, fmt.Errorf("%w: trigger missing", ErrMalformed)
	}
	if m.GetKind() > math.MaxUint8 {
		return attestation.Trigger{}, fmt.Errorf("%w: trigger kind %d", ErrMalformed, m.GetKind())
	}
	t := attestation.Trigger{Kind: attestation.TriggerKind(m.GetKind())}
	if tm := m.GetTime(); tm != nil {
		t.Time = &attestation.TimeTrigger{Schedule: tm.GetSchedule(), Interval: tm.GetInterval(), Cron: tm.GetCron(),
			TimeZone: tm.GetTimeZone(), Times: nilIfEmpty(tm.GetTimes()), Start: tm.GetStart(), End: tm.GetEnd()}
	}
	if em := m.GetEvent(); em != nil {
		contract, err := toOptAddress("event contract", em.GetContract())
		if err != nil {
			return attestation.Trigger{}, err
		}
		t.Event = &attestation.EventTrigger{ChainID: em.GetChainId(), Contract: contract, Event: em.GetEvent(),
			Confirmations: em.GetConfirmations(), Recurring: em.GetRecurring(), End: em.GetEnd()}
		for _, f := range em.GetFilters() {
			t.Event.Filters = append(t.Event.Filters, attestation.EventFilter{Param: f.GetParam(), Op: f.GetOp(), Value: f.GetValue()})
		}
	}
	if cm := m.GetCondition(); cm != nil {
		sm := cm.GetSource()
		if sm == nil {
			return attestation.Trigger{}, fmt.Errorf("%w: condition source missing", ErrMalformed)
		}
		contract, err := toOptAddress("condition contract", sm.GetContract())
		if err != nil {
			return attestation.Trigger{}, err
		}
		t.Condition = &attestation.ConditionTrigger{
			Source: attestation.ValueSource{Kind: sm.GetKind(), ChainID: sm.GetChainId(), Contract: contract,
				Function: sm.GetFunction(), Arguments: nilIfEmpty(sm.GetArguments()), Output: sm.GetOutput(),
				URL: sm.GetUrl(), KeyPath: sm.GetKeyPath(), Value: sm.GetValue()},
			Operator: cm.GetOperator(), Lower: cm.GetLower(), Upper: cm.GetUpper(), PollInterval: cm.GetPollInterval(),
			Cooldown: cm.GetCooldown(), Recurring: cm.GetRecurring(), End: cm.GetEnd(),
		}
	}
	if bm := m.GetBlock(); bm != nil {
		t.Block = &attestation.BlockTrigger{ChainID: bm.GetChainId(), Every: bm.GetEvery(), Start: bm.GetStart(), End: bm.GetEnd()}
	}
	return t, nil
}

func firingFromPB(m *pb.Firing) (attestation.Firing, error) {
	if m == nil {
		return attestation.Firing{}, nil
	}
	blockHash, err := toOptHash("firing block hash", m.GetBlockHash())
	if err != nil {
		return attestation.Firing{}, err
	}
	txHash, err := toOptHash("firing tx hash", m.GetTxHash())
	if err != nil {
		return attestation.Firing{}, err
	}
	return attestation.Firing{ChainID: m.GetChainId(), BlockNumber: m.GetBlockNumber(), BlockHash: blockHash,
		TxHash: txHash, LogIndex: m.GetLogIndex(), Epoch: m.GetEpoch(), Value: m.GetValue()}, nil
}

func assignmentFromPB(m *pb.Assignment) (attestation.Assignment, error) {
	task, err := taskFromPB(m.GetTask())
	if err != nil {
		return attestation.Assignment{}, err
	}
	performer, err := toAddress("performer", m.GetPerformer())
	if err != nil {
		return attestation.Assignment{}, err
	}
	sig, err := toFixed("signature", m.GetSignature(), ecdsaLen)
	if err != nil {
		return attestation.Assignment{}, err
	}
	return attestation.Assignment{
		Task:      task,
		Performer: performer,
		Round:     m.GetRound(),
		Deadline:  m.GetDeadline(),
		Signature: sig,
	}, nil
}

func resultFromPB(m *pb.Result) (attestation.Result, error) {
	var r attestation.Result
	var err error
	if r.TaskID, err = toHash("task id", m.GetTaskId()); err != nil {
		return attestation.Result{}, err
	}
	if r.TaskDefinitionID, err = toTaskDefinition(m.GetTaskDefinitionId()); err != nil {
		return attestation.Result{}, err
	}
	if r.Performer, err = toAddress("performer", m.GetPerformer()); err != nil {
		return attestation.Result{}, err
	}
	if r.TxHash, err = toHash("tx hash", m.GetTxHash()); err != nil {
		return attestation.Result{}, err
	}
	if r.Signature, err = toFixed("signature", m.GetSignature(), ecdsaLen); err != nil {
		return attestation.Result{}, err
	}
	if r.Script, err = scriptRunFromPB(m.GetScript()); err != nil {
		return attestation.Result{}, err
	}
	r.JobID = m.GetJobId()
	r.Calldata = nilIfEmpty(m.GetCalldata())
	r.Success = m.GetSuccess()
	r.Resend = m.GetResend()
	return r, nil
}

func voteFromPB(m *pb.Vote) (attestation.Vote, error) {
	var v attestation.Vote
	var err error
	if v.TaskID, err = toHash("task id", m.GetTaskId()); err != nil {
		return attestation.Vote{}, err
	}
	if v.TaskDefinitionID, err = toTaskDefinition(m.GetTaskDefinitionId()); err != nil {
		return attestation.Vote{}, err
	}
	if v.ResultHash, err = toHash("result hash", m.GetResultHash()); err != nil {
		return attestation.Vote{}, err
	}
	if v.Keeper, err = toAddress("keeper", m.GetKeeper()); err != nil {
		return attestation.Vote{}, err
	}
	if v.Signature, err = toFixed("signature", m.GetSignature(), blsLen); err != nil {
		return attestation.Vote{}, err
	}
	v.JobID = m.GetJobId()
	v.Approve = m.GetApprove()
	v.Resend = m.GetResend()
	return v, nil
}

func certificateFromPB(m *pb.Certificate) (attestation.Certificate, error) {
	if m == nil {
		return attestation.Certificate{}, fmt.Errorf("%w: certificate missing", ErrMalformed)
	}
	var c attestation.Certificate
	var err error
	if c.TaskID, err = toHash("task id", m.GetTaskId()); err != nil {
		return attestation.Certificate{}, err
	}
	if c.TaskDefinitionID, err = toTaskDefinition(m.GetTaskDefinitionId()); err != nil {
		return attestation.Certificate{}, err
	}
	if c.ResultHash, err = toHash("result hash", m.GetResultHash()); err != nil {
		return attestation.Certificate{}, err
	}
	if c.Signature, err = toFixed("signature", m.GetSignature(), blsLen); err != nil {
		return attestation.Certificate{}, err
	}
	c.JobID = m.GetJobId()
	c.Approve = m.GetApprove()
	c.Signers = nilIfEmpty(m.GetSigners())
	return c, nil
}

func finalizationFromPB(m *pb.Finalization) (attestation.Finalization, error) {
	var f attestation.Finalization
	var err error
	if f.Certificate, err = certificateFromPB(m.GetCertificate()); err != nil {
		return attestation.Finalization{}, err
	}
	if f.SubmissionTx, err = toHash("submission tx", m.GetSubmissionTx()); err != nil {
		return attestation.Finalization{}, err
	}
	if f.Aggregator, err = toAddress("aggregator", m.GetAggregator()); err != nil {
		return attestation.Finalization{}, err
	}
	return f, nil
}

func heartbeatFromPB(m *pb.Heartbeat) (attestation.Heartbeat, error) {
	var h attestation.Heartbeat
	var err error
	if h.Keeper, err = toAddress("keeper", m.GetKeeper()); err != nil {
		return attestation.Heartbeat{}, err
	}
	if h.Signature, err = toFixed("signature", m.GetSignature(), ecdsaLen); err != nil {
		return attestation.Heartbeat{}, err
	}
	h.PeerID = m.GetPeerId()
	h.Version = m.GetVersion()
	h.Timestamp = m.GetTimestamp()
	return h, nil
}

func batchProposalFromPB(m *pb.BatchProposal) (attestation.BatchProposal, error) {
	ms := m.GetLeaves()
	// Count first: up to 64 KiB of empty leaves parse, none need converting.
	if err := checkLeafCount(uint64(len(ms))); err != nil {
		return attestation.BatchProposal{}, err
	}
	leaves := make([]attestation.BatchLeaf, len(ms))
	for i, lm := range ms {
		var err error
		l := &leaves[i]
		if l.TaskID, err = toHash("task id", lm.GetTaskId()); err != nil {
			return attestation.BatchProposal{}, fmt.Errorf("leaf %d: %w", i, err)
		}
		if l.TaskDefinitionID, err = toTaskDefinition(lm.GetTaskDefinitionId()); err != nil {
			return attestation.BatchProposal{}, fmt.Errorf("leaf %d: %w", i, err)
		}
		if l.ResultHash, err = toHash("result hash", lm.GetResultHash()); err != nil {
			return attestation.BatchProposal{}, fmt.Errorf("leaf %d: %w", i, err)
		}
		l.JobID = lm.GetJobId()
		l.Approve = lm.GetApprove()
	}
	return attestation.BatchProposal{Leaves: leaves}, nil
}

func batchVoteFromPB(m *pb.BatchVote) (attestation.BatchVote, error) {
	var v attestation.BatchVote
	var err error
	if v.Root, err = toHash("root", m.GetRoot()); err != nil {
		return attestation.BatchVote{}, err
	}
	if v.Keeper, err = toAddress("keeper", m.GetKeeper()); err != nil {
		return attestation.BatchVote{}, err
	}
	if v.Signature, err = toFixed("signature", m.GetSignature(), blsLen); err != nil {
		return attestation.BatchVote{}, err
	}
	v.Leaves = m.GetLeaves()
	return v, nil
}

// --- invariants shared by encode and decode ---

func checkTaskDefinition(id attestation.TaskDefinitionID) error {
	if !id.Valid() {
		return fmt.Errorf("%w: unknown task definition id %d", ErrMalformed, id)
	}
	return nil
}

func checkSignature(sig []byte, want int) error {
	if len(sig) != want {
		return fmt.Errorf("%w: signature: length %d, want %d", ErrMalformed, len(sig), want)
	}
	return nil
}

func checkAction(a attestation.Action) error {
	if sc := a.Script; sc != nil {
		if len(sc.AllowedHosts) > MaxArguments || len(sc.TolerancePaths) > MaxArguments {
			return fmt.Errorf("%w: script: too many hosts or tolerance paths (max %d)", ErrMalformed, MaxArguments)
		}
		for _, t := range slices.Concat([]string{sc.CID, sc.Runtime, sc.RelativeTolerance}, sc.AllowedHosts, sc.TolerancePaths) {
			if len(t) > MaxTriggerText {
				return fmt.Errorf("%w: script text: length %d, max %d", ErrMalformed, len(t), MaxTriggerText)
			}
		}
	}
	if len(a.Function) > MaxFunctionLen {
		return fmt.Errorf("%w: function: length %d, max %d", ErrMalformed, len(a.Function), MaxFunctionLen)
	}
	if len(a.Arguments) > MaxArguments {
		return fmt.Errorf("%w: arguments: count %d, max %d", ErrMalformed, len(a.Arguments), MaxArguments)
	}
	for i, arg := range a.Arguments {
		if len(arg) > MaxArgumentLen {
			return fmt.Errorf("%w: argument %d: length %d, max %d", ErrMalformed, i, len(arg), MaxArgumentLen)
		}
	}
	return nil
}

func checkAssignment(a attestation.Assignment) error {
	if err := checkTaskDefinition(a.Task.TaskDefinitionID); err != nil {
		return err
	}
	if err := checkAction(a.Task.Action); err != nil {
		return err
	}
	if err := checkTrigger(a.Task.Trigger); err != nil {
		return err
	}
	if err := checkStorage(a.Task.Storage); err != nil {
		return err
	}
	if len(a.Task.Firing.Value) > MaxTriggerText {
		return fmt.Errorf("%w: firing value: length %d, max %d", ErrMalformed, len(a.Task.Firing.Value), MaxTriggerText)
	}
	return checkSignature(a.Signature, ecdsaLen)
}

// checkTrigger enforces the wire limits on a trigger; its meaning is checked
// by the node (attestation.Trigger.Check and the trigger's evaluator).
func checkTrigger(t attestation.Trigger) error {
	var texts []string
	switch {
	case t.Time != nil:
		if len(t.Time.Times) > MaxTriggerTimes {
			return fmt.Errorf("%w: trigger times: count %d, max %d", ErrMalformed, len(t.Time.Times), MaxTriggerTimes)
		}
		texts = append(texts, t.Time.Schedule, t.Time.Cron, t.Time.TimeZone)
	case t.Event != nil:
		if len(t.Event.Filters) > MaxEventFilters {
			return fmt.Errorf("%w: event filters: count %d, max %d", ErrMalformed, len(t.Event.Filters), MaxEventFilters)
		}
		texts = append(texts, t.Event.Event)
		for _, f := range t.Event.Filters {
			texts = append(texts, f.Param, f.Op, f.Value)
		}
	case t.Condition != nil:
		src := t.Condition.Source
		if len(src.Arguments) > MaxArguments {
			return fmt.Errorf("%w: source arguments: count %d, max %d", ErrMalformed, len(src.Arguments), MaxArguments)
		}
		texts = append(texts, src.Kind, src.Function, src.URL, src.KeyPath, src.Value, t.Condition.Operator,
			t.Condition.Lower, t.Condition.Upper)
		texts = append(texts, src.Arguments...)
	}
	for _, s := range texts {
		if len(s) > MaxTriggerText {
			return fmt.Errorf("%w: trigger text: length %d, max %d", ErrMalformed, len(s), MaxTriggerText)
		}
	}
	return nil
}

func checkResult(r attestation.Result) error {
	if err := checkTaskDefinition(r.TaskDefinitionID); err != nil {
		return err
	}
	if r.Script != nil {
		if err := checkStorage(r.Script.StorageUpdates); err != nil {
			return err
		}
	}
	return checkSignature(r.Signature, ecdsaLen)
}

func checkVote(v attestation.Vote) error {
	if err := checkTaskDefinition(v.TaskDefinitionID); err != nil {
		return err
	}
	return checkSignature(v.Signature, blsLen)
}

func checkCertificate(c attestation.Certificate) error {
	if err := checkTaskDefinition(c.TaskDefinitionID); err != nil {
		return err
	}
	if len(c.Signers) == 0 {
		return fmt.Errorf("%w: certificate has no signers", ErrMalformed)
	}
	if len(c.Signers) > MaxSigners {
		return fmt.Errorf("%w: signers: count %d, max %d", ErrMalformed, len(c.Signers), MaxSigners)
	}
	var prev uint64 // registry ids start at 1
	for i, id := range c.Signers {
		if id <= prev {
			return fmt.Errorf("%w: signers: id %d at %d is not above %d (ids start at 1, strictly increasing)",
				ErrMalformed, id, i, prev)
		}
		prev = id
	}
	return checkSignature(c.Signature, blsLen)
}

func checkFinalization(f attestation.Finalization) error { return checkCertificate(f.Certificate) }

func checkHeartbeat(h attestation.Heartbeat) error {
	if h.PeerID == "" {
		return fmt.Errorf("%w: peer id missing", ErrMalformed)
	}
	if len(h.PeerID) > MaxPeerIDLen {
		return fmt.Errorf("%w: peer id: length %d, max %d", ErrMalformed, len(h.PeerID), MaxPeerIDLen)
	}
	if len(h.Version) > MaxVersionLen {
		return fmt.Errorf("%w: version: length %d, max %d", ErrMalformed, len(h.Version), MaxVersionLen)
	}
	if h.Timestamp <= 0 {
		return fmt.Errorf("%w: timestamp %d, want > 0", ErrMalformed, h.Timestamp)
	}
	return checkSignature(h.Signature, ecdsaLen)
}

// checkLeafCount enforces 1..attestation.MaxBatchLeaves leaves per batch.
func checkLeafCount(n uint64) error {
	if n == 0 {
		return fmt.Errorf("%w: batch has no leaves", ErrMalformed)
	}
	if n > attestation.MaxBatchLeaves {
		return fmt.Errorf("%w: leaves: count %d, max %d", ErrMalformed, n, attestation.MaxBatchLeaves)
	}
	return nil
}

func checkBatchProposal(p attestation.BatchProposal) error {
	if err := checkLeafCount(uint64(len(p.Leaves))); err != nil {
		return err
	}
	for i, l := range p.Leaves {
		if err := checkTaskDefinition(l.TaskDefinitionID); err != nil {
			return fmt.Errorf("leaf %d: %w", i, err)
		}
		if i > 0 && bytes.Compare(l.TaskID[:], p.Leaves[i-1].TaskID[:]) <= 0 {
			return fmt.Errorf("%w: leaves: task id %s at %d is not above %s (strictly increasing, one leaf per task)",
				ErrMalformed, l.TaskID, i, p.Leaves[i-1].TaskID)
		}
	}
	return nil
}

func checkBatchVote(v attestation.BatchVote) error {
	if err := checkLeafCount(uint64(v.Leaves)); err != nil {
		return err
	}
	return checkSignature(v.Signature, blsLen)
}

// --- field helpers ---

func toFixed(field string, b []byte, n int) ([]byte, error) {
	if len(b) != n {
		return nil, fmt.Errorf("%w: %s: length %d, want %d", ErrMalformed, field, len(b), n)
	}
	return bytes.Clone(b), nil
}

func toHash(field string, b []byte) (common.Hash, error) {
	if len(b) != hashLen {
		return common.Hash{}, fmt.Errorf("%w: %s: length %d, want %d", ErrMalformed, field, len(b), hashLen)
	}
	return common.BytesToHash(b), nil
}

func toAddress(field string, b []byte) (common.Address, error) {
	if len(b) != addrLen {
		return common.Address{}, fmt.Errorf("%w: %s: length %d, want %d", ErrMalformed, field, len(b), addrLen)
	}
	return common.BytesToAddress(b), nil
}

func toTaskDefinition(v uint32) (attestation.TaskDefinitionID, error) {
	// Range-check before narrowing: 65537 must not become 1.
	if v > math.MaxUint16 || !attestation.TaskDefinitionID(v).Valid() {
		return 0, fmt.Errorf("%w: unknown task definition id %d", ErrMalformed, v)
	}
	return attestation.TaskDefinitionID(v), nil
}

// optAddress encodes the zero address as empty bytes.
func optAddress(a common.Address) []byte {
	if a == (common.Address{}) {
		return nil
	}
	return bytes.Clone(a[:])
}

func toOptAddress(field string, b []byte) (common.Address, error) {
	if len(b) == 0 {
		return common.Address{}, nil
	}
	return toAddress(field, b)
}

// optHash encodes the zero hash as empty bytes.
func optHash(h common.Hash) []byte {
	if h == (common.Hash{}) {
		return nil
	}
	return bytes.Clone(h[:])
}

func toOptHash(field string, b []byte) (common.Hash, error) {
	if len(b) == 0 {
		return common.Hash{}, nil
	}
	return toHash(field, b)
}

// nilIfEmptyMap normalises empty maps to nil.
func nilIfEmptyMap(m map[string]string) map[string]string {
	if len(m) == 0 {
		return nil
	}
	return m
}

// checkStorage enforces the wire limits on a storage map.
func checkStorage(m map[string]string) error {
	if len(m) > MaxStorageEntries {
		return fmt.Errorf("%w: storage: %d entries, max %d", ErrMalformed, len(m), MaxStorageEntries)
	}
	for k, v := range m {
		if len(k) > MaxTriggerText || len(v) > MaxTriggerText {
			return fmt.Errorf("%w: storage entry too long", ErrMalformed)
		}
	}
	return nil
}

// nilIfEmpty normalises empty slices to nil, so a decoded value compares
// equal to one built with a nil slice.
func nilIfEmpty[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return s
}
