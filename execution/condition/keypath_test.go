package condition_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/execution/condition"
)

func TestExtractJSON(t *testing.T) {
	const doc = `{
		"data": {"price": 1234.5678, "str": "0x10", "neg": "-0.001", "big": 115792089237316195423570985008687907853269984665640564039457584007913129639935,
		         "flag": true, "none": null, "word": "high", "nested": {"a": 1}},
		"items": [{"value": "7"}, {"value": 8e2}],
		"0": {"1": 5},
		"matrix": [[1, 2], [3, 4]]
	}`
	tests := []struct {
		doc, path string
		want      string
		err       string
	}{
		{doc, "data.price", "1234.5678", ""},
		{doc, "data.str", "16", ""},
		{doc, "data.neg", "-0.001", ""},
		{doc, "data.big", uint256Max, ""},
		{doc, "items.0.value", "7", ""},
		{doc, "items.1.value", "800", ""},
		{doc, "0.1", "5", ""}, // numeric segments are keys on objects
		{doc, "matrix.1.0", "3", ""},
		{`42`, "", "42", ""},
		{`"-1.5e3"`, "", "-1500", ""},
		{`[1]`, "0", "1", ""},
		{` 3.25 `, "", "3.25", ""},
		{doc, "", "", "the document is an object; set the key path"},
		{`{"value": 5, "price": 6}`, "", "", "the document is an object"},
		{doc, "data.missing", "", `no key "missing"`},
		{doc, "items.2.value", "", "out of range"},
		{doc, "items.x", "", "not an index"},
		{doc, "items.-1", "", "not an index"},
		{doc, "data.price.x", "", "cannot look up"},
		{doc, "data.flag", "", "got a bool"},
		{doc, "data.none", "", "got null"},
		{doc, "data.word", "", "string is not a number"},
		{doc, "data.nested", "", "got an object"},
		{doc, "items", "", "got an array"},
		{doc, "data..price", "", "empty segment"},
		{doc, ".data", "", "empty segment"},
		{`{"a":NaN}`, "a", "", "decode JSON"},
		{`{"a":1} {"b":2}`, "a", "", "trailing data"},
		{`{"a":1`, "a", "", "decode JSON"},
		{``, "", "", "decode JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.path+"/"+tt.want+tt.err, func(t *testing.T) {
			v, err := condition.ExtractJSON([]byte(tt.doc), tt.path)
			if tt.err != "" {
				require.ErrorContains(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, v.String())
		})
	}
}

func TestExtractRejectsFloat64(t *testing.T) {
	_, err := condition.Extract(map[string]any{"p": 1.5}, "p")
	require.ErrorIs(t, err, condition.ErrKeyPath)
	require.ErrorContains(t, err, "UseNumber")
}

func FuzzExtractJSON(f *testing.F) {
	f.Add([]byte(`{"data":{"price":"1.5"}}`), "data.price")
	f.Add([]byte(`{"items":[{"value":7}]}`), "items.0.value")
	f.Add([]byte(`12`), "")
	f.Add([]byte(`[[1,[2]]]`), "0.1.0")
	f.Add([]byte(`{"a":{"b":null}}`), "a.b.c")
	f.Fuzz(func(t *testing.T, doc []byte, path string) {
		v, err := condition.ExtractJSON(doc, path)
		if err != nil {
			return
		}
		back, err := condition.ParseValue(v.String())
		require.NoError(t, err)
		require.Zero(t, back.Cmp(v))
	})
}
