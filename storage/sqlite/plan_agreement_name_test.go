package sqlite

import (
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// TestAgreementsAreInsertedWithTheirName: a plan's agreements are inserted with the
// person's volledige_naam, so that the trigger of migration 0020 finds it current and
// does not rewrite each row it just inserted (and its indexes). SQLite's total_changes()
// counts the rows a trigger changes too: the plan with three agreements may change
// four rows more than the same plan without them (three inserts and the count of the
// dated one's datum), not seven. Both plans go through the
// import's path (Plan, then ReplacePlan), for persons of their own; the name is the
// trigger's (TestReplacePlanEqualsFreshPlan compares the rows themselves).
func TestAgreementsAreInsertedWithTheirName(t *testing.T) {
	db, _ := openTest(t)
	area := func(agreements ...app.Agreement) app.LifeArea {
		return app.LifeArea{Code: app.Onderdak, Situatie: "dakloos", Doelen: []string{"woning"}, Afspraken: agreements}
	}
	without := testPlan("P-1", "2026-01-10", area())
	with := testPlan("P-2", "2026-01-10", area(
		app.Agreement{ID: "ON-1", Wie: "gemeente", Status: app.AfspraakOpen, Tekst: "urgentie aanvragen"},
		app.Agreement{ID: "ON-2", Wie: "gemeente", Status: app.AfspraakOpen, Datum: app.MustDate("2026-03-01"), Tekst: "gesprek"},
		app.Agreement{ID: "ON-3", Wie: "dji", Status: app.AfspraakLopend, Tekst: "verlof"}))
	changes := func(bsn string, p app.StoredPlan) int {
		id := createPerson(t, db, samplePerson(bsn, "Jan", "de", "Vries"))
		var n int
		update(t, db, func(tx app.Tx) error {
			w := tx.(*writer)
			var before, after int
			if err := w.queryRow(`SELECT total_changes()`).Scan(&before); err != nil {
				return err
			}
			if _, err := tx.Plan(id); err != nil {
				return err
			}
			if err := tx.ReplacePlan(id, p); err != nil {
				return err
			}
			if err := w.queryRow(`SELECT total_changes()`).Scan(&after); err != nil {
				return err
			}
			n = after - before
			return nil
		})
		return n
	}
	base, got := changes(bsn1, without), changes(bsn2, with)
	// One insert each, and the count per datum of the dated one for the gemeente (ON-2,
	// migration 0021).
	if got-base != 4 {
		t.Errorf("three agreements changed %d rows (the plan without them %d, with them %d); want 4: one insert each and one date's count, no rewrite by the trigger", got-base, base, got)
	}
	view(t, db, func(tx app.ReadTx) error {
		var n int
		var name string
		err := tx.(*reader).queryRow(`SELECT count(DISTINCT volledige_naam), min(volledige_naam) FROM plan_agreements`).Scan(&n, &name)
		if err == nil && (n != 1 || name != "Jan de Vries") {
			t.Errorf("volledige_naam of the agreements: %d distinct, the first %q; want only \"Jan de Vries\"", n, name)
		}
		return err
	})
}
