package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/terugkeer/terugkeer/app"
)

var _ app.Eraser = (*DB)(nil)

// owedSetting records the tables whose files may still hold the bytes of removed rows:
// the plain VACUUM after a purge frees a removed row's space but leaves its bytes on a
// page that still holds live rows, until new rows reuse the space. Only a rewrite
// (VACUUM FULL: new files, the old ones unlinked) takes them out. The value is JSON, per
// table the transaction id (xid8) of the latest purge that removed rows from it; it is
// written in the purge's own transaction, so a purge cannot commit without it.
const owedSetting = "opschonen.herschrijven"

// rewriteLockTimeout bounds how long VACUUM FULL waits for its exclusive lock: while it
// waits, every other statement on the table queues behind it, so a busy team waits at
// most this long before the rewrite gives up and the table stays owed.
const rewriteLockTimeout = "2s" // reasonBusy says it in words

// owedTables is the record of owedSetting: table -> xid8 of its latest purge.
type owedTables map[string]string

// recordOwed adds to owedSetting the tables purged in this transaction that really lost
// or changed rows (pg_stat_xact_user_tables counts this transaction's deletes and
// updates, those of cascades too), under the transaction's id. It runs under the write
// lock, just before the commit.
func (w *writer) recordOwed() error {
	if len(w.purged) == 0 {
		return nil
	}
	rows, err := w.query(`SELECT relname::text FROM pg_stat_xact_user_tables
		WHERE schemaname = current_schema() AND relname::text = ANY(?) AND n_tup_del + n_tup_upd > 0`,
		slices.Sorted(maps.Keys(w.purged)))
	if err != nil {
		return fmt.Errorf("te herschrijven tabellen bepalen: %w", err)
	}
	touched, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil || len(touched) == 0 {
		return errOrNil("te herschrijven tabellen bepalen", err)
	}
	var xid string
	if err := w.queryRow(`SELECT pg_current_xact_id()::text`).Scan(&xid); err != nil {
		return fmt.Errorf("te herschrijven tabellen vastleggen: %w", err)
	}
	owed, err := w.owed()
	if err != nil {
		return err
	}
	for _, t := range touched {
		owed[t] = xid
	}
	return w.saveOwed(owed)
}

