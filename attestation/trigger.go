package attestation

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// TriggerKind says what makes a job fire.
type TriggerKind uint8

// Trigger kinds.
const (
	TriggerTime      TriggerKind = 1 // interval, cron or one-shot times
	TriggerEvent     TriggerKind = 2 // a contract event log
	TriggerCondition TriggerKind = 3 // a value crossing a threshold
	TriggerBlock     TriggerKind = 4 // every N blocks
)

// MarshalText encodes the kind by name, for JSON.
func (k TriggerKind) MarshalText() ([]byte, error) {
	switch k {
	case TriggerTime, TriggerEvent, TriggerCondition, TriggerBlock:
		return []byte(k.String()), nil
	}
	return nil, fmt.Errorf("%w: unknown trigger kind %d", ErrInvalidTrigger, uint8(k))
}

// UnmarshalText decodes a kind name.
func (k *TriggerKind) UnmarshalText(b []byte) error {
	for _, c := range []TriggerKind{TriggerTime, TriggerEvent, TriggerCondition, TriggerBlock} {
		if string(b) == c.String() {
			*k = c
			return nil
		}
	}
	return fmt.Errorf("%w: unknown trigger kind %q", ErrInvalidTrigger, b)
}

func (k TriggerKind) String() string {
	switch k {
	case TriggerTime:
		return "time"
	case TriggerEvent:
		return "event"
	case TriggerCondition:
		return "condition"
	case TriggerBlock:
		return "block"
	}
	return fmt.Sprintf("trigger(%d)", uint8(k))
}

// Schedules of a time trigger.
const (
	ScheduleInterval = "interval" // every Interval seconds from Start
	ScheduleCron     = "cron"     // a 5- or 6-field cron expression in TimeZone
	ScheduleOnce     = "once"     // at each of Times
)

// Event filter operators.
const (
	FilterEq  = "eq"
	FilterNe  = "ne"
	FilterGt  = "gt"
	FilterGte = "gte"
	FilterLt  = "lt"
	FilterLte = "lte"
)

// Condition operators. Their limits mean the same to the scheduler and to
// attesters: greater_than, greater_equal, equals and not_equals compare with
// Lower; less_than and less_equal with Upper; between is Lower ≤ v ≤ Upper.
const (
	OpGreaterThan  = "greater_than"
	OpLessThan     = "less_than"
	OpBetween      = "between"
	OpEquals       = "equals"
	OpNotEquals    = "not_equals"
	OpGreaterEqual = "greater_equal"
	OpLessEqual    = "less_equal"
)

// Value source kinds of a condition.
const (
	SourceContract  = "contract"  // a view call read at a block
	SourceHTTP      = "http"      // a JSON API and a key path
	SourceWebsocket = "websocket" // a JSON stream and a key path
	SourceStatic    = "static"    // a constant
)

// Trigger is what makes a job fire. Exactly one of the kind's fields is set.
type Trigger struct {
	Kind      TriggerKind       `json:"kind,omitzero"`
	Time      *TimeTrigger      `json:"time,omitzero"`
	Event     *EventTrigger     `json:"event,omitzero"`
	Condition *ConditionTrigger `json:"condition,omitzero"`
	Block     *BlockTrigger     `json:"block,omitzero"`
}

// TimeTrigger fires on a schedule. Start and End bound every schedule: no
// slot before Start, none after End (0: no end).
type TimeTrigger struct {
	Schedule string  `json:"schedule,omitzero"`  // ScheduleInterval, ScheduleCron or ScheduleOnce
	Interval uint64  `json:"interval,omitzero"`  // seconds, for ScheduleInterval
	Cron     string  `json:"cron,omitzero"`      // for ScheduleCron: "min hour dom month dow", optionally with seconds first
	TimeZone string  `json:"time_zone,omitzero"` // IANA zone of the cron expression; "" is UTC
	Times    []int64 `json:"times,omitzero"`     // unix seconds, for ScheduleOnce, strictly increasing
	Start    int64   `json:"start,omitzero"`     // unix seconds
	End      int64   `json:"end,omitzero"`       // unix seconds; 0 for none
}

// EventTrigger fires for each log of Event emitted by Contract on ChainID
// that passes every filter, once it has Confirmations blocks on top.
type EventTrigger struct {
	ChainID  uint64         `json:"chain_id,omitzero"`
	Contract common.Address `json:"contract,omitzero"`
	// Event is the event's signature with parameter names and indexed
	// markers, e.g. "Transfer(address indexed from,address indexed to,uint256 value)".
	Event         string        `json:"event,omitzero"`
	Filters       []EventFilter `json:"filters,omitzero"`
	Confirmations uint64        `json:"confirmations,omitzero"`
	Recurring     bool          `json:"recurring,omitzero"` // false: fire for the first matching log only
	End           int64         `json:"end,omitzero"`       // unix seconds; 0 for none
}

