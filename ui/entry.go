package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// EscEntry is a text field that handles Esc itself. Fyne gives every key to the widget
// that has focus, so while a field has focus the window's own Esc handler
// (Shell.InstallShortcuts) never runs. An EscEntry runs OnEscape instead or, without one,
// leaves the field and hands Esc on to the window (on the Persoon screen: back).
type EscEntry struct {
	widget.Entry
	// OnEscape runs when Esc is pressed in the field; nil: leave the field and pass Esc on
	// to the window.
	OnEscape func()
	// OnDown runs when the Down arrow is pressed in a one-line field (Personen: to the
	// list); nil: nothing happens, as in widget.Entry.
	OnDown func()
}

// NewEscEntry is a one-line EscEntry. onEsc runs on Esc; with nil, Esc leaves the field
// and goes on to the window's Esc handler.
func NewEscEntry(onEsc func()) *EscEntry {
	e := &EscEntry{OnEscape: onEsc}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

// newEscMultiLineEntry is a multi-line EscEntry (Esc leaves the field).
func newEscMultiLineEntry() *EscEntry {
	e := NewEscEntry(nil)
	e.MultiLine = true
	return e
}

// newEscPasswordEntry is a password EscEntry; Fyne adds the reveal button when it renders.
func newEscPasswordEntry() *EscEntry {
	e := NewEscEntry(nil)
	e.Password = true
	return e
}

// TypedKey handles Esc (and Down, with OnDown) and gives every other key to widget.Entry.
func (e *EscEntry) TypedKey(key *fyne.KeyEvent) {
	if key.Name == fyne.KeyF1 {
		toWindow(e, key) // help for the screen, also while typing in a field
		return
	}
	if key.Name == fyne.KeyDown && e.OnDown != nil && !e.MultiLine {
		e.OnDown()
		return
	}
	if key.Name != fyne.KeyEscape {
		e.Entry.TypedKey(key)
		return
	}
	if e.OnEscape != nil {
		e.OnEscape()
		return
	}
	leaveField(e, key)
}

// leaveField takes the focus away from the field and gives Esc to the window.
func leaveField(e fyne.CanvasObject, key *fyne.KeyEvent) {
	a := fyne.CurrentApp()
	if a == nil {
		return
	}
	c := a.Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	c.Unfocus()
	if h := c.OnTypedKey(); h != nil {
		h(key)
	}
}

// formKeys gives a form dialog the keys of a desktop form: Esc in any of these fields
// cancels, and Enter in a one-line field submits, as the confirm button does (so only
// when the form is valid). Fyne's form dialog takes neither. In a multi-line field
// Enter starts a new line.
func formKeys(d *dialog.FormDialog, entries ...*EscEntry) {
	for _, e := range entries {
		e.OnEscape = d.Hide
		if !e.MultiLine {
			e.OnSubmitted = func(string) { d.Submit() }
		}
	}
}

// toWindow hands a key that a focused widget does not use to the window's own key
// handler (Shell.typedKey): Fyne sends keys without a modifier only to the focused widget.
func toWindow(o fyne.CanvasObject, key *fyne.KeyEvent) {
	if a := fyne.CurrentApp(); a != nil {
		if c := a.Driver().CanvasForObject(o); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(key)
		}
	}
}
