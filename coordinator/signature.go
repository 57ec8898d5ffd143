package coordinator

import (
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// resolveFunction turns a request's target_function (and abi) into the
// canonical signature and its parameter types. Errors are *fieldError,
// naming target_function unless the abi is at fault.
//
// target_function is either a canonical signature ("increment(uint256)") or
// a method name looked up in abiJSON. When both a signature and an ABI are
// given, the signature must be one of the ABI's methods.
func resolveFunction(fn, abiJSON string) (sig string, params []string, err error) {
	fn = strings.TrimSpace(fn)
	if fn == "" {
		return "", nil, errors.New("is required")
	}
	var parsed *abi.ABI
	if strings.TrimSpace(abiJSON) != "" {
		a, err := abi.JSON(strings.NewReader(abiJSON))
		if err != nil {
			return "", nil, badField("abi", "is not a valid contract ABI (JSON): %v", err)
		}
		parsed = &a
	}
	if strings.Contains(fn, "(") {
		params, err := parseSignature(fn)
		if err != nil {
			return "", nil, err
		}
		if parsed != nil && !abiHasSignature(parsed, fn) {
			return "", nil, fmt.Errorf("%q is not a method of the given abi", fn)
		}
		return fn, params, nil
	}
	if !isIdentifier(fn) {
		return "", nil, fmt.Errorf("%q is neither a canonical signature like \"increment(uint256)\" nor a method name", fn)
	}
	if parsed == nil {
		return "", nil, fmt.Errorf("%q is a method name: send its canonical signature (e.g. \"%s(uint256)\") or the contract abi", fn, fn)
	}
	var found []abi.Method
	for _, m := range parsed.Methods {
		if m.RawName == fn {
			found = append(found, m)
		}
	}
	switch len(found) {
	case 0:
		return "", nil, fmt.Errorf("method %q is not in the given abi", fn)
	case 1:
	default:
		return "", nil, fmt.Errorf("method %q is overloaded in the abi: send its canonical signature instead", fn)
	}
	sig = found[0].Sig
	params, err = parseSignature(sig)
	if err != nil {
		return "", nil, fmt.Errorf("method %q: %w", fn, err)
	}
	return sig, params, nil
}

func abiHasSignature(a *abi.ABI, sig string) bool {
	for _, m := range a.Methods {
		if m.Sig == sig {
			return true
		}
	}
	return false
}

// parseSignature checks that sig is a canonical function signature, name
// followed by its parameter types without spaces or names, with every
// integer type sized ("uint256", not "uint"), and returns the types.
func parseSignature(sig string) ([]string, error) {
	open := strings.IndexByte(sig, '(')
	if open < 0 || !strings.HasSuffix(sig, ")") {
		return nil, fmt.Errorf("%q is not a signature like \"increment(uint256)\"", sig)
	}
	name := sig[:open]
	if !isIdentifier(name) {
		return nil, fmt.Errorf("%q has an invalid function name", sig)
	}
	inner := sig[open+1 : len(sig)-1]
	if inner == "" {
		return nil, nil
	}
	params, err := splitTopLevel(inner)
	if err != nil {
		return nil, fmt.Errorf("%q: %w", sig, err)
	}
	for _, p := range params {
		if err := checkCanonicalType(p); err != nil {
			return nil, fmt.Errorf("%q is not canonical: %w", sig, err)
		}
	}
	return params, nil
}

// splitTopLevel splits a comma-separated type list, keeping tuples whole.
func splitTopLevel(s string) ([]string, error) {
	var (
		out   []string
		depth int
		start int
	)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth < 0 {
				return nil, errors.New("unbalanced parentheses")
			}
		case ',':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	if depth != 0 {
		return nil, errors.New("unbalanced parentheses")
	}
	return append(out, s[start:]), nil
}

// checkCanonicalType accepts the canonical ABI type names: elementary types,
// tuples "(T1,T2)" and arrays "T[]", "T[N]" of them.
func checkCanonicalType(t string) error {
	// Peel array suffixes.
	for strings.HasSuffix(t, "]") {
		i := strings.LastIndexByte(t, '[')
		if i <= 0 {
			return fmt.Errorf("type %q: malformed array", t)
		}
		if n := t[i+1 : len(t)-1]; n != "" {
			if v, err := parseDecimal(n); err != nil || v == 0 {
				return fmt.Errorf("type %q: bad array length %q", t, n)
			}
		}
		t = t[:i]
	}
	if strings.HasPrefix(t, "(") {
		if !strings.HasSuffix(t, ")") {
			return fmt.Errorf("type %q: malformed tuple", t)
		}
		inner := t[1 : len(t)-1]
		if inner == "" {
			return fmt.Errorf("type %q: empty tuple", t)
		}
		parts, err := splitTopLevel(inner)
		if err != nil {
			return fmt.Errorf("type %q: %w", t, err)
		}
		for _, p := range parts {
			if err := checkCanonicalType(p); err != nil {
				return err
			}
		}
		return nil
	}
	switch t {
	case "address", "bool", "string", "bytes", "function":
		return nil
	case "uint", "int":
		return fmt.Errorf("type %q must be sized (%s256)", t, t)
	}
	for _, p := range []struct {
		prefix        string
		min, max, mul int
	}{{"uint", 8, 256, 8}, {"int", 8, 256, 8}, {"bytes", 1, 32, 1}} {
		if n, ok := strings.CutPrefix(t, p.prefix); ok {
			v, err := parseDecimal(n)
			if err != nil || int(v) < p.min || int(v) > p.max || int(v)%p.mul != 0 {
				return fmt.Errorf("unknown type %q", t)
			}
			return nil
		}
	}
	return fmt.Errorf("unknown type %q", t)
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_' || r == '$' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z'):
		case i > 0 && r >= '0' && r <= '9':
		default:
			return false
		}
	}
	return true
}

