package condition_test

import (
	"encoding/json"
	"math/big"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/execution/condition"
)

const (
	uint256Max = "115792089237316195423570985008687907853269984665640564039457584007913129639935"
	int256Min  = "-57896044618658097711785492504343953926634992332820282019728792003956564819968"
)

func mustValue(t testing.TB, s string) condition.Value {
	t.Helper()
	v, err := condition.ParseValue(s)
	require.NoError(t, err, s)
	return v
}

func TestParseValue(t *testing.T) {
	tests := []struct {
		in   string
		want string // canonical form; "" means an error
		err  string // substring of the error
	}{
		// integers
		{in: "0", want: "0"},
		{in: "-0", want: "0"},
		{in: "+42", want: "42"},
		{in: "-42", want: "-42"},
		{in: "007", want: "7"},
		{in: uint256Max, want: uint256Max},
		{in: int256Min, want: int256Min},
		{in: "1" + strings.Repeat("0", 100), want: "1" + strings.Repeat("0", 100)},
		// decimals
		{in: "1234.5678", want: "1234.5678"},
		{in: "-0.001", want: "-0.001"},
		{in: "1.50", want: "1.5"},
		{in: "1.000", want: "1"},
		{in: ".5", want: "0.5"},
		{in: "5.", want: "5"},
		{in: "0.000000000000000001", want: "0.000000000000000001"},
		{in: "123456789012345678901234567890.123456789012345678", want: "123456789012345678901234567890.123456789012345678"},
		// exponents
		{in: "1e18", want: "1000000000000000000"},
		{in: "2.5E-3", want: "0.0025"},
		{in: "1e+6", want: "1000000"},
		{in: "-1.5e2", want: "-150"},
		{in: "12e-1", want: "1.2"},
		{in: "0e999", want: "0"},
		{in: "1e-18", want: "0.000000000000000001"},
		// hex
		{in: "0xff", want: "255"},
		{in: "0XfF", want: "255"},
		{in: "-0x80", want: "-128"},
		{in: "0x" + strings.Repeat("f", 64), want: uint256Max},
		{in: "0x000000000000000000000000000001", want: "1"},
		// garbage
		{in: "", err: "empty"},
		{in: "NaN", err: "not a finite number"},
		{in: "-Inf", err: "not a finite number"},
		{in: "Infinity", err: "not a finite number"},
		{in: "abc", err: "want a decimal"},
		{in: "1.2.3", err: "want a decimal"},
		{in: " 1", err: "want a decimal"},
		{in: "1 ", err: "want a decimal"},
		{in: "1,000", err: "want a decimal"},
		{in: "1_000", err: "want a decimal"},
		{in: "-", err: "want a decimal"},
		{in: ".", err: "want a decimal"},
		{in: "e5", err: "want a decimal"},
		{in: "1e", err: "exponent without digits"},
		{in: "1e+", err: "exponent without digits"},
		{in: "0x", err: "no hex digits"},
		{in: "0x1.8", err: "0x-hex integer"},
		{in: "0xg", err: "0x-hex integer"},
		{in: "--1", err: "want a decimal"},
		{in: "1e300", err: "magnitude out of range"},
		{in: "1e-300", err: "magnitude out of range"},
		{in: "1e9999999", err: "exponent out of range"},
		{in: strings.Repeat("1", 300), err: "significant digits"},
		{in: "0x" + strings.Repeat("f", 129), err: "significant hex digits"},
		{in: strings.Repeat("0", 2000), err: "longer than"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			v, err := condition.ParseValue(tt.in)
			if tt.err != "" {
				require.ErrorIs(t, err, condition.ErrInvalidValue)
				require.ErrorContains(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, v.String())
			back, err := condition.ParseValue(v.String())
			require.NoError(t, err)
			require.Zero(t, back.Cmp(v))
		})
	}
}

func TestValueExact(t *testing.T) {
	// 0.1 + 0.2 style values are exact: no float64 on the path.
	require.Zero(t, mustValue(t, "0.3").Cmp(mustValue(t, "3e-1")))
	require.Equal(t, 1, mustValue(t, uint256Max).Cmp(mustValue(t, "115792089237316195423570985008687907853269984665640564039457584007913129639934")))
	require.Equal(t, -1, mustValue(t, "1.000000000000000001").Cmp(mustValue(t, "1.000000000000000002")))
	require.Equal(t, "0", condition.Value{}.String())
	require.Equal(t, 0, condition.Value{}.Cmp(mustValue(t, "0")))
	require.Equal(t, "-5", condition.IntValue(big.NewInt(-5)).String())
	require.Equal(t, big.NewRat(5, 2), mustValue(t, "2.5").Rat())

	// JSON round trip through MarshalText.
	b, err := json.Marshal(struct{ V condition.Value }{mustValue(t, "-12.50")})
	require.NoError(t, err)
	require.JSONEq(t, `{"V":"-12.5"}`, string(b))
	var back struct{ V condition.Value }
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, "-12.5", back.V.String())
	require.Error(t, json.Unmarshal([]byte(`{"V":"x"}`), &back))
}

func FuzzParseValue(f *testing.F) {
	for _, s := range []string{"0", "-1", "1234.5678", "-0.001", "1e18", "2.5E-3", "0xff", "-0x80", uint256Max, ".5", "5.", "1e-256", "NaN", "1e", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := condition.ParseValue(s)
		if err != nil {
			require.ErrorIs(t, err, condition.ErrInvalidValue)
			return
		}
		c := v.String()
		back, err := condition.ParseValue(c)
		require.NoError(t, err, "canonical %q of %q", c, s)
		require.Zero(t, back.Cmp(v), "canonical %q of %q", c, s)
		require.Equal(t, c, back.String(), "canonical form is a fixed point")
		require.NotContains(t, c, "e")
	})
}
