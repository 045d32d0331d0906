package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

func errorf(s string) error { return errors.New(s) }

// showError shows one clear sentence (summary, already translated) and keeps the technical
// details under a "Details" expander. Nothing is logged: details may name a person.
func showError(win fyne.Window, summary string, err error) {
	if win == nil {
		return
	}
	msg := widget.NewLabel(summary)
	msg.Wrapping = fyne.TextWrapWord
	content := []fyne.CanvasObject{msg}
	if err != nil && err.Error() != summary {
		det := widget.NewLabel(app.VisibleText(err.Error())) // a file name may hold ESC or bidi controls
		det.Wrapping = fyne.TextWrapWord
		det.Selectable = true
		acc := widget.NewAccordion(widget.NewAccordionItem(T("Details"), det))
		content = append(content, acc)
	}
	box := container.NewVBox(content...)
	d := showNotice(win, T("Er ging iets mis"), box)
	d.Resize(fyne.NewSize(480, 0))
}

// confirm asks before something destructive; text says what will be removed.
func confirm(win fyne.Window, title, text, okLabel string, ok func()) {
	confirmDialog(win, title, text, okLabel, ok)
}

// confirmDialog is confirm, returning the dialog it shows.
func confirmDialog(win fyne.Window, title, text, okLabel string, ok func()) *dialog.ConfirmDialog {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, okLabel, T("Cancel"), l, func(b bool) {
		if b {
			ok()
		}
	}, win)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
	return d
}
