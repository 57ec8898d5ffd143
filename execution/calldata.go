package execution

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"reflect"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Limits on what EncodeCall accepts. Signatures and arguments come from job
// definitions, i.e. from users; the limits keep a hostile definition from
// making the node build huge types or numbers.
const (
	maxSignatureLen = 4096 // bytes of the function signature
	maxTypeDepth    = 16   // nesting of arrays and tuples
	maxFixedLen     = 1024 // length of one fixed-size array T[n]
	maxFixedElems   = 1 << 16
	maxNumberDigits = 80 // significant digits of an integer argument
)

// Selector returns the 4-byte function selector of a canonical signature such
// as "transfer(address,uint256)": the first four bytes of its keccak256. It
// fails with ErrInvalidFunction if function is not canonical.
func Selector(function string) ([4]byte, error) {
	if _, err := parseFunction(function); err != nil {
		return [4]byte{}, err
	}
	return selectorOf(function), nil
}

func selectorOf(function string) [4]byte {
	var sel [4]byte
	copy(sel[:], crypto.Keccak256([]byte(function)))
	return sel
}

// EncodeCall returns the calldata of a call to function with args: the
// selector followed by the ABI encoding of the arguments.
//
// function is a canonical signature: no spaces, no parameter names, explicit
// widths ("uint256", not "uint"), tuples in parentheses, e.g.
// "f(uint8[],bytes32,(uint256,address))". There is one string per parameter:
//
//   - uintN, intN: decimal ("42", "-7") or hex ("0x2a", "-0x07"), exact
//     (arbitrary precision) and range-checked for the type's width and sign;
//   - address: "0x" and 40 hex digits, EIP-55 checksum-validated if mixed case;
//   - bool: "true" or "false";
//   - bytesN: "0x" and exactly 2N hex digits; bytes: "0x" and an even number
//     of hex digits;
//   - string: the string itself;
//   - arrays T[] and T[k], and tuples: a JSON array of the elements (tuple
//     fields in order), e.g. `["1","2"]`, `[1,2]`, `[["0x…",true],…]`. Inside
//     JSON, integers may be JSON numbers or strings, bools JSON bools or
//     strings, everything else a JSON string.
//
// Errors wrap ErrInvalidFunction or ErrInvalidArgument and name the argument
// index (from 0) and the element path.
func EncodeCall(function string, args []string) ([]byte, error) {
	params, err := parseFunction(function)
	if err != nil {
		return nil, err
	}
	if len(args) != len(params) {
		return nil, fmt.Errorf("%w count: %s takes %d, got %d", ErrInvalidArgument, function, len(params), len(args))
	}
	arguments := make(abi.Arguments, len(params))
	values := make([]any, len(params))
	for i, p := range params {
		typ, comps := p.marshaling()
		t, err := abi.NewType(typ, "", comps)
		if err != nil {
			// The parser accepts only what abi.NewType understands.
			return nil, fmt.Errorf("%w %q: parameter %d: %v", ErrInvalidFunction, function, i, err)
		}
		arguments[i] = abi.Argument{Type: t}
		v, err := convertArg(t, args[i])
		if err != nil {
			var ce *convError
			if errors.As(err, &ce) {
				return nil, fmt.Errorf("%w %d%s (%s): %s", ErrInvalidArgument, i, ce.path, ce.typ, ce.msg)
			}
			return nil, fmt.Errorf("%w %d (%s): %v", ErrInvalidArgument, i, t, err)
		}
		values[i] = v.Interface()
	}
	packed, err := arguments.Pack(values...)
	if err != nil {
		return nil, fmt.Errorf("%w: pack %s: %v", ErrInvalidArgument, function, err)
	}
	sel := selectorOf(function)
	return append(sel[:], packed...), nil
}

// ---- signature parsing ----

type paramKind int

const (
	kindElementary paramKind = iota
	kindTuple
	kindArray // fixed size
	kindSlice // dynamic size
)

// param is one parsed ABI type.
type param struct {
	kind   paramKind
	name   string   // elementary type name
	fields []*param // tuple fields
	elem   *param   // array and slice element
	size   int      // array length
}

