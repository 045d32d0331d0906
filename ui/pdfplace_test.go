package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/terugkeer/terugkeer/app"
)

// laptop is a Windows laptop on a temporary folder: the profile folder, OneDrive (with
// Known Folder Move, Documenten inside it) and a mapped network drive.
type laptop struct {
	home, onedrive, docs, share string
}

func newLaptop(t *testing.T, kfm bool) (laptop, app.Platform) {
	root := t.TempDir()
	l := laptop{home: filepath.Join(root, "Users", "m"), share: filepath.Join(root, "H")}
	l.onedrive = filepath.Join(l.home, "OneDrive - Gemeente")
	l.docs = filepath.Join(l.home, "Documenten")
	if kfm {
		l.docs = filepath.Join(l.onedrive, "Documenten")
	}
	for _, d := range []string{l.home, l.docs, l.share} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	env := map[string]string{"OneDriveCommercial": l.onedrive}
	return l, app.Platform{
		GOOS:      "windows",
		Getenv:    func(k string) string { return env[k] },
		HomeDir:   func() (string, error) { return l.home, nil },
		Documents: func() (string, error) { return l.docs, nil },
		Volume: func(p string) (app.VolumeKind, error) {
			if strings.HasPrefix(p, l.share) {
				return app.VolumeNetwork, nil
			}
			return app.VolumeLocal, nil
		},
	}
}

// The dialog starts in Documenten only when OneDrive does not take it off the laptop,
// else in the profile folder; after a PDF saved locally, in that folder.
func TestPDFDialogStartsInLocalFolder(t *testing.T) {
	test.NewTempApp(t)
	l, p := newLaptop(t, true)
	f := newPDFFolders(p)
	if got := f.start(); got != l.home {
		t.Errorf("Documenten in OneDrive: start %q, want the profile folder %q", got, l.home)
	}
	local, plat := newLaptop(t, false)
	if got := newPDFFolders(plat).start(); got != local.docs {
		t.Errorf("Documenten local: start %q, want %q", got, local.docs)
	}
	elders := filepath.Join(l.home, "Overzichten")
	os.Mkdir(elders, 0o700)
	f.saved(filepath.Join(elders, "overzicht.pdf"))
	if got := f.start(); got != elders {
		t.Errorf("after a local save: start %q, want %q", got, elders)
	}
	f.saved(filepath.Join(l.docs, "overzicht.pdf")) // confirmed into OneDrive: not remembered
	if got := f.start(); got != elders {
		t.Errorf("after a save into OneDrive: start %q, want still %q", got, elders)
	}
}

// Saving into OneDrive or onto a network drive asks first, saying the file leaves the
// laptop; the empty file the dialog made does not wait there meanwhile.
func TestPDFIntoSyncedOrNetworkFolderAsksFirst(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	l, p := newLaptop(t, true)
	s, w := newShell(t, svc, Options{PDF: pdfWriter(svc), Platform: p})
	test.Type(s.Persons.Search, "berg")
	s.Wait()
	s.Persons.OpenRow(0)
	s.Wait()
	if s.Person == nil || s.Person.file == nil {
		t.Fatal("no person open")
	}
	cases := []struct {
		dir, says, button string
		written           bool
	}{
		{l.docs, "gesynchroniseerd met OneDrive", "Toch opslaan", true},
		{l.share, "netwerklocatie", T("Cancel"), false},
	}
	for _, c := range cases {
		pdf := filepath.Join(c.dir, s.Person.pdfFileName())
		if err := os.WriteFile(pdf, nil, 0o644); err != nil { // as the dialog leaves it
			t.Fatal(err)
		}
		s.Person.pdfChosen(pdf, false)
		s.Wait()
		if _, err := os.Stat(pdf); !os.IsNotExist(err) {
			t.Errorf("%s: the dialog's empty file is still there while the question is open (%v)", c.says, err)
		}
		top := w.Canvas().Overlays().Top()
		if top == nil || !containsText(visibleTexts(top), c.says) || !containsText(visibleTexts(top), "verlaat deze laptop") {
			t.Fatalf("%s: no question that the PDF leaves the laptop (%q)", c.says, visibleTexts(top))
		}
		b := findButton(top, c.button)
		if b == nil {
			t.Fatalf("%s: no button %q", c.says, c.button)
		}
		test.Tap(b)
		s.Wait()
		b2, err := os.ReadFile(pdf)
		if c.written && (err != nil || !strings.HasPrefix(string(b2), "%PDF")) {
			t.Errorf("%s: confirmed, yet no PDF (%v)", c.says, err)
		}
		if !c.written && !os.IsNotExist(err) {
			t.Errorf("%s: cancelled, yet a file is there (%v)", c.says, err)
		}
	}

	// Into a local folder: no question, the PDF is made.
	pdf := filepath.Join(l.home, "overzicht.pdf")
	s.Person.pdfChosen(pdf, false)
	s.Wait()
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a local folder asked: %q", visibleTexts(top))
	}
	if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Errorf("local PDF not written: %v", err)
	}
}

// Ctrl+P's real save dialog opens in that folder: with Documenten in OneDrive, the
// profile folder (which lists the OneDrive folder), not Documenten.
func TestMakePDFDialogOpensInLocalFolder(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	_, p := newLaptop(t, true)
	s, w := newShell(t, svc, Options{PDF: pdfWriter(svc), Platform: p})
	test.Type(s.Persons.Search, "berg")
	s.Wait()
	s.Persons.OpenRow(0)
	s.Wait()
	s.Person.MakePDF()
	texts := visibleTexts(w.Canvas().Overlays().Top())
	if !slices.Contains(texts, "OneDrive - Gemeente") || slices.Contains(texts, "Documenten") {
		t.Errorf("the save dialog does not show the profile folder: %q", texts)
	}
}
