package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/internal/apptest"
)

// intrekkingAlle revokes every domain of the examples' person.
var intrekkingAlle = func() string {
	m := bergMessage(app.Intrekking, "AGG-2019-009901", "2019-07-10T09:00:00+02:00")
	m.Betrokkene.Voorvoegsel = "van der"
	m.Intrekking = &app.Revocation{Ondertekend: app.MustDate("2019-07-09"), Domeinen: []app.Domain{"alle"}}
	return string(apptest.XML(m))
}()

// TestPurgeWhileAnotherProcessReads: the desktop app (here: this test process) holds a
// connection and a long read transaction while the CLI imports an intrekking. The import
// is reported as imported (exit 0, its JSON line, a warning that the wipe follows); the
// purged hulpvraag is still on disk after the CLI exits (its page is not checkpointed); the next command of any
// process completes the wipe, and the text is then in none of the database's files.
func TestPurgeWhileAnotherProcessReads(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the busy timeouts")
	}
	const marker = "Zoekt tijdelijke opvang."
	c := newCLI(t)
	c.sqliteOnly("de WAL en zijn wisopdracht")
	c.ok("init", "--gemeente", "0193")
	ctx := context.Background()
	app, err := sql.Open("sqlite", "file:"+c.db+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	conn, err := app.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	c.ok("import", filepath.Join(examples, "01-melding-begin.xml"), filepath.Join(examples, "02-informatieblad.eml"))

	var n int
	if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
		t.Fatal(err)
	}
	if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM hulpvragen").Scan(&n); err != nil {
		t.Fatal(err)
	}
	rev := filepath.Join(t.TempDir(), "intrekking-alle.xml")
	if err := os.WriteFile(rev, []byte(intrekkingAlle), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := c.run("import", "--json", rev)
	if code != 0 {
		t.Errorf("import of a committed revocation: exit %d, stderr %q", code, errOut)
	}
	var line resultJSON
	if err := json.Unmarshal([]byte(out), &line); err != nil || line.Kenmerk != "AGG-2019-009901" || line.Resultaat != "geimporteerd" {
		t.Errorf("import --json = %q (%v), want the revocation's line", out, err)
	}
	if !strings.Contains(errOut, "Let op") || !strings.Contains(errOut, "gewist") {
		t.Errorf("stderr = %q, want the warning that the wipe follows", errOut)
	}
	// The zeroed pages wait in the WAL; until they are checkpointed the database file (or
	// the WAL, when the hulpvraag had not been checkpointed yet) still holds the text.
	if !inFile(t, c.db, marker) && !inFile(t, c.db+"-wal", marker) {
		t.Fatal("the test does not reproduce the busy log: the hulpvraag is on disk no more")
	}

	if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil { // the reader is done; the app stays open
		t.Fatal(err)
	}
	if _, errOut, code := c.run("persons"); code != 0 || strings.Contains(errOut, "Let op") {
		t.Errorf("next command: exit %d, stderr %q", code, errOut)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if inFile(t, c.db+suffix, marker) {
			t.Errorf("the revoked hulpvraag is still in terugkeer.db%s after the next command", suffix)
		}
	}
}
