package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Notes (issue 18): aantekening add / wijzig / verwijder, shown in show and show --json
// ("aantekeningen" beside "contacten"), refused on a domain without consent, purged by a
// revocation with the domain's follow-up; the audit log holds none of their text.
func TestNotesEndToEnd(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--gemeente", "0193")
	c.ok("import", examples)
	if _, errOut, code := c.run("aantekening", "add", "--bsn", "999990019", "--domein", "zorg", "--tekst", "x"); code != 1 ||
		!strings.Contains(errOut, "toestemming") {
		t.Errorf("note on zorg (no consent): exit %d, %q", code, errOut)
	}
	if _, errOut, code := c.run("aantekening", "add", "--bsn", "999990019", "--domein", "onderdak"); code != 1 ||
		!strings.Contains(errOut, "tekst nodig") {
		t.Errorf("note without text: exit %d, %q", code, errOut)
	}
	c.ok("aantekening", "add", "--bsn", "999990019", "--domein", "onderdak", "--tekst", "Belt terug NOTE1-e2e")
	c.ok("aantekening", "add", "--bsn", "999990019", "--domein", "identiteitsbewijs", "--tekst", "ID-kaart NOTE2-e2e")
	f := c.show("--bsn", "999990019")
	ns := f.Domeinen["onderdak"].Opvolging.Aantekeningen
	if len(ns) != 1 || ns[0].Tekst != "Belt terug NOTE1-e2e" || ns[0].ID == 0 || ns[0].Datum == "" || ns[0].Gewijzigd != "" {
		t.Fatalf("onderdak notes = %+v", ns)
	}
	if z := f.Domeinen["zorg"].Opvolging; z != nil {
		t.Errorf("zorg (no consent) has follow-up %+v", z)
	}
	raw := c.ok("show", "--json", "--bsn", "999990019")
	var generic map[string]any
	if err := json.Unmarshal([]byte(raw), &generic); err != nil {
		t.Fatal(err)
	}
	dom := generic["domeinen"].(map[string]any)["zorg-voor-thuis"].(map[string]any)["opvolging"].(map[string]any)
	if a, ok := dom["aantekeningen"].([]any); !ok || len(a) != 0 {
		t.Errorf("a domain without notes must show \"aantekeningen\": [], got %v", dom["aantekeningen"])
	}
	nr := fmt.Sprint(ns[0].ID)
	if out := c.ok("show", "--bsn", "999990019"); !strings.Contains(out, "Belt terug NOTE1-e2e") || !strings.Contains(out, "(nr. "+nr+")") {
		t.Errorf("show lacks the note:\n%s", out)
	}

	c.ok("aantekening", "wijzig", nr, "--tekst", "Heeft teruggebeld NOTE3-e2e")
	ns = c.show("--bsn", "999990019").Domeinen["onderdak"].Opvolging.Aantekeningen
	if len(ns) != 1 || ns[0].Tekst != "Heeft teruggebeld NOTE3-e2e" || ns[0].Gewijzigd == "" {
		t.Errorf("after wijzig: %+v", ns)
	}
	if c.dbHolds("NOTE1-e2e") {
		t.Error("the old text is still in the database files")
	}
	c.ok("aantekening", "verwijder", nr)
	if ns = c.show("--bsn", "999990019").Domeinen["onderdak"].Opvolging.Aantekeningen; len(ns) != 0 {
		t.Errorf("after verwijder: %+v", ns)
	}
	if _, errOut, code := c.run("aantekening", "verwijder", nr); code != 1 || !strings.Contains(errOut, "geen aantekening met nummer") {
		t.Errorf("second verwijder: exit %d, %q", code, errOut)
	}

	// A revocation of onderdak takes its notes.
	c.ok("aantekening", "add", "--bsn", "999990019", "--domein", "onderdak", "--tekst", "Voor de intrekking NOTE4-e2e")
	if !c.dbHolds("NOTE4-e2e") {
		t.Fatal("the note is not in the database files: the check below could not fail")
	}
	file := filepath.Join(t.TempDir(), "intrekking-onderdak.xml")
	if err := os.WriteFile(file, intrekkingOnderdak(), 0o600); err != nil {
		t.Fatal(err)
	}
	c.ok("import", file)
	if op := c.show("--bsn", "999990019").Domeinen["onderdak"].Opvolging; op != nil {
		t.Errorf("onderdak after the revocation: %+v", op)
	}
	if c.dbHolds("NOTE4-e2e") {
		t.Error("the revoked domain's note is still in the database files")
	}
	if got := c.show("--bsn", "999990019").Domeinen["identiteitsbewijs"].Opvolging.Aantekeningen; len(got) != 1 {
		t.Errorf("identiteitsbewijs notes = %+v", got)
	}
	for _, e := range c.auditLog() {
		b, _ := json.Marshal(e)
		if strings.Contains(string(b), "NOTE") || strings.Contains(string(b), "Belt terug") {
			t.Errorf("audit entry holds a text: %s", b)
		}
	}
	if out := c.ok("help"); !strings.Contains(out, "aantekening add (--bsn N | --id N) --domein D --tekst TEKST") {
		t.Errorf("help lacks aantekening:\n%s", out)
	}
}
