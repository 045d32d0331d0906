package sqlite

import (
	"fmt"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// TestNewerPlanPurgesOnlyWhatItRemoves: a newer plan is a purge (the store wipes the
// log after the commit) exactly when it removes or overwrites a row of the previous
// plan's content; a plan that repeats the previous one or only adds to it is none, nor
// is a first plan. Every change the cases make is one the rules allow (a newer plan
// replaces the previous one whole).
func TestNewerPlanPurgesOnlyWhatItRemoves(t *testing.T) {
	base := func() app.StoredPlan {
		p := testPlan("P-1", "2026-01-10",
			app.LifeArea{Code: app.Onderdak, Situatie: "dakloos",
				Onderwerpen: []app.Answer{{Code: "onderdak.na-detentie", Antwoord: "nee", Toelichting: "zus"}},
				Doelen:      []string{"woning"},
				Afspraken:   []app.Agreement{{ID: "ON-1", Wie: "gemeente", Status: app.AfspraakOpen, Tekst: "urgentie"}}},
			app.LifeArea{Code: app.Schulden, Afspraken: []app.Agreement{{ID: "SC-1", Wie: "dji", Status: app.AfspraakOpen, Tekst: "overzicht"}}})
		p.Plan.Algemeen = []app.Answer{{Code: "contact.bereikbaarheid", Toelichting: "via zus"}}
		return p
	}
	cases := []struct {
		name  string
		edit  func(p *app.StoredPlan)
		purge bool
	}{
		{"identical", func(*app.StoredPlan) {}, false},
		{"adds a leefgebied", func(p *app.StoredPlan) {
			p.Plan.Leefgebieden = append(p.Plan.Leefgebieden, app.LifeArea{Code: app.WerkEnInkomen, Situatie: "geen werk"})
		}, false},
		{"adds a topic, a goal, an agreement and a general topic", func(p *app.StoredPlan) {
			l := &p.Plan.Leefgebieden[0]
			l.Onderwerpen = append(l.Onderwerpen, app.Answer{Code: "onderdak.urgentie", Antwoord: "ja"})
			l.Doelen = append(l.Doelen, "briefadres")
			l.Afspraken = append(l.Afspraken, app.Agreement{ID: "ON-2", Wie: "dji", Status: app.AfspraakOpen, Tekst: "gesprek"})
			p.Plan.Algemeen = append(p.Plan.Algemeen, app.Answer{Code: "contact.taal", Antwoord: "nl"})
		}, false},
		{"moves an agreement on", func(p *app.StoredPlan) { p.Plan.Leefgebieden[1].Afspraken[0].Status = app.AfspraakLopend }, true},
		{"changes a situatie", func(p *app.StoredPlan) { p.Plan.Leefgebieden[0].Situatie = "briefadres" }, true},
		{"clears a toelichting", func(p *app.StoredPlan) { p.Plan.Leefgebieden[0].Onderwerpen[0].Toelichting = "" }, true},
		{"changes a goal", func(p *app.StoredPlan) { p.Plan.Leefgebieden[0].Doelen[0] = "eigen woning" }, true},
		{"drops a goal", func(p *app.StoredPlan) { p.Plan.Leefgebieden[0].Doelen = nil }, true},
		{"drops an agreement", func(p *app.StoredPlan) { p.Plan.Leefgebieden[1].Afspraken = nil }, true},
		{"drops a general topic", func(p *app.StoredPlan) { p.Plan.Algemeen = nil }, true},
		{"drops a leefgebied", func(p *app.StoredPlan) { p.Plan.Leefgebieden = p.Plan.Leefgebieden[:1] }, true},
		{"swaps the leefgebieden", func(p *app.StoredPlan) {
			l := p.Plan.Leefgebieden
			l[0], l[1] = l[1], l[0]
		}, true},
	}
	for _, read := range []bool{false, true} {
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s, read first %v", c.name, read), func(t *testing.T) {
				newerPlanPurges(t, base, c.edit, c.purge, read)
			})
		}
	}
}

// newerPlanPurges stores base and then base with edit, and checks whether the second
// was a purge; with read, Plan reads the stored plan first, as the import does
// (replaceKnownPlan).
func newerPlanPurges(t *testing.T, base func() app.StoredPlan, edit func(*app.StoredPlan), purge, read bool) {
	db, _ := openTest(t)
	id := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	update(t, db, func(tx app.Tx) error {
		if read {
			if _, err := tx.Plan(id); err != nil {
				return err
			}
		}
		err := tx.ReplacePlan(id, base())
		if tx.(*writer).purged {
			t.Error("a first plan is a purge")
		}
		return err
	})
	next := base()
	next.Kenmerk, next.Opgesteld = "P-2", app.MustDate("2026-02-10")
	next.Plan.Opgesteld = next.Opgesteld
	edit(&next)
	update(t, db, func(tx app.Tx) error {
		if read {
			if _, err := tx.Plan(id); err != nil {
				return err
			}
		}
		if (tx.(*writer).plan != nil) != read {
			t.Fatalf("rows of the plan kept: %v, want %v", tx.(*writer).plan != nil, read)
		}
		err := tx.ReplacePlan(id, next)
		if got := tx.(*writer).purged; got != purge {
			t.Errorf("purge = %v, want %v", got, purge)
		}
		return err
	})
	var got *app.StoredPlan
	view(t, db, func(tx app.ReadTx) (err error) { got, err = tx.Plan(id); return err })
	if got == nil || got.Kenmerk != "P-2" || got.Plan.Items() != next.Plan.Items() {
		t.Errorf("stored plan %+v, want %+v", got, next)
	}
}
