package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// showNotice shows a message with one OK button. The dialog takes the keyboard: Enter
// and Esc close it as OK does. Fyne's own information dialog ignores every key, and a
// key pressed while it is open would otherwise go to nothing.
func showNotice(win fyne.Window, title string, content fyne.CanvasObject) dialog.Dialog {
	keys := newNoticeKeys()
	d := dialog.NewCustom(title, T("OK"), container.NewStack(keys, content), win)
	keys.close = d.Hide
	d.Show()
	if c := win.Canvas(); c != nil {
		c.Focus(keys)
	}
	return d
}

// showInformation is showNotice for a text.
func showInformation(win fyne.Window, title, text string) {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	d := showNotice(win, title, l)
	d.Resize(fyne.NewSize(460, 0))
}

// noticeKeys is an invisible, focusable widget inside a notice: it closes the notice on
// Enter, Return or Esc.
type noticeKeys struct {
	widget.BaseWidget
	close func()
}

func newNoticeKeys() *noticeKeys {
	k := &noticeKeys{}
	k.ExtendBaseWidget(k)
	return k
}

// CreateRenderer draws nothing.
func (k *noticeKeys) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// MinSize is zero: the widget takes no room in the dialog.
func (k *noticeKeys) MinSize() fyne.Size { return fyne.Size{} }

// FocusGained is part of fyne.Focusable.
func (k *noticeKeys) FocusGained() {}

// FocusLost is part of fyne.Focusable.
func (k *noticeKeys) FocusLost() {}

// TypedRune is part of fyne.Focusable; text typed at a notice is ignored.
func (k *noticeKeys) TypedRune(rune) {}

// TypedKey closes the notice on Enter, Return and Esc.
func (k *noticeKeys) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
		if k.close != nil {
			k.close()
		}
	}
}
