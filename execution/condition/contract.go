package condition

import (
	"context"
	"fmt"
	"math/big"
	"reflect"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/execution"
)

// Limits of an output list, like those EncodeCall puts on inputs.
const (
	maxOutputSigLen = 4096
	maxOutputDepth  = 16
	maxFixedLen     = 1024 // length of one fixed-size array T[k]
	maxFixedElems   = 1 << 16
)

// ContractSource reads one output of a view call. The reading records the
// block it was read at, so that attesters can read again at the same block
// (ReadAt) and compare.
//
// A ContractSource keeps no state besides its configuration and is safe for
// concurrent use.
type ContractSource struct {
	chain   execution.Chain
	to      common.Address
	data    []byte
	outputs abi.Arguments
	index   int
}

// hashCaller is implemented by *ethclient.Client: a call pinned to a block
// hash, immune to a reorganization between reading the header and calling.
type hashCaller interface {
	CallContractAtHash(ctx context.Context, msg ethereum.CallMsg, blockHash common.Hash) ([]byte, error)
}

// NewContractSource builds the source of src (Kind contract) on chain.
// src.Function is "name(inputs)(outputs)", e.g.
// "balanceOf(address)(uint256)" or
// "latestRoundData()(uint80,int256,uint256,uint256,uint80)": the input part
// is canonical as execution.EncodeCall wants it and is encoded with
// src.Arguments; src.Output picks the output, which must be an intN, a uintN
// or a bool (read as 1 or 0).
func NewContractSource(src attestation.ValueSource, chain execution.Chain) (*ContractSource, error) {
	bad := func(format string, a ...any) (*ContractSource, error) {
		return nil, fmt.Errorf("%w: contract %s: %s", ErrInvalidSource, src.Function, fmt.Sprintf(format, a...))
	}
	if chain == nil {
		return bad("no chain client")
	}
	inputs, outputs, err := splitFunction(src.Function)
	if err != nil {
		return bad("%v", err)
	}
	data, err := execution.EncodeCall(inputs, src.Arguments)
	if err != nil {
		return bad("%v", err)
	}
	args, err := parseOutputs(outputs)
	if err != nil {
		return bad("outputs: %v", err)
	}
	if int64(src.Output) >= int64(len(args)) {
		return bad("output %d out of range: the function returns %d values", src.Output, len(args))
	}
	switch t := args[src.Output].Type; t.T {
	case abi.IntTy, abi.UintTy, abi.BoolTy:
	default:
		return bad("output %d is a %s; want an integer or a bool", src.Output, t)
	}
	return &ContractSource{chain: chain, to: src.Contract, data: data, outputs: args, index: int(src.Output)}, nil
}

// Read calls the function at the latest block.
func (s *ContractSource) Read(ctx context.Context) (Reading, error) {
	h, err := s.chain.HeaderByNumber(ctx, nil)
	if err != nil {
		return Reading{}, fmt.Errorf("read latest header: %w", err)
	}
	return s.readAt(ctx, h)
}

// ReadAt calls the function at block number block. The reading carries the
// block's hash: an attester compares it with the recorded one, since the
// block may have been replaced.
func (s *ContractSource) ReadAt(ctx context.Context, block uint64) (Reading, error) {
	h, err := s.chain.HeaderByNumber(ctx, new(big.Int).SetUint64(block))
	if err != nil {
		return Reading{}, fmt.Errorf("read header %d: %w", block, err)
	}
	return s.readAt(ctx, h)
}

