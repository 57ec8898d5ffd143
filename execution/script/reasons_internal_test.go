package script

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/execution"
)

func TestReasonCodes(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range reasons {
		require.Regexp(t, `^[a-z][a-z_]*[a-z]$`, r.code)
		require.False(t, seen[r.code], r.code)
		seen[r.code] = true
		require.Equal(t, r.code, Reason(r.err))
		require.Equal(t, r.code, Reason(fmt.Errorf("context: %w", r.err)))
	}
	require.Empty(t, Reason(nil))
	require.Empty(t, Reason(errors.New("exec: killed")))
	require.Equal(t, "invalid_function", Reason(fmt.Errorf("x: %w", execution.ErrInvalidFunction)))
}

// TestReasonsDoc fails when reasons.md and the catalogue drift apart.
func TestReasonsDoc(t *testing.T) {
	doc, err := os.ReadFile("reasons.md")
	require.NoError(t, err)
	rows := regexp.MustCompile("(?m)^\\| `([a-z_]+)` \\| `(Err[A-Za-z]+)` \\|").FindAllStringSubmatch(string(doc), -1)
	documented := map[string]string{}
	for _, m := range rows {
		documented[m[1]] = m[2]
	}
	code := map[string]bool{}
	for _, r := range reasons {
		code[r.code] = true
		require.Contains(t, documented, r.code, "reason %s missing from reasons.md", r.code)
	}
	for c, name := range documented {
		require.True(t, code[c], "reasons.md documents %s (%s), which the catalogue lacks", c, name)
	}
}
