package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/terugkeer/terugkeer/app"
)

// ErrBenchNoCreateDB: the role may not create databases, which bench needs for its copies.
var ErrBenchNoCreateDB = errors.New("bench maakt op PostgreSQL zijn kopieën als nieuwe databases op dezelfde server, " +
	"en daarvoor mist deze gebruiker het recht CREATEDB; vraag de beheerder van de server om dat recht " +
	"(ALTER ROLE … CREATEDB) of meet met een andere gebruiker")

// Bench databases are called tk_bench_<pid>_<random>_<name>: the run's token (process id
// and four random hex digits, so that two computers with the same process id do not
// collide) and the copy's name. A running bench holds a session on the user's database
// whose application_name is benchApp plus its token: a bench database whose token no
// session carries belongs to a run that was killed, on whichever computer.
const (
	benchDBPrefix = "tk_bench_"
	benchApp      = "terugkeer-bench "
	benchSnapshot = "basis"
	benchDirGlob  = "terugkeer-bench-"
)

var benchDBName = regexp.MustCompile(`^tk_bench_([0-9]+_[0-9a-f]{4})_[a-z0-9_]+$`)

// Bench implements app.BenchBackend for PostgreSQL. The snapshot is a new database on
// the same server with the rows of the user's database, read in one REPEATABLE READ
// transaction (as SQLite's VACUUM INTO); the copies are CREATE DATABASE … TEMPLATE of
// the snapshot. The user's database itself is never a template: CREATE DATABASE …
// TEMPLATE refuses a source that any other session is connected to (the Terugkeer-app
// of every colleague is), keeps new sessions out while it copies, and needs the owner of
// the source or a superuser; the logical copy needs SELECT only and holds up nobody.
// Close drops every database the run made; a private temporary folder (0700) holds the
// caller's files (generated demo messages, no personal data).
type Bench struct {
	uri      string // the user's database
	opts     Options
	guard    *pgx.Conn // on the user's database, application_name benchApp+token, for the whole run
	guardCfg *pgx.ConnConfig
	token    string
	dir      string
	keep     bool
	made     []string          // databases made, in order
	startXID map[string]uint32 // per copy: the first transaction id that may write it
}

var _ app.BenchBackend = (*Bench)(nil)

// NewBench connects to the database at uri, removes the bench databases of killed runs
// (those of its role only: DROP DATABASE needs the owner), and makes the snapshot. It
// needs CREATEDB (ErrBenchNoCreateDB). With keep, Close leaves the databases and the
// folder; the next bench run removes them.
func NewBench(ctx context.Context, uri string, keep bool, opts Options) (*Bench, error) {
	pc, err := config(uri, opts)
	if err != nil {
		return nil, err
	}
	var rnd [2]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return nil, fmt.Errorf("benchmark voorbereiden: %w", err)
	}
	b := &Bench{uri: uri, opts: opts, keep: keep, startXID: map[string]uint32{},
		token: strconv.Itoa(os.Getpid()) + "_" + hex.EncodeToString(rnd[:])}
	gc := pc.ConnConfig.Copy()
	gc.RuntimeParams["application_name"] = benchApp + b.token
	b.guardCfg = gc
	if b.guard, err = pgx.ConnectConfig(ctx, gc); err != nil {
		return nil, connectError(gc.Host, gc.Port, err)
	}
	var may bool
	err = b.guard.QueryRow(ctx, `SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user`).Scan(&may)
	if err != nil {
		b.guard.Close(context.WithoutCancel(ctx))
		return nil, fmt.Errorf("rechten van de gebruiker lezen: %w", err)
	}
	if !may {
		b.guard.Close(context.WithoutCancel(ctx))
		return nil, ErrBenchNoCreateDB
	}
	if err := b.removeLeftovers(ctx); err != nil {
		b.guard.Close(context.WithoutCancel(ctx))
		return nil, err
	}
	removeDirLeftovers()
	if b.dir, err = os.MkdirTemp("", benchDirGlob+strconv.Itoa(os.Getpid())+"-"); err != nil {
		b.guard.Close(context.WithoutCancel(ctx))
		return nil, fmt.Errorf("werkmap maken: %w", err)
	}
	if err := b.snapshot(ctx); err != nil {
		b.keep = false
		return nil, errors.Join(err, b.Close())
	}
	return b, nil
}

