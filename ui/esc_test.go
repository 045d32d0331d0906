package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/terugkeer/terugkeer/app"
)

// pressEsc delivers Esc as Fyne's desktop driver does (pressKey).
func pressEsc(c fyne.Canvas) { pressKey(c, fyne.KeyEscape) }

// openBerg opens Jan Willem van der Berg's file from Personen.
func openBerg(t *testing.T, svc Service, s *Shell) *PersonView {
	t.Helper()
	rows, err := svc.Persons(context.Background(), app.PersonQuery{Zoek: "berg", Limit: 1})
	if err != nil || len(rows) != 1 {
		t.Fatalf("persons for 'berg': %v, %v", rows, err)
	}
	s.Show(SectionPersonen)
	s.OpenPerson(rows[0].ID)
	s.Wait()
	if s.Person == nil || s.Person.file == nil {
		t.Fatal("the person's file did not load")
	}
	return s.Person
}

func noOverlay(t *testing.T, c fyne.Canvas, what string) {
	t.Helper()
	if top := c.Overlays().Top(); top != nil {
		t.Fatalf("%s: a dialog is still open (%T)", what, top)
	}
}

// Esc in a dialog's text field closes the dialog as Cancel does (nothing is saved) and
// leaves the person open; Esc without a focused field goes back like "Terug (Esc)".
func TestEscInDialogFieldCancelsAndEscOnScreenGoesBack(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, w := newShell(t, svc, Options{})
	c := w.Canvas()
	p := openBerg(t, svc, s)

	p.contactDialog(app.Onderdak)
	f := p.lastContactForm
	if c.Focused() != f.Met {
		t.Fatalf("the contact dialog opens with focus on %v, want Met", c.Focused())
	}
	test.Type(f.Met, "niet bewaren")
	c.Focus(f.Notitie)
	pressEsc(c)
	s.Wait()
	noOverlay(t, c, "Esc in Notitie")
	if n := len(s.Person.file.Domeinen[app.Onderdak].Contacten); n != 0 {
		t.Fatalf("Esc saved a contact (%d)", n)
	}

	p.closeTraject()
	cf := p.lastCloseForm
	if c.Focused() != cf.Datum.Entry {
		t.Fatalf("traject afsluiten opens with focus on %v, want the date", c.Focused())
	}
	cf.Uitkomst.SetSelected(T("zonder maatregelen"))
	pressEsc(c)
	s.Wait()
	noOverlay(t, c, "Esc in the date")
	if st := s.Person.file.Traject.Status; st == app.Afgesloten {
		t.Fatal("Esc closed the traject")
	}

	for name, open := range map[string]func(){
		"status": func() { p.statusDialog(app.Onderdak, app.Followup{}) },
		"actie":  func() { p.actionDialog(app.Onderdak, app.Followup{}) },
	} {
		open()
		if c.Focused() == nil {
			t.Fatalf("%s dialog opens without a focused field", name)
		}
		pressEsc(c)
		noOverlay(t, c, name)
	}
	if s.Current() != "Persoon" {
		t.Fatalf("Esc in a dialog left the person: screen %q", s.Current())
	}

	// A dialog without a focused field: Esc closes it, the person stays open.
	p.statusDialog(app.Onderdak, app.Followup{})
	c.Unfocus()
	pressEsc(c)
	noOverlay(t, c, "Esc without focus")
	if s.Current() != "Persoon" {
		t.Fatalf("Esc with a dialog open changed the screen behind it to %q", s.Current())
	}

	pressEsc(c)
	if s.Current() != SectionPersonen || s.Person != nil {
		t.Fatalf("Esc on the person screen: screen %q, want Personen", s.Current())
	}
}

// Esc in a field on a screen leaves the field and then acts as Esc on the window.
func TestEscLeavesScreenField(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, w := newShell(t, svc, Options{})
	c := w.Canvas()
	s.Show(SectionInstelling)
	c.Focus(s.Settings.Gebruiker)
	test.Type(s.Settings.Gebruiker, "Sanne")
	pressEsc(c)
	if c.Focused() != nil {
		t.Fatalf("Esc left the focus on %v", c.Focused())
	}
	if s.Settings.Gebruiker.Text != "Sanne" || s.Current() != SectionInstelling {
		t.Fatalf("Esc changed the text (%q) or the screen (%q)", s.Settings.Gebruiker.Text, s.Current())
	}

	// Handed on to the window: an EscEntry on the person screen goes back, to the list.
	p := openBerg(t, svc, s)
	e := NewEscEntry(nil)
	p.body.Add(e)
	c.Focus(e)
	pressEsc(c)
	if c.Focused() != s.Persons.table || s.Current() != SectionPersonen {
		t.Fatalf("Esc in a field on the person screen: focus %v, screen %q", c.Focused(), s.Current())
	}
}

// Esc in the mailbox password prompt closes it without fetching.
func TestEscCancelsMailboxPassword(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, false)
	mb := &promptMailbox{}
	s, w := newShell(t, svc, Options{Mailbox: mb})
	configureMailbox(t, svc)
	s.Import.FetchMailbox()
	entry := findPasswordEntry(t, s)
	if w.Canvas().Focused() != entry {
		t.Fatal("the password prompt opens without focus in the field")
	}
	test.Type(entry, "geheim")
	pressEsc(w.Canvas())
	s.Wait()
	noOverlay(t, w.Canvas(), "Esc in the password")
	if len(mb.passwords) != 0 {
		t.Fatalf("Esc fetched with %q", mb.passwords)
	}
}

// Other keys still reach the entry.
func TestEscEntryPassesOtherKeys(t *testing.T) {
	test.NewTempApp(t)
	called := false
	e := NewEscEntry(func() { called = true })
	test.NewTempWindow(t, e)
	test.Type(e, "ab")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if e.Text != "a" || called {
		t.Fatalf("text %q, onEscape called %v", e.Text, called)
	}
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !called || e.Text != "a" {
		t.Fatalf("Esc: onEscape called %v, text %q", called, e.Text)
	}
}

// Enter in a one-line field of a form dialog submits it, as its confirm button does:
// the contact is recorded and the dialog closes. With a wrong time the form is invalid
// and Enter does nothing; in the note Enter starts a new line.
func TestEnterSubmitsFormDialog(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, w := newShell(t, svc, Options{})
	c := w.Canvas()
	p := openBerg(t, svc, s)

	p.contactDialog(app.Onderdak)
	f := p.lastContactForm
	test.Type(f.Met, "woningcorporatie")
	c.Focus(f.Notitie)
	test.Type(f.Notitie, "Eerste regel")
	pressKey(c, fyne.KeyReturn)
	if c.Overlays().Top() == nil || !strings.Contains(f.Notitie.Text, "\n") {
		t.Fatalf("Enter in the note: dialog open %v, note %q; want a new line", c.Overlays().Top() != nil, f.Notitie.Text)
	}
	f.Tijd.SetText("25:99")
	c.Focus(f.Met)
	pressKey(c, fyne.KeyReturn)
	s.Wait()
	if c.Overlays().Top() == nil {
		t.Fatal("Enter submitted a form with a wrong time")
	}
	f.Tijd.SetText("10:30")
	c.Focus(f.Met)
	pressKey(c, fyne.KeyReturn)
	s.Wait()
	noOverlay(t, c, "Enter in Met")
	cs := s.Person.file.Domeinen[app.Onderdak].Contacten
	if len(cs) != 1 || cs[0].Met != "woningcorporatie" {
		t.Fatalf("onderdak contacts after Enter: %+v", cs)
	}
}
