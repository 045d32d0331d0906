package demo

import (
	"testing"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
)

// The generated history follows the law of its day: informatiebladen and intrekkingen
// (format v1) under the consent regime, D&R-plans (format v2) from December 2023, in
// periodic versions whose agreements move on; every message passes the real decoder.
func TestHistoryFollowsTheLaw(t *testing.T) {
	o := Options{Personen: 1500, Seed: 3, Nu: app.MustDate("2026-12-01")}
	var (
		sheetsBefore2021, revocations, plans, v2Meldingen int
		withSheet, withPlan, withBoth, withVersions       = map[int]bool{}, map[int]bool{}, 0, 0
		versions                                          = map[int]int{}
		status                                            = map[int]map[string]string{} // person -> agreement id -> last status
		moved, gemeenteOpen                               int
	)
	for _, b := range generate(t, o) {
		m, err := importers.Decoder{}.Parse(b.Data)
		if err != nil {
			t.Fatalf("%s: %v", b.Naam, err)
		}
		sent := app.DateOf(m.Verzonden)
		switch m.Soort {
		case app.Informatieblad, app.Intrekking:
			if m.Versie != "1" {
				t.Fatalf("%s: %s in version %s", b.Naam, m.Soort, m.Versie)
			}
			if m.Soort == app.Intrekking {
				revocations++
			} else {
				withSheet[b.Persoon] = true
				if m.Informatieblad.Opgesteld.Before(Artikel18a) {
					sheetsBefore2021++
				}
			}
		case app.MeldingBegin, app.MeldingEinde:
			if want := versie(m.Soort, sent); m.Versie != want {
				t.Fatalf("%s sent %s in version %s, want %s", b.Naam, sent, m.Versie, want)
			}
			if m.Versie == "2" {
				v2Meldingen++
			}
		case app.DRPlan:
			p := m.Plan
			if m.Versie != "2" || p.Opgesteld.Before(DRPlanStart) || p.Grondslag != app.GrondslagPlan || len(p.Leefgebieden) == 0 {
				t.Fatalf("%s: plan version %s opgesteld %s grondslag %q with %d leefgebieden", b.Naam, m.Versie, p.Opgesteld, p.Grondslag, len(p.Leefgebieden))
			}
			plans++
			withPlan[b.Persoon] = true
			versions[b.Persoon]++
			if status[b.Persoon] == nil {
				status[b.Persoon] = map[string]string{}
			}
			for _, l := range p.Leefgebieden {
				for _, a := range l.Afspraken {
					if prev, ok := status[b.Persoon][a.ID]; ok && prev == app.AfspraakOpen && a.Status == app.AfspraakAfgerond {
						moved++
					}
					status[b.Persoon][a.ID] = a.Status
					if a.ForGemeente() && !a.Datum.IsZero() {
						gemeenteOpen++
					}
				}
			}
		default:
			t.Fatalf("%s: unexpected soort %s", b.Naam, m.Soort)
		}
	}
	for p := range withPlan {
		if withSheet[p] {
			withBoth++
		}
		if versions[p] > 1 {
			withVersions++
		}
	}
	t.Logf("%d persons: %d with an informatieblad (%d sheets before 1 July 2021), %d revocations, %d with a plan (%d plans, %d with more than one version), %d with both; %d v2 meldingen; %d agreements open -> afgerond; %d open gemeente agreements with a date",
		o.Personen, len(withSheet), sheetsBefore2021, revocations, len(withPlan), plans, withVersions, withBoth, v2Meldingen, moved, gemeenteOpen)
	share := func(n int) float64 { return float64(n) / float64(o.Personen) }
	if s := share(len(withSheet)); s < 0.3 || s > 0.8 {
		t.Errorf("%.0f%% of persons have an informatieblad", 100*s)
	}
	if s := share(len(withPlan)); s < 0.25 || s > 0.7 {
		t.Errorf("%.0f%% of persons have a D&R-plan", 100*s)
	}
	if sheetsBefore2021 < o.Personen/10 || revocations == 0 || withBoth == 0 || withVersions < len(withPlan)/4 ||
		v2Meldingen == 0 || moved == 0 || gemeenteOpen == 0 {
		t.Error("both regimes, plan versions and moving agreements must all be there")
	}
}

// The plan's XML reads back as the plan it was written from.
func TestPlanXMLRoundTrip(t *testing.T) {
	o := Options{Personen: 400, Seed: 11, Nu: app.MustDate("2026-12-01")}
	o.defaults()
	for i := range o.Personen {
		for _, b := range o.person(i) {
			m, err := importers.Decoder{}.Parse(b.Data)
			if err != nil {
				t.Fatal(err)
			}
			if m.Soort != app.DRPlan {
				continue
			}
			again := XML(m)
			m2, err := importers.Decoder{}.Parse(again)
			if err != nil {
				t.Fatal(err)
			}
			if string(again) != string(b.Data) || len(m2.Plan.Leefgebieden) != len(m.Plan.Leefgebieden) {
				t.Fatalf("person %d: the plan does not survive decoding and encoding again", i)
			}
			return
		}
	}
	t.Fatal("no plan among 400 persons")
}
