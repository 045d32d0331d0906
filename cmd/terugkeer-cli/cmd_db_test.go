package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/terugkeer/terugkeer/internal/apptest"
	"github.com/terugkeer/terugkeer/internal/pgtest"
)

// migrate copies the SQLite database of lite into a new PostgreSQL database with db
// migreer and returns a cli on that database and the command's output.
func migrate(t *testing.T, lite *cli) (*cli, string) {
	t.Helper()
	uri := pgtest.Database(t)
	out, errOut, code := lite.run("db", "migreer", "--van", lite.db, "--naar", uri)
	if code != exitOK {
		t.Fatalf("db migreer: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if strings.Contains(errOut, "999990") {
		t.Errorf("stderr holds a BSN: %q", errOut)
	}
	return &cli{t: t, bin: builtBinary, db: uri}, out
}

// signedIn is the user in acties --json: by design the configured name on SQLite and
// the login role on PostgreSQL.
var signedIn = regexp.MustCompile(`"gebruiker": "[^"]*"`)

// sameOn runs every step on both databases; the output must be equal byte for byte
// (the ids are kept, the times copied) but for the signed-in user, and but for the times
// where normalise is set: the steps that write, whose own times differ between the runs.
func sameOn(t *testing.T, lite, pg *cli, normalise bool, steps [][]string) {
	t.Helper()
	for _, args := range steps {
		lo, le, lc := lite.run(args...)
		po, pe, pc := pg.run(args...)
		lo, po = signedIn.ReplaceAllString(lo, "U"), signedIn.ReplaceAllString(po, "U")
		if normalise {
			lo, po = timestamps.ReplaceAllString(lo, "T"), timestamps.ReplaceAllString(po, "T")
		}
		if lc != pc || lo != po || le != pe {
			t.Errorf("%s:\nSQLite (exit %d): %s%s\nPostgreSQL (exit %d): %s%s", strings.Join(args, " "),
				lc, lo, le, pc, po, pe)
		}
	}
}

// The examples' database with follow-up, a contact, a note, a quarantined message and a
// retention term arrives whole on PostgreSQL: the same lists, person files, dashboard
// and audit log (the seal verifies under the copied installation key), and the next ids
// follow the copied ones.
func TestDBMigreerExamples(t *testing.T) {
	lite := newCLIOn(t, apptest.SQLite)
	lite.ok("demo")
	b := []string{"--bsn", "999990019"}
	lite.ok(append([]string{"followup", "set", "--domein", "zorg", "--status", "in-behandeling",
		"--verantwoordelijke", "Petra", "--actie", "Bellen", "--actiedatum", "2019-08-01"}, b...)...)
	lite.ok(append([]string{"contact", "add", "--domein", "zorg", "--kanaal", "telefoon", "--notitie", "gebeld"}, b...)...)
	lite.ok(append([]string{"aantekening", "add", "--domein", "zorg", "--tekst", "eerste notitie"}, b...)...)
	lite.ok("retention", "set", "quarantaine", "6m")
	if q := lite.ok("quarantine", "list", "--json"); !strings.Contains(q, `"id"`) {
		t.Fatalf("the examples quarantine nothing: %s", q)
	}
	// The newest quarantined message is discarded: its id must not be handed out again
	// (SQLite's AUTOINCREMENT counter carries over).
	lite.ok("quarantine", "discard", "3")
	pg, out := migrate(t, lite)
	for _, want := range []string{"persons ", "audit ", "consents ", "settings ", "Het logboek is intact"} {
		if !strings.Contains(out, want) {
			t.Errorf("db migreer output lacks %q:\n%s", want, out)
		}
	}
	sameOn(t, lite, pg, false, [][]string{
		{"audit", "--json"},
		{"audit", "--verify"},
		{"persons", "--json"},
		{"quarantine", "list", "--json"},
		{"dashboard", "--json", "--nu", "2019-08-05"},
		{"acties", "--json", "--nu", "2019-08-05"},
		{"retention", "show"},
		{"imap", "show"},
		{"show", "--json", "--bsn", "999990019"},
		{"show", "--json", "--id", "2"},
	})
	kapot := filepath.Join(t.TempDir(), "kapot.xml")
	if err := os.WriteFile(kapot, []byte("<bericht>kapot"), 0o600); err != nil {
		t.Fatal(err)
	}
	// After the move both go on alike: the next contact, note and person get the same
	// ids, and the audit chain goes on from the copied one.
	sameOn(t, lite, pg, true, [][]string{
		append([]string{"contact", "add", "--domein", "zorg", "--kanaal", "e-mail", "--notitie", "gemaild"}, b...),
		append([]string{"aantekening", "add", "--domein", "zorg", "--tekst", "tweede"}, b...),
		{"import", "--json", examplesV2},
		{"import", kapot},
		{"quarantine", "list", "--json"},
		{"persons", "--json"},
		{"retention", "run", "--nu", "2031-01-01"},
		{"audit", "--verify"},
	})
}

// A generated caseload of a few hundred persons arrives whole.
func TestDBMigreerGenerated(t *testing.T) {
	lite := newCLIOn(t, apptest.SQLite)
	lite.ok("demo", "--personen", "300", "--seed", "7", "--nu", "2025-06-01")
	pg, _ := migrate(t, lite)
	nogTeRegelenRight(t, pg.db)
	volledigeNaamRight(t, pg.db)
	sameOn(t, lite, pg, false, [][]string{
		{"audit", "--verify"},
		{"persons", "--json"},
		{"persons", "--json", "--zoek", "de"},
		{"dashboard", "--json", "--nu", "2025-06-01"},
		{"acties", "--json", "--nu", "2025-06-01"},
		{"show", "--json", "--id", "1"},
		{"show", "--json", "--id", "150"},
		{"show", "--json", "--id", "300"},
		{"audit", "--verify"},
	})
}

// A database that already serves a team is refused with a Dutch sentence and left as
// it was; one that was only opened (or initialised) is empty.
func TestDBMigreerRefusesNonEmptyTarget(t *testing.T) {
	lite := newCLIOn(t, apptest.SQLite)
	lite.ok("demo")
	pg := newCLIOn(t, apptest.Postgres)
	pg.ok("init", "--gemeente", "0193")
	pg.ok("import", examples)
	before := pg.ok("persons", "--json")
	out, errOut, code := lite.run("db", "migreer", "--van", lite.db, "--naar", pg.db)
	if code != exitError || !strings.Contains(errOut, "De PostgreSQL-database is niet leeg") ||
		!strings.Contains(errOut, "er is niets gekopieerd") || out != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if after := pg.ok("persons", "--json"); after != before {
		t.Errorf("the target changed:\n%s\n%s", before, after)
	}
	pg.ok("audit", "--verify")
}

// The wrong invocations: no flags, a path as target, a source that does not exist
// (never created).
func TestDBMigreerUsage(t *testing.T) {
	lite := newCLIOn(t, apptest.SQLite)
	for _, args := range [][]string{
		{"db"},
		{"db", "onbekend"},
		{"db", "migreer"},
		{"db", "migreer", "--van", lite.db, "--naar", lite.db + ".tweede"},
	} {
		if _, errOut, code := lite.run(args...); code != exitUsage || !strings.Contains(errOut, "Gebruik: terugkeer-cli db") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
	_, errOut, code := lite.run("db", "migreer", "--van", lite.db, "--naar", "postgres://127.0.0.1:1/x?sslmode=disable")
	if code != exitError || !strings.Contains(errOut, "bestaat niet") {
		t.Errorf("missing source: exit %d, stderr %q", code, errOut)
	}
}

// A copy whose audit chain would not verify on the server is rolled back: here a
// trigger rewrites the actor on the way in, as the audit actor trigger does for a role
// that does not own the tables. The target stays empty, so the copy can be run again.
func TestDBMigreerRollsBackABrokenChain(t *testing.T) {
	lite := newCLIOn(t, apptest.SQLite)
	lite.ok("demo")
	pg := newCLIOn(t, apptest.Postgres)
	pg.run("audit", "--verify") // creates the schema
	execPG(t, pg.db, `CREATE FUNCTION zet_actor() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN NEW.actor := 'een-ander'; RETURN NEW; END $$`)
	execPG(t, pg.db, `CREATE TRIGGER zet_actor BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION zet_actor()`)
	out, errOut, code := lite.run("db", "migreer", "--van", lite.db, "--naar", pg.db)
	if code != exitError || !strings.Contains(errOut, "niet intact") || !strings.Contains(errOut, "er is niets gekopieerd") ||
		out != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	execPG(t, pg.db, `DROP TRIGGER zet_actor ON audit`)
	pg.ok("db", "migreer", "--van", lite.db, "--naar", pg.db)
	sameOn(t, lite, pg, false, [][]string{{"audit", "--json"}, {"persons", "--json"}})
}

func execPG(t *testing.T, uri, sql string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, uri)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		t.Fatal(err)
	}
}

