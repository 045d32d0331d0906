package main

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
)

const examplesV2 = "../../importers/voorbeelden-v2"

// The done-when of issue 14 (berichtformaat-v2.md, "The examples"): the v1 examples and
// then the v2 examples imported into a fresh database for gemeente 0193.
func TestExamplesV2EndToEnd(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--gemeente", "0193")
	c.ok("import", examples)
	lines := strings.Split(strings.TrimSpace(c.ok("import", "--json", examplesV2)), "\n")
	results := map[string]int{}
	for _, l := range lines {
		var r resultJSON
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		results[r.Resultaat]++
		if strings.HasSuffix(r.Bron, "-dr-plan.eml") || strings.HasSuffix(r.Bron, "-dr-plan-nieuwer.xml") ||
			strings.HasSuffix(r.Bron, "-dr-plan-berg.xml") {
			if r.Soort != "dr-plan" || r.Resultaat != "geimporteerd" || r.Weggelaten != 0 {
				t.Errorf("plan import: %+v", r)
			}
		}
		if strings.HasSuffix(r.Bron, "06-risicomelding.xml") && (r.Soort != "risicomelding" || r.Resultaat != "quarantaine") {
			t.Errorf("risicomelding import: %+v", r)
		}
	}
	if len(lines) != 7 || results["geimporteerd"] != 5 || results["quarantaine"] != 2 {
		t.Errorf("v2 import: %d lines, results %v; want 5 imported and 2 quarantined", len(lines), results)
	}
	checkSamira(t, c.show("--bsn", "999995005"))
	checkBergV2(t, c.show("--bsn", "999990019"))
	checkAgreementSignals(t, c.dashboard("--nu", "2024-06-05", "--dagen", "14"))
}

func checkSamira(t *testing.T, f showJSON) {
	t.Helper()
	p := f.Plan
	if p == nil || p.Kenmerk != "DJI-2024-000203" || p.Opgesteld != "2024-05-28" || p.Grondslag != "art-18a-pbw" {
		t.Fatalf("Samira's plan = %+v, want the plan of 03 (2024-05-28)", p)
	}
	var areas []string
	for code := range p.Leefgebieden {
		areas = append(areas, code)
	}
	slices.Sort(areas)
	if !slices.Equal(areas, []string{"onderdak", "sociaal-netwerk", "werk-en-inkomen"}) {
		t.Errorf("leefgebieden = %v", areas)
	}
	status := map[string]string{}
	for _, l := range p.Leefgebieden {
		for _, a := range l.Afspraken {
			status[a.ID] = a.Status
		}
	}
	if status["ond-1"] != "afgerond" || status["ond-3"] != "open" || status["ond-2"] != "" || status["zo-1"] != "" {
		t.Errorf("agreements = %v", status)
	}
	if len(p.Algemeen) != 1 || p.Algemeen[0].Code != "contact.bereikbaarheid" {
		t.Errorf("algemeen = %+v", p.Algemeen)
	}
	if g := f.Domeinen["zorg"].Grondslag; g == nil || len(g) != 0 {
		t.Errorf("zorg grondslag = %#v, want []", g)
	}
	if len(f.Domeinen) != 7 {
		t.Errorf("%d domains, want 7", len(f.Domeinen))
	}
	for d, df := range f.Domeinen {
		if df.Opvolging == nil || df.Opvolging.Status != "open" {
			t.Errorf("Samira's follow-up on %s = %+v, want open", d, df.Opvolging)
		}
	}
}

func checkBergV2(t *testing.T, f showJSON) {
	t.Helper()
	sch := f.Domeinen["schulden"]
	if sch.Toestemming != "ingetrokken" || len(sch.Onderwerpen) != 0 || sch.Hulpvraag != "" {
		t.Errorf("schulden = %+v, want ingetrokken without its informatieblad topics", sch)
	}
	if !reflect.DeepEqual(sch.Grondslag, []string{"art-18a-pbw"}) {
		t.Errorf("schulden grondslag = %v", sch.Grondslag)
	}
	if g := f.Domeinen["onderdak"].Grondslag; !reflect.DeepEqual(g, []string{"toestemming"}) {
		t.Errorf("onderdak grondslag = %v", g)
	}
	if len(f.Detenties) != 2 || f.Detenties[1].Begindatum != "2024-02-01" {
		t.Errorf("detenties = %+v, want the 2019 one and a second", f.Detenties)
	}
	if f.Plan == nil || f.Plan.Kenmerk != "DJI-2024-000205" || len(f.Plan.Leefgebieden) != 1 ||
		len(f.Plan.Leefgebieden["schulden"].Onderwerpen) != 2 {
		t.Errorf("Berg's plan = %+v", f.Plan)
	}
	checkDomainsV1(t, f)
}

// checkDomainsV1 checks that Berg's 2019 file is as the v1 examples left it.
func checkDomainsV1(t *testing.T, f showJSON) {
	t.Helper()
	want := map[string]string{"identiteitsbewijs": "ja", "onderdak": "ja", "werk-en-inkomen": "nee",
		"schulden": "ingetrokken", "zorg": "nee", "zorg-voor-thuis": "ja", "sociaal-netwerk": "onbekend"}
	for d, w := range want {
		if got := f.Domeinen[d].Toestemming; got != w {
			t.Errorf("%s toestemming = %s, want %s", d, got, w)
		}
	}
}

func checkAgreementSignals(t *testing.T, db dashboardJSON) {
	t.Helper()
	var got []string
	for _, s := range db.Signalen {
		if s.Soort != "afspraak-gemeente" {
			continue
		}
		got = append(got, s.Datum+" "+s.Domein+" "+s.Actie)
		if s.BSN != "999995005" || s.Naam != "Samira El Idrissi" || s.PersoonID == 0 || s.Tekst == "" {
			t.Errorf("signal = %+v", s)
		}
	}
	want := []string{
		"2024-06-01 werk-en-inkomen Bijstandsaanvraag klaarzetten voor de dag van vrijlating.", // wi-1, passed
		"2024-06-10 onderdak Intake bij de maatschappelijke opvang regelen.",                   // ond-3
	}
	if !slices.Equal(got, want) || db.Aantallen["afspraak-gemeente"] != 2 {
		t.Errorf("afspraak-gemeente signals:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, s := range db.Signalen {
		if s.Soort == "afspraak-gemeente" && s.Datum == "2024-06-01" && s.Dagen != -4 {
			t.Errorf("wi-1 dagen = %d, want -4", s.Dagen)
		}
	}
}

// show --json of a person without a plan: "plan" is null, opvolging only where consent is ja.
func TestShowJSONWithoutPlan(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--gemeente", "0193")
	c.ok("import", examples)
	out := c.ok("show", "--json", "--bsn", "999990019")
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	if string(raw["plan"]) != "null" {
		t.Errorf("plan = %s, want null", raw["plan"])
	}
	f := c.show("--bsn", "999990019")
	for d, df := range f.Domeinen {
		if (df.Opvolging != nil) != (df.Toestemming == "ja") {
			t.Errorf("%s: toestemming %s, opvolging %+v", d, df.Toestemming, df.Opvolging)
		}
	}
	if g := f.Domeinen["schulden"].Grondslag; g == nil || len(g) != 0 {
		t.Errorf("revoked schulden grondslag = %#v, want []", g)
	}
}
