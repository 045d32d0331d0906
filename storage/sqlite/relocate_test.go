package sqlite

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// legacyWithPendingWAL makes a Terugkeer database at roaming/Terugkeer/terugkeer.db
// whose last transaction is only in its -wal, as an older version leaves it when
// Windows logs off: a copy of the files of a database that is still open. It returns
// its path.
func legacyWithPendingWAL(t *testing.T, root string) string {
	t.Helper()
	db, live := openTest(t)
	createPerson(t, db, samplePerson(bsn1, "Jan", "", "Berg"))
	legacy := filepath.Join(root, "Roaming", "Terugkeer", "terugkeer.db")
	if err := os.MkdirAll(filepath.Dir(legacy), 0o700); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		copyForTest(t, live+suffix, legacy+suffix)
	}
	if st, err := os.Stat(legacy + "-wal"); err != nil || st.Size() == 0 {
		t.Fatalf("the copied -wal is empty (%v): the test needs a pending log", err)
	}
	// The database file alone does not have the person yet: only the -wal does.
	alone := filepath.Join(root, "alleen", "terugkeer.db")
	os.MkdirAll(filepath.Dir(alone), 0o700)
	copyForTest(t, legacy, alone)
	if personCount(t, alone) != 0 {
		t.Fatal("the database file already holds the person: the -wal is not pending")
	}
	return legacy
}

func copyForTest(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

func personCount(t *testing.T, path string) int {
	t.Helper()
	db, err := Open(path)
	if err != nil {
		t.Fatalf("Open %s: %v", filepath.Base(path), err)
	}
	defer db.Close()
	n := 0
	view(t, db, func(tx app.ReadTx) error {
		p, err := tx.PersonByBSN(bsn1)
		if err == nil && p != nil {
			n = 1
		}
		if errors.Is(err, app.ErrNotFound) {
			err = nil
		}
		return err
	})
	return n
}

// assertMoved checks that the person reached the new place and nothing of the
// database is left at the old one, nor a half copy at the new one.
func assertMoved(t *testing.T, legacy, local string) {
	t.Helper()
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		if _, err := os.Stat(legacy + suffix); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("old %s still there (%v)", filepath.Base(legacy+suffix), err)
		}
	}
	if _, err := os.Stat(filepath.Dir(legacy)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the emptied old folder is still there (%v)", err)
	}
	if _, err := os.Stat(local + movingSuffix); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a half copy is left at the new place (%v)", err)
	}
	if personCount(t, local) != 1 {
		t.Error("the person that only the old -wal held did not reach the new place")
	}
}

func TestAdoptLegacyMovesPendingWAL(t *testing.T) {
	root := t.TempDir()
	legacy := legacyWithPendingWAL(t, root)
	local := filepath.Join(root, "Local", "Terugkeer", "terugkeer.db")
	moved, err := AdoptLegacy(legacy, local)
	if err != nil || !moved {
		t.Fatalf("AdoptLegacy = %v, %v", moved, err)
	}
	assertMoved(t, legacy, local)
	if st, err := os.Stat(filepath.Dir(local)); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("new folder mode %v (%v), want 0700", st.Mode().Perm(), err)
	}
	// Once moved, a second start has nothing to do.
	if moved, err := AdoptLegacy(legacy, local); err != nil || moved {
		t.Errorf("second AdoptLegacy = %v, %v", moved, err)
	}
}

// %AppData% redirected to a file server: the rename fails across volumes, so the file
// is copied, synced and renamed into place, and the old one overwritten and removed.
func TestAdoptLegacyAcrossVolumes(t *testing.T) {
	root := t.TempDir()
	legacy := legacyWithPendingWAL(t, root)
	local := filepath.Join(root, "Local", "Terugkeer", "terugkeer.db")
	var wiped []byte
	m := mover{rename: func(from, to string) error {
		wiped, _ = os.ReadFile(from)
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EXDEV}
	}}
	moved, err := m.adopt(legacy, local)
	if err != nil || !moved {
		t.Fatalf("adopt = %v, %v", moved, err)
	}
	assertMoved(t, legacy, local)
	if len(wiped) == 0 {
		t.Fatal("the cross-volume rename was not tried")
	}
}