// EventFilter compares one event parameter, named or by 0-based position,
// with a value.
type EventFilter struct {
	Param string `json:"param,omitzero"`
	Op    string `json:"op,omitzero"` // FilterEq … FilterLte; comparisons only on integers
	Value string `json:"value,omitzero"`
}

// ConditionTrigger fires when its value source satisfies the operator:
// edge-triggered, it fires when the condition becomes true and re-arms when
// it becomes false; a recurring trigger then fires again at the next rise,
// not before Cooldown seconds after the previous firing.
type ConditionTrigger struct {
	Source       ValueSource `json:"source,omitzero"`
	Operator     string      `json:"operator,omitzero"`      // OpGreaterThan …
	Lower        string      `json:"lower,omitzero"`         // decimal
	Upper        string      `json:"upper,omitzero"`         // decimal
	PollInterval uint64      `json:"poll_interval,omitzero"` // seconds between evaluations
	Cooldown     uint64      `json:"cooldown,omitzero"`      // seconds
	Recurring    bool        `json:"recurring,omitzero"`
	End          int64       `json:"end,omitzero"` // unix seconds; 0 for none
}

// ValueSource says where a condition's value comes from.
type ValueSource struct {
	Kind string `json:"kind,omitzero"` // SourceContract, SourceHTTP, SourceWebsocket or SourceStatic
	// Contract sources: Function is "name(inputs)(outputs)", e.g.
	// "balanceOf(address)(uint256)"; Output picks the returned value.
	ChainID   uint64         `json:"chain_id,omitzero"`
	Contract  common.Address `json:"contract,omitzero"`
	Function  string         `json:"function,omitzero"`
	Arguments []string       `json:"arguments,omitzero"`
	Output    uint32         `json:"output,omitzero"`
	// HTTP and websocket sources: the URL and the dot path of the value in
	// the JSON document ("data.price", "items.0.value"); empty for the root.
	URL     string `json:"url,omitzero"`
	KeyPath string `json:"key_path,omitzero"`
	// Static sources: the value.
	Value string `json:"value,omitzero"`
}

// BlockTrigger fires at every block of ChainID whose number is Start + k·Every.
type BlockTrigger struct {
	ChainID uint64 `json:"chain_id,omitzero"`
	Every   uint64 `json:"every,omitzero"`
	Start   uint64 `json:"start,omitzero"`
	End     int64  `json:"end,omitzero"` // unix seconds; 0 for none
}

// Firing is the evidence of one firing, recorded by the coordinator and
// checked by attesters. Which fields are set depends on the trigger kind:
// time uses none (Task.ScheduledAt is the slot); event uses the chain, block
// and log position; block uses the chain and block; condition uses Epoch
// (how many times the condition has risen) and Value, plus the chain and
// block for contract sources.
type Firing struct {
	ChainID     uint64      `json:"chain_id,omitzero"`
	BlockNumber uint64      `json:"block_number,omitzero"`
	BlockHash   common.Hash `json:"block_hash,omitzero"`
	TxHash      common.Hash `json:"tx_hash,omitzero"`
	LogIndex    uint64      `json:"log_index,omitzero"`
	Epoch       uint64      `json:"epoch,omitzero"`
	Value       string      `json:"value,omitzero"` // decimal
}

// Hash commits to every field of the firing.
func (f Firing) Hash() common.Hash {
	v := keccak([]byte(f.Value))
	return keccak(firingDomain[:], uintWord(f.ChainID), uintWord(f.BlockNumber), f.BlockHash[:], f.TxHash[:],
		uintWord(f.LogIndex), uintWord(f.Epoch), v[:])
}

// Domain separators of trigger keys and hashes.
var (
	eventKeyDomain     = keccak([]byte("TriggerX.EventFiring.v1"))
	blockKeyDomain     = keccak([]byte("TriggerX.BlockFiring.v1"))
	conditionKeyDomain = keccak([]byte("TriggerX.ConditionFiring.v1"))
	triggerDomain      = keccak([]byte("TriggerX.Trigger.v1"))
	jobDomain          = keccak([]byte("TriggerX.Job.v1"))
	firingDomain       = keccak([]byte("TriggerX.Firing.v1"))
)

