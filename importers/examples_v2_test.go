package importers_test

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
)

func TestExamplesV2Embedded(t *testing.T) {
	ex := importers.ExamplesV2()
	var names []string
	for _, e := range ex {
		names = append(names, e.Name)
		if e.Dir != "voorbeelden-v2" || e.Path() != "voorbeelden-v2/"+e.Name {
			t.Errorf("%s: Dir %q, Path %q", e.Name, e.Dir, e.Path())
		}
		if string(read(t, e.Path())) != string(e.Data) {
			t.Errorf("embedded %s differs from the file", e.Name)
		}
	}
	want := []string{"01-melding-begin.xml", "02-dr-plan.eml", "03-dr-plan-nieuwer.xml", "04-melding-begin-berg.xml",
		"05-dr-plan-berg.xml", "06-risicomelding.xml", "07-informatieblad-v2.xml"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("ExamplesV2() names = %v, want %v", names, want)
	}
	entries, _ := os.ReadDir("voorbeelden-v2")
	if len(entries) != len(ex) {
		t.Errorf("%d embedded, %d on disk", len(ex), len(entries))
	}
	all := importers.AllExamples()
	if len(all) != len(importers.Examples())+len(ex) || all[0].Path() != "voorbeelden/01-melding-begin.xml" ||
		all[len(all)-1].Path() != "voorbeelden-v2/07-informatieblad-v2.xml" {
		t.Errorf("AllExamples() is not v1 then v2: %d examples", len(all))
	}
}

var (
	samira = app.Subject{BSN: "999995005", SKN: "23456789", Voornamen: "Samira", Achternaam: "El Idrissi",
		Geboortedatum: app.MustDate("1993-04-17")}
	berg = app.Subject{BSN: "999990019", SKN: "12345678", Voornamen: "Jan Willem", Voorvoegsel: "van der",
		Achternaam: "Berg", Geboortedatum: app.MustDate("1988-02-29")}
	vught = app.Contact{Naam: "M. de Vries", Telefoon: "088 000 1234", Email: "m.devries@example.test"}
)

// wantV2Header checks the envelope of a v2 example.
func wantV2Header(t *testing.T, m *app.Message, soort app.Kind, kenmerk, verzonden string, who app.Subject) {
	t.Helper()
	sent, _ := time.Parse(time.RFC3339, verzonden)
	if m.Versie != "2" || m.Soort != soort || m.Kenmerk != kenmerk || !m.Verzonden.Equal(sent) {
		t.Errorf("header = %q %q %q %v", m.Versie, m.Soort, m.Kenmerk, m.Verzonden)
	}
	if m.InrichtingCode != "PI-VGT" || m.Inrichting != "PI Vught" || m.Casemanager != vught ||
		m.GemeenteCode != "0193" || m.GemeenteNaam != "Zwolle" {
		t.Errorf("afzender/gemeente = %q %q %+v %q %q", m.InrichtingCode, m.Inrichting, m.Casemanager, m.GemeenteCode, m.GemeenteNaam)
	}
	if m.Betrokkene != who {
		t.Errorf("Betrokkene = %+v", m.Betrokkene)
	}
}

func TestExampleV2Meldingen(t *testing.T) {
	for _, c := range []struct {
		file, kenmerk, verzonden, begin, eind string
		who                                   app.Subject
	}{
		{"01-melding-begin.xml", "DJI-2024-000201", "2024-01-16T09:00:00+01:00", "2024-01-15", "2024-06-20", samira},
		{"04-melding-begin-berg.xml", "DJI-2024-000204", "2024-02-02T08:30:00+01:00", "2024-02-01", "2024-07-31", berg},
	} {
		m := parseV2(t, "voorbeelden-v2/"+c.file)
		wantV2Header(t, m, app.MeldingBegin, c.kenmerk, c.verzonden, c.who)
		want := &app.DetentionDates{Begindatum: app.MustDate(c.begin), Einddatum: app.MustDate(c.eind), EinddatumStatus: app.EindVerwacht}
		if !reflect.DeepEqual(m.Detentie, want) || m.Plan != nil || m.Risicomelding != nil {
			t.Errorf("%s: Detentie = %+v, plan %v, risicomelding %v", c.file, m.Detentie, m.Plan, m.Risicomelding)
		}
	}
}

// The parts of Samira El Idrissi's plan that 02 and 03 share.
var (
	samiraWerk = app.LifeArea{
		Code: app.WerkEnInkomen,
		Onderwerpen: []app.Answer{{Code: "werk-en-inkomen.uitkering-stopgezet", Antwoord: "ja",
			Toelichting: "Bijstand stopgezet bij insluiting."}},
		Afspraken: []app.Agreement{{ID: "wi-1", Wie: "gemeente", Status: "lopend", Datum: app.MustDate("2024-06-01"),
			Tekst: "Bijstandsaanvraag klaarzetten voor de dag van vrijlating."}},
	}
	samiraNetwerk = app.LifeArea{Code: app.SociaalNetwerk, Situatie: "Goed contact met haar zus; vader overleden in 2023."}
	samiraContact = []app.Answer{{Code: "contact.bereikbaarheid", Toelichting: "Via haar zus, 06 0000 0000."}}
	samiraOnd1    = app.Agreement{ID: "ond-1", Wie: "gemeente", Datum: app.MustDate("2024-04-15"),
		Tekst: "Aanmelden bij de woningcorporatie voor urgentie."}
)

