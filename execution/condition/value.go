package condition

import (
	"fmt"
	"math/big"
	"strings"
)

// Limits on what ParseValue accepts. Values come from users and from third
// party APIs; the limits keep a hostile input from making the node build huge
// numbers. uint256 has 78 decimal digits and 64 hex digits; an 18-decimal
// token amount has 18 fractional digits.
const (
	maxValueLen    = 1024 // bytes of the input
	maxDigits      = 256  // significant decimal digits
	maxHexDigits   = 128  // significant hex digits (512 bits)
	maxExponent    = 256  // |decimal exponent| after normalization
	maxExpDigits   = 6    // digits of a written exponent
	maxValueForErr = 80   // bytes of the input quoted in an error
)

// Value is an exact rational number: every value the package builds (parsed
// decimals, hex and exponent notation, contract integers) is a finite
// decimal, compared without rounding. The zero Value is 0.
//
// A Value is immutable and safe for concurrent use.
type Value struct {
	r *big.Rat // nil means 0; never mutated once set
}

var ratZero = new(big.Rat) // read-only

func (v Value) rat() *big.Rat {
	if v.r == nil {
		return ratZero
	}
	return v.r
}

// IntValue returns the integer x as a Value. x is copied.
func IntValue(x *big.Int) Value {
	return Value{r: new(big.Rat).SetInt(x)}
}

// Rat returns a copy of v as a big.Rat.
func (v Value) Rat() *big.Rat { return new(big.Rat).Set(v.rat()) }

// Cmp compares v and w: -1 if v < w, 0 if v == w, +1 if v > w.
func (v Value) Cmp(w Value) int { return v.rat().Cmp(w.rat()) }

// Sign returns -1, 0 or +1.
func (v Value) Sign() int { return v.rat().Sign() }

// String returns the canonical decimal form of v, the form recorded in a
// firing: an optional '-', the integer digits without leading zeros, and for
// a non-integer a '.' and the fractional digits without trailing zeros,
// e.g. "0", "-7", "1234.5678", "-0.001". It never uses exponent notation.
// ParseValue(v.String()) equals v.
func (v Value) String() string {
	r := v.rat()
	if r.IsInt() {
		return r.Num().String()
	}
	k, ok := decimalPlaces(r.Denom())
	if !ok {
		// Unreachable for values built by this package, whose denominators
		// divide a power of ten.
		return r.RatString()
	}
	s := r.FloatString(k)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// decimalPlaces returns the number of fractional digits of n/den written in
// decimal, if den = 2^a·5^b; that number is max(a, b).
func decimalPlaces(den *big.Int) (int, bool) {
	a := den.TrailingZeroBits()
	q := new(big.Int).Rsh(den, a)
	five, m := big.NewInt(5), new(big.Int)
	b := 0
	for !(q.IsInt64() && q.Int64() == 1) {
		q.QuoRem(q, five, m)
		if m.Sign() != 0 {
			return 0, false
		}
		b++
	}
	return max(int(a), b), true
}

// MarshalText encodes v in its canonical decimal form.
func (v Value) MarshalText() ([]byte, error) { return []byte(v.String()), nil }

// UnmarshalText parses text with ParseValue.
func (v *Value) UnmarshalText(text []byte) error {
	p, err := ParseValue(string(text))
	if err != nil {
		return err
	}
	*v = p
	return nil
}

// ParseValue parses a number exactly. It accepts, with an optional sign:
//
//   - decimal integers of any practical size ("115792089237316195423570985008687907853269984665640564039457584007913129639935", "-42");
//   - decimals ("1234.5678", "-0.001", ".5", "5.");
//   - exponent notation ("1e18", "2.5E-3", "1e+6");
//   - 0x-hex integers ("0xff", "-0x80", "0X1A").
//
// Surrounding spaces, NaN, infinities, hex fractions and anything else are
// rejected with an error wrapping ErrInvalidValue. Inputs longer than 1024
// bytes, with more than 256 significant digits (128 for hex), or whose
// decimal exponent exceeds ±256 after normalization are rejected too.
func ParseValue(s string) (Value, error) {
	bad := func(format string, a ...any) (Value, error) {
		return Value{}, fmt.Errorf("%w %q: %s", ErrInvalidValue, clip(s), fmt.Sprintf(format, a...))
	}
	if s == "" {
		return bad("empty")
	}
	if len(s) > maxValueLen {
		return bad("longer than %d bytes", maxValueLen)
	}
	body, neg := s, false
	if body[0] == '+' || body[0] == '-' {
		neg, body = body[0] == '-', body[1:]
	}
	switch strings.ToLower(body) {
	case "nan", "inf", "infinity":
		return bad("not a finite number")
	}
	var (
		n   *big.Int
		exp int
	)
	if len(body) >= 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X') {
		digits := body[2:]
		if digits == "" {
			return bad("no hex digits after 0x")
		}
		for i := 0; i < len(digits); i++ {
			if !isHexDigit(digits[i]) {
				return bad("want a 0x-hex integer (no fraction, no exponent)")
			}
		}
		if len(strings.TrimLeft(digits, "0")) > maxHexDigits {
			return bad("more than %d significant hex digits", maxHexDigits)
		}
		n, _ = new(big.Int).SetString(digits, 16)
	} else {
		var err error
		n, exp, err = parseDecimal(body)
		if err != nil {
			return bad("%v", err)
		}
	}
	if n.Sign() == 0 {
		return Value{}, nil
	}
	if neg {
		n.Neg(n)
	}
	r := new(big.Rat)
	switch {
	case exp > 0:
		r.SetInt(n.Mul(n, pow10(exp)))
	case exp < 0:
		r.SetFrac(n, pow10(-exp))
	default:
		r.SetInt(n)
	}
	return Value{r: r}, nil
}

