package main

import (
	"runtime/debug"
	"testing"
)

// TestRaiseGCForImport: the import commands raise the collector's target and put it
// back; a GOGC of the user's own is left alone.
func TestRaiseGCForImport(t *testing.T) {
	was := debug.SetGCPercent(100)
	defer debug.SetGCPercent(was)
	restore := raiseGCForImport(func(string) string { return "" })
	if got := debug.SetGCPercent(importGCPercent); got != importGCPercent {
		t.Errorf("during the import: GOGC %d, want %d", got, importGCPercent)
	}
	restore()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("after the import: GOGC %d, want 100 again", got)
	}
	restore = raiseGCForImport(func(k string) string { return map[string]string{"GOGC": "50"}[k] })
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set: GOGC %d, want it left alone (100)", got)
	}
	restore()
}
