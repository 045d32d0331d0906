package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"maps"

	"github.com/terugkeer/terugkeer/app"
)

var (
	_ app.WipeDeferrer = (*DB)(nil)
	_ app.Batch        = (*batch)(nil)
)

// errBatchOver is the error of a batch used after its Commit or Rollback, or after a
// savepoint could not be undone (the transaction is then rolled back as a whole).
var errBatchOver = errors.New("de schrijftransactie is al afgesloten")

// batch is one write transaction that many savepoints share (app.Batch). It holds the
// write lock (DB.writeMu and BEGIN IMMEDIATE) from Batch until Commit or Rollback, and
// keeps in memory what every message reads or appends again (txCache).
type batch struct {
	db     *DB
	w      *writer
	broken error // a savepoint that could not be undone: only Rollback remains
	over   bool
	// conn is the connection the batch holds, with the settings it had before
	// (batchConn).
	conn *sql.Conn
	was  connSettings
	// deferWipe: Commit leaves the wipe to CompleteWipe (BatchDeferringWipe).
	deferWipe bool
	// ctx is the batch's own context; its statements run without its end
	// (statementContext).
	ctx context.Context
}

// Batch begins a write transaction for a group commit: every Savepoint of it is atomic
// on its own, and Commit makes them durable together, with the same wipe guarantee as
// Update (a batch that purged anything truncates the WAL after its commit). The write
// lock is held until Commit or Rollback, which the caller must call.
func (db *DB) Batch(ctx context.Context) (app.Batch, error) {
	return db.batch(ctx, false)
}

// BatchDeferringWipe begins a batch as Batch does whose Commit only records the wipe
// that a purge needs (in the purge's own transaction, table wisopdracht): CompleteWipe,
// the next Update, FinishWipe, Open or Close of any process completes it.
func (db *DB) BatchDeferringWipe(ctx context.Context) (app.Batch, error) {
	return db.batch(ctx, true)
}

// CompleteWipe completes a pending wipe as Update does after a purge: the WAL is
// checkpointed and truncated, waiting for readers (busy_timeout, twice). A log that
// stays busy is no error: WipePending reports it.
func (db *DB) CompleteWipe(ctx context.Context) error {
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	return db.finishWipe(ctx, true)
}

func (db *DB) batch(ctx context.Context, deferWipe bool) (app.Batch, error) {
	db.writeMu.Lock()
	conn, was, err := db.batchConn(ctx)
	if err != nil {
		db.writeMu.Unlock()
		return nil, err
	}
	tx, err := conn.BeginTx(ctx, nil) // _txlock=immediate
	if err != nil {
		releaseBatchConn(ctx, conn, was)
		db.writeMu.Unlock()
		return nil, fmt.Errorf("schrijftransactie starten: %w", err)
	}
	w := &writer{reader: reader{ctx: statementContext(ctx), tx: tx, stmts: db.stmts, cache: &txCache{},
		txStmts: map[string]*sql.Stmt{}, persons: personRows{}}, unsorted: true}
	return &batch{db: db, w: w, ctx: ctx, conn: conn, was: was, deferWipe: deferWipe}, nil
}

// statementContext is the context of a batch's statements: ctx without its end. The
// driver watches a statement's context with a goroutine of its own (and a progress
// handler) for every statement whose context can end: some 17 per message, about 6% of
// the group-commit import's CPU with the scheduling (docs/performance.md, session 20).
// A batch's statements are short; what ends the batch is its own context: Savepoint
// refuses a message once it has ended, and database/sql rolls the transaction back when
// it does (BeginTx).
func statementContext(ctx context.Context) context.Context { return context.WithoutCancel(ctx) }

// batchCacheKiB is the page cache of a batch's connection while the batch is open
// (SQLite's default is 2 MB). A batch inserts into some thirty indexes of a large file
// at scattered places; with the default cache the pages of those indexes are read again
// through the operating system for message after message (docs/performance.md, session
// 18). 16 MB reads as few pages as 64 MB did for 2,000 messages at 150,000 persons
// (~26,600 reads instead of ~55,000). The size is restored when the batch ends, which
// frees the pages beyond it: a process that imported does not keep the larger cache.
const batchCacheKiB = 16 << 10

