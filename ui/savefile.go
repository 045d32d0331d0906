package ui

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/terugkeer/terugkeer/app"
)

// fileSaver is the save flow of every file the window writes (the person's PDF, the
// lists as PDF or CSV): the dialog "Bestand opslaan" starting in a local folder (the
// last one saved in, Documenten, the profile folder), a question first when the chosen
// folder leaves the laptop, the file written in the background, and a PDF then shown in
// the system viewer. A PDF that was saved but could not be opened (no viewer) is
// reported as saved.
type fileSaver struct {
	win     fyne.Window
	bg      *tasks
	folders *pdfFolders
	openURL func(*url.URL) error // hands a saved PDF to the system viewer
}

// saveJob is one file to save.
type saveJob struct {
	name  string             // the file name the dialog proposes
	csv   bool               // a CSV file; else a PDF
	write func(string) error // writes the file to the path, whole or not at all
	// open: show the PDF in the system viewer once it is saved. A CSV, or a PDF without
	// open, is confirmed with a message naming the file.
	open bool
	busy func(bool) // true while the file is being written (a button's state); may be nil
}

func (j saveJob) ext() string {
	if j.csv {
		return ".csv"
	}
	return ".pdf"
}

// ask shows the save dialog for job.
func (s *fileSaver) ask(job saveJob) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(s.win, T("Het bestand kon niet worden gekozen."), err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close()
		s.chosen(path, job)
	}, s.win)
	d.SetTitleText(T("Bestand opslaan"))
	d.SetFileName(job.name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{job.ext()}))
	s.folders.setStart(d) // a local folder: not one OneDrive or a file server takes off the laptop
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

// chosen goes on after the save dialog: into a local folder the file is written at
// once; into a synced or network folder only after the user confirms. The empty file
// the dialog made is removed before asking, so that its name (which may hold a
// person's surname) does not wait there while the question is open.
func (s *fileSaver) chosen(path string, job saveJob) {
	pl := s.folders.placeOf(path)
	if pl.Local() {
		s.folders.saved(path)
		s.save(path, job)
		return
	}
	if st, err := os.Stat(path); err == nil && st.Size() == 0 {
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			showError(s.win, T("Het bestand kon niet worden gekozen."), err)
			return
		}
	}
	title, text := T("PDF buiten deze laptop opslaan?"), leavesLaptopText(pl)
	if job.csv {
		title, text = T("Bestand buiten deze laptop opslaan?"), fileLeavesLaptopText(pl)
	}
	confirm(s.win, title, text, T("Toch opslaan"), func() { s.save(path, job) })
}

// save writes the file in the background, then opens or confirms it. The file dialog
// has already created the file, empty: it is replaced, or removed when writing fails.
func (s *fileSaver) save(path string, job saveJob) {
	if job.busy != nil {
		job.busy(true)
	}
	s.bg.run(func() {
		err := job.write(path)
		if st, e := os.Stat(path); err != nil && e == nil && st.Size() == 0 {
			os.Remove(path) // the dialog's empty file
		}
		fyne.Do(func() {
			if job.busy != nil {
				job.busy(false)
			}
			if err != nil {
				s.failed(err, job)
				return
			}
			s.done(path, job)
		})
	})
}

// failed says why the file was not written.
func (s *fileSaver) failed(err error, job saveJob) {
	summary := T("De PDF kon niet worden gemaakt.")
	if job.csv {
		summary = T("Het bestand kon niet worden gemaakt.")
	}
	if text, ok := listTooLongText(err); ok {
		showInformation(s.win, T("Lijst te lang voor een PDF"), text)
		return
	}
	showError(s.win, summary, err)
}

// done opens a saved PDF, or says where the file is.
func (s *fileSaver) done(path string, job saveJob) {
	if job.csv {
		showInformation(s.win, T("Bestand opgeslagen"), tf("De lijst is opgeslagen als {{.P}}.", "P", path))
		return
	}
	if !job.open {
		return
	}
	u := &url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	if err := s.openURL(u); err != nil {
		// Saved is the news; that no viewer could be started is a fact of this computer,
		// not a failure (no error box, no English exec detail).
		showInformation(s.win, T("PDF opgeslagen"), tf("De PDF is opgeslagen als {{.P}}. Er is op deze computer geen programma gevonden om hem te openen: open het bestand zelf.", "P", path))
	}
}

// fileLeavesLaptopText is leavesLaptopText for a file that is not a PDF.
func fileLeavesLaptopText(pl app.Place) string {
	if pl.Kind == app.PlaceSynced {
		return tf("Deze map wordt gesynchroniseerd met {{.S}}: het bestand verlaat deze laptop, en de kopie in de cloud blijft buiten het bereik van Terugkeer (verwijderen en bewaartermijnen gelden daar niet). Toch hier opslaan?", "S", pl.Service)
	}
	return T("Deze map staat op een netwerklocatie: het bestand verlaat deze laptop, en de kopie op de server blijft buiten het bereik van Terugkeer (verwijderen en bewaartermijnen gelden daar niet). Toch hier opslaan?")
}

// listTooLongText explains a list refused for a PDF (app.ListTooLongError).
func listTooLongText(err error) (string, bool) {
	var long *app.ListTooLongError
	if !errors.As(err, &long) {
		return "", false
	}
	return tf("De lijst telt {{.N}} personen; een PDF bevat er hoogstens {{.M}}. Maak de lijst met de filters kleiner, of sla hem op als CSV.",
		"N", formatCount(long.Aantal), "M", formatCount(long.Max)), true
}
