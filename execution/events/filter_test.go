package events_test

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/execution/events"
)

const (
	transferSig = "Transfer(address indexed from, address indexed to, uint256 value)"
	counterSig  = "Incremented(address caller, uint256 by, uint256 newCount)"
	mixedSig    = "Mixed(int256 indexed delta, bytes32 indexed tag, bool flag, int64 small, bytes blob)"
	hashedSig   = "Hashed(string indexed name, bytes indexed raw, uint256[] indexed nums)"
)

var (
	alice    = common.HexToAddress("0x00000000000000000000000000000000000a11cE")
	bob      = common.HexToAddress("0xb0b0000000000000000000000000000000000b0B")
	maxU256  = math.MaxBig256
	minI256  = new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), 255))
	tagBytes = common.HexToHash("0x7461670000000000000000000000000000000000000000000000000000000001")
)

func mustEvent(t testing.TB, sig string) events.Event {
	t.Helper()
	ev, err := events.ParseEvent(sig)
	require.NoError(t, err)
	return ev
}

// mkLog builds a log of ev from its parameters' values in signature order:
// indexed value types become topics, indexed others their hash, the rest the
// data.
func mkLog(t testing.TB, ev events.Event, values ...any) types.Log {
	t.Helper()
	l := types.Log{Topics: []common.Hash{ev.Topic0()}}
	var args abi.Arguments
	var data []any
	for i, p := range ev.Params() {
		if !p.Indexed {
			args = append(args, abi.Argument{Type: p.Type})
			data = append(data, values[i])
			continue
		}
		switch v := values[i].(type) {
		case common.Hash: // a precomputed topic
			l.Topics = append(l.Topics, v)
		case string:
			l.Topics = append(l.Topics, crypto.Keccak256Hash([]byte(v)))
		case []byte:
			l.Topics = append(l.Topics, crypto.Keccak256Hash(v))
		default:
			enc, err := abi.Arguments{{Type: p.Type}}.Pack(v)
			require.NoError(t, err)
			l.Topics = append(l.Topics, common.BytesToHash(enc))
		}
	}
	if len(args) > 0 {
		var err error
		l.Data, err = args.Pack(data...)
		require.NoError(t, err)
	}
	return l
}

func flt(param, op, value string) attestation.EventFilter {
	return attestation.EventFilter{Param: param, Op: op, Value: value}
}

