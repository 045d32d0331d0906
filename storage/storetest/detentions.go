package storetest

import (
	"errors"
	"reflect"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

func testDetentionsSaveAndOrder(t *testing.T, open Opener) {
	db := open(t)
	id := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	later := addDetention(t, db, id, "2025-06-01", "")
	earlier := addDetention(t, db, id, "2024-01-01", "2024-03-01")
	if later.ID == 0 || earlier.ID == 0 {
		t.Fatal("SaveDetention did not set ID")
	}
	later.Einddatum, later.EinddatumStatus = app.MustDate("2026-01-31"), app.EindDefinitief
	later.Inrichting = "PI Elders"
	update(t, db, func(tx app.Tx) error { return tx.SaveDetention(later) })

	view(t, db, func(tx app.ReadTx) error {
		got, err := tx.Detentions(id)
		if want := []app.Detention{*earlier, *later}; !reflect.DeepEqual(got, want) {
			t.Errorf("got  %+v\nwant %+v", got, want)
		}
		none, _ := tx.Detentions(id + 1)
		if len(none) != 0 {
			t.Errorf("detentions of unknown person: %v", none)
		}
		return err
	})
	err := db.Update(t.Context(), func(tx app.Tx) error {
		return tx.SaveDetention(&app.Detention{ID: 999, PersonID: id})
	})
	if !errors.Is(err, app.ErrNotFound) {
		t.Errorf("updating a missing detention: %v", err)
	}
	err = db.Update(t.Context(), func(tx app.Tx) error {
		return tx.SaveDetention(&app.Detention{PersonID: 999})
	})
	if err == nil {
		t.Error("detention of a missing person accepted: foreign keys are off")
	}
}
