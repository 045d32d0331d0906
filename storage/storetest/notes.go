package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// Notes (SQLite migration 0014, PostgreSQL 0003): stored, read by person and by id, corrected and removed;
// PurgeDomainData counts and removes a domain's notes, DeletePerson the rest.
func testNotesRoundTripAndPurge(t *testing.T, open Opener) {
	db := open(t)
	id := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	other := createPerson(t, db, samplePerson(bsn2, "Piet", "", "Pietersen"))
	notes := []*app.Note{
		{PersonID: id, Domain: app.Onderdak, Tekst: "een", Vastgelegd: t0, Door: "ik"},
		{PersonID: id, Domain: app.Zorg, Tekst: "twee", Vastgelegd: t0.Add(time.Minute)},
		{PersonID: id, Domain: app.Onderdak, Tekst: "drie", Vastgelegd: t0.Add(2 * time.Minute)},
		{PersonID: other, Domain: app.Onderdak, Tekst: "vier", Vastgelegd: t0},
	}
	update(t, db, func(tx app.Tx) error {
		for _, n := range notes {
			if err := tx.AddNote(n); err != nil {
				return err
			}
		}
		return nil
	})
	view(t, db, func(tx app.ReadTx) error {
		ns, err := tx.Notes(id)
		if err != nil || len(ns) != 3 || ns[0] != *notes[0] || ns[2] != *notes[2] {
			t.Errorf("notes = %+v, %v", ns, err)
		}
		n, err := tx.Note(notes[1].ID)
		if err != nil || n != *notes[1] {
			t.Errorf("note = %+v, %v", n, err)
		}
		if _, err := tx.Note(notes[3].ID + 1); !errors.Is(err, app.ErrNotFound) {
			t.Errorf("unknown note: %v", err)
		}
		return nil
	})
	fixed := *notes[1]
	fixed.Tekst, fixed.Gewijzigd = "twee, verbeterd", t0.Add(time.Hour)
	update(t, db, func(tx app.Tx) error { return tx.UpdateNote(fixed) })
	var n int
	update(t, db, func(tx app.Tx) error {
		var err error
		n, err = tx.PurgeDomainData(id, app.Onderdak)
		return err
	})
	if n != 2 {
		t.Errorf("purged %d items, want the 2 notes", n)
	}
	view(t, db, func(tx app.ReadTx) error {
		ns, _ := tx.Notes(id)
		if len(ns) != 1 || ns[0] != fixed {
			t.Errorf("after purge: %+v", ns)
		}
		os, err := tx.Notes(other)
		if len(os) != 1 {
			t.Errorf("another person's note went: %+v", os)
		}
		return err
	})
	update(t, db, func(tx app.Tx) error {
		if err := tx.DeleteNote(fixed.ID); err != nil {
			return err
		}
		if err := tx.DeleteNote(fixed.ID); !errors.Is(err, app.ErrNotFound) {
			t.Errorf("second DeleteNote: %v", err)
		}
		if err := tx.UpdateNote(fixed); !errors.Is(err, app.ErrNotFound) {
			t.Errorf("UpdateNote of a removed note: %v", err)
		}
		return tx.DeletePerson(other)
	})
	view(t, db, func(tx app.ReadTx) error {
		a, _ := tx.Notes(id)
		b, err := tx.Notes(other)
		if len(a)+len(b) != 0 {
			t.Errorf("left: %+v %+v", a, b)
		}
		return err
	})
	for i, bad := range []app.Note{
		{PersonID: id, Domain: app.DomainAlgemeen, Tekst: "x", Vastgelegd: t0},
		{PersonID: id, Domain: app.Onderdak, Tekst: "", Vastgelegd: t0},
		{PersonID: id + 100, Domain: app.Onderdak, Tekst: "x", Vastgelegd: t0},
	} {
		if err := db.Update(t.Context(), func(tx app.Tx) error { return tx.AddNote(&bad) }); err == nil {
			t.Errorf("case %d was accepted", i)
		}
	}
}