// ErrInvalidFiring is returned when a firing lacks what its trigger kind needs.
var ErrInvalidFiring = errors.New("invalid firing")

// TriggerKey names one firing of a trigger of kind k, so that the same
// firing always yields the same task id:
//   - time: the scheduled unix time (TimeTriggerKey);
//   - event: keccak256(domain, chainId, blockHash, txHash, logIndex);
//   - block: keccak256(domain, chainId, blockNumber);
//   - condition: keccak256(domain, epoch).
func TriggerKey(k TriggerKind, scheduledAt int64, f Firing) (common.Hash, error) {
	switch k {
	case TriggerTime:
		return TimeTriggerKey(scheduledAt), nil
	case TriggerEvent:
		if f.BlockHash == (common.Hash{}) || f.TxHash == (common.Hash{}) {
			return common.Hash{}, fmt.Errorf("%w: event firing needs a block hash and a transaction hash", ErrInvalidFiring)
		}
		return keccak(eventKeyDomain[:], uintWord(f.ChainID), f.BlockHash[:], f.TxHash[:], uintWord(f.LogIndex)), nil
	case TriggerBlock:
		return keccak(blockKeyDomain[:], uintWord(f.ChainID), uintWord(f.BlockNumber)), nil
	case TriggerCondition:
		return keccak(conditionKeyDomain[:], uintWord(f.Epoch)), nil
	}
	return common.Hash{}, fmt.Errorf("%w: unknown trigger kind %d", ErrInvalidFiring, k)
}

// Hash commits to every field of the trigger in a canonical layout.
func (t Trigger) Hash() common.Hash {
	var b bytes.Buffer
	b.Write(triggerDomain[:])
	b.Write(uintWord(uint64(t.Kind)))
	str := func(s string) { h := keccak([]byte(s)); b.Write(h[:]) }
	u := func(v uint64) { b.Write(uintWord(v)) }
	i := func(v int64) { b.Write(intWord(v)) }
	flag := func(v bool) { b.Write(boolWord(v)) }
	switch {
	case t.Time != nil:
		tt := t.Time
		str(tt.Schedule)
		u(tt.Interval)
		str(tt.Cron)
		str(tt.TimeZone)
		u(uint64(len(tt.Times)))
		for _, v := range tt.Times {
			i(v)
		}
		i(tt.Start)
		i(tt.End)
	case t.Event != nil:
		e := t.Event
		u(e.ChainID)
		b.Write(addrWord(e.Contract))
		str(e.Event)
		u(uint64(len(e.Filters)))
		for _, f := range e.Filters {
			str(f.Param)
			str(f.Op)
			str(f.Value)
		}
		u(e.Confirmations)
		flag(e.Recurring)
		i(e.End)
	case t.Condition != nil:
		c := t.Condition
		s := c.Source
		str(s.Kind)
		u(s.ChainID)
		b.Write(addrWord(s.Contract))
		str(s.Function)
		u(uint64(len(s.Arguments)))
		for _, a := range s.Arguments {
			str(a)
		}
		u(uint64(s.Output))
		str(s.URL)
		str(s.KeyPath)
		str(s.Value)
		str(c.Operator)
		str(c.Lower)
		str(c.Upper)
		u(c.PollInterval)
		u(c.Cooldown)
		flag(c.Recurring)
		i(c.End)
	case t.Block != nil:
		bt := t.Block
		u(bt.ChainID)
		u(bt.Every)
		u(bt.Start)
		i(bt.End)
	}
	return keccak(b.Bytes())
}

// JobCommitment is what the JobRegistry stores for a job: the hash of its
// action and its trigger. Whoever acts on a job (coordinator, performer,
// attester) checks the job's action and trigger against it, so nobody can
// change either after the owner's own transaction committed them.
func JobCommitment(a Action, t Trigger) common.Hash {
	ah, th := a.Hash(), t.Hash()
	return keccak(jobDomain[:], ah[:], th[:])
}

// Clone returns a deep copy of t.
func (t Trigger) Clone() Trigger {
	if t.Time != nil {
		c := *t.Time
		c.Times = slices.Clone(c.Times)
		t.Time = &c
	}
	if t.Event != nil {
		c := *t.Event
		c.Filters = slices.Clone(c.Filters)
		t.Event = &c
	}
	if t.Condition != nil {
		c := *t.Condition
		c.Source.Arguments = slices.Clone(c.Source.Arguments)
		t.Condition = &c
	}
	if t.Block != nil {
		c := *t.Block
		t.Block = &c
	}
	return t
}

