package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
)

// pgColumn is a column of the target and how a SQLite value becomes its value.
type pgColumn struct {
	name     string
	dataType string // information_schema's data_type: boolean, bytea, bigint, text, ...
	identity bool
}

// copyTable copies the rows of table t, in SQLite's order of storing (rowid, which
// gives the identity columns that only PostgreSQL has, topics.volgorde, the same
// order), through COPY. It returns the number of rows.
func (c *sqliteCopy) copyTable(t string, st sqliteTable) (int64, error) {
	srcCols, pk, err := c.sqliteColumns(t)
	if err != nil {
		return 0, err
	}
	dstCols, err := c.postgresColumns(t)
	if err != nil {
		return 0, err
	}
	cols, err := commonColumns(t, srcCols, dstCols)
	if err != nil {
		return 0, err
	}
	names := make([]string, len(cols))
	quoted := make([]string, len(cols))
	for i, col := range cols {
		names[i], quoted[i] = col.name, sqliteIdent(col.name)
	}
	orderBy := "rowid"
	if st.withoutRowid {
		orderBy = strings.Join(mapSlice(pk, sqliteIdent), ", ")
	}
	rows, err := c.src.QueryContext(c.ctx, `SELECT `+strings.Join(quoted, ", ")+` FROM `+sqliteIdent(t)+
		` ORDER BY `+orderBy)
	if err != nil {
		return 0, fmt.Errorf("tabel %s van de SQLite-database lezen: %w", t, err)
	}
	defer rows.Close()
	src := &sqliteRows{table: t, rows: rows, cols: cols, progress: c.progress}
	n, err := c.tx.CopyFrom(c.ctx, pgx.Identifier{t}, names, src)
	if src.err != nil {
		return 0, src.err
	}
	if err != nil {
		return 0, fmt.Errorf("tabel %s naar PostgreSQL kopiëren: %w", t, err)
	}
	return n, nil
}

// sqliteColumns returns the columns of t and those of its primary key in key order.
func (c *sqliteCopy) sqliteColumns(t string) (cols, pk []string, err error) {
	rows, err := c.src.QueryContext(c.ctx, `SELECT name, pk FROM pragma_table_info(?) ORDER BY cid`, t)
	if err != nil {
		return nil, nil, fmt.Errorf("kolommen van tabel %s lezen: %w", t, err)
	}
	defer rows.Close()
	keyAt := map[int]string{}
	for rows.Next() {
		var name string
		var k int
		if err := rows.Scan(&name, &k); err != nil {
			return nil, nil, fmt.Errorf("kolommen van tabel %s lezen: %w", t, err)
		}
		if !sqliteOnlyColumn(t, name) {
			cols = append(cols, name)
		}
		if k > 0 {
			keyAt[k] = name
		}
	}
	for i := 1; i <= len(keyAt); i++ {
		pk = append(pk, keyAt[i])
	}
	return cols, pk, rows.Err()
}

// sqliteOnlyColumn reports the columns of a SQLite store that are bookkeeping of its
// files, not data of the team: persons.gesorteerd, which of two sort indexes holds the
// person (migration 0022; PostgreSQL keeps one).
func sqliteOnlyColumn(table, column string) bool {
	return table == "persons" && column == "gesorteerd"
}

// postgresColumns returns the columns of t in the target that can be written (not
// generated from other columns).
func (c *sqliteCopy) postgresColumns(t string) ([]pgColumn, error) {
	return writableColumns(c.ctx, c.tx, t)
}

