package app_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// "Mijn acties" (issue 18): every planned action of a domain still to do, by date in
// three groups, for the whole team or for the configured user only.
func TestPlannedActionsByGroupAndUser(t *testing.T) {
	w := newWorld(t)
	if u, team := w.svc.SignedIn(); team {
		t.Skipf("op de teamdatabase is 'mijn' de aanmeldrol (%s), niet de ingestelde naam: storage/postgres TestMineIsTheLoginRole", u)
	}
	ctx := context.Background()
	w.clock = time.Date(2019, 8, 28, 9, 0, 0, 0, time.UTC) // a Wednesday
	w.mustImport(melding("999990019", "Jansen", "2019-06-01", "2019-09-10"))
	w.mustImport(sheet("999990019", "Jansen", "2019-06-03", "M", app.Onderdak, app.Schulden, app.Zorg))
	w.mustImport(melding("999990032", "Klaassen", "2019-06-01", "2019-09-20"))
	w.mustImport(sheet("999990032", "Klaassen", "2019-06-03", "K", app.Onderdak, app.Schulden))
	jansen, klaassen := w.personID("999990019"), w.personID("999990032")
	plan := func(id int64, d app.Domain, who, day string, st app.FollowupStatus) {
		t.Helper()
		e := app.FollowupEdit{Verantwoordelijke: ptr(who), Actie: &app.NextAction{Tekst: "actie " + day, Datum: app.MustDate(day)}}
		if st != "" {
			e.Status = st
		}
		if _, err := w.svc.SetFollowup(ctx, id, d, e); err != nil {
			t.Fatal(err)
		}
	}
	plan(jansen, app.Onderdak, "Petra de Vries", "2019-08-20", "")    // overdue
	plan(jansen, app.Schulden, "Ahmed", "2019-09-01", "")             // Sunday: this week
	plan(jansen, app.Zorg, "petra de vries", "2019-09-02", "")        // Monday: later
	plan(klaassen, app.Onderdak, "Pétra de Vries ", "2019-08-28", "") // today: this week
	plan(klaassen, app.Schulden, "Petra de Vries", "2019-08-01", app.FollowupGeregeld)

	if _, err := w.svc.PlannedActions(ctx, app.ActionQuery{Mine: true}); !errors.Is(err, app.ErrNoUserName) {
		t.Errorf("mine without a user name: %v", err)
	}
	team, err := w.svc.PlannedActions(ctx, app.ActionQuery{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[app.ActionGroup][]string{
		app.ActionsOverdue:   {"2019-08-20"},
		app.ActionsThisWeek:  {"2019-08-28", "2019-09-01"},
		app.ActionsLaterOnes: {"2019-09-02"},
	}
	check := func(name string, l app.ActionList, want map[app.ActionGroup][]string) {
		t.Helper()
		for _, g := range app.ActionGroups() {
			var got []string
			for _, a := range l.Groups[g] {
				got = append(got, a.Followup.Actiedatum.String())
			}
			if len(got) != len(want[g]) {
				t.Errorf("%s, %s: %v, want %v", name, g, got, want[g])
				continue
			}
			for i := range got {
				if got[i] != want[g][i] {
					t.Errorf("%s, %s: %v, want %v", name, g, got, want[g])
				}
			}
		}
	}
	check("team", team, want)
	if team.Total() != 4 || team.Overdue != 1 || team.Today.String() != "2019-08-28" {
		t.Errorf("team: %d actions, %d overdue, today %s", team.Total(), team.Overdue, team.Today)
	}
	if a := team.Groups[app.ActionsOverdue][0]; a.Person.ID != jansen || a.Followup.Domain != app.Onderdak {
		t.Errorf("overdue action of %d %s", a.Person.ID, a.Followup.Domain)
	}

	if err := w.svc.SetSetting(ctx, app.SettingGebruiker, "Petra de Vries"); err != nil {
		t.Fatal(err)
	}
	mine, err := w.svc.PlannedActions(ctx, app.ActionQuery{Mine: true})
	if err != nil {
		t.Fatal(err)
	}
	check("mine", mine, map[app.ActionGroup][]string{
		app.ActionsOverdue:   {"2019-08-20"},
		app.ActionsThisWeek:  {"2019-08-28"},
		app.ActionsLaterOnes: {"2019-09-02"},
	})
	if mine.User != "Petra de Vries" || !mine.Mine {
		t.Errorf("mine: user %q, mine %v", mine.User, mine.Mine)
	}
}

func TestGroupOfSunday(t *testing.T) {
	sunday := app.MustDate("2019-09-01")
	if g := app.GroupOf(sunday, sunday); g != app.ActionsThisWeek {
		t.Errorf("today on a Sunday: %s", g)
	}
	if g := app.GroupOf(sunday, app.MustDate("2019-09-02")); g != app.ActionsLaterOnes {
		t.Errorf("Monday after a Sunday: %s", g)
	}
	if g := app.GroupOf(app.MustDate("2019-09-02"), app.MustDate("2019-09-08")); g != app.ActionsThisWeek {
		t.Errorf("Sunday seen from Monday: %s", g)
	}
}
