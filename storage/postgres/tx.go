package postgres

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/terugkeer/terugkeer/app"
)

var (
	_ app.ReadTx = (*reader)(nil)
	_ app.Tx     = (*writer)(nil)
)

// reader implements app.ReadTx on a read (or write) transaction. View hands out a bare
// reader, so it cannot be asserted to app.Tx.
type reader struct {
	ctx context.Context
	tx  pgx.Tx
	// changed records that a statement other than the audit log's was run (exec,
	// insertID), so that the commit raises the change counter (writer.bump).
	changed bool
	// pipe is set on a read of Together: its statements go through Together's batches.
	pipe *pipeStep
}

// writer implements app.Tx. purged holds the tables from which personal data was
// removed: Update vacuums them after the commit.
type writer struct {
	reader
	purged  map[string]bool
	session session
}

// purge records that rows of tables were removed.
func (w *writer) purge(tables ...string) {
	if w.purged == nil {
		w.purged = map[string]bool{}
	}
	for _, t := range tables {
		w.purged[t] = true
	}
}

// The queries are written with ? placeholders, as on SQLite, so that both stores read
// alike; rebind turns them into PostgreSQL's $1, $2, ... once per query text.
var (
	rebound   sync.Map      // query text -> rebound text
	reboundN  atomic.Int64  // entries in rebound
	maxRebind = int64(1024) // queries built from a variable number of values have many texts
)

// rebind numbers the ? placeholders outside quoted literals.
func rebind(query string) string {
	if v, ok := rebound.Load(query); ok {
		return v.(string)
	}
	var b strings.Builder
	n, quoted := 0, false
	for _, c := range query {
		switch {
		case c == '\'':
			quoted = !quoted
		case c == '?' && !quoted:
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(c)
	}
	out := b.String()
	if reboundN.Load() < maxRebind {
		if _, loaded := rebound.LoadOrStore(query, out); !loaded {
			reboundN.Add(1)
		}
	}
	return out
}

// exec runs a statement that changes the data: the commit raises the change counter.
func (r *reader) exec(query string, args ...any) (pgconn.CommandTag, error) {
	r.changed = true
	return r.execLog(query, args...)
}

// execLog runs a statement of the bookkeeping that is not the data a window shows (the
// audit log and its seal): it leaves the change counter alone, so that looking at a
// file, which writes an audit entry, does not make other windows reload.
func (r *reader) execLog(query string, args ...any) (pgconn.CommandTag, error) {
	if r.pipe != nil {
		rows, err := r.pipe.query(rebind(query), args, false)
		if err != nil {
			return pgconn.CommandTag{}, err
		}
		rows.Close()
		return rows.CommandTag(), rows.Err()
	}
	return r.tx.Exec(r.ctx, rebind(query), args...)
}

func (r *reader) query(query string, args ...any) (pgx.Rows, error) {
	if r.pipe != nil {
		return r.pipe.query(rebind(query), args, false)
	}
	return r.tx.Query(r.ctx, rebind(query), args...)
}

func (r *reader) queryRow(query string, args ...any) pgx.Row {
	if r.pipe != nil {
		rows, err := r.pipe.query(rebind(query), args, false)
		return pipeRow{rows: rows, err: err}
	}
	return r.tx.QueryRow(r.ctx, rebind(query), args...)
}

// queryGeneric is query for a statement whose plan does not depend on its values (the
// same indexes for every date and limit; plan_explain_test.go checks each one's generic
// plan): in a Together it runs with a generic plan, made once per connection, instead
// of a plan made at every run for its values (force_custom_plan, config). The
// dashboard's statements cost as much to plan as to run (persons has some thirty
// indexes the planner weighs), about 5 ms of each dashboard at 20,000 persons. Outside
// a Together it is query.
func (r *reader) queryGeneric(query string, args ...any) (pgx.Rows, error) {
	if r.pipe != nil {
		return r.pipe.query(rebind(query), args, true)
	}
	return r.query(query, args...)
}

// queryRowGeneric is queryRow for a statement as queryGeneric's.
func (r *reader) queryRowGeneric(query string, args ...any) pgx.Row {
	if r.pipe != nil {
		rows, err := r.pipe.query(rebind(query), args, true)
		return pipeRow{rows: rows, err: err}
	}
	return r.queryRow(query, args...)
}

// execCount runs a statement and returns the number of rows it changed.
func (r *reader) execCount(query string, args ...any) (int, error) {
	tag, err := r.exec(query, args...)
	if err != nil {
		return 0, err
	}
	return int(tag.RowsAffected()), nil
}

// insertID runs an INSERT ... RETURNING id and returns the id.
func (r *reader) insertID(query string, args ...any) (int64, error) {
	r.changed = true
	return r.insertIDLog(query, args...)
}

// insertIDLog is insertID for the audit log: it leaves the change counter alone (execLog).
func (r *reader) insertIDLog(query string, args ...any) (int64, error) {
	var id int64
	err := r.queryRow(query+` RETURNING id`, args...).Scan(&id)
	return id, err
}
