package sqlite

import "github.com/terugkeer/terugkeer/storage/sqlstore"

var _ sqlstore.Querier = (*reader)(nil)

// Query, QueryRow and Exec make a reader a sqlstore.Querier: the statements written once
// in storage/sqlstore run as this store's own (query, queryRow, execCount, insertID), through its
// prepared statements.
func (r *reader) Query(query string, args ...any) (sqlstore.Rows, error) {
	rows, err := r.query(query, args...)
	if err != nil {
		return nil, err
	}
	return rows, nil
}

// QueryRow is queryRow, for sqlstore.Querier.
func (r *reader) QueryRow(query string, args ...any) sqlstore.Scanner {
	return r.queryRow(query, args...)
}

// InsertID is insertID, for sqlstore.Querier.
func (r *reader) InsertID(query string, args ...any) (int64, error) {
	return r.insertID(query, args...)
}

// Exec is execCount, for sqlstore.Querier.
func (r *reader) Exec(query string, args ...any) (int, error) {
	return r.execCount(query, args...)
}
