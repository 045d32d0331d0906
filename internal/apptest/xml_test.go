package apptest

import (
	"errors"
	"reflect"
	"testing"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
)

// XML is the inverse of the real parser: every message it writes parses back to itself.
func TestXMLRoundTrip(t *testing.T) {
	s := app.Subject{BSN: "999990019", SKN: "12345678", Voornamen: "Jan Willem", Voorvoegsel: "van der",
		Achternaam: "Berg & <Zn>", Geboortedatum: app.MustDate("1988-02-29")}
	sheet := Sheet(s, "2019-06-03", app.Onderdak, app.Schulden)
	sheet.Informatieblad.Onderwerpen = []app.Answer{{Code: "onderdak.na-detentie", Antwoord: "nee", Toelichting: `"opgezegd"`},
		{Code: "contact.voorkeur", Antwoord: "direct"}}
	sheet.Informatieblad.Hulpvragen[app.Onderdak] = "Zoekt opvang."
	sheet.Casemanager = app.Contact{Naam: "M. de Vries", Telefoon: "088 000 1234", Email: "m.devries@example.test"}
	plan := DRPlan(s, "2024-03-12",
		app.LifeArea{Code: app.Onderdak, Situatie: "Huur opgezegd.",
			Onderwerpen: []app.Answer{{Code: "onderdak.na-detentie", Antwoord: "nee", Toelichting: "zes weken"}},
			Doelen:      []string{"Eigen woonruimte."},
			Afspraken: []app.Agreement{{ID: "ond-1", Wie: app.WieGemeente, Status: app.AfspraakOpen,
				Datum: app.MustDate("2024-04-15"), Tekst: "Aanmelden."}, {ID: "ond-2", Wie: app.WieDJI,
				Status: app.AfspraakAfgerond, Tekst: "Inschrijven."}}},
		app.LifeArea{Code: app.SociaalNetwerk, Situatie: "Zus."})
	plan.Plan.Algemeen = []app.Answer{{Code: "contact.bereikbaarheid", Toelichting: "Via zus."}}
	risk := Message(app.Risicomelding, s)
	risk.Risicomelding = &app.RiskReport{Opgesteld: app.MustDate("2019-05-01"), Grondslag: app.GrondslagRisico}
	for name, m := range map[string]*app.Message{
		"melding":         Melding(s, "2019-05-20", "2019-08-14"),
		"informatieblad":  sheet,
		"intrekking":      Revocation(s, "2019-07-01", app.Schulden, app.Zorg),
		"intrekking alle": Revocation(s, "2019-07-01"),
		"dr-plan":         plan,
	} {
		got, err := importers.Decoder{}.Parse(XML(m))
		if err != nil {
			t.Errorf("%s: %v\n%s", name, err, XML(m))
			continue
		}
		if !got.Verzonden.Equal(m.Verzonden) {
			t.Errorf("%s: verzonden %v, want %v", name, got.Verzonden, m.Verzonden)
		}
		got.Verzonden = m.Verzonden
		if !reflect.DeepEqual(got, m) {
			t.Errorf("%s:\n got %+v\nwant %+v", name, got, m)
		}
	}
}

func TestWorld(t *testing.T) {
	w := Open(t, WithUser("T. Tester"))
	r := w.MustImport(XML(Melding(Subject("999990019", "Berg"), "2019-05-20", "")))
	if r.PersonID == 0 || !w.OnDisk("berg") {
		t.Errorf("melding: %+v", r)
	}
	if n := len(w.ImportExamples(false)); n != 6 {
		t.Errorf("v1 examples gave %d results, want 6", n)
	}
	if rs := w.ImportExamples(true); len(rs) != 7 || rs[6].Resultaat != app.Quarantaine {
		t.Errorf("v2 examples: %+v", rs)
	}
	bare := Open(t, WithGemeenten())
	_, err := bare.Svc.ImportBytes(t.Context(), "x.xml", "", XML(Melding(Subject("999990019", "Berg"), "2019-05-20", "")))
	if !errors.Is(err, app.ErrNotInitialised) {
		t.Errorf("import into an uninitialised world: %v", err)
	}
}
