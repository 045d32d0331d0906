package app

import (
	"slices"
	"testing"
	"time"
)

func storedPlan(kenmerk, opgesteld string, verzonden time.Time, areas ...LifeArea) StoredPlan {
	return StoredPlan{Kenmerk: kenmerk, Opgesteld: d(opgesteld), Verzonden: verzonden,
		Plan: Plan{Opgesteld: d(opgesteld), Grondslag: GrondslagPlan, Leefgebieden: areas}}
}

var march = time.Date(2024, 3, 12, 13, 0, 0, 0, time.UTC)

// Rule 2: the newest plan by opgesteld is current, on the same day the later verzonden.
func TestPlanOutranks(t *testing.T) {
	old := storedPlan("K1", "2024-03-12", march)
	cases := []struct {
		name string
		next StoredPlan
		want bool
	}{
		{"newer opgesteld", storedPlan("K2", "2024-05-28", march.Add(-time.Hour)), true},
		{"older opgesteld, sent later", storedPlan("K2", "2024-03-01", march.Add(48*time.Hour)), false},
		{"same day, sent later", storedPlan("K2", "2024-03-12", march.Add(time.Minute)), true},
		{"same day, sent earlier", storedPlan("K2", "2024-03-12", march.Add(-time.Minute)), false},
		{"same day and moment: by kenmerk", storedPlan("K2", "2024-03-12", march), true},
		{"same day and moment, lower kenmerk", storedPlan("K0", "2024-03-12", march), false},
	}
	for _, c := range cases {
		if got := c.next.Outranks(old); got != c.want {
			t.Errorf("%s: Outranks = %v, want %v", c.name, got, c.want)
		}
		if c.want && old.Outranks(c.next) {
			t.Errorf("%s: both outrank each other", c.name)
		}
	}
}

func TestDecidePlanFirstAndOlder(t *testing.T) {
	first := storedPlan("K1", "2024-03-12", march, LifeArea{Code: Onderdak, Situatie: "x"})
	if ch := DecidePlan(nil, first); !ch.Current || ch.Removed != 0 {
		t.Errorf("first plan: %+v, want current, nothing removed", ch)
	}
	older := storedPlan("K0", "2024-02-01", march.Add(time.Hour))
	if ch := DecidePlan(&first, older); ch.Current || ch.Removed != 0 {
		t.Errorf("older plan arriving late: %+v, want not current", ch)
	}
}

// Rule 2: a newer plan replaces the old one whole; what it no longer holds is counted.
func TestDecidePlanCountsWhatTheNewerPlanNoLongerHolds(t *testing.T) {
	old := storedPlan("K1", "2024-03-12", march,
		LifeArea{Code: Onderdak, Situatie: "huur opgezegd",
			Onderwerpen: []Answer{{Code: "onderdak.na-detentie", Antwoord: "nee"}},
			Doelen:      []string{"eigen woonruimte"},
			Afspraken: []Agreement{{ID: "ond-1", Wie: WieGemeente, Status: AfspraakOpen, Tekst: "aanmelden"},
				{ID: "ond-2", Wie: WieDJI, Status: AfspraakAfgerond, Tekst: "inschrijven"}}},
		LifeArea{Code: Zorg, Situatie: "ggz", Onderwerpen: []Answer{{Code: "zorg.verzekering", Antwoord: "geschorst"}},
			Afspraken: []Agreement{{ID: "zo-1", Wie: WieDJI, Status: AfspraakOpen, Tekst: "overdracht"}}},
		LifeArea{Code: SociaalNetwerk, Situatie: "zus"})
	old.Plan.Algemeen = []Answer{{Code: "contact.bereikbaarheid", Toelichting: "via zus"}}
	next := storedPlan("K2", "2024-05-28", march,
		LifeArea{Code: Onderdak, Situatie: "huur opgezegd, nu bij zus",
			Onderwerpen: []Answer{{Code: "onderdak.na-detentie", Antwoord: "ja"}},
			Doelen:      []string{"eigen woonruimte"},
			Afspraken: []Agreement{{ID: "ond-1", Wie: WieGemeente, Status: AfspraakAfgerond, Tekst: "aanmelden"},
				{ID: "ond-3", Wie: WieGemeente, Status: AfspraakOpen, Tekst: "intake"}}},
		LifeArea{Code: SociaalNetwerk})
	next.Plan.Algemeen = old.Plan.Algemeen
	ch := DecidePlan(&old, next)
	if !ch.Current {
		t.Fatal("a newer plan is not current")
	}
	// onderdak: ond-2; zorg: situatie, topic, zo-1; sociaal-netwerk: its situatie.
	if ch.Removed != 5 {
		t.Errorf("Removed = %d, want 5", ch.Removed)
	}
	if !slices.Equal(ch.Domeinen, []Domain{Onderdak, Zorg, SociaalNetwerk}) {
		t.Errorf("Domeinen = %v", ch.Domeinen)
	}
	gone := storedPlan("K3", "2024-06-01", march)
	if ch := DecidePlan(&next, gone); ch.Removed != 6 || ch.Removed != next.Plan.Items() ||
		!slices.Equal(ch.Domeinen, []Domain{Onderdak}) {
		// onderdak's five items and the general topic; sociaal-netwerk held nothing.
		t.Errorf("an empty plan: %+v, want all 6 items", ch)
	}
}

