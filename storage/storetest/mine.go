package storetest

import (
	"reflect"
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
