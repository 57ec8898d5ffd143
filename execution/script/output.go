package script

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/triggerx-network/triggerx/attestation"
)

// MaxOutputBytes caps a script's stdout. A runner should stop reading (and
// kill the script) past this size; ParseOutput rejects a larger output with
// ErrOutputTooLarge.
const MaxOutputBytes = 64 * 1024

// Output is a script's parsed stdout.
//
// For task definitions 2, 4 and 6 the script prints
//
//	{"arguments": [...], "storage": {"k": "v"}}
//
// ("storage" optional) and the task always executes: ShouldExecute is true,
// Target is zero (the job's action target is called), Arguments are the
// canonical arguments and Calldata their encoding for the job's function.
//
// For task definition 7 the script prints
//
//	{"shouldExecute": true, "target": "0x…", "calldata": "0x…", "storage": {...}}
//
// and Output carries them; Arguments is nil.
type Output struct {
	ShouldExecute bool
	Target        common.Address
	Calldata      []byte
	// Arguments, for 2/4/6, in canonical form, one per parameter: integers
	// in decimal, addresses EIP-55, bytes and bytesN 0x lowercase hex, bools
	// "true"/"false", strings as is; arrays and tuples as compact JSON
	// arrays whose integers are decimal strings. execution.EncodeCall of the
	// job's function and Arguments gives Calldata.
	Arguments []string
	// StorageUpdates to apply to the job's storage (ApplyStorage): a value
	// "" deletes the key. Never nil.
	StorageUpdates map[string]string
}

// Clone returns a deep copy of o.
func (o Output) Clone() Output {
	o.Calldata = slices.Clone(o.Calldata)
	o.Arguments = slices.Clone(o.Arguments)
	o.StorageUpdates = maps.Clone(o.StorageUpdates)
	return o
}

// outputEncoding is the canonical encoding of an Output.
type outputEncoding struct {
	ShouldExecute bool              `json:"should_execute"`
	Target        common.Address    `json:"target"`   // lowercase 0x hex
	Calldata      string            `json:"calldata"` // lowercase 0x hex, "0x" when empty
	Arguments     []string          `json:"arguments"`
	Storage       map[string]string `json:"storage"`
}

// Encode returns the canonical encoding of o: compact JSON of
// {should_execute, target, calldata, arguments, storage} in that order,
// storage keys sorted, nil slices and maps as [] and {}.
func (o Output) Encode() []byte {
	e := outputEncoding{
		ShouldExecute: o.ShouldExecute,
		Target:        o.Target,
		Calldata:      hexutil.Encode(o.Calldata),
		Arguments:     o.Arguments,
		Storage:       o.StorageUpdates,
	}
	if e.Arguments == nil {
		e.Arguments = []string{}
	}
	if e.Storage == nil {
		e.Storage = map[string]string{}
	}
	return canonicalJSON(e)
}

// Hash is keccak256 of the canonical encoding; the performer's result
// commits to it and attesters compare it with their own re-run.
func (o Output) Hash() common.Hash {
	return crypto.Keccak256Hash(o.Encode())
}

// Field names of the two output shapes (case-sensitive).
var (
	argsFields   = map[string]bool{"arguments": true, "storage": true}
	customFields = map[string]bool{"shouldExecute": true, "target": true, "calldata": true, "storage": true}
)

