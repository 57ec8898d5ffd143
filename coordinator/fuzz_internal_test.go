package coordinator

import (
	"strings"
	"testing"
)

// FuzzParseJobCursor: any ?cursor= is refused or decodes to a position
// whose own cursor decodes to it again.
func FuzzParseJobCursor(f *testing.F) {
	for _, seed := range []string{"", jobCursor(0), jobCursor(1), jobCursor(1<<64 - 1), "agAAAAAAAAAB\n", "ag", "bgAAAAAAAAAB", "agAAAAAAAAAB=", "!!"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		after, ok, err := parseJobCursor(s)
		if err != nil || !ok {
			if ok || (err == nil) != (s == "") {
				t.Fatalf("parseJobCursor(%q) = %d, %v, %v", s, after, ok, err)
			}
			return
		}
		again, ok, err := parseJobCursor(jobCursor(after))
		if err != nil || !ok || again != after {
			t.Fatalf("cursor of %d from %q reads %d, %v, %v", after, s, again, ok, err)
		}
	})
}

// FuzzDecimal: an accepted integer re-encodes to one that decodes to it.
func FuzzDecimal(f *testing.F) {
	for _, seed := range []string{`"0"`, `42`, ` 7 `, `"18446744073709551615"`, `"18446744073709551616"`, `-1`, `1e3`, `"01"`, `"\u0031"`, `""`, `"`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var d Decimal
		if err := d.UnmarshalJSON(b); err != nil {
			return
		}
		out, err := d.MarshalJSON()
		if err != nil {
			t.Fatalf("marshal %d: %v", d, err)
		}
		var again Decimal
		if err := again.UnmarshalJSON(out); err != nil || again != d {
			t.Fatalf("%q decodes to %d, re-encoded %s to %d (%v)", b, d, out, again, err)
		}
	})
}

// FuzzDecodeJobRequests: a POST /api/jobs body decodes to 1..max jobs, one
// for an object, or fails; never a panic.
func FuzzDecodeJobRequests(f *testing.F) {
	for _, seed := range []string{
		`{"job_id":"1","task_definition_id":1,"time_interval":60,"target_chain_id":"31337",` +
			`"target_contract_address":"0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359","target_function":"increment(uint256)","arguments":["1"]}`,
		`[{"job_id":1},{"job_id":2}]`,
		`[]`, `[1]`, `{"job_id":-1}`, `{"job_id":null,"arguments":null}`, `{"arguments":[1]}`, `{"abi":[{"type":"function"}]}`,
		` {`, `"x"`, ``, `[{},{},{},{}]`,
	} {
		f.Add([]byte(seed))
	}
	const max = 3
	f.Fuzz(func(t *testing.T, body []byte) {
		reqs, isArray, err := decodeJobRequests(body, max)
		if err != nil {
			return
		}
		if len(reqs) < 1 || len(reqs) > max || (!isArray && len(reqs) != 1) {
			t.Fatalf("%q: %d jobs, array %v", body, len(reqs), isArray)
		}
	})
}

// FuzzParseSignature: an accepted target_function is its name and the
// types returned, comma separated.
func FuzzParseSignature(f *testing.F) {
	for _, seed := range []string{"increment(uint256)", "f()", "f((uint256,address)[],bytes32[2])", "f(uint)", "f(uint256 x)",
		"f((uint8)", "f(uint8))", "(uint8)", "f(,)", "f(tuple(uint8))", "f(int8[0])"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, sig string) {
		types, err := parseSignature(sig)
		if err != nil {
			return
		}
		name := sig[:strings.IndexByte(sig, '(')]
		if got := name + "(" + strings.Join(types, ",") + ")"; got != sig {
			t.Fatalf("%q parses to %q", sig, got)
		}
	})
}
