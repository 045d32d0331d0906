package app

import (
	"errors"
	"os"
	"runtime"
	"syscall"
)

// ProcessRuns reports whether a process with this id exists (signal 0): a leftover that
// carries a process id in its name (a half-written PDF, a bench copy) belongs to a run
// that still goes on. On Windows FindProcess opens an existing process only, so any id
// it finds counts as running.
func ProcessRuns(pid int) bool {
	if pid == os.Getpid() {
		return true
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	if runtime.GOOS == "windows" {
		return true
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, os.ErrPermission)
}