// String renders p canonically.
func (p *param) String() string {
	switch p.kind {
	case kindTuple:
		parts := make([]string, len(p.fields))
		for i, f := range p.fields {
			parts[i] = f.String()
		}
		return "(" + strings.Join(parts, ",") + ")"
	case kindArray:
		return p.elem.String() + "[" + strconv.Itoa(p.size) + "]"
	case kindSlice:
		return p.elem.String() + "[]"
	default:
		return p.name
	}
}

// marshaling returns p in the form abi.NewType takes: tuples are "tuple" with
// components, named f0, f1, … so that go-ethereum can build a Go struct.
func (p *param) marshaling() (string, []abi.ArgumentMarshaling) {
	suffix := ""
	for p.kind == kindArray || p.kind == kindSlice {
		if p.kind == kindArray {
			suffix = "[" + strconv.Itoa(p.size) + "]" + suffix
		} else {
			suffix = "[]" + suffix
		}
		p = p.elem
	}
	if p.kind != kindTuple {
		return p.name + suffix, nil
	}
	comps := make([]abi.ArgumentMarshaling, len(p.fields))
	for i, f := range p.fields {
		typ, sub := f.marshaling()
		comps[i] = abi.ArgumentMarshaling{Name: "f" + strconv.Itoa(i), Type: typ, Components: sub}
	}
	return "tuple" + suffix, comps
}

// fixedElems counts the values a fixed-size type holds, to bound the Go
// types built for it.
func (p *param) fixedElems() int {
	switch p.kind {
	case kindArray:
		return p.size * p.elem.fixedElems()
	case kindTuple:
		n := 0
		for _, f := range p.fields {
			n += f.fixedElems()
		}
		return n
	default:
		return 1
	}
}

type sigParser struct {
	s   string
	pos int
}

func parseFunction(function string) ([]*param, error) {
	params, err := parseSignature(function)
	if err != nil {
		return nil, fmt.Errorf("%w %q: %v", ErrInvalidFunction, function, err)
	}
	return params, nil
}

func parseSignature(s string) ([]*param, error) {
	if len(s) > maxSignatureLen {
		return nil, fmt.Errorf("longer than %d bytes", maxSignatureLen)
	}
	p := &sigParser{s: s}
	for p.pos < len(s) && isIdentByte(s[p.pos], p.pos == 0) {
		p.pos++
	}
	if p.pos == 0 {
		return nil, fmt.Errorf("want a function name at offset 0")
	}
	if p.pos == len(s) || s[p.pos] != '(' {
		return nil, fmt.Errorf("want '(' at offset %d", p.pos)
	}
	params, err := p.list(0)
	if err != nil {
		return nil, err
	}
	if p.pos != len(s) {
		return nil, fmt.Errorf("unexpected %q at offset %d", s[p.pos:], p.pos)
	}
	total := 0
	for _, q := range params {
		total += q.fixedElems()
		if total > maxFixedElems {
			return nil, fmt.Errorf("fixed-size arrays hold more than %d values", maxFixedElems)
		}
	}
	return params, nil
}

func isIdentByte(c byte, first bool) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_', c == '$':
		return true
	case c >= '0' && c <= '9':
		return !first
	}
	return false
}

// list parses "(T1,T2,…)" at p.pos; the empty list is allowed only at the top.
func (p *sigParser) list(depth int) ([]*param, error) {
	p.pos++ // '('
	if p.pos < len(p.s) && p.s[p.pos] == ')' {
		p.pos++
		if depth > 0 {
			return nil, fmt.Errorf("empty tuple at offset %d", p.pos-2)
		}
		return nil, nil
	}
	var out []*param
	for {
		t, err := p.typ(depth)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
		if p.pos >= len(p.s) {
			return nil, fmt.Errorf("missing ')'")
		}
		switch p.s[p.pos] {
		case ',':
			p.pos++
		case ')':
			p.pos++
			return out, nil
		default:
			return nil, fmt.Errorf("unexpected %q at offset %d", p.s[p.pos], p.pos)
		}
	}
}

