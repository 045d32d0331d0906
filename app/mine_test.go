package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// "Mijn dossiers" (issue 16 item 5): the persons of whom the user is verantwoordelijke
// of a domain's follow-up or planned action, compared as Mijn acties compares; the user
// is the signed-in login role on a team database, else the configured user name.
func TestMineIsWhereIAmResponsible(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	w.mustImport(melding("999990019", "Jansen", "2019-06-01", "2019-09-10"))
	w.mustImport(sheet("999990019", "Jansen", "2019-06-03", "M", app.Onderdak, app.Schulden))
	w.mustImport(melding("999990032", "Klaassen", "2019-06-01", "2019-09-20"))
	w.mustImport(sheet("999990032", "Klaassen", "2019-06-03", "K", app.Onderdak))
	w.mustImport(melding("999990044", "Bakker", "2019-06-01", "2019-09-20"))
	w.mustImport(sheet("999990044", "Bakker", "2019-06-03", "B", app.Zorg))
	me, signedIn := w.svc.SignedIn()
	if !signedIn {
		if _, err := w.svc.Persons(ctx, app.PersonQuery{Mijn: true}); !errors.Is(err, app.ErrNoUserName) {
			t.Errorf("mine without a user name: %v", err)
		}
		me = "Petra de Vries"
		if err := w.svc.SetSetting(ctx, app.SettingGebruiker, me); err != nil {
			t.Fatal(err)
		}
	}
	w.a.Colleagues("Ahmed")
	set := func(bsn string, d app.Domain, who string, e app.FollowupEdit) {
		t.Helper()
		e.Verantwoordelijke = &who
		if _, err := w.svc.SetFollowup(ctx, w.personID(bsn), d, e); err != nil {
			t.Fatal(err)
		}
	}
	set("999990019", app.Onderdak, " "+strings.ToUpper(me), app.FollowupEdit{}) // a domain's verantwoordelijke
	set("999990019", app.Schulden, "Ahmed", app.FollowupEdit{})
	set("999990032", app.Onderdak, me, app.FollowupEdit{Actie: &app.NextAction{Tekst: "bellen", Datum: app.MustDate("2019-08-01")}})
	set("999990044", app.Zorg, "Ahmed", app.FollowupEdit{Actie: &app.NextAction{Tekst: "bellen", Datum: app.MustDate("2019-08-01")}})

	q := app.PersonQuery{Mijn: true, Sort: app.SortByName}
	rows, err := w.svc.Persons(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, r.BSN)
	}
	if strings.Join(got, ",") != "999990019,999990032" {
		t.Errorf("mijn dossiers: %v, want Jansen and Klaassen", got)
	}
	if n, err := w.svc.CountPersons(ctx, q); err != nil || n != 2 {
		t.Errorf("counted %d (%v), want 2", n, err)
	}
	if l, err := w.svc.PersonList(ctx, q); err != nil || len(l) != 2 {
		t.Errorf("person list: %d rows (%v), want 2", len(l), err)
	}
	l, err := w.svc.PersonListReport(ctx, w.clock, q, app.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Rijen) != 2 || !strings.Contains(l.Selectie, "verantwoordelijke") {
		t.Errorf("list report: %d rows, selection %q", len(l.Rijen), l.Selectie)
	}
	if all, err := w.svc.CountPersons(ctx, app.PersonQuery{}); err != nil || all != 3 {
		t.Errorf("without the filter: %d (%v), want 3", all, err)
	}
}
