package condition_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/execution/condition"
)

func TestEvaluate(t *testing.T) {
	// Each operator at, below and above its limits: small integers, values
	// with 18 decimals, and the ends of uint256.
	scales := []struct{ lo, hi, below, mid, above string }{
		{"10", "20", "9", "15", "21"},
		{"1.000000000000000001", "1.000000000000000003", "1", "1.000000000000000002", "1.000000000000000004"},
		{"115792089237316195423570985008687907853269984665640564039457584007913129639933",
			uint256Max,
			"115792089237316195423570985008687907853269984665640564039457584007913129639932",
			"115792089237316195423570985008687907853269984665640564039457584007913129639934",
			"115792089237316195423570985008687907853269984665640564039457584007913129639936"},
		{int256Min, "-1", "-57896044618658097711785492504343953926634992332820282019728792003956564819969", "-2", "0"},
	}
	for _, s := range scales {
		lo, hi := mustValue(t, s.lo), mustValue(t, s.hi)
		cases := []struct {
			op   string
			v    string
			want bool
		}{
			{attestation.OpGreaterThan, s.below, false},
			{attestation.OpGreaterThan, s.lo, false},
			{attestation.OpGreaterThan, s.mid, true},
			{attestation.OpGreaterEqual, s.below, false},
			{attestation.OpGreaterEqual, s.lo, true},
			{attestation.OpGreaterEqual, s.mid, true},
			{attestation.OpEquals, s.below, false},
			{attestation.OpEquals, s.lo, true},
			{attestation.OpEquals, s.mid, false},
			{attestation.OpNotEquals, s.below, true},
			{attestation.OpNotEquals, s.lo, false},
			{attestation.OpNotEquals, s.mid, true},
			{attestation.OpLessThan, s.mid, true},
			{attestation.OpLessThan, s.hi, false},
			{attestation.OpLessThan, s.above, false},
			{attestation.OpLessEqual, s.mid, true},
			{attestation.OpLessEqual, s.hi, true},
			{attestation.OpLessEqual, s.above, false},
			{attestation.OpBetween, s.below, false},
			{attestation.OpBetween, s.lo, true},
			{attestation.OpBetween, s.mid, true},
			{attestation.OpBetween, s.hi, true},
			{attestation.OpBetween, s.above, false},
		}
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s/%s", c.op, c.v), func(t *testing.T) {
				got, err := condition.Evaluate(c.op, mustValue(t, c.v), lo, hi)
				require.NoError(t, err)
				require.Equal(t, c.want, got)
			})
		}
	}
}

func TestEvaluateLimitSemantics(t *testing.T) {
	// The upstream keeper compared greater_than with the upper limit: here
	// greater_than ignores Upper, less_than ignores Lower.
	v := mustValue(t, "15")
	got, err := condition.Evaluate(attestation.OpGreaterThan, v, mustValue(t, "10"), mustValue(t, "100"))
	require.NoError(t, err)
	require.True(t, got)
	got, err = condition.Evaluate(attestation.OpLessThan, v, mustValue(t, "100"), mustValue(t, "20"))
	require.NoError(t, err)
	require.True(t, got)
	// Equality is exact across notations.
	got, err = condition.Evaluate(attestation.OpEquals, mustValue(t, "1e3"), mustValue(t, "0x3e8"), condition.Value{})
	require.NoError(t, err)
	require.True(t, got)

	_, err = condition.Evaluate("above", v, v, v)
	require.ErrorIs(t, err, condition.ErrUnknownOperator)
	_, err = condition.Evaluate(attestation.OpBetween, v, mustValue(t, "2"), mustValue(t, "1"))
	require.ErrorIs(t, err, condition.ErrInvalidLimits)
}

func TestCheckLimits(t *testing.T) {
	tests := []struct {
		op, lower, upper string
		err              error
		msg              string
	}{
		{attestation.OpGreaterThan, "10", "", nil, ""},
		{attestation.OpGreaterEqual, "-0.5", "", nil, ""},
		{attestation.OpEquals, "0x10", "", nil, ""},
		{attestation.OpNotEquals, "1e18", "", nil, ""},
		{attestation.OpLessThan, "", "10", nil, ""},
		{attestation.OpLessEqual, "", uint256Max, nil, ""},
		{attestation.OpBetween, "1", "2", nil, ""},
		{attestation.OpBetween, "2", "2", nil, ""},
		{attestation.OpGreaterThan, "", "10", condition.ErrInvalidLimits, "needs the lower limit"},
		{attestation.OpGreaterThan, "1", "10", condition.ErrInvalidLimits, "ignores the upper limit"},
		{attestation.OpLessThan, "1", "", condition.ErrInvalidLimits, "ignores the lower limit"},
		{attestation.OpLessEqual, "", "", condition.ErrInvalidLimits, "needs the upper limit"},
		{attestation.OpBetween, "1", "", condition.ErrInvalidLimits, "needs the upper limit"},
		{attestation.OpBetween, "3", "2", condition.ErrInvalidLimits, "exceeds"},
		{attestation.OpEquals, "ten", "", condition.ErrInvalidValue, "lower limit"},
		{"gt", "1", "", condition.ErrUnknownOperator, "gt"},
	}
	for _, tt := range tests {
		t.Run(tt.op+"/"+tt.lower+"/"+tt.upper, func(t *testing.T) {
			err := condition.CheckLimits(tt.op, tt.lower, tt.upper)
			if tt.err == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tt.err)
			require.ErrorContains(t, err, tt.msg)
		})
	}
	c, err := condition.NewCondition(attestation.OpBetween, "1.5", "2.5")
	require.NoError(t, err)
	require.True(t, c.Satisfied(mustValue(t, "2")))
	require.False(t, c.Satisfied(mustValue(t, "2.5000000000000000001")))
}
