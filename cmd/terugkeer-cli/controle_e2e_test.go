package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/internal/apptest"
)

// writeMessage writes m as XML into dir and returns the path.
func writeMessage(t *testing.T, dir, name string, m *app.Message) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, apptest.XML(m), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// otherBerg is a betrokkene with Berg's BSN, another date of birth and an SKN of its own.
func otherBerg() app.Subject {
	s := apptest.Subject("999990019", "Berg")
	s.Voornamen, s.Geboortedatum, s.SKN = "Karel", app.MustDate("1975-03-04"), "7654321"
	return s
}

// The controle end to end: the import says the message waits, list/show/dashboard show
// it, "ander" gives it a file of its own and "zelfde" applies a second one to Berg.
func TestControleEndToEnd(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	c.ok("init", "--gemeente", "0193")
	berg := apptest.Subject("999990019", "Berg")
	c.ok("import", writeMessage(t, dir, "1.xml", apptest.Melding(berg, "2019-05-01", "2019-10-01")))
	c.ok("import", writeMessage(t, dir, "2.xml", apptest.Sheet(berg, "2019-06-03", app.Schulden)))

	held := apptest.Sheet(otherBerg(), "2019-07-01", app.Onderdak)
	held.Informatieblad.Onderwerpen = []app.Answer{{Code: "onderdak.na-detentie", Antwoord: "ja"}}
	out := c.ok("import", writeMessage(t, dir, "3.xml", held))
	if !strings.Contains(out, "Wacht op controle (nr. 1)") || !strings.Contains(out, "1 geïmporteerd (waarvan 1 wacht op controle)") {
		t.Errorf("import text = %q", out)
	}
	line := c.ok("import", "--json", writeMessage(t, dir, "4.xml", apptest.Melding(otherBerg(), "2019-07-02", "")))
	var r map[string]any
	if err := json.Unmarshal([]byte(line), &r); err != nil {
		t.Fatal(err)
	}
	if r["resultaat"] != "geimporteerd" || r["wacht_op_controle"] != true || r["controle_id"] != float64(2) {
		t.Errorf("import --json = %s", line)
	}

	var list []controleJSON
	if err := json.Unmarshal([]byte(c.ok("controle", "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Soort != "informatieblad" || list[0].PersoonID != 1 {
		t.Fatalf("controle list = %+v", list)
	}
	var db struct {
		Controle int `json:"wachten_op_controle"`
	}
	if err := json.Unmarshal([]byte(c.ok("dashboard", "--json")), &db); err != nil || db.Controle != 2 {
		t.Errorf("dashboard wachten_op_controle = %d, %v", db.Controle, err)
	}
	if out := c.ok("dashboard"); !strings.Contains(out, "Wachten op controle: 2 berichten") {
		t.Errorf("dashboard = %q", out)
	}
	show := c.ok("controle", "show", "1")
	for _, want := range []string{"01-01-1980", "04-03-1975", "verschilt", "controle zelfde 1", "controle ander 1"} {
		if !strings.Contains(show, want) {
			t.Errorf("controle show lacks %q:\n%s", want, show)
		}
	}
	if f := c.show("--bsn", "999990019"); f.Domeinen["onderdak"].Toestemming == "ja" {
		t.Error("the held sheet was applied before the decision")
	}

	if out := c.ok("controle", "ander", "1"); !strings.Contains(out, "toegepast op het dossier van persoon 2") {
		t.Errorf("controle ander = %q", out)
	}
	if f := c.show("--skn", "7654321"); f.Domeinen["onderdak"].Toestemming != "ja" {
		t.Errorf("new person's onderdak = %+v", f.Domeinen["onderdak"])
	}
	if out := c.ok("controle", "zelfde", "2"); !strings.Contains(out, "toegepast op het dossier van persoon 1") {
		t.Errorf("controle zelfde = %q", out)
	}
	if out := c.ok("controle", "list"); !strings.Contains(out, "Er wachten geen berichten op controle.") {
		t.Errorf("controle list = %q", out)
	}
	if _, errOut, code := c.run("controle", "zelfde", "2"); code == 0 || !strings.Contains(errOut, "Niet gevonden") {
		t.Errorf("deciding twice: exit %d, %q", code, errOut)
	}
	audit := c.ok("audit", "--json")
	if !strings.Contains(audit, app.ResultaatAnderePersoon) || !strings.Contains(audit, app.ResultaatZelfdePersoon) {
		t.Error("decisions not in the audit log")
	}
	for _, pd := range []string{"Karel", "1975-03-04", "7654321"} {
		if strings.Contains(audit, pd) {
			t.Errorf("audit log holds %q", pd)
		}
	}
}
