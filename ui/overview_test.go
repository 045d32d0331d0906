package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/terugkeer/terugkeer/app"
)

// bigDashboard has many releases and overdue actions, as at 150,000 persons.
func bigDashboard(releases, actions int) *app.Dashboard {
	d := &app.Dashboard{Vandaag: app.DateOf(exampleNow), Dagen: 14, Aantallen: map[app.SignalKind]int{},
		VrijlatingenAantal: releases}
	for i := range min(releases, app.MaxReleases) {
		d.Vrijlatingen = append(d.Vrijlatingen, app.Release{PersonID: int64(i + 1), Naam: fmt.Sprintf("Persoon %04d", i)})
	}
	for i := range min(actions, app.MaxSignals) {
		d.Signalen = append(d.Signalen, app.Signal{Soort: app.SignaalActieVerlopen, PersonID: int64(i + 1),
			Naam: fmt.Sprintf("Actie %04d", i), Domain: app.Onderdak, Dagen: -1})
	}
	d.Aantallen[app.SignaalActieVerlopen] = actions
	return d
}

func TestOverviewBoundsLongLists(t *testing.T) {
	s, w := newShell(t, realService(t, exampleNow, []string{"0193"}, true), Options{})
	s.Overview.render(bigDashboard(2773, 9004), true)
	texts := visibleTexts(w.Canvas().Content())
	count := func(prefix string) int {
		n := 0
		for _, t := range texts {
			if len(t) >= len(prefix) && t[:len(prefix)] == prefix {
				n++
			}
		}
		return n
	}
	if got := count("Persoon "); got != overviewRows {
		t.Errorf("%d releases shown, want %d", got, overviewRows)
	}
	if got := count("Actie 0"); got != overviewRows { // the names, not the lines "Actie voor onderdak …"
		t.Errorf("%d overdue actions shown, want %d", got, overviewRows)
	}
	if !containsText(texts, "en nog 8.954 meer") {
		t.Error("the number of overdue actions not shown is missing")
	}
	all := findButton(w.Canvas().Content(), "Alle 2.773 vrijlatingen in Personen")
	if all == nil {
		t.Fatal("no button to all releases")
	}
	test.Tap(all)
	s.Wait()
	if s.Current() != SectionPersonen {
		t.Fatalf("screen after the button = %q", s.Current())
	}
	q := s.Persons.currentQuery()
	if !q.ReleaseTo.Equal(app.DateOf(exampleNow).AddDays(30)) || q.Sort != app.SortByRelease {
		t.Errorf("Personen query after the button = %+v", q)
	}
}
