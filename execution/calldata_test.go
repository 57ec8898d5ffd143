package execution_test

import (
	"bytes"
	"encoding/hex"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/execution"
)

// EIP-55 test vector.
const checksummed = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"

func unhex(t *testing.T, words ...string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.Join(words, ""))
	require.NoError(t, err)
	return b
}

func bigInt(t *testing.T, s string) *big.Int {
	t.Helper()
	n, ok := new(big.Int).SetString(s, 0)
	require.True(t, ok, s)
	return n
}

// pack encodes a call the independent way: go-ethereum's ABI from JSON-ish
// argument descriptions and Go values.
func pack(t *testing.T, function string, args []abi.ArgumentMarshaling, values ...any) []byte {
	t.Helper()
	var arguments abi.Arguments
	for _, a := range args {
		typ, err := abi.NewType(a.Type, "", a.Components)
		require.NoError(t, err)
		arguments = append(arguments, abi.Argument{Type: typ})
	}
	out, err := arguments.Pack(values...)
	require.NoError(t, err)
	return append(crypto.Keccak256([]byte(function))[:4], out...)
}

func ty(s string, comps ...abi.ArgumentMarshaling) abi.ArgumentMarshaling {
	return abi.ArgumentMarshaling{Type: s, Components: comps}
}

func field(name, s string, comps ...abi.ArgumentMarshaling) abi.ArgumentMarshaling {
	return abi.ArgumentMarshaling{Name: name, Type: s, Components: comps}
}

func TestEncodeCallHandComputed(t *testing.T) {
	const (
		one  = "0000000000000000000000000000000000000000000000000000000000000001"
		ones = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
		addr = "0000000000000000000000005aaeb6053f3e94c9b9a09f33669435e7ef1beaed"
	)
	tests := []struct {
		name     string
		function string
		args     []string
		want     []byte
	}{
		{
			name:     "no arguments",
			function: "g()",
			want:     unhex(t, "e2179b8e"),
		},
		{
			name:     "transfer",
			function: "transfer(address,uint256)",
			args:     []string{checksummed, "1000000000000000000000"},
			want: unhex(t, "a9059cbb", addr,
				"00000000000000000000000000000000000000000000003635c9adc5dea00000"),
		},
		{
			name:     "transfer lower-case address and hex amount",
			function: "transfer(address,uint256)",
			args:     []string{strings.ToLower(checksummed), "0x3635C9ADC5DEA00000"},
			want: unhex(t, "a9059cbb", addr,
				"00000000000000000000000000000000000000000000003635c9adc5dea00000"),
		},
		{
			name:     "negative int, bool, string",
			function: "set(int8,bool,string)",
			args:     []string{"-1", "true", "hi"},
			want: unhex(t, "5b1618e4", ones, one,
				"0000000000000000000000000000000000000000000000000000000000000060",
				"0000000000000000000000000000000000000000000000000000000000000002",
				"6869000000000000000000000000000000000000000000000000000000000000"),
		},
		{
			name:     "dynamic array, bytes32, tuple",
			function: "f(uint8[],bytes32,(uint256,address))",
			args:     []string{`["1", 2]`, "0x" + strings.Repeat("11", 32), `["5","` + checksummed + `"]`},
			want: unhex(t, "7875ff81",
				"0000000000000000000000000000000000000000000000000000000000000080",
				strings.Repeat("11", 32),
				"0000000000000000000000000000000000000000000000000000000000000005",
				addr,
				"0000000000000000000000000000000000000000000000000000000000000002",
				one,
				"0000000000000000000000000000000000000000000000000000000000000002"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := execution.EncodeCall(tt.function, tt.args)
			require.NoError(t, err)
			require.Equal(t, hex.EncodeToString(tt.want), hex.EncodeToString(got))
		})
	}
}

