package sqlstore

// Querier runs the statements of this package in a store's transaction, as the store's
// own: with ? placeholders (the PostgreSQL store numbers them), through its prepared
// statements or batches, and a change raises the store's change counter.
type Querier interface {
	Query(query string, args ...any) (Rows, error)
	QueryRow(query string, args ...any) Scanner
	// Exec runs a statement that changes the data and returns the number of rows it
	// changed.
	Exec(query string, args ...any) (int, error)
	// InsertID runs an INSERT (as Exec does) and returns the new row's id.
	InsertID(query string, args ...any) (int64, error)
}

// Rows is the result of Query: database/sql's *sql.Rows, or pgx's rows as the PostgreSQL
// store hands them on.
type Rows interface {
	Scanner
	Next() bool
	Err() error
	Close() error
}

// Scanner reads the current row: Rows, or the one row of QueryRow, whose Scan fails with
// an error that is sql.ErrNoRows when there is none (pgx's ErrNoRows wraps it).
type Scanner interface {
	Scan(dest ...any) error
}
