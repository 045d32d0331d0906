package postgres

import (
	"context"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/storetest"
)

// TestConformance runs the backends' shared suite, each test on a fresh database of the
// throw-away cluster (internal/pgtest; skipped without one).
func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) app.Store {
		db, uri := openTest(t)
		return &inspected{DB: db, uri: uri}
	})
}

// inspected is a PostgreSQL store with storetest.Inspector: its tables counted directly,
// and the same database opened again.
type inspected struct {
	*DB
	uri string
}

func (s *inspected) CountRows(table string, personID int64) (int, error) {
	q, args := `SELECT count(*) FROM `+pgx.Identifier{table}.Sanitize(), []any{}
	if personID > 0 {
		q, args = q+` WHERE person_id = $1`, []any{personID}
	}
	var n int
	if err := s.DB.pool.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("%s tellen: %w", table, err)
	}
	return n, nil
}

func (s *inspected) Reopen(t *testing.T) app.Store {
	t.Helper()
	if err := s.DB.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := Open(context.Background(), s.uri, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return &inspected{DB: db, uri: s.uri}
}

// OpenAgain opens a second store on the same database, as a colleague's app would.
func (s *inspected) OpenAgain(t *testing.T) app.Store {
	t.Helper()
	db, err := Open(context.Background(), s.uri, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
