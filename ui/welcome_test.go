package ui

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"

	"github.com/terugkeer/terugkeer/app"
)

// A new database's Overzicht asks for the gemeentecode(s) before anything else (issue
// 18, defect 1); a wrong code is refused next to the field, and after saving the usual
// welcome with the examples follows.
func TestWelcomeAsksForTheGemeenteFirst(t *testing.T) {
	svc := realService(t, exampleNow, nil, false)
	s, w := newShell(t, svc, Options{})
	s.Overview.Reload()
	s.Wait()
	o := s.Overview
	if o.Setup == nil || !containsText(visibleTexts(w.Canvas().Content()), T(gemeentenQuestion)) {
		t.Fatal("the welcome of a new database does not ask for the gemeentecode")
	}
	if containsText(visibleTexts(w.Canvas().Content()), T(LoadExamplesBtn)) {
		t.Error("the welcome offers the examples before the gemeente is known")
	}
	test.Type(o.Setup, "193")
	o.Setup.OnSubmitted(o.Setup.Text)
	s.Wait()
	if _, err := svc.Gemeenten(context.Background()); err == nil {
		t.Fatal("a three-digit code was saved")
	}
	if !containsText(visibleTexts(w.Canvas().Content()), T("Een gemeentecode heeft vier cijfers, bijvoorbeeld 0193; scheid meer codes met een komma.")) {
		t.Error("the reason for refusing 193 is not shown")
	}
	o.Setup.SetText("0193, 0200")
	o.Setup.OnSubmitted(o.Setup.Text)
	s.Wait()
	if g, err := svc.Gemeenten(context.Background()); err != nil || !slices.Equal(g, []string{"0193", "0200"}) {
		t.Fatalf("gemeenten after saving = %v, %v", g, err)
	}
	if o.Setup != nil || !containsText(visibleTexts(w.Canvas().Content()), T(LoadExamplesBtn)) {
		t.Error("after saving the gemeenten the welcome with the examples does not follow")
	}
	// Instellingen shows the saved codes: its form was filled when the window opened (the
	// walk through the real window found the field empty).
	s.Show(SectionInstelling)
	s.Wait()
	if got := s.Settings.Gemeenten.Text; got != "0193, 0200" {
		t.Errorf("Instellingen shows gemeentecodes %q after the welcome saved them", got)
	}
}

// "Berichten importeren" on a new database asks for the gemeentecode and then imports,
// instead of failing with "de database kon niet worden bijgewerkt" and a CLI command.
func TestFirstImportAsksForTheGemeenteThenImports(t *testing.T) {
	svc := realService(t, exampleNow, nil, false)
	s, w := newShell(t, svc, Options{})
	s.Import.ImportPaths([]string{filepath.Join("..", "importers", "voorbeelden", "01-melding-begin.xml")})
	s.Wait()
	form, ok := s.Import.Setup.(*dialog.FormDialog)
	if !ok {
		t.Fatalf("no gemeentecode question before the first import (Setup %T)", s.Import.Setup)
	}
	top := w.Canvas().Overlays().Top()
	if top == nil || containsText(visibleTexts(top), T("Er ging iets mis")) {
		t.Fatal("the first import shows an error instead of the question")
	}
	entry, ok := w.Canvas().Focused().(*EscEntry)
	if !ok {
		t.Fatalf("focus is on %T, want the gemeentecode field", w.Canvas().Focused())
	}
	test.Type(entry, "0193")
	form.Submit()
	s.Wait()
	if len(s.Import.Results) != 1 || s.Import.Results[0].Resultaat != app.Geimporteerd {
		t.Fatalf("results after answering = %+v, want the melding imported", s.Import.Results)
	}
	if got := s.Settings.Gemeenten.Text; got != "0193" {
		t.Errorf("Instellingen shows gemeentecodes %q after the first import saved them", got)
	}
}
