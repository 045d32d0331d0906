package report_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/report"
	"github.com/terugkeer/terugkeer/report/reporttest"
)

var (
	sahin  = reporttest.Subject{BSN: "999990007", SKN: "20190007", Voornamen: "Ayşe", Achternaam: "Şahin", Geboortedatum: "1990-04-12"}
	dvorak = reporttest.Subject{BSN: "999990020", Voornamen: "Łukasz", Achternaam: "Dvořák", Geboortedatum: "1985-01-02"}
	nguyen = reporttest.Subject{BSN: "999990032", Voornamen: "Thị Minh", Achternaam: "Nguyễn", Geboortedatum: "1992-03-04"}
	ozturk = reporttest.Subject{BSN: "999990044", Voornamen: "Emre", Voorvoegsel: "van", Achternaam: "Öztürk", Geboortedatum: "1979-05-06"}
)

const (
	revokedTopicMarker = "MARKER-SCHULD-4711"
	revokedHelpMarker  = "MARKER-HULP-4712"
	refusedMarker      = "MARKER-WERK-4713"
	revokedNextMarker  = "MARKER-ACTIE-4714"
	revokedNoteMarker  = "MARKER-NOTITIE-4715"
)

// fixture imports four persons with the spec's hard names; Şahin has consent for three
// domains, one of them (schulden) revoked afterwards.
func fixture(t testing.TB) *reporttest.DB {
	db := reporttest.Open(t)
	db.Detention(sahin, "2019-05-01", "2019-06-15")
	db.Informatieblad(sahin, reporttest.Sheet{
		Opgesteld: "2019-05-10",
		Consent: map[app.Domain]bool{app.Identiteitsbewijs: true, app.Onderdak: true, app.Schulden: true,
			app.WerkEnInkomen: false, app.Zorg: false, app.ZorgVoorThuis: true},
		Topics: []reporttest.Topic{
			reporttest.T("identiteitsbewijs.geldig", "nee", "Paspoort verlopen in 2018."),
			reporttest.T("onderdak.voor-detentie", "huur", ""),
			reporttest.T("onderdak.na-detentie", "nee", "Huurwoning opgezegd tijdens detentie; zus in Dordrecht biedt tijdelijk een kamer aan, maar alleen voor enkele weken."),
			reporttest.T("schulden.aanwezig", "ja", revokedTopicMarker),
			reporttest.T("werk-en-inkomen.voor-detentie", "werk", refusedMarker),
			reporttest.T("zorg-voor-thuis.kinderen", "ja", "Dochter (6) woont bij moeder."),
			reporttest.T("contact.bereikbaarheid", "", "06 0000 0000, post via zus."),
			reporttest.T("contact.voorkeur", "via-casemanager", ""),
		},
		Hulpvragen: map[app.Domain]string{app.Onderdak: "Zoekt tijdelijke opvang.", app.Schulden: revokedHelpMarker},
	})
	followup(t, db, sahin.BSN, app.Onderdak, app.FollowupInBehandeling, "K. Bakker", "Woningcorporatie bellen", "2019-06-05")
	contact(t, db, sahin.BSN, app.Onderdak, "woningcorporatie", "Intake gepland op 5 juni.")
	contact(t, db, sahin.BSN, app.DomainAlgemeen, "", "Kennismaking in de PI.")
	followup(t, db, sahin.BSN, app.Schulden, app.FollowupOpen, "", revokedNextMarker, "2019-06-07")
	contact(t, db, sahin.BSN, app.Schulden, "", revokedNoteMarker)
	db.Revoke(sahin, "2019-05-20", app.Schulden) // purges the schulden follow-up and contact too
	db.Detention(dvorak, "2019-02-01", "2019-06-03")
	db.Detention(nguyen, "2019-03-01", "2019-06-20")
	db.Detention(ozturk, "2019-04-01", "2019-06-28")
	return db
}