func TestEncodeCallMatchesPack(t *testing.T) {
	addr := common.HexToAddress(checksummed)
	maxU256 := bigInt(t, "0x"+strings.Repeat("f", 64))
	minI256 := new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), 255))
	type pair struct {
		A *big.Int
		B common.Address
	}
	type item struct {
		Ok   bool
		Name string
	}
	pairT := ty("tuple", field("a", "uint256"), field("b", "address"))
	itemsT := ty("tuple[]", field("ok", "bool"), field("name", "string"))

	tests := []struct {
		name     string
		function string
		args     []string
		types    []abi.ArgumentMarshaling
		values   []any
	}{
		{"uint256 max decimal", "f(uint256)", []string{maxU256.String()},
			[]abi.ArgumentMarshaling{ty("uint256")}, []any{maxU256}},
		{"uint256 max hex", "f(uint256)", []string{"0x" + strings.Repeat("F", 64)},
			[]abi.ArgumentMarshaling{ty("uint256")}, []any{maxU256}},
		{"int256 min", "f(int256)", []string{"-0x8" + strings.Repeat("0", 63)},
			[]abi.ArgumentMarshaling{ty("int256")}, []any{minI256}},
		{"small widths", "f(uint8,int8,uint16,int32,uint64,int64,uint24)",
			[]string{"255", "-128", "0xffff", "-2147483648", "18446744073709551615", "-9223372036854775808", "16777215"},
			[]abi.ArgumentMarshaling{ty("uint8"), ty("int8"), ty("uint16"), ty("int32"), ty("uint64"), ty("int64"), ty("uint24")},
			[]any{uint8(255), int8(-128), uint16(0xffff), int32(-2147483648), uint64(18446744073709551615),
				int64(-9223372036854775808), big.NewInt(16777215)}},
		{"leading zeros", "f(uint8)", []string{"000255"},
			[]abi.ArgumentMarshaling{ty("uint8")}, []any{uint8(255)}},
		{"negative zero", "f(int8)", []string{"-0"},
			[]abi.ArgumentMarshaling{ty("int8")}, []any{int8(0)}},
		{"bools", "f(bool,bool)", []string{"true", "false"},
			[]abi.ArgumentMarshaling{ty("bool"), ty("bool")}, []any{true, false}},
		{"string verbatim", "f(string)", []string{` "quoted", [json] `},
			[]abi.ArgumentMarshaling{ty("string")}, []any{` "quoted", [json] `}},
		{"bytes", "f(bytes,bytes,bytes1,bytes32)", []string{"0x", "0xDEADbeef", "0xab", "0x" + strings.Repeat("01", 32)},
			[]abi.ArgumentMarshaling{ty("bytes"), ty("bytes"), ty("bytes1"), ty("bytes32")},
			[]any{[]byte{}, []byte{0xde, 0xad, 0xbe, 0xef}, [1]byte{0xab}, [32]byte(bytes.Repeat([]byte{1}, 32))}},
		{"precision: JSON numbers beyond float64", "f(uint256[])", []string{`[123456789012345678901234567890, "0x1"]`},
			[]abi.ArgumentMarshaling{ty("uint256[]")}, []any{[]*big.Int{bigInt(t, "123456789012345678901234567890"), big.NewInt(1)}}},
		{"fixed array", "f(uint256[2])", []string{`[1,"0x2"]`},
			[]abi.ArgumentMarshaling{ty("uint256[2]")}, []any{[2]*big.Int{big.NewInt(1), big.NewInt(2)}}},
		{"nested arrays", "f(uint16[2][])", []string{`[[1,2],[3,4],[5,6]]`},
			[]abi.ArgumentMarshaling{ty("uint16[2][]")}, []any{[][2]uint16{{1, 2}, {3, 4}, {5, 6}}}},
		{"empty dynamic array", "f(address[])", []string{`[]`},
			[]abi.ArgumentMarshaling{ty("address[]")}, []any{[]common.Address{}}},
		{"string array", "f(string[])", []string{`["a","bc",""]`},
			[]abi.ArgumentMarshaling{ty("string[]")}, []any{[]string{"a", "bc", ""}}},
		{"bytes array", "f(bytes[2])", []string{`["0x01","0x"]`},
			[]abi.ArgumentMarshaling{ty("bytes[2]")}, []any{[2][]byte{{1}, {}}}},
		{"static tuple", "f((uint256,address))", []string{`["5","` + checksummed + `"]`},
			[]abi.ArgumentMarshaling{pairT}, []any{pair{big.NewInt(5), addr}}},
		{"dynamic tuple array", "f((bool,string)[],uint8)", []string{`[[true,"x"],["false","yz"]]`, "7"},
			[]abi.ArgumentMarshaling{itemsT, ty("uint8")}, []any{[]item{{true, "x"}, {false, "yz"}}, uint8(7)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := execution.EncodeCall(tt.function, tt.args)
			require.NoError(t, err)
			want := pack(t, tt.function, tt.types, tt.values...)
			require.Equal(t, hex.EncodeToString(want), hex.EncodeToString(got))
		})
	}
}

