//go:build unix

package postgres

import (
	"os"
	"strconv"
	"testing"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/storetest"
)

// BenchmarkDashboard runs Service.Dashboard, and each of its reads alone, on the
// PostgreSQL database at TERUGKEER_PG_DASH_URI (e.g. a demo of 150,000 persons brought
// over with db migreer; the benchmark only reads), as storage/sqlite's on a file; today
// is TERUGKEER_DASH_NU (default 2026-11-30; storetest.BenchDashboard). Skipped without
// the URI.
func BenchmarkDashboard(b *testing.B) {
	storetest.BenchDashboard(b, openDashDB(b))
}

// openDashDB opens the database at TERUGKEER_PG_DASH_URI for a benchmark, or skips it.
func openDashDB(b *testing.B) *DB {
	b.Helper()
	uri := os.Getenv("TERUGKEER_PG_DASH_URI")
	if uri == "" {
		b.Skip("TERUGKEER_PG_DASH_URI not set")
	}
	db, err := Open(b.Context(), uri, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

// BenchmarkSearch runs the searches of bench with a common word ('berg') and two words
// on the database at TERUGKEER_PG_DASH_URI, as the Personen list asks them (50 by
// name, and the next page). Skipped without the URI.
func BenchmarkSearch(b *testing.B) {
	db := openDashDB(b)
	for _, q := range []app.PersonQuery{{Zoek: "berg", Limit: 50}, {Zoek: "berg", Limit: 50, Offset: 50},
		{Zoek: "zoe sahin", Limit: 50}, {Sort: app.SortByRelease, Limit: 100}} {
		b.Run(q.Zoek+"-"+strconv.Itoa(q.Offset), func(b *testing.B) {
			for b.Loop() {
				if err := db.View(b.Context(), func(tx app.ReadTx) error {
					_, err := tx.SearchPersons(q)
					return err
				}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