func (s *ContractSource) readAt(ctx context.Context, h *types.Header) (Reading, error) {
	msg := ethereum.CallMsg{To: &s.to, Data: s.data}
	hash, num := h.Hash(), h.Number
	var (
		ret []byte
		err error
	)
	if hc, ok := s.chain.(hashCaller); ok {
		ret, err = hc.CallContractAtHash(ctx, msg, hash)
	} else {
		ret, err = s.chain.CallContract(ctx, msg, num)
		if err == nil {
			// The call names the block by number: make sure it is still
			// the block whose hash the reading records.
			var again *types.Header
			if again, err = s.chain.HeaderByNumber(ctx, num); err == nil && again.Hash() != hash {
				return Reading{}, fmt.Errorf("call %s at block %d: %w", s.to, num, ErrBlockChanged)
			}
		}
	}
	if err != nil {
		return Reading{}, fmt.Errorf("call %s at block %d: %w", s.to, num, err)
	}
	if len(ret) == 0 {
		return Reading{}, fmt.Errorf("call %s at block %d: no return data (no contract at the address?)", s.to, num)
	}
	vals, err := s.outputs.UnpackValues(ret)
	if err != nil {
		return Reading{}, fmt.Errorf("decode return data of %s at block %d: %w", s.to, num, err)
	}
	v, err := numericOutput(vals[s.index])
	if err != nil {
		return Reading{}, fmt.Errorf("decode return data of %s at block %d: %w", s.to, num, err)
	}
	return Reading{Value: v, BlockNumber: num.Uint64(), BlockHash: hash}, nil
}

// numericOutput converts an unpacked integer or bool exactly.
func numericOutput(x any) (Value, error) {
	switch v := x.(type) {
	case *big.Int:
		return IntValue(v), nil
	case bool:
		if v {
			return IntValue(big.NewInt(1)), nil
		}
		return Value{}, nil
	}
	rv := reflect.ValueOf(x)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return IntValue(big.NewInt(rv.Int())), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return IntValue(new(big.Int).SetUint64(rv.Uint())), nil
	}
	return Value{}, fmt.Errorf("output of Go type %T is not a number", x)
}

// splitFunction splits "name(inputs)(outputs)" into "name(inputs)" and
// "outputs".
func splitFunction(fn string) (inputs, outputs string, err error) {
	if len(fn) > maxOutputSigLen {
		return "", "", fmt.Errorf("signature longer than %d bytes", maxOutputSigLen)
	}
	open := strings.IndexByte(fn, '(')
	if open < 0 {
		return "", "", fmt.Errorf("want name(inputs)(outputs)")
	}
	end, err := closing(fn, open)
	if err != nil {
		return "", "", err
	}
	inputs, rest := fn[:end+1], fn[end+1:]
	if rest == "" {
		return "", "", fmt.Errorf("missing the outputs: want name(inputs)(outputs)")
	}
	if rest[0] != '(' {
		return "", "", fmt.Errorf("want '(' after the inputs, got %q", clip(rest))
	}
	if e, err := closing(rest, 0); err != nil || e != len(rest)-1 {
		return "", "", fmt.Errorf("want the outputs in one parenthesized list, got %q", clip(rest))
	}
	if rest == "()" {
		return "", "", fmt.Errorf("the function returns nothing")
	}
	return inputs, rest[1 : len(rest)-1], nil
}

// closing returns the index of the ')' matching the '(' at open.
func closing(s string, open int) (int, error) {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
			if depth > maxOutputDepth {
				return 0, fmt.Errorf("types nested deeper than %d", maxOutputDepth)
			}
		case ')':
			depth--
			if depth == 0 {
				return i, nil
			}
		}
	}
	return 0, fmt.Errorf("missing ')'")
}

