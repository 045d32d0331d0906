package main

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/internal/apptest"
	"github.com/terugkeer/terugkeer/internal/pgtest"
)

// runIn runs the CLI in this process (the keyring is go-keyring's mock) with stdin and
// TERUGKEER_DB set to envDB.
func runIn(t *testing.T, envDB, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	getenv := func(k string) string { return map[string]string{app.EnvDB: envDB}[k] }
	locate := func(string) (app.DatabaseLocation, error) {
		return app.DatabaseLocation{}, errors.New("locate: geen SQLite in deze test")
	}
	code := runAt(context.Background(), args, strings.NewReader(stdin), &out, &errb, getenv, locate)
	return out.String(), errb.String(), code
}

// db wachtwoord refuses a SQLite path (or no --db at all, which is the SQLite file) in
// one Dutch sentence, and takes no password as an argument.
func TestDBWachtwoordRefusesSQLite(t *testing.T) {
	keyring.MockInit()
	for _, args := range [][]string{
		{"--db", filepath.Join(t.TempDir(), "terugkeer.db"), "db", "wachtwoord"},
		{"db", "wachtwoord"},
		{"db", "wachtwoord", "--verwijder"},
	} {
		out, errOut, code := runIn(t, "", "Geheim-1\n", args...)
		if code != exitError || !strings.Contains(errOut, "Een SQLite-bestand heeft geen wachtwoord") ||
			!strings.Contains(errOut, "postgres://") || strings.Count(errOut, "\n") != 1 || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	const uri = "postgres://petra@127.0.0.1:1/team?sslmode=disable"
	if _, errOut, code := runIn(t, uri, "", "db", "wachtwoord", "Geheim-1"); code != exitUsage || strings.Contains(errOut, "Geheim-1") {
		t.Errorf("password as an argument: exit %d, %q", code, errOut)
	}
	if _, errOut, code := runIn(t, uri, "\n", "db", "wachtwoord"); code != exitError || !strings.Contains(errOut, "geen wachtwoord opgegeven") {
		t.Errorf("empty password: exit %d, %q", code, errOut)
	}
}

// db wachtwoord keeps the password for the URI of --db or TERUGKEER_DB, without
// connecting, and --verwijder removes it; without a keyring it says so.
func TestDBWachtwoordKeyring(t *testing.T) {
	keyring.MockInit()
	const uri = "postgres://petra@db.gemeente.test:6543/team?sslmode=verify-full"
	out, errOut, code := runIn(t, uri, "Geheim-1\n", "db", "wachtwoord")
	if code != exitOK || !strings.Contains(out, "opgeslagen in de sleutelbos") {
		t.Fatalf("db wachtwoord: exit %d, %q, %q", code, out, errOut)
	}
	if strings.Contains(out+errOut, "Geheim-1") || strings.Contains(out+errOut, "petra") {
		t.Errorf("the password or user is shown: %q %q", out, errOut)
	}
	if pw, err := keyring.Get("terugkeer-db", "petra@db.gemeente.test:6543/team"); err != nil || pw != "Geheim-1" {
		t.Fatalf("keyring: %q, %v", pw, err)
	}
	// --db goes first, as for every command.
	if _, _, code := runIn(t, "postgres://ander@elders.test/x", "Nieuw-2\n", "--db", uri, "db", "wachtwoord"); code != exitOK {
		t.Fatalf("db wachtwoord with --db: exit %d", code)
	}
	if pw, _ := keyring.Get("terugkeer-db", "petra@db.gemeente.test:6543/team"); pw != "Nieuw-2" {
		t.Errorf("the password of --db's database is %q, want the new one", pw)
	}
	if out, _, code := runIn(t, uri, "", "db", "wachtwoord", "--verwijder"); code != exitOK || !strings.Contains(out, "verwijderd") {
		t.Errorf("--verwijder: exit %d, %q", code, out)
	}
	if _, err := keyring.Get("terugkeer-db", "petra@db.gemeente.test:6543/team"); !errors.Is(err, keyring.ErrNotFound) {
		t.Errorf("still in the keyring: %v", err)
	}
	if out, _, code := runIn(t, uri, "", "db", "wachtwoord", "--verwijder"); code != exitOK || !strings.Contains(out, "Er was geen wachtwoord") {
		t.Errorf("--verwijder of nothing: exit %d, %q", code, out)
	}
	_, errOut, code = runIn(t, "postgres://petra:in-de-uri@db.gemeente.test/team", "Geheim-1\n", "db", "wachtwoord")
	if code != exitOK || !strings.Contains(errOut, "gaat voor op de sleutelbos") || strings.Contains(errOut, "in-de-uri") {
		t.Errorf("a URI with a password: exit %d, %q", code, errOut)
	}

	keyring.MockInitWithError(errors.New("geen secret service"))
	t.Cleanup(keyring.MockInit)
	_, errOut, code = runIn(t, uri, "Geheim-1\n", "db", "wachtwoord")
	if code != exitError || !strings.Contains(errOut, "geen sleutelbos") || strings.Contains(errOut, "Geheim-1") {
		t.Errorf("without a keyring: exit %d, %q", code, errOut)
	}
}

// On a server that wants the password, a command fails with the hint to keep it, and
// after db wachtwoord the same command runs with the password from the keyring.
func TestDBWachtwoordOpensTheDatabase(t *testing.T) {
	keyring.MockInit()
	t.Setenv("PGPASSWORD", "")
	t.Setenv("PGPASSFILE", filepath.Join(t.TempDir(), "geen-pgpass"))
	dbURI := pgtest.Database(t)
	uri, pw := pgtest.PasswordUser(t, dbURI)
	_, errOut, code := runIn(t, uri, "", "init", "--gemeente", "0193")
	if code != exitError || !strings.Contains(errOut, "weigert de aanmelding") || !strings.Contains(errOut, "db wachtwoord") {
		t.Fatalf("init without a password: exit %d, %q", code, errOut)
	}
	if _, errOut, code := runIn(t, uri, pw+"\n", "db", "wachtwoord"); code != exitOK {
		t.Fatalf("db wachtwoord: exit %d, %q", code, errOut)
	}
	out, errOut, code := runIn(t, uri, "", "init", "--gemeente", "0193")
	if code != exitOK {
		t.Fatalf("init with the kept password: exit %d, %q %q", code, out, errOut)
	}
	if strings.Contains(out+errOut, pw) {
		t.Error("the password is shown")
	}
	if apptest.MarkerInRows(t, dbURI, pw) {
		t.Error("the database holds the password")
	}
}
