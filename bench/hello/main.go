// Command hello is the reference of the start-up benchmark (scripts/bench-start.sh): the
// smallest Fyne program with one window, built and started the same way as the
// desktop app, so that the app's time to its first window and its resident memory can
// be compared with what Fyne itself costs on the same machine.
package main

import (
	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := fyneapp.NewWithID("nl.terugkeer.bench.hello")
	w := a.NewWindow("Hallo Fyne")
	w.SetContent(widget.NewLabel("Hallo, wereld"))
	w.Resize(fyne.NewSize(1024, 700))
	w.ShowAndRun()
}
