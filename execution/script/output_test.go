package script_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/execution"
	"github.com/triggerx-network/triggerx/execution/script"
)

func TestParseOutputArguments(t *testing.T) {
	const checksummed = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
	tests := []struct {
		name     string
		function string
		stdout   string
		want     []string // canonical arguments
		storage  map[string]string
	}{
		{"precision: JSON number stays exact", "f(uint256)",
			`{"arguments": [123456789012345678901234567890]}`, []string{"123456789012345678901234567890"}, nil},
		{"max uint256 as number", "f(uint256)",
			`{"arguments":[115792089237316195423570985008687907853269984665640564039457584007913129639935]}`,
			[]string{"115792089237316195423570985008687907853269984665640564039457584007913129639935"}, nil},
		{"hex string integer", "f(uint64)", `{"arguments":["0x2a"]}`, []string{"42"}, nil},
		{"negative int", "f(int8)", `{"arguments":[-128]}`, []string{"-128"}, nil},
		{"bool as JSON bool and string", "f(bool,bool)", `{"arguments":[true,"false"]}`, []string{"true", "false"}, nil},
		{"lowercase address becomes checksummed", "f(address)",
			`{"arguments":["` + strings.ToLower(checksummed) + `"]}`, []string{checksummed}, nil},
		{"bytes", "f(bytes,bytes4,string)", `{"arguments":["0xABCD","0x01020304","hi \u00e9"]}`,
			[]string{"0xabcd", "0x01020304", "hi é"}, nil},
		{"array and tuple as JSON", "f(uint256[],(uint8,bool,address))",
			`{"arguments":[[1, "2", 99999999999999999999999], [7, true, "` + checksummed + `"]]}`,
			[]string{`["1","2","99999999999999999999999"]`, `["7",true,"` + checksummed + `"]`}, nil},
		{"array as string", "f(uint8[2])", `{"arguments":["[1,2]"]}`, []string{`["1","2"]`}, nil},
		{"no arguments", "ping()", `{"arguments":[]}`, []string{}, nil},
		{"whitespace around, storage", "f(uint256)",
			"\n\t {\"storage\": {\"last\": \"5\", \"gone\": \"\"}, \"arguments\": [5]}  \n", []string{"5"},
			map[string]string{"last": "5", "gone": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, tdid := range []attestation.TaskDefinitionID{attestation.TimeScript, attestation.EventScript, attestation.ConditionScript} {
				out, err := script.ParseOutput(tdid, tt.function, []byte(tt.stdout))
				require.NoError(t, err)
				require.True(t, out.ShouldExecute)
				require.Equal(t, common.Address{}, out.Target)
				require.Equal(t, tt.want, out.Arguments)
				want := tt.storage
				if want == nil {
					want = map[string]string{}
				}
				require.Equal(t, want, out.StorageUpdates)
				calldata, err := execution.EncodeCall(tt.function, tt.want)
				require.NoError(t, err)
				require.Equal(t, calldata, out.Calldata, "canonical arguments re-encode to the calldata")
			}
		})
	}
}

