package importers_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
)

// personalV2 are the values of the v2 examples' envelope that no reason may hold.
var personalV2 = []string{"Samira", "Idrissi", "999995005", "23456789", "1993-04-17", "DJI-2024-0002", "Vught", "Vries", "Zwolle"}

// v2Doc is example 03 (Samira's newer plan) with each old string replaced by its new.
func v2Doc(t testing.TB, file string, oldNew ...string) []byte {
	t.Helper()
	doc := string(read(t, "voorbeelden-v2/"+file))
	for i := 0; i < len(oldNew); i += 2 {
		if !strings.Contains(doc, oldNew[i]) {
			t.Fatalf("%s does not contain %q", file, oldNew[i])
		}
		doc = strings.Replace(doc, oldNew[i], oldNew[i+1], 1)
	}
	return []byte(doc)
}

// asV1 turns a v2 document into a v1 one: namespace and versie.
func asV1(doc []byte) []byte {
	return bytes.Replace(doc, []byte(`xmlns="urn:terugkeer:bericht:2" versie="2"`), []byte(`xmlns="urn:terugkeer:bericht:1" versie="1"`), 1)
}

const (
	plan03     = "03-dr-plan-nieuwer.xml"
	risk06     = "06-risicomelding.xml"
	ond3       = `<afspraak id="ond-3" wie="gemeente" status="open" datum="2024-06-10">Intake bij de maatschappelijke opvang regelen.</afspraak>`
	netwerk    = `<leefgebied code="sociaal-netwerk">`
	situatie   = `<situatie>Goed contact met haar zus; vader overleden in 2023.</situatie>`
	planHead   = `<dr-plan opgesteld="2024-05-28" grondslag="art-18a-pbw">`
	riskHead   = `<risicomelding opgesteld="2024-05-01" grondslag="art-18b-pbw">`
	ondTopic   = `<onderwerp code="onderdak.na-detentie">`
	contact    = `<onderwerp code="contact.bereikbaarheid">`
	secretText = `<toelichting>GEHEIMXQ</toelichting>`
)

type invalidV2 struct {
	name    string
	doc     func(t testing.TB) []byte
	reason  string   // the whole reason
	secrets []string // distinctive input values the reason must not hold
}

