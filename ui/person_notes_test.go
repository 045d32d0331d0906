package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/terugkeer/terugkeer/app"
)

// Notes in the person file (issue 18): "Aantekening maken" on a domain card (the form
// stays open without a text), the note shown in the card, corrected and removed from
// its row.
func TestNotesInThePersonFile(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, w := newShell(t, svc, Options{})
	c := w.Canvas()
	p := openBerg(t, svc, s)

	test.Tap(findButton(p.Content(), T("Aantekening maken"))) // the first card: identiteitsbewijs
	f := p.lastNoteForm
	if f == nil || f.domain != app.Identiteitsbewijs {
		t.Fatalf("note form for %+v", f)
	}
	f.Dialog.Submit()
	s.Wait()
	if c.Overlays().Top() == nil || f.Problem.Text() != T("Schrijf eerst de aantekening.") {
		t.Fatalf("an empty note must keep the form open with its reason (%q)", f.Problem.Text())
	}
	test.Type(f.Tekst, "Paspoort aangevraagd bij de balie")
	f.Dialog.Submit()
	s.Wait()
	noOverlay(t, c, "saving the note")
	ns := s.Person.file.Domeinen[app.Identiteitsbewijs].Aantekeningen
	if len(ns) != 1 || ns[0].Tekst != "Paspoort aangevraagd bij de balie" {
		t.Fatalf("notes = %+v", ns)
	}
	if !containsText(visibleTexts(s.Person.Content()), "Paspoort aangevraagd bij de balie") {
		t.Error("the note is not shown in the file")
	}

	test.Tap(findButton(s.Person.Content(), T("Wijzigen")))
	f = s.Person.lastNoteForm
	if f.editing == nil || f.Tekst.Text != "Paspoort aangevraagd bij de balie" {
		t.Fatalf("the correction form is not filled: %+v", f)
	}
	f.Tekst.SetText("Paspoort opgehaald")
	f.Dialog.Submit()
	s.Wait()
	noOverlay(t, c, "saving the corrected note")
	if ns = s.Person.file.Domeinen[app.Identiteitsbewijs].Aantekeningen; len(ns) != 1 || ns[0].Tekst != "Paspoort opgehaald" {
		t.Fatalf("after correction: %+v", ns)
	}
	test.Tap(findButton(s.Person.Content(), T("Verwijderen")))
	s.Person.lastConfirm.Confirm()
	s.Wait()
	if ns = s.Person.file.Domeinen[app.Identiteitsbewijs].Aantekeningen; len(ns) != 0 {
		t.Errorf("after removal: %+v", ns)
	}
}
