package condition

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// maxPathSegments bounds a key path.
const maxPathSegments = 64

// keyPath is a parsed dot path; nil is the root.
type keyPath []string

// parseKeyPath splits a dot path ("data.price", "items.0.value"); "" is the
// document's root. Segments may not be empty; keys containing a dot cannot
// be addressed.
func parseKeyPath(path string) (keyPath, error) {
	if path == "" {
		return nil, nil
	}
	segs := strings.Split(path, ".")
	if len(segs) > maxPathSegments {
		return nil, fmt.Errorf("%w %q: more than %d segments", ErrKeyPath, clip(path), maxPathSegments)
	}
	for i, s := range segs {
		if s == "" {
			return nil, fmt.Errorf("%w %q: empty segment %d", ErrKeyPath, clip(path), i)
		}
	}
	return segs, nil
}

func (p keyPath) String() string { return strings.Join(p, ".") }

// ExtractJSON decodes the JSON document doc, keeping numbers exact, and
// returns the number at path; see Extract.
func ExtractJSON(doc []byte, path string) (Value, error) {
	p, err := parseKeyPath(path)
	if err != nil {
		return Value{}, err
	}
	return p.extractJSON(doc)
}

func (p keyPath) extractJSON(doc []byte) (Value, error) {
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return Value{}, fmt.Errorf("decode JSON: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Value{}, fmt.Errorf("decode JSON: trailing data after the document")
	}
	return p.extract(v)
}

// Extract returns the number at path in doc, a JSON document decoded with
// json.Decoder.UseNumber (numbers are json.Number; a float64 is rejected,
// since it may already have lost digits).
//
// Each segment of the dot path names an object key; on an array a segment
// of decimal digits is an index from 0 ("items.0.value"). The empty path is
// the root. The value found must be a JSON number or a string ParseValue
// accepts. Unlike the system this replaces, nothing is guessed: an object at
// the path is an error, never the first of some usual field names.
func Extract(doc any, path string) (Value, error) {
	p, err := parseKeyPath(path)
	if err != nil {
		return Value{}, err
	}
	return p.extract(doc)
}

func (p keyPath) extract(doc any) (Value, error) {
	fail := func(format string, a ...any) (Value, error) {
		return Value{}, fmt.Errorf("%w %q: %s", ErrKeyPath, clip(p.String()), fmt.Sprintf(format, a...))
	}
	cur := doc
	for i, seg := range p {
		at := "the root"
		if i > 0 {
			at = strconv.Quote(clip(strings.Join(p[:i], ".")))
		}
		switch c := cur.(type) {
		case map[string]any:
			next, ok := c[seg]
			if !ok {
				return fail("no key %q in the object at %s", clip(seg), at)
			}
			cur = next
		case []any:
			idx, ok := arrayIndex(seg)
			if !ok {
				return fail("%q is not an index into the array at %s", clip(seg), at)
			}
			if idx >= len(c) {
				return fail("index %d out of range of the array at %s (length %d)", idx, at, len(c))
			}
			cur = c[idx]
		default:
			return fail("cannot look up %q in %s at %s", clip(seg), jsonKind(cur), at)
		}
	}
	switch c := cur.(type) {
	case json.Number:
		v, err := ParseValue(string(c))
		if err != nil {
			return fail("%v", err)
		}
		return v, nil
	case string:
		v, err := ParseValue(c)
		if err != nil {
			return fail("string is not a number: %v", err)
		}
		return v, nil
	case map[string]any:
		if len(p) == 0 {
			return fail("the document is an object; set the key path of the value")
		}
	}
	return fail("want a number or a numeric string, got %s", jsonKind(cur))
}

// arrayIndex parses a segment of decimal digits.
func arrayIndex(seg string) (int, bool) {
	if seg == "" || len(seg) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(seg); i++ {
		if !isDigit(seg[i]) {
			return 0, false
		}
		n = n*10 + int(seg[i]-'0')
	}
	return n, true
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a bool"
	case float64:
		return "a float64 (decode with UseNumber)"
	}
	return fmt.Sprintf("%T", v)
}