// batchCheckpointPages is the batch connection's wal_autocheckpoint while the batch is
// open (SQLite's default is 1,000 pages). At 150,000 persons one group commit writes
// more pages than the default, so that every commit also checkpointed: each page was
// copied into the database file and synced again, also the pages the next commit
// changes anew. With this bound a checkpoint copies the changes of several commits at
// once, and the write-ahead log stays below some 64 MB. Durability is the log's, as
// before: a commit is synced to it before it returns.
const batchCheckpointPages = 16 << 10

// batchConn takes a connection for a batch and gives it the batch's page cache and
// checkpoint bound; was holds what it had, for releaseBatchConn.
func (db *DB) batchConn(ctx context.Context) (conn *sql.Conn, was connSettings, err error) {
	conn, err = db.sql.Conn(ctx)
	if err != nil {
		return nil, was, fmt.Errorf("schrijftransactie starten: %w", err)
	}
	err = conn.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&was.cacheSize)
	if err == nil {
		err = conn.QueryRowContext(ctx, `PRAGMA wal_autocheckpoint`).Scan(&was.checkpoint)
	}
	if err == nil {
		err = setConn(ctx, conn, connSettings{cacheSize: -batchCacheKiB, checkpoint: batchCheckpointPages})
	}
	if err != nil {
		return nil, was, errors.Join(fmt.Errorf("paginacache instellen: %w", err), conn.Close())
	}
	return conn, was, nil
}

// connSettings are the per-connection settings a batch changes.
type connSettings struct {
	cacheSize  int64 // PRAGMA cache_size: pages, or KiB when negative
	checkpoint int64 // PRAGMA wal_autocheckpoint, in pages
}

func setConn(ctx context.Context, conn *sql.Conn, s connSettings) error {
	_, err := conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = %d`, s.cacheSize))
	if err == nil {
		_, err = conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA wal_autocheckpoint = %d`, s.checkpoint))
	}
	return err
}

// releaseBatchConn gives the connection its settings back and returns it to the pool.
// A connection whose settings cannot be restored is closed instead of returned: the
// batch's data is not at stake (its transaction has ended), only the memory of the pool.
func releaseBatchConn(ctx context.Context, conn *sql.Conn, was connSettings) {
	if err := setConn(context.WithoutCancel(ctx), conn, was); err != nil {
		conn.Raw(func(any) error { return driver.ErrBadConn }) //nolint:errcheck // ErrBadConn: database/sql discards the connection
	}
	conn.Close() //nolint:errcheck // only fails on a connection already closed
}

// Savepoint runs fn in a savepoint of the batch. When fn fails or panics, its changes
// (and what it changed in the cache) are undone and the batch goes on; the panic
// continues.
func (b *batch) Savepoint(fn func(app.Tx) error) (err error) {
	if b.over || b.broken != nil {
		return errors.Join(errBatchOver, b.broken)
	}
	if err := b.ctx.Err(); err != nil {
		return fmt.Errorf("import afgebroken: %w", err)
	}
	if _, err := b.w.execLog(`SAVEPOINT bericht`); err != nil {
		return fmt.Errorf("savepoint beginnen: %w", err)
	}
	keep := *b.w.cache
	clear(b.w.persons) // what an earlier savepoint read may since have been undone
	released := false
	defer func() {
		if !released {
			*b.w.cache = keep
			b.undo(&err)
		}
	}()
	if err := fn(b.w); err != nil {
		return err
	}
	if _, err := b.w.execLog(`RELEASE bericht`); err != nil {
		return fmt.Errorf("savepoint afsluiten: %w", err)
	}
	released = true
	return nil
}

