package report

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// longReport is a person overview with n contact preferences, enough to reach a second
// page for some n.
func longReport(n int) *app.PersonReport {
	r := &app.PersonReport{
		Kop:  app.ReportHeader{Gemeenten: []string{"0193"}, Afgedrukt: time.Date(2019, 6, 3, 10, 15, 0, 0, time.UTC)},
		Naam: "Jan Willem van der Berg", BSN: "*****0019", Traject: "in behandeling",
	}
	for _, d := range app.Domains() {
		r.Domeinen = append(r.Domeinen, app.ReportDomain{Domein: d, Titel: d.Label(), Toestemming: app.ConsentJa,
			ToestemmingTekst: "ja", Grondslag: "toestemming"})
	}
	for i := range n {
		r.Contact = append(r.Contact, app.ReportItem{Vraag: fmt.Sprintf("Vraag %d", i), Antwoord: "antwoord"})
	}
	return r
}

// pagesAndUse lays r out in rhythm sp and gives the page count and the last page's use.
func pagesAndUse(r *app.PersonReport, sp spacing) (int, float64) {
	d := newDoc("P", personTitle, r.Kop, sp)
	d.person(r)
	return d.pdf.PageNo(), d.used()
}

// A person overview whose last page would hold only a few lines is set tighter, so it
// fits on one page fewer; one that fills its last page keeps the normal rhythm.
func TestPersonOverviewAvoidsNearlyEmptyLastPage(t *testing.T) {
	n := 0
	for ; n < 200; n++ {
		if pages, _ := pagesAndUse(longReport(n), normal); pages == 2 {
			break
		}
	}
	r := longReport(n)
	if _, use := pagesAndUse(r, normal); use >= nearlyEmpty {
		t.Fatalf("setup: last page %.0f%% used, want a near-empty one", 100*use)
	}
	var b bytes.Buffer
	if err := WritePerson(&b, r); err != nil {
		t.Fatal(err)
	}
	if got := bytes.Count(b.Bytes(), []byte("/Type /Page\n")); got != 1 {
		t.Errorf("%d pages, want 1 (the near-empty last page saved)", got)
	}
	full := longReport(n + 40)
	if pages, use := pagesAndUse(full, normal); pages != 2 || use < nearlyEmpty {
		t.Fatalf("setup: %d pages, %.0f%% of the last used", pages, 100*use)
	}
	if fewerPages(full.Kop, func(d *doc) { d.person(full) }) {
		t.Error("a well-filled last page was set tight")
	}
}

// fewerPages reports whether the person overview would be set tight.
func fewerPages(kop app.ReportHeader, layout func(*doc)) bool {
	d := newDoc("P", personTitle, kop, normal)
	layout(d)
	_, sp := tighten(d, "P", personTitle, kop, layout)
	return sp == tight
}
