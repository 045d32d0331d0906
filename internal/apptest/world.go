// Package apptest is the one test harness of Terugkeer: a real app.Service on a real
// store, with the real decoder of every format (importers.Decoder), and one generator of
// messages in the wire format (XML), of format v1 and v2. Every package's tests set up
// through it.
//
// The store is a SQLite file (storage/sqlite) in a temporary directory, or, with
// TERUGKEER_TEST_BACKEND=postgres, a fresh database of its own on the throw-away
// PostgreSQL cluster (internal/pgtest, scripts/postgres.sh run), so that the same suites
// run on both backends.
//
// It is for tests only: nothing outside _test files and test helper packages imports it.
package apptest

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/internal/pgtest"
	"github.com/terugkeer/terugkeer/storage/postgres"
	"github.com/terugkeer/terugkeer/storage/sqlite"
)

// BackendEnv chooses the store of every World: "sqlite" (the default, also when unset)
// or "postgres".
const BackendEnv = "TERUGKEER_TEST_BACKEND"

// The backends BackendEnv names.
const (
	SQLite   = "sqlite"
	Postgres = "postgres"
)

// Backend returns the backend BackendEnv chooses; it fails the test on an unknown name.
func Backend(t testing.TB) string {
	t.Helper()
	switch b := os.Getenv(BackendEnv); b {
	case "", SQLite:
		return SQLite
	case Postgres:
		return Postgres
	default:
		t.Fatalf("%s=%q: kies sqlite of postgres", BackendEnv, b)
		return ""
	}
}

// DefaultClock is the clock of a World unless WithClock says otherwise: 1 September 2019,
// 10:00 UTC, after the v1 examples.
var DefaultClock = time.Date(2019, 9, 1, 10, 0, 0, 0, time.UTC)

// World is a service on a real store.
type World struct {
	T       testing.TB
	Backend string     // SQLite or Postgres (BackendEnv)
	Store   app.Store  // the store the service runs on, of either backend
	Source  string     // what storage.Open takes: the SQLite file, or the PostgreSQL URI
	Dir     string     // SQLite: the database's own directory (forensic scans read every file in it)
	Path    string     // SQLite: the database file; "" on PostgreSQL
	DB      *sqlite.DB // SQLite: the store; nil on PostgreSQL
	Svc     *app.Service
	Clock   time.Time // the service's clock; a test may move it
	seq     int
}

type config struct {
	dec       app.Decoder
	clock     time.Time
	clockFunc func() time.Time
	gemeenten []string
	user      string
}

// Option changes how Open sets up a World.
type Option func(*config)

// WithDecoder replaces the decoder (importers.Decoder).
func WithDecoder(d app.Decoder) Option { return func(c *config) { c.dec = d } }

// WithClock sets the service's clock (DefaultClock).
func WithClock(t time.Time) Option { return func(c *config) { c.clock = t } }

// WithClockFunc makes the service read its clock from now instead of World.Clock (for
// tests that keep the clock in their own variable).
func WithClockFunc(now func() time.Time) Option { return func(c *config) { c.clockFunc = now } }

// WithGemeenten initialises the database for these gemeenten (0193); none leaves it
// uninitialised.
func WithGemeenten(codes ...string) Option { return func(c *config) { c.gemeenten = codes } }

// WithUser sets the gebruiker setting (unset by default).
func WithUser(name string) Option { return func(c *config) { c.user = name } }

