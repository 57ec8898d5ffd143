package condition

import (
	"fmt"

	"github.com/triggerx-network/triggerx/attestation"
)

// limitUse says which limits an operator compares with.
type limitUse uint8

const (
	useLower limitUse = 1 << iota
	useUpper
)

func limitsOf(op string) (limitUse, bool) {
	switch op {
	case attestation.OpGreaterThan, attestation.OpGreaterEqual, attestation.OpEquals, attestation.OpNotEquals:
		return useLower, true
	case attestation.OpLessThan, attestation.OpLessEqual:
		return useUpper, true
	case attestation.OpBetween:
		return useLower | useUpper, true
	}
	return 0, false
}

// Condition is an operator with its parsed limits, ready to evaluate values.
// Build it with NewCondition, which checks that the limits suit the
// operator.
type Condition struct {
	Op    string // attestation.OpGreaterThan …
	Lower Value
	Upper Value
}

// NewCondition parses and checks the limits of op with CheckLimits' rules.
func NewCondition(op, lower, upper string) (Condition, error) {
	use, ok := limitsOf(op)
	if !ok {
		return Condition{}, fmt.Errorf("%w %q", ErrUnknownOperator, op)
	}
	c := Condition{Op: op}
	parse := func(name, s string, need bool) (Value, error) {
		switch {
		case need && s == "":
			return Value{}, fmt.Errorf("%w: %s needs the %s limit", ErrInvalidLimits, op, name)
		case !need && s != "":
			return Value{}, fmt.Errorf("%w: %s ignores the %s limit; leave it empty", ErrInvalidLimits, op, name)
		case !need:
			return Value{}, nil
		}
		v, err := ParseValue(s)
		if err != nil {
			return Value{}, fmt.Errorf("%w: %s limit: %w", ErrInvalidLimits, name, err)
		}
		return v, nil
	}
	var err error
	if c.Lower, err = parse("lower", lower, use&useLower != 0); err != nil {
		return Condition{}, err
	}
	if c.Upper, err = parse("upper", upper, use&useUpper != 0); err != nil {
		return Condition{}, err
	}
	if op == attestation.OpBetween && c.Lower.Cmp(c.Upper) > 0 {
		return Condition{}, fmt.Errorf("%w: between: lower limit %s exceeds upper limit %s", ErrInvalidLimits, c.Lower, c.Upper)
	}
	return c, nil
}

// CheckLimits checks, for the API, that op is a known operator and that
// exactly the limits it compares with are set and are numbers:
//
//   - greater_than, greater_equal, equals, not_equals: Lower only;
//   - less_than, less_equal: Upper only;
//   - between: both, with Lower ≤ Upper.
//
// A set limit the operator ignores is an error, so that nobody writes a
// greater_than with an upper limit believing it is used. Errors wrap
// ErrUnknownOperator or ErrInvalidLimits.
func CheckLimits(op, lower, upper string) error {
	_, err := NewCondition(op, lower, upper)
	return err
}

// Satisfied reports whether v satisfies c; see Evaluate.
func (c Condition) Satisfied(v Value) bool {
	ok, _ := Evaluate(c.Op, v, c.Lower, c.Upper)
	return ok
}

// Evaluate reports whether v satisfies op with the limits documented on the
// attestation.Op… constants, the same for the scheduler and for attesters:
//
//	greater_than   v >  lower        less_than   v <  upper
//	greater_equal  v >= lower        less_equal  v <= upper
//	equals         v == lower        between     lower <= v <= upper
//	not_equals     v != lower
//
// Comparisons are exact. It fails with ErrUnknownOperator for an unknown op
// and with ErrInvalidLimits for a between whose lower limit exceeds its
// upper limit.
func Evaluate(op string, v, lower, upper Value) (bool, error) {
	switch op {
	case attestation.OpGreaterThan:
		return v.Cmp(lower) > 0, nil
	case attestation.OpGreaterEqual:
		return v.Cmp(lower) >= 0, nil
	case attestation.OpEquals:
		return v.Cmp(lower) == 0, nil
	case attestation.OpNotEquals:
		return v.Cmp(lower) != 0, nil
	case attestation.OpLessThan:
		return v.Cmp(upper) < 0, nil
	case attestation.OpLessEqual:
		return v.Cmp(upper) <= 0, nil
	case attestation.OpBetween:
		if lower.Cmp(upper) > 0 {
			return false, fmt.Errorf("%w: between: lower limit %s exceeds upper limit %s", ErrInvalidLimits, lower, upper)
		}
		return v.Cmp(lower) >= 0 && v.Cmp(upper) <= 0, nil
	}
	return false, fmt.Errorf("%w %q", ErrUnknownOperator, op)
}
