package app_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/internal/apptest"
)

// world is a real service on a real store (internal/apptest: a SQLite file in its own
// directory, or a PostgreSQL database with TERUGKEER_TEST_BACKEND=postgres), with the
// clock in w.clock.
type world struct {
	t     *testing.T
	a     *apptest.World
	db    app.Store
	svc   *app.Service
	clock time.Time
	seq   int
}

func newWorld(t *testing.T) *world {
	t.Helper()
	return newWorldWith(t, importers.Decoder{})
}

// newWorldWith is newWorld with another decoder.
func newWorldWith(t *testing.T, dec app.Decoder) *world {
	t.Helper()
	w := &world{t: t, clock: apptest.DefaultClock}
	a := apptest.Open(t, apptest.WithDecoder(dec), apptest.WithClockFunc(func() time.Time { return w.clock }))
	w.a, w.db, w.svc = a, a.Store, a.Svc
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
	return w.a.OnDisk(marker)
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

// melding is a melding begin detentie (internal/apptest's generator, as every message
// of these tests), sent at 08:00 on its begindatum.
func melding(bsn, achternaam, begin, eind string) string {
	return string(apptest.XML(apptest.Melding(apptest.Subject(bsn, achternaam), begin, eind)))
}

// sheet is an informatieblad giving consent for the named domains; for each consented
// domain it carries one topic whose toelichting and the hulpvraag hold marker+"-"+domain,
// and a general contact topic holding marker+"-contact".
func sheet(bsn, achternaam, opgesteld, marker string, ja ...app.Domain) string {
	m := apptest.Sheet(apptest.Subject(bsn, achternaam), opgesteld, ja...)
	topic := map[app.Domain]string{
		app.Identiteitsbewijs: "identiteitsbewijs.geldig", app.Onderdak: "onderdak.na-detentie",
		app.WerkEnInkomen: "werk-en-inkomen.na-detentie", app.Schulden: "schulden.aanwezig",
		app.Zorg: "zorg.medicatie", app.ZorgVoorThuis: "zorg-voor-thuis.kinderen",
	}
	sh := m.Informatieblad
	for _, d := range ja {
		sh.Onderwerpen = append(sh.Onderwerpen, app.Answer{Code: topic[d], Antwoord: "ja",
			Toelichting: fmt.Sprintf("toel %s-%s", marker, d)})
		sh.Hulpvragen[d] = fmt.Sprintf("hulp %s-%s-hulp", marker, d)
	}
	sh.Onderwerpen = append(sh.Onderwerpen, app.Answer{Code: "contact.bereikbaarheid", Toelichting: marker + "-contact"})
	return string(apptest.XML(m))
}

// intrekking names the domains as given ("alle", or a name the spec does not know).
func intrekking(bsn, achternaam, ondertekend string, domeinen ...string) string {
	m := apptest.Revocation(apptest.Subject(bsn, achternaam), ondertekend)
	m.Intrekking.Alle, m.Intrekking.Domeinen = false, nil
	for _, d := range domeinen {
		m.Intrekking.Domeinen = append(m.Intrekking.Domeinen, app.Domain(d))
	}
	return string(apptest.XML(m))
}