// checkArgument checks a static argument against its parameter type, for
// the elementary types the keeper encodes from a string: integers (decimal
// or 0x hex), address, bool, bytes and bytesN (0x hex), string. Arrays and
// tuples are left to the keeper's encoder.
func checkArgument(typ, arg string) error {
	switch {
	case strings.HasSuffix(typ, "]") || strings.HasSuffix(typ, ")"):
		return nil
	case typ == "string":
		return nil
	case typ == "address":
		if !common.IsHexAddress(arg) || !strings.HasPrefix(arg, "0x") && !strings.HasPrefix(arg, "0X") {
			return fmt.Errorf("%q is not a 0x-prefixed address", arg)
		}
		return nil
	case typ == "bool":
		if arg != "true" && arg != "false" {
			return fmt.Errorf("%q is not a bool (true or false)", arg)
		}
		return nil
	case typ == "bytes":
		if _, err := hexutil.Decode(arg); err != nil {
			return fmt.Errorf("%q is not 0x-prefixed hex bytes", arg)
		}
		return nil
	case strings.HasPrefix(typ, "bytes"):
		n, _ := strconv.Atoi(typ[len("bytes"):])
		b, err := hexutil.Decode(arg)
		if err != nil || len(b) != n {
			return fmt.Errorf("%q is not %d bytes of 0x-prefixed hex", arg, n)
		}
		return nil
	case strings.HasPrefix(typ, "uint"), strings.HasPrefix(typ, "int"):
		signed := strings.HasPrefix(typ, "int")
		bits, _ := strconv.Atoi(strings.TrimPrefix(strings.TrimPrefix(typ, "u"), "int"))
		v, ok := parseInteger(arg)
		if !ok {
			return fmt.Errorf("%q is not a decimal or 0x-hex integer", arg)
		}
		lim := new(big.Int).Lsh(big.NewInt(1), uint(bits))
		if signed {
			lim.Rsh(lim, 1)
			if v.Cmp(new(big.Int).Neg(lim)) < 0 || v.Cmp(lim) >= 0 {
				return fmt.Errorf("%q does not fit in %s", arg, typ)
			}
			return nil
		}
		if v.Sign() < 0 || v.Cmp(lim) >= 0 {
			return fmt.Errorf("%q does not fit in %s", arg, typ)
		}
		return nil
	}
	return nil
}

// parseInteger parses a decimal integer (optionally negative) or 0x hex.
func parseInteger(s string) (*big.Int, bool) {
	neg := strings.HasPrefix(s, "-")
	body := strings.TrimPrefix(s, "-")
	base := 10
	if h, ok := strings.CutPrefix(body, "0x"); ok {
		body, base = h, 16
	} else if h, ok := strings.CutPrefix(body, "0X"); ok {
		body, base = h, 16
	}
	if body == "" || strings.ContainsAny(body, "+-_ ") {
		return nil, false
	}
	v, ok := new(big.Int).SetString(body, base)
	if !ok {
		return nil, false
	}
	if neg {
		v.Neg(v)
	}
	return v, true
}
