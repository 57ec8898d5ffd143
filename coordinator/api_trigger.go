package coordinator

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/coordinator/schedule"
)

// Schedule types of the job request, as the system we replace names them,
// plus "block".
const (
	scheduleCron     = "cron"
	scheduleSpecific = "specific"
	scheduleBlock    = "block"
)

// requestFields reads optional fields of a job request by name, so that each
// type error names its field.
type requestFields map[string]json.RawMessage

func (f requestFields) has(name string) bool {
	v, ok := f[name]
	return ok && string(v) != "null"
}

func (f requestFields) str(name string) (string, error) {
	if !f.has(name) {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(f[name], &s); err != nil {
		return "", badField(name, "must be a string")
	}
	return s, nil
}

// number reads an exact number: a JSON number or a numeric string, kept as
// written (no float rounding).
func (f requestFields) number(name string) (string, error) {
	if !f.has(name) {
		return "", nil
	}
	raw := strings.TrimSpace(string(f[name]))
	if strings.HasPrefix(raw, `"`) {
		var s string
		if err := json.Unmarshal(f[name], &s); err != nil {
			return "", badField(name, "must be a number or a numeric string")
		}
		return s, nil
	}
	var n json.Number
	if err := json.Unmarshal(f[name], &n); err != nil {
		return "", badField(name, "must be a number or a numeric string")
	}
	return n.String(), nil
}

func (f requestFields) uint(name string) (uint64, bool, error) {
	if !f.has(name) {
		return 0, false, nil
	}
	var d Decimal
	if err := d.UnmarshalJSON(f[name]); err != nil {
		return 0, false, badField(name, "must be an unsigned integer (number or decimal string): %v", err)
	}
	return uint64(d), true, nil
}

func (f requestFields) boolean(name string, def bool) (bool, error) {
	if !f.has(name) {
		return def, nil
	}
	var b bool
	if err := json.Unmarshal(f[name], &b); err != nil {
		return false, badField(name, "must be true or false")
	}
	return b, nil
}

func (f requestFields) strings(name string) ([]string, error) {
	if !f.has(name) {
		return nil, nil
	}
	var ss []string
	if err := json.Unmarshal(f[name], &ss); err != nil {
		return nil, badField(name, "must be an array of strings")
	}
	return ss, nil
}

func (f requestFields) address(name string) (common.Address, error) {
	s, err := f.str(name)
	if err != nil {
		return common.Address{}, err
	}
	return parseAddress(name, s)
}

func (f requestFields) chain(name string) (uint64, error) {
	id, ok, err := f.uint(name)
	if err != nil {
		return 0, err
	}
	if !ok || id == 0 {
		return 0, badField(name, "is required (a chain id such as \"8453\")")
	}
	return id, nil
}

// parseTrigger builds the job's trigger from the request: time (interval,
// cron, specific times) or block triggers for task definitions 1, 2 and 7,
// event triggers for 3 and 4, condition triggers for 5 and 6. Field names
// follow the system we replace where it has them. start_time and end_time
// (unix seconds) bound every kind.
func parseTrigger(f requestFields, tdid attestation.TaskDefinitionID, start, end int64) (attestation.Trigger, error) {
	switch tdid {
	case attestation.EventStatic, attestation.EventScript:
		return parseEventTrigger(f, end)
	case attestation.ConditionStatic, attestation.ConditionScript:
		return parseConditionTrigger(f, end)
	}
	st, err := f.str("schedule_type")
	if err != nil {
		return attestation.Trigger{}, err
	}
	switch st {
	case "", ScheduleInterval:
		iv, ok, err := f.uint("time_interval")
		if err != nil {
			return attestation.Trigger{}, err
		}
		if !ok || iv < 1 || iv > maxSeconds {
			return attestation.Trigger{}, badField("time_interval", "must be a number of seconds from 1 to %d", maxSeconds)
		}
		return timeTrigger(attestation.TimeTrigger{Schedule: attestation.ScheduleInterval, Interval: iv, Start: start, End: end}), nil
	case scheduleCron:
		expr, err := f.str("cron_expression")
		if err != nil {
			return attestation.Trigger{}, err
		}
		if expr == "" {
			return attestation.Trigger{}, badField("cron_expression", "is required for schedule_type \"cron\"")
		}
		tz, err := f.str("timezone")
		if err != nil {
			return attestation.Trigger{}, err
		}
		if tz != "" {
			if _, err := time.LoadLocation(tz); err != nil {
				return attestation.Trigger{}, badField("timezone", "%q is not an IANA time zone (e.g. \"Europe/Berlin\")", tz)
			}
		}
		return timeTrigger(attestation.TimeTrigger{Schedule: attestation.ScheduleCron, Cron: expr, TimeZone: tz, Start: start, End: end}), nil
	case scheduleSpecific:
		times, err := specificTimes(f)
		if err != nil {
			return attestation.Trigger{}, err
		}
		return timeTrigger(attestation.TimeTrigger{Schedule: attestation.ScheduleOnce, Times: times, Start: start, End: end}), nil
	case scheduleBlock:
		id, err := f.chain("trigger_chain_id")
		if err != nil {
			return attestation.Trigger{}, err
		}
		every, ok, err := f.uint("block_interval")
		if err != nil {
			return attestation.Trigger{}, err
		}
		if !ok || every == 0 {
			return attestation.Trigger{}, badField("block_interval", "must be a number of blocks, at least 1")
		}
		first, _, err := f.uint("start_block")
		if err != nil {
			return attestation.Trigger{}, err
		}
		return attestation.Trigger{Kind: attestation.TriggerBlock,
			Block: &attestation.BlockTrigger{ChainID: id, Every: every, Start: first, End: end}}, nil
	}
	return attestation.Trigger{}, badField("schedule_type", "must be \"interval\", \"cron\", \"specific\" or \"block\"")
}

func timeTrigger(t attestation.TimeTrigger) attestation.Trigger {
	return attestation.Trigger{Kind: attestation.TriggerTime, Time: &t}
}

// specificTimes reads specific_schedule: an array of unix seconds or RFC 3339
// times, or one string of them separated by commas. They are sorted and must
// be distinct.
func specificTimes(f requestFields) ([]int64, error) {
	const field = "specific_schedule"
	if !f.has(field) {
		return nil, badField(field, "is required for schedule_type \"specific\"")
	}
	var items []json.RawMessage
	if err := json.Unmarshal(f[field], &items); err != nil {
		var s string
		if err := json.Unmarshal(f[field], &s); err != nil {
			return nil, badField(field, "must be an array of times or a comma-separated string")
		}
		for _, part := range strings.Split(s, ",") {
			b, _ := json.Marshal(strings.TrimSpace(part))
			items = append(items, b)
		}
	}
	if len(items) == 0 || len(items) > 1024 {
		return nil, badField(field, "must list 1 to 1024 times")
	}
	times := make([]int64, 0, len(items))
	for i, it := range items {
		t, err := parseTime(it)
		if err != nil {
			return nil, badField(fmt.Sprintf("%s[%d]", field, i), "%v", err)
		}
		times = append(times, t)
	}
	slices.Sort(times)
	for i := 1; i < len(times); i++ {
		if times[i] == times[i-1] {
			return nil, badField(field, "lists %d twice", times[i])
		}
	}
	return times, nil
}

// parseTime reads unix seconds (number or numeric string) or an RFC 3339 time.
func parseTime(raw json.RawMessage) (int64, error) {
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		v, err := strconv.ParseInt(n.String(), 10, 64)
		if err != nil || v <= 0 {
			return 0, fmt.Errorf("%s is not a unix time in seconds", n)
		}
		return v, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return 0, fmt.Errorf("must be unix seconds or an RFC 3339 time")
	}
	if v, err := strconv.ParseInt(s, 10, 64); err == nil && v > 0 {
		return v, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return 0, fmt.Errorf("%q is neither unix seconds nor an RFC 3339 time", s)
	}
	return t.Unix(), nil
}

