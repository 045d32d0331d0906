package storetest

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// "Mijn dossiers" (issue 16 item 5): PersonQuery.Verantwoordelijke keeps the persons with
// a follow-up whose verantwoordelijke is that colleague, trimmed and folded as Mijn
// acties compares; the count agrees, and a name nobody carries keeps nobody.
func testSearchByResponsible(t *testing.T, open Opener) {
	db := open(t)
	p1 := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	p2 := createPerson(t, db, samplePerson(bsn2, "Piet", "", "Pietersen"))
	p3 := createPerson(t, db, samplePerson(bsn3, "Kees", "de", "Vries"))
	update(t, db, func(tx app.Tx) error {
		for _, f := range []app.Followup{
			{PersonID: p1, Domain: app.Onderdak, Status: app.FollowupOpen, Verantwoordelijke: "Petra de Vries", Gewijzigd: t0},
			{PersonID: p1, Domain: app.Zorg, Status: app.FollowupGeregeld, Verantwoordelijke: "pétra de vries ", Gewijzigd: t0},
			{PersonID: p2, Domain: app.Schulden, Status: app.FollowupInBehandeling, Verantwoordelijke: "Ahmed", Gewijzigd: t0,
				Actie: "bellen", Actiedatum: app.MustDate("2019-07-01")},
			{PersonID: p3, Domain: app.Onderdak, Status: app.FollowupOpen, Verantwoordelijke: "PETRA DE VRIES", Gewijzigd: t0,
				Actie: "bellen", Actiedatum: app.MustDate("2019-07-02")},
		} {
			if err := tx.SaveFollowup(f); err != nil {
				return err
			}
		}
		return nil
	})
	for who, want := range map[string][]string{
		"Petra de Vries":   {"Jan Jansen", "Kees de Vries"},
		" petra de vries ": {"Jan Jansen", "Kees de Vries"},
		"ahmed":            {"Piet Pietersen"},
		"Petra":            nil, // the whole name, not a part of it
		"Niemand":          nil,
	} {
		q := app.PersonQuery{Verantwoordelijke: who, Sort: app.SortByName}
		got := searchNames(t, db, q)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Verantwoordelijke %q: got %q, want %q", who, got, want)
		}
		view(t, db, func(tx app.ReadTx) error {
			n, err := tx.CountPersons(q)
			if err == nil && n != len(want) {
				t.Errorf("Verantwoordelijke %q: counted %d, want %d", who, n, len(want))
			}
			return err
		})
	}
	q := app.PersonQuery{Verantwoordelijke: "petra de vries", Zoek: "kees"}
	if got := searchNames(t, db, q); !reflect.DeepEqual(got, []string{"Kees de Vries"}) {
		t.Errorf("with a search: %q", got)
	}
}

// The colleagues a verantwoordelijke is chosen from (app.TeamStore), sorted and each
// once. On a team database (a store that knows who signed in) they are the team's login
// roles and the signed-in one, never a free text a follow-up names; on a local file the
// configured user name and every verantwoordelijke in use, trimmed, so nothing is lost.
func testTeamMembers(t *testing.T, open Opener) {
	db := open(t)
	team, ok := db.(app.TeamStore)
	if !ok {
		t.Fatalf("%T is no app.TeamStore", db)
	}
	p1 := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	update(t, db, func(tx app.Tx) error {
		return firstErr(
			tx.SetSetting(app.SettingGebruiker, "Ingestelde Gebruiker"),
			tx.SaveFollowup(app.Followup{PersonID: p1, Domain: app.Onderdak, Status: app.FollowupOpen,
				Verantwoordelijke: " Vrij Ingevuld ", Gewijzigd: t0}),
			tx.SaveFollowup(app.Followup{PersonID: p1, Domain: app.Zorg, Status: app.FollowupOpen,
				Verantwoordelijke: "Ander Vrij", Gewijzigd: t0}),
			tx.SaveFollowup(app.Followup{PersonID: p1, Domain: app.Schulden, Status: app.FollowupOpen,
				Verantwoordelijke: "Vrij Ingevuld", Gewijzigd: t0}),
			tx.SaveFollowup(app.Followup{PersonID: p1, Domain: app.WerkEnInkomen, Status: app.FollowupOpen, Gewijzigd: t0}),
		)
	})
	got, err := team.TeamMembers(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
		t.Errorf("TeamMembers = %q: not sorted, or a name twice", got)
	}
	for _, n := range got {
		if n == "" || strings.TrimSpace(n) != n {
			t.Errorf("TeamMembers = %q: an empty or untrimmed name", got)
		}
	}
	if s, ok := db.(app.SessionUserStore); ok {
		if !slices.Contains(got, s.SessionUser()) {
			t.Errorf("TeamMembers = %q lacks the signed-in %q", got, s.SessionUser())
		}
		for _, free := range []string{"Vrij Ingevuld", "Ander Vrij", "Ingestelde Gebruiker"} {
			if slices.Contains(got, free) {
				t.Errorf("TeamMembers = %q holds %q, which is no login role", got, free)
			}
		}
		return
	}
	if want := []string{"Ander Vrij", "Ingestelde Gebruiker", "Vrij Ingevuld"}; !reflect.DeepEqual(got, want) {
		t.Errorf("TeamMembers = %q, want %q", got, want)
	}
}
