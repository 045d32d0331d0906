package ui

import (
	"context"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// "Mijn acties" (issue 18) is in the navigation: the user's own actions when a name is
// configured, else the team's; grouped by date; a row opens the person.
func TestMyActionsScreen(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, _ := newShell(t, svc, Options{})
	ctx := context.Background()
	id, err := svc.FindPerson(ctx, "999990019", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []struct {
		d         app.Domain
		who, when string
	}{{app.Onderdak, "Petra", "2019-08-01"}, {app.Identiteitsbewijs, "Ahmed", "2019-08-07"}, {app.ZorgVoorThuis, "petra", "2019-09-30"}} {
		if _, err := svc.SetFollowup(ctx, id, a.d, app.FollowupEdit{Verantwoordelijke: ptrTo(a.who),
			Actie: &app.NextAction{Tekst: "actie " + a.when, Datum: app.MustDate(a.when)}}); err != nil {
			t.Fatal(err)
		}
	}
	if findButton(s.Content(), T(SectionActies)) == nil {
		t.Fatal("no 'Mijn acties' in the navigation")
	}

	// Without a user name: the team's actions, and no dead end for "Mijn acties".
	s.Show(SectionActies)
	s.Wait()
	v := s.Actions
	if v.Scope.Selected != T("Hele team") || len(v.Rows) != 6 {
		t.Fatalf("without a name: scope %q, rows %d", v.Scope.Selected, len(v.Rows))
	}
	want := []string{"Achterstallig (1)", "01-08-2019", "Deze week (1)", "07-08-2019", "Later (1)", "30-09-2019"}
	for i, w := range want {
		if got := v.RowText(i); len(got) < len(w) || got[:len(w)] != w {
			t.Errorf("row %d = %q, want it to start with %q", i, got, w)
		}
	}
	v.Scope.SetSelected(T("Mijn acties"))
	s.Wait()
	if len(v.Rows) != 0 || !v.settingsLink.Visible() {
		t.Errorf("'Mijn acties' without a name: %d rows, link to Instellingen shown %v", len(v.Rows), v.settingsLink.Visible())
	}

	if err := svc.SetSetting(ctx, app.SettingGebruiker, "Petra"); err != nil {
		t.Fatal(err)
	}
	s.Show(SectionActies)
	s.Wait()
	if v.Scope.Selected != T("Mijn acties") || len(v.Rows) != 4 || v.settingsLink.Visible() {
		t.Fatalf("with a name: scope %q, rows %d", v.Scope.Selected, len(v.Rows))
	}
	v.OpenRow(0) // a heading opens nothing
	if s.Person != nil {
		t.Fatal("a heading opened a person")
	}
	v.OpenRow(1)
	s.Wait()
	if s.Person == nil || s.Person.ID() != id || s.Person.file == nil {
		t.Fatal("the row did not open the person")
	}
	s.Back()
	if s.Current() != SectionActies {
		t.Errorf("back from the person goes to %q", s.Current())
	}
}

func ptrTo[T any](v T) *T { return &v }