func (p *sigParser) typ(depth int) (*param, error) {
	if depth >= maxTypeDepth {
		return nil, fmt.Errorf("types nested deeper than %d", maxTypeDepth)
	}
	var t *param
	if p.pos < len(p.s) && p.s[p.pos] == '(' {
		fields, err := p.list(depth + 1)
		if err != nil {
			return nil, err
		}
		t = &param{kind: kindTuple, fields: fields}
	} else {
		start := p.pos
		for p.pos < len(p.s) && isIdentByte(p.s[p.pos], false) {
			p.pos++
		}
		name := p.s[start:p.pos]
		if err := checkElementary(name); err != nil {
			return nil, fmt.Errorf("type at offset %d: %v", start, err)
		}
		t = &param{kind: kindElementary, name: name}
	}
	for p.pos < len(p.s) && p.s[p.pos] == '[' {
		depth++
		if depth >= maxTypeDepth {
			return nil, fmt.Errorf("types nested deeper than %d", maxTypeDepth)
		}
		start := p.pos
		p.pos++
		for p.pos < len(p.s) && p.s[p.pos] >= '0' && p.s[p.pos] <= '9' {
			p.pos++
		}
		digits := p.s[start+1 : p.pos]
		if p.pos >= len(p.s) || p.s[p.pos] != ']' {
			return nil, fmt.Errorf("bad array suffix at offset %d", start)
		}
		p.pos++
		if digits == "" {
			t = &param{kind: kindSlice, elem: t}
			continue
		}
		n, err := strconv.Atoi(digits)
		if err != nil || n < 1 || n > maxFixedLen || digits[0] == '0' {
			return nil, fmt.Errorf("array length %q at offset %d: want 1 to %d without leading zeros", digits, start, maxFixedLen)
		}
		t = &param{kind: kindArray, elem: t, size: n}
	}
	return t, nil
}

func checkElementary(name string) error {
	switch name {
	case "":
		return fmt.Errorf("missing type")
	case "address", "bool", "string", "bytes":
		return nil
	case "uint", "int":
		return fmt.Errorf("%q is not canonical, use %s256", name, name)
	}
	for _, prefix := range []string{"uint", "int", "bytes"} {
		digits, ok := strings.CutPrefix(name, prefix)
		if !ok || digits == "" || digits[0] < '0' || digits[0] > '9' {
			continue
		}
		n, err := strconv.Atoi(digits)
		if err != nil || digits[0] == '0' {
			return fmt.Errorf("unsupported type %q", name)
		}
		if prefix == "bytes" {
			if n < 1 || n > 32 {
				return fmt.Errorf("unsupported type %q: bytesN needs 1 <= N <= 32", name)
			}
			return nil
		}
		if n < 8 || n > 256 || n%8 != 0 {
			return fmt.Errorf("unsupported type %q: %sN needs N a multiple of 8 from 8 to 256", name, prefix)
		}
		return nil
	}
	return fmt.Errorf("unsupported type %q", name)
}

// ---- argument conversion ----

// convError is a conversion failure at a path inside one argument.
type convError struct {
	path string // e.g. "[1].0"
	typ  string // ABI type of the element
	msg  string
}

func (e *convError) Error() string { return e.path + " (" + e.typ + "): " + e.msg }

func convFail(t abi.Type, path, format string, a ...any) error {
	return &convError{path: path, typ: t.String(), msg: fmt.Sprintf(format, a...)}
}

func isComposite(t abi.Type) bool {
	return t.T == abi.SliceTy || t.T == abi.ArrayTy || t.T == abi.TupleTy
}

// convertArg converts one top-level argument string to the Go value
// go-ethereum packs for t.
func convertArg(t abi.Type, arg string) (reflect.Value, error) {
	if !isComposite(t) {
		return convertLeaf(t, arg, "")
	}
	dec := json.NewDecoder(strings.NewReader(arg))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return reflect.Value{}, convFail(t, "", "want a JSON array: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return reflect.Value{}, convFail(t, "", "trailing data after the JSON array")
	}
	return convertJSON(t, v, "")
}

