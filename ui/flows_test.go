package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
)

// The "done when": find Jan Willem van der Berg by typing "berg", see schulden
// as "toestemming ingetrokken", record a phone contact for onderdak, change its status,
// plan an action, and make the PDF.
func TestFindBergRecordContactAndPrint(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, w := newShell(t, svc, Options{PDF: pdfWriter(svc)})

	s.ShortcutSearch()
	if s.Current() != SectionPersonen || w.Canvas().Focused() != s.Persons.Search {
		t.Fatalf("Ctrl+F: screen %q, focus %v", s.Current(), w.Canvas().Focused())
	}
	test.Type(s.Persons.Search, "berg")
	s.Wait()
	rows := tableRows(s.Persons)
	if len(rows) != 1 || rows[0][0] != "Jan Willem van der Berg" {
		t.Fatalf("rows for 'berg' = %q", rows)
	}
	s.Persons.OpenRow(0)
	s.Wait()
	p := s.Person
	if p == nil || p.file == nil || p.file.Person.Achternaam != "Berg" {
		t.Fatal("tapping the row must open Jan Willem's file")
	}
	texts := visibleTexts(w.Canvas().Content())
	if containsText(texts, "Toestemming: toestemming") {
		t.Error(`the file says "Toestemming: toestemming …" (issue 18, item 12)`)
	}
	for _, want := range []string{"Jan Willem van der Berg", "Schulden", "Toestemming ingetrokken", "Onderdak", "Informatieblad", "Casemanager DJI"} {
		if !containsText(texts, want) {
			t.Errorf("person screen does not show %q", want)
		}
	}

	// Contact vastleggen for onderdak, by phone.
	p.contactDialog(app.Onderdak)
	f := p.lastContactForm
	if f.Domein.Selected != "Onderdak" || f.Kanaal.Selected != "telefoon" {
		t.Fatalf("contact form starts with %q / %q", f.Domein.Selected, f.Kanaal.Selected)
	}
	test.Type(f.Met, "Jan Willem zelf")
	test.Type(f.Notitie, "Afspraak bij de woningcorporatie gemaakt.")
	f.Dialog.Hide()
	f.Submit()
	s.Wait()
	p = s.Person
	cs := p.file.Domeinen[app.Onderdak].Contacten
	if len(cs) != 1 || cs[0].Kanaal != app.KanaalTelefoon || cs[0].Met != "Jan Willem zelf" {
		t.Fatalf("onderdak contacts = %+v", cs)
	}
	if p.file.Traject.Status != app.InBehandeling {
		t.Errorf("traject = %q after the first contact, want in behandeling", p.file.Traject.Status)
	}
	if !containsText(visibleTexts(w.Canvas().Content()), "Afspraak bij de woningcorporatie gemaakt.") {
		t.Error("the contact's note is not shown")
	}

	// Status wijzigen.
	p.statusDialog(app.Onderdak, p.file.Domeinen[app.Onderdak].Opvolging)
	sf := p.lastStatusForm
	sf.Status.SetSelected("geregeld")
	test.Type(sf.Verantwoordelijke, "Sanne")
	sf.Dialog.Hide()
	sf.Submit()
	s.Wait()
	fu := s.Person.file.Domeinen[app.Onderdak].Opvolging
	if fu.Status != app.FollowupGeregeld || fu.Verantwoordelijke != "Sanne" {
		t.Fatalf("onderdak follow-up = %+v", fu)
	}

	// Actie plannen.
	dom := app.Domain("")
	for _, d := range app.Domains() {
		if d != app.Onderdak && s.Person.file.Domeinen[d].Toestemming.Holds() {
			dom = d
			break
		}
	}
	s.Person.actionDialog(dom, s.Person.file.Domeinen[dom].Opvolging)
	af := s.Person.lastActionForm
	test.Type(af.Actie, "Huisarts bellen")
	af.Datum.Entry.SetText("12-08-2019")
	af.Dialog.Hide()
	af.Submit()
	s.Wait()
	if z := s.Person.file.Domeinen[dom].Opvolging; z.Actie != "Huisarts bellen" || z.Actiedatum.String() != "2019-08-12" {
		t.Errorf("zorg follow-up = %+v", z)
	}

	// PDF maken.
	pdf := filepath.Join(t.TempDir(), s.Person.pdfFileName())
	if !strings.HasPrefix(filepath.Base(pdf), "overzicht-berg-") {
		t.Errorf("default file name %q", filepath.Base(pdf))
	}
	// The file dialog creates the file it offers, empty, with the usual permissions.
	if err := os.WriteFile(pdf, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	s.Person.SavePDF(pdf, false)
	s.Wait()
	b, err := os.ReadFile(pdf)
	if err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("PDF not written: %v", err)
	}
	if st, err := os.Stat(pdf); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("PDF mode %v (%v), want 0600: it holds criminal-justice data", st.Mode().Perm(), err)
	}
	// A PDF that fails leaves no empty file behind.
	s.Person.pdf = func(context.Context, int64, string) error { return errors.New("schijf vol") }
	failed := filepath.Join(filepath.Dir(pdf), "mislukt.pdf")
	os.WriteFile(failed, nil, 0o644)
	s.Person.SavePDF(failed, false)
	s.Wait()
	if _, err := os.Stat(failed); !os.IsNotExist(err) {
		t.Errorf("a failed PDF left %s behind (%v)", filepath.Base(failed), err)
	}
	pressKey(w.Canvas(), fyne.KeyEscape) // the error dialog

	// Esc goes back to the list.
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if s.Current() != SectionPersonen || s.Person != nil {
		t.Errorf("after Esc: screen %q", s.Current())
	}
}