// samiraOnderdak is her onderdak leefgebied with the given agreements.
func samiraOnderdak(afspraken ...app.Agreement) app.LifeArea {
	return app.LifeArea{
		Code:     app.Onderdak,
		Situatie: "Huurwoning opgezegd tijdens detentie; kan tijdelijk bij haar zus wonen.",
		Onderwerpen: []app.Answer{{Code: "onderdak.na-detentie", Antwoord: "nee",
			Toelichting: "Zus heeft ruimte voor hooguit zes weken."}},
		Doelen:    []string{"Binnen drie maanden na vrijlating eigen woonruimte."},
		Afspraken: afspraken,
	}
}

func TestExampleV2PlanSamira(t *testing.T) {
	items := extract(t, "voorbeelden-v2/02-dr-plan.eml")
	if len(items) != 1 || items[0].MessageID != "124762279543408@agg.example.test" {
		t.Fatalf("items = %+v", items)
	}
	m := parseV2(t, "voorbeelden-v2/02-dr-plan.eml")
	wantV2Header(t, m, app.DRPlan, "DJI-2024-000202", "2024-03-12T14:00:00+01:00", samira)
	ond1 := samiraOnd1
	ond1.Status = "open"
	zorg := app.LifeArea{
		Code:        app.Zorg,
		Situatie:    "Behandeling bij de ggz loopt in de inrichting.",
		Onderwerpen: []app.Answer{{Code: "zorg.verzekering", Antwoord: "geschorst"}},
		Afspraken: []app.Agreement{{ID: "zo-1", Wie: "dji", Status: "open", Datum: app.MustDate("2024-05-01"),
			Tekst: "Overdracht naar de ggz in de regio."}},
	}
	want := &app.Plan{
		Opgesteld: app.MustDate("2024-03-12"), Grondslag: app.GrondslagPlan,
		Leefgebieden: []app.LifeArea{
			samiraOnderdak(ond1, app.Agreement{ID: "ond-2", Wie: "dji", Status: "afgerond", Tekst: "Inschrijving Woningnet tijdens detentie."}),
			samiraWerk, zorg, samiraNetwerk,
		},
		Algemeen: samiraContact,
	}
	wantPlan(t, m, want)
}

func TestExampleV2PlanSamiraNewer(t *testing.T) {
	m := parseV2(t, "voorbeelden-v2/03-dr-plan-nieuwer.xml")
	wantV2Header(t, m, app.DRPlan, "DJI-2024-000203", "2024-05-28T11:00:00+02:00", samira)
	ond1 := samiraOnd1
	ond1.Status = "afgerond"
	want := &app.Plan{
		Opgesteld: app.MustDate("2024-05-28"), Grondslag: app.GrondslagPlan,
		Leefgebieden: []app.LifeArea{
			samiraOnderdak(ond1, app.Agreement{ID: "ond-3", Wie: "gemeente", Status: "open", Datum: app.MustDate("2024-06-10"),
				Tekst: "Intake bij de maatschappelijke opvang regelen."}),
			samiraWerk, samiraNetwerk,
		},
		Algemeen: samiraContact,
	}
	wantPlan(t, m, want)
	if _, ok := m.Plan.LifeArea(app.Zorg); ok {
		t.Error("the newer plan holds no zorg")
	}
}

func TestExampleV2PlanBerg(t *testing.T) {
	m := parseV2(t, "voorbeelden-v2/05-dr-plan-berg.xml")
	wantV2Header(t, m, app.DRPlan, "DJI-2024-000205", "2024-04-02T10:00:00+02:00", berg)
	want := &app.Plan{
		Opgesteld: app.MustDate("2024-04-02"), Grondslag: app.GrondslagPlan,
		Leefgebieden: []app.LifeArea{{
			Code:     app.Schulden,
			Situatie: "Schulden bij zorgverzekeraar en energieleverancier zijn gegroeid.",
			Onderwerpen: []app.Answer{
				{Code: "schulden.aanwezig", Antwoord: "ja"},
				{Code: "schulden.omvang", Antwoord: "boven-20000"},
			},
			Afspraken: []app.Agreement{{ID: "sch-1", Wie: "gemeente", Status: "open", Datum: app.MustDate("2024-07-01"),
				Tekst: "Aanmelden bij schuldhulpverlening."}},
		}},
	}
	wantPlan(t, m, want)
}

