package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/importers/msg/msgtest"
)

// A mail dragged straight out of Outlook reaches the window as no file at all; the
// window says to save it as .msg first. A saved .msg imports.
func TestDropThatIsNoFileSaysSaveTheMailFirst(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, false)
	s, w := newShell(t, svc, Options{})
	gone := storage.NewFileURI(filepath.Join(t.TempDir(), "weg.msg"))
	web, err := storage.ParseURI("https://outlook.example/mail/1")
	if err != nil {
		t.Fatal(err)
	}
	for _, drop := range [][]fyne.URI{nil, {gone}, {web}} {
		s.Dropped(fyne.Position{}, drop)
		s.Wait()
		top := w.Canvas().Overlays().Top()
		if top == nil || !strings.Contains(strings.Join(visibleTexts(top), " "), "Opslaan als") {
			t.Fatalf("drop %v: no notice to save the mail first", drop)
		}
		if len(s.Import.Results) != 0 {
			t.Fatalf("drop %v imported something", drop)
		}
		pressKey(w.Canvas(), fyne.KeyEscape)
	}

	var files = map[string][]byte{}
	for _, e := range importers.Examples() {
		files[e.Name] = e.Data
	}
	path := filepath.Join(t.TempDir(), "voorbeelden.msg")
	if err := os.WriteFile(path, msgtest.File(msgtest.AllExamples(files)), 0o600); err != nil {
		t.Fatal(err)
	}
	s.Dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(path)})
	s.Wait()
	if w.Canvas().Overlays().Top() != nil || len(s.Import.Results) != 5 {
		t.Errorf("a saved .msg: %d results, overlay %v", len(s.Import.Results), w.Canvas().Overlays().Top())
	}
}