// Copying the old file must leave no stale half copy in the way.
func TestAdoptLegacyReplacesStaleCopy(t *testing.T) {
	root := t.TempDir()
	legacy := legacyWithPendingWAL(t, root)
	local := filepath.Join(root, "Local", "Terugkeer", "terugkeer.db")
	os.MkdirAll(filepath.Dir(local), 0o700)
	os.WriteFile(local+movingSuffix, []byte("half"), 0o600)
	m := mover{rename: func(from, to string) error { return errors.New("other volume") }}
	if moved, err := m.adopt(legacy, local); err != nil || !moved {
		t.Fatalf("adopt = %v, %v", moved, err)
	}
	assertMoved(t, legacy, local)
}

// A database at the new place wins: the old one is left alone.
func TestAdoptLegacyKeepsExisting(t *testing.T) {
	root := t.TempDir()
	legacy := legacyWithPendingWAL(t, root)
	local := filepath.Join(root, "Local", "Terugkeer", "terugkeer.db")
	db, err := Open(local)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if moved, err := AdoptLegacy(legacy, local); err != nil || moved {
		t.Fatalf("AdoptLegacy = %v, %v", moved, err)
	}
	if _, err := os.Stat(legacy + "-wal"); err != nil {
		t.Errorf("the old database was touched: %v", err)
	}
	if personCount(t, local) != 0 {
		t.Error("the new database changed")
	}
}

func TestAdoptLegacyNothingThere(t *testing.T) {
	root := t.TempDir()
	local := filepath.Join(root, "Local", "Terugkeer", "terugkeer.db")
	if moved, err := AdoptLegacy(filepath.Join(root, "Roaming", "Terugkeer", "terugkeer.db"), local); err != nil || moved {
		t.Fatalf("AdoptLegacy = %v, %v", moved, err)
	}
	if moved, err := AdoptLegacy("", local); err != nil || moved {
		t.Fatalf("AdoptLegacy without legacy = %v, %v", moved, err)
	}
	if _, err := os.Stat(filepath.Dir(local)); !errors.Is(err, os.ErrNotExist) {
		t.Error("nothing to move, yet the new folder was made")
	}
}

// A file at the old place that is no database is not moved, and nothing appears at the
// new place (the next start would otherwise open an empty database there).
func TestAdoptLegacyRefusesGarbage(t *testing.T) {
	root := t.TempDir()
	legacy := filepath.Join(root, "Roaming", "Terugkeer", "terugkeer.db")
	os.MkdirAll(filepath.Dir(legacy), 0o700)
	os.WriteFile(legacy, []byte(strings.Repeat("geen database ", 400)), 0o600)
	local := filepath.Join(root, "Local", "Terugkeer", "terugkeer.db")
	if moved, err := AdoptLegacy(legacy, local); err == nil || moved {
		t.Fatalf("AdoptLegacy = %v, %v; want an error", moved, err)
	}
	if _, err := os.Stat(local); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a file appeared at the new place (%v)", err)
	}
	if b, _ := os.ReadFile(legacy); !strings.HasPrefix(string(b), "geen database") {
		t.Error("the old file changed")
	}
}

// An older version that still has the old database open (another PC with the same
// roaming profile) keeps its log in use: nothing is moved, and nothing appears at the
// new place.
func TestAdoptLegacyBusy(t *testing.T) {
	root := t.TempDir()
	legacy := legacyWithPendingWAL(t, root)
	other, err := Open(legacy)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.sql.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRow("SELECT count(*) FROM persons").Scan(&n); err != nil { // holds a snapshot
		t.Fatal(err)
	}
	local := filepath.Join(root, "Local", "Terugkeer", "terugkeer.db")
	moved, err := AdoptLegacy(legacy, local)
	if !errors.Is(err, ErrLegacyBusy) || moved {
		t.Fatalf("AdoptLegacy = %v, %v; want ErrLegacyBusy", moved, err)
	}
	if _, err := os.Stat(local); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a file appeared at the new place (%v)", err)
	}
	if _, err := os.Stat(legacy); err != nil {
		t.Errorf("the old database is gone: %v", err)
	}
}
