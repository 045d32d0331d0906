package ui

import (
	"context"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/report"
	"github.com/terugkeer/terugkeer/report/reporttest"
)

// listWriter is what cmd/terugkeer wires for the lists.
func listWriter(svc *app.Service) ListWriter {
	return func(ctx context.Context, req app.ListRequest, csv bool, path string) error {
		l, err := svc.ListReport(ctx, svc.Now(), req)
		if err != nil {
			return err
		}
		return report.WriteListFile(path, l, csv)
	}
}

// Personen opens on the releases from today onwards (issue 18 item 7: it listed every
// release, those of five years ago first): after Jan Willem's release the list says there
// is none ahead, and "Alle einddatums" shows him.
func TestPersonsDefaultToUpcomingReleases(t *testing.T) {
	after := time.Date(2019, 9, 2, 10, 0, 0, 0, time.UTC) // Jan Willem was released on 14-08-2019
	s, _ := newShell(t, realService(t, after, []string{"0193"}, true), Options{})
	s.Show(SectionPersonen)
	s.Wait()
	v := s.Persons
	if q := v.currentQuery(); !q.ReleaseFrom.Equal(app.DateOf(after)) || !q.ReleaseTo.IsZero() || q.Sort != app.SortByRelease {
		t.Errorf("default query %+v, want releases from today, by release", q)
	}
	if v.Rows() != 0 || !v.noResults.Visible() || v.empty.Visible() || v.noText.Text != NoUpcomingText {
		t.Fatalf("default list: %d rows, no results %v (%q), empty state %v", v.Rows(), v.noResults.Visible(), v.noText.Text, v.empty.Visible())
	}
	v.release.SetSelectedIndex(1) // alle einddatums
	s.Wait()
	if rows := tableRows(v); len(rows) != 1 || rows[0][colNaam] != "Jan Willem van der Berg" || v.count.Text != "1 persoon" {
		t.Errorf("all release dates: rows %q, count %q", rows, v.count.Text)
	}
}

// A tap on a header sorts by that column, a domain's by its status, a second tap the
// other way round; the arrow stands on the column sorted by (issue 18 item 7).
func TestHeaderSortsBothWays(t *testing.T) {
	svc := &fakeService{gemeenten: []string{"0193"}, persons: []app.PersonRow{row(1, "Jan", "", "Berg", "1990-01-01", "PI", "2019-08-15", "")}}
	v, _, bg, _ := newPersonsView(t, svc, nil)
	header := func(col int) *sortHeader {
		h := v.table.CreateHeader().(*sortHeader)
		v.table.UpdateHeader(widget.TableCellID{Row: -1, Col: col}, h)
		return h
	}
	last := func() app.PersonQuery { return svc.queries[len(svc.queries)-1] }
	for _, c := range []struct {
		col    int
		sort   app.PersonSort
		desc   bool
		domein app.Domain
	}{
		{colDomain + 1, app.SortByDomein, false, app.Onderdak},
		{colDomain + 1, app.SortByDomein, true, app.Onderdak},
		{colDomain + 5, app.SortByDomein, false, app.ZorgVoorThuis},
		{colNaam, app.SortByName, false, ""},
		{colNaam, app.SortByName, true, ""},
		{colGeboren, app.SortByBirth, false, ""},
		{colGeboren, app.SortByBirth, true, ""},
		{colInrichting, app.SortByInrichting, false, ""},
		{colStatus, app.SortByEindStatus, false, ""},
		{colEinddatum, app.SortByRelease, false, ""},
		{colVrijlating, app.SortByRelease, true, ""},
	} {
		test.Tap(header(c.col))
		bg.Wait()
		if q := last(); q.Sort != c.sort || q.Desc != c.desc || q.SortDomein != c.domein || q.Offset != 0 {
			t.Errorf("tap on %s: query sort %d %q desc %v, want %d %q %v", columns[c.col].title, q.Sort, q.SortDomein, q.Desc,
				c.sort, c.domein, c.desc)
		}
		if c.domein != "" {
			if !header(c.col).icon.Visible() || header(colDomain+2).icon.Visible() {
				t.Errorf("after a tap on %s the arrow is not on it alone", columns[c.col].title)
			}
		}
	}
	arrowed := func() (out []int) {
		for col := range columns {
			if header(col).icon.Visible() {
				out = append(out, col)
			}
		}
		return out
	}
	if got := arrowed(); !slices.Equal(got, []int{colVrijlating}) {
		t.Errorf("arrows on columns %v, want only Vrijlating", got)
	}
}

