package sqlite

import (
	"os"
	"path/filepath"
	"reflect"
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

func TestConsentStatesReplaceAndCascade(t *testing.T) {
	db, _ := openTest(t)
	id := createPerson(t, db, samplePerson("999990019", "Jan", "van der", "Berg"))
	addDetention(t, db, id, "2019-06-01", "2019-09-10")
	save := func(states map[app.Domain]app.ConsentState) {
		update(t, db, func(tx app.Tx) error { return tx.SaveConsentStates(id, states) })
	}
	read := func() map[app.Domain]app.ConsentState {
		var out map[int64]map[app.Domain]app.ConsentState
		view(t, db, func(tx app.ReadTx) (err error) {
			out, err = tx.ReleaseConsentStates(app.MustDate("2019-09-01"), app.MustDate("2019-09-30"))
			return err
		})
		return out[id]
	}
	save(map[app.Domain]app.ConsentState{app.Onderdak: app.ConsentJa, app.Schulden: app.ConsentJa, app.Zorg: app.ConsentOnbekend})
	want := map[app.Domain]app.ConsentState{app.Onderdak: app.ConsentJa, app.Schulden: app.ConsentJa}
	if got := read(); !reflect.DeepEqual(got, want) {
		t.Fatalf("states %v, want %v", got, want)
	}
	save(map[app.Domain]app.ConsentState{app.Schulden: app.ConsentIngetrokken})
	want = map[app.Domain]app.ConsentState{app.Schulden: app.ConsentIngetrokken}
	if got := read(); !reflect.DeepEqual(got, want) {
		t.Fatalf("after replace: %v, want %v", got, want)
	}
	update(t, db, func(tx app.Tx) error { return tx.DeletePerson(id) })
	var n int
	if err := db.sql.QueryRow(`SELECT count(*) FROM consent_states`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d rows left after removing the person (%v)", n, err)
	}
}
