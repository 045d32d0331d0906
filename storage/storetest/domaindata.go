package storetest

import (
	"errors"
	"reflect"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

func testDomainDataReplaceAndPurge(t *testing.T, open Opener) {
	db := open(t)
	id := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	zorg := app.DomainData{Onderwerpen: []app.Answer{
		{Code: "zorg.verzekering", Antwoord: "actief"},
		{Code: "zorg.behandeling", Antwoord: "ja", Toelichting: "ggz"},
	}, Hulpvraag: "huisarts zoeken"}
	onderdak := app.DomainData{Onderwerpen: []app.Answer{{Code: "onderdak.na-detentie", Antwoord: "nee"}}}
	update(t, db, func(tx app.Tx) error {
		if err := tx.ReplaceDomainData(id, app.Zorg, app.DomainData{Hulpvraag: "oud"}); err != nil {
			return err
		}
		if err := tx.ReplaceDomainData(id, app.Zorg, zorg); err != nil {
			return err
		}
		return tx.ReplaceDomainData(id, app.Onderdak, onderdak)
	})
	view(t, db, func(tx app.ReadTx) error {
		got, err := tx.DomainData(id)
		want := map[app.Domain]app.DomainData{app.Zorg: zorg, app.Onderdak: onderdak}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %+v\nwant %+v", got, want)
		}
		return err
	})

	var n int
	update(t, db, func(tx app.Tx) error {
		var err error
		n, err = tx.PurgeDomainData(id, app.Zorg)
		return err
	})
	if n != 3 {
		t.Errorf("purged %d items, want 3 (two topics and the hulpvraag)", n)
	}
	view(t, db, func(tx app.ReadTx) error {
		got, err := tx.DomainData(id)
		if want := map[app.Domain]app.DomainData{app.Onderdak: onderdak}; !reflect.DeepEqual(got, want) {
			t.Errorf("after purge: %+v", got)
		}
		return err
	})
	update(t, db, func(tx app.Tx) error {
		n, _ = tx.PurgeDomainData(id, app.Zorg)
		return nil
	})
	if n != 0 {
		t.Errorf("second purge removed %d", n)
	}
}

func testGeneralReplaceAndPurge(t *testing.T, open Opener) {
	db := open(t)
	id := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	answers := []app.Answer{
		{Code: "contact.voorkeur", Antwoord: "direct"},
		{Code: "contact.bereikbaarheid", Antwoord: "", Toelichting: "via zus"},
	}
	update(t, db, func(tx app.Tx) error {
		if err := tx.ReplaceGeneral(id, []app.Answer{{Code: "contact.voorkeur", Antwoord: "via-casemanager"}}); err != nil {
			return err
		}
		return tx.ReplaceGeneral(id, answers)
	})
	view(t, db, func(tx app.ReadTx) error {
		got, err := tx.General(id)
		if !reflect.DeepEqual(got, answers) {
			t.Errorf("got %+v", got)
		}
		return err
	})
	var n int
	update(t, db, func(tx app.Tx) error {
		var err error
		n, err = tx.PurgeGeneral(id)
		return err
	})
	if n != 2 {
		t.Errorf("purged %d, want 2", n)
	}
	view(t, db, func(tx app.ReadTx) error {
		got, err := tx.General(id)
		if len(got) != 0 {
			t.Errorf("left: %+v", got)
		}
		return err
	})
}

// PurgeSheetData removes a domain's informatieblad content and counts it, and leaves the
// domain's follow-up and the other domains alone.
func testPurgeSheetDataKeepsFollowup(t *testing.T, open Opener) {
	db := open(t)
	id := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	f := app.Followup{PersonID: id, Domain: app.Zorg, Status: app.FollowupOpen, Gewijzigd: t0}
	onderdak := app.DomainData{Hulpvraag: "woning"}
	update(t, db, func(tx app.Tx) error {
		return firstErr(
			tx.ReplaceDomainData(id, app.Zorg, app.DomainData{Hulpvraag: "huisarts",
				Onderwerpen: []app.Answer{{Code: "zorg.verzekering", Antwoord: "actief"}}}),
			tx.ReplaceDomainData(id, app.Onderdak, onderdak),
			tx.SaveFollowup(f))
	})
	var n int
	update(t, db, func(tx app.Tx) error {
		var err error
		n, err = tx.PurgeSheetData(id, app.Zorg)
		return err
	})
	if n != 2 {
		t.Errorf("purged %d items, want 2 (one topic and the hulpvraag)", n)
	}
	view(t, db, func(tx app.ReadTx) error {
		dd, err := tx.DomainData(id)
		if want := map[app.Domain]app.DomainData{app.Onderdak: onderdak}; !reflect.DeepEqual(dd, want) {
			t.Errorf("after purge: %+v", dd)
		}
		fs, err2 := tx.Followups(id)
		if !reflect.DeepEqual(fs, map[app.Domain]app.Followup{app.Zorg: f}) {
			t.Errorf("follow-up after PurgeSheetData: %+v", fs)
		}
		return errors.Join(err, err2)
	})
	update(t, db, func(tx app.Tx) error {
		var err error
		n, err = tx.PurgeSheetData(id, app.Zorg)
		return err
	})
	if n != 0 {
		t.Errorf("second purge removed %d", n)
	}
}
