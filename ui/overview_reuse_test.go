package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/terugkeer/terugkeer/app"
)

// A render of a changed dashboard takes over the rows that show the same as before
// (their widgets, already shaped), builds the new ones, drops the gone ones, and lays
// the cards out again: the poller renders the Overzicht after every committed change.
func TestOverviewRenderReusesRows(t *testing.T) {
	s, w := newShell(t, realService(t, exampleNow, []string{"0193"}, true), Options{})
	s.Show(SectionOverzicht)
	s.Overview.render(bigDashboard(3, 5), true)
	kept := findButton(w.Canvas().Content(), "Actie 0001")
	gone := findButton(w.Canvas().Content(), "Persoon 0002")
	if kept == nil || gone == nil {
		t.Fatal("rows of the first dashboard missing")
	}

	d := bigDashboard(2, 7) // one release fewer, two actions more, and a new count
	d.Vrijlatingen = append(d.Vrijlatingen, app.Release{PersonID: 99, Naam: "Nieuw Persoon"},
		app.Release{PersonID: 98, Naam: "Ander Persoon"})
	s.Overview.render(d, true)
	c := w.Canvas().Content()
	if got := findButton(c, "Actie 0001"); got != kept {
		t.Error("the unchanged row was built anew")
	}
	if findButton(c, "Persoon 0002") != nil {
		t.Error("the release no longer in the dashboard is still shown")
	}
	texts := visibleTexts(c)
	for _, want := range []string{"Actie 0006", "Nieuw Persoon", "Ander Persoon", "(7)"} {
		if !containsText(texts, want) {
			t.Errorf("%q missing after the second render: %q", want, texts)
		}
	}
	added := findButton(c, "Ander Persoon")
	if added == nil || added.Size().Height == 0 {
		t.Fatal("the new row was not laid out")
	}
	// Each card is as tall as its rows need, below the one before.
	y := float32(-1)
	for _, o := range s.Overview.body.Objects {
		if o.Size().Height < o.MinSize().Height || o.Position().Y <= y {
			t.Errorf("%T at y %v with height %v, needs %v (the one before at y %v)", o, o.Position().Y, o.Size().Height, o.MinSize().Height, y)
		}
		y = o.Position().Y
	}
	// The new row sits below the one above it, inside its card.
	top := fyne.CurrentApp().Driver().AbsolutePositionForObject(findButton(c, "Nieuw Persoon"))
	if below := fyne.CurrentApp().Driver().AbsolutePositionForObject(added); below.Y <= top.Y {
		t.Errorf("new rows at y %v and %v: not one below the other", top.Y, below.Y)
	}
}

// Reload leaves the screen alone when the dashboard is the one shown: coming back to
// the Overzicht, or a change elsewhere that the poller reports, does not build it again.
func TestOverviewReloadSameDashboardKeepsScreen(t *testing.T) {
	s, w := newShell(t, realService(t, exampleNow, []string{"0193"}, true), Options{})
	s.Show(SectionOverzicht)
	s.Wait()
	if s.Overview.Data == nil || len(s.Overview.Data.Signalen) == 0 {
		t.Fatal("the examples give no signals")
	}
	k := s.Overview.Data.Signalen[0].Soort
	heading := signalLabel(k) + " (" + formatCount(s.Overview.Data.Aantallen[k]) + ")"
	head := findButton(w.Canvas().Content(), heading) // a heading is built by every render
	if head == nil {
		t.Fatalf("no heading %q", heading)
	}
	s.Show(SectionPersonen)
	s.Show(SectionOverzicht)
	s.Wait()
	if findButton(w.Canvas().Content(), heading) != head {
		t.Error("the same dashboard was rendered again")
	}
}
