package ui

import (
	"net/url"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
)

// pdfFileName is a default file name: overzicht-<achternaam>-<dd-mm-jjjj>.pdf, ASCII only.
func (v *PersonView) pdfFileName() string {
	name := "persoon"
	if v.file != nil {
		name = v.file.Person.Achternaam
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
	if v.file == nil {
		return
	}
	if v.pdf == nil {
		showError(v.win, T("PDF maken is in deze versie niet beschikbaar."), nil)
		return
	}
	v.saver().ask(v.pdfJob(true))
}

// SavePDF writes the overview to path in the background; with open it then shows the
// file in the system viewer. The file appears whole or not at all, readable by its
// owner only (the file dialog has already created it, empty and with the usual
// permissions: it is replaced, or removed when the PDF fails).
func (v *PersonView) SavePDF(path string, open bool) {
	if v.pdf == nil {
		return
	}
	v.saver().save(path, v.pdfJob(open))
}

// pdfChosen goes on after the save dialog (fileSaver.chosen).
func (v *PersonView) pdfChosen(path string, open bool) { v.saver().chosen(path, v.pdfJob(open)) }

// pdfJob is the overview as a file to save.
func (v *PersonView) pdfJob(open bool) saveJob {
	return saveJob{
		name:  v.pdfFileName(),
		write: func(path string) error { return v.pdf(v.ctx, v.id, path) },
		open:  open,
		busy: func(busy bool) {
			if busy {
				v.pdfBtn.Disable()
				v.pdfBtn.SetText(T("PDF wordt gemaakt…"))
				return
			}
			v.pdfBtn.SetText(T("PDF maken (Ctrl+P)"))
			v.pdfBtn.Enable()
		},
	}
}

// saver is the save flow on the view's window, folders and viewer.
func (v *PersonView) saver() *fileSaver {
	return &fileSaver{win: v.win, bg: v.bg, folders: v.pdfFolders(), openURL: v.openURL}
}

// systemOpen hands u to the system (xdg-open, the Windows shell, open on macOS).
func systemOpen(u *url.URL) error {
	a := fyne.CurrentApp()
	if a == nil {
		return nil
	}
	return a.OpenURL(u)
}