// splitTopLevel splits a type list at the commas outside parentheses.
func splitTopLevel(list string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(list); i++ {
		switch list[i] {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				parts = append(parts, list[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, list[start:])
}

// parseOutputs parses a comma-separated list of ABI types such as
// "uint80,int256,(address,uint256)[]".
func parseOutputs(list string) (abi.Arguments, error) {
	parts := splitTopLevel(list)
	args := make(abi.Arguments, len(parts))
	total := 0
	for i, p := range parts {
		typ, comps, n, err := outputMarshaling(p, 0)
		if err != nil {
			return nil, fmt.Errorf("output %d: %v", i, err)
		}
		if total += n; total > maxFixedElems {
			return nil, fmt.Errorf("fixed-size arrays hold more than %d values", maxFixedElems)
		}
		t, err := abi.NewType(typ, "", comps)
		if err != nil {
			return nil, fmt.Errorf("output %d: %v", i, err)
		}
		args[i] = abi.Argument{Type: t}
	}
	return args, nil
}

// outputMarshaling returns one type in the form abi.NewType takes (tuple
// fields named f0, f1, …) and how many values its fixed-size parts hold,
// which bounds the Go types go-ethereum builds for it.
func outputMarshaling(s string, depth int) (string, []abi.ArgumentMarshaling, int, error) {
	if depth > maxOutputDepth {
		return "", nil, 0, fmt.Errorf("types nested deeper than %d", maxOutputDepth)
	}
	if s == "" {
		return "", nil, 0, fmt.Errorf("missing type")
	}
	if s[0] != '(' {
		base, suffix, _ := strings.Cut(s, "[")
		if suffix != "" || strings.HasSuffix(s, "[") {
			suffix = "[" + suffix
		}
		if err := checkElementary(base); err != nil {
			return "", nil, 0, err
		}
		n, err := arraySuffix(suffix, depth)
		if err != nil {
			return "", nil, 0, fmt.Errorf("type %q: %v", clip(s), err)
		}
		return s, nil, n, nil
	}
	end, err := closing(s, 0)
	if err != nil {
		return "", nil, 0, err
	}
	inner, suffix := s[1:end], s[end+1:]
	mult, err := arraySuffix(suffix, depth)
	if err != nil {
		return "", nil, 0, fmt.Errorf("type %q: %v", clip(s), err)
	}
	if inner == "" {
		return "", nil, 0, fmt.Errorf("empty tuple")
	}
	fields := splitTopLevel(inner)
	comps := make([]abi.ArgumentMarshaling, len(fields))
	n := 0
	for i, f := range fields {
		typ, sub, fn, err := outputMarshaling(f, depth+1)
		if err != nil {
			return "", nil, 0, err
		}
		if n += fn; n > maxFixedElems {
			return "", nil, 0, fmt.Errorf("fixed-size arrays hold more than %d values", maxFixedElems)
		}
		comps[i] = abi.ArgumentMarshaling{Name: "f" + strconv.Itoa(i), Type: typ, Components: sub}
	}
	if n*mult > maxFixedElems {
		return "", nil, 0, fmt.Errorf("fixed-size arrays hold more than %d values", maxFixedElems)
	}
	return "tuple" + suffix, comps, n * mult, nil
}

// arraySuffix checks a sequence of "[k]" and "[]" and returns the product of
// the fixed lengths.
func arraySuffix(s string, depth int) (int, error) {
	mult := 1
	for s != "" {
		if depth++; depth > maxOutputDepth {
			return 0, fmt.Errorf("types nested deeper than %d", maxOutputDepth)
		}
		end := strings.IndexByte(s, ']')
		if s[0] != '[' || end < 0 {
			return 0, fmt.Errorf("bad array suffix %q", clip(s))
		}
		digits := s[1:end]
		s = s[end+1:]
		if digits == "" {
			continue
		}
		n, ok := arrayIndex(digits)
		if !ok || n < 1 || n > maxFixedLen || digits[0] == '0' {
			return 0, fmt.Errorf("array length %q: want 1 to %d without leading zeros", clip(digits), maxFixedLen)
		}
		if mult *= n; mult > maxFixedElems {
			return 0, fmt.Errorf("fixed-size arrays hold more than %d values", maxFixedElems)
		}
	}
	return mult, nil
}

// checkElementary accepts the canonical elementary ABI types.
func checkElementary(name string) error {
	switch name {
	case "address", "bool", "string", "bytes":
		return nil
	case "uint", "int":
		return fmt.Errorf("type %q is not canonical, use %s256", name, name)
	}
	for _, prefix := range []string{"uint", "int", "bytes"} {
		digits, ok := strings.CutPrefix(name, prefix)
		if !ok {
			continue
		}
		n, ok := arrayIndex(digits)
		if !ok || digits[0] == '0' {
			break
		}
		if prefix == "bytes" && n >= 1 && n <= 32 || prefix != "bytes" && n >= 8 && n <= 256 && n%8 == 0 {
			return nil
		}
	}
	return fmt.Errorf("unsupported type %q", clip(name))
}
