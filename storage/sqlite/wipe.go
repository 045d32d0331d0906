package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// A purge removes rows with secure_delete on, but the WAL still holds the pages as they
// were until it is checkpointed and truncated, which a reader of another connection (the
// desktop app, a second command) can hold up. The pending wipe is therefore recorded in
// the purge's own transaction (table wisopdracht, migration 0010), so that it outlives
// the process and any process completes it.

// wipePending records the wipe when the transaction purged, and reports whether one is
// pending (recorded now or by an earlier purge).
func (w *writer) wipePending() (bool, error) {
	if w.purged {
		_, err := w.execLog(`INSERT INTO wisopdracht (id, volgnummer, sinds) VALUES (1, 1, ?)
			ON CONFLICT (id) DO UPDATE SET volgnummer = volgnummer + 1`, sqlstore.TimeValue(time.Now().UTC()))
		if err != nil {
			return false, fmt.Errorf("wisopdracht vastleggen: %w", err)
		}
		return true, nil
	}
	n, err := wipeTicket(w.ctx, w.tx)
	return n != 0, err
}

// queryRower is a *sql.DB or *sql.Tx.
type queryRower interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// wipeTicket returns the pending wipe's volgnummer, 0 when none is pending.
func wipeTicket(ctx context.Context, q queryRower) (int64, error) {
	var n int64
	err := q.QueryRowContext(ctx, `SELECT volgnummer FROM wisopdracht WHERE id = 1`).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("wisopdracht lezen: %w", err)
	}
	return n, nil
}

// WipePending reports whether removed data may still be in the database's log: the last
// attempt to wipe it found the log busy. The wipe is recorded and follows by itself.
func (db *DB) WipePending() bool {
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	return db.pending
}

// FinishWipe completes a wipe that is pending (of this or another process) when the log
// is free, without waiting for readers. The desktop app calls it periodically.
func (db *DB) FinishWipe(ctx context.Context) error {
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	return db.finishWipe(ctx, false)
}

// finishWipe checkpoints and truncates the WAL when a wipe is pending and removes the
// record, unless a purge committed after the checkpoint began (its volgnummer is then
// higher, and the record stays for that purge). A busy log is no error: db.pending says
// the wipe stays recorded. With wait the checkpoint waits for readers (busy_timeout,
// twice); otherwise it tries once without waiting.
func (db *DB) finishWipe(ctx context.Context, wait bool) error {
	ctx = context.WithoutCancel(ctx) // the purge is committed: finish the wipe regardless
	ticket, err := wipeTicket(ctx, db.sql)
	if err != nil || ticket == 0 {
		db.pending = false
		return err
	}
	done, err := db.checkpoint(ctx, wait)
	if db.pending = !done; err != nil || !done {
		return err
	}
	// Best effort: a record left behind (the write lock busy) only repeats the checkpoint.
	// The removal is checkpointed too, so that the log is empty again as it was.
	res, err := db.sql.ExecContext(ctx, `DELETE FROM wisopdracht WHERE id = 1 AND volgnummer = ?`, ticket)
	if n, _ := rowsAffected(res, err); n > 0 {
		_, _ = db.checkpoint(ctx, false)
	}
	return nil
}

func rowsAffected(res sql.Result, err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// checkpoint copies the WAL into the database file and truncates it to zero bytes, so
// that removed rows survive in neither; it reports whether that completed.
func (db *DB) checkpoint(ctx context.Context, wait bool) (bool, error) {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return false, fmt.Errorf("logbestand van de database legen: %w", err)
	}
	defer conn.Close()
	tries := 2
	if !wait {
		tries = 1
		if _, err := conn.ExecContext(ctx, "PRAGMA busy_timeout = 0"); err != nil {
			return false, fmt.Errorf("logbestand van de database legen: %w", err)
		}
		defer conn.ExecContext(ctx, "PRAGMA busy_timeout = 5000") //nolint:errcheck // restored for the pool
	}
	for range tries {
		var busy, logFrames, done int
		err := conn.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logFrames, &done)
		if err != nil {
			return false, fmt.Errorf("logbestand van de database legen: %w", err)
		}
		if busy == 0 {
			return true, nil
		}
	}
	return false, nil
}
