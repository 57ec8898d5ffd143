package abitype_test

import (
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/execution/abitype"
)

func parseAll(s string, syntax abitype.Syntax) (*abitype.Type, error) {
	p := &abitype.Parser{S: s, Syntax: syntax}
	t, err := p.Type(0)
	if err != nil {
		return nil, err
	}
	if p.Pos != len(s) {
		return nil, p.Unexpected()
	}
	return t, nil
}

func TestParseType(t *testing.T) {
	tests := []struct {
		in        string
		syntax    abitype.Syntax
		canonical string // "" when want an error
		err       string
	}{
		{"uint256", abitype.Canonical, "uint256", ""},
		{"(uint8[],bytes32,(uint256,address))[2][]", abitype.Canonical, "(uint8[],bytes32,(uint256,address))[2][]", ""},
		{"uint", abitype.Canonical, "", `"uint" is not canonical, use uint256`},
		{"uint", abitype.Declared, "uint256", ""},
		{"( uint a , int [ 2 ] b ) [ ]", abitype.Declared, "(uint256,int256[2])[]", ""},
		{"(uint256 a)", abitype.Canonical, "", "unexpected ' ' at offset 8"},
		{"(uint256", abitype.Canonical, "", "missing ')'"},
		{"(uint256", abitype.Declared, "", "unexpected end of signature"},
		{"()", abitype.Canonical, "", "empty tuple at offset 0"},
		{"()", abitype.Declared, "", "type at offset 1: missing type"},
		{"8bit", abitype.Canonical, "", `type at offset 0: unsupported type "8bit"`},
		{"8bit", abitype.Declared, "", "type at offset 0: missing type"},
		{"(uint256 indexed)", abitype.Declared, "", "indexed tuple component at offset 9"},
		{"bytes33", abitype.Canonical, "", "bytesN needs 1 <= N <= 32"},
		{"int7", abitype.Declared, "", "multiple of 8"},
		{"bool[1025]", abitype.Canonical, "", "array length"},
		{"bool[", abitype.Canonical, "", "bad array suffix at offset 4"},
		{"bool" + strings.Repeat("[]", abitype.MaxDepth), abitype.Canonical, "", "nested deeper"},
		{"uint" + strings.Repeat("8", 100), abitype.Declared, "", "…"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			typ, err := parseAll(tt.in, tt.syntax)
			if tt.err != "" {
				require.ErrorContains(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.canonical, typ.String())
			// The canonical rendering parses back to itself and is what
			// go-ethereum calls the type.
			again, err := parseAll(typ.String(), abitype.Canonical)
			require.NoError(t, err)
			require.Equal(t, tt.canonical, again.String())
			name, comps := typ.Marshaling()
			at, err := abi.NewType(name, "", comps)
			require.NoError(t, err)
			require.Equal(t, tt.canonical, at.String())
		})
	}
}

func TestMaxComponents(t *testing.T) {
	p := &abitype.Parser{S: "(bool,bool,bool)", MaxComponents: 2}
	_, err := p.Type(0)
	require.ErrorContains(t, err, "tuple with more than 2 components")
}

func TestFixedElems(t *testing.T) {
	for in, want := range map[string]int{
		"uint256":                             1,
		"uint256[]":                           1,
		"(bool,address[3])[2]":                8,
		"uint8[1000][1000]":                   1_000_000,
		"uint8[1024][1024][1024]":             abitype.MaxFixedElems + 1,
		"(uint8[1024][1024],bool)":            1024 * 1024,
		"uint8" + strings.Repeat("[1024]", 7): abitype.MaxFixedElems + 1, // 2^70 must not wrap
	} {
		typ, err := parseAll(in, abitype.Canonical)
		require.NoError(t, err, in)
		got := typ.FixedElems()
		if want > abitype.MaxFixedElems {
			require.Greater(t, got, abitype.MaxFixedElems, in)
		} else {
			require.Equal(t, want, got, in)
		}
	}
}

func FuzzParseType(f *testing.F) {
	for _, s := range []string{"uint256", "(uint8[],bytes32,(uint256,address))[2][]", "( uint a , int [ 2 ] b ) [ ]", "bool[1024][1024]", "()"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, declared bool) {
		syntax := abitype.Canonical
		if declared {
			syntax = abitype.Declared
		}
		typ, err := parseAll(s, syntax)
		if err != nil {
			return
		}
		again, err := parseAll(typ.String(), abitype.Canonical)
		require.NoError(t, err)
		require.Equal(t, typ.String(), again.String())
		if typ.FixedElems() <= abitype.MaxFixedElems {
			name, comps := typ.Marshaling()
			_, err := abi.NewType(name, "", comps)
			require.NoError(t, err)
		}
	})
}
