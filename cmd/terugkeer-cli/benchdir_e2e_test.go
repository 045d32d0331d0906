//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// benchLeftovers lists the bench folders beside the database.
func benchLeftovers(t *testing.T, c *cli) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(filepath.Dir(c.db), ".terugkeer-bench-*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestBenchCopiesStayBesideTheDatabase: bench's snapshot lives in a private folder beside
// the database, never in $TMPDIR (where purges and retention never reach it); a command
// beside a running bench leaves its folder alone; the folder of a killed run is removed
// by the next command, and a finished run removes its own.
func TestBenchCopiesStayBesideTheDatabase(t *testing.T) {
	c := newCLI(t)
	c.sqliteOnly("de kopieën als bestanden naast de database; PostgreSQL: TestBenchOnPostgres")
	if _, errOut, code := c.run("demo", "--personen", "300", "--nu", "2026-03-01"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	tmp := t.TempDir()
	bench := exec.Command(c.bin, "--db", c.db, "bench", "--berichten", "2000", "--herhalingen", "50")
	bench.Env = []string{"HOME=" + t.TempDir(), "LANG=C", "TMPDIR=" + tmp}
	if err := bench.Start(); err != nil {
		t.Fatal(err)
	}
	ended := make(chan error, 1)
	go func() { ended <- bench.Wait() }()
	defer func() {
		bench.Process.Kill()
		<-ended
	}()
	var dir string
	for dir == "" { // wait for the snapshot to be complete
		if m := benchLeftovers(t, c); len(m) == 1 {
			if fi, err := os.Stat(filepath.Join(m[0], "basis.db")); err == nil && fi.Size() > 0 {
				dir = m[0]
			}
		}
		select {
		case err := <-ended:
			ended <- err
			t.Fatalf("bench ended (%v) without a copy beside the database", err)
		case <-time.After(20 * time.Millisecond):
		}
	}
	assertPerm(t, dir, 0o700)
	assertPerm(t, filepath.Join(dir, "basis.db"), 0o600)
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("bench wrote to $TMPDIR: %v", entries)
	}
	c.ok("persons")
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("a command beside a running bench removed its folder: %v", err)
	}
	bench.Process.Kill() // as kill -9: no clean-up of its own
	ended <- <-ended
	if len(benchLeftovers(t, c)) != 1 {
		t.Fatal("the killed run left no folder: the test proves nothing")
	}
	c.ok("persons")
	if m := benchLeftovers(t, c); len(m) != 0 {
		t.Errorf("the next command left the killed run's copies: %v", m)
	}

	if out, errOut, code := c.run("bench", "--berichten", "20", "--herhalingen", "2"); code != 0 || !strings.Contains(out, "plafond") {
		t.Fatalf("bench: exit %d: %s", code, errOut)
	}
	if m := benchLeftovers(t, c); len(m) != 0 {
		t.Errorf("a finished bench left its copies: %v", m)
	}
}

func assertPerm(t *testing.T, name string, want os.FileMode) {
	t.Helper()
	fi, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != want {
		t.Errorf("%s: mode %o, want %o", filepath.Base(name), got, want)
	}
}
