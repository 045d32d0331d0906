package postgres

import (
	"context"
	"crypto/md5"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/terugkeer/terugkeer/app"
)

// fillPersons stores n persons with distinct names (achternaam testName(i), twelve
// letters drawn from md5) and a detention each, in plain SQL (the Go API would take a minute at
// this size; the plans are what is tested), and updates the planner's statistics.
func fillPersons(t *testing.T, db *DB, n int) {
	t.Helper()
	ctx := context.Background()
	for _, q := range []string{
		`INSERT INTO persons (voornamen, achternaam, zoek, sorteernaam, aangemaakt)
			SELECT 'Jan', n, 'jan ' || n, n || chr(31) || 'jan' || chr(31), '2026-01-01T00:00:00.000000000Z'
			FROM generate_series(1, $1) AS i, LATERAL (SELECT string_agg(
				chr(97 + get_byte(decode(md5(i::text || '-' || k::text), 'hex'), 0) % 26), '') AS n
				FROM generate_series(1, 12) AS k) AS name`,
		`INSERT INTO detentions (person_id, inrichting, begindatum, einddatum, einddatum_status)
			SELECT id, 'PI Test', '2025-01-01', to_char(date '2026-01-01' + (id % 700)::int, 'YYYY-MM-DD'), 'verwacht'
			FROM persons`,
		`ANALYZE`,
	} {
		var args []any
		if strings.Contains(q, "$1") {
			args = append(args, n)
		}
		if _, err := db.pool.Exec(ctx, q, args...); err != nil {
			t.Fatal(err)
		}
	}
}

// explain returns the plan of SearchPersons for q.
// testName is the achternaam fillPersons gives person i.
func testName(i int) string {
	b := make([]byte, 12)
	for k := range b {
		sum := md5.Sum([]byte(strconv.Itoa(i) + "-" + strconv.Itoa(k+1)))
		b[k] = 'a' + sum[0]%26
	}
	return string(b)
}

func explain(t *testing.T, db *DB, q app.PersonQuery) string {
	t.Helper()
	query, args, err := searchQuery(q, nil)
	if err != nil {
		t.Fatal(err)
	}
	return explainSQL(t, db, `EXPLAIN `, query, args)
}

// explainSQL returns the plan of query (with ? placeholders) under the EXPLAIN prefix
// given, e.g. "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ".
func explainSQL(t *testing.T, db *DB, prefix, query string, args []any) string {
	t.Helper()
	rows, err := db.pool.Query(context.Background(), prefix+rebind(query), args...)
	if err != nil {
		t.Fatal(err)
	}
	return planText(t, rows)
}

// planText reads the lines of an EXPLAIN and closes rows.
func planText(t *testing.T, rows pgx.Rows) string {
	t.Helper()
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, line)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(plan, "\n")
}

// The search finds a word of three or more letters through the trigram index, and the
// release list (window and sort by release) walks persons_vrijlating: neither reads
// every person.
func TestQueryPlansUseTheIndexes(t *testing.T) {
	if testing.Short() {
		t.Skip("fills 10,000 persons")
	}
	db, _ := openTest(t)
	fillPersons(t, db, 10000)
	cases := []struct {
		name  string
		q     app.PersonQuery
		index string
	}{
		{"search", app.PersonQuery{Zoek: "Jan " + testName(4242)[:8], Limit: 50}, "persons_zoek"},
		{"search by release", app.PersonQuery{Zoek: testName(77)[3:10], Sort: app.SortByRelease}, "persons_zoek"},
		{"release window", app.PersonQuery{ReleaseFrom: app.MustDate("2026-03-01"), ReleaseTo: app.MustDate("2026-03-14"),
			Sort: app.SortByRelease, Limit: 50}, "persons_vrijlating"},
		{"release sort", app.PersonQuery{Sort: app.SortByRelease, Limit: 50}, "persons_vrijlating"},
		{"name sort", app.PersonQuery{Limit: 50}, "persons_sorteernaam"},
	}
	for _, c := range cases {
		plan := explain(t, db, c.q)
		if !regexp.MustCompile(`(on|using) ` + c.index + `\b`).MatchString(plan) {
			t.Errorf("%s: the plan does not use %s:\n%s", c.name, c.index, plan)
		}
		if strings.Contains(plan, "Seq Scan on persons") {
			t.Errorf("%s: the plan reads every person:\n%s", c.name, plan)
		}
	}
	// The plans give the right rows too.
	view(t, db, func(tx app.ReadTx) error {
		rows, err := tx.SearchPersons(app.PersonQuery{Zoek: strings.ToUpper(testName(4999))})
		if err != nil || len(rows) != 1 || rows[0].Achternaam != testName(4999) {
			t.Errorf("search: %d rows, %v", len(rows), err)
		}
		return err
	})
}

