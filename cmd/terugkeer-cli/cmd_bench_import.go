package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/demo"
	"github.com/terugkeer/terugkeer/importers"
)

// benchPragmas are the connection settings of storage (files.go), so that the
// plain-insert ceiling runs with the same durability and the same secure_delete.
const benchPragmas = "_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)" +
	"&_pragma=secure_delete(ON)&_pragma=temp_store(MEMORY)&_txlock=immediate"

var errEnough = errors.New("genoeg berichten")

// importRate imports generated message files into a copy of the database, each message
// in its own durable transaction (the path of `terugkeer-cli import`), and then inserts
// exactly the rows that import wrote into another copy in one plain transaction: the
// ceiling SQLite sets for the same rows, measured in the same run.
func (b *bench) importRate(ctx context.Context) error {
	files, err := b.writeMessages(ctx, b.berichten)
	if err != nil {
		return err
	}
	after := filepath.Join(b.dir, "import.db")
	if err := copyFile(after, b.base); err != nil {
		return fmt.Errorf("database kopiëren: %w", err)
	}
	b.progress("import van %d berichtbestanden, elk bericht een eigen transactie", len(files))
	db, svc, err := b.openService(after)
	if err != nil {
		return err
	}
	start := time.Now()
	for _, f := range files {
		raw, err := importers.ReadFile(f)
		if err != nil {
			db.Close()
			return err
		}
		rs, err := svc.ImportBytes(ctx, f, "", raw)
		if err != nil {
			db.Close()
			return err
		}
		if len(rs) != 1 || rs[0].Resultaat != app.Geimporteerd {
			db.Close()
			return errors.New("een benchmarkbericht is niet geïmporteerd; de meting is afgebroken")
		}
	}
	importTime := time.Since(start)
	if err := db.Close(); err != nil {
		return err
	}
	b.progress("plafond: dezelfde rijen in één transactie")
	tables, err := newRows(ctx, after, b.base)
	if err != nil {
		return err
	}
	ceilTime, nrows, err := insertRows(ctx, b.base, tables)
	if err != nil {
		return err
	}
	rate := float64(len(files)) / importTime.Seconds()
	ceil := float64(len(files)) / ceilTime.Seconds()
	verdict := "gehaald"
	if rate < 2000 {
		verdict = "NIET gehaald"
	}
	b.rows = append(b.rows,
		benchRow{"import uit bestanden (parse, validatie, 1 duurzame transactie per bericht)",
			fmt.Sprintf("%.0f berichten/s", rate), ">= 2000 berichten/s", verdict,
			fmt.Sprintf("%d berichten in %.2f s", len(files), importTime.Seconds())},
		benchRow{"plafond: dezelfde rijen als kale INSERTs in 1 transactie",
			fmt.Sprintf("%.0f berichten/s", ceil), "referentie", "",
			fmt.Sprintf("%d rijen in %s; import = %.1f%% van het plafond (1 : %.0f)", nrows, ms(ceilTime), 100*rate/ceil, ceil/rate)})
	return nil
}

// writeMessages generates count messages of new persons (SKN only, a range of their
// own) and writes them as files, as they would arrive from DJI.
func (b *bench) writeMessages(ctx context.Context, count int) ([]string, error) {
	dir := filepath.Join(b.dir, "berichten")
	if err := os.Mkdir(dir, 0o700); err != nil {
		return nil, err
	}
	o := demo.Options{Personen: count, Seed: 4242, Nu: app.DateOf(b.now), Gemeente: b.gemeente,
		Prefix: fmt.Sprintf("BENCH%d", b.now.Unix()), SKNBasis: 97_000_000, GeenBSN: true}
	var files []string
	err := demo.Generate(ctx, o, func(m demo.Bericht) error {
		if len(files) == count {
			return errEnough
		}
		f := filepath.Join(dir, fmt.Sprintf("%06d.xml", len(files)))
		files = append(files, f)
		return os.WriteFile(f, m.Data, 0o600)
	})
	if err != nil && !errors.Is(err, errEnough) {
		return nil, err
	}
	return files, nil
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
	db, err := sql.Open("sqlite", "file:"+after+"?mode=ro")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, `ATTACH DATABASE '`+strings.ReplaceAll(before, "'", "''")+`' AS b`); err != nil {
		return nil, err
	}
	names, err := tableNames(ctx, db)
	if err != nil {
		return nil, err
	}
	var out []tableRows
	for _, t := range names {
		rows, err := db.QueryContext(ctx, `SELECT * FROM main."`+t+`" EXCEPT SELECT * FROM b."`+t+`"`)
		if err != nil {
			return nil, err
		}
		cols, _ := rows.Columns()
		tr := tableRows{name: t, cols: len(cols)}
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return nil, err
			}
			tr.rows = append(tr.rows, vals)
		}
		rows.Close()
		if len(tr.rows) > 0 {
			out = append(out, tr)
		}
	}
	return out, nil
}

func tableNames(ctx context.Context, db *sql.DB) ([]string, error) {
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
	db, err := sql.Open("sqlite", "file:"+path+"?"+benchPragmas)
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

// purge sends revocations of one domain for persons whose consent for it holds, each
// through the import path (one transaction, the purge, and the WAL checkpoint that
// makes it irreversible), on the copy that the import measurement used.
func (b *bench) purge(ctx context.Context) error {
	path := filepath.Join(b.dir, "import.db")
	subjects, doms, err := consentedSubjects(ctx, path, min(b.runs, 50)+2)
	if err != nil {
		return err
	}
	if len(subjects) < 3 {
		b.rows = append(b.rows, benchRow{"intrekking: purge van één domein + checkpoint", "niet gemeten", "< 50 ms", "", "te weinig personen met toestemming"})
		return nil
	}
	b.progress("purge van één domein bij %d personen", len(subjects)-2)
	db, svc, err := b.openService(path)
	if err != nil {
		return err
	}
	defer db.Close()
	on := app.DateOf(b.now)
	ds, err := timings(len(subjects)-2, func(i int) error {
		raw := demo.Intrekking(b.gemeente, fmt.Sprintf("BENCH-PURGE-%d-%d", b.now.UnixNano(), i), subjects[i], on, doms[i])
		rs, err := svc.ImportBytes(ctx, "bench", "", raw)
		if err == nil && (len(rs) != 1 || rs[0].Resultaat != app.Geimporteerd) {
			err = fmt.Errorf("een benchmarkintrekking is niet geïmporteerd (%s %s); de meting is afgebroken", rs[0].Resultaat, rs[0].Reden)
		}
		return err
	})
	if err != nil {
		return err
	}
	b.timed("intrekking: purge van één domein + checkpoint", ds, 50*time.Millisecond, "")
	return nil
}

// consentedSubjects returns up to n persons with stored topics, and a domain of each.
func consentedSubjects(ctx context.Context, path string, n int) ([]app.Subject, []app.Domain, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
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