// writableColumns returns the columns of table t of the database q reads that can be
// written (not generated from other columns), in their order.
func writableColumns(ctx context.Context, q querier, t string) ([]pgColumn, error) {
	rows, err := q.Query(ctx, `SELECT column_name::text, data_type::text, is_identity = 'YES'
		FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = $1 AND is_generated <> 'ALWAYS'
		ORDER BY ordinal_position`, t)
	if err != nil {
		return nil, fmt.Errorf("kolommen van tabel %s lezen: %w", t, err)
	}
	var out []pgColumn
	var col pgColumn
	_, err = pgx.ForEachRow(rows, []any{&col.name, &col.dataType, &col.identity}, func() error {
		out = append(out, col)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("kolommen van tabel %s lezen: %w", t, err)
	}
	return out, nil
}

// commonColumns returns the target's columns that the source has too, in the source's
// order. A source column the target lacks would be lost: an error naming it. A target
// column the source lacks gets its default (an identity such as topics.volgorde).
func commonColumns(t string, src []string, dst []pgColumn) ([]pgColumn, error) {
	var out []pgColumn
	var missing []string
	for _, name := range src {
		i := slices.IndexFunc(dst, func(c pgColumn) bool { return c.name == name })
		if i < 0 {
			missing = append(missing, t+"."+name)
			continue
		}
		out = append(out, dst[i])
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%w (kolom alleen in SQLite: %s)", ErrSchemaMismatch, strings.Join(missing, ", "))
	}
	return out, nil
}

// sqliteRows feeds the rows of one source table to CopyFrom (pgx.CopyFromSource),
// each value converted to its target column's type.
type sqliteRows struct {
	table    string
	rows     *sql.Rows
	cols     []pgColumn
	progress CopyProgress
	n        int64
	values   []any
	err      error
}

func (s *sqliteRows) Next() bool {
	if s.err != nil || !s.rows.Next() {
		return false
	}
	raw := make([]any, len(s.cols))
	ptrs := make([]any, len(s.cols))
	for i := range raw {
		ptrs[i] = &raw[i]
	}
	if err := s.rows.Scan(ptrs...); err != nil {
		s.err = fmt.Errorf("tabel %s van de SQLite-database lezen: %w", s.table, err)
		return false
	}
	for i, col := range s.cols {
		v, err := convertSQLite(raw[i], col.dataType)
		if err != nil {
			s.err = fmt.Errorf("tabel %s, kolom %s: %w", s.table, col.name, err)
			return false
		}
		raw[i] = v
	}
	s.values = raw
	s.n++
	if s.progress != nil && s.n%progressEvery == 0 {
		s.progress(s.table, s.n)
	}
	return true
}

func (s *sqliteRows) Values() ([]any, error) { return s.values, nil }

func (s *sqliteRows) Err() error {
	if s.err != nil {
		return s.err
	}
	if err := s.rows.Err(); err != nil {
		return fmt.Errorf("tabel %s van de SQLite-database lezen: %w", s.table, err)
	}
	return nil
}

// convertSQLite turns a value SQLite gave (int64, float64, string, []byte or nil) into
// one of the PostgreSQL type: SQLite's 0/1 into a boolean, text or a BLOB into bytea.
// The error never holds the value (it may be personal data).
func convertSQLite(v any, dataType string) (any, error) {
	if v == nil {
		return nil, nil
	}
	switch dataType {
	case "boolean":
		if i, ok := v.(int64); ok && (i == 0 || i == 1) {
			return i == 1, nil
		}
	case "bytea":
		switch x := v.(type) {
		case []byte:
			return x, nil
		case string:
			return []byte(x), nil
		}
	case "text", "character varying":
		switch x := v.(type) {
		case string:
			return x, nil
		case []byte:
			return string(x), nil
		}
	case "bigint", "integer", "smallint":
		if i, ok := v.(int64); ok {
			return i, nil
		}
	default:
		return v, nil
	}
	return nil, fmt.Errorf("een waarde van het type %T past niet in een kolom van het type %s", v, dataType)
}

// setIdentities sets every identity sequence of the copied tables past the largest id
// copied and past SQLite's AUTOINCREMENT counter (seqs, by table), so that a new row
// never gets the id of a row that existed, even one removed since (the audit names
// removed persons by id).
func (c *sqliteCopy) setIdentities(tables []string, seqs map[string]int64) error {
	return setIdentities(c.ctx, c.tx, tables, seqs)
}

// setIdentities sets the identity sequences of tables as sqliteCopy.setIdentities does,
// with seqs the floor of each table's id.
func setIdentities(ctx context.Context, q querier, tables []string, seqs map[string]int64) error {
	for _, t := range tables {
		cols, err := writableColumns(ctx, q, t)
		if err != nil {
			return err
		}
		for _, col := range cols {
			if !col.identity {
				continue
			}
			var floor int64
			if col.name == "id" {
				floor = seqs[t]
			}
			_, err := q.Exec(ctx, `WITH m AS (SELECT greatest(coalesce(max(`+pgx.Identifier{col.name}.Sanitize()+
				`), 0), $2::bigint) AS v FROM `+pgx.Identifier{t}.Sanitize()+`)
				SELECT setval(pg_get_serial_sequence($1, $3), greatest(m.v, 1), m.v > 0) FROM m`,
				pgx.Identifier{t}.Sanitize(), floor, col.name)
			if err != nil {
				return fmt.Errorf("teller van %s.%s zetten: %w", t, col.name, err)
			}
		}
	}
	return nil
}

// sqliteIdent quotes a SQLite identifier.
func sqliteIdent(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

func mapSlice[T, U any](in []T, fn func(T) U) []U {
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = fn(v)
	}
	return out
}
