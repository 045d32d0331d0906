package importers_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/importers"
)

// seedsV2 adds the v1 seeds, the v2 examples, every invalid v2 case and a few hostile
// variants of the v2 examples.
func seedsV2(f *testing.F) {
	seeds(f)
	for _, e := range importers.ExamplesV2() {
		f.Add(e.Data)
	}
	for _, c := range invalidV2Cases() {
		f.Add(c.doc(f))
	}
	plan := string(read(f, "voorbeelden-v2/"+plan03))
	for _, r := range [][2]string{
		{ond3, `<afspraak id="&amp;&lt;" wie="gemeente" status="open"><![CDATA[<afspraak id="x"/>]]></afspraak>`},
		{situatie, `<situatie xml:lang="nl"><!-- c -->` + strings.Repeat("é", 4096) + `</situatie>`},
		{`xmlns="urn:terugkeer:bericht:2"`, `xmlns="urn:terugkeer:bericht:2" xmlns:v1="urn:terugkeer:bericht:1"`},
		{`<leefgebied code="onderdak">`, `<v1:leefgebied xmlns:v1="urn:terugkeer:bericht:1" code="onderdak">`},
		{`<?xml version="1.0" encoding="UTF-8"?>`, "\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"windows-1252\"?>"},
		{planHead, planHead + strings.Repeat(`<leefgebied code="zorg"></leefgebied>`, 3)},
		{`</dr-plan>`, `</dr-plan><risicomelding opgesteld="2024-05-01" grondslag="art-18b-pbw"/>`},
	} {
		f.Add([]byte(strings.Replace(plan, r[0], r[1], 1)))
	}
	risk := string(read(f, "voorbeelden-v2/"+risk06))
	f.Add([]byte(strings.Replace(risk, "Melding op grond van art. 18b Pbw.", "<![CDATA[</risicomelding>]]>&#x0;", 1)))
}

// FuzzParseV2: the Decoder never panics, fails only with a reason, returns only
// messages that validate, and reads every document V1 accepts exactly as V1 does.
func FuzzParseV2(f *testing.F) {
	seedsV2(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		m, err := importers.Decoder{}.Parse(raw)
		checkErr(t, err)
		if err == nil && m.Validate() != nil {
			t.Fatal("Parse returned a message that does not validate")
		}
		if err == nil && m.Risicomelding != nil && (m.Plan != nil || m.Detentie != nil) {
			t.Fatal("a risicomelding with another body")
		}
		m1, err1 := importers.V1{}.Parse(raw)
		if err1 == nil && !reflect.DeepEqual(m, m1) {
			t.Fatalf("V1 and Decoder disagree on a v1 document: %v", err)
		}
	})
}

// FuzzExtractV2: every item of a file or mail parses, with the Decoder, to a message
// or a reason.
func FuzzExtractV2(f *testing.F) {
	seedsV2(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		items, err := importers.Decoder{}.Extract("f", raw)
		checkErr(t, err)
		for _, it := range items {
			_, err := importers.Decoder{}.Parse(it.Raw)
			checkErr(t, err)
		}
	})
}