// removeLeftovers drops the bench databases of this role whose run holds no session.
func (b *Bench) removeLeftovers(ctx context.Context) error {
	rows, err := b.guard.Query(ctx, `SELECT d.datname::text FROM pg_database d
		WHERE d.datname LIKE 'tk\_bench\_%' AND pg_has_role(d.datdba, 'MEMBER')`)
	if err != nil {
		return fmt.Errorf("achtergebleven benchmarkkopieën zoeken: %w", err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return fmt.Errorf("achtergebleven benchmarkkopieën zoeken: %w", err)
	}
	for _, name := range names {
		m := benchDBName.FindStringSubmatch(name)
		if m == nil {
			continue
		}
		var running bool
		err := b.guard.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = $1)`,
			benchApp+m[1]).Scan(&running)
		if err != nil {
			return fmt.Errorf("achtergebleven benchmarkkopieën zoeken: %w", err)
		}
		if running {
			continue
		}
		if _, err := b.guard.Exec(ctx, `DROP DATABASE IF EXISTS `+pgx.Identifier{name}.Sanitize()+` WITH (FORCE)`); err != nil {
			return fmt.Errorf("achtergebleven benchmarkkopie verwijderen: %w", err)
		}
	}
	return nil
}

// removeDirLeftovers removes the temporary folders of killed runs on this computer
// (their process no longer runs).
func removeDirLeftovers() {
	entries, _ := os.ReadDir(os.TempDir())
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), benchDirGlob)
		pid, _, _ := strings.Cut(rest, "-")
		n, err := strconv.Atoi(pid)
		if !ok || !e.IsDir() || err != nil || app.ProcessRuns(n) {
			continue
		}
		_ = os.RemoveAll(filepath.Join(os.TempDir(), e.Name()))
	}
}

// dbName is the database of copy name ("" is the snapshot).
func (b *Bench) dbName(name string) string {
	if name == "" {
		name = benchSnapshot
	}
	clean := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, strings.ToLower(name))
	return benchDBPrefix + b.token + "_" + clean
}

// copyURI is the user's URI with the database replaced by copy name's.
func (b *Bench) copyURI(name string) (string, error) { return uriWithDatabase(b.uri, b.dbName(name)) }

// openCopy opens copy name as the application opens a database (Open: its connection
// rules and settings).
func (b *Bench) openCopy(ctx context.Context, name string) (*DB, error) {
	uri, err := b.copyURI(name)
	if err != nil {
		return nil, err
	}
	return Open(ctx, uri, b.opts)
}

// Dir is the run's temporary folder.
func (b *Bench) Dir() string { return b.dir }

// Databases are the databases the run made, for the caller to name when it keeps them.
func (b *Bench) Databases() []string { return slices.Clone(b.made) }

// Close drops the databases the run made and removes its folder, unless it was asked to
// keep them; then ends the run's session on the user's database.
func (b *Bench) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var errs []error
	if !b.keep && len(b.made) > 0 && b.guard.IsClosed() {
		// An interrupted statement (Ctrl-C) closes its connection: drop with a new one.
		if c, err := pgx.ConnectConfig(ctx, b.guardCfg); err == nil {
			b.guard = c
		}
	}
	if !b.keep {
		for _, name := range slices.Backward(b.made) {
			if _, err := b.guard.Exec(ctx, `DROP DATABASE IF EXISTS `+pgx.Identifier{name}.Sanitize()+` WITH (FORCE)`); err != nil {
				errs = append(errs, fmt.Errorf("benchmarkkopie verwijderen: %w", err))
			}
		}
		b.made = nil
		if b.dir != "" {
			errs = append(errs, os.RemoveAll(b.dir))
		}
	}
	errs = append(errs, b.guard.Close(ctx))
	return errors.Join(errs...)
}

// create makes database name, empty (template0, with the user's database's encoding
// and locale) or from template.
func (b *Bench) create(ctx context.Context, name, template string) error {
	db := b.dbName(name)
	q := `CREATE DATABASE ` + pgx.Identifier{db}.Sanitize()
	if template != "" {
		q += ` TEMPLATE ` + pgx.Identifier{template}.Sanitize()
	} else {
		var enc, collate, ctype string
		err := b.guard.QueryRow(ctx, `SELECT pg_encoding_to_char(encoding)::text, datcollate::text, datctype::text
			FROM pg_database WHERE datname = current_database()`).Scan(&enc, &collate, &ctype)
		if err != nil {
			return fmt.Errorf("database kopiëren: %w", err)
		}
		q += ` TEMPLATE template0 ENCODING ` + literal(enc) + ` LC_COLLATE ` + literal(collate) + ` LC_CTYPE ` + literal(ctype)
	}
	if _, err := b.guard.Exec(ctx, q); err != nil {
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) && pgErr.Code == "42501" {
			return ErrBenchNoCreateDB
		}
		return fmt.Errorf("database kopiëren: %w", err)
	}
	b.made = append(b.made, db)
	var next string
	if err := b.guard.QueryRow(ctx, `SELECT pg_snapshot_xmax(pg_current_snapshot())::text`).Scan(&next); err != nil {
		return fmt.Errorf("database kopiëren: %w", err)
	}
	n, err := strconv.ParseUint(next, 10, 64)
	if err != nil {
		return fmt.Errorf("database kopiëren: %w", err)
	}
	b.startXID[name] = uint32(n) // a 32-bit xid, as xmin is
	return nil
}

func literal(s string) string { return `'` + strings.ReplaceAll(s, `'`, `''`) + `'` }

// snapshot makes the snapshot database: the schema by Open's migrations, then every
// table's rows streamed from the user's database (COPY … TO STDOUT in one read-only
// REPEATABLE READ transaction, COPY … FROM STDIN in one transaction on the snapshot,
// its own triggers off: the derived columns arrive as they are), the identity sequences
// set past the ids, and VACUUM ANALYZE, so that the planner's statistics and the
// visibility map are those of a database in use.
func (b *Bench) snapshot(ctx context.Context) error {
	if err := b.create(ctx, "", ""); err != nil {
		return err
	}
	db, err := b.openCopy(ctx, "")
	if err != nil {
		return err
	}
	defer db.Close()
	src, err := b.guard.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return fmt.Errorf("database lezen: %w", err)
	}
	defer src.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // only read
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("database kopiëren: %w", err)
	}
	defer conn.Release()
	dst, err := conn.Begin(ctx)
	if err != nil {
		return fmt.Errorf("database kopiëren: %w", err)
	}
	defer dst.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // after Commit a no-op
	order, err := tablesInOrder(ctx, dst)
	if err != nil {
		return err
	}
	srcOrder, err := tablesInOrder(ctx, src)
	if err != nil {
		return err
	}
	if !slices.Equal(slices.Sorted(slices.Values(order)), slices.Sorted(slices.Values(srcOrder))) {
		return fmt.Errorf("%w (de tabellen verschillen)", ErrSchemaMismatch)
	}
	quoted := mapSlice(order, func(t string) string { return pgx.Identifier{t}.Sanitize() })
	if _, err := dst.Exec(ctx, `TRUNCATE `+strings.Join(quoted, ", ")); err != nil {
		return fmt.Errorf("database kopiëren: %w", err)
	}
	for _, t := range quoted {
		if _, err := dst.Exec(ctx, `ALTER TABLE `+t+` DISABLE TRIGGER USER`); err != nil {
			return fmt.Errorf("database kopiëren: %w", err)
		}
	}
	seqs := map[string]int64{}
	for _, t := range order {
		if err := copyTable(ctx, src, dst, t); err != nil {
			return err
		}
		cols, err := writableColumns(ctx, dst, t)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(cols, func(c pgColumn) bool { return c.name == "id" && c.identity }) {
			continue
		}
		// The source's counter, so that the copy hands out no id of a removed row either
		// (without the right to read it, the largest id copied).
		var last *int64
		err = src.QueryRow(ctx, `SELECT CASE WHEN has_sequence_privilege(s, 'SELECT,USAGE')
			THEN pg_sequence_last_value(s) END FROM (SELECT pg_get_serial_sequence($1, 'id')::regclass AS s) x`,
			pgx.Identifier{t}.Sanitize()).Scan(&last)
		if err != nil {
			return fmt.Errorf("teller van %s lezen: %w", t, err)
		}
		if last != nil {
			seqs[t] = *last
		}
	}
	if err := setIdentities(ctx, dst, order, seqs); err != nil {
		return err
	}
	for _, t := range quoted {
		if _, err := dst.Exec(ctx, `ALTER TABLE `+t+` ENABLE TRIGGER USER`); err != nil {
			return fmt.Errorf("database kopiëren: %w", err)
		}
	}
	if err := dst.Commit(ctx); err != nil {
		return fmt.Errorf("kopie opslaan: %w", err)
	}
	if _, err := conn.Exec(ctx, `VACUUM ANALYZE`); err != nil {
		return fmt.Errorf("kopie opslaan: %w", err)
	}
	return nil
}

