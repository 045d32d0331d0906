package sqlite

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// The rows migration 0021 counts per date, and where it keeps each count: the open
// follow-ups by actiedatum (overdueAction without the date) and the gemeente's open
// agreements by datum (gemeenteWork).
var dateCounts = []struct{ table, date, cond, kept string }{
	{"followups", "actiedatum", `actiedatum IS NOT NULL AND status NOT IN ('geregeld', 'niet-nodig')`, "followups_open_per_datum"},
	{"plan_agreements", "datum", `datum IS NOT NULL AND wie = 'gemeente' AND status IN ('open', 'lopend')`, "agreements_gemeente_per_datum"},
}

// StaleDateCounts returns each date whose kept count differs from a count of the rows,
// either way (storetest.DateCountInspector).
func (s *inspected) StaleDateCounts() ([]string, error) {
	var out []string
	for _, c := range dateCounts {
		counted := fmt.Sprintf(`SELECT %s AS d, count(*) AS n FROM %s WHERE %s GROUP BY %[1]s`, c.date, c.table, c.cond)
		kept := fmt.Sprintf(`SELECT %s AS d, n FROM %s`, c.date, c.kept)
		rows, err := s.DB.sql.Query(`SELECT d FROM (` + counted + ` EXCEPT ` + kept + `)
			UNION SELECT d FROM (` + kept + ` EXCEPT ` + counted + `) ORDER BY d`)
		if err != nil {
			return nil, fmt.Errorf("tellingen per datum vergelijken: %w", err)
		}
		for rows.Next() {
			var d string
			if err := rows.Scan(&d); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, c.table+" "+d)
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// undo0021 takes a database back to before migration 0021 (as an older release left it).
func undo0021() []string {
	var undo []string
	for _, table := range []string{"followups_open_per_datum", "agreements_gemeente_per_datum"} {
		for _, op := range []string{"insert", "delete", "update_old", "update_new"} {
			undo = append(undo, "DROP TRIGGER "+table+"_"+op)
		}
		undo = append(undo, "DROP TABLE "+table)
	}
	return undo
}

// Migration 0021 counts the rows an older release left: a database taken back to
// schema 20 with dated follow-ups and agreements, open and closed, gets the counts a
// count of the rows gives, and the dashboard's totals from them.
func TestDateCountsOfAnOlderDatabase(t *testing.T) {
	db, path := openTest(t)
	at := time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)
	statuses := []app.FollowupStatus{app.FollowupOpen, app.FollowupGeregeld, app.FollowupInBehandeling, app.FollowupNietNodig}
	agreementStates := []string{app.AfspraakOpen, app.AfspraakAfgerond, app.AfspraakLopend}
	update(t, db, func(tx app.Tx) error {
		for i := range 12 {
			p := &app.Person{Achternaam: fmt.Sprintf("Persoon %d", i)}
			if err := tx.CreatePerson(p); err != nil {
				return err
			}
			id := p.ID
			day := app.MustDate("2024-05-20").AddDays(i % 3)
			err := errors.Join(tx.SaveFollowup(app.Followup{PersonID: id, Domain: app.Zorg, Status: statuses[i%len(statuses)],
				Actie: "bellen", Actiedatum: day, Gewijzigd: at}),
				tx.ReplacePlan(id, app.StoredPlan{Kenmerk: "K", Opgesteld: day, Verzonden: at, Plan: app.Plan{Opgesteld: day,
					Grondslag: app.GrondslagPlan, Leefgebieden: []app.LifeArea{{Code: app.Onderdak, Afspraken: []app.Agreement{
						{ID: "a", Wie: app.WieGemeente, Status: agreementStates[(i/3)%len(agreementStates)], Datum: day, Tekst: "t"}}}}}}))
			if err != nil {
				return err
			}
		}
		return nil
	})
	again := reopenOlder(t, db, path, append(append(undo0022(), undo0021()...), "PRAGMA user_version = 20")...)
	if stale, err := (&inspected{DB: again}).StaleDateCounts(); err != nil || len(stale) > 0 {
		t.Errorf("after the migration the counts of %v differ from the rows (%v)", stale, err)
	}
	view(t, again, func(tx app.ReadTx) error {
		_, overdue, err1 := tx.OverdueActions(app.MustDate("2024-05-22"), 1)
		_, due, err2 := tx.GemeenteAgreementsDue(app.MustDate("2024-05-21"), app.MustDate("2024-05-21"), 1)
		// Follow-ups open or in behandeling (i even) dated before the 22nd (i%3 < 2): i = 0,
		// 4, 6, 10. Agreements open or lopend ((i/3)%3 is 0 or 2: i = 0-2 and 6-11) dated on
		// or before the 21st (i%3 < 2): i = 0, 1, 6, 7, 9, 10.
		if err := errors.Join(err1, err2); err != nil {
			return err
		}
		if overdue != 4 || due != 6 {
			t.Errorf("overdue %d, want 4; agreements due %d, want 6", overdue, due)
		}
		return nil
	})
}
