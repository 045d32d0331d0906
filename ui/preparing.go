package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Preparer is the part of the application that brings derived data up to date after an
// upgrade (app.Service).
type Preparer interface {
	PrepareNeeded(ctx context.Context) (bool, error)
	Prepare(ctx context.Context) (int, error)
}

// PrepareThen runs p.Prepare before open builds the window's real content. When there is
// nothing to do, open runs at once; else the window says what is happening while the work
// runs off the Fyne goroutine, and a failure is shown as one sentence (the window stays,
// without the screens). Call it on the Fyne goroutine (before ShowAndRun is fine).
func PrepareThen(ctx context.Context, win fyne.Window, p Preparer, open func()) {
	need, err := p.PrepareNeeded(ctx)
	if err == nil && !need {
		open()
		return
	}
	bar := widget.NewProgressBarInfinite()
	text := waitingText(T("Terugkeer werkt de gegevens bij voor deze versie. Dit gebeurt één keer; bij veel personen duurt het even."))
	win.SetContent(waitingContent(text, bar))
	go func() {
		_, err := p.Prepare(ctx)
		fyne.Do(func() {
			bar.Stop()
			if err != nil {
				text.SetText(T("De gegevens konden niet worden bijgewerkt; sluit Terugkeer en probeer het opnieuw."))
				showError(win, T("De gegevens konden niet worden bijgewerkt; sluit Terugkeer en probeer het opnieuw."), err)
				return
			}
			open()
		})
	}()
}
