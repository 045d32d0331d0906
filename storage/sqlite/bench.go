package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// benchPrefix starts the name of a bench folder beside the database; the process id
// follows, so that a leftover of a killed run can be told from a running one.
const benchPrefix = ".terugkeer-bench-"

// Bench implements app.BenchBackend for SQLite: a VACUUM INTO snapshot of the database
// in a folder (0700) beside it, and file copies of that snapshot (0600), all removed by
// Close.
type Bench struct {
	dir  string
	base string
	keep bool
}

var _ app.BenchBackend = (*Bench)(nil)

// NewBench takes a consistent snapshot of the database at dbPath (read only on the
// original) into a new folder beside it. With keep, Close leaves the folder. Leftovers
// of killed runs beside the same database are removed first (RemoveBenchLeftovers).
func NewBench(ctx context.Context, dbPath string, keep bool) (*Bench, error) {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return nil, fmt.Errorf("database kopiëren: %w", err)
	}
	if err := RemoveBenchLeftovers(abs); err != nil {
		return nil, err
	}
	dir := filepath.Join(filepath.Dir(abs), benchPrefix+strconv.Itoa(os.Getpid()))
	if err := os.Mkdir(dir, dirMode); err != nil {
		return nil, fmt.Errorf("werkmap maken: %w", err)
	}
	b := &Bench{dir: dir, base: filepath.Join(dir, "basis.db"), keep: keep}
	if err := b.snapshot(ctx, abs); err != nil {
		b.Close()
		return nil, err
	}
	return b, nil
}

// RemoveBenchLeftovers removes the bench folders beside the database at dbPath whose
// process no longer runs (a bench run that was killed).
func RemoveBenchLeftovers(dbPath string) error {
	entries, err := os.ReadDir(filepath.Dir(dbPath))
	if err != nil {
		return nil // no folder: nothing left over
	}
	for _, e := range entries {
		pid, ok := strings.CutPrefix(e.Name(), benchPrefix)
		n, err := strconv.Atoi(pid)
		if !ok || !e.IsDir() || err != nil || app.ProcessRuns(n) {
			continue
		}
		if err := os.RemoveAll(filepath.Join(filepath.Dir(dbPath), e.Name())); err != nil {
			return fmt.Errorf("achtergebleven benchmarkkopie verwijderen: %w", err)
		}
	}
	return nil
}

// Dir is the bench folder.
func (b *Bench) Dir() string { return b.dir }

// Close removes the folder unless the run asked to keep it.
func (b *Bench) Close() error {
	if b.keep {
		return nil
	}
	return os.RemoveAll(b.dir)
}

func (b *Bench) snapshot(ctx context.Context, src string) error {
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(src)+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return fmt.Errorf("database kopiëren: %w", err)
	}
	defer db.Close()
	// VACUUM INTO accepts an empty file: created 0600 first, the copy is never readable
	// by others, not even while it is being written.
	f, err := os.OpenFile(b.base, os.O_CREATE|os.O_EXCL|os.O_WRONLY, fileMode)
	if err != nil {
		return fmt.Errorf("database kopiëren: %w", err)
	}
	f.Close()
	if _, err := db.ExecContext(ctx, `VACUUM INTO '`+strings.ReplaceAll(b.base, "'", "''")+`'`); err != nil {
		return fmt.Errorf("database kopiëren: %w", err)
	}
	return os.Chmod(b.base, fileMode)
}

func (b *Bench) path(name string) string {
	if name == "" {
		return b.base
	}
	return filepath.Join(b.dir, name+".db")
}

// Open opens copy name, copying the snapshot into it first when it does not exist, with
// the desktop app's page cache (WarmCache): bench measures the app's queries.
func (b *Bench) Open(ctx context.Context, name string) (app.Store, error) {
	p := b.path(name)
	if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
		if err := copyFile(b.base, p); err != nil {
			return nil, fmt.Errorf("database kopiëren: %w", err)
		}
	}
	return Open(p, WarmCache())
}

func (b *Bench) readOnly(name string) (*sql.DB, error) {
	return sql.Open("sqlite", "file:"+filepath.ToSlash(b.path(name))+"?mode=ro")
}

// Persons counts the persons of the snapshot.
func (b *Bench) Persons(ctx context.Context) (int, error) {
	db, err := b.readOnly("")
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var n int
	return n, db.QueryRowContext(ctx, `SELECT count(*) FROM persons`).Scan(&n)
}

// SamplePersons returns up to n person ids spread over the table, and BSNs.
func (b *Bench) SamplePersons(ctx context.Context, n int) ([]int64, []string, error) {
	db, err := b.readOnly("")
	if err != nil {
		return nil, nil, err
	}
	defer db.Close()
	var ids []int64
	rows, err := db.QueryContext(ctx, `SELECT id FROM persons WHERE id % (1 + (SELECT count(*) FROM persons) / ?) = 0 LIMIT ?`, n, n)
	if err != nil {
		return nil, nil, err
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	var bsns []string
	rows, err = db.QueryContext(ctx, `SELECT bsn FROM persons WHERE bsn IS NOT NULL ORDER BY id LIMIT ?`, n)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, nil, err
		}
		bsns = append(bsns, s)
	}
	return ids, bsns, rows.Err()
}

