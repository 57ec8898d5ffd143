package events

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"

	"github.com/triggerx-network/triggerx/execution/abitype"
)

// Sentinel errors. Returned errors wrap them with the details.
var (
	// ErrInvalidEvent: the event signature does not parse, uses an
	// unsupported type or exceeds a limit.
	ErrInvalidEvent = errors.New("invalid event signature")
	// ErrInvalidFilter: a filter names no parameter of the event, uses an
	// unknown operator, an operator its parameter's type does not support, or
	// a value that does not convert to the parameter's type.
	ErrInvalidFilter = errors.New("invalid event filter")
	// ErrMalformedLog: a log with the event's topic0 does not have the
	// event's layout (topic count, data encoding) or is too large to decode.
	// Callers should treat such a log as not matching, not retry it: reading
	// it again gives the same result.
	ErrMalformedLog = errors.New("malformed log")
)

// Limits on what ParseEvent and Compile accept. Signatures and filters come
// from job definitions, i.e. from users; the limits keep a hostile definition
// from making the node build huge types. The limits on types (nesting,
// array lengths, fixed-size values) are abitype's.
const (
	maxSignatureLen   = 4096 // bytes of the event signature
	maxParams         = 64   // parameters of one event
	maxIndexed        = 3    // indexed parameters of a non-anonymous event
	maxFilters        = 32   // filters of one trigger
	maxFilterValueLen = 8192 // bytes of one filter value
)

// Event is a parsed event signature. The zero Event is invalid. An Event is
// immutable and safe for concurrent use; copies share their data.
type Event struct {
	e *event
}

type event struct {
	name   string
	params []Param
	bare   bool
	abi    abi.Event
	str    string // declared form
}

// Param is one parameter of an event.
type Param struct {
	// Name is the parameter's name; empty when the signature gives none.
	Name string
	// Position is the 0-based position of the parameter in the signature.
	Position int
	// Type is the parameter's ABI type. Tuple components are named f0, f1, …
	Type abi.Type
	// Indexed says whether the parameter is in a topic rather than in the
	// data. Always false for a bare signature, where it is unknown.
	Indexed bool
}

// Hashed reports whether the log carries the keccak256 hash of the value
// instead of the value: indexed strings, bytes, arrays and tuples.
func (p Param) Hashed() bool { return p.Indexed && !isValueType(p.Type) }

// isValueType reports whether t is stored directly in a topic when indexed.
func isValueType(t abi.Type) bool {
	switch t.T {
	case abi.IntTy, abi.UintTy, abi.BoolTy, abi.AddressTy, abi.FixedBytesTy:
		return true
	}
	return false
}

// ParseEvent parses an event signature as Solidity declares it, with
// parameter names and indexed markers:
//
//	Transfer(address indexed from, address indexed to, uint256 value)
//
// Names and markers are optional per parameter ("Transfer(address indexed,
// address indexed, uint256)" names none). Types are the ABI's elementary
// types (uintN, intN, address, bool, bytesN, bytes, string; "uint" and "int"
// stand for uint256 and int256), fixed and dynamic arrays, and tuples in
// parentheses, whose components may be named: "(uint256 amount, address to)[]".
// Whitespace may surround every token. Anonymous events, function types and
// fixed-point types are not supported; at most 3 parameters may be indexed.
//
// The bare canonical form "Transfer(address,address,uint256)" (no name and
// no marker on any parameter) is accepted too, but says nothing about which
// parameters are indexed: such an event can only be matched on topic0, so
// Compile rejects filters on it. Write the signature with its indexed markers
// to filter on parameters.
//
// Errors wrap ErrInvalidEvent.
func ParseEvent(sig string) (Event, error) {
	e, err := parseEvent(sig)
	if err != nil {
		return Event{}, fmt.Errorf("%w %q: %v", ErrInvalidEvent, clip(sig), err)
	}
	return Event{e: e}, nil
}

// Name returns the event's name.
func (e Event) Name() string {
	if e.e == nil {
		return ""
	}
	return e.e.name
}

// Signature returns the canonical signature, e.g.
// "Transfer(address,address,uint256)", whose keccak256 is topic0.
func (e Event) Signature() string {
	if e.e == nil {
		return ""
	}
	return e.e.abi.Sig
}

// String returns the signature in declared form, e.g.
// "Transfer(address indexed from, address indexed to, uint256 value)".
// ParseEvent of it yields the same event.
func (e Event) String() string {
	if e.e == nil {
		return ""
	}
	return e.e.str
}

// Topic0 returns keccak256 of the canonical signature: the first topic of
// every log of the event.
func (e Event) Topic0() common.Hash {
	if e.e == nil {
		return common.Hash{}
	}
	return e.e.abi.ID
}

// Bare reports whether the signature was given in bare canonical form, so
// that which parameters are indexed is unknown.
func (e Event) Bare() bool { return e.e != nil && e.e.bare }

// ABI returns the go-ethereum description of the event. Unnamed parameters
// are named arg0, arg1, … there, as go-ethereum does.
func (e Event) ABI() abi.Event {
	if e.e == nil {
		return abi.Event{}
	}
	ev := e.e.abi
	ev.Inputs = slices.Clone(ev.Inputs)
	return ev
}

