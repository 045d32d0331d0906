package postgres

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// Two processes (two pools) appending to the audit log at once never fork its chain:
// Update's advisory lock makes them take turns, as SQLite's single writer does, and
// the chain and its seal verify afterwards.
func TestConcurrentWritersKeepTheChain(t *testing.T) {
	db1, uri := openTest(t)
	db2, err := Open(t.Context(), uri, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	const each = 25
	var wg sync.WaitGroup
	errs := make(chan error, 2*each)
	for _, db := range []*DB{db1, db2} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				errs <- db.Update(context.Background(), func(tx app.Tx) error {
					return tx.AddAudit(&app.AuditEntry{Tijd: time.Date(2026, 1, 1, 0, 0, i, 0, time.UTC),
						Actie: app.ActieImport, Object: "persoon", ObjectID: int64(i)})
				})
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	check, err := app.NewService(db1, nil, time.Now).VerifyAudit(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if !check.Intact || check.Zegel != "" || check.Entries != 2*each {
		t.Fatalf("after concurrent writers: %+v", check)
	}
}

// DryRun takes no write lock (another process may write meanwhile) and keeps nothing
// of what fn wrote.
func TestDryRunTakesNoLockAndKeepsNothing(t *testing.T) {
	db, _ := openTest(t)
	id := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	err := db.DryRun(t.Context(), func(tx app.Tx) error {
		if err := tx.DeletePerson(id); err != nil {
			return err
		}
		var free bool
		err := db.pool.QueryRow(context.Background(),
			`SELECT pg_try_advisory_xact_lock($1)`, writeLockKey).Scan(&free)
		if err == nil && !free {
			t.Error("the write lock is held during a dry run")
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	view(t, db, func(tx app.ReadTx) error {
		_, err := tx.PersonByID(id)
		return err // ErrNotFound would mean the dry run's removal was kept
	})
}