// parseDecimal parses digits[.digits][(e|E)[sign]digits] into coefficient
// and exponent, value = n·10^exp, with n stripped of trailing zeros.
func parseDecimal(s string) (*big.Int, int, error) {
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	intPart := s[:i]
	var frac string
	if i < len(s) && s[i] == '.' {
		i++
		start := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		frac = s[start:i]
	}
	if intPart == "" && frac == "" {
		return nil, 0, fmt.Errorf("want a decimal, exponent or 0x-hex number")
	}
	exp := 0
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		eneg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			eneg = s[i] == '-'
			i++
		}
		start := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		ed := strings.TrimLeft(s[start:i], "0")
		if start == i {
			return nil, 0, fmt.Errorf("exponent without digits")
		}
		if len(ed) > maxExpDigits {
			return nil, 0, fmt.Errorf("exponent out of range")
		}
		for _, c := range []byte(ed) {
			exp = exp*10 + int(c-'0')
		}
		if eneg {
			exp = -exp
		}
	}
	if i != len(s) {
		return nil, 0, fmt.Errorf("want a decimal, exponent or 0x-hex number")
	}
	coef := strings.TrimLeft(intPart+frac, "0")
	exp -= len(frac)
	trimmed := strings.TrimRight(coef, "0")
	exp += len(coef) - len(trimmed)
	coef = trimmed
	if coef == "" {
		return new(big.Int), 0, nil
	}
	if len(coef) > maxDigits {
		return nil, 0, fmt.Errorf("more than %d significant digits", maxDigits)
	}
	if exp > maxExponent || exp < -maxExponent {
		return nil, 0, fmt.Errorf("magnitude out of range (decimal exponent %d beyond ±%d)", exp, maxExponent)
	}
	n, _ := new(big.Int).SetString(coef, 10)
	return n, exp, nil
}

func pow10(k int) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil)
}

func isDigit(c byte) bool    { return c >= '0' && c <= '9' }
func isHexDigit(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// clip shortens s for an error message.
func clip(s string) string {
	if len(s) <= maxValueForErr {
		return s
	}
	return s[:maxValueForErr] + "…"
}
