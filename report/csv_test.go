package report_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/report"
)

// The CSV opens in Dutch Excel by double click: UTF-8 with a byte-order mark, ';'
// between fields, CRLF; the BSN as the list holds it (masked); and a cell Excel would run
// as a formula starts with a ' (CSV injection).
func TestListCSVForExcel(t *testing.T) {
	l := syntheticList(2)
	l.Rijen[0].Naam = "=HYPERLINK(\"http://x\";\"Şahin\")"
	l.Rijen[0].BSN = app.MaskBSN("999990019")
	l.Rijen[1].Inrichting = "+31 PI; Zwolle"
	l.Rijen[1].Naam = "@Berg"
	var b bytes.Buffer
	if err := report.WriteListCSV(&b, l); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, "\uFEFFNaam;BSN;Geboortedatum;Inrichting;Einddatum;Status;Vrijlating;Controle nodig;Identiteitsbewijs;Onderdak;Werk en inkomen;Schulden;Zorg;Zorg voor thuis\r\n") {
		t.Fatalf("head %q", out[:min(len(out), 200)])
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF")))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("%d records", len(recs))
	}
	first, second := recs[1], recs[2]
	if first[0] != `'=HYPERLINK("http://x";"Şahin")` || first[1] != "*****0019" {
		t.Errorf("first row %q", first)
	}
	if second[0] != "'@Berg" || second[3] != "'+31 PI; Zwolle" {
		t.Errorf("second row %q", second)
	}
	if first[4] != l.Rijen[0].Vrijlating.Dutch() || first[6] != "vandaag" || first[7] != "nee" {
		t.Errorf("dates and flags %q", first)
	}
	for i, s := range l.Rijen[0].Domeinen {
		want := map[app.ConsentState]string{app.ConsentNee: "geen toestemming", app.ConsentIngetrokken: "toestemming ingetrokken",
			app.ConsentOnbekend: "geen informatieblad"}[s.Toestemming]
		if s.Opvolging != "" {
			want = s.Opvolging.Label()
		}
		if first[8+i] != want {
			t.Errorf("domain %s: %q, want %q", s.Domein, first[8+i], want)
		}
	}
}