// Every sort of the Personen list, both ways, walks its index of migration 0007 (or
// persons_sorteernaam) for a page instead of sorting every person (issue 18 item 7).
func TestSortPlansUseTheIndexes(t *testing.T) {
	if testing.Short() {
		t.Skip("fills 10,000 persons")
	}
	db, _ := openTest(t)
	fillPersons(t, db, 10000)
	// Values for every key, NULL for some (plain SQL: the plans are what is tested).
	for _, q := range []string{
		`UPDATE persons SET geboortedatum = CASE WHEN id % 50 = 0 THEN NULL ELSE to_char(date '1960-01-01' + (id * 7 % 15000)::int, 'YYYY-MM-DD') END`,
		`UPDATE detentions SET inrichting = CASE WHEN id % 7 = 0 THEN '' ELSE 'PI ' || (id % 9) END,
			einddatum_status = CASE WHEN id % 2 = 0 THEN 'verwacht' ELSE 'definitief' END`,
		`UPDATE persons SET opvolging_identiteitsbewijs = NULLIF(id % 6, 5), opvolging_onderdak = NULLIF(id % 7, 5),
			opvolging_werk_en_inkomen = NULLIF(id % 8, 5), opvolging_schulden = NULLIF(id % 6, 0),
			opvolging_zorg = NULLIF(id % 9, 5), opvolging_zorg_voor_thuis = NULLIF(id % 10, 5)`,
		`ANALYZE`,
	} {
		if _, err := db.pool.Exec(context.Background(), q); err != nil {
			t.Fatal(err)
		}
	}
	keys := map[app.PersonSort]string{app.SortByName: "sorteernaam", app.SortByRelease: "vrijlating",
		app.SortByBirth: "geboortedatum", app.SortByInrichting: "inrichting", app.SortByEindStatus: "status"}
	qs := []app.PersonQuery{{Sort: app.SortByName}, {Sort: app.SortByRelease}, {Sort: app.SortByBirth},
		{Sort: app.SortByInrichting}, {Sort: app.SortByEindStatus}}
	for _, d := range app.Domains() {
		qs = append(qs, app.PersonQuery{Sort: app.SortByDomein, SortDomein: d})
	}
	for _, q := range qs {
		for _, page := range []struct {
			desc   bool
			offset int
		}{{false, 0}, {true, 0}, {false, 200}, {true, 200}} {
			desc := page.desc
			q.Desc, q.Limit, q.Offset = desc, 100, page.offset
			index := "persons_" + keys[q.Sort]
			if q.Sort == app.SortByDomein {
				index = "persons_" + strings.ReplaceAll(string(q.SortDomein), "-", "_")
			}
			if desc && q.Sort != app.SortByName {
				index += "_aflopend"
			}
			plan := explain(t, db, q)
			// A page further down finds its ids in the index first and sorts only those.
			if !regexp.MustCompile(`Index (Only )?Scan (Backward )?using `+index+` on persons`).MatchString(plan) ||
				page.offset == 0 && strings.Contains(plan, "Sort") || strings.Contains(plan, "Seq Scan on persons") {
				t.Errorf("sort %d %s desc=%v offset %d: the plan does not walk %s:\n%s", q.Sort, q.SortDomein, desc, page.offset, index, plan)
			}
		}
	}
}

