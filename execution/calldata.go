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

	"github.com/triggerx-network/triggerx/execution/abitype"
)

// Limits on what EncodeCall accepts. Signatures and arguments come from job
// definitions, i.e. from users; the limits keep a hostile definition from
// making the node build huge types or numbers. The limits on types (nesting,
// array lengths, fixed-size values) are abitype's.
const (
	maxSignatureLen = 4096 // bytes of the function signature
	maxNumberDigits = 80   // significant digits of an integer argument
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
		typ, comps := p.Marshaling()
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

func parseFunction(function string) ([]*abitype.Type, error) {
	params, err := parseSignature(function)
	if err != nil {
		return nil, fmt.Errorf("%w %q: %v", ErrInvalidFunction, function, err)
	}
	return params, nil
}

func parseSignature(s string) ([]*abitype.Type, error) {
	if len(s) > maxSignatureLen {
		return nil, fmt.Errorf("longer than %d bytes", maxSignatureLen)
	}
	p := &abitype.Parser{S: s, Syntax: abitype.Canonical}
	if p.Ident() == "" {
		return nil, fmt.Errorf("want a function name at offset 0")
	}
	if p.Pos == len(s) || s[p.Pos] != '(' {
		return nil, fmt.Errorf("want '(' at offset %d", p.Pos)
	}
	params, err := p.List()
	if err != nil {
		return nil, err
	}
	if p.Pos != len(s) {
		return nil, fmt.Errorf("unexpected %q at offset %d", s[p.Pos:], p.Pos)
	}
	total := 0
	for _, q := range params {
		total += q.FixedElems()
		if total > abitype.MaxFixedElems {
			return nil, fmt.Errorf("fixed-size arrays hold more than %d values", abitype.MaxFixedElems)
		}
	}
	return params, nil
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
