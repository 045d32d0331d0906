// Package apptest is the one test harness of Terugkeer: a real app.Service on a real
// SQLite file (storage) in a temporary directory, with the real decoder of every format
// (importers.Decoder), and one generator of messages in the wire format (XML), of format
// v1 and v2. Every package's tests set up through it.
//
// It is for tests only: nothing outside _test files and test helper packages imports it.
package apptest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/storage/sqlite"
)

// DefaultClock is the clock of a World unless WithClock says otherwise: 1 September 2019,
// 10:00 UTC, after the v1 examples.
var DefaultClock = time.Date(2019, 9, 1, 10, 0, 0, 0, time.UTC)

// World is a service on a real database file.
type World struct {
	T     testing.TB
	Dir   string // the database's own directory (forensic scans read every file in it)
	Path  string // the database file
	DB    *sqlite.DB
	Svc   *app.Service
	Clock time.Time // the service's clock; a test may move it
	seq   int
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
	w := &World{T: t, Dir: filepath.Join(t.TempDir(), "data"), Clock: c.clock}
	w.Path = filepath.Join(w.Dir, "terugkeer.db")
	db, err := sqlite.Open(w.Path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	w.DB = db
	now := c.clockFunc
	if now == nil {
		now = func() time.Time { return w.Clock }
	}
	w.Svc = app.NewService(db, c.dec, now)
	ctx := context.Background()
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

// OnDisk reports whether any file in the database's directory holds marker, in any case
// (the search column holds names folded to lower case).
func (w *World) OnDisk(marker string) bool {
	w.T.Helper()
	return MarkerOnDisk(w.T, w.Dir, marker)
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
