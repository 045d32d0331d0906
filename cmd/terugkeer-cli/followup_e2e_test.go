package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/internal/apptest"
	"github.com/terugkeer/terugkeer/storage"
)

// dbHolds reports whether any file of the database directory holds s (any case); on
// PostgreSQL, any row of any table (internal/apptest.MarkerInRows).
func (c *cli) dbHolds(s string) bool {
	c.t.Helper()
	if storage.IsURI(c.db) {
		return apptest.MarkerInRows(c.t, c.db, s)
	}
	found := false
	err := filepath.WalkDir(filepath.Dir(c.db), func(name string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(name)
		found = found || bytes.Contains(bytes.ToLower(b), []byte(strings.ToLower(s)))
		return err
	})
	if err != nil {
		c.t.Fatal(err)
	}
	return found
}

func (c *cli) dashboard(args ...string) dashboardJSON {
	c.t.Helper()
	var d dashboardJSON
	if err := json.Unmarshal([]byte(c.ok(append([]string{"dashboard", "--json"}, args...)...)), &d); err != nil {
		c.t.Fatal(err)
	}
	return d
}

func findSignal(d dashboardJSON, soort, bsn, domein string) *signalJSON {
	for _, s := range d.Signalen {
		if s.Soort == soort && s.BSN == bsn && (s.Domein == domein || slices.Contains(s.Domeinen, domein)) {
			return &s
		}
	}
	return nil
}

// intrekkingOnderdak revokes onderdak of the examples' person on 2019-08-06.
func intrekkingOnderdak() []byte {
	m := bergMessage(app.Intrekking, "AGG-2019-000199", "2019-08-06T09:00:00+02:00")
	m.Betrokkene.Voornamen = ""
	m.Intrekking = &app.Revocation{Ondertekend: app.MustDate("2019-08-06"), Domeinen: []app.Domain{app.Onderdak}}
	return apptest.XML(m)
}

// The "done when": with the spec's examples plus a few follow-up entries, the
// dashboard lists 999990019 as released within 14 days with onderdak not arranged; a
// revocation of onderdak removes its follow-up and contacts from show --json and from
// the database file, while algemeen contacts stay.
func TestFollowupDashboardAndRevocationEndToEnd(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--gemeente", "0193")
	c.ok("import", examples)
	c.colleagues("Fatima Collega")
	c.ok("followup", "set", "--bsn", "999990019", "--domein", "onderdak", "--status", "in-behandeling",
		"--verantwoordelijke", "Fatima Collega", "--actie", "Bel opvang MARKER-act-5e", "--actiedatum", "2019-08-09")
	c.ok("followup", "set", "--bsn", "999990019", "--domein", "identiteitsbewijs", "--status", "geregeld")
	c.ok("contact", "add", "--bsn", "999990019", "--domein", "onderdak", "--kanaal", "telefoon",
		"--met", "Opvang Zwolle", "--notitie", "Wachtlijst MARKER-note-5e", "--datum", "2019-07-30 14:30")
	c.ok("contact", "add", "--bsn", "999990019", "--domein", "algemeen", "--kanaal", "bezoek-pi",
		"--notitie", "Kennismaking MARKER-alg-5e", "--datum", "2019-07-29")

	d := c.dashboard("--nu", "2019-08-05")
	s := findSignal(d, "vrij-niet-geregeld", "999990019", "onderdak")
	if d.Vandaag != "2019-08-05" || d.Dagen != 14 || s == nil || s.Dagen != 7 || s.Status != "in-behandeling" ||
		s.Tekst != "Onderdak en zorg voor thuis niet geregeld, vrij over 7 dagen" {
		t.Fatalf("dashboard lacks onderdak for 999990019: %+v", d)
	}
	if findSignal(d, "vrij-niet-geregeld", "999990019", "identiteitsbewijs") != nil {
		t.Error("identiteitsbewijs is geregeld but still signalled")
	}
	if findSignal(d, "geen-contact", "999990019", "") != nil {
		t.Error("a person with contacts is signalled as without contact")
	}
	if d.Aantallen["quarantaine"] != 1 || len(d.Vrijlatingen) != 1 || d.Vrijlatingen[0].Einddatum != "2019-08-12" {
		t.Errorf("dashboard = %+v", d)
	}
	if out := c.ok("dashboard", "--nu", "2019-08-05"); !strings.Contains(out, "Onderdak en zorg voor thuis niet geregeld, vrij over 7 dagen") {
		t.Errorf("human dashboard:\n%s", out)
	}
	// Outside the window of 5 days, the release on 12 August is no signal.
	if d := c.dashboard("--nu", "2019-08-05", "--dagen", "5"); findSignal(d, "vrij-niet-geregeld", "999990019", "onderdak") != nil {
		t.Error("--dagen 5 still lists a release 7 days away")
	}

	f := c.show("--bsn", "999990019")
	op := f.Domeinen["onderdak"].Opvolging
	if op == nil || op.Status != "in-behandeling" || op.Verantwoordelijke != "Fatima Collega" || op.Actiedatum != "2019-08-09" ||
		len(op.Contacten) != 1 || op.Contacten[0].Datum != "2019-07-30T14:30:00+02:00" || op.Contacten[0].Kanaal != "telefoon" {
		t.Errorf("onderdak opvolging = %+v", op)
	}
	if id := f.Domeinen["identiteitsbewijs"].Opvolging; id == nil || id.Status != "geregeld" {
		t.Errorf("identiteitsbewijs opvolging = %+v", id)
	}
	if zt := f.Domeinen["zorg-voor-thuis"].Opvolging; zt == nil || zt.Status != "open" || zt.Contacten == nil {
		t.Errorf("consented domain without follow-up = %+v, want the implied open one", zt)
	}
	if w := f.Domeinen["werk-en-inkomen"].Opvolging; w != nil {
		t.Errorf("werk-en-inkomen without consent has opvolging %+v", w)
	}
	if len(f.Contacten) != 1 || f.Contacten[0].Domein != "algemeen" {
		t.Errorf("algemeen contacten = %+v", f.Contacten)
	}
	for _, m := range []string{"MARKER-act-5e", "MARKER-note-5e", "MARKER-alg-5e"} {
		if !c.dbHolds(m) {
			t.Fatalf("%s not in the database before the revocation: the test cannot fail", m)
		}
	}

	file := filepath.Join(t.TempDir(), "intrekking-onderdak.xml")
	if err := os.WriteFile(file, intrekkingOnderdak(), 0o600); err != nil {
		t.Fatal(err)
	}
	c.ok("import", file)
	f = c.show("--bsn", "999990019")
	if od := f.Domeinen["onderdak"]; od.Toestemming != "ingetrokken" || od.Opvolging != nil {
		t.Errorf("onderdak after revocation = %+v", od)
	}
	if len(f.Contacten) != 1 || !strings.Contains(f.Contacten[0].Notitie, "MARKER-alg-5e") {
		t.Errorf("algemeen contacts after revocation = %+v", f.Contacten)
	}
	if c.dbHolds("MARKER-act-5e") || c.dbHolds("MARKER-note-5e") || c.dbHolds("Opvang Zwolle") {
		t.Error("onderdak follow-up or contact still in the database files after the revocation")
	}
	if !c.dbHolds("MARKER-alg-5e") {
		t.Error("the algemeen contact went with the onderdak revocation")
	}
	if d := c.dashboard("--nu", "2019-08-05"); findSignal(d, "vrij-niet-geregeld", "999990019", "onderdak") != nil {
		t.Error("revoked onderdak still on the dashboard")
	}
}

