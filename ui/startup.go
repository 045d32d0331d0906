package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// ShowDatabaseMoved tells the user once that the database was moved out of the
// Windows Roaming profile (issue 20).
func ShowDatabaseMoved(win fyne.Window) {
	showInformation(win, T("Database verplaatst"), T(`Terugkeer heeft de database verplaatst van de zwervende profielmap (%AppData%\Terugkeer) naar de lokale map (%LocalAppData%\Terugkeer), zodat Windows de dossiers niet meer naar de server van de gemeente kopieert.`))
}

// ShowOpening fills the window while the database opens: after an update that brings
// the schema up to date this takes a while at many persons (42 s for migration 0018 at
// 150,000, docs/performance.md), and an empty screen would look like a hang.
func ShowOpening(win fyne.Window) {
	text := waitingText(T("Terugkeer opent de database. Na een update werkt het die eerst bij; bij veel personen duurt dat even."))
	win.SetContent(waitingContent(text, widget.NewProgressBarInfinite()))
}

// waitingText is the centred, wrapped sentence of waitingContent.
func waitingText(s string) *widget.Label {
	text := widget.NewLabelWithStyle(s, fyne.TextAlignCenter, fyne.TextStyle{})
	text.Wrapping = fyne.TextWrapWord
	return text
}

// waitingContent is a sentence above a progress bar, centred: the window while the data
// is opened or brought up to date.
func waitingContent(text *widget.Label, bar fyne.CanvasObject) fyne.CanvasObject {
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(480, 120), container.NewVBox(text, bar)))
}

// ShowStartProblem shows the one sentence that says why Terugkeer cannot start (a refused
// database place, a failed move), with Sluiten, which quits, in the window that said the
// database was opening. A desktop app started from the Start menu has no console: stderr
// alone would say nothing.
func ShowStartProblem(a fyne.App, win fyne.Window, sentence string) {
	win.SetTitle(T("Terugkeer kan niet starten"))
	msg := widget.NewLabel(sentence)
	msg.Wrapping = fyne.TextWrapWord
	msg.Selectable = true
	closeBtn := widget.NewButton(T("Sluiten"), a.Quit)
	closeBtn.Importance = widget.HighImportance
	win.SetContent(container.NewPadded(container.NewBorder(nil, container.NewHBox(closeBtn), nil, nil, msg)))
}
