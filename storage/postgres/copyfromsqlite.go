package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/terugkeer/terugkeer/app"
)

// Errors of CopyFromSQLite, classified where they arise so that the programs word them.
var (
	// ErrTargetNotEmpty: the PostgreSQL database already holds a person, a message, an
	// audit entry or a quarantined message.
	ErrTargetNotEmpty = errors.New("de PostgreSQL-database is niet leeg: ze bevat al personen, berichten, " +
		"regels in het logboek of berichten in quarantaine, en Terugkeer kopieert alleen naar een lege database")
	// ErrSchemaMismatch: a table or column exists on one side only, so the copy would
	// lose data or leave a table empty (a migration of one backend without the other).
	ErrSchemaMismatch = errors.New("de opbouw van de SQLite-database en die van de PostgreSQL-database verschillen")
)

// CopiedTable is one table CopyFromSQLite copied and its number of rows.
type CopiedTable struct {
	Name string
	Rows int64
}

// CopyProgress hears, every progressEvery rows of a table, how many rows of it have
// been copied. Table names only: no data.
type CopyProgress func(table string, rows int64)

const progressEvery = 5000

// nonEmptyTables: a target holding a row in one of these already serves a team.
var nonEmptyTables = []string{"persons", "messages", "audit", "quarantine"}

// sqliteOnlyTable reports the tables of a SQLite store that are not data of the team:
// SQLite's own (sqlite_sequence, whose counters are carried over by setIdentities),
// the full-text index over persons.zoek and its shadow tables (PostgreSQL indexes the
// column itself), the pending wipe of the SQLite files (wisopdracht), and the
// dashboard's counts per date that SQLite's triggers keep (migration 0021; PostgreSQL
// counts from its indexes).
func sqliteOnlyTable(name string) bool {
	return strings.HasPrefix(name, "sqlite_") || name == "persons_zoek" || strings.HasPrefix(name, "persons_zoek_") ||
		name == "wisopdracht" || name == "followups_open_per_datum" || name == "agreements_gemeente_per_datum"
}

// postgresOnlyTable reports the bookkeeping tables of this store (the schema version;
// SQLite keeps it in PRAGMA user_version).
func postgresOnlyTable(name string) bool { return name == "schema_version" }