// The dashboard's list of persons released in the window without contact (every
// person of fillPersons: none has one) reads the first MaxSignals of them from
// persons_geen_contact in einddatum order and stops (a Limit over the index scan), with
// no sort of all of them and no read of every person; the count beside it is an index
// range too.
func TestSignalPersonsPlanStopsAtTheLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("fills 10,000 persons")
	}
	db, _ := openTest(t)
	fillPersons(t, db, 10000)
	today := app.MustDate("2026-03-01")
	query, args := signalQuery(app.SignaalGeenContact, today, 28, app.MaxSignals)
	text := explainSQL(t, db, `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) `, query, args)
	// The persons read for the list: the rows of the scan under the Limit.
	limited := regexp.MustCompile(`Limit \(actual rows=(\d+) [^\n]*\n[^\n]*Index (Only )?Scan using persons_geen_contact on persons`)
	m := limited.FindStringSubmatch(text)
	if m == nil || strings.Contains(text, "Seq Scan on persons") {
		t.Fatalf("the list does not stop in persons_geen_contact:\n%s", text)
	}
	if n, _ := strconv.Atoi(m[1]); n > 2*app.MaxSignals {
		t.Errorf("the list read %d persons for %d:\n%s", n, app.MaxSignals, text)
	}
	// And it lists them: the first MaxSignals and the ties on the last einddatum.
	view(t, db, func(tx app.ReadTx) error {
		got, total, err := tx.SignalPersons(app.SignaalGeenContact, today, 28, app.MaxSignals)
		if err != nil {
			return err
		}
		if total <= app.MaxSignals || len(got) < app.MaxSignals || len(got) > 2*app.MaxSignals {
			t.Errorf("%d of %d persons", len(got), total)
		}
		last := got[len(got)-1].Einddatum
		if got[app.MaxSignals-1].Einddatum != last {
			t.Errorf("rows past the limit that are no ties: %v, last %v", got[app.MaxSignals-1].Einddatum, last)
		}
		return nil
	})
}

// A word every person has lists its first page by name from persons_sorteernaam_zoek
// (migration 0008): the word is tested in the index, not in the row of every person
// passed on the way. The index-only scan needs the visibility map that (auto)vacuum
// keeps, as on a database in use.
func TestCommonWordPlanUsesTheCoveringIndex(t *testing.T) {
	if testing.Short() {
		t.Skip("fills 10,000 persons")
	}
	db, _ := openTest(t)
	fillPersons(t, db, 10000)
	if _, err := db.pool.Exec(context.Background(), `VACUUM (ANALYZE) persons`); err != nil {
		t.Fatal(err)
	}
	for _, q := range []app.PersonQuery{{Zoek: "jan", Limit: 50}, {Zoek: "jan", Limit: 50, Offset: 100}} {
		plan := explain(t, db, q)
		if !strings.Contains(plan, "Index Only Scan using persons_sorteernaam_zoek on persons") ||
			strings.Contains(plan, "Seq Scan on persons") {
			t.Errorf("offset %d: the plan does not test the word in persons_sorteernaam_zoek:\n%s", q.Offset, plan)
		}
	}
	view(t, db, func(tx app.ReadTx) error {
		rows, err := tx.SearchPersons(app.PersonQuery{Zoek: "jan", Limit: 50})
		if err != nil || len(rows) != 50 {
			t.Errorf("search: %d rows, %v", len(rows), err)
		}
		for i := 1; i < len(rows); i++ {
			if rows[i-1].Achternaam > rows[i].Achternaam {
				t.Errorf("not by name: %q before %q", rows[i-1].Achternaam, rows[i].Achternaam)
			}
		}
		return err
	})
}