// Rule 4: which agreements are work for the gemeente today.
func TestGemeenteAgreementDue(t *testing.T) {
	today := d("2024-06-05")
	release := d("2024-06-20")
	cases := []struct {
		name    string
		a       Agreement
		release Date
		want    bool
	}{
		{"passed", Agreement{Wie: WieGemeente, Status: AfspraakLopend, Datum: d("2024-06-01")}, release, true},
		{"within the window", Agreement{Wie: WieGemeente, Status: AfspraakOpen, Datum: d("2024-06-10")}, release, true},
		{"last day of the window", Agreement{Wie: WieGemeente, Status: AfspraakOpen, Datum: d("2024-06-19")}, release, true},
		{"after the window", Agreement{Wie: WieGemeente, Status: AfspraakOpen, Datum: d("2024-06-20")}, release, false},
		{"afgerond", Agreement{Wie: WieGemeente, Status: AfspraakAfgerond, Datum: d("2024-04-15")}, release, false},
		{"vervallen", Agreement{Wie: WieGemeente, Status: AfspraakVervallen, Datum: d("2024-04-15")}, release, false},
		{"for DJI", Agreement{Wie: WieDJI, Status: AfspraakOpen, Datum: d("2024-05-01")}, release, false},
		{"undated, released within the window", Agreement{Wie: WieGemeente, Status: AfspraakOpen}, d("2024-06-19"), true},
		{"undated, released later", Agreement{Wie: WieGemeente, Status: AfspraakOpen}, release, false},
		{"undated, released before today", Agreement{Wie: WieGemeente, Status: AfspraakOpen}, d("2024-06-04"), false},
		{"undated, release unknown", Agreement{Wie: WieGemeente, Status: AfspraakOpen}, Date{}, false},
	}
	for _, c := range cases {
		if got := GemeenteAgreementDue(c.a, c.release, today, 14); got != c.want {
			t.Errorf("%s: due = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestAgreementSignalData(t *testing.T) {
	today := d("2024-06-05")
	p := PersonRow{Person: Person{ID: 7, BSN: "999995005", Voornamen: "Samira", Achternaam: "El Idrissi"},
		Einddatum: d("2024-06-12")}
	cases := []struct {
		datum string
		dagen int
	}{
		{"2024-06-01", -4},
		{"2024-06-10", 5},
		{"2024-06-05", 0},
		{"", 7}, // undated: days to release
	}
	for _, c := range cases {
		a := Agreement{ID: "wi-1", Wie: WieGemeente, Status: AfspraakOpen, Tekst: "Bijstand"}
		if c.datum != "" {
			a.Datum = d(c.datum)
		}
		s := agreementSignal(DueAgreement{Person: p, Domain: WerkEnInkomen, Agreement: a}, today)
		if s.Soort != SignaalAfspraakGemeente || s.Dagen != c.dagen || s.Actie != "Bijstand" ||
			s.AfspraakID != "wi-1" || s.Domain != WerkEnInkomen || s.Naam != "Samira El Idrissi" || !s.Datum.Equal(a.Datum) {
			t.Errorf("%q: %+v", c.datum, s)
		}
	}
}

// Release signals count the plan's leefgebieden as domains to arrange.
func TestReleaseSignalsCountPlanLeefgebieden(t *testing.T) {
	today := d("2024-06-05")
	row := PersonRow{Person: Person{ID: 1, Achternaam: "A"}, Einddatum: d("2024-06-10")}
	ps := PersonSituation{Row: row, Consent: map[Domain]ConsentState{Onderdak: ConsentJa, Schulden: ConsentIngetrokken},
		Plan: []Domain{Schulden, SociaalNetwerk}, Followups: map[Domain]Followup{
			SociaalNetwerk: {Status: FollowupGeregeld}}, Contacts: 1}
	if got := ps.ToArrange(); !slices.Equal(got, []Domain{Onderdak, Schulden, SociaalNetwerk}) {
		t.Errorf("ToArrange = %v", got)
	}
	ss := Signals(SignalInput{Releasing: []PersonSituation{ps}}, today, 14)
	if len(ss) != 1 || !slices.Equal(ss[0].Domeinen, []Domain{Onderdak, Schulden}) || ss[0].Domain != Onderdak ||
		ss[0].Dagen != 5 {
		t.Errorf("niet-geregeld signals %+v, want one for onderdak and schulden", ss)
	}
	if rel := release(ps, today); !slices.Equal(rel.NietGeregeld, []Domain{Onderdak, Schulden}) {
		t.Errorf("NietGeregeld = %v", rel.NietGeregeld)
	}
}