// Open creates a World in t.TempDir(): the database in its own directory "data", the
// service with the clock, initialised for gemeente 0193 unless the options say otherwise.
// The database is closed when the test ends.
func Open(t testing.TB, opts ...Option) *World {
	t.Helper()
	c := config{dec: importers.Decoder{}, clock: DefaultClock, gemeenten: []string{"0193"}}
	for _, o := range opts {
		o(&c)
	}
	w := &World{T: t, Backend: Backend(t), Dir: filepath.Join(t.TempDir(), "data"), Clock: c.clock}
	ctx := context.Background()
	switch w.Backend {
	case Postgres:
		w.Source = pgtest.Database(t)
		db, err := postgres.Open(ctx, w.Source, postgres.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		w.Store = db
	default:
		w.Path = filepath.Join(w.Dir, "terugkeer.db")
		w.Source = w.Path
		db, err := sqlite.Open(w.Path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		w.DB, w.Store = db, db
	}
	now := c.clockFunc
	if now == nil {
		now = func() time.Time { return w.Clock }
	}
	w.Svc = app.NewService(w.Store, c.dec, now)
	if len(c.gemeenten) > 0 {
		if err := w.Svc.Init(ctx, c.gemeenten); err != nil {
			t.Fatal(err)
		}
	}
	if c.user != "" {
		if err := w.Svc.SetSetting(ctx, app.SettingGebruiker, c.user); err != nil {
			t.Fatal(err)
		}
	}
	return w
}

// Import imports the bytes of one file or mail and returns every result.
func (w *World) Import(raw []byte) []app.Result {
	w.T.Helper()
	w.seq++
	rs, err := w.Svc.ImportBytes(context.Background(), fmt.Sprintf("bericht-%d.xml", w.seq), "", raw)
	if err != nil {
		w.T.Fatal(err)
	}
	return rs
}

// ImportOne imports one message and returns its single result.
func (w *World) ImportOne(raw []byte) app.Result {
	w.T.Helper()
	rs := w.Import(raw)
	if len(rs) != 1 {
		w.T.Fatalf("%d results, want 1", len(rs))
	}
	return rs[0]
}

// MustImport imports one message and fails the test unless it was imported.
func (w *World) MustImport(raw []byte) app.Result {
	w.T.Helper()
	r := w.ImportOne(raw)
	if r.Resultaat != app.Geimporteerd {
		w.T.Fatalf("import %s: %s (%s)", r.Kenmerk, r.Resultaat, r.Reden)
	}
	return r
}

// ImportExamples imports the spec's v1 examples (importers.Examples), or those of
// version 2 with v2 (importers.ExamplesV2), each file as the CLI would.
func (w *World) ImportExamples(v2 bool) []app.Result {
	w.T.Helper()
	examples := importers.Examples()
	if v2 {
		examples = importers.ExamplesV2()
	}
	var out []app.Result
	for _, e := range examples {
		rs, err := w.Svc.ImportBytes(context.Background(), e.Path(), "", e.Data)
		if err != nil {
			w.T.Fatal(err)
		}
		out = append(out, rs...)
	}
	return out
}

// OnDisk reports whether the database holds marker anywhere, in any case (the search
// column holds names folded to lower case). On SQLite it reads every file in the
// database's directory byte for byte (so freed pages and the WAL count too); on
// PostgreSQL every row of every table, bytea as text, as pg_dump would write them (the
// table files and the WAL are storage/postgres's own forensic test).
func (w *World) OnDisk(marker string) bool {
	w.T.Helper()
	if w.Backend == Postgres {
		return MarkerInRows(w.T, w.Source, marker)
	}
	return MarkerOnDisk(w.T, w.Dir, marker)
}

// MarkerInRows reports whether any row of any table of the PostgreSQL database at uri
// holds marker, in any case (bytea read as text).
func MarkerInRows(t testing.TB, uri, marker string) bool {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, uri)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT c.table_name, c.column_name FROM information_schema.columns c
		JOIN information_schema.tables t USING (table_schema, table_name)
		WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.data_type = 'bytea'`)
	if err != nil {
		t.Fatal(err)
	}
	byteas := map[string][]string{}
	for rows.Next() {
		var table, column string
		if err := rows.Scan(&table, &column); err != nil {
			t.Fatal(err)
		}
		byteas[table] = append(byteas[table], column)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	var tables []string
	rows, err = conn.Query(ctx, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var table string
		if err := rows.Scan(&table); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, table)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	needle := strings.ToLower(marker)
	for _, table := range tables {
		text := "r::text"
		for _, col := range byteas[table] {
			text += " || coalesce(encode(r." + pgx.Identifier{col}.Sanitize() + ", 'escape'), '')"
		}
		var found bool
		q := `SELECT EXISTS (SELECT 1 FROM ` + pgx.Identifier{table}.Sanitize() + ` r WHERE strpos(lower(` + text + `), $1) > 0)`
		if err := conn.QueryRow(ctx, q, needle).Scan(&found); err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		if found {
			return true
		}
	}
	return false
}

// SQLiteOnly skips the test on PostgreSQL, saying why: for what only SQLite has (its
// files, their modes, the WAL).
func (w *World) SQLiteOnly(why string) {
	w.T.Helper()
	if w.Backend != SQLite {
		w.T.Skipf("alleen op SQLite: %s", why)
	}
}

// Exec runs statements directly on the database, past the store, in the SQL both
// backends understand (no parameters): for tests that set up a state the store would not
// produce, such as an older release's.
func (w *World) Exec(statements string) {
	w.T.Helper()
	ExecSQL(w.T, w.Source, statements)
}

// ExecSQL runs statements directly on the database at source: a PostgreSQL URI, or the
// path of a SQLite file.
func ExecSQL(t testing.TB, source, statements string) {
	t.Helper()
	ctx := context.Background()
	if postgres.IsURI(source) {
		conn, err := pgx.Connect(ctx, source)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, statements); err != nil {
			t.Fatalf("%s: %v", statements, err)
		}
		return
	}
	raw, err := sql.Open("sqlite", "file:"+source)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.ExecContext(ctx, statements); err != nil {
		t.Fatalf("%s: %v", statements, err)
	}
}

// MarkerOnDisk reports whether any file below dir holds marker, in any case.
func MarkerOnDisk(t testing.TB, dir, marker string) bool {
	t.Helper()
	needle := []byte(strings.ToLower(marker))
	found := false
	err := filepath.WalkDir(dir, func(name string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(name)
		if bytes.Contains(bytes.ToLower(b), needle) {
			found = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// Colleagues makes the names colleagues who may be verantwoordelijke: on PostgreSQL
// login roles of the team (pgtest.Colleagues); on SQLite, where any name may be typed,
// nothing.
func (w *World) Colleagues(names ...string) {
	w.T.Helper()
	if w.Backend == Postgres {
		pgtest.Colleagues(w.T, names...)
	}
}
