package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/storage"
)

// Issue 18: a contact is corrected and removed by its number, the last status change is
// corrected and removed, an action removed, a closed traject reopened; the old texts
// leave the database file and the audit log names none of them.
func TestCorrectionsEndToEnd(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--gemeente", "0193")
	c.ok("import", examples)
	c.ok("contact", "add", "--bsn", "999990019", "--domein", "onderdak", "--kanaal", "telefoon",
		"--met", "Opvang OUDMET-e2e", "--notitie", "Wachtlijst OUDNOTE-e2e", "--datum", "2019-07-30 14:30")
	f := c.show("--bsn", "999990019")
	cs := f.Domeinen["onderdak"].Opvolging.Contacten
	if len(cs) != 1 {
		t.Fatalf("contacts = %+v", cs)
	}
	nr := fmt.Sprint(cs[0].ID)
	if !c.dbHolds("OUDNOTE-e2e") {
		t.Fatal("the note is not in the database files: the checks below could not fail")
	}
	if out := c.ok("show", "--bsn", "999990019"); !strings.Contains(out, "(nr. "+nr+")") {
		t.Errorf("show does not give the contact's number:\n%s", out)
	}

	// Moving it to a domain without consent is refused; then a correction of two fields.
	if _, errOut, code := c.run("contact", "wijzig", nr, "--domein", "zorg"); code != 1 || !strings.Contains(errOut, "toestemming") {
		t.Errorf("contact moved to zorg: exit %d, %q", code, errOut)
	}
	if _, errOut, code := c.run("contact", "wijzig", nr); code != 2 || !strings.Contains(errOut, "minstens één") {
		t.Errorf("contact wijzig without a change: exit %d, %q", code, errOut)
	}
	out := c.ok("contact", "wijzig", nr, "--notitie", "Plek gevonden NEWNOTE-e2e", "--kanaal", "e-mail")
	if !strings.Contains(out, "gewijzigd") || !strings.Contains(out, "NEWNOTE-e2e") {
		t.Errorf("contact wijzig said %q", out)
	}
	got := c.show("--bsn", "999990019").Domeinen["onderdak"].Opvolging.Contacten
	if len(got) != 1 || got[0].Notitie != "Plek gevonden NEWNOTE-e2e" || got[0].Kanaal != "e-mail" ||
		got[0].Met != "Opvang OUDMET-e2e" || got[0].Datum != cs[0].Datum {
		t.Errorf("after wijzig: %+v", got)
	}
	if c.dbHolds("OUDNOTE-e2e") {
		t.Error("the old note is still in the database files")
	}
	c.ok("contact", "verwijder", nr)
	if got := c.show("--bsn", "999990019").Domeinen["onderdak"].Opvolging.Contacten; len(got) != 0 {
		t.Errorf("after verwijder: %+v", got)
	}
	if c.dbHolds("NEWNOTE-e2e") || c.dbHolds("OUDMET-e2e") {
		t.Error("the removed contact is still in the database files")
	}
	if _, errOut, code := c.run("contact", "verwijder", nr); code != 1 || !strings.Contains(errOut, "geen contact met nummer "+nr) {
		t.Errorf("second verwijder: exit %d, %q", code, errOut)
	}

	// Status and action.
	c.ok("followup", "set", "--bsn", "999990019", "--domein", "onderdak", "--status", "in-behandeling",
		"--actie", "Bel ACTMARK-e2e", "--actiedatum", "2019-08-09")
	c.ok("followup", "set", "--bsn", "999990019", "--domein", "onderdak", "--status", "niet-nodig")
	c.ok("followup", "status-corrigeer", "--bsn", "999990019", "--domein", "onderdak", "--status", "geregeld")
	op := c.show("--bsn", "999990019").Domeinen["onderdak"].Opvolging
	if op.Status != "geregeld" || len(op.Geschiedenis) != 2 || op.Geschiedenis[1].Naar != "geregeld" {
		t.Errorf("after status-corrigeer: %+v", op)
	}
	c.ok("followup", "status-verwijder", "--bsn", "999990019", "--domein", "onderdak")
	if op = c.show("--bsn", "999990019").Domeinen["onderdak"].Opvolging; op.Status != "in-behandeling" || len(op.Geschiedenis) != 1 {
		t.Errorf("after status-verwijder: %+v", op)
	}
	c.ok("followup", "actie-verwijder", "--bsn", "999990019", "--domein", "onderdak")
	if op = c.show("--bsn", "999990019").Domeinen["onderdak"].Opvolging; op.Actie != "" || op.Actiedatum != "" {
		t.Errorf("after actie-verwijder: %+v", op)
	}
	if c.dbHolds("ACTMARK-e2e") {
		t.Error("the removed action is still in the database files")
	}
	if _, errOut, code := c.run("followup", "actie-verwijder", "--bsn", "999990019", "--domein", "onderdak"); code != 1 ||
		!strings.Contains(errOut, "geen actie gepland") {
		t.Errorf("second actie-verwijder: exit %d, %q", code, errOut)
	}

	// Reopen.
	if _, errOut, code := c.run("reopen", "--bsn", "999990019"); code != 1 || !strings.Contains(errOut, "niet afgesloten") {
		t.Errorf("reopen of an open traject: exit %d, %q", code, errOut)
	}
	c.ok("close", "--bsn", "999990019", "--uitkomst", "met-maatregelen", "--datum", "2019-08-20")
	c.ok("reopen", "--bsn", "999990019")
	if tr := c.show("--bsn", "999990019").Traject; tr.Status != "in-behandeling" || tr.Uitkomst != "" || tr.Afgesloten != "" {
		t.Errorf("after reopen: %+v", tr)
	}

	results := map[string]bool{}
	for _, e := range c.auditLog() {
		b, _ := json.Marshal(e)
		if s := string(b); strings.Contains(s, "MARK") || strings.Contains(s, "NOTE") || strings.Contains(s, "OUDMET") {
			t.Errorf("audit entry holds a text: %s", s)
		}
		results[e.Resultaat] = true
	}
	for _, r := range []string{"contact-gewijzigd", "contact-verwijderd", "status-gecorrigeerd", "status-verwijderd",
		"actie-verwijderd", "heropend"} {
		if !results[r] {
			t.Errorf("no audit entry %q", r)
		}
	}
	if out := c.ok("help"); !strings.Contains(out, "contact wijzig NR") || !strings.Contains(out, "reopen (--bsn N | --id N)") ||
		!strings.Contains(out, "followup status-corrigeer") || !strings.Contains(out, "acties [--json] [--mijn]") {
		t.Errorf("help lacks the new commands:\n%s", out)
	}
}

