package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// Corrections (issue 18): a contact is read, overwritten and removed by id, a status
// change corrected and removed, an action cleared; an unknown id is app.ErrNotFound.
func testCorrectionsRoundTrip(t *testing.T, open Opener) {
	db := open(t)
	id := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	c := &app.ContactMoment{PersonID: id, Domain: app.Onderdak, Tijd: t0.Add(-time.Hour), Kanaal: app.KanaalTelefoon,
		Met: "X", Notitie: "oud", Vastgelegd: t0, Door: "ik"}
	update(t, db, func(tx app.Tx) error {
		if err := tx.SaveFollowup(app.Followup{PersonID: id, Domain: app.Onderdak, Status: app.FollowupGeregeld,
			Actie: "bellen", Actiedatum: app.MustDate("2019-08-03"), Gewijzigd: t0}); err != nil {
			return err
		}
		for _, naar := range []app.FollowupStatus{app.FollowupInBehandeling, app.FollowupGeregeld} {
			if err := tx.AddStatusChange(app.StatusChange{PersonID: id, Domain: app.Onderdak, Tijd: t0,
				Van: app.FollowupOpen, Naar: naar}); err != nil {
				return err
			}
		}
		return tx.AddContact(c)
	})
	fixed := *c
	fixed.Domain, fixed.Kanaal, fixed.Tijd, fixed.Met, fixed.Notitie = app.Zorg, app.KanaalBrief, t0.Add(-2*time.Hour), "Y", "nieuw"
	var hist []app.StatusChange
	update(t, db, func(tx app.Tx) error {
		got, err := tx.Contact(c.ID)
		if err != nil || got != *c {
			t.Errorf("Contact = %+v, %v", got, err)
		}
		if _, err := tx.Contact(c.ID + 1); !errors.Is(err, app.ErrNotFound) {
			t.Errorf("unknown contact: %v", err)
		}
		if err := tx.UpdateContact(fixed); err != nil {
			return err
		}
		hist, err = tx.FollowupHistory(id)
		if err != nil || len(hist) != 2 || hist[0].ID == 0 || hist[0].ID == hist[1].ID {
			t.Fatalf("history without ids: %+v, %v", hist, err)
		}
		hist[1].Naar = app.FollowupNietNodig
		if err := tx.UpdateStatusChange(hist[1]); err != nil {
			return err
		}
		if err := tx.DeleteStatusChange(hist[0].ID); err != nil {
			return err
		}
		return tx.ClearAction(app.Followup{PersonID: id, Domain: app.Onderdak, Gewijzigd: t0.Add(time.Hour)})
	})
	view(t, db, func(tx app.ReadTx) error {
		got, err := tx.Contact(c.ID)
		if err != nil || got != fixed {
			t.Errorf("after UpdateContact: %+v, %v", got, err)
		}
		h, _ := tx.FollowupHistory(id)
		if len(h) != 1 || h[0].ID != hist[1].ID || h[0].Naar != app.FollowupNietNodig {
			t.Errorf("history after correction: %+v", h)
		}
		fs, _ := tx.Followups(id)
		if f := fs[app.Onderdak]; f.Actie != "" || !f.Actiedatum.IsZero() || !f.Gewijzigd.Equal(t0.Add(time.Hour)) ||
			f.Status != app.FollowupGeregeld {
			t.Errorf("after ClearAction: %+v", f)
		}
		return nil
	})
	update(t, db, func(tx app.Tx) error {
		if err := tx.DeleteContact(c.ID); err != nil {
			return err
		}
		for _, err := range []error{tx.DeleteContact(c.ID), tx.UpdateContact(fixed), tx.DeleteStatusChange(hist[0].ID),
			tx.UpdateStatusChange(hist[0])} {
			if !errors.Is(err, app.ErrNotFound) {
				t.Errorf("on a removed row: %v", err)
			}
		}
		return nil
	})
}

// PlannedActions holds every action of a domain still to do, with its person, by date.
func testPlannedActions(t *testing.T, open Opener) {
	db := open(t)
	a := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	b := createPerson(t, db, samplePerson(bsn2, "Piet", "", "Pietersen"))
	update(t, db, func(tx app.Tx) error {
		for _, f := range []app.Followup{
			{PersonID: a, Domain: app.Onderdak, Status: app.FollowupOpen, Actie: "x", Actiedatum: app.MustDate("2019-09-03"), Gewijzigd: t0},
			{PersonID: a, Domain: app.Zorg, Status: app.FollowupGeregeld, Actie: "x", Actiedatum: app.MustDate("2019-08-01"), Gewijzigd: t0},
			{PersonID: a, Domain: app.Schulden, Status: app.FollowupInBehandeling, Gewijzigd: t0},
			{PersonID: b, Domain: app.Onderdak, Status: app.FollowupNietBereikbaar, Actie: "y", Actiedatum: app.MustDate("2019-08-02"),
				Verantwoordelijke: "Ik", Gewijzigd: t0},
			{PersonID: b, Domain: app.Zorg, Status: app.FollowupNietNodig, Actie: "z", Actiedatum: app.MustDate("2019-08-02"), Gewijzigd: t0},
		} {
			if err := tx.SaveFollowup(f); err != nil {
				return err
			}
		}
		return nil
	})
	view(t, db, func(tx app.ReadTx) error {
		got, err := tx.PlannedActions()
		if err != nil {
			return err
		}
		if len(got) != 2 || got[0].Person.ID != b || got[0].Person.Achternaam != "Pietersen" ||
			got[0].Followup.Verantwoordelijke != "Ik" || got[1].Person.ID != a || got[1].Followup.Domain != app.Onderdak {
			t.Errorf("planned actions = %+v", got)
		}
		return nil
	})
}
