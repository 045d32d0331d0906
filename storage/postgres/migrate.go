package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// migrationFiles are the schema steps, migrations/NNNN_name.sql, numbered from 0001
// without gaps, as on SQLite. Table schema_version holds the number of the last step
// applied (SQLite: PRAGMA user_version). A released file is never edited: a change is
// a new file.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

func (db *DB) migrate(ctx context.Context) error {
	ms, err := sqlstore.LoadMigrations(migrationFiles)
	if err != nil {
		return err
	}
	return migrate(ctx, db, ms)
}

// migrate applies the missing steps, each in its own transaction under the write lock.
// A current schema is recognised by a plain read first, so opening takes no lock.
func migrate(ctx context.Context, db *DB, ms []sqlstore.Migration) error {
	have, err := schemaVersion(ctx, db)
	if err != nil {
		return err
	}
	if have > len(ms) {
		return sqlstore.NewerSchemaError(have, len(ms))
	}
	for have < len(ms) {
		if have, err = migrateStep(ctx, db, ms); err != nil {
			return err
		}
	}
	return nil
}

// schemaVersion reads the applied version; 0 for an empty database. A database with
// tables but without schema_version belongs to another program.
func schemaVersion(ctx context.Context, db *DB) (int, error) {
	var have int
	err := db.pool.QueryRow(ctx, `SELECT version FROM schema_version WHERE id = 1`).Scan(&have)
	var pgErr *pgconn.PgError
	switch {
	case err == nil:
		return have, nil
	case errors.Is(err, pgx.ErrNoRows):
		return 0, nil
	case errors.As(err, &pgErr) && pgErr.Code == "42P01": // undefined_table
		var tables int
		err := db.pool.QueryRow(ctx, `SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()`).Scan(&tables)
		if err != nil {
			return 0, fmt.Errorf("schemaversie lezen: %w", err)
		}
		if tables > 0 {
			return 0, ErrForeignDatabase
		}
		return 0, nil
	case errors.As(err, &pgErr) && pgErr.Code == "42501":
		return 0, fmt.Errorf("schemaversie lezen: %w", ErrPermission)
	}
	return 0, fmt.Errorf("schemaversie lezen: %w", err)
}

// migrateStep applies the next step under the write lock and returns the version the
// database then has. The version is read under the lock, so two processes opening the
// same database at once never apply a step twice.
func migrateStep(ctx context.Context, db *DB, ms []sqlstore.Migration) (int, error) {
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return 0, fmt.Errorf("migratie starten: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // after Commit this is a no-op
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, writeLockKey); err != nil {
		return 0, fmt.Errorf("migratie starten: %w", err)
	}
	_, err = tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		id integer PRIMARY KEY CHECK (id = 1), version integer NOT NULL CHECK (version >= 0))`)
	if err != nil {
		return 0, permission(fmt.Errorf("migratie starten: %w", err))
	}
	var have int
	err = tx.QueryRow(ctx, `SELECT version FROM schema_version WHERE id = 1`).Scan(&have)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return 0, fmt.Errorf("schemaversie lezen: %w", err)
	}
	switch {
	case have > len(ms):
		return 0, sqlstore.NewerSchemaError(have, len(ms))
	case have == len(ms):
		return have, nil
	}
	m := ms[have]
	if _, err := tx.Exec(ctx, m.SQL); err != nil {
		return 0, permission(fmt.Errorf("migratie %s: %w", m.Name, err))
	}
	w := &writer{reader: reader{ctx: ctx, tx: tx}}
	if err := afterMigration(w, m.Version); err != nil {
		return 0, fmt.Errorf("migratie %s: %w", m.Name, err)
	}
	_, err = tx.Exec(ctx, `INSERT INTO schema_version (id, version) VALUES (1, $1)
		ON CONFLICT (id) DO UPDATE SET version = excluded.version`, m.Version)
	if err != nil {
		return 0, fmt.Errorf("migratie %s: schemaversie zetten: %w", m.Name, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return 0, fmt.Errorf("migratie %s opslaan: %w", m.Name, err)
	}
	return m.Version, nil
}

// permission classifies a refusal for lack of privileges (SQLSTATE 42501).
func permission(err error) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "42501" {
		if strings.HasPrefix(pgErr.Message, "alleen een beheerder") { // migration 0004
			return fmt.Errorf("%w: %w", ErrAdminOnly, err)
		}
		return fmt.Errorf("%w: %w", ErrPermission, err)
	}
	return err
}

// afterMigration runs the part of a step that SQL cannot do, in the step's transaction.
func afterMigration(w *writer, version int) error {
	switch version {
	case 1:
		return w.sealAuditLog() // needs the HMAC under the installation key (SQLite: step 10)
	}
	return nil
}
