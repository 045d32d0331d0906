package sqlite

import "database/sql"

// SQL returns the database's connection pool, for copying its data elsewhere
// (postgres.DB.CopyFromSQLite: moving a team onto a server). The caller only reads
// through it and does not close it; Close does.
func (db *DB) SQL() *sql.DB { return db.sql }
