package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// Shortening a retention term that would destroy data at once says how much and asks
// first (issue 18, defect 9); cancelling stores nothing, confirming stores the term.
func TestShorterTermAsksWithWhatItDestroys(t *testing.T) {
	// The examples' persons are released in August 2019; on 1 March 2020 the 9 months of
	// "niet gestart" have not passed, 3 months have.
	svc := realService(t, time.Date(2020, 3, 1, 10, 0, 0, 0, time.UTC), []string{"0193"}, true)
	s, w := newShell(t, svc, Options{})
	s.Show(SectionInstelling)
	s.Wait()
	v := s.Settings
	v.terms[app.TermNietGestart].SetText("3m")
	v.SaveTerms()
	s.Wait()
	d, ok := v.TermsConfirm.(*dialog.ConfirmDialog)
	if !ok {
		t.Fatal("a term that destroys data at once was saved without asking")
	}
	texts := strings.Join(visibleTexts(w.Canvas().Overlays().Top()), " ")
	if !strings.Contains(texts, "1 persoon met 10 gegevens") || !strings.Contains(texts, "niet ongedaan") {
		t.Errorf("the question does not say what is destroyed: %q", texts)
	}
	d.Dismiss() // Annuleren
	s.Wait()
	if terms, _ := svc.RetentionTerms(context.Background()); terms[app.TermNietGestart].String() != "9m" {
		t.Fatalf("cancelling stored %v", terms[app.TermNietGestart])
	}
	d.Confirm()
	s.Wait()
	if terms, _ := svc.RetentionTerms(context.Background()); terms[app.TermNietGestart].String() != "3m" {
		t.Errorf("confirming stored %v, want 3m", terms[app.TermNietGestart])
	}
	// A longer term destroys nothing: no question.
	v.TermsConfirm = nil
	v.terms[app.TermNietGestart].SetText("2j")
	v.SaveTerms()
	s.Wait()
	if v.TermsConfirm != nil {
		t.Error("a longer term asked for confirmation")
	}
}

// The start-up run says in one sentence what it removed, not "7966 gegevens".
func TestRetentionWhatIsOneSentence(t *testing.T) {
	got := retentionWhat(app.RetentionReport{Personen: []int64{1, 2, 3}, Items: 41, Quarantaine: 2, Logboek: 12})
	want := "3 personen met 41 gegevens, 2 berichten uit de quarantaine en 12 logboekregels"
	if got != want {
		t.Errorf("retentionWhat = %q, want %q", got, want)
	}
	// Large counts carry the thousands separator (the walk through the real window at
	// 150,000 persons showed "74574 personen met 694316 gegevens").
	big := make([]int64, 74574)
	got = retentionWhat(app.RetentionReport{Personen: big, Items: 694316, Register: 129763})
	want = "74.574 personen met 694.316 gegevens en 129.763 regels uit het toestemmingsregister"
	if got != want {
		t.Errorf("retentionWhat = %q, want %q", got, want)
	}
}

// retentionSpy reports when the start-up retention run begins, tells the progress of
// steps, and holds the run until the shell's context ends (so it touches no widget
// after the test).
type retentionSpy struct {
	Service
	began chan struct{}
	steps [][2]int // done, total
}

func (r retentionSpy) RunRetentionProgress(ctx context.Context, _ time.Time, _ bool, progress app.RetentionProgress) (app.RetentionReport, error) {
	for _, st := range r.steps {
		progress(st[0], st[1])
	}
	close(r.began)
	<-ctx.Done()
	return app.RetentionReport{}, ctx.Err()
}

// A long retention run says in the status line how far it is: a backlog at 150,000
// persons took some 150 s, all of it under "Bewaartermijnen worden gecontroleerd…".
func TestRetentionRunShowsItsProgress(t *testing.T) {
	spy := retentionSpy{Service: realService(t, exampleNow, []string{"0193"}, false), began: make(chan struct{}),
		steps: [][2]int{{0, 74451}, {250, 74451}, {12500, 74451}}}
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := NewShell(ctx, spy, w, Options{OneTaskAtATime: true, RetentionIdle: time.Millisecond})
	s.Wait()
	w.SetContent(s.Content())
	s.StartRetention()
	select {
	case <-spy.began:
	case <-time.After(time.Minute):
		t.Fatal("the retention run did not begin")
	}
	fyne.DoAndWait(func() {}) // the status set by the last step
	want := "Bewaartermijnen worden gecontroleerd: 12.500 van 74.451 personen met een verstreken bewaartermijn verwerkt…"
	if got := s.status.Text; got != want {
		t.Errorf("status line during the run: %q, want %q", got, want)
	}
}

// The start-up retention run waits until the window is up and no background work has
// run for Options.RetentionIdle (issue 19 item 3): at 150,000 persons it ran beside the first
// screens' loading and added its memory to theirs.
func TestStartUpRetentionWaitsUntilIdle(t *testing.T) {
	const idle = 20 * time.Millisecond
	spy := retentionSpy{Service: realService(t, exampleNow, []string{"0193"}, false), began: make(chan struct{})}
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := NewShell(ctx, spy, w, Options{OneTaskAtATime: true, RetentionIdle: idle})
	s.Wait()
	w.SetContent(s.Content())

	s.bg.begin() // a screen still loading, a search running
	s.StartRetention()
	select {
	case <-spy.began:
		t.Fatal("the retention run began while background work was running")
	case <-time.After(25 * idle):
	}
	s.bg.end()
	select {
	case <-spy.began:
	case <-time.After(time.Minute):
		t.Fatal("the retention run did not begin once the window was idle")
	}
	if got := s.status.Text; got != "Bewaartermijnen worden gecontroleerd…" {
		t.Errorf("status line during the run: %q", got)
	}
}
