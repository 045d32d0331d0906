package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// forgedName is a surname with CR LF (as XML character references, which XML keeps)
// followed by what looks like another row of 'persons': a fake BSN and release date.
const forgedName = "Berg&#13;&#10;2  Nep, Rij  01-01-1970  999990032  PI Nergens  01-01-2030"

func forgedMelding(achternaam string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<bericht xmlns="urn:terugkeer:bericht:1" versie="1" soort="melding-begin-detentie" kenmerk="VIS-1" verzonden="2019-05-21T08:00:00+02:00">
  <afzender><inrichting code="PI-ZWL">PI Zwolle</inrichting></afzender>
  <gemeente code="0193">Zwolle</gemeente>
  <betrokkene><bsn>999990019</bsn><voornamen>Jan&#x85;&#x202E;</voornamen><achternaam>` + achternaam + `</achternaam><geboortedatum>1988-02-29</geboortedatum></betrokkene>
  <detentie><begindatum>2019-05-20</begindatum><einddatum status="verwacht">2019-08-14</einddatum></detentie>
</bericht>`
}

// A name with CR LF cannot forge a row of 'persons' or a line of 'show'; the JSON output
// and the database keep the name exactly as received.
func TestControlCharactersInNamesEndToEnd(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--gemeente", "0193")
	dir := t.TempDir()
	file := filepath.Join(dir, "melding.xml")
	if err := os.WriteFile(file, []byte(forgedMelding(forgedName)), 0o600); err != nil {
		t.Fatal(err)
	}
	c.ok("import", file)
	out := c.ok("persons")
	if lines := strings.Split(strings.TrimRight(out, "\n"), "\n"); len(lines) != 2 {
		t.Errorf("persons prints %d lines, want a header and one row:\n%s", len(lines), out)
	}
	if strings.ContainsAny(out, "\r\u0085\u202e") || !strings.Contains(out, `Berg\r\n2  Nep, Rij`) || !strings.Contains(out, `Jan\x85\u202e`) {
		t.Errorf("persons = %q", out)
	}
	show := c.ok("show", "--bsn", "999990019")
	for _, l := range strings.Split(show, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "2  Nep") {
			t.Errorf("show has a forged line %q", l)
		}
	}
	var rows []personJSON
	if err := json.Unmarshal([]byte(c.ok("persons", "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || !strings.HasPrefix(rows[0].Achternaam, "Berg\r\n2  Nep, Rij") || rows[0].Voornamen != "Jan\u0085\u202e" {
		t.Errorf("persons --json = %+v, want the name exactly as received", rows)
	}
}

// ESC and OSC sequences in a file name and in a quarantined message reach no terminal
// through 'quarantine list' or 'quarantine show', nor through import's summary.
func TestControlCharactersInQuarantineEndToEnd(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--gemeente", "0193")
	dir := t.TempDir()
	file := filepath.Join(dir, "bericht\x1b]0;GEHACKT\x07\x1b[2J.xml")
	if err := os.WriteFile(file, []byte("<geen-bericht>\x1b[31mrood\x1b]8;;http://x.test\x07link\r\n\u009b2J</geen-bericht>\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	outputs := map[string]string{"import": c.ok("import", file), "list": c.ok("quarantine", "list"), "show": c.ok("quarantine", "show", "1")}
	for name, out := range outputs {
		if strings.ContainsAny(out, "\x1b\x07\r\u009b") {
			t.Errorf("quarantine %s prints control characters: %q", name, out)
		}
		if !strings.Contains(out, `bericht\x1b]0;GEHACKT\x07\x1b[2J.xml`) {
			t.Errorf("%s does not show the file name visibly: %q", name, out)
		}
	}
	if !strings.Contains(outputs["show"], `\x1b[31mrood\x1b]8;;http://x.test\x07link`+"\n"+`\x9b2J`) {
		t.Errorf("show = %q", outputs["show"])
	}
	if q := c.quarantine(); len(q) != 1 || q[0].Bron != file {
		t.Errorf("quarantine list --json = %+v, want the file name exactly", q)
	}
}

// The D&R-plan's free text in 'show' cannot add lines either.
func TestControlCharactersInPlanEndToEnd(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--gemeente", "0193")
	raw, err := os.ReadFile("../../importers/voorbeelden-v2/03-dr-plan-nieuwer.xml")
	if err != nil {
		t.Fatal(err)
	}
	plan := strings.Replace(string(raw), "<situatie>Huurwoning opgezegd", "<situatie>Huurwoning&#10;  Werk en inkomen&#10;    Situatie: NEP&#x9B;2J opgezegd", 1)
	file := filepath.Join(t.TempDir(), "plan.xml")
	if err := os.WriteFile(file, []byte(plan), 0o600); err != nil {
		t.Fatal(err)
	}
	c.ok("import", file)
	out := c.ok("show", "--bsn", "999995005")
	if !strings.Contains(out, `Situatie: Huurwoning\n  Werk en inkomen\n    Situatie: NEP`) {
		t.Errorf("show = %s", out)
	}
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "Situatie: NEP") {
			t.Errorf("show has a forged line %q", l)
		}
	}
}