func TestMatch(t *testing.T) {
	transfer := mustEvent(t, transferSig)
	counter := mustEvent(t, counterSig)
	mixed := mustEvent(t, mixedSig)
	hashed := mustEvent(t, hashedSig)

	bigTransfer := mkLog(t, transfer, alice, bob, maxU256)
	smallTransfer := mkLog(t, transfer, alice, bob, big.NewInt(1000))
	inc := mkLog(t, counter, bob, big.NewInt(5), big.NewInt(42))
	neg := mkLog(t, mixed, big.NewInt(-5), tagBytes, true, int64(-7), []byte{1, 2, 0xab})
	minLog := mkLog(t, mixed, minI256, tagBytes, false, int64(9), []byte{})
	nums := []*big.Int{big.NewInt(1), big.NewInt(2)}
	numsTopic := crypto.Keccak256Hash(common.LeftPadBytes([]byte{1}, 32), common.LeftPadBytes([]byte{2}, 32))
	hashedLog := mkLog(t, hashed, "alice", []byte{0xca, 0xfe}, numsTopic)
	_ = nums

	maxDec := maxU256.String()
	maxHex := "0x" + strings.Repeat("f", 64)
	belowMax := new(big.Int).Sub(maxU256, big.NewInt(1)).String()

	tests := []struct {
		name    string
		ev      events.Event
		filters []attestation.EventFilter
		log     types.Log
		want    bool
	}{
		{"no filters", transfer, nil, smallTransfer, true},
		{"address eq lower case", transfer, []attestation.EventFilter{flt("from", "eq", strings.ToLower(alice.Hex()))}, smallTransfer, true},
		{"address eq upper case", transfer, []attestation.EventFilter{flt("from", "eq", "0x"+strings.ToUpper(alice.Hex()[2:]))}, smallTransfer, true},
		{"address eq checksummed", transfer, []attestation.EventFilter{flt("to", "eq", bob.Hex())}, smallTransfer, true},
		{"address eq bad checksum still an address", transfer, []attestation.EventFilter{flt("to", "eq", "0xB0b0000000000000000000000000000000000B0b")}, smallTransfer, true},
		{"address eq by position", transfer, []attestation.EventFilter{flt("1", "eq", bob.Hex())}, smallTransfer, true},
		{"address eq other", transfer, []attestation.EventFilter{flt("from", "eq", bob.Hex())}, smallTransfer, false},
		{"address ne", transfer, []attestation.EventFilter{flt("from", "ne", bob.Hex())}, smallTransfer, true},
		{"address ne same", transfer, []attestation.EventFilter{flt("from", "ne", alice.Hex())}, smallTransfer, false},
		{"uint256 eq max decimal", transfer, []attestation.EventFilter{flt("value", "eq", maxDec)}, bigTransfer, true},
		{"uint256 eq max hex", transfer, []attestation.EventFilter{flt("value", "eq", maxHex)}, bigTransfer, true},
		{"uint256 gt max-1", transfer, []attestation.EventFilter{flt("value", "gt", belowMax)}, bigTransfer, true},
		{"uint256 gte max", transfer, []attestation.EventFilter{flt("value", "gte", maxDec)}, bigTransfer, true},
		{"uint256 gt max", transfer, []attestation.EventFilter{flt("value", "gt", maxDec)}, bigTransfer, false},
		{"uint256 lt max", transfer, []attestation.EventFilter{flt("value", "lt", maxDec)}, bigTransfer, false},
		{"uint256 lte max", transfer, []attestation.EventFilter{flt("value", "lte", maxHex)}, bigTransfer, true},
		{"uint256 lt max small", transfer, []attestation.EventFilter{flt("value", "lt", maxDec)}, smallTransfer, true},
		{"uint256 gte 1000", transfer, []attestation.EventFilter{flt("value", "gte", "1000")}, smallTransfer, true},
		{"uint256 gt 1000", transfer, []attestation.EventFilter{flt("value", "gt", "0x3e8")}, smallTransfer, false},
		{"all filters hold", transfer, []attestation.EventFilter{
			flt("from", "eq", alice.Hex()), flt("to", "ne", alice.Hex()), flt("value", "gt", "999"), flt("value", "lte", "1000"),
		}, smallTransfer, true},
		{"one filter fails", transfer, []attestation.EventFilter{
			flt("from", "eq", alice.Hex()), flt("value", "gt", "1000"),
		}, smallTransfer, false},
		{"two eq on one topic", transfer, []attestation.EventFilter{flt("to", "eq", bob.Hex()), flt("to", "eq", alice.Hex())}, smallTransfer, false},
		{"counter caller", counter, []attestation.EventFilter{flt("caller", "eq", strings.ToLower(bob.Hex()))}, inc, true},
		{"counter by and newCount", counter, []attestation.EventFilter{flt("by", "eq", "5"), flt("newCount", "gte", "42")}, inc, true},
		{"counter newCount", counter, []attestation.EventFilter{flt("2", "gt", "42")}, inc, false},
		{"int256 negative lt 0", mixed, []attestation.EventFilter{flt("delta", "lt", "0")}, neg, true},
		{"int256 negative eq", mixed, []attestation.EventFilter{flt("delta", "eq", "-5")}, neg, true},
		{"int256 negative eq hex", mixed, []attestation.EventFilter{flt("delta", "eq", "-0x5")}, neg, true},
		{"int256 negative gte", mixed, []attestation.EventFilter{flt("delta", "gte", "-5")}, neg, true},
		{"int256 negative gt", mixed, []attestation.EventFilter{flt("delta", "gt", "-5")}, neg, false},
		{"int256 min", mixed, []attestation.EventFilter{flt("delta", "lte", minI256.String())}, minLog, true},
		{"int256 min lt", mixed, []attestation.EventFilter{flt("delta", "lt", minI256.String())}, minLog, false},
		{"int64 negative", mixed, []attestation.EventFilter{flt("small", "gt", "-8"), flt("small", "lt", "-6")}, neg, true},
		{"bytes32 eq", mixed, []attestation.EventFilter{flt("tag", "eq", tagBytes.Hex())}, neg, true},
		{"bytes32 eq upper case", mixed, []attestation.EventFilter{flt("tag", "eq", "0x"+strings.ToUpper(tagBytes.Hex()[2:]))}, neg, true},
		{"bytes32 ne", mixed, []attestation.EventFilter{flt("tag", "ne", common.Hash{}.Hex())}, neg, true},
		{"bool eq", mixed, []attestation.EventFilter{flt("flag", "eq", "true")}, neg, true},
		{"bool ne", mixed, []attestation.EventFilter{flt("flag", "ne", "true")}, minLog, true},
		{"bytes eq", mixed, []attestation.EventFilter{flt("blob", "eq", "0x0102AB")}, neg, true},
		{"bytes eq empty", mixed, []attestation.EventFilter{flt("blob", "eq", "0x")}, minLog, true},
		{"bytes ne", mixed, []attestation.EventFilter{flt("blob", "ne", "0x0102")}, neg, true},
		{"indexed string eq", hashed, []attestation.EventFilter{flt("name", "eq", "alice")}, hashedLog, true},
		{"indexed string eq other", hashed, []attestation.EventFilter{flt("name", "eq", "Alice")}, hashedLog, false},
		{"indexed string ne", hashed, []attestation.EventFilter{flt("name", "ne", "bob")}, hashedLog, true},
		{"indexed bytes eq", hashed, []attestation.EventFilter{flt("raw", "eq", "0xCAFE")}, hashedLog, true},
		{"indexed array eq", hashed, []attestation.EventFilter{flt("nums", "eq", `["1", 2]`)}, hashedLog, true},
		{"indexed array eq other", hashed, []attestation.EventFilter{flt("nums", "eq", `[2, 1]`)}, hashedLog, false},
		{"other event", transfer, []attestation.EventFilter{flt("from", "eq", alice.Hex())}, inc, false},
		{"anonymous log", transfer, nil, types.Log{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := events.Compile(tt.ev, tt.filters)
			require.NoError(t, err)
			got, err := f.Match(tt.log)
			require.NoError(t, err)
			require.Equal(t, tt.want, got)
		})
	}
}

