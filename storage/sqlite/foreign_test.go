package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpenRefusesAForeignDatabase: --db pointing at another program's SQLite file, or at
// a file that is no database, is refused in Dutch and the file is left as it was (it
// silently received the schema and WAL mode); a missing or empty file is created.
func TestOpenRefusesAForeignDatabase(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "notities.sqlite")
	raw, err := sql.Open("sqlite", plainDSN(other))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.ExecContext(context.Background(), "CREATE TABLE notities (tekst TEXT)"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	text := filepath.Join(dir, "brief.txt")
	if err := os.WriteFile(text, []byte("Beste collega, dit is geen database."), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{other, text} {
		before, _ := os.ReadFile(p)
		fi0, _ := os.Stat(p)
		db, err := Open(p)
		if err == nil {
			db.Close()
			t.Errorf("%s: opened", filepath.Base(p))
			continue
		}
		if !errors.Is(err, ErrForeignDatabase) || !contains(err.Error(), "geen Terugkeer-database") {
			t.Errorf("%s: err = %v", filepath.Base(p), err)
		}
		after, _ := os.ReadFile(p)
		fi1, _ := os.Stat(p)
		if string(before) != string(after) || fi0.Mode() != fi1.Mode() {
			t.Errorf("%s was changed by the refused open", filepath.Base(p))
		}
		if _, err := os.Stat(p + "-wal"); err == nil {
			t.Errorf("%s got a -wal", filepath.Base(p))
		}
	}
	empty := filepath.Join(dir, "leeg.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{empty, filepath.Join(dir, "nieuw.db")} {
		db, err := Open(p)
		if err != nil {
			t.Fatalf("%s: %v", filepath.Base(p), err)
		}
		db.Close()
		if db, err = Open(p); err != nil { // and it is ours the second time
			t.Fatalf("%s again: %v", filepath.Base(p), err)
		}
		db.Close()
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
