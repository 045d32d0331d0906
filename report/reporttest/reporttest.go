// Package reporttest builds test databases for the report tests through the real import
// path: XML messages of format v1 (with test BSNs only), imported by app.Service on a
// SQLite file with importers.V1. It also runs pdftotext on generated PDFs.
package reporttest

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/storage"
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

// DB is an initialised test database with its service.
type DB struct {
	T   testing.TB
	Svc *app.Service
	n   int
}

// Open creates a database for gemeente 0193 in a temporary directory, with the user
// "T. Tester" and the fixed Clock.
func Open(t testing.TB) *DB {
	t.Helper()
	st, err := storage.Open(filepath.Join(t.TempDir(), "terugkeer.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc := app.NewService(st, importers.V1{}, func() time.Time { return Clock })
	ctx := context.Background()
	if err := svc.Init(ctx, []string{"0193"}); err != nil {
		t.Fatal(err)
	}
	if err := svc.SetSetting(ctx, app.SettingGebruiker, "T. Tester"); err != nil {
		t.Fatal(err)
	}
	return &DB{T: t, Svc: svc}
}

func (db *DB) envelope(soort string, s Subject, verzonden, body string) []byte {
	db.n++
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<bericht xmlns="urn:terugkeer:bericht:1" versie="1" soort=%q kenmerk="TEST-%06d" verzonden=%q>
  <afzender>
    <inrichting code="PI-ZWL">PI Zwolle</inrichting>
    <casemanager><naam>M. de Vries</naam><telefoon>088 000 1234</telefoon><email>m.devries@example.test</email></casemanager>
  </afzender>
  <gemeente code="0193">Zwolle</gemeente>
  <betrokkene>
`, soort, db.n, verzonden)
	field := func(name, v string) {
		if v != "" {
			fmt.Fprintf(&b, "    <%s>%s</%s>\n", name, html.EscapeString(v), name)
		}
	}
	field("bsn", s.BSN)
	field("skn", s.SKN)
	field("voornamen", s.Voornamen)
	field("voorvoegsel", s.Voorvoegsel)
	field("achternaam", s.Achternaam)
	field("geboortedatum", s.Geboortedatum)
	b.WriteString("  </betrokkene>\n")
	b.WriteString(body)
	b.WriteString("</bericht>\n")
	return []byte(b.String())
}

// Import imports raw message bytes and fails the test unless it was imported.
func (db *DB) Import(raw []byte) {
	db.T.Helper()
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
	body := fmt.Sprintf("  <detentie>\n    <begindatum>%s</begindatum>\n", begin)
	if end != "" {
		body += fmt.Sprintf("    <einddatum status=\"verwacht\">%s</einddatum>\n", end)
	}
	body += "  </detentie>\n"
	db.Import(db.envelope("melding-begin-detentie", s, begin+"T08:00:00+02:00", body))
}

// Informatieblad imports a sheet.
func (db *DB) Informatieblad(s Subject, sh Sheet) {
	db.T.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "  <informatieblad opgesteld=%q>\n", sh.Opgesteld)
	for _, d := range app.Domains() {
		if given, ok := sh.Consent[d]; ok {
			v := "nee"
			if given {
				v = "ja"
			}
			fmt.Fprintf(&b, "    <toestemming domein=%q gegeven=%q/>\n", d, v)
		}
	}
	for _, t := range sh.Topics {
		fmt.Fprintf(&b, "    <onderwerp code=%q>\n      <antwoord>%s</antwoord>\n", t.Code, html.EscapeString(t.Antwoord))
		if t.Toelichting != "" {
			fmt.Fprintf(&b, "      <toelichting>%s</toelichting>\n", html.EscapeString(t.Toelichting))
		}
		b.WriteString("    </onderwerp>\n")
	}
	for _, d := range app.Domains() {
		if h := sh.Hulpvragen[d]; h != "" {
			fmt.Fprintf(&b, "    <hulpvraag domein=%q>%s</hulpvraag>\n", d, html.EscapeString(h))
		}
	}
	b.WriteString("  </informatieblad>\n")
	db.Import(db.envelope("informatieblad", s, sh.Opgesteld+"T10:00:00+02:00", b.String()))
}

// Revoke imports an intrekking of the given domains.
func (db *DB) Revoke(s Subject, ondertekend string, domains ...app.Domain) {
	db.T.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "  <intrekking ondertekend=%q>\n", ondertekend)
	for _, d := range domains {
		fmt.Fprintf(&b, "    <domein>%s</domein>\n", d)
	}
	b.WriteString("  </intrekking>\n")
	db.Import(db.envelope("intrekking", s, ondertekend+"T09:00:00+02:00", b.String()))
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
