package postgres

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/terugkeer/terugkeer/app"
)

// personWithTwoDomains stores a person with zorg and onderdak data (two topics and two
// hulpvragen, so that purging zorg leaves live rows on the pages).
func personWithTwoDomains(t *testing.T, db *DB) int64 {
	t.Helper()
	id := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	update(t, db, func(tx app.Tx) error {
		for _, d := range []app.Domain{app.Zorg, app.Onderdak} {
			if err := tx.ReplaceDomainData(id, d, app.DomainData{Hulpvraag: "hulp " + string(d),
				Onderwerpen: []app.Answer{{Code: string(d) + ".x", Antwoord: "ja", Toelichting: "MARKER " + string(d)}}}); err != nil {
				return err
			}
		}
		return nil
	})
	return id
}

func purgeZorg(t *testing.T, db *DB, id int64) {
	t.Helper()
	update(t, db, func(tx app.Tx) error {
		_, err := tx.PurgeDomainData(id, app.Zorg)
		return err
	})
}

// owedNow returns the tables owedSetting records, sorted.
func owedNow(t *testing.T, db *DB) []string {
	t.Helper()
	var owed owedTables
	view(t, db, func(tx app.ReadTx) error {
		var err error
		owed, err = tx.(*reader).owed()
		return err
	})
	var out []string
	for table := range owed {
		out = append(out, table)
	}
	slices.Sort(out)
	return out
}