// copyTable streams the rows of table t from src into dst in PostgreSQL's binary COPY
// format: the same schema on both sides, so no value is converted on the way.
func copyTable(ctx context.Context, src, dst pgx.Tx, t string) error {
	dstCols, err := writableColumns(ctx, dst, t)
	if err != nil {
		return err
	}
	srcCols, err := writableColumns(ctx, src, t)
	if err != nil {
		return err
	}
	if !slices.Equal(dstCols, srcCols) {
		return fmt.Errorf("%w (tabel %s)", ErrSchemaMismatch, t)
	}
	cols := strings.Join(mapSlice(dstCols, func(c pgColumn) string { return pgx.Identifier{c.name}.Sanitize() }), ", ")
	table := pgx.Identifier{t}.Sanitize()
	pr, pw := io.Pipe()
	read := make(chan error, 1)
	go func() {
		_, err := src.Conn().PgConn().CopyTo(ctx, pw, `COPY `+table+` (`+cols+`) TO STDOUT (FORMAT binary)`)
		pw.CloseWithError(err)
		read <- err
	}()
	_, err = dst.Conn().PgConn().CopyFrom(ctx, pr, `COPY `+table+` (`+cols+`) FROM STDIN (FORMAT binary)`)
	pr.CloseWithError(errors.New("kopie afgebroken"))
	if rerr := <-read; rerr != nil && err == nil {
		return fmt.Errorf("tabel %s lezen: %w", t, rerr)
	}
	if err != nil {
		return fmt.Errorf("tabel %s kopiëren: %w", t, err)
	}
	return nil
}

