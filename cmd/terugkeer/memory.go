package main

import (
	"runtime/debug"
)

// desktopMemoryLimit is the soft limit of the Go heap of the desktop app
// (debug.SetMemoryLimit). The first screens allocate some 100 MB per second while their
// texts are shaped (Fyne's truncating labels, the icons of the buttons), all of it
// garbage at once, while 25–30 MB stay live; with Go's default pacing the heap then
// doubles the live part and the process keeps the difference. The limit makes the
// collector run earlier instead (docs/performance.md, app memory). It is soft: when more
// is live, Go exceeds it rather than stop the app.
const desktopMemoryLimit = 48 << 20

// memoryLimit is the soft limit to set on the Go heap, or 0 to leave the runtime's:
// GOMEMLIMIT in the environment (a number, or "off") takes precedence, as Go reads it
// itself at start-up.
func memoryLimit(getenv func(string) string) int64 {
	if getenv("GOMEMLIMIT") != "" {
		return 0
	}
	return desktopMemoryLimit
}

// limitMemory sets the desktop's soft memory limit (memoryLimit).
func limitMemory(getenv func(string) string) {
	if n := memoryLimit(getenv); n > 0 {
		debug.SetMemoryLimit(n)
	}
}
