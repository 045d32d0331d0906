package app_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
)

// teamStore is a store that acts as a team database: it knows who signed in and the
// team's login roles (storage/postgres tests the real one).
type teamStore struct {
	app.Store
	user    string
	members []string
}

func (s teamStore) SessionUser() string { return s.user }

func (s teamStore) TeamMembers(context.Context) ([]string, error) { return s.members, nil }

// On the team database the verantwoordelijke is one of the team (issue 16 item 5): a
// name that is no login role of the team is refused as a ValidationError of the field,
// without echoing it; a member typed in another case is stored in the member's
// spelling; the free text recorded before stays as it is, and clearing is allowed.
func TestTeamResponsibleMustBeAMember(t *testing.T) {
	w, id := correctionWorld(t)
	ctx := context.Background()
	update := func(fn func(app.Tx) error) {
		t.Helper()
		if err := w.db.Update(ctx, fn); err != nil {
			t.Fatal(err)
		}
	}
	update(func(tx app.Tx) error {
		return tx.SaveFollowup(app.Followup{PersonID: id, Domain: app.Onderdak, Status: app.FollowupOpen,
			Verantwoordelijke: "Oud Vrij Ingevuld", Gewijzigd: w.clock})
	})
	svc := app.NewService(teamStore{Store: w.db, user: "anne", members: []string{"Sanne Teamlid", "bert"}},
		importers.Decoder{}, func() time.Time { return w.clock })
	if !svc.TeamClosed() {
		t.Fatal("a store with a signed-in user and a team is not closed")
	}
	if got, err := svc.TeamMembers(ctx); err != nil || !reflect.DeepEqual(got, []string{"anne", "bert", "Sanne Teamlid"}) {
		t.Errorf("TeamMembers = %q, %v; want the members and the signed-in user, sorted", got, err)
	}
	responsible := func() string {
		t.Helper()
		f, err := svc.PersonFile(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return f.Domeinen[app.Onderdak].Opvolging.Verantwoordelijke
	}

	// The free text of before, sent back unchanged by the form, stays.
	if _, err := svc.SetFollowup(ctx, id, app.Onderdak, app.FollowupEdit{Status: app.FollowupInBehandeling,
		Verantwoordelijke: ptr("Oud Vrij Ingevuld")}); err != nil {
		t.Fatalf("keeping the recorded free text: %v", err)
	}
	if got := responsible(); got != "Oud Vrij Ingevuld" {
		t.Errorf("after keeping: %q", got)
	}

	_, err := svc.SetFollowup(ctx, id, app.Onderdak, app.FollowupEdit{Verantwoordelijke: ptr("Iemand Buiten Het Team")})
	var ve *app.ValidationError
	if !errors.As(err, &ve) || ve.Field != app.FieldVerantwoordelijke || ve.Code != app.ProblemNotTeamMember {
		t.Fatalf("a name outside the team: %v, want a ValidationError %s/%s", err, app.FieldVerantwoordelijke, app.ProblemNotTeamMember)
	}
	if strings.Contains(err.Error(), "Iemand") || !strings.Contains(err.Error(), "team") {
		t.Errorf("refusal %q: echoes the name or does not say why", err)
	}
	if got := responsible(); got != "Oud Vrij Ingevuld" {
		t.Errorf("after the refusal: %q", got)
	}

	if f, err := svc.SetFollowup(ctx, id, app.Onderdak, app.FollowupEdit{Verantwoordelijke: ptr(" sanne TEAMLID ")}); err != nil ||
		f.Verantwoordelijke != "Sanne Teamlid" {
		t.Errorf("a member in another case: %q, %v; want the member's spelling", f.Verantwoordelijke, err)
	}
	if _, err := svc.SetFollowup(ctx, id, app.Onderdak, app.FollowupEdit{Verantwoordelijke: ptr("anne")}); err != nil {
		t.Errorf("the signed-in user: %v", err)
	}
	if f, err := svc.SetFollowup(ctx, id, app.Onderdak, app.FollowupEdit{Verantwoordelijke: ptr("")}); err != nil ||
		f.Verantwoordelijke != "" {
		t.Errorf("clearing: %q, %v", f.Verantwoordelijke, err)
	}
}

// On a local file any name may be typed; the names offered are the configured user and
// every verantwoordelijke in use, each colleague once.
func TestLocalFileResponsibleIsFree(t *testing.T) {
	w, id := correctionWorld(t)
	if _, team := w.svc.SignedIn(); team {
		t.Skip("op de teamdatabase is de lijst gesloten: TestTeamResponsibleMustBeAMember, storage/postgres")
	}
	ctx := context.Background()
	if err := w.svc.SetSetting(ctx, app.SettingGebruiker, "Petra de Vries"); err != nil {
		t.Fatal(err)
	}
	if w.svc.TeamClosed() {
		t.Error("a local file is closed")
	}
	for d, who := range map[app.Domain]string{app.Onderdak: "Iemand Vrij", app.Schulden: "pétra de vries "} {
		if _, err := w.svc.SetFollowup(ctx, id, d, app.FollowupEdit{Verantwoordelijke: ptr(who)}); err != nil {
			t.Fatalf("%s: %v", who, err)
		}
	}
	if got, err := w.svc.TeamMembers(ctx); err != nil || !reflect.DeepEqual(got, []string{"Iemand Vrij", "Petra de Vries"}) {
		t.Errorf("TeamMembers = %q, %v", got, err)
	}
}