// ensure makes copy name from the snapshot when the run has not made it yet. CREATE
// DATABASE … TEMPLATE needs the snapshot without sessions: the caller has closed its
// Store of the snapshot by then (bench measures on the snapshot first).
func (b *Bench) ensure(ctx context.Context, name string) error {
	if name == "" || slices.Contains(b.made, b.dbName(name)) {
		return nil
	}
	return b.create(ctx, name, b.dbName(""))
}

// Open opens copy name ("" is the snapshot), making it first when needed.
func (b *Bench) Open(ctx context.Context, name string) (app.Store, error) {
	if err := b.ensure(ctx, name); err != nil {
		return nil, err
	}
	return b.openCopy(ctx, name)
}

// conn connects to copy name for the backend's own reads.
func (b *Bench) conn(ctx context.Context, name string) (*pgx.Conn, error) {
	if err := b.ensure(ctx, name); err != nil {
		return nil, err
	}
	uri, err := b.copyURI(name)
	if err != nil {
		return nil, err
	}
	pc, err := config(uri, b.opts)
	if err != nil {
		return nil, err
	}
	c, err := pgx.ConnectConfig(ctx, pc.ConnConfig)
	if err != nil {
		return nil, connectError(pc.ConnConfig.Host, pc.ConnConfig.Port, err)
	}
	return c, nil
}

