package postgres

import (
	"context"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// deadTuples returns the number of dead row versions in table (pgstattuple reads the
// table's pages, so the figure is exact, not the statistics collector's estimate).
func deadTuples(t *testing.T, db *DB, table string) int64 {
	t.Helper()
	ctx := context.Background()
	if _, err := db.pool.Exec(ctx, `CREATE EXTENSION IF NOT EXISTS pgstattuple`); err != nil {
		t.Skipf("pgstattuple is not available: %v", err)
	}
	var n int64
	if err := db.pool.QueryRow(ctx, `SELECT dead_tuple_count FROM pgstattuple($1)`, table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// A purge leaves no dead row versions behind: Update vacuums the tables it removed
// rows from, after the commit (issue 16 item 6). Without the vacuum the removed rows
// stay in the table's pages until autovacuum comes by.
func TestPurgeVacuumsTheTables(t *testing.T) {
	db, _ := openTest(t)
	id := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	update(t, db, func(tx app.Tx) error {
		if err := tx.ReplaceDomainData(id, app.Zorg, app.DomainData{Hulpvraag: "hulp",
			Onderwerpen: []app.Answer{{Code: "zorg.ggz", Antwoord: "ja", Toelichting: "MARKER"}}}); err != nil {
			return err
		}
		return tx.ReplaceGeneral(id, []app.Answer{{Code: "contact.telefoon", Antwoord: "0612345678"}})
	})
	var n int
	update(t, db, func(tx app.Tx) error {
		var err error
		n, err = tx.PurgeDomainData(id, app.Zorg)
		return err
	})
	if n != 2 {
		t.Fatalf("purged %d items, want 2", n)
	}
	for _, table := range []string{"topics", "hulpvragen"} {
		if d := deadTuples(t, db, table); d != 0 {
			t.Errorf("%s holds %d dead row versions after the purge", table, d)
		}
	}
	// The person's removal vacuums every table that went with it.
	if err := db.Update(t.Context(), func(tx app.Tx) error { return tx.DeletePerson(id) }); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"persons", "general_topics", "detentions"} {
		if d := deadTuples(t, db, table); d != 0 {
			t.Errorf("%s holds %d dead row versions after the removal", table, d)
		}
	}
}

// An Update without a purge vacuums nothing (the dead versions an update leaves are
// autovacuum's).
func TestUpdateWithoutPurgeDoesNotVacuum(t *testing.T) {
	db, _ := openTest(t)
	id := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	update(t, db, func(tx app.Tx) error {
		p, err := tx.PersonByID(id)
		if err != nil {
			return err
		}
		p.Voornamen = "Johan"
		return tx.UpdatePerson(p)
	})
	if d := deadTuples(t, db, "persons"); d == 0 {
		t.Error("no dead row version after an update: the purge test above cannot tell a vacuum")
	}
}

// RetentionPersons reads a page at a time, so its callback may use the transaction
// (a pgx connection runs one query at a time: a callback inside an open result would
// fail with "conn busy"), across more than one page.
func TestRetentionPersonsCallbackMayQuery(t *testing.T) {
	db, _ := openTest(t)
	fillPersons(t, db, 1500)
	n := 0
	update(t, db, func(tx app.Tx) error {
		return tx.RetentionPersons(func(p app.RetentionPerson) error {
			n++
			_, err := tx.Traject(p.ID)
			return err
		})
	})
	if n != 1500 {
		t.Errorf("%d persons, want %d", n, 1500)
	}
}

// Every table whose rows go with a person (a foreign key to persons) is vacuumed after
// a removal: personTables must name it, also when a later migration adds one.
func TestPersonTablesNameEveryReferringTable(t *testing.T) {
	db, _ := openTest(t)
	rows, err := db.pool.Query(context.Background(), `SELECT DISTINCT conrelid::regclass::text FROM pg_constraint
		WHERE contype = 'f' AND confrelid = 'persons'::regclass`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	named := map[string]bool{}
	for _, table := range personTables {
		named[table] = true
	}
	n := 0
	for rows.Next() {
		var table string
		if err := rows.Scan(&table); err != nil {
			t.Fatal(err)
		}
		n++
		if !named[table] {
			t.Errorf("table %s refers to persons but is not in personTables: a removal would not vacuum it", table)
		}
	}
	if err := rows.Err(); err != nil || n == 0 {
		t.Fatalf("%d referring tables, %v", n, err)
	}
}
