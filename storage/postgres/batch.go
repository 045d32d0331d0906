package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

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
// write lock (DB.writeMu and writeLockKey) from Batch until Commit or Rollback.
type batch struct {
	db     *DB
	w      *writer
	broken error // a savepoint that could not be undone: only Rollback remains
	over   bool
}

// Batch begins a write transaction for a group commit: every Savepoint of it is atomic
// on its own, and Commit makes them durable together, with the same guarantee as
// Update (the tables a savepoint purged are vacuumed after the commit). The write lock
// is held until Commit or Rollback, which the caller must call.
func (db *DB) Batch(ctx context.Context) (app.Batch, error) {
	db.writeMu.Lock()
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.ReadCommitted})
	if err != nil {
		db.writeMu.Unlock()
		return nil, fmt.Errorf("schrijftransactie starten: %w", err)
	}
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, writeLockKey); err != nil {
		tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // the error above is the one to report
		db.writeMu.Unlock()
		return nil, fmt.Errorf("schrijftransactie starten: %w", err)
	}
	return &batch{db: db, w: &writer{reader: reader{ctx: ctx, tx: tx}, session: db.session}}, nil
}

// Savepoint runs fn in a savepoint of the batch. When fn fails or panics, its changes
// are undone and the batch goes on (in PostgreSQL a failed statement also leaves the
// transaction usable again only after the rollback to the savepoint); the panic
// continues.
func (b *batch) Savepoint(fn func(app.Tx) error) (err error) {
	if b.over || b.broken != nil {
		return errors.Join(errBatchOver, b.broken)
	}
	if _, err := b.w.execLog(`SAVEPOINT bericht`); err != nil {
		return fmt.Errorf("savepoint beginnen: %w", err)
	}
	released := false
	defer func() {
		if !released {
			b.undo(&err)
		}
	}()
	if err := fn(b.w); err != nil {
		return err
	}
	if _, err := b.w.execLog(`RELEASE SAVEPOINT bericht`); err != nil {
		return fmt.Errorf("savepoint afsluiten: %w", err)
	}
	released = true
	return nil
}

// undo rolls back to the savepoint; when that fails the batch is broken.
func (b *batch) undo(err *error) {
	_, rbErr := b.w.execLog(`ROLLBACK TO SAVEPOINT bericht`)
	if rbErr == nil {
		_, rbErr = b.w.execLog(`RELEASE SAVEPOINT bericht`)
	}
	if rbErr != nil {
		b.broken = fmt.Errorf("savepoint terugdraaien: %w", rbErr)
		if *err != nil {
			*err = errors.Join(*err, b.broken)
		}
	}
}

// Commit commits every released savepoint at once and then vacuums the tables any of
// them purged (those of an undone savepoint too: a vacuum too many costs nothing).
func (b *batch) Commit() (err error) {
	if b.over {
		return errBatchOver
	}
	b.over = true
	defer b.db.writeMu.Unlock()
	ctx := b.w.ctx
	if b.broken != nil {
		rollback(ctx, b.w.tx, &err)
		return b.broken
	}
	if err := b.w.recordOwed(); err != nil {
		rollback(ctx, b.w.tx, &err)
		return permission(err)
	}
	if err := b.w.bump(); err != nil {
		rollback(ctx, b.w.tx, &err)
		return permission(err)
	}
	if err := b.w.tx.Commit(ctx); err != nil {
		rollback(ctx, b.w.tx, &err)
		return fmt.Errorf("wijzigingen opslaan: %w", err)
	}
	var purged []string
	for t := range b.w.purged {
		purged = append(purged, t)
	}
	slices.Sort(purged)
	return b.db.vacuum(ctx, purged)
}

// Rollback undoes the whole batch.
func (b *batch) Rollback() error {
	if b.over {
		return nil
	}
	b.over = true
	defer b.db.writeMu.Unlock()
	var err error
	rollback(b.w.ctx, b.w.tx, &err)
	return err
}
