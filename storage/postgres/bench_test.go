package postgres

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/terugkeer/terugkeer/app"
)

// benchDatabases lists the bench databases on the cluster.
func benchDatabases(t *testing.T, db *DB) []string {
	t.Helper()
	rows, err := db.pool.Query(context.Background(), `SELECT datname::text FROM pg_database WHERE datname LIKE 'tk\_bench\_%' ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return names
}

func personCount(t *testing.T, st app.Store) int {
	t.Helper()
	var n int
	err := st.View(context.Background(), func(tx app.ReadTx) error {
		var err error
		n, err = tx.CountPersons(app.PersonQuery{})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// The snapshot is a copy of the user's database, made while another session (the
// owner's store of this test, a colleague's app) is connected to it; copies come from the
// snapshot; Ceiling finds exactly the rows a copy wrote; Close drops every database. A
// bench database of a killed run is dropped at the start, that of a running run is not.
func TestBenchSnapshotCopiesAndCleanUp(t *testing.T) {
	ctx := context.Background()
	db, uri := openTest(t)
	p1 := createPerson(t, db, samplePerson(bsn1, "Jan", "van der", "Berg"))
	createPerson(t, db, samplePerson(bsn2, "Zoë", "", "Şahin"))
	addDetention(t, db, p1, "2025-01-01", "2026-06-01")

	// A killed run (no session carries its token) and a running one (this session does).
	dead, alive := "tk_bench_999999999_abcd_basis", "tk_bench_1_beef_basis"
	for _, name := range []string{dead, alive} {
		if _, err := db.pool.Exec(ctx, `CREATE DATABASE `+pgx.Identifier{name}.Sanitize()); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			db.pool.Exec(context.Background(), `DROP DATABASE IF EXISTS `+pgx.Identifier{name}.Sanitize()+` WITH (FORCE)`)
		})
	}
	cfg, err := pgx.ParseConfig(uri)
	if err != nil {
		t.Fatal(err)
	}
	cfg.RuntimeParams["application_name"] = benchApp + "1_beef"
	running, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer running.Close(ctx)

	b, err := NewBench(ctx, uri, false, Options{})
	if err != nil {
		t.Fatalf("NewBench: %v", err)
	}
	defer b.Close()
	got := benchDatabases(t, db)
	if strings.Contains(strings.Join(got, " "), dead) {
		t.Errorf("the killed run's database stays: %v", got)
	}
	if !strings.Contains(strings.Join(got, " "), alive) {
		t.Errorf("the running run's database was dropped: %v", got)
	}
	if n, err := b.Persons(ctx); err != nil || n != 2 {
		t.Fatalf("Persons = %d, %v; want 2", n, err)
	}
	ids, bsns, err := b.SamplePersons(ctx, 10)
	if err != nil || len(ids) != 2 || len(bsns) != 2 {
		t.Fatalf("SamplePersons = %v %v %v", ids, bsns, err)
	}
	snap, err := b.Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	// The derived column (the latest detention's einddatum, kept by a trigger that the
	// copy switches off) arrives as it is.
	var rows []app.PersonRow
	err = snap.View(ctx, func(tx app.ReadTx) error {
		rows, err = tx.SearchPersons(app.PersonQuery{ReleaseFrom: app.MustDate("2026-01-01"),
			ReleaseTo: app.MustDate("2026-12-31"), Sort: app.SortByRelease, Limit: 10})
		return err
	})
	if err != nil {
		t.Fatalf("search in the snapshot: %v", err)
	}
	if len(rows) != 1 || rows[0].ID != p1 || rows[0].Achternaam != "Berg" || rows[0].Einddatum != app.MustDate("2026-06-01") {
		t.Errorf("snapshot releases = %+v", rows)
	}
	snap.Close()

	cp, err := b.Open(ctx, "kopie-1")
	if err != nil {
		t.Fatalf("Open copy: %v", err)
	}
	p3 := samplePerson(bsn3, "Piet", "", "Nieuw")
	update(t, cp.(*DB), func(tx app.Tx) error { return tx.CreatePerson(p3) })
	if p3.ID <= p1 {
		t.Errorf("the copy handed out id %d, not past the copied ids", p3.ID)
	}
	cp.Close()
	if personCount(t, db) != 2 {
		t.Fatal("writing the copy wrote the user's database")
	}
	d, n, err := b.Ceiling(ctx, "kopie-1")
	if err != nil {
		t.Fatalf("Ceiling: %v", err)
	}
	if n != 1 || d <= 0 {
		t.Errorf("Ceiling inserted %d rows, want the 1 the copy wrote", n)
	}
	snap, err = b.Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if c := personCount(t, snap); c != 3 {
		t.Errorf("snapshot holds %d persons after Ceiling, want 3", c)
	}
	snap.Close()
	made := b.Databases()
	if len(made) != 2 {
		t.Errorf("databases made: %v", made)
	}
	if err := b.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if got := benchDatabases(t, db); len(got) != 1 || got[0] != alive {
		t.Errorf("after Close: %v, want only the running run's %s", got, alive)
	}
	if personCount(t, db) != 2 {
		t.Error("the user's database changed")
	}
}

// Without CREATEDB bench refuses with ErrBenchNoCreateDB; with it, a casemanager who
// does not own the team's tables can bench (the snapshot needs SELECT only).
func TestBenchNeedsCreateDB(t *testing.T) {
	owner, _, login := teamDatabase(t, "terugkeer_medewerker")
	name, uri := login[0], login[1]
	createPerson(t, owner, samplePerson(bsn1, "Jan", "", "Berg"))
	ctx := context.Background()
	if _, err := NewBench(ctx, uri, false, Options{}); !errors.Is(err, ErrBenchNoCreateDB) {
		t.Fatalf("NewBench without CREATEDB: %v, want ErrBenchNoCreateDB", err)
	}
	if got := benchDatabases(t, owner); len(got) != 0 {
		t.Errorf("a refused bench left %v", got)
	}
	if _, err := owner.pool.Exec(ctx, `ALTER ROLE `+pgx.Identifier{name}.Sanitize()+` CREATEDB`); err != nil {
		t.Fatal(err)
	}
	b, err := NewBench(ctx, uri, false, Options{})
	if err != nil {
		t.Fatalf("NewBench with CREATEDB, not the owner: %v", err)
	}
	if n, err := b.Persons(ctx); err != nil || n != 1 {
		t.Errorf("Persons = %d, %v", n, err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if got := benchDatabases(t, owner); len(got) != 0 {
		t.Errorf("Close left %v", got)
	}
}
