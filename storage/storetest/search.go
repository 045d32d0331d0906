package storetest

import (
	"reflect"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

func searchNames(t *testing.T, db app.Store, q app.PersonQuery) []string {
	t.Helper()
	var names []string
	view(t, db, func(tx app.ReadTx) error {
		rows, err := tx.SearchPersons(q)
		for _, r := range rows {
			names = append(names, r.FullName())
		}
		return err
	})
	return names
}

func testSearchFoldsCaseAndDiacritics(t *testing.T, open Opener) {
	db := open(t)
	createPerson(t, db, samplePerson(bsn1, "Zoë", "van der", "Berg"))
	createPerson(t, db, samplePerson(bsn2, "Mehmet", "", "Şahin"))
	p := samplePerson("", "Antonín", "", "Dvořák")
	p.SKN = "4455667"
	createPerson(t, db, p)

	for zoek, want := range map[string][]string{
		"zoe":             {"Zoë van der Berg"},
		"ZOË":             {"Zoë van der Berg"},
		"berg":            {"Zoë van der Berg"},
		"van der berg":    {"Zoë van der Berg"},
		"zoe berg":        {"Zoë van der Berg"},
		"zoe sahin":       nil, // every word must match the same person
		"sahin":           {"Mehmet Şahin"},
		"Şahin":           {"Mehmet Şahin"},
		"dvorak":          {"Antonín Dvořák"},
		"DVOŘÁK antonin":  {"Antonín Dvořák"},
		"999990019":       {"Zoë van der Berg"},
		"99999002":        {"Mehmet Şahin"},
		"4455667":         {"Antonín Dvořák"},
		"%":               nil,
		"_":               nil,
		"  ":              {"Zoë van der Berg", "Antonín Dvořák", "Mehmet Şahin"},
		"onbekende-naam ": nil,
	} {
		got := searchNames(t, db, app.PersonQuery{Zoek: zoek})
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Zoek %q: got %q, want %q", zoek, got, want)
		}
	}
}

func testSearchLiteralWildcards(t *testing.T, open Opener) {
	db := open(t)
	createPerson(t, db, samplePerson(bsn1, "100%", "", "Zeker_Wel"))
	createPerson(t, db, samplePerson(bsn2, "1000", "", "ZekerXWel"))
	if got := searchNames(t, db, app.PersonQuery{Zoek: "100%"}); !reflect.DeepEqual(got, []string{"100% Zeker_Wel"}) {
		t.Errorf("100%%: %q", got)
	}
	if got := searchNames(t, db, app.PersonQuery{Zoek: "r_w"}); !reflect.DeepEqual(got, []string{"100% Zeker_Wel"}) {
		t.Errorf("r_w: %q", got)
	}
}

func testSearchSortByNameLimitOffset(t *testing.T, open Opener) {
	db := open(t)
	for i, n := range [][3]string{{"Piet", "", "Zwart"}, {"Zoë", "van der", "Berg"}, {"Ali", "", "Çelik"}, {"Anna", "de", "Bruin"}} {
		createPerson(t, db, samplePerson([]string{bsn1, bsn2, bsn3, bsn4}[i], n[0], n[1], n[2]))
	}
	all := []string{"Zoë van der Berg", "Anna de Bruin", "Ali Çelik", "Piet Zwart"}
	if got := searchNames(t, db, app.PersonQuery{}); !reflect.DeepEqual(got, all) {
		t.Errorf("by name: %q", got)
	}
	if got := searchNames(t, db, app.PersonQuery{Limit: 2, Offset: 1}); !reflect.DeepEqual(got, all[1:3]) {
		t.Errorf("limit 2 offset 1: %q", got)
	}
	if got := searchNames(t, db, app.PersonQuery{Offset: 3}); !reflect.DeepEqual(got, all[3:]) {
		t.Errorf("offset 3: %q", got)
	}
}

