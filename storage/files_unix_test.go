//go:build unix

package storage

import (
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