func TestEncodeCallNestedTuple(t *testing.T) {
	type inner struct {
		X []int32
		Y [2]bool
	}
	type outer struct {
		A string
		B []inner
	}
	typ := ty("tuple", field("a", "string"), field("b", "tuple[]", field("x", "int32[]"), field("y", "bool[2]")))
	fn := "h((string,(int32[],bool[2])[]))"
	got, err := execution.EncodeCall(fn, []string{`["s", [[[-1,2],[true,false]], [[], ["false","true"]]]]`})
	require.NoError(t, err)
	want := pack(t, fn, []abi.ArgumentMarshaling{typ},
		outer{"s", []inner{{[]int32{-1, 2}, [2]bool{true, false}}, {[]int32{}, [2]bool{false, true}}}})
	require.Equal(t, want, got)
}

func TestEncodeCallErrors(t *testing.T) {
	bad := checksummed[:len(checksummed)-1] + "D" // flips the case of the last letter
	tests := []struct {
		name     string
		function string
		args     []string
		sentinel error
		contains string
	}{
		{"space in signature", "transfer(address, uint256)", []string{"0x0", "1"}, execution.ErrInvalidFunction, "offset 17"},
		{"uint without width", "f(uint)", []string{"1"}, execution.ErrInvalidFunction, "use uint256"},
		{"int without width", "f(int)", []string{"1"}, execution.ErrInvalidFunction, "use int256"},
		{"odd width", "f(uint7)", []string{"1"}, execution.ErrInvalidFunction, "multiple of 8"},
		{"too wide", "f(int264)", []string{"1"}, execution.ErrInvalidFunction, "multiple of 8"},
		{"width leading zero", "f(uint08)", []string{"1"}, execution.ErrInvalidFunction, "unsupported type"},
		{"bytes33", "f(bytes33)", []string{"0x"}, execution.ErrInvalidFunction, "bytesN"},
		{"bytes0", "f(bytes0)", []string{"0x"}, execution.ErrInvalidFunction, "unsupported type"},
		{"unknown type", "f(fixed128x18)", []string{"1"}, execution.ErrInvalidFunction, "unsupported type"},
		{"function type", "f(function)", []string{"0x"}, execution.ErrInvalidFunction, "unsupported type"},
		{"zero-length array", "f(uint256[0])", []string{"[]"}, execution.ErrInvalidFunction, "array length"},
		{"array length leading zero", "f(uint256[01])", []string{"[1]"}, execution.ErrInvalidFunction, "array length"},
		{"huge array", "f(uint256[100000])", []string{"[]"}, execution.ErrInvalidFunction, "array length"},
		{"too many fixed values", "f(uint8[1000][1000])", []string{"[]"}, execution.ErrInvalidFunction, "hold more than"},
		{"empty tuple", "f(())", []string{"[]"}, execution.ErrInvalidFunction, "empty tuple"},
		{"param name", "f(uint256 x)", []string{"1"}, execution.ErrInvalidFunction, ""},
		{"unclosed", "f(uint256", []string{"1"}, execution.ErrInvalidFunction, "missing ')'"},
		{"no parens", "f", nil, execution.ErrInvalidFunction, "want '('"},
		{"no name", "(uint256)", []string{"1"}, execution.ErrInvalidFunction, "function name"},
		{"name starts with digit", "1f()", nil, execution.ErrInvalidFunction, "function name"},
		{"trailing", "f())", nil, execution.ErrInvalidFunction, "unexpected"},
		{"trailing comma", "f(uint256,)", []string{"1"}, execution.ErrInvalidFunction, "missing type"},
		{"bad suffix", "f(uint256[x])", []string{"1"}, execution.ErrInvalidFunction, "array suffix"},
		{"deep nesting", "f(" + strings.Repeat("(", 20) + "bool" + strings.Repeat(")", 20) + ")", []string{"[]"}, execution.ErrInvalidFunction, "nested deeper"},

		{"too few args", "transfer(address,uint256)", []string{checksummed}, execution.ErrInvalidArgument, "takes 2, got 1"},
		{"too many args", "g()", []string{"1"}, execution.ErrInvalidArgument, "takes 0, got 1"},
		{"uint8 overflow", "f(uint8)", []string{"256"}, execution.ErrInvalidArgument, "argument 0 (uint8): 256 out of range [0, 255]"},
		{"uint negative", "f(uint256)", []string{"-1"}, execution.ErrInvalidArgument, "negative"},
		{"int8 overflow", "f(int8)", []string{"128"}, execution.ErrInvalidArgument, "out of range [-128, 127]"},
		{"int8 underflow", "f(int8)", []string{"-129"}, execution.ErrInvalidArgument, "out of range"},
		{"uint256 overflow", "f(uint256)", []string{"0x1" + strings.Repeat("0", 64)}, execution.ErrInvalidArgument, "out of range"},
		{"many digits", "f(uint256)", []string{strings.Repeat("9", 100)}, execution.ErrInvalidArgument, "out of range"},
		{"float", "f(uint256)", []string{"1.5"}, execution.ErrInvalidArgument, "integer"},
		{"exponent", "f(uint256)", []string{"1e3"}, execution.ErrInvalidArgument, "integer"},
		{"empty integer", "f(uint256)", []string{""}, execution.ErrInvalidArgument, "integer"},
		{"empty hex", "f(uint256)", []string{"0x"}, execution.ErrInvalidArgument, "integer"},
		{"plus sign", "f(int256)", []string{"+1"}, execution.ErrInvalidArgument, "integer"},
		{"space", "f(uint256)", []string{" 1"}, execution.ErrInvalidArgument, "integer"},
		{"sign after 0x", "f(int256)", []string{"0x-1"}, execution.ErrInvalidArgument, "integer"},
		{"underscore", "f(uint256)", []string{"1_000"}, execution.ErrInvalidArgument, "integer"},
		{"octal prefix", "f(uint256)", []string{"0o7"}, execution.ErrInvalidArgument, "integer"},
		{"hex letters in decimal", "f(uint256)", []string{"ff"}, execution.ErrInvalidArgument, "integer"},
		{"address short", "f(address)", []string{"0x1234"}, execution.ErrInvalidArgument, "40 hex digits"},
		{"address no prefix", "f(address)", []string{checksummed[2:]}, execution.ErrInvalidArgument, "40 hex digits"},
		{"address not hex", "f(address)", []string{"0x" + strings.Repeat("g", 40)}, execution.ErrInvalidArgument, "40 hex digits"},
		{"address bad checksum", "f(address)", []string{bad}, execution.ErrInvalidArgument, "checksum"},
		{"bool capital", "f(bool)", []string{"True"}, execution.ErrInvalidArgument, `"true" or "false"`},
		{"bool digit", "f(bool)", []string{"1"}, execution.ErrInvalidArgument, `"true" or "false"`},
		{"bytes32 short", "f(bytes32)", []string{"0x01"}, execution.ErrInvalidArgument, "exactly 32 bytes, got 1"},
		{"bytes4 long", "f(bytes4)", []string{"0x0102030405"}, execution.ErrInvalidArgument, "exactly 4 bytes"},
		{"bytes odd", "f(bytes)", []string{"0x123"}, execution.ErrInvalidArgument, "odd"},
		{"bytes no prefix", "f(bytes)", []string{"1234"}, execution.ErrInvalidArgument, "0x-prefixed"},
		{"bytes not hex", "f(bytes)", []string{"0xzz"}, execution.ErrInvalidArgument, "bad hex"},
		{"array not JSON", "f(uint256[])", []string{"1,2"}, execution.ErrInvalidArgument, "JSON array"},
		{"array is object", "f(uint256[])", []string{`{"a":1}`}, execution.ErrInvalidArgument, "got an object"},
		{"array trailing", "f(uint256[])", []string{`[1] [2]`}, execution.ErrInvalidArgument, "trailing"},
		{"fixed array length", "f(uint256[2])", []string{`[1]`}, execution.ErrInvalidArgument, "want 2 elements, got 1"},
		{"element float", "f(uint256[])", []string{`[1, 1.5]`}, execution.ErrInvalidArgument, "argument 0[1] (uint256)"},
		{"element bool for uint", "f(uint256[])", []string{`[true]`}, execution.ErrInvalidArgument, "got a bool"},
		{"element null", "f(string[])", []string{`[null]`}, execution.ErrInvalidArgument, "got null"},
		{"element number for address", "f(address[])", []string{`[1]`}, execution.ErrInvalidArgument, "want a JSON string"},
		{"element number for string", "f(string[])", []string{`[1]`}, execution.ErrInvalidArgument, "want a JSON string"},
		{"nested element", "f(uint8[][])", []string{`[[1],[2,300]]`}, execution.ErrInvalidArgument, "argument 0[1][1] (uint8): 300 out of range"},
		{"tuple field count", "f((uint256,address))", []string{`["1"]`}, execution.ErrInvalidArgument, "want 2 tuple fields, got 1"},
		{"tuple field path", "f(bool,(uint256,address)[])", []string{"true", `[["1","` + bad + `"]]`}, execution.ErrInvalidArgument, "argument 1[0].1 (address)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := execution.EncodeCall(tt.function, tt.args)
			require.Error(t, err)
			require.ErrorIs(t, err, tt.sentinel)
			require.Contains(t, err.Error(), tt.contains)
			if tt.sentinel == execution.ErrInvalidFunction {
				_, serr := execution.Selector(tt.function)
				require.ErrorIs(t, serr, execution.ErrInvalidFunction)
			}
		})
	}
}

