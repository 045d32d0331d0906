package storetest

import (
	"reflect"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// sortFixture is four persons: Berg (PI Zwolle, definitief 2026-05-01, born 1980),
// Aydın (PI Vught, verwacht 2026-09-01, born 1995), Visser (no detention, no date of
// birth) and Claes (a detention without einddatum, in PI Almelo).
func sortFixture(t *testing.T, open Opener) app.Store {
	t.Helper()
	db := open(t)
	add := func(bsn, first, last, born string) int64 {
		p := samplePerson(bsn, first, "", last)
		p.Geboortedatum = app.Date{}
		if born != "" {
			p.Geboortedatum = app.MustDate(born)
		}
		return createPerson(t, db, p)
	}
	berg := add(bsn1, "Jan", "Berg", "1980-01-01")
	aydin := add(bsn2, "Ayşe", "Aydın", "1995-06-01")
	add(bsn3, "Piet", "Visser", "")
	claes := add(bsn4, "Mia", "Claes", "1988-02-02")
	d := addDetention(t, db, berg, "2025-01-01", "2026-05-01")
	d.Inrichting, d.EinddatumStatus = "PI Zwolle", app.EindDefinitief
	update(t, db, func(tx app.Tx) error { return tx.SaveDetention(d) })
	d = addDetention(t, db, aydin, "2025-01-01", "2026-09-01")
	d.Inrichting = "PI Vught"
	update(t, db, func(tx app.Tx) error { return tx.SaveDetention(d) })
	d = addDetention(t, db, claes, "2025-01-01", "")
	d.Inrichting = "PI Almelo"
	update(t, db, func(tx app.Tx) error { return tx.SaveDetention(d) })
	return db
}

func surnames(t *testing.T, db app.Store, q app.PersonQuery) []string {
	t.Helper()
	var out []string
	view(t, db, func(tx app.ReadTx) error {
		rows, err := tx.SearchPersons(q)
		for _, r := range rows {
			out = append(out, r.Achternaam)
		}
		return err
	})
	return out
}

// Every column of the Personen list sorts both ways; persons without the value come
// last either way, and the order is the same page by page (issue 18 item 7).
func testSortEveryColumnBothWays(t *testing.T, open Opener) {
	db := sortFixture(t, open)
	for _, c := range []struct {
		name      string
		sort      app.PersonSort
		asc, desc []string
	}{
		{"naam", app.SortByName, []string{"Aydın", "Berg", "Claes", "Visser"}, []string{"Visser", "Claes", "Berg", "Aydın"}},
		{"vrijlating", app.SortByRelease, []string{"Berg", "Aydın", "Claes", "Visser"}, []string{"Aydın", "Berg", "Visser", "Claes"}},
		{"geboortedatum", app.SortByBirth, []string{"Berg", "Claes", "Aydın", "Visser"}, []string{"Aydın", "Claes", "Berg", "Visser"}},
		{"inrichting", app.SortByInrichting, []string{"Claes", "Aydın", "Berg", "Visser"}, []string{"Berg", "Aydın", "Claes", "Visser"}},
		{"status", app.SortByEindStatus, []string{"Berg", "Aydın", "Claes", "Visser"}, []string{"Aydın", "Berg", "Visser", "Claes"}},
	} {
		// Claes's detention has no einddatum and an empty status: after those with one.
		if got := surnames(t, db, app.PersonQuery{Sort: c.sort}); !reflect.DeepEqual(got, c.asc) {
			t.Errorf("%s ascending: %q, want %q", c.name, got, c.asc)
		}
		if got := surnames(t, db, app.PersonQuery{Sort: c.sort, Desc: true}); !reflect.DeepEqual(got, c.desc) {
			t.Errorf("%s descending: %q, want %q", c.name, got, c.desc)
		}
		var paged []string
		for off := 0; off < 4; off += 3 {
			paged = append(paged, surnames(t, db, app.PersonQuery{Sort: c.sort, Desc: true, Limit: 3, Offset: off})...)
		}
		if !reflect.DeepEqual(paged, c.desc) {
			t.Errorf("%s descending in pages of 3: %q", c.name, paged)
		}
	}
	window := app.PersonQuery{Sort: app.SortByRelease, Desc: true, ReleaseFrom: app.MustDate("2026-01-01")}
	if got := surnames(t, db, window); !reflect.DeepEqual(got, []string{"Aydın", "Berg"}) {
		t.Errorf("release window descending: %q", got)
	}
}

// CountPersons counts what SearchPersons finds, whatever Limit, Offset and Sort say.
func testCountPersonsMatchesSearch(t *testing.T, open Opener) {
	db := sortFixture(t, open)
	for _, q := range []app.PersonQuery{
		{}, {Zoek: "berg"}, {Zoek: "a"}, {ReleaseFrom: app.MustDate("2026-06-01")},
		{ReleaseFrom: app.MustDate("2026-01-01"), ReleaseTo: app.MustDate("2026-06-01")},
		{Traject: app.Aangemeld, Limit: 1, Offset: 1, Sort: app.SortByBirth, Desc: true},
		{DomeinStatus: app.FilterGeenToestemming},
	} {
		all := q
		all.Limit, all.Offset = 0, 0
		want := len(surnames(t, db, all))
		var got int
		view(t, db, func(tx app.ReadTx) error {
			var err error
			got, err = tx.CountPersons(q)
			return err
		})
		if got != want {
			t.Errorf("CountPersons(%+v) = %d, SearchPersons finds %d", q, got, want)
		}
	}
}

// ListDomainStates reads the consent copy, the follow-up status and the plan of a list
// of persons in one go; a person without any has empty maps.
func testListDomainStates(t *testing.T, open Opener) {
	db := sortFixture(t, open)
	update(t, db, func(tx app.Tx) error {
		if err := tx.SaveConsentStates(1, map[app.Domain]app.ConsentState{app.Onderdak: app.ConsentJa, app.Schulden: app.ConsentIngetrokken}); err != nil {
			return err
		}
		if err := tx.SaveFollowup(app.Followup{PersonID: 1, Domain: app.Onderdak, Status: app.FollowupGeregeld, Gewijzigd: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}); err != nil {
			return err
		}
		return tx.ReplacePlan(2, testPlan("K-1", "2024-03-12", app.LifeArea{Code: app.Zorg}))
	})
	var got map[int64]app.ListStates
	view(t, db, func(tx app.ReadTx) error {
		var err error
		got, err = tx.ListDomainStates([]int64{1, 2, 3})
		return err
	})
	if len(got) != 3 || got[1].Consent[app.Onderdak] != app.ConsentJa || got[1].Consent[app.Schulden] != app.ConsentIngetrokken ||
		got[1].Followups[app.Onderdak] != app.FollowupGeregeld || got[1].Plan || !got[2].Plan || len(got[3].Consent) != 0 {
		t.Errorf("ListDomainStates = %+v", got)
	}
	short := func(st app.ListStates) (out []string) {
		for _, s := range app.ListDomainStatuses(st) {
			out = append(out, s.Kort)
		}
		return out
	}
	if s := short(got[1]); !reflect.DeepEqual(s, []string{"—", "geregeld", "—", "ingetr.", "—", "—"}) {
		t.Errorf("Berg's domains %q", s)
	}
	if s := short(got[2]); !reflect.DeepEqual(s, []string{"open", "open", "open", "open", "open", "open"}) {
		t.Errorf("with a plan every domain has follow-up: %q", s)
	}
}
