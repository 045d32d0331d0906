package sqlite

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/demo"
	"github.com/terugkeer/terugkeer/importers"
)

// splitIndexes are the sort indexes migration 0022 split, with their columns.
var splitIndexes = func() map[string]string {
	m := map[string]string{"geboortedatum": "geboortedatum", "inrichting": "inrichting", "status": "einddatum_status, vrijlating"}
	for _, d := range app.Domains() {
		name := strings.ReplaceAll(string(d), "-", "_")
		m[name] = "opvolging_" + name
	}
	return m
}()

// undo0022 takes a database back to before migration 0022 (as an older release left it).
func undo0022() []string {
	var undo []string
	for name, cols := range splitIndexes {
		undo = append(undo, "DROP INDEX persons_"+name, "DROP INDEX persons_"+name+"_nieuw",
			"CREATE INDEX persons_"+name+" ON persons ("+cols+", sorteernaam, id)")
	}
	return append(undo, "ALTER TABLE persons DROP COLUMN gesorteerd")
}

// unsortedCount is the number of persons in the small sort indexes.
func unsortedCount(t *testing.T, db *DB) int {
	t.Helper()
	var n int
	if err := db.sql.QueryRow(`SELECT count(*) FROM persons WHERE gesorteerd = 0`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// sortedIDs is every sort of the Personen list, both ways, as ids.
func sortedIDs(t *testing.T, db *DB) map[string][]int64 {
	t.Helper()
	out := map[string][]int64{}
	view(t, db, func(tx app.ReadTx) error {
		for _, q := range everySort() {
			for _, desc := range []bool{false, true} {
				q.Desc = desc
				rows, err := tx.SearchPersons(q)
				if err != nil {
					return err
				}
				key := fmt.Sprintf("%d %s %v", q.Sort, q.SortDomein, desc)
				for _, r := range rows {
					out[key] = append(out[key], r.ID)
				}
			}
		}
		return nil
	})
	return out
}

// A batch's persons wait in the small sort indexes; SettleSortOrder moves them all into
// the large ones at once, and neither the lists' order nor the change counter (which
// makes windows reload) moves with them. Persons written outside a batch go to the
// large indexes at once.
func TestSettleSortOrderMovesBatchPersons(t *testing.T) {
	db, _ := openTest(t)
	ctx := context.Background()
	createPerson(t, db, samplePerson("", "Jan", "", "Berg"))
	b, err := db.Batch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Aydın", "Claes", "Berg"} {
		if err := b.Savepoint(func(tx app.Tx) error { return tx.CreatePerson(samplePerson("", "Mia", "", n)) }); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	createPerson(t, db, samplePerson("", "Piet", "", "Visser"))
	if n := unsortedCount(t, db); n != 3 {
		t.Fatalf("%d persons in the small sort indexes after a batch of three, want 3", n)
	}
	before := sortedIDs(t, db)
	changes, err := db.Changes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 { // the second has nothing to move
		if err := db.SettleSortOrder(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if n := unsortedCount(t, db); n != 0 {
		t.Errorf("%d persons in the small sort indexes after SettleSortOrder, want 0", n)
	}
	if after := sortedIDs(t, db); !reflect.DeepEqual(after, before) {
		t.Errorf("order after settling:\n%v\nbefore:\n%v", after, before)
	}
	if after, err := db.Changes(ctx); err != nil || after != changes {
		t.Errorf("change counter %d after settling, %d before (%v)", after, changes, err)
	}
}

// An ImportBatch leaves its persons in the small sort indexes at a Flush (the mailbox
// flushes per group of mails, and settling each group would cost what it saves) and
// settles them at Close.
func TestImportBatchSettlesSortOrderAtClose(t *testing.T) {
	db, _ := openTest(t)
	ctx := context.Background()
	clock := func() time.Time { return time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC) }
	svc := app.NewService(db, importers.Decoder{}, clock)
	if err := svc.Init(ctx, []string{"0193"}); err != nil {
		t.Fatal(err)
	}
	b := svc.NewImportBatch(ctx)
	defer b.Close()
	o := demo.Options{Personen: 10, Seed: 3, Nu: app.NewDate(2026, 3, 1)}
	err := demo.Generate(ctx, o, func(m demo.Bericht) error { return b.Add(app.ImportInput{Bron: m.Naam, Raw: m.Data}) })
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Flush(); err != nil {
		t.Fatal(err)
	}
	if n := unsortedCount(t, db); n == 0 {
		t.Fatal("no person in the small sort indexes after a Flush")
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if n := unsortedCount(t, db); n != 0 {
		t.Errorf("%d persons in the small sort indexes after Close, want 0", n)
	}
}

// Migration 0022 leaves every person of an older database in the large sort indexes, and
// the sorts read those alone.
func TestMigration0022KeepsPersonsSorted(t *testing.T) {
	db, path := openTest(t)
	for _, n := range []string{"Berg", "Aydın", "Claes"} {
		createPerson(t, db, samplePerson("", "Jan", "", n))
	}
	before := sortedIDs(t, db)
	again := reopenOlder(t, db, path, append(undo0022(), "PRAGMA user_version = 21")...)
	if n := unsortedCount(t, again); n != 0 {
		t.Errorf("%d persons in the small sort indexes after the migration, want 0", n)
	}
	if after := sortedIDs(t, again); !reflect.DeepEqual(after, before) {
		t.Errorf("order after the migration:\n%v\nbefore:\n%v", after, before)
	}
	view(t, again, func(tx app.ReadTx) error {
		parts, err := tx.(*reader).sortParts(app.PersonQuery{Sort: app.SortByDomein, SortDomein: app.Zorg})
		if err == nil && parts != largePart {
			t.Errorf("sort by zorg reads parts %d, want the large one alone (%d)", parts, largePart)
		}
		return err
	})
}
