package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// While the database opens the window says so (a schema update takes 42 s at 150,000
// persons, and an empty screen looks like a hang); a start problem then replaces that
// text in the same window, with Sluiten.
func TestOpeningThenStartProblemInOneWindow(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("Terugkeer")
	ShowOpening(w)
	if !containsText(visibleTexts(w.Content()), T("Terugkeer opent de database. Na een update werkt het die eerst bij; bij veel personen duurt dat even.")) {
		t.Errorf("the opening window says %q", visibleTexts(w.Content()))
	}
	ShowStartProblem(a, w, "De database kan niet worden geopend.")
	texts := visibleTexts(w.Content())
	if !containsText(texts, "De database kan niet worden geopend.") || findButton(w.Content(), T("Sluiten")) == nil {
		t.Errorf("the start problem shows %q", texts)
	}
	if w.Title() != T("Terugkeer kan niet starten") {
		t.Errorf("title %q", w.Title())
	}
}
