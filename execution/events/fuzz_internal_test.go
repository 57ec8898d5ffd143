package events

import (
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
)

func FuzzParseEvent(f *testing.F) {
	for _, s := range []string{
		"Transfer(address indexed from, address indexed to, uint256 value)",
		"Transfer(address,address,uint256)",
		"Incremented(address caller, uint256 by, uint256 newCount)",
		"Foo((uint256 a, string b)[] indexed ps, bytes32[2], int y)",
		"Deep(((bool,bytes)[2],uint8)[][3] indexed d)",
		"Ping()",
		"T(uint256[1024][64])",
		"T(uint256 indexed a, uint256 indexed b, uint256 indexed c, uint256 indexed d)",
		"",
		"(",
		"T(((((",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sig string) {
		ev, err := ParseEvent(sig)
		if err != nil {
			require.ErrorIs(t, err, ErrInvalidEvent)
			return
		}
		require.Equal(t, crypto.Keccak256Hash([]byte(ev.Signature())), ev.Topic0())
		again, err := ParseEvent(ev.String())
		require.NoError(t, err, "declared form %q", ev.String())
		require.Equal(t, ev.String(), again.String())
		require.Equal(t, ev.Signature(), again.Signature())
		require.Equal(t, ev.Bare(), again.Bare())
		if !ev.Bare() {
			if _, err := ParseEvent(ev.Signature()); len(ev.Params()) > 0 {
				require.NoError(t, err) // the canonical form parses too, as a bare event
			}
		}
	})
}

// fuzzFilters are events with filters on every kind of parameter; FuzzMatch
// feeds them arbitrary logs with their topic0.
var fuzzFilters = []struct {
	sig     string
	filters []attestation.EventFilter
}{
	{"Transfer(address indexed from, address indexed to, uint256 value)", []attestation.EventFilter{
		{Param: "from", Op: "ne", Value: "0x0000000000000000000000000000000000000001"}, {Param: "value", Op: "gt", Value: "1"},
	}},
	{"Incremented(address caller, uint256 by, uint256 newCount)", []attestation.EventFilter{
		{Param: "by", Op: "lte", Value: "5"}, {Param: "caller", Op: "ne", Value: "0x0000000000000000000000000000000000000001"},
	}},
	{"Mixed(int256 indexed delta, bytes32 indexed tag, bool flag, int64 small, bytes blob)", []attestation.EventFilter{
		{Param: "delta", Op: "gte", Value: "-5"}, {Param: "flag", Op: "ne", Value: "true"}, {Param: "small", Op: "lt", Value: "0"},
		{Param: "blob", Op: "ne", Value: "0x01"}, {Param: "tag", Op: "ne", Value: "0x" + "00000000000000000000000000000000000000000000000000000000000000ff"},
	}},
	{"Hashed(string indexed name, bytes indexed raw, uint256[] indexed nums)", []attestation.EventFilter{
		{Param: "name", Op: "ne", Value: "alice"}, {Param: "nums", Op: "ne", Value: "[1]"},
	}},
	{"Values(uint256[] nums, (uint256,string) pair, string[] names, uint128 big, int8 tiny, uint24[2][] grid, (bytes,(bool,uint8[]))[] deep)", []attestation.EventFilter{
		{Param: "nums", Op: "ne", Value: "[]"}, {Param: "pair", Op: "ne", Value: `[1,"a"]`}, {Param: "names", Op: "ne", Value: `["a"]`},
		{Param: "big", Op: "gt", Value: "0"}, {Param: "tiny", Op: "lt", Value: "0"}, {Param: "grid", Op: "ne", Value: "[[1,2]]"},
		{Param: "deep", Op: "ne", Value: `[["0x01",[true,[1]]]]`},
	}},
	{"Bomb(uint256[][][] x, string[][] y)", []attestation.EventFilter{
		{Param: "x", Op: "ne", Value: "[]"}, {Param: "y", Op: "ne", Value: "[]"},
	}},
}

func FuzzMatch(f *testing.F) {
	word := func(v byte) []byte { return common.LeftPadBytes([]byte{v}, 32) }
	for i := range fuzzFilters {
		f.Add(uint8(i), uint8(3), []byte{1, 2, 3}, append(word(32), word(1)...))
		f.Add(uint8(i), uint8(1), []byte{}, append(append(word(0x60), word(2)...), word(0xff)...))
	}
	f.Add(uint8(4), uint8(1), []byte{}, append(append(word(0xe0), word(0xe0)...), word(0xe0)...))
	compiled := make([]*Filter, len(fuzzFilters))
	for i, ff := range fuzzFilters {
		ev, err := ParseEvent(ff.sig)
		require.NoError(f, err)
		compiled[i], err = Compile(ev, ff.filters)
		require.NoError(f, err)
	}
	f.Fuzz(func(t *testing.T, which, ntopics uint8, topicBytes, data []byte) {
		flt := compiled[int(which)%len(compiled)]
		topics := []common.Hash{flt.Event().Topic0()}
		for i := range int(ntopics % 5) {
			var h common.Hash
			if len(topicBytes) > 0 {
				copy(h[:], topicBytes[(i*32)%len(topicBytes):])
			}
			topics = append(topics, h)
		}
		ok, err := flt.Match(types.Log{Topics: topics, Data: data})
		if err != nil {
			require.False(t, ok)
			require.ErrorIs(t, err, ErrMalformedLog)
			require.False(t, errors.Is(err, errDecoderPanic), "go-ethereum's decoder panicked: %v", err)
		}
	})
}
