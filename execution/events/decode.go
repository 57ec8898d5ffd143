package events

import (
	"errors"
	"fmt"
	"math/big"
	"reflect"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
)

// maxDecodeCost bounds the work and memory of decoding one log's data: one
// unit per decoded value, plus one per 32 bytes of copied string. ABI
// offsets let a few kilobytes of data describe nested arrays that share their
// elements, which would decode to gigabytes; the budget rejects them first.
const maxDecodeCost = 1 << 17

// errDecoderPanic marks a panic of go-ethereum's decoder turned into an
// error: a hostile log must not crash the node (a crash loop, since the log
// would be read again after the restart). The fuzz test fails on it.
var errDecoderPanic = errors.New("decoder panicked")

// decodeData decodes the non-indexed values of a log from its data.
func decodeData(args abi.Arguments, data []byte) (vals []any, err error) {
	if len(args) == 0 {
		return nil, nil
	}
	if len(data) == 0 {
		return nil, errors.New("empty data, want the non-indexed parameters")
	}
	budget := maxDecodeCost
	index := 0
	for _, a := range args {
		if err := walk(a.Type, data, index, &budget); err != nil {
			return nil, err
		}
		index += headSize(a.Type)
	}
	defer func() {
		if r := recover(); r != nil {
			vals, err = nil, fmt.Errorf("%w: %v", errDecoderPanic, r)
		}
	}()
	vals, err = args.UnpackValues(data)
	if err != nil {
		return nil, err
	}
	if len(vals) != len(args) {
		return nil, fmt.Errorf("decoded %d values, want %d", len(vals), len(args))
	}
	for i, a := range args {
		if err := checkRange(a.Type, vals[i]); err != nil {
			return nil, fmt.Errorf("value %d: %v", i, err)
		}
	}
	return vals, nil
}

// decodeWord decodes the topic of an indexed value-type parameter.
func decodeWord(t abi.Type, word common.Hash) (v any, err error) {
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, fmt.Errorf("%w: %v", errDecoderPanic, r)
		}
	}()
	vals, err := abi.Arguments{{Type: t}}.UnpackValues(word[:])
	if err != nil {
		return nil, err
	}
	if len(vals) != 1 {
		return nil, fmt.Errorf("decoded %d values, want 1", len(vals))
	}
	if err := checkRange(t, vals[0]); err != nil {
		return nil, err
	}
	return vals[0], nil
}

// checkRange rejects an integer outside its type's range: go-ethereum checks
// only the Go-native widths (8, 16, 32, 64 bits) and returns others as they
// are in the word.
func checkRange(t abi.Type, v any) error {
	if t.T != abi.IntTy && t.T != abi.UintTy {
		return nil
	}
	n, err := toBig(v)
	if err != nil {
		return err
	}
	var lo, hi *big.Int
	if t.T == abi.IntTy {
		hi = new(big.Int).Lsh(big.NewInt(1), uint(t.Size-1))
		lo = new(big.Int).Neg(hi)
		hi.Sub(hi, big.NewInt(1))
	} else {
		lo = new(big.Int)
		hi = new(big.Int).Lsh(big.NewInt(1), uint(t.Size))
		hi.Sub(hi, big.NewInt(1))
	}
	if n.Cmp(lo) < 0 || n.Cmp(hi) > 0 {
		return fmt.Errorf("%s value out of range", t)
	}
	return nil
}

// toBig converts a decoded integer to a big.Int.
func toBig(v any) (*big.Int, error) {
	switch x := v.(type) {
	case *big.Int:
		if x == nil {
			return nil, errors.New("nil integer")
		}
		return x, nil
	case uint8:
		return new(big.Int).SetUint64(uint64(x)), nil
	case uint16:
		return new(big.Int).SetUint64(uint64(x)), nil
	case uint32:
		return new(big.Int).SetUint64(uint64(x)), nil
	case uint64:
		return new(big.Int).SetUint64(x), nil
	case int8:
		return big.NewInt(int64(x)), nil
	case int16:
		return big.NewInt(int64(x)), nil
	case int32:
		return big.NewInt(int64(x)), nil
	case int64:
		return big.NewInt(x), nil
	}
	return nil, fmt.Errorf("not an integer: %T", v)
}

