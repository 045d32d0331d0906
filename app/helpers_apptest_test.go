package app_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/storage"
)

// world is a real service on a real SQLite file in its own directory.
type world struct {
	t     *testing.T
	dir   string
	db    *storage.DB
	svc   *app.Service
	clock time.Time
	seq   int
}

func newWorld(t *testing.T) *world {
	t.Helper()
	return newWorldWith(t, importers.V1{})
}

// newWorldWith is newWorld with another decoder.
func newWorldWith(t *testing.T, dec app.Decoder) *world {
	t.Helper()
	w := &world{t: t, dir: filepath.Join(t.TempDir(), "data"), clock: time.Date(2019, 9, 1, 10, 0, 0, 0, time.UTC)}
	db, err := storage.Open(filepath.Join(w.dir, "terugkeer.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	w.db = db
	w.svc = app.NewService(db, dec, func() time.Time { return w.clock })
	if err := w.svc.Init(context.Background(), []string{"0193"}); err != nil {
		t.Fatal(err)
	}
	return w
}

// importXML imports one message and returns its single result.
func (w *world) importXML(x string) app.Result {
	w.t.Helper()
	w.seq++
	rs, err := w.svc.ImportBytes(context.Background(), fmt.Sprintf("bericht-%d.xml", w.seq), "", []byte(x))
	if err != nil {
		w.t.Fatal(err)
	}
	if len(rs) != 1 {
		w.t.Fatalf("%d results, want 1", len(rs))
	}
	return rs[0]
}

func (w *world) mustImport(x string) app.Result {
	w.t.Helper()
	r := w.importXML(x)
	if r.Resultaat != app.Geimporteerd {
		w.t.Fatalf("import: %s (%s)", r.Resultaat, r.Reden)
	}
	return r
}

// onDisk reports whether any file in the data directory holds marker, in any case.
func (w *world) onDisk(marker string) bool {
	w.t.Helper()
	needle := []byte(strings.ToLower(marker))
	found := false
	err := filepath.WalkDir(w.dir, func(name string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(name)
		if bytes.Contains(bytes.ToLower(b), needle) {
			found = true
		}
		return err
	})
	if err != nil {
		w.t.Fatal(err)
	}
	return found
}

// present fails unless every marker is on disk: the scan can find what it looks for.
func (w *world) present(markers ...string) {
	w.t.Helper()
	for _, m := range markers {
		if !w.onDisk(m) {
			w.t.Fatalf("marker %s is not on disk before the purge: the scan could not fail", m)
		}
	}
}

func (w *world) absent(markers ...string) {
	w.t.Helper()
	for _, m := range markers {
		if w.onDisk(m) {
			w.t.Errorf("marker %s is still on disk after the purge", m)
		}
	}
}

func (w *world) audit(actie string) []app.AuditEntry {
	w.t.Helper()
	es, err := w.svc.AuditLog(context.Background(), app.AuditFilter{Actie: actie})
	if err != nil {
		w.t.Fatal(err)
	}
	return es
}

func (w *world) personCount() int {
	w.t.Helper()
	rows, err := w.svc.Persons(context.Background(), app.PersonQuery{})
	if err != nil {
		w.t.Fatal(err)
	}
	return len(rows)
}

var kenmerkSeq int

// bodyDateRe finds the body dates that may not lie after verzonden.
var bodyDateRe = regexp.MustCompile(`(?:opgesteld="|ondertekend="|<begindatum>)([0-9]{4}-[0-9]{2}-[0-9]{2})`)

// sentFor is the verzonden of a generated message: the day of its latest body date (a
// body date after verzonden is invalid), 2019-01-01 without one.
func sentFor(body string) string {
	day := "2019-01-01"
	for _, m := range bodyDateRe.FindAllStringSubmatch(body, -1) {
		if m[1] > day {
			day = m[1]
		}
	}
	return day + "T08:00:00+02:00"
}

func envelope(soort, bsn, achternaam, body string) string {
	kenmerkSeq++
	return fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<bericht xmlns="urn:terugkeer:bericht:1" versie="1" soort="%s" kenmerk="AGG-2019-%06d" verzonden="%s">
  <afzender><inrichting code="PI-ZWL">PI Zwolle</inrichting></afzender>
  <gemeente code="0193">Zwolle</gemeente>
  <betrokkene><bsn>%s</bsn><voornamen>Piet</voornamen><achternaam>%s</achternaam><geboortedatum>1980-01-01</geboortedatum></betrokkene>
  %s
</bericht>`, soort, kenmerkSeq, sentFor(body), bsn, achternaam, body)
}

func melding(bsn, achternaam, begin, eind string) string {
	e := ""
	if eind != "" {
		e = `<einddatum status="verwacht">` + eind + `</einddatum>`
	}
	return envelope("melding-begin-detentie", bsn, achternaam,
		`<detentie><begindatum>`+begin+`</begindatum>`+e+`</detentie>`)
}

// sheet is an informatieblad giving consent for the named domains; for each consented
// domain it carries one topic whose toelichting and the hulpvraag hold marker+"-"+domain,
// and a general contact topic holding marker+"-contact".
func sheet(bsn, achternaam, opgesteld, marker string, ja ...app.Domain) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<informatieblad opgesteld="%s">`, opgesteld)
	topic := map[app.Domain]string{
		app.Identiteitsbewijs: "identiteitsbewijs.geldig", app.Onderdak: "onderdak.na-detentie",
		app.WerkEnInkomen: "werk-en-inkomen.na-detentie", app.Schulden: "schulden.aanwezig",
		app.Zorg: "zorg.medicatie", app.ZorgVoorThuis: "zorg-voor-thuis.kinderen",
	}
	given := map[app.Domain]bool{}
	for _, d := range ja {
		given[d] = true
	}
	for _, d := range app.Domains() {
		g := "nee"
		if given[d] {
			g = "ja"
		}
		fmt.Fprintf(&b, `<toestemming domein="%s" gegeven="%s"/>`, d, g)
	}
	for _, d := range ja {
		fmt.Fprintf(&b, `<onderwerp code="%s"><antwoord>ja</antwoord><toelichting>toel %s-%s</toelichting></onderwerp>`,
			topic[d], marker, d)
	}
	fmt.Fprintf(&b, `<onderwerp code="contact.bereikbaarheid"><antwoord></antwoord><toelichting>%s-contact</toelichting></onderwerp>`, marker)
	for _, d := range ja {
		fmt.Fprintf(&b, `<hulpvraag domein="%s">hulp %s-%s-hulp</hulpvraag>`, d, marker, d)
	}
	b.WriteString(`</informatieblad>`)
	return envelope("informatieblad", bsn, achternaam, b.String())
}

func intrekking(bsn, achternaam, ondertekend string, domeinen ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<intrekking ondertekend="%s">`, ondertekend)
	for _, d := range domeinen {
		fmt.Fprintf(&b, `<domein>%s</domein>`, d)
	}
	b.WriteString(`</intrekking>`)
	return envelope("intrekking", bsn, achternaam, b.String())
}