func invalidV2Cases() []invalidV2 {
	plan := func(oldNew ...string) func(t testing.TB) []byte {
		return func(t testing.TB) []byte { return v2Doc(t, plan03, oldNew...) }
	}
	risk := func(oldNew ...string) func(t testing.TB) []byte {
		return func(t testing.TB) []byte { return v2Doc(t, risk06, oldNew...) }
	}
	return []invalidV2{
		{"topic of another leefgebied", plan(ondTopic, `<onderwerp code="zorg.medicatie"><antwoord>ja</antwoord>`+secretText+`</onderwerp>`+ondTopic),
			`het onderwerp "zorg.medicatie" hoort in leefgebied "zorg", niet in leefgebied "onderdak"`, []string{"GEHEIMXQ"}},
		{"unknown topic", plan(ondTopic, `<onderwerp code="onderdak.geheimxq"><antwoord>ja</antwoord></onderwerp>`+ondTopic),
			`onbekend onderwerp in leefgebied "onderdak"`, []string{"geheimxq"}},
		{"contact topic in a leefgebied", plan(ondTopic, `<onderwerp code="contact.voorkeur"><antwoord>direct</antwoord></onderwerp>`+ondTopic),
			`het onderwerp "contact.voorkeur" hoort direct onder dr-plan, niet in leefgebied "onderdak"`, nil},
		{"catalogue topic directly under dr-plan", plan(contact, `<onderwerp code="schulden.aanwezig"><antwoord>ja</antwoord></onderwerp>`+contact),
			`het onderwerp "schulden.aanwezig" hoort in leefgebied "schulden", niet direct onder dr-plan`, nil},
		{"unknown topic directly under dr-plan", plan(contact, `<onderwerp code="contact.geheimxq"><antwoord/></onderwerp>`+contact),
			`onbekend onderwerp direct onder dr-plan`, []string{"geheimxq"}},
		{"topic twice", plan(ondTopic, `<onderwerp code="onderdak.na-detentie"><antwoord>ja</antwoord></onderwerp>`+ondTopic),
			`het onderwerp "onderdak.na-detentie" komt twee keer voor in het D&R-plan`, nil},
		{"answer not allowed", plan(`<antwoord>nee</antwoord>`, `<antwoord>geheimxq</antwoord>`),
			`het antwoord bij onderwerp "onderdak.na-detentie" is niet toegestaan`, []string{"geheimxq"}},
		{"leefgebied twice", plan(netwerk, netwerk+situatie+`</leefgebied>`+netwerk),
			`het leefgebied "sociaal-netwerk" komt meer dan één keer voor in het D&R-plan`, nil},
		{"unknown leefgebied", plan(netwerk, `<leefgebied code="vrijetijdxq">`),
			`het D&R-plan heeft een leefgebied zonder code of met een onbekende code`, []string{"vrijetijdxq"}},
		{"leefgebied without code", plan(netwerk, `<leefgebied>`),
			`het D&R-plan heeft een leefgebied zonder code of met een onbekende code`, nil},
		{"sociaal-netwerk with a catalogue topic", plan(situatie, situatie+`<onderwerp code="zorg-voor-thuis.kinderen"><antwoord>ja</antwoord></onderwerp>`),
			`het leefgebied "sociaal-netwerk" heeft geen onderwerpen uit de catalogus`, nil},
		{"unknown wie", plan(`id="ond-3" wie="gemeente"`, `id="ond-3" wie="buurmanxq"`),
			`wie bij een afspraak in leefgebied "onderdak" ontbreekt of is onbekend; toegestaan zijn gemeente, dji, gedetineerde, reclassering of ketenpartner`,
			[]string{"buurmanxq", "ond-3", "Intake"}},
		{"missing wie", plan(`id="ond-3" wie="gemeente"`, `id="ond-3"`),
			`wie bij een afspraak in leefgebied "onderdak" ontbreekt of is onbekend; toegestaan zijn gemeente, dji, gedetineerde, reclassering of ketenpartner`, nil},
		{"wie in capitals", plan(`id="wi-1" wie="gemeente"`, `id="wi-1" wie="Gemeente"`),
			`wie bij een afspraak in leefgebied "werk-en-inkomen" ontbreekt of is onbekend; toegestaan zijn gemeente, dji, gedetineerde, reclassering of ketenpartner`, []string{"Gemeente"}},
		{"unknown status", plan(`status="open" datum="2024-06-10"`, `status="klaarxq" datum="2024-06-10"`),
			`de status van een afspraak in leefgebied "onderdak" ontbreekt of is onbekend; toegestaan zijn open, lopend, afgerond of vervallen`,
			[]string{"klaarxq", "ond-3"}},
		{"missing status", plan(`status="open" datum="2024-06-10"`, `datum="2024-06-10"`),
			`de status van een afspraak in leefgebied "onderdak" ontbreekt of is onbekend; toegestaan zijn open, lopend, afgerond of vervallen`, nil},
		{"duplicate afspraak id in a leefgebied", plan(`id="ond-3"`, `id="ond-1"`),
			`het id van een afspraak in leefgebied "onderdak" komt al eerder voor in het D&R-plan`, []string{"ond-1"}},
		{"duplicate afspraak id across leefgebieden", plan(`id="wi-1"`, `id="ond-3"`),
			`het id van een afspraak in leefgebied "werk-en-inkomen" komt al eerder voor in het D&R-plan`, []string{"ond-3", "wi-1"}},
		{"empty afspraak id", plan(`id="ond-3"`, `id=" "`),
			`een afspraak in leefgebied "onderdak" heeft geen id`, nil},
		{"missing afspraak id", plan(`id="ond-3" `, ``),
			`een afspraak in leefgebied "onderdak" heeft geen id`, nil},
		{"missing afspraak text", plan(ond3, `<afspraak id="ond-3" wie="gemeente" status="open" datum="2024-06-10">  </afspraak>`),
			`een afspraak in leefgebied "onderdak" heeft geen tekst`, []string{"ond-3"}},
		{"afspraak with a child element", plan(`regelen.</afspraak>`, `regelen.<b>GEHEIMXQ</b></afspraak>`),
			`onbekend element in <afspraak>`, []string{"GEHEIMXQ"}},
		{"bad afspraak datum", plan(`datum="2024-06-10"`, `datum="10-06-2024"`),
			`de datum van een afspraak in het D&R-plan is geen geldige datum (JJJJ-MM-DD)`, []string{"10-06-2024"}},
		{"impossible afspraak datum", plan(`datum="2024-06-10"`, `datum="2023-02-29"`),
			`de datum van een afspraak in het D&R-plan is geen geldige datum (JJJJ-MM-DD)`, []string{"2023-02-29"}},
		{"bad opgesteld", plan(`opgesteld="2024-05-28"`, `opgesteld="2024-13-28"`),
			`de datum opgesteld van het D&R-plan is geen geldige datum (JJJJ-MM-DD)`, []string{"2024-13-28"}},
		{"missing opgesteld", plan(planHead, `<dr-plan grondslag="art-18a-pbw">`),
			`de datum opgesteld van het D&R-plan ontbreekt`, nil},
		{"unknown grondslag", plan(`grondslag="art-18a-pbw"`, `grondslag="toestemmingxq"`),
			`de grondslag van het D&R-plan is onbekend; toegestaan is art-18a-pbw`, []string{"toestemmingxq"}},
		{"grondslag of a risicomelding on a plan", plan(`grondslag="art-18a-pbw"`, `grondslag="art-18b-pbw"`),
			`de grondslag van het D&R-plan is onbekend; toegestaan is art-18a-pbw`, nil},
		{"missing grondslag", plan(planHead, `<dr-plan opgesteld="2024-05-28">`),
			`de grondslag van het D&R-plan ontbreekt`, nil},
		{"two situaties", plan(situatie, situatie+`<situatie>GEHEIMXQ</situatie>`),
			`het element <situatie> komt meer dan één keer voor in <leefgebied>`, []string{"GEHEIMXQ"}},
		{"unknown attribute on afspraak", plan(`id="ond-3"`, `id="ond-3" prioriteit="hoog"`),
			`onbekend attribuut bij <afspraak>`, []string{"hoog"}},
		{"element of another namespace in dr-plan", plan(netwerk, `<x:doel xmlns:x="urn:ander">GEHEIMXQ</x:doel>`+netwerk),
			`het element <doel> in <dr-plan> hoort niet bij de naamruimte urn:terugkeer:bericht:2`, []string{"GEHEIMXQ"}},
		{"dr-plan with a detentie beside it", plan(planHead, `<detentie><begindatum>2024-01-15</begindatum></detentie>`+planHead),
			`het bericht moet precies één inhoud hebben (detentie, dr-plan of risicomelding)`, nil},
		{"dr-plan without a plan", func(t testing.TB) []byte {
			return v2Doc(t, "01-melding-begin.xml", `soort="melding-begin-detentie"`, `soort="dr-plan"`)
		},
			`een dr-plan moet een element dr-plan bevatten`, nil},
		{"melding with a plan", plan(`soort="dr-plan"`, `soort="melding-einde-detentie"`),
			`een melding-einde-detentie moet een element detentie bevatten`, nil},
		{"dr-plan in version 1", func(t testing.TB) []byte { return asV1(v2Doc(t, plan03)) },
			`onbekende soort bericht "dr-plan" voor versie 1 van het berichtformaat (die soort bestaat alleen in versie 2)`, nil},
		{"risicomelding in version 1", func(t testing.TB) []byte { return asV1(v2Doc(t, risk06)) },
			`onbekende soort bericht "risicomelding" voor versie 1 van het berichtformaat (die soort bestaat alleen in versie 2)`, nil},
		{"informatieblad in version 2", func(t testing.TB) []byte { return v2Doc(t, "07-informatieblad-v2.xml") },
			`de soort informatieblad bestaat alleen in versie 1 van het berichtformaat, niet in versie 2`, nil},
		{"intrekking in version 2", func(t testing.TB) []byte {
			return bytes.Replace(read(t, "voorbeelden/04-intrekking.xml"), []byte(`xmlns="urn:terugkeer:bericht:1" versie="1"`), []byte(`xmlns="urn:terugkeer:bericht:2" versie="2"`), 1)
		}, `de soort intrekking bestaat alleen in versie 1 van het berichtformaat, niet in versie 2`, []string{"Berg", "999990019"}},
		{"versie 1 in the v2 namespace", plan(`versie="2"`, `versie="1"`),
			`het attribuut versie past niet bij de naamruimte urn:terugkeer:bericht:2: verwacht is versie 2`, nil},
		{"unknown versie in the v2 namespace", plan(`versie="2"`, `versie="9xq"`),
			`het attribuut versie past niet bij de naamruimte urn:terugkeer:bericht:2: verwacht is versie 2`, []string{"9xq"}},
		{"missing versie", plan(` versie="2"`, ``), `het attribuut versie van het bericht ontbreekt`, nil},
		{"unknown namespace", plan(`urn:terugkeer:bericht:2`, `urn:terugkeer:bericht:3`),
			`het element <bericht> heeft een onbekende naamruimte; verwacht is urn:terugkeer:bericht:1 of urn:terugkeer:bericht:2`, nil},
		{"DTD with an entity", plan(`<?xml version="1.0" encoding="UTF-8"?>`, `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE bericht [<!ENTITY x "GEHEIMXQ">]>`),
			`het bericht bevat een DOCTYPE- of andere declaratie; DTD's en entiteiten zijn niet toegestaan`, []string{"GEHEIMXQ"}},
		{"risicomelding with an unknown grondslag", risk(`grondslag="art-18b-pbw"`, `grondslag="art-18a-pbw"`),
			`de grondslag van de risicomelding is onbekend; toegestaan is art-18b-pbw`, []string{"Melding op grond"}},
		{"risicomelding without opgesteld", risk(riskHead, `<risicomelding grondslag="art-18b-pbw">`),
			`de datum opgesteld van de risicomelding ontbreekt`, nil},
		{"risicomelding with a bad opgesteld", risk(`opgesteld="2024-05-01"`, `opgesteld="gisteren"`),
			`de datum opgesteld van de risicomelding is geen geldige datum (JJJJ-MM-DD)`, []string{"gisteren"}},
		{"risicomelding without grondslag", risk(riskHead, `<risicomelding opgesteld="2024-05-01">`),
			`de grondslag van de risicomelding ontbreekt`, nil},
		{"risicomelding with a leefgebied", risk(`<toelichting>`, `<leefgebied code="zorg"/><toelichting>`),
			`onbekend element <leefgebied> in <risicomelding>`, nil},
		{"risicomelding with two toelichtingen", risk(`</risicomelding>`, secretText+`</risicomelding>`),
			`het element <toelichting> komt meer dan één keer voor in <risicomelding>`, []string{"GEHEIMXQ", "Melding op grond"}},
	}
}

// Every invalid v2 document is refused with its one reason, which holds none of the
// document's personal data and none of the distinctive values the case put in.
func TestInvalidV2(t *testing.T) {
	for _, c := range invalidV2Cases() {
		t.Run(c.name, func(t *testing.T) {
			m, err := importers.Decoder{}.Parse(c.doc(t))
			if m != nil {
				t.Errorf("got a message for an invalid document")
			}
			ie, ok := app.AsInvalid(err)
			if !ok {
				t.Fatalf("error %v (%T) is not an *app.InvalidMessageError", err, err)
			}
			if ie.Reden != c.reason {
				t.Errorf("reason\n got %q\nwant %q", ie.Reden, c.reason)
			}
			for _, s := range append(c.secrets, personalV2...) {
				wantNotContains(t, ie.Reden, s)
			}
		})
	}
}

// The cases' documents are valid but for their one change: the unchanged examples
// parse, so each case tests the rule it names.
func TestInvalidV2BasesAreValid(t *testing.T) {
	for _, f := range []string{plan03, risk06, "01-melding-begin.xml"} {
		if _, err := (importers.Decoder{}).Parse(v2Doc(t, f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}
