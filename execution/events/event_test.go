package events_test

import (
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/contracts/bindings"
	"github.com/triggerx-network/triggerx/execution/events"
)

func TestParseEvent(t *testing.T) {
	tests := []struct {
		sig       string
		canonical string
		declared  string
		bare      bool
		indexed   []bool
		names     []string
	}{
		{
			sig:       "Transfer(address indexed from, address indexed to, uint256 value)",
			canonical: "Transfer(address,address,uint256)",
			declared:  "Transfer(address indexed from, address indexed to, uint256 value)",
			indexed:   []bool{true, true, false},
			names:     []string{"from", "to", "value"},
		},
		{
			sig:       "Transfer(address,address,uint256)",
			canonical: "Transfer(address,address,uint256)",
			declared:  "Transfer(address, address, uint256)",
			bare:      true,
			indexed:   []bool{false, false, false},
			names:     []string{"", "", ""},
		},
		{
			sig:       "Transfer(address indexed,address indexed,uint256)",
			canonical: "Transfer(address,address,uint256)",
			declared:  "Transfer(address indexed, address indexed, uint256)",
			indexed:   []bool{true, true, false},
			names:     []string{"", "", ""},
		},
		{
			sig:       "Incremented(address caller, uint256 by, uint256 newCount)",
			canonical: "Incremented(address,uint256,uint256)",
			declared:  "Incremented(address caller, uint256 by, uint256 newCount)",
			indexed:   []bool{false, false, false},
			names:     []string{"caller", "by", "newCount"},
		},
		{
			sig:       " \tFoo ( uint x ,\n (uint256 a, string b) [] indexed ps , bytes32 [ 2 ] , int y) ",
			canonical: "Foo(uint256,(uint256,string)[],bytes32[2],int256)",
			declared:  "Foo(uint256 x, (uint256,string)[] indexed ps, bytes32[2], int256 y)",
			indexed:   []bool{false, true, false, false},
			names:     []string{"x", "ps", "", "y"},
		},
		{
			sig:       "Ping()",
			canonical: "Ping()",
			declared:  "Ping()",
		},
		{
			sig:       "Deep(((bool,bytes)[2],uint8)[][3] indexed d, bytes1 b, int8 _x$)",
			canonical: "Deep(((bool,bytes)[2],uint8)[][3],bytes1,int8)",
			declared:  "Deep(((bool,bytes)[2],uint8)[][3] indexed d, bytes1 b, int8 _x$)",
			indexed:   []bool{true, false, false},
			names:     []string{"d", "b", "_x$"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.sig, func(t *testing.T) {
			ev, err := events.ParseEvent(tt.sig)
			require.NoError(t, err)
			require.Equal(t, tt.canonical, ev.Signature())
			require.Equal(t, tt.declared, ev.String())
			require.Equal(t, crypto.Keccak256Hash([]byte(tt.canonical)), ev.Topic0())
			require.Equal(t, tt.bare, ev.Bare())
			params := ev.Params()
			require.Len(t, params, len(tt.indexed))
			for i, p := range params {
				require.Equal(t, i, p.Position)
				require.Equal(t, tt.indexed[i], p.Indexed, "param %d", i)
				require.Equal(t, tt.names[i], p.Name, "param %d", i)
			}
			a := ev.ABI()
			require.Equal(t, tt.canonical, a.Sig)
			require.Equal(t, ev.Topic0(), a.ID)
			require.Len(t, a.Inputs, len(params))

			// The declared form parses to the same event.
			again, err := events.ParseEvent(ev.String())
			require.NoError(t, err)
			require.Equal(t, ev.String(), again.String())
			require.Equal(t, ev.Topic0(), again.Topic0())
		})
	}
}

// The topic0 of Counter's event matches the compiled contract's ABI.
func TestParseEventMatchesCounterABI(t *testing.T) {
	parsed, err := bindings.CounterMetaData.GetAbi()
	require.NoError(t, err)
	want := parsed.Events["Incremented"]
	ev, err := events.ParseEvent("Incremented(address caller, uint256 by, uint256 newCount)")
	require.NoError(t, err)
	require.Equal(t, want.ID, ev.Topic0())
	require.Equal(t, want.Sig, ev.Signature())
	for i, in := range want.Inputs {
		p := ev.Params()[i]
		require.Equal(t, in.Name, p.Name)
		require.Equal(t, in.Indexed, p.Indexed)
		require.Equal(t, in.Type.String(), p.Type.String())
	}
}

func TestParseEventErrors(t *testing.T) {
	tests := []struct {
		sig  string
		want string
	}{
		{"", "want an event name"},
		{"Transfer", "want '('"},
		{"Transfer(", "missing type"},
		{"Transfer(address", "unexpected end"},
		{"Transfer(address,)", "missing type"},
		{"1Transfer()", "want an event name"},
		{"Transfer() extra", "unexpected"},
		{"T(uint7)", "unsupported type"},
		{"T(uint264)", "unsupported type"},
		{"T(uint08)", "unsupported type"},
		{"T(bytes33)", "bytesN needs"},
		{"T(bytes0)", "unsupported type"},
		{"T(function)", "unsupported type"},
		{"T(fixed128x18)", "unsupported type"},
		{"T(address payable a)", "unexpected \"a\""},
		{"T(address indexed indexed a)", "unexpected \"indexed\" at offset 18"},
		{"T(address a indexed)", "unexpected \"indexed\""},
		{"T(address a, uint256 a)", "duplicate parameter name"},
		{"T(uint256 indexed a, uint256 indexed b, uint256 indexed c, uint256 indexed d)", "more than 3 indexed"},
		{"T(())", "missing type"},
		{"T((uint256 indexed a))", "indexed tuple component"},
		{"T(uint256[0])", "array length"},
		{"T(uint256[01])", "array length"},
		{"T(uint256[1025])", "array length"},
		{"T(uint256[99999999999999999999])", "array length"},
		{"T(uint256[)", "bad array suffix"},
		{"T(uint256[1024][1024])", "fixed-size arrays hold more than"},
		{"T(uint256" + strings.Repeat("[]", 17) + ")", "nested deeper"},
		{"T(" + strings.Repeat("(", 17) + "uint256" + strings.Repeat(")", 17) + ")", "nested deeper"},
		{"T(" + strings.Repeat("uint256,", 64) + "uint256)", "more than 64 parameters"},
		{"T(" + strings.Repeat("a", 5000) + ")", "longer than 4096 bytes"},
	}
	for _, tt := range tests {
		name := tt.sig
		if len(name) > 40 {
			name = name[:40]
		}
		t.Run(name, func(t *testing.T) {
			_, err := events.ParseEvent(tt.sig)
			require.ErrorIs(t, err, events.ErrInvalidEvent)
			require.ErrorContains(t, err, tt.want)
		})
	}
}

func TestEventParam(t *testing.T) {
	ev, err := events.ParseEvent("Transfer(address indexed from, address indexed to, uint256 value)")
	require.NoError(t, err)
	for ref, want := range map[string]int{"from": 0, "to": 1, "value": 2, "0": 0, "1": 1, "2": 2} {
		p, err := ev.Param(ref)
		require.NoError(t, err, ref)
		require.Equal(t, want, p.Position, ref)
	}
	for _, ref := range []string{"", "3", "-1", "01", "From", "amount", "1e0"} {
		_, err := ev.Param(ref)
		require.Error(t, err, ref)
	}
	p, err := ev.Param("value")
	require.NoError(t, err)
	require.Equal(t, abi.UintTy, p.Type.T)
	require.Equal(t, 256, p.Type.Size)
	require.False(t, p.Hashed())

	// ABI returns a copy.
	a := ev.ABI()
	a.Inputs[0].Name = "changed"
	require.Equal(t, "from", ev.ABI().Inputs[0].Name)

	var zero events.Event
	require.Equal(t, common.Hash{}, zero.Topic0())
	require.Empty(t, zero.Signature())
	_, err = zero.Param("0")
	require.Error(t, err)
}