// parseEventTrigger reads trigger_chain_id, trigger_contract_address,
// trigger_event (a signature with parameter names and indexed markers),
// event_filters ([{param, op, value}]) or the legacy single equality
// event_filter_para_name / event_filter_value, confirmations and recurring.
func parseEventTrigger(f requestFields, end int64) (attestation.Trigger, error) {
	id, err := f.chain("trigger_chain_id")
	if err != nil {
		return attestation.Trigger{}, err
	}
	contract, err := f.address("trigger_contract_address")
	if err != nil {
		return attestation.Trigger{}, err
	}
	sig, err := f.str("trigger_event")
	if err != nil {
		return attestation.Trigger{}, err
	}
	if sig == "" {
		return attestation.Trigger{}, badField("trigger_event", "is required, e.g. \"Transfer(address indexed from,address indexed to,uint256 value)\"")
	}
	var filters []attestation.EventFilter
	if f.has("event_filters") {
		var raw []struct{ Param, Op, Value string }
		if err := json.Unmarshal(f["event_filters"], &raw); err != nil {
			return attestation.Trigger{}, badField("event_filters", "must be an array of {param, op, value}")
		}
		for _, r := range raw {
			filters = append(filters, attestation.EventFilter{Param: r.Param, Op: r.Op, Value: r.Value})
		}
	}
	name, err := f.str("event_filter_para_name")
	if err != nil {
		return attestation.Trigger{}, err
	}
	if name != "" {
		value, err := f.str("event_filter_value")
		if err != nil {
			return attestation.Trigger{}, err
		}
		filters = append(filters, attestation.EventFilter{Param: name, Op: attestation.FilterEq, Value: value})
	}
	conf, _, err := f.uint("confirmations")
	if err != nil {
		return attestation.Trigger{}, err
	}
	recurring, err := f.boolean("recurring", false)
	if err != nil {
		return attestation.Trigger{}, err
	}
	return attestation.Trigger{Kind: attestation.TriggerEvent, Event: &attestation.EventTrigger{
		ChainID: id, Contract: contract, Event: sig, Filters: filters, Confirmations: conf, Recurring: recurring, End: end,
	}}, nil
}