func convertJSON(t abi.Type, v any, path string) (reflect.Value, error) {
	switch t.T {
	case abi.SliceTy, abi.ArrayTy, abi.TupleTy:
		items, ok := v.([]any)
		if !ok {
			return reflect.Value{}, convFail(t, path, "want a JSON array, got %s", jsonKind(v))
		}
		switch t.T {
		case abi.SliceTy:
			out := reflect.MakeSlice(t.GetType(), len(items), len(items))
			for i, item := range items {
				ev, err := convertJSON(*t.Elem, item, path+"["+strconv.Itoa(i)+"]")
				if err != nil {
					return reflect.Value{}, err
				}
				out.Index(i).Set(ev)
			}
			return out, nil
		case abi.ArrayTy:
			if len(items) != t.Size {
				return reflect.Value{}, convFail(t, path, "want %d elements, got %d", t.Size, len(items))
			}
			out := reflect.New(t.GetType()).Elem()
			for i, item := range items {
				ev, err := convertJSON(*t.Elem, item, path+"["+strconv.Itoa(i)+"]")
				if err != nil {
					return reflect.Value{}, err
				}
				out.Index(i).Set(ev)
			}
			return out, nil
		default:
			if len(items) != len(t.TupleElems) {
				return reflect.Value{}, convFail(t, path, "want %d tuple fields, got %d", len(t.TupleElems), len(items))
			}
			out := reflect.New(t.TupleType).Elem()
			for i, item := range items {
				ev, err := convertJSON(*t.TupleElems[i], item, path+"."+strconv.Itoa(i))
				if err != nil {
					return reflect.Value{}, err
				}
				out.Field(i).Set(ev)
			}
			return out, nil
		}
	}
	switch x := v.(type) {
	case string:
		return convertLeaf(t, x, path)
	case json.Number:
		if t.T == abi.IntTy || t.T == abi.UintTy {
			return convertLeaf(t, x.String(), path)
		}
	case bool:
		if t.T == abi.BoolTy {
			return reflect.ValueOf(x), nil
		}
	}
	if t.T == abi.IntTy || t.T == abi.UintTy {
		return reflect.Value{}, convFail(t, path, "want a JSON number or string, got %s", jsonKind(v))
	}
	if t.T == abi.BoolTy {
		return reflect.Value{}, convFail(t, path, "want a JSON bool or string, got %s", jsonKind(v))
	}
	return reflect.Value{}, convFail(t, path, "want a JSON string, got %s", jsonKind(v))
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a bool"
	}
	return fmt.Sprintf("%T", v)
}

func convertLeaf(t abi.Type, s, path string) (reflect.Value, error) {
	switch t.T {
	case abi.IntTy, abi.UintTy:
		n, err := parseInteger(s, t.T == abi.IntTy, t.Size)
		if err != nil {
			return reflect.Value{}, convFail(t, path, "%v", err)
		}
		gt := t.GetType()
		if gt == reflect.TypeFor[*big.Int]() {
			return reflect.ValueOf(n), nil
		}
		out := reflect.New(gt).Elem()
		if t.T == abi.IntTy {
			out.SetInt(n.Int64())
		} else {
			out.SetUint(n.Uint64())
		}
		return out, nil
	case abi.BoolTy:
		switch s {
		case "true":
			return reflect.ValueOf(true), nil
		case "false":
			return reflect.ValueOf(false), nil
		}
		return reflect.Value{}, convFail(t, path, "want \"true\" or \"false\", got %q", clip(s))
	case abi.StringTy:
		return reflect.ValueOf(s), nil
	case abi.AddressTy:
		a, err := parseAddress(s)
		if err != nil {
			return reflect.Value{}, convFail(t, path, "%v", err)
		}
		return reflect.ValueOf(a), nil
	case abi.FixedBytesTy:
		b, err := parseHexBytes(s)
		if err != nil {
			return reflect.Value{}, convFail(t, path, "%v", err)
		}
		if len(b) != t.Size {
			return reflect.Value{}, convFail(t, path, "want exactly %d bytes, got %d", t.Size, len(b))
		}
		out := reflect.New(t.GetType()).Elem()
		reflect.Copy(out, reflect.ValueOf(b))
		return out, nil
	case abi.BytesTy:
		b, err := parseHexBytes(s)
		if err != nil {
			return reflect.Value{}, convFail(t, path, "%v", err)
		}
		return reflect.ValueOf(b), nil
	}
	return reflect.Value{}, convFail(t, path, "unsupported type")
}

