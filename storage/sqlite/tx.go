package sqlite

import (
	"context"
	"database/sql"

	"github.com/terugkeer/terugkeer/app"
)

var (
	_ app.ReadTx = (*reader)(nil)
	_ app.Tx     = (*writer)(nil)
)

// reader implements app.ReadTx on a read (or write) transaction. View hands out a bare
// reader, so it cannot be asserted to app.Tx.
type reader struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts *stmtCache // prepared statements shared by all transactions; may be nil
	cache *txCache   // a batch's settings and audit head (batch.go); nil outside a batch
	// txStmts are the statements bound to tx, each bound once (reader.prepared, batch.go);
	// made on first use.
	txStmts map[string]*sql.Stmt
	// changed records that a statement other than the audit log's was run (exec), so
	// that the commit raises the change counter (writer.bump).
	changed bool
	// persons are the persons rows the current message read or wrote (UpdatePerson);
	// nil outside a write transaction. A batch empties it at every savepoint.
	persons personRows
	// held is what MessageContent read beside the message for HeldContent; nil after
	// any statement that writes.
	held *heldLookup
	// plan is the stored rows of the plan Plan read last, for ReplacePlan; nil after any
	// statement that writes.
	plan *storedRows
}

// writer implements app.Tx. purged records that personal data was removed, which makes
// Update checkpoint the WAL after the commit. unsorted: the persons it creates enter the
// small sort indexes (gesorteerd = 0, migration 0022) until DB.SettleSortOrder; a batch's
// writer.
type writer struct {
	reader
	purged   bool
	unsorted bool
}

// exec runs a statement that changes the data: the commit raises the change counter.
func (r *reader) exec(query string, args ...any) (sql.Result, error) {
	r.changed = true
	return r.execLog(query, args...)
}

// execLog runs a statement of the bookkeeping that is not the data a window shows (the
// audit log, its seal, the wipe record): it leaves the change counter alone, so that
// looking at a file, which writes an audit entry, does not make other windows reload.
func (r *reader) execLog(query string, args ...any) (sql.Result, error) {
	r.held, r.plan = nil, nil
	if s := r.prepared(query); s != nil {
		return s.ExecContext(r.ctx, args...)
	}
	return r.tx.ExecContext(r.ctx, query, args...)
}

func (r *reader) query(query string, args ...any) (*sql.Rows, error) {
	if s := r.prepared(query); s != nil {
		return s.QueryContext(r.ctx, args...)
	}
	return r.tx.QueryContext(r.ctx, query, args...)
}

func (r *reader) queryRow(query string, args ...any) *sql.Row {
	if s := r.prepared(query); s != nil {
		return s.QueryRowContext(r.ctx, args...)
	}
	return r.tx.QueryRowContext(r.ctx, query, args...)
}

// insertID runs an INSERT and returns the new row's id (its rowid).
func (r *reader) insertID(query string, args ...any) (int64, error) {
	res, err := r.exec(query, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// execCount runs a statement and returns the number of rows it changed.
func (r *reader) execCount(query string, args ...any) (int, error) {
	res, err := r.exec(query, args...)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}
