package script_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/execution/script"
)

func TestValidateStorage(t *testing.T) {
	many := map[string]string{}
	for i := range script.MaxStorageKeys + 1 {
		many["k"+strconv.Itoa(i)] = "v"
	}
	big := map[string]string{}
	for i := range 20 {
		big[string(rune('a'+i))] = strings.Repeat("v", script.MaxStorageValLen)
	}
	tests := []struct {
		name string
		s    map[string]string
		ok   bool
	}{
		{"nil", nil, true},
		{"simple", map[string]string{"last_price": "1234", "a.b-c_D9": ""}, true},
		{"empty key", map[string]string{"": "v"}, false},
		{"space in key", map[string]string{"a b": "v"}, false},
		{"long key", map[string]string{strings.Repeat("k", script.MaxStorageKeyLen+1): "v"}, false},
		{"long value", map[string]string{"k": strings.Repeat("v", script.MaxStorageValLen+1)}, false},
		{"bad utf8", map[string]string{"k": "\xff"}, false},
		{"too many keys", many, false},
		{"too many bytes", big, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := script.ValidateStorage(tt.s)
			if tt.ok {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, script.ErrStorageInvalid)
			require.Equal(t, "storage_invalid", script.Reason(err))
		})
	}
}

func TestApplyStorage(t *testing.T) {
	old := map[string]string{"a": "1", "b": "2"}
	got, err := script.ApplyStorage(old, map[string]string{"a": "", "c": "3", "b": "4"})
	require.NoError(t, err)
	require.Equal(t, map[string]string{"b": "4", "c": "3"}, got)
	require.Equal(t, map[string]string{"a": "1", "b": "2"}, old, "input unchanged")

	got, err = script.ApplyStorage(nil, nil)
	require.NoError(t, err)
	require.Empty(t, got)

	full := map[string]string{}
	for i := range script.MaxStorageKeys {
		full["k"+strconv.Itoa(i)] = "v"
	}
	_, err = script.ApplyStorage(full, map[string]string{"new": "v"})
	require.ErrorIs(t, err, script.ErrStorageInvalid)
}