func followup(t testing.TB, db *reporttest.DB, bsn string, d app.Domain, st app.FollowupStatus, who, action, date string) {
	t.Helper()
	e := app.FollowupEdit{Status: st, Actie: &app.NextAction{Tekst: action, Datum: app.MustDate(date)}}
	if who != "" {
		e.Verantwoordelijke = &who
	}
	if _, err := db.Svc.SetFollowup(context.Background(), db.ID(bsn), d, e); err != nil {
		t.Fatal(err)
	}
}

func contact(t testing.TB, db *reporttest.DB, bsn string, d app.Domain, met, note string) {
	t.Helper()
	c := app.ContactMoment{Domain: d, Tijd: reporttest.Clock.Add(-20 * time.Hour), Kanaal: app.KanaalTelefoon, Met: met, Notitie: note}
	if _, err := db.Svc.AddContact(context.Background(), db.ID(bsn), c); err != nil {
		t.Fatal(err)
	}
}

func personPDF(t testing.TB, db *reporttest.DB, bsn string, full bool) []byte {
	t.Helper()
	r, err := db.Svc.PersonReport(context.Background(), db.ID(bsn), app.PersonReportOptions{VolledigBSN: full})
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := report.Person(r)
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

func contains(t *testing.T, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("PDF text lacks %q", w)
		}
	}
}

func lacks(t *testing.T, text string, unwanted ...string) {
	t.Helper()
	for _, u := range unwanted {
		if strings.Contains(text, u) {
			t.Errorf("PDF text contains %q", u)
		}
	}
}

func TestPersonOverviewText(t *testing.T) {
	reporttest.NeedPDFToText(t)
	db := fixture(t)
	pdf := personPDF(t, db, sahin.BSN, false)
	text := reporttest.PDFText(t, pdf, 0, 0)
	contains(t, text,
		report.Kopregel, "Gemeente 0193", "afgedrukt 03-06-2019 10:15 door T. Tester",
		"Ayşe Şahin", "12-04-1990", "*****0007", "20190007", "Traject",
		"PI Zwolle", "01-05-2019", "15-06-2019 (verwacht)", "nog 12 dagen",
		"M. de Vries", "088 000 1234", "m.devries@example.test",
		"Geldig identiteitsbewijs aanwezig?", "Paspoort verlopen in 2018.",
		"Woonsituatie voor detentie", "huur", "Onderdak na detentie geregeld?", "Zoekt tijdelijke opvang.",
		"Zorg voor minderjarige kinderen", "Dochter (6) woont bij moeder.",
		"Toestemming ingetrokken op 20-05-2019",
		"Contactvoorkeuren", "Voorkeur voor contact", "via de casemanager", "06 0000 0000, post via zus.",
		"Opvolging", "in behandeling", "K. Bakker", "Woningcorporatie bellen", "uiterlijk 05-06-2019",
		"Contact 02-06-2019 14:15", "telefoon, met woningcorporatie", "Intake gepland op 5 juni.",
		"Recente contacten (algemeen)", "Kennismaking in de PI.",
	)
	if n := reporttest.Pages(t, pdf); n != 2 {
		t.Fatalf("%d pages, want 2", n)
	}
	for p := 1; p <= 2; p++ {
		contains(t, reporttest.PDFText(t, pdf, p, p), report.Kopregel, fmt.Sprintf("Pagina %d van 2", p), report.Bewaarregel)
	}
	lacks(t, text, "999990007", revokedTopicMarker, revokedHelpMarker, refusedMarker, revokedNextMarker, revokedNoteMarker)

	full := reporttest.PDFText(t, personPDF(t, db, sahin.BSN, true), 0, 0)
	contains(t, full, "999990007")
	lacks(t, full, "*****0007")
}