func fileNodeOf(t *testing.T, db *DB, table string) int64 {
	t.Helper()
	var n int64
	if err := db.pool.QueryRow(context.Background(), `SELECT pg_relation_filenode($1::regclass)::bigint`, table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func eraseOwed(t *testing.T, db *DB) app.EraseReport {
	t.Helper()
	rep, err := db.EraseOwed(context.Background())
	if err != nil {
		t.Fatalf("EraseOwed: %v", err)
	}
	return rep
}

// A purge records, in its own transaction, the tables it removed rows from (and only
// those: the purged list names tables without rows of the domain too); EraseOwed
// rewrites them (new files) and clears the record; a second run has nothing to do.
func TestPurgeRecordsOwedRewrite(t *testing.T) {
	db, _ := openTest(t)
	id := personWithTwoDomains(t, db)
	if owed := owedNow(t, db); len(owed) != 0 {
		t.Fatalf("owed before any purge: %v", owed)
	}
	before := fileNodeOf(t, db, "topics")
	purgeZorg(t, db, id)
	if owed, want := owedNow(t, db), []string{"hulpvragen", "topics"}; !slices.Equal(owed, want) {
		t.Fatalf("owed after the purge: %v, want %v", owed, want)
	}
	rep := eraseOwed(t, db)
	if want := []string{"hulpvragen", "topics"}; !slices.Equal(rep.Rewritten, want) || len(rep.Owed) != 0 {
		t.Fatalf("EraseOwed: %+v, want %v rewritten", rep, want)
	}
	if fileNodeOf(t, db, "topics") == before {
		t.Error("topics has the same file after the rewrite")
	}
	if owed := owedNow(t, db); len(owed) != 0 {
		t.Errorf("still owed after the rewrite: %v", owed)
	}
	if rep := eraseOwed(t, db); len(rep.Rewritten)+len(rep.Owed) != 0 {
		t.Errorf("second run: %+v, want nothing", rep)
	}
}

// A purge that is rolled back records nothing; a batch's purge is recorded at its commit.
func TestOwedRecordGoesWithTheTransaction(t *testing.T) {
	db, _ := openTest(t)
	id := personWithTwoDomains(t, db)
	err := db.Update(context.Background(), func(tx app.Tx) error {
		if _, err := tx.PurgeDomainData(id, app.Zorg); err != nil {
			return err
		}
		return app.ErrNotFound
	})
	if err == nil {
		t.Fatal("the Update did not fail")
	}
	if owed := owedNow(t, db); len(owed) != 0 {
		t.Fatalf("a rolled-back purge recorded %v", owed)
	}
	b, err := db.Batch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Savepoint(func(tx app.Tx) error { _, err := tx.PurgeDomainData(id, app.Zorg); return err }); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if owed, want := owedNow(t, db), []string{"hulpvragen", "topics"}; !slices.Equal(owed, want) {
		t.Errorf("owed after the batch: %v, want %v", owed, want)
	}
}

// A snapshot taken before the purge can still see the removed rows, so VACUUM FULL
// would copy them into the new file: the tables stay owed until it ends.
func TestEraseOwedWaitsForAnOlderSnapshot(t *testing.T) {
	db, uri := openTest(t)
	id := personWithTwoDomains(t, db)
	ctx := context.Background()
	other, err := pgx.Connect(ctx, uri)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close(ctx)
	tx, err := other.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, `SELECT count(*) FROM persons`); err != nil {
		t.Fatal(err)
	}
	purgeZorg(t, db, id)
	rep := eraseOwed(t, db)
	if len(rep.Rewritten) != 0 || len(rep.Owed) != 2 || rep.Owed[0].Reason != reasonSnapshot {
		t.Fatalf("EraseOwed with an older snapshot open: %+v", rep)
	}
	if owed := owedNow(t, db); len(owed) != 2 {
		t.Fatalf("owed: %v, want both tables still", owed)
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if rep := eraseOwed(t, db); len(rep.Rewritten) != 2 || len(rep.Owed) != 0 {
		t.Errorf("EraseOwed after the snapshot ended: %+v", rep)
	}
}

// A table locked by another transaction is not waited for longer than the lock
// timeout: it stays owed, the tables before it are rewritten, and those after it are
// left for the next run (one lock wait per run).
func TestEraseOwedGivesUpOnABusyTable(t *testing.T) {
	db, uri := openTest(t)
	id := personWithTwoDomains(t, db)
	purgeZorg(t, db, id)
	// A third table after topics: the person's removal owes trajecten too.
	update(t, db, func(tx app.Tx) error { return tx.SaveTraject(id, app.Traject{Status: app.InBehandeling}) })
	update(t, db, func(tx app.Tx) error { return tx.DeletePerson(id) })
	ctx := context.Background()
	other, err := pgx.Connect(ctx, uri)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close(ctx)
	tx, err := other.Begin(ctx) // READ COMMITTED: no snapshot between statements
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `LOCK TABLE topics IN ACCESS SHARE MODE`); err != nil {
		t.Fatal(err)
	}
	rep := eraseOwed(t, db)
	var busy, notTried []string
	for _, o := range rep.Owed {
		switch o.Reason {
		case reasonBusy:
			busy = append(busy, o.Table)
		case reasonNotTried:
			notTried = append(notTried, o.Table)
		}
	}
	if !slices.Contains(rep.Rewritten, "hulpvragen") || !slices.Equal(busy, []string{"topics"}) ||
		!slices.Equal(notTried, []string{"trajecten"}) {
		t.Fatalf("EraseOwed with topics locked: %+v", rep)
	}
	if owed := owedNow(t, db); !slices.Equal(owed, []string{"topics", "trajecten"}) {
		t.Errorf("owed: %v, want topics and trajecten", owed)
	}
	// The connection went back to the pool without the lock timeout.
	var timeout string
	if err := db.pool.QueryRow(ctx, `SHOW lock_timeout`).Scan(&timeout); err != nil || timeout != "0" {
		t.Errorf("lock_timeout of a pooled connection: %q, %v", timeout, err)
	}
}

// On PostgreSQL 15 a casemanager's login role may not rewrite the owner's tables: its
// purge is recorded, its EraseOwed leaves the tables owed, and the owner's rewrites them.
func TestEraseOwedNeedsTheOwner(t *testing.T) {
	owner, _, r := teamDatabase(t, RoleMedewerker)
	id := personWithTwoDomains(t, owner)
	member := openAs(t, r[1])
	purgeZorg(t, member, id)
	rep := eraseOwed(t, member)
	if len(rep.Rewritten) != 0 || len(rep.Owed) != 2 || !strings.Contains(rep.Owed[0].Reason, "eigenaar") {
		t.Fatalf("EraseOwed as a casemanager: %+v", rep)
	}
	if rep := eraseOwed(t, owner); len(rep.Rewritten) != 2 || len(rep.Owed) != 0 {
		t.Errorf("EraseOwed as the owner: %+v", rep)
	}
	if owed := owedNow(t, owner); len(owed) != 0 {
		t.Errorf("owed after the owner's rewrite: %v", owed)
	}
}
