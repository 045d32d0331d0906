package app_test

import (
	"bytes"
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
)

// newWorldV2 is newWorld with the decoder of both format versions, on 5 June 2024.
func newWorldV2(t *testing.T) *world {
	t.Helper()
	w := newWorld(t)
	w.clock = time.Date(2024, 6, 5, 10, 0, 0, 0, time.UTC)
	w.svc = app.NewService(w.db, importers.Decoder{}, func() time.Time { return w.clock })
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

// The v2 examples after the v1 examples into one database: the risicomelding and the
// informatieblad in version 2 are quarantined with their reasons, the meldingen are
// imported. The dr-plans are the plan rules' to store.
func TestExamplesV2Import(t *testing.T) {
	w := newWorldV2(t)
	ctx := context.Background()
	for _, e := range importers.AllExamples() {
		rs, err := w.svc.ImportBytes(ctx, e.Path(), "", e.Data)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			want := map[string]app.Outcome{
				"voorbeelden-v2/01-melding-begin.xml":      app.Geimporteerd,
				"voorbeelden-v2/04-melding-begin-berg.xml": app.Geimporteerd,
				"voorbeelden-v2/06-risicomelding.xml":      app.Quarantaine,
				"voorbeelden-v2/07-informatieblad-v2.xml":  app.Quarantaine,
			}[r.Bron]
			if want != "" && r.Resultaat != want {
				t.Errorf("%s: %s (%s), want %s", r.Bron, r.Resultaat, r.Reden, want)
			}
			if r.Bron == "voorbeelden-v2/07-informatieblad-v2.xml" && r.Reden != "de soort informatieblad bestaat alleen in versie 1 van het berichtformaat, niet in versie 2" {
				t.Errorf("07: reason %q", r.Reden)
			}
			if r.Bron == "voorbeelden-v2/06-risicomelding.xml" && r.Reden != app.RisicomeldingReden {
				t.Errorf("06: reason %q", r.Reden)
			}
		}
	}
}