// ParseOutput parses a script's stdout for a task of definition tdid whose
// job calls function (the canonical signature of the job's action; unused
// for 7). It is strict: stdout must be exactly one JSON object, with only
// whitespace around it, valid UTF-8, at most MaxOutputBytes, no unknown or
// duplicate fields; arguments must convert exactly to the function's
// parameter types (see execution.EncodeCall: integers as JSON numbers or
// strings, never rounded). Errors wrap one of the sentinel errors (Reason
// gives the code), or execution.ErrInvalidFunction if function itself is
// not canonical.
func ParseOutput(tdid attestation.TaskDefinitionID, function string, stdout []byte) (Output, error) {
	var allowed map[string]bool
	switch tdid {
	case attestation.TimeScript, attestation.EventScript, attestation.ConditionScript:
		allowed = argsFields
	case attestation.CustomScript:
		allowed = customFields
	default:
		return Output{}, fmt.Errorf("%w: task definition %d", ErrNotScriptTask, tdid)
	}
	if len(stdout) > MaxOutputBytes {
		return Output{}, fmt.Errorf("%w: %d bytes, at most %d", ErrOutputTooLarge, len(stdout), MaxOutputBytes)
	}
	if !utf8.Valid(stdout) {
		return Output{}, fmt.Errorf("%w: invalid UTF-8", ErrOutputNotJSON)
	}
	top, err := topObject(stdout)
	if err != nil {
		return Output{}, err
	}
	fields, err := objectFields(top, func(k string) error {
		if !allowed[k] {
			return fmt.Errorf("%w %q", ErrOutputUnknownField, clip(k))
		}
		return nil
	})
	if err != nil {
		return Output{}, err
	}
	updates, err := parseStorage(fields["storage"])
	if err != nil {
		return Output{}, err
	}
	var out Output
	if tdid == attestation.CustomScript {
		out, err = parseCustom(fields)
	} else {
		out, err = parseArguments(function, fields)
	}
	if err != nil {
		return Output{}, err
	}
	out.StorageUpdates = updates
	return out, nil
}

// topObject checks that data is exactly one JSON object surrounded by
// whitespace and returns it.
func topObject(data []byte) (json.RawMessage, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%w: empty output", ErrOutputNotJSON)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrOutputNotJSON, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%w at offset %d", ErrOutputTrailingData, dec.InputOffset())
	}
	if raw[0] != '{' {
		return nil, fmt.Errorf("%w: got %s", ErrOutputNotObject, jsonKind(raw))
	}
	return raw, nil
}

// objectFields splits a valid JSON object into its fields, rejecting
// duplicate names and names that check refuses.
func objectFields(obj json.RawMessage, check func(string) error) (map[string]json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(obj))
	if _, err := dec.Token(); err != nil { // '{'
		return nil, fmt.Errorf("%w: %v", ErrOutputNotJSON, err)
	}
	fields := map[string]json.RawMessage{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrOutputNotJSON, err)
		}
		key, _ := tok.(string)
		if err := check(key); err != nil {
			return nil, err
		}
		if _, dup := fields[key]; dup {
			return nil, fmt.Errorf("%w %q", ErrOutputDuplicateField, clip(key))
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrOutputNotJSON, err)
		}
		fields[key] = v
	}
	return fields, nil
}

func jsonKind(raw json.RawMessage) string {
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a bool"
	case 'n':
		return "null"
	}
	return "a number"
}

// parseStorage parses the optional "storage" field: an object of strings.
func parseStorage(raw json.RawMessage) (map[string]string, error) {
	updates := map[string]string{}
	if raw == nil {
		return updates, nil
	}
	if raw[0] != '{' {
		return nil, fmt.Errorf("%w: storage must be an object of strings, got %s", ErrStorageInvalid, jsonKind(raw))
	}
	fields, err := objectFields(raw, func(k string) error { return checkKey(k) })
	if err != nil {
		if errors.Is(err, ErrOutputDuplicateField) {
			return nil, fmt.Errorf("%w: %v", ErrStorageInvalid, err)
		}
		return nil, err
	}
	for k, v := range fields {
		if v[0] != '"' {
			return nil, fmt.Errorf("%w: value of %q must be a string, got %s", ErrStorageInvalid, k, jsonKind(v))
		}
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return nil, fmt.Errorf("%w: value of %q: %v", ErrStorageInvalid, k, err)
		}
		updates[k] = s
	}
	if err := ValidateStorage(updates); err != nil {
		return nil, err
	}
	return updates, nil
}

