package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/internal/pgtest"
)

// timestamps are the clock's readings in output (when a person was created, an audit
// entry written) and the audit hashes over them: they differ between two runs,
// whatever the backend.
var timestamps = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)|\d\d:\d\d(:\d\d)?|[0-9a-f]{64}`)

// The same commands give the same output and JSON on PostgreSQL (--db postgres://...)
// as on SQLite (issue 16, "Done when").
func TestPostgresGivesTheSameOutput(t *testing.T) {
	lite := newCLI(t)
	pg := &cli{t: t, bin: builtBinary, db: pgtest.Database(t)}
	steps := [][]string{
		{"init", "--gemeente", "0193"},
		{"import", "--json", examples},
		{"persons", "--json"},
		{"persons", "--json", "--zoek", "jans"},
		{"show", "--json", "--bsn", "999990019"},
		{"quarantine", "list", "--json"},
		{"followup", "set", "--bsn", "999990019", "--domein", "zorg", "--status", "in-behandeling"},
		{"contact", "add", "--bsn", "999990019", "--domein", "zorg", "--kanaal", "telefoon", "--notitie", "gebeld"},
		{"dashboard", "--json"},
		{"retention", "show"},
		{"retention", "run", "--dry-run", "--nu", "2040-01-01"},
		{"persons", "--json"},
		{"retention", "run", "--nu", "2031-01-01"},
		{"quarantine", "list", "--json"},
		{"remove", "--bsn", "999990019"},
		{"persons", "--json"},
		{"audit", "--verify"},
		{"audit", "--json"},
	}
	for _, args := range steps {
		lo, le, lc := lite.run(args...)
		po, pe, pc := pg.run(args...)
		if lc != pc || timestamps.ReplaceAllString(lo, "T") != timestamps.ReplaceAllString(po, "T") {
			t.Errorf("%s:\nSQLite (exit %d): %s%s\nPostgreSQL (exit %d): %s%s", strings.Join(args, " "),
				lc, lo, le, pc, po, pe)
		}
	}
}

// A connection error is one Dutch sentence with what to do, without the password.
func TestPostgresConnectionErrorsInDutch(t *testing.T) {
	c := &cli{t: t, bin: builtBinary, db: "postgres://casemanager:geheim-wachtwoord@db.gemeente.nl/terugkeer?sslmode=disable"}
	_, errOut, code := c.run("persons")
	if code != exitError || !strings.Contains(errOut, "alleen bereikbaar over TLS") ||
		!strings.Contains(errOut, "sslmode=verify-full") || strings.Contains(errOut, "geheim-wachtwoord") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	c.db = "postgres://casemanager:geheim-wachtwoord@127.0.0.1:1/terugkeer?sslmode=disable"
	_, errOut, code = c.run("persons")
	if code != exitError || !strings.Contains(errOut, "niet bereikbaar") || strings.Contains(errOut, "geheim-wachtwoord") ||
		strings.Contains(errOut, "casemanager") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
