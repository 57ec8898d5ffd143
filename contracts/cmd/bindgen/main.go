// Command bindgen regenerates the Go bindings of the contracts from the
// artifacts in contracts/build. scripts/contracts-gen.sh runs it after
// compiling.
//
// Usage: go run ./contracts/cmd/bindgen [-dir contracts]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/triggerx-network/triggerx/contracts/internal/bindgen"
)

func main() {
	dir := flag.String("dir", "contracts", "the contracts directory")
	flag.Parse()
	files, err := bindgen.Generate(*dir)
	if err == nil {
		err = bindgen.Write(*dir, files)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "bindgen: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d bindings\n", len(files))
}