// The names of the spec render as themselves (pdftotext reads them back from the
// embedded fonts' ToUnicode maps), in the person overview and in the release list.
func TestNamesRender(t *testing.T) {
	reporttest.NeedPDFToText(t)
	db := fixture(t)
	for _, s := range []reporttest.Subject{dvorak, nguyen, ozturk} {
		text := reporttest.PDFText(t, personPDF(t, db, s.BSN, false), 0, 0)
		contains(t, text, strings.Join(strings.Fields(s.Voornamen+" "+s.Voorvoegsel+" "+s.Achternaam), " "), "Pagina 1 van 1")
	}
	l, err := db.Svc.ReleaseReport(context.Background(), reporttest.Clock, 4)
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := report.Releases(l)
	if err != nil {
		t.Fatal(err)
	}
	text := reporttest.PDFText(t, pdf, 0, 0)
	contains(t, text, "Ayşe Şahin", "Łukasz Dvořák", "Thị Minh Nguyễn", "Emre van Öztürk",
		"Vrijlatingen van 03-06-2019 tot en met 01-07-2019", "4 personen", "Pagina 1 van 1", "ingetr.", "in beh.")
	// Sorted by release date: Dvořák (03-06), Şahin (15-06), Nguyễn (20-06), Öztürk (28-06).
	order := []string{"Dvořák", "Şahin", "Nguyễn", "Öztürk"}
	last := -1
	for _, n := range order {
		i := strings.Index(text, n)
		if i < last {
			t.Errorf("%s is out of release order in %q", n, text)
		}
		last = i
	}
}

// The fonts are embedded TrueType subsets, not the PDF core fonts.
func TestFontsEmbedded(t *testing.T) {
	if _, err := exec.LookPath("pdffonts"); err != nil {
		t.Skip("pdffonts (poppler-utils) ontbreekt: installeer het met 'make deps'")
	}
	db := fixture(t)
	pdf := personPDF(t, db, sahin.BSN, false)
	f := t.TempDir() + "/p.pdf"
	if err := os.WriteFile(f, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdffonts", f).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v: %s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 4 { // two header lines, regular and bold
		t.Fatalf("pdffonts:\n%s", out)
	}
	for _, l := range lines[2:] {
		if !strings.Contains(strings.ToLower(l), "dejavu") || !strings.Contains(l, "CID TrueType") || !strings.Contains(l, " yes ") {
			t.Errorf("font not an embedded DejaVu TrueType subset: %q", l)
		}
	}
}

// Two renderings of the same data at the same clock are the same bytes; another clock
// changes them (the creation date and the printed time).
func TestDeterministic(t *testing.T) {
	db := fixture(t)
	a := personPDF(t, db, sahin.BSN, false)
	b := personPDF(t, db, sahin.BSN, false)
	if !bytes.Equal(a, b) {
		t.Error("two person overviews with the same clock differ")
	}
	l, err := db.Svc.ReleaseReport(context.Background(), reporttest.Clock, 4)
	if err != nil {
		t.Fatal(err)
	}
	x, _ := report.Releases(l)
	y, _ := report.Releases(l)
	if !bytes.Equal(x, y) {
		t.Error("two release lists with the same clock differ")
	}
	l.Kop.Afgedrukt = l.Kop.Afgedrukt.Add(time.Minute)
	z, _ := report.Releases(l)
	if bytes.Equal(x, z) {
		t.Error("release list does not depend on the print time")
	}
	if !bytes.HasPrefix(a, []byte("%PDF-")) || !bytes.Contains(a, []byte("/CreationDate (D:20190603101500)")) {
		t.Errorf("PDF header or creation date missing: %q", a[:min(len(a), 16)])
	}
}

