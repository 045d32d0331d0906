package report

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// deadPID returns the id of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("no 'true' command")
	}
	return cmd.Process.Pid
}

// TestWriteFileRemovesAKilledRunsTemp: the temporary file a killed PDF run left (its
// process is gone) is removed by the next WriteFile into that folder and by
// RemoveStaleTemp; one of a running process stays.
func TestWriteFileRemovesAKilledRunsTemp(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, ".terugkeer-"+strconv.Itoa(deadPID(t))+"-123.tmp")
	old := filepath.Join(dir, ".terugkeer-2147480000.tmp") // an older version's name
	live := filepath.Join(dir, ".terugkeer-"+strconv.Itoa(os.Getppid())+"-456.tmp")
	for _, p := range []string{stale, old, live} {
		if err := os.WriteFile(p, []byte("%PDF-1.7 half"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := WriteFile(filepath.Join(dir, "rapport.pdf"), func(w io.Writer) error {
		_, err := io.WriteString(w, "%PDF-1.7")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{stale, old} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s of a killed run is still there", filepath.Base(p))
		}
	}
	if _, err := os.Stat(live); err != nil {
		t.Errorf("the temporary file of a running process was removed: %v", err)
	}
	if err := os.WriteFile(stale, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	RemoveStaleTemp(dir) // as the app does at its start
	if _, err := os.Stat(stale); err == nil {
		t.Error("RemoveStaleTemp left a killed run's temporary file")
	}
}
