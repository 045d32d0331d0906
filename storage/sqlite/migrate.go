package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// migrationFiles are the schema steps, migrations/NNNN_name.sql, numbered from 0001
// without gaps. PRAGMA user_version holds the number of the last step applied. A
// released file is never edited: a change is a new file.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads the steps from fsys and checks their numbering.
func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, fmt.Errorf("migraties zoeken: %w", err)
	}
	sort.Strings(names)
	ms := make([]migration, 0, len(names))
	for i, name := range names {
		m, err := readMigration(fsys, name)
		if err != nil {
			return nil, err
		}
		if m.version != i+1 {
			return nil, fmt.Errorf("migratie %s: nummer %d verwacht", m.name, i+1)
		}
		ms = append(ms, m)
	}
	return ms, nil
}

func readMigration(fsys fs.FS, name string) (migration, error) {
	base := path.Base(name)
	num, _, ok := strings.Cut(base, "_")
	v, err := strconv.Atoi(num)
	if !ok || len(num) != 4 || err != nil {
		return migration{}, fmt.Errorf("migratie %s: naam moet NNNN_omschrijving.sql zijn", base)
	}
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return migration{}, fmt.Errorf("migratie %s lezen: %w", base, err)
	}
	return migration{version: v, name: base, sql: string(b)}, nil
}

// newerSchemaError says the database was written by a newer release.
func newerSchemaError(have, known int) error {
	return fmt.Errorf("de database is gemaakt door een nieuwere versie van Terugkeer (schema %d, deze versie kent %d)",
		have, known)
}

// migrate applies the missing steps, each in its own IMMEDIATE transaction, on one
// connection with foreign key enforcement off (SQLite's procedure for schema changes
// that rebuild tables); PRAGMA foreign_key_check guards every step instead.
//
// A current schema is recognised by a plain read first: opening the database then takes
// no write lock, so a read-only command is not held up (or refused) by another process
// that is writing.
func migrate(ctx context.Context, db *sql.DB, ms []migration) error {
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
		return false, newerSchemaError(have, known)
	}
	return have == known, nil
}

// migrateStep applies the next step, if any; it reports whether the schema is current.
// The version is read inside the write transaction, so two processes opening the same
// file at once never apply a step twice.
func migrateStep(ctx context.Context, conn *sql.Conn, ms []migration) (bool, error) {
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
		return false, newerSchemaError(have, len(ms))
	case have == len(ms):
		return true, nil
	}
	if err := applyMigration(ctx, tx, ms[have]); err != nil {
		return false, err
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migratie %s opslaan: %w", ms[have].name, err)
	}
	return false, nil
}

func applyMigration(ctx context.Context, tx *sql.Tx, m migration) error {
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("migratie %s: %w", m.name, err)
	}
	if err := afterMigration(ctx, tx, m.version); err != nil {
		return fmt.Errorf("migratie %s: %w", m.name, err)
	}
	rows, err := tx.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return fmt.Errorf("migratie %s controleren: %w", m.name, err)
	}
	broken := rows.Next()
	if err := rows.Close(); err != nil {
		return fmt.Errorf("migratie %s controleren: %w", m.name, err)
	}
	if broken {
		return fmt.Errorf("migratie %s laat verwijzingen achter die niet kloppen", m.name)
	}
	// user_version takes no bound parameter; m.version is an int.
	if _, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(m.version)); err != nil {
		return fmt.Errorf("migratie %s: schemaversie zetten: %w", m.name, err)
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