// Persons counts the persons of the snapshot.
func (b *Bench) Persons(ctx context.Context) (int, error) {
	c, err := b.conn(ctx, "")
	if err != nil {
		return 0, err
	}
	defer c.Close(context.WithoutCancel(ctx))
	var n int
	return n, c.QueryRow(ctx, `SELECT count(*) FROM persons`).Scan(&n)
}

// SamplePersons returns up to n person ids spread over the table, and BSNs.
func (b *Bench) SamplePersons(ctx context.Context, n int) ([]int64, []string, error) {
	c, err := b.conn(ctx, "")
	if err != nil {
		return nil, nil, err
	}
	defer c.Close(context.WithoutCancel(ctx))
	rows, err := c.Query(ctx, `SELECT id FROM persons WHERE id % (1 + (SELECT count(*) FROM persons) / $1) = 0
		ORDER BY id LIMIT $1`, n)
	if err != nil {
		return nil, nil, err
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, nil, err
	}
	rows, err = c.Query(ctx, `SELECT bsn FROM persons WHERE bsn IS NOT NULL ORDER BY id LIMIT $1`, n)
	if err != nil {
		return nil, nil, err
	}
	bsns, err := pgx.CollectRows(rows, pgx.RowTo[string])
	return ids, bsns, err
}

// ConsentedSubjects returns up to n persons of copy name with stored topics, and a
// domain of each.
func (b *Bench) ConsentedSubjects(ctx context.Context, name string, n int) ([]app.Subject, []app.Domain, error) {
	c, err := b.conn(ctx, name)
	if err != nil {
		return nil, nil, err
	}
	defer c.Close(context.WithoutCancel(ctx))
	rows, err := c.Query(ctx, `SELECT coalesce(p.bsn, ''), coalesce(p.skn, ''), p.voornamen,
		p.voorvoegsel, p.achternaam, coalesce(p.geboortedatum, ''),
		(SELECT t.domain FROM topics t WHERE t.person_id = p.id ORDER BY t.volgorde LIMIT 1)
		FROM persons p WHERE EXISTS (SELECT 1 FROM topics t WHERE t.person_id = p.id)
		AND p.id % 97 = 0 ORDER BY p.id LIMIT $1`, n)
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
		if geboren != "" {
			if s.Geboortedatum, err = app.ParseDate(geboren); err != nil {
				return nil, nil, err
			}
		}
		subjects, doms = append(subjects, s), append(doms, app.Domain(dom))
	}
	return subjects, doms, rows.Err()
}

// Ceiling reads the rows that copy name wrote since it was made from the snapshot (a
// TEMPLATE copy keeps the row versions and their xmin; every version whose xmin is
// at or after the first transaction id after CREATE DATABASE was written in the copy:
// new rows and new versions of changed ones, what SQLite's EXCEPT finds) and inserts
// them into the snapshot in one transaction under the write lock, with the application's
// connection settings, one INSERT per row (a changed row replaces its old version by
// its primary key, as SQLite's INSERT OR REPLACE): the triggers and indexes fire as on
// import. It returns the time from BEGIN to COMMIT inclusive.
func (b *Bench) Ceiling(ctx context.Context, name string) (time.Duration, int, error) {
	start, ok := b.startXID[name]
	if name == "" || !ok {
		return 0, 0, fmt.Errorf("plafondmeting: kopie %q bestaat niet", name)
	}
	tables, err := b.writtenRows(ctx, name, start)
	if err != nil {
		return 0, 0, err
	}
	db, err := b.openCopy(ctx, "")
	if err != nil {
		return 0, 0, err
	}
	defer db.Close()
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return 0, 0, err
	}
	defer conn.Release()
	n := 0
	begin := time.Now()
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.ReadCommitted})
	if err != nil {
		return 0, 0, err
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // after Commit a no-op
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, writeLockKey); err != nil {
		return 0, 0, err
	}
	for _, t := range tables {
		for _, r := range t.rows {
			if _, err := tx.Exec(ctx, t.insert, r...); err != nil {
				return 0, 0, fmt.Errorf("plafondmeting, tabel %s: %w", t.name, err)
			}
			n++
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return 0, 0, err
	}
	return time.Since(begin), n, nil
}