func TestMatchBare(t *testing.T) {
	bare := mustEvent(t, "Transfer(address,address,uint256)")
	f, err := events.Compile(bare, nil)
	require.NoError(t, err)
	// Only topic0 is checked: ERC-20 and ERC-721 transfers both match.
	erc20 := mkLog(t, mustEvent(t, transferSig), alice, bob, big.NewInt(1))
	erc721 := mkLog(t, mustEvent(t, "Transfer(address indexed from, address indexed to, uint256 indexed id)"), alice, bob, big.NewInt(1))
	for _, l := range []types.Log{erc20, erc721} {
		ok, err := f.Match(l)
		require.NoError(t, err)
		require.True(t, ok)
	}
	require.Equal(t, [][]common.Hash{{bare.Topic0()}}, f.Topics())

	_, err = events.Compile(bare, []attestation.EventFilter{flt("0", "eq", alice.Hex())})
	require.ErrorIs(t, err, events.ErrInvalidFilter)
	require.ErrorContains(t, err, "indexed markers")
}

func TestCompileErrors(t *testing.T) {
	transfer := mustEvent(t, transferSig)
	mixed := mustEvent(t, mixedSig)
	hashed := mustEvent(t, hashedSig)
	tests := []struct {
		name    string
		ev      events.Event
		filters []attestation.EventFilter
		want    string
	}{
		{"unknown param", transfer, []attestation.EventFilter{flt("amount", "eq", "1")}, `filter 0 (amount eq "1"): event Transfer has no parameter "amount"`},
		{"position out of range", transfer, []attestation.EventFilter{flt("value", "eq", "1"), flt("3", "eq", "1")}, "filter 1 (3 eq"},
		{"unknown op", transfer, []attestation.EventFilter{flt("value", "between", "1")}, `unknown operator "between"`},
		{"empty op", transfer, []attestation.EventFilter{flt("value", "", "1")}, "unknown operator"},
		{"gt on address", transfer, []attestation.EventFilter{flt("from", "gt", "1")}, "gt compares integers only, and parameter from is address"},
		{"lt on bool", mixed, []attestation.EventFilter{flt("flag", "lt", "1")}, "parameter flag is bool"},
		{"gte on bytes32", mixed, []attestation.EventFilter{flt("tag", "gte", "0x00")}, "parameter tag is bytes32"},
		{"lte on indexed string", hashed, []attestation.EventFilter{flt("name", "lte", "a")}, "parameter name is string"},
		{"uint256 out of range", transfer, []attestation.EventFilter{flt("value", "eq", new(big.Int).Add(maxU256, big.NewInt(1)).String())}, "out of range"},
		{"negative uint", transfer, []attestation.EventFilter{flt("value", "gt", "-1")}, "negative value"},
		{"int64 out of range", mixed, []attestation.EventFilter{flt("small", "eq", "9223372036854775808")}, "out of range"},
		{"not a number", transfer, []attestation.EventFilter{flt("value", "eq", "1e3")}, "want a decimal or 0x-hex integer"},
		{"short address", transfer, []attestation.EventFilter{flt("from", "eq", "0x1234")}, "want 0x and 40 hex digits"},
		{"bytes32 wrong length", mixed, []attestation.EventFilter{flt("tag", "eq", "0x01")}, "want exactly 32 bytes"},
		{"bad bool", mixed, []attestation.EventFilter{flt("flag", "eq", "yes")}, `want "true" or "false"`},
		{"bad bytes", mixed, []attestation.EventFilter{flt("blob", "eq", "0x123")}, "odd number of hex digits"},
		{"bad array", hashed, []attestation.EventFilter{flt("nums", "eq", "1")}, "want a JSON array"},
		{"value too long", mixed, []attestation.EventFilter{flt("blob", "eq", "0x"+strings.Repeat("00", 5000))}, "value longer than"},
		{"too many filters", transfer, make([]attestation.EventFilter, 33), "33 filters, at most 32"},
		{"no event", events.Event{}, nil, "no event"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := events.Compile(tt.ev, tt.filters)
			require.ErrorIs(t, err, events.ErrInvalidFilter)
			require.ErrorContains(t, err, tt.want)
		})
	}
}

