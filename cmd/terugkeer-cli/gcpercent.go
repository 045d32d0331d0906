package main

import "runtime/debug"

// importGCPercent is the garbage collector's target (GOGC) while a command imports many
// messages: import, import-imap, demo and bench's import measurement. An import
// allocates some 80 KB per message (XML decoding, statement arguments) over a live heap
// of a few MB, so at Go's default of 100 the collector ran every few hundred messages
// and took a tenth of the group-commit import's CPU on two cores; at 400 it runs a
// quarter as often, for 10–20 MB more peak memory (docs/performance.md, session 20).
// The window app keeps the default: its memory has a target of its own.
const importGCPercent = 400

// raiseGCForImport sets importGCPercent unless the environment sets GOGC (the runtime
// honours that one, and so does this), and returns what puts the previous target back.
func raiseGCForImport(getenv func(string) string) (restore func()) {
	if getenv != nil && getenv("GOGC") != "" {
		return func() {}
	}
	was := debug.SetGCPercent(importGCPercent)
	return func() { debug.SetGCPercent(was) }
}
