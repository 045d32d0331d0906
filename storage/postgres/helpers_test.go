package postgres

import (
	"context"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/internal/pgtest"
)

// Test BSNs: in the 99999xxxx test range and passing the elfproef.
const (
	bsn1 = "999990019"
	bsn2 = "999990020"
	bsn3 = "999990032"
	bsn4 = "999990044"
)

// testDatabase creates a fresh database on the throw-away cluster (internal/pgtest)
// and returns its URI; it is dropped at cleanup.
func testDatabase(t testing.TB) string {
	t.Helper()
	return pgtest.Database(t)
}

// openTest opens a fresh database; the string is its URI.
func openTest(t *testing.T) (*DB, string) {
	t.Helper()
	uri := testDatabase(t)
	db, err := Open(context.Background(), uri, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db, uri
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
