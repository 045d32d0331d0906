package app_test

import (
	"context"
	"errors"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// Two casemanagers open the same domain's follow-up (issue 16): the one who saves second
// is refused with ErrChangedUnderneath instead of overwriting the first one's change,
// and can save on the version the error carries; the clock standing still does not
// hide the change. Contacts and notes never conflict.
func TestFollowupSaveRefusedWhenChangedUnderneath(t *testing.T) {
	w, id := correctionWorld(t)
	w.a.Colleagues("A. Eerste")
	ctx := context.Background()
	read := w.file(id).Domeinen[app.Onderdak].Opvolging // both colleagues see the implied open one

	first, err := w.svc.SetFollowup(ctx, id, app.Onderdak, app.FollowupEdit{Verantwoordelijke: ptr("A. Eerste"), Versie: read.Version()})
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.svc.SetFollowup(ctx, id, app.Onderdak, app.FollowupEdit{Status: app.FollowupGeregeld, Versie: read.Version()})
	var ce *app.ChangedError
	if !errors.Is(err, app.ErrChangedUnderneath) || !errors.As(err, &ce) || ce.Current.Verantwoordelijke != "A. Eerste" {
		t.Fatalf("second save on a stale version: %v, want ErrChangedUnderneath with the current follow-up", err)
	}
	if got := w.file(id).Domeinen[app.Onderdak].Opvolging; got.Status != app.FollowupOpen || got.Verantwoordelijke != "A. Eerste" {
		t.Errorf("after the refusal: %+v", got)
	}

	// A contact and a note in between do not change the follow-up's version.
	if _, err := w.svc.AddContact(ctx, id, app.ContactMoment{Domain: app.Onderdak, Kanaal: app.KanaalTelefoon}); err != nil {
		t.Fatal(err)
	}
	second, err := w.svc.SetFollowup(ctx, id, app.Onderdak, app.FollowupEdit{Status: app.FollowupInBehandeling, Versie: ce.Current.Version()})
	if err != nil {
		t.Fatalf("save on the version the refusal carried: %v", err)
	}
	if second.Verantwoordelijke != "A. Eerste" || !second.Gewijzigd.After(first.Gewijzigd) {
		t.Errorf("saved %+v after %+v: the version did not move", second, first)
	}

	// The corrections check the version too.
	stale := first.Version()
	if _, err := w.svc.CorrectStatus(ctx, id, app.Onderdak, app.FollowupGeregeld, stale); !errors.Is(err, app.ErrChangedUnderneath) {
		t.Errorf("status correction on a stale version: %v", err)
	}
	if _, err := w.svc.RemoveStatus(ctx, id, app.Onderdak, stale); !errors.Is(err, app.ErrChangedUnderneath) {
		t.Errorf("status removal on a stale version: %v", err)
	}
	withAction, err := w.svc.SetFollowup(ctx, id, app.Onderdak, app.FollowupEdit{
		Actie: &app.NextAction{Tekst: "bellen", Datum: app.MustDate("2019-09-01")}, Versie: second.Version()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.RemoveAction(ctx, id, app.Onderdak, second.Version()); !errors.Is(err, app.ErrChangedUnderneath) {
		t.Errorf("action removal on a stale version: %v", err)
	}
	if _, err := w.svc.RemoveAction(ctx, id, app.Onderdak, withAction.Version()); err != nil {
		t.Errorf("action removal on the current version: %v", err)
	}
	// Without a version the last writer wins, as the CLI does.
	if _, err := w.svc.SetFollowup(ctx, id, app.Onderdak, app.FollowupEdit{Status: app.FollowupGeregeld}); err != nil {
		t.Errorf("save without a version: %v", err)
	}
}
