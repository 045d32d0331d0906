package ui

import (
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// inEnglish switches the ui's strings to English for one test, and back to Dutch after it.
func inEnglish(t *testing.T) {
	t.Helper()
	if err := SetupLanguage(English); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := SetupLanguage(Dutch); err != nil {
			t.Fatal(err)
		}
	})
}

// signalCases are a signal of every kind and wording, with its line in Dutch and English.
func signalCases() []struct {
	s      app.Signal
	nl, en string
} {
	d := app.MustDate
	p := func(k app.SignalKind) app.Signal { return app.Signal{Soort: k, PersonID: 1, Naam: "Piet Test"} }
	with := func(s app.Signal, f func(*app.Signal)) app.Signal { f(&s); return s }
	return []struct {
		s      app.Signal
		nl, en string
	}{
		{with(p(app.SignaalNietGeregeld), func(s *app.Signal) {
			s.Domeinen, s.Domain, s.Dagen = []app.Domain{app.Onderdak, app.WerkEnInkomen, app.Zorg}, app.Onderdak, 5
		}), "Onderdak, werk en inkomen en zorg niet geregeld, vrij over 5 dagen",
			"Housing, work and income and care not arranged, released in 5 days"},
		{with(p(app.SignaalNietGeregeld), func(s *app.Signal) { s.Domeinen, s.Domain = []app.Domain{app.Schulden}, app.Schulden }),
			"Schulden niet geregeld, vrij vandaag", "Debts not arranged, released today"},
		{with(p(app.SignaalActieVerlopen), func(s *app.Signal) { s.Domain, s.Datum, s.Dagen = app.Onderdak, d("2019-08-01"), -1 }),
			"Actie voor onderdak is 1 dag over de datum (01-08-2019)", "Action for housing is 1 day overdue (01-08-2019)"},
		{with(p(app.SignaalAfspraakGemeente), func(s *app.Signal) { s.Domain, s.Datum, s.Dagen = app.Schulden, d("2019-07-26"), -10 }),
			"Afspraak voor de gemeente (schulden) is 10 dagen over de datum (26-07-2019)",
			"Agreement for the municipality (debts) is 10 days overdue (26-07-2019)"},
		{with(p(app.SignaalAfspraakGemeente), func(s *app.Signal) { s.Domain, s.Datum = app.Schulden, d("2019-08-05") }),
			"Afspraak voor de gemeente (schulden) staat op vandaag (05-08-2019)",
			"Agreement for the municipality (debts) is due today (05-08-2019)"},
		{with(p(app.SignaalAfspraakGemeente), func(s *app.Signal) { s.Domain, s.Datum, s.Dagen = app.Zorg, d("2019-08-07"), 2 }),
			"Afspraak voor de gemeente (zorg) staat op 07-08-2019, over 2 dagen",
			"Agreement for the municipality (care) is due on 07-08-2019, in 2 days"},
		{with(p(app.SignaalAfspraakGemeente), func(s *app.Signal) { s.Domain, s.Dagen = app.Zorg, 1 }),
			"Afspraak voor de gemeente (zorg) zonder datum, vrij over 1 dag",
			"Agreement for the municipality (care) without a date, released in 1 day"},
		{with(p(app.SignaalGeenContact), func(s *app.Signal) { s.Dagen = 4 }),
			"Nog geen contact, vrij over 4 dagen", "No contact yet, released in 4 days"},
		{p(app.SignaalControleNodig),
			"Controle nodig: een bericht met dit BSN had een andere geboortedatum, of een intrekking noemde ook een onbekend domein",
			"Needs review: a message with this BSN had another date of birth, or a revocation also named an unknown domain"},
		{with(p(app.SignaalEinddatumVerstreken), func(s *app.Signal) { s.Datum, s.Dagen = d("2019-08-01"), -4 }),
			"Verwachte einddatum 01-08-2019 is 4 dagen voorbij zonder melding einde detentie",
			"Expected release date 01-08-2019 passed 4 days ago without a notice of end of detention"},
		{app.Signal{Soort: app.SignaalQuarantaine, QuarantineID: 3, Reden: "het BSN voldoet niet aan de elfproef"},
			"Bericht in quarantaine: het BSN voldoet niet aan de elfproef",
			"Message in quarantine: het BSN voldoet niet aan de elfproef"}, // the importer's reason stays Dutch
	}
}

func signalDashboard() *app.Dashboard {
	d := &app.Dashboard{Vandaag: app.DateOf(exampleNow), Dagen: 14, Aantallen: map[app.SignalKind]int{}}
	for _, c := range signalCases() {
		d.Signalen = append(d.Signalen, c.s)
		d.Aantallen[c.s.Soort]++
	}
	return d
}

// Issue 18: the Overzicht's signal lines are worded by the ui, in Dutch as before.
func TestOverviewSignalLinesDutch(t *testing.T) {
	s, w := newShell(t, realService(t, exampleNow, []string{"0193"}, false), Options{})
	s.Show(SectionOverzicht)
	s.Overview.render(signalDashboard(), true)
	texts := visibleTexts(w.Canvas().Content())
	for _, c := range signalCases() {
		if !containsText(texts, c.nl) {
			t.Errorf("no line %q in %q", c.nl, texts)
		}
	}
}

// Issue 18: in English mode the Overzicht's signal lines are English.
func TestOverviewSignalLinesEnglish(t *testing.T) {
	inEnglish(t)
	s, w := newShell(t, realService(t, exampleNow, []string{"0193"}, false), Options{})
	s.Show(SectionOverzicht)
	s.Overview.render(signalDashboard(), true)
	texts := visibleTexts(w.Canvas().Content())
	for _, c := range signalCases() {
		if !containsText(texts, c.en) {
			t.Errorf("no line %q in %q", c.en, texts)
		}
	}
}

// The same from a real dashboard: in English mode the lines the service's signals give
// are English (they were the Dutch Signal.Tekst app built).
func TestOverviewSignalLinesEnglishFromData(t *testing.T) {
	inEnglish(t)
	w := signalWorld(t)
	s, win := newShell(t, w.Svc, Options{})
	s.Show(SectionOverzicht)
	s.Overview.Reload()
	s.Wait()
	texts := visibleTexts(win.Canvas().Content())
	for _, want := range []string{
		"Identity document, housing, work and income, debts and care not arranged, released in 5 days",
		"Action for housing is 4 days overdue (01-08-2019)",
		"No contact yet, released in 5 days",
	} {
		if !containsText(texts, want) {
			t.Errorf("no line %q in %q", want, texts)
		}
	}
}
