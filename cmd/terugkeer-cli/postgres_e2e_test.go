package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/internal/apptest"
	"github.com/terugkeer/terugkeer/internal/pgtest"
)

// timestamps are the clock's readings in output (when a person was created, an audit
// entry written) and the audit hashes over them: they differ between two runs,
// whatever the backend.
var timestamps = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)|\d\d:\d\d(:\d\d)?|[0-9a-f]{64}`)

// The same commands give the same output and JSON on PostgreSQL (--db postgres://...)
// as on SQLite (issue 16, "Done when").
func TestPostgresGivesTheSameOutput(t *testing.T) {
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
	compareBackends(t, steps)
}

// rolesLine is what init adds on PostgreSQL: the team database's group roles.
const rolesLine = "Groepsrollen terugkeer_medewerker en terugkeer_beheerder ingericht: ken ze toe aan de eigen " +
	"aanmelding van elke casemanager (GRANT terugkeer_medewerker TO naam;).\n"

// compareBackends runs every step on a new SQLite database and a new PostgreSQL
// database and reports where exit code, output or error differ.
func compareBackends(t *testing.T, steps [][]string) {
	t.Helper()
	lite := newCLIOn(t, apptest.SQLite)
	pg := newCLIOn(t, apptest.Postgres)
	same := func(a, b string) bool {
		return timestamps.ReplaceAllString(a, "T") == timestamps.ReplaceAllString(b, "T")
	}
	// The user differs by design: on PostgreSQL it is the login role the server signed in
	// (the cluster's superuser here), on SQLite the configured user name (unset here).
	pgUser := strings.NewReplacer(`"postgres"`, `""`, rolesLine, "")
	for _, args := range steps {
		lo, le, lc := lite.run(args...)
		po, pe, pc := pg.run(args...)
		po, pe = pgUser.Replace(po), pgUser.Replace(pe)
		if lc != pc || !same(lo, po) || !same(le, pe) {
			t.Errorf("%s:\nSQLite (exit %d): %s%s\nPostgreSQL (exit %d): %s%s", strings.Join(args, " "),
				lc, lo, le, pc, po, pe)
		}
	}
}

// The D&R-plan (format v2), the corrections and the traject on both backends.
func TestPostgresGivesTheSameOutputV2(t *testing.T) {
	b := []string{"--bsn", "999990019"}
	steps := [][]string{
		{"init", "--gemeente", "0193"},
		{"import", "--json", examplesV2},
		{"import", "--json", examplesV2}, // every message again: dubbel
		{"persons", "--json", "--plan"},
		{"persons", "--json", "--afspraken-gemeente"},
		{"persons", "--json", "--domeinstatus", "open"},
		{"persons", "--json", "--domeinstatus", "niet-geregeld", "--domein", "onderdak"},
		append([]string{"show", "--json"}, b...),
		append([]string{"followup", "set", "--domein", "onderdak", "--status", "in-behandeling",
			"--verantwoordelijke", "Petra", "--actie", "Bellen", "--actiedatum", "2019-08-01"}, b...),
		append([]string{"contact", "add", "--domein", "onderdak", "--kanaal", "telefoon", "--notitie", "gebeld"}, b...),
		{"acties", "--json", "--nu", "2019-08-05"},
		{"contact", "wijzig", "1", "--notitie", "anders", "--kanaal", "e-mail"},
		{"contact", "wijzig", "99", "--notitie", "x"},
		append([]string{"followup", "status-corrigeer", "--domein", "onderdak", "--status", "geregeld"}, b...),
		append([]string{"followup", "actie-verwijder", "--domein", "onderdak"}, b...),
		append([]string{"close", "--uitkomst", "met-maatregelen", "--datum", "2019-08-20"}, b...),
		append([]string{"reopen"}, b...),
		append([]string{"reopen"}, b...),
		{"show", "--json", "--id", "1"},
		{"show", "--id", "999"},
		{"dashboard", "--json"},
		{"quarantine", "list", "--json"},
		{"audit", "--verify"},
	}
	pgtest.Colleagues(t, "Petra") // on the team database the verantwoordelijke is a login role
	compareBackends(t, steps)
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
