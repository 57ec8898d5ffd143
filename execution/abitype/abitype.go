// Package abitype parses the ABI type grammar shared by function and event
// signatures: elementary types (uintN, intN, address, bool, bytesN, bytes,
// string), fixed and dynamic arrays, and tuples in parentheses. It is the one
// parser behind execution.EncodeCall (canonical signatures) and
// events.ParseEvent (Solidity declarations); the callers parse what surrounds
// the types (names, "indexed" markers) with the same Parser.
//
// The input comes from job definitions, i.e. from users: nesting, array
// lengths and the values a fixed-size type holds are bounded (MaxDepth,
// MaxFixedLen, MaxFixedElems), and errors name the offending offset.
//
// Concurrency: a Parser is used by one goroutine at a time. A parsed *Type is
// not modified after Parse returns and is safe for concurrent reads.
package abitype

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
)

// Limits on the types a Parser accepts.
const (
	MaxDepth      = 16   // nesting of arrays and tuples
	MaxFixedLen   = 1024 // length of one fixed-size array T[n]
	MaxFixedElems = 1 << 16
)

// Kind is the shape of a Type.
type Kind int

// The kinds of Type.
const (
	Elementary Kind = iota
	Tuple
	Array // fixed size
	Slice // dynamic size
)

// Type is one parsed ABI type.
type Type struct {
	Kind   Kind
	Name   string  // canonical elementary type name (Elementary)
	Fields []*Type // tuple components (Tuple)
	Elem   *Type   // element (Array, Slice)
	Size   int     // length (Array)
}

// String renders t canonically, e.g. "(uint256,address)[2]".
func (t *Type) String() string {
	switch t.Kind {
	case Tuple:
		parts := make([]string, len(t.Fields))
		for i, f := range t.Fields {
			parts[i] = f.String()
		}
		return "(" + strings.Join(parts, ",") + ")"
	case Array:
		return t.Elem.String() + "[" + strconv.Itoa(t.Size) + "]"
	case Slice:
		return t.Elem.String() + "[]"
	default:
		return t.Name
	}
}

// Marshaling returns t in the form abi.NewType takes: tuples are "tuple"
// with components named f0, f1, … so that go-ethereum builds a Go struct.
func (t *Type) Marshaling() (string, []abi.ArgumentMarshaling) {
	suffix := ""
	for t.Kind == Array || t.Kind == Slice {
		if t.Kind == Array {
			suffix = "[" + strconv.Itoa(t.Size) + "]" + suffix
		} else {
			suffix = "[]" + suffix
		}
		t = t.Elem
	}
	if t.Kind != Tuple {
		return t.Name + suffix, nil
	}
	comps := make([]abi.ArgumentMarshaling, len(t.Fields))
	for i, f := range t.Fields {
		typ, sub := f.Marshaling()
		comps[i] = abi.ArgumentMarshaling{Name: "f" + strconv.Itoa(i), Type: typ, Components: sub}
	}
	return "tuple" + suffix, comps
}

// FixedElems counts the values a fixed-size type holds, to bound the Go
// types built for it. Counts above MaxFixedElems are reported as some value
// above MaxFixedElems, never as an overflowed one.
func (t *Type) FixedElems() int {
	switch t.Kind {
	case Array:
		n := t.Elem.FixedElems()
		if n > MaxFixedElems/t.Size+1 {
			return MaxFixedElems + 1
		}
		return t.Size * n
	case Tuple:
		n := 0
		for _, f := range t.Fields {
			n += f.FixedElems()
			if n > MaxFixedElems {
				return n
			}
		}
		return n
	default:
		return 1
	}
}

// Syntax selects the surface syntax a Parser reads.
type Syntax int

const (
	// Canonical is the form hashed into selectors and topics: no
	// whitespace, no names, explicit widths ("uint256", never "uint").
	Canonical Syntax = iota
	// Declared is the form Solidity declares: whitespace may surround every
	// token, tuple components may be named, "uint" and "int" stand for
	// uint256 and int256, and long tokens are clipped in error messages.
	Declared
)

// Parser reads types from S, starting at Pos and leaving Pos after what it
// read. Errors name offsets into S.
type Parser struct {
	S      string
	Pos    int
	Syntax Syntax
	// MaxComponents bounds the components of one tuple; 0 means no bound.
	MaxComponents int
}

// SkipSpace skips whitespace and reports whether there was some. In
// Canonical syntax there is none to skip.
func (p *Parser) SkipSpace() bool {
	if p.Syntax == Canonical {
		return false
	}
	start := p.Pos
	for p.Pos < len(p.S) && isSpace(p.S[p.Pos]) {
		p.Pos++
	}
	return p.Pos > start
}

// Eat consumes c if it is next.
func (p *Parser) Eat(c byte) bool {
	if p.Pos < len(p.S) && p.S[p.Pos] == c {
		p.Pos++
		return true
	}
	return false
}

// Ident reads an identifier ([A-Za-z_$][A-Za-z0-9_$]*); "" if there is none
// at Pos.
func (p *Parser) Ident() string {
	start := p.Pos
	for p.Pos < len(p.S) && isIdentByte(p.S[p.Pos], p.Pos == start) {
		p.Pos++
	}
	return p.S[start:p.Pos]
}

// Unexpected describes the byte at Pos, or the end of S, as unexpected.
func (p *Parser) Unexpected() error {
	if p.Pos >= len(p.S) {
		return errors.New("unexpected end of signature")
	}
	return fmt.Errorf("unexpected %q at offset %d", p.S[p.Pos], p.Pos)
}