// undo rolls back to the savepoint; when that fails the batch is broken.
func (b *batch) undo(err *error) {
	_, rbErr := b.w.execLog(`ROLLBACK TO bericht`)
	if rbErr == nil {
		_, rbErr = b.w.execLog(`RELEASE bericht`)
	}
	if rbErr != nil {
		b.broken = fmt.Errorf("savepoint terugdraaien: %w", rbErr)
		if *err != nil {
			*err = errors.Join(*err, b.broken)
		}
	}
}

// Commit writes what the cache deferred (the audit seal), records a pending wipe when a
// savepoint purged, commits, and then wipes as Update does (unless deferWipe).
func (b *batch) Commit() (err error) {
	if b.over {
		return errBatchOver
	}
	b.over = true
	defer b.db.writeMu.Unlock()
	if b.broken != nil {
		rollback(b.w.tx, &err)
		b.release()
		return b.broken
	}
	committed := false
	defer func() {
		if !committed {
			rollback(b.w.tx, &err)
			b.release()
		}
	}()
	if err := b.w.writeCachedSeal(); err != nil {
		return err
	}
	wipe, err := b.w.wipePending()
	if err != nil {
		return err
	}
	if err := b.w.bump(); err != nil {
		return err
	}
	if err := b.w.tx.Commit(); err != nil {
		return fmt.Errorf("wijzigingen opslaan: %w", err)
	}
	committed = true
	b.release()
	if (wipe || b.db.pending) && !b.deferWipe {
		return b.db.finishWipe(b.ctx, true)
	}
	return nil
}

// Rollback undoes the whole batch.
func (b *batch) Rollback() error {
	if b.over {
		return nil
	}
	b.over = true
	defer b.db.writeMu.Unlock()
	var err error
	rollback(b.w.tx, &err)
	b.release()
	return err
}

// release returns the batch's connection to the pool with its own settings.
func (b *batch) release() { releaseBatchConn(b.w.ctx, b.conn, b.was) }

// prepared returns the cached statement for query bound to the transaction, or nil
// (stmtCache.stmt). Every transaction, not only a batch, binds each statement once:
// Tx.StmtContext makes a new statement per call and keeps each until the transaction
// ends, so a long transaction grew by one per query it ran (a retention dry run over
// 74,546 persons: ~450,000 statements, ~105 MB).
func (r *reader) prepared(query string) *sql.Stmt {
	if s, ok := r.txStmts[query]; ok {
		return s
	}
	s := r.stmts.stmt(r.ctx, r.tx, query)
	if s != nil {
		if r.txStmts == nil {
			r.txStmts = map[string]*sql.Stmt{}
		}
		r.txStmts[query] = s
	}
	return s
}

// txCache is what a batch keeps in memory between its savepoints: the settings read
// (every message reads the gemeenten, the user and the installation key), the audit
// chain's newest hash, and the audit seal, written once at commit instead of after every
// entry. A savepoint copies it by value and restores the copy when it is undone, so the
// settings map is never changed in place (copy on write).
type txCache struct {
	settings map[string]string // read or written in this transaction; "" when unset
	head     string            // the newest audit hash (or the anchor of an empty log)
	headOK   bool
	seal     app.AuditSeal // the seal as it will be written, when sealOK and sealEcht
	sealOK   bool          // seal read
	sealEcht bool          // the seal fits (only then is it kept up to date)
	sealNew  bool          // changed since read: write at commit
}

func (c *txCache) setting(key string) (string, bool) {
	if c == nil {
		return "", false
	}
	v, ok := c.settings[key]
	return v, ok
}

func (c *txCache) setSetting(key, value string) {
	m := maps.Clone(c.settings)
	if m == nil {
		m = map[string]string{}
	}
	m[key] = value
	c.settings = m
}

// writeCachedSeal writes the seal the batch kept up to date in memory.
func (w *writer) writeCachedSeal() error {
	c := w.cache
	if c == nil || !c.sealNew {
		return nil
	}
	key, err := w.installationKey()
	if err != nil {
		return err
	}
	c.sealNew = false
	return w.writeSeal(app.SealAudit(key, c.seal.Aantal, c.seal.Anker, c.seal.Laatste))
}
