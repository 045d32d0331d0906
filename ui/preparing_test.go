package ui

import (
	"context"
	"errors"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

type fakePreparer struct {
	need    bool
	release chan struct{}
	err     error
}

func (f *fakePreparer) PrepareNeeded(context.Context) (bool, error) { return f.need, nil }

func (f *fakePreparer) Prepare(context.Context) (int, error) {
	<-f.release
	return 1, f.err
}

func TestPrepareThenOpensAtOnceWhenNothingToDo(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	opened := false
	PrepareThen(context.Background(), w, &fakePreparer{}, func() { opened = true })
	if !opened {
		t.Fatal("open did not run at once")
	}
}

func TestPrepareThenSaysWhatHappens(t *testing.T) {
	for _, fail := range []bool{false, true} {
		test.NewTempApp(t)
		w := test.NewTempWindow(t, widget.NewLabel(""))
		p := &fakePreparer{need: true, release: make(chan struct{})}
		if fail {
			p.err = errors.New("schijf vol")
		}
		opened := make(chan struct{})
		PrepareThen(context.Background(), w, p, func() { close(opened) })
		if !containsText(visibleTexts(w.Canvas().Content()), "werkt de gegevens bij") {
			t.Fatalf("while preparing the window shows %q", visibleTexts(w.Canvas().Content()))
		}
		close(p.release)
		select {
		case <-opened:
			if fail {
				t.Fatal("the screens opened after a failed Prepare")
			}
		case <-time.After(2 * time.Second):
			if !fail {
				t.Fatal("the screens did not open after Prepare")
			}
			if !containsText(visibleTexts(w.Canvas().Content()), "konden niet worden bijgewerkt") {
				t.Errorf("after a failure the window shows %q", visibleTexts(w.Canvas().Content()))
			}
		}
	}
}
