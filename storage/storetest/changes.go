package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// SecondOpener is a test store that can open a second store on the same database while
// it stays open: another process on the same SQLite file, a colleague on the team's
// PostgreSQL database.
type SecondOpener interface {
	OpenAgain(t *testing.T) app.Store
}

// testChangeCounter: the change counter moves with every committed write that changed
// data, of the store itself or of another store on the same database, and stays where it
// is for reads, a write that wrote only the audit log (looking at a file), and a write
// that was rolled back.
func testChangeCounter(t *testing.T, open Opener) {
	db := open(t)
	ctx := context.Background()
	cc, ok := db.(app.ChangeCounter)
	if !ok {
		t.Fatal("the store keeps no change counter (app.ChangeCounter)")
	}
	so, ok := db.(SecondOpener)
	if !ok {
		t.Fatal("the test store cannot open the database a second time (SecondOpener)")
	}
	other := so.OpenAgain(t)
	changes := func() int64 {
		t.Helper()
		n, err := cc.Changes(ctx)
		if err != nil {
			t.Fatalf("Changes: %v", err)
		}
		return n
	}
	moved := func(what string, before int64, want bool) int64 {
		t.Helper()
		after := changes()
		if (after != before) != want {
			t.Errorf("%s: counter %d → %d, want moved = %v", what, before, after, want)
		}
		return after
	}

	n := changes()
	id := createPerson(t, other, samplePerson(bsn1, "Jan", "", "Jansen"))
	n = moved("a person created by another store", n, true)

	view(t, other, func(tx app.ReadTx) error { _, err := tx.PersonByID(id); return err })
	view(t, db, func(tx app.ReadTx) error { _, err := tx.PersonByID(id); return err })
	n = moved("reads", n, false)

	update(t, other, func(tx app.Tx) error {
		if _, err := tx.PersonByID(id); err != nil {
			return err
		}
		return tx.AddAudit(&app.AuditEntry{Tijd: t0, Actie: app.ActieInzage, Object: app.ObjectPersoon, ObjectID: id, Resultaat: "ok"})
	})
	n = moved("a write of the audit log only (inzage)", n, false)

	boom := errors.New("boom")
	err := other.Update(ctx, func(tx app.Tx) error {
		p, err := tx.PersonByID(id)
		if err != nil {
			return err
		}
		p.Achternaam = "Pietersen"
		if err := tx.UpdatePerson(p); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update = %v, want boom", err)
	}
	n = moved("a write rolled back", n, false)

	update(t, other, func(tx app.Tx) error {
		return tx.SaveFollowup(app.Followup{PersonID: id, Domain: app.Onderdak, Status: app.FollowupOpen,
			Gewijzigd: time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)})
	})
	n = moved("a follow-up saved by another store", n, true)

	update(t, db, func(tx app.Tx) error { return tx.DeletePerson(id) })
	n = moved("a removal by the store itself", n, true)

	if bs, ok := other.(app.BatchStore); ok {
		b, err := bs.Batch(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Savepoint(func(tx app.Tx) error { return tx.CreatePerson(samplePerson(bsn2, "Piet", "", "Bakker")) }); err != nil {
			t.Fatal(err)
		}
		if err := b.Commit(); err != nil {
			t.Fatal(err)
		}
		moved("an import batch of another store", n, true)
	}
}