// List parses a parameter list "(T1,T2,…)" at Pos, which must hold '('. The
// empty list "()" is allowed here, unlike the empty tuple.
func (p *Parser) List() ([]*Type, error) { return p.list(0) }

// Type parses one type at Pos. depth is its nesting level in the signature:
// 0 for a parameter.
func (p *Parser) Type(depth int) (*Type, error) {
	if depth >= MaxDepth {
		return nil, fmt.Errorf("types nested deeper than %d", MaxDepth)
	}
	var t *Type
	if p.Pos < len(p.S) && p.S[p.Pos] == '(' {
		fields, err := p.list(depth + 1)
		if err != nil {
			return nil, err
		}
		t = &Type{Kind: Tuple, Fields: fields}
	} else {
		start := p.Pos
		// Canonical syntax reads a leading digit into the name too, so that
		// "8bit" is reported as an unsupported type.
		for p.Pos < len(p.S) && isIdentByte(p.S[p.Pos], p.Syntax == Declared && p.Pos == start) {
			p.Pos++
		}
		name, err := p.elementary(p.S[start:p.Pos])
		if err != nil {
			return nil, fmt.Errorf("type at offset %d: %v", start, err)
		}
		t = &Type{Kind: Elementary, Name: name}
	}
	for {
		save := p.Pos
		p.SkipSpace()
		if !p.Eat('[') {
			p.Pos = save
			return t, nil
		}
		depth++
		if depth >= MaxDepth {
			return nil, fmt.Errorf("types nested deeper than %d", MaxDepth)
		}
		start := p.Pos - 1
		p.SkipSpace()
		digitsStart := p.Pos
		for p.Pos < len(p.S) && p.S[p.Pos] >= '0' && p.S[p.Pos] <= '9' {
			p.Pos++
		}
		digits := p.S[digitsStart:p.Pos]
		p.SkipSpace()
		if !p.Eat(']') {
			return nil, fmt.Errorf("bad array suffix at offset %d", start)
		}
		if digits == "" {
			t = &Type{Kind: Slice, Elem: t}
			continue
		}
		n, err := strconv.Atoi(digits)
		if err != nil || n < 1 || n > MaxFixedLen || digits[0] == '0' {
			return nil, fmt.Errorf("array length %q at offset %d: want 1 to %d without leading zeros", p.clip(digits), start, MaxFixedLen)
		}
		t = &Type{Kind: Array, Elem: t, Size: n}
	}
}

// list parses "(T1,T2,…)" at Pos, its types at depth; the empty list is
// allowed only at depth 0.
func (p *Parser) list(depth int) ([]*Type, error) {
	open := p.Pos
	p.Pos++ // '('
	p.SkipSpace()
	if p.Pos < len(p.S) && p.S[p.Pos] == ')' {
		switch {
		case depth == 0:
			p.Pos++
			return nil, nil
		case p.Syntax == Canonical:
			return nil, fmt.Errorf("empty tuple at offset %d", open)
		}
		// Declared syntax reports the missing type below.
	}
	var out []*Type
	for {
		p.SkipSpace()
		t, err := p.Type(depth)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
		if p.MaxComponents > 0 && len(out) > p.MaxComponents {
			return nil, fmt.Errorf("tuple with more than %d components", p.MaxComponents)
		}
		// An optional component name (Declared syntax only).
		if p.SkipSpace() {
			start := p.Pos
			if w := p.Ident(); w == "indexed" {
				return nil, fmt.Errorf("indexed tuple component at offset %d", start)
			}
		}
		p.SkipSpace()
		if p.Syntax == Canonical && p.Pos >= len(p.S) {
			return nil, errors.New("missing ')'")
		}
		if p.Eat(',') {
			continue
		}
		if p.Eat(')') {
			return out, nil
		}
		return nil, p.Unexpected()
	}
}

// elementary returns the canonical name of an elementary type.
func (p *Parser) elementary(name string) (string, error) {
	switch name {
	case "":
		return "", errors.New("missing type")
	case "address", "bool", "string", "bytes":
		return name, nil
	case "uint", "int":
		if p.Syntax == Declared {
			return name + "256", nil
		}
		return "", fmt.Errorf("%q is not canonical, use %s256", name, name)
	}
	for _, prefix := range []string{"uint", "int", "bytes"} {
		digits, ok := strings.CutPrefix(name, prefix)
		if !ok || digits == "" || digits[0] < '0' || digits[0] > '9' {
			continue
		}
		n, err := strconv.Atoi(digits)
		if err != nil || digits[0] == '0' {
			return "", fmt.Errorf("unsupported type %q", p.clip(name))
		}
		if prefix == "bytes" {
			if n < 1 || n > 32 {
				return "", fmt.Errorf("unsupported type %q: bytesN needs 1 <= N <= 32", p.clip(name))
			}
			return name, nil
		}
		if n < 8 || n > 256 || n%8 != 0 {
			return "", fmt.Errorf("unsupported type %q: %sN needs N a multiple of 8 from 8 to 256", p.clip(name), prefix)
		}
		return name, nil
	}
	return "", fmt.Errorf("unsupported type %q", p.clip(name))
}

// clip shortens s for an error message in Declared syntax; Canonical
// errors quote tokens in full.
func (p *Parser) clip(s string) string {
	const maxLen = 80
	if p.Syntax == Canonical || len(s) <= maxLen {
		return s
	}
	return s[:maxLen] + "…"
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isIdentByte(c byte, first bool) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_', c == '$':
		return true
	case c >= '0' && c <= '9':
		return !first
	}
	return false
}