func errOrNil(what string, err error) error {
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// owed reads owedSetting (an empty record when unset).
func (r *reader) owed() (owedTables, error) {
	v, err := r.Setting(owedSetting)
	if err != nil {
		return nil, err
	}
	owed := owedTables{}
	if v == "" {
		return owed, nil
	}
	if err := json.Unmarshal([]byte(v), &owed); err != nil {
		return nil, fmt.Errorf("instelling %q is onleesbaar: %w", owedSetting, err)
	}
	return owed, nil
}

// saveOwed writes owedSetting, or removes it when nothing is owed. It is bookkeeping
// (execLog): it does not make other windows reload.
func (w *writer) saveOwed(owed owedTables) error {
	if len(owed) == 0 {
		if _, err := w.execLog(`DELETE FROM settings WHERE key = ?`, owedSetting); err != nil {
			return fmt.Errorf("instelling %q opslaan: %w", owedSetting, err)
		}
		return nil
	}
	v, err := json.Marshal(owed)
	if err != nil {
		return fmt.Errorf("instelling %q opslaan: %w", owedSetting, err)
	}
	_, err = w.execLog(`INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, owedSetting, string(v))
	if err != nil {
		return fmt.Errorf("instelling %q opslaan: %w", owedSetting, err)
	}
	return nil
}

// EraseOwed rewrites the tables a purge left owed (owedSetting) with VACUUM FULL, one
// at a time, each waiting at most rewriteLockTimeout for its lock; after one wait in
// vain the rest is left for the next run, so that a run's waiting for locks holds up the
// team at most that long (the rewrites themselves lock each table while they run). A
// table stays owed when another connection's snapshot may still see the removed rows
// (VACUUM FULL would copy them into the new file), when its lock was not granted in
// time, or when the signed-in role may not rewrite it (on PostgreSQL 15 only the table's
// or database's owner may; VACUUM then skips it with a warning, seen here as an
// unchanged file). The record of a table is cleared only after its rewrite succeeded,
// and only when no purge meanwhile recorded it again.
func (db *DB) EraseOwed(ctx context.Context) (app.EraseReport, error) {
	var rep app.EraseReport
	var owed owedTables
	err := db.View(ctx, func(tx app.ReadTx) error {
		var err error
		owed, err = tx.(*reader).owed()
		return err
	})
	if err != nil || len(owed) == 0 {
		return rep, err
	}
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return rep, fmt.Errorf("verbinding voor het herschrijven: %w", err)
	}
	defer releaseResetting(ctx, conn)
	if _, err := conn.Exec(ctx, `SET lock_timeout = '`+rewriteLockTimeout+`'`); err != nil {
		return rep, fmt.Errorf("verbinding voor het herschrijven: %w", err)
	}
	done := owedTables{}
	busy := false
	for _, table := range slices.Sorted(maps.Keys(owed)) {
		if busy { // one lock wait per run: the team waits at most rewriteLockTimeout in all
			rep.Owed = append(rep.Owed, app.OwedTable{Table: table, Reason: reasonNotTried})
			continue
		}
		reason, err := rewrite(ctx, conn.Conn(), table, owed[table])
		if err != nil {
			return rep, errors.Join(err, db.clearOwed(ctx, done))
		}
		if reason != "" {
			busy = reason == reasonBusy
			rep.Owed = append(rep.Owed, app.OwedTable{Table: table, Reason: reason})
			continue
		}
		rep.Rewritten = append(rep.Rewritten, table)
		done[table] = owed[table]
	}
	return rep, db.clearOwed(ctx, done)
}

// releaseResetting puts the connection back without the lock timeout; one whose reset
// failed is closed instead, so no other statement runs under that timeout.
func releaseResetting(ctx context.Context, conn *pgxpool.Conn) {
	if _, err := conn.Exec(context.WithoutCancel(ctx), `RESET lock_timeout`); err != nil {
		conn.Conn().Close(context.WithoutCancel(ctx)) //nolint:errcheck // the connection is given up either way
	}
	conn.Release()
}

// Why a table stays owed (app.OwedTable.Reason).
const (
	reasonSnapshot = "een andere verbinding kan de verwijderde rijen nog zien (een open transactie); " +
		"probeer het opnieuw als die is afgesloten"
	reasonBusy     = "de tabel was bezet (na 2 seconden wachten opgegeven); probeer het opnieuw op een rustig moment"
	reasonNotTried = "niet geprobeerd, omdat een tabel ervoor bezet was; probeer het opnieuw op een rustig moment"
	reasonOwner    = "deze gebruiker mag de tabel niet herschrijven: dat mag alleen de eigenaar van het schema " +
		"(terugkeer-cli db opschonen als de eigenaar)"
	reasonGone = "de tabel bestaat niet (meer)"
)

// rewrite runs VACUUM FULL of table when no snapshot can still see the rows its purge
// xid removed; it returns why not when it did not rewrite (the table stays owed).
func rewrite(ctx context.Context, conn *pgx.Conn, table, xid string) (reason string, err error) {
	var exists bool
	if err := conn.QueryRow(ctx, `SELECT to_regclass($1) IS NOT NULL`, pgx.Identifier{table}.Sanitize()).Scan(&exists); err != nil {
		return "", fmt.Errorf("tabel %s herschrijven: %w", table, err)
	}
	if !exists {
		return reasonGone, nil
	}
	held, err := snapshotHolds(ctx, conn, xid)
	if err != nil || held {
		return reasonIf(held, reasonSnapshot), errOrNil("tabel "+table+" herschrijven", err)
	}
	before, err := fileNode(ctx, conn, table)
	if err != nil {
		return "", err
	}
	if _, err := conn.Exec(ctx, `VACUUM (FULL) `+pgx.Identifier{table}.Sanitize()); err != nil {
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) && pgErr.Code == "55P03" { // lock_not_available
			return reasonBusy, nil
		}
		return "", fmt.Errorf("tabel %s herschrijven (VACUUM FULL): %w", table, err)
	}
	after, err := fileNode(ctx, conn, table)
	if err != nil || after == before {
		return reasonIf(after == before, reasonOwner), err
	}
	return "", nil
}

func reasonIf(cond bool, reason string) string {
	if cond {
		return reason
	}
	return ""
}

// fileNode is the table's file number: VACUUM FULL gives the table a new one.
func fileNode(ctx context.Context, conn *pgx.Conn, table string) (int64, error) {
	var n int64
	err := conn.QueryRow(ctx, `SELECT pg_relation_filenode($1::regclass)::bigint`, pgx.Identifier{table}.Sanitize()).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("tabel %s herschrijven: %w", table, err)
	}
	return n, nil
}

// snapshotHolds reports whether a snapshot may still see rows removed by transaction
// xid: a backend of this database (or one of none: a walsender's hot_standby_feedback)
// whose snapshot or own transaction is not newer than xid, a replication slot's xmin, or
// a prepared transaction. Those are what keep VACUUM's horizon at or before xid.
func snapshotHolds(ctx context.Context, conn *pgx.Conn, xid string) (bool, error) {
	var held bool
	err := conn.QueryRow(ctx, `WITH p AS (SELECT age(xid($1::xid8)) AS a)
		SELECT EXISTS (SELECT 1 FROM pg_stat_activity, p WHERE pid <> pg_backend_pid()
		               AND (datid IS NULL OR datname = current_database())
		               AND (age(backend_xmin) >= p.a OR age(backend_xid) >= p.a))
		    OR EXISTS (SELECT 1 FROM pg_replication_slots, p WHERE (database IS NULL OR database = current_database())
		               AND age(xmin) >= p.a)
		    OR EXISTS (SELECT 1 FROM pg_prepared_xacts, p WHERE database = current_database()
		               AND age(transaction) >= p.a)`, xid).Scan(&held)
	return held, err
}

// clearOwed removes the rewritten tables from the record, each only when its xid is
// still the one rewritten: a purge committed meanwhile recorded a newer one, and its
// removed rows may be in the new file.
func (db *DB) clearOwed(ctx context.Context, done owedTables) error {
	if len(done) == 0 {
		return nil
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	_, err := db.write(context.WithoutCancel(ctx), func(tx app.Tx) error {
		w := tx.(*writer)
		owed, err := w.owed()
		if err != nil {
			return err
		}
		for t, xid := range done {
			if owed[t] == xid {
				delete(owed, t)
			}
		}
		return w.saveOwed(owed)
	})
	return err
}
