//go:build unix

package sqlite

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// TestModesIgnoreUmask: with umask 0 the files are still private.
func TestModesIgnoreUmask(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	path := filepath.Join(t.TempDir(), "open", "terugkeer.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	update(t, db, func(tx app.Tx) error { return tx.SetSetting("gebruiker", "u") })
	assertMode(t, filepath.Dir(path), 0o700)
	for _, name := range []string{path, path + "-wal", path + "-shm"} {
		assertMode(t, name, 0o600)
	}
}

// TestDefaultDataDirNarrowed: the default data folder is made 0700 also when it already
// existed with wider rights; a folder given with --db is left as it is.
func TestDefaultDataDirNarrowed(t *testing.T) {
	for _, def := range []bool{true, false} {
		dir := filepath.Join(t.TempDir(), "terugkeer")
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		db, _, err := OpenLocation(app.DatabaseLocation{Path: filepath.Join(dir, "terugkeer.db"), Default: def})
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
		want := os.FileMode(0o755)
		if def {
			want = 0o700
		}
		assertMode(t, dir, want)
	}
}
