package storetest

import (
	"slices"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

func testOverdueActions(t *testing.T, open Opener) {
	db := open(t)
	p1 := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	p2 := createPerson(t, db, samplePerson(bsn2, "Piet", "", "Pietersen"))
	p3 := createPerson(t, db, samplePerson(bsn3, "Kees", "de", "Vries"))
	// By full name Anton Zz comes first, by sorteernaam (achternaam first) last; his
	// werk-en-inkomen before schulden (Leefgebieden order, not the alphabet's).
	p4 := createPerson(t, db, samplePerson(bsn4, "Anton", "", "Zz"))
	action := func(id int64, d app.Domain, s app.FollowupStatus, date string) app.Followup {
		return app.Followup{PersonID: id, Domain: d, Status: s, Actie: "bellen", Actiedatum: app.MustDate(date), Gewijzigd: t0}
	}
	update(t, db, func(tx app.Tx) error {
		for _, f := range []app.Followup{
			action(p1, app.Onderdak, app.FollowupOpen, "2019-07-01"),
			action(p2, app.Zorg, app.FollowupGeregeld, "2019-06-01"),  // closed
			action(p3, app.Zorg, app.FollowupNietNodig, "2019-06-01"), // closed
			action(p3, app.Schulden, app.FollowupInBehandeling, "2019-07-02"),
			action(p1, app.WerkEnInkomen, app.FollowupNietBereikbaar, "2019-07-02"),
			action(p4, app.Schulden, app.FollowupOpen, "2019-07-02"),
			action(p4, app.WerkEnInkomen, app.FollowupOpen, "2019-07-02"),
			action(p2, app.Onderdak, app.FollowupOpen, "2019-07-31"),
			action(p3, app.Onderdak, app.FollowupOpen, "2019-08-01"),                      // today: not overdue
			{PersonID: p2, Domain: app.Schulden, Status: app.FollowupOpen, Gewijzigd: t0}, // no action
		} {
			if err := tx.SaveFollowup(f); err != nil {
				return err
			}
		}
		return nil
	})
	today := app.MustDate("2019-08-01")
	type key struct {
		id int64
		d  app.Domain
	}
	// The signals' order: actiedatum, full name, person, leefgebied; exactly limit of them.
	all := []key{{p1, app.Onderdak}, {p4, app.WerkEnInkomen}, {p4, app.Schulden}, {p1, app.WerkEnInkomen},
		{p3, app.Schulden}, {p2, app.Onderdak}}
	for limit := range len(all) + 2 {
		want := all[:min(limit, len(all))]
		view(t, db, func(tx app.ReadTx) error {
			got, total, err := tx.OverdueActions(today, limit)
			if err != nil {
				t.Fatal(err)
			}
			if total != len(all) {
				t.Errorf("limit %d: total %d, want %d", limit, total, len(all))
			}
			var keys []key
			for _, a := range got {
				keys = append(keys, key{a.Followup.PersonID, a.Followup.Domain})
				if a.Person.ID != a.Followup.PersonID || a.Person.BSN == "" || a.Followup.Actie != "bellen" {
					t.Errorf("limit %d: %+v", limit, a)
				}
			}
			if !slices.Equal(keys, want) {
				t.Errorf("limit %d: %v, want %v", limit, keys, want)
			}
			if len(got) > 0 && got[0].Person.FullName() != "Jan Jansen" {
				t.Errorf("name %q", got[0].Person.FullName())
			}
			return nil
		})
	}
}

func testSignalPersonsEinddatumVerstreken(t *testing.T, open Opener) {
	db := open(t)
	p1 := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	p2 := createPerson(t, db, samplePerson(bsn2, "Piet", "", "Pietersen"))
	p3 := createPerson(t, db, samplePerson(bsn3, "Kees", "de", "Vries"))
	p4 := createPerson(t, db, samplePerson(bsn4, "Anna", "", "Bakker"))
	det := func(id int64, begin, end, status string) *app.Detention {
		return &app.Detention{PersonID: id, Inrichting: "PI Vught", Begindatum: app.MustDate(begin),
			Einddatum: app.MustDate(end), EinddatumStatus: status}
	}
	update(t, db, func(tx app.Tx) error {
		for _, d := range []*app.Detention{
			det(p1, "2019-01-01", "2019-07-10", app.EindVerwacht),
			det(p2, "2018-01-01", "2019-05-01", app.EindVerwacht),   // not the latest
			det(p2, "2019-02-01", "2019-07-01", app.EindDefinitief), // released
			det(p3, "2019-01-01", "2019-08-01", app.EindVerwacht),   // today: not passed
			det(p4, "2019-01-01", "2019-07-10", app.EindVerwacht),
		} {
			if err := tx.SaveDetention(d); err != nil {
				return err
			}
		}
		return nil
	})
	today := app.MustDate("2019-08-01")
	for _, tc := range []struct {
		limit int
		want  []int64
	}{
		{1, []int64{p4, p1}}, // the tie on 10 July, by sorteernaam
		{10, []int64{p4, p1}},
	} {
		view(t, db, func(tx app.ReadTx) error {
			got, total, err := tx.SignalPersons(app.SignaalEinddatumVerstreken, today, 14, tc.limit)
			if err != nil {
				t.Fatal(err)
			}
			if total != 2 || len(got) != len(tc.want) {
				t.Fatalf("limit %d: total %d, %+v", tc.limit, total, got)
			}
			for i, r := range got {
				if r.ID != tc.want[i] || r.EinddatumStatus != app.EindVerwacht ||
					r.Einddatum != app.MustDate("2019-07-10") || r.Inrichting != "PI Vught" {
					t.Errorf("limit %d: row %d = %+v", tc.limit, i, r)
				}
			}
			return nil
		})
	}
	// Once the release is definitief, the person leaves the signal.
	update(t, db, func(tx app.Tx) error {
		return tx.SaveDetention(det(p1, "2019-07-20", "2019-07-25", app.EindDefinitief))
	})
	view(t, db, func(tx app.ReadTx) error {
		got, total, err := tx.SignalPersons(app.SignaalEinddatumVerstreken, today, 14, 10)
		if err != nil || total != 1 || len(got) != 1 || got[0].ID != p4 {
			t.Errorf("after definitief: %d %+v %v", total, got, err)
		}
		return nil
	})
}

func testArrivalsSince(t *testing.T, open Opener) {
	db := open(t)
	id := createPerson(t, db, samplePerson(bsn1, "Jan", "van", "Jansen"))
	update(t, db, func(tx app.Tx) error {
		for i, k := range []string{"A", "B", "C", "D"} {
			m := app.MessageRecord{Kenmerk: k, Soort: app.MeldingBegin, Ontvangen: t0.Add(time.Duration(i) * time.Hour)}
			if k == "C" {
				m.PersonID = id
			}
			if err := tx.AddMessage(m); err != nil {
				return err
			}
		}
		return tx.AddMessage(app.MessageRecord{Kenmerk: "E", Soort: app.MeldingBegin}) // never received
	})
	view(t, db, func(tx app.ReadTx) error {
		got, total, err := tx.ArrivalsSince(time.Time{}, 2, 100)
		if err != nil || total != 4 || len(got) != 2 || got[0].Kenmerk != "D" || got[1].Kenmerk != "C" {
			t.Fatalf("since never: %d %+v %v", total, got, err)
		}
		if got[1].PersonID != id || got[1].Naam != "Jan van Jansen" || got[0].Naam != "" || got[0].PersonID != 0 {
			t.Errorf("names: %+v", got)
		}
		if !got[1].Ontvangen.Equal(t0.Add(2*time.Hour)) || got[1].Soort != app.MeldingBegin {
			t.Errorf("record: %+v", got[1])
		}
		got, total, _ = tx.ArrivalsSince(t0.Add(time.Hour), 100, 100)
		if total != 2 || len(got) != 2 || got[0].Kenmerk != "D" {
			t.Errorf("since B: %d %+v", total, got)
		}
		if _, total, _ = tx.ArrivalsSince(time.Time{}, 2, 3); total != 3 {
			t.Errorf("count up to 3: %d", total)
		}
		got, total, _ = tx.ArrivalsSince(t0.Add(3*time.Hour), 100, 100)
		if total != 0 || len(got) != 0 {
			t.Errorf("since D: %d %+v", total, got)
		}
		return nil
	})
}

func testQuarantinedSince(t *testing.T, open Opener) {
	db := open(t)
	update(t, db, func(tx app.Tx) error {
		return firstErr(
			tx.AddQuarantine(&app.Quarantined{Bron: "a.xml", Reden: "kapot", Ontvangen: t0, Raw: []byte("<a/>")}),
			tx.AddQuarantine(&app.Quarantined{Bron: "b.xml", Reden: "kapot", Ontvangen: t0.Add(time.Hour), Raw: []byte("<b/>")}))
	})
	view(t, db, func(tx app.ReadTx) error {
		for since, want := range map[time.Time]int{{}: 2, t0: 1, t0.Add(time.Hour): 0, t0.Add(-time.Nanosecond): 2} {
			if n, err := tx.QuarantinedSince(since); err != nil || n != want {
				t.Errorf("since %v: %d, want %d (%v)", since, n, want, err)
			}
		}
		return nil
	})
}
