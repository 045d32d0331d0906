package storage

import (
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
	"testing/fstest"
)

func TestMigrationsAreNumberedWithoutGaps(t *testing.T) {
	ms, err := loadMigrations(migrationFiles)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 || ms[0].name != "0001_schema.sql" {
		t.Fatalf("migrations: %+v", ms)
	}
	for name, fsys := range map[string]fstest.MapFS{
		"gap":      {"migrations/0001_a.sql": {}, "migrations/0003_c.sql": {}},
		"bad name": {"migrations/1_a.sql": {}},
		"no name":  {"migrations/0001.sql": {}},
	} {
		if _, err := loadMigrations(fsys); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestOpenSetsUserVersion(t *testing.T) {
	_, path := openTest(t)
	ms, _ := loadMigrations(migrationFiles)
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

func TestRefuseNewerSchema(t *testing.T) {
	db, path := openTest(t)
	db.Close()
	ms, _ := loadMigrations(migrationFiles)
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