// parseInteger parses a decimal or 0x-hex integer with an optional leading
// '-' and checks that it fits intN (signed) or uintN.
func parseInteger(s string, signed bool, bits int) (*big.Int, error) {
	digits, neg := strings.CutPrefix(s, "-")
	if neg && !signed {
		return nil, fmt.Errorf("negative value %q for an unsigned type", clip(s))
	}
	base := 10
	if h, ok := cutHexPrefix(digits); ok {
		digits, base = h, 16
	}
	if digits == "" {
		return nil, fmt.Errorf("want a decimal or 0x-hex integer, got %q", clip(s))
	}
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		if !(c >= '0' && c <= '9' || base == 16 && isHexLetter(c)) {
			return nil, fmt.Errorf("want a decimal or 0x-hex integer, got %q", clip(s))
		}
	}
	if sig := strings.TrimLeft(digits, "0"); len(sig) > maxNumberDigits {
		return nil, fmt.Errorf("integer %q out of range", clip(s))
	}
	n, ok := new(big.Int).SetString(digits, base)
	if !ok {
		return nil, fmt.Errorf("want a decimal or 0x-hex integer, got %q", clip(s))
	}
	if neg {
		n.Neg(n)
	}
	var lo, hi *big.Int
	if signed {
		hi = new(big.Int).Lsh(big.NewInt(1), uint(bits-1))
		lo = new(big.Int).Neg(hi)
		hi.Sub(hi, big.NewInt(1))
	} else {
		lo = new(big.Int)
		hi = new(big.Int).Lsh(big.NewInt(1), uint(bits))
		hi.Sub(hi, big.NewInt(1))
	}
	if n.Cmp(lo) < 0 || n.Cmp(hi) > 0 {
		return nil, fmt.Errorf("%s out of range [%s, %s]", clip(s), lo, hi)
	}
	return n, nil
}

func cutHexPrefix(s string) (string, bool) {
	if len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		return s[2:], true
	}
	return s, false
}

func isHexLetter(c byte) bool { return c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// parseAddress accepts "0x" and 40 hex digits; a mixed-case address must carry
// a valid EIP-55 checksum.
func parseAddress(s string) (common.Address, error) {
	h, ok := cutHexPrefix(s)
	if !ok || len(h) != 40 {
		return common.Address{}, fmt.Errorf("want 0x and 40 hex digits, got %q", clip(s))
	}
	b, err := hex.DecodeString(h)
	if err != nil {
		return common.Address{}, fmt.Errorf("want 0x and 40 hex digits, got %q", clip(s))
	}
	a := common.BytesToAddress(b)
	if h != strings.ToLower(h) && h != strings.ToUpper(h) && a.Hex()[2:] != h {
		return common.Address{}, fmt.Errorf("bad EIP-55 checksum in %s (want %s)", s, a.Hex())
	}
	return a, nil
}

// parseHexBytes accepts "0x" and an even number of hex digits.
func parseHexBytes(s string) ([]byte, error) {
	h, ok := cutHexPrefix(s)
	if !ok {
		return nil, fmt.Errorf("want 0x-prefixed hex, got %q", clip(s))
	}
	if len(h)%2 != 0 {
		return nil, fmt.Errorf("odd number of hex digits in %q", clip(s))
	}
	b, err := hex.DecodeString(h)
	if err != nil {
		return nil, fmt.Errorf("bad hex in %q", clip(s))
	}
	return b, nil
}

// clip shortens s for an error message.
func clip(s string) string {
	const maxLen = 80
	if len(s) <= maxLen {
		return s
	}
	return s[:maxLen] + "…"
}
