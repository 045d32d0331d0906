package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"

	"github.com/terugkeer/terugkeer/app"
)

var (
	_ app.BatchStore = (*DB)(nil)
	_ app.Batch      = (*batch)(nil)
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
}

// Batch begins a write transaction for a group commit: every Savepoint of it is atomic
// on its own, and Commit makes them durable together, with the same wipe guarantee as
// Update (a batch that purged anything truncates the WAL after its commit). The write
// lock is held until Commit or Rollback, which the caller must call.
func (db *DB) Batch(ctx context.Context) (app.Batch, error) {
	db.writeMu.Lock()
	tx, err := db.sql.BeginTx(ctx, nil) // _txlock=immediate
	if err != nil {
		db.writeMu.Unlock()
		return nil, fmt.Errorf("schrijftransactie starten: %w", err)
	}
	w := &writer{reader: reader{ctx: ctx, tx: tx, stmts: db.stmts, cache: &txCache{}, txStmts: map[string]*sql.Stmt{},
		persons: personRows{}}}
	return &batch{db: db, w: w}, nil
}

// Savepoint runs fn in a savepoint of the batch. When fn fails or panics, its changes
// (and what it changed in the cache) are undone and the batch goes on; the panic
// continues.
func (b *batch) Savepoint(fn func(app.Tx) error) (err error) {
	if b.over || b.broken != nil {
		return errors.Join(errBatchOver, b.broken)
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
// savepoint purged, commits, and then wipes as Update does.
func (b *batch) Commit() (err error) {
	if b.over {
		return errBatchOver
	}
	b.over = true
	defer b.db.writeMu.Unlock()
	if b.broken != nil {
		rollback(b.w.tx, &err)
		return b.broken
	}
	committed := false
	defer func() {
		if !committed {
			rollback(b.w.tx, &err)
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
	if wipe || b.db.pending {
		return b.db.finishWipe(b.w.ctx, true)
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
	return err
}

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