func TestParseOutputCustom(t *testing.T) {
	const checksummed = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
	target := common.HexToAddress(checksummed)
	tests := []struct {
		name   string
		stdout string
		want   script.Output
	}{
		{"execute, checksummed", `{"shouldExecute":true,"target":"` + checksummed + `","calldata":"0xd09de08a"}`,
			script.Output{ShouldExecute: true, Target: target, Calldata: hexutil.MustDecode("0xd09de08a"), StorageUpdates: map[string]string{}}},
		{"execute, lowercase, storage", `{"storage":{"n":"1"},"calldata":"0xD09DE08A00","target":"` + strings.ToLower(checksummed) + `","shouldExecute":true}`,
			script.Output{ShouldExecute: true, Target: target, Calldata: hexutil.MustDecode("0xd09de08a00"), StorageUpdates: map[string]string{"n": "1"}}},
		{"skip", `{"shouldExecute":false}`, script.Output{StorageUpdates: map[string]string{}}},
		{"skip with empty fields", `{"shouldExecute":false,"target":"","calldata":"","storage":{"k":"v"}}`,
			script.Output{StorageUpdates: map[string]string{"k": "v"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := script.ParseOutput(attestation.CustomScript, "", []byte(tt.stdout))
			require.NoError(t, err)
			require.Equal(t, tt.want, out)
		})
	}
}

func TestParseOutputInvalid(t *testing.T) {
	const addr = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"
	tests := []struct {
		name     string
		tdid     attestation.TaskDefinitionID
		function string
		stdout   string
		reason   string
	}{
		// The document.
		{"empty", 2, "f(uint256)", "", "output_not_json"},
		{"whitespace only", 2, "f(uint256)", " \n", "output_not_json"},
		{"log line before", 2, "f(uint256)", "Response: 42\n{\"arguments\":[42]}", "output_not_json"},
		{"truncated", 2, "f(uint256)", `{"arguments":[42]`, "output_not_json"},
		{"invalid utf8", 2, "f(string)", "{\"arguments\":[\"\xff\"]}", "output_not_json"},
		{"top-level array", 2, "f(uint256)", `[42]`, "output_not_object"},
		{"top-level number", 2, "f(uint256)", `42`, "output_not_object"},
		{"top-level null", 7, "", `null`, "output_not_object"},
		{"trailing garbage", 2, "f(uint256)", `{"arguments":[42]} done`, "output_trailing_data"},
		{"two objects", 2, "f(uint256)", `{"arguments":[42]}{"arguments":[43]}`, "output_trailing_data"},
		{"two objects on lines", 7, "", "{\"shouldExecute\":false}\n{\"shouldExecute\":false}\n", "output_trailing_data"},
		{"too large", 2, "f(string)", `{"arguments":["` + strings.Repeat("a", script.MaxOutputBytes) + `"]}`, "output_too_large"},
		{"unknown field", 2, "f(uint256)", `{"arguments":[42],"args":[1]}`, "output_unknown_field"},
		{"7 field in 2", 2, "f(uint256)", `{"arguments":[42],"shouldExecute":true}`, "output_unknown_field"},
		{"nested unknown field (metadata)", 7, "", `{"shouldExecute":false,"metadata":{"reason":"x","apiCalls":[]}}`, "output_unknown_field"},
		{"case-variant field", 7, "", `{"ShouldExecute":false}`, "output_unknown_field"},
		{"duplicate field", 2, "f(uint256)", `{"arguments":[1],"arguments":[2]}`, "output_duplicate_field"},
		{"missing arguments", 4, "f(uint256)", `{"storage":{}}`, "output_missing_field"},
		{"missing shouldExecute", 7, "", `{"target":"` + addr + `","calldata":"0x12345678"}`, "output_missing_field"},
		{"missing target", 7, "", `{"shouldExecute":true,"calldata":"0x12345678"}`, "output_missing_field"},
		{"missing calldata", 7, "", `{"shouldExecute":true,"target":"` + addr + `"}`, "output_missing_field"},
		{"arguments not array", 2, "f(uint256)", `{"arguments":"42"}`, "output_bad_field"},
		{"arguments null", 2, "f(uint256)", `{"arguments":null}`, "output_bad_field"},
		{"shouldExecute string", 7, "", `{"shouldExecute":"true"}`, "output_bad_field"},
		// Arguments.
		{"huge number for uint8", 2, "f(uint8)", `{"arguments":[256]}`, "output_bad_argument"},
		{"very huge number", 2, "f(uint256)", `{"arguments":[1` + strings.Repeat("0", 100) + `]}`, "output_bad_argument"},
		{"uint256 overflow by one", 2, "f(uint256)",
			`{"arguments":[115792089237316195423570985008687907853269984665640564039457584007913129639936]}`, "output_bad_argument"},
		{"negative for uint", 2, "f(uint256)", `{"arguments":[-1]}`, "output_bad_argument"},
		{"negative string for uint", 2, "f(uint256)", `{"arguments":["-1"]}`, "output_bad_argument"},
		{"float", 2, "f(uint256)", `{"arguments":[1.5]}`, "output_bad_argument"},
		{"float with zero fraction", 2, "f(uint256)", `{"arguments":[1.0]}`, "output_bad_argument"},
		{"exponent", 2, "f(uint256)", `{"arguments":[1e18]}`, "output_bad_argument"},
		{"too few", 2, "f(uint256,uint256)", `{"arguments":[1]}`, "output_bad_argument"},
		{"too many", 2, "f(uint256)", `{"arguments":[1,2]}`, "output_bad_argument"},
		{"null argument", 2, "f(uint256)", `{"arguments":[null]}`, "output_bad_argument"},
		{"object argument", 2, "f((uint256,uint256))", `{"arguments":[{"a":1,"b":2}]}`, "output_bad_argument"},
		{"number for string", 2, "f(string)", `{"arguments":[42]}`, "output_bad_argument"},
		{"number for address", 2, "f(address)", `{"arguments":[42]}`, "output_bad_argument"},
		{"bad checksum", 2, "f(address)", `{"arguments":["0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"]}`, "output_bad_argument"},
		{"bool for uint", 2, "f(uint256)", `{"arguments":[true]}`, "output_bad_argument"},
		{"array for uint", 2, "f(uint256)", `{"arguments":[[1]]}`, "output_bad_argument"},
		{"element out of range", 2, "f(uint8[])", `{"arguments":[[1,300]]}`, "output_bad_argument"},
		{"wrong bytesN length", 2, "f(bytes4)", `{"arguments":["0x0102"]}`, "output_bad_argument"},
		{"invalid function", 2, "f(uint)", `{"arguments":[1]}`, "invalid_function"},
		// Custom.
		{"target not hex", 7, "", `{"shouldExecute":true,"target":"0xzz5aeb6053f3e94c9b9a09f33669435e7ef1beaed","calldata":"0x12345678"}`, "output_bad_target"},
		{"target short", 7, "", `{"shouldExecute":true,"target":"0x5aaeb6","calldata":"0x12345678"}`, "output_bad_target"},
		{"target no 0x", 7, "", `{"shouldExecute":true,"target":"5aaeb6053f3e94c9b9a09f33669435e7ef1beaed00","calldata":"0x12345678"}`, "output_bad_target"},
		{"target bad checksum", 7, "", `{"shouldExecute":true,"target":"0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed","calldata":"0x12345678"}`, "output_bad_target"},
		{"target uppercase", 7, "", `{"shouldExecute":true,"target":"0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED","calldata":"0x12345678"}`, "output_bad_target"},
		{"target zero", 7, "", `{"shouldExecute":true,"target":"0x0000000000000000000000000000000000000000","calldata":"0x12345678"}`, "output_bad_target"},
		{"target number", 7, "", `{"shouldExecute":true,"target":1,"calldata":"0x12345678"}`, "output_bad_target"},
		{"target null", 7, "", `{"shouldExecute":false,"target":null}`, "output_bad_target"},
		{"target when skipping", 7, "", `{"shouldExecute":false,"target":"` + addr + `"}`, "output_bad_target"},
		{"calldata too short", 7, "", `{"shouldExecute":true,"target":"` + addr + `","calldata":"0x123456"}`, "output_bad_calldata"},
		{"calldata empty", 7, "", `{"shouldExecute":true,"target":"` + addr + `","calldata":"0x"}`, "output_bad_calldata"},
		{"calldata odd", 7, "", `{"shouldExecute":true,"target":"` + addr + `","calldata":"0x123456789"}`, "output_bad_calldata"},
		{"calldata no 0x", 7, "", `{"shouldExecute":true,"target":"` + addr + `","calldata":"12345678"}`, "output_bad_calldata"},
		{"calldata not hex", 7, "", `{"shouldExecute":true,"target":"` + addr + `","calldata":"0x1234567g"}`, "output_bad_calldata"},
		{"calldata when skipping", 7, "", `{"shouldExecute":false,"calldata":"0x12345678"}`, "output_bad_calldata"},
		// Storage.
		{"storage not object", 2, "f(uint256)", `{"arguments":[1],"storage":["a"]}`, "storage_invalid"},
		{"storage null", 7, "", `{"shouldExecute":false,"storage":null}`, "storage_invalid"},
		{"storage number value", 7, "", `{"shouldExecute":false,"storage":{"k":1}}`, "storage_invalid"},
		{"storage nested object", 7, "", `{"shouldExecute":false,"storage":{"k":{"x":"y"}}}`, "storage_invalid"},
		{"storage bad key", 7, "", `{"shouldExecute":false,"storage":{"a key":"v"}}`, "storage_invalid"},
		{"storage duplicate key", 7, "", `{"shouldExecute":false,"storage":{"k":"1","k":"2"}}`, "storage_invalid"},
		{"storage value too long", 7, "", `{"shouldExecute":false,"storage":{"k":"` + strings.Repeat("v", script.MaxStorageValLen+1) + `"}}`, "storage_invalid"},
		// Caller.
		{"static task", 1, "f(uint256)", `{"arguments":[1]}`, "not_script_task"},
		{"unknown task", 9, "", `{"shouldExecute":false}`, "not_script_task"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := script.ParseOutput(tt.tdid, tt.function, []byte(tt.stdout))
			require.Error(t, err)
			require.Equal(t, tt.reason, script.Reason(err), "%v", err)
			require.Equal(t, script.Output{}, out)
		})
	}
}

