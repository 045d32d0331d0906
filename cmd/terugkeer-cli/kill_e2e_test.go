//go:build unix

package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx", for readDB on PostgreSQL
	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/demo"
	"github.com/terugkeer/terugkeer/storage"
)

// TestImportKilledAtRandomPoints: `import` with group commit is killed with SIGKILL at
// seeded random points (after a random number of reported messages, or after a random
// delay, which may fall before the first commit), and rerun over the same folder, round
// after round; a last run completes. Every message import --json reported as imported
// before a kill is in the database after it (acknowledged means committed), and at the
// end every generated message is imported exactly once: one messages row and one
// 'geimporteerd' audit entry per kenmerk, one person per generated person, and the audit
// chain verifies (audit --verify).
func TestImportKilledAtRandomPoints(t *testing.T) {
	c := newCLI(t)
	c.sqliteOnly("de test leest de tabellen van het SQLite-bestand na elke kill")
	c.ok("init", "--gemeente", "0193")
	dir := t.TempDir()
	kenmerken, persons := writeKillMessages(t, dir)
	r := rand.New(rand.NewPCG(19, 2))
	killed := 0
	for round := range 8 {
		acked, wasKilled := c.importKilled(t, dir, r, len(kenmerken))
		if wasKilled {
			killed++
		}
		stored := c.storedKenmerken(t)
		for k := range acked {
			if !stored[k] {
				t.Fatalf("round %d: %s was reported imported before the kill and is not in the database", round, k)
			}
		}
	}
	if killed == 0 {
		t.Fatal("no run was killed before it finished: the test proves nothing")
	}
	out, errOut, code := c.run("import", dir)
	if code != 0 {
		t.Fatalf("last run: exit %d: %s", code, errOut)
	}
	t.Logf("%d of 8 runs killed; last run: %s", killed, out)

	stored := c.storedKenmerken(t)
	for _, k := range kenmerken {
		if !stored[k] {
			t.Errorf("%s lost", k)
		}
	}
	if len(stored) != len(kenmerken) {
		t.Errorf("%d messages stored, %d generated", len(stored), len(kenmerken))
	}
	db := c.readDB(t)
	var doubled, entries, nPersons int
	err := db.QueryRow(`SELECT count(*), coalesce(sum(CASE WHEN n > 1 THEN 1 ELSE 0 END), 0) FROM (SELECT count(*) AS n
		FROM audit WHERE actie = 'import' AND resultaat = 'geimporteerd' GROUP BY bron) AS per_bron`).Scan(&entries, &doubled)
	if err != nil {
		t.Fatal(err)
	}
	if entries != len(kenmerken) || doubled != 0 {
		t.Errorf("audit: %d kenmerken imported, %d of them more than once; want %d, 0", entries, doubled, len(kenmerken))
	}
	if err := db.QueryRow(`SELECT count(*) FROM persons`).Scan(&nPersons); err != nil {
		t.Fatal(err)
	}
	if nPersons != persons {
		t.Errorf("%d persons, %d generated", nPersons, persons)
	}
	if out, errOut, code := c.run("audit", "--verify"); code != 0 {
		t.Errorf("audit --verify: exit %d: %s %s", code, out, errOut)
	}
}

// writeKillMessages writes a few hundred generated messages (v1 and v2, with purges) as
// numbered files, in the order they were sent, and returns their kenmerken and the
// number of persons.
func writeKillMessages(t *testing.T, dir string) ([]string, int) {
	t.Helper()
	o := demo.Options{Personen: 90, Seed: 19, Nu: app.DateOf(time.Now()), GeenBSN: true}
	var kenmerken []string
	err := demo.Generate(context.Background(), o, func(b demo.Bericht) error {
		kenmerken = append(kenmerken, b.Naam[:len(b.Naam)-len(".xml")])
		return os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d.xml", len(kenmerken))), b.Data, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(kenmerken) < 200 {
		t.Fatalf("only %d messages generated", len(kenmerken))
	}
	return kenmerken, o.Personen
}

// importKilled runs import --json over dir and kills it with SIGKILL after a random
// number of reported messages, or after a random delay; it returns the kenmerken
// reported as imported and whether the process was killed (it may have finished).
func (c *cli) importKilled(t *testing.T, dir string, r *rand.Rand, total int) (map[string]bool, bool) {
	t.Helper()
	cmd := exec.Command(c.bin, "--db", c.db, "import", "--json", dir)
	cmd.Env = []string{"HOME=" + t.TempDir(), "LANG=C"}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	afterLines := -1
	if r.IntN(3) > 0 {
		afterLines = 1 + r.IntN(total/2)
	} else {
		delay := time.Duration(r.IntN(400)) * time.Millisecond
		time.AfterFunc(delay, func() { cmd.Process.Signal(syscall.SIGKILL) }) //nolint:errcheck // it may have ended
	}
	acked := map[string]bool{}
	sc := bufio.NewScanner(stdout)
	for n := 0; sc.Scan(); n++ {
		if n == afterLines {
			cmd.Process.Signal(syscall.SIGKILL) //nolint:errcheck // it may have ended
		}
		var line resultJSON
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("import --json line %q: %v", sc.Text(), err)
		}
		if line.Resultaat == string(app.Geimporteerd) {
			acked[line.Kenmerk] = true
		}
	}
	err = cmd.Wait()
	ee, ok := err.(*exec.ExitError)
	wasKilled := ok && ee.Sys().(syscall.WaitStatus).Signaled()
	if err != nil && !wasKilled {
		t.Fatalf("import failed: %v", err)
	}
	return acked, wasKilled
}

// storedKenmerken returns the kenmerken in the messages table.
func (c *cli) storedKenmerken(t *testing.T) map[string]bool {
	t.Helper()
	rows, err := c.readDB(t).Query(`SELECT kenmerk FROM messages`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			t.Fatal(err)
		}
		if out[k] {
			t.Errorf("%s twice in messages", k)
		}
		out[k] = true
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// readDB opens the database for reading, as another process would (a killed import
// may have left a WAL: SQLite recovers it on open); a PostgreSQL URI through pgx's
// database/sql driver. Closed when the test ends.
func (c *cli) readDB(t *testing.T) *sql.DB {
	t.Helper()
	driver, dsn := "sqlite", "file:"+c.db+"?_pragma=busy_timeout(5000)"
	if storage.IsURI(c.db) {
		driver, dsn = "pgx", c.db
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
