package storetest

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

func testPlan(kenmerk, opgesteld string, areas ...app.LifeArea) app.StoredPlan {
	return app.StoredPlan{Kenmerk: kenmerk, Opgesteld: app.MustDate(opgesteld),
		Verzonden: time.Date(2024, 3, 12, 13, 0, 0, 0, time.UTC),
		Plan:      app.Plan{Opgesteld: app.MustDate(opgesteld), Grondslag: app.GrondslagPlan, Leefgebieden: areas}}
}

func testPlanRoundTrip(t *testing.T, open Opener) {
	db := open(t)
	id := createPerson(t, db, samplePerson(bsn1, "Samira", "", "El Idrissi"))
	p := testPlan("DJI-1", "2024-03-12",
		app.LifeArea{Code: app.SociaalNetwerk, Situatie: "zus", Doelen: []string{"b", "a"}},
		app.LifeArea{Code: app.Onderdak, Situatie: "huur opgezegd",
			Onderwerpen: []app.Answer{{Code: "onderdak.na-detentie", Antwoord: "nee", Toelichting: "zes weken"},
				{Code: "onderdak.behoud", Antwoord: "nee"}},
			Afspraken: []app.Agreement{
				{ID: "ond-2", Wie: app.WieDJI, Status: app.AfspraakAfgerond, Tekst: "inschrijven"},
				{ID: "ond-1", Wie: app.WieGemeente, Status: app.AfspraakOpen, Datum: app.MustDate("2024-04-15"), Tekst: "aanmelden"}}})
	p.Plan.Algemeen = []app.Answer{{Code: "contact.bereikbaarheid", Toelichting: "via zus"}}
	view(t, db, func(tx app.ReadTx) error {
		got, err := tx.Plan(id)
		if got != nil || err != nil {
			t.Errorf("no plan yet: %+v, %v", got, err)
		}
		return nil
	})
	update(t, db, func(tx app.Tx) error { return tx.ReplacePlan(id, p) })
	view(t, db, func(tx app.ReadTx) error {
		got, err := tx.Plan(id)
		if err != nil {
			return err
		}
		if !reflect.DeepEqual(*got, p) {
			t.Errorf("plan:\n got %+v\nwant %+v", *got, p)
		}
		has, err := tx.HasPlan(id)
		if !has {
			t.Error("HasPlan = false")
		}
		return err
	})
	// The same leefgebieden kept in another order with other content, one dropped, one
	// added (a store may overwrite the kept ones in place).
	kept := testPlan("DJI-1b", "2024-04-02",
		app.LifeArea{Code: app.Onderdak, Situatie: "huurwoning gevonden", Doelen: []string{"sleutel"},
			Afspraken: []app.Agreement{{ID: "ond-3", Wie: app.WieGemeente, Status: app.AfspraakLopend, Tekst: "verhuizen"}}},
		app.LifeArea{Code: app.Schulden, Situatie: "beslag"})
	update(t, db, func(tx app.Tx) error { return tx.ReplacePlan(id, kept) })
	view(t, db, func(tx app.ReadTx) error {
		got, err := tx.Plan(id)
		if err == nil && !reflect.DeepEqual(*got, kept) {
			t.Errorf("plan replaced with kept leefgebieden:\n got %+v\nwant %+v", *got, kept)
		}
		return err
	})
	next := testPlan("DJI-2", "2024-05-28", app.LifeArea{Code: app.Zorg})
	update(t, db, func(tx app.Tx) error { return tx.ReplacePlan(id, next) })
	view(t, db, func(tx app.ReadTx) error {
		got, err := tx.Plan(id)
		if err == nil && !reflect.DeepEqual(*got, next) {
			t.Errorf("replaced plan: %+v", *got)
		}
		return err
	})
	update(t, db, func(tx app.Tx) error { return tx.DeletePerson(id) })
	view(t, db, func(tx app.ReadTx) error {
		got, err := tx.Plan(id)
		has, err2 := tx.HasPlan(id)
		if got != nil || has || err != nil || err2 != nil {
			t.Errorf("plan after DeletePerson: %+v %v (%v %v)", got, has, err, err2)
		}
		return nil
	})
	for _, table := range planTables {
		noRowsLeft(t, db, table, 0)
	}
}

// planTables are the tables that hold a plan's content.
var planTables = []string{"plan_agreements", "plan_goals", "plan_topics", "plan_leefgebieden", "plans"}

