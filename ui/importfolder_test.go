package ui

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// The import dialogs say what they do ("Bestand openen", "Map openen") and start in
// Documenten, then in the folder last imported from (issue 18 item 12; the walk through
// the real window found them titled "Openen map" and starting in the profile folder).
func TestImportDialogsTitledAndStartInDocuments(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, false)
	home := t.TempDir()
	docs := filepath.Join(home, "Documenten")
	if err := os.Mkdir(docs, 0o700); err != nil {
		t.Fatal(err)
	}
	platform := app.Platform{GOOS: "linux", Getenv: func(string) string { return "" },
		HomeDir: func() (string, error) { return home, nil }, Documents: func() (string, error) { return docs, nil }}
	s, w := newShell(t, svc, Options{Platform: platform})
	s.Show(SectionImporteren)

	for _, c := range []struct {
		open  func()
		title string
	}{{s.Import.ChooseFiles, "Bestand openen"}, {s.Import.chooseFolder, "Map openen"}} {
		c.open()
		dlg := visibleTexts(w.Canvas().Overlays().Top())
		if !slices.Contains(dlg, c.title) {
			t.Errorf("the dialog is not titled %s: %q", c.title, dlg)
		}
		if !slices.Contains(dlg, "Documenten") { // the folder's breadcrumb
			t.Errorf("the %s dialog does not start in Documenten: %q", c.title, dlg)
		}
		w.Canvas().Overlays().Top().Hide()
	}
	if got := importStart(platform); got != docs {
		t.Errorf("the import dialogs start in %q, want Documenten %q", got, docs)
	}
	inbox := filepath.Join(home, "inbox")
	if err := os.Mkdir(inbox, 0o700); err != nil {
		t.Fatal(err)
	}
	importedFrom(filepath.Join(inbox, "melding.xml"))
	if got := importStart(platform); got != inbox {
		t.Errorf("after an import from %q the dialogs start in %q", inbox, got)
	}
}
