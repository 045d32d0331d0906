package sqlite

import (
	"context"
	"errors"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// TestUpdatePersonAfterUndoneSavepoint: UpdatePerson writes only what differs from the
// row the message read or wrote (personRows). A savepoint that changed a person and was
// undone must not leave its row behind as what is stored: a later savepoint that writes
// the same values again writes them, and the batch commits them.
func TestUpdatePersonAfterUndoneSavepoint(t *testing.T) {
	db, _ := openTest(t)
	ctx := context.Background()
	id := createPerson(t, db, samplePerson("999990019", "Jan", "", "Jansen"))
	b, err := db.Batch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Rollback() //nolint:errcheck // after Commit a no-op; frees the lock when the test fails
	fail := errors.New("bericht ongeldig")
	var p *app.Person
	err = b.Savepoint(func(tx app.Tx) error {
		if p, err = tx.PersonByID(id); err != nil {
			return err
		}
		p.Casemanager.Naam, p.Voornamen = "Mieke", "Johannes"
		if err := tx.UpdatePerson(p); err != nil {
			return err
		}
		return fail
	})
	if !errors.Is(err, fail) {
		t.Fatalf("savepoint: %v", err)
	}
	if err := b.Savepoint(func(tx app.Tx) error { return tx.UpdatePerson(p) }); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	view(t, db, func(tx app.ReadTx) error {
		got, err := tx.PersonByID(id)
		if err != nil {
			return err
		}
		if got.Casemanager.Naam != "Mieke" || got.Voornamen != "Johannes" {
			t.Errorf("stored casemanager %q, voornamen %q; want Mieke, Johannes", got.Casemanager.Naam, got.Voornamen)
		}
		return nil
	})
}

// TestUpdatePersonWritesWhatDiffers: a person read and then changed in the same
// transaction is stored with every change, whichever part of the row it is in, and a
// person updated without change keeps its row.
func TestUpdatePersonWritesWhatDiffers(t *testing.T) {
	db, _ := openTest(t)
	id := createPerson(t, db, samplePerson("999990019", "Jan", "", "Jansen"))
	changes := []func(p *app.Person){
		func(*app.Person) {},
		func(p *app.Person) { p.Casemanager.Email = "m@example.org" },
		func(p *app.Person) { p.Achternaam = "Janssen" },
		func(p *app.Person) { p.ControleNodig, p.SKN = true, "12345" },
		func(*app.Person) {},
	}
	for i, change := range changes {
		var want app.Person
		update(t, db, func(tx app.Tx) error {
			p, err := tx.PersonByID(id)
			if err != nil {
				return err
			}
			change(p)
			want = *p
			return tx.UpdatePerson(p)
		})
		view(t, db, func(tx app.ReadTx) error {
			got, err := tx.PersonByID(id)
			if err != nil {
				return err
			}
			if *got != want {
				t.Errorf("change %d: stored %+v, want %+v", i, *got, want)
			}
			return nil
		})
	}
}
