package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// correctionWorld is a person with consent for onderdak and schulden only.
func correctionWorld(t *testing.T) (*world, int64) {
	w := newWorld(t)
	w.mustImport(melding("999990019", "Jansen", "2019-06-01", "2019-09-10"))
	w.mustImport(sheet("999990019", "Jansen", "2019-06-03", "M", app.Onderdak, app.Schulden))
	return w, w.personID("999990019")
}

// A recorded contact can be corrected and removed (issue 18): audited without the old
// or new text, the old text gone from disk, and only where follow-up is allowed.
func TestCorrectAndRemoveContact(t *testing.T) {
	w, id := correctionWorld(t)
	ctx := context.Background()
	c, err := w.svc.AddContact(ctx, id, app.ContactMoment{Domain: app.Onderdak, Kanaal: app.KanaalTelefoon,
		Met: "OUDMET-corporatie", Notitie: "OUDNOTITIE-woning"})
	if err != nil {
		t.Fatal(err)
	}
	w.present("OUDNOTITIE-woning", "OUDMET-corporatie")

	// Nothing changed, the wrong person, a domain without consent: refused.
	var ve *app.ValidationError
	if _, err := w.svc.CorrectContact(ctx, id, c.ID, app.ContactEdit{}); !errors.As(err, &ve) || ve.Code != app.ProblemNothing {
		t.Errorf("empty correction: %v", err)
	}
	if _, err := w.svc.CorrectContact(ctx, id+1, c.ID, app.ContactEdit{Met: ptr("x")}); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("correction through another person: %v", err)
	}
	var ce *app.ConsentRequiredError
	if _, err := w.svc.CorrectContact(ctx, id, c.ID, app.ContactEdit{Domain: ptr(app.Zorg)}); !errors.As(err, &ce) {
		t.Errorf("moved to zorg without consent: %v", err)
	}
	if _, err := w.svc.CorrectContact(ctx, id, c.ID, app.ContactEdit{Tijd: ptr(w.clock.Add(time.Hour))}); !errors.As(err, &ve) || ve.Code != app.ProblemFuture {
		t.Errorf("moved into the future: %v", err)
	}

	when := time.Date(2019, 8, 30, 9, 15, 0, 0, time.UTC)
	got, err := w.svc.CorrectContact(ctx, id, c.ID, app.ContactEdit{Domain: ptr(app.Schulden), Kanaal: ptr(app.KanaalBrief),
		Tijd: &when, Met: ptr("NIEUWMET"), Notitie: ptr("NIEUWNOTITIE")})
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != c.ID || got.Domain != app.Schulden || got.Kanaal != app.KanaalBrief || !got.Tijd.Equal(when) {
		t.Errorf("corrected = %+v", got)
	}
	pf := w.file(id)
	if len(pf.Domeinen[app.Onderdak].Contacten) != 0 || len(pf.Domeinen[app.Schulden].Contacten) != 1 ||
		pf.Domeinen[app.Schulden].Contacten[0].Notitie != "NIEUWNOTITIE" {
		t.Errorf("after correction: onderdak %+v, schulden %+v", pf.Domeinen[app.Onderdak].Contacten, pf.Domeinen[app.Schulden].Contacten)
	}
	w.absent("OUDNOTITIE-woning", "OUDMET-corporatie")

	if err := w.svc.RemoveContact(ctx, id+1, c.ID); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("removal through another person: %v", err)
	}
	if err := w.svc.RemoveContact(ctx, id, c.ID); err != nil {
		t.Fatal(err)
	}
	if n := len(w.file(id).Domeinen[app.Schulden].Contacten); n != 0 {
		t.Errorf("%d contacts after removal", n)
	}
	w.absent("NIEUWNOTITIE", "NIEUWMET")
	if err := w.svc.RemoveContact(ctx, id, c.ID); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("second removal: %v", err)
	}

	results := map[string][]app.Domain{}
	for _, e := range w.audit(app.ActieWijziging) {
		all := strings.Join([]string{e.Resultaat, e.Bron, e.Actor, e.Grondslag}, " ")
		if strings.Contains(all, "OUD") || strings.Contains(all, "NIEUW") {
			t.Errorf("audit entry carries text: %+v", e)
		}
		results[e.Resultaat] = e.Domeinen
	}
	if d := results[app.ResultaatContactGewijzigd]; len(d) != 2 || d[0] != app.Onderdak || d[1] != app.Schulden {
		t.Errorf("correction audited with domains %v, want onderdak and schulden", d)
	}
	if d := results[app.ResultaatContactVerwijderd]; len(d) != 1 || d[0] != app.Schulden {
		t.Errorf("removal audited with domains %v (%v)", d, results)
	}
}

