package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDemoGeneratesDeterministically(t *testing.T) {
	var lists [2]string
	for i := range lists {
		c := newCLI(t)
		out, errOut, code := c.run("demo", "--personen", "200", "--seed", "3", "--nu", "2026-03-01", "--batch", []string{"1", "100"}[i])
		if code != 0 {
			t.Fatalf("demo: exit %d: %s", code, errOut)
		}
		if !strings.Contains(out, "200 personen gegenereerd") || strings.Contains(errOut, "999") {
			t.Errorf("demo output %q, progress %q", out, errOut)
		}
		lists[i], errOut, code = c.run("persons", "--json")
		if code != 0 {
			t.Fatalf("persons: %s", errOut)
		}
	}
	var persons []personJSON
	if err := json.Unmarshal([]byte(lists[0]), &persons); err != nil {
		t.Fatal(err)
	}
	if len(persons) != 200 {
		t.Errorf("%d persons, want 200", len(persons))
	}
	if lists[0] != lists[1] {
		t.Error("the durable path (--batch 1) and the bulk path give different persons")
	}
}

func TestDemoWithoutPersonsLoadsExamples(t *testing.T) {
	c := newCLI(t)
	out, errOut, code := c.run("demo")
	if code != 0 || !strings.Contains(out, "Voorbeeldberichten") {
		t.Fatalf("demo: exit %d: %s %s", code, out, errOut)
	}
}

func TestBenchSmoke(t *testing.T) {
	c := newCLI(t)
	c.sqliteOnly("de kopieën als bestanden naast de database; PostgreSQL: TestBenchOnPostgres")
	if _, errOut, code := c.run("demo", "--personen", "300", "--nu", "2026-03-01"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	// A leftover of a killed run (a process id that does not run) is removed.
	leftover := filepath.Join(filepath.Dir(c.db), ".terugkeer-bench-999999999")
	if err := os.MkdirAll(leftover, 0o700); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := c.run("bench", "--berichten", "40", "--herhalingen", "3")
	if code != 0 {
		t.Fatalf("bench: exit %d: %s", code, errOut)
	}
	// The copies lived beside the database and are gone: only the database's own files stay.
	entries, err := os.ReadDir(filepath.Dir(c.db))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "terugkeer.db") {
			t.Errorf("bench left %s beside the database", e.Name())
		}
	}
	for _, want := range []string{"zoeken: BSN", "plafond", "PDF", "dashboard"} {
		if !strings.Contains(out, want) {
			t.Errorf("bench output lacks %q:\n%s", want, out)
		}
	}
}
