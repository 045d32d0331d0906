package storetest

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

func testQuarantine(t *testing.T, open Opener) {
	db := open(t)
	q1 := &app.Quarantined{Bron: "a.xml", Reden: "kapot", Ontvangen: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Raw: []byte("<a/>")}
	q2 := &app.Quarantined{Bron: "b.eml", Reden: "ook kapot", Ontvangen: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), Raw: []byte{}}
	update(t, db, func(tx app.Tx) error { return firstErr(tx.AddQuarantine(q1), tx.AddQuarantine(q2)) })
	if q1.ID == 0 || q2.ID == 0 || q1.ID == q2.ID {
		t.Fatalf("ids %d %d", q1.ID, q2.ID)
	}
	view(t, db, func(tx app.ReadTx) error {
		list, err := tx.QuarantineList()
		want := []app.Quarantined{*q2, *q1}
		want[0].Raw, want[1].Raw = nil, nil
		if !reflect.DeepEqual(list, want) {
			t.Errorf("list %+v", list)
		}
		got, err2 := tx.QuarantineByID(q1.ID)
		if err2 != nil || !reflect.DeepEqual(*got, *q1) {
			t.Errorf("by id: %+v %v", got, err2)
		}
		got, err2 = tx.QuarantineByID(q2.ID)
		if err2 != nil || len(got.Raw) != 0 {
			t.Errorf("empty raw: %+v %v", got, err2)
		}
		if _, err := tx.QuarantineByID(999); !errors.Is(err, app.ErrNotFound) {
			t.Errorf("missing: %v", err)
		}
		return err
	})
	update(t, db, func(tx app.Tx) error { return tx.DeleteQuarantine(q1.ID) })
	view(t, db, func(tx app.ReadTx) error {
		if _, err := tx.QuarantineByID(q1.ID); !errors.Is(err, app.ErrNotFound) {
			t.Errorf("deleted entry still there: %v", err)
		}
		return nil
	})
	err := db.Update(t.Context(), func(tx app.Tx) error { return tx.DeleteQuarantine(q1.ID) })
	if !errors.Is(err, app.ErrNotFound) {
		t.Errorf("deleting twice: %v", err)
	}
}

// A mail fetched again after an interrupted IMAP run must not be quarantined twice.
func testQuarantineSameBytesOnce(t *testing.T, open Opener) {
	db := open(t)
	q1 := &app.Quarantined{Bron: "postvak uid 7", Reden: "kapot", Ontvangen: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Raw: []byte("<a/>")}
	q2 := &app.Quarantined{Bron: "postvak uid 7", Reden: "kapot", Ontvangen: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), Raw: []byte("<a/>")}
	q3 := &app.Quarantined{Bron: "postvak uid 8", Reden: "kapot", Ontvangen: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), Raw: []byte("<b/>")}
	update(t, db, func(tx app.Tx) error { return tx.AddQuarantine(q1) })
	update(t, db, func(tx app.Tx) error { return firstErr(tx.AddQuarantine(q2), tx.AddQuarantine(q3)) })
	if q2.ID != q1.ID || q3.ID == q1.ID || q3.ID == 0 {
		t.Fatalf("ids %d %d %d: want the same id for the same bytes only", q1.ID, q2.ID, q3.ID)
	}
	view(t, db, func(tx app.ReadTx) error {
		list, err := tx.QuarantineList()
		if len(list) != 2 {
			t.Errorf("%d entries, want 2: %+v", len(list), list)
		}
		return err
	})
	// (An entry from before migration 0004 has no hash: storage/sqlite's own test.)
	// After discarding, the same bytes are a new entry.
	update(t, db, func(tx app.Tx) error { return tx.DeleteQuarantine(q1.ID) })
	q5 := &app.Quarantined{Bron: "y", Reden: "kapot", Raw: []byte("<a/>")}
	update(t, db, func(tx app.Tx) error { return tx.AddQuarantine(q5) })
	if q5.ID == 0 || q5.ID == q1.ID {
		t.Errorf("id after discard %d", q5.ID)
	}
}
