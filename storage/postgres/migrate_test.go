package postgres

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jackc/pgx/v5"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

func TestLoadMigrationsRefusesGap(t *testing.T) {
	fsys := fstest.MapFS{
		"migrations/0001_a.sql": {Data: []byte("SELECT 1")},
		"migrations/0003_c.sql": {Data: []byte("SELECT 1")},
	}
	if _, err := sqlstore.LoadMigrations(fsys); err == nil || !strings.Contains(err.Error(), "0003_c.sql") {
		t.Fatalf("gap accepted: %v", err)
	}
	fsys = fstest.MapFS{"migrations/1_a.sql": {Data: []byte("SELECT 1")}}
	if _, err := sqlstore.LoadMigrations(fsys); err == nil {
		t.Fatal("a name without four digits accepted")
	}
	ms, err := sqlstore.LoadMigrations(migrationFiles)
	if err != nil || len(ms) == 0 || ms[0].Version != 1 {
		t.Fatalf("embedded migrations: %v %v", ms, err)
	}
}

// Opening sets schema_version to the last step, seals the empty audit log, and a second
// Open leaves everything as it is.
func TestMigrateSetsVersionAndSeal(t *testing.T) {
	db, uri := openTest(t)
	ms, _ := sqlstore.LoadMigrations(migrationFiles)
	if v, err := schemaVersion(t.Context(), db); err != nil || v != len(ms) {
		t.Fatalf("schema version %d, %v; want %d", v, err, len(ms))
	}
	db.Close()
	db2, err := Open(t.Context(), uri, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	view(t, db2, func(tx app.ReadTx) error {
		s, err := tx.AuditSeal()
		if err != nil {
			return err
		}
		if s == nil || !s.Echt || s.Aantal != 0 {
			t.Errorf("seal of a new database = %+v", s)
		}
		return nil
	})
}

// A database written by a newer release is refused, as on SQLite.
func TestMigrateRefusesNewerSchema(t *testing.T) {
	db, uri := openTest(t)
	if _, err := db.pool.Exec(t.Context(), `UPDATE schema_version SET version = 99`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err := Open(t.Context(), uri, Options{})
	if err == nil || !strings.Contains(err.Error(), "nieuwere versie") {
		t.Fatalf("newer schema opened: %v", err)
	}
}

// A database that holds another program's tables is not given Terugkeer's schema.
func TestOpenRefusesForeignDatabase(t *testing.T) {
	uri := testDatabase(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, uri)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `CREATE TABLE orders (id int)`); err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx)
	_, err = Open(ctx, uri, Options{})
	if !errors.Is(err, ErrForeignDatabase) {
		t.Fatalf("foreign database: %v", err)
	}
}

// Two processes opening a new database at once apply the schema once: the step runs
// under the write lock and reads the version under it.
func TestConcurrentOpenMigratesOnce(t *testing.T) {
	uri := testDatabase(t)
	errs := make(chan error, 3)
	dbs := make(chan *DB, 3)
	for range 3 {
		go func() {
			db, err := Open(context.Background(), uri, Options{})
			errs <- err
			dbs <- db
		}()
	}
	for range 3 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
		if db := <-dbs; db != nil {
			defer db.Close()
		}
	}
}