// The last status change of a domain can be corrected (no new history entry) or
// removed (back to the status before); a planned action can be removed.
func TestCorrectAndRemoveStatusAndAction(t *testing.T) {
	w, id := correctionWorld(t)
	ctx := context.Background()
	if _, err := w.svc.CorrectStatus(ctx, id, app.Onderdak, app.FollowupGeregeld, nil); !errors.Is(err, app.ErrNoStatusChange) {
		t.Errorf("correction without a status change: %v", err)
	}
	if _, err := w.svc.RemoveAction(ctx, id, app.Onderdak, nil); !errors.Is(err, app.ErrNoAction) {
		t.Errorf("removal without an action: %v", err)
	}
	var ce *app.ConsentRequiredError
	if _, err := w.svc.RemoveStatus(ctx, id, app.Zorg, nil); !errors.As(err, &ce) {
		t.Errorf("zorg without consent: %v", err)
	}
	if _, err := w.svc.SetFollowup(ctx, id, app.Onderdak, app.FollowupEdit{Status: app.FollowupInBehandeling,
		Actie: &app.NextAction{Tekst: "ACTIEMARK bellen", Datum: app.MustDate("2019-09-03")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.SetFollowup(ctx, id, app.Onderdak, app.FollowupEdit{Status: app.FollowupNietNodig}); err != nil {
		t.Fatal(err)
	}
	var ve *app.ValidationError
	if _, err := w.svc.CorrectStatus(ctx, id, app.Onderdak, app.FollowupNietNodig, nil); !errors.As(err, &ve) || ve.Code != app.ProblemNothing {
		t.Errorf("correction to the same status: %v", err)
	}
	f, err := w.svc.CorrectStatus(ctx, id, app.Onderdak, app.FollowupGeregeld, nil)
	if err != nil {
		t.Fatal(err)
	}
	df := w.file(id).Domeinen[app.Onderdak]
	if f.Status != app.FollowupGeregeld || df.Opvolging.Status != app.FollowupGeregeld || len(df.Geschiedenis) != 2 ||
		df.Geschiedenis[1].Van != app.FollowupInBehandeling || df.Geschiedenis[1].Naar != app.FollowupGeregeld {
		t.Errorf("after correction: %+v, history %+v", df.Opvolging, df.Geschiedenis)
	}
	if df.Opvolging.Actie != "ACTIEMARK bellen" {
		t.Errorf("the correction lost the action: %+v", df.Opvolging)
	}

	if _, err := w.svc.RemoveStatus(ctx, id, app.Onderdak, nil); err != nil {
		t.Fatal(err)
	}
	df = w.file(id).Domeinen[app.Onderdak]
	if df.Opvolging.Status != app.FollowupInBehandeling || len(df.Geschiedenis) != 1 {
		t.Errorf("after removal: %+v, history %+v", df.Opvolging, df.Geschiedenis)
	}
	// Correcting to the status it came from removes the change as well.
	if _, err := w.svc.CorrectStatus(ctx, id, app.Onderdak, app.FollowupOpen, nil); err != nil {
		t.Fatal(err)
	}
	if df = w.file(id).Domeinen[app.Onderdak]; df.Opvolging.Status != app.FollowupOpen || len(df.Geschiedenis) != 0 {
		t.Errorf("after correcting back to open: %+v, history %+v", df.Opvolging, df.Geschiedenis)
	}

	if _, err := w.svc.RemoveAction(ctx, id, app.Onderdak, nil); err != nil {
		t.Fatal(err)
	}
	if df = w.file(id).Domeinen[app.Onderdak]; df.Opvolging.Actie != "" || !df.Opvolging.Actiedatum.IsZero() {
		t.Errorf("action after removal: %+v", df.Opvolging)
	}
	w.absent("ACTIEMARK")

	seen := map[string]bool{}
	for _, e := range w.audit(app.ActieWijziging) {
		if strings.Contains(e.Resultaat+e.Actor+e.Grondslag, "ACTIEMARK") {
			t.Errorf("audit entry carries text: %+v", e)
		}
		seen[e.Resultaat] = true
	}
	for _, r := range []string{app.ResultaatStatusGecorr, app.ResultaatStatusVerwijderd, app.ResultaatActieVerwijderd} {
		if !seen[r] {
			t.Errorf("no audit entry %q", r)
		}
	}
}

// A closed traject can be reopened: in behandeling again, without outcome or date
// (so its retention term no longer runs), audited; an open one cannot.
func TestReopenTraject(t *testing.T) {
	w, id := correctionWorld(t)
	ctx := context.Background()
	if err := w.svc.ReopenTraject(ctx, id); !errors.Is(err, app.ErrTrajectNotClosed) {
		t.Errorf("reopening an open traject: %v", err)
	}
	if err := w.svc.CloseTraject(ctx, id, app.ZonderMaatregelen, app.MustDate("2019-08-01")); err != nil {
		t.Fatal(err)
	}
	later := time.Date(2020, 6, 1, 9, 0, 0, 0, time.UTC) // ten months after closing
	if rep, err := w.svc.RunRetention(ctx, later, true); err != nil || len(rep.Personen) != 1 {
		t.Fatalf("retention of the closed traject: %v, %v", rep.Personen, err)
	}
	if err := w.svc.ReopenTraject(ctx, id); err != nil {
		t.Fatal(err)
	}
	if tr := w.file(id).Traject; tr.Status != app.InBehandeling || tr.Uitkomst != "" || !tr.Afgesloten.IsZero() {
		t.Errorf("after reopening: %+v", tr)
	}
	if err := w.svc.ReopenTraject(ctx, 9999); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("unknown person: %v", err)
	}
	found := false
	for _, e := range w.audit(app.ActieWijziging) {
		found = found || (e.Object == app.ObjectTraject && e.ObjectID == id && e.Resultaat == app.ResultaatHeropend)
	}
	if !found {
		t.Error("reopening was not audited")
	}
	// The retention term of the closed traject no longer runs.
	rep, err := w.svc.RunRetention(ctx, later, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Personen) != 0 {
		t.Errorf("retention would remove persons %v of a reopened traject", rep.Personen)
	}
}
