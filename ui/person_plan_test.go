package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/demo"
	"github.com/terugkeer/terugkeer/internal/apptest"
)

// planNow is the day of the v2 examples' dashboard (berichtformaat-v2.md, "The examples").
var planNow = time.Date(2024, 6, 5, 10, 0, 0, 0, time.UTC)

// planService is a fresh database for 0193 with the examples of version 1 and then of
// version 2 imported, as the spec's "The examples" section does, and then extra.
func planService(t *testing.T, extra ...[]byte) *app.Service {
	t.Helper()
	w := apptest.Open(t, apptest.WithClock(planNow))
	w.ImportExamples(false)
	w.ImportExamples(true)
	svc, ctx := w.Svc, context.Background()
	for i, raw := range extra {
		if _, err := svc.ImportBytes(ctx, "extra-"+string(rune('a'+i))+".xml", "", raw); err != nil {
			t.Fatal(err)
		}
	}
	return svc
}

func openPerson(t *testing.T, s *Shell, bsn string) *PersonView {
	t.Helper()
	id, err := s.svc.(*app.Service).FindPerson(context.Background(), bsn, "")
	if err != nil {
		t.Fatal(err)
	}
	s.OpenPerson(id)
	s.Wait()
	if s.Person == nil || s.Person.file == nil {
		t.Fatalf("the file of %s did not load", bsn)
	}
	return s.Person
}

func wantTexts(t *testing.T, where string, texts []string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !containsText(texts, w) {
			t.Errorf("%s does not show %q", where, w)
		}
	}
}

func lackTexts(t *testing.T, where string, texts []string, unwanted ...string) {
	t.Helper()
	for _, u := range unwanted {
		if containsText(texts, u) {
			t.Errorf("%s shows %q", where, u)
		}
	}
}

// Samira El Idrissi's file shows her current plan (03, opgesteld 2024-05-28) per
// leefgebied under its grondslag, with her agreements; zorg, which only the older plan
// held, is gone; her follow-up is open on all seven domains.
func TestPersonShowsPlanPerLeefgebied(t *testing.T) {
	s, _ := newShell(t, planService(t), Options{})
	p := openPerson(t, s, "999995005")
	basis := "Grondslag: art. 18a Pbw, D&R-plan van 28-05-2024"
	wantTexts(t, "Samira's file", visibleTexts(p.Content()), "Samira El Idrissi", "Re-integratieplan",
		"art. 18a Pbw, D&R-plan van 28-05-2024 — leefgebieden: Onderdak, Werk en inkomen, Sociaal netwerk",
		"Grondslag detentie", "art. 51c Wjsg")

	onderdak := visibleTexts(p.cards[app.Onderdak])
	wantTexts(t, "onderdak", onderdak, basis, "Situatie", "Huurwoning opgezegd tijdens detentie; kan tijdelijk bij haar zus wonen.",
		"Onderdak na detentie geregeld?", "Zus heeft ruimte voor hooguit zes weken.",
		"Doel", "Binnen drie maanden na vrijlating eigen woonruimte.",
		"Afspraken", "afgerond", "Aanmelden bij de woningcorporatie voor urgentie.\nwie: gemeente  ·  datum: 15-04-2024",
		"Intake bij de maatschappelijke opvang regelen.\nwie: gemeente  ·  datum: 10-06-2024",
		"Informatieblad: geen informatieblad ontvangen")
	wantTexts(t, "werk en inkomen", visibleTexts(p.cards[app.WerkEnInkomen]), basis, "lopend",
		"Bijstandsaanvraag klaarzetten voor de dag van vrijlating.", "Bijstand stopgezet bij insluiting.")
	social := visibleTexts(p.cards[app.SociaalNetwerk])
	wantTexts(t, "sociaal netwerk", social, basis, "Goed contact met haar zus; vader overleden in 2023.")
	lackTexts(t, "sociaal netwerk", social, "Informatieblad") // version 1 never asked for it
	zorg := visibleTexts(p.cards[app.Zorg])
	lackTexts(t, "zorg", zorg, "Re-integratieplan", "Behandeling bij de ggz loopt in de inrichting.", "Overdracht naar de ggz")

	for _, d := range app.Leefgebieden() {
		if findButton(p.cards[d], "Status wijzigen") == nil {
			t.Errorf("%s: no follow-up while Samira has a plan", d)
		}
		if !containsText(visibleTexts(p.cards[d]), "Grondslag: art. 18a Pbw (D&R-plan)") {
			t.Errorf("%s: the follow-up does not say it rests on the plan", d)
		}
	}
	if ds := p.contactDomains(); len(ds) != 8 {
		t.Errorf("contacts can be recorded for %v, want algemeen and the seven leefgebieden", ds)
	}
	wantTexts(t, "contact na detentie", visibleTexts(p.Content()), "Via haar zus, 06 0000 0000.")
}

