// Package clitest checks a binary's command-line interface from its tests:
// every flag has a TRIGGERX_* environment variable, and the committed flag
// reference in docs/cli/ matches the code.
package clitest

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/urfave/cli/v2"

	"github.com/triggerx-network/triggerx/cmd/internal/cliapp"
)

var update = flag.Bool("update", false, "rewrite docs/cli/*.md from the code")

// Check runs the checks on app; the test must run in cmd/<app.Name>.
func Check(t *testing.T, app *cli.App) {
	require.Empty(t, cliapp.MissingEnv(app), "flags without a TRIGGERX_* environment variable")
	path := filepath.Join("..", "..", "docs", "cli", app.Name+".md")
	got := cliapp.Reference(app)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./cmd/%s -update", app.Name)
	require.Equal(t, string(want), got, "docs/cli/%s.md is stale: run go test ./cmd/%s -update", app.Name, app.Name)
}
