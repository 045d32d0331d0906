package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// releaseListButtons are the Overzicht's buttons for the release list of the coming
// weeks (the list `terugkeer-cli report vrijlatingen` makes), as PDF and as CSV.
func (v *OverviewView) releaseListButtons() fyne.CanvasObject {
	v.pdfBtn = widget.NewButtonWithIcon(T("Vrijlatingenlijst (PDF)"), theme.DocumentPrintIcon(), func() { v.ExportReleases(false) })
	v.csvBtn = widget.NewButtonWithIcon(T("CSV"), theme.DocumentSaveIcon(), func() { v.ExportReleases(true) })
	return container.NewHBox(v.pdfBtn, v.csvBtn)
}

// ExportReleases saves the release list of the coming app.ReleaseWeeks weeks as PDF
// (opened in the viewer) or as CSV; recorded in the audit log.
func (v *OverviewView) ExportReleases(csv bool) {
	lists := v.shell.opts.Lists
	if lists == nil {
		showError(v.win, T("Deze lijst opslaan is in deze versie niet beschikbaar."), nil)
		return
	}
	v.saver().ask(v.releasesJob(csv))
}

// releasesJob is the release list as a file to save.
func (v *OverviewView) releasesJob(csv bool) saveJob {
	lists, btn := v.shell.opts.Lists, v.pdfBtn
	if csv {
		btn = v.csvBtn
	}
	return saveJob{
		name:  listFileName("vrijlatingen", csv, todayOf(v.svc.Now())),
		csv:   csv,
		write: func(path string) error { return lists(v.ctx, app.ListRequest{}, csv, path) },
		open:  true,
		busy:  buttonBusy(btn),
	}
}

// saver is the save flow on the shell's folders.
func (v *OverviewView) saver() *fileSaver {
	return &fileSaver{win: v.win, bg: v.bg, folders: v.shell.pdfFolders, openURL: v.openURL}
}
