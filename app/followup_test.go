package app_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

func ptr[T any](v T) *T { return &v }

func (w *world) personID(bsn string) int64 {
	w.t.Helper()
	id, err := w.svc.FindPerson(context.Background(), bsn, "")
	if err != nil {
		w.t.Fatal(err)
	}
	return id
}

func (w *world) file(id int64) *app.PersonFile {
	w.t.Helper()
	f, err := w.svc.PersonFile(context.Background(), id)
	if err != nil {
		w.t.Fatal(err)
	}
	return f
}

func TestFollowupOnlyWithConsent(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	w.mustImport(melding("999990019", "Jansen", "2019-06-01", "2019-09-10"))
	w.mustImport(sheet("999990019", "Jansen", "2019-06-03", "M", app.Onderdak))
	id := w.personID("999990019")

	_, err := w.svc.SetFollowup(ctx, id, app.Zorg, app.FollowupEdit{Status: app.FollowupInBehandeling})
	var ce *app.ConsentRequiredError
	if !errors.As(err, &ce) || ce.State != app.ConsentNee || !strings.Contains(err.Error(), "toestemming") {
		t.Errorf("follow-up for zorg without consent: %v", err)
	}
	_, err = w.svc.AddContact(ctx, id, app.ContactMoment{Domain: app.Zorg, Kanaal: app.KanaalTelefoon})
	if !errors.As(err, &ce) {
		t.Errorf("contact for zorg without consent: %v", err)
	}
	if _, err := w.svc.SetFollowup(ctx, id, app.Onderdak, app.FollowupEdit{}); err == nil {
		t.Error("an empty edit was accepted")
	}
	if _, err := w.svc.SetFollowup(ctx, id, app.Onderdak, app.FollowupEdit{Actie: &app.NextAction{Tekst: "bellen"}}); err == nil {
		t.Error("an action without a date was accepted")
	}
	if _, err := w.svc.AddContact(ctx, id, app.ContactMoment{Domain: app.DomainAlgemeen, Kanaal: app.KanaalBrief,
		Tijd: w.clock.Add(time.Hour)}); err == nil {
		t.Error("a contact in the future was accepted")
	}
	if _, err := w.svc.SetFollowup(ctx, 9999, app.Onderdak, app.FollowupEdit{Status: app.FollowupGeregeld}); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("unknown person: %v", err)
	}
	if f := w.file(id); f.Traject.Status != app.Aangemeld {
		t.Errorf("refusals started the traject: %+v", f.Traject)
	}

	w.a.Colleagues("P. Collega")
	f, err := w.svc.SetFollowup(ctx, id, app.Onderdak, app.FollowupEdit{Status: app.FollowupInBehandeling,
		Verantwoordelijke: ptr("P. Collega"), Actie: &app.NextAction{Tekst: "Bel corporatie", Datum: app.MustDate("2019-09-03")}})
	if err != nil {
		t.Fatal(err)
	}
	if f.Status != app.FollowupInBehandeling || f.Verantwoordelijke != "P. Collega" || f.Actiedatum.String() != "2019-09-03" {
		t.Errorf("saved %+v", f)
	}
	w.clock = w.clock.Add(time.Hour)
	// Only the status changes; the rest stays.
	if _, err := w.svc.SetFollowup(ctx, id, app.Onderdak, app.FollowupEdit{Status: app.FollowupGeregeld}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.AddContact(ctx, id, app.ContactMoment{Domain: app.Onderdak, Kanaal: app.KanaalTelefoon,
		Met: "Corporatie", Notitie: "geheime notitie", Tijd: time.Date(2019, 8, 30, 14, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.AddContact(ctx, id, app.ContactMoment{Domain: app.DomainAlgemeen, Kanaal: app.KanaalBezoekPI}); err != nil {
		t.Fatal(err)
	}

	pf := w.file(id)
	on := pf.Domeinen[app.Onderdak]
	if on.Opvolging.Status != app.FollowupGeregeld || on.Opvolging.Verantwoordelijke != "P. Collega" || on.Opvolging.Actie != "Bel corporatie" {
		t.Errorf("onderdak follow-up = %+v", on.Opvolging)
	}
	if len(on.Geschiedenis) != 2 || on.Geschiedenis[0].Van != app.FollowupOpen || on.Geschiedenis[0].Naar != app.FollowupInBehandeling ||
		on.Geschiedenis[1].Naar != app.FollowupGeregeld || !on.Geschiedenis[1].Tijd.Equal(w.clock) {
		t.Errorf("history = %+v", on.Geschiedenis)
	}
	if len(on.Contacten) != 1 || on.Contacten[0].Notitie != "geheime notitie" || len(pf.Contacten) != 1 ||
		!pf.Contacten[0].Tijd.Equal(w.clock) {
		t.Errorf("contacts: onderdak %+v, algemeen %+v", on.Contacten, pf.Contacten)
	}
	if z := pf.Domeinen[app.Zorg]; z.Opvolging.Status != "" || z.Contacten != nil {
		t.Errorf("zorg without consent shows follow-up %+v", z)
	}
	if id := pf.Domeinen[app.Identiteitsbewijs]; id.Opvolging.Status != "" {
		t.Errorf("identiteitsbewijs (no consent) = %+v", id.Opvolging)
	}
	if pf.Traject.Status != app.InBehandeling {
		t.Errorf("traject = %+v, want in-behandeling after the first follow-up", pf.Traject)
	}

	changes := w.audit(app.ActieWijziging)
	persoon := 0
	for _, e := range changes {
		if e.Object != app.ObjectPersoon {
			continue
		}
		persoon++
		all := strings.Join([]string{e.Resultaat, e.Bron, e.Actor, e.Grondslag}, " ")
		if strings.Contains(all, "geheim") || strings.Contains(all, "Corporatie") || strings.Contains(all, "Collega") {
			t.Errorf("audit entry carries text: %+v", e)
		}
	}
	if persoon != 4 {
		t.Errorf("%d audit entries for follow-up and contacts, want 4", persoon)
	}
}

// Rule 3: a revocation purges the domain's follow-up, history and contacts, from the
// person file and from disk; algemeen contacts stay. Rule 2: a newer informatieblad
// that withdraws a domain does the same.
func TestRevocationPurgesFollowup(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	w.mustImport(melding("999990020", "Pietersen", "2019-06-01", "2019-09-10"))
	w.mustImport(sheet("999990020", "Pietersen", "2019-06-03", "S", app.Onderdak, app.Zorg, app.Schulden))
	id := w.personID("999990020")
	for _, d := range []app.Domain{app.Onderdak, app.Zorg, app.Schulden} {
		m := "FUMARK-" + string(d)
		if _, err := w.svc.SetFollowup(ctx, id, d, app.FollowupEdit{Status: app.FollowupInBehandeling,
			Actie: &app.NextAction{Tekst: m + "-actie", Datum: app.MustDate("2019-09-01")}}); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.AddContact(ctx, id, app.ContactMoment{Domain: d, Kanaal: app.KanaalTelefoon,
			Met: m + "-met", Notitie: m + "-notitie"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.svc.AddContact(ctx, id, app.ContactMoment{Domain: app.DomainAlgemeen, Kanaal: app.KanaalBrief,
		Notitie: "FUMARK-algemeen"}); err != nil {
		t.Fatal(err)
	}
	w.present("FUMARK-onderdak-notitie", "FUMARK-onderdak-actie", "FUMARK-zorg-notitie", "FUMARK-algemeen")

	w.mustImport(intrekking("999990020", "Pietersen", "2019-07-01", "onderdak"))
	// A newer sheet that no longer consents to zorg (rule 2).
	w.mustImport(sheet("999990020", "Pietersen", "2019-07-05", "T", app.Schulden))

	pf := w.file(id)
	for _, d := range []app.Domain{app.Onderdak, app.Zorg} {
		df := pf.Domeinen[d]
		if df.Opvolging.Status != "" || len(df.Contacten) != 0 || len(df.Geschiedenis) != 0 {
			t.Errorf("%s after purge: %+v", d, df)
		}
	}
	if s := pf.Domeinen[app.Schulden]; s.Opvolging.Status != app.FollowupInBehandeling || len(s.Contacten) != 1 {
		t.Errorf("schulden (still consented) = %+v", s)
	}
	if len(pf.Contacten) != 1 || pf.Contacten[0].Notitie != "FUMARK-algemeen" {
		t.Errorf("algemeen contacts = %+v", pf.Contacten)
	}
	w.absent("FUMARK-onderdak-notitie", "FUMARK-onderdak-actie", "FUMARK-onderdak-met",
		"FUMARK-zorg-notitie", "FUMARK-zorg-actie")
	if !w.onDisk("FUMARK-schulden-notitie") {
		t.Error("the consented domain's note went too")
	}
	// The purge audit counts the follow-up rows: onderdak has one topic, one hulpvraag,
	// the follow-up record, one status change and one contact.
	var onderdak *app.AuditEntry
	for _, e := range w.audit(app.ActiePurge) {
		if len(e.Domeinen) == 1 && e.Domeinen[0] == app.Onderdak {
			onderdak = &e
		}
	}
	if onderdak == nil || onderdak.Aantal != 5 {
		t.Errorf("purge audit for onderdak = %+v, want 5 items", onderdak)
	}
	// Follow-up cannot be recorded again for the revoked domain.
	if _, err := w.svc.SetFollowup(ctx, id, app.Onderdak, app.FollowupEdit{Status: app.FollowupOpen}); err == nil {
		t.Error("follow-up accepted for a revoked domain")
	}
}

func TestDashboardService(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	ams, err := app.LoadZone()
	if err != nil {
		t.Fatal(err)
	}
	w.clock = time.Date(2019, 3, 25, 9, 0, 0, 0, time.UTC)
	w.mustImport(melding("999990032", "Klaassen", "2019-01-10", "2019-04-01"))
	w.mustImport(sheet("999990032", "Klaassen", "2019-01-20", "K", app.Onderdak, app.Identiteitsbewijs))
	w.mustImport(melding("999990044", "Dekker", "2019-01-10", "2019-03-20")) // expected date passed
	id := w.personID("999990032")
	if _, err := w.svc.SetFollowup(ctx, id, app.Identiteitsbewijs, app.FollowupEdit{Status: app.FollowupGeregeld,
		Actie: &app.NextAction{Tekst: "ophalen", Datum: app.MustDate("2019-03-20")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.SetFollowup(ctx, id, app.Onderdak, app.FollowupEdit{
		Actie: &app.NextAction{Tekst: "opvang bellen", Datum: app.MustDate("2019-03-30")}}); err != nil {
		t.Fatal(err)
	}

	// 23:30 UTC on 30 March is already 31 March in Amsterdam (00:30 CET), across the
	// change to summer time on the 31st: release on 1 April is 1 day away.
	now := time.Date(2019, 3, 30, 23, 30, 0, 0, time.UTC).In(ams)
	db, err := w.svc.Dashboard(ctx, now, 0)
	if err != nil {
		t.Fatal(err)
	}
	if db.Vandaag.String() != "2019-03-31" || db.Dagen != app.DefaultSignalDays {
		t.Fatalf("vandaag %s, dagen %d", db.Vandaag, db.Dagen)
	}
	var lines []string
	for _, s := range db.Signalen {
		lines = append(lines, fmt.Sprintf("%s %s %s %d", s.Soort, s.BSN, s.Datum, s.Dagen))
	}
	want := []string{
		"vrij-niet-geregeld 999990032 2019-04-01 1",
		"actie-verlopen 999990032 2019-03-30 -1",
		"geen-contact 999990032 2019-04-01 1",
		"einddatum-verstreken 999990044 2019-03-20 -11",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("signals:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if db.Aantallen[app.SignaalNietGeregeld] != 1 || db.Aantallen[app.SignaalQuarantaine] != 0 || len(db.Aantallen) != 7 {
		t.Errorf("aantallen = %v", db.Aantallen)
	}
	if len(db.Vrijlatingen) != 1 || db.Vrijlatingen[0].Week != 14 || db.Vrijlatingen[0].Dagen != 1 ||
		len(db.Vrijlatingen[0].NietGeregeld) != 1 || db.Vrijlatingen[0].NietGeregeld[0] != app.Onderdak {
		t.Errorf("vrijlatingen = %+v", db.Vrijlatingen)
	}
	if db.Nieuw.Aantal != 3 || !db.Nieuw.LaatstBekeken.IsZero() {
		t.Errorf("nieuw = %+v, want all 3 messages before the first look", db.Nieuw)
	}

	// What arrived since the user last looked.
	if err := w.svc.MarkSeen(ctx, w.clock); err != nil {
		t.Fatal(err)
	}
	w.clock = w.clock.Add(time.Minute)
	w.importXML(melding("999990056", "Vos", "2019-03-01", ""))
	w.importXML(melding("12345", "Kapot", "2019-03-01", "")) // quarantined: BSN invalid
	db, err = w.svc.Dashboard(ctx, now, 14)
	if err != nil {
		t.Fatal(err)
	}
	if n := db.Nieuw; n.Aantal != 1 || len(n.Berichten) != 1 || n.Berichten[0].Naam != "Piet Vos" || n.Quarantaine != 1 {
		t.Errorf("nieuw after MarkSeen = %+v", n)
	}
	if db.Aantallen[app.SignaalQuarantaine] != 1 {
		t.Errorf("quarantine signal count = %d", db.Aantallen[app.SignaalQuarantaine])
	}
}
