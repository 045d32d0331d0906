package main

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/internal/apptest"
	"github.com/terugkeer/terugkeer/storage"
)

// sqlite runs stmt on the database past the program: with the sqlite3 shell on a SQLite
// file, on PostgreSQL directly (internal/apptest.ExecSQL).
func (c *cli) sqlite(t *testing.T, stmt string) {
	t.Helper()
	if storage.IsURI(c.db) {
		apptest.ExecSQL(t, c.db, stmt)
		return
	}
	bin, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Skip("sqlite3 shell not installed (make deps installs it)")
	}
	if out, err := exec.Command(bin, c.db, stmt).CombinedOutput(); err != nil {
		t.Fatalf("sqlite3: %v: %s", err, out)
	}
}

func (c *cli) auditLog() []auditJSON {
	c.t.Helper()
	var es []auditJSON
	if err := json.Unmarshal([]byte(c.ok("audit", "--json")), &es); err != nil {
		c.t.Fatal(err)
	}
	return es
}

func TestAuditVerifyDetectsEditAndDeletion(t *testing.T) {
	for _, tamper := range []struct{ name, stmt string }{
		{"edit", "UPDATE audit SET aantal = aantal + 1 WHERE id = 3"},
		{"delete", "DELETE FROM audit WHERE id = 3"},
	} {
		t.Run(tamper.name, func(t *testing.T) {
			c := newCLI(t)
			c.ok("init", "--gemeente", "0193")
			c.ok("import", examples)
			c.ok("show", "--bsn", "999990019")
			es := c.auditLog()
			if len(es) < 5 {
				t.Fatalf("%d audit entries", len(es))
			}
			for _, e := range es {
				raw, _ := json.Marshal(e)
				for _, personal := range []string{"999990019", "12345678", "Berg", "Jan Willem", "opvang"} {
					if strings.Contains(string(raw), personal) {
						t.Errorf("audit entry %d holds personal data %q", e.ID, personal)
					}
				}
			}
			if out := c.ok("audit", "--verify"); !strings.Contains(out, "intact") {
				t.Errorf("verify on an intact log: %q", out)
			}
			c.sqlite(t, tamper.stmt)
			_, errOut, code := c.run("audit", "--verify")
			want := "regel 3 " // the edited entry, or the one after the deleted
			if tamper.name == "delete" {
				want = "regel 4 "
			}
			if code == 0 || !strings.Contains(errOut, want) || !strings.Contains(errOut, "niet intact") {
				t.Errorf("verify after %s: exit %d, stderr %q, want it to name %q", tamper.name, code, errOut, want)
			}
		})
	}
}

func TestRetentionRunNuEndToEnd(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--gemeente", "0193")
	c.ok("import", examples) // one person, release 2019-08-12 (definitief); one quarantined message
	c.ok("close", "--bsn", "999990019", "--uitkomst", "zonder-maatregelen", "--datum", "2019-09-01")
	f := c.show("--bsn", "999990019")
	if f.Traject != (trajectJSON{"afgesloten", "zonder-maatregelen", "2019-09-01"}) {
		t.Errorf("traject = %+v", f.Traject)
	}
	out := c.ok("retention", "run", "--nu", "2020-05-31")
	if !strings.Contains(out, "personen: 0") {
		t.Errorf("a day before the term ends: %q", out)
	}
	out = c.ok("retention", "run", "--dry-run", "--nu", "2020-06-01")
	if !strings.Contains(out, "personen: 1") || !strings.Contains(out, "proefrun") {
		t.Errorf("dry run: %q", out)
	}
	c.show("--bsn", "999990019") // still there after the dry run
	out = c.ok("retention", "run", "--nu", "2020-06-01")
	if !strings.Contains(out, "personen: 1") {
		t.Errorf("on the day the term ends: %q", out)
	}
	if _, _, code := c.run("show", "--bsn", "999990019"); code == 0 {
		t.Error("person still shown after the retention run")
	}
	c.ok("audit", "--verify")

	c.ok("retention", "set", "quarantaine", "30d")
	if out := c.ok("retention", "show"); !strings.Contains(out, "30d (30 dagen)") {
		t.Errorf("retention show = %q", out)
	}
	if _, errOut, code := c.run("retention", "set", "quarantaine", "drie"); code == 0 || !strings.Contains(errOut, "termijn") {
		t.Errorf("bad term: exit %d, %q", code, errOut)
	}
}

func TestRemoveEndToEnd(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--gemeente", "0193")
	c.ok("import", filepath.Join(examples, "01-melding-begin.xml"))
	f := c.show("--bsn", "999990019")
	if _, _, code := c.run("remove", "--bsn", "999990019", "--id", "1"); code != exitUsage {
		t.Errorf("remove with two selectors: exit %d", code)
	}
	c.ok("remove", "--bsn", "999990019")
	if _, _, code := c.run("show", "--bsn", "999990019"); code == 0 {
		t.Error("removed person still shown")
	}
	var found bool
	for _, e := range c.auditLog() {
		found = found || (e.Actie == "purge" && e.ObjectID == f.ID && e.Resultaat == "verwijderd")
	}
	if !found {
		t.Error("removal not in the audit log")
	}
}

// TestAuditVerifyDetectsTruncation: removing entries at either end, all of them, or the
// seal itself, and writing a seal by hand, are each reported (the chain alone let the
// first two and "delete everything" pass as intact).
func TestAuditVerifyDetectsTruncation(t *testing.T) {
	for _, tamper := range []struct{ name, stmt, want string }{
		{"all", "DELETE FROM audit", "alle regels zijn verwijderd"},
		{"oldest-with-anchor", "DELETE FROM audit WHERE id <= 2; INSERT INTO settings (key, value) " +
			"VALUES ('logboek.anker', (SELECT prev_hash FROM audit ORDER BY id LIMIT 1)) " +
			"ON CONFLICT (key) DO UPDATE SET value = excluded.value", "de oudste regels zijn verwijderd"},
		{"newest", "DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)", "de nieuwste regels zijn verwijderd"},
		{"seal-removed", "DELETE FROM logboek_zegel", "het zegel van het logboek ontbreekt"},
		{"seal-forged", "DELETE FROM audit; UPDATE logboek_zegel SET aantal = 0, laatste = anker", "buiten Terugkeer gewijzigd"},
	} {
		t.Run(tamper.name, func(t *testing.T) {
			c := newCLI(t)
			c.ok("init", "--gemeente", "0193")
			c.ok("import", examples)
			if out := c.ok("audit", "--verify"); !strings.Contains(out, "intact") {
				t.Fatalf("verify on an intact log: %q", out)
			}
			c.sqlite(t, tamper.stmt)
			_, errOut, code := c.run("audit", "--verify")
			if code == 0 || !strings.Contains(errOut, "niet intact") || !strings.Contains(errOut, tamper.want) {
				t.Errorf("verify after %s: exit %d, stderr %q, want %q", tamper.name, code, errOut, tamper.want)
			}
			// The next append does not make the tampered log look whole again.
			c.ok("show", "--bsn", "999990019")
			if _, errOut, code := c.run("audit", "--verify"); code == 0 {
				t.Errorf("verify after %s and one more entry: intact (%q)", tamper.name, errOut)
			}
		})
	}
}
