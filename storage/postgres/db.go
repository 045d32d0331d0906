// Package postgres keeps Terugkeer's data in a PostgreSQL database shared by a team: it
// implements app.Store with the same semantics as storage/sqlite (the same order of
// lists, the same errors, the same audit chain and seal), so that app cannot tell them
// apart.
//
// Writers are serialised as on SQLite (one writer at a time): every Update takes a
// transaction-level advisory lock first, so two processes never interleave their
// writes and the audit chain cannot fork. Removal is made irreversible as far as
// PostgreSQL allows: after an Update that purged anything, the affected tables are
// vacuumed outside the transaction, so that the dead row versions do not linger; the
// purge's transaction also records the tables as owing a rewrite (erase.go), because
// VACUUM frees a removed row's space without overwriting it, and EraseOwed rewrites them
// with VACUUM FULL at the end of a retention run or an import batch, or at night (db
// opschonen). What PostgreSQL keeps elsewhere, WAL and backups, is the DBA's part.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/terugkeer/terugkeer/app"
)

var (
	_ app.Store     = (*DB)(nil)
	_ app.DryRunner = (*DB)(nil)
)

// writeLockKey is the advisory lock every Update and migration step holds for the
// length of its transaction: the single writer of the database, as SQLite's write lock.
// Advisory locks are per database, so other databases of the cluster are not held up.
const writeLockKey int64 = 0x7465727567 // "terug"

// DB is the PostgreSQL store.
type DB struct {
	pool    *pgxpool.Pool
	session session    // who signed in (Open)
	writeMu sync.Mutex // serialises Update within the process, before a connection is taken
}

// View runs fn in a read-only transaction on one snapshot (REPEATABLE READ), as
// SQLite's read transaction.
func (db *DB) View(ctx context.Context, fn func(app.ReadTx) error) error {
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return fmt.Errorf("leestransactie starten: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // a read transaction has nothing to undo
	return fn(&reader{ctx: ctx, tx: tx})
}

// Update runs fn in one write transaction that holds the write lock (writeLockKey)
// from its start. It rolls back when fn returns an error or panics. When fn removed
// personal data, the tables it removed rows from are vacuumed after the commit.
//
// The isolation level is READ COMMITTED: the lock is taken by the transaction's first
// statement, and each later statement sees everything committed before, so every
// writer reads the state the previous writer left (REPEATABLE READ would take its
// snapshot before the lock was granted).
func (db *DB) Update(ctx context.Context, fn func(app.Tx) error) error {
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	purged, err := db.write(ctx, fn)
	if err != nil {
		return err
	}
	return db.vacuum(ctx, purged)
}

// DryRun runs fn as Update would, in a transaction that is always rolled back and that
// does not take the write lock: counting what a change would do does not hold up
// another process that is writing. It reads one snapshot (REPEATABLE READ), as SQLite's
// deferred transaction does; should fn write a row another writer changed since, it
// fails as SQLite's would (a serialization failure), and nothing it writes is kept.
func (db *DB) DryRun(ctx context.Context, fn func(app.Tx) error) error {
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead})
	if err != nil {
		return fmt.Errorf("leestransactie starten: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // a dry run keeps nothing
	return fn(&writer{reader: reader{ctx: ctx, tx: tx}, session: db.session})
}

// beginLocked starts a write transaction (READ COMMITTED) and takes the write lock in
// one round trip: two statements in one message of the simple protocol, which pgx
// sends for a statement without arguments. Should the lock fail (a cancelled wait),
// pgx closes the connection and the server rolls the transaction back.
var beginLocked = fmt.Sprintf(`BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(%d)`, writeLockKey)

// write runs fn under the write lock and commits; it returns the tables fn purged.
func (db *DB) write(ctx context.Context, fn func(app.Tx) error) (purged []string, err error) {
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{BeginQuery: beginLocked})
	if err != nil {
		return nil, fmt.Errorf("schrijftransactie starten: %w", err)
	}
	committed := false
	defer func() {
		if !committed {
			rollback(ctx, tx, &err)
		}
	}()
	w := &writer{reader: reader{ctx: ctx, tx: tx}, session: db.session}
	if err := fn(w); err != nil {
		return nil, permission(err)
	}
	if err := w.recordOwed(); err != nil {
		return nil, permission(err)
	}
	if err := w.bump(); err != nil {
		return nil, permission(err)
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, fmt.Errorf("wijzigingen opslaan: %w", err)
	}
	committed = true
	for t := range w.purged {
		purged = append(purged, t)
	}
	slices.Sort(purged)
	return purged, nil
}

// rollback undoes tx; it also runs while a panic unwinds, which then continues.
func rollback(ctx context.Context, tx pgx.Tx, err *error) {
	rbErr := tx.Rollback(context.WithoutCancel(ctx))
	if rbErr != nil && !errors.Is(rbErr, pgx.ErrTxClosed) && *err != nil {
		*err = errors.Join(*err, fmt.Errorf("terugdraaien: %w", rbErr))
	}
}

// vacuum removes the dead row versions a purge left in tables (PostgreSQL's counterpart
// of SQLite's WAL truncate), outside any transaction, as VACUUM must run. The purge is
// committed: it runs even when ctx was cancelled meanwhile. Row versions that a
// transaction still open elsewhere can see stay until the next vacuum (autovacuum). On
// PostgreSQL 15 only the owner may vacuum: for a casemanager's login role the server
// skips the tables with a warning, and autovacuum does it later. The bytes of the
// removed rows stay in freed space until the owed rewrite (EraseOwed).
func (db *DB) vacuum(ctx context.Context, tables []string) error {
	if len(tables) == 0 {
		return nil
	}
	// The names are constants of this package (writer.purge), never input.
	_, err := db.pool.Exec(context.WithoutCancel(ctx), `VACUUM `+strings.Join(tables, ", "))
	if err != nil {
		return fmt.Errorf("verwijderde gegevens uit de databasebestanden opruimen (VACUUM): %w", err)
	}
	return nil
}

// Close closes the connections.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}