func wantPlan(t *testing.T, m *app.Message, want *app.Plan) {
	t.Helper()
	if m.Detentie != nil || m.Informatieblad != nil || m.Intrekking != nil || m.Risicomelding != nil {
		t.Error("a dr-plan with another body")
	}
	if m.Plan == nil {
		t.Fatal("no plan")
	}
	if !reflect.DeepEqual(m.Plan.Opgesteld, want.Opgesteld) || m.Plan.Grondslag != want.Grondslag {
		t.Errorf("plan opgesteld/grondslag = %v %q", m.Plan.Opgesteld, m.Plan.Grondslag)
	}
	if len(m.Plan.Leefgebieden) != len(want.Leefgebieden) {
		t.Errorf("%d leefgebieden, want %d", len(m.Plan.Leefgebieden), len(want.Leefgebieden))
	}
	for i, l := range want.Leefgebieden {
		if i < len(m.Plan.Leefgebieden) && !reflect.DeepEqual(m.Plan.Leefgebieden[i], l) {
			t.Errorf("leefgebied %d:\n got %+v\nwant %+v", i, m.Plan.Leefgebieden[i], l)
		}
	}
	if !reflect.DeepEqual(m.Plan.Algemeen, want.Algemeen) {
		t.Errorf("algemeen = %+v", m.Plan.Algemeen)
	}
}

// The risicomelding parses to what routing needs, and nothing of its toelichting is
// in the Message.
func TestExampleV2Risicomelding(t *testing.T) {
	m := parseV2(t, "voorbeelden-v2/06-risicomelding.xml")
	wantV2Header(t, m, app.Risicomelding, "DJI-2024-000206", "2024-05-01T09:00:00+02:00", samira)
	want := &app.RiskReport{Opgesteld: app.MustDate("2024-05-01"), Grondslag: app.GrondslagRisico}
	if !reflect.DeepEqual(m.Risicomelding, want) || m.Plan != nil || m.Detentie != nil {
		t.Errorf("Risicomelding = %+v", m.Risicomelding)
	}
	wantContains(t, string(read(t, "voorbeelden-v2/06-risicomelding.xml")), "Melding op grond van")
	dump, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	wantNotContains(t, string(dump), "Melding op grond van")
	if d := reflect.ValueOf(*m.Risicomelding).NumField(); d != 2 {
		t.Errorf("RiskReport has %d fields; only opgesteld and grondslag may be kept", d)
	}
}

func TestExampleV2Informatieblad(t *testing.T) {
	items := extract(t, "voorbeelden-v2/07-informatieblad-v2.xml")
	m, err := importers.Decoder{}.Parse(items[0].Raw)
	if m != nil {
		t.Error("an informatieblad in version 2 parsed")
	}
	wantInvalid(t, err, "de soort informatieblad bestaat alleen in versie 1 van het berichtformaat, niet in versie 2")
}

// At the importer level the seven v2 examples are five messages to store, one
// informatieblad the parser refuses and one risicomelding that the import routes to
// quarantine: 5 imported and 2 quarantined, as the spec's "The examples" says.
func TestExamplesV2Classified(t *testing.T) {
	var store, refused, risk []string
	for _, e := range importers.ExamplesV2() {
		items, err := importers.Decoder{}.Extract(e.Path(), e.Data)
		if err != nil || len(items) != 1 {
			t.Fatalf("%s: %d items, %v", e.Name, len(items), err)
		}
		m, err := importers.Decoder{}.Parse(items[0].Raw)
		switch {
		case err != nil:
			refused = append(refused, e.Name)
		case m.Risicomelding != nil:
			risk = append(risk, e.Name)
		default:
			store = append(store, e.Name)
		}
	}
	if got := strings.Join(store, " "); got != "01-melding-begin.xml 02-dr-plan.eml 03-dr-plan-nieuwer.xml 04-melding-begin-berg.xml 05-dr-plan-berg.xml" {
		t.Errorf("to store: %s", got)
	}
	if len(refused) != 1 || refused[0] != "07-informatieblad-v2.xml" || len(risk) != 1 || risk[0] != "06-risicomelding.xml" {
		t.Errorf("refused %v, risicomelding %v", refused, risk)
	}
}

// The v1 examples parse with the Decoder exactly as with V1.
func TestDecoderReadsV1AsV1(t *testing.T) {
	for _, e := range importers.Examples() {
		items, _ := importers.V1{}.Extract(e.Path(), e.Data)
		for _, it := range items {
			m1, err1 := importers.V1{}.Parse(it.Raw)
			m2, err2 := importers.Decoder{}.Parse(it.Raw)
			if !reflect.DeepEqual(m1, m2) || !reflect.DeepEqual(err1, err2) {
				t.Errorf("%s: V1 %+v %v, Decoder %+v %v", e.Name, m1, err1, m2, err2)
			}
		}
	}
}
