package triggercheck

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestReasonCodes(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range reasons {
		require.Regexp(t, `^[a-z][a-z_]*[a-z]$`, r.code)
		require.False(t, seen[r.code], r.code)
		seen[r.code] = true
		require.Equal(t, r.code, Reason(r.err))
		require.Equal(t, r.code, Reason(fmt.Errorf("check: %w", fmt.Errorf("%w: detail", r.err))))
	}
	require.Empty(t, Reason(nil))
	require.Empty(t, Reason(ErrNotYet))
	require.Empty(t, Reason(errors.New("dial tcp: connection refused")))
}

// documented returns the code → error rows of a reasons.md.
func documented(t *testing.T, path string) map[string]string {
	t.Helper()
	doc, err := os.ReadFile(path)
	require.NoError(t, err)
	rows := regexp.MustCompile("(?m)^\\| `([a-z_]+)` \\| `(Err[A-Za-z]+)` \\|").FindAllStringSubmatch(string(doc), -1)
	out := map[string]string{}
	for _, m := range rows {
		out[m[1]] = m[2]
	}
	return out
}

// TestReasonsDoc fails when reasons.md and the catalogue drift apart, or
// when a code is also one of package execution's: the catalogue is one.
func TestReasonsDoc(t *testing.T) {
	doc := documented(t, "reasons.md")
	code := map[string]bool{}
	for _, r := range reasons {
		code[r.code] = true
		require.Contains(t, doc, r.code, "reason %s missing from reasons.md", r.code)
	}
	for c, name := range doc {
		require.True(t, code[c], "reasons.md documents %s (%s), which the catalogue lacks", c, name)
	}
	execution := documented(t, "../reasons.md")
	require.NotEmpty(t, execution)
	for c := range code {
		require.NotContains(t, execution, c, "code %s is also one of package execution", c)
	}
}
