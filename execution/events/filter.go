package events

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/execution"
)

// Filter decides whether a log of its event passes a trigger's filters. It
// is immutable and safe for concurrent use.
type Filter struct {
	ev         Event
	conds      []cond
	nonIndexed abi.Arguments
	valueTopic []Param // the indexed parameters by topic slot (1-3); slot 0 unused
	topics     [][]common.Hash
}

// cond is one compiled filter.
type cond struct {
	desc string // "filter 0 (from eq 0x…)", for errors
	op   string
	p    Param
	// slot is the topic index (1-3) of an indexed parameter, or the index
	// among the data values of a non-indexed one.
	slot int
	// want is what eq and ne compare with: the ABI encoding of the value, or
	// for a hashed parameter the keccak256 its topic holds.
	want []byte
	// num is what gt, gte, lt and lte compare with.
	num *big.Int
}

// Compile checks filters against ev and returns the filter they make
// together: a log passes when it passes every one of them.
//
// A filter names its parameter by name or by 0-based position. Its value is
// written as execution.EncodeCall takes arguments: integers in decimal or
// 0x-hex, with a leading '-' for negative values of signed types; addresses
// as 0x and 40 hex digits in any case (compared as addresses; inside arrays
// and tuples a mixed-case address must carry a valid EIP-55 checksum, as for
// EncodeCall); bool as "true" or "false"; bytesN and bytes as 0x-hex;
// strings as themselves; arrays and tuples as JSON arrays.
//
// eq and ne work on every type and compare values exactly; gt, gte, lt and
// lte only on integer types, exactly (arbitrary precision, signed for intN).
// Indexed strings, bytes, arrays and tuples are stored in the log as the
// keccak256 of their in-place encoding: eq and ne compare that hash with the
// hash of the filter value; ordering them is an error.
//
// An event given in bare form (Event.Bare) takes no filters. Errors wrap
// ErrInvalidFilter and name the filter by its index.
func Compile(ev Event, filters []attestation.EventFilter) (*Filter, error) {
	if ev.e == nil {
		return nil, fmt.Errorf("%w: no event", ErrInvalidFilter)
	}
	if len(filters) > maxFilters {
		return nil, fmt.Errorf("%w: %d filters, at most %d", ErrInvalidFilter, len(filters), maxFilters)
	}
	if ev.e.bare && len(filters) > 0 {
		return nil, fmt.Errorf("%w: event %s is given without parameter names or indexed markers, so which "+
			"parameters are indexed is unknown and only topic0 can be matched; to filter, write the signature "+
			"as Solidity declares it, e.g. Transfer(address indexed from, address indexed to, uint256 value)",
			ErrInvalidFilter, ev.Signature())
	}
	f := &Filter{ev: ev, nonIndexed: ev.e.nonIndexed()}
	// Topic and data slots of the parameters.
	slots := make([]int, len(ev.e.params))
	topic, data := 1, 0
	f.valueTopic = make([]Param, 1, 1+maxIndexed)
	for i, p := range ev.e.params {
		if p.Indexed {
			slots[i] = topic
			topic++
			f.valueTopic = append(f.valueTopic, p)
		} else {
			slots[i] = data
			data++
		}
	}
	f.topics = make([][]common.Hash, topic)
	f.topics[0] = []common.Hash{ev.Topic0()}
	for i, flt := range filters {
		c, err := compileOne(ev, i, flt)
		if err != nil {
			return nil, err
		}
		c.slot = slots[c.p.Position]
		f.conds = append(f.conds, c)
		if c.op == attestation.FilterEq && c.p.Indexed && f.topics[c.slot] == nil {
			// Several eq filters on one parameter: the node pre-filters on
			// the first, Match checks them all.
			f.topics[c.slot] = []common.Hash{common.BytesToHash(c.want)}
		}
	}
	for len(f.topics) > 1 && f.topics[len(f.topics)-1] == nil {
		f.topics = f.topics[:len(f.topics)-1]
	}
	return f, nil
}

func compileOne(ev Event, i int, flt attestation.EventFilter) (cond, error) {
	c := cond{desc: fmt.Sprintf("filter %d (%s %s %q)", i, clip(flt.Param), clip(flt.Op), clip(flt.Value)), op: flt.Op}
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s: %s", ErrInvalidFilter, c.desc, fmt.Sprintf(format, a...))
	}
	p, err := ev.Param(flt.Param)
	if err != nil {
		return cond{}, bad("%v", err)
	}
	c.p = p
	ordering := false
	switch flt.Op {
	case attestation.FilterEq, attestation.FilterNe:
	case attestation.FilterGt, attestation.FilterGte, attestation.FilterLt, attestation.FilterLte:
		ordering = true
		if p.Type.T != abi.IntTy && p.Type.T != abi.UintTy {
			return cond{}, bad("%s compares integers only, and parameter %s is %s", flt.Op, paramName(p), p.Type)
		}
	default:
		return cond{}, bad("unknown operator %q (want eq, ne, gt, gte, lt or lte)", clip(flt.Op))
	}
	if len(flt.Value) > maxFilterValueLen {
		return cond{}, bad("value longer than %d bytes", maxFilterValueLen)
	}
	value := flt.Value
	if p.Type.T == abi.AddressTy {
		value = strings.ToLower(value) // compared as addresses: the case carries no meaning
	}
	enc, err := encodeValue(p.Type, value)
	if err != nil {
		return cond{}, bad("value for %s: %v", p.Type, err)
	}
	vals, err := abi.Arguments{{Type: p.Type}}.UnpackValues(enc)
	if err != nil || len(vals) != 1 {
		return cond{}, bad("value for %s does not decode: %v", p.Type, err)
	}
	switch {
	case p.Hashed():
		in, err := inPlace(p.Type, reflect.ValueOf(vals[0]), false)
		if err != nil {
			return cond{}, bad("hash value for indexed %s: %v", p.Type, err)
		}
		c.want = crypto.Keccak256(in)
	default:
		c.want = enc
	}
	if ordering {
		c.num, err = toBig(vals[0])
		if err != nil {
			return cond{}, bad("%v", err)
		}
	}
	return c, nil
}

