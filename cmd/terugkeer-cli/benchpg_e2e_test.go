package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/terugkeer/terugkeer/internal/apptest"
	"github.com/terugkeer/terugkeer/internal/pgtest"
)

// clusterBenchDatabases lists the bench databases on the test cluster.
func clusterBenchDatabases(t *testing.T) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, pgtest.ClusterURI(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT datname::text FROM pg_database WHERE datname LIKE 'tk\_bench\_%'`)
	if err != nil {
		t.Fatal(err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// bench measures a PostgreSQL database (issue 16 item 9) with the same table as on
// SQLite, on copies that are new databases on the same server: the bench database of a
// killed run is dropped at the start, and a finished run leaves none of its own.
func TestBenchOnPostgres(t *testing.T) {
	c := newCLIOn(t, apptest.Postgres)
	if _, errOut, code := c.run("demo", "--personen", "300", "--nu", "2026-03-01"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, pgtest.ClusterURI(t))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	const leftover = "tk_bench_999999999_abcd_basis" // no session carries its token
	if _, err := admin.Exec(ctx, `CREATE DATABASE `+leftover); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Exec(context.Background(), `DROP DATABASE IF EXISTS `+leftover) })
	out, errOut, code := c.run("bench", "--berichten", "40", "--herhalingen", "3")
	if code != 0 {
		t.Fatalf("bench: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Terugkeer bench — 300 personen", "zoeken: BSN", "dashboard", "persoonsdossier",
		"PDF", "import uit bestanden", "plafond", "intrekking"} {
		if !strings.Contains(out, want) {
			t.Errorf("bench output lacks %q:\n%s", want, out)
		}
	}
	if got := clusterBenchDatabases(t); len(got) != 0 {
		t.Errorf("bench left databases on the server: %v", got)
	}
}
