package storetest

import (
	"fmt"
	"slices"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// testSortKeyFollowsName: the overdue actions and the gemeente's agreements are in the
// order of the persons' full names as they are now, for every limit. A store that keeps
// a copy of the name beside the rows for its indexes (volledige_naam: SQLite's
// migration 0020, PostgreSQL's 0009) must follow each change of voornamen, voorvoegsel
// and achternaam, and give rows written after a change the new name.
func testSortKeyFollowsName(t *testing.T, open Opener) {
	db := open(t)
	anna := samplePerson(bsn1, "Anna", "", "Aa")
	bert := samplePerson(bsn2, "Bert", "", "Bb")
	for _, p := range []*app.Person{anna, bert} {
		createPerson(t, db, p)
		addDetention(t, db, p.ID, "2024-01-15", "2024-06-12")
	}
	ag := func(id, datum string) app.Agreement {
		a := app.Agreement{ID: id, Wie: app.WieGemeente, Status: app.AfspraakOpen, Tekst: "tekst " + id}
		if datum != "" {
			a.Datum = app.MustDate(datum)
		}
		return a
	}
	update(t, db, func(tx app.Tx) error {
		for _, p := range []*app.Person{anna, bert} {
			f := app.Followup{PersonID: p.ID, Domain: app.Onderdak, Status: app.FollowupOpen, Actie: "bellen",
				Actiedatum: app.MustDate("2024-06-01"), Gewijzigd: t0}
			err := firstErr(tx.SaveFollowup(f), tx.ReplacePlan(p.ID, testPlan("K"+p.BSN, "2024-05-28",
				app.LifeArea{Code: app.Onderdak, Afspraken: []app.Agreement{ag("u", ""), ag("d", "2024-06-10")}})))
			if err != nil {
				return err
			}
		}
		return nil
	})
	today, last := app.MustDate("2024-06-05"), app.MustDate("2024-06-19")
	check := func(step string, first, second *app.Person) {
		t.Helper()
		wantActions := []int64{first.ID, second.ID}
		wantAgreements := []string{
			fmt.Sprint(first.ID, " u"), fmt.Sprint(second.ID, " u"), fmt.Sprint(first.ID, " d"), fmt.Sprint(second.ID, " d")}
		for limit := range 6 {
			view(t, db, func(tx app.ReadTx) error {
				actions, n, err := tx.OverdueActions(today, limit)
				if err != nil {
					return err
				}
				agreements, m, err := tx.GemeenteAgreementsDue(today, last, limit)
				if err != nil {
					return err
				}
				var gotActions []int64
				for _, a := range actions {
					gotActions = append(gotActions, a.Followup.PersonID)
				}
				var gotAgreements []string
				for _, a := range agreements {
					gotAgreements = append(gotAgreements, fmt.Sprint(a.Person.ID, " ", a.Agreement.ID))
				}
				if w := wantActions[:min(limit, 2)]; !slices.Equal(gotActions, w) || n != 2 {
					t.Errorf("%s, limit %d: overdue actions of persons %v (%d), want %v (2)", step, limit, gotActions, n, w)
				}
				if w := wantAgreements[:min(limit, 4)]; !slices.Equal(gotAgreements, w) || m != 4 {
					t.Errorf("%s, limit %d: agreements %v (%d), want %v (4)", step, limit, gotAgreements, m, w)
				}
				if limit < 5 {
					return nil
				}
				// And the order is app.Signals' for the names the rows carry.
				var sorted []string
				for _, s := range app.Signals(app.SignalInput{Actions: actions, Agreements: agreements}, today, today.DaysUntil(last)) {
					sorted = append(sorted, fmt.Sprint(s.PersonID, " ", s.AfspraakID))
				}
				want := []string{fmt.Sprint(first.ID, " "), fmt.Sprint(second.ID, " ")}
				if !slices.Equal(sorted, append(want, wantAgreements...)) {
					t.Errorf("%s: app.Signals orders them %v, the test expects %v", step, sorted, append(want, wantAgreements...))
				}
				return nil
			})
		}
	}
	rename := func(p *app.Person, voornamen, voorvoegsel, achternaam string) {
		t.Helper()
		p.Voornamen, p.Voorvoegsel, p.Achternaam = voornamen, voorvoegsel, achternaam
		update(t, db, func(tx app.Tx) error { return tx.UpdatePerson(p) })
	}
	check("as created", anna, bert)
	rename(anna, "Zeno", "", "Aa") // "Zeno Aa" after "Bert Bb"
	check("voornamen changed", bert, anna)
	rename(anna, "", "", "Aa") // "Aa" before "Bert Bb": no space for the empty voornamen
	check("voornamen emptied", anna, bert)
	rename(bert, "", "A", "Bb") // "A Bb" before "Aa"
	check("voorvoegsel changed", bert, anna)
	rename(anna, "", "", "A") // "A" before "A Bb"
	check("achternaam changed", anna, bert)
	// Rows written after the change carry the new name: a plan that moves the dated
	// agreement of Anna (now "A") to a new one, and a follow-up saved again.
	rename(anna, "Zeno", "", "A") // "Zeno A" after "A Bb"
	update(t, db, func(tx app.Tx) error {
		return firstErr(tx.ReplacePlan(anna.ID, testPlan("K2", "2024-06-02",
			app.LifeArea{Code: app.Onderdak, Afspraken: []app.Agreement{ag("u", ""), ag("d", "2024-06-10")}})),
			tx.SaveFollowup(app.Followup{PersonID: anna.ID, Domain: app.Onderdak, Status: app.FollowupInBehandeling,
				Actie: "bellen", Actiedatum: app.MustDate("2024-06-01"), Gewijzigd: t0}))
	})
	check("rows written again", bert, anna)
}