func paramName(p Param) string {
	if p.Name != "" {
		return p.Name
	}
	return fmt.Sprintf("#%d", p.Position)
}

// encodeValue returns the ABI encoding of the one value v of type t, with
// the conventions of execution.EncodeCall.
func encodeValue(t abi.Type, v string) ([]byte, error) {
	enc, err := execution.EncodeCall("f("+t.String()+")", []string{v})
	if err != nil {
		// "invalid argument 0 (uint256): out of range" → "out of range";
		// "invalid argument 0[1] (uint8): …" → "[1] (uint8): …"
		msg := err.Error()
		if rest, ok := strings.CutPrefix(msg, execution.ErrInvalidArgument.Error()+" 0"); ok {
			msg = strings.TrimSpace(rest)
			msg = strings.TrimPrefix(msg, "("+t.String()+"): ")
		}
		return nil, errors.New(msg)
	}
	return enc[4:], nil
}

// Event returns the filter's event.
func (f *Filter) Event() Event { return f.ev }

// Topics returns the topic filter of an eth_getLogs query that selects a
// superset of the logs Match accepts: topic0, then for each indexed
// position the value of its first eq filter, or nil (any) for positions
// without one. Trailing wildcards are left out. ne and ordering filters are
// only checked by Match.
func (f *Filter) Topics() [][]common.Hash {
	out := make([][]common.Hash, len(f.topics))
	for i, t := range f.topics {
		if t != nil {
			out[i] = append([]common.Hash(nil), t...)
		}
	}
	return out
}

// Match reports whether l is a log of the filter's event that passes every
// filter. It does not check the log's address (the caller queries one
// contract) nor whether it was removed. A log whose topic0 is another event's
// does not match; a log with the event's topic0 but a different layout
// (topic count, data encoding), or too large to decode within the package's
// limits, returns an error wrapping ErrMalformedLog.
//
// For an event given in bare form only topic0 is checked.
func (f *Filter) Match(l types.Log) (bool, error) {
	ev := f.ev.e
	if len(l.Topics) == 0 || l.Topics[0] != ev.abi.ID {
		return false, nil
	}
	if ev.bare {
		return true, nil
	}
	wantTopics := len(f.valueTopic)
	if len(l.Topics) != wantTopics {
		return false, fmt.Errorf("%w: %s log has %d topics, its signature declares %d indexed parameters (%d topics); check the indexed markers",
			ErrMalformedLog, ev.name, len(l.Topics), wantTopics-1, wantTopics)
	}
	data, err := decodeData(f.nonIndexed, l.Data)
	if err != nil {
		return false, fmt.Errorf("%w: %s log data: %v", ErrMalformedLog, ev.name, err)
	}
	topics := make([]any, wantTopics) // decoded value-type topics
	for slot := 1; slot < wantTopics; slot++ {
		p := f.valueTopic[slot]
		if p.Hashed() {
			continue
		}
		v, err := decodeWord(p.Type, l.Topics[slot])
		if err != nil {
			return false, fmt.Errorf("%w: %s topic %d (%s): %v", ErrMalformedLog, ev.name, slot, p.Type, err)
		}
		topics[slot] = v
	}
	for _, c := range f.conds {
		var v any
		switch {
		case c.p.Hashed():
		case c.p.Indexed:
			v = topics[c.slot]
		default:
			v = data[c.slot]
		}
		ok, err := c.holds(v, l.Topics)
		if err != nil {
			return false, fmt.Errorf("%w: %s %s: %v", ErrMalformedLog, ev.name, c.desc, err)
		}
		if !ok {
			return false, nil
		}
	}
	return true, nil
}

// holds evaluates the condition on v, the decoded value of its parameter
// (nil for a hashed one, whose topic is compared).
func (c *cond) holds(v any, topics []common.Hash) (bool, error) {
	switch c.op {
	case attestation.FilterEq, attestation.FilterNe:
		var got []byte
		if c.p.Hashed() {
			got = topics[c.slot][:]
		} else {
			enc, err := abi.Arguments{{Type: c.p.Type}}.Pack(v)
			if err != nil {
				return false, fmt.Errorf("re-encode value: %v", err)
			}
			got = enc
		}
		return bytes.Equal(got, c.want) == (c.op == attestation.FilterEq), nil
	}
	n, err := toBig(v)
	if err != nil {
		return false, err
	}
	cmp := n.Cmp(c.num)
	switch c.op {
	case attestation.FilterGt:
		return cmp > 0, nil
	case attestation.FilterGte:
		return cmp >= 0, nil
	case attestation.FilterLt:
		return cmp < 0, nil
	default: // FilterLte; Compile admits no other operator
		return cmp <= 0, nil
	}
}
