package postgres

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

func TestPersonRoundTrip(t *testing.T) {
	db, _ := openTest(t)
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

func TestPersonNotFound(t *testing.T) {
	db, _ := openTest(t)
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

func TestPersonWithoutIdentifiersAndDates(t *testing.T) {
	db, _ := openTest(t)
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

func TestDuplicateBSNRejected(t *testing.T) {
	db, _ := openTest(t)
	createPerson(t, db, samplePerson(bsn1, "A", "", "A"))
	err := db.Update(t.Context(), func(tx app.Tx) error {
		return tx.CreatePerson(samplePerson(bsn1, "B", "", "B"))
	})
	if err == nil {
		t.Fatal("second person with the same BSN was stored")
	}
}

func TestUpdatePerson(t *testing.T) {
	db, _ := openTest(t)
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

func TestDeletePersonCascades(t *testing.T) {
	db, _ := openTest(t)
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
			tx.AddMessage(app.MessageRecord{Kenmerk: "M1", Soort: app.Informatieblad, PersonID: id}),
			tx.SaveDetention(&app.Detention{PersonID: keep, Begindatum: app.MustDate("2025-01-01")}),
		)
	})
	update(t, db, func(tx app.Tx) error { return tx.DeletePerson(id) })

	view(t, db, func(tx app.ReadTx) error {
		if _, err := tx.PersonByID(id); !errors.Is(err, app.ErrNotFound) {
			t.Errorf("person still there: %v", err)
		}
		for _, table := range []string{"detentions", "topics", "hulpvragen", "general_topics"} {
			if n := countWhere(t, tx, table, "person_id = ?", id); n != 0 {
				t.Errorf("%s: %d rows left", table, n)
			}
		}
		if n := countWhere(t, tx, "detentions", "person_id = ?", keep); n != 1 {
			t.Errorf("other person's detention removed")
		}
		known, err := tx.MessageKnown("M1")
		if !known || err != nil {
			t.Errorf("message record removed: %v", err)
		}
		if n := countWhere(t, tx, "messages", "kenmerk = 'M1' AND person_id IS NULL"); n != 1 {
			t.Error("message still linked to the removed person")
		}
		c, err := tx.Consents(keys)
		if err != nil || !c[app.Zorg].Gegeven {
			t.Errorf("consent ledger must outlive the person: %v %v", c, err)
		}
		return nil
	})
	err := db.Update(t.Context(), func(tx app.Tx) error { return tx.DeletePerson(id) })
	if !errors.Is(err, app.ErrNotFound) {
		t.Fatalf("deleting a missing person: %v", err)
	}
}

func countWhere(t *testing.T, tx app.ReadTx, table, where string, args ...any) int {
	t.Helper()
	var n int
	if err := tx.(*reader).queryRow(`SELECT count(*) FROM `+table+` WHERE `+where, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
