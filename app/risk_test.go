package app_test

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
)

// newWorldV2 is newWorld with the decoder of both format versions, on 5 June 2024.
func newWorldV2(t *testing.T) *world {
	t.Helper()
	w := newWorldWith(t, importers.Decoder{})
	w.clock = time.Date(2024, 6, 5, 10, 0, 0, 0, time.UTC)
	return w
}

func exampleV2(t *testing.T, name string) []byte {
	t.Helper()
	for _, e := range importers.ExamplesV2() {
		if e.Name == name {
			return e.Data
		}
	}
	t.Fatalf("no v2 example %s", name)
	return nil
}

// wantRisk checks that a result is the quarantine of the example risicomelding, with
// the spec's reason and its raw bytes.
func wantRisk(t *testing.T, w *world, r app.Result, raw []byte) {
	t.Helper()
	if r.Resultaat != app.Quarantaine || r.Reden != app.RisicomeldingReden || r.Soort != app.Risicomelding ||
		r.Kenmerk != "DJI-2024-000206" || r.PersonID != 0 {
		t.Fatalf("result = %+v", r)
	}
	q, err := w.svc.QuarantineItem(context.Background(), r.QuarantineID)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(q.Raw, raw) || q.Reden != app.RisicomeldingReden {
		t.Errorf("quarantined %q with %d bytes, want the %d raw bytes", q.Reden, len(q.Raw), len(raw))
	}
}

// A risicomelding for a person nobody knows goes to quarantine with the spec's reason
// and creates no person; retrying it changes nothing.
func TestRisicomeldingCreatesNoPerson(t *testing.T) {
	w := newWorldV2(t)
	raw := exampleV2(t, "06-risicomelding.xml")
	r := w.importXML(string(raw))
	wantRisk(t, w, r, raw)
	if n := w.personCount(); n != 0 {
		t.Errorf("%d persons after a risicomelding, want none", n)
	}
	rs, err := w.svc.Retry(context.Background(), r.QuarantineID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || rs[0].Resultaat != app.Quarantaine || rs[0].Reden != app.RisicomeldingReden {
		t.Errorf("retry = %+v", rs)
	}
	if n := w.personCount(); n != 0 {
		t.Errorf("%d persons after retrying a risicomelding, want none", n)
	}
	if es := w.audit("import"); len(es) != 0 {
		t.Errorf("a risicomelding was audited as imported: %+v", es)
	}
}

// A risicomelding for a known person leaves the person's file exactly as it was.
func TestRisicomeldingChangesNoPerson(t *testing.T) {
	w := newWorldV2(t)
	first := w.mustImport(string(exampleV2(t, "01-melding-begin.xml")))
	ctx := context.Background()
	before, err := w.svc.PersonFile(ctx, first.PersonID)
	if err != nil {
		t.Fatal(err)
	}
	w.clock = w.clock.Add(time.Hour)
	raw := exampleV2(t, "06-risicomelding.xml")
	wantRisk(t, w, w.importXML(string(raw)), raw)
	after, err := w.svc.PersonFile(ctx, first.PersonID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Errorf("the risicomelding changed the person's file:\nbefore %+v\nafter  %+v", before, after)
	}
	if n := w.personCount(); n != 1 {
		t.Errorf("%d persons, want 1", n)
	}
}

// The v2 examples after the v1 examples into one database for 0193: 5 imported and 2
// quarantined (06, the risicomelding, and 07, an informatieblad in version 2, each with
// its reason and raw bytes), as the spec's "The examples" says.
func TestExamplesV2Import(t *testing.T) {
	w := newWorldV2(t)
	ctx := context.Background()
	for _, e := range importers.Examples() {
		if _, err := w.svc.ImportBytes(ctx, e.Path(), "", e.Data); err != nil {
			t.Fatal(err)
		}
	}
	var v2 []app.Result
	for _, e := range importers.ExamplesV2() {
		rs, err := w.svc.ImportBytes(ctx, e.Path(), "", e.Data)
		if err != nil {
			t.Fatal(err)
		}
		v2 = append(v2, rs...)
	}
	if s := app.Summarise(v2); s != (app.Summary{Geimporteerd: 5, Quarantaine: 2}) {
		t.Errorf("v2 examples: %+v, want 5 imported and 2 quarantined", s)
	}
	reasons := map[string]string{
		"voorbeelden-v2/06-risicomelding.xml":     app.RisicomeldingReden,
		"voorbeelden-v2/07-informatieblad-v2.xml": "de soort informatieblad bestaat alleen in versie 1 van het berichtformaat, niet in versie 2",
	}
	for _, r := range v2 {
		want, quarantined := reasons[r.Bron]
		switch {
		case quarantined && (r.Resultaat != app.Quarantaine || r.Reden != want):
			t.Errorf("%s: %s (%s), want quarantaine (%s)", r.Bron, r.Resultaat, r.Reden, want)
		case quarantined:
			q, err := w.svc.QuarantineItem(ctx, r.QuarantineID)
			if err != nil || !bytes.Equal(q.Raw, exampleV2(t, strings.TrimPrefix(r.Bron, "voorbeelden-v2/"))) {
				t.Errorf("%s: quarantined bytes differ from the file (%v)", r.Bron, err)
			}
		case r.Resultaat != app.Geimporteerd:
			t.Errorf("%s: %s (%s), want geimporteerd", r.Bron, r.Resultaat, r.Reden)
		}
	}
}
