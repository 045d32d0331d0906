package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// More concurrent transactions than connections, each running queries the cache has
// not seen yet: no deadlock (a hang here fails the test by timeout), same results.
func TestStmtCacheUnderFullPool(t *testing.T) {
	db, _ := openTest(t)
	createPerson(t, db, samplePerson("999990019", "Zoë", "", "Şahin"))
	var wg sync.WaitGroup
	errs := make(chan error, 4*maxOpenConns)
	start := make(chan struct{})
	for g := range 4 * maxOpenConns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			err := db.View(context.Background(), func(tx app.ReadTx) error {
				for i := range 5 {
					rows, err := tx.SearchPersons(app.PersonQuery{Zoek: fmt.Sprintf("sahin x%d", g*10+i)[:5], Limit: g + i + 1})
					if err != nil {
						return err
					}
					if len(rows) != 1 {
						return fmt.Errorf("%d rows", len(rows))
					}
				}
				return nil
			})
			errs <- err
		}()
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

// A transaction binds each cached statement once: Tx.StmtContext makes a new statement
// per call and keeps every one until the transaction ends, so a long transaction (a
// retention dry run over tens of thousands of persons) grew by one per query it ran.
func TestStmtBoundOncePerTransaction(t *testing.T) {
	db, _ := openTest(t)
	const q = `SELECT count(*) FROM persons`
	warmStmtCache(t, db, q)
	var first *sql.Stmt
	view(t, db, func(tx app.ReadTx) error {
		r := tx.(*reader)
		first = r.prepared(q)
		if first == nil {
			t.Fatal("the statement was not cached")
		}
		for range 3 {
			var n int
			if err := r.queryRow(q).Scan(&n); err != nil {
				return err
			}
			if s := r.prepared(q); s != first {
				t.Fatal("the same query in one transaction got a new bound statement")
			}
		}
		return nil
	})
	view(t, db, func(tx app.ReadTx) error {
		if tx.(*reader).prepared(q) == first {
			t.Error("a new transaction reused the previous one's bound statement")
		}
		return nil
	})
}

// warmStmtCache has the statement cache prepare query. A first use prepares it on
// another connection within prepareWait and otherwise runs uncached; on a slow run (the
// race detector makes SQLite many times slower) that first prepare may miss the bound,
// so a few transactions try.
func warmStmtCache(t *testing.T, db *DB, query string) {
	t.Helper()
	for range 20 {
		cached := false
		view(t, db, func(tx app.ReadTx) error {
			cached = tx.(*reader).prepared(query) != nil
			return nil
		})
		if cached {
			return
		}
	}
	t.Fatalf("the statement cache did not prepare %q in 20 transactions", query)
}