// Value source types of the request; "api" and "oracle" are the names the
// system we replace uses for HTTP sources.
var sourceKinds = map[string]string{
	"api": attestation.SourceHTTP, "oracle": attestation.SourceHTTP, attestation.SourceHTTP: attestation.SourceHTTP,
	attestation.SourceWebsocket: attestation.SourceWebsocket, attestation.SourceStatic: attestation.SourceStatic,
	attestation.SourceContract: attestation.SourceContract,
}

// parseConditionTrigger reads condition_type, lower_limit, upper_limit,
// value_source_type, value_source_url, selected_key_route, the contract
// source fields (value_source_chain_id, value_source_contract,
// value_source_function "name(inputs)(outputs)", value_source_arguments,
// value_source_output), poll_interval, cooldown and recurring.
func parseConditionTrigger(f requestFields, end int64) (attestation.Trigger, error) {
	op, err := f.str("condition_type")
	if err != nil {
		return attestation.Trigger{}, err
	}
	lower, err := f.number("lower_limit")
	if err != nil {
		return attestation.Trigger{}, err
	}
	upper, err := f.number("upper_limit")
	if err != nil {
		return attestation.Trigger{}, err
	}
	kindName, err := f.str("value_source_type")
	if err != nil {
		return attestation.Trigger{}, err
	}
	kind, ok := sourceKinds[kindName]
	if !ok {
		return attestation.Trigger{}, badField("value_source_type", "must be contract, api, websocket or static")
	}
	src := attestation.ValueSource{Kind: kind}
	switch kind {
	case attestation.SourceContract:
		if src.ChainID, err = f.chain("value_source_chain_id"); err != nil {
			return attestation.Trigger{}, err
		}
		if src.Contract, err = f.address("value_source_contract"); err != nil {
			return attestation.Trigger{}, err
		}
		if src.Function, err = f.str("value_source_function"); err != nil {
			return attestation.Trigger{}, err
		}
		if src.Function == "" {
			return attestation.Trigger{}, badField("value_source_function", "is required, e.g. \"balanceOf(address)(uint256)\"")
		}
		if src.Arguments, err = f.strings("value_source_arguments"); err != nil {
			return attestation.Trigger{}, err
		}
		out, _, err := f.uint("value_source_output")
		if err != nil {
			return attestation.Trigger{}, err
		}
		if out > math.MaxUint32 {
			return attestation.Trigger{}, badField("value_source_output", "out of range")
		}
		src.Output = uint32(out)
	case attestation.SourceHTTP, attestation.SourceWebsocket:
		if src.URL, err = f.str("value_source_url"); err != nil {
			return attestation.Trigger{}, err
		}
		if src.URL == "" {
			return attestation.Trigger{}, badField("value_source_url", "is required for value_source_type %q", kindName)
		}
		if src.KeyPath, err = f.str("selected_key_route"); err != nil {
			return attestation.Trigger{}, err
		}
	case attestation.SourceStatic:
		// The system we replace keeps a static value in value_source_url.
		v, err := f.number("value_source_value")
		if err != nil {
			return attestation.Trigger{}, err
		}
		if v == "" {
			if v, err = f.str("value_source_url"); err != nil {
				return attestation.Trigger{}, err
			}
		}
		if v == "" {
			return attestation.Trigger{}, badField("value_source_value", "is required for a static source")
		}
		src.Value = v
	}
	poll, _, err := f.uint("poll_interval")
	if err != nil {
		return attestation.Trigger{}, err
	}
	if poll == 0 {
		poll = 1
	}
	cooldown, _, err := f.uint("cooldown")
	if err != nil {
		return attestation.Trigger{}, err
	}
	recurring, err := f.boolean("recurring", false)
	if err != nil {
		return attestation.Trigger{}, err
	}
	return attestation.Trigger{Kind: attestation.TriggerCondition, Condition: &attestation.ConditionTrigger{
		Source: src, Operator: op, Lower: lower, Upper: upper, PollInterval: poll, Cooldown: cooldown,
		Recurring: recurring, End: end,
	}}, nil
}

