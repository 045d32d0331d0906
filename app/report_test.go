package app_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/report/reporttest"
)

var sahin = reporttest.Subject{BSN: "999990007", SKN: "20190007", Voornamen: "Ayşe", Achternaam: "Şahin", Geboortedatum: "1990-04-12"}

// sahinDB holds Şahin with consent for onderdak and schulden, and schulden revoked.
func sahinDB(t *testing.T) *reporttest.DB {
	db := reporttest.Open(t)
	db.Detention(sahin, "2019-05-01", "2019-06-15")
	db.Informatieblad(sahin, reporttest.Sheet{
		Opgesteld: "2019-05-10",
		Consent: map[app.Domain]bool{app.Onderdak: true, app.Schulden: true, app.WerkEnInkomen: false,
			app.Identiteitsbewijs: true},
		Topics: []reporttest.Topic{
			reporttest.T("onderdak.na-detentie", "nee", "Huurwoning opgezegd."),
			reporttest.T("identiteitsbewijs.geldig", "nee", ""),
			reporttest.T("onderdak.voor-detentie", "huur", ""),
			reporttest.T("schulden.aanwezig", "ja", "MARKER-SCHULD-4711"),
			reporttest.T("contact.voorkeur", "direct", ""),
		},
		Hulpvragen: map[app.Domain]string{app.Onderdak: "Zoekt tijdelijke opvang.", app.Schulden: "MARKER-HULP-4712"},
	})
	ctx := context.Background()
	id := db.ID(sahin.BSN)
	who := "K. Bakker"
	db.World.Colleagues(who)
	_, err := db.Svc.SetFollowup(ctx, id, app.Onderdak, app.FollowupEdit{Status: app.FollowupInBehandeling, Verantwoordelijke: &who,
		Actie: &app.NextAction{Tekst: "Opvang zoeken", Datum: app.MustDate("2019-06-05")}})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 { // the last three are shown, newest first
		c := app.ContactMoment{Domain: app.Onderdak, Tijd: reporttest.Clock.Add(time.Duration(i-8) * time.Hour),
			Kanaal: app.KanaalBezoekPI, Met: fmt.Sprintf("contact %d", i), Notitie: strings.Repeat("lange notitie ", 40)}
		if _, err := db.Svc.AddContact(ctx, id, c); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Svc.SetFollowup(ctx, id, app.Schulden, app.FollowupEdit{Status: app.FollowupGeregeld}); err != nil {
		t.Fatal(err)
	}
	db.Revoke(sahin, "2019-05-20", app.Schulden)
	return db
}

func TestPersonReportModel(t *testing.T) {
	db := sahinDB(t)
	ctx := context.Background()
	id := db.ID(sahin.BSN)
	r, err := db.Svc.PersonReport(ctx, id, app.PersonReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Naam != "Ayşe Şahin" || r.BSN != "*****0007" || r.SKN != "20190007" || r.Geboortedatum.Dutch() != "12-04-1990" {
		t.Errorf("person block = %q %q %q %q", r.Naam, r.BSN, r.SKN, r.Geboortedatum.Dutch())
	}
	// The configured user, or on the team database the login role the server signed in.
	user := "T. Tester"
	if u, team := db.Svc.SignedIn(); team {
		user = u
	}
	if r.Kop.Gebruiker != user || strings.Join(r.Kop.Gemeenten, ",") != "0193" || !r.Kop.Afgedrukt.Equal(reporttest.Clock) {
		t.Errorf("header = %+v", r.Kop)
	}
	if d := r.Detentie; d == nil || d.Inrichting != "PI Zwolle" || d.Dagen != 12 || d.DagenTekst != "nog 12 dagen" || d.EinddatumStatus != "verwacht" {
		t.Errorf("detentie = %+v", r.Detentie)
	}
	if r.Casemanager.Naam != "M. de Vries" {
		t.Errorf("casemanager = %+v", r.Casemanager)
	}
	if len(r.Domeinen) != 6 {
		t.Fatalf("%d domains, want 6", len(r.Domeinen))
	}
	byDomain := map[app.Domain]app.ReportDomain{}
	for _, d := range r.Domeinen {
		byDomain[d.Domein] = d
	}
	on := byDomain[app.Onderdak]
	if on.ToestemmingTekst != "ja" || len(on.Onderwerpen) != 2 || on.Hulpvraag != "Zoekt tijdelijke opvang." {
		t.Fatalf("onderdak = %+v", on)
	}
	// Catalogue order and Dutch question texts.
	if on.Onderwerpen[0].Vraag != "Woonsituatie voor detentie" || on.Onderwerpen[1].Vraag != "Onderdak na detentie geregeld?" ||
		on.Onderwerpen[1].Toelichting != "Huurwoning opgezegd." {
		t.Errorf("onderdak topics = %+v", on.Onderwerpen)
	}
	if o := on.Opvolging; o == nil || o.Status != app.FollowupInBehandeling || o.StatusTekst != "in behandeling" ||
		o.Verantwoordelijke != "K. Bakker" || o.Actie != "Opvang zoeken" || o.Actiedatum.Dutch() != "05-06-2019" {
		t.Errorf("onderdak opvolging = %+v", on.Opvolging)
	}
	if len(on.Contacten) != app.RecentContacts || on.Contacten[0].Met != "contact 4" || on.Contacten[0].Kanaal != "bezoek in de PI" ||
		on.Contacten[0].Tijd.Format("02-01-2006 15:04") != "03-06-2019 06:15" || !strings.HasSuffix(on.Contacten[0].Notitie, "…") ||
		len([]rune(on.Contacten[0].Notitie)) != app.MaxReportNote+1 {
		t.Errorf("onderdak contacts = %+v", on.Contacten)
	}
	if id := byDomain[app.Identiteitsbewijs]; id.Opvolging == nil || id.Opvolging.Status != app.FollowupOpen || len(id.Contacten) != 0 {
		t.Errorf("identiteitsbewijs opvolging = %+v", id.Opvolging)
	}
	sc := byDomain[app.Schulden]
	if sc.ToestemmingTekst != "toestemming ingetrokken op 20-05-2019" || len(sc.Onderwerpen) != 0 || sc.Hulpvraag != "" ||
		sc.Opvolging != nil || len(sc.Contacten) != 0 {
		t.Errorf("schulden = %+v", sc)
	}
	if w := byDomain[app.WerkEnInkomen]; w.ToestemmingTekst != "nee" || len(w.Onderwerpen) != 0 || w.Opvolging != nil {
		t.Errorf("werk-en-inkomen = %+v", w)
	}
	if z := byDomain[app.Zorg]; z.ToestemmingTekst != "nee" || len(z.Onderwerpen) != 0 { // not named on the sheet
		t.Errorf("zorg = %+v", z)
	}
	if len(r.Contact) != 1 || r.Contact[0].Vraag != "Voorkeur voor contact" || r.Contact[0].Antwoord != "direct" {
		t.Errorf("contact = %+v", r.Contact)
	}

	full, err := db.Svc.PersonReport(ctx, id, app.PersonReportOptions{VolledigBSN: true})
	if err != nil {
		t.Fatal(err)
	}
	if full.BSN != "999990007" {
		t.Errorf("full BSN = %q", full.BSN)
	}

	entries, err := db.Svc.AuditLog(ctx, app.AuditFilter{Actie: app.ActieExport})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 {
		t.Fatalf("%d export entries, want 2: %+v", len(entries), entries)
	}
	e := entries[0]
	if e.Object != "persoon" || e.ObjectID != id || e.Resultaat != "ok" || e.Actor != user ||
		len(e.Domeinen) != 2 || e.Domeinen[0] != app.Identiteitsbewijs || e.Domeinen[1] != app.Onderdak {
		t.Errorf("audit entry = %+v", e)
	}
}

func TestPersonReportUnknownPersonWritesNoAudit(t *testing.T) {
	db := sahinDB(t)
	ctx := context.Background()
	if _, err := db.Svc.PersonReport(ctx, 9999, app.PersonReportOptions{}); !errors.Is(err, app.ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
	entries, err := db.Svc.AuditLog(ctx, app.AuditFilter{Actie: app.ActieExport})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 0 {
		t.Errorf("export entries after a failed report: %+v", entries)
	}
}

func TestMaskBSN(t *testing.T) {
	for in, want := range map[string]string{"999990019": "*****0019", "1234": "****", "": ""} {
		if got := app.MaskBSN(in); got != want {
			t.Errorf("MaskBSN(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDaysText(t *testing.T) {
	for in, want := range map[int]string{0: "vandaag", 1: "morgen", 12: "nog 12 dagen", -1: "gisteren", -3: "3 dagen geleden"} {
		if got := app.DaysText(in); got != want {
			t.Errorf("DaysText(%d) = %q, want %q", in, got, want)
		}
	}
}

func TestReleaseReportWindowAndOrder(t *testing.T) {
	db := sahinDB(t) // Şahin: release 15-06-2019
	// The clock reads 03-06-2019; four weeks run to 01-07-2019, both ends included.
	people := []struct {
		s   reporttest.Subject
		end string
	}{
		{reporttest.Subject{BSN: "999990020", Voornamen: "Łukasz", Achternaam: "Dvořák", Geboortedatum: "1985-01-02"}, "2019-07-01"},
		{reporttest.Subject{BSN: "999990032", Voornamen: "Minh", Achternaam: "Nguyễn", Geboortedatum: "1992-03-04"}, "2019-06-03"},
		{reporttest.Subject{BSN: "999990044", Voornamen: "Emre", Achternaam: "Öztürk", Geboortedatum: "1979-05-06"}, "2019-06-02"},
		{reporttest.Subject{BSN: "999990056", Voornamen: "Piet", Achternaam: "Later", Geboortedatum: "1970-07-08"}, "2019-07-02"},
	}
	for _, p := range people {
		db.Detention(p.s, "2019-01-01", p.end)
	}
	ctx := context.Background()
	if _, err := db.Svc.SetFollowup(ctx, db.ID(sahin.BSN), app.Onderdak, app.FollowupEdit{Status: app.FollowupGeregeld}); err != nil {
		t.Fatal(err)
	}
	l, err := db.Svc.ReleaseReport(ctx, reporttest.Clock, 4)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range l.Rijen {
		names = append(names, r.Naam)
	}
	if got := strings.Join(names, "|"); got != "Minh Nguyễn|Ayşe Şahin|Łukasz Dvořák" {
		t.Errorf("rows = %s", got)
	}
	if l.Van.Dutch() != "03-06-2019" || l.Tot.Dutch() != "01-07-2019" || l.Weken != 4 {
		t.Errorf("window = %s–%s (%d)", l.Van.Dutch(), l.Tot.Dutch(), l.Weken)
	}
	first := l.Rijen[0]
	if first.Dagen != 0 || first.Inrichting != "PI Zwolle" || first.Geboortedatum.Dutch() != "04-03-1992" || len(first.Domeinen) != 6 {
		t.Errorf("first row = %+v", first)
	}
	s := l.Rijen[1].Domeinen
	if s[0].Kort != "open" || s[1].Kort != "geregeld" || s[1].Opvolging != app.FollowupGeregeld || s[2].Kort != "nee" || s[3].Kort != "ingetr." {
		t.Errorf("Şahin statuses = %+v", s)
	}
	for _, st := range first.Domeinen { // Nguyễn: no informatieblad
		if st.Kort != "—" || st.Toestemming != app.ConsentOnbekend {
			t.Errorf("Nguyễn status = %+v", st)
		}
	}
	entries, err := db.Svc.AuditLog(ctx, app.AuditFilter{Actie: app.ActieExport})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Object != "rapport" || entries[0].Aantal != 3 || entries[0].ObjectID != 0 {
		t.Errorf("audit = %+v", entries)
	}
	for _, w := range []int{0, -1, app.MaxReleaseWeeks + 1} {
		if _, err := db.Svc.ReleaseReport(ctx, reporttest.Clock, w); err == nil {
			t.Errorf("weken %d accepted", w)
		}
	}
}