func TestOutputHash(t *testing.T) {
	parse := func(s string) script.Output {
		out, err := script.ParseOutput(attestation.TimeScript, "f(uint256,address)", []byte(s))
		require.NoError(t, err)
		return out
	}
	const addr = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
	a := parse(`{"arguments":[42,"` + addr + `"],"storage":{"b":"2","a":"1"}}`)
	b := parse(`{"storage":{"a":"1","b":"2"},"arguments":["0x2a","` + strings.ToLower(addr) + `"]}`)
	require.Equal(t, a.Hash(), b.Hash(), "same canonical output, same hash")
	require.Equal(t, a.Hash(), a.Clone().Hash())
	c := parse(`{"arguments":[43,"` + addr + `"],"storage":{"b":"2","a":"1"}}`)
	require.NotEqual(t, a.Hash(), c.Hash())
	d := parse(`{"arguments":[42,"` + addr + `"],"storage":{"b":"2"}}`)
	require.NotEqual(t, a.Hash(), d.Hash())

	golden(t, "output_args", a.Encode())
	skip, err := script.ParseOutput(attestation.CustomScript, "", []byte(`{"shouldExecute":false}`))
	require.NoError(t, err)
	golden(t, "output_skip", skip.Encode())
	require.Equal(t, skip.Hash(), script.Output{}.Hash(), "nil and empty encode alike")
}

