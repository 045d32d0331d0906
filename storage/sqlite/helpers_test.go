package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// Test BSNs: in the 99999xxxx test range and passing the elfproef.
const (
	bsn1 = "999990019"
	bsn2 = "999990020"
	bsn3 = "999990032"
	bsn4 = "999990044"
)

// openTest opens a fresh database in a new directory below t.TempDir.
func openTest(t *testing.T) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "data", "terugkeer.db")
	db, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

func update(t *testing.T, db *DB, fn func(app.Tx) error) {
	t.Helper()
	if err := db.Update(context.Background(), fn); err != nil {
		t.Fatalf("Update: %v", err)
	}
}

func view(t *testing.T, db *DB, fn func(app.ReadTx) error) {
	t.Helper()
	if err := db.View(context.Background(), fn); err != nil {
		t.Fatalf("View: %v", err)
	}
}

func samplePerson(bsn, voornamen, voorvoegsel, achternaam string) *app.Person {
	return &app.Person{
		BSN: bsn, Voornamen: voornamen, Voorvoegsel: voorvoegsel, Achternaam: achternaam,
		Geboortedatum: app.MustDate("1990-04-01"),
		Aangemaakt:    time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC),
	}
}

// createPerson stores p and returns its id.
func createPerson(t *testing.T, db *DB, p *app.Person) int64 {
	t.Helper()
	update(t, db, func(tx app.Tx) error { return tx.CreatePerson(p) })
	if p.ID == 0 {
		t.Fatal("CreatePerson did not set ID")
	}
	return p.ID
}

func addDetention(t *testing.T, db *DB, personID int64, begin, eind string) *app.Detention {
	t.Helper()
	d := &app.Detention{PersonID: personID, InrichtingCode: "PI01", Inrichting: "PI Test",
		Begindatum: app.MustDate(begin), Verzonden: time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)}
	if eind != "" {
		d.Einddatum, d.EinddatumStatus = app.MustDate(eind), app.EindVerwacht
	}
	update(t, db, func(tx app.Tx) error { return tx.SaveDetention(d) })
	return d
}

// reopenOlder runs stmts on the database at path outside the store (taking it back to
// an older schema, as an older release left it), closes db, and opens the file again,
// which migrates it. The store returned is closed when t ends.
func reopenOlder(t *testing.T, db *DB, path string, stmts ...string) *DB {
	t.Helper()
	raw, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range stmts {
		if _, err := raw.Exec(stmt); err != nil {
			raw.Close()
			t.Fatalf("%.80s: %v", stmt, err)
		}
	}
	raw.Close()
	db.Close()
	again, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { again.Close() })
	return again
}
