package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// "Alleen mijn dossiers" (issue 16 item 5) keeps the persons of whom the user is
// verantwoordelijke; without a user name the count line says why the list is empty.
func TestPersonsMineFilter(t *testing.T) {
	ctx := context.Background()
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, _ := newShell(t, svc, Options{})
	s.Show(SectionPersonen)
	v := s.Persons
	s.Wait()
	if v.Rows() != 1 {
		t.Fatalf("%d rows before filtering, want Berg", v.Rows())
	}
	rows, err := svc.Persons(ctx, app.PersonQuery{Zoek: "berg", Limit: 1})
	if err != nil || len(rows) != 1 {
		t.Fatalf("berg: %v %v", rows, err)
	}
	me, signedIn := svc.SignedIn()
	if !signedIn {
		v.mijn.SetChecked(true)
		s.Wait()
		if !strings.Contains(v.count.Text, "naam is nog niet ingesteld") {
			t.Errorf("without a user name the count says %q", v.count.Text)
		}
		v.mijn.SetChecked(false)
		me = "Petra de Vries"
		if err := svc.SetSetting(ctx, app.SettingGebruiker, me); err != nil {
			t.Fatal(err)
		}
	}
	responsible := func(who string) {
		t.Helper()
		if _, err := svc.SetFollowup(ctx, rows[0].ID, app.Onderdak, app.FollowupEdit{Verantwoordelijke: &who}); err != nil {
			t.Fatal(err)
		}
	}
	responsible("Ahmed")
	v.mijn.SetChecked(true)
	s.Wait()
	if v.Rows() != 0 {
		t.Errorf("%d rows of mine while Ahmed is verantwoordelijke", v.Rows())
	}
	responsible(strings.ToLower(me) + " ")
	v.Reload()
	s.Wait()
	if r, ok := v.row(0); v.Rows() != 1 || !ok || r.Achternaam != "Berg" {
		t.Errorf("mine: %d rows, want Berg", v.Rows())
	}
}
