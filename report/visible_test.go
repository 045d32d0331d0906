package report_test

import (
	"context"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/report"
	"github.com/terugkeer/terugkeer/report/reporttest"
)

// A line break in a received name cannot add lines to a PDF: a forged heading, BSN or
// table row. It is shown as \n on the name's own line; C1 controls and bidi overrides
// are shown escaped too. Through the real import path, on SQLite.
func TestControlCharactersInNamesShownNotObeyed(t *testing.T) {
	reporttest.NeedPDFToText(t)
	db := reporttest.Open(t)
	forged := reporttest.Subject{BSN: "999990019", Voornamen: "Jan\nOverzicht persoon\nBSN 999990032",
		Achternaam: "Berg\u0085\u202eNEP", Geboortedatum: "1988-02-29"}
	db.Detention(forged, "2019-05-01", "2019-06-15")

	text := reporttest.PDFText(t, personPDF(t, db, forged.BSN, false), 0, 0)
	contains(t, text, `Jan\nOverzicht persoon\nBSN 999990032`, `Berg\x85\u202eNEP`)
	noLine(t, text, "Overzicht persoon", "BSN 999990032")

	l, err := db.Svc.ReleaseReport(context.Background(), reporttest.Clock, 4)
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := report.Releases(l)
	if err != nil {
		t.Fatal(err)
	}
	text = reporttest.PDFText(t, pdf, 0, 0)
	noLine(t, text, "Overzicht persoon", "BSN 999990032")
	contains(t, strings.Join(strings.Fields(text), ""), `Jan\nOverzicht`)
}

// noLine fails when a line of text starts with one of prefixes (after white space).
func noLine(t *testing.T, text string, prefixes ...string) {
	t.Helper()
	for _, l := range strings.Split(text, "\n") {
		for _, p := range prefixes {
			if strings.HasPrefix(strings.TrimSpace(l), p) {
				t.Errorf("PDF has a line of its own %q", l)
			}
		}
	}
}
