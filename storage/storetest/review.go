package storetest

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// Held messages: stored with their bytes, listed without, per person or all (oldest
// first), found by kenmerk, removed irreversibly, and gone with their person.
func testHeldMessages(t *testing.T, open Opener) {
	db := open(t)
	p1, p2 := samplePerson("999990019", "Jan", "", "Berg"), samplePerson("999990032", "Piet", "", "Klaas")
	update(t, db, func(tx app.Tx) error { return firstErr(tx.CreatePerson(p1), tx.CreatePerson(p2)) })
	at := time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)
	h1 := &app.Held{PersonID: p1.ID, Kenmerk: "K-1", Soort: app.Informatieblad, Bron: "a.xml", MessageID: "<a@x>",
		Verzonden: at.Add(-time.Hour), Ontvangen: at.Add(time.Minute), Inhoud: "h1", Raw: []byte("<a/>")}
	h2 := &app.Held{PersonID: p2.ID, Kenmerk: "K-2", Soort: app.MeldingBegin, Ontvangen: at, Raw: []byte("<b/>")}
	update(t, db, func(tx app.Tx) error { return firstErr(tx.AddHeld(h1), tx.AddHeld(h2)) })
	if h1.ID == 0 || h2.ID == 0 || h1.ID == h2.ID {
		t.Fatalf("ids %d %d", h1.ID, h2.ID)
	}
	view(t, db, func(tx app.ReadTx) error {
		all, err := tx.HeldList(0)
		want := []app.Held{*h2, *h1}
		want[0].Raw, want[1].Raw = nil, nil
		if err != nil || !reflect.DeepEqual(all, want) {
			t.Errorf("list = %+v, %v", all, err)
		}
		mine, err := tx.HeldList(p1.ID)
		if err != nil || len(mine) != 1 || mine[0].ID != h1.ID {
			t.Errorf("list of p1 = %+v, %v", mine, err)
		}
		got, err := tx.HeldByID(h1.ID)
		if err != nil || !reflect.DeepEqual(*got, *h1) {
			t.Errorf("by id = %+v, %v", got, err)
		}
		if _, err := tx.HeldByID(999); !errors.Is(err, app.ErrNotFound) {
			t.Errorf("missing: %v", err)
		}
		if hash, ok, err := tx.HeldContent("K-1"); err != nil || !ok || hash != "h1" {
			t.Errorf("content = %q %v %v", hash, ok, err)
		}
		if _, ok, err := tx.HeldContent("K-9"); err != nil || ok {
			t.Errorf("unknown kenmerk: %v %v", ok, err)
		}
		if n, err := tx.HeldCount(); err != nil || n != 2 {
			t.Errorf("count = %d, %v", n, err)
		}
		return nil
	})
	update(t, db, func(tx app.Tx) error { return tx.DeleteHeld(h1.ID) })
	update(t, db, func(tx app.Tx) error {
		if err := tx.DeleteHeld(h1.ID); !errors.Is(err, app.ErrNotFound) {
			t.Errorf("second delete: %v", err)
		}
		return tx.DeletePerson(p2.ID)
	})
	view(t, db, func(tx app.ReadTx) error {
		if all, err := tx.HeldList(0); err != nil || len(all) != 0 {
			t.Errorf("after deleting: %+v, %v", all, err)
		}
		return nil
	})
}
