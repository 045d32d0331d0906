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
