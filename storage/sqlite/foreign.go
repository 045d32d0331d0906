package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrForeignDatabase says the file is not a Terugkeer database: another program's SQLite
// database, or no SQLite database at all. Open refuses it instead of adding the schema
// to it (and putting personal data into another program's file).
var ErrForeignDatabase = errors.New("geen Terugkeer-database")

// checkOwnDatabase refuses an existing, non-empty file that is not a Terugkeer
// database, before Open's connections (which switch a file to WAL mode) touch it. A
// new or empty file is fine: Open creates the schema. It reads through a connection
// without Open's pragmas, so the file is not changed.
func checkOwnDatabase(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil // prepareFile reports it
	}
	fi, err := os.Stat(abs)
	if err != nil || fi.Size() == 0 {
		return nil // prepareFile created it, or reports the error itself
	}
	db, err := sql.Open("sqlite", plainDSN(abs))
	if err != nil {
		return fmt.Errorf("database openen: %w", err)
	}
	defer db.Close()
	version, tables, err := schemaShape(context.Background(), db)
	if err != nil || (version == 0 && tables > 0) || (version > 0 && !hasTerugkeerTables(db)) {
		return foreignError(abs)
	}
	return nil
}

// schemaShape reads PRAGMA user_version and the number of tables.
func schemaShape(ctx context.Context, db *sql.DB) (version, tables int, err error) {
	if err = db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return 0, 0, err
	}
	err = db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'table'").Scan(&tables)
	return version, tables, err
}

// hasTerugkeerTables reports whether the tables of migration 0001 are there.
func hasTerugkeerTables(db *sql.DB) bool {
	var n int
	err := db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'table'
		AND name IN ('settings', 'persons', 'messages', 'quarantine')`).Scan(&n)
	return err == nil && n == 4
}

func foreignError(abs string) error {
	// Only the base name: a folder path may name a person or a colleague.
	return fmt.Errorf("het bestand %s is geen Terugkeer-database (het hoort bij een ander programma of is "+
		"geen database); kies een ander bestand met --db of %s: %w", filepath.Base(abs), "TERUGKEER_DB", ErrForeignDatabase)
}
