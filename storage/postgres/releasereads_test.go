package postgres

import (
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/terugkeer/terugkeer/app"
)

// The release situations' follow-ups, consents, plans and contact counts are planned
// once in a Together (generic plans), and their generic plans look up the persons of the
// window by the tables' indexes on person_id instead of reading the tables whole (a
// join's generic plan at 10,000 persons: a hash join over a seq scan; the contact count's
// was one on bench's copy of 150,000 persons, 9 ms of each dashboard, and an index walk
// on a copy of the same data with other statistics).
func TestReleaseReadsPlanGenericOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("fills 10,000 persons")
	}
	db, _ := openTest(t)
	fillPersons(t, db, 10000)
	for _, q := range []string{
		`INSERT INTO followups (person_id, domain, status, gewijzigd)
			SELECT id, 'onderdak', 'open', '2026-01-01T00:00:00.000000000Z' FROM persons`,
		`INSERT INTO consent_states (person_id, domain, state) SELECT id, 'onderdak', 'ja' FROM persons`,
		`INSERT INTO plan_leefgebieden (person_id, domain, volgorde) SELECT id, 'onderdak', 1 FROM persons`,
		`INSERT INTO contacts (person_id, domain, tijd, kanaal, vastgelegd)
			SELECT id, 'onderdak', '2026-01-01T00:00:00.000000000Z', 'telefoon', '2026-01-01T00:00:00.000000000Z'
			FROM persons, generate_series(1, 1 + id % 2) WHERE id % 5 = 0`,
		`ANALYZE`,
	} {
		if _, err := db.pool.Exec(t.Context(), q); err != nil {
			t.Fatal(err)
		}
	}
	from, to := app.MustDate("2026-03-01"), app.MustDate("2026-03-02")
	conn := oneConnection(t, db)
	for range 3 {
		tx, err := conn.Begin(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		var followups, consents, plans int
		var contacts map[int64]int
		err = app.Together(&reader{ctx: t.Context(), tx: tx},
			func(tx app.ReadTx) error { m, err := tx.ReleaseFollowups(from, to); followups = len(m); return err },
			func(tx app.ReadTx) error { m, err := tx.ReleaseConsentStates(from, to); consents = len(m); return err },
			func(tx app.ReadTx) error { m, err := tx.ReleasePlanDomains(from, to); plans = len(m); return err },
			func(tx app.ReadTx) (err error) { contacts, err = tx.ReleaseContactCounts(from, to); return err })
		if err != nil {
			t.Fatal(err)
		}
		if err := tx.Rollback(t.Context()); err != nil {
			t.Fatal(err)
		}
		// Person i is released on 2026-01-01 + i % 700 days: 2026-03-01 and 02 are days 59 and 60, 15 persons each.
		if followups != 30 || consents != 30 || plans != 30 {
			t.Errorf("persons with follow-ups %d, consents %d, plans %d, want 30 each", followups, consents, plans)
		}
		// Person i has 1 + i % 2 contacts when i is a multiple of 5: the 15 of 2026-03-02.
		if len(contacts) != 15 {
			t.Errorf("persons with contacts %d, want 15", len(contacts))
		}
		for id, n := range contacts {
			if n != int(1+id%2) {
				t.Errorf("person %d: %d contacts, want %d", id, n, 1+id%2)
			}
		}
	}
	counted := 0
	for stmt, n := range preparedPlans(t, conn) {
		if !strings.Contains(stmt, "p.vrijlating >=") {
			continue
		}
		if n[0] != 3 || n[1] != 0 {
			t.Errorf("%d generic and %d custom plans for %.80q", n[0], n[1], stmt)
		}
		counted++
		if plan := explainGenericText(t, conn, stmt, from.String(), to.String()); strings.Contains(plan, "Seq Scan") ||
			!strings.Contains(plan, "_pkey") && !strings.Contains(plan, "contacts_person") {
			t.Errorf("generic plan reads the table whole:\n%s", plan)
		}
	}
	if counted != 4 {
		t.Errorf("%d release statements prepared, want 4", counted)
	}
}

// The count of new messages walks messages_ontvangen, also when nearly every message
// is new (laatst_bekeken unset: after ”), instead of reading the table's pages.
func TestArrivalCountWalksTheIndex(t *testing.T) {
	db, _ := openTest(t)
	for _, q := range []string{
		`INSERT INTO messages (kenmerk, soort, ontvangen, inhoud)
			SELECT 'K' || i, 'detentie', to_char(timestamp '2026-01-01' + i * interval '1 minute',
				'YYYY-MM-DD"T"HH24:MI:SS.US000"Z"'), repeat('x', 200)
			FROM generate_series(1, 30000) AS i`,
		`VACUUM ANALYZE messages`,
	} {
		if _, err := db.pool.Exec(t.Context(), q); err != nil {
			t.Fatal(err)
		}
	}
	view(t, db, func(tx app.ReadTx) error {
		got, n, err := tx.ArrivalsSince(time.Time{}, 100, 10001)
		if err != nil {
			return err
		}
		if len(got) != 100 || n != 10001 {
			t.Errorf("%d arrivals, count %d; want 100 and 10001", len(got), n)
		}
		return nil
	})
	plan := explainSQL(t, db, "EXPLAIN (COSTS OFF) ", arrivalCount, []any{"", 10001})
	if strings.Contains(plan, "Seq Scan") || !strings.Contains(plan, "messages_ontvangen") {
		t.Errorf("the count reads the table:\n%s", plan)
	}
}

// oneConnection is the pool's only connection after a reset, so that the prepared
// statements of what runs on it can be counted (preparedPlans).
func oneConnection(t *testing.T, db *DB) *pgxpool.Conn {
	t.Helper()
	db.pool.Reset()
	conn, err := db.pool.Acquire(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(conn.Release)
	return conn
}

// preparedPlans are the generic and custom plans made of each statement prepared on conn.
func preparedPlans(t *testing.T, conn *pgxpool.Conn) map[string][2]int64 {
	t.Helper()
	rows, err := conn.Query(t.Context(), `SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	plans := map[string][2]int64{}
	for rows.Next() {
		var stmt string
		var generic, custom int64
		if err := rows.Scan(&stmt, &generic, &custom); err != nil {
			t.Fatal(err)
		}
		plans[stmt] = [2]int64{generic, custom}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return plans
}

// explainGenericText is explainGeneric of a statement already in $n form.
func explainGenericText(t *testing.T, conn *pgxpool.Conn, stmt string, args ...any) string {
	t.Helper()
	return explainGeneric(t, conn, strings.NewReplacer("$1", "?", "$2", "?").Replace(stmt), args)
}