// parseCustom reads the task-definition-7 shape.
func parseCustom(fields map[string]json.RawMessage) (Output, error) {
	raw, ok := fields["shouldExecute"]
	if !ok {
		return Output{}, fmt.Errorf("%w: shouldExecute", ErrOutputMissingField)
	}
	var out Output
	switch string(raw) {
	case "true":
		out.ShouldExecute = true
	case "false":
	default:
		return Output{}, fmt.Errorf("%w: shouldExecute must be a bool, got %s", ErrOutputBadField, jsonKind(raw))
	}
	target, hasTarget, err := stringField(fields, "target", ErrOutputBadTarget)
	if err != nil {
		return Output{}, err
	}
	calldata, hasCalldata, err := stringField(fields, "calldata", ErrOutputBadCalldata)
	if err != nil {
		return Output{}, err
	}
	if !out.ShouldExecute {
		if target != "" {
			return Output{}, fmt.Errorf("%w: target set although shouldExecute is false", ErrOutputBadTarget)
		}
		if calldata != "" {
			return Output{}, fmt.Errorf("%w: calldata set although shouldExecute is false", ErrOutputBadCalldata)
		}
		return out, nil
	}
	if !hasTarget {
		return Output{}, fmt.Errorf("%w: target (shouldExecute is true)", ErrOutputMissingField)
	}
	if !hasCalldata {
		return Output{}, fmt.Errorf("%w: calldata (shouldExecute is true)", ErrOutputMissingField)
	}
	if out.Target, err = parseTarget(target); err != nil {
		return Output{}, err
	}
	if out.Calldata, err = parseCalldata(calldata); err != nil {
		return Output{}, err
	}
	return out, nil
}

// stringField returns the string value of an optional field; a value of any
// other JSON type (null included) is an error wrapping sentinel.
func stringField(fields map[string]json.RawMessage, name string, sentinel error) (string, bool, error) {
	raw, ok := fields[name]
	if !ok {
		return "", false, nil
	}
	if raw[0] != '"' {
		return "", true, fmt.Errorf("%w: %s must be a string, got %s", sentinel, name, jsonKind(raw))
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", true, fmt.Errorf("%w: %s: %v", sentinel, name, err)
	}
	return s, true, nil
}

// parseTarget accepts "0x" and 40 hex digits, all lowercase or EIP-55
// checksummed, not the zero address.
func parseTarget(s string) (common.Address, error) {
	h, ok := strings.CutPrefix(s, "0x")
	if !ok || len(h) != 40 {
		return common.Address{}, fmt.Errorf("%w: want 0x and 40 hex digits, got %q", ErrOutputBadTarget, clip(s))
	}
	b, err := hex.DecodeString(h)
	if err != nil {
		return common.Address{}, fmt.Errorf("%w: want 0x and 40 hex digits, got %q", ErrOutputBadTarget, clip(s))
	}
	a := common.BytesToAddress(b)
	if h != strings.ToLower(h) && a.Hex() != s {
		return common.Address{}, fmt.Errorf("%w: %s is neither lowercase nor EIP-55 (want %s)", ErrOutputBadTarget, s, a.Hex())
	}
	if a == (common.Address{}) {
		return common.Address{}, fmt.Errorf("%w: zero address", ErrOutputBadTarget)
	}
	return a, nil
}

// parseCalldata accepts "0x" and an even number of hex digits, at least a
// 4-byte selector.
func parseCalldata(s string) ([]byte, error) {
	h, ok := strings.CutPrefix(s, "0x")
	if !ok || len(h)%2 != 0 {
		return nil, fmt.Errorf("%w: want 0x and an even number of hex digits, got %q", ErrOutputBadCalldata, clip(s))
	}
	b, err := hex.DecodeString(h)
	if err != nil {
		return nil, fmt.Errorf("%w: bad hex in %q", ErrOutputBadCalldata, clip(s))
	}
	if len(b) < 4 {
		return nil, fmt.Errorf("%w: %d bytes, want at least a 4-byte selector", ErrOutputBadCalldata, len(b))
	}
	return b, nil
}
