package importers_test

import (
	"slices"
	"strings"

	"github.com/terugkeer/terugkeer/app"
	"testing"

	"github.com/terugkeer/terugkeer/importers"
)

// Every file in testdata/ongeldig is refused by Parse with this reason.
func TestInvalidMessages(t *testing.T) {
	cases := map[string]string{
		"malformed.xml":             "het bericht is geen geldige XML (regel 17)",
		"unknown-soort.xml":         "onbekende soort bericht",
		"invalid-bsn.xml":           "het BSN van de betrokkene voldoet niet aan de elfproef",
		"missing-achternaam.xml":    "de achternaam van de betrokkene ontbreekt",
		"missing-kenmerk.xml":       "het kenmerk van het bericht ontbreekt",
		"einde-voor-begin.xml":      "de einddatum van de detentie ligt voor de begindatum",
		"doctype-entity.xml":        "DOCTYPE",
		"wrong-namespace.xml":       "onbekende naamruimte; verwacht is urn:terugkeer:bericht:1",
		"no-namespace.xml":          "heeft geen naamruimte",
		"wrong-root.xml":            "het hoofdelement is een onbekend element in plaats van <bericht>",
		"versie-2.xml":              "het attribuut versie past niet bij de naamruimte urn:terugkeer:bericht:1: verwacht is versie 1",
		"verzonden-zonder-zone.xml": "verzonden) is geen RFC 3339-datum-tijd met tijdzone",
		"unknown-element.xml":       "onbekend element in <betrokkene>",
		"unknown-attribute.xml":     "onbekend attribuut bij <gemeente>",
		"double-element.xml":        "het element <achternaam> komt meer dan één keer voor in <betrokkene>",
		"unknown-charset.xml":       "het bericht gebruikt een onbekende tekenset (encoding in de XML-declaratie",
		"bad-date.xml":              "de geboortedatum van de betrokkene is geen geldige datum",
		"gemeente-code.xml":         "de gemeentecode is geen CBS-code van vier cijfers",
		"two-bodies.xml":            "precies één inhoud",
		"unknown-topic.xml":         "onbekend onderwerp",
		"bad-answer.xml":            `het antwoord bij onderwerp "zorg.verzekering" is niet toegestaan`,
		"bad-consent.xml":           `de toestemming voor domein "zorg" moet gegeven="ja" of gegeven="nee" hebben`,
		"unknown-domain.xml":        "de intrekking noemt geen enkel bekend domein",
	}
	for file, want := range cases {
		t.Run(file, func(t *testing.T) {
			m, err := importers.V1{}.Parse(read(t, "testdata/ongeldig/"+file))
			if m != nil {
				t.Errorf("got a message for an invalid document")
			}
			wantInvalid(t, err, want)
		})
	}
	entries := readDir(t, "testdata/ongeldig")
	if len(entries) != len(cases) {
		t.Errorf("%d files in testdata/ongeldig, %d cases", len(entries), len(cases))
	}
}

// Reasons never quote personal data: names and BSNs of the documents stay out.
func TestReasonsHoldNoPersonalData(t *testing.T) {
	for _, file := range readDir(t, "testdata/ongeldig") {
		_, err := importers.V1{}.Parse(read(t, "testdata/ongeldig/"+file))
		for _, personal := range []string{"Jansen", "Piet", "99999003", "1990-01-15", "Pietersen"} {
			wantNotContains(t, err.Error(), personal)
		}
	}
}

func TestRevocationAll(t *testing.T) {
	raw := read(t, "voorbeelden/04-intrekking.xml")
	for _, c := range []struct{ domeinen, want string }{
		{"<domein> alle </domein>", ""},
		{"<domein>zorg</domein><domein>alle</domein>", ""},
		{"<domein>zorg</domein><domein>zorg</domein>", ""},
		{"<domein>alle</domein><domein>vrije-tijd</domein>", ""},
		{"<domein> Schulden </domein><domein> ALLE </domein>", ""},
		{"<domein>vrije-tijd</domein>", "de intrekking noemt geen enkel bekend domein"},
		{"", "de intrekking noemt geen domein"},
	} {
		doc := strings.Replace(string(raw), "<domein>schulden</domein>", c.domeinen, 1)
		m, err := importers.V1{}.Parse([]byte(doc))
		if c.want != "" {
			wantInvalid(t, err, c.want)
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.domeinen, err)
		}
		all := strings.Contains(strings.ToLower(c.domeinen), "alle")
		if r := m.Intrekking; r.Alle != all || (all && !slices.Equal(r.Domeinen, app.Domains())) || (!all && len(r.Domeinen) != 1) {
			t.Errorf("%s: %+v", c.domeinen, r)
		}
	}
}

func TestEinddatum(t *testing.T) {
	raw := string(read(t, "voorbeelden/01-melding-begin.xml"))
	for _, c := range []struct{ einde, status, want string }{
		{`<einddatum status=" definitief ">2019-08-14</einddatum>`, app.EindDefinitief, ""},
		{`<einddatum status="verwacht"></einddatum>`, "", ""},
		{``, "", ""},
		{`<einddatum>2019-08-14</einddatum>`, "", "de status van de einddatum"},
		{`<einddatum status="misschien">2019-08-14</einddatum>`, "", "de status van de einddatum"},
	} {
		doc := strings.Replace(raw, `<einddatum status="verwacht">2019-08-14</einddatum>`, c.einde, 1)
		m, err := importers.V1{}.Parse([]byte(doc))
		if c.want != "" {
			wantInvalid(t, err, c.want)
			continue
		}
		if err != nil || m.Detentie.EinddatumStatus != c.status {
			t.Errorf("%s: %v %+v", c.einde, err, m)
		}
	}
}

func TestNamespacePrefixAndChildNamespace(t *testing.T) {
	raw := string(read(t, "voorbeelden/04-intrekking.xml"))
	body := strings.SplitN(raw, "\n", 2)[1] // without the XML declaration
	prefixed := strings.NewReplacer(`<bericht xmlns="urn:terugkeer:bericht:1"`, `<t:bericht xmlns:t="urn:terugkeer:bericht:1"`,
		"</", "</t:", "<", "<t:").Replace(body)
	if _, err := (importers.V1{}).Parse([]byte(prefixed)); err != nil {
		t.Errorf("prefixed document: %v\n%s", err, prefixed)
	}
	foreign := strings.Replace(raw, "<bsn>999990019</bsn>", `<bsn xmlns="urn:ander">999990019</bsn>`, 1)
	_, err := importers.V1{}.Parse([]byte(foreign))
	wantInvalid(t, err, "hoort niet bij de naamruimte")
}