// inPlace returns the encoding Solidity hashes for an indexed parameter that
// is not a value type: the contents of a string or bytes value without
// length or padding; for arrays and structs the concatenation of their
// elements' encodings, each padded to a multiple of 32 bytes, without length
// prefixes or offsets; value types as their 32-byte word.
func inPlace(t abi.Type, v reflect.Value, nested bool) ([]byte, error) {
	switch t.T {
	case abi.StringTy, abi.BytesTy:
		var b []byte
		if t.T == abi.StringTy {
			b = []byte(v.String())
		} else {
			b = v.Bytes()
		}
		if nested && len(b)%32 != 0 {
			b = append(b, make([]byte, 32-len(b)%32)...)
		}
		return b, nil
	case abi.SliceTy, abi.ArrayTy:
		var out []byte
		for i := range v.Len() {
			b, err := inPlace(*t.Elem, v.Index(i), true)
			if err != nil {
				return nil, err
			}
			out = append(out, b...)
		}
		return out, nil
	case abi.TupleTy:
		var out []byte
		for i, et := range t.TupleElems {
			b, err := inPlace(*et, v.Field(i), true)
			if err != nil {
				return nil, err
			}
			out = append(out, b...)
		}
		return out, nil
	}
	return abi.Arguments{{Type: t}}.Pack(v.Interface())
}

// ---- decoding budget ----
//
// walk follows the layout go-ethereum's decoder (accounts/abi toGoType)
// reads, without building values, and spends from budget what decoding
// would allocate. It fails where the decoder would fail for lack of data,
// and when the budget runs out.

func isDynamic(t abi.Type) bool {
	switch t.T {
	case abi.StringTy, abi.BytesTy, abi.SliceTy:
		return true
	case abi.ArrayTy:
		return isDynamic(*t.Elem)
	case abi.TupleTy:
		for _, e := range t.TupleElems {
			if isDynamic(*e) {
				return true
			}
		}
	}
	return false
}

// headSize is the bytes t occupies in its enclosing head: its in-place size
// for static arrays and tuples, else one word.
func headSize(t abi.Type) int {
	if isDynamic(t) {
		return 32
	}
	switch t.T {
	case abi.ArrayTy:
		return t.Size * headSize(*t.Elem)
	case abi.TupleTy:
		n := 0
		for _, e := range t.TupleElems {
			n += headSize(*e)
		}
		return n
	}
	return 32
}

var errBudget = fmt.Errorf("decoding would take more than %d values", maxDecodeCost)

func spend(budget *int, n int) error {
	if n < 0 || n > *budget {
		*budget = 0
		return errBudget
	}
	*budget -= n
	return nil
}

// word reads the 32-byte word at index as an offset or length; ok is false
// when it does not fit an int.
func word(out []byte, index int) (int, bool) {
	w := out[index : index+32]
	for _, b := range w[:24] {
		if b != 0 {
			return 0, false
		}
	}
	var n uint64
	for _, b := range w[24:] {
		n = n<<8 | uint64(b)
	}
	if n > 1<<40 {
		return 0, false
	}
	return int(n), true
}

func walk(t abi.Type, out []byte, index int, budget *int) error {
	if err := spend(budget, 1); err != nil {
		return err
	}
	if index < 0 || index > len(out)-32 {
		return fmt.Errorf("data too short for %s at offset %d", t, index)
	}
	switch t.T {
	case abi.StringTy, abi.BytesTy, abi.SliceTy:
		offset, ok := word(out, index)
		if !ok || offset > len(out)-32 {
			return fmt.Errorf("offset of %s out of bounds", t)
		}
		length, ok := word(out, offset)
		begin := offset + 32
		if !ok || length > len(out)-begin {
			return fmt.Errorf("length of %s out of bounds", t)
		}
		switch t.T {
		case abi.StringTy:
			return spend(budget, length/32)
		case abi.BytesTy:
			return nil // a sub-slice of the data, not a copy
		}
		return walkElems(t, out[begin:], length, budget)
	case abi.ArrayTy:
		if isDynamic(*t.Elem) {
			// go-ethereum reads the offset from the word's last 8 bytes.
			var offset uint64
			for _, b := range out[index+24 : index+32] {
				offset = offset<<8 | uint64(b)
			}
			if offset > uint64(len(out)) {
				return fmt.Errorf("offset of %s out of bounds", t)
			}
			return walkElems(t, out[offset:], t.Size, budget)
		}
		return walkElems(t, out[index:], t.Size, budget)
	case abi.TupleTy:
		sub := out[index:]
		if isDynamic(t) {
			offset, ok := word(out, index)
			if !ok || offset > len(out) {
				return fmt.Errorf("offset of %s out of bounds", t)
			}
			sub = out[offset:]
		}
		pos := 0
		for _, e := range t.TupleElems {
			if err := walk(*e, sub, pos, budget); err != nil {
				return err
			}
			pos += headSize(*e)
		}
	}
	return nil
}

func walkElems(t abi.Type, out []byte, n int, budget *int) error {
	if n > len(out)/32 {
		return fmt.Errorf("%s of %d elements exceeds the data", t, n)
	}
	if err := spend(budget, n); err != nil {
		return err
	}
	size := headSize(*t.Elem)
	for j := range n {
		if err := walk(*t.Elem, out, j*size, budget); err != nil {
			return err
		}
	}
	return nil
}
