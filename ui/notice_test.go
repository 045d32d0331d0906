package ui

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// pressKey delivers a key as Fyne's desktop driver does: to the focused widget, else to
// the canvas's key handler.
func pressKey(c fyne.Canvas, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// Enter and Esc close an information or error dialog as its OK button does; other keys
// and typed text leave it open.
func TestNoticeClosesOnEnterAndEsc(t *testing.T) {
	w := test.NewWindow(widget.NewLabel("scherm"))
	defer w.Close()
	w.Resize(fyne.NewSize(800, 600))
	c := w.Canvas()

	for _, key := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape} {
		showInformation(w, "Bewaartermijnen", "De bewaartermijnen zijn opgeslagen.")
		if c.Overlays().Top() == nil {
			t.Fatal("the information dialog did not open")
		}
		if _, ok := c.Focused().(*noticeKeys); !ok {
			t.Fatalf("the information dialog opens with focus on %T, want the dialog itself", c.Focused())
		}
		test.Type(c.Focused(), "x")
		pressKey(c, fyne.KeyDown)
		if c.Overlays().Top() == nil {
			t.Fatal("typing or an arrow key closed the information dialog")
		}
		pressKey(c, key)
		noOverlay(t, c, string(key)+" in an information dialog")
	}

	showError(w, "Het bericht kon niet worden geïmporteerd.", errors.New("details"))
	if _, ok := c.Focused().(*noticeKeys); !ok {
		t.Fatalf("the error dialog opens with focus on %T, want the dialog itself", c.Focused())
	}
	pressKey(c, fyne.KeyReturn)
	noOverlay(t, c, "Enter in an error dialog")
}

// With a dialog open, Ctrl+F and Ctrl+P do nothing: the screen behind the dialog stays,
// and no field behind it takes the focus (what is typed would go nowhere). Once the
// dialog is closed with Enter, Ctrl+F works again.
func TestShortcutsWaitForOpenDialog(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, w := newShell(t, svc, Options{})
	c := w.Canvas()
	p := openBerg(t, svc, s)

	screen := s.Current()
	showInformation(w, "Opnieuw importeren", "Het bericht is geïmporteerd.")
	s.ShortcutSearch()
	s.ShortcutPDF()
	s.Wait()
	if s.Current() != screen || s.Person != p {
		t.Fatalf("Ctrl+F behind a dialog changed the screen from %q to %q", screen, s.Current())
	}
	if n := len(c.Overlays().List()); n != 1 {
		t.Fatalf("Ctrl+P behind a dialog opened another one: %d dialogs", n)
	}
	if c.Focused() == s.Persons.Search {
		t.Fatal("Ctrl+F behind a dialog focused the search box")
	}
	if _, ok := c.Focused().(*noticeKeys); !ok {
		t.Fatalf("focus left the dialog: %T", c.Focused())
	}
	pressKey(c, fyne.KeyReturn)
	noOverlay(t, c, "Enter after the shortcuts")

	s.ShortcutSearch()
	if s.Person != nil || c.Focused() != s.Persons.Search {
		t.Fatalf("Ctrl+F without a dialog: person %v, focus %T", s.Person, c.Focused())
	}
}

// With no field focused, Page Down, End, Up and Home scroll the person's file; Fyne's
// scroll containers take no keys of their own. With a dialog open they do nothing.
func TestKeysScrollThePersonFile(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, w := newShell(t, svc, Options{})
	c := w.Canvas()
	p := openBerg(t, svc, s)
	c.Unfocus()
	sc := p.scroll
	bottom := sc.Content.MinSize().Height - sc.Size().Height
	if bottom <= 0 {
		t.Fatalf("the file fits the window (%v in %v): nothing to scroll", sc.Content.MinSize(), sc.Size())
	}
	pressKey(c, fyne.KeyPageDown)
	if y := sc.Offset.Y; y <= 0 || y > sc.Size().Height {
		t.Fatalf("Page Down: offset %v, want one page (%v) or less", y, sc.Size().Height)
	}
	pressKey(c, fyne.KeyEnd)
	if sc.Offset.Y != bottom {
		t.Fatalf("End: offset %v, want %v", sc.Offset.Y, bottom)
	}
	pressKey(c, fyne.KeyUp)
	if sc.Offset.Y != bottom-lineStep {
		t.Fatalf("Up: offset %v, want %v", sc.Offset.Y, bottom-lineStep)
	}
	showInformation(w, "Bewaartermijnen", "opgeslagen")
	c.Unfocus()
	pressKey(c, fyne.KeyHome)
	if sc.Offset.Y != bottom-lineStep {
		t.Fatalf("Home behind a dialog scrolled the file to %v", sc.Offset.Y)
	}
	pressKey(c, fyne.KeyEscape)
	noOverlay(t, c, "Esc")
	pressKey(c, fyne.KeyHome)
	if sc.Offset.Y != 0 {
		t.Fatalf("Home: offset %v", sc.Offset.Y)
	}

	s.Show(SectionPersonen)
	pressKey(c, fyne.KeyDown)
	if c.Focused() != s.Persons.table {
		t.Fatalf("Down on Personen: focus %T, want the list", c.Focused())
	}
}
