package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// The snapshot lives beside the database with mode 0600 in a 0700 folder, and Close
// removes it.
func TestBenchSnapshotBesideDatabase(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "t.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	b, err := NewBench(context.Background(), path, false)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(b.Dir()) != dir {
		t.Errorf("snapshot folder %s is not beside the database", b.Dir())
	}
	st, err := b.Open(context.Background(), "kopie")
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, f := range []string{"basis.db", "kopie.db"} {
		fi, err := os.Stat(filepath.Join(b.Dir(), f))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", f, fi.Mode().Perm())
		}
	}
	if fi, _ := os.Stat(b.Dir()); fi.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v, want 0700", fi.Mode().Perm())
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(b.Dir()); !os.IsNotExist(err) {
		t.Errorf("Close left the snapshot folder: %v", err)
	}
}