func TestSelector(t *testing.T) {
	sel, err := execution.Selector("transfer(address,uint256)")
	require.NoError(t, err)
	require.Equal(t, [4]byte{0xa9, 0x05, 0x9c, 0xbb}, sel)

	sel, err = execution.Selector("f(uint8[],bytes32,(uint256,address))")
	require.NoError(t, err)
	require.Equal(t, [4]byte{0x78, 0x75, 0xff, 0x81}, sel)
}

func FuzzEncodeCall(f *testing.F) {
	f.Add("transfer(address,uint256)", checksummed, "1000", uint8(2))
	f.Add("f(uint8[],bytes32)", `["1",2]`, "0x"+strings.Repeat("ab", 32), uint8(2))
	f.Add("f((uint256,address)[2])", `[["1","`+checksummed+`"],[2,"0x0000000000000000000000000000000000000000"]]`, "", uint8(1))
	f.Add("g((bool,string)[],int8)", `[[true,"x"]]`, "-5", uint8(2))
	f.Add("h(bytes,string[3][])", "0x00", `[["a","b","c"]]`, uint8(2))
	f.Add("g()", "", "", uint8(0))
	f.Fuzz(func(t *testing.T, function, a, b string, n uint8) {
		args := [][]string{nil, {a}, {a, b}}[n%3]
		out, err := execution.EncodeCall(function, args)
		sel, serr := execution.Selector(function)
		if err != nil {
			require.Nil(t, out)
			if serr != nil {
				require.ErrorIs(t, err, execution.ErrInvalidFunction)
			} else {
				require.ErrorIs(t, err, execution.ErrInvalidArgument)
			}
			return
		}
		require.NoError(t, serr)
		require.Equal(t, sel[:], out[:4])
		require.Zero(t, (len(out)-4)%32)
	})
}