// A message for a gemeente the installation does not serve goes to quarantine; after
// the setting is fixed, "Opnieuw importeren" imports it and empties the quarantine.
func TestRetryQuarantinedMessage(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0363"}, true)
	s, w := newShell(t, svc, Options{})
	s.Show(SectionQuarantaine)
	s.Wait()
	q := s.Quarantine
	if len(q.Items) == 0 {
		t.Fatal("the examples for 0193 must be in quarantine on an installation for 0363")
	}
	n := len(q.Items)
	for i, it := range q.Items {
		if strings.Contains(it.Bron, "01-melding-begin") {
			q.list.Select(i)
		}
	}
	s.Wait()
	if q.Selected == nil || !strings.Contains(q.reden.Text, "0193") || q.raw.Text == "" {
		t.Fatalf("detail: reason %q, raw %d bytes", q.reden.Text, len(q.raw.Text))
	}
	// Retry while the setting is still wrong: it stays.
	q.Retry()
	s.Wait()
	if len(q.Items) != n {
		t.Fatalf("after a failed retry %d items, want %d", len(q.Items), n)
	}
	w.Canvas().Overlays().Top().Hide()

	if err := svc.Init(context.Background(), []string{"0193"}); err != nil {
		t.Fatal(err)
	}
	var id int64
	for _, it := range q.Items {
		if strings.Contains(it.Bron, "01-melding-begin") {
			id = it.ID
		}
	}
	q.Select(id)
	s.Wait()
	if q.Selected == nil || q.Selected.ID != id {
		t.Fatal("Select did not show the entry")
	}
	test.Tap(q.retry)
	s.Wait()
	if len(q.Items) != n-1 {
		t.Errorf("after a successful retry %d items, want %d", len(q.Items), n-1)
	}
	if !containsText(visibleTexts(w.Canvas().Overlays().Top()), "uit de quarantaine gehaald") {
		t.Error("no confirmation of the retry")
	}
	w.Canvas().Overlays().Top().Hide()

	// Discard asks first and says what goes.
	q.list.Select(0)
	s.Wait()
	test.Tap(q.discard)
	dlg := w.Canvas().Overlays().Top()
	if !containsText(visibleTexts(dlg), "definitief verwijderd") {
		t.Fatalf("confirmation = %q", visibleTexts(dlg))
	}
	test.Tap(findButton(dlg, "Verwijderen"))
	s.Wait()
	if len(q.Items) != n-2 {
		t.Errorf("after discarding %d items, want %d", len(q.Items), n-2)
	}
}

