package main

import (
	"context"
	"database/sql"
	"strings"
	"testing"
)

// holdWriteLock takes the database's write lock on a connection of this process (another
// process, to the CLI) until the test ends, as a running import or retention run does.
func holdWriteLock(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn.ExecContext(ctx, "ROLLBACK") //nolint:errcheck // the test is over
		conn.Close()
		db.Close()
	})
}

// TestReadOnlyCommandsBesideAWriter: while another process holds the write lock, the
// read-only commands still answer (they failed with the English "database is locked"
// after the busy timeout: opening took the write lock to check the schema), and
// retention run --dry-run counts without the write lock.
func TestReadOnlyCommandsBesideAWriter(t *testing.T) {
	c := newCLI(t)
	c.sqliteOnly("de schrijfvergrendeling van het bestand")
	c.ok("init", "--gemeente", "0193")
	c.ok("import", examples)
	holdWriteLock(t, c.db)
	for _, args := range [][]string{
		{"persons"}, {"persons", "--json"}, {"dashboard"}, {"quarantine", "list"}, {"audit", "--verify"},
		{"retention", "run", "--dry-run", "--nu", "2030-01-01"},
	} {
		out, errOut, code := c.run(args...)
		if code != 0 || strings.Contains(errOut, "locked") {
			t.Errorf("%v beside a writer: exit %d, stderr %q", args, code, errOut)
		}
		if out == "" {
			t.Errorf("%v beside a writer printed nothing", args)
		}
	}
}
