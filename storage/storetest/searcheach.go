package storetest

import (
	"errors"
	"reflect"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// EachPerson hands over exactly SearchPersons' rows in its order, a row at a time, and
// an error from the callback stops the cursor and comes back as it is.
func testEachPersonStreamsSearchPersonsRows(t *testing.T, open Opener) {
	db := open(t)
	berg := createPerson(t, db, samplePerson(bsn1, "Zoë", "van der", "Berg"))
	sahin := createPerson(t, db, samplePerson(bsn2, "Mehmet", "", "Şahin"))
	createPerson(t, db, samplePerson(bsn3, "Antonín", "", "Dvořák"))
	createPerson(t, db, samplePerson(bsn4, "Anna", "", "Bakker"))
	addDetention(t, db, berg, "2025-01-01", "2026-05-01")
	addDetention(t, db, sahin, "2025-02-01", "2026-03-01")

	queries := []app.PersonQuery{
		{Sort: app.SortByName},
		{Sort: app.SortByRelease},
		{Zoek: "an", Sort: app.SortByName},
		{Sort: app.SortByName, Limit: 2, Offset: 1},
		{ReleaseFrom: app.MustDate("2026-01-01"), ReleaseTo: app.MustDate("2026-12-31"), Sort: app.SortByRelease},
		{Zoek: "onbekend"},
	}
	view(t, db, func(tx app.ReadTx) error {
		for _, q := range queries {
			want, err := tx.SearchPersons(q)
			if err != nil {
				return err
			}
			var got []app.PersonRow
			if err := tx.EachPerson(q, func(r app.PersonRow) error { got = append(got, r); return nil }); err != nil {
				return err
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%+v: EachPerson gave %+v, SearchPersons %+v", q, got, want)
			}
		}
		return nil
	})

	stop := errors.New("genoeg")
	view(t, db, func(tx app.ReadTx) error {
		calls := 0
		err := tx.EachPerson(app.PersonQuery{}, func(app.PersonRow) error { calls++; return stop })
		if err != stop || calls != 1 {
			t.Errorf("EachPerson after the callback failed: err %v, %d calls; want the callback's error after 1", err, calls)
		}
		// The cursor is closed: the transaction goes on.
		if rows, err := tx.SearchPersons(app.PersonQuery{}); err != nil || len(rows) != 4 {
			t.Errorf("after the stop: %d rows, %v", len(rows), err)
		}
		return nil
	})
}
