// Package reporttest builds test databases for the report tests through the real import
// path: XML messages (with test BSNs only) written by internal/apptest's generator and
// imported by app.Service on a SQLite file (internal/apptest). It also runs pdftotext on
// generated PDFs.
package reporttest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/internal/apptest"
)

// Clock is the fixed report time of the tests: 3 June 2019, 10:15 in Amsterdam.
var Clock = time.Date(2019, 6, 3, 10, 15, 0, 0, time.FixedZone("CEST", 2*3600))

// Subject is the betrokkene of a crafted message.
type Subject struct {
	BSN, SKN                           string
	Voornamen, Voorvoegsel, Achternaam string
	Geboortedatum                      string // YYYY-MM-DD
}

// Topic is one onderwerp of a crafted informatieblad.
type Topic struct{ Code, Antwoord, Toelichting string }

// Sheet is a crafted informatieblad.
type Sheet struct {
	Opgesteld  string
	Consent    map[app.Domain]bool
	Topics     []Topic
	Hulpvragen map[app.Domain]string
}

// DB is an initialised test database with its service (internal/apptest).
type DB struct {
	T     testing.TB
	Svc   *app.Service
	World *apptest.World // the store and service behind Svc
	n     int
}

// Open creates a database for gemeente 0193 in a temporary directory, with the user
// "T. Tester" and the fixed Clock.
func Open(t testing.TB) *DB {
	t.Helper()
	w := apptest.Open(t, apptest.WithClock(Clock), apptest.WithUser("T. Tester"))
	return &DB{T: t, Svc: w.Svc, World: w}
}

// message is a message of soort about s, sent at verzonden (RFC 3339), from PI Zwolle
// with its DJI casemanager.
func (db *DB) message(soort app.Kind, s Subject, verzonden string) *app.Message {
	db.T.Helper()
	subject := app.Subject{BSN: s.BSN, SKN: s.SKN, Voornamen: s.Voornamen, Voorvoegsel: s.Voorvoegsel, Achternaam: s.Achternaam}
	if s.Geboortedatum != "" {
		subject.Geboortedatum = app.MustDate(s.Geboortedatum)
	}
	m := apptest.Message(soort, subject)
	sent, err := time.Parse(time.RFC3339, verzonden)
	if err != nil {
		db.T.Fatal(err)
	}
	m.Verzonden = sent
	m.Casemanager = app.Contact{Naam: "M. de Vries", Telefoon: "088 000 1234", Email: "m.devries@example.test"}
	return m
}

// Import imports raw message bytes and fails the test unless it was imported.
func (db *DB) Import(raw []byte) {
	db.T.Helper()
	db.n++
	rs, err := db.Svc.ImportBytes(context.Background(), fmt.Sprintf("test-%d.xml", db.n), "", raw)
	if err != nil {
		db.T.Fatal(err)
	}
	for _, r := range rs {
		if r.Resultaat != app.Geimporteerd {
			db.T.Fatalf("import %s: %s (%s)", r.Kenmerk, r.Resultaat, r.Reden)
		}
	}
}

// Detention imports a melding begin detentie with an expected release date.
func (db *DB) Detention(s Subject, begin, end string) {
	db.T.Helper()
	m := db.message(app.MeldingBegin, s, begin+"T08:00:00+02:00")
	m.Detentie = &app.DetentionDates{Begindatum: app.MustDate(begin)}
	if end != "" {
		m.Detentie.Einddatum, m.Detentie.EinddatumStatus = app.MustDate(end), app.EindVerwacht
	}
	db.Import(apptest.XML(m))
}

// Informatieblad imports a sheet.
func (db *DB) Informatieblad(s Subject, sh Sheet) {
	db.T.Helper()
	m := db.message(app.Informatieblad, s, sh.Opgesteld+"T10:00:00+02:00")
	m.Informatieblad = &app.Sheet{Opgesteld: app.MustDate(sh.Opgesteld), Toestemming: sh.Consent, Hulpvragen: sh.Hulpvragen}
	for _, t := range sh.Topics {
		m.Informatieblad.Onderwerpen = append(m.Informatieblad.Onderwerpen, app.Answer(t))
	}
	db.Import(apptest.XML(m))
}

// Revoke imports an intrekking of the given domains.
func (db *DB) Revoke(s Subject, ondertekend string, domains ...app.Domain) {
	db.T.Helper()
	m := db.message(app.Intrekking, s, ondertekend+"T09:00:00+02:00")
	m.Intrekking = &app.Revocation{Ondertekend: app.MustDate(ondertekend), Domeinen: domains}
	db.Import(apptest.XML(m))
}

// ID returns the internal id of the person with this BSN.
func (db *DB) ID(bsn string) int64 {
	db.T.Helper()
	id, err := db.Svc.FindPerson(context.Background(), bsn, "")
	if err != nil {
		db.T.Fatal(err)
	}
	return id
}

// NeedPDFToText skips the test when poppler's pdftotext is not installed.
func NeedPDFToText(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) ontbreekt: installeer het met 'make deps' om de PDF-tekst te controleren")
	}
}

// PDFText returns the text of a PDF (pages first..last, 0 for all) in reading order.
func PDFText(t testing.TB, pdf []byte, first, last int) string {
	t.Helper()
	NeedPDFToText(t)
	f := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(f, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{"-enc", "UTF-8"}
	if first > 0 {
		args = append(args, "-f", fmt.Sprint(first), "-l", fmt.Sprint(last))
	}
	args = append(args, f, "-")
	var out, errOut bytes.Buffer
	cmd := exec.Command("pdftotext", args...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("pdftotext: %v: %s", err, errOut.String())
	}
	return out.String()
}

// Pages returns the number of pages of a PDF, as pdfinfo reports it.
func Pages(t testing.TB, pdf []byte) int {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo (poppler-utils) ontbreekt: installeer het met 'make deps'")
	}
	f := filepath.Join(t.TempDir(), "info.pdf")
	if err := os.WriteFile(f, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", f).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v: %s", err, out)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if rest, ok := strings.CutPrefix(l, "Pages:"); ok {
			var n int
			if _, err := fmt.Sscan(strings.TrimSpace(rest), &n); err == nil {
				return n
			}
		}
	}
	t.Fatalf("pdfinfo gives no page count: %s", out)
	return 0
}

// T builds a Topic.
func T(code, antwoord, toelichting string) Topic {
	return Topic{Code: code, Antwoord: antwoord, Toelichting: toelichting}
}
