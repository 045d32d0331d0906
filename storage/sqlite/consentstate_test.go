package sqlite

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// A database with persons from before migration 0008 is marked for
// app.Service.Prepare; a new one is not.
func TestMigration0008MarksOldPersons(t *testing.T) {
	frozen, err := os.ReadFile(filepath.Join("testdata", "schema-0001.sql"))
	if err != nil {
		t.Fatal(err)
	}
	for _, withPerson := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "old.db")
		raw := rawDB(t, path)
		if _, err := raw.Exec(string(frozen)); err != nil {
			t.Fatal(err)
		}
		if withPerson {
			if _, err := raw.Exec(`INSERT INTO persons (bsn, achternaam) VALUES ('999990019', 'Berg')`); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := raw.Exec("PRAGMA user_version = 1"); err != nil {
			t.Fatal(err)
		}
		raw.Close()
		db, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		var v string
		view(t, db, func(tx app.ReadTx) (err error) { v, err = tx.Setting("toestemmingsstand-bijwerken"); return err })
		db.Close()
		if want := map[bool]string{false: "", true: "1"}[withPerson]; v != want {
			t.Errorf("with person %v: marker %q, want %q", withPerson, v, want)
		}
	}
}