// Params returns the parameters in signature order.
func (e Event) Params() []Param {
	if e.e == nil {
		return nil
	}
	return slices.Clone(e.e.params)
}

// Param returns the parameter named ref, or, if no parameter has that name
// and ref is a decimal number, the parameter at that 0-based position.
func (e Event) Param(ref string) (Param, error) {
	if e.e == nil {
		return Param{}, errors.New("no event")
	}
	if ref == "" {
		return Param{}, errors.New("empty parameter reference")
	}
	for _, p := range e.e.params {
		if p.Name != "" && p.Name == ref {
			return p, nil
		}
	}
	if ref == "0" || ref[0] >= '1' && ref[0] <= '9' {
		if i, err := strconv.Atoi(ref); err == nil && i < len(e.e.params) {
			return e.e.params[i], nil
		}
	}
	return Param{}, fmt.Errorf("event %s has no parameter %q", e.e.name, clip(ref))
}

// nonIndexed returns the parameters carried in the data, as go-ethereum
// arguments, in order.
func (e *event) nonIndexed() abi.Arguments {
	var out abi.Arguments
	for _, in := range e.abi.Inputs {
		if !in.Indexed {
			out = append(out, in)
		}
	}
	return out
}

// ---- signature parsing ----

func parseEvent(sig string) (*event, error) {
	if len(sig) > maxSignatureLen {
		return nil, fmt.Errorf("longer than %d bytes", maxSignatureLen)
	}
	p := &abitype.Parser{S: sig, Syntax: abitype.Declared, MaxComponents: maxParams}
	p.SkipSpace()
	name := p.Ident()
	if name == "" {
		return nil, fmt.Errorf("want an event name at offset %d", p.Pos)
	}
	p.SkipSpace()
	if !p.Eat('(') {
		return nil, fmt.Errorf("want '(' at offset %d", p.Pos)
	}
	type declared struct {
		typ     *abitype.Type
		indexed bool
		name    string
	}
	var decls []declared
	p.SkipSpace()
	if !p.Eat(')') {
		for {
			if len(decls) == maxParams {
				return nil, fmt.Errorf("more than %d parameters", maxParams)
			}
			p.SkipSpace()
			t, err := p.Type(0)
			if err != nil {
				return nil, err
			}
			d := declared{typ: t}
			// Up to two words follow the type: "indexed" and a name.
			for range 2 {
				if !p.SkipSpace() {
					break
				}
				start := p.Pos
				w := p.Ident()
				if w == "" {
					p.Pos = start
					break
				}
				switch {
				case w == "indexed" && !d.indexed && d.name == "":
					d.indexed = true
				case d.name == "" && w != "indexed":
					d.name = w
				default:
					return nil, fmt.Errorf("unexpected %q at offset %d", w, start)
				}
			}
			decls = append(decls, d)
			p.SkipSpace()
			if p.Eat(',') {
				continue
			}
			if p.Eat(')') {
				break
			}
			return nil, p.Unexpected()
		}
	}
	p.SkipSpace()
	if p.Pos != len(p.S) {
		return nil, p.Unexpected()
	}

	e := &event{name: name, bare: len(decls) > 0}
	inputs := make(abi.Arguments, len(decls))
	total, indexed := 0, 0
	seen := map[string]bool{}
	declParts := make([]string, len(decls))
	for i, d := range decls {
		if d.indexed || d.name != "" {
			e.bare = false
		}
		if d.indexed {
			indexed++
			if indexed > maxIndexed {
				return nil, fmt.Errorf("more than %d indexed parameters", maxIndexed)
			}
		}
		if d.name != "" {
			if seen[d.name] {
				return nil, fmt.Errorf("duplicate parameter name %q", d.name)
			}
			seen[d.name] = true
		}
		total += d.typ.FixedElems()
		if total > abitype.MaxFixedElems {
			return nil, fmt.Errorf("fixed-size arrays hold more than %d values", abitype.MaxFixedElems)
		}
		typ, comps := d.typ.Marshaling()
		t, err := abi.NewType(typ, "", comps)
		if err != nil {
			// The parser accepts only what abi.NewType understands.
			return nil, fmt.Errorf("parameter %d: %v", i, err)
		}
		inputs[i] = abi.Argument{Name: d.name, Type: t, Indexed: d.indexed}
		e.params = append(e.params, Param{Name: d.name, Position: i, Type: t, Indexed: d.indexed})
		part := d.typ.String()
		if d.indexed {
			part += " indexed"
		}
		if d.name != "" {
			part += " " + d.name
		}
		declParts[i] = part
	}
	// NewEvent renames unnamed inputs in the slice it is given.
	e.abi = abi.NewEvent(name, name, false, inputs)
	e.str = name + "(" + strings.Join(declParts, ", ") + ")"
	return e, nil
}

// clip shortens s for an error message.
func clip(s string) string {
	const maxLen = 80
	if len(s) <= maxLen {
		return s
	}
	return s[:maxLen] + "…"
}
