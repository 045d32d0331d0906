package importers_test

import (
	"os"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
)

func TestExamplesEmbedded(t *testing.T) {
	ex := importers.Examples()
	var names []string
	for _, e := range ex {
		names = append(names, e.Name)
		onDisk := read(t, "voorbeelden/"+e.Name)
		if string(onDisk) != string(e.Data) {
			t.Errorf("embedded %s differs from the file", e.Name)
		}
	}
	want := []string{"01-melding-begin.xml", "02-informatieblad.eml", "03-melding-einde.eml",
		"04-intrekking.xml", "05-notificatie.eml", "06-ongeldig-bsn.xml"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("Examples() names = %v, want %v", names, want)
	}
	entries, _ := os.ReadDir("voorbeelden")
	if len(entries) != len(ex) {
		t.Errorf("%d embedded, %d on disk", len(ex), len(entries))
	}
}

func TestExampleMeldingBegin(t *testing.T) {
	m := parseOne(t, "voorbeelden/01-melding-begin.xml")
	if m.Soort != app.MeldingBegin || m.Kenmerk != "AGG-2019-000101" || m.Versie != "1" {
		t.Errorf("header = %q %q %q", m.Soort, m.Kenmerk, m.Versie)
	}
	wantSent := time.Date(2019, 5, 21, 6, 0, 0, 0, time.UTC)
	if !m.Verzonden.Equal(wantSent) {
		t.Errorf("Verzonden = %v, want %v", m.Verzonden, wantSent)
	}
	if m.InrichtingCode != "PI-ZWL" || m.Inrichting != "PI Zwolle" || m.GemeenteCode != "0193" || m.GemeenteNaam != "Zwolle" {
		t.Errorf("afzender/gemeente = %q %q %q %q", m.InrichtingCode, m.Inrichting, m.GemeenteCode, m.GemeenteNaam)
	}
	wantCM := app.Contact{Naam: "M. de Vries", Telefoon: "088 000 1234", Email: "m.devries@example.test"}
	if m.Casemanager != wantCM {
		t.Errorf("Casemanager = %+v", m.Casemanager)
	}
	wantSubject := app.Subject{BSN: "999990019", SKN: "12345678", Voornamen: "Jan Willem",
		Voorvoegsel: "van der", Achternaam: "Berg", Geboortedatum: app.MustDate("1988-02-29")}
	if m.Betrokkene != wantSubject {
		t.Errorf("Betrokkene = %+v", m.Betrokkene)
	}
	d := m.Detentie
	if d == nil || !d.Begindatum.Equal(app.MustDate("2019-05-20")) || !d.Einddatum.Equal(app.MustDate("2019-08-14")) || d.EinddatumStatus != app.EindVerwacht {
		t.Errorf("Detentie = %+v", d)
	}
	if m.Informatieblad != nil || m.Intrekking != nil {
		t.Error("unexpected second body")
	}
}

func TestExampleInformatieblad(t *testing.T) {
	items := extract(t, "voorbeelden/02-informatieblad.eml")
	if len(items) != 1 || items[0].MessageID != "280939701915570@agg.example.test" || items[0].Bron != "voorbeelden/02-informatieblad.eml" {
		t.Fatalf("items = %+v", items)
	}
	m := parseOne(t, "voorbeelden/02-informatieblad.eml")
	if m.Soort != app.Informatieblad || m.Kenmerk != "AGG-2019-000102" || m.Betrokkene.BSN != "999990019" {
		t.Errorf("header = %q %q %q", m.Soort, m.Kenmerk, m.Betrokkene.BSN)
	}
	s := m.Informatieblad
	if s == nil || !s.Opgesteld.Equal(app.MustDate("2019-06-03")) {
		t.Fatalf("Informatieblad = %+v", s)
	}
	wantConsent := map[app.Domain]bool{app.Identiteitsbewijs: true, app.Onderdak: true, app.WerkEnInkomen: false,
		app.Schulden: true, app.Zorg: false, app.ZorgVoorThuis: true}
	if !reflect.DeepEqual(s.Toestemming, wantConsent) {
		t.Errorf("Toestemming = %v", s.Toestemming)
	}
	var codes []string
	for _, a := range s.Onderwerpen {
		codes = append(codes, a.Code)
	}
	wantCodes := []string{"identiteitsbewijs.geldig", "identiteitsbewijs.aanvraag", "onderdak.voor-detentie",
		"onderdak.behoud", "onderdak.na-detentie", "schulden.aanwezig", "schulden.omvang", "schulden.hulpverlening",
		"zorg-voor-thuis.kinderen", "contact.bereikbaarheid", "contact.voorkeur"}
	if !slices.Equal(codes, wantCodes) {
		t.Errorf("topics = %v", codes)
	}
	wantFirst := app.Answer{Code: "identiteitsbewijs.geldig", Antwoord: "nee", Toelichting: "Paspoort verlopen in 2018."}
	if s.Onderwerpen[0] != wantFirst {
		t.Errorf("first topic = %+v", s.Onderwerpen[0])
	}
	if a := s.Onderwerpen[9]; a.Antwoord != "" || a.Toelichting != "06 0000 0000, post via zus." {
		t.Errorf("contact.bereikbaarheid = %+v", a)
	}
	wantHulp := map[app.Domain]string{app.Onderdak: "Zoekt tijdelijke opvang.", app.Schulden: "Wil graag een afspraak met schuldhulp."}
	if !reflect.DeepEqual(s.Hulpvragen, wantHulp) {
		t.Errorf("Hulpvragen = %v", s.Hulpvragen)
	}
}

func TestExampleMeldingEinde(t *testing.T) {
	m := parseOne(t, "voorbeelden/03-melding-einde.eml")
	d := m.Detentie
	if m.Soort != app.MeldingEinde || m.Kenmerk != "AGG-2019-000103" || d == nil {
		t.Fatalf("message = %+v", m)
	}
	if d.EinddatumStatus != app.EindDefinitief || !d.Einddatum.Equal(app.MustDate("2019-08-12")) || !d.Begindatum.Equal(app.MustDate("2019-05-20")) {
		t.Errorf("Detentie = %+v", d)
	}
}

func TestExampleIntrekking(t *testing.T) {
	m := parseOne(t, "voorbeelden/04-intrekking.xml")
	r := m.Intrekking
	if m.Soort != app.Intrekking || r == nil || r.Alle || !slices.Equal(r.Domeinen, []app.Domain{app.Schulden}) ||
		!r.Ondertekend.Equal(app.MustDate("2019-07-01")) {
		t.Errorf("Intrekking = %+v", r)
	}
}

func TestExampleNotificatie(t *testing.T) {
	if items := extract(t, "voorbeelden/05-notificatie.eml"); len(items) != 0 {
		t.Errorf("%d items, want none", len(items))
	}
}

func TestExampleOngeldigBSN(t *testing.T) {
	items := extract(t, "voorbeelden/06-ongeldig-bsn.xml")
	_, err := importers.V1{}.Parse(items[0].Raw)
	wantInvalid(t, err, "elfproef")
}
