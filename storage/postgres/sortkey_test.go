package postgres

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// undo0009 takes a database back to before migration 0009 (as an older release left it).
var undo0009 = []string{
	"DROP TRIGGER followups_volledige_naam ON followups", "DROP TRIGGER plan_agreements_volledige_naam ON plan_agreements",
	"DROP TRIGGER persons_volledige_naam ON persons", "DROP FUNCTION volledige_naam_trigger()",
	"DROP FUNCTION persons_volledige_naam_trigger()", "DROP FUNCTION volledige_naam_van(bigint)",
	"DROP INDEX followups_verlopen", "DROP INDEX followups_verlopen_datum", "DROP INDEX plan_agreements_gemeente_naam",
	"ALTER TABLE followups DROP COLUMN volledige_naam", "ALTER TABLE plan_agreements DROP COLUMN volledige_naam",
	"UPDATE schema_version SET version = 8",
}

// Migration 0009 fills volledige_naam of the follow-ups and agreements already stored
// with their persons' full names.
func TestMigration0009FillsVolledigeNaam(t *testing.T) {
	db, uri := openTest(t)
	at := time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)
	var ids []int64
	for _, p := range []*app.Person{samplePerson("", "Anna Maria", "van der", "Berg"), samplePerson("", "", "", "Aa"),
		samplePerson("", "Bert", "", "")} {
		update(t, db, func(tx app.Tx) error { return tx.CreatePerson(p) })
		ids = append(ids, p.ID)
	}
	update(t, db, func(tx app.Tx) error {
		for _, id := range ids {
			err := tx.SaveFollowup(app.Followup{PersonID: id, Domain: app.Zorg, Status: app.FollowupOpen, Gewijzigd: at})
			if err != nil {
				return err
			}
			err = tx.ReplacePlan(id, app.StoredPlan{Kenmerk: "K1", Opgesteld: app.MustDate("2024-03-12"), Verzonden: at,
				Plan: app.Plan{Opgesteld: app.MustDate("2024-03-12"), Grondslag: app.GrondslagPlan,
					Leefgebieden: []app.LifeArea{{Code: app.Onderdak, Afspraken: []app.Agreement{
						{ID: "a1", Wie: app.WieGemeente, Status: app.AfspraakOpen, Tekst: "t"}}}}}})
			if err != nil {
				return err
			}
		}
		return nil
	})
	for _, stmt := range undo0009 {
		if _, err := db.pool.Exec(context.Background(), stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	db.Close()
	again, err := Open(context.Background(), uri, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	want := map[int64]string{ids[0]: "Anna Maria van der Berg", ids[1]: "Aa", ids[2]: "Bert"}
	for _, table := range []string{"followups", "plan_agreements"} {
		rows, err := again.pool.Query(context.Background(), `SELECT person_id, volledige_naam FROM `+table+` ORDER BY person_id`)
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

// The generic plans of the overdue actions and the gemeente's agreements read the
// partial indexes of migration 0009 in their order on 10,000 persons: the overdue list
// without a sort and its count from the open actions only, neither with parallel
// workers (issue 16 item 9).
func TestDashboardListsReadTheirIndexInOrder(t *testing.T) {
	if testing.Short() {
		t.Skip("fills 10,000 persons")
	}
	db, _ := openTest(t)
	fillPersons(t, db, 10000)
	ctx := t.Context()
	for _, q := range []string{
		`INSERT INTO followups (person_id, domain, status, actie, actiedatum, gewijzigd)
			SELECT id, d, CASE WHEN id % 3 = 0 THEN 'geregeld' ELSE 'open' END, 'bellen',
				to_char(date '2026-01-01' + (id % 120)::int, 'YYYY-MM-DD'), '2026-01-01T00:00:00.000000000Z'
			FROM persons, unnest(ARRAY['onderdak', 'schulden']) AS d`,
		`INSERT INTO plan_agreements (person_id, afspraak_id, domain, volgorde, wie, status, datum, tekst)
			SELECT id, 'a' || k, 'onderdak', k, CASE WHEN k = 1 THEN 'dji' ELSE 'gemeente' END,
				CASE WHEN id % 4 = 0 THEN 'afgerond' ELSE 'open' END,
				CASE WHEN k = 3 THEN NULL ELSE to_char(date '2026-01-01' + ((id + k) % 200)::int, 'YYYY-MM-DD') END, 't'
			FROM persons, generate_series(1, 3) AS k`,
		`VACUUM ANALYZE followups, plan_agreements`, // as autovacuum leaves them: index-only scans pay
	} {
		if _, err := db.pool.Exec(ctx, q); err != nil {
			t.Fatalf("%.60s: %v", q, err)
		}
	}
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	today, last := "2026-03-01", "2026-03-15"
	plan := explainGeneric(t, conn, overdueQuery(50), []any{today, today})
	if !strings.Contains(plan, "Index Only Scan using followups_verlopen_datum") ||
		!strings.Contains(plan, "Index Scan using followups_verlopen on") || strings.Contains(plan, "Sort") ||
		strings.Contains(plan, "Gather") {
		t.Errorf("overdue actions: generic plan without followups_verlopen in order:\n%s", plan)
	}
	plan = explainGeneric(t, conn, gemeenteAgreementsQuery(50), []any{today, last, last, last})
	if !strings.Contains(plan, "plan_agreements_gemeente_naam") || strings.Contains(plan, "Gather") {
		t.Errorf("agreements: generic plan without plan_agreements_gemeente_naam:\n%s", plan)
	}
}