func testGemeenteAgreementsDue(t *testing.T, open Opener) {
	db := open(t)
	released := createPerson(t, db, samplePerson(bsn1, "Anna", "", "Aa"))
	addDetention(t, db, released, "2024-01-15", "2024-06-12")
	later := createPerson(t, db, samplePerson(bsn2, "Bert", "", "Bb"))
	addDetention(t, db, later, "2024-01-15", "2024-08-01")
	// By full name Anton Zz sorts between Anna Aa and Bert Bb, by sorteernaam (achternaam
	// first) after both; and his werk-en-inkomen before schulden (Leefgebieden order),
	// which is not the alphabet's.
	anton := createPerson(t, db, samplePerson(bsn3, "Anton", "", "Zz"))
	ag := func(id, wie, status, datum string) app.Agreement {
		a := app.Agreement{ID: id, Wie: wie, Status: status, Tekst: "tekst " + id}
		if datum != "" {
			a.Datum = app.MustDate(datum)
		}
		return a
	}
	update(t, db, func(tx app.Tx) error {
		return firstErr(
			tx.ReplacePlan(released, testPlan("K1", "2024-05-28", app.LifeArea{Code: app.Onderdak, Afspraken: []app.Agreement{
				ag("passed", app.WieGemeente, app.AfspraakLopend, "2024-06-01"),
				ag("soon", app.WieGemeente, app.AfspraakOpen, "2024-06-10"),
				ag("undated", app.WieGemeente, app.AfspraakOpen, ""),
				ag("done", app.WieGemeente, app.AfspraakAfgerond, "2024-04-15"),
				ag("dji", app.WieDJI, app.AfspraakOpen, "2024-05-01"),
				ag("far", app.WieGemeente, app.AfspraakOpen, "2024-07-01")}})),
			tx.ReplacePlan(later, testPlan("K2", "2024-05-28", app.LifeArea{Code: app.SociaalNetwerk, Afspraken: []app.Agreement{
				ag("undated-late", app.WieGemeente, app.AfspraakOpen, ""),
				ag("passed-too", app.WieGemeente, app.AfspraakOpen, "2024-06-01")}})),
			tx.ReplacePlan(anton, testPlan("K3", "2024-05-28",
				app.LifeArea{Code: app.Schulden, Afspraken: []app.Agreement{ag("a-schulden", app.WieGemeente, app.AfspraakOpen, "2024-06-01")}},
				app.LifeArea{Code: app.WerkEnInkomen, Afspraken: []app.Agreement{ag("b-werk", app.WieGemeente, app.AfspraakOpen, "2024-06-01")}})),
		)
	})
	today, last := app.MustDate("2024-06-05"), app.MustDate("2024-06-19")
	ids := func(limit int) ([]string, int) {
		var out []string
		var total int
		view(t, db, func(tx app.ReadTx) error {
			due, n, err := tx.GemeenteAgreementsDue(today, last, limit)
			for _, d := range due {
				out = append(out, d.Agreement.ID)
			}
			total = n
			return err
		})
		return out, total
	}
	// The signals' order: undated first, then by datum, full name, person, leefgebied.
	want := []string{"undated", "passed", "b-werk", "a-schulden", "passed-too", "soon"}
	view(t, db, func(tx app.ReadTx) error {
		due, _, err := tx.GemeenteAgreementsDue(today, last, 100)
		var sorted []string
		for _, s := range app.Signals(app.SignalInput{Agreements: due}, today, today.DaysUntil(last)) {
			sorted = append(sorted, s.AfspraakID)
		}
		if !slices.Equal(sorted, want) {
			t.Errorf("app.Signals orders them %v, the test expects %v", sorted, want)
		}
		return err
	})
	for limit := range len(want) + 2 {
		got, total := ids(limit)
		if exact := want[:min(limit, len(want))]; !slices.Equal(got, exact) || total != len(want) {
			t.Errorf("limit %d: %v (%d), want exactly %v (%d)", limit, got, total, exact, len(want))
		}
	}
	view(t, db, func(tx app.ReadTx) error {
		doms, err := tx.ReleasePlanDomains(today, last)
		if !reflect.DeepEqual(doms, map[int64][]app.Domain{released: {app.Onderdak}}) {
			t.Errorf("release plan domains = %v", doms)
		}
		return err
	})
}
