package main

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/terugkeer/terugkeer/internal/apptest"
)

// db opschonen rewrites the tables the purges left owed and says which; it fails, naming
// the table and why, when one stays owed (here: locked by another connection), and says
// so when nothing was owed. On a SQLite file there is never anything to rewrite.
func TestDBOpschonen(t *testing.T) {
	lite := newCLIOn(t, apptest.SQLite)
	if out := lite.ok("db", "opschonen"); !strings.Contains(out, "niets te herschrijven") {
		t.Errorf("db opschonen on SQLite: %q", out)
	}
	c := newCLIOn(t, apptest.Postgres)
	c.ok("demo") // the examples one at a time: their revocations leave tables owed
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, c.db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, `LOCK TABLE topics IN ACCESS SHARE MODE`); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := c.run("db", "opschonen")
	if code != exitError || !strings.Contains(out, "Niet herschreven: topics: de tabel was bezet") ||
		!strings.Contains(out, "Herschreven (") || !strings.Contains(errOut, "nog niet herschreven") {
		t.Fatalf("db opschonen with topics locked: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if err := tx.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	// topics, and what came after it (one lock wait per run).
	if out := c.ok("db", "opschonen"); !strings.HasPrefix(out, "Herschreven (de verwijderde gegevens staan niet meer in de bestanden): topics") ||
		strings.Contains(out, "Niet herschreven") {
		t.Errorf("db opschonen after the lock: %q", out)
	}
	if out := c.ok("db", "opschonen"); out != "Er was niets te herschrijven: geen tabel bevat nog verwijderde gegevens.\n" {
		t.Errorf("db opschonen with nothing owed: %q", out)
	}
}