func testSearchSortByRelease(t *testing.T, open Opener) {
	db := open(t)
	none := createPerson(t, db, samplePerson(bsn1, "Geen", "", "Detentie"))
	noEnd := createPerson(t, db, samplePerson(bsn2, "Zonder", "", "Einddatum"))
	late := createPerson(t, db, samplePerson(bsn3, "Laat", "", "Vrij"))
	soon := createPerson(t, db, samplePerson(bsn4, "Snel", "", "Vrij"))
	addDetention(t, db, noEnd, "2025-01-01", "")
	addDetention(t, db, late, "2024-01-01", "2024-02-01") // older stay, earlier end
	addDetention(t, db, late, "2025-03-01", "2026-09-01") // latest stay decides
	addDetention(t, db, soon, "2025-02-01", "2026-05-01")
	_ = none

	var rows []app.PersonRow
	view(t, db, func(tx app.ReadTx) error {
		var err error
		rows, err = tx.SearchPersons(app.PersonQuery{Sort: app.SortByRelease})
		return err
	})
	var ids []int64
	for _, r := range rows {
		ids = append(ids, r.ID)
	}
	if want := []int64{soon, late, none, noEnd}; !reflect.DeepEqual(ids, want) {
		// none and noEnd both lack an einddatum: last, by name (Detentie < Einddatum).
		t.Fatalf("order %v, want %v", ids, want)
	}
	r := rows[1]
	if r.Einddatum != app.MustDate("2026-09-01") || r.Inrichting != "PI Test" || r.EinddatumStatus != app.EindVerwacht {
		t.Errorf("latest detention of row: %+v", r)
	}
	if rows[2].Inrichting != "" || !rows[2].Einddatum.IsZero() {
		t.Errorf("person without detention: %+v", rows[2])
	}
}

func testSearchReleaseWindowAndReviewFlag(t *testing.T, open Opener) {
	db := open(t)
	in := createPerson(t, db, samplePerson(bsn1, "Binnen", "", "Venster"))
	before := createPerson(t, db, samplePerson(bsn2, "Voor", "", "Venster"))
	flagged := samplePerson(bsn3, "Na", "", "Venster")
	flagged.ControleNodig = true
	after := createPerson(t, db, flagged)
	addDetention(t, db, in, "2019-05-20", "2019-08-14")
	addDetention(t, db, before, "2019-05-20", "2019-07-31")
	addDetention(t, db, after, "2019-05-20", "2019-09-01")
	window := app.PersonQuery{ReleaseFrom: app.MustDate("2019-08-01"), ReleaseTo: app.MustDate("2019-08-31")}
	if got := searchNames(t, db, window); !reflect.DeepEqual(got, []string{"Binnen Venster"}) {
		t.Errorf("release window = %v", got)
	}
	if got := searchNames(t, db, app.PersonQuery{ControleNodig: true}); !reflect.DeepEqual(got, []string{"Na Venster"}) {
		t.Errorf("review flag = %v", got)
	}
}

func testSearchTrajectFilter(t *testing.T, open Opener) {
	db := open(t)
	createPerson(t, db, samplePerson(bsn1, "Nog", "", "Aangemeld"))
	busy := createPerson(t, db, samplePerson(bsn2, "Al", "", "Bezig"))
	closed := createPerson(t, db, samplePerson(bsn3, "Is", "", "Klaar"))
	update(t, db, func(tx app.Tx) error {
		if err := tx.SaveTraject(busy, app.Traject{Status: app.InBehandeling}); err != nil {
			return err
		}
		return tx.SaveTraject(closed, app.Traject{Status: app.Afgesloten, Uitkomst: app.ZonderMaatregelen,
			Afgesloten: app.MustDate("2019-09-01")})
	})
	for status, want := range map[app.TrajectStatus][]string{
		app.Aangemeld: {"Nog Aangemeld"}, app.InBehandeling: {"Al Bezig"}, app.Afgesloten: {"Is Klaar"},
	} {
		if got := searchNames(t, db, app.PersonQuery{Traject: status}); !reflect.DeepEqual(got, want) {
			t.Errorf("traject %s = %v, want %v", status, got, want)
		}
	}
}

func testSearchUnknownSort(t *testing.T, open Opener) {
	db := open(t)
	err := db.View(t.Context(), func(tx app.ReadTx) error {
		_, err := tx.SearchPersons(app.PersonQuery{Sort: 7})
		return err
	})
	if err == nil {
		t.Fatal("unknown sort accepted")
	}
}

// A removed person is not found any more; the other with the same name still is.
func testSearchForgetsRemovedPerson(t *testing.T, open Opener) {
	db := open(t)
	createPerson(t, db, samplePerson("", "Jan", "", "Qwyxland"))
	gone := createPerson(t, db, samplePerson("", "Piet", "", "Qwyxland"))
	update(t, db, func(tx app.Tx) error { return tx.DeletePerson(gone) })
	if got := searchNames(t, db, app.PersonQuery{Zoek: "qwyx"}); !reflect.DeepEqual(got, []string{"Jan Qwyxland"}) {
		t.Errorf("search finds %v", got)
	}
}