func TestMatchMalformed(t *testing.T) {
	transfer := mustEvent(t, transferSig)
	counter := mustEvent(t, counterSig)
	mixed := mustEvent(t, mixedSig)
	tiny := mustEvent(t, "Tiny(uint8 indexed a, int8 b, uint24 c)")
	good := mkLog(t, transfer, alice, bob, big.NewInt(1))
	word := func(b ...byte) []byte { return common.LeftPadBytes(b, 32) }

	tests := []struct {
		name string
		ev   events.Event
		log  types.Log
		want string
	}{
		{"too few topics", transfer, types.Log{Topics: good.Topics[:2], Data: good.Data}, "has 2 topics"},
		{"too many topics (ERC-721)", transfer, types.Log{Topics: append(append([]common.Hash{}, good.Topics...), common.Hash{}), Data: good.Data}, "has 4 topics"},
		{"indexed marker missing", counter, types.Log{Topics: []common.Hash{counter.Topic0(), {}}}, "has 2 topics"},
		{"empty data", transfer, types.Log{Topics: good.Topics}, "empty data"},
		{"short data", counter, types.Log{Topics: []common.Hash{counter.Topic0()}, Data: make([]byte, 64)}, "data too short"},
		{"bad bool", mixed, func() types.Log {
			l := mkLog(t, mixed, big.NewInt(1), tagBytes, true, int64(1), []byte{1})
			l.Data[31] = 2
			return l
		}(), "improperly encoded boolean"},
		{"bad bytes offset", mixed, func() types.Log {
			l := mkLog(t, mixed, big.NewInt(1), tagBytes, true, int64(1), []byte{1})
			l.Data[95] = 0xff
			return l
		}(), "out of bounds"},
		{"uint8 topic out of range", tiny, types.Log{Topics: []common.Hash{tiny.Topic0(), common.BytesToHash(word(1, 0))}, Data: append(word(1), word(1)...)}, "topic 1"},
		{"int8 data out of range", tiny, types.Log{Topics: []common.Hash{tiny.Topic0(), {}}, Data: append(word(1, 0), word(1)...)}, "int8"},
		{"uint24 data out of range", tiny, types.Log{Topics: []common.Hash{tiny.Topic0(), {}}, Data: append(word(1), word(1, 0, 0, 0)...)}, "uint24 value out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := events.Compile(tt.ev, nil)
			require.NoError(t, err)
			ok, err := f.Match(tt.log)
			require.ErrorIs(t, err, events.ErrMalformedLog)
			require.ErrorContains(t, err, tt.want)
			require.False(t, ok)
		})
	}
}