func TestImportFilesAndDrop(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, false)
	s, w := newShell(t, svc, Options{})
	dir := t.TempDir()
	for _, e := range importers.Examples() {
		if err := os.WriteFile(filepath.Join(dir, e.Name), e.Data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "lees-mij.txt"), []byte("x"), 0o600)
	drop := []fyne.URI{storage.NewFileURI(dir)}

	// A drop while a dialog is open is refused and said so; nothing is imported.
	showInformation(w, "Bewaartermijnen", "opgeslagen")
	s.Dropped(fyne.Position{}, drop)
	s.Wait()
	if s.Current() != SectionOverzicht || len(s.Import.Results) != 0 || !strings.Contains(s.status.Text, "sleep de bestanden opnieuw") {
		t.Fatalf("drop behind a dialog: screen %q, %d results, status %q", s.Current(), len(s.Import.Results), s.status.Text)
	}
	pressKey(w.Canvas(), fyne.KeyEscape)

	s.Dropped(fyne.Position{}, drop)
	s.Wait()
	if strings.Contains(s.status.Text, "sleep de bestanden opnieuw") {
		t.Errorf("after a drop that worked the status still says %q", s.status.Text)
	}
	if s.Current() != SectionImporteren {
		t.Errorf("a drop must show Importeren, shows %q", s.Current())
	}
	if len(s.Import.Results) < len(importers.Examples()) {
		t.Fatalf("results = %d", len(s.Import.Results))
	}
	texts := visibleTexts(w.Canvas().Content())
	if !containsText(texts, "Resultaat:") || !containsText(texts, "in quarantaine") {
		t.Errorf("summary missing: %q", s.Import.summary.Text)
	}
	if s.Persons.Rows() == 0 {
		t.Error("the person list must reload after an import")
	}
	// Importing again: every message is a duplicate.
	s.Import.ImportPaths([]string{filepath.Join(dir, "01-melding-begin.xml")})
	s.Wait()
	if len(s.Import.Results) != 1 || s.Import.Results[0].Resultaat != app.Dubbel {
		t.Errorf("re-import = %+v", s.Import.Results)
	}
}

func TestOverviewLogboekAndSettings(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, w := newShell(t, svc, Options{})
	if s.Current() != SectionOverzicht || s.Overview.Data == nil {
		t.Fatal("the app must start on the Overzicht")
	}
	texts := visibleTexts(w.Canvas().Content())
	for _, want := range []string{"Signalen", "Vrijlatingen de komende weken", "Jan Willem van der Berg"} {
		if !containsText(texts, want) {
			t.Errorf("Overzicht does not show %q", want)
		}
	}

	s.Show(SectionLogboek)
	s.Wait()
	if len(s.Log.Entries) == 0 {
		t.Fatal("the Logboek is empty after an import")
	}
	s.Log.VerifyChain()
	s.Wait()
	if !strings.Contains(s.Log.Check.Text, "De keten is intact") {
		t.Errorf("chain check = %q", s.Log.Check.Text)
	}

	s.Show(SectionInstelling)
	s.Wait()
	if s.Settings.Gemeenten.Text != "0193" {
		t.Errorf("gemeenten field = %q", s.Settings.Gemeenten.Text)
	}
	s.Settings.Gebruiker.SetText("Sanne de Vries")
	s.Settings.SaveGeneral()
	s.Wait()
	if u, _ := svc.Setting(context.Background(), app.SettingGebruiker); u != "Sanne de Vries" {
		t.Errorf("gebruiker = %q", u)
	}
}

// Instellingen fits the window's default size (1100 wide, about 880 for the screen
// beside the navigation): a form's hint text does not wrap, and the longest retention
// hint used to run off the card.
func TestSettingsFitDefaultWindow(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, _ := newShell(t, svc, Options{})
	if w := s.Settings.Content().MinSize().Width; w > 880 {
		t.Fatalf("Instellingen needs %v wide", w)
	}
}

// No screen asks for more than the default window (1100×720, about 880×640 for a screen)
// in the state it is in when it is first shown: Fyne grows the window to a screen's
// minimum size, and a wrapping label in a centring container once asked for 2,372 pixels
// of height (Quarantaine's empty state before its first load), growing the window off
// the display.
func TestScreensFitDefaultWindow(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, _ := newShell(t, svc, Options{})
	for name, o := range s.screens {
		if name == s.Current() {
			continue // already in the shell's window
		}
		w := test.NewTempWindow(t, o) // laid out as Show lays it out, before any load
		w.Resize(fyne.NewSize(880, 640))
		if m := o.MinSize(); m.Width > 880 || m.Height > 640 {
			t.Errorf("%s asks for %v", name, m)
		}
	}
}
