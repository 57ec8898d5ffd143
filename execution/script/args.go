package script

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"reflect"
	"strconv"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/triggerx-network/triggerx/execution"
	"github.com/triggerx-network/triggerx/execution/abitype"
)

// parseArguments reads the 2/4/6 shape: "arguments" is a JSON array with
// one element per parameter of function. An element is, by parameter type:
//
//   - uintN, intN: a JSON number (an integer literal, kept exactly as
//     written) or a string as execution.EncodeCall takes it ("42", "0x2a");
//   - bool: a JSON bool, or "true"/"false";
//   - arrays and tuples: a JSON array, or a string holding one;
//   - address, bytes, bytesN, string: a JSON string.
//
// Anything else (null, objects, a number for a string parameter) is
// rejected with ErrOutputBadArgument.
func parseArguments(function string, fields map[string]json.RawMessage) (Output, error) {
	raw, ok := fields["arguments"]
	if !ok {
		return Output{}, fmt.Errorf("%w: arguments", ErrOutputMissingField)
	}
	if raw[0] != '[' {
		return Output{}, fmt.Errorf("%w: arguments must be an array, got %s", ErrOutputBadField, jsonKind(raw))
	}
	var elems []json.RawMessage
	if err := json.Unmarshal(raw, &elems); err != nil {
		return Output{}, fmt.Errorf("%w: arguments: %v", ErrOutputBadField, err)
	}
	types, err := paramTypes(function)
	if err != nil {
		return Output{}, err
	}
	if len(elems) != len(types) {
		return Output{}, fmt.Errorf("%w: %s takes %d arguments, got %d", ErrOutputBadArgument, function, len(types), len(elems))
	}
	args := make([]string, len(elems))
	for i, e := range elems {
		if args[i], err = argString(types[i], e); err != nil {
			return Output{}, fmt.Errorf("%w %d (%s): %v", ErrOutputBadArgument, i, types[i].Type, err)
		}
	}
	calldata, err := execution.EncodeCall(function, args)
	if err != nil {
		return Output{}, fmt.Errorf("%w: %w", ErrOutputBadArgument, err)
	}
	canonical, err := canonicalArgs(types, calldata)
	if err != nil {
		return Output{}, err
	}
	return Output{ShouldExecute: true, Calldata: calldata, Arguments: canonical}, nil
}

// paramTypes returns the ABI types of function's parameters. An invalid
// signature is the job's fault, reported as execution.ErrInvalidFunction.
func paramTypes(function string) (abi.Arguments, error) {
	if _, err := execution.Selector(function); err != nil {
		return nil, err
	}
	p := &abitype.Parser{S: function, Syntax: abitype.Canonical}
	p.Ident()
	params, err := p.List()
	if err != nil {
		return nil, fmt.Errorf("%w %q: %v", execution.ErrInvalidFunction, function, err)
	}
	out := make(abi.Arguments, len(params))
	for i, q := range params {
		typ, comps := q.Marshaling()
		t, err := abi.NewType(typ, "", comps)
		if err != nil {
			return nil, fmt.Errorf("%w %q: parameter %d: %v", execution.ErrInvalidFunction, function, i, err)
		}
		out[i] = abi.Argument{Type: t}
	}
	return out, nil
}

// argString turns one JSON element into the string EncodeCall takes.
func argString(arg abi.Argument, e json.RawMessage) (string, error) {
	t := arg.Type
	composite := t.T == abi.SliceTy || t.T == abi.ArrayTy || t.T == abi.TupleTy
	switch c := e[0]; {
	case c == '"':
		var s string
		if err := json.Unmarshal(e, &s); err != nil {
			return "", err
		}
		return s, nil
	case c == '-' || c >= '0' && c <= '9':
		if t.T == abi.IntTy || t.T == abi.UintTy {
			return string(e), nil // the literal, exactly as written
		}
	case c == 't' || c == 'f':
		if t.T == abi.BoolTy {
			return string(e), nil
		}
	case c == '[':
		if composite {
			var b bytes.Buffer
			if err := json.Compact(&b, e); err != nil {
				return "", err
			}
			return b.String(), nil
		}
	}
	return "", fmt.Errorf("unexpected %s", jsonKind(e))
}

// canonicalArgs decodes calldata (selector and arguments) back into the
// canonical argument strings.
func canonicalArgs(types abi.Arguments, calldata []byte) ([]string, error) {
	values, err := types.UnpackValues(calldata[4:])
	if err != nil {
		return nil, fmt.Errorf("decode own calldata: %w", err)
	}
	out := make([]string, len(values))
	for i, v := range values {
		c := canonical(types[i].Type, reflect.ValueOf(v))
		if s, ok := c.(string); ok {
			out[i] = s
			continue
		}
		b, err := json.Marshal(c)
		if err != nil {
			return nil, fmt.Errorf("encode argument %d: %w", i, err)
		}
		out[i] = string(b)
	}
	return out, nil
}

// canonical returns a value's canonical form: a string for a leaf (bool
// included), a []any of the elements' forms for an array or a tuple, in
// which bools are JSON bools.
func canonical(t abi.Type, v reflect.Value) any {
	switch t.T {
	case abi.SliceTy, abi.ArrayTy:
		items := make([]any, v.Len())
		for i := range items {
			items[i] = nested(*t.Elem, v.Index(i))
		}
		return items
	case abi.TupleTy:
		items := make([]any, len(t.TupleElems))
		for i := range items {
			items[i] = nested(*t.TupleElems[i], v.Field(i))
		}
		return items
	case abi.IntTy, abi.UintTy:
		if n, ok := v.Interface().(*big.Int); ok {
			return n.String()
		}
		if t.T == abi.IntTy {
			return strconv.FormatInt(v.Int(), 10)
		}
		return strconv.FormatUint(v.Uint(), 10)
	case abi.BoolTy:
		return strconv.FormatBool(v.Bool())
	case abi.AddressTy:
		return v.Interface().(common.Address).Hex()
	case abi.FixedBytesTy:
		b := make([]byte, v.Len())
		reflect.Copy(reflect.ValueOf(b), v)
		return hexutil.Encode(b)
	case abi.BytesTy:
		return hexutil.Encode(v.Bytes())
	}
	return v.String() // abi.StringTy
}

func nested(t abi.Type, v reflect.Value) any {
	if t.T == abi.BoolTy {
		return v.Bool()
	}
	return canonical(t, v)
}
