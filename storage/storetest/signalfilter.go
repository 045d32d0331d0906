package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// signalFixture stores n persons in every combination the signals look at: releases
// around today (verwacht or definitief), consent states, plans with leefgebieden and
// agreements for the gemeente, follow-up in every status with and without actions,
// contacts, and the review flag. Deterministic.
func signalFixture(t *testing.T, db app.Store, n int, today app.Date) {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, 19))
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	statuses := []app.FollowupStatus{app.FollowupOpen, app.FollowupInBehandeling, app.FollowupGeregeld,
		app.FollowupNietNodig, app.FollowupNietBereikbaar}
	states := []app.ConsentState{app.ConsentJa, app.ConsentNee, app.ConsentIngetrokken}
	update(t, db, func(tx app.Tx) error {
		for i := range n {
			p := &app.Person{Voornamen: pick("Anna", "Bram", "Cor"), Achternaam: fmt.Sprintf("Naam%03d", rng.IntN(40)),
				Geboortedatum: app.MustDate("1990-04-01"), ControleNodig: rng.IntN(8) == 0}
			if err := tx.CreatePerson(p); err != nil {
				return err
			}
			if rng.IntN(10) > 0 {
				eind := today.AddDays(rng.IntN(50) - 20)
				status := pick(app.EindVerwacht, app.EindDefinitief)
				if err := tx.SaveDetention(&app.Detention{PersonID: p.ID, InrichtingCode: "PI01", Inrichting: "PI Test",
					Begindatum: today.AddDays(-400), Einddatum: eind, EinddatumStatus: status,
					Verzonden: time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)}); err != nil {
					return err
				}
			}
			cs := map[app.Domain]app.ConsentState{}
			for _, d := range app.Domains() {
				if rng.IntN(3) == 0 {
					cs[d] = states[rng.IntN(len(states))]
				}
			}
			if err := tx.SaveConsentStates(p.ID, cs); err != nil {
				return err
			}
			if rng.IntN(3) == 0 {
				var areas []app.LifeArea
				for _, d := range app.Leefgebieden() {
					if rng.IntN(3) == 0 {
						a := app.LifeArea{Code: d}
						for j := range rng.IntN(3) {
							ag := app.Agreement{ID: fmt.Sprintf("%s-%d", d, j), Wie: pick(app.WieGemeente, app.WieDJI),
								Status: pick(app.AfspraakOpen, app.AfspraakLopend, app.AfspraakAfgerond), Tekst: "t"}
							if rng.IntN(3) > 0 {
								ag.Datum = today.AddDays(rng.IntN(40) - 15)
							}
							a.Afspraken = append(a.Afspraken, ag)
						}
						areas = append(areas, a)
					}
				}
				if err := tx.ReplacePlan(p.ID, testPlan(fmt.Sprintf("K%d", i), "2024-03-12", areas...)); err != nil {
					return err
				}
			}
			for _, d := range app.Leefgebieden() {
				if rng.IntN(3) > 0 {
					continue
				}
				f := app.Followup{PersonID: p.ID, Domain: d, Status: statuses[rng.IntN(len(statuses))],
					Gewijzigd: time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)}
				if rng.IntN(2) == 0 {
					f.Actie, f.Actiedatum = "bellen", today.AddDays(rng.IntN(20)-10)
				}
				if err := tx.SaveFollowup(f); err != nil {
					return err
				}
			}
			if rng.IntN(3) == 0 {
				c := &app.ContactMoment{PersonID: p.ID, Domain: app.DomainAlgemeen, Tijd: time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC),
					Kanaal: app.KanaalTelefoon, Vastgelegd: time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)}
				if err := tx.AddContact(c); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// The Personen filter PersonQuery.Signaal and the dashboard's counts are SQL; the
// signals are app.Signals in Go. On every combination of the fixture they select the
// same persons, and the dashboard's numbers are theirs (issue 18 item 4: "en nog N
// meer" opens exactly those persons; issue 19 item 1: counted in SQL).
func testSignalFilterAgreesWithSignals(t *testing.T, open Opener) {
	for _, n := range []int{60, 300} {
		t.Run(fmt.Sprint(n), func(t *testing.T) { signalFilterAgrees(t, open, n) })
	}
}

// signalFilterAgrees compares on a fixture of n persons. Beyond app.MaxSignals of a
// kind, the signals shown are some of the filter's persons.
func signalFilterAgrees(t *testing.T, open Opener, n int) {
	db := open(t)
	today := app.MustDate("2024-06-05")
	signalFixture(t, db, n, today)
	ams, err := app.LoadZone()
	if err != nil {
		t.Fatal(err)
	}
	svc := app.NewService(db, nil, func() time.Time { return time.Date(2024, 6, 5, 10, 0, 0, 0, time.UTC) })
	ctx := context.Background()
	for _, days := range []int{3, 14} {
		now := time.Date(2024, 6, 5, 12, 0, 0, 0, ams)
		d, err := svc.Dashboard(ctx, now, days)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range app.SignalKinds() {
			var fromSignals []int64
			for _, s := range d.Signalen {
				if s.Soort == k && !slices.Contains(fromSignals, s.PersonID) {
					fromSignals = append(fromSignals, s.PersonID)
				}
			}
			rows, err := svc.Persons(ctx, app.PersonQuery{Signaal: k, SignaalVandaag: today, SignaalDagen: days})
			if err != nil {
				t.Fatal(err)
			}
			var fromFilter []int64
			for _, r := range rows {
				fromFilter = append(fromFilter, r.ID)
			}
			slices.Sort(fromSignals)
			slices.Sort(fromFilter)
			bounded := d.Aantallen[k] > app.MaxSignals
			if bounded && len(fromSignals) > 0 {
				for _, id := range fromSignals {
					if !slices.Contains(fromFilter, id) {
						t.Errorf("%d days, %s: person %d signalled, not in the filter", days, k, id)
					}
				}
			} else if !slices.Equal(fromSignals, fromFilter) {
				t.Errorf("%d days, %s: signals name %v, the filter %v", days, k, fromSignals, fromFilter)
			}
			if k != app.SignaalQuarantaine && len(fromFilter) == 0 && n > 100 {
				t.Errorf("%d days, %s: the fixture has no such signal", days, k)
			}
			perPerson := k != app.SignaalActieVerlopen && k != app.SignaalAfspraakGemeente
			if perPerson && d.Aantallen[k] != len(fromFilter) {
				t.Errorf("%d days, %s: Aantallen %d, persons %d", days, k, d.Aantallen[k], len(fromFilter))
			}
		}
	}
}
