package postgres

import (
	"reflect"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

func TestDomainDataReplaceAndPurge(t *testing.T) {
	db, _ := openTest(t)
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

func TestGeneralReplaceAndPurge(t *testing.T) {
	db, _ := openTest(t)
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
