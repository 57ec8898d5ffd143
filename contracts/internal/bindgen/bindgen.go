// Package bindgen turns the contract artifacts in contracts/build into Go
// bindings with go-ethereum's abigen (v1 "bind" style). The bindgen command
// writes them; the drift test regenerates them in memory and compares.
//
// A contract whose source is in contracts/test/ is test-only: its binding goes
// to internal/testbindings, out of reach of code outside contracts/. Every
// other contract's goes to bindings/.
package bindgen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi/abigen"
)

// Output directories and packages, relative to the contracts directory.
const (
	BindingsDir     = "bindings"
	TestBindingsDir = "internal/testbindings"
	BuildDir        = "build"
)

// generatedHeader starts every file abigen writes; files without it in the
// output directories (doc.go) are not ours to replace.
const generatedHeader = "// Code generated - DO NOT EDIT."

// File is one generated binding.
type File struct {
	Path    string // slash-separated, relative to the contracts directory
	Content []byte
}

// Artifact is what compile.js writes for each contract.
type Artifact struct {
	ABI json.RawMessage `json:"abi"`
	Bin string          `json:"bin"`
}

// Generate returns the bindings of every artifact in dir/build, sorted by
// path.
func Generate(dir string) ([]File, error) {
	paths, err := filepath.Glob(filepath.Join(dir, BuildDir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("list artifacts: %w", err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no artifacts in %s", filepath.Join(dir, BuildDir))
	}
	var files []File
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".json")
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("read artifact: %w", err)
		}
		var a Artifact
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, fmt.Errorf("decode artifact %s: %w", name, err)
		}
		outDir, pkg := BindingsDir, "bindings"
		if _, err := os.Stat(filepath.Join(dir, "test", name+".sol")); err == nil {
			outDir, pkg = TestBindingsDir, "testbindings"
		}
		code, err := abigen.Bind([]string{name}, []string{string(a.ABI)}, []string{a.Bin}, nil, pkg, nil, nil)
		if err != nil {
			return nil, fmt.Errorf("bind %s: %w", name, err)
		}
		files = append(files, File{Path: outDir + "/" + strings.ToLower(name) + ".go", Content: []byte(code)})
	}
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return files, nil
}

// Existing returns the generated files now in the output directories under
// dir (those starting with abigen's header), sorted by path.
func Existing(dir string) ([]File, error) {
	var files []File
	for _, d := range []string{BindingsDir, TestBindingsDir} {
		paths, err := filepath.Glob(filepath.Join(dir, d, "*.go"))
		if err != nil {
			return nil, fmt.Errorf("list bindings: %w", err)
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				return nil, fmt.Errorf("read binding: %w", err)
			}
			if bytes.HasPrefix(b, []byte(generatedHeader)) {
				files = append(files, File{Path: d + "/" + filepath.Base(p), Content: b})
			}
		}
	}
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return files, nil
}

// Write replaces the generated files under dir with files: stale generated
// files are removed, hand-written ones left alone.
func Write(dir string, files []File) error {
	old, err := Existing(dir)
	if err != nil {
		return err
	}
	keep := make(map[string]bool, len(files))
	for _, f := range files {
		keep[f.Path] = true
	}
	for _, f := range old {
		if !keep[f.Path] {
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(f.Path))); err != nil {
				return fmt.Errorf("remove stale binding: %w", err)
			}
		}
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("create binding directory: %w", err)
		}
		if err := os.WriteFile(p, f.Content, 0o644); err != nil {
			return fmt.Errorf("write binding: %w", err)
		}
	}
	return nil
}