// Berg keeps his 2019 file beside his 2024 plan: schulden shows its revoked
// informatieblad data apart from the plan's schulden, each under its basis; onderdak
// rests on toestemming only.
func TestBergRevokedSchuldenBesidePlan(t *testing.T) {
	s, _ := newShell(t, planService(t), Options{})
	p := openPerson(t, s, "999990019")
	schulden := visibleTexts(p.cards[app.Schulden])
	wantTexts(t, "schulden", schulden, "Re-integratieplan", "Grondslag: art. 18a Pbw, D&R-plan van 02-04-2024",
		"Schulden bij zorgverzekeraar en energieleverancier zijn gegroeid.", "Geschatte omvang",
		"Aanmelden bij schuldhulpverlening.\nwie: gemeente  ·  datum: 01-07-2024",
		"Informatieblad", "Grondslag: toestemming, informatieblad van 03-06-2019",
		"Toestemming ingetrokken op 01-07-2019",
		"De gegevens van dit domein uit het informatieblad zijn verwijderd omdat de toestemming is ingetrokken.")
	onderdak := visibleTexts(p.cards[app.Onderdak])
	wantTexts(t, "onderdak", onderdak, "Grondslag: toestemming, informatieblad van 03-06-2019", "Toestemming gegeven")
	lackTexts(t, "onderdak", onderdak, "Re-integratieplan")
	// The follow-up rests on what app recorded it under: consent where it holds (onderdak),
	// the plan where it was revoked (schulden).
	wantTexts(t, "onderdak", onderdak, "Grondslag: toestemming")
	lackTexts(t, "onderdak", onderdak, "Grondslag: art. 18a Pbw (D&R-plan)")
	wantTexts(t, "schulden", schulden, "Grondslag: art. 18a Pbw (D&R-plan)")

	// Without a plan (a person of version 1 only) no plan block and follow-up only where
	// consent holds.
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s2, _ := newShell(t, svc, Options{})
	p2 := openPerson(t, s2, "999990019")
	lackTexts(t, "Berg in 2019", visibleTexts(p2.Content()), "Re-integratieplan", "Sociaal netwerk")
	if findButton(p2.cards[app.Schulden], "Status wijzigen") != nil {
		t.Error("follow-up on revoked schulden of a person without a plan")
	}
}

// Text from DJI that holds control characters is shown escaped, not acted on.
func TestPlanTextShownEscaped(t *testing.T) {
	m := &app.Message{Versie: "2", Soort: app.DRPlan, Kenmerk: "DJI-2024-009999",
		Verzonden: time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC), InrichtingCode: "PI-ZWL", Inrichting: "PI Zwolle",
		GemeenteCode: "0193", GemeenteNaam: "Zwolle",
		Betrokkene: app.Subject{BSN: "999990032", Voornamen: "Thị Minh", Achternaam: "Nguyễn", Geboortedatum: app.MustDate("1992-03-04")},
		Plan: &app.Plan{Opgesteld: app.MustDate("2024-06-01"), Grondslag: app.GrondslagPlan, Leefgebieden: []app.LifeArea{{
			Code: app.Onderdak, Situatie: "Woont bij \u202eezus\u202c thuis.",
			Afspraken: []app.Agreement{{ID: "o-1", Wie: app.WieGemeente, Status: app.AfspraakOpen, Tekst: "Bellen\u0085morgen"}},
		}}}}
	s, _ := newShell(t, planService(t, demo.XML(m)), Options{})
	p := openPerson(t, s, "999990032")
	texts := strings.Join(visibleTexts(p.cards[app.Onderdak]), "\n")
	if !strings.Contains(texts, `Woont bij \u202eezus\u202c thuis.`) || !strings.Contains(texts, `Bellen\x85morgen`) {
		t.Errorf("control characters are not shown escaped:\n%s", texts)
	}
	if strings.ContainsAny(texts, "\u202e\u0085") {
		t.Error("a control character reaches the screen")
	}
}