func TestFollowupErrorsEndToEnd(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--gemeente", "0193")
	c.ok("import", examples)
	_, errOut, code := c.run("contact", "add", "--bsn", "999990019", "--domein", "werk-en-inkomen", "--kanaal", "telefoon",
		"--notitie", "geheim")
	if code != exitError || !strings.Contains(errOut, "geen toestemming") || strings.Contains(errOut, "999990019") ||
		strings.Contains(errOut, "geheim") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Errorf("contact without consent: exit %d, stderr %q", code, errOut)
	}
	_, errOut, code = c.run("followup", "set", "--bsn", "999990019", "--domein", "schulden", "--status", "open")
	if code != exitError || !strings.Contains(errOut, "ingetrokken") {
		t.Errorf("follow-up for revoked schulden: exit %d, stderr %q", code, errOut)
	}
	for _, args := range [][]string{
		{"followup", "set", "--bsn", "999990019", "--domein", "onderdak", "--actie", "bellen"},
		{"followup", "set", "--bsn", "999990019", "--domein", "onderdak"},
		{"followup", "set", "--bsn", "999990019", "--domein", "onderdak", "--status", "klaar"},
		{"followup", "set", "--domein", "onderdak", "--status", "open"},
		{"contact", "add", "--bsn", "999990019", "--domein", "algemeen", "--kanaal", "duif"},
		{"contact", "add", "--bsn", "999990019", "--domein", "algemeen", "--kanaal", "brief", "--datum", "30-07-2019"},
		{"dashboard", "--nu", "gisteren"},
	} {
		if _, errOut, code := c.run(args...); code != exitUsage || !strings.Contains(errOut, "Gebruik:") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
	if _, errOut, code := c.run("contact", "add", "--bsn", "999990019", "--domein", "algemeen", "--kanaal", "brief",
		"--datum", "2999-01-01"); code != exitError || !strings.Contains(errOut, "toekomst") {
		t.Errorf("contact in the future: exit %d, stderr %q", code, errOut)
	}
}
