package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/internal/apptest"
)

// signalWorld has Piet Vijf, released in 5 days with five consented domains none of
// which is arranged, and Piet Actie, released later, with an onderdak action past its date.
func signalWorld(t *testing.T) *apptest.World {
	t.Helper()
	w := apptest.Open(t, apptest.WithClock(exampleNow), apptest.WithGemeenten("0193"))
	vijf := apptest.Subject("999990019", "Vijf")
	w.MustImport(apptest.XML(apptest.Melding(vijf, "2019-01-10", "2019-08-10")))
	w.MustImport(apptest.XML(apptest.Sheet(vijf, "2019-01-20",
		app.Identiteitsbewijs, app.Onderdak, app.WerkEnInkomen, app.Schulden, app.Zorg)))
	actie := apptest.Subject("999990032", "Actie")
	w.MustImport(apptest.XML(apptest.Melding(actie, "2019-01-10", "2019-12-01")))
	w.MustImport(apptest.XML(apptest.Sheet(actie, "2019-01-20", app.Onderdak)))
	ctx := context.Background()
	id, err := w.Svc.FindPerson(ctx, "999990032", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Svc.SetFollowup(ctx, id, app.Onderdak, app.FollowupEdit{
		Actie: &app.NextAction{Tekst: "opvang bellen", Datum: app.MustDate("2019-08-01")}}); err != nil {
		t.Fatal(err)
	}
	return w
}

// personNames are the names in the first column of Personen.
func personNames(v *PersonsView) []string {
	var out []string
	for _, r := range tableRows(v) {
		out = append(out, r[0])
	}
	return out
}

// Issue 18 item 4: a person with five unarranged domains is one row naming the five,
// and the signal headings open Personen with the persons of that signal.
func TestOverviewSignalHeadingsOpenPersonen(t *testing.T) {
	w := signalWorld(t)
	s, win := newShell(t, w.Svc, Options{})
	s.Show(SectionOverzicht)
	s.Overview.Reload()
	s.Wait()
	texts := visibleTexts(win.Canvas().Content())
	var rows []string
	for _, x := range texts {
		if strings.Contains(x, "niet geregeld, vrij over") {
			rows = append(rows, x)
		}
	}
	want := "Identiteitsbewijs, onderdak, werk en inkomen, schulden en zorg niet geregeld, vrij over 5 dagen"
	if len(rows) != 1 || rows[0] != want {
		t.Errorf("niet-geregeld rows = %q, want one: %q", rows, want)
	}

	for _, c := range []struct {
		heading string
		kind    app.SignalKind
		names   string
	}{
		{"Binnenkort vrij, nog niet geregeld (1)", app.SignaalNietGeregeld, "Piet Vijf"},
		{"Acties over de datum (1)", app.SignaalActieVerlopen, "Piet Actie"},
		{"Binnenkort vrij, nog geen contact (1)", app.SignaalGeenContact, "Piet Vijf"},
	} {
		s.Show(SectionOverzicht)
		b := findButton(win.Canvas().Content(), c.heading)
		if b == nil {
			t.Errorf("no button %q in %q", c.heading, visibleTexts(win.Canvas().Content()))
			continue
		}
		test.Tap(b)
		s.Wait()
		if s.Current() != SectionPersonen {
			t.Fatalf("%s: screen %q", c.heading, s.Current())
		}
		if q := s.Persons.currentQuery(); q.Signaal != c.kind || !q.SignaalVandaag.Equal(app.DateOf(exampleNow)) {
			t.Errorf("%s: query %+v", c.heading, q)
		}
		if got := strings.Join(personNames(s.Persons), ", "); got != c.names {
			t.Errorf("%s: Personen lists %q, want %q", c.heading, got, c.names)
		}
	}
}

// "en nog N meer" under a signal opens Personen with that signal, the other filters
// cleared.
func TestOverviewMoreOpensPersonen(t *testing.T) {
	s, w := newShell(t, realService(t, exampleNow, []string{"0193"}, true), Options{})
	s.Show(SectionPersonen)
	s.Persons.Search.SetText("berg")
	s.Persons.controle.SetChecked(true)
	s.Show(SectionOverzicht)
	s.Overview.render(bigDashboard(10, 9004), true)
	more := findButton(w.Canvas().Content(), "en nog 8.954 meer")
	if more == nil {
		t.Fatal(`"en nog 8.954 meer" is no button`)
	}
	test.Tap(more)
	s.Wait()
	q := s.Persons.currentQuery()
	if s.Current() != SectionPersonen || q.Signaal != app.SignaalActieVerlopen || q.Zoek != "" || q.ControleNodig {
		t.Errorf("after the tap: screen %q, query %+v", s.Current(), q)
	}
}

// The number of messages received and the rows under it agree: 10 rows and "en nog"
// the rest of that number, not of the rows read; a capped count says "meer dan".
func TestOverviewArrivalsAgree(t *testing.T) {
	s, w := newShell(t, realService(t, exampleNow, []string{"0193"}, true), Options{})
	d := bigDashboard(1, 0)
	d.Nieuw.Aantal = 677
	for i := range app.MaxArrivals {
		d.Nieuw.Berichten = append(d.Nieuw.Berichten, app.Arrival{Naam: fmt.Sprintf("Bericht %03d", i),
			MessageRecord: app.MessageRecord{PersonID: int64(i + 1), Soort: app.MeldingBegin}})
	}
	s.Overview.render(d, true)
	texts := visibleTexts(w.Canvas().Content())
	if !containsText(texts, "677 berichten ontvangen.") || !containsText(texts, "en nog 667 meer") {
		t.Errorf("arrivals: %q", texts)
	}
	d.Nieuw.Aantal, d.Nieuw.Afgekapt = app.MaxArrivalCount, true
	s.Overview.render(d, true)
	texts = visibleTexts(w.Canvas().Content())
	if !containsText(texts, "Meer dan 10.000 berichten ontvangen.") || !containsText(texts, "en nog meer dan 9.990") {
		t.Errorf("capped arrivals: %q", texts)
	}
}
