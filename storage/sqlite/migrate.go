package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"strconv"

	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// migrationFiles are the schema steps, migrations/NNNN_name.sql, numbered from 0001
// without gaps. PRAGMA user_version holds the number of the last step applied. A
// released file is never edited: a change is a new file.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrate applies the missing steps, each in its own IMMEDIATE transaction, on one
// connection with foreign key enforcement off (SQLite's procedure for schema changes
// that rebuild tables); PRAGMA foreign_key_check guards every step instead.
//
// A current schema is recognised by a plain read first: opening the database then takes
// no write lock, so a read-only command is not held up (or refused) by another process
// that is writing.
func migrate(ctx context.Context, db *sql.DB, ms []sqlstore.Migration) error {
	current, err := schemaCurrent(ctx, db, len(ms))
	if err != nil || current {
		return err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("verbinding voor migratie: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		return fmt.Errorf("migratie voorbereiden: %w", err)
	}
	for done := false; !done; {
		if done, err = migrateStep(ctx, conn, ms); err != nil {
			break
		}
	}
	if _, fkErr := conn.ExecContext(ctx, "PRAGMA foreign_keys = ON"); err == nil && fkErr != nil {
		err = fmt.Errorf("na migratie: %w", fkErr)
	}
	return err
}

// schemaCurrent reads PRAGMA user_version outside any transaction: true when every step
// is applied, an error when the database is newer than this release.
func schemaCurrent(ctx context.Context, db *sql.DB, known int) (bool, error) {
	var have int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return false, fmt.Errorf("schemaversie lezen: %w", err)
	}
	if have > known {
		return false, sqlstore.NewerSchemaError(have, known)
	}
	return have == known, nil
}

// migrateStep applies the next step, if any; it reports whether the schema is current.
// The version is read inside the write transaction, so two processes opening the same
// file at once never apply a step twice.
func migrateStep(ctx context.Context, conn *sql.Conn, ms []sqlstore.Migration) (bool, error) {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("migratie starten: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit this is a no-op
	var have int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return false, fmt.Errorf("schemaversie lezen: %w", err)
	}
	switch {
	case have > len(ms):
		return false, sqlstore.NewerSchemaError(have, len(ms))
	case have == len(ms):
		return true, nil
	}
	if err := applyMigration(ctx, tx, ms[have]); err != nil {
		return false, err
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migratie %s opslaan: %w", ms[have].Name, err)
	}
	return false, nil
}

func applyMigration(ctx context.Context, tx *sql.Tx, m sqlstore.Migration) error {
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return fmt.Errorf("migratie %s: %w", m.Name, err)
	}
	if err := afterMigration(ctx, tx, m.Version); err != nil {
		return fmt.Errorf("migratie %s: %w", m.Name, err)
	}
	rows, err := tx.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return fmt.Errorf("migratie %s controleren: %w", m.Name, err)
	}
	broken := rows.Next()
	if err := rows.Close(); err != nil {
		return fmt.Errorf("migratie %s controleren: %w", m.Name, err)
	}
	if broken {
		return fmt.Errorf("migratie %s laat verwijzingen achter die niet kloppen", m.Name)
	}
	// user_version takes no bound parameter; m.Version is an int.
	if _, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(m.Version)); err != nil {
		return fmt.Errorf("migratie %s: schemaversie zetten: %w", m.Name, err)
	}
	return nil
}

// afterMigration runs the part of a step that SQL cannot do, in the step's transaction.
func afterMigration(ctx context.Context, tx *sql.Tx, version int) error {
	switch version {
	case 10:
		return sealAuditLog(ctx, tx) // needs the HMAC under the installation key
	}
	return nil
}