// CopyFromSQLite copies every table of the SQLite store src (a Terugkeer database whose
// schema is up to date, storage/sqlite) into db, which must be empty (ErrTargetNotEmpty):
// ids are kept and the identity sequences are set past them (and past SQLite's
// AUTOINCREMENT counters, so that no id of a removed row is handed out again); the
// settings, among them the installation key and the audit anchor, the consent ledger
// and the audit chain with its seal are copied as they are. Everything is written in
// one transaction under the write lock: either the whole database arrives or nothing.
// src is read in one read transaction, so that a program writing to it meanwhile does
// not leave a copy of two moments. check, when not nil, reads the copy before it is
// committed (the audit chain: app.VerifyAuditIn); an error of it rolls everything back.
// The tables are returned in the order copied.
func (db *DB) CopyFromSQLite(ctx context.Context, src *sql.DB, progress CopyProgress,
	check func(app.ReadTx) error) ([]CopiedTable, error) {
	stx, err := src.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("SQLite-database lezen: %w", err)
	}
	defer stx.Rollback() //nolint:errcheck // only read
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.ReadCommitted})
	if err != nil {
		return nil, fmt.Errorf("schrijftransactie starten: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // after Commit a no-op
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, writeLockKey); err != nil {
		return nil, fmt.Errorf("schrijftransactie starten: %w", err)
	}
	c := &sqliteCopy{ctx: ctx, src: stx, tx: tx, progress: progress}
	copied, err := c.run()
	if err != nil {
		return nil, err
	}
	if check != nil {
		if err := check(&writer{reader: reader{ctx: ctx, tx: tx}}); err != nil {
			return nil, err
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, fmt.Errorf("kopie opslaan: %w", err)
	}
	// Fresh statistics for the planner after a bulk load; a failure only slows queries
	// until autovacuum analyses.
	_, _ = db.pool.Exec(context.WithoutCancel(ctx), `ANALYZE`)
	return copied, nil
}

// querier is what reads and writes a PostgreSQL database: a pgx.Tx or a *pgx.Conn.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// sqliteCopy is one run of CopyFromSQLite.
type sqliteCopy struct {
	ctx      context.Context
	src      *sql.Tx
	tx       pgx.Tx
	progress CopyProgress
}

func (c *sqliteCopy) run() ([]CopiedTable, error) {
	if err := c.checkEmpty(); err != nil {
		return nil, err
	}
	srcTables, err := c.sqliteTables()
	if err != nil {
		return nil, err
	}
	order, err := c.postgresTablesInOrder()
	if err != nil {
		return nil, err
	}
	if err := sameTables(srcTables, order); err != nil {
		return nil, err
	}
	if err := c.clear(order); err != nil {
		return nil, err
	}
	seqs, err := c.sqliteSequences()
	if err != nil {
		return nil, err
	}
	var copied []CopiedTable
	for _, t := range order {
		n, err := c.copyTable(t, srcTables[t])
		if err != nil {
			return nil, err
		}
		copied = append(copied, CopiedTable{Name: t, Rows: n})
	}
	if err := c.setIdentities(order, seqs); err != nil {
		return nil, err
	}
	return copied, nil
}

// checkEmpty refuses a target that already holds a team's data.
func (c *sqliteCopy) checkEmpty() error {
	for _, t := range nonEmptyTables {
		var any bool
		err := c.tx.QueryRow(c.ctx, `SELECT EXISTS (SELECT 1 FROM `+pgx.Identifier{t}.Sanitize()+`)`).Scan(&any)
		if err != nil {
			return fmt.Errorf("doeldatabase controleren: %w", err)
		}
		if any {
			return ErrTargetNotEmpty
		}
	}
	return nil
}

// sqliteTable is what the copy needs of a source table.
type sqliteTable struct {
	withoutRowid bool
}

// sqliteTables returns the source's tables of the team's data (see sqliteOnlyTable).
func (c *sqliteCopy) sqliteTables() (map[string]sqliteTable, error) {
	rows, err := c.src.QueryContext(c.ctx, `SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'table'`)
	if err != nil {
		return nil, fmt.Errorf("tabellen van de SQLite-database lezen: %w", err)
	}
	defer rows.Close()
	out := map[string]sqliteTable{}
	for rows.Next() {
		var name, ddl string
		if err := rows.Scan(&name, &ddl); err != nil {
			return nil, fmt.Errorf("tabellen van de SQLite-database lezen: %w", err)
		}
		if !sqliteOnlyTable(name) {
			out[name] = sqliteTable{withoutRowid: strings.Contains(strings.ToUpper(ddl), "WITHOUT ROWID")}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("tabellen van de SQLite-database lezen: %w", err)
	}
	return out, nil
}

// postgresTablesInOrder returns the target's tables of the team's data, each after the
// tables its foreign keys refer to, otherwise by name.
func (c *sqliteCopy) postgresTablesInOrder() ([]string, error) { return tablesInOrder(c.ctx, c.tx) }

// tablesInOrder returns the tables of the team's data of the database q reads, each
// after the tables its foreign keys refer to, otherwise by name.
func tablesInOrder(ctx context.Context, q querier) ([]string, error) {
	rows, err := q.Query(ctx, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`)
	if err != nil {
		return nil, fmt.Errorf("tabellen van de PostgreSQL-database lezen: %w", err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("tabellen van de PostgreSQL-database lezen: %w", err)
	}
	names = slices.DeleteFunc(names, postgresOnlyTable)
	rows, err = q.Query(ctx, `SELECT ch.relname::text, pa.relname::text FROM pg_constraint k
		JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
		JOIN pg_namespace n ON n.oid = ch.relnamespace
		WHERE k.contype = 'f' AND n.nspname = current_schema()`)
	if err != nil {
		return nil, fmt.Errorf("verwijzingen tussen de tabellen lezen: %w", err)
	}
	parents := map[string][]string{}
	var child, parent string
	_, err = pgx.ForEachRow(rows, []any{&child, &parent}, func() error {
		if child != parent {
			parents[child] = append(parents[child], parent)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("verwijzingen tussen de tabellen lezen: %w", err)
	}
	return parentsFirst(names, parents)
}

// parentsFirst orders names so that every table comes after its parents (the tables
// its foreign keys refer to), by name where the keys leave a choice.
func parentsFirst(names []string, parents map[string][]string) ([]string, error) {
	slices.Sort(names)
	done := map[string]bool{}
	var order []string
	for len(order) < len(names) {
		progressed := false
		for _, n := range names {
			if done[n] || slices.ContainsFunc(parents[n], func(p string) bool { return !done[p] }) {
				continue
			}
			done[n], progressed = true, true
			order = append(order, n)
		}
		if !progressed {
			return nil, fmt.Errorf("%w: de verwijzingen tussen de tabellen vormen een kring", ErrSchemaMismatch)
		}
	}
	return order, nil
}

// sameTables refuses a table on one side only: a migration of one backend without
// the other would otherwise be skipped silently.
func sameTables(src map[string]sqliteTable, dst []string) error {
	var onlySrc, onlyDst []string
	for _, t := range dst {
		if _, ok := src[t]; !ok {
			onlyDst = append(onlyDst, t)
		}
	}
	for t := range src {
		if !slices.Contains(dst, t) {
			onlySrc = append(onlySrc, t)
		}
	}
	slices.Sort(onlySrc)
	var parts []string
	if len(onlySrc) > 0 {
		parts = append(parts, "alleen in SQLite: "+strings.Join(onlySrc, ", "))
	}
	if len(onlyDst) > 0 {
		parts = append(parts, "alleen in PostgreSQL: "+strings.Join(onlyDst, ", "))
	}
	if len(parts) > 0 {
		return fmt.Errorf("%w (tabel %s)", ErrSchemaMismatch, strings.Join(parts, "; "))
	}
	return nil
}

// clear empties the tables opening the target filled (the settings with a new
// installation key, the first seal of the empty log): they are replaced by the
// source's. The tables checkEmpty checked are empty already.
func (c *sqliteCopy) clear(order []string) error {
	for _, t := range slices.Backward(order) {
		if slices.Contains(nonEmptyTables, t) {
			continue
		}
		if _, err := c.tx.Exec(c.ctx, `DELETE FROM `+pgx.Identifier{t}.Sanitize()); err != nil {
			return fmt.Errorf("tabel %s van de doeldatabase leegmaken: %w", t, err)
		}
	}
	return nil
}

// sqliteSequences returns SQLite's AUTOINCREMENT counters by table: the largest id
// ever handed out, also of rows removed since.
func (c *sqliteCopy) sqliteSequences() (map[string]int64, error) {
	out := map[string]int64{}
	var exists int
	err := c.src.QueryRowContext(c.ctx, `SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'`).Scan(&exists)
	if err != nil {
		return nil, fmt.Errorf("tellers van de SQLite-database lezen: %w", err)
	}
	if exists == 0 {
		return out, nil
	}
	rows, err := c.src.QueryContext(c.ctx, `SELECT name, seq FROM sqlite_sequence`)
	if err != nil {
		return nil, fmt.Errorf("tellers van de SQLite-database lezen: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		var seq int64
		if err := rows.Scan(&name, &seq); err != nil {
			return nil, fmt.Errorf("tellers van de SQLite-database lezen: %w", err)
		}
		out[name] = seq
	}
	return out, rows.Err()
}
