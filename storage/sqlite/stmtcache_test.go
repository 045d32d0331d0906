package sqlite

import (
	"context"
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
