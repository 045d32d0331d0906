package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// F1 explains the screen shown, also while the cursor is in a field (Fyne sends keys
// without a modifier only to the focused widget), and every screen has its text.
func TestF1ShowsHelpForTheScreen(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, w := newShell(t, svc, Options{})
	c := w.Canvas()
	for _, name := range []string{SectionOverzicht, SectionPersonen, SectionActies, SectionImporteren, SectionQuarantaine, SectionLogboek, SectionInstelling} {
		if len(helpTexts[name]) == 0 {
			t.Errorf("no help for %s", name)
		}
	}

	s.ShortcutSearch() // the cursor in Personen's search box
	test.Type(s.Persons.Search, "be")
	s.Persons.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF1})
	if s.HelpShown != SectionPersonen || c.Overlays().Top() == nil {
		t.Fatalf("F1 in the search box: help for %q, dialog %v", s.HelpShown, c.Overlays().Top() != nil)
	}
	if !containsText(visibleTexts(c.Overlays().Top()), T(helpTexts[SectionPersonen][0])) {
		t.Error("the help does not show Personen's explanation")
	}
	if s.Persons.Search.Text != "be" {
		t.Errorf("F1 changed the search text to %q", s.Persons.Search.Text)
	}
	pressKey(c, fyne.KeyEscape)

	openBerg(t, svc, s)
	c.Unfocus()
	pressKey(c, fyne.KeyF1)
	if s.HelpShown != "Persoon" {
		t.Errorf("F1 on a person's file showed help for %q", s.HelpShown)
	}
}
