// Package storage keeps Terugkeer's data in one SQLite file: it implements app.Store.
//
// The data is criminal-justice and health data, so removal is made irreversible: every
// connection runs with secure_delete on, and an Update that purged anything truncates
// the write-ahead log after its commit, so no copy of the removed rows stays behind in
// the database file or the WAL.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

var _ app.Store = (*DB)(nil)

// maxOpenConns bounds the pool: in WAL mode readers run beside the single writer, and
// writers are serialised by BEGIN IMMEDIATE and DB.writeMu.
const maxOpenConns = 4

// DB is the SQLite store.
type DB struct {
	sql     *sql.DB
	path    string
	writeMu sync.Mutex // serialises Update within the process
	pending bool       // the last wipe found the log busy (wisopdracht stays); guarded by writeMu
	stmts   *stmtCache
}

// Option tunes Open.
type Option func(*options)

type options struct {
	cacheKiB int // each connection's page cache; 0: SQLite's default of 2 MB
	// idle closes a pooled connection unused this long (0: never), and with it its
	// page cache.
	idle time.Duration
}

// WarmCacheKiB is the page cache of each connection of a database opened WarmCache.
// The dashboard at 150,000 persons reads more pages than SQLite's default 2 MB hold, so
// each refresh read most of them again through the operating system (a pread each):
// 8 MB gained a little, 16 MB most of it, 32 and 64 MB hardly more
// (docs/performance.md, session 23).
const WarmCacheKiB = 16 << 10

// WarmIdle is how long a connection of a database opened WarmCache stays in the pool
// unused. The pool reuses the connection returned last, so the screens' reads keep one
// connection and its cache warm; the others, warmed by reads that ran at the same time
// (a refresh beside a search, an import beside both), are closed with their caches once
// idle this long. Without it every connection of the pool kept a full cache: four
// dashboards and searches at once left the process at 99 MB instead of 43 MB
// (docs/performance.md, session 24).
const WarmIdle = 30 * time.Second

// WarmCache gives every connection a page cache of WarmCacheKiB, for a process that
// shows the same screens again and again: the desktop app, and bench's measurements of
// its queries; a connection unused for WarmIdle is closed. A one-shot command leaves
// it: its cache starts cold and a walk over all persons (persons --json, retention run
// --dry-run) would only fill it, about 30 MB more memory for nothing.
func WarmCache() Option {
	return func(o *options) { o.cacheKiB, o.idle = WarmCacheKiB, WarmIdle }
}

// Open opens (creating when needed) the database at path and brings its schema up to
// date. The directory is created with mode 0700 and the file with mode 0600. A wipe
// that an earlier purge (of any process) left pending is completed when the log is
// free (finishWipe).
func Open(path string, opts ...Option) (*DB, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	if err := checkOwnDatabase(path); err != nil {
		return nil, err
	}
	abs, err := prepareFile(path)
	if err != nil {
		return nil, err
	}
	sqlDB, err := sql.Open("sqlite", cachedDSN(abs, o.cacheKiB))
	if err != nil {
		return nil, fmt.Errorf("database openen: %w", err)
	}
	sqlDB.SetMaxOpenConns(maxOpenConns)
	sqlDB.SetMaxIdleConns(maxOpenConns)
	sqlDB.SetConnMaxIdleTime(o.idle)
	db := &DB{sql: sqlDB, path: abs, stmts: newStmtCache(sqlDB)}
	if err := db.init(); err != nil {
		sqlDB.Close()
		return nil, err
	}
	return db, nil
}

func (db *DB) init() error {
	ms, err := sqlstore.LoadMigrations(migrationFiles)
	if err != nil {
		return err
	}
	if err := migrate(context.Background(), db.sql, ms); err != nil {
		return err
	}
	if err := restrictSidecars(db.path); err != nil {
		return err
	}
	return db.FinishWipe(context.Background())
}

// Close tries once more to complete a pending wipe and closes the database. A wipe
// the log still holds up stays recorded in the database for the next process.
func (db *DB) Close() error {
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	return errors.Join(db.finishWipe(context.Background(), false), db.sql.Close())
}

// View runs fn in a read transaction.
func (db *DB) View(ctx context.Context, fn func(app.ReadTx) error) error {
	tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("leestransactie starten: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a read transaction has nothing to undo
	return fn(&reader{ctx: ctx, tx: tx, stmts: db.stmts})
}

// Update runs fn in one write transaction (BEGIN IMMEDIATE). It rolls back when fn
// returns an error or panics. When fn removed personal data (PurgeDomainData,
// PurgeGeneral, DeletePerson, DeleteQuarantine), the transaction also records a pending
// wipe (table wisopdracht), and after the commit the WAL is checkpointed and truncated
// and the record removed. When another connection's reader keeps the log busy, Update
// still returns nil (the changes are committed): the wipe stays recorded, WipePending
// reports it, and the next Update, Open, Close or FinishWipe of any process completes
// it. An Update also completes a wipe another process left pending.
func (db *DB) Update(ctx context.Context, fn func(app.Tx) error) error {
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	wipe, err := db.write(ctx, fn)
	if err != nil {
		return err
	}
	if wipe || db.pending {
		return db.finishWipe(ctx, true)
	}
	return nil
}

// DryRun runs fn as Update would, in a transaction that is always rolled back and that
// begins as a read (plain BEGIN): it takes no write lock, so counting what a change would
// do does not hold up another process that is writing. Should fn write after all, it
// waits for the lock like any writer; nothing it writes is kept.
func (db *DB) DryRun(ctx context.Context, fn func(app.Tx) error) error {
	tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("leestransactie starten: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a dry run keeps nothing
	return fn(&writer{reader: reader{ctx: ctx, tx: tx, stmts: db.stmts}})
}

// write runs fn and commits; it reports whether a wipe is pending: fn removed personal
// data (recorded in the same transaction), or an earlier purge left one.
func (db *DB) write(ctx context.Context, fn func(app.Tx) error) (wipe bool, err error) {
	tx, err := db.sql.BeginTx(ctx, nil) // _txlock=immediate
	if err != nil {
		return false, fmt.Errorf("schrijftransactie starten: %w", err)
	}
	committed := false
	defer func() {
		if !committed {
			rollback(tx, &err)
		}
	}()
	w := &writer{reader: reader{ctx: ctx, tx: tx, stmts: db.stmts, persons: personRows{}}}
	if err := fn(w); err != nil {
		return false, err
	}
	if wipe, err = w.wipePending(); err != nil {
		return false, err
	}
	if err := w.bump(); err != nil {
		return false, err
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("wijzigingen opslaan: %w", err)
	}
	committed = true
	return wipe, nil
}

// rollback undoes tx; it also runs while a panic unwinds, which then continues.
func rollback(tx *sql.Tx, err *error) {
	if rbErr := tx.Rollback(); rbErr != nil && !errors.Is(rbErr, sql.ErrTxDone) && *err != nil {
		*err = errors.Join(*err, fmt.Errorf("terugdraaien: %w", rbErr))
	}
}
