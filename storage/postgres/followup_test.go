package postgres

import (
	"reflect"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

var t0 = time.Date(2019, 8, 1, 12, 0, 0, 0, time.UTC)

func TestFollowupRoundTripAndPurge(t *testing.T) {
	db, _ := openTest(t)
	id := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	other := createPerson(t, db, samplePerson(bsn2, "Piet", "", "Pietersen"))
	onderdak := app.Followup{PersonID: id, Domain: app.Onderdak, Status: app.FollowupInBehandeling,
		Verantwoordelijke: "Collega", Actie: "bellen", Actiedatum: app.MustDate("2019-08-03"), Gewijzigd: t0}
	zorg := app.Followup{PersonID: id, Domain: app.Zorg, Status: app.FollowupGeregeld, Gewijzigd: t0}
	contacts := []*app.ContactMoment{
		{PersonID: id, Domain: app.Onderdak, Tijd: t0.Add(-time.Hour), Kanaal: app.KanaalTelefoon, Met: "X", Notitie: "n1", Vastgelegd: t0, Door: "ik"},
		{PersonID: id, Domain: app.DomainAlgemeen, Tijd: t0.Add(-2 * time.Hour), Kanaal: app.KanaalBrief, Vastgelegd: t0},
		{PersonID: id, Domain: app.Zorg, Tijd: t0, Kanaal: app.KanaalHuisbezoek, Vastgelegd: t0},
		{PersonID: other, Domain: app.Onderdak, Tijd: t0, Kanaal: app.KanaalEmail, Vastgelegd: t0},
	}
	update(t, db, func(tx app.Tx) error {
		for _, f := range []app.Followup{{PersonID: id, Domain: app.Onderdak, Status: app.FollowupOpen, Gewijzigd: t0}, onderdak, zorg,
			{PersonID: other, Domain: app.Onderdak, Status: app.FollowupOpen, Actie: "a", Actiedatum: app.MustDate("2019-07-01"), Gewijzigd: t0}} {
			if err := tx.SaveFollowup(f); err != nil {
				return err
			}
		}
		for _, c := range []app.StatusChange{
			{PersonID: id, Domain: app.Onderdak, Tijd: t0, Door: "ik", Van: app.FollowupOpen, Naar: app.FollowupInBehandeling},
			{PersonID: id, Domain: app.Zorg, Tijd: t0, Van: app.FollowupOpen, Naar: app.FollowupGeregeld},
		} {
			if err := tx.AddStatusChange(c); err != nil {
				return err
			}
		}
		for _, c := range contacts {
			if err := tx.AddContact(c); err != nil {
				return err
			}
		}
		return nil
	})
	view(t, db, func(tx app.ReadTx) error {
		got, err := tx.Followups(id)
		if want := map[app.Domain]app.Followup{app.Onderdak: onderdak, app.Zorg: zorg}; !reflect.DeepEqual(got, want) {
			t.Errorf("followups = %+v", got)
		}
		cs, _ := tx.Contacts(id)
		if len(cs) != 3 || cs[0].Domain != app.DomainAlgemeen || !reflect.DeepEqual(cs[1], *contacts[0]) {
			t.Errorf("contacts = %+v", cs)
		}
		due, _ := tx.ActionsDueBefore(app.MustDate("2019-08-03"))
		if len(due) != 1 || due[0].PersonID != other {
			t.Errorf("due before 3 Aug = %+v", due)
		}
		due, _ = tx.ActionsDueBefore(app.MustDate("2019-08-04"))
		if len(due) != 2 || due[1].PersonID != id {
			t.Errorf("due before 4 Aug = %+v", due)
		}
		return err
	})

	var n int
	update(t, db, func(tx app.Tx) error {
		var err error
		n, err = tx.PurgeDomainData(id, app.Onderdak)
		return err
	})
	if n != 3 {
		t.Errorf("purged %d items, want 3 (follow-up, status change, contact)", n)
	}
	view(t, db, func(tx app.ReadTx) error {
		fs, _ := tx.Followups(id)
		h, _ := tx.FollowupHistory(id)
		cs, _ := tx.Contacts(id)
		if _, ok := fs[app.Onderdak]; ok || len(fs) != 1 || len(h) != 1 || h[0].Domain != app.Zorg {
			t.Errorf("after purge: followups %+v, history %+v", fs, h)
		}
		if len(cs) != 2 || cs[0].Domain != app.DomainAlgemeen || cs[1].Domain != app.Zorg {
			t.Errorf("after purge: contacts %+v (algemeen and zorg must stay)", cs)
		}
		oc, err := tx.Contacts(other)
		if len(oc) != 1 {
			t.Errorf("another person's contact went: %+v", oc)
		}
		return err
	})

	update(t, db, func(tx app.Tx) error { return tx.DeletePerson(id) })
	view(t, db, func(tx app.ReadTx) error {
		fs, _ := tx.Followups(id)
		h, _ := tx.FollowupHistory(id)
		cs, err := tx.Contacts(id)
		if len(fs)+len(h)+len(cs) != 0 {
			t.Errorf("after DeletePerson: %+v %+v %+v", fs, h, cs)
		}
		return err
	})
}

func TestFollowupConstraints(t *testing.T) {
	db, _ := openTest(t)
	id := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	bad := []func(tx app.Tx) error{
		func(tx app.Tx) error {
			return tx.SaveFollowup(app.Followup{PersonID: id, Domain: app.Onderdak, Status: "misschien", Gewijzigd: t0})
		},
		func(tx app.Tx) error { // action without date
			return tx.SaveFollowup(app.Followup{PersonID: id, Domain: app.Onderdak, Status: app.FollowupOpen, Actie: "x", Gewijzigd: t0})
		},
		func(tx app.Tx) error { // follow-up of algemeen
			return tx.SaveFollowup(app.Followup{PersonID: id, Domain: app.DomainAlgemeen, Status: app.FollowupOpen, Gewijzigd: t0})
		},
		func(tx app.Tx) error {
			return tx.AddContact(&app.ContactMoment{PersonID: id, Domain: app.Onderdak, Tijd: t0, Kanaal: "duif", Vastgelegd: t0})
		},
		func(tx app.Tx) error {
			return tx.AddContact(&app.ContactMoment{PersonID: id + 100, Domain: app.Onderdak, Tijd: t0, Kanaal: app.KanaalBrief, Vastgelegd: t0})
		},
	}
	for i, fn := range bad {
		if err := db.Update(t.Context(), fn); err == nil {
			t.Errorf("case %d was accepted", i)
		}
	}
}

func TestMessagesSince(t *testing.T) {
	db, _ := openTest(t)
	update(t, db, func(tx app.Tx) error {
		for i, k := range []string{"A", "B", "C"} {
			if err := tx.AddMessage(app.MessageRecord{Kenmerk: k, Soort: app.MeldingBegin, Ontvangen: t0.Add(time.Duration(i) * time.Hour)}); err != nil {
				return err
			}
		}
		return nil
	})
	view(t, db, func(tx app.ReadTx) error {
		all, err := tx.MessagesSince(time.Time{})
		if len(all) != 3 || all[0].Kenmerk != "C" {
			t.Errorf("since never = %+v", all)
		}
		some, _ := tx.MessagesSince(t0.Add(time.Hour))
		if len(some) != 1 || some[0].Kenmerk != "C" {
			t.Errorf("since B = %+v", some)
		}
		return err
	})
}