// Nested dynamic arrays whose elements all point at one inner array would
// decode to millions of values from a few kilobytes; Match refuses them.
func TestMatchDecodeBomb(t *testing.T) {
	ev := mustEvent(t, "Bomb(uint256[][] x)")
	const n = 2000
	w := func(v int) []byte { return common.LeftPadBytes(big.NewInt(int64(v)).Bytes(), 32) }
	var data []byte
	data = append(data, w(32)...) // offset of x
	data = append(data, w(n)...)  // outer length
	for range n {
		data = append(data, w(32*n)...) // every element at the same inner array
	}
	data = append(data, w(n)...) // inner length
	for i := range n {
		data = append(data, w(i)...)
	}
	f, err := events.Compile(ev, nil)
	require.NoError(t, err)
	_, err = f.Match(types.Log{Topics: []common.Hash{ev.Topic0()}, Data: data})
	require.ErrorIs(t, err, events.ErrMalformedLog)
	require.ErrorContains(t, err, "decoding would take more than")

	// The same shape with a few elements decodes.
	small := mkLog(t, ev, [][]*big.Int{{big.NewInt(1)}, {big.NewInt(2), big.NewInt(3)}})
	f, err = events.Compile(ev, []attestation.EventFilter{flt("x", "eq", `[[1],[2,3]]`)})
	require.NoError(t, err)
	ok, err := f.Match(small)
	require.NoError(t, err)
	require.True(t, ok)
}

func TestTopics(t *testing.T) {
	transfer := mustEvent(t, transferSig)
	hashed := mustEvent(t, hashedSig)
	t0 := transfer.Topic0()
	aliceTopic := common.BytesToHash(alice.Bytes())
	bobTopic := common.BytesToHash(bob.Bytes())
	tests := []struct {
		name    string
		ev      events.Event
		filters []attestation.EventFilter
		want    [][]common.Hash
	}{
		{"none", transfer, nil, [][]common.Hash{{t0}}},
		{"eq from", transfer, []attestation.EventFilter{flt("from", "eq", alice.Hex())}, [][]common.Hash{{t0}, {aliceTopic}}},
		{"eq to", transfer, []attestation.EventFilter{flt("to", "eq", strings.ToLower(bob.Hex()))}, [][]common.Hash{{t0}, nil, {bobTopic}}},
		{"eq both", transfer, []attestation.EventFilter{flt("to", "eq", bob.Hex()), flt("0", "eq", alice.Hex())}, [][]common.Hash{{t0}, {aliceTopic}, {bobTopic}}},
		{"first eq wins", transfer, []attestation.EventFilter{flt("to", "eq", bob.Hex()), flt("to", "eq", alice.Hex())}, [][]common.Hash{{t0}, nil, {bobTopic}}},
		{"ne and data not pushed", transfer, []attestation.EventFilter{flt("from", "ne", alice.Hex()), flt("value", "eq", "1")}, [][]common.Hash{{t0}}},
		{"hashed string", hashed, []attestation.EventFilter{flt("name", "eq", "alice")}, [][]common.Hash{{hashed.Topic0()}, {crypto.Keccak256Hash([]byte("alice"))}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := events.Compile(tt.ev, tt.filters)
			require.NoError(t, err)
			got := f.Topics()
			require.Equal(t, tt.want, got)
			got[0][0] = common.Hash{} // a copy
			require.Equal(t, tt.want, f.Topics())
			require.Equal(t, tt.ev.Topic0(), f.Event().Topic0())
		})
	}
}

func BenchmarkMatch(b *testing.B) {
	ev := mustEvent(b, transferSig)
	f, err := events.Compile(ev, []attestation.EventFilter{
		flt("to", "eq", bob.Hex()), flt("value", "gte", "1000"),
	})
	require.NoError(b, err)
	l := mkLog(b, ev, alice, bob, big.NewInt(5000))
	b.ReportAllocs()
	for b.Loop() {
		ok, err := f.Match(l)
		if err != nil || !ok {
			b.Fatal(ok, err)
		}
	}
}

// The most a hostile log can make Match decode: a uint256[] just within the
// decoding budget.
func BenchmarkMatchLargestArray(b *testing.B) {
	ev := mustEvent(b, "Big(uint256[] xs)")
	f, err := events.Compile(ev, []attestation.EventFilter{flt("xs", "ne", "[]")})
	require.NoError(b, err)
	xs := make([]*big.Int, 60000)
	for i := range xs {
		xs[i] = maxU256
	}
	l := mkLog(b, ev, xs)
	b.ReportAllocs()
	for b.Loop() {
		ok, err := f.Match(l)
		if err != nil || !ok {
			b.Fatal(ok, err)
		}
	}
}