// ConsentedSubjects returns up to n persons with stored topics, and a domain of each.
func (b *Bench) ConsentedSubjects(ctx context.Context, name string, n int) ([]app.Subject, []app.Domain, error) {
	db, err := b.readOnly(name)
	if err != nil {
		return nil, nil, err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT coalesce(p.bsn, ''), coalesce(p.skn, ''), p.voornamen,
		p.voorvoegsel, p.achternaam, p.geboortedatum, (SELECT t.domain FROM topics t WHERE t.person_id = p.id LIMIT 1)
		FROM persons p WHERE EXISTS (SELECT 1 FROM topics t WHERE t.person_id = p.id)
		AND p.id % 97 = 0 ORDER BY p.id LIMIT ?`, n)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var subjects []app.Subject
	var doms []app.Domain
	for rows.Next() {
		var s app.Subject
		var geboren, dom string
		if err := rows.Scan(&s.BSN, &s.SKN, &s.Voornamen, &s.Voorvoegsel, &s.Achternaam, &geboren, &dom); err != nil {
			return nil, nil, err
		}
		if s.Geboortedatum, err = app.ParseDate(geboren); err != nil {
			return nil, nil, err
		}
		subjects, doms = append(subjects, s), append(doms, app.Domain(dom))
	}
	return subjects, doms, rows.Err()
}

// Ceiling finds exactly the rows that copy name wrote (SELECT * EXCEPT SELECT *
// against the snapshot) and inserts them into the snapshot with prepared statements
// in one transaction, with the application's connection settings: the triggers and
// indexes of the schema fire as they do on import.
func (b *Bench) Ceiling(ctx context.Context, name string) (time.Duration, int, error) {
	tables, err := newRows(ctx, b.path(name), b.base)
	if err != nil {
		return 0, 0, err
	}
	return insertRows(ctx, b.base, tables)
}

// tableRows are rows of one table, in column order.
type tableRows struct {
	name string
	cols int
	rows [][]any
}

// newRows returns the rows of after that before lacks, table by table in creation
// order (parents before children).
func newRows(ctx context.Context, after, before string) ([]tableRows, error) {
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(after)+"?mode=ro")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, `ATTACH DATABASE '`+strings.ReplaceAll(before, "'", "''")+`' AS b`); err != nil {
		return nil, err
	}
	names, err := benchTableNames(ctx, db)
	if err != nil {
		return nil, err
	}
	var out []tableRows
	for _, t := range names {
		tr, err := exceptRows(ctx, db, t)
		if err != nil {
			return nil, err
		}
		if len(tr.rows) > 0 {
			out = append(out, tr)
		}
	}
	return out, nil
}

func exceptRows(ctx context.Context, db *sql.DB, t string) (tableRows, error) {
	rows, err := db.QueryContext(ctx, `SELECT * FROM main."`+t+`" EXCEPT SELECT * FROM b."`+t+`"`)
	if err != nil {
		return tableRows{}, err
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	tr := tableRows{name: t, cols: len(cols)}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return tableRows{}, err
		}
		tr.rows = append(tr.rows, vals)
	}
	return tr, rows.Err()
}

func benchTableNames(ctx context.Context, db *sql.DB) ([]string, error) {
	// Virtual tables and their shadow tables (persons_zoek_*) are left out: the triggers
	// on the real tables fill them during the insert, as they do during an import.
	rows, err := db.QueryContext(ctx, `SELECT t.name FROM main.sqlite_master t WHERE t.type = 'table'
		AND t.name NOT LIKE 'sqlite_%' AND t.sql NOT LIKE 'CREATE VIRTUAL%'
		AND NOT EXISTS (SELECT 1 FROM main.sqlite_master v WHERE v.type = 'table'
			AND v.sql LIKE 'CREATE VIRTUAL%' AND substr(t.name, 1, length(v.name) + 1) = v.name || '_')
		ORDER BY t.rowid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// insertRows inserts the rows into path in one transaction with prepared statements
// and returns how long that took, commit included.
func insertRows(ctx context.Context, path string, tables []tableRows) (time.Duration, int, error) {
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return 0, 0, err
	}
	defer db.Close()
	if err := db.PingContext(ctx); err != nil {
		return 0, 0, err
	}
	n := 0
	start := time.Now()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, 0, err
	}
	defer tx.Rollback() //nolint:errcheck // after Commit there is nothing to undo
	for _, t := range tables {
		stmt, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO "`+t.name+`" VALUES (`+
			strings.TrimSuffix(strings.Repeat("?, ", t.cols), ", ")+`)`)
		if err != nil {
			return 0, 0, err
		}
		for _, r := range t.rows {
			if _, err := stmt.ExecContext(ctx, r...); err != nil {
				stmt.Close()
				return 0, 0, fmt.Errorf("plafondmeting, tabel %s: %w", t.name, err)
			}
			n++
		}
		stmt.Close()
	}
	if err := tx.Commit(); err != nil {
		return 0, 0, err
	}
	return time.Since(start), n, nil
}