// acties lists every planned action by date, for the team or (--mijn) for the
// configured user; --mijn without a user name says how to set one.
func TestActiesEndToEnd(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--gemeente", "0193")
	c.ok("import", examples)
	c.colleagues("Petra", "Ahmed")
	c.ok("followup", "set", "--bsn", "999990019", "--domein", "onderdak", "--verantwoordelijke", "Petra",
		"--actie", "Opvang bellen", "--actiedatum", "2019-08-01")
	c.ok("followup", "set", "--bsn", "999990019", "--domein", "identiteitsbewijs", "--verantwoordelijke", "Ahmed",
		"--actie", "ID-kaart aanvragen", "--actiedatum", "2019-08-07")
	c.ok("followup", "set", "--bsn", "999990019", "--domein", "zorg-voor-thuis", "--verantwoordelijke", "petra",
		"--actie", "Kinderopvang", "--actiedatum", "2019-09-30")

	acties := func(args ...string) actiesJSON {
		t.Helper()
		var a actiesJSON
		if err := json.Unmarshal([]byte(c.ok(append([]string{"acties", "--json", "--nu", "2019-08-05"}, args...)...)), &a); err != nil {
			t.Fatal(err)
		}
		return a
	}
	a := acties()
	if a.Vandaag != "2019-08-05" || a.Mijn || a.Aantal != 3 || len(a.Achterstallig) != 1 || len(a.DezeWeek) != 1 || len(a.Later) != 1 {
		t.Fatalf("team = %+v", a)
	}
	if x := a.Achterstallig[0]; x.BSN != "999990019" || x.Domein != "onderdak" || x.Dagen != -4 || x.Actie != "Opvang bellen" ||
		x.PersoonID == 0 || x.Naam != "Jan Willem van der Berg" {
		t.Errorf("overdue = %+v", x)
	}
	// The configured user name is SQLite's; on the team database "mijn" is the login role
	// (storage/postgres TestMineIsTheLoginRole).
	if !storage.IsURI(c.db) {
		if _, errOut, code := c.run("acties", "--mijn"); code != 1 || !strings.Contains(errOut, "gebruikersnaam") {
			t.Errorf("--mijn without a user: exit %d, %q", code, errOut)
		}
		c.sqlite(t, "INSERT INTO settings (key, value) VALUES ('gebruiker', 'Petra')")
		m := acties("--mijn")
		if !m.Mijn || m.Gebruiker != "Petra" || m.Aantal != 2 || len(m.DezeWeek) != 0 || len(m.Later) != 1 {
			t.Errorf("mine = %+v", m)
		}
	}
	out := c.ok("acties", "--nu", "2019-08-05")
	for _, want := range []string{"Acties van het team op 05-08-2019: 3", "Achterstallig (1)", "Deze week (1)", "Later (1)",
		"01-08-2019  Jan Willem van der Berg", "BSN *****0019", "onderdak: Opvang bellen — Petra"} {
		if !strings.Contains(out, want) {
			t.Errorf("acties lacks %q:\n%s", want, out)
		}
	}
}
