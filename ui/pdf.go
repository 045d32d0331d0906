package ui

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// pdfFileName is a default file name: overzicht-<achternaam>-<dd-mm-jjjj>.pdf, ASCII only.
func (v *PersonView) pdfFileName() string {
	name := "persoon"
	if v.File != nil {
		name = v.File.Person.Achternaam
	}
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		case r == ' ' || r == '-':
			b.WriteRune('-')
		}
	}
	n := strings.Trim(b.String(), "-")
	if n == "" {
		n = "persoon"
	}
	return "overzicht-" + n + "-" + formatDate(todayOf(v.svc.Now())) + ".pdf"
}

// MakePDF asks where to save the person's overview, writes it and opens it in the
// system's PDF viewer (Ctrl+P).
func (v *PersonView) MakePDF() {
	if v.File == nil {
		return
	}
	if v.pdf == nil {
		showError(v.win, T("PDF maken is in deze versie niet beschikbaar."), nil)
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(v.win, T("Het bestand kon niet worden gekozen."), err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close()
		v.pdfChosen(path, true)
	}, v.win)
	d.SetFileName(v.pdfFileName())
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	v.pdfFolders().setStart(d) // a local folder: not one OneDrive or a file server takes off the laptop
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

// SavePDF writes the overview to path in the background; with open it then shows the
// file in the system viewer. The file appears whole or not at all, readable by its
// owner only (the file dialog has already created it, empty and with the usual
// permissions: it is replaced, or removed when the PDF fails).
func (v *PersonView) SavePDF(path string, open bool) {
	if v.pdf == nil {
		return
	}
	v.pdfBtn.Disable()
	v.pdfBtn.SetText(T("PDF wordt gemaakt…"))
	v.bg.run(func() {
		err := v.pdf(v.ctx, v.id, path)
		if st, e := os.Stat(path); err != nil && e == nil && st.Size() == 0 {
			os.Remove(path) // the dialog's empty file
		}
		fyne.Do(func() {
			v.pdfBtn.SetText(T("PDF maken (Ctrl+P)"))
			v.pdfBtn.Enable()
			if err != nil {
				showError(v.win, T("De PDF kon niet worden gemaakt."), err)
				return
			}
			if !open {
				return
			}
			u := &url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
			if err := v.openURL(u); err != nil {
				// Saved is the news; that no viewer could be started is a fact of this
				// computer, not a failure (no error box, no English exec detail).
				showInformation(v.win, T("PDF opgeslagen"), tf("De PDF is opgeslagen als {{.P}}. Er is op deze computer geen programma gevonden om hem te openen: open het bestand zelf.", "P", path))
			}
		})
	})
}

// systemOpen hands u to the system (xdg-open, the Windows shell, open on macOS).
func systemOpen(u *url.URL) error {
	a := fyne.CurrentApp()
	if a == nil {
		return nil
	}
	return a.OpenURL(u)
}
