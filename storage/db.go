// Package storage keeps Terugkeer's data in one SQLite file: it implements app.Store.
//
// The data is criminal-justice and health data, so removal is made irreversible: every
// connection runs with secure_delete on, and an Update that purged anything truncates
// the write-ahead log after its commit, so no copy of the removed rows stays behind in
// the database file or the WAL.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"

	"github.com/terugkeer/terugkeer/app"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

var _ app.Store = (*DB)(nil)

// maxOpenConns bounds the pool: in WAL mode readers run beside the single writer, and
// writers are serialised by BEGIN IMMEDIATE and DB.writeMu.
const maxOpenConns = 4

// ErrCheckpointBusy is returned by Update (after a successful commit) when removed data
// could not yet be wiped from the write-ahead log because another reader held it open.
// The store retries at the next Update and at Close.
var ErrCheckpointBusy = errors.New("de gegevens zijn verwijderd, maar het logbestand van de database " +
	"kon nog niet worden geleegd omdat de database bezet is; dit wordt bij de volgende wijziging " +
	"of bij het afsluiten opnieuw geprobeerd")

// DB is the SQLite store.
type DB struct {
	sql     *sql.DB
	path    string
	writeMu sync.Mutex // serialises Update within the process
	pending bool       // a purge's checkpoint has not completed yet; guarded by writeMu
	stmts   *stmtCache
}

// Open opens (creating when needed) the database at path and brings its schema up to
// date. The directory is created with mode 0700 and the file with mode 0600.
func Open(path string) (*DB, error) {
	abs, err := prepareFile(path)
	if err != nil {
		return nil, err
	}
	sqlDB, err := sql.Open("sqlite", dsn(abs))
	if err != nil {
		return nil, fmt.Errorf("database openen: %w", err)
	}
	sqlDB.SetMaxOpenConns(maxOpenConns)
	sqlDB.SetMaxIdleConns(maxOpenConns)
	db := &DB{sql: sqlDB, path: abs, stmts: newStmtCache(sqlDB)}
	if err := db.init(); err != nil {
		sqlDB.Close()
		return nil, err
	}
	return db, nil
}

func (db *DB) init() error {
	ms, err := loadMigrations(migrationFiles)
	if err != nil {
		return err
	}
	if err := migrate(context.Background(), db.sql, ms); err != nil {
		return err
	}
	return restrictSidecars(db.path)
}

// Close finishes a pending checkpoint and closes the database.
func (db *DB) Close() error {
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	var cpErr error
	if db.pending {
		cpErr = db.checkpoint(context.Background())
	}
	return errors.Join(cpErr, db.sql.Close())
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
// PurgeGeneral, DeletePerson, DeleteQuarantine), the WAL is checkpointed and truncated
// after the commit; should that fail, Update returns the error although the changes
// are committed (ErrCheckpointBusy when readers kept the log busy).
func (db *DB) Update(ctx context.Context, fn func(app.Tx) error) error {
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	purged, err := db.write(ctx, fn)
	if err != nil {
		return err
	}
	if purged || db.pending {
		return db.checkpoint(ctx)
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

// write runs fn and commits; it reports whether fn removed personal data.
func (db *DB) write(ctx context.Context, fn func(app.Tx) error) (purged bool, err error) {
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
	w := &writer{reader: reader{ctx: ctx, tx: tx, stmts: db.stmts}}
	if err := fn(w); err != nil {
		return false, err
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("wijzigingen opslaan: %w", err)
	}
	committed = true
	return w.purged, nil
}

// rollback undoes tx; it also runs while a panic unwinds, which then continues.
func rollback(tx *sql.Tx, err *error) {
	if rbErr := tx.Rollback(); rbErr != nil && !errors.Is(rbErr, sql.ErrTxDone) && *err != nil {
		*err = errors.Join(*err, fmt.Errorf("terugdraaien: %w", rbErr))
	}
}

// checkpoint copies the WAL into the database file and truncates it to zero bytes, so
// that removed rows survive in neither. A busy checkpoint is retried once.
func (db *DB) checkpoint(ctx context.Context) error {
	ctx = context.WithoutCancel(ctx) // the commit happened: finish the wipe regardless
	for range 2 {
		var busy, logFrames, done int
		err := db.sql.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logFrames, &done)
		if err != nil {
			db.pending = true
			return fmt.Errorf("logbestand van de database legen: %w", err)
		}
		if busy == 0 {
			db.pending = false
			return nil
		}
	}
	db.pending = true
	return ErrCheckpointBusy
}