// The list shows each domain's status compactly, as the person file has it (issue 18
// item 7): Jan Willem has consent for onderdak and identiteitsbewijs (follow-up open),
// none for werk en inkomen, and revoked schulden.
func TestDomainColumnsShowStatus(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, _ := newShell(t, svc, Options{})
	s.Show(SectionPersonen)
	s.Wait()
	rows := tableRows(s.Persons)
	if len(rows) != 1 {
		t.Fatalf("rows = %q", rows)
	}
	got := rows[0][colDomain : colDomain+6]
	file, err := svc.PersonFile(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range app.Domains() {
		df := file.Domeinen[d]
		want := map[app.ConsentState]string{app.ConsentNee: "nee", app.ConsentIngetrokken: "ingetr.", app.ConsentOnbekend: "—"}[df.Toestemming]
		if df.Opvolgbaar {
			want = "open"
		}
		if got[i] != want {
			t.Errorf("%s: list shows %q, the file has %s (want %q)", d, got[i], df.Toestemming, want)
		}
	}
	if !slices.Contains(got, "ingetr.") || !slices.Contains(got, "open") {
		t.Errorf("domains %q, want Jan Willem's revoked schulden and open follow-up", got)
	}
}

// Personen makes the list as filtered into the release-list PDF and into a CSV for
// Excel (BSN masked), through the save flow every file uses; both are audited as an
// export (issue 18 items 3 and CSV).
func TestPersonsListAsPDFAndCSV(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, w := newShell(t, svc, Options{Lists: listWriter(svc)})
	s.Show(SectionPersonen)
	test.Type(s.Persons.Search, "berg")
	s.Wait()
	dir := t.TempDir()

	s.Persons.Export(true)
	if dlg := visibleTexts(w.Canvas().Overlays().Top()); !slices.Contains(dlg, "Bestand opslaan") {
		t.Errorf("the save dialog is not titled Bestand opslaan: %q", dlg)
	}
	w.Canvas().Overlays().Top().Hide()

	pdf := filepath.Join(dir, "personen.pdf")
	var opened []string
	s.Persons.saver.openURL = func(u *url.URL) error { opened = append(opened, u.String()); return nil }
	s.Persons.saver.save(pdf, s.Persons.exportJob(false))
	s.Wait()
	b, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	text := reporttest.PDFText(t, b, 0, 0)
	for _, want := range []string{"Personen met vrijlating vanaf 05-08-2019", "1 persoon uit de lijst Personen: zoekopdracht \"berg\"", "Jan Willem van der Berg", "ingetr."} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF does not say %q:\n%s", want, text)
		}
	}
	if len(opened) != 1 {
		t.Errorf("the PDF was opened %d times, want once", len(opened))
	}

	csv := filepath.Join(dir, "personen.csv")
	s.Persons.saver.save(csv, s.Persons.exportJob(true))
	s.Wait()
	b, err = os.ReadFile(csv)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimPrefix(string(b), "\uFEFF"), "\r\n")
	if !strings.HasPrefix(string(b), "\uFEFFNaam;BSN;") || len(lines) != 3 ||
		!strings.HasPrefix(lines[1], "Jan Willem van der Berg;*****0019;") {
		t.Errorf("CSV = %q", b)
	}
	if dlg := visibleTexts(w.Canvas().Overlays().Top()); !containsText(dlg, "De lijst is opgeslagen als "+csv) {
		t.Errorf("after the CSV: %q", dlg)
	}

	entries, err := svc.AuditLog(context.Background(), app.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var exports []int
	for _, e := range entries {
		if e.Actie == app.ActieExport && e.Object == "rapport" {
			exports = append(exports, e.Aantal)
		}
	}
	if !slices.Equal(exports, []int{1, 1}) {
		t.Errorf("audited exports %v, want two of one person", exports)
	}
}

// Overzicht makes the release list of the coming weeks (as the CLI does), and a PDF
// saved where no viewer can open it is reported as saved.
func TestOverviewReleaseListPDF(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, w := newShell(t, svc, Options{Lists: listWriter(svc)})
	s.Wait()
	if findButton(s.Overview.Content(), "Vrijlatingenlijst (PDF)") == nil {
		t.Fatal("Overzicht has no button for the release list")
	}
	pdf := filepath.Join(t.TempDir(), "vrijlatingen.pdf")
	s.Overview.openURL = func(*url.URL) error { return io.ErrUnexpectedEOF }
	s.Overview.saver().save(pdf, s.Overview.releasesJob(false))
	s.Wait()
	b, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	text := reporttest.PDFText(t, b, 0, 0)
	if !strings.Contains(text, "Vrijlatingen van 05-08-2019 tot en met 02-09-2019") || !strings.Contains(text, "Jan Willem van der Berg") {
		t.Errorf("release list:\n%s", text)
	}
	dlg := visibleTexts(w.Canvas().Overlays().Top())
	if !containsText(dlg, "De PDF is opgeslagen als") || containsText(dlg, "Er ging iets mis") {
		t.Errorf("no viewer: %q, want saved", dlg)
	}
}
