package sqlite

import (
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// undo0020 takes a database back to before migration 0020 (as an older release left it).
func undo0020() []string {
	return []string{"DROP TRIGGER followups_volledige_naam", "DROP TRIGGER followups_volledige_naam_update",
		"DROP TRIGGER plan_agreements_volledige_naam", "DROP TRIGGER plan_agreements_volledige_naam_update",
		"DROP TRIGGER persons_volledige_naam", "DROP INDEX followups_verlopen", "DROP INDEX plan_agreements_gemeente_naam",
		"DROP INDEX plan_agreements_gemeente_zonder_datum",
		"ALTER TABLE followups DROP COLUMN volledige_naam", "ALTER TABLE plan_agreements DROP COLUMN volledige_naam"}
}

// queryPlan returns the details of EXPLAIN QUERY PLAN of query, one line each.
func queryPlan(t *testing.T, db *DB, query string, args ...any) string {
	t.Helper()
	var plan []string
	view(t, db, func(tx app.ReadTx) error {
		rows, err := tx.(*reader).query(`EXPLAIN QUERY PLAN `+query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				return err
			}
			plan = append(plan, detail)
		}
		return rows.Err()
	})
	return strings.Join(plan, "\n")
}

// The overdue actions and the gemeente's dated agreements are read from the partial
// indexes of migration 0020 in their order, without a sort, the overdue count from the
// index of the open actions only, and the undated agreements from their index alone
// (issue 19 item 1).
func TestDashboardListsReadTheirIndexInOrder(t *testing.T) {
	db, _ := openTest(t)
	for _, c := range []struct {
		what, query, index string
		args               []any
	}{
		{"overdue actions", overdueList, "followups_verlopen", []any{"2024-06-05", 50}},
		{"overdue count", `SELECT count(*) FROM followups f INDEXED BY followups_verlopen WHERE ` + overdueAction,
			"COVERING INDEX followups_verlopen", []any{"2024-06-05"}},
		{"dated agreements", datedAgreements, "plan_agreements_gemeente_naam", []any{"2024-06-19", 50}},
		{"undated agreements", undatedAgreementKeys, "COVERING INDEX plan_agreements_gemeente_zonder_datum",
			[]any{"2024-06-05", "2024-06-19"}},
	} {
		plan := queryPlan(t, db, c.query, c.args...)
		sorts := strings.Contains(plan, "TEMP B-TREE") && c.what != "undated agreements" // a few hundred, sorted
		if !strings.Contains(plan, "INDEX "+c.index+" ") && !strings.Contains(plan, c.index+" (") || sorts {
			t.Errorf("%s: plan\n%s\nwant a walk of %s in order", c.what, plan, c.index)
		}
	}
}

// Migration 0020 fills volledige_naam of the follow-ups and agreements already stored
// with their persons' full names.
func TestMigration0020FillsVolledigeNaam(t *testing.T) {
	db, path := openTest(t)
	at := time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)
	var ids []int64
	for _, p := range []*app.Person{samplePerson("", "Anna Maria", "van der", "Berg"), samplePerson("", "", "", "Aa"),
		samplePerson("", "Bert", "", "")} {
		ids = append(ids, createPerson(t, db, p))
	}
	update(t, db, func(tx app.Tx) error {
		for _, id := range ids {
			err := firstErr(tx.SaveFollowup(app.Followup{PersonID: id, Domain: app.Zorg, Status: app.FollowupOpen, Gewijzigd: at}),
				tx.ReplacePlan(id, testPlan("K1", "2024-03-12", app.LifeArea{Code: app.Onderdak,
					Afspraken: []app.Agreement{{ID: "a1", Wie: app.WieGemeente, Status: app.AfspraakOpen, Tekst: "t"}}})))
			if err != nil {
				return err
			}
		}
		return nil
	})
	again := reopenOlder(t, db, path, append(append(append(undo0022(), undo0021()...), undo0020()...), "PRAGMA user_version = 19")...)
	want := map[int64]string{ids[0]: "Anna Maria van der Berg", ids[1]: "Aa", ids[2]: "Bert"}
	for _, table := range []string{"followups", "plan_agreements"} {
		rows, err := again.sql.Query(`SELECT person_id, volledige_naam FROM ` + table + ` ORDER BY person_id`)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for rows.Next() {
			var id int64
			var naam string
			if err := rows.Scan(&id, &naam); err != nil {
				t.Fatal(err)
			}
			if n++; naam != want[id] {
				t.Errorf("%s of person %d: volledige_naam %q, want %q", table, id, naam, want[id])
			}
		}
		if err := rows.Err(); err != nil || n != len(ids) {
			t.Errorf("%s: %d rows (%v), want %d", table, n, err, len(ids))
		}
		rows.Close()
	}
}
