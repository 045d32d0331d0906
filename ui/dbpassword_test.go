package ui

import (
	"context"
	"errors"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

var errRefusedTest = errors.New("de databaseserver weigert de aanmelding")

// fakeDatabase takes one password and records what it got.
type fakeDatabase struct {
	right      string
	tried      []string
	remembered []string
	rememberErr,
	openErr error
	opened, cancelled int
}

func (f *fakeDatabase) prompt(t *testing.T) *DatabasePasswordPrompt {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	p := AskDatabasePassword(context.Background(), w, DatabasePassword{
		Server: "db.gemeente.test:5432/terugkeer",
		Open: func(_ context.Context, pw string) error {
			f.tried = append(f.tried, pw)
			if f.openErr != nil {
				return f.openErr
			}
			if pw != f.right {
				return errRefusedTest
			}
			return nil
		},
		Refused: func(err error) bool { return errors.Is(err, errRefusedTest) },
		Remember: func(pw string) error {
			f.remembered = append(f.remembered, pw)
			return f.rememberErr
		},
		Sentence:       func(err error) string { return err.Error() + "." },
		OneTaskAtATime: true,
	}, func() { f.opened++ }, func() { f.cancelled++ })
	return p
}

// A wrong password is asked again with the refusal said; the right one opens the
// database and, with the box ticked, goes into the keyring, once and only then.
func TestDatabasePasswordPromptRetries(t *testing.T) {
	f := &fakeDatabase{right: "Juist-42"}
	p := f.prompt(t)
	first := p.Dialog
	if first == nil || !containsText(visibleTexts(p.win.Canvas().Overlays().Top()), "db.gemeente.test:5432/terugkeer") {
		t.Fatal("no dialog naming the database")
	}
	test.Type(p.Entry, "fout")
	p.Remember.SetChecked(true)
	p.Dialog.Submit()
	p.Wait()
	if len(f.tried) != 1 || f.tried[0] != "fout" || f.opened != 0 || len(f.remembered) != 0 {
		t.Fatalf("after a wrong password: tried %q, opened %d, remembered %q", f.tried, f.opened, f.remembered)
	}
	if p.Dialog == first || !containsText(visibleTexts(p.win.Canvas().Overlays().Top()), "De databaseserver weigert dit wachtwoord") {
		t.Fatal("the refusal is not said in a new dialog")
	}
	if !p.Remember.Checked {
		t.Error("asked again, the box lost its tick")
	}
	test.Type(p.Entry, "Juist-42")
	p.Dialog.Submit()
	p.Wait()
	if f.opened != 1 || f.cancelled != 0 || len(f.remembered) != 1 || f.remembered[0] != "Juist-42" {
		t.Errorf("after the right password: opened %d, cancelled %d, remembered %q", f.opened, f.cancelled, f.remembered)
	}
}

// Without the box ticked the password is not kept; Annuleren quits without trying.
func TestDatabasePasswordPromptRememberAndCancel(t *testing.T) {
	f := &fakeDatabase{right: "Juist-42"}
	p := f.prompt(t)
	test.Type(p.Entry, "Juist-42")
	p.Dialog.Submit()
	p.Wait()
	if f.opened != 1 || len(f.remembered) != 0 {
		t.Errorf("unticked: opened %d, remembered %q", f.opened, f.remembered)
	}

	g := &fakeDatabase{right: "Juist-42"}
	q := g.prompt(t)
	test.Type(q.Entry, "Juist-42")
	q.Dialog.Hide() // Annuleren, or Esc
	q.Wait()
	if g.cancelled != 1 || g.opened != 0 || len(g.tried) != 0 {
		t.Errorf("cancelled: cancelled %d, opened %d, tried %q", g.cancelled, g.opened, g.tried)
	}
}

// A keyring that fails is said, and the app goes on once it is read; another failure of
// the database ends the prompt with its sentence and Sluiten.
func TestDatabasePasswordPromptFailures(t *testing.T) {
	f := &fakeDatabase{right: "Juist-42", rememberErr: errors.New("geen sleutelbos")}
	p := f.prompt(t)
	test.Type(p.Entry, "Juist-42")
	p.Remember.SetChecked(true)
	p.Dialog.Submit()
	p.Wait()
	top := p.win.Canvas().Overlays().Top()
	if f.opened != 0 || top == nil || !containsText(visibleTexts(top), "geen sleutelbos.") {
		t.Fatalf("a failing keyring: opened %d, notice %v", f.opened, top != nil)
	}
	test.Tap(findButton(top, T("OK")))
	if f.opened != 1 {
		t.Errorf("after the notice: opened %d", f.opened)
	}

	g := &fakeDatabase{right: "Juist-42", openErr: errors.New("de databaseserver is niet bereikbaar")}
	q := g.prompt(t)
	test.Type(q.Entry, "Juist-42")
	q.Dialog.Submit()
	q.Wait()
	content := q.win.Content()
	if !containsText(visibleTexts(content), "de databaseserver is niet bereikbaar.") {
		t.Fatalf("the failure is not shown: %q", visibleTexts(content))
	}
	if g.opened != 0 {
		t.Error("opened after a failure")
	}
	test.Tap(findButton(content, T("Sluiten")))
	if g.cancelled != 1 {
		t.Errorf("Sluiten: cancelled %d", g.cancelled)
	}
}