// A list of 500 persons runs over several pages; each page repeats the table header and
// is numbered "Pagina X van Y".
func TestReleaseListPaginates(t *testing.T) {
	reporttest.NeedPDFToText(t)
	l := syntheticList(500)
	pdf, err := report.Releases(l)
	if err != nil {
		t.Fatal(err)
	}
	pages := reporttest.Pages(t, pdf)
	if pages < 5 {
		t.Fatalf("500 rows on %d pages", pages)
	}
	seen := 0
	for p := 1; p <= pages; p++ {
		text := reporttest.PDFText(t, pdf, p, p)
		contains(t, text, report.Kopregel, "Vrijlating", "Naam", "Geboren", "Inrichting", "ID-bewijs", "Onderdak",
			"Werk/ink.", "Schulden", "Thuis", fmt.Sprintf("Pagina %d van %d", p, pages), report.Bewaarregel)
		seen += strings.Count(text, "Persoon-")
	}
	if seen != 500 {
		t.Errorf("%d rows found over %d pages, want 500", seen, pages)
	}
	if all := reporttest.PDFText(t, pdf, 0, 0); !strings.Contains(all, "500 personen") || !strings.Contains(all, report.Legend[:40]) {
		t.Error("count line or legend missing")
	}
}

// The same list built through the real import path: 500 persons on the SQLite store.
func TestReleaseListFromDatabase(t *testing.T) {
	if testing.Short() {
		t.Skip("500 imports; skipped with -short")
	}
	reporttest.NeedPDFToText(t)
	db := reporttest.Open(t)
	for i := range 500 {
		s := reporttest.Subject{SKN: fmt.Sprintf("%08d", 30000000+i), Voornamen: "Łukasz", Achternaam: fmt.Sprintf("Dvořák-%03d", i),
			Geboortedatum: "1980-01-01"}
		db.Detention(s, "2019-01-01", reporttest.Clock.AddDate(0, 0, i%29).Format(app.DateLayout))
	}
	l, err := db.Svc.ReleaseReport(context.Background(), reporttest.Clock, 4)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Rijen) != 500 {
		t.Fatalf("%d rows, want 500", len(l.Rijen))
	}
	for i := 1; i < len(l.Rijen); i++ {
		if l.Rijen[i].Vrijlating.Before(l.Rijen[i-1].Vrijlating) {
			t.Fatalf("row %d out of date order", i)
		}
	}
	pdf, err := report.Releases(l)
	if err != nil {
		t.Fatal(err)
	}
	pages := reporttest.Pages(t, pdf)
	last := reporttest.PDFText(t, pdf, pages, pages)
	contains(t, last, "Vrijlating", "Inrichting", fmt.Sprintf("Pagina %d van %d", pages, pages), "01-07-2019")
	lacks(t, last, "03-06-2019 verw.")
	first := reporttest.PDFText(t, pdf, 1, 1)
	contains(t, first, "03-06-2019 verw.", "vandaag", "Pagina 1 van")
	lacks(t, first, "01-07-2019 verw.")
}

func TestEmptyReleaseList(t *testing.T) {
	reporttest.NeedPDFToText(t)
	l := syntheticList(0)
	pdf, err := report.Releases(l)
	if err != nil {
		t.Fatal(err)
	}
	contains(t, reporttest.PDFText(t, pdf, 0, 0), "Geen vrijlatingen in deze periode.", "0 personen", "Pagina 1 van 1")
}

// Characters the fonts cannot draw (beyond the Basic Multilingual Plane, or missing)
// do not break the PDF; control characters are shown escaped (app.Visible).
func TestUnprintableCharacters(t *testing.T) {
	reporttest.NeedPDFToText(t)
	l := syntheticList(1)
	l.Rijen[0].Naam = "Jan\tde 😀 Vries 中 Nguye\u0302\u0303n"
	pdf, err := report.Releases(l)
	if err != nil {
		t.Fatal(err)
	}
	contains(t, reporttest.PDFText(t, pdf, 0, 0), `Jan\tde ? Vries ? Nguyễn`)
}

