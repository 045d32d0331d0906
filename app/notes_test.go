package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// Notes (aantekeningen) per domain (issue 18): only where follow-up is allowed, in the
// person file beside the contacts, corrected and removed without leaving the old text
// on disk, audited without their text.
func TestNotesUnderTheFollowupRules(t *testing.T) {
	w, id := correctionWorld(t) // consent for onderdak and schulden
	ctx := context.Background()
	var ce *app.ConsentRequiredError
	if _, err := w.svc.AddNote(ctx, id, app.Zorg, "NOTEMARK-zorg"); !errors.As(err, &ce) {
		t.Errorf("note on zorg without consent: %v", err)
	}
	var ve *app.ValidationError
	if _, err := w.svc.AddNote(ctx, id, app.Onderdak, "  "); !errors.As(err, &ve) || ve.Field != app.FieldAantekening || ve.Code != app.ProblemMissing {
		t.Errorf("empty note: %v", err)
	}
	if _, err := w.svc.AddNote(ctx, id, app.Onderdak, strings.Repeat("x", app.MaxAantekening+1)); !errors.As(err, &ve) || ve.Code != app.ProblemTooLong {
		t.Errorf("long note: %v", err)
	}
	if _, err := w.svc.AddNote(ctx, id, app.DomainAlgemeen, "x"); err == nil {
		t.Error("a note on algemeen was accepted")
	}
	if err := w.svc.SetSetting(ctx, app.SettingGebruiker, "Petra"); err != nil {
		t.Fatal(err)
	}
	n, err := w.svc.AddNote(ctx, id, app.Onderdak, " NOTEMARK-oud: wacht op de corporatie ")
	if err != nil {
		t.Fatal(err)
	}
	if n.ID == 0 || n.Door != "Petra" || n.Tekst != "NOTEMARK-oud: wacht op de corporatie" || !n.Vastgelegd.Equal(w.clock) {
		t.Errorf("added %+v", n)
	}
	pf := w.file(id)
	if got := pf.Domeinen[app.Onderdak].Aantekeningen; len(got) != 1 || got[0] != n {
		t.Errorf("file holds %+v", got)
	}
	if pf.Traject.Status != app.InBehandeling {
		t.Errorf("a note did not start the traject: %+v", pf.Traject)
	}
	if z := pf.Domeinen[app.Zorg].Aantekeningen; z != nil {
		t.Errorf("zorg shows notes %+v", z)
	}
	w.present("NOTEMARK-oud")

	if _, err := w.svc.CorrectNote(ctx, id, n.ID, n.Tekst); !errors.As(err, &ve) || ve.Code != app.ProblemNothing {
		t.Errorf("unchanged correction: %v", err)
	}
	if _, err := w.svc.CorrectNote(ctx, id+1, n.ID, "x"); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("correction through another person: %v", err)
	}
	c, err := w.svc.CorrectNote(ctx, id, n.ID, "NOTEMARK-nieuw")
	if err != nil {
		t.Fatal(err)
	}
	if c.Tekst != "NOTEMARK-nieuw" || c.Gewijzigd.IsZero() || c.Door != "Petra" {
		t.Errorf("corrected %+v", c)
	}
	w.absent("NOTEMARK-oud")
	if err := w.svc.RemoveNote(ctx, id, n.ID); err != nil {
		t.Fatal(err)
	}
	if got := w.file(id).Domeinen[app.Onderdak].Aantekeningen; len(got) != 0 {
		t.Errorf("after removal %+v", got)
	}
	w.absent("NOTEMARK-nieuw")
	if err := w.svc.RemoveNote(ctx, id, n.ID); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("second removal: %v", err)
	}

	results := map[string]int{}
	for _, e := range w.audit(app.ActieWijziging) {
		if strings.Contains(e.Resultaat+e.Actor+e.Grondslag+e.Bron, "NOTEMARK") {
			t.Errorf("audit entry carries text: %+v", e)
		}
		if len(e.Domeinen) == 1 && e.Domeinen[0] == app.Onderdak {
			results[e.Resultaat]++
		}
	}
	if results["ok"] != 1 || results[app.ResultaatAantekeningGewijzigd] != 1 || results[app.ResultaatAantekeningVerwijderd] != 1 {
		t.Errorf("audit results for onderdak: %v", results)
	}
}

// A revocation purges the domain's notes with its follow-up, counted in the purge's
// audit entry (which names no text); removing the person takes the rest.
func TestNotesGoWithTheDomainAndThePerson(t *testing.T) {
	w, id := correctionWorld(t)
	ctx := context.Background()
	for _, d := range []app.Domain{app.Onderdak, app.Schulden} {
		for _, m := range []string{"a", "b"} {
			if _, err := w.svc.AddNote(ctx, id, d, "PURGEMARK-"+string(d)+"-"+m); err != nil {
				t.Fatal(err)
			}
		}
	}
	w.present("PURGEMARK-onderdak-a", "PURGEMARK-schulden-b")
	w.mustImport(intrekking("999990019", "Jansen", "2019-07-01", "onderdak"))
	pf := w.file(id)
	if n := len(pf.Domeinen[app.Onderdak].Aantekeningen); n != 0 {
		t.Errorf("%d onderdak notes after the revocation", n)
	}
	if n := len(pf.Domeinen[app.Schulden].Aantekeningen); n != 2 {
		t.Errorf("%d schulden notes, want 2", n)
	}
	w.absent("PURGEMARK-onderdak-a", "PURGEMARK-onderdak-b")
	// Onderdak held one topic, one hulpvraag, the two notes and the follow-up record the
	// first note's traject start does not make: 4 items.
	var purge *app.AuditEntry
	for _, e := range w.audit(app.ActiePurge) {
		if len(e.Domeinen) == 1 && e.Domeinen[0] == app.Onderdak {
			purge = &e
		}
	}
	if purge == nil || purge.Aantal != 4 {
		t.Errorf("purge audit for onderdak = %+v, want 4 items", purge)
	}
	if err := w.svc.RemovePerson(ctx, id); err != nil {
		t.Fatal(err)
	}
	w.absent("PURGEMARK-schulden-a", "PURGEMARK-schulden-b")
}

// Retention removes a person with their notes once the term of the closed traject ends.
func TestNotesGoWithRetention(t *testing.T) {
	w, id := correctionWorld(t)
	ctx := context.Background()
	if _, err := w.svc.AddNote(ctx, id, app.Onderdak, "RETENTIONMARK-note"); err != nil {
		t.Fatal(err)
	}
	if err := w.svc.CloseTraject(ctx, id, app.ZonderMaatregelen, app.MustDate("2019-08-01")); err != nil {
		t.Fatal(err)
	}
	w.present("RETENTIONMARK-note")
	rep, err := w.svc.RunRetention(ctx, time.Date(2020, 6, 1, 9, 0, 0, 0, time.UTC), false)
	if err != nil || len(rep.Personen) != 1 {
		t.Fatalf("retention: %+v, %v", rep, err)
	}
	w.absent("RETENTIONMARK-note")
}