// triggerField names the request field an in-depth trigger error is about.
func triggerField(t attestation.Trigger) string {
	switch t.Kind {
	case attestation.TriggerTime:
		switch t.Time.Schedule {
		case attestation.ScheduleCron:
			return "cron_expression"
		case attestation.ScheduleOnce:
			return "specific_schedule"
		}
		return "time_interval"
	case attestation.TriggerEvent:
		return "trigger_event"
	case attestation.TriggerCondition:
		return "condition_type"
	case attestation.TriggerBlock:
		return "block_interval"
	}
	return "trigger"
}

// scheduleTypeOf is the request's schedule_type of a trigger, for responses.
func scheduleTypeOf(t attestation.Trigger) string {
	switch {
	case t.Time != nil && t.Time.Schedule == attestation.ScheduleCron:
		return scheduleCron
	case t.Time != nil && t.Time.Schedule == attestation.ScheduleOnce:
		return scheduleSpecific
	case t.Time != nil:
		return ScheduleInterval
	case t.Block != nil:
		return scheduleBlock
	}
	return ""
}

// firstSlot is when a time-triggered job created at now first fires; zero
// for other triggers and for schedules with no slot left.
func firstSlot(t attestation.Trigger, now time.Time) time.Time {
	if t.Time == nil {
		return time.Time{}
	}
	s, err := schedule.Parse(*t.Time)
	if err != nil {
		return time.Time{}
	}
	next, ok := s.Next(now)
	if !ok {
		return time.Time{}
	}
	return next
}
