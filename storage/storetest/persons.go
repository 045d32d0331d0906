package storetest

import (
	"errors"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

func testPersonRoundTrip(t *testing.T, open Opener) {
	db := open(t)
	p := samplePerson(bsn1, "Zoë", "van der", "Berg")
	p.SKN = "12345678"
	p.ControleNodig = true
	p.Casemanager = app.Contact{Naam: "C. Manager", Telefoon: "0612345678", Email: "cm@dji.invalid"}
	p.CasemanagerVerzonden = time.Date(2026, 3, 4, 5, 6, 7, 123456789, time.FixedZone("CET", 3600))
	id := createPerson(t, db, p)
	want := *p
	want.CasemanagerVerzonden = p.CasemanagerVerzonden.UTC()

	view(t, db, func(tx app.ReadTx) error {
		for name, get := range map[string]func() (*app.Person, error){
			"id":  func() (*app.Person, error) { return tx.PersonByID(id) },
			"bsn": func() (*app.Person, error) { return tx.PersonByBSN(bsn1) },
			"skn": func() (*app.Person, error) { return tx.PersonBySKN("12345678") },
		} {
			got, err := get()
			if err != nil {
				t.Fatalf("by %s: %v", name, err)
			}
			if !reflect.DeepEqual(*got, want) {
				t.Errorf("by %s:\n got %+v\nwant %+v", name, *got, want)
			}
		}
		return nil
	})
}

func testPersonNotFound(t *testing.T, open Opener) {
	db := open(t)
	createPerson(t, db, &app.Person{SKN: "777", Achternaam: "Alleen SKN"})
	view(t, db, func(tx app.ReadTx) error {
		_, err1 := tx.PersonByID(42)
		_, err2 := tx.PersonByBSN(bsn2)
		_, err3 := tx.PersonBySKN("888")
		for i, err := range []error{err1, err2, err3} {
			if !errors.Is(err, app.ErrNotFound) {
				t.Errorf("lookup %d: err = %v, want ErrNotFound", i, err)
			}
		}
		// A person without BSN is not found by the empty BSN.
		if _, err := tx.PersonByBSN(""); !errors.Is(err, app.ErrNotFound) {
			t.Errorf("empty BSN: %v", err)
		}
		return nil
	})
}

func testPersonWithoutIdentifiersAndDates(t *testing.T, open Opener) {
	db := open(t)
	p := &app.Person{Achternaam: "Onbekend"}
	id := createPerson(t, db, p)
	createPerson(t, db, &app.Person{Achternaam: "Tweede"}) // two NULL BSNs do not collide
	view(t, db, func(tx app.ReadTx) error {
		got, err := tx.PersonByID(id)
		if err == nil && !reflect.DeepEqual(*got, *p) {
			t.Errorf("got %+v want %+v", *got, *p)
		}
		return err
	})
}

func testDuplicateBSNRejected(t *testing.T, open Opener) {
	db := open(t)
	createPerson(t, db, samplePerson(bsn1, "A", "", "A"))
	err := db.Update(t.Context(), func(tx app.Tx) error {
		return tx.CreatePerson(samplePerson(bsn1, "B", "", "B"))
	})
	if err == nil {
		t.Fatal("second person with the same BSN was stored")
	}
}

func testUpdatePerson(t *testing.T, open Opener) {
	db := open(t)
	p := samplePerson("", "Jan", "", "Jansen")
	p.SKN = "555"
	id := createPerson(t, db, p)
	p.BSN, p.Achternaam, p.ControleNodig = bsn2, "Şahin", true
	update(t, db, func(tx app.Tx) error { return tx.UpdatePerson(p) })
	view(t, db, func(tx app.ReadTx) error {
		got, err := tx.PersonByBSN(bsn2)
		if err != nil {
			return err
		}
		if got.ID != id || got.Achternaam != "Şahin" || !got.ControleNodig {
			t.Errorf("got %+v", got)
		}
		rows, err := tx.SearchPersons(app.PersonQuery{Zoek: "sahin"})
		if len(rows) != 1 {
			t.Errorf("search column not updated: %d rows", len(rows))
		}
		return err
	})
	err := db.Update(t.Context(), func(tx app.Tx) error {
		return tx.UpdatePerson(&app.Person{ID: 999, Achternaam: "X"})
	})
	if !errors.Is(err, app.ErrNotFound) {
		t.Fatalf("update of missing person: %v", err)
	}
}

func testDeletePersonCascades(t *testing.T, open Opener) {
	db := open(t)
	keep := createPerson(t, db, samplePerson(bsn2, "Blijf", "", "Hier"))
	id := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	keys := []string{"k1"}
	update(t, db, func(tx app.Tx) error {
		return errors.Join(
			tx.SaveDetention(&app.Detention{PersonID: id, Begindatum: app.MustDate("2025-01-01")}),
			tx.ReplaceDomainData(id, app.Zorg, app.DomainData{
				Onderwerpen: []app.Answer{{Code: "zorg.medicatie", Antwoord: "ja"}}, Hulpvraag: "hulp"}),
			tx.ReplaceGeneral(id, []app.Answer{{Code: "contact.voorkeur", Antwoord: "direct"}}),
			tx.SaveConsent(keys, app.Zorg, app.DomainConsent{Opgesteld: app.MustDate("2025-02-01"), Gegeven: true}),
			tx.AddMessage(app.MessageRecord{Kenmerk: "M1", Soort: app.Informatieblad, PersonID: id, Ontvangen: t0}),
			tx.SaveDetention(&app.Detention{PersonID: keep, Begindatum: app.MustDate("2025-01-01")}),
		)
	})
	update(t, db, func(tx app.Tx) error { return tx.DeletePerson(id) })

	view(t, db, func(tx app.ReadTx) error {
		if _, err := tx.PersonByID(id); !errors.Is(err, app.ErrNotFound) {
			t.Errorf("person still there: %v", err)
		}
		ds, err1 := tx.Detentions(id)
		dd, err2 := tx.DomainData(id)
		g, err3 := tx.General(id)
		ms, err4 := tx.Messages(id)
		if err := errors.Join(err1, err2, err3, err4); err != nil || len(ds)+len(dd)+len(g)+len(ms) != 0 {
			t.Errorf("left after DeletePerson: %v %v %v %v (%v)", ds, dd, g, ms, err)
		}
		if ds, err := tx.Detentions(keep); len(ds) != 1 || err != nil {
			t.Errorf("other person's detention removed: %v %v", ds, err)
		}
		known, err := tx.MessageKnown("M1")
		if !known || err != nil {
			t.Errorf("message record removed: %v", err)
		}
		all, err := tx.MessagesSince(time.Time{})
		if err != nil || len(all) != 1 || all[0].Kenmerk != "M1" || all[0].PersonID != 0 {
			t.Errorf("message still linked to the removed person: %+v %v", all, err)
		}
		c, err := tx.Consents(keys)
		if err != nil || !c[app.Zorg].Gegeven {
			t.Errorf("consent ledger must outlive the person: %v %v", c, err)
		}
		return nil
	})
	for _, table := range []string{"detentions", "topics", "hulpvragen", "general_topics", "messages"} {
		noRowsLeft(t, db, table, id)
	}
	err := db.Update(t.Context(), func(tx app.Tx) error { return tx.DeletePerson(id) })
	if !errors.Is(err, app.ErrNotFound) {
		t.Fatalf("deleting a missing person: %v", err)
	}
}

// An SKN is not unique: PersonsBySKN returns every person with it, and no other.
func testPersonsBySKN(t *testing.T, open Opener) {
	db := open(t)
	a := samplePerson(bsn1, "Jan", "", "Jansen")
	a.SKN = "1234"
	b := samplePerson(bsn2, "Piet", "", "Pietersen")
	b.SKN = "1234"
	c := samplePerson(bsn3, "Kees", "", "Klaassen")
	c.SKN = "5678"
	ids := []int64{createPerson(t, db, a), createPerson(t, db, b)}
	createPerson(t, db, c)
	view(t, db, func(tx app.ReadTx) error {
		got, err := tx.PersonsBySKN("1234")
		if err != nil {
			return err
		}
		sort.Slice(got, func(i, j int) bool { return got[i].ID < got[j].ID })
		if len(got) != 2 || got[0].ID != ids[0] || got[1].ID != ids[1] || !reflect.DeepEqual(got[0], *a) {
			t.Errorf("PersonsBySKN(1234) = %+v", got)
		}
		none, err := tx.PersonsBySKN("999")
		if len(none) != 0 {
			t.Errorf("PersonsBySKN(999) = %+v", none)
		}
		return err
	})
}
