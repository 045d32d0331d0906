package sqlite

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/storetest"
)

// TestConformance runs the backends' shared suite on a fresh SQLite file per test.
func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) app.Store {
		db, path := openTest(t)
		return &inspected{DB: db, path: path}
	})
}

// inspected is a SQLite store with storetest.Inspector: its tables counted directly, and
// the same file opened again.
type inspected struct {
	*DB
	path string
}

func (s *inspected) CountRows(table string, personID int64) (int, error) {
	q, args := `SELECT count(*) FROM `+table, []any{}
	if personID > 0 {
		q, args = q+` WHERE person_id = ?`, []any{personID}
	}
	var n int
	if err := s.DB.sql.QueryRow(q, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("%s tellen: %w", table, err)
	}
	return n, nil
}

func (s *inspected) Reopen(t *testing.T) app.Store {
	t.Helper()
	if err := s.DB.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := Open(s.path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return &inspected{DB: db, path: s.path}
}

// OpenAgain opens a second store on the same file, as another process would.
func (s *inspected) OpenAgain(t *testing.T) app.Store {
	t.Helper()
	db, err := Open(s.path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func searchNames(t *testing.T, db *DB, q app.PersonQuery) []string {
	t.Helper()
	var names []string
	view(t, db, func(tx app.ReadTx) error {
		rows, err := tx.SearchPersons(q)
		for _, r := range rows {
			names = append(names, r.FullName())
		}
		return err
	})
	return names
}

func testPlan(kenmerk, opgesteld string, areas ...app.LifeArea) app.StoredPlan {
	return app.StoredPlan{Kenmerk: kenmerk, Opgesteld: app.MustDate(opgesteld),
		Verzonden: time.Date(2024, 3, 12, 13, 0, 0, 0, time.UTC),
		Plan:      app.Plan{Opgesteld: app.MustDate(opgesteld), Grondslag: app.GrondslagPlan, Leefgebieden: areas}}
}

// firstErr returns the first non-nil error: calls are evaluated in order anyway.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// TestConformanceBatchedWrites runs the shared suite with every other write through a
// batch, so that half the persons it creates are in the small sort indexes (gesorteerd =
// 0, migration 0022) and every sort reads both parts of its index merged; the suite's
// expectations are the backends' own, so the merged order must be the same.
func TestConformanceBatchedWrites(t *testing.T) {
	storetest.Run(t, func(t *testing.T) app.Store {
		db, path := openTest(t)
		return &batchedWrites{inspected: &inspected{DB: db, path: path}}
	})
}

// batchedWrites is a SQLite store whose every other Update runs as a batch of one
// savepoint (the group commit's path), committed at once.
type batchedWrites struct {
	*inspected
	mu     sync.Mutex
	writes int
}

func (s *batchedWrites) Update(ctx context.Context, fn func(app.Tx) error) (err error) {
	s.mu.Lock()
	s.writes++
	batched := s.writes%2 == 1
	s.mu.Unlock()
	if !batched {
		return s.DB.Update(ctx, fn)
	}
	b, err := s.DB.Batch(ctx)
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			b.Rollback() //nolint:errcheck // a panic unwinds: the batch must release the write lock
		}
	}()
	err = b.Savepoint(fn)
	done = true
	return errors.Join(err, b.Commit())
}
