package sqlite

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
	"testing/fstest"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

func TestMigrationsAreNumberedWithoutGaps(t *testing.T) {
	ms, err := sqlstore.LoadMigrations(migrationFiles)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 || ms[0].Name != "0001_schema.sql" {
		t.Fatalf("migrations: %+v", ms)
	}
	for name, fsys := range map[string]fstest.MapFS{
		"gap":      {"migrations/0001_a.sql": {}, "migrations/0003_c.sql": {}},
		"bad name": {"migrations/1_a.sql": {}},
		"no name":  {"migrations/0001.sql": {}},
	} {
		if _, err := sqlstore.LoadMigrations(fsys); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestOpenSetsUserVersion(t *testing.T) {
	_, path := openTest(t)
	ms, _ := sqlstore.LoadMigrations(migrationFiles)
	if got := userVersion(t, path); got != len(ms) {
		t.Fatalf("user_version = %d, want %d", got, len(ms))
	}
}

// TestMigrateFromFrozenSchema loads the first schema as released (a frozen copy that
// is never edited) and checks that Open brings it to exactly the schema of a fresh
// database.
func TestMigrateFromFrozenSchema(t *testing.T) {
	frozen, err := os.ReadFile(filepath.Join("testdata", "schema-0001.sql"))
	if err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(t.TempDir(), "old.db")
	raw := rawDB(t, old)
	if _, err := raw.Exec(string(frozen)); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("PRAGMA user_version = 1"); err != nil {
		t.Fatal(err)
	}
	raw.Close()

	migrated, err := Open(old)
	if err != nil {
		t.Fatal(err)
	}
	migrated.Close()
	_, fresh := openTest(t)

	got, want := schemaOf(t, old), schemaOf(t, fresh)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("migrated schema differs from a fresh one:\n got %q\nwant %q", got, want)
	}
	if userVersion(t, old) != userVersion(t, fresh) {
		t.Fatal("user_version differs")
	}
}

// TestMigrateFromFrozenSchema8 loads the schema of version 8 as released, with rows in
// the tables that migration 0009 rebuilds or extends, and checks that Open keeps every
// row, keeps the AUTOINCREMENT counters, lets follow-up hold sociaal-netwerk, fills the
// consent ledger's gegeven_op, and arrives at exactly the schema of a fresh database.
func TestMigrateFromFrozenSchema8(t *testing.T) {
	frozen, err := os.ReadFile(filepath.Join("testdata", "schema-0008.sql"))
	if err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(t.TempDir(), "old.db")
	raw := rawDB(t, old)
	for _, q := range []string{string(frozen), "PRAGMA user_version = 8",
		`INSERT INTO persons (id, bsn, achternaam) VALUES (1, '999990019', 'Berg')`,
		`INSERT INTO followups (person_id, domain, status, gewijzigd) VALUES (1, 'onderdak', 'geregeld', '2019-07-01T00:00:00.000000000Z')`,
		`INSERT INTO followup_history (id, person_id, domain, tijd, van, naar) VALUES (3, 1, 'onderdak', '2019-07-01T00:00:00.000000000Z', 'open', 'geregeld')`,
		`INSERT INTO contacts (id, person_id, domain, tijd, kanaal, vastgelegd) VALUES (4, 1, 'algemeen', '2019-07-01T00:00:00.000000000Z', 'brief', '2019-07-01T00:00:00.000000000Z')`,
		`INSERT INTO contacts (id, person_id, domain, tijd, kanaal, vastgelegd) VALUES (9, 1, 'onderdak', '2019-07-01T00:00:00.000000000Z', 'brief', '2019-07-01T00:00:00.000000000Z')`,
		`DELETE FROM contacts WHERE id = 9`, // the counter stays at 9
		`INSERT INTO consents (key, domain, opgesteld, gegeven) VALUES ('k', 'onderdak', '2019-06-03', 1), ('k', 'zorg', '2019-06-03', 0)`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%.60s: %v", q, err)
		}
	}
	raw.Close()

	migrated, err := Open(old)
	if err != nil {
		t.Fatal(err)
	}
	update(t, migrated, func(tx app.Tx) error {
		c := &app.ContactMoment{PersonID: 1, Domain: app.SociaalNetwerk, Tijd: time.Now(), Kanaal: app.KanaalBrief,
			Vastgelegd: time.Now()}
		if err := tx.AddContact(c); err != nil {
			return err
		}
		if c.ID != 10 {
			t.Errorf("new contact id %d, want 10: the AUTOINCREMENT counter was lost", c.ID)
		}
		return tx.SaveFollowup(app.Followup{PersonID: 1, Domain: app.SociaalNetwerk, Status: app.FollowupOpen, Gewijzigd: time.Now()})
	})
	view(t, migrated, func(tx app.ReadTx) error {
		fus, err1 := tx.Followups(1)
		hist, err2 := tx.FollowupHistory(1)
		contacts, err3 := tx.Contacts(1)
		consents, err4 := tx.Consents([]string{"k"})
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			return err
		}
		if fus[app.Onderdak].Status != app.FollowupGeregeld || len(fus) != 2 || len(hist) != 1 || len(contacts) != 2 {
			t.Errorf("rows lost: followups %v, history %v, contacts %v", fus, hist, contacts)
		}
		if !consents[app.Onderdak].GegevenOp.Equal(app.MustDate("2019-06-03")) || !consents[app.Zorg].GegevenOp.IsZero() {
			t.Errorf("consents after migration: %+v", consents)
		}
		return nil
	})
	migrated.Close()
	_, fresh := openTest(t)
	if got, want := schemaOf(t, old), schemaOf(t, fresh); !reflect.DeepEqual(got, want) {
		t.Fatalf("migrated schema differs from a fresh one:\n got %q\nwant %q", got, want)
	}
}

func TestRefuseNewerSchema(t *testing.T) {
	db, path := openTest(t)
	db.Close()
	ms, _ := sqlstore.LoadMigrations(migrationFiles)
	newer := len(ms) + 1
	raw := rawDB(t, path)
	if _, err := raw.Exec("PRAGMA user_version = " + strconv.Itoa(newer)); err != nil {
		t.Fatal(err)
	}
	raw.Close()

	_, err := Open(path)
	want := "de database is gemaakt door een nieuwere versie van Terugkeer (schema " +
		strconv.Itoa(newer) + ", deze versie kent " + strconv.Itoa(len(ms)) + ")"
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v\nwant %s", err, want)
	}
	if got := userVersion(t, path); got != newer {
		t.Fatalf("user_version changed to %d", got)
	}
}

func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	return db
}

func userVersion(t *testing.T, path string) int {
	t.Helper()
	var v int
	if err := rawDB(t, path).QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// schemaOf lists sqlite_master as "type name tbl_name: sql".
func schemaOf(t *testing.T, path string) []string {
	t.Helper()
	rows, err := rawDB(t, path).Query(`SELECT type, name, tbl_name, coalesce(sql, '')
		FROM sqlite_master ORDER BY type, name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var typ, name, tbl, text string
		if err := rows.Scan(&typ, &name, &tbl, &text); err != nil {
			t.Fatal(err)
		}
		out = append(out, typ+" "+name+" "+tbl+": "+text)
	}
	if len(out) == 0 {
		t.Fatal("empty schema")
	}
	return out
}
