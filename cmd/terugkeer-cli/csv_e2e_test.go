package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// persons --csv and report vrijlatingen --csv write the lists for Excel (BOM, ';'), the
// BSN masked unless --volledig-bsn, and each export is in the audit log.
func TestCSVExports(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--gemeente", "0193")
	c.ok("import", examples)

	out := c.ok("persons", "--csv", "--zoek", "berg")
	lines := strings.Split(out, "\r\n")
	if !strings.HasPrefix(out, "\uFEFFNaam;BSN;Geboortedatum;") || len(lines) != 3 ||
		!strings.HasPrefix(lines[1], "Jan Willem van der Berg;*****0019;29-02-1988;PI Zwolle;12-08-2019;definitief;") {
		t.Errorf("persons --csv = %q", out)
	}
	if out := c.ok("persons", "--csv", "--volledig-bsn"); !strings.Contains(out, ";999990019;") {
		t.Errorf("persons --csv --volledig-bsn = %q", out)
	}

	dir := t.TempDir()
	file := filepath.Join(dir, "vrijlatingen.csv")
	if out := c.ok("report", "vrijlatingen", "--nu", "2019-08-01", "--weken", "2", "--csv", "--uit", file); !strings.Contains(out, "opgeslagen") {
		t.Errorf("stdout = %q", out)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if s := string(b); !strings.HasPrefix(s, "\uFEFFNaam;") || !strings.Contains(s, "Jan Willem van der Berg;*****0019;") ||
		!strings.Contains(s, "nog 11 dagen") || !strings.Contains(s, "toestemming ingetrokken") {
		t.Errorf("vrijlatingen --csv = %q", s)
	}
	if st, err := os.Stat(file); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("file mode: %v %v", st, err)
	}

	audit := c.ok("audit", "--json")
	if n := strings.Count(audit, `"actie": "export"`); n != 3 {
		t.Errorf("%d exports in the audit log, want 3:\n%s", n, audit)
	}
	for _, args := range [][]string{{"persons", "--json", "--csv"}, {"persons", "--volledig-bsn"}, {"report", "vrijlatingen", "--volledig-bsn", "--uit", file + ".pdf"}} {
		if _, errOut, code := c.run(args...); code != exitUsage {
			t.Errorf("%v: exit %d, stderr %q; want a usage error", args, code, errOut)
		}
	}
}