// writtenTable holds the rows of one table that a copy wrote, and the INSERT for them.
type writtenTable struct {
	name   string
	insert string
	rows   [][]any
}

// writtenRows reads, table by table with parents first, the row versions of copy name
// whose xmin is start or later (modulo 2^32, as transaction ids wrap).
func (b *Bench) writtenRows(ctx context.Context, name string, start uint32) ([]writtenTable, error) {
	c, err := b.conn(ctx, name)
	if err != nil {
		return nil, err
	}
	defer c.Close(context.WithoutCancel(ctx))
	order, err := tablesInOrder(ctx, c)
	if err != nil {
		return nil, err
	}
	var out []writtenTable
	for _, t := range order {
		if t == "wijzigingen" {
			continue // the change counter (migration 0005): one row updated per commit, no data
		}
		cols, err := writableColumns(ctx, c, t)
		if err != nil {
			return nil, err
		}
		rows, err := c.Query(ctx, `SELECT a.attname::text FROM pg_index i
			JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
			WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY a.attnum`, pgx.Identifier{t}.Sanitize())
		if err != nil {
			return nil, err
		}
		pk, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return nil, err
		}
		names := mapSlice(cols, func(c pgColumn) string { return pgx.Identifier{c.name}.Sanitize() })
		rows, err = c.Query(ctx, `SELECT `+strings.Join(names, ", ")+` FROM `+pgx.Identifier{t}.Sanitize()+
			` WHERE (xmin::text::bigint - $1::bigint + 4294967296) % 4294967296 < 2147483648`, int64(start))
		if err != nil {
			return nil, err
		}
		vals, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) ([]any, error) { return r.Values() })
		if err != nil {
			return nil, err
		}
		if len(vals) > 0 {
			out = append(out, writtenTable{name: t, insert: insertSQL(t, cols, pk), rows: vals})
		}
	}
	return out, nil
}

// insertSQL is the INSERT of one row of t (the values of an identity column as written,
// OVERRIDING SYSTEM VALUE); a row whose primary key exists replaces its other columns
// but the identities (an identity GENERATED ALWAYS cannot be updated).
func insertSQL(t string, columns []pgColumn, pk []string) string {
	cols := make([]string, len(columns))
	params := make([]string, len(columns))
	for i, c := range columns {
		cols[i], params[i] = pgx.Identifier{c.name}.Sanitize(), "$"+strconv.Itoa(i+1)
	}
	q := `INSERT INTO ` + pgx.Identifier{t}.Sanitize() + ` (` + strings.Join(cols, ", ") + `) OVERRIDING SYSTEM VALUE VALUES (` +
		strings.Join(params, ", ") + `)`
	if len(pk) == 0 {
		return q
	}
	quotedPK := mapSlice(pk, func(s string) string { return pgx.Identifier{s}.Sanitize() })
	var set []string
	for i, c := range cols {
		if !slices.Contains(quotedPK, c) && !columns[i].identity {
			set = append(set, c+` = EXCLUDED.`+c)
		}
	}
	q += ` ON CONFLICT (` + strings.Join(quotedPK, ", ") + `) DO `
	if len(set) == 0 {
		return q + `NOTHING`
	}
	return q + `UPDATE SET ` + strings.Join(set, ", ")
}

// uriWithDatabase returns uri with its database (the path) replaced by name.
func uriWithDatabase(uri, name string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", ErrBadURI
	}
	u.Path, u.RawPath = "/"+name, ""
	q := u.Query()
	q.Del("dbname")
	u.RawQuery = q.Encode()
	return u.String(), nil
}
