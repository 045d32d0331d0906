//go:build unix

package sqlite

import (
	"os"
	"testing"

	"github.com/terugkeer/terugkeer/storage/storetest"
)

// BenchmarkDashboard runs Service.Dashboard, and each of its reads alone, on the
// database named by TERUGKEER_DASH_DB (e.g. a copy of a demo of 150,000 persons, made
// with --nu 2026-11-30; TERUGKEER_DASH_NU overrides that date; storetest.BenchDashboard),
// with the desktop app's page cache (WarmCache). Skipped without it.
func BenchmarkDashboard(b *testing.B) {
	path := os.Getenv("TERUGKEER_DASH_DB")
	if path == "" {
		b.Skip("TERUGKEER_DASH_DB not set")
	}
	db, err := Open(path, WarmCache())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	storetest.BenchDashboard(b, db)
}
