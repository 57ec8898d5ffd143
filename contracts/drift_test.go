package contracts_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/contracts/internal/bindgen"
)

const regenerate = "regenerate with scripts/contracts-gen.sh"

// The committed Go bindings are what abigen makes of the committed artifacts.
func TestBindingsUpToDate(t *testing.T) {
	want, err := bindgen.Generate(".")
	require.NoError(t, err)
	got, err := bindgen.Existing(".")
	require.NoError(t, err)

	paths := func(fs []bindgen.File) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Path)
		}
		return out
	}
	require.Equal(t, paths(want), paths(got), "binding files differ; "+regenerate)
	for i := range want {
		require.Equal(t, string(want[i].Content), string(got[i].Content), "%s is stale; %s", want[i].Path, regenerate)
	}
}

// The committed artifacts are what the pinned solc makes of the sources.
// Needs contracts/node_modules (npm ci in contracts/, as CI does).
func TestArtifactsUpToDate(t *testing.T) {
	if _, err := os.Stat(filepath.Join("node_modules", "solc", "package.json")); err != nil {
		t.Skip("contracts/node_modules/solc is not installed (run npm ci in contracts/); skipping the recompilation check")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not on PATH; skipping the recompilation check")
	}
	out := t.TempDir()
	cmd := exec.CommandContext(t.Context(), node, "compile.js", "--out", out)
	msg, err := cmd.CombinedOutput()
	require.NoError(t, err, "compile: %s", msg)

	fresh, err := filepath.Glob(filepath.Join(out, "*.json"))
	require.NoError(t, err)
	committed, err := filepath.Glob(filepath.Join(bindgen.BuildDir, "*.json"))
	require.NoError(t, err)
	names := func(ps []string) []string {
		var out []string
		for _, p := range ps {
			out = append(out, filepath.Base(p))
		}
		return out
	}
	require.Equal(t, names(fresh), names(committed), "artifact files differ; "+regenerate)
	for _, p := range fresh {
		want, err := os.ReadFile(p)
		require.NoError(t, err)
		got, err := os.ReadFile(filepath.Join(bindgen.BuildDir, filepath.Base(p)))
		require.NoError(t, err)
		require.Equal(t, string(want), string(got), "build/%s is stale; %s", filepath.Base(p), regenerate)
	}
}