// nogTeRegelenRight checks on the PostgreSQL database at uri that persons.nog_te_regelen
// and heeft_contact (kept by triggers, migration 0006) are what consent, plan, follow-up
// and contacts say: a domain to arrange (consent ja or a leefgebied of the plan) whose
// follow-up is absent, open or in behandeling; a contact recorded.
// volledigeNaamRight checks the copied sort key of PostgreSQL's migration 0009 (SQLite's
// 0020): every follow-up and agreement holds its person's full name.
func volledigeNaamRight(t *testing.T, uri string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, uri)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, table := range []string{"followups", "plan_agreements"} {
		var stale, rows int
		err := conn.QueryRow(ctx, `SELECT count(*) FILTER (WHERE x.volledige_naam IS DISTINCT FROM
			concat_ws(' ', NULLIF(p.voornamen, ''), NULLIF(p.voorvoegsel, ''), NULLIF(p.achternaam, ''))), count(*)
			FROM `+table+` x JOIN persons p ON p.id = x.person_id`).Scan(&stale, &rows)
		if err != nil {
			t.Fatal(err)
		}
		if stale != 0 || rows == 0 {
			t.Errorf("after db migreer: %d of %d rows of %s without their person's full name", stale, rows, table)
		}
	}
}

func nogTeRegelenRight(t *testing.T, uri string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, uri)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var stale, flagged int
	err = conn.QueryRow(ctx, `SELECT count(*) FILTER (WHERE p.nog_te_regelen IS DISTINCT FROM (
			EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = p.id AND c.state = 'ja'
				AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = p.id AND f.domain = c.domain
					AND f.status NOT IN ('open', 'in-behandeling')))
			OR EXISTS (SELECT 1 FROM plan_leefgebieden l WHERE l.person_id = p.id
				AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = p.id AND f.domain = l.domain
					AND f.status NOT IN ('open', 'in-behandeling'))))),
		count(*) FILTER (WHERE p.nog_te_regelen) FROM persons p`).Scan(&stale, &flagged)
	if err == nil {
		var staleContact int
		err = conn.QueryRow(ctx, `SELECT count(*) FROM persons p
			WHERE p.heeft_contact IS DISTINCT FROM EXISTS (SELECT 1 FROM contacts k WHERE k.person_id = p.id)`).Scan(&staleContact)
		stale += staleContact
	}
	if err != nil {
		t.Fatal(err)
	}
	if stale != 0 || flagged == 0 {
		t.Errorf("after db migreer: %d wrong values kept, %d persons with a domain still to arrange", stale, flagged)
	}
}