// The Overzicht signals the agreements for the gemeente that are due, with their text.
func TestOverviewSignalsAgreementsForGemeente(t *testing.T) {
	s, w := newShell(t, planService(t), Options{})
	s.Show(SectionOverzicht)
	s.Wait()
	texts := visibleTexts(w.Canvas().Content())
	wantTexts(t, "Overzicht", texts, "Afspraken voor de gemeente (2)",
		"Bijstandsaanvraag klaarzetten voor de dag van vrijlating.", "Intake bij de maatschappelijke opvang regelen.")
	lackTexts(t, "Overzicht", texts, "Aanmelden bij de woningcorporatie voor urgentie.", "Overdracht naar de ggz")
	// The risicomelding's long quarantine reason must not widen the window.
	if m := s.screens[SectionOverzicht].MinSize(); m.Width > 880 {
		t.Errorf("the Overzicht with the v2 examples asks for %v", m)
	}
}

// Personen filters on "heeft D&R-plan" and on open agreements for the gemeente.
func TestPersonsFilterOnPlan(t *testing.T) {
	// Nguyễn gets a plan whose only agreement is DJI's: a plan, but no work for the gemeente.
	m := &app.Message{Versie: "2", Soort: app.DRPlan, Kenmerk: "DJI-2024-009998",
		Verzonden: time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC), InrichtingCode: "PI-ZWL", Inrichting: "PI Zwolle",
		GemeenteCode: "0193", GemeenteNaam: "Zwolle",
		Betrokkene: app.Subject{BSN: "999990032", Voornamen: "Thị Minh", Achternaam: "Nguyễn", Geboortedatum: app.MustDate("1992-03-04")},
		Plan: &app.Plan{Opgesteld: app.MustDate("2024-06-01"), Grondslag: app.GrondslagPlan, Leefgebieden: []app.LifeArea{{
			Code: app.Zorg, Afspraken: []app.Agreement{{ID: "z-1", Wie: app.WieDJI, Status: app.AfspraakOpen, Tekst: "Overdracht ggz."}},
		}}}}
	s, _ := newShell(t, planService(t, demo.XML(m)), Options{})
	s.Show(SectionPersonen)
	v := s.Persons
	names := func() []string {
		var out []string
		for i := range v.Rows() {
			r, _ := v.row(i)
			out = append(out, r.Achternaam)
		}
		return out
	}
	v.release.SetSelectedIndex(1) // alle einddatums: not every release of the demo lies ahead
	s.Wait()
	all := len(names())
	v.plan.SetSelectedIndex(1) // met D&R-plan
	s.Wait()
	if got := strings.Join(sorted(names()), ","); got != "Berg,El Idrissi,Nguyễn" {
		t.Errorf("with a plan: %s (of %d)", got, all)
	}
	if q := v.currentQuery(); !q.HeeftPlan || q.AfsprakenGemeente {
		t.Errorf("query %+v", q)
	}
	v.plan.SetSelectedIndex(2) // open afspraken voor de gemeente
	s.Wait()
	if got := strings.Join(sorted(names()), ","); got != "Berg,El Idrissi" {
		t.Errorf("with open agreements for the gemeente: %s", got)
	}
	if q := v.currentQuery(); !q.AfsprakenGemeente {
		t.Errorf("query %+v", q)
	}
	v.plan.SetSelectedIndex(0)
	s.Wait()
	if len(names()) != all || all < 3 {
		t.Errorf("without the filter %d rows, want all %d", len(names()), all)
	}
}

func sorted(s []string) []string { slices.Sort(s); return s }

// With the examples of both versions every screen and both plan files still fit 800×600
// (the plan's lines wrap or truncate; the risicomelding's reason does not widen anything).
func TestPlanScreensFit800x600(t *testing.T) {
	s, w := newShell(t, planService(t), Options{})
	w.Resize(fyne.NewSize(800, 600))
	check := func(name string) {
		t.Helper()
		if m := s.Content().MinSize(); m.Width > 800 || m.Height > 600 {
			t.Errorf("%s: the window needs %v, more than 800×600", name, m)
		}
	}
	for _, name := range []string{SectionOverzicht, SectionPersonen, SectionQuarantaine} {
		s.Show(name)
		s.Wait()
		check(name)
	}
	openPerson(t, s, "999995005")
	check("Samira")
	openPerson(t, s, "999990019")
	check("Berg")
}
