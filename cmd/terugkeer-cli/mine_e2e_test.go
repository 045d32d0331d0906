package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/storage"
)

// persons --mijn: the persons of whom you are verantwoordelijke of a domain or action,
// compared as acties --mijn compares; without a user name, exit 1 saying so.
func TestPersonsMijn(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--gemeente", "0193")
	c.ok("import", examples)
	if !storage.IsURI(c.db) { // on a team database the signed-in login role is the user
		if _, errOut, code := c.run("persons", "--mijn"); code != 1 || !strings.Contains(errOut, "gebruikersnaam") {
			t.Errorf("--mijn without a user: exit %d, %q", code, errOut)
		}
		c.sqlite(t, "INSERT INTO settings (key, value) VALUES ('gebruiker', 'Petra de Vries')")
	}
	var a actiesJSON
	if err := json.Unmarshal([]byte(c.ok("acties", "--json")), &a); err != nil || a.Gebruiker == "" {
		t.Fatalf("user: %q, %v", a.Gebruiker, err)
	}
	me := a.Gebruiker
	mine := func() []personJSON {
		t.Helper()
		var ps []personJSON
		if err := json.Unmarshal([]byte(c.ok("persons", "--mijn", "--json")), &ps); err != nil {
			t.Fatal(err)
		}
		return ps
	}
	c.colleagues("Ahmed")
	c.ok("followup", "set", "--bsn", "999990019", "--domein", "onderdak", "--verantwoordelijke", "Ahmed")
	if ps := mine(); len(ps) != 0 {
		t.Errorf("mine while Ahmed is verantwoordelijke: %+v", ps)
	}
	c.ok("followup", "set", "--bsn", "999990019", "--domein", "identiteitsbewijs", "--verantwoordelijke", " "+strings.ToUpper(me),
		"--actie", "ID-kaart aanvragen", "--actiedatum", "2019-08-07")
	if ps := mine(); len(ps) != 1 || ps[0].BSN != "999990019" {
		t.Errorf("mine = %+v, want Berg", ps)
	}
	if out := c.ok("persons", "--mijn"); !strings.Contains(out, "Berg") {
		t.Errorf("persons --mijn:\n%s", out)
	}
}
