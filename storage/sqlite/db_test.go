package sqlite

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

func TestOpenCreatesPrivateFiles(t *testing.T) {
	db, path := openTest(t)
	update(t, db, func(tx app.Tx) error { return tx.SetSetting("gebruiker", "test") })
	assertMode(t, filepath.Dir(path), 0o700)
	assertMode(t, path, 0o600)
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Fatalf("expected a WAL file while open: %v", err)
	}
	assertMode(t, path+"-wal", 0o600)
	assertMode(t, path+"-shm", 0o600)
}

func TestOpenNarrowsExistingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "terugkeer.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	assertMode(t, path, 0o600)
}

func assertMode(t *testing.T, name string, want os.FileMode) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permission bits")
	}
	fi, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != want {
		t.Errorf("%s: mode %o, want %o", filepath.Base(name), got, want)
	}
}

// TestPragmasOnEveryConnection holds every pooled connection at once and checks each.
func TestPragmasOnEveryConnection(t *testing.T) {
	db, _ := openTest(t)
	ctx := context.Background()
	var conns []*sql.Conn
	for range maxOpenConns {
		c, err := db.sql.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	want := map[string]string{"foreign_keys": "1", "journal_mode": "wal", "busy_timeout": "5000", "secure_delete": "1", "temp_store": "2"}
	for i, c := range conns {
		for pragma, v := range want {
			var got string
			if err := c.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != v {
				t.Errorf("connection %d: %s = %s, want %s", i, pragma, got, v)
			}
		}
	}
	for _, c := range conns {
		c.Close()
	}
}

// TestUpdateBeginsImmediate shows that Update takes the write lock at BEGIN: another
// connection cannot start a write even though fn has only read so far.
func TestUpdateBeginsImmediate(t *testing.T) {
	db, path := openTest(t)
	other, err := sql.Open("sqlite", "file:"+path) // no busy_timeout: fails at once
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	update(t, db, func(tx app.Tx) error {
		if _, err := tx.Setting("gebruiker"); err != nil {
			return err
		}
		_, err := other.Exec("BEGIN IMMEDIATE")
		if err == nil {
			other.Exec("ROLLBACK")
			t.Error("a second writer could begin while Update was running")
		}
		return nil
	})
	view(t, db, func(tx app.ReadTx) error {
		_, err := other.Exec("BEGIN IMMEDIATE; ROLLBACK")
		if err != nil {
			t.Errorf("View should not hold the write lock: %v", err)
		}
		return nil
	})
}

func TestPathWithURISyntax(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a?b#c%41 d")
	path := filepath.Join(dir, "x.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	update(t, db, func(tx app.Tx) error { return tx.SetSetting("gebruiker", "z") })
	db.Close()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "x.db") {
			t.Errorf("unexpected file %q: the path was misread", e.Name())
		}
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
}

func TestOpenEmptyPath(t *testing.T) {
	if _, err := Open(""); err == nil {
		t.Fatal("Open(\"\") succeeded")
	}
}

// TestWipeRetriedWhenBusy: a reader that started before a purge keeps the WAL busy;
// Update reports success (the purge is committed) with the wipe pending, and the next
// Update finishes it.
func TestWipeRetriedWhenBusy(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for two busy timeouts")
	}
	db, path := openTest(t)
	id := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	started, release, done := make(chan struct{}), make(chan struct{}), make(chan error)
	go func() {
		done <- db.View(context.Background(), func(tx app.ReadTx) error {
			_, err := tx.PersonByID(id)
			close(started)
			<-release
			return err
		})
	}()
	<-started
	if err := db.Update(context.Background(), func(tx app.Tx) error { return tx.DeletePerson(id) }); err != nil {
		t.Fatalf("the purge is committed, Update must not fail: %v", err)
	}
	if !db.WipePending() {
		t.Error("WipePending = false while a reader held the log")
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	update(t, db, func(tx app.Tx) error { return tx.SetSetting("gebruiker", "z") })
	if db.WipePending() {
		t.Error("WipePending after the retry")
	}
	if fi, err := os.Stat(path + "-wal"); err != nil || fi.Size() != 0 {
		t.Fatalf("WAL not truncated after the retry: %v %v", fi.Size(), err)
	}
}
