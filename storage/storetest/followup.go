package storetest

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

func testFollowupRoundTripAndPurge(t *testing.T, open Opener) {
	db := open(t)
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

func testFollowupConstraints(t *testing.T, open Opener) {
	db := open(t)
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

func testFollowupOnSociaalNetwerk(t *testing.T, open Opener) {
	db := open(t)
	id := createPerson(t, db, samplePerson(bsn1, "Samira", "", "El Idrissi"))
	update(t, db, func(tx app.Tx) error {
		return firstErr(
			tx.SaveFollowup(app.Followup{PersonID: id, Domain: app.SociaalNetwerk, Status: app.FollowupOpen,
				Gewijzigd: time.Now()}),
			tx.AddStatusChange(app.StatusChange{PersonID: id, Domain: app.SociaalNetwerk, Tijd: time.Now(),
				Van: app.FollowupOpen, Naar: app.FollowupGeregeld}),
			tx.AddContact(&app.ContactMoment{PersonID: id, Domain: app.SociaalNetwerk, Tijd: time.Now(),
				Kanaal: app.KanaalTelefoon, Vastgelegd: time.Now()}),
		)
	})
}

// The release list's follow-up and contact counts: only persons whose latest detention
// ends in the window, and of those only who has any.
func testReleaseFollowupsAndContactCounts(t *testing.T, open Opener) {
	db := open(t)
	in := createPerson(t, db, samplePerson(bsn1, "Binnen", "", "Venster"))
	quiet := createPerson(t, db, samplePerson(bsn2, "Stil", "", "Venster"))
	out := createPerson(t, db, samplePerson(bsn3, "Buiten", "", "Venster"))
	addDetention(t, db, in, "2019-01-01", "2019-06-01") // an older stay
	addDetention(t, db, in, "2019-07-01", "2019-08-14") // the latest, in the window
	addDetention(t, db, quiet, "2019-05-20", "2019-08-20")
	addDetention(t, db, out, "2019-05-20", "2019-09-02")
	f := app.Followup{PersonID: in, Domain: app.Zorg, Status: app.FollowupInBehandeling, Verantwoordelijke: "ik",
		Actie: "bellen", Actiedatum: app.MustDate("2019-08-20"), Gewijzigd: t0}
	update(t, db, func(tx app.Tx) error {
		return firstErr(
			tx.SaveFollowup(f),
			tx.SaveFollowup(app.Followup{PersonID: out, Domain: app.Zorg, Status: app.FollowupOpen, Gewijzigd: t0}),
			tx.AddContact(&app.ContactMoment{PersonID: in, Domain: app.Zorg, Tijd: t0, Kanaal: app.KanaalTelefoon, Vastgelegd: t0}),
			tx.AddContact(&app.ContactMoment{PersonID: in, Domain: app.DomainAlgemeen, Tijd: t0, Kanaal: app.KanaalBrief, Vastgelegd: t0}),
			tx.AddContact(&app.ContactMoment{PersonID: out, Domain: app.Zorg, Tijd: t0, Kanaal: app.KanaalBrief, Vastgelegd: t0}))
	})
	from, to := app.MustDate("2019-08-01"), app.MustDate("2019-08-31")
	view(t, db, func(tx app.ReadTx) error {
		fs, err := tx.ReleaseFollowups(from, to)
		if want := map[int64]map[app.Domain]app.Followup{in: {app.Zorg: f}}; !reflect.DeepEqual(fs, want) {
			t.Errorf("release follow-ups %+v", fs)
		}
		cs, err2 := tx.ReleaseContactCounts(from, to)
		if want := map[int64]int{in: 2}; !reflect.DeepEqual(cs, want) {
			t.Errorf("release contact counts %v", cs)
		}
		return errors.Join(err, err2)
	})
}
