package main

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/internal/apptest"
	"github.com/terugkeer/terugkeer/storage"
)

// bergMessage is a message about the examples' person (BSN 999990019) from internal/apptest's
// generator, with this kenmerk and verzonden (RFC 3339).
func bergMessage(soort app.Kind, kenmerk, verzonden string) *app.Message {
	m := apptest.Message(soort, app.Subject{BSN: "999990019", Voornamen: "Jan Willem", Achternaam: "Berg",
		Geboortedatum: app.MustDate("1988-02-29")})
	sent, err := time.Parse(time.RFC3339, verzonden)
	if err != nil {
		panic(err) // a constant of the tests
	}
	m.Kenmerk, m.Verzonden = kenmerk, sent
	return m
}

// sheetXML is an informatieblad for the examples' person (BSN 999990019), for gemeente,
// consenting to schulden and onderdak, with a hulpvraag for onderdak holding marker.
func sheetXML(kenmerk, gemeente, opgesteld, schulden, marker string) string {
	m := bergMessage(app.Informatieblad, kenmerk, opgesteld+"T10:00:00+02:00")
	m.GemeenteCode, m.GemeenteNaam = gemeente, "Elders"
	m.Informatieblad = &app.Sheet{Opgesteld: app.MustDate(opgesteld),
		Toestemming: map[app.Domain]bool{app.Onderdak: true, app.Schulden: schulden == "ja"},
		Onderwerpen: []app.Answer{{Code: "schulden.aanwezig", Antwoord: "nee"}},
		Hulpvragen:  map[app.Domain]string{app.Onderdak: marker}}
	return string(apptest.XML(m))
}

// intrekkingXML revokes one domain (or "alle") of the examples' person.
func intrekkingXML(kenmerk, ondertekend, domein string) string {
	m := bergMessage(app.Intrekking, kenmerk, ondertekend+"T12:00:00+02:00")
	m.Intrekking = &app.Revocation{Ondertekend: app.MustDate(ondertekend), Domeinen: []app.Domain{app.Domain(domein)}}
	return string(apptest.XML(m))
}

// mailWith wraps a document as a base64 attachment, as the AGG sends it.
func mailWith(doc string) string {
	b64 := base64.StdEncoding.EncodeToString([]byte(doc))
	return "From: noreply@agg.example.test\r\nTo: nazorg@gemeente.test\r\nSubject: AGG\r\nMIME-Version: 1.0\r\n" +
		"Message-ID: <q-" + fmt.Sprint(len(doc)) + "@agg.example.test>\r\n" +
		"Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nZie bijlage.\r\n" +
		"--b\r\nContent-Type: application/xml\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64 + "\r\n--b--\r\n"
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestRevocationReachesQuarantine: an informatieblad quarantined for another gemeente
// (as a file and inside a mail) holds revoked data of the same person; the intrekking
// destroys both, audited by count, and the text is then in no database file. A
// quarantined sheet of another person, one that cannot be read and one signed after the
// revocation stay.
func TestRevocationReachesQuarantine(t *testing.T) {
	const marker = "Kwarantainemerkteken-opvang"
	c := newCLI(t)
	c.ok("init", "--gemeente", "0193")
	dir := t.TempDir()
	c.ok("import", filepath.Join(examples, "01-melding-begin.xml"))
	c.ok("import", writeFile(t, dir, "elders.xml", sheetXML("Q-1", "0200", "2019-06-01", "ja", marker)),
		writeFile(t, dir, "elders.eml", mailWith(sheetXML("Q-2", "0200", "2019-06-02", "ja", "Tweede opvang"))),
		writeFile(t, dir, "later.xml", sheetXML("Q-3", "0200", "2019-07-20", "ja", "Na de intrekking")),
		writeFile(t, dir, "ander.xml", strings.Replace(sheetXML("Q-4", "0200", "2019-06-01", "ja", "Ander persoon"), "999990019", "999990032", 1)),
		writeFile(t, dir, "kapot.xml", "<bericht "+marker+" niet af"),
		filepath.Join(examples, "06-ongeldig-bsn.xml"))
	if q := c.quarantine(); len(q) != 6 {
		t.Fatalf("quarantine before = %d entries, want 6", len(q))
	}

	c.ok("import", writeFile(t, dir, "intrekking.xml", intrekkingXML("AGG-2019-009902", "2019-07-09", "alle")))
	var left []string
	for _, q := range c.quarantine() {
		left = append(left, filepath.Base(q.Bron))
	}
	if strings.Join(left, " ") != "06-ongeldig-bsn.xml kapot.xml ander.xml later.xml" {
		t.Errorf("quarantine after the intrekking = %v, want the unreadable, the other person's and the later sheet", left)
	}
	var audited bool
	for _, e := range c.auditLog() {
		if e.Object == "quarantaine" && e.Resultaat == "gewist-intrekking" {
			audited = e.Aantal == 2 && e.Bron == "AGG-2019-009902"
			if !audited {
				t.Errorf("audit entry %+v, want aantal 2 from the intrekking", e)
			}
		}
	}
	if !audited {
		t.Error("the destruction is not in the audit log")
	}
	c.ok("persons") // closes the store: the WAL is checkpointed
	if storage.IsURI(c.db) && c.dbHolds(marker+"</hulpvraag>") {
		t.Error("the revoked hulpvraag is still in the database")
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if inFile(t, c.db+suffix, marker+"</hulpvraag>") {
			t.Errorf("the revoked hulpvraag is still in terugkeer.db%s", suffix)
		}
	}
}

// TestNewerSheetReachesQuarantine: rule 2. A newer informatieblad that no longer consents
// to schulden destroys the older quarantined sheet that held schulden data.
func TestNewerSheetReachesQuarantine(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--gemeente", "0193")
	dir := t.TempDir()
	c.ok("import", filepath.Join(examples, "01-melding-begin.xml"))
	c.ok("import", writeFile(t, dir, "elders.xml", sheetXML("Q-1", "0200", "2019-06-01", "ja", "Oude opvang")))
	newer := strings.Replace(sheetXML("Q-5", "0193", "2019-06-10", "nee", "Nieuwe opvang"),
		`<onderwerp code="schulden.aanwezig"><antwoord>nee</antwoord></onderwerp>`, "", 1)
	out := c.ok("import", writeFile(t, dir, "nieuw.xml", newer))
	if !strings.Contains(out, "1 geïmporteerd") {
		t.Fatalf("import of the newer sheet: %q", out)
	}
	if q := c.quarantine(); len(q) != 0 {
		t.Errorf("quarantine after a newer sheet without schulden = %+v, want it empty", q)
	}
}

// inFile reports whether the file exists and contains s.
func inFile(t *testing.T, name, s string) bool {
	t.Helper()
	b, err := os.ReadFile(name)
	if os.IsNotExist(err) {
		return false
	}
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Contains(b, []byte(s))
}
