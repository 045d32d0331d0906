package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// show --ingezien: who viewed, exported or changed a person's file, newest first,
// bounded by --aantal with the true total; listing it is not an inzage itself.
func TestShowIngezien(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--gemeente", "0193")
	c.ok("import", examples)
	c.show("--bsn", "999990019")
	c.ok("followup", "set", "--bsn", "999990019", "--domein", "onderdak", "--status", "in-behandeling")
	c.show("--bsn", "999990019")

	seen := func(args ...string) accessJSON {
		t.Helper()
		var a accessJSON
		if err := json.Unmarshal([]byte(c.ok(append([]string{"show", "--ingezien", "--json", "--bsn", "999990019"}, args...)...)), &a); err != nil {
			t.Fatal(err)
		}
		return a
	}
	all := seen()
	if all.PersoonID == 0 || all.Totaal < 4 || len(all.Regels) != all.Totaal {
		t.Fatalf("all = %+v", all)
	}
	if r := all.Regels; r[0].Actie != "inzage" || r[1].Actie != "wijziging" || r[2].Actie != "inzage" ||
		r[len(r)-1].Actie != "import" || r[0].ID <= r[1].ID {
		t.Errorf("not newest first: %+v", r)
	}
	for _, r := range all.Regels {
		if r.Object != "persoon" || r.ObjectID != all.PersoonID {
			t.Errorf("entry about %s %d", r.Object, r.ObjectID)
		}
	}
	two := seen("--aantal", "2")
	if two.Totaal != all.Totaal || len(two.Regels) != 2 || two.Regels[0].ID != all.Regels[0].ID {
		t.Errorf("--aantal 2 = %+v", two)
	}
	if again := seen(); again.Totaal != all.Totaal {
		t.Errorf("listing who viewed the file added %d entries about it", again.Totaal-all.Totaal)
	}
	out := c.ok("show", "--ingezien", "--aantal", "2", "--bsn", "999990019")
	for _, want := range []string{"de nieuwste 2 van", "Tijd", "Gebruiker", "inzage"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Berg") {
		t.Errorf("the access list names the person:\n%s", out)
	}
}
