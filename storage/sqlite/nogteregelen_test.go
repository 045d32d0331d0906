package sqlite

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// pendingToArrange is the condition the dashboard evaluated for every person of the
// release window before migration 0017 kept it in persons.nog_te_regelen: a domain to
// arrange (consent ja, or a leefgebied of the current plan) whose follow-up is absent,
// open or in behandeling. The conformance suite compares the kept value with it.
const pendingToArrange = `(EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = p.id AND c.state = 'ja'
		AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = p.id AND f.domain = c.domain
			AND f.status NOT IN ('open', 'in-behandeling')))
	OR EXISTS (SELECT 1 FROM plan_leefgebieden l WHERE l.person_id = p.id
		AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = p.id AND f.domain = l.domain
			AND f.status NOT IN ('open', 'in-behandeling'))))`

func (s *inspected) StaleNogTeRegelen() ([]int64, error) {
	return s.personsWhere("nog_te_regelen", `p.nog_te_regelen IS NOT `+pendingToArrange)
}

// personsWhere returns the ids of the persons p for which cond holds, in id order; what
// names the kept column in the error.
func (s *inspected) personsWhere(what, cond string) ([]int64, error) {
	rows, err := s.DB.sql.Query(`SELECT p.id FROM persons p WHERE ` + cond + ` ORDER BY p.id`)
	if err != nil {
		return nil, fmt.Errorf("%s vergelijken: %w", what, err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// undo0017 takes a database back to before migration 0017 (as an older release left it).
var undo0017 = func() []string {
	var undo []string
	for _, table := range []string{"consent_states", "plan_leefgebieden", "followups"} {
		for _, op := range []string{"insert", "update", "delete"} {
			undo = append(undo, "DROP TRIGGER "+table+"_nog_te_regelen_"+op)
		}
	}
	for _, op := range []string{"insert", "update", "delete"} {
		undo = append(undo, "DROP TRIGGER contacts_heeft_contact_"+op)
	}
	return append(undo, "DROP INDEX persons_nog_te_regelen", "ALTER TABLE persons DROP COLUMN nog_te_regelen",
		"DROP INDEX persons_geen_contact", "ALTER TABLE persons DROP COLUMN heeft_contact")
}()

// Migration 0017 computes nog_te_regelen and heeft_contact for the persons already stored:
// consent ja or a plan's leefgebied, with follow-up absent, open, in behandeling or
// arranged; a contact or none.
func TestMigration0017FillsNogTeRegelen(t *testing.T) {
	db, path := openTest(t)
	at := time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)
	var ids []int64
	for _, name := range []string{"Toestemming", "Geregeld", "Plan", "Niets"} {
		ids = append(ids, createPerson(t, db, samplePerson("", "Test", "", name)))
	}
	update(t, db, func(tx app.Tx) error {
		return firstErr(
			tx.SaveConsentStates(ids[0], map[app.Domain]app.ConsentState{app.Onderdak: app.ConsentJa, app.Zorg: app.ConsentNee}),
			tx.SaveConsentStates(ids[1], map[app.Domain]app.ConsentState{app.Onderdak: app.ConsentJa}),
			tx.SaveFollowup(app.Followup{PersonID: ids[1], Domain: app.Onderdak, Status: app.FollowupGeregeld, Gewijzigd: at}),
			tx.ReplacePlan(ids[2], testPlan("K1", "2024-03-12", app.LifeArea{Code: app.SociaalNetwerk})),
			tx.SaveFollowup(app.Followup{PersonID: ids[2], Domain: app.SociaalNetwerk, Status: app.FollowupOpen, Gewijzigd: at}),
			tx.SaveFollowup(app.Followup{PersonID: ids[3], Domain: app.Zorg, Status: app.FollowupOpen, Gewijzigd: at}),
			tx.AddContact(&app.ContactMoment{PersonID: ids[3], Domain: app.DomainAlgemeen, Tijd: at, Kanaal: app.KanaalBrief, Vastgelegd: at}))
	})
	// Back to version 16: 0021, 0020 and 0018 (which came after) undone first, then 0017.
	again := reopenOlder(t, db, path,
		append(append(append(append(append(undo0022(), undo0021()...), undo0020()...), undo0018()...), undo0017...), "PRAGMA user_version = 16")...)
	in := &inspected{DB: again, path: path}
	if stale, err := in.StaleNogTeRegelen(); err != nil || len(stale) > 0 {
		t.Errorf("after the migration nog_te_regelen of persons %v differs (%v)", stale, err)
	}
	if stale, err := in.StaleHeeftContact(); err != nil || len(stale) > 0 {
		t.Errorf("after the migration heeft_contact of persons %v differs (%v)", stale, err)
	}
	for _, c := range []struct {
		column string
		want   []int64
	}{{"nog_te_regelen", []int64{ids[0], ids[2]}}, {"heeft_contact", []int64{ids[3]}}} {
		var got []int64
		rows, err := again.sql.Query(`SELECT id FROM persons WHERE ` + c.column + ` = 1 ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			got = append(got, id)
		}
		rows.Close()
		if !slices.Equal(got, c.want) {
			t.Errorf("%s set for %v, want %v", c.column, got, c.want)
		}
	}
}

func (s *inspected) StaleHeeftContact() ([]int64, error) {
	return s.personsWhere("heeft_contact", `p.heeft_contact IS NOT EXISTS (SELECT 1 FROM contacts k WHERE k.person_id = p.id)`)
}
