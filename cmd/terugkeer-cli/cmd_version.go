package main

import (
	"context"
	"fmt"
	"io"
)

// version is set at link time from FyneApp.toml (Makefile, packaging/package.sh):
// -ldflags "-X main.version=0.1.0". A plain go build reports "dev".
var version = "dev"

const versionUsage = "version   (ook --version; opent geen database)"

// isVersionArg reports whether the first argument asks for the version; run answers it
// before opening the database, so asking for the version never creates a database.
func isVersionArg(args []string) bool {
	return len(args) > 0 && (args[0] == "version" || args[0] == "--version" || args[0] == "-version")
}

func printVersion(w io.Writer) int {
	fmt.Fprintf(w, "terugkeer-cli %s\n", version)
	return exitOK
}

func cmdVersion(_ context.Context, e *env) error {
	printVersion(e.stdout)
	return nil
}