func syntheticList(n int) *app.ReleaseList {
	today := app.DateOf(reporttest.Clock)
	l := &app.ReleaseList{
		Kop: app.ReportHeader{Gemeenten: []string{"0193", "0200"}, Gebruiker: "T. Tester", Afgedrukt: reporttest.Clock},
		Van: today, Tot: today.AddDays(28), Weken: 4,
	}
	states := []app.ConsentState{app.ConsentJa, app.ConsentNee, app.ConsentIngetrokken, app.ConsentOnbekend}
	fus := app.FollowupStatuses()
	inrichtingen := []string{"PI Zwolle", "PI Vught", "PI Alphen aan den Rijn", "Justitieel Complex Schiphol"}
	for i := range n {
		r := app.ReleaseRow{
			Naam:          fmt.Sprintf("Persoon-%03d Şahin-Łukasz Dvořák", i),
			Geboortedatum: app.NewDate(1960+i%40, time.Month(1+i%12), 1+i%28),
			Inrichting:    inrichtingen[i%len(inrichtingen)],
			Vrijlating:    today.AddDays(i * 29 / max(n, 1)), VrijlatingStaat: "verwacht",
		}
		r.Dagen = today.DaysUntil(r.Vrijlating)
		for j, d := range app.Domains() {
			ds := app.DomainStatus{Domein: d, Toestemming: states[(i+j)%len(states)]}
			ds.Kort = app.ConsentShort(ds.Toestemming)
			if ds.Toestemming.Holds() {
				ds.Opvolging = fus[(i+j)%len(fus)]
				ds.Kort = app.FollowupShort(ds.Opvolging)
			}
			r.Domeinen = append(r.Domeinen, ds)
		}
		l.Rijen = append(l.Rijen, r)
	}
	return l
}

// Answer codes print as text (app.AnswerLabel), and the euro sign survives the font.
func TestAnswerLabelsInPDF(t *testing.T) {
	db := reporttest.Open(t)
	p := reporttest.Subject{BSN: "999990032", Voornamen: "Piet", Achternaam: "Schuld", Geboortedatum: "1980-01-01"}
	db.Detention(p, "2019-05-01", "2019-06-15")
	db.Informatieblad(p, reporttest.Sheet{
		Opgesteld: "2019-05-10",
		Consent:   map[app.Domain]bool{app.Schulden: true},
		Topics:    []reporttest.Topic{reporttest.T("schulden.omvang", "5000-20000", "")},
	})
	text := reporttest.PDFText(t, personPDF(t, db, p.BSN, false), 0, 0)
	contains(t, text, "Geschatte omvang", "€ 5.000 tot € 20.000")
	if strings.Contains(text, "5000-20000") {
		t.Error("the PDF shows the answer code")
	}
}

// The release list names the colleague responsible for a person's domains, says "geen
// toest." where consent was refused instead of a bare "nee", and keeps its header titles
// apart (issue 18 item 11).
func TestReleaseListNamesTheResponsibleColleague(t *testing.T) {
	reporttest.NeedPDFToText(t)
	db := fixture(t)
	l, err := db.Svc.ReleaseReport(context.Background(), reporttest.Clock, 4)
	if err != nil {
		t.Fatal(err)
	}
	var row *app.ReleaseRow
	for i := range l.Rijen {
		if l.Rijen[i].Naam == "Ayşe Şahin" {
			row = &l.Rijen[i]
		}
	}
	if row == nil || row.Verantwoordelijke != "K. Bakker" {
		t.Fatalf("Şahin's row = %+v, want verantwoordelijke K. Bakker", row)
	}
	pdf, err := report.Releases(l)
	if err != nil {
		t.Fatal(err)
	}
	text := reporttest.PDFText(t, pdf, 1, 1)
	contains(t, text, "Verantw.", "K. Bakker", "geen toest.")
	for _, l := range strings.Split(text, "\n") {
		if f := strings.Fields(l); len(f) > 0 && f[0] == "Ayşe" && slices.Contains(f, "nee") {
			t.Errorf("a bare 'nee' in Şahin's row: %q", l)
		}
	}
}