// ErrInvalidTrigger is returned by Trigger.Check.
var ErrInvalidTrigger = errors.New("invalid trigger")

// Check validates the trigger's structure: the kind matches the one field
// set, and that field's values are in range. Deeper checks (cron syntax,
// event signature, function signature) belong to the packages that evaluate
// them.
func (t Trigger) Check() error {
	set := 0
	for _, p := range []bool{t.Time != nil, t.Event != nil, t.Condition != nil, t.Block != nil} {
		if p {
			set++
		}
	}
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s", ErrInvalidTrigger, fmt.Sprintf(format, a...))
	}
	if set != 1 {
		return bad("exactly one of time, event, condition and block must be set")
	}
	switch t.Kind {
	case TriggerTime:
		tt := t.Time
		if tt == nil {
			return bad("time trigger without time settings")
		}
		if tt.End != 0 && tt.End < tt.Start {
			return bad("end before start")
		}
		switch tt.Schedule {
		case ScheduleInterval:
			if tt.Interval == 0 {
				return bad("interval must be at least 1 second")
			}
		case ScheduleCron:
			if tt.Cron == "" {
				return bad("cron schedule without a cron expression")
			}
		case ScheduleOnce:
			if len(tt.Times) == 0 {
				return bad("one-shot schedule without times")
			}
			for i := 1; i < len(tt.Times); i++ {
				if tt.Times[i] <= tt.Times[i-1] {
					return bad("one-shot times must be strictly increasing")
				}
			}
		default:
			return bad("unknown schedule %q", tt.Schedule)
		}
		if tt.TimeZone != "" {
			if _, err := time.LoadLocation(tt.TimeZone); err != nil {
				return bad("unknown time zone %q", tt.TimeZone)
			}
		}
	case TriggerEvent:
		e := t.Event
		if e == nil {
			return bad("event trigger without event settings")
		}
		if e.ChainID == 0 || e.Contract == (common.Address{}) || e.Event == "" {
			return bad("event trigger needs a chain, a contract and an event signature")
		}
		for _, f := range e.Filters {
			if !slices.Contains([]string{FilterEq, FilterNe, FilterGt, FilterGte, FilterLt, FilterLte}, f.Op) {
				return bad("unknown filter operator %q", f.Op)
			}
		}
	case TriggerCondition:
		c := t.Condition
		if c == nil {
			return bad("condition trigger without condition settings")
		}
		if !slices.Contains([]string{OpGreaterThan, OpLessThan, OpBetween, OpEquals, OpNotEquals, OpGreaterEqual, OpLessEqual}, c.Operator) {
			return bad("unknown condition operator %q", c.Operator)
		}
		switch c.Source.Kind {
		case SourceContract:
			if c.Source.ChainID == 0 || c.Source.Contract == (common.Address{}) || c.Source.Function == "" {
				return bad("contract source needs a chain, a contract and a function")
			}
		case SourceHTTP, SourceWebsocket:
			if c.Source.URL == "" {
				return bad("%s source needs a URL", c.Source.Kind)
			}
		case SourceStatic:
			if c.Source.Value == "" {
				return bad("static source needs a value")
			}
		default:
			return bad("unknown value source %q", c.Source.Kind)
		}
		if c.PollInterval == 0 && c.Source.Kind != SourceWebsocket {
			return bad("poll interval must be at least 1 second")
		}
	case TriggerBlock:
		b := t.Block
		if b == nil {
			return bad("block trigger without block settings")
		}
		if b.ChainID == 0 || b.Every == 0 {
			return bad("block trigger needs a chain and a period of at least 1 block")
		}
	default:
		return bad("unknown trigger kind %d", t.Kind)
	}
	if (t.Kind == TriggerTime) != (t.Time != nil) || (t.Kind == TriggerEvent) != (t.Event != nil) ||
		(t.Kind == TriggerCondition) != (t.Condition != nil) || (t.Kind == TriggerBlock) != (t.Block != nil) {
		return bad("kind %s does not match the settings given", t.Kind)
	}
	return nil
}

// Kinds returns the trigger kinds a task definition may use: time and block
// for 1, 2 and 7; event for 3 and 4; condition for 5 and 6.
func (id TaskDefinitionID) Kinds() []TriggerKind {
	switch id {
	case TimeStatic, TimeScript, CustomScript:
		return []TriggerKind{TriggerTime, TriggerBlock}
	case EventStatic, EventScript:
		return []TriggerKind{TriggerEvent}
	case ConditionStatic, ConditionScript:
		return []TriggerKind{TriggerCondition}
	}
	return nil
}
