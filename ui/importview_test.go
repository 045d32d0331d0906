package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/terugkeer/terugkeer/importers"
)

// A file that cannot be read (too large, no permission) is reported with its reason;
// the other files are imported.
func TestUnreadableFileIsReportedAndTheRestImported(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, false)
	dir := t.TempDir()
	var paths []string
	for _, e := range importers.Examples()[:2] {
		p := filepath.Join(dir, e.Name)
		if err := os.WriteFile(p, e.Data, 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	bad := filepath.Join(dir, "te-groot.eml")
	os.WriteFile(bad, []byte("x"), 0o600)
	s, w := newShell(t, svc, Options{ReadFile: func(p string) ([]byte, error) {
		if p == bad {
			return nil, errors.New(p + " is groter dan 64 MiB")
		}
		return os.ReadFile(p)
	}})
	s.Import.ImportPaths(append([]string{bad}, paths...))
	s.Wait()
	if len(s.Import.Results) != 2 {
		t.Errorf("%d results, want the 2 readable files", len(s.Import.Results))
	}
	if !strings.Contains(s.Import.summary.Text, "1 bestand kon niet worden gelezen") {
		t.Errorf("summary = %q", s.Import.summary.Text)
	}
	if !containsText(visibleTexts(w.Canvas().Overlays().Top()), "Niet alle bestanden konden worden gelezen") {
		t.Error("no error dialog for the unreadable file")
	}
}

// A folder import says how many files of the folder it skipped, and a file named on its
// own is imported whatever its extension, as the CLI does (importers.FindFiles).
func TestFolderImportCountsSkippedFiles(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, false)
	dir := t.TempDir()
	ex := importers.Examples()[0]
	if err := os.WriteFile(filepath.Join(dir, ex.Name), ex.Data, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"lees-mij.txt", "notitie.docx"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("geen bericht"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	named := filepath.Join(t.TempDir(), "bericht.txt")
	if err := os.WriteFile(named, importers.Examples()[1].Data, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "kapot.xml"), []byte(`<?xml version="1.0"?><bericht><kapot`), 0o600); err != nil {
		t.Fatal(err)
	}
	s, w := newShell(t, svc, Options{})
	w.Resize(fyne.NewSize(800, 600))
	s.Show(SectionImporteren)
	s.Import.ImportPaths([]string{dir, named})
	s.Wait()
	// The long summary wraps: it pushed the window to 969 px in the walk through the real
	// window (issue 18 item 10).
	if m := s.Content().MinSize(); m.Width > 800 {
		t.Errorf("after the import the window needs %v, more than 800 wide", m)
	}
	summary := s.Import.summary.Text
	s.Import.summary.SetText(summary + strings.Repeat(" en nog meer", 40)) // the test theme's font is smaller
	if m := s.Content().MinSize(); m.Width > 800 {
		t.Errorf("with a long summary the window needs %v, more than 800 wide", m)
	}
	s.Import.summary.SetText(summary)
	if len(s.Import.Results) != 3 {
		t.Errorf("%d results, want the folder's message and broken file and the named .txt file", len(s.Import.Results))
	}
	if !strings.Contains(s.Import.summary.Text, "2 bestanden overgeslagen") {
		t.Errorf("summary = %q, want the 2 skipped files of the folder", s.Import.summary.Text)
	}
}