func FuzzParseOutput(f *testing.F) {
	seeds := []string{
		`{"arguments":[123456789012345678901234567890,"0x2a",[1,2],[3,true,"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"]],"storage":{"k":"v"}}`,
		`{"shouldExecute":true,"target":"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed","calldata":"0xd09de08a"}`,
		`{"shouldExecute":false}`, `[1]`, `{"a":1}{"b":2}`, `{"arguments":[-1]}`, ``, `{`, `{"arguments":[1e400]}`,
	}
	for _, s := range seeds {
		f.Add(uint8(2), s)
		f.Add(uint8(7), s)
	}
	const function = "f(uint256,int64,uint8[],(uint16,bool,address))"
	f.Fuzz(func(t *testing.T, tdid uint8, stdout string) {
		out, err := script.ParseOutput(attestation.TaskDefinitionID(tdid%8), function, []byte(stdout))
		if err != nil {
			if script.Reason(err) == "" {
				t.Fatalf("error without a reason: %v", err)
			}
			return
		}
		if out.Arguments != nil {
			calldata, err := execution.EncodeCall(function, out.Arguments)
			if err != nil || !bytes.Equal(calldata, out.Calldata) {
				t.Fatalf("canonical arguments %q do not re-encode: %v", out.Arguments, err)
			}
		}
		out.Hash()
	})
}
