package ui

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/terugkeer/terugkeer/app"
)

// "Actie plannen" without a text (issue 18, defect 6): the reason stands in the dialog,
// the dialog stays open with the typed date, and no "Er ging iets mis" box appears.
// Filling in the text then saves.
func TestActionWithoutTextKeepsTheFormOpenWithItsReason(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, w := newShell(t, svc, Options{})
	c := w.Canvas()
	p := openBerg(t, svc, s)

	p.actionDialog(app.Onderdak, p.file.Domeinen[app.Onderdak].Opvolging)
	f := p.lastActionForm
	f.Actie.SetText("")
	f.Datum.Entry.SetText("12-08-2019")
	f.Dialog.Submit() // what the button and Enter do: Fyne hides the form, then saves
	s.Wait()
	if top := c.Overlays().Top(); top == nil || containsText(visibleTexts(top), T("Er ging iets mis")) {
		t.Fatalf("after saving without a text the form must be open again, without an error box (top overlay %v)", top)
	}
	if got := f.Problem.Text(); !strings.Contains(got, "moet gebeuren") {
		t.Errorf("reason in the form = %q, want the sentence about the missing text", got)
	}
	if !containsText(visibleTexts(c.Overlays().Top()), f.Problem.Text()) {
		t.Error("the reason is not shown in the open dialog")
	}
	if f.Datum.Entry.Text != "12-08-2019" || c.Focused() != f.Actie {
		t.Errorf("typed date %q kept, focus on the text field %v", f.Datum.Entry.Text, c.Focused() == f.Actie)
	}

	test.Type(f.Actie, "Woningcorporatie bellen")
	f.Dialog.Submit()
	s.Wait()
	noOverlay(t, c, "saving a complete action")
	if got := s.Person.file.Domeinen[app.Onderdak].Opvolging; got.Actie != "Woningcorporatie bellen" {
		t.Errorf("action saved = %+v", got)
	}
}

// A contact in the future is refused by app (a ValidationError after the background
// save): the form comes back with the reason and what was typed.
func TestContactInTheFutureReturnsToTheForm(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, w := newShell(t, svc, Options{})
	c := w.Canvas()
	p := openBerg(t, svc, s)

	p.contactDialog(app.Onderdak)
	f := p.lastContactForm
	test.Type(f.Met, "woningcorporatie")
	f.Datum.Entry.SetText(formatDate(p.today().AddDays(3)))
	f.Dialog.Submit()
	s.Wait()
	top := c.Overlays().Top()
	if top == nil || containsText(visibleTexts(top), T("Er ging iets mis")) {
		t.Fatalf("a contact in the future must return to the form, not to an error box")
	}
	if !strings.Contains(f.Problem.Text(), "toekomst") || f.Met.Text != "woningcorporatie" {
		t.Errorf("reason %q, Met kept %q", f.Problem.Text(), f.Met.Text)
	}
	if n := len(s.Person.file.Domeinen[app.Onderdak].Contacten); n != 0 {
		t.Errorf("%d contacts recorded, want none", n)
	}
}

// A PDF that was saved but could not be opened (no viewer on this computer) is reported
// as saved: no "Er ging iets mis", no English exec detail (issue 18, defect 6).
func TestSavedPDFWithoutViewerIsReportedAsSaved(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, w := newShell(t, svc, Options{PDF: pdfWriter(svc)})
	c := w.Canvas()
	p := openBerg(t, svc, s)
	p.openURL = func(*url.URL) error { return errors.New(`exec: "xdg-open": executable file not found in $PATH`) }

	path := filepath.Join(t.TempDir(), p.pdfFileName())
	p.SavePDF(path, true)
	s.Wait()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("PDF not saved: %v", err)
	}
	top := c.Overlays().Top()
	if top == nil {
		t.Fatal("no message after saving")
	}
	texts := strings.Join(visibleTexts(top), " | ")
	if !strings.Contains(texts, "opgeslagen als") || strings.Contains(texts, T("Er ging iets mis")) ||
		strings.Contains(texts, "exec") || strings.Contains(texts, T("Details")) {
		t.Errorf("message after saving without a viewer = %q", texts)
	}
}

// Quarantaine shows the reason on every row, not only after opening the message (issue
// 18, item 12).
func TestQuarantineRowsShowTheirReason(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true) // 06-ongeldig-bsn is quarantined
	s, w := newShell(t, svc, Options{})
	s.Show(SectionQuarantaine)
	s.Wait()
	if len(s.Quarantine.Items) == 0 {
		t.Fatal("nothing in quarantine")
	}
	reason := s.Quarantine.Items[0].Reden
	if reason == "" || !containsText(visibleTexts(s.Quarantine.list), reason) {
		t.Errorf("the list rows do not show the reason %q: %q", reason, visibleTexts(w.Canvas().Content()))
	}
}
