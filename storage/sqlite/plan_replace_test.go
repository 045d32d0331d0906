package sqlite

import (
	"slices"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// TestReplacePlanEqualsFreshPlan: ReplacePlan writes only what differs from the
// previous plan (writePlanContent); the database must be the same, row for row in every
// table (the persons columns the triggers keep included), as when the previous plan's
// rows are all removed first and the new plan is inserted whole, as ReplacePlan did
// before (the installation key and the audit seal it signs aside: each database has
// its own). The versions drop and add leefgebieden (so the others' volgorde shifts),
// change, add and remove topics, goals and agreements, move a topic and an agreement to
// another leefgebied, clear a date, and end with an empty plan and the first again.
//
// known does what the import does: it reads the plan (Plan) before ReplacePlan, which
// then finds what differs in the rows Plan read (replaceKnownPlan) rather than in SQL.
func TestReplacePlanEqualsFreshPlan(t *testing.T) {
	diffed, _ := openTest(t)
	known, _ := openTest(t)
	fresh, _ := openTest(t)
	var id int64
	for _, db := range []*DB{diffed, known, fresh} {
		id = createPerson(t, db, samplePerson("999990019", "Jan", "", "Jansen"))
	}
	for i, p := range planVersions() {
		update(t, diffed, func(tx app.Tx) error { return tx.ReplacePlan(id, p) })
		update(t, known, func(tx app.Tx) error {
			if _, err := tx.Plan(id); err != nil {
				return err
			}
			if tx.(*writer).plan == nil {
				t.Fatal("Plan kept no rows: the known path is not tested")
			}
			return tx.ReplacePlan(id, p)
		})
		update(t, fresh, func(tx app.Tx) error {
			w := tx.(*writer)
			for _, table := range []string{"plan_agreements", "plan_goals", "plan_topics", "plan_leefgebieden", "plans"} {
				if _, err := w.exec(`DELETE FROM `+table+` WHERE person_id = ?`, id); err != nil {
					return err
				}
			}
			return tx.ReplacePlan(id, p)
		})
		want := dumpTables(t, fresh)
		for name, db := range map[string]*DB{"diffed": diffed, "known": known} {
			got := dumpTables(t, db)
			for table, rows := range want {
				if table == "settings" || table == "logboek_zegel" {
					continue // each database has its own installation key
				}
				if !slices.Equal(rows, got[table]) {
					t.Errorf("%s, version %d, table %s:\n%s", name, i+1, table, firstDiff(rows, got[table]))
				}
			}
		}
	}
}

func planVersions() []app.StoredPlan {
	a := func(id, wie, status, datum, tekst string) app.Agreement {
		ag := app.Agreement{ID: id, Wie: wie, Status: status, Tekst: tekst}
		if datum != "" {
			ag.Datum = app.MustDate(datum)
		}
		return ag
	}
	first := testPlan("P-1", "2026-01-10",
		app.LifeArea{Code: app.Onderdak, Situatie: "dakloos",
			Onderwerpen: []app.Answer{{Code: "onderdak.na-detentie", Antwoord: "nee"}, {Code: "onderdak.urgentie", Antwoord: "ja", Toelichting: "aangevraagd"}},
			Doelen:      []string{"woning", "briefadres"},
			Afspraken: []app.Agreement{a("ON-1", "gemeente", app.AfspraakOpen, "", "urgentie aanvragen"),
				a("ON-2", "dji", app.AfspraakOpen, "2026-03-01", "gesprek")}},
		app.LifeArea{Code: app.WerkEnInkomen, Onderwerpen: []app.Answer{{Code: "werk.uitkering", Antwoord: "ja"}},
			Doelen: []string{"uitkering"}, Afspraken: []app.Agreement{a("WI-1", "gemeente", app.AfspraakOpen, "2026-02-01", "aanvraag")}},
		app.LifeArea{Code: app.Schulden, Afspraken: []app.Agreement{a("SC-1", "gedetineerde", app.AfspraakLopend, "", "overzicht")}})
	first.Plan.Algemeen = []app.Answer{{Code: "contact.bereikbaarheid", Toelichting: "via zus"}}

	second := testPlan("P-2", "2026-02-10",
		app.LifeArea{Code: app.Onderdak, Situatie: "dakloos",
			Onderwerpen: []app.Answer{{Code: "onderdak.na-detentie", Antwoord: "ja"}},
			Doelen:      []string{"eigen woning"},
			Afspraken: []app.Agreement{a("ON-1", "gemeente", app.AfspraakLopend, "", "urgentie aanvragen"),
				a("ON-2", "dji", app.AfspraakOpen, "", "gesprek"), a("ON-3", "gemeente", app.AfspraakOpen, "2026-04-01", "bezichtiging")}},
		app.LifeArea{Code: app.Schulden, Afspraken: []app.Agreement{a("SC-1", "gedetineerde", app.AfspraakLopend, "", "overzicht maken")}})

	third := testPlan("P-3", "2026-03-10",
		app.LifeArea{Code: app.WerkEnInkomen, Situatie: "geen inkomen", Afspraken: []app.Agreement{a("WI-1", "gemeente", app.AfspraakAfgerond, "2026-02-01", "aanvraag")}},
		app.LifeArea{Code: app.Onderdak, Situatie: "dakloos", Doelen: []string{"eigen woning", "briefadres"},
			Afspraken: []app.Agreement{a("ON-1", "gemeente", app.AfspraakAfgerond, "", "urgentie aanvragen")}},
		app.LifeArea{Code: app.Schulden, Onderwerpen: []app.Answer{{Code: "onderdak.na-detentie", Antwoord: "ja"}},
			Afspraken: []app.Agreement{a("ON-3", "gemeente", app.AfspraakOpen, "2026-04-01", "bezichtiging"), a("SC-1", "gedetineerde", app.AfspraakVervallen, "", "overzicht maken")}})
	third.Plan.Algemeen = []app.Answer{{Code: "contact.bereikbaarheid", Toelichting: "via broer"}}

	empty := testPlan("P-4", "2026-04-10")
	again := first
	again.Kenmerk = "P-5"
	return []app.StoredPlan{first, second, third, empty, again}
}
